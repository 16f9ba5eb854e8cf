/*
 * cues.c: looking a word up in the learned cue table (cues.h).
 */
#include "cues.h"

#include "../text/chars.h"

#include <string.h>

int lede_quotes_is_cue(const char *s, size_t n) { return lede_quotes_cue_percent(s, n) > 0; }

int lede_quotes_cue_percent(const char *s, size_t n) {
    char buf[32];
    if (n == 0 || n >= sizeof buf)
        return 0;
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)lede_ascii_lower((unsigned char)s[i]);
    buf[n] = '\0';
    size_t lo = 0, hi = lede_quotes_ncues;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(lede_quotes_cues[mid].word, buf);
        if (c == 0) {
            const lede_quotes_cue *q = &lede_quotes_cues[mid];
            return q->count > 0 && q->cue_count < q->count ? 1 + 100 * q->cue_count / q->count
                                                           : 100;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}
