#define _GNU_SOURCE
#include "CTextScan.h"

#include <stdint.h>
#include <string.h>

/* ---- JSON string bodies ---- */

static inline int hexDigit(uint8_t byte) {
    if (byte >= '0' && byte <= '9') return byte - '0';
    if (byte >= 'A' && byte <= 'F') return byte - 'A' + 10;
    if (byte >= 'a' && byte <= 'f') return byte - 'a' + 10;
    return -1;
}

/* The four hex digits at `source[index]`, or -1. */
static inline int32_t hex4(const uint8_t *source, int64_t length, int64_t index) {
    if (index + 4 > length) return -1;
    int32_t value = 0;
    for (int k = 0; k < 4; k++) {
        int digit = hexDigit(source[index + k]);
        if (digit < 0) return -1;
        value = value << 4 | digit;
    }
    return value;
}

static inline int64_t putUTF8(uint8_t *target, int64_t out, uint32_t scalar) {
    if (scalar < 0x80) {
        target[out++] = (uint8_t)scalar;
    } else if (scalar < 0x800) {
        target[out++] = (uint8_t)(0xC0 | scalar >> 6);
        target[out++] = (uint8_t)(0x80 | (scalar & 0x3F));
    } else if (scalar < 0x10000) {
        target[out++] = (uint8_t)(0xE0 | scalar >> 12);
        target[out++] = (uint8_t)(0x80 | (scalar >> 6 & 0x3F));
        target[out++] = (uint8_t)(0x80 | (scalar & 0x3F));
    } else {
        target[out++] = (uint8_t)(0xF0 | scalar >> 18);
        target[out++] = (uint8_t)(0x80 | (scalar >> 12 & 0x3F));
        target[out++] = (uint8_t)(0x80 | (scalar >> 6 & 0x3F));
        target[out++] = (uint8_t)(0x80 | (scalar & 0x3F));
    }
    return out;
}

/* One escape at `source[*index]` (a backslash): appends what it stands for, moves `*index`
   past it, and returns the new output length, or -1 when it is not a valid escape. */
static inline int64_t decodeEscape(const uint8_t *source, int64_t length, int64_t *index, uint8_t *target, int64_t out) {
    int64_t i = *index;
    if (i + 1 >= length) return -1;
    uint8_t escape = source[i + 1];
    uint8_t plain;
    switch (escape) {
    case 'n': plain = 0x0A; break;
    case '"': plain = 0x22; break;
    case '\\': plain = 0x5C; break;
    case '/': plain = 0x2F; break;
    case 'b': plain = 0x08; break;
    case 'f': plain = 0x0C; break;
    case 'r': plain = 0x0D; break;
    case 't': plain = 0x09; break;
    case 'u': {
        int32_t scalar = hex4(source, length, i + 2);
        if (scalar < 0) return -1;
        i += 6;
        if (scalar >= 0xD800 && scalar < 0xDC00) {
            /* A high surrogate pairs with a following low one; otherwise U+FFFD, and an escape
               after it that is no low surrogate (`\ud800\u0042`) is decoded on its own, not
               swallowed. */
            if (i + 1 < length && source[i] == '\\' && source[i + 1] == 'u') {
                int32_t low = hex4(source, length, i + 2);
                if (low < 0) return -1;
                if (low >= 0xDC00 && low < 0xE000) {
                    i += 6;
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00);
                } else {
                    scalar = 0xFFFD;
                }
            } else {
                scalar = 0xFFFD;
            }
        } else if (scalar >= 0xDC00 && scalar < 0xE000) {
            scalar = 0xFFFD;
        }
        *index = i;
        return putUTF8(target, out, (uint32_t)scalar);
    }
    default: return -1;
    }
    target[out++] = plain;
    *index = i + 2;
    return out;
}

static int64_t decodeScalar(const uint8_t *source, int64_t length, uint8_t *target, int64_t *end, int64_t i, int64_t out) {
    while (i < length) {
        uint8_t byte = source[i];
        if (byte == '"') {
            *end = i;
            return out;
        }
        if (byte < 0x20) return -1;
        if (byte == '\\') {
            out = decodeEscape(source, length, &i, target, out);
            if (out < 0) return -1;
            continue;
        }
        target[out++] = byte;
        i++;
    }
    return -1;
}

