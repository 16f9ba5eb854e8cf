/*
 * fuzz_glob.c: libFuzzer target for the path glob (ext/corpus/glob.h).
 *
 * Input: byte 0 is the pattern's length k; the next k bytes (fewer if the
 * input is short) are the pattern, the rest is the path.
 *
 * Invariants checked (abort on violation):
 *  - lede_corpus_glob_init refuses exactly the empty pattern, a leading '/'
 *    and a NUL byte, and accepts everything else;
 *  - lede_corpus_glob_match agrees with a slow reference matcher written
 *    from glob.h (memoised recursion over pattern and path positions, so
 *    it keeps every backtrack point the fast matcher drops); classes are
 *    read by the matcher's own lede_corpus_glob_class (tests/unit/test_glob.c
 *    checks their syntax): what is compared is the matching algorithm;
 *  - pruning never loses a match: when the path matches, may_enter is 1
 *    for each folder on its way ("a", "a/b" for "a/b/c");
 *  - may_enter is exact up to the first "**": for a folder of d segments
 *    it is 1 when the first d pattern segments (none of them "**") match
 *    the folder's and more pattern segments follow, or a "**" comes first.
 */
#include "check.h"
#include "corpus/glob.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_SEGS 600 /* more than a 512-byte path can have */

typedef struct {
    const char *s;
    size_t n;
} seg;

/* Splits s[0..n) at every '/' (n + 1 segments for n slashes). */
static size_t split(const char *s, size_t n, seg *out) {
    size_t k = 0, start = 0;
    for (size_t i = 0; i <= n && k < MAX_SEGS; i++) {
        if (i == n || s[i] == '/') {
            out[k].s = s + start;
            out[k].n = i - start;
            k++;
            start = i + 1;
        }
    }
    return k;
}

/* ---- the reference matcher, from glob.h's words ---------------------------- */

/* A memo table of cells entries, all -1 (unknown). */
static signed char *memo_new(size_t cells) {
    signed char *m = malloc(cells);
    FUZZ_CHECK(m);
    memset(m, -1, cells);
    return m;
}

typedef struct {
    const char *p, *s;
    size_t pn, sn;
    signed char *memo; /* [(pn + 1) * (sn + 1)]: -1 unknown, 0, 1 */
} ref_seg;

static int ref_seg_at(ref_seg *r, size_t pi, size_t si) {
    signed char *m = &r->memo[pi * (r->sn + 1) + si];
    if (*m >= 0)
        return *m;
    const char *p = r->p, *s = r->s;
    size_t pn = r->pn, sn = r->sn;
    int ok = 0;
    uint32_t c;
    if (pi == pn) {
        ok = si == sn;
    } else if (p[pi] == '*') {
        size_t pj = pi;
        while (pj < pn && p[pj] == '*')
            pj++;
        /* any run of characters, none or more */
        for (size_t k = si;; k = lede_utf8_next(s, sn, k, &c)) {
            if (ref_seg_at(r, pj, k)) {
                ok = 1;
                break;
            }
            if (k >= sn)
                break;
        }
    } else if (si < sn) {
        size_t after;
        int cls;
        size_t snext = lede_utf8_next(s, sn, si, &c);
        if (p[pi] == '?') {
            ok = ref_seg_at(r, pi + 1, snext);
        } else if (p[pi] == '[' && (cls = lede_corpus_glob_class(p, pn, pi, c, &after)) >= 0) {
            ok = cls && ref_seg_at(r, after, snext);
        } else {
            /* a literal character (after '\\' when escaped), matched whole */
            size_t lit = p[pi] == '\\' && pi + 1 < pn ? pi + 1 : pi;
            size_t pe = lede_utf8_next(p, pn, lit, &c);
            ok = pe - lit == snext - si && memcmp(p + lit, s + si, pe - lit) == 0 &&
                 ref_seg_at(r, pe, snext);
        }
    }
    *m = (signed char)ok;
    return ok;
}

static int ref_seg_match(seg p, seg s) {
    ref_seg r = {p.s, s.s, p.n, s.n, memo_new((p.n + 1) * (s.n + 1))};
    int ok = ref_seg_at(&r, 0, 0);
    free(r.memo);
    return ok;
}

static int is_double_star(seg p) { return p.n == 2 && p.s[0] == '*' && p.s[1] == '*'; }

typedef struct {
    const seg *ps, *ss;
    size_t np, ns;
    signed char *memo; /* [(np + 1) * (ns + 1)] */
} ref_path;

static int ref_path_at(ref_path *r, size_t i, size_t j) {
    signed char *m = &r->memo[i * (r->ns + 1) + j];
    if (*m >= 0)
        return *m;
    int ok;
    if (i == r->np)
        ok = j == r->ns;
    else if (is_double_star(r->ps[i])) /* zero or more whole segments */
        ok = ref_path_at(r, i + 1, j) || (j < r->ns && ref_path_at(r, i, j + 1));
    else
        ok = j < r->ns && ref_seg_match(r->ps[i], r->ss[j]) && ref_path_at(r, i + 1, j + 1);
    *m = (signed char)ok;
    return ok;
}

static int ref_match(const seg *ps, size_t np, const seg *ss, size_t ns) {
    ref_path r = {ps, ss, np, ns, memo_new((np + 1) * (ns + 1))};
    int ok = ref_path_at(&r, 0, 0);
    free(r.memo);
    return ok;
}

/* ---- the target ------------------------------------------------------------- */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1)
        return 0;
    size_t k = data[0];
    if (k > size - 1)
        k = size - 1;
    const char *pat = (const char *)data + 1;
    const char *path = pat + k;
    size_t path_n = size - 1 - k;
    if (path_n > 512)
        return 0; /* longer paths add time, not coverage */

    lede_corpus_glob g;
    const char *why = NULL;
    lede_rc rc = lede_corpus_glob_init(&g, pat, k, &why);
    int bad = k == 0 || pat[0] == '/' || memchr(pat, '\0', k) != NULL;
    FUZZ_CHECK((rc == LEDE_INVALID) == bad && (rc == LEDE_OK) == !bad);
    FUZZ_CHECK(!bad || (why && why[0]));
    if (bad)
        return 0;

    static seg ps[MAX_SEGS], ss[MAX_SEGS];
    size_t np = split(pat, k, ps), ns = split(path, path_n, ss);
    FUZZ_CHECK(np < MAX_SEGS && ns < MAX_SEGS); /* lengths keep them below */
    int m = lede_corpus_glob_match(&g, path, path_n);
    FUZZ_CHECK(m == 0 || m == 1);
    FUZZ_CHECK(m == ref_match(ps, np, ss, ns));

    /* every folder on the way to the path, "a" then "a/b" ... */
    for (size_t d = 1; d < ns; d++) {
        size_t dir_n = (size_t)(ss[d].s - 1 - path);
        int may = lede_corpus_glob_may_enter(&g, path, dir_n);
        FUZZ_CHECK(may == 0 || may == 1);
        if (m)
            FUZZ_CHECK(may);
        int want = -1;
        for (size_t i = 0; i < d && want < 0; i++) {
            if (i >= np)
                want = 0; /* the pattern ends above this folder */
            else if (is_double_star(ps[i]))
                want = 1; /* from the first "**" on: yes */
            else if (!ref_seg_match(ps[i], ss[i]))
                want = 0;
        }
        if (want < 0)
            want = d < np; /* a pattern segment is left for what is below */
        FUZZ_CHECK(may == want);
    }
    return 0;
}
