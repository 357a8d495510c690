/* The 64-bit finaliser of MurmurHash3 (fmix64), shared by the C kernels that hash words. */
#ifndef WINNOW_MIX64_H
#define WINNOW_MIX64_H

#include <stdint.h>

static inline uint64_t winnow_mix64(uint64_t h) {
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDULL;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 33;
    return h;
}

#endif