/* ---- Line breaks ---- */

static int64_t lineBreaksScalar(const uint8_t *text, int64_t length, int64_t index, int64_t *positions, int64_t capacity,
    int64_t found, int64_t *scanned) {
    for (; index < length; index++) {
        if (text[index] == '\n' || text[index] == '\r') {
            if (found == capacity) {
                *scanned = index;
                return found;
            }
            positions[found++] = index;
        }
    }
    *scanned = length;
    return found;
}

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

/*
 * Line flags: each 32-byte step looks at every byte with the five after it (C1 controls,
 * double spaces and punctuation need one or two; a Thai mark and the mark after it, five).
 * Past the end of the line those bytes are letters, which raise no flag.
 */
#define LINE_STEP 32
#define LINE_LOOK 5

/* Per-lane results of one step: bit k is the byte at lane k. */
typedef struct {
    uint32_t control;
    uint32_t nfc;
    uint32_t special;
} LineMasks;

TARGET_AVX2 static inline LineMasks classifyMasks(
    __m256i v, __m256i n1, __m256i n2, __m256i n3, __m256i n4, __m256i n5) {
    LineMasks masks = {0, 0, 0};
    __m256i below20 = _mm256_cmpeq_epi8(_mm256_min_epu8(v, _mm256_set1_epi8(0x1F)), v);
    __m256i tab = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x09));
    __m256i c2 = _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xC2));
    /* n1 in 80...9F: n1 - 0x80 (wrapping) at most 0x1F. */
    __m256i n1c1 = _mm256_sub_epi8(n1, _mm256_set1_epi8((char)0x80));
    __m256i c1 = _mm256_and_si256(c2, _mm256_cmpeq_epi8(_mm256_min_epu8(n1c1, _mm256_set1_epi8(0x1F)), n1c1));
    __m256i control = _mm256_or_si256(_mm256_andnot_si256(tab, below20),
        _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x7F)), c1));
    masks.control = (uint32_t)_mm256_movemask_epi8(control);
    const __m256i space = _mm256_set1_epi8(0x20);
    __m256i markup = _mm256_sub_epi8(v, _mm256_set1_epi8(0x5B));
    __m256i special = _mm256_or_si256(below20,
        _mm256_or_si256(_mm256_cmpeq_epi8(_mm256_min_epu8(markup, _mm256_set1_epi8(5)), markup),
            _mm256_or_si256(_mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x2A)),
                                                _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x22))),
                                _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x3C))),
                _mm256_and_si256(_mm256_cmpeq_epi8(v, space), _mm256_cmpeq_epi8(n1, space)))));
    masks.special = (uint32_t)_mm256_movemask_epi8(special);
    if (_mm256_movemask_epi8(v) == 0) return masks;
    /* Leads from CC on (U+0300 and above) except those NFC leaves alone whatever surrounds
       them: D0 D1 (basic Cyrillic), E0 B8/B9 (Thai, marks checked below), E2 80 82...BF, 81,
       82, 86, 87, 94...9B (punctuation, currency, arrows, box drawing, shapes). */
    __m256i high = _mm256_cmpeq_epi8(_mm256_max_epu8(v, _mm256_set1_epi8((char)0xCC)), v);
    __m256i cyrillic = _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xD0)),
        _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xD1)));
    const __m256i b8 = _mm256_set1_epi8((char)0xB8);
    const __m256i b9 = _mm256_set1_epi8((char)0xB9);
    const __m256i e0 = _mm256_set1_epi8((char)0xE0);
    __m256i thaiLead = _mm256_and_si256(_mm256_cmpeq_epi8(v, e0),
        _mm256_or_si256(_mm256_cmpeq_epi8(n1, b8), _mm256_cmpeq_epi8(n1, b9)));
    __m256i n1m81 = _mm256_sub_epi8(n1, _mm256_set1_epi8((char)0x81));
    __m256i n1m86 = _mm256_sub_epi8(n1, _mm256_set1_epi8((char)0x86));
    __m256i n1m94 = _mm256_sub_epi8(n1, _mm256_set1_epi8((char)0x94));
    __m256i punctuationSecond = _mm256_or_si256(
        _mm256_and_si256(_mm256_cmpeq_epi8(n1, _mm256_set1_epi8((char)0x80)),
            _mm256_cmpeq_epi8(_mm256_max_epu8(n2, _mm256_set1_epi8((char)0x82)), n2)),
        _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(_mm256_min_epu8(n1m81, _mm256_set1_epi8(1)), n1m81),
                            _mm256_cmpeq_epi8(_mm256_min_epu8(n1m86, _mm256_set1_epi8(1)), n1m86)),
            _mm256_cmpeq_epi8(_mm256_min_epu8(n1m94, _mm256_set1_epi8(7)), n1m94)));
    __m256i punctuation = _mm256_and_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xE2)), punctuationSecond);
    __m256i accepted = _mm256_or_si256(_mm256_or_si256(cyrillic, thaiLead), punctuation);
    __m256i unaccepted = _mm256_andnot_si256(accepted, high);
    masks.nfc = (uint32_t)_mm256_movemask_epi8(unaccepted);
    if (_mm256_testz_si256(thaiLead, thaiLead)) return masks;
    /* Thai marks: E0 B8 B8/B9 (class 103), E0 B8 BA (9), E0 B9 88...8B (107); a mark followed
       by one of lower class is not NFC. */
    __m256i mark103 = _mm256_and_si256(_mm256_and_si256(thaiLead, _mm256_cmpeq_epi8(n1, b8)),
        _mm256_or_si256(_mm256_cmpeq_epi8(n2, b8), _mm256_cmpeq_epi8(n2, b9)));
    __m256i n2m88 = _mm256_sub_epi8(n2, _mm256_set1_epi8((char)0x88));
    __m256i mark107 = _mm256_and_si256(_mm256_and_si256(thaiLead, _mm256_cmpeq_epi8(n1, b9)),
        _mm256_cmpeq_epi8(_mm256_min_epu8(n2m88, _mm256_set1_epi8(3)), n2m88));
    __m256i nextThai = _mm256_and_si256(_mm256_cmpeq_epi8(n3, e0), _mm256_cmpeq_epi8(n4, b8));
    __m256i followedBy9 = _mm256_and_si256(nextThai, _mm256_cmpeq_epi8(n5, _mm256_set1_epi8((char)0xBA)));
    __m256i followedBy103 = _mm256_and_si256(nextThai, _mm256_or_si256(_mm256_cmpeq_epi8(n5, b8), _mm256_cmpeq_epi8(n5, b9)));
    __m256i descending = _mm256_or_si256(_mm256_and_si256(_mm256_or_si256(mark103, mark107), followedBy9),
        _mm256_and_si256(mark107, followedBy103));
    masks.nfc |= (uint32_t)_mm256_movemask_epi8(descending);
    return masks;
}

