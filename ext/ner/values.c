/*
 * values.c: values of CARDINAL and ORDINAL spans (values.h).
 */
#include "values.h"

#include "../text/chars.h"
#include "numbers.h"

#include <stdio.h>
#include <string.h>

size_t lede_ner_value_cardinal(const char *s, const lede_token *t, size_t nt, char *out,
                               size_t cap) {
    if (cap)
        out[0] = '\0';
    for (size_t i = 0; i < nt; i++) {
        lede_num_phrase_out o;
        if (lede_num_phrase(s, t, nt, i, LEDE_NUM_ALLOW_VAGUE, &o))
            return lede_num_format(&o.value, out, cap);
    }
    return 0;
}

/* The value of the ordinal word w[0..n) ("first" 1, "twentieth" 20,
   "hundredth" 100), or 0. */
static int values_ordinal_word(const char *w, size_t n) {
    static const char *const words[] = {
        "first",       "second",     "third",      "fourth",     "fifth",      "sixth",
        "seventh",     "eighth",     "ninth",      "tenth",      "eleventh",   "twelfth",
        "thirteenth",  "fourteenth", "fifteenth",  "sixteenth",  "seventeenth", "eighteenth",
        "nineteenth"};
    static const char *const tens[] = {"twentieth", "thirtieth",  "fortieth",  "fiftieth",
                                       "sixtieth",  "seventieth", "eightieth", "ninetieth"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (lede_ascii_eq_ci(w, n, words[k]))
            return (int)k + 1;
    for (size_t k = 0; k < sizeof tens / sizeof *tens; k++)
        if (lede_ascii_eq_ci(w, n, tens[k]))
            return 20 + 10 * (int)k;
    if (lede_ascii_eq_ci(w, n, "hundredth"))
        return 100;
    if (lede_ascii_eq_ci(w, n, "thousandth"))
        return 1000;
    return 0;
}

/* The value of the tens word w[0..n) ("twenty" 20 ... "ninety" 90), or 0. */
static int values_tens_word(const char *w, size_t n) {
    static const char *const tens[] = {"twenty", "thirty",  "forty",  "fifty",
                                       "sixty",  "seventy", "eighty", "ninety"};
    for (size_t k = 0; k < sizeof tens / sizeof *tens; k++)
        if (lede_ascii_eq_ci(w, n, tens[k]))
            return 20 + 10 * (int)k;
    return 0;
}

/* The value of one word that is a whole ordinal: "3rd", "21st", "first",
   "twenty-first"; 0 when it is none. */
static long values_ordinal_token(const char *w, size_t n) {
    size_t d = 0;
    while (d < n && d < 12 && w[d] >= '0' && w[d] <= '9')
        d++;
    if (d > 0 && d < 10 && n == d + 2 &&
        (lede_ascii_eq_ci(w + d, 2, "st") || lede_ascii_eq_ci(w + d, 2, "nd") ||
         lede_ascii_eq_ci(w + d, 2, "rd") || lede_ascii_eq_ci(w + d, 2, "th"))) {
        long v = 0;
        for (size_t k = 0; k < d; k++)
            v = 10 * v + (w[k] - '0');
        return v;
    }
    if (d)
        return 0;
    const char *dash = memchr(w, '-', n);
    if (dash) {
        size_t a = (size_t)(dash - w);
        int t = values_tens_word(w, a), u = values_ordinal_word(dash + 1, n - a - 1);
        return t && u && u < 10 ? t + u : 0;
    }
    return values_ordinal_word(w, n);
}

size_t lede_ner_value_ordinal(const char *s, const lede_token *t, size_t nt, char *out,
                              size_t cap) {
    if (cap)
        out[0] = '\0';
    for (size_t i = 0; i < nt; i++) {
        const char *w = s + t[i].span.byte_start;
        size_t n = t[i].span.byte_end - t[i].span.byte_start;
        long v = values_ordinal_token(w, n);
        /* "twenty first" written as two words */
        if (!v && i + 1 < nt && values_tens_word(w, n)) {
            const char *w2 = s + t[i + 1].span.byte_start;
            int u = values_ordinal_word(w2, t[i + 1].span.byte_end - t[i + 1].span.byte_start);
            if (u && u < 10)
                v = values_tens_word(w, n) + u;
        }
        if (v) {
            int len = snprintf(out, cap, "%ld", v);
            if (len < 0 || (size_t)len >= cap) {
                if (cap)
                    out[0] = '\0';
                return 0;
            }
            return (size_t)len;
        }
    }
    return 0;
}
