/*
 * classes.c: exchange clustering of the training text's words (classes.h).
 *
 * The text is a sequence of items (word ids) with a boundary item between
 * windows; words seen fewer than min_count times share one "rare" item.
 * The objective, for classes c and class bigram counts N(c1, c2) with left
 * and right marginals Nl(c), Nr(c), is
 *
 *     sum N(c1, c2) log N(c1, c2) - sum Nl(c) log Nl(c) - sum Nr(c) log Nr(c)
 *
 * (the class bigram log-likelihood up to terms that do not depend on the
 * classes). Moving one word changes only the rows and columns of two
 * classes, so each candidate class is scored from the word's neighbour
 * class counts alone.
 *
 * The finest clustering groups words; each coarser one groups the classes
 * of the finer one by the same algorithm over class bigram counts, so the
 * three levels nest like the prefixes of a Brown cluster path.
 */
#include "classes.h"

#include "percep.h"
#include "util.h"

#include "../features.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- x log2 x in fixed point (Q30), integers only ---------------------------- */

/* log2(x) in Q30 for x >= 1: the integer part from the top bit, the
   fraction bit by bit by repeated squaring of the mantissa. */
static int64_t log2_q30(uint64_t x) {
    int e = 63;
    while (!(x >> e))
        e--;
    uint64_t m = e >= 30 ? x >> (e - 30) : x << (30 - e); /* [1, 2) in Q30 */
    int64_t frac = 0;
    for (int b = 29; b >= 0; b--) {
        m = (m * m) >> 30;
        if (m >= (uint64_t)2 << 30) {
            m >>= 1;
            frac |= (int64_t)1 << b;
        }
    }
    return ((int64_t)e << 30) + frac;
}

/* A table of x log2 x (Q30) for x in [0, n]. */
static int64_t *xlogx_table(size_t n) {
    int64_t *t = xmalloc((n + 1) * sizeof *t);
    t[0] = 0;
    for (size_t x = 1; x <= n; x++)
        t[x] = (int64_t)x * log2_q30(x);
    return t;
}

/* ---- a weighted graph of items: who follows whom, how often ----------------- */

typedef struct {
    size_t n;        /* items */
    size_t *out_off; /* [n + 1] into out_to/out_count: items that follow */
    uint32_t *out_to, *out_count;
    size_t *in_off; /* [n + 1] into in_from/in_count: items that precede */
    uint32_t *in_from, *in_count;
    uint32_t *self; /* [n] count of (i, i) */
    uint64_t *nl;   /* [n] bigrams with the item on the left */
    uint64_t *nr;   /* [n] on the right */
    uint64_t total; /* bigrams */
} graph;

typedef struct {
    uint32_t a, b, count;
} edge;