/* The flags of one step: which of `classifyMasks`' masks have a lane set. */
TARGET_AVX2 static inline int32_t classify(
    __m256i v, __m256i n1, __m256i n2, __m256i n3, __m256i n4, __m256i n5) {
    LineMasks masks = classifyMasks(v, n1, n2, n3, n4, n5);
    return (masks.control ? WINNOW_LINE_CONTROL : 0) | (masks.special ? WINNOW_LINE_SPECIAL : 0)
        | (masks.nfc ? WINNOW_LINE_MAY_NEED_NFC : 0);
}

/* The step at `p`, whose 37 bytes are all readable. */
TARGET_AVX2 static inline int32_t stepAt(const uint8_t *p) {
    return classify(_mm256_loadu_si256((const __m256i *)p), _mm256_loadu_si256((const __m256i *)(p + 1)),
        _mm256_loadu_si256((const __m256i *)(p + 2)), _mm256_loadu_si256((const __m256i *)(p + 3)),
        _mm256_loadu_si256((const __m256i *)(p + 4)), _mm256_loadu_si256((const __m256i *)(p + 5)));
}

/* The bytes of `v` from lane k on, then k bytes of `fill`: the next bytes after a line's end. */
TARGET_AVX2 static inline __m256i following(__m256i v, __m256i fill, int k) {
    __m256i joined = _mm256_permute2x128_si256(v, fill, 0x21);
    switch (k) {
    case 1: return _mm256_alignr_epi8(joined, v, 1);
    case 2: return _mm256_alignr_epi8(joined, v, 2);
    case 3: return _mm256_alignr_epi8(joined, v, 3);
    case 4: return _mm256_alignr_epi8(joined, v, 4);
    default: return _mm256_alignr_epi8(joined, v, 5);
    }
}

