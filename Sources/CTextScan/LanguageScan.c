#include "LanguageScan.h"

#include <stdint.h>

/* Bits must match the Swift code term for term: no fused multiply-add anywhere. */
#pragma STDC FP_CONTRACT OFF

#if defined(__x86_64__)
#include <immintrin.h>

#define LANGSCAN_AVX2 __attribute__((target("avx2")))

static const double ln2 = 0.6931471805599453;

/* `Double.exponential` of four lanes in -700...0: q = x / ln 2, k = floor(q) by truncation,
   the series of x - k ln 2, times 2^k built from its bits. */
LANGSCAN_AVX2 static inline __m256d exponential4(__m256d x) {
    __m256d q = _mm256_div_pd(x, _mm256_set1_pd(ln2));
    __m256d truncated = _mm256_round_pd(q, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
    __m256d above = _mm256_cmp_pd(truncated, q, _CMP_GT_OQ);
    __m256d k = _mm256_sub_pd(truncated, _mm256_and_pd(above, _mm256_set1_pd(1.0)));
    __m128i k32 = _mm256_cvttpd_epi32(k);
    __m256i bits = _mm256_slli_epi64(_mm256_add_epi64(_mm256_cvtepi32_epi64(k32), _mm256_set1_epi64x(1023)), 52);
    __m256d scale = _mm256_castsi256_pd(bits);
    __m256d r = _mm256_sub_pd(x, _mm256_mul_pd(k, _mm256_set1_pd(ln2)));
    __m256d term = _mm256_set1_pd(1.0);
    __m256d sum = _mm256_set1_pd(1.0);
    term = _mm256_mul_pd(term, r);
    sum = _mm256_add_pd(sum, term);
    static const double inverse[11] = {
        0.5, 0.3333333333333333, 0.25, 0.2, 0.16666666666666666, 0.14285714285714285, 0.125,
        0.1111111111111111, 0.1, 0.09090909090909091, 0.08333333333333333,
    };
    for (int n = 0; n < 11; n++) {
        term = _mm256_mul_pd(term, _mm256_mul_pd(r, _mm256_set1_pd(inverse[n])));
        sum = _mm256_add_pd(sum, term);
    }
    return _mm256_mul_pd(sum, scale);
}

LANGSCAN_AVX2 static double softMaxSumAVX2(const float *totals, int64_t count, float best, float temperature) {
    double sum = 0.0;
    int64_t i = 0;
    double x[4];
    double e[4];
    while (i < count) {
        int lanes = count - i < 4 ? (int)(count - i) : 4;
        int take[4];
        for (int lane = 0; lane < 4; lane++) {
            /* A lane past the end, or a term left out, is computed from 0 and not added. */
            double value = lane < lanes ? (double)((totals[i + lane] - best) / temperature) : 0.0;
            take[lane] = value > -40.0;
            x[lane] = take[lane] ? value : 0.0;
            if (lane >= lanes) take[lane] = 0;
        }
        _mm256_storeu_pd(e, exponential4(_mm256_loadu_pd(x)));
        for (int lane = 0; lane < 4; lane++) {
            if (take[lane]) sum += e[lane];
        }
        i += lanes;
    }
    return sum;
}

static int hasAVX2(void) {
    /* A benign race: every thread stores the same answer. */
    static int cached = -1;
    int value = __atomic_load_n(&cached, __ATOMIC_RELAXED);
    if (value < 0) {
        __builtin_cpu_init();
        value = __builtin_cpu_supports("avx2") ? 1 : 0;
        __atomic_store_n(&cached, value, __ATOMIC_RELAXED);
    }
    return value;
}

int32_t winnow_langid_softmax_sum(const float *totals, int64_t count, float best, float temperature, double *sum) {
    if (!hasAVX2() || count < 0 || (count > 0 && totals == 0) || sum == 0) return -1;
    *sum = softMaxSumAVX2(totals, count, best, temperature);
    return 1;
}

#else

int32_t winnow_langid_softmax_sum(const float *totals, int64_t count, float best, float temperature, double *sum) {
    (void)totals; (void)count; (void)best; (void)temperature; (void)sum;
    return -1;
}

#endif
