#include "CICU.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

const char *winnow_icu_version(void) {
    static char text[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, text);
    return text;
}

const char *winnow_icu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

/* UTF-8 -> freshly allocated UTF-16. Caller frees. */
static UChar *to_utf16(const uint8_t *src, int64_t length, int32_t *out_length, UErrorCode *st) {
    if (length > INT32_MAX / 2) { *st = U_BUFFER_OVERFLOW_ERROR; return NULL; }
    int32_t cap = (int32_t)length + 1;
    UChar *buf = (UChar *)malloc(sizeof(UChar) * (size_t)cap);
    if (!buf) { *st = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    u_strFromUTF8WithSub(buf, cap, out_length, (const char *)src, (int32_t)length, 0xFFFD, NULL, st);
    if (U_FAILURE(*st)) { free(buf); return NULL; }
    return buf;
}

/* UTF-16 -> UTF-8 into dst; returns needed length. */
static int64_t from_utf16(const UChar *src, int32_t length, uint8_t *dst, int64_t capacity, UErrorCode *st) {
    int32_t needed = 0;
    int32_t cap = capacity > INT32_MAX ? INT32_MAX : (int32_t)capacity;
    u_strToUTF8WithSub((char *)dst, cap, &needed, src, length, 0xFFFD, NULL, st);
    if (*st == U_BUFFER_OVERFLOW_ERROR || *st == U_STRING_NOT_TERMINATED_WARNING) *st = U_ZERO_ERROR;
    return needed;
}

/*
 * The NFC quick check of UAX #15 on UTF-8, for the BMP: a code point whose NFC_Quick_Check is
 * YES, in canonical order of its combining class, keeps the string NFC. Most text (CJK, Thai
 * with its tone marks, Cyrillic, punctuation such as • or curly quotes) is proven NFC here
 * without ICU's UTF-8 -> UTF-16 round trip; anything MAYBE, NO or outside the BMP goes to ICU.
 */
static uint64_t nfc_yes_bmp[0x10000 / 64];
static uint8_t combining_class_bmp[0x10000];
static pthread_once_t nfc_tables_once = PTHREAD_ONCE_INIT;

static void nfc_tables_build(void) {
    for (UChar32 c = 0; c < 0x10000; c++) {
        if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES) {
            nfc_yes_bmp[c >> 6] |= (uint64_t)1 << (c & 63);
        }
        combining_class_bmp[c] = u_getCombiningClass(c);
    }
}

/* 1 when valid UTF-8 `src` passes the quick check with YES, 0 when ICU must decide. */
static int32_t quick_check_nfc(const uint8_t *src, int64_t length) {
    pthread_once(&nfc_tables_once, nfc_tables_build);
    uint8_t last_class = 0;
    int64_t i = 0;
    while (i < length) {
        uint8_t b = src[i];
        if (b < 0x80) { last_class = 0; i++; continue; }
        UChar32 c;
        if (b < 0xE0) {
            if (i + 1 >= length) return 0;
            c = ((UChar32)(b & 0x1F) << 6) | (src[i + 1] & 0x3F);
            i += 2;
        } else if (b < 0xF0) {
            if (i + 2 >= length) return 0;
            c = ((UChar32)(b & 0x0F) << 12) | ((UChar32)(src[i + 1] & 0x3F) << 6) | (src[i + 2] & 0x3F);
            i += 3;
        } else {
            return 0;
        }
        if (!(nfc_yes_bmp[c >> 6] >> (c & 63) & 1)) return 0;
        uint8_t cls = combining_class_bmp[c];
        if (cls != 0 && cls < last_class) return 0;
        last_class = cls;
    }
    return 1;
}

int32_t winnow_icu_is_nfc(const uint8_t *src, int64_t length) {
    if (quick_check_nfc(src, length)) return 1;
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st)) return 0;
    int32_t n16 = 0;
    UChar *u = to_utf16(src, length, &n16, &st);
    if (!u) return 0;
    UNormalizationCheckResult r = unorm2_quickCheck(nfc, u, n16, &st);
    free(u);
    return U_SUCCESS(st) && r == UNORM_YES;
}

typedef int32_t (*utf16_transform)(const void *ctx, const UChar *src, int32_t len, UChar *dst, int32_t cap, UErrorCode *st);

static int32_t nfc_transform(const void *ctx, const UChar *src, int32_t len, UChar *dst, int32_t cap, UErrorCode *st) {
    return unorm2_normalize((const UNormalizer2 *)ctx, src, len, dst, cap, st);
}
static int32_t fold_transform(const void *ctx, const UChar *src, int32_t len, UChar *dst, int32_t cap, UErrorCode *st) {
    (void)ctx;
    return u_strFoldCase(dst, cap, src, len, U_FOLD_CASE_DEFAULT, st);
}

