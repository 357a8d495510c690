#include "LanguageScan.h"

#include <stdint.h>
#include "Mix64.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Bits must match the Swift code term for term: no fused multiply-add anywhere. */
#pragma STDC FP_CONTRACT OFF

/* ---- Scoring words the cache lacks ---- */

#define MAX_KEYS (1 + 5 * (WINNOW_LANGID_MAX_WORD + 2))
#define STAGES 3

static const uint64_t fnvBasis = 0xCBF29CE484222325ULL;
static const uint64_t fnvPrime = 0x100000001B3ULL;

static inline uint64_t hashFinish(uint64_t h) { return winnow_mix64(h); }

static inline void prefetchLines(const void *start, uint64_t byteCount) {
    uintptr_t line = (uintptr_t)start & ~(uintptr_t)63;
    uintptr_t end = (uintptr_t)start + byteCount;
    for (; line < end; line += 64) __builtin_prefetch((const void *)line, 0, 3);
}

typedef struct Stage {
    uint64_t keys[MAX_KEYS];
    uint8_t orders[MAX_KEYS];
    uint32_t offsets[MAX_KEYS];
    uint8_t counts[MAX_KEYS];
    int64_t keyCount;
} Stage;

static inline uint64_t firstSlot(const WinnowLangidTable *table, uint64_t key) {
    return ((uint64_t)(uint32_t)key * table->slotCount) >> 32;
}

/* The keys of a word (its word key, then its n-grams by start and order), with its slots prefetched. */
static inline void hashKeys(Stage *stage, const WinnowLangidTable *table, const uint32_t *letters, int64_t length,
    uint64_t wordKey, int64_t firstOrder) {
    uint32_t padded[WINNOW_LANGID_MAX_WORD + 2];
    padded[0] = 0x20;
    for (int64_t i = 0; i < length; i++) padded[i + 1] = letters[i];
    padded[length + 1] = 0x20;
    int64_t total = length + 2;
    stage->keys[0] = wordKey;
    stage->orders[0] = 0;
    int64_t keyCount = 1;
    for (int64_t start = 0; start < total; start++) {
        uint64_t g = fnvBasis;
        int64_t top = total - start < 5 ? total - start : 5;
        for (int64_t n = 1; n <= top; n++) {
            g = (g ^ (uint64_t)padded[start + n - 1]) * fnvPrime;
            if (n < firstOrder || (n == 1 && padded[start] == 0x20)) continue;
            stage->keys[keyCount] = hashFinish(g ^ (uint64_t)n);
            stage->orders[keyCount] = (uint8_t)n;
            keyCount++;
        }
    }
    stage->keyCount = keyCount;
    for (int64_t k = 0; k < keyCount; k++) {
        prefetchLines(table->slots + 3 * firstSlot(table, stage->keys[k]), 66);
    }
}

/* Reads slot `index`'s entry list: sets `*offset` (in pairs) and returns its count. */
static inline uint32_t slotEntries(const uint16_t *slots, uint64_t index, uint32_t *offset) {
    uint16_t high = slots[3 * index + 2];
    *offset = (uint32_t)slots[3 * index + 1] | (uint32_t)(high >> 8) << 16;
    return high & 0xFF;
}

/* The entries of `key`: sets `*offset` (in pairs) and returns their count, 0 when absent.
   The first slot holding the key's fingerprint or nothing ends the search. (Testing eight
   slots at once with SSE2 measured no faster: the search waits for memory, not branches.) */
static inline uint32_t findScalar(const WinnowLangidTable *table, uint64_t key, uint32_t *offset) {
    uint16_t fingerprint = (uint16_t)(key >> 48);
    if (fingerprint == 0) fingerprint = 1;
    uint64_t index = firstSlot(table, key);
    const uint16_t *slots = table->slots;
    uint64_t probes = 0;
    /* The table always has an empty slot (it is at most 80 % full), so the search ends;
       a damaged table without one is searched once round, then treated as lacking the key. */
    for (; probes < table->slotCount; probes++) {
        uint16_t stored = slots[3 * index];
        if (stored == fingerprint) return slotEntries(slots, index, offset);
        if (stored == 0) return 0;
        index++;
        if (index == table->slotCount) index = 0;
    }
    return 0;
}

