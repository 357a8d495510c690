/*
 * Byte-scanning kernels that want instructions Swift's portable SIMD types cannot express
 * (byte shuffles as table lookups), chosen at run time from what the CPU supports. Each
 * returns -1 when no kernel fits this CPU, and the caller then uses its portable Swift path.
 */
#ifndef WINNOW_CTEXTSCAN_H
#define WINNOW_CTEXTSCAN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * 1 when `bytes` is valid UTF-8 holding no C0 control other than tab, newline and carriage
 * return (the common case of a text file), with `*leads` set to the number of lead bytes
 * (C0 and above), that is of multi-byte sequences; 0 when it is not (the caller then looks
 * byte by byte); -1 when the CPU has no fitting instructions.
 */
int32_t winnow_utf8_check_plain(const uint8_t *bytes, int64_t length, int64_t *leads);

#ifdef __cplusplus
}
#endif

#endif