static int edge_cmp_ab(const void *x, const void *y) {
    const edge *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

static int edge_cmp_ba(const void *x, const void *y) {
    const edge *p = x, *q = y;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return p->a < q->a ? -1 : p->a > q->a;
}

/* Builds g from n items and a list of edges sorted by (a, b) without
   duplicates. */
static void graph_build(graph *g, size_t n, edge *e, size_t ne) {
    memset(g, 0, sizeof *g);
    g->n = n;
    g->out_off = xcalloc(n + 1, sizeof *g->out_off);
    g->in_off = xcalloc(n + 1, sizeof *g->in_off);
    g->out_to = xmalloc((ne + 1) * sizeof *g->out_to);
    g->out_count = xmalloc((ne + 1) * sizeof *g->out_count);
    g->in_from = xmalloc((ne + 1) * sizeof *g->in_from);
    g->in_count = xmalloc((ne + 1) * sizeof *g->in_count);
    g->self = xcalloc(n, sizeof *g->self);
    g->nl = xcalloc(n, sizeof *g->nl);
    g->nr = xcalloc(n, sizeof *g->nr);
    for (size_t k = 0; k < ne; k++) {
        g->out_off[e[k].a + 1]++;
        g->in_off[e[k].b + 1]++;
        g->nl[e[k].a] += e[k].count;
        g->nr[e[k].b] += e[k].count;
        g->total += e[k].count;
        if (e[k].a == e[k].b)
            g->self[e[k].a] = e[k].count;
    }
    for (size_t i = 0; i < n; i++) {
        g->out_off[i + 1] += g->out_off[i];
        g->in_off[i + 1] += g->in_off[i];
    }
    for (size_t k = 0; k < ne; k++) { /* sorted by a: out lists in order */
        g->out_to[k] = e[k].b;
        g->out_count[k] = e[k].count;
    }
    qsort(e, ne, sizeof *e, edge_cmp_ba);
    for (size_t k = 0; k < ne; k++) {
        g->in_from[k] = e[k].a;
        g->in_count[k] = e[k].count;
    }
    qsort(e, ne, sizeof *e, edge_cmp_ab); /* as given */
}

static void graph_free(graph *g) {
    free(g->out_off);
    free(g->out_to);
    free(g->out_count);
    free(g->in_off);
    free(g->in_from);
    free(g->in_count);
    free(g->self);
    free(g->nl);
    free(g->nr);
    memset(g, 0, sizeof *g);
}

/* ---- the exchange algorithm ----------------------------------------------------- */

static int key_cmp(const void *x, const void *y) {
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/*
 * Puts the n items of g into k classes (cls[i]), starting with the k - 1
 * heaviest items alone and the rest in the last class, visiting items from
 * the heaviest. Returns the number of passes made.
 */
static int exchange(const graph *g, size_t k, int passes, const int64_t *xl, uint32_t *cls) {
    size_t n = g->n;
    /* heaviest first, ties by index: the keys are distinct, so the order is
       the same whatever qsort does with equal elements */
    uint64_t *key = xmalloc((n + 1) * sizeof *key);
    for (size_t i = 0; i < n; i++) {
        uint64_t weight = g->nl[i] + g->nr[i];
        if (weight > UINT32_MAX)
            weight = UINT32_MAX;
        key[i] = (UINT32_MAX - weight) << 32 | (uint64_t)i;
    }
    qsort(key, n, sizeof *key, key_cmp);
    size_t *order = xmalloc((n + 1) * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = (size_t)(key[i] & UINT32_MAX);
    free(key);
    for (size_t r = 0; r < n; r++)
        cls[order[r]] = (uint32_t)(r < k - 1 ? r : k - 1);

    int64_t *N = xcalloc(k * k, sizeof *N), *Nl = xcalloc(k, sizeof *Nl),
            *Nr = xcalloc(k, sizeof *Nr);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = g->out_off[i]; j < g->out_off[i + 1]; j++)
            N[cls[i] * k + cls[g->out_to[j]]] += g->out_count[j];
        Nl[cls[i]] += (int64_t)g->nl[i];
        Nr[cls[i]] += (int64_t)g->nr[i];
    }
    int64_t *R = xcalloc(k, sizeof *R), *L = xcalloc(k, sizeof *L);
    uint32_t *rs = xmalloc(k * sizeof *rs), *ls = xmalloc(k * sizeof *ls);
#define F(x) xl[(x)]
    int pass = 0;
    for (; pass < passes; pass++) {
        size_t moved = 0;
        for (size_t r = 0; r < n; r++) {
            size_t w = order[r];
            uint32_t a = cls[w];
            size_t nrs = 0, nls = 0;
            for (size_t j = g->out_off[w]; j < g->out_off[w + 1]; j++) {
                uint32_t c = cls[g->out_to[j]];
                if (!R[c])
                    rs[nrs++] = c;
                R[c] += g->out_count[j];
            }
            for (size_t j = g->in_off[w]; j < g->in_off[w + 1]; j++) {
                uint32_t c = cls[g->in_from[j]];
                if (!L[c])
                    ls[nls++] = c;
                L[c] += g->in_count[j];
            }
            int64_t S = g->self[w];
            /* take w out of a */
            for (size_t x = 0; x < nrs; x++)
                N[a * k + rs[x]] -= R[rs[x]];
            for (size_t x = 0; x < nls; x++)
                N[ls[x] * k + a] -= L[ls[x]];
            N[a * k + a] += S; /* (w, w) came off twice */
            Nl[a] -= (int64_t)g->nl[w];
            Nr[a] -= (int64_t)g->nr[w];
            R[a] -= S; /* the self bigram moves with w */
            L[a] -= S;
            /* score every class */
            uint32_t best = a;
            int64_t best_gain = INT64_MIN;
            for (uint32_t b = 0; b < k; b++) {
                int64_t gain = 0;
                for (size_t x = 0; x < nrs; x++) {
                    uint32_t c = rs[x];
                    if (c != b && R[c])
                        gain += F(N[b * k + c] + R[c]) - F(N[b * k + c]);
                }
                for (size_t x = 0; x < nls; x++) {
                    uint32_t c = ls[x];
                    if (c != b && L[c])
                        gain += F(N[c * k + b] + L[c]) - F(N[c * k + b]);
                }
                gain += F(N[b * k + b] + R[b] + L[b] + S) - F(N[b * k + b]);
                gain -= F(Nl[b] + (int64_t)g->nl[w]) - F(Nl[b]);
                gain -= F(Nr[b] + (int64_t)g->nr[w]) - F(Nr[b]);
                if (gain > best_gain || (gain == best_gain && b == a)) {
                    best_gain = gain;
                    best = b;
                }
            }
            /* put w into best */
            uint32_t b = best;
            for (size_t x = 0; x < nrs; x++)
                if (rs[x] != b)
                    N[b * k + rs[x]] += R[rs[x]];
            for (size_t x = 0; x < nls; x++)
                if (ls[x] != b)
                    N[ls[x] * k + b] += L[ls[x]];
            N[b * k + b] += R[b] + L[b] + S;
            Nl[b] += (int64_t)g->nl[w];
            Nr[b] += (int64_t)g->nr[w];
            cls[w] = b;
            moved += b != a;
            for (size_t x = 0; x < nrs; x++)
                R[rs[x]] = 0;
            for (size_t x = 0; x < nls; x++)
                L[ls[x]] = 0;
            R[a] = L[a] = 0;
        }
        if (moved == 0)
            break;
    }
#undef F
    free(N);
    free(Nl);
    free(Nr);
    free(R);
    free(L);
    free(rs);
    free(ls);
    free(order);
    return pass;
}

/* ---- from the corpus to classes --------------------------------------------------- */

typedef struct {
    uint64_t *keys; /* pair a << 32 | b, plus 1 (0 = empty) */
    uint32_t *count;
    size_t cap, used;
} pair_map;

/* Adds k to the count of the pair (a, b). */
static void pair_add(pair_map *m, uint32_t a, uint32_t b, uint32_t k) {
    if (2 * (m->used + 1) > m->cap) {
        pair_map old = *m;
        m->cap = m->cap ? 2 * m->cap : 1 << 16;
        m->keys = xcalloc(m->cap, sizeof *m->keys);
        m->count = xcalloc(m->cap, sizeof *m->count);
        m->used = 0;
        for (size_t i = 0; i < old.cap; i++) {
            if (!old.keys[i])
                continue;
            size_t s = (size_t)(old.keys[i] * 0x9e3779b97f4a7c15ULL >> 20) & (m->cap - 1);
            while (m->keys[s])
                s = (s + 1) & (m->cap - 1);
            m->keys[s] = old.keys[i];
            m->count[s] = old.count[i];
            m->used++;
        }
        free(old.keys);
        free(old.count);
    }
    uint64_t key = ((uint64_t)a << 32 | b) + 1;
    size_t s = (size_t)(key * 0x9e3779b97f4a7c15ULL >> 20) & (m->cap - 1);
    while (m->keys[s] && m->keys[s] != key)
        s = (s + 1) & (m->cap - 1);
    if (!m->keys[s]) {
        m->keys[s] = key;
        m->used++;
    }
    m->count[s] += k;
}

/* The edges of a pair map, sorted. */
static edge *pair_edges(const pair_map *m, size_t *ne) {
    edge *e = xmalloc((m->used + 1) * sizeof *e);
    size_t k = 0;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        uint64_t key = m->keys[i] - 1;
        e[k].a = (uint32_t)(key >> 32);
        e[k].b = (uint32_t)key;
        e[k].count = m->count[i];
        k++;
    }
    qsort(e, k, sizeof *e, edge_cmp_ab);
    *ne = k;
    return e;
}

