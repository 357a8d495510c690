#include "FeatureScan.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "Mix64.h"

/* Byte classes: the Swift loop this replaces branched on ranges per byte; one table load
   tells the hot ASCII cases apart. */
enum { C_OTHER = 0, C_DIGIT = 1, C_LOWER = 2, C_UPPER = 3 };

static const uint8_t asciiClass[128] = {
    ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
    ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
    ['a'] = C_LOWER, ['b'] = C_LOWER, ['c'] = C_LOWER, ['d'] = C_LOWER, ['e'] = C_LOWER, ['f'] = C_LOWER,
    ['g'] = C_LOWER, ['h'] = C_LOWER, ['i'] = C_LOWER, ['j'] = C_LOWER, ['k'] = C_LOWER, ['l'] = C_LOWER,
    ['m'] = C_LOWER, ['n'] = C_LOWER, ['o'] = C_LOWER, ['p'] = C_LOWER, ['q'] = C_LOWER, ['r'] = C_LOWER,
    ['s'] = C_LOWER, ['t'] = C_LOWER, ['u'] = C_LOWER, ['v'] = C_LOWER, ['w'] = C_LOWER, ['x'] = C_LOWER,
    ['y'] = C_LOWER, ['z'] = C_LOWER,
    ['A'] = C_UPPER, ['B'] = C_UPPER, ['C'] = C_UPPER, ['D'] = C_UPPER, ['E'] = C_UPPER, ['F'] = C_UPPER,
    ['G'] = C_UPPER, ['H'] = C_UPPER, ['I'] = C_UPPER, ['J'] = C_UPPER, ['K'] = C_UPPER, ['L'] = C_UPPER,
    ['M'] = C_UPPER, ['N'] = C_UPPER, ['O'] = C_UPPER, ['P'] = C_UPPER, ['Q'] = C_UPPER, ['R'] = C_UPPER,
    ['S'] = C_UPPER, ['T'] = C_UPPER, ['U'] = C_UPPER, ['V'] = C_UPPER, ['W'] = C_UPPER, ['X'] = C_UPPER,
    ['Y'] = C_UPPER, ['Z'] = C_UPPER,
};

#define FNV_SEED 0xcbf29ce484222325ULL
#define FNV_PRIME 0x00000100000001b3ULL
#define SHORT_LENGTH 16
#define FOLD_CAPACITY 64
#define WANTS_LEADING_MAX 160
#define WANTS_HASHES_MAX 1200

static inline int isLetterByte(uint8_t byte) {
    return byte >= 0x80 || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A);
}

static inline int64_t byteWidth(uint8_t lead) {
    if (lead < 0xC0) return 1;
    if (lead < 0xE0) return 2;
    if (lead < 0xF0) return 3;
    return 4;
}

/* `WordScanner.isDictionaryScript`. */
static inline int isDictionaryScript(uint8_t byte, uint8_t next) {
    switch (byte) {
    case 0xE0: return next >= 0xB8 && next <= 0xBF;  /* Thai, Lao, Tibetan (U+0E00…U+0FFF) */
    case 0xE1: return next <= 0x81 || next == 0x9E || next == 0x9F;  /* Myanmar, Khmer */
    case 0xE3: return next >= 0x81;  /* kana, CJK ext A */
    case 0xE4: return next >= 0xB8;  /* CJK unified */
    case 0xE5: case 0xE6: case 0xE7: case 0xE8: case 0xE9: return 1;
    default: return 0;
    }
}

/* `WordScanner.wordByteWidth` for a non-ASCII byte at `p` (> 0: part of a word). */
static inline int64_t nonASCIIWordWidth(const uint8_t *line, int64_t count, int64_t p) {
    uint8_t byte = line[p];
    int64_t width = byteWidth(byte);
    if (p + width > count) return 0;
    if (width == 2) return byte == 0xC2 ? 0 : 2;
    if (width == 3) {
        uint8_t b1 = line[p + 1], b2 = line[p + 2];
        if (byte == 0xE2) {
            /* A right single quote between letters is an apostrophe. */
            if (b1 == 0x80 && b2 == 0x99 && p > 0 && p + 3 < count && isLetterByte(line[p - 1])
                && isLetterByte(line[p + 3]))
                return 3;
            return b1 <= 0xAF ? 0 : 3;
        }
        if (byte == 0xE3 && b1 == 0x80) return 0;
        if (byte == 0xEF && b1 >= 0xBC) return (b1 == 0xBC && b2 < 0x90) ? 0 : 3;
        return 3;
    }
    if (width == 4) return 0;
    return width;
}

