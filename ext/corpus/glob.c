/*
 * glob.c: the path glob of glob.h.
 *
 * Two levels of the same wildcard algorithm: seg_match matches one path
 * segment against one pattern segment, keeping one backtrack point for the
 * last '*'; lede_corpus_glob_match matches segments against segments,
 * keeping one backtrack point for the last "**". fnmatch is not used: it
 * has no "**", and its FNM_PATHNAME mode cannot be combined with a
 * segment-skipping wildcard without allocating and re-joining paths.
 */
#include "glob.h"

#include "../text/utf8.h"

#include <string.h>

#define GLOB_NONE ((size_t)-1)

/* Index of the '/' that ends the segment starting at s[i], or n. */
static size_t seg_end(const char *s, size_t n, size_t i) {
    const char *slash = i < n ? memchr(s + i, '/', n - i) : NULL;
    return slash ? (size_t)(slash - s) : n;
}

static int is_double_star(const char *p, size_t n) { return n == 2 && p[0] == '*' && p[1] == '*'; }

int lede_corpus_glob_class(const char *p, size_t pn, size_t pi, uint32_t c, size_t *pnext) {
    size_t q = pi + 1;
    int negate = 0, found = 0;
    if (q < pn && (p[q] == '!' || p[q] == '^')) {
        negate = 1;
        q++;
    }
    for (int first = 1; q < pn; first = 0) {
        if (p[q] == ']' && !first) {
            *pnext = q + 1;
            return found != negate;
        }
        uint32_t lo, hi;
        if (p[q] == '\\' && q + 1 < pn)
            q++;
        q = lede_utf8_next(p, pn, q, &lo);
        hi = lo;
        if (q + 1 < pn && p[q] == '-' && p[q + 1] != ']') {
            q++;
            if (p[q] == '\\' && q + 1 < pn)
                q++;
            q = lede_utf8_next(p, pn, q, &hi);
        }
        if (lo <= c && c <= hi)
            found = 1;
    }
    return -1;
}

/* The class at p[pi] against the character at s[si] (si < sn), as
   lede_corpus_glob_class, with *snext after the character. */
static int class_match(const char *p, size_t pn, size_t pi, const char *s, size_t sn, size_t si,
                       size_t *pnext, size_t *snext) {
    uint32_t c;
    *snext = lede_utf8_next(s, sn, si, &c);
    return lede_corpus_glob_class(p, pn, pi, c, pnext);
}

/* Matches one character-consuming pattern item at p[pi] against s[si]. */
static int item_match(const char *p, size_t pn, size_t pi, const char *s, size_t sn, size_t si,
                      size_t *pnext, size_t *snext) {
    uint32_t c;
    switch (p[pi]) {
    case '?':
        *snext = lede_utf8_next(s, sn, si, &c);
        *pnext = pi + 1;
        return 1;
    case '[': {
        int r = class_match(p, pn, pi, s, sn, si, pnext, snext);
        if (r >= 0)
            return r;
        break; /* a lone '[' is literal */
    }
    case '\\':
        if (pi + 1 < pn)
            pi++;
        break;
    default:
        break;
    }
    /* a literal: the pattern's character, matched whole against the path's (so every item
       takes exactly one character and the one-backtrack-point argument holds) */
    size_t pe = lede_utf8_next(p, pn, pi, &c), se = lede_utf8_next(s, sn, si, &c);
    *pnext = pe;
    *snext = se;
    return pe - pi == se - si && memcmp(p + pi, s + si, pe - pi) == 0;
}

/* 1 when segment s[0..sn) matches pattern segment p[0..pn). */
static int seg_match(const char *p, size_t pn, const char *s, size_t sn) {
    size_t pi = 0, si = 0;
    size_t star_p = GLOB_NONE, star_s = 0;
    while (si < sn) {
        if (pi < pn) {
            if (p[pi] == '*') {
                while (pi < pn && p[pi] == '*')
                    pi++;
                star_p = pi;
                star_s = si;
                continue;
            }
            size_t pnext, snext;
            if (item_match(p, pn, pi, s, sn, si, &pnext, &snext)) {
                pi = pnext;
                si = snext;
                continue;
            }
        }
        if (star_p == GLOB_NONE)
            return 0;
        uint32_t c;
        star_s = lede_utf8_next(s, sn, star_s, &c); /* the '*' takes one more character */
        si = star_s;
        pi = star_p;
    }
    while (pi < pn && p[pi] == '*')
        pi++;
    return pi == pn;
}

lede_rc lede_corpus_glob_init(lede_corpus_glob *g, const char *pat, size_t n, const char **why) {
    const char *msg = NULL;
    g->pat = pat;
    g->n = n;
    if (!pat)
        return LEDE_OK;
    if (n == 0)
        msg = "must not be empty";
    else if (pat[0] == '/')
        msg = "must be relative to root (no leading '/')";
    else if (memchr(pat, '\0', n))
        msg = "must not contain a NUL byte";
    if (why)
        *why = msg;
    return msg ? LEDE_INVALID : LEDE_OK;
}

/*
 * Positions are segment starts; a position one past the end (n + 1) means
 * "no segments left", so an empty last segment ("a/") stays distinct from
 * none.
 */
int lede_corpus_glob_match(const lede_corpus_glob *g, const char *path, size_t n) {
    if (!g->pat)
        return 1;
    const char *p = g->pat;
    size_t pn = g->n;
    size_t pp = 0, sp = 0;
    size_t star_pp = GLOB_NONE, star_sp = 0;
    for (;;) {
        if (sp > n) {
            while (pp <= pn) { /* the path is used up: only "**" may remain */
                size_t pe = seg_end(p, pn, pp);
                if (!is_double_star(p + pp, pe - pp))
                    return 0;
                pp = pe + 1;
            }
            return 1;
        }
        size_t se = seg_end(path, n, sp);
        if (pp <= pn) {
            size_t pe = seg_end(p, pn, pp);
            if (is_double_star(p + pp, pe - pp)) {
                pp = star_pp = pe + 1;
                star_sp = sp;
                continue;
            }
            if (seg_match(p + pp, pe - pp, path + sp, se - sp)) {
                pp = pe + 1;
                sp = se + 1;
                continue;
            }
        }
        if (star_pp == GLOB_NONE)
            return 0;
        star_sp = seg_end(path, n, star_sp) + 1; /* the "**" takes one more segment */
        sp = star_sp;
        pp = star_pp;
    }
}

int lede_corpus_glob_may_enter(const lede_corpus_glob *g, const char *dir, size_t n) {
    if (!g->pat)
        return 1;
    const char *p = g->pat;
    size_t pn = g->n;
    size_t pp = 0;
    for (size_t sp = 0; sp <= n;) {
        if (pp > pn)
            return 0;
        size_t pe = seg_end(p, pn, pp);
        if (is_double_star(p + pp, pe - pp))
            return 1;
        size_t se = seg_end(dir, n, sp);
        if (!seg_match(p + pp, pe - pp, dir + sp, se - sp))
            return 0;
        pp = pe + 1;
        sp = se + 1;
    }
    return pp <= pn;
}