/* The graph of n nodes whose edges are the pairs of m; frees m. */
static void graph_from_pairs(pair_map *m, size_t n, graph *g) {
    size_t ne;
    edge *e = pair_edges(m, &ne);
    free(m->keys);
    free(m->count);
    graph_build(g, n, e, ne);
    free(e);
}

/* Classes at each level: k[level] classes, finest last. */
static const size_t classes_k[CLASSES_LEVELS] = {
    1u << LEDE_NER_CLASS_BITS0, 1u << LEDE_NER_CLASS_BITS1, 1u << LEDE_NER_CLASS_BITS2};

void classes_build(const corpus *const *cs, size_t ncs, uint32_t min_count, int passes,
                   classes *out) {
    memset(out, 0, sizeof *out);
    double t0 = now_seconds();
    /* word ids by first occurrence; counts */
    fdict words;
    fdict_init(&words);
    for (size_t ci = 0; ci < ncs; ci++)
        for (size_t d = 0; d < cs[ci]->ndocs; d++)
            for (size_t k = 0; k < cs[ci]->docs[d].nblocks; k++) {
                const corpus_block *b = &cs[ci]->docs[d].blocks[k];
                for (size_t i = 0; i < b->ntok; i++)
                    fdict_count(&words, b->tok[i].norm);
            }
    /* items: 0 = boundary, 1 = rare, then the words in order of first sight */
    for (size_t ci = 0; ci < ncs; ci++)
        for (size_t d = 0; d < cs[ci]->ndocs; d++)
            for (size_t k = 0; k < cs[ci]->docs[d].nblocks; k++) {
                const corpus_block *b = &cs[ci]->docs[d].blocks[k];
                for (size_t i = 0; i < b->ntok; i++)
                    fdict_id(&words, b->tok[i].norm, min_count, 1);
            }
    size_t n = words.nids + 2;
    pair_map pm = {0};
    for (size_t ci = 0; ci < ncs; ci++)
        for (size_t d = 0; d < cs[ci]->ndocs; d++)
        for (size_t k = 0; k < cs[ci]->docs[d].nblocks; k++) {
            const corpus_block *b = &cs[ci]->docs[d].blocks[k];
            for (size_t w = 0; w < b->nwin; w++) {
                uint32_t prev = 0;
                for (size_t i = b->win[w].first; i < b->win[w].first + b->win[w].n; i++) {
                    uint32_t id = fdict_id(&words, b->tok[i].norm, min_count, 0);
                    uint32_t item = id == FDICT_NONE ? 1 : id + 2;
                    pair_add(&pm, prev, item, 1);
                    prev = item;
                }
                pair_add(&pm, prev, 0, 1);
            }
        }
    graph g;
    graph_from_pairs(&pm, n, &g);
    int64_t *xl = xlogx_table((size_t)g.total);

    uint32_t *cls[CLASSES_LEVELS];
    size_t lv = CLASSES_LEVELS - 1;
    cls[lv] = xmalloc(n * sizeof *cls[lv]);
    int p = exchange(&g, classes_k[lv], passes, xl, cls[lv]);
    fprintf(stderr, "classes: %zu words in %zu classes, %d passes (%.1f s)\n", n - 2, classes_k[lv],
            p, now_seconds() - t0);
    /* coarser levels: cluster the classes of the level below */
    for (size_t l = lv; l-- > 0;) {
        size_t kf = classes_k[l + 1];
        pair_map cm = {0};
        /* class bigram counts of the finer level, as edges with counts */
        for (size_t i = 0; i < n; i++)
            for (size_t j = g.out_off[i]; j < g.out_off[i + 1]; j++)
                pair_add(&cm, cls[l + 1][i], cls[l + 1][g.out_to[j]], g.out_count[j]);
        graph cg;
        graph_from_pairs(&cm, kf, &cg);
        uint32_t *of_class = xmalloc(kf * sizeof *of_class);
        p = exchange(&cg, classes_k[l], passes, xl, of_class);
        cls[l] = xmalloc(n * sizeof *cls[l]);
        for (size_t i = 0; i < n; i++)
            cls[l][i] = of_class[cls[l + 1][i]];
        free(of_class);
        graph_free(&cg);
        fprintf(stderr, "classes: %zu classes in %zu, %d passes (%.1f s)\n", kf, classes_k[l], p,
                now_seconds() - t0);
    }
    out->nwords = words.nids;
    out->norm = xmalloc((out->nwords + 1) * sizeof *out->norm);
    out->packed = xmalloc((out->nwords + 1) * sizeof *out->packed);
    for (size_t id = 0; id < words.nids; id++) {
        out->norm[id] = words.hash_of[id];
        out->packed[id] = lede_ner_class_pack(cls[0][id + 2], cls[1][id + 2], cls[2][id + 2]);
    }
    for (size_t l = 0; l < CLASSES_LEVELS; l++)
        free(cls[l]);
    free(xl);
    graph_free(&g);
    fdict_free(&words);
}

void classes_free(classes *cl) {
    free(cl->norm);
    free(cl->packed);
    memset(cl, 0, sizeof *cl);
}