/* `WordScanner.foldTwoByte`. */
static inline void foldTwoByte(uint8_t lead, uint8_t trail, uint8_t *outLead, uint8_t *outTrail) {
    *outLead = lead;
    *outTrail = trail;
    switch (lead) {
    case 0xC3:
        if (trail >= 0x80 && trail <= 0x9E && trail != 0x97) *outTrail = (uint8_t)(trail + 0x20);
        return;
    case 0xC4:
    case 0xC5: {
        int scalar = ((lead & 0x1F) << 6) | (trail & 0x3F);
        int upperIsOdd = (scalar >= 0x139 && scalar <= 0x148) || (scalar >= 0x179 && scalar <= 0x17E);
        int upperIsEven = (scalar >= 0x100 && scalar <= 0x137) || (scalar >= 0x14A && scalar <= 0x177);
        if (!((upperIsOdd && scalar % 2 == 1) || (upperIsEven && scalar % 2 == 0))) return;
        int lower = scalar + 1;
        *outLead = (uint8_t)(0xC0 | (lower >> 6));
        *outTrail = (uint8_t)(0x80 | (lower & 0x3F));
        return;
    }
    case 0xCE:
        if (trail >= 0x91 && trail <= 0x9F) *outTrail = (uint8_t)(trail + 0x20);
        else if (trail >= 0xA0 && trail <= 0xA9) { *outLead = 0xCF; *outTrail = (uint8_t)(trail - 0x20); }
        return;
    case 0xD0:
        if (trail >= 0x90 && trail <= 0x9F) *outTrail = (uint8_t)(trail + 0x20);
        else if (trail >= 0xA0 && trail <= 0xAF) { *outLead = 0xD1; *outTrail = (uint8_t)(trail - 0x20); }
        else if (trail >= 0x80 && trail <= 0x8F) { *outLead = 0xD1; *outTrail = (uint8_t)(trail + 0x10); }
        return;
    default:
        return;
    }
}

static inline void bloomPosition(uint64_t hash, int64_t bloomWords, int64_t *word, uint64_t *bits) {
    *word = (int64_t)((hash >> 17) & (uint64_t)(bloomWords - 1));
    *bits = (1ULL << ((hash >> 32) & 63)) | (1ULL << ((hash >> 40) & 63));
}

/* `StopwordIndex.shortHash`. */
static inline uint64_t shortHash(uint64_t low, uint64_t high, int64_t length) {
    uint64_t hash = (low ^ ((uint64_t)length << 58)) * 0x9E3779B97F4A7C15ULL;
    hash ^= (high + 0x632BE59BD9B4E019ULL) * 0xC2B2AE3D27D4EB4FULL;
    hash ^= hash >> 32;
    hash *= 0xD6E8FEB86659FD93ULL;
    hash ^= hash >> 29;
    return hash;
}

static inline uint64_t shortStopwordMask(
    const WinnowStopwordTable *table, uint64_t hash, uint64_t low, uint64_t high, int64_t length) {
    int64_t word;
    uint64_t bits;
    bloomPosition(hash, table->bloomWords, &word, &bits);
    if ((table->shortBloom[word] & bits) != bits) return 0;
    uint64_t lengthBits = (uint64_t)length << 58;
    int64_t slot = (int64_t)(hash & (uint64_t)table->shortMask);
    for (;;) {
        const WinnowShortStopword *entry = &table->shortTable[slot];
        if (entry->maskAndLength == 0) return 0;
        if (entry->low == low && entry->high == high && (entry->maskAndLength & (0x3FULL << 58)) == lengthBits)
            return entry->maskAndLength & ((1ULL << 58) - 1);
        slot = (slot + 1) & table->shortMask;
    }
}

