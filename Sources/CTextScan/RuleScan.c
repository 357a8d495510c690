#include "RuleScan.h"

#include <stddef.h>
#include <stdint.h>

/* One slice: where its walk starts, where it starts reporting, where it ends. */
typedef struct {
    int64_t walk;
    int64_t report;
    int64_t end;
    int64_t row;
} Slice;

static inline int emit(uint32_t *events, int64_t *count, int64_t capacity, int64_t offset, int64_t state) {
    if (*count >= capacity) return 0;
    events[2 * *count] = (uint32_t)offset;
    events[2 * *count + 1] = (uint32_t)state;
    *count += 1;
    return 1;
}

/* Walks one slice from `from` (a position inside it) to its end. */
static int64_t finish(const int16_t *table, int64_t entries, const uint8_t *classes, int32_t shift,
    const uint8_t *text, Slice *slice, int64_t from, uint32_t *events, int64_t *count, int64_t capacity) {
    int64_t row = slice->row;
    const int64_t rows = entries >> shift;
    const int64_t mask = ((int64_t)1 << shift) - 1;
    for (int64_t position = from; position < slice->end; position++) {
        int32_t next = table[row + (classes[text[position]] & mask)];
        if (next < 0) {
            next = ~next;
            if (position >= slice->report && !emit(events, count, capacity, position, next)) return -1;
        }
        if (next >= rows) return -2;
        row = (int64_t)next << shift;
    }
    slice->row = row;
    return 0;
}

int64_t winnow_dfa_scan(const int16_t *table, int64_t entries, const uint8_t *classes, int32_t shift,
    int64_t longest, const uint8_t *text, int64_t length, uint32_t *events, int64_t capacity) {
    if (length <= 0 || !text) return 0;
    /* Every row whole, so a state below `rows` and a masked class stay inside the table. */
    if (!table || !classes || shift < 0 || shift > 16 || entries < ((int64_t)1 << shift)
        || (entries & (((int64_t)1 << shift) - 1)) != 0)
        return -2;
    if (longest < 1) longest = 1;
    int64_t count = 0;
    const int64_t rows = entries >> shift;
    const int64_t mask = ((int64_t)1 << shift) - 1;
    /* Slices some times longer than the overlap they repeat. */
    int64_t slices = length >= 4 * (2 * longest + 4) ? 4 : length >= 4 * longest ? 2 : 1;
    Slice s[4];
    for (int64_t k = 0; k < slices; k++) {
        s[k].report = length * k / slices;
        s[k].end = length * (k + 1) / slices;
        s[k].walk = s[k].report - (longest - 1);
        if (s[k].walk < 0 || k == 0) s[k].walk = 0;
        s[k].row = 0;
    }
    if (slices == 4) {
        /* The shortest slice's walk, taken by all four together. */
        int64_t together = s[0].end - s[0].walk;
        for (int k = 1; k < 4; k++) {
            if (s[k].end - s[k].walk < together) together = s[k].end - s[k].walk;
        }
        int64_t r0 = 0, r1 = 0, r2 = 0, r3 = 0;
        const uint8_t *t0 = text + s[0].walk, *t1 = text + s[1].walk, *t2 = text + s[2].walk, *t3 = text + s[3].walk;
        for (int64_t step = 0; step < together; step++) {
            int32_t n0 = table[r0 + (classes[t0[step]] & mask)];
            int32_t n1 = table[r1 + (classes[t1[step]] & mask)];
            int32_t n2 = table[r2 + (classes[t2[step]] & mask)];
            int32_t n3 = table[r3 + (classes[t3[step]] & mask)];
            if ((n0 | n1 | n2 | n3) < 0) {
                if (n0 < 0) {
                    n0 = ~n0;
                    if (!emit(events, &count, capacity, s[0].walk + step, n0)) return -1;
                }
                if (n1 < 0) {
                    n1 = ~n1;
                    if (s[1].walk + step >= s[1].report && !emit(events, &count, capacity, s[1].walk + step, n1)) return -1;
                }
                if (n2 < 0) {
                    n2 = ~n2;
                    if (s[2].walk + step >= s[2].report && !emit(events, &count, capacity, s[2].walk + step, n2)) return -1;
                }
                if (n3 < 0) {
                    n3 = ~n3;
                    if (s[3].walk + step >= s[3].report && !emit(events, &count, capacity, s[3].walk + step, n3)) return -1;
                }
            }
            if (n0 >= rows || n1 >= rows || n2 >= rows || n3 >= rows) return -2;
            r0 = (int64_t)n0 << shift;
            r1 = (int64_t)n1 << shift;
            r2 = (int64_t)n2 << shift;
            r3 = (int64_t)n3 << shift;
        }
        s[0].row = r0;
        s[1].row = r1;
        s[2].row = r2;
        s[3].row = r3;
        for (int k = 0; k < 4; k++) {
            int64_t result = finish(table, entries, classes, shift, text, &s[k], s[k].walk + together, events, &count, capacity);
            if (result < 0) return result;
        }
        return count;
    }
    if (slices == 2) {
        int64_t together = s[1].end - s[1].walk;
        if (s[0].end - s[0].walk < together) together = s[0].end - s[0].walk;
        int64_t r0 = 0, r1 = 0;
        const uint8_t *t0 = text + s[0].walk, *t1 = text + s[1].walk;
        for (int64_t step = 0; step < together; step++) {
            int32_t n0 = table[r0 + (classes[t0[step]] & mask)];
            int32_t n1 = table[r1 + (classes[t1[step]] & mask)];
            if ((n0 | n1) < 0) {
                if (n0 < 0) {
                    n0 = ~n0;
                    if (!emit(events, &count, capacity, s[0].walk + step, n0)) return -1;
                }
                if (n1 < 0) {
                    n1 = ~n1;
                    if (s[1].walk + step >= s[1].report && !emit(events, &count, capacity, s[1].walk + step, n1)) return -1;
                }
            }
            if (n0 >= rows || n1 >= rows) return -2;
            r0 = (int64_t)n0 << shift;
            r1 = (int64_t)n1 << shift;
        }
        s[0].row = r0;
        s[1].row = r1;
        for (int k = 0; k < 2; k++) {
            int64_t result = finish(table, entries, classes, shift, text, &s[k], s[k].walk + together, events, &count, capacity);
            if (result < 0) return result;
        }
        return count;
    }
    for (int64_t k = 0; k < slices; k++) {
        int64_t result = finish(table, entries, classes, shift, text, &s[k], s[k].walk, events, &count, capacity);
        if (result < 0) return result;
    }
    return count;
}