static int64_t transform_utf8(utf16_transform f, const void *ctx, const uint8_t *src, int64_t length, uint8_t *dst,
                              int64_t capacity, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t n16 = 0;
    UChar *u = to_utf16(src, length, &n16, &st);
    if (!u) { *status = st; return -1; }
    int32_t cap = n16 * 3 + 16;
    UChar *out = (UChar *)malloc(sizeof(UChar) * (size_t)cap);
    if (!out) { free(u); *status = U_MEMORY_ALLOCATION_ERROR; return -1; }
    int32_t n = f(ctx, u, n16, out, cap, &st);
    if (st == U_BUFFER_OVERFLOW_ERROR) {
        free(out);
        cap = n + 1;
        out = (UChar *)malloc(sizeof(UChar) * (size_t)cap);
        if (!out) { free(u); *status = U_MEMORY_ALLOCATION_ERROR; return -1; }
        st = U_ZERO_ERROR;
        n = f(ctx, u, n16, out, cap, &st);
    }
    free(u);
    if (U_FAILURE(st)) { free(out); *status = st; return -1; }
    int64_t needed = from_utf16(out, n, dst, capacity, &st);
    free(out);
    if (U_FAILURE(st)) { *status = st; return -1; }
    *status = 0;
    return needed;
}

int64_t winnow_icu_nfc(const uint8_t *src, int64_t length, uint8_t *dst, int64_t capacity, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
    if (U_FAILURE(st)) { *status = st; return -1; }
    return transform_utf8(nfc_transform, nfc, src, length, dst, capacity, status);
}

int64_t winnow_icu_fold_case(const uint8_t *src, int64_t length, uint8_t *dst, int64_t capacity, int32_t *status) {
    return transform_utf8(fold_transform, NULL, src, length, dst, capacity, status);
}

int32_t winnow_icu_detect_charset(const uint8_t *src, int64_t length, char *name, int32_t name_capacity) {
    UErrorCode st = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&st);
    if (U_FAILURE(st)) return -1;
    int32_t len = length > (1 << 20) ? (1 << 20) : (int32_t)length; /* a megabyte is plenty */
    ucsdet_setText(det, (const char *)src, len, &st);
    const UCharsetMatch *m = ucsdet_detect(det, &st);
    int32_t confidence = -1;
    if (U_SUCCESS(st) && m) {
        const char *n = ucsdet_getName(m, &st);
        confidence = ucsdet_getConfidence(m, &st);
        if (U_SUCCESS(st) && n && name_capacity > 0) {
            strncpy(name, n, (size_t)name_capacity - 1);
            name[name_capacity - 1] = 0;
        } else {
            confidence = -1;
        }
    }
    ucsdet_close(det);
    return confidence;
}

static void count_substitution(const void *context, UConverterToUnicodeArgs *args, const char *bytes,
                               int32_t length, UConverterCallbackReason reason, UErrorCode *err) {
    if (reason <= UCNV_IRREGULAR && context) (*(int64_t *)context)++;
    UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, bytes, length, reason, err);
}

int64_t winnow_icu_convert_to_utf8(const char *charset, const uint8_t *src, int64_t length,
                                   uint8_t *dst, int64_t capacity, int64_t *substitutions, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    if (length > INT32_MAX / 4) { *status = U_BUFFER_OVERFLOW_ERROR; return -1; }
    UConverter *cnv = ucnv_open(charset, &st);
    if (U_FAILURE(st)) { *status = st; return -1; }
    int64_t subs = 0;
    ucnv_setToUCallBack(cnv, count_substitution, &subs, NULL, NULL, &st);
    int32_t cap16 = (int32_t)length * 2 + 16;
    UChar *u = (UChar *)malloc(sizeof(UChar) * (size_t)cap16);
    if (!u) { ucnv_close(cnv); *status = U_MEMORY_ALLOCATION_ERROR; return -1; }
    int32_t n16 = ucnv_toUChars(cnv, u, cap16, (const char *)src, (int32_t)length, &st);
    ucnv_close(cnv);
    if (U_FAILURE(st)) { free(u); *status = st; return -1; }
    int64_t needed = from_utf16(u, n16, dst, capacity, &st);
    free(u);
    if (U_FAILURE(st)) { *status = st; return -1; }
    if (substitutions) *substitutions = subs;
    *status = 0;
    return needed;
}

int32_t winnow_icu_script(uint32_t code_point) {
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript((UChar32)code_point, &st);
    return U_SUCCESS(st) ? (int32_t)s : 0;
}

const char *winnow_icu_script_short_name(int32_t script) {
    const char *n = uscript_getShortName((UScriptCode)script);
    return n ? n : "Zzzz";
}

struct winnow_breaker {
    UBreakIterator *iterator;
    UText *text;
    int32_t kind;
};

winnow_breaker *winnow_breaker_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(kind == 1 ? UBRK_SENTENCE : UBRK_WORD, locale ? locale : "", NULL, 0, &st);
    if (U_FAILURE(st)) { *status = st; return NULL; }
    winnow_breaker *b = (winnow_breaker *)calloc(1, sizeof(winnow_breaker));
    if (!b) { ubrk_close(bi); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    b->iterator = bi;
    b->kind = kind;
    *status = 0;
    return b;
}

void winnow_breaker_close(winnow_breaker *b) {
    if (!b) return;
    ubrk_close(b->iterator);
    if (b->text) utext_close(b->text);
    free(b);
}