static uint64_t foldedStopwordMask(const WinnowStopwordTable *table, const uint8_t *word, int64_t length, uint64_t fnv);

/* `StopwordIndex.mask(of:)` for a word longer than 16 bytes (rare). The word is already folded,
   so the folding lookup compares it as it is. */
static uint64_t longStopwordMask(const WinnowStopwordTable *table, const uint8_t *word, int64_t length) {
    uint64_t h = FNV_SEED;
    for (int64_t i = 0; i < length; i++) h = (h ^ word[i]) * FNV_PRIME;
    return foldedStopwordMask(table, word, length, h);
}

static inline uint64_t shapeMix(uint64_t h) { return winnow_mix64(h); }

#define SHAPE_K 0x9E3779B97F4A7C15ULL

/* The whole 8-byte chunks of `winnow_shape_hash`; returns the state and sets `*done`. */
static inline uint64_t shapeChunks(const uint8_t *bytes, int64_t count, int64_t *done) {
    uint64_t h = ((uint64_t)count ^ 0x5EEDULL) * SHAPE_K;
    int64_t i = 0;
    for (; i + 8 <= count; i += 8) {
        uint64_t word;
        memcpy(&word, bytes + i, 8);
        h = (h ^ word) * SHAPE_K;
        h ^= h >> 29;
    }
    *done = i;
    return h;
}

uint64_t winnow_shape_hash(const uint8_t *bytes, int64_t count) {
    int64_t i;
    uint64_t h = shapeChunks(bytes, count, &i);
    if (i < count) {
        uint64_t tail = 0;
        for (int64_t j = 0; i + j < count; j++) tail |= (uint64_t)bytes[i + j] << (8 * j);
        h = (h ^ tail) * SHAPE_K;
    }
    return shapeMix(h);
}

/* `winnow_shape_hash` when 8 bytes can be read from every position before `count` (the
   kernel's scratch has 8 bytes of room after its end): the tail is one load, masked. Building
   it byte by byte, or with a `memcpy` of variable size, stalled on the load of what was
   just stored. */
static inline uint64_t shapeHashPadded(const uint8_t *bytes, int64_t count) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    int64_t i;
    uint64_t h = shapeChunks(bytes, count, &i);
    if (i < count) {
        uint64_t tail;
        memcpy(&tail, bytes + i, 8);
        tail &= ~0ULL >> (8 * (8 - (count - i)));
        h = (h ^ tail) * SHAPE_K;
    }
    return shapeMix(h);
#else
    return winnow_shape_hash(bytes, count);
#endif
}

/* `winnow_word_hash` on the kernel's padded scratch (8 bytes can be read from any position
   before its end). A word of at most 8 bytes is its bytes: the mixing of `shapeHashPadded`, a
   chain of dependent multiplications per word, was a tenth of the scan. */
static inline uint64_t wordHash(const uint8_t *bytes, int64_t count) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (count <= 8) {
        uint64_t word;
        memcpy(&word, bytes, 8);
        return count == 8 ? word : word & ((1ULL << (8 * count)) - 1);
    }
    return shapeHashPadded(bytes, count);
#else
    return winnow_word_hash(bytes, count);
#endif
}

uint64_t winnow_word_hash(const uint8_t *bytes, int64_t count) {
    if (count <= 8) {
        uint64_t word = 0;
        for (int64_t i = 0; i < count; i++) word |= (uint64_t)bytes[i] << (8 * i);
        return word;
    }
    return winnow_shape_hash(bytes, count);
}

/* `FeatureExtractor.isMarkupByte`: ! # * < > [ \ _ ` */
static inline int isMarkupByte(uint8_t byte) {
    switch (byte) {
    case '!': case '#': case '*': case '<': case '>': case '[': case '\\': case '_': case '`': return 1;
    default: return 0;
    }
}

static int containsLinkTarget(const uint8_t *line, int64_t count) {
    if (count < 3) return 0;
    for (int64_t i = 0; i + 1 < count; i++)
        if (line[i] == ']' && line[i + 1] == '(') return 1;
    return 0;
}

static inline int isDigit(uint8_t b) { return b >= '0' && b <= '9'; }