/* The last 32 bytes of a line (in `v`, padded with letters when the line is shorter), each
   seen with the bytes after it, which past the end are letters. */
TARGET_AVX2 static inline int32_t lastStep(__m256i v) {
    const __m256i fill = _mm256_set1_epi8('a');
    return classify(v, following(v, fill, 1), following(v, fill, 2), following(v, fill, 3), following(v, fill, 4),
        following(v, fill, 5));
}

TARGET_AVX2 static int32_t lineFlagsAVX2(const uint8_t *line, int64_t length) {
    if (length <= 0) return 0;
    if (length < LINE_STEP) {
        __m256i v;
        if (((uintptr_t)line & 4095) <= 4096 - LINE_STEP) {
            /* The 32 bytes from the line's start are on one page, so reading them is safe;
               the lanes past the end become letters. */
            const __m256i lanes = _mm256_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
                19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
            __m256i inside = _mm256_cmpgt_epi8(_mm256_set1_epi8((char)length), lanes);
            v = _mm256_blendv_epi8(_mm256_set1_epi8('a'), _mm256_loadu_si256((const __m256i *)line), inside);
        } else {
            uint8_t padded[LINE_STEP];
            memset(padded, 'a', sizeof padded);
            memcpy(padded, line, (size_t)length);
            v = _mm256_loadu_si256((const __m256i *)padded);
        }
        return lastStep(v);
    }
    if (length < LINE_STEP + LINE_LOOK) {
        uint8_t padded[2 * LINE_STEP + LINE_LOOK];
        memset(padded, 'a', sizeof padded);
        memcpy(padded, line, (size_t)length);
        return stepAt(padded) | stepAt(padded + LINE_STEP);
    }
    int32_t flags = 0;
    /* Whole steps while the five bytes after them are in the line, one more ending five
       bytes before the end if they left a gap, then the last 32 bytes (steps may overlap:
       the flags are the same wherever a step starts). */
    int64_t index = 0;
    for (;; index += LINE_STEP) {
        if (index + LINE_STEP + LINE_LOOK > length) {
            if (index >= length - LINE_STEP) break;
            index = length - LINE_STEP - LINE_LOOK;
        }
        flags |= stepAt(line + index);
        if (index == length - LINE_STEP - LINE_LOOK) break;
    }
    return flags | lastStep(_mm256_loadu_si256((const __m256i *)(line + length - LINE_STEP)));
}

/*
 * Lines in one pass: each 32-byte step from a line's trimmed start finds the line's break
 * and the flags of the bytes before it together. A byte's flags look at up to five bytes
 * after it; in valid UTF-8 those after a line's last non-blank character (blanks, the break,
 * the next line) raise none of its flags, so they are what `winnow_line_flags` gives with
 * letters past the end. Flags of the trailing blanks themselves (tabs, double spaces) are
 * left out by keeping the first special byte's position and comparing it with the trimmed end.
 */
#define SCAN_READ (LINE_STEP + LINE_LOOK)

static inline int isBreak(uint8_t byte) { return byte == '\n' || byte == '\r'; }

