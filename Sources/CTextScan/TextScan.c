#include "CTextScan.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

/*
 * UTF-8 validation by table lookups (Keiser and Lemire, "Validating UTF-8 in less than one
 * instruction per byte", 2021, as in simdutf): the high nibble of each byte, and the high and
 * low nibbles of the byte before it, each look up a byte of error flags; a flag set in all
 * three is an error of a two-byte pattern. What those cannot see (the third and fourth bytes
 * of a sequence) is checked by comparing "must be a continuation" with the flags.
 */
#define TOO_SHORT (1 << 0)
#define TOO_LONG (1 << 1)
#define OVERLONG_3 (1 << 2)
#define TOO_LARGE (1 << 3)
#define SURROGATE (1 << 4)
#define OVERLONG_2 (1 << 5)
#define TOO_LARGE_1000 (1 << 6)
#define OVERLONG_4 (1 << 6)
#define TWO_CONTS (1 << 7)
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS)

#define TARGET_AVX2 __attribute__((target("avx2,popcnt")))

TARGET_AVX2 static inline __m256i previous(__m256i input, __m256i prior, int n) {
    /* The 32 bytes ending n bytes before the end of `input`: the last n of `prior`, then input. */
    __m256i joined = _mm256_permute2x128_si256(prior, input, 0x21);
    switch (n) {
    case 1: return _mm256_alignr_epi8(input, joined, 15);
    case 2: return _mm256_alignr_epi8(input, joined, 14);
    default: return _mm256_alignr_epi8(input, joined, 13);
    }
}

/* A sixteen-entry lookup table, in both halves (the shuffle looks up within each half). */
TARGET_AVX2 static inline __m256i table(uint8_t a0, uint8_t a1, uint8_t a2, uint8_t a3, uint8_t a4, uint8_t a5,
    uint8_t a6, uint8_t a7, uint8_t a8, uint8_t a9, uint8_t a10, uint8_t a11, uint8_t a12, uint8_t a13,
    uint8_t a14, uint8_t a15) {
    const __m128i half = _mm_setr_epi8((char)a0, (char)a1, (char)a2, (char)a3, (char)a4, (char)a5, (char)a6,
        (char)a7, (char)a8, (char)a9, (char)a10, (char)a11, (char)a12, (char)a13, (char)a14, (char)a15);
    return _mm256_broadcastsi128_si256(half);
}

typedef struct {
    __m256i error;
    __m256i prior;
    __m256i incomplete;
    int64_t leads;
} Scan;

TARGET_AVX2 static inline void step(Scan *scan, __m256i input) {
    const __m256i low = _mm256_set1_epi8(0x0F);
    /* Controls other than tab, newline and carriage return: left to the caller's slow path. */
    __m256i isBelow20 = _mm256_cmpeq_epi8(_mm256_min_epu8(input, _mm256_set1_epi8(0x1F)), input);
    __m256i allowed = _mm256_or_si256(_mm256_cmpeq_epi8(input, _mm256_set1_epi8(0x09)),
        _mm256_or_si256(_mm256_cmpeq_epi8(input, _mm256_set1_epi8(0x0A)), _mm256_cmpeq_epi8(input, _mm256_set1_epi8(0x0D))));
    scan->error = _mm256_or_si256(scan->error, _mm256_andnot_si256(allowed, isBelow20));
    if (_mm256_movemask_epi8(input) == 0) {
        /* All ASCII: only a sequence cut off at the end of the step before can be wrong. */
        scan->error = _mm256_or_si256(scan->error, scan->incomplete);
        scan->prior = input;
        return;
    }
    __m256i prev1 = previous(input, scan->prior, 1);
    const __m256i byte1High = table(TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
        TOO_LONG, TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS, TOO_SHORT | OVERLONG_2, TOO_SHORT,
        TOO_SHORT | OVERLONG_3 | SURROGATE, TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);
    const __m256i byte1Low = table(CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4, CARRY | OVERLONG_2, CARRY, CARRY,
        CARRY | TOO_LARGE, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE, CARRY | TOO_LARGE | TOO_LARGE_1000,
        CARRY | TOO_LARGE | TOO_LARGE_1000);
    const __m256i byte2High = table(TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
        TOO_SHORT, TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,
        TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);
    __m256i special = _mm256_and_si256(
        _mm256_and_si256(_mm256_shuffle_epi8(byte1High, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), low)),
            _mm256_shuffle_epi8(byte1Low, _mm256_and_si256(prev1, low))),
        _mm256_shuffle_epi8(byte2High, _mm256_and_si256(_mm256_srli_epi16(input, 4), low)));
    __m256i prev2 = previous(input, scan->prior, 2);
    __m256i prev3 = previous(input, scan->prior, 3);
    __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8((char)(0xE0 - 0x80)));
    __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8((char)(0xF0 - 0x80)));
    __m256i must23 = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
    scan->error = _mm256_or_si256(scan->error, _mm256_xor_si256(must23, special));
    /* A lead in the last three bytes that wants more bytes than the step has left. */
    const __m256i maxValue = _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
        -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1));
    scan->incomplete = _mm256_subs_epu8(input, maxValue);
    __m256i isLead = _mm256_cmpeq_epi8(_mm256_max_epu8(input, _mm256_set1_epi8((char)0xC0)), input);
    scan->leads += __builtin_popcount((unsigned)_mm256_movemask_epi8(isLead));
    scan->prior = input;
}

TARGET_AVX2 static int32_t checkPlainAVX2(const uint8_t *bytes, int64_t length, int64_t *leads) {
    Scan scan = {_mm256_setzero_si256(), _mm256_setzero_si256(), _mm256_setzero_si256(), 0};
    int64_t index = 0;
    for (; index + 32 <= length; index += 32) {
        step(&scan, _mm256_loadu_si256((const __m256i *)(bytes + index)));
    }
    if (index < length) {
        /* The tail, padded with spaces: a sequence cut off by the end is then an error. */
        uint8_t padded[32];
        memset(padded, 0x20, sizeof padded);
        memcpy(padded, bytes + index, (size_t)(length - index));
        step(&scan, _mm256_loadu_si256((const __m256i *)padded));
    }
    scan.error = _mm256_or_si256(scan.error, scan.incomplete);
    *leads = scan.leads;
    return _mm256_testz_si256(scan.error, scan.error) ? 1 : 0;
}

static int hasAVX2(void) {
    static int cached = -1;
    int value = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (value < 0) {
        __builtin_cpu_init();
        value = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt") ? 1 : 0;
        __atomic_store_n(&cached, value, __ATOMIC_RELAXED);
    }
    return value;
}

int32_t winnow_utf8_check_plain(const uint8_t *bytes, int64_t length, int64_t *leads) {
    if (!hasAVX2()) return -1;
    return checkPlainAVX2(bytes, length, leads);
}

#else

int32_t winnow_utf8_check_plain(const uint8_t *bytes, int64_t length, int64_t *leads) {
    (void)bytes;
    (void)length;
    *leads = 0;
    return -1;
}

#endif
