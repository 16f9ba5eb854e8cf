/*
 * orth.c: the lookup of orth.h, by bisection over the sorted list of
 * orth_data.c (test_abbrev checks the order).
 */
#include "orth.h"

#include <string.h>

unsigned lede_orth_ratio(const char *w, size_t n) {
    char low[32];
    if (n < 2 || n >= sizeof low || w[0] < 'A' || w[0] > 'Z')
        return 0;
    low[0] = (char)(w[0] + 32);
    for (size_t i = 1; i < n; i++) {
        if (w[i] < 'a' || w[i] > 'z')
            return 0;
        low[i] = w[i];
    }
    size_t lo = 0, hi = lede_orth_lower_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *e = lede_orth_lower_words[mid];
        size_t m = strlen(e);
        int c = memcmp(low, e, n < m ? n : m);
        if (c == 0)
            c = n < m ? -1 : n > m;
        if (c == 0)
            return lede_orth_lower_ratio[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}