TARGET_AVX2 static int64_t scanLinesAVX2(const uint8_t *text, int64_t length, int64_t from, WinnowLine *lines,
    int64_t capacity, int64_t *resume) {
    int64_t found = 0;
    int64_t start = from;
    const __m256i lf = _mm256_set1_epi8('\n');
    const __m256i cr = _mm256_set1_epi8('\r');
    const uint64_t spaces = 0x2020202020202020ull;
    while (start < length && found < capacity) {
        /* Leading blanks: spaces (eight at a time: text browsers indent with runs), tabs and
           no-break spaces (C2 A0). */
        int64_t i = start;
        int64_t indent = 0;
        uint64_t word;
        while (i + 8 <= length && (memcpy(&word, text + i, 8), word == spaces)) {
            i += 8;
            indent += 8;
        }
        while (i < length) {
            uint8_t byte = text[i];
            if (byte == 0x20) {
                indent += 1;
                i += 1;
            } else if (byte == 0x09) {
                indent += 4;
                i += 1;
            } else if (byte == 0xC2 && i + 1 < length && text[i + 1] == 0xA0) {
                indent += 1;
                i += 2;
            } else {
                break;
            }
        }
        const int64_t trimStart = i;
        int64_t lineEnd;
        int32_t flags = 0;
        int64_t firstSpecial = INT64_MAX;
        if (i >= length || isBreak(text[i])) {
            lineEnd = i;
        } else {
            int64_t p = i;
            for (;;) {
                LineMasks masks;
                uint32_t breaks;
                if (p + SCAN_READ <= length) {
                    const uint8_t *q = text + p;
                    __m256i v = _mm256_loadu_si256((const __m256i *)q);
                    breaks = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(_mm256_cmpeq_epi8(v, lf), _mm256_cmpeq_epi8(v, cr)));
                    masks = classifyMasks(v, _mm256_loadu_si256((const __m256i *)(q + 1)),
                        _mm256_loadu_si256((const __m256i *)(q + 2)), _mm256_loadu_si256((const __m256i *)(q + 3)),
                        _mm256_loadu_si256((const __m256i *)(q + 4)), _mm256_loadu_si256((const __m256i *)(q + 5)));
                } else {
                    /* Near the end of the text: a copy with letters past the end, whose first
                       lane past the end counts as a break. */
                    uint8_t padded[SCAN_READ];
                    memset(padded, 'a', sizeof padded);
                    int64_t left = length - p;
                    memcpy(padded, text + p, (size_t)(left < SCAN_READ ? left : SCAN_READ));
                    __m256i v = _mm256_loadu_si256((const __m256i *)padded);
                    breaks = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(_mm256_cmpeq_epi8(v, lf), _mm256_cmpeq_epi8(v, cr)));
                    if (left < LINE_STEP) breaks |= 1u << left;
                    masks = classifyMasks(v, _mm256_loadu_si256((const __m256i *)(padded + 1)),
                        _mm256_loadu_si256((const __m256i *)(padded + 2)), _mm256_loadu_si256((const __m256i *)(padded + 3)),
                        _mm256_loadu_si256((const __m256i *)(padded + 4)), _mm256_loadu_si256((const __m256i *)(padded + 5)));
                }
                uint32_t inside = breaks ? ((1u << __builtin_ctz(breaks)) - 1u) : 0xFFFFFFFFu;
                if (masks.control & inside) flags |= WINNOW_LINE_CONTROL;
                if (masks.nfc & inside) flags |= WINNOW_LINE_MAY_NEED_NFC;
                uint32_t special = masks.special & inside;
                if (special && firstSpecial == INT64_MAX) firstSpecial = p + __builtin_ctz(special);
                if (breaks) {
                    lineEnd = p + __builtin_ctz(breaks);
                    break;
                }
                p += LINE_STEP;
            }
        }
        /* Trailing blanks, as the leading ones. */
        int64_t trimEnd = lineEnd;
        while (trimEnd - 8 >= trimStart && (memcpy(&word, text + trimEnd - 8, 8), word == spaces)) trimEnd -= 8;
        while (trimEnd > trimStart) {
            uint8_t byte = text[trimEnd - 1];
            if (byte == 0x20 || byte == 0x09) {
                trimEnd -= 1;
            } else if (byte == 0xA0 && trimEnd - 2 >= trimStart && text[trimEnd - 2] == 0xC2) {
                trimEnd -= 2;
            } else {
                break;
            }
        }
        if (firstSpecial < trimEnd) flags |= WINNOW_LINE_SPECIAL;
        WinnowLine *line = &lines[found++];
        line->start = start;
        line->end = lineEnd;
        line->trimStart = trimStart;
        line->trimEnd = trimEnd;
        line->indent = indent;
        line->flags = trimStart < trimEnd ? flags : 0;
        if (lineEnd >= length) {
            start = length;
        } else {
            start = text[lineEnd] == '\r' && lineEnd + 1 < length && text[lineEnd + 1] == '\n' ? lineEnd + 2 : lineEnd + 1;
        }
    }
    *resume = start;
    return found;
}

/* The first index at or after `from` whose byte is a, b or c, or `count`: 32 bytes per
   step, the last step ending at `count` (lanes before `from` masked off), so no byte outside
   the `count` bytes is read. */
