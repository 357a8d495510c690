/*
 * Byte-scanning kernels that want instructions Swift's portable SIMD types cannot express
 * (byte shuffles as table lookups), chosen at run time from what the CPU supports. Each
 * returns -1 when no kernel fits this CPU, and the caller then uses its portable Swift path.
 */
#ifndef WINNOW_CTEXTSCAN_H
#define WINNOW_CTEXTSCAN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * 1 when `bytes` is valid UTF-8 holding no C0 control other than tab, newline and carriage
 * return (the common case of a text file), with `*leads` set to the number of lead bytes
 * (C0 and above), that is of multi-byte sequences; 0 when it is not (the caller then looks
 * byte by byte); -1 when the CPU has no fitting instructions.
 */
int32_t winnow_utf8_check_plain(const uint8_t *bytes, int64_t length, int64_t *leads);

/* What `winnow_line_flags` found in a line. */
enum {
    /* A control character to remove: C0 other than tab, DEL, or C1 (C2 80...9F). */
    WINNOW_LINE_CONTROL = 1,
    /* A character that NFC might change: anything from U+0300 on other than basic Cyrillic,
       Thai and common punctuation and symbols, or a Thai mark followed by one of lower
       combining class. Clear means the line is certainly NFC. */
    WINNOW_LINE_MAY_NEED_NFC = 2,
    /* A byte the writers must look at: below 0x20 (tab too), `"`, `*`, `<`, `[ \ ] ^ _ `` ` ``, or
       two spaces in a row. */
    WINNOW_LINE_SPECIAL = 4,
};

/* The WINNOW_LINE_ flags of one line of valid UTF-8 (no newline in it), or -1 when the CPU
   has no fitting instructions. */
int32_t winnow_line_flags(const uint8_t *line, int64_t length);

/* One line as `winnow_scan_lines` found it. */
typedef struct {
    /* Where the line starts and where its bytes end (at its break, or the text's end). */
    int64_t start;
    int64_t end;
    /* The line without leading and trailing spaces, tabs and no-break spaces (empty for a
       blank line), and the indentation trimmed off its start (a tab counts 4). */
    int64_t trimStart;
    int64_t trimEnd;
    int64_t indent;
    /* The WINNOW_LINE_ flags of the trimmed line, as `winnow_line_flags` gives them. */
    int32_t flags;
} WinnowLine;

/*
 * The lines of valid UTF-8 `text` from `from` (a line's start) on, at most `capacity` of them:
 * line breaks, trimming and flags in one pass over the bytes. LF, CR and CRLF end a line; the
 * text's end ends the last one (a text ending in a break has no empty line after it). Returns
 * how many lines were written, with `*resume` set to where the next call goes on (`length`
 * when the text is done), or -1 when the CPU has no fitting instructions.
 */
int64_t winnow_scan_lines(const uint8_t *text, int64_t length, int64_t from, WinnowLine *lines, int64_t capacity,
    int64_t *resume);

/*
 * A markdown link `[text](destination)` whose `[` is at `open` in `text`: brackets nest,
 * a backslash hides the byte after it (in the text part), parentheses nest in the
 * destination. Returns 1 with `*close` at the `]` and `*end` just after the `)`, 0 when
 * there is no such link, -1 when the CPU has no fitting instructions (the caller then uses
 * its portable parser, which gives the same answers).
 */
int32_t winnow_parse_link(const uint8_t *text, int64_t count, int64_t open, int64_t *close, int64_t *end);

/*
 * Writes to `positions` the offsets of the line breaks (LF and CR bytes) in `text` from
 * `from` on, at most `capacity` of them, and returns how many; `*scanned` is set to where the
 * search stopped (`length` when every break up to the end is listed). Works on every CPU.
 */
int64_t winnow_line_breaks(const uint8_t *text, int64_t length, int64_t from, int64_t *positions, int64_t capacity,
    int64_t *scanned);

/*
 * Decodes the body of a JSON string: `source` starts just after the opening quote. Writes the
 * decoded UTF-8 to `target`, which must hold `length` bytes (a body never decodes longer than
 * it is), sets `*end` to the index of the closing quote in `source`, and returns the number of
 * bytes written. Lone or mismatched UTF-16 surrogates in `\u` escapes become U+FFFD. Returns
 * -1 for anything the caller must report itself: a control character, a bad escape, no
 * closing quote. Works on every CPU (32 bytes at a time where AVX2 runs).
 */
int64_t winnow_json_string_decode(const uint8_t *source, int64_t length, uint8_t *target, int64_t *end);

/* Whether `haystack` (`length` bytes) holds `needle` (`needle_length` bytes): glibc's memmem,
   which Swift's Glibc module does not declare. An empty needle is always held. */
int32_t winnow_contains(const uint8_t *haystack, int64_t length, const uint8_t *needle, int64_t needle_length);

#ifdef __cplusplus
}
#endif

#endif
#include "LanguageScan.h"
#include "FeatureScan.h"
