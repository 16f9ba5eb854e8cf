/*
 * cues.c: looking a word up in the learned cue table (cues.h).
 */
#include "cues.h"

#include "../text/chars.h"

int lede_quotes_is_cue(const char *s, size_t n) { return lede_quotes_cue_percent(s, n) > 0; }

/* strcmp(w, the word s[0..n) lowercased)'s sign, as strcmp would give it
   for a copy of s cut at its first NUL, without the copy: the words
   compared as before the hash index. */
static int cmp_lower(const char *w, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        int a = (unsigned char)w[i], b = lede_ascii_lower((unsigned char)s[i]);
        if (a != b || b == 0)
            return a - b;
    }
    return (unsigned char)w[n];
}

int lede_quotes_cue_percent(const char *s, size_t n) {
    if (n == 0 || n >= 32)
        return 0;
    /* the hash of the word as strcmp would see the lowercased copy: up to
       its first NUL */
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        int c = lede_ascii_lower((unsigned char)s[i]);
        if (c == 0)
            break;
        h = (h ^ (uint32_t)c) * 16777619u;
    }
    if (h == 0)
        h = 1;
    uint32_t mask = (1u << lede_quotes_cue_bits) - 1u;
    for (uint32_t k = h & mask; lede_quotes_cue_slots[k].index; k = (k + 1) & mask) {
        if (lede_quotes_cue_slots[k].hash != h)
            continue;
        const lede_quotes_cue *q = &lede_quotes_cues[lede_quotes_cue_slots[k].index - 1];
        if (cmp_lower(q->word, s, n) != 0)
            continue;
        return q->count > 0 && q->cue_count < q->count ? 1 + 100 * q->cue_count / q->count : 100;
    }
    return 0;
}