int32_t winnow_breaker_set_text(winnow_breaker *b, const uint8_t *text, int64_t length) {
    UErrorCode st = U_ZERO_ERROR;
    static const char empty[1] = {0};
    b->text = utext_openUTF8(b->text, length > 0 ? (const char *)text : empty, length, &st);
    if (U_FAILURE(st)) return st;
    ubrk_setUText(b->iterator, b->text, &st);
    if (U_FAILURE(st)) return st;
    ubrk_first(b->iterator);
    return 0;
}

int64_t winnow_breaker_next(winnow_breaker *b, int32_t *is_word) {
    int32_t end = ubrk_next(b->iterator);
    if (end == UBRK_DONE) return -1;
    if (is_word) *is_word = b->kind == 0 && ubrk_getRuleStatus(b->iterator) >= UBRK_WORD_NONE_LIMIT;
    return end;
}

struct winnow_regex {
    URegularExpression *regex;
    UText *text;
};

winnow_regex *winnow_regex_open(const uint8_t *pattern, int64_t length, int32_t flags,
                                int32_t *error_offset, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UText *pt = utext_openUTF8(NULL, (const char *)pattern, length, &st);
    if (U_FAILURE(st)) { *status = st; return NULL; }
    uint32_t f = 0;
    if (flags & 1) f |= UREGEX_CASE_INSENSITIVE;
    if (flags & 2) f |= UREGEX_MULTILINE;
    UParseError pe;
    memset(&pe, 0, sizeof pe);
    URegularExpression *re = uregex_openUText(pt, f, &pe, &st);
    utext_close(pt);
    if (U_FAILURE(st)) {
        if (error_offset) *error_offset = pe.offset;
        *status = st;
        return NULL;
    }
    winnow_regex *r = (winnow_regex *)calloc(1, sizeof(winnow_regex));
    if (!r) { uregex_close(re); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    r->regex = re;
    *status = 0;
    return r;
}

void winnow_regex_close(winnow_regex *r) {
    if (!r) return;
    uregex_close(r->regex);
    if (r->text) utext_close(r->text);
    free(r);
}

winnow_regex *winnow_regex_clone(const winnow_regex *r, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    URegularExpression *re = uregex_clone(r->regex, &st);
    if (U_FAILURE(st)) { *status = st; return NULL; }
    /* A clone starts with no time limit (ICU copies the pattern, not the matcher's
       settings): without this, every worker's copy of a catastrophic pattern ran unbounded. */
    int32_t limit = uregex_getTimeLimit(r->regex, &st);
    if (U_SUCCESS(st) && limit > 0) uregex_setTimeLimit(re, limit, &st);
    if (U_FAILURE(st)) { uregex_close(re); *status = st; return NULL; }
    winnow_regex *c = (winnow_regex *)calloc(1, sizeof(winnow_regex));
    if (!c) { uregex_close(re); *status = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    c->regex = re;
    *status = 0;
    return c;
}

void winnow_regex_set_time_limit(winnow_regex *r, int32_t limit) {
    UErrorCode st = U_ZERO_ERROR;
    uregex_setTimeLimit(r->regex, limit, &st);
}

int32_t winnow_regex_contains(winnow_regex *r, const uint8_t *text, int64_t length, uint16_t *scratch,
                              int32_t *status) {
    if (length < 0 || length > INT32_MAX / 2) { *status = U_BUFFER_OVERFLOW_ERROR; return -1; }
    UErrorCode st = U_ZERO_ERROR;
    /* Most lines are ASCII: widened byte by byte; the rest from the first other byte on. */
    int32_t count = (int32_t)length;
    int32_t units = 0;
    while (units < count && text[units] < 0x80) {
        scratch[units] = text[units];
        units += 1;
    }
    if (units < count) {
        int32_t tail = 0;
        u_strFromUTF8WithSub((UChar *)scratch + units, count - units, &tail, (const char *)text + units,
                             count - units, 0xFFFD, NULL, &st);
        if (U_FAILURE(st)) { *status = st; return -1; }
        units += tail;
    }
    uregex_setText(r->regex, (const UChar *)scratch, units, &st);
    if (U_FAILURE(st)) { *status = st; return -1; }
    UBool found = uregex_findNext(r->regex, &st);
    if (U_FAILURE(st)) { *status = st; return -1; }
    *status = 0;
    return found ? 1 : 0;
}

int32_t winnow_regex_find(winnow_regex *r, const uint8_t *text, int64_t length,
                          int64_t *start, int64_t *end, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    static const char empty[1] = {0};
    r->text = utext_openUTF8(r->text, length > 0 ? (const char *)text : empty, length, &st);
    if (U_FAILURE(st)) { *status = st; return -1; }
    uregex_setUText(r->regex, r->text, &st);
    if (U_FAILURE(st)) { *status = st; return -1; }
    UBool found = uregex_findNext(r->regex, &st);
    if (U_FAILURE(st)) { *status = st; return -1; }
    *status = 0;
    if (!found) return 0;
    if (start) *start = uregex_start64(r->regex, 0, &st);
    if (end) *end = uregex_end64(r->regex, 0, &st);
    return 1;
}