TARGET_AVX2 static inline int64_t findAnyAVX2(
    const uint8_t *text, int64_t count, int64_t from, __m256i a, __m256i b, __m256i c) {
    while (from + 32 <= count) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(text + from));
        uint32_t mask = (uint32_t)_mm256_movemask_epi8(
            _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, a), _mm256_cmpeq_epi8(v, b)), _mm256_cmpeq_epi8(v, c)));
        if (mask) return from + __builtin_ctz(mask);
        from += 32;
    }
    if (from >= count) return count;
    if (count >= 32) {
        int64_t base = count - 32;
        __m256i v = _mm256_loadu_si256((const __m256i *)(text + base));
        uint32_t mask = (uint32_t)_mm256_movemask_epi8(
            _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, a), _mm256_cmpeq_epi8(v, b)), _mm256_cmpeq_epi8(v, c)));
        mask &= ~0u << (from - base);
        return mask ? base + __builtin_ctz(mask) : count;
    }
    uint8_t la = (uint8_t)_mm256_extract_epi8(a, 0), lb = (uint8_t)_mm256_extract_epi8(b, 0),
            lc = (uint8_t)_mm256_extract_epi8(c, 0);
    for (; from < count; from++) {
        uint8_t byte = text[from];
        if (byte == la || byte == lb || byte == lc) return from;
    }
    return count;
}

TARGET_AVX2 static int32_t parseLinkAVX2(const uint8_t *text, int64_t count, int64_t open, int64_t *close, int64_t *end) {
    const __m256i backslash = _mm256_set1_epi8('\\');
    const __m256i openBracket = _mm256_set1_epi8('[');
    const __m256i closeBracket = _mm256_set1_epi8(']');
    int64_t depth = 0;
    int64_t index = open;
    int64_t found = -1;
    /* The `[` at `open` and the `(` after `]` are where the searches would stop first:
       counted without a step each. */
    if (open < count && text[open] == '[') {
        depth = 1;
        index = open + 1;
    }
    while (index < count) {
        index = findAnyAVX2(text, count, index, backslash, openBracket, closeBracket);
        if (index >= count) break;
        uint8_t byte = text[index];
        if (byte == '\\') {
            index += 2;
            continue;
        }
        if (byte == '[') {
            depth += 1;
        } else if (--depth == 0) {
            found = index;
            break;
        }
        index += 1;
    }
    if (found <= 0 || found + 1 >= count || text[found + 1] != '(') return 0;
    const __m256i openParen = _mm256_set1_epi8('(');
    const __m256i closeParen = _mm256_set1_epi8(')');
    int64_t parens = 1;
    index = found + 2;
    for (;;) {
        index = findAnyAVX2(text, count, index, openParen, closeParen, closeParen);
        if (index >= count) return 0;
        if (text[index] == '(') {
            parens += 1;
        } else if (--parens == 0) {
            *close = found;
            *end = index + 1;
            return 1;
        }
        index += 1;
    }
}

/* Copies 32 bytes at a time (the store runs ahead of the output, which never passes the
   input, so it stays inside `target`) and stops at the first quote, backslash or control. */
TARGET_AVX2 static int64_t decodeAVX2(const uint8_t *source, int64_t length, uint8_t *target, int64_t *end) {
    int64_t i = 0, out = 0;
    const __m256i quote = _mm256_set1_epi8('"');
    const __m256i backslash = _mm256_set1_epi8('\\');
    const __m256i below20 = _mm256_set1_epi8(0x1F);
    while (i + 32 <= length) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(source + i));
        _mm256_storeu_si256((__m256i *)(target + out), v);
        __m256i special = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, quote), _mm256_cmpeq_epi8(v, backslash)),
            _mm256_cmpeq_epi8(_mm256_min_epu8(v, below20), v));
        uint32_t mask = (uint32_t)_mm256_movemask_epi8(special);
        if (mask == 0) {
            i += 32;
            out += 32;
            continue;
        }
        int k = __builtin_ctz(mask);
        i += k;
        out += k;
        uint8_t byte = source[i];
        if (byte == '"') {
            *end = i;
            return out;
        }
        if (byte < 0x20) return -1;
        if (i + 1 < length && source[i + 1] == 'n') {
            /* The line break, once per line of a page: not worth a call. */
            target[out++] = 0x0A;
            i += 2;
            continue;
        }
        out = decodeEscape(source, length, &i, target, out);
        if (out < 0) return -1;
    }
    return decodeScalar(source, length, target, end, i, out);
}

