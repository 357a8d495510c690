/*
 * winnow's window onto ICU. Only <stdint.h> types and opaque handles appear here, so Swift
 * files that import Foundation (which links its own private ICU) can import this module too.
 * All strings are UTF-8 unless named otherwise. Status codes: 0 = success, > 0 = ICU error.
 */
#ifndef WINNOW_CICU_H
#define WINNOW_CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Version of the ICU library linked at run time, e.g. "72.1". */
const char *winnow_icu_version(void);

/* Name of an ICU error code, for messages. */
const char *winnow_icu_error_name(int32_t status);

/* ---- Normalisation (NFC) ---- */

/* 1 when `src` is certainly NFC (ICU quick check says yes), 0 otherwise. */
int32_t winnow_icu_is_nfc(const uint8_t *src, int64_t length);

/* Writes the NFC form of `src` into `dst`. Returns the UTF-8 length needed (which may exceed
   `capacity`: call again with a bigger buffer), or -1 on error with `*status` set. */
int64_t winnow_icu_nfc(const uint8_t *src, int64_t length, uint8_t *dst, int64_t capacity, int32_t *status);

/* Writes the ICU full case folding of `src` into `dst`, same contract as winnow_icu_nfc. */
int64_t winnow_icu_fold_case(const uint8_t *src, int64_t length, uint8_t *dst, int64_t capacity, int32_t *status);

/* ---- Charset detection and conversion ---- */

/* Best guess of the charset of `src`. Writes a NUL-terminated name into `name` and returns the
   confidence (0-100), or -1 when ICU has no guess. */
int32_t winnow_icu_detect_charset(const uint8_t *src, int64_t length, char *name, int32_t name_capacity);

/* Converts `src` from `charset` to UTF-8; malformed input becomes U+FFFD. Returns the UTF-8
   length needed (call again when it exceeds `capacity`), or -1 with `*status` set (unknown
   charset name: U_FILE_ACCESS_ERROR or U_ILLEGAL_ARGUMENT_ERROR). `*substitutions` counts
   replaced sequences when it is not NULL. */
int64_t winnow_icu_convert_to_utf8(const char *charset, const uint8_t *src, int64_t length,
                                   uint8_t *dst, int64_t capacity, int64_t *substitutions, int32_t *status);

/* ---- Scripts ---- */

/* The ICU UScriptCode of a code point (0 = Common, 1 = Inherited, 25 = Latin, ...). */
int32_t winnow_icu_script(uint32_t code_point);

/* The ISO 15924 short name of a UScriptCode ("Latn", "Thai", ...), or "Zzzz". */
const char *winnow_icu_script_short_name(int32_t script);

/* ---- Word and sentence boundaries ---- */

typedef struct winnow_breaker winnow_breaker;

/* kind: 0 = words, 1 = sentences. Returns NULL with `*status` set on failure. */
winnow_breaker *winnow_breaker_open(int32_t kind, const char *locale, int32_t *status);
void winnow_breaker_close(winnow_breaker *breaker);

/* Points the breaker at UTF-8 text (not copied: it must outlive the iteration; < 2 GiB). */
int32_t winnow_breaker_set_text(winnow_breaker *breaker, const uint8_t *text, int64_t length);

/* The next boundary as a UTF-8 offset, or -1 at the end. `*is_word` is 1 when the segment
   that ends there is a word (letters, numbers, kana or ideographs), 0 for spaces/punctuation. */
int64_t winnow_breaker_next(winnow_breaker *breaker, int32_t *is_word);

/* ---- Regular expressions ---- */

typedef struct winnow_regex winnow_regex;

/* Compiles an ICU regex from a UTF-8 pattern. flags: 1 = case-insensitive, 2 = multiline.
   On error returns NULL, sets `*status`, and `*error_offset` to the offset in the pattern. */
winnow_regex *winnow_regex_open(const uint8_t *pattern, int64_t length, int32_t flags,
                                int32_t *error_offset, int32_t *status);
void winnow_regex_close(winnow_regex *regex);

/* A copy that can be used on another thread (a regex object is not thread-safe). */
winnow_regex *winnow_regex_clone(const winnow_regex *regex, int32_t *status);

/* Limits the work of one match call (ICU time-limit units, ~ milliseconds); 0 = none. */
void winnow_regex_set_time_limit(winnow_regex *regex, int32_t limit);

/* Searches UTF-8 text. Returns 1 when found (and sets `*start`/`*end` as UTF-8 offsets if not
   NULL), 0 when not found, -1 on error (`*status`, e.g. U_REGEX_TIME_OUT). */
int32_t winnow_regex_find(winnow_regex *regex, const uint8_t *text, int64_t length,
                          int64_t *start, int64_t *end, int32_t *status);

/* Whether UTF-8 `text` (valid, < 1 GiB) holds a match: 1 yes, 0 no, -1 on error (`*status`).
   The text is widened into `scratch` (room for `length` UTF-16 units, kept unchanged until the
   next call on this regex): ICU's matcher runs its UTF-16 loop, several times faster than
   reading UTF-8 through a UText. */
int32_t winnow_regex_contains(winnow_regex *regex, const uint8_t *text, int64_t length, uint16_t *scratch,
                              int32_t *status);

#ifdef __cplusplus
}
#endif

#endif
