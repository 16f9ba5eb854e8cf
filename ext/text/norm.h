/*
 * norm.h: the normal form of a token: NFKC with full case folding
 * (utf8proc_decompose + utf8proc_reencode with COMPAT, COMPOSE, CASEFOLD,
 * STABLE). Ill-formed characters read as U+FFFD first (utf8.h).
 *
 * A lede_norm_buf is the caller's scratch: zero it before first use, pass
 * it to every call, and release it with lede_norm_buf_free. The result
 * points into it and lives until the next call with the same buffer.
 */
#ifndef LEDE_TEXT_NORM_H
#define LEDE_TEXT_NORM_H

#include "../core.h"

typedef struct {
    int32_t *cps;   /* code points, then the UTF-8 result in place */
    size_t cps_cap; /* capacity of cps, in code points */
    char *clean;    /* the input with ill-formed characters replaced */
    size_t clean_cap;
} lede_norm_buf;

/* Normalizes s[0..n); *out and *out_len receive the result. */
lede_rc lede_text_norm(lede_norm_buf *nb, const char *s, size_t n, const char **out,
                       size_t *out_len);

void lede_norm_buf_free(lede_norm_buf *nb);

#endif
