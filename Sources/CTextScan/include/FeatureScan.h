/*
 * The per-line pass of the heuristics' feature extraction (`FeatureExtractor.measure`): word
 * boundaries, stopword lookups and the shape counts of one line in one walk over its bytes.
 * Portable C (no CPU-specific instructions): it replaces a Swift loop whose cost was in
 * per-byte state kept in memory, not in anything vector instructions would remove.
 */
#ifndef WINNOW_FEATURESCAN_H
#define WINNOW_FEATURESCAN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A stopword of at most 16 bytes packed little-endian and zero-padded into `low` and `high`;
   `maskAndLength` holds its language mask (bits 0-57) and its length (bits 58-63), 0 for an
   empty slot. */
typedef struct {
    uint64_t low;
    uint64_t high;
    uint64_t maskAndLength;
} WinnowShortStopword;

/* A stopword of any length: its bytes at `start` in the arena, and its language mask. */
typedef struct {
    int32_t start;
    int32_t length;
    uint64_t mask;
} WinnowStopword;

/* The stopword index (`StopwordIndex`) as the kernel reads it. Every pointer stays valid and
   unchanged for as long as the kernel may be called with it. */
typedef struct {
    /* Open-addressing table of the stopwords of at most 16 bytes, `shortMask + 1` slots, and
       its blocked Bloom filter of `bloomWords` words. */
    const WinnowShortStopword *shortTable;
    int64_t shortMask;
    const uint64_t *shortBloom;
    /* All stopwords: `slots` (`slotMask + 1` of them, -1 empty) index `entries`, whose bytes
       are in `arena`; `bloom` filters them (FNV-1a hashes). */
    const int32_t *slots;
    int64_t slotMask;
    const WinnowStopword *entries;
    const uint8_t *arena;
    const uint64_t *bloom;
    int64_t bloomWords;
    /* Words longer than this (in folded bytes) are not looked up by `winnow_feature_scan`
       (the smaller of `maxLength` and 64). */
    int64_t foldLimit;
    /* The longest stopword, in bytes. */
    int64_t maxLength;
} WinnowStopwordTable;

/* What `winnow_feature_scan` found in a line. */
typedef struct {
    /* `winnow_shape_hash` of the line's shape bytes (ASCII letters and digits, any non-ASCII
       byte), ASCII case-folded, one after the other. */
    uint64_t fingerprint;
    /* The languages with a stopword hit (bit `i` for slot `i`). */
    uint64_t touched;
    /* Stopword-scanner words (letters, digits, in-word apostrophes, non-punctuation
       non-ASCII characters). */
    int64_t words;
    /* Shape words that start with an ASCII letter, and with a capital. */
    int64_t lettered;
    int64_t capitalised;
    int64_t pipes;
    /* Word hashes (`winnow_word_hash` of each shape word's folded bytes) written to
       `wordHashes` (only when the line is at most 1,200 bytes). */
    int64_t wordHashCount;
    /* The first shape words (only when the line is at most 160 bytes): byte ranges. */
    int64_t leadingCount;
    int64_t leadingStart[3];
    int64_t leadingEnd[3];
    int32_t hasDigit;
    int32_t hasTimeOfDay;
    /* A character of a script written without spaces (the caller counts words with ICU). */
    int32_t needsDictionary;
    int32_t wantsWordHashes;
} WinnowLineScan;

/*
 * Scans `line` (`count` bytes of UTF-8; any bytes are read safely) and adds one to
 * `hits[slot]` for every stopword of the language in slot `slot` (`hits` has one counter per
 * language of the table). `wordHashes` takes up to `wordHashCapacity` hashes (1,201 always
 * suffice); `shape` (scratch of at least `count + 8` bytes) takes the folded shape bytes. When `markupLine` is not NULL, the scan gives up at the first byte of `line` that
 * is inline markup of `markupLine` (see `FeatureExtractor.isMarkupByte`): it then resets the
 * hits it added and returns 0. Returns 1 otherwise.
 */
int32_t winnow_feature_scan(const uint8_t *line, int64_t count, const uint8_t *markupLine, int64_t markupCount,
    const WinnowStopwordTable *table, int32_t *hits, uint64_t *wordHashes, int64_t wordHashCapacity,
    uint8_t *shape, WinnowLineScan *out);

/*
 * `TitleMatchHeuristic.forEachContentWord`: writes to `hashes` (at most `capacity`; `count`
 * always suffice) the hash of every word of `text` that is neither made of digits alone nor a
 * stopword of a language in `stopwordBits` (of any language when it is 0), in text order, and
 * returns how many. Words are runs of ASCII letters and digits and non-ASCII bytes, less
 * U+2000…U+207F; the hash of the ASCII case-folded word is `StopwordIndex.shortHash` of its
 * packed bytes when it has at most 16 bytes, else `StopwordIndex.finish` of its FNV-1a.
 */
int64_t winnow_content_words(const uint8_t *text, int64_t count, const WinnowStopwordTable *table,
    uint64_t stopwordBits, int64_t *hashes, int64_t capacity);

/* A 64-bit hash of `count` bytes, 8 at a time (the fingerprint and the word hashes only need
   equal bytes to give equal hashes, which FNV-1a gave one byte at a time). */
uint64_t winnow_shape_hash(const uint8_t *bytes, int64_t count);

/* The hash of a shape word (`count` bytes, none of them 0) that `winnow_feature_scan` writes
   to `wordHashes`: a word of at most 8 bytes is its bytes, little-endian (so short words never
   collide), a longer one `winnow_shape_hash`. Equal words give equal hashes. */
uint64_t winnow_word_hash(const uint8_t *bytes, int64_t count);

/* Asks the CPU to bring `address` into cache (no effect on what any load returns): Swift has
   no prefetch of its own. */
static inline void winnow_prefetch(const void *address) { __builtin_prefetch(address); }

#ifdef __cplusplus
}
#endif

#endif
