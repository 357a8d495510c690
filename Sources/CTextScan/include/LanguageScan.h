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

/*
 * `Double.exponential` of the four values x[0..<4], each within -700...0: the scorer's own
 * series, as `winnow_langid_softmax_sum` computes its terms, so bit for bit the Swift ones.
 * Sets out[0..<4] and returns 1, or returns -1 (writing nothing) when the CPU lacks AVX2 or a
 * value is outside -700...0 (or NaN).
 */
int32_t winnow_langid_exponentials4(const double *x, double *out);

/*
 * The candidates' totals and the best few of them, as `LanguageScorer.ranking` finds them:
 * totals[s] = scores[s] + priors[s], then + charges[0], …, + charges[5] (float additions in
 * that order, so the same bits), for s in 0..<count; then the `limit` largest totals in
 * tops[0..<kept], best first (ties: the lower slot first), their slots in slots[0..<kept].
 * Returns kept (min(count, limit)), or -1 when an argument is out of range.
 */
int64_t winnow_langid_leaders(const float *scores, const float *priors, const float *charges, int64_t count,
    float *totals, int64_t limit, int64_t *slots, float *tops);

/* The language model's open-addressing table (see LanguageModel.swift for its layout). */
typedef struct WinnowLangidTable {
    /* `slotCount` slots of three u16: fingerprint, entry offset low 16 bits, offset high 8 bits << 8 | count. */
    const uint16_t *slots;
    uint64_t slotCount;
    /* `entryCount` (language, quantised -log p) byte pairs. */
    const uint8_t *entries;
    uint64_t entryCount;
} WinnowLangidTable;

/*
 * The entries `table` holds for `key`, found as `winnow_langid_score_words` finds them (and as
 * `LanguageModel.Table.entries(for:)` does): the search starts at slot
 * (low 32 bits of key * slotCount) >> 32 and ends at the first slot holding the key's
 * fingerprint (its top 16 bits, 1 for 0) or nothing (fingerprint 0), wrapping round; a table
 * with no empty slot is searched once round. Sets *offset (in entry pairs) and returns the
 * entry count (0 when the key is absent), or -1 for a missing or empty table.
 */
int32_t winnow_langid_entries(const WinnowLangidTable *table, uint64_t key, uint32_t *offset);

/* Most letters of a word the scorer keeps (`WordAccumulator.maxWordLength`). */
#define WINNOW_LANGID_MAX_WORD 64

/*
 * Scores `count` of the `pendingCount` words described by `starts`, `lengths` and `wordKeys`
 * (those at `indices`) against the model: for the i-th, word w = indices[i] (letters[starts[w]
 * ..< starts[w] + lengths[w]], folded scalars, and its word key wordKeys[w]), writes to vectors[i * poolCount
 * ..< (i + 1) * poolCount] the sum of the contributions of its word key and of its character
 * n-grams of order firstOrder...5 (the word padded with a space on each side; a lone padding
 * space is not a 1-gram), key after key and entry after entry as `WordAccumulator` adds them,
 * so the floats are bit for bit the same. An entry's language l adds
 * contributions[order * 256 + q] to slot slotOf[l]; languages with no slot (negative, or at
 * or above `languageCount`) add nothing. Words longer than WINNOW_LANGID_MAX_WORD letters are
 * cut to it. Returns 0, or -1 (writing nothing) when an argument is out of range: a word
 * outside `letters`, an index outside the pending words, more than 256 slots or model languages.
 */
int32_t winnow_langid_score_words(const WinnowLangidTable *table, const int16_t *slotOf, int64_t languageCount,
    const float *contributions, int64_t firstOrder, const uint32_t *letters, int64_t letterCount,
    const intptr_t *starts, const intptr_t *lengths, const uint64_t *wordKeys, intptr_t pendingCount,
    const intptr_t *indices, int64_t count, float *vectors, int64_t poolCount);

/* Where `winnow_langid_tokenize` writes the words it finds. */
typedef struct WinnowLangidWords {
    /* Room for the folded scalars of the words (at least the text's byte count). */
    uint32_t *letters;
    int64_t letterCapacity;
    /* Per word: where its letters start, how many (at most WINNOW_LANGID_MAX_WORD), its word
       key (not mixed with any cache salt) and its family (0 Latin, 1 Cyrillic). Room for
       `wordCapacity` words (at least the text's byte count). */
    intptr_t *starts;
    intptr_t *lengths;
    uint64_t *keys;
    uint8_t *families;
    int64_t wordCapacity;
    /* The word cache's slot table, if any (NULL for none): the tokenizer starts loading the
       slot of each word it finds (`WordScoreCache.Reader.prefetch`), well before the caller
       probes it. Slot i is at cacheSlots + i * cacheSlotStride; a word of family f probes from
       ((key ^ (f + 1) << 56) or 1 when that is 0) & cacheMask. */
    const void *cacheSlots;
    uint64_t cacheMask;
    int64_t cacheSlotStride;
    /* With `cacheSlots` and `vectors`, the tokenizer also probes the cache (as
       `WordScoreCache.Reader.vector` does), a few words behind the one it reads, and sets
       vectors[w] to word w's cached evidence, or NULL when the cache lacks it (or holds a
       vector of another length than poolCounts[family]); for such a word it starts loading the
       model slots of its keys from `table` (if not NULL), so that they arrive while it reads on.
       A slot's key (u64) is at offset 0, its vector's start (i32, in floats from cacheScores)
       at cacheStartOffset, its length (u16) at cacheCountOffset. */
    const float *cacheScores;
    int64_t cacheStartOffset;
    int64_t cacheCountOffset;
    int64_t poolCounts[2];
    const float **vectors;
    const WinnowLangidTable *table;
    /* Results: words found, letters of each family, words of each family, and keys looked up
       by order (word, 1...5-grams) for each family's words. */
    int64_t wordCount;
    int64_t letterCounts[2];
    int64_t wordCounts[2];
    int64_t lookups[2][6];
} WinnowLangidWords;

/*
 * The words of a text as `LanguageScorer.collect` reads them, for texts whose scalars are all
 * in the ranges it knows (ASCII, U+0080...U+024F, combining marks U+0300...U+036F, Cyrillic
 * U+0400...U+045F, punctuation U+2000...U+206F, currency signs U+20A0...U+20BF): chunks split
 * at ASCII white space, a chunk with `@` or `://` or starting with `www.` skipped, one with
 * `](` read up to it; words are runs of letters of one family (a mark continues a word), folded
 * as `LetterFolding.fold` does. `latinPooled` / `cyrillicPooled` say whether the model has
 * candidates for the family (words of a family without are only counted as letters).
 * Returns 1 with `out` filled; 0 when the text holds a scalar outside those ranges or is not
 * valid UTF-8 (the caller reads it the general way); -1 when the buffers are too small.
 */
int32_t winnow_langid_tokenize(const uint8_t *bytes, int64_t count, int32_t latinPooled, int32_t cyrillicPooled,
    int64_t firstOrder, WinnowLangidWords *out);

#ifdef __cplusplus
}
#endif

#endif
