/*
 * Kernels of the language detector's scoring (see Sources/Winnow/Language), chosen at run time
 * from what the CPU supports. Each returns -1 when no kernel fits this CPU, and the caller
 * then uses its portable Swift path, which gives the same bits.
 */
#ifndef WINNOW_LANGUAGESCAN_H
#define WINNOW_LANGUAGESCAN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The soft-max denominator of `LanguageScorer.softMaxSum`: the sum, in index order, of
 * e^x for x = (double)((totals[i] - best) / temperature) (a float division), leaving out the
 * terms with x <= -40 (and NaN). e^x is the scorer's own series (12 Taylor terms after a
 * reduction by ln 2, no fused multiply-add), so every term and the sum are bit for bit the
 * Swift ones. Meant for x <= 0 (`best` is the largest total). Sets `*sum` and returns 1, or
 * returns -1 (and leaves `*sum` alone) when the CPU lacks AVX2. `count` may be 0.
 */
int32_t winnow_langid_softmax_sum(const float *totals, int64_t count, float best, float temperature, double *sum);

#ifdef __cplusplus
}
#endif

#endif