/* Line breaks 32 bytes at a time: most steps hold none or one. */
TARGET_AVX2 static int64_t lineBreaksAVX2(const uint8_t *text, int64_t length, int64_t index, int64_t *positions,
    int64_t capacity, int64_t *scanned) {
    int64_t found = 0;
    const __m256i lf = _mm256_set1_epi8('\n');
    const __m256i cr = _mm256_set1_epi8('\r');
    while (index + 32 <= length) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(text + index));
        uint32_t mask = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(_mm256_cmpeq_epi8(v, lf), _mm256_cmpeq_epi8(v, cr)));
        if (capacity - found < 32) {
            /* Not room for a whole step's breaks: finish it one by one. */
            if (mask != 0) return lineBreaksScalar(text, length, index, positions, capacity, found, scanned);
        }
        while (mask != 0) {
            positions[found++] = index + __builtin_ctz(mask);
            mask &= mask - 1;
        }
        index += 32;
    }
    return lineBreaksScalar(text, length, index, positions, capacity, found, scanned);
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

int32_t winnow_line_flags(const uint8_t *line, int64_t length) {
    if (!hasAVX2()) return -1;
    return lineFlagsAVX2(line, length);
}

int32_t winnow_parse_link(const uint8_t *text, int64_t count, int64_t open, int64_t *close, int64_t *end) {
    if (!hasAVX2()) return -1;
    return parseLinkAVX2(text, count, open, close, end);
}

int64_t winnow_scan_lines(const uint8_t *text, int64_t length, int64_t from, WinnowLine *lines, int64_t capacity,
    int64_t *resume) {
    if (!hasAVX2()) return -1;
    return scanLinesAVX2(text, length, from, lines, capacity, resume);
}

int64_t winnow_line_breaks(const uint8_t *text, int64_t length, int64_t from, int64_t *positions, int64_t capacity,
    int64_t *scanned) {
    if (hasAVX2()) return lineBreaksAVX2(text, length, from, positions, capacity, scanned);
    return lineBreaksScalar(text, length, from, positions, capacity, 0, scanned);
}

int64_t winnow_json_string_decode(const uint8_t *source, int64_t length, uint8_t *target, int64_t *end) {
    if (hasAVX2()) return decodeAVX2(source, length, target, end);
    return decodeScalar(source, length, target, end, 0, 0);
}

#else

int32_t winnow_utf8_check_plain(const uint8_t *bytes, int64_t length, int64_t *leads) {
    (void)bytes;
    (void)length;
    *leads = 0;
    return -1;
}

int32_t winnow_line_flags(const uint8_t *line, int64_t length) {
    (void)line;
    (void)length;
    return -1;
}

int32_t winnow_parse_link(const uint8_t *text, int64_t count, int64_t open, int64_t *close, int64_t *end) {
    (void)text;
    (void)count;
    (void)open;
    (void)close;
    (void)end;
    return -1;
}

int64_t winnow_scan_lines(const uint8_t *text, int64_t length, int64_t from, WinnowLine *lines, int64_t capacity,
    int64_t *resume) {
    (void)text;
    (void)length;
    (void)lines;
    (void)capacity;
    *resume = from;
    return -1;
}

int64_t winnow_line_breaks(const uint8_t *text, int64_t length, int64_t from, int64_t *positions, int64_t capacity,
    int64_t *scanned) {
    return lineBreaksScalar(text, length, from, positions, capacity, 0, scanned);
}

int64_t winnow_json_string_decode(const uint8_t *source, int64_t length, uint8_t *target, int64_t *end) {
    return decodeScalar(source, length, target, end, 0, 0);
}

#endif

/* ---- Substring search ---- */

int32_t winnow_contains(const uint8_t *haystack, int64_t length, const uint8_t *needle, int64_t needle_length) {
    if (needle_length <= 0) return 1;
    if (!haystack || length < needle_length) return 0;
    return memmem(haystack, (size_t)length, needle, (size_t)needle_length) != NULL;
}
