/*
 * norm.c: NFKC case folding through utf8proc, into a reusable buffer.
 *
 * ASCII folds to ASCII lowercase under NFKC_Casefold, so pure-ASCII text
 * takes a short path; everything else goes through utf8proc.
 */
#include "norm.h"

#include "utf8.h"

#include <string.h>
#include <utf8proc.h>

#define NORM_OPTIONS                                                                           \
    (UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD)

static lede_rc norm_reserve_cps(lede_norm_buf *nb, size_t want) {
    if (want <= nb->cps_cap)
        return LEDE_OK;
    size_t cap = nb->cps_cap ? nb->cps_cap : 64;
    while (cap < want)
        cap *= 2;
    int32_t *p = lede_realloc(nb->cps, cap * sizeof *p);
    if (!p)
        return LEDE_NOMEM;
    nb->cps = p;
    nb->cps_cap = cap;
    return LEDE_OK;
}

/* Copies s[0..n) into nb->clean with each ill-formed character as U+FFFD. */
static lede_rc norm_clean(lede_norm_buf *nb, const char *s, size_t n, size_t *len) {
    size_t want = n * 3 + 1; /* one byte can become EF BF BD */
    if (want > nb->clean_cap) {
        char *p = lede_realloc(nb->clean, want);
        if (!p)
            return LEDE_NOMEM;
        nb->clean = p;
        nb->clean_cap = want;
    }
    size_t i = 0, o = 0;
    while (i < n) {
        uint32_t cp;
        size_t j = lede_utf8_next(s, n, i, &cp);
        o += lede_utf8_encode(cp, nb->clean + o);
        i = j;
    }
    *len = o;
    return LEDE_OK;
}

lede_rc lede_text_norm(lede_norm_buf *nb, const char *s, size_t n, const char **out,
                       size_t *out_len) {
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80u)
        i++;
    if (i == n) { /* ASCII */
        lede_rc rc = norm_reserve_cps(nb, n / sizeof(int32_t) + 1);
        if (rc != LEDE_OK)
            return rc;
        char *o = (char *)nb->cps;
        for (size_t k = 0; k < n; k++)
            o[k] = (s[k] >= 'A' && s[k] <= 'Z') ? (char)(s[k] + 32) : s[k];
        *out = o;
        *out_len = n;
        return LEDE_OK;
    }
    if (!lede_utf8_valid(s, n)) {
        size_t len;
        lede_rc rc = norm_clean(nb, s, n, &len);
        if (rc != LEDE_OK)
            return rc;
        s = nb->clean;
        n = len;
    }
    for (;;) {
        utf8proc_ssize_t got =
            utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, nb->cps,
                               (utf8proc_ssize_t)nb->cps_cap, NORM_OPTIONS);
        if (got < 0)
            return got == UTF8PROC_ERROR_NOMEM ? LEDE_NOMEM : LEDE_INVALID;
        if ((size_t)got <= nb->cps_cap) {
            utf8proc_ssize_t bytes = utf8proc_reencode(nb->cps, got, NORM_OPTIONS);
            if (bytes < 0)
                return LEDE_INVALID;
            *out = (const char *)nb->cps;
            *out_len = (size_t)bytes;
            return LEDE_OK;
        }
        lede_rc rc = norm_reserve_cps(nb, (size_t)got);
        if (rc != LEDE_OK)
            return rc;
    }
}

void lede_norm_buf_free(lede_norm_buf *nb) {
    lede_free(nb->cps);
    lede_free(nb->clean);
    memset(nb, 0, sizeof *nb);
}