static inline int isAlnumByte(uint8_t b) { return isDigit(b) || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'); }

/* `TextBrowserLinkNumber.end`: lynx's `[12]` glued to the text of the link it numbers. */
static int isTextBrowserLinkNumber(const uint8_t *line, int64_t count, int64_t index) {
    int64_t close = index + 1;
    while (close < count && close - index <= 5 && isDigit(line[close])) close++;
    if (close == index + 1 || close >= count || line[close] != ']') return 0;
    int64_t next = close + 1;
    if (next >= count) return 0;
    uint8_t b = line[next];
    int opens = isAlnumByte(b) || b == '"' || b == 0x27 || (b >= 0x80 && !(b == 0xC2 && next + 1 < count && line[next + 1] == 0xA0));
    return opens;
}

/* `FeatureExtractor.isTimeOfDayColon`. */
static int isTimeOfDayColon(const uint8_t *line, int64_t count, int64_t index) {
    if (!(index >= 1 && index + 2 < count && isDigit(line[index - 1]) && isDigit(line[index + 1])
            && isDigit(line[index + 2]) && (index + 3 == count || !isDigit(line[index + 3]))))
        return 0;
    int64_t hourStart = index >= 2 && isDigit(line[index - 2]) ? index - 2 : index - 1;
    return hourStart == 0 || !isDigit(line[hourStart - 1]);
}

/* Words of at most 16 bytes waiting for their lookup. Looking each word up as it ended made
   the two loads of a lookup (filter word, table slot) a cache miss the scan waited for, as the
   filter's answer is a branch that cannot be predicted (stopwords are half of prose). Each word
   is hashed and its loads asked for as it ends (`batchAdd`), so that the rest of the line's
   scan hides their misses; the lookups run when the batch is full or the line ends. */
#define BATCH 32

typedef struct {
    uint64_t low[BATCH];
    uint64_t high[BATCH];
    uint64_t hash[BATCH];
    int64_t length[BATCH];
    int64_t count;
} Batch;

static inline void batchAdd(Batch *batch, const WinnowStopwordTable *table, uint64_t low, uint64_t high, int64_t length) {
    int64_t i = batch->count;
    uint64_t hash = shortHash(low, high, length);
    batch->low[i] = low;
    batch->high[i] = high;
    batch->hash[i] = hash;
    batch->length[i] = length;
    batch->count = i + 1;
    int64_t word;
    uint64_t bits;
    bloomPosition(hash, table->bloomWords, &word, &bits);
    __builtin_prefetch(&table->shortBloom[word]);
    __builtin_prefetch(&table->shortTable[hash & (uint64_t)table->shortMask]);
}

/* The hits are counted in bit planes (bit `s` of `pk` is bit `k` of slot `s`'s count), one
   carry-save addition per word, and added to `hits` once per batch: adding one to `hits` for
   every language of every stopword (a common word is a stopword of several) chained each
   increment on the store before it. A batch has at most 32 words: six planes hold its counts. */
static void flushBatch(Batch *batch, const WinnowStopwordTable *table, int32_t *hits, uint64_t *touched) {
    int64_t n = batch->count;
    uint64_t found = 0;
    uint64_t p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0;
    for (int64_t i = 0; i < n; i++) {
        uint64_t mask = shortStopwordMask(table, batch->hash[i], batch->low[i], batch->high[i], batch->length[i]);
        found |= mask;
        uint64_t carry = mask, next;
        next = p0 & carry; p0 ^= carry; carry = next;
        next = p1 & carry; p1 ^= carry; carry = next;
        next = p2 & carry; p2 ^= carry; carry = next;
        next = p3 & carry; p3 ^= carry; carry = next;
        next = p4 & carry; p4 ^= carry; carry = next;
        p5 ^= carry;
    }
    uint64_t slots = found;
    while (slots != 0) {
        int slot = __builtin_ctzll(slots);
        hits[slot] += (int32_t)((p0 >> slot & 1) | (p1 >> slot & 1) << 1 | (p2 >> slot & 1) << 2
            | (p3 >> slot & 1) << 3 | (p4 >> slot & 1) << 4 | (p5 >> slot & 1) << 5);
        slots &= slots - 1;
    }
    *touched |= found;
    batch->count = 0;
}

/* The stopword scanner's word is kept in locals of `winnow_feature_scan` (`stop*`), not in a
   struct behind a pointer: the packed prefix was then or-ed into memory byte after byte, each
   waiting for the store before it. */
/* Bytes of `x` (8 bytes in memory order, little-endian) that are >= lo and <= hi, as 0x80 in
   each such byte; every byte of `x` must be below 0x80. */
static inline uint64_t bytesInRange(uint64_t x, uint8_t lo, uint8_t hi) {
    const uint64_t ones = 0x0101010101010101ULL;
    uint64_t atLeast = x + ones * (uint64_t)(0x80 - lo);
    uint64_t above = x + ones * (uint64_t)(0x7F - hi);
    return atLeast & ~above & (ones * 0x80);
}

/* The length of the leading run of ASCII letters and digits in the 8 bytes `x` (in memory
   order: little-endian only), with `*lowered` set to `x` with ASCII capitals folded and
   `*digitBytes` to 0x80 in each byte of `x` that is a digit. */
static inline int64_t asciiRun(uint64_t x, uint64_t *lowered, uint64_t *digitBytes) {
    const uint64_t high = 0x8080808080808080ULL;
    uint64_t y = x & ~high;
    uint64_t digit = bytesInRange(y, '0', '9');
    uint64_t upper = bytesInRange(y, 'A', 'Z');
    uint64_t lower = bytesInRange(y, 'a', 'z');
    uint64_t stop = ((x & high) | ~(digit | upper | lower)) & high;
    *lowered = x | (upper >> 2);
    *digitBytes = digit;
    return stop == 0 ? 8 : __builtin_ctzll(stop) / 8;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define RUN_WORDS 1
#else
#define RUN_WORDS 0
#endif

#define STOP_FOLD(byte)                                                                     \
    do {                                                                                    \
        uint8_t folding_ = (byte);                                                          \
        stopInWord = 1;                                                                     \
        if (stopLength < 8) stopLow |= (uint64_t)folding_ << (stopLength * 8);              \
        else if (stopLength < 16) stopHigh |= (uint64_t)folding_ << ((stopLength - 8) * 8); \
        if (stopLength < foldLimit) folded[stopLength] = folding_;                          \
        stopLength++;                                                                       \
    } while (0)

#define STOP_END()                                                                          \
    do {                                                                                    \
        if (stopInWord) {                                                                   \
            words++;                                                                        \
            stopInWord = 0;                                                                 \
            if (stopLength <= foldLimit) {                                                  \
                if (stopLength <= SHORT_LENGTH) {                                           \
                    batchAdd(&batch, table, stopLow, stopHigh, stopLength);                 \
                    if (batch.count == BATCH) flushBatch(&batch, table, hits, &touched);    \
                } else {                                                                    \
                    uint64_t mask_ = longStopwordMask(table, folded, stopLength);           \
                    touched |= mask_;                                                       \
                    while (mask_ != 0) {                                                    \
                        hits[__builtin_ctzll(mask_)] += 1;                                  \
                        mask_ &= mask_ - 1;                                                 \
                    }                                                                       \
                }                                                                           \
            }                                                                               \
            stopLength = 0;                                                                 \
            stopLow = 0;                                                                    \
            stopHigh = 0;                                                                   \
        }                                                                                   \
    } while (0)

int32_t winnow_feature_scan(const uint8_t *line, int64_t count, const uint8_t *markupLine, int64_t markupCount,
    const WinnowStopwordTable *table, int32_t *hits, uint64_t *wordHashes, int64_t wordHashCapacity,
    uint8_t *shape, WinnowLineScan *out) {
    const int64_t foldLimit = table->foldLimit < FOLD_CAPACITY ? table->foldLimit : FOLD_CAPACITY;
    const int wantsLeading = count <= WANTS_LEADING_MAX;
    const int wantsWordHashes = count <= WANTS_HASHES_MAX;
    /* The shape word (ASCII letters and digits, non-ASCII bytes). */
    int64_t shapeCount = 0, shapeWordStart = 0;
    int wordStart = 1;
    int64_t wordBegin = 0;
    int64_t lettered = 0, capitalised = 0;
    int64_t leadingCount = 0;
    int64_t hashCount = 0;
    /* The stopword word. */
    int64_t stopLength = 0;
    uint64_t stopLow = 0, stopHigh = 0;
    int stopInWord = 0;
    /* 8 bytes of room: the run loop stores 8 bytes at a time. */
    uint8_t folded[FOLD_CAPACITY + 8];
    int64_t words = 0;
    uint64_t touched = 0;
    Batch batch;
    batch.count = 0;
    int64_t pipes = 0;
    int digits = 0, timeOfDay = 0, needsDictionary = 0;
    int linkTarget = -1;

#define SHAPE_END(at)                                                                       \
    do {                                                                                    \
        if (!wordStart) {                                                                   \
            if (wantsLeading && leadingCount < 3) {                                         \
                out->leadingStart[leadingCount] = wordBegin;                                \
                out->leadingEnd[leadingCount] = (at);                                       \
                leadingCount++;                                                             \
            }                                                                               \
            if (wantsWordHashes && hashCount < wordHashCapacity)                            \
                wordHashes[hashCount++] =                                                   \
                    wordHash(shape + shapeWordStart, shapeCount - shapeWordStart);          \
            wordStart = 1;                                                                  \
        }                                                                                   \
    } while (0)

    int64_t p = 0;
    while (p < count) {
        uint8_t byte = line[p];
        if (byte < 0x80) {
            uint8_t cls = asciiClass[byte];
            if (cls != C_OTHER) {
                if (wordStart) {
                    wordBegin = p;
                    shapeWordStart = shapeCount;
                    lettered += cls >= C_LOWER;
                    capitalised += cls == C_UPPER;
                    wordStart = 0;
                }
                /* The run of ASCII letters and digits: 8 bytes at a time while 8 can be read,
                   then byte by byte. */
                while (RUN_WORDS && p + 8 <= count) {
                    uint64_t x, lowered, digitBytes;
                    memcpy(&x, line + p, 8);
                    int64_t n = asciiRun(x, &lowered, &digitBytes);
                    if (n == 0) goto runDone;
                    uint64_t keep = n == 8 ? ~0ULL : (1ULL << (8 * n)) - 1;
                    lowered &= keep;
                    digits |= (digitBytes & keep) != 0;
                    memcpy(shape + shapeCount, &lowered, 8);
                    shapeCount += n;
                    stopInWord = 1;
                    if (stopLength < 8) {
                        stopLow |= lowered << (8 * stopLength);
                        if (stopLength > 0 && stopLength + n > 8) stopHigh |= lowered >> (8 * (8 - stopLength));
                    } else if (stopLength < 16) {
                        stopHigh |= lowered << (8 * (stopLength - 8));
                    }
                    if (stopLength < foldLimit) memcpy(folded + stopLength, &lowered, 8);
                    stopLength += n;
                    p += n;
                    if (n < 8) goto runDone;
                }
                for (;;) {
                    if (p >= count) break;
                    byte = line[p];
                    if (byte >= 0x80) break;
                    cls = asciiClass[byte];
                    if (cls == C_OTHER) break;
                    uint8_t lower = cls == C_UPPER ? (uint8_t)(byte | 0x20) : byte;
                    digits |= cls == C_DIGIT;
                    shape[shapeCount++] = lower;
                    STOP_FOLD(lower);
                    p++;
                }
            runDone:
                continue;
            }
            if (markupLine != NULL && isMarkupByte(byte)) {
                /* `[` alone (a w3m placeholder) and `!` need a link (`](`) somewhere, or, for
                   `[`, to be a text browser's link number. */
                if (byte == '[' || byte == '!') {
                    if (linkTarget < 0) linkTarget = containsLinkTarget(markupLine, markupCount);
                    if (linkTarget || (byte == '[' && isTextBrowserLinkNumber(line, count, p))) goto foundMarkup;
                } else {
                    goto foundMarkup;
                }
            }
            SHAPE_END(p);
            if (byte == 0x27 && p > 0 && p + 1 < count && isLetterByte(line[p - 1]) && isLetterByte(line[p + 1])) {
                STOP_FOLD(byte);
            } else {
                STOP_END();
            }
            if (byte == '|') {
                pipes++;
            } else if (byte == ':' && !timeOfDay) {
                timeOfDay = isTimeOfDayColon(line, count, p);
            }
            p++;
            continue;
        }
        int64_t width = byteWidth(byte);
        if (byte >= 0xE0 && p + 1 < count && isDictionaryScript(byte, line[p + 1])) needsDictionary = 1;
        int64_t end = p + width < count ? p + width : count;
        for (int64_t offset = p; offset < end; offset++) {
            if (wordStart) {
                wordBegin = offset;
                shapeWordStart = shapeCount;
                wordStart = 0;
            }
            shape[shapeCount++] = line[offset];
        }
        if (nonASCIIWordWidth(line, count, p) > 0) {
            if (width == 2 && byte >= 0xC3 && byte <= 0xD0) {
                uint8_t lead, trail;
                foldTwoByte(byte, line[p + 1], &lead, &trail);
                STOP_FOLD(lead);
                STOP_FOLD(trail);
            } else {
                for (int64_t offset = p; offset < end; offset++) STOP_FOLD(line[offset]);
            }
        } else {
            STOP_END();
        }
        p = end;
    }
    SHAPE_END(count);
#undef SHAPE_END
    STOP_END();
#undef STOP_FOLD
#undef STOP_END
    if (batch.count > 0) flushBatch(&batch, table, hits, &touched);

    out->fingerprint = shapeHashPadded(shape, shapeCount);
    out->touched = touched;
    out->words = words;
    out->lettered = lettered;
    out->capitalised = capitalised;
    out->pipes = pipes;
    out->wordHashCount = hashCount;
    out->leadingCount = leadingCount;
    out->hasDigit = digits;
    out->hasTimeOfDay = timeOfDay;
    out->needsDictionary = needsDictionary;
    out->wantsWordHashes = wantsWordHashes;
    return 1;

foundMarkup:
    /* Words still in the batch have added nothing. */
    while (touched != 0) {
        hits[__builtin_ctzll(touched)] = 0;
        touched &= touched - 1;
    }
    return 0;
}

/* `StopwordIndex.mask(of:)` of the ASCII case-folded bytes of `word` (any length). */
static uint64_t foldedStopwordMask(const WinnowStopwordTable *table, const uint8_t *word, int64_t length, uint64_t fnv) {
    uint64_t hash = fnv ^ (fnv >> 29);
    int64_t filterWord;
    uint64_t bits;
    bloomPosition(hash, table->bloomWords, &filterWord, &bits);
    if ((table->bloom[filterWord] & bits) != bits) return 0;
    int64_t slot = (int64_t)(hash & (uint64_t)table->slotMask);
    for (;;) {
        int32_t index = table->slots[slot];
        if (index < 0) return 0;
        const WinnowStopword *entry = &table->entries[index];
        if (entry->length == length) {
            const uint8_t *stored = table->arena + entry->start;
            int64_t i = 0;
            while (i < length) {
                uint8_t byte = word[i];
                if (byte >= 0x41 && byte <= 0x5A) byte |= 0x20;
                if (stored[i] != byte) break;
                i++;
            }
            if (i == length) return entry->mask;
        }
        slot = (slot + 1) & table->slotMask;
    }
}

int64_t winnow_content_words(const uint8_t *text, int64_t count, const WinnowStopwordTable *table,
    uint64_t stopwordBits, int64_t *hashes, int64_t capacity) {
    /* Words first (packed prefix), lookups after, in batches: see `Batch`. A word of at most
       16 bytes is known by its packed bytes' `shortHash` (the lookup's); only a longer one is
       hashed byte by byte (FNV-1a), at the lookup: one multiplication per byte, each waiting
       for the one before, was a fifth of this kernel. */
    uint64_t low[BATCH], high[BATCH], probe[BATCH];
    int64_t start[BATCH], length[BATCH];
    int64_t pending = 0, written = 0;
    int64_t p = 0;
    int64_t wordStart = -1;
    uint64_t lo = 0, hi = 0;
    int digitsOnly = 1;
    for (;;) {
        int atEnd = p >= count;
        uint8_t byte = atEnd ? 0 : text[p];
        int skip = 0;
        int isWordByte = 0;
        if (!atEnd) {
            if (byte == 0xE2 && p + 2 < count && (text[p + 1] == 0x80 || text[p + 1] == 0x81)) skip = 3;
            else isWordByte = byte >= 0x80 || (asciiClass[byte] != C_OTHER);
        }
        if (isWordByte) {
            if (wordStart < 0) wordStart = p;
#if RUN_WORDS
            /* A run of ASCII letters and digits, 8 bytes at a time while 8 can be read: one
               classification per 8 bytes instead of a branch per byte. */
            if (byte < 0x80 && p + 8 <= count) {
                uint64_t x, lowered, digitBytes;
                memcpy(&x, text + p, 8);
                int64_t n = asciiRun(x, &lowered, &digitBytes);
                uint64_t keep = n == 8 ? ~0ULL : (1ULL << (8 * n)) - 1;
                lowered &= keep;
                int64_t length = p - wordStart;
                if (length < 8) {
                    lo |= lowered << (8 * length);
                    if (length > 0 && length + n > 8) hi |= lowered >> (8 * (8 - length));
                } else if (length < 16) {
                    hi |= lowered << (8 * (length - 8));
                }
                if ((~digitBytes & keep & 0x8080808080808080ULL) != 0) digitsOnly = 0;
                p += n;
                continue;
            }
#endif
            uint8_t folded = byte < 0x80 && asciiClass[byte] == C_UPPER ? (uint8_t)(byte | 0x20) : byte;
            int64_t n = p - wordStart;
            if (n < 8) lo |= (uint64_t)folded << (n * 8);
            else if (n < 16) hi |= (uint64_t)folded << ((n - 8) * 8);
            if (!(byte >= '0' && byte <= '9')) digitsOnly = 0;
            p++;
            continue;
        }
        if (wordStart >= 0) {
            if (!digitsOnly) {
                start[pending] = wordStart;
                length[pending] = p - wordStart;
                low[pending] = lo;
                high[pending] = hi;
                pending++;
            }
            wordStart = -1;
            lo = 0;
            hi = 0;
            digitsOnly = 1;
        }
        if (pending == BATCH || (atEnd && pending > 0)) {
            for (int64_t i = 0; i < pending; i++) {
                if (length[i] <= SHORT_LENGTH) {
                    uint64_t hash = shortHash(low[i], high[i], length[i]);
                    probe[i] = hash;
                    int64_t word;
                    uint64_t bits;
                    bloomPosition(hash, table->bloomWords, &word, &bits);
                    __builtin_prefetch(&table->shortBloom[word]);
                    __builtin_prefetch(&table->shortTable[hash & (uint64_t)table->shortMask]);
                }
            }
            for (int64_t i = 0; i < pending; i++) {
                uint64_t mask, word;
                if (length[i] <= SHORT_LENGTH) {
                    word = probe[i];
                    mask = length[i] > table->maxLength ? 0 : shortStopwordMask(table, probe[i], low[i], high[i], length[i]);
                } else {
                    uint64_t fnv = FNV_SEED;
                    for (int64_t j = 0; j < length[i]; j++) {
                        uint8_t byte = text[start[i] + j];
                        fnv = (fnv ^ (byte < 0x80 && asciiClass[byte] == C_UPPER ? (uint8_t)(byte | 0x20) : byte)) * FNV_PRIME;
                    }
                    word = fnv ^ (fnv >> 29);
                    mask = length[i] > table->maxLength ? 0 : foldedStopwordMask(table, text + start[i], length[i], fnv);
                }
                int isStopword = stopwordBits != 0 ? (mask & stopwordBits) != 0 : mask != 0;
                if (!isStopword && written < capacity) hashes[written++] = (int64_t)word;
            }
            pending = 0;
        }
        if (atEnd) break;
        p += skip ? skip : 1;
    }
    return written;
}