int32_t winnow_langid_entries(const WinnowLangidTable *table, uint64_t key, uint32_t *offset) {
    if (table == 0 || table->slots == 0 || table->slotCount == 0 || table->slotCount > 0xFFFFFFFFULL || offset == 0)
        return -1;
    *offset = 0;
    return (int32_t)findScalar(table, key, offset);
}

static inline void probe(Stage *stage, const WinnowLangidTable *table) {
    for (int64_t k = 0; k < stage->keyCount; k++) {
        uint32_t offset = 0;
        uint32_t count = findScalar(table, stage->keys[k], &offset);
        /* An entry list past the end of the table counts as absent. */
        if ((uint64_t)offset + count > table->entryCount) count = 0;
        stage->offsets[k] = offset;
        stage->counts[k] = (uint8_t)count;
        if (count > 0) prefetchLines(table->entries + 2 * (uint64_t)offset, 2 * count);
    }
}

/* Adds up a word's entries into `vector`. `slotFor` maps a language byte to its slot, or to
   `poolCount`, a spare slot that takes (and forgets) the entries of other languages, so the
   loop has no branch on the language. */
static inline void addUp(const Stage *stage, const WinnowLangidTable *table, const int32_t *slotFor,
    const float *contributions, float *vector, int64_t poolCount) {
    float sums[257];
    for (int64_t s = 0; s <= poolCount; s++) sums[s] = 0.0f;
    for (int64_t k = 0; k < stage->keyCount; k++) {
        const uint8_t *pairs = table->entries + 2 * (uint64_t)stage->offsets[k];
        const float *row = contributions + ((int64_t)stage->orders[k] << 8);
        int64_t n = stage->counts[k];
        for (int64_t e = 0; e < n; e++) {
            /* One load for the pair (on a little-endian CPU the language is its low byte):
               two byte loads per entry kept the loop waiting on loads. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            uint16_t pair;
            __builtin_memcpy(&pair, pairs + 2 * e, 2);
            sums[slotFor[pair & 0xFF]] += row[pair >> 8];
#else
            sums[slotFor[pairs[2 * e]]] += row[pairs[2 * e + 1]];
#endif
        }
    }
    for (int64_t s = 0; s < poolCount; s++) vector[s] = sums[s];
}

int32_t winnow_langid_score_words(const WinnowLangidTable *table, const int16_t *slotOf, int64_t languageCount,
    const float *contributions, int64_t firstOrder, const uint32_t *letters, int64_t letterCount,
    const intptr_t *starts, const intptr_t *lengths, const uint64_t *wordKeys, intptr_t pendingCount,
    const intptr_t *indices, int64_t count, float *vectors, int64_t poolCount) {
    if (table == 0 || table->slots == 0 || table->slotCount == 0 || table->slotCount > 0xFFFFFFFFULL
        || table->entries == 0 || contributions == 0 || count < 0 || poolCount < 0 || poolCount > 256
        || languageCount < 0 || languageCount > 256 || (languageCount > 0 && slotOf == 0))
        return -1;
    if (count == 0) return 0;
    if (letters == 0 || starts == 0 || lengths == 0 || wordKeys == 0 || indices == 0 || vectors == 0) return -1;
    for (int64_t i = 0; i < count; i++) {
        intptr_t w = indices[i];
        if (w < 0 || w >= pendingCount) return -1;
        if (starts[w] < 0 || lengths[w] < 0 || starts[w] > letterCount || lengths[w] > letterCount - starts[w])
            return -1;
    }
    /* The bytes past the model's languages (only a damaged table has entries for them) all
       go to the spare slot: filled apart, as a run the compiler vectorises, since a test per
       byte cost more than the few words of a typical call. */
    int32_t slotFor[256];
    for (int64_t l = 0; l < languageCount; l++) {
        int32_t slot = slotOf[l];
        slotFor[l] = slot >= 0 && slot < poolCount ? slot : (int32_t)poolCount;
    }
    for (int64_t l = languageCount; l < 256; l++) slotFor[l] = (int32_t)poolCount;
    /* Three words in flight, a step apart: one hashed (its slots prefetched), one probed (its
       entries prefetched), one added up, so each memory wait overlaps the others' work. */
    Stage stages[STAGES];
    for (int64_t step = 0; step < count + 2; step++) {
        if (step < count) {
            intptr_t w = indices[step];
            int64_t length = lengths[w] < WINNOW_LANGID_MAX_WORD ? lengths[w] : WINNOW_LANGID_MAX_WORD;
            hashKeys(&stages[step % STAGES], table, letters + starts[w], length, wordKeys[w], firstOrder);
        }
        if (step >= 1 && step - 1 < count) probe(&stages[(step - 1) % STAGES], table);
        if (step >= 2) {
            int64_t word = step - 2;
            addUp(&stages[word % STAGES], table, slotFor, contributions, vectors + word * poolCount, poolCount);
        }
    }
    return 0;
}

/* ---- Reading a text into words ---- */

static const uint64_t wordSalt = 0x9E3779B97F4A7C15ULL;

enum { KIND_OTHER, KIND_LETTER, KIND_MARK, KIND_UNKNOWN };

/* What `LetterFolding.kind` says of `cp` (not ASCII), and `ScriptFamily.of` for letters
   (*family 0 Latin, 1 Cyrillic); KIND_UNKNOWN outside the ranges handled here. */
static inline int kindOf(uint32_t cp, int *family) {
    if (cp < 0xC0) {
        *family = 0;
        return cp == 0xAA || cp == 0xB5 || cp == 0xBA ? KIND_LETTER : KIND_OTHER;
    }
    if (cp < 0x2B0) {  /* Latin-1 to IPA Extensions (Azerbaijani ə) */
        *family = 0;
        return cp == 0xD7 || cp == 0xF7 ? KIND_OTHER : KIND_LETTER;
    }
    if (cp >= 0x300 && cp < 0x370) return KIND_MARK;
    if (cp >= 0x400 && cp < 0x460) {
        *family = 1;
        return KIND_LETTER;
    }
    if ((cp >= 0x2000 && cp < 0x2070) || (cp >= 0x20A0 && cp < 0x20C0)) return KIND_OTHER;
    return KIND_UNKNOWN;
}

/* `LetterFolding.fold` for the letters `kindOf` knows. */
static inline uint32_t fold(uint32_t cp) {
    if (cp < 0x80) return cp - 0x41 < 26 ? cp + 32 : cp;
    if (cp < 0x100) return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7 ? cp + 32 : cp;
    if (cp == 0x18F) return 0x259;
    if (cp < 0x180) {
        if (cp == 0x130) return 0x69;
        if (cp == 0x15E || cp == 0x15F) return 0x219;
        if (cp == 0x162 || cp == 0x163) return 0x21B;
        if (cp == 0x178) return 0xFF;
        if (cp <= 0x137 || (cp >= 0x14A && cp <= 0x177)) return cp | 1;
        if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return cp & 1 ? cp + 1 : cp;
        return cp;
    }
    if (cp >= 0x200 && cp <= 0x233) return cp | 1;
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
    return cp;
}

static inline int isSpace(uint8_t b) { return b == 0x20 || (b >= 0x09 && b <= 0x0D); }

enum { CHUNK_PLAIN, CHUNK_SPACE, CHUNK_SPECIAL };

/* What a byte is to the chunk scan: white space (`isSpace`) ends a chunk; `@`, `:` and `]`
   may mark it as a link or an address; every other byte is plain. */
static const uint8_t chunkByteKind[256] = {
    [0x09] = CHUNK_SPACE, [0x0A] = CHUNK_SPACE, [0x0B] = CHUNK_SPACE, [0x0C] = CHUNK_SPACE,
    [0x0D] = CHUNK_SPACE, [0x20] = CHUNK_SPACE, [0x40] = CHUNK_SPECIAL, [0x3A] = CHUNK_SPECIAL,
    [0x5D] = CHUNK_SPECIAL,
};

typedef struct Tokenizer {
    WinnowLangidWords *out;
    int64_t firstOrder;
    int open;          /* family of the open word, -1 for none */
    int64_t start;     /* where the open word's letters start in out->letters */
    int64_t length;
    uint64_t hash;
    int64_t probed;    /* words whose cache slot has been read */
} Tokenizer;

/* Words between the one just found and the one whose cache slot is read: the slot,
   prefetched when its word was found, has had that long to arrive. */
#define PROBE_LAG 8

/* A word the cache lacks: starts loading the model slots of its keys (as `hashKeys` makes
   them), so that they arrive while the tokenizer reads on. Apart from `probeWord`, whose hit
   path then needs no frame for the padded word. */
static __attribute__((noinline)) void prefetchModelSlots(const Tokenizer *t, int64_t w) {
    const WinnowLangidWords *out = t->out;
    const WinnowLangidTable *table = out->table;
    const uint32_t *letters = out->letters + out->starts[w];
    int64_t length = out->lengths[w];
    uint32_t padded[WINNOW_LANGID_MAX_WORD + 2];
    padded[0] = 0x20;
    for (int64_t i = 0; i < length; i++) padded[i + 1] = letters[i];
    padded[length + 1] = 0x20;
    int64_t total = length + 2;
    __builtin_prefetch(table->slots + 3 * firstSlot(table, out->keys[w]), 0, 3);
    for (int64_t start = 0; start < total; start++) {
        uint64_t g = fnvBasis;
        int64_t top = total - start < 5 ? total - start : 5;
        for (int64_t n = 1; n <= top; n++) {
            g = (g ^ (uint64_t)padded[start + n - 1]) * fnvPrime;
            if (n < t->firstOrder || (n == 1 && padded[start] == 0x20)) continue;
            prefetchLines(table->slots + 3 * firstSlot(table, hashFinish(g ^ (uint64_t)n)), 66);
        }
    }
}

/* Reads word w's cache slot (see WinnowLangidWords.vectors); on a miss, prefetches the model
   slots of the word's keys. */
static inline void probeWord(Tokenizer *t, int64_t w) {
    WinnowLangidWords *out = t->out;
    int family = out->families[w];
    uint64_t salted = out->keys[w] ^ (uint64_t)(family + 1) << 56;
    uint64_t wanted = salted == 0 ? 1 : salted;
    uint64_t slot = wanted & out->cacheMask;
    const uint8_t *slots = (const uint8_t *)out->cacheSlots;
    const float *vector = 0;
    for (uint64_t probes = 0; probes <= out->cacheMask; probes++) {
        const uint8_t *entry = slots + slot * (uint64_t)out->cacheSlotStride;
        uint64_t key;
        __builtin_memcpy(&key, entry, 8);
        if (key == wanted) {
            int32_t start;
            uint16_t count;
            __builtin_memcpy(&start, entry + out->cacheStartOffset, 4);
            __builtin_memcpy(&count, entry + out->cacheCountOffset, 2);
            if ((int64_t)count == out->poolCounts[family] && start >= 0) {
                vector = out->cacheScores + start;
                prefetchLines(vector, 4 * (uint64_t)count);
            }
            break;
        }
        if (key == 0) break;
        slot = (slot + 1) & out->cacheMask;
    }
    out->vectors[w] = vector;
    if (vector == 0 && out->table != 0) prefetchModelSlots(t, w);
}

/* Ends the open word: its key, family and lookups, and the cache probe of an earlier word. */
static __attribute__((noinline)) void closeWord(Tokenizer *t) {
    int family = t->open;
    t->open = -1;
    WinnowLangidWords *out = t->out;
    /* Every word takes at least one byte of the text, so a word list as long as the text has
       room; the test keeps a miscounted caller from writing past it. */
    if (t->length == 0 || out->wordCount >= out->wordCapacity) return;
    int64_t w = out->wordCount++;
    out->starts[w] = (intptr_t)t->start;
    out->lengths[w] = (intptr_t)t->length;
    uint64_t key = hashFinish(t->hash ^ wordSalt);
    out->keys[w] = key;
    if (out->cacheSlots != 0) {
        uint64_t salted = key ^ (uint64_t)(family + 1) << 56;
        uint64_t slot = (salted == 0 ? 1 : salted) & out->cacheMask;
        __builtin_prefetch((const uint8_t *)out->cacheSlots + slot * (uint64_t)out->cacheSlotStride, 0, 3);
    }
    out->families[w] = (uint8_t)family;
    out->wordCounts[family] += 1;
    /* `WordAccumulator.countLookups`: one word key, total - n + 1 n-grams of each order n
       (less the two lone padding spaces for n = 1). */
    int64_t total = t->length + 2;
    out->lookups[family][0] += 1;
    int64_t lowest = t->firstOrder > 1 ? t->firstOrder : 1;
    for (int64_t n = lowest; n <= 5; n++) {
        int64_t c = total - n + 1 - (n == 1 ? 2 : 0);
        if (c > 0) out->lookups[family][n] += c;
    }
    t->start += t->length;
    t->length = 0;
    t->hash = fnvBasis;
    if (out->vectors != 0 && out->cacheSlots != 0 && out->wordCount - t->probed > PROBE_LAG) {
        probeWord(t, t->probed);
        t->probed++;
    }
}

/* Most calls come with no word open (after punctuation, digits, a chunk's start): the test
   is inlined into the tokenizer's loop, and only an open word pays for a call. */
static inline __attribute__((always_inline)) void finishWord(Tokenizer *t) {
    if (t->open >= 0) closeWord(t);
}

static inline void append(Tokenizer *t, uint32_t scalar) {
    if (t->length < WINNOW_LANGID_MAX_WORD && t->start + t->length < t->out->letterCapacity) {
        t->out->letters[t->start + t->length] = scalar;
        t->length++;
        t->hash = (t->hash ^ (uint64_t)scalar) * fnvPrime;
    }
}

int32_t winnow_langid_tokenize(const uint8_t *bytes, int64_t count, int32_t latinPooled, int32_t cyrillicPooled,
    int64_t firstOrder, WinnowLangidWords *out) {
    if (out == 0 || count < 0 || (count > 0 && bytes == 0) || out->letters == 0 || out->starts == 0
        || out->lengths == 0 || out->keys == 0 || out->families == 0 || out->letterCapacity < count
        || out->wordCapacity < count)
        return -1;
    out->wordCount = 0;
    for (int f = 0; f < 2; f++) {
        out->letterCounts[f] = 0;
        out->wordCounts[f] = 0;
        for (int n = 0; n < 6; n++) out->lookups[f][n] = 0;
    }
    const int pooled[2] = {latinPooled != 0, cyrillicPooled != 0};
    Tokenizer t = {out, firstOrder, -1, 0, 0, fnvBasis, 0};
    int64_t i = 0;
    while (i < count) {
        while (i < count && isSpace(bytes[i])) i++;
        if (i == count) break;
        /* A chunk: `ScalarCursor.openChunk`. */
        int64_t start = i;
        int64_t cut = -1;
        int urlLike = 0;
        for (; i < count; i++) {
            /* One table load and one branch for the common byte: the tests below were a jump
               table per byte, a quarter of the tokenizer's time. */
            uint8_t kind = chunkByteKind[bytes[i]];
            if (kind == CHUNK_PLAIN) continue;
            if (kind == CHUNK_SPACE) break;
            uint8_t b = bytes[i];
            if (b == 0x40) {
                urlLike = 1;
            } else if (b == 0x3A && i + 2 < count && bytes[i + 1] == 0x2F && bytes[i + 2] == 0x2F) {
                urlLike = 1;
            } else if (b == 0x5D && cut < 0 && i + 1 < count && bytes[i + 1] == 0x28) {
                cut = i;
            }
        }
        if (i - start >= 4 && (bytes[start] | 0x20) == 0x77 && (bytes[start + 1] | 0x20) == 0x77
            && (bytes[start + 2] | 0x20) == 0x77 && bytes[start + 3] == 0x2E)
            urlLike = 1;
        int64_t stop = cut >= 0 ? cut : (urlLike ? start : i);
        /* The first scalar of a chunk ends the open word; none spans chunks. */
        finishWord(&t);
        int64_t p = start;
        while (p < stop) {
            uint32_t b0 = bytes[p];
            if (b0 < 0x80) {
                if ((b0 | 0x20) - 0x61 < 26) {
                    /* The ASCII letters that follow are taken as a run, with the word's length
                       and hash in registers: `append` letter by letter reloaded them from `t`. */
                    int64_t run = p;
                    if (pooled[0]) {
                        if (t.open != 0) finishWord(&t);
                        t.open = 0;
                        int64_t length = t.length;
                        uint64_t hash = t.hash;
                        int64_t room = out->letterCapacity - t.start;
                        if (room > WINNOW_LANGID_MAX_WORD) room = WINNOW_LANGID_MAX_WORD;
                        uint32_t *letters = out->letters + t.start;
                        do {
                            uint32_t letter = (uint32_t)bytes[p] | 0x20;
                            if (length < room) {
                                letters[length] = letter;
                                length++;
                                hash = (hash ^ (uint64_t)letter) * fnvPrime;
                            }
                            p++;
                        } while (p < stop && ((uint32_t)bytes[p] | 0x20) - 0x61 < 26);
                        t.length = length;
                        t.hash = hash;
                    } else {
                        finishWord(&t);
                        do p++;
                        while (p < stop && ((uint32_t)bytes[p] | 0x20) - 0x61 < 26);
                    }
                    out->letterCounts[0] += p - run;
                } else {
                    p++;
                    finishWord(&t);
                }
                continue;
            }
            uint32_t cp;
            int width;
            if (b0 >= 0xC2 && b0 < 0xE0) {
                if (p + 1 >= stop || (bytes[p + 1] & 0xC0) != 0x80) return 0;
                cp = (b0 & 0x1F) << 6 | (bytes[p + 1] & 0x3F);
                width = 2;
            } else if (b0 >= 0xE0 && b0 < 0xF0) {
                if (p + 2 >= stop || (bytes[p + 1] & 0xC0) != 0x80 || (bytes[p + 2] & 0xC0) != 0x80) return 0;
                cp = (b0 & 0x0F) << 12 | (uint32_t)(bytes[p + 1] & 0x3F) << 6 | (bytes[p + 2] & 0x3F);
                if (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000)) return 0;
                width = 3;
            } else {
                /* Four-byte scalars (none in the ranges handled here) and invalid bytes. */
                return 0;
            }
            p += width;
            int family = 0;
            switch (kindOf(cp, &family)) {
            case KIND_LETTER:
                out->letterCounts[family]++;
                if (t.open >= 0 && (!pooled[family] || t.open != family)) finishWord(&t);
                if (pooled[family]) {
                    t.open = family;
                    append(&t, fold(cp));
                }
                break;
            case KIND_MARK:
                if (t.open >= 0 && t.length > 0) append(&t, cp);
                break;
            case KIND_OTHER:
                finishWord(&t);
                break;
            default:
                return 0;
            }
        }
    }
    finishWord(&t);
    if (out->vectors != 0 && out->cacheSlots != 0) {
        for (; t.probed < out->wordCount; t.probed++) probeWord(&t, t.probed);
    }
    return 1;
}

/* ---- Ranking candidates ---- */

/* The best `passes` totals by repeated maximum, for totals all above -infinity (so that one
   taken out, set to -infinity, is never taken again); `work` holds them, padded with
   -infinity to a multiple of four, and is spoiled. Each pass takes the largest value left and
   its first slot, so ties come out lower slot first, as the insertion below orders them. The
   insertion's branches, one unpredictable test per candidate, were most of the ranking. */
static void leadersByMaximum(float *work, int64_t padded, int64_t passes, int64_t *slots, float *tops) {
    for (int64_t k = 0; k < passes; k++) {
#if defined(__SSE2__)
        __m128 most = _mm_loadu_ps(work);
        for (int64_t i = 4; i < padded; i += 4) most = _mm_max_ps(most, _mm_loadu_ps(work + i));
        most = _mm_max_ps(most, _mm_shuffle_ps(most, most, _MM_SHUFFLE(2, 3, 0, 1)));
        most = _mm_max_ps(most, _mm_shuffle_ps(most, most, _MM_SHUFFLE(1, 0, 3, 2)));
        float best = _mm_cvtss_f32(most);
        int64_t slot = 0;
        for (int64_t i = 0; i < padded; i += 4) {
            int same = _mm_movemask_ps(_mm_cmpeq_ps(_mm_loadu_ps(work + i), most));
            if (same != 0) {
                slot = i + __builtin_ctz((unsigned)same);
                break;
            }
        }
#else
        float best = work[0];
        int64_t slot = 0;
        for (int64_t i = 1; i < padded; i++) {
            if (work[i] > best) {
                best = work[i];
                slot = i;
            }
        }
#endif
        (void)best;
        /* The slot's own value: +0 and -0 compare equal, and the maximum may be either. */
        tops[k] = work[slot];
        slots[k] = slot;
        work[slot] = -__builtin_inff();
    }
}

int64_t winnow_langid_leaders(const float *scores, const float *priors, const float *charges, int64_t count,
    float *totals, int64_t limit, int64_t *slots, float *tops) {
    if (count < 0 || limit < 1 || (count > 0 && (scores == 0 || priors == 0 || totals == 0)) || charges == 0
        || slots == 0 || tops == 0)
        return -1;
    int finite = 1;
    for (int64_t slot = 0; slot < count; slot++) {
        float t = scores[slot] + priors[slot];
        t += charges[0];
        t += charges[1];
        t += charges[2];
        t += charges[3];
        t += charges[4];
        t += charges[5];
        totals[slot] = t;
        finite &= t > -__builtin_inff();
    }
    int64_t passes = count < limit ? count : limit;
    enum { workCapacity = 64 };
    if (finite && count > 0 && count <= workCapacity) {
        float work[workCapacity];
        int64_t padded = (count + 3) & ~(int64_t)3;
        for (int64_t i = 0; i < count; i++) work[i] = totals[i];
        for (int64_t i = count; i < padded; i++) work[i] = -__builtin_inff();
        leadersByMaximum(work, padded, passes, slots, tops);
        return passes;
    }
    int64_t kept = 0;
    for (int64_t slot = 0; slot < count; slot++) {
        float t = totals[slot];
        if (kept == limit && !(t > tops[kept - 1])) continue;
        int64_t i = kept;
        /* A tie keeps the earlier slot ahead. */
        while (i > 0 && tops[i - 1] < t) {
            if (i < limit) {
                tops[i] = tops[i - 1];
                slots[i] = slots[i - 1];
            }
            i--;
        }
        if (i < limit) {
            tops[i] = t;
            slots[i] = slot;
        }
        if (kept < limit) kept++;
    }
    return kept;
}

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

/* The terms of the lanes of `x` above -40, added to `sum` in lane order; the others are
   computed from 0 (whatever they were, even NaN) and left out. */
LANGSCAN_AVX2 static inline double addTerms4(double sum, __m256d x) {
    __m256d taken = _mm256_cmp_pd(x, _mm256_set1_pd(-40.0), _CMP_GT_OQ);
    int take = _mm256_movemask_pd(taken);
    if (take == 0) return sum;
    double e[4];
    _mm256_storeu_pd(e, exponential4(_mm256_and_pd(x, taken)));
    for (int lane = 0; lane < 4; lane++) {
        if ((take >> lane) & 1) sum += e[lane];
    }
    return sum;
}

LANGSCAN_AVX2 static double softMaxSumAVX2(const float *totals, int64_t count, float best, float temperature) {
    double sum = 0.0;
    int64_t i = 0;
    /* Eight exponents at once, in floats (the same float subtraction and division as one by
       one, and a float is exactly a double, so `x > -40` says the same): most candidates of a
       clear text are far behind the best, and a group of eight with no term above -40 is
       passed over on one comparison. */
    const __m256 best8 = _mm256_set1_ps(best);
    const __m256 temperature8 = _mm256_set1_ps(temperature);
    const __m256 cutoff8 = _mm256_set1_ps(-40.0f);
    for (; i + 8 <= count; i += 8) {
        __m256 x = _mm256_div_ps(_mm256_sub_ps(_mm256_loadu_ps(totals + i), best8), temperature8);
        if (_mm256_movemask_ps(_mm256_cmp_ps(x, cutoff8, _CMP_GT_OQ)) == 0) continue;
        sum = addTerms4(sum, _mm256_cvtps_pd(_mm256_castps256_ps128(x)));
        sum = addTerms4(sum, _mm256_cvtps_pd(_mm256_extractf128_ps(x, 1)));
    }
    /* The last few: lanes past the end are computed from 0 and not added. */
    double x[4];
    while (i < count) {
        int lanes = count - i < 4 ? (int)(count - i) : 4;
        for (int lane = 0; lane < 4; lane++) {
            x[lane] = lane < lanes ? (double)((totals[i + lane] - best) / temperature) : -__builtin_inf();
        }
        sum = addTerms4(sum, _mm256_loadu_pd(x));
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

LANGSCAN_AVX2 static void exponentials4AVX2(const double *x, double *out) {
    _mm256_storeu_pd(out, exponential4(_mm256_loadu_pd(x)));
}

int32_t winnow_langid_exponentials4(const double *x, double *out) {
    if (!hasAVX2() || x == 0 || out == 0) return -1;
    for (int lane = 0; lane < 4; lane++) {
        /* Below -700 `exponential` answers 0, which the series would not. */
        if (!(x[lane] >= -700.0 && x[lane] <= 0.0)) return -1;
    }
    exponentials4AVX2(x, out);
    return 1;
}

int32_t winnow_langid_softmax_sum(const float *totals, int64_t count, float best, float temperature, double *sum) {
    if (!hasAVX2() || count < 0 || (count > 0 && totals == 0) || sum == 0) return -1;
    *sum = softMaxSumAVX2(totals, count, best, temperature);
    return 1;
}

#else

int32_t winnow_langid_exponentials4(const double *x, double *out) {
    (void)x; (void)out;
    return -1;
}

int32_t winnow_langid_softmax_sum(const float *totals, int64_t count, float best, float temperature, double *sum) {
    (void)totals; (void)count; (void)best; (void)temperature; (void)sum;
    return -1;
}

#endif
