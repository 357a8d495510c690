#ifndef WINNOW_RULE_SCAN_H
#define WINNOW_RULE_SCAN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Walks a byte-class automaton (the rules' Aho–Corasick DFA) over `text` and lists the steps
 * that land on a reporting state.
 *
 * `table` holds one row of `1 << shift` entries per state: entry `(state << shift) + class`
 * is the next state, or its complement (negative) when that state reports literals.
 * `classes` maps each of the 256 byte values to a column below `1 << shift`; `entries` is the
 * table's length (every state it stores must have a whole row). `longest` is the longest
 * literal the automaton holds, in bytes.
 *
 * Writes two words per reporting step to `events`: the offset of the byte that ended it and
 * the state reached; every offset appears at most once. Returns the number of steps, or -1
 * when there were more than `capacity` (the caller then walks the text itself), or -2 when
 * the table is inconsistent (a state without a row).
 *
 * A long text is walked as up to four slices side by side, each starting `longest - 1` bytes
 * before the part it reports: independent chains of table loads, whose latencies overlap.
 */
int64_t winnow_dfa_scan(const int16_t *table, int64_t entries, const uint8_t *classes, int32_t shift,
    int64_t longest, const uint8_t *text, int64_t length, uint32_t *events, int64_t capacity);

#ifdef __cplusplus
}
#endif

#endif
