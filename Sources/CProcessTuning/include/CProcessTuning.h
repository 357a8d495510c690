/*
 * Process-wide settings that the C library exposes only through C headers Swift's Glibc
 * module does not carry (<malloc.h>). Public header: stdint only.
 */
#ifndef WINNOW_CPROCESSTUNING_H
#define WINNOW_CPROCESSTUNING_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Asks the allocator to keep `bytes` of slack at the top of each heap when it grows or trims,
 * so a heap that is emptied and refilled batch after batch keeps its pages instead of faulting
 * fresh zeroed ones in. 1 when applied, 0 when the C library has no such setting.
 */
int32_t winnow_keep_heap_slack(int32_t bytes);

#ifdef __cplusplus
}
#endif

#endif
