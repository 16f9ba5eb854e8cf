/*
 * train.c: trains the learned part of lede_quotes (learn.h) on PolNeAR and
 * writes its weights as C (ext/quotes/model_data.c).
 *
 *   build/quotes-train [-e EPOCHS] [-r RUNS] [-p PRUNE] [-b BIAS] [-x K/N] POLNEAR/train
 *                      ext/quotes/model_data.c
 *
 * -r trains RUNS times, each over the data in its own order, and averages
 * their averaged weights (a single run's model moves with the order: a few
 * thousandths of source and content F1 either way); -p drops averaged
 * weights under PRUNE; -b adds BIAS to the cue
 * classifier's bias once averaged (its threshold); -x K/N holds out the
 * articles whose number is K mod N and prints how the model does on them.
 * With QT_DIAG set in the environment, each gold source the source decoder
 * cannot reach is printed with why (UNREACH lines on stderr).
 *
 * Reads each article of POLNEAR/train/text with its annotation
 * (attributions/NAME_xxxx.ann, brat standoff; the first annotator's file in
 * name order, as tests/eval/quotes.py does) and runs lede_quotes over it
 * with a hook that sees each block once its quotations are attributed, so
 * training sees the tokens, flags and candidates the extension sees. Every
 * Attribution or Attribution-no-source relation gives a cue head (the first
 * word of its Cue span in the cue list, cues.h, else its first word that is
 * no auxiliary or adverb), its Source and its Content spans in tokens of
 * the block, less punctuation at their edges.
 *
 * Three averaged perceptrons (Collins 2002) share one weight table: the cue
 * classifier (every candidate token, a head or not), the source chooser
 * and the content chooser (structured: the decoders of learn.c pick the
 * best span, the weights move towards the gold one when it differs; the
 * content is chosen given the gold source). Instances whose gold span the
 * decoder cannot produce (another sentence, too far) train no chooser.
 * Epochs run over the data in a fixed pseudo-random order, its seed the
 * run's number. The averaged weights (of all runs, averaged) are scaled
 * to 16-bit integers, those that round to 0 dropped.
 *
 * Only the weights are written: hashes of features, never a word or a
 * sentence of the data.
 */
#include "../learn.h"
#include "../quotes.h"

#include "../../text/chars.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX
#define STOP_MIN 12 /* a word never a cue head in this many candidates is skipped */

/* The allocator core.h asks of every program that links the core. */
void *lede_malloc(size_t n) { return malloc(n ? n : 1); }
void *lede_realloc(void *p, size_t n) { return realloc(p, n ? n : 1); }
void lede_free(void *p) { free(p); }

/* ---- the weight table ------------------------------------------------------- */

/* A weight as written: its key and its scaled value. */
typedef struct {
    uint32_t key;
    int32_t w;
} qweight;

static int cmp_qweight(const void *a, const void *b) {
    uint32_t x = ((const qweight *)a)->key, y = ((const qweight *)b)->key;
    return (x > y) - (x < y);
}

typedef struct {
    uint32_t key;
    uint32_t ts;   /* the step of the last change */
    double w;      /* current weight */
    double total;  /* sum of the weight over steps up to ts */
} weight;

typedef struct {
    weight *slots;
    size_t mask, count;
    uint32_t step;
} table;

static weight *tab_find(const table *t, uint32_t key) {
    for (size_t k = key & t->mask;; k = (k + 1) & t->mask) {
        if (t->slots[k].key == key || t->slots[k].key == 0)
            return &t->slots[k];
    }
}

static double tab_weight(const void *ctx, uint32_t key) {
    const weight *w = tab_find(ctx, key);
    return w->key ? w->w : 0;
}

static void tab_add(table *t, uint32_t key, double d) {
    weight *w = tab_find(t, key);
    if (!w->key) {
        if (2 * (t->count + 1) > t->mask) {
            fprintf(stderr, "quotes-train: weight table full\n");
            exit(1);
        }
        w->key = key;
        w->ts = t->step;
        t->count++;
    }
    w->total += w->w * (double)(t->step - w->ts);
    w->ts = t->step;
    w->w += d;
}

static void tab_update(table *t, const uint32_t *f, size_t n, double d) {
    for (size_t i = 0; i < n; i++)
        tab_add(t, f[i], d);
}

/* ---- the data ---------------------------------------------------------------- */

typedef struct {
    size_t cs, ce, ss, se, us, ue; /* byte offsets; ss == NONE: no source */
} gold;

typedef struct {
    size_t article;
    size_t tok0, ntoks; /* in the token store */
} block;

typedef struct {
    size_t block, h;
    lede_ql_span src;   /* gold source in the block's tokens; a NONE: none */
    int src_ok;         /* the source decoder can produce it */
    lede_ql_span con;
    int con_ok;
} inst;

typedef struct {
    char **texts;
    size_t ntexts;
    lede_quotes_tok *toks;
    size_t ntoks, toks_cap;
    block *blocks;
    size_t nblocks, blocks_cap;
    inst *insts;
    size_t ninsts, insts_cap;
    uint8_t *heads; /* per stored token: 1 when it heads a gold cue */
    size_t heads_cap;
    /* the article being read */
    const gold *gold;
    size_t ngold;
    size_t article;
    size_t skipped_used, skipped_nohead;
} data;

static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n);
    if (!q) {
        fprintf(stderr, "quotes-train: out of memory\n");
        exit(1);
    }
    return q;
}

static char *read_file(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = xrealloc(NULL, (size_t)len + 1);
    *n = fread(s, 1, (size_t)len, f);
    s[*n] = '\0';
    fclose(f);
    return s;
}

/* The byte offset of code point cp in s[0..n). */
static size_t cp_to_byte(const char *s, size_t n, size_t cp) {
    size_t b = 0, c = 0;
    while (b < n && c < cp) {
        b++;
        while (b < n && ((unsigned char)s[b] & 0xC0u) == 0x80u)
            b++;
        c++;
    }
    return b;
}

typedef struct {
    char id[16];
    char type[24];
    size_t a, b; /* code points: the first start, the last end */
} ann_span;

/* Reads the attributions of an .ann file into golds (byte offsets). */
static size_t read_ann(const char *path, const char *text, size_t tn, gold **out) {
    size_t n;
    char *s = read_file(path, &n);
    if (!s)
        return 0;
    ann_span *spans = NULL;
    size_t nspans = 0, cap = 0;
    gold *g = NULL;
    size_t ng = 0, gcap = 0;
    char *save = NULL;
    for (char *line = strtok_r(s, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == 'T') {
            char *tab = strchr(line, '\t');
            if (!tab)
                continue;
            ann_span sp;
            size_t idn = (size_t)(tab - line);
            if (idn >= sizeof sp.id)
                continue;
            memcpy(sp.id, line, idn);
            sp.id[idn] = '\0';
            char *p = tab + 1;
            size_t tn2 = strcspn(p, " ");
            if (tn2 >= sizeof sp.type)
                continue;
            memcpy(sp.type, p, tn2);
            sp.type[tn2] = '\0';
            p += tn2;
            char *end = strchr(p, '\t');
            size_t lo = NONE, hi = 0;
            while (*p && (!end || p < end)) {
                if (*p >= '0' && *p <= '9') {
                    size_t x = strtoul(p, &p, 10);
                    if (x < lo)
                        lo = x;
                    if (x > hi)
                        hi = x;
                } else {
                    p++;
                }
            }
            if (lo == NONE)
                continue;
            sp.a = lo;
            sp.b = hi;
            if (nspans == cap) {
                cap = cap ? 2 * cap : 64;
                spans = xrealloc(spans, cap * sizeof *spans);
            }
            spans[nspans++] = sp;
        } else if (line[0] == 'E') {
            char *tab = strchr(line, '\t');
            if (!tab)
                continue;
            char *p = tab + 1;
            if (strncmp(p, "Attribution:", 12) != 0 && strncmp(p, "Attribution-no-source:", 22) != 0)
                continue;
            const ann_span *c = NULL, *so = NULL, *u = NULL;
            char *save2 = NULL;
            for (char *f = strtok_r(p, " \t", &save2); f; f = strtok_r(NULL, " \t", &save2)) {
                char *colon = strchr(f, ':');
                if (!colon)
                    continue;
                *colon = '\0';
                const char *ref = colon + 1;
                const ann_span *found = NULL;
                for (size_t k = 0; k < nspans; k++)
                    if (strcmp(spans[k].id, ref) == 0)
                        found = &spans[k];
                if (strcmp(f, "Content") == 0)
                    c = found;
                else if (strcmp(f, "Source") == 0)
                    so = found;
                else if (strcmp(f, "Cue") == 0)
                    u = found;
            }
            if (!c || !u)
                continue;
            if (ng == gcap) {
                gcap = gcap ? 2 * gcap : 32;
                g = xrealloc(g, gcap * sizeof *g);
            }
            gold *x = &g[ng++];
            x->cs = cp_to_byte(text, tn, c->a);
            x->ce = cp_to_byte(text, tn, c->b);
            x->us = cp_to_byte(text, tn, u->a);
            x->ue = cp_to_byte(text, tn, u->b);
            x->ss = so ? cp_to_byte(text, tn, so->a) : NONE;
            x->se = so ? cp_to_byte(text, tn, so->b) : NONE;
        }
    }
    free(spans);
    free(s);
    *out = g;
    return ng;
}

/* Words that never head a cue: auxiliaries, pronouns, adverbs. */
static int skip_word(const char *s, size_t n) {
    static const char *const skip[] = {
        "has", "have", "had", "also", "is", "was", "were", "are", "be", "been", "will", "would",
        "could", "can", "may", "might", "not", "did", "does", "do", "just", "later", "then",
        "once", "again", "first", "being", "it", "he", "she", "they", "we", "i", "you", "a",
        "an", "the", "s", "'s", "\xe2\x80\x99s", "n't", "still", "even", "never", "already",
        "who", "which", "that", NULL};
    for (size_t k = 0; skip[k]; k++)
        if (lede_ascii_eq_ci(s, n, skip[k]))
            return 1;
    return n > 4 && s[n - 2] == 'l' && s[n - 1] == 'y';
}

/* The tokens [a, b) of the block that the bytes [x, y) cover less
   punctuation at the edges; a NONE when none. */
static lede_ql_span tok_span(const lede_quotes_iter *it, size_t x, size_t y) {
    lede_ql_span sp = {NONE, NONE};
    for (size_t i = 0; i < it->ntoks; i++) {
        const lede_span *t = &it->toks[i].t.span;
        if (t->byte_end > x && t->byte_start < y) {
            if (sp.a == NONE)
                sp.a = i;
            sp.b = i + 1;
        }
    }
    while (sp.a != NONE && sp.a < sp.b && it->toks[sp.a].t.kind == LEDE_TOK_PUNCT)
        sp.a++;
    while (sp.a != NONE && sp.b > sp.a && it->toks[sp.b - 1].t.kind == LEDE_TOK_PUNCT)
        sp.b--;
    if (sp.a != NONE && sp.a >= sp.b)
        sp.a = sp.b = NONE;
    return sp;
}

static int src_reachable(const lede_ql_view *v, size_t h, size_t us, size_t ue, lede_ql_span s) {
    size_t lo = v->toks[h].sbeg, hi = v->toks[h].send;
    if (s.a == NONE)
        return 1;
    if (s.a < lo || s.b > hi || s.b - s.a > LEDE_QL_SRC_LEN || !lede_ql_src_ok(v, s))
        return 0;
    if (s.b <= us) {
        size_t a0 = us > lo + LEDE_QL_SRC_WIN ? us - LEDE_QL_SRC_WIN : lo;
        return s.a >= a0 && s.b + LEDE_QL_SRC_GAP >= us;
    }
    return s.a >= ue && s.a < ue + LEDE_QL_SRC_AFTER;
}

static int con_reachable(const lede_ql_view *v, size_t h, size_t us, size_t ue, lede_ql_span src,
                         lede_ql_span c) {
    size_t lo = v->toks[h].sbeg, hi = v->toks[h].send;
    if (c.a == NONE || c.a < lo || c.b > hi || c.b <= c.a || !lede_ql_con_ok(v, c))
        return 0;
    if (src.a != NONE && c.a < src.b && src.a < c.b)
        return 0;
    if (c.b <= us) {
        size_t c0 = us > lo + LEDE_QL_CON_WIN ? us - LEDE_QL_CON_WIN : lo;
        return c.a >= c0;
    }
    size_t base = lede_ql_con_base(src, ue);
    return c.a >= base && c.a < base + LEDE_QL_CON_AFTER && c.b - c.a <= LEDE_QL_CON_LEN;
}

/* The hook: stores the block and its instances. */
static void on_block(void *ctx, const lede_quotes_iter *it) {
    data *d = ctx;
    if (d->ntoks + it->ntoks > d->toks_cap) {
        d->toks_cap = 2 * (d->ntoks + it->ntoks) + 1024;
        d->toks = xrealloc(d->toks, d->toks_cap * sizeof *d->toks);
        d->heads = xrealloc(d->heads, d->toks_cap);
    }
    if (d->nblocks == d->blocks_cap) {
        d->blocks_cap = d->blocks_cap ? 2 * d->blocks_cap : 1024;
        d->blocks = xrealloc(d->blocks, d->blocks_cap * sizeof *d->blocks);
    }
    block *b = &d->blocks[d->nblocks];
    b->article = d->article;
    b->tok0 = d->ntoks;
    b->ntoks = it->ntoks;
    memcpy(d->toks + d->ntoks, it->toks, it->ntoks * sizeof *it->toks);
    memset(d->heads + d->ntoks, 0, it->ntoks);
    lede_ql_view v = {it->s, it->toks, it->ntoks};
    if (it->ntoks == 0)
        return;
    size_t bstart = it->toks[0].t.span.byte_start, bend = it->toks[it->ntoks - 1].t.span.byte_end;
    for (size_t g = 0; g < d->ngold; g++) {
        const gold *x = &d->gold[g];
        if (x->us < bstart || x->us >= bend)
            continue;
        /* the cue head: its first word of the cue list ("has long argued"),
           else its first word that is no auxiliary, pronoun or adverb */
        size_t h = NONE;
        for (int pass = 0; pass < 2 && h == NONE; pass++)
            for (size_t i = 0; i < it->ntoks; i++) {
                const lede_span *t = &it->toks[i].t.span;
                if (t->byte_end <= x->us || t->byte_start >= x->ue)
                    continue;
                if (it->toks[i].t.kind == LEDE_TOK_WORD &&
                    (pass == 1 || (it->toks[i].flags & LEDE_QL_F_CUE)) &&
                    !skip_word(it->s + t->byte_start, t->byte_end - t->byte_start)) {
                    h = i;
                    break;
                }
            }
        if (h == NONE) {
            d->skipped_nohead++;
            continue;
        }
        if (!lede_ql_cue_candidate(&v, h)) {
            d->skipped_used++;
            continue;
        }
        d->heads[d->ntoks + h] = 1;
        if (d->ninsts == d->insts_cap) {
            d->insts_cap = d->insts_cap ? 2 * d->insts_cap : 1024;
            d->insts = xrealloc(d->insts, d->insts_cap * sizeof *d->insts);
        }
        inst *in = &d->insts[d->ninsts++];
        in->block = d->nblocks;
        in->h = h;
        size_t us, ue;
        lede_ql_cue_extent(&v, h, &us, &ue);
        in->src.a = in->src.b = NONE;
        if (x->ss != NONE)
            in->src = tok_span(it, x->ss, x->se);
        in->src_ok = x->ss == NONE || (in->src.a != NONE && src_reachable(&v, h, us, ue, in->src) &&
                                       !(in->src.a <= h && h < in->src.b));
        if (getenv("QT_DIAG") && x->ss != NONE && !in->src_ok) {
            lede_ql_span s = in->src;
            size_t lo = it->toks[h].sbeg, hi = it->toks[h].send;
            int r = s.a == NONE ? 0 : (s.a < lo || s.b > hi) ? 1 : s.b - s.a > LEDE_QL_SRC_LEN ? 2
                  : !lede_ql_src_ok(&v, s) ? 3 : (s.a <= h && h < s.b) ? 4
                  : s.b <= us ? (s.b + LEDE_QL_SRC_GAP < us ? 5 : 6) : 7;
            static const char *const why[] = {"notok", "othersent", "long", "badspan", "covers",
                                              "gap", "far", "after"};
            fprintf(stderr, "UNREACH %s |", why[r]);
            if (s.a != NONE) {
                size_t a = s.a < h ? s.a : h, e = s.b > h + 1 ? s.b : h + 1;
                fprintf(stderr, "%.*s| head %.*s\n", (int)(it->toks[e - 1].t.span.byte_end - it->toks[a].t.span.byte_start), it->s + it->toks[a].t.span.byte_start,
                        (int)(it->toks[h].t.span.byte_end - it->toks[h].t.span.byte_start), it->s + it->toks[h].t.span.byte_start);
            } else
                fprintf(stderr, "\n");
        }
        /* the content, clipped to the cue's sentence */
        in->con = tok_span(it, x->cs, x->ce);
        size_t lo = it->toks[h].sbeg, hi = it->toks[h].send;
        if (in->con.a != NONE) {
            if (in->con.a < lo)
                in->con.a = lo;
            if (in->con.b > hi)
                in->con.b = hi;
        }
        lede_ql_span s2 = in->src_ok ? in->src : (lede_ql_span){NONE, NONE};
        in->con_ok = in->con.a != NONE && in->con.a < in->con.b &&
                     con_reachable(&v, h, us, ue, s2, in->con);
    }
    d->ntoks += it->ntoks;
    d->nblocks++;
}

/* ---- training -------------------------------------------------------------------- */

static uint64_t rng_state = 88172645463325252ull;

static uint64_t rng(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void shuffle(size_t *v, size_t n) {
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rng() % i);
        size_t t = v[i - 1];
        v[i - 1] = v[j];
        v[j] = t;
    }
}

static int span_eq(lede_ql_span a, lede_ql_span b) { return a.a == b.a && a.b == b.b; }

static lede_ql_view view_of(const data *d, size_t b) {
    const block *bl = &d->blocks[b];
    lede_ql_view v = {d->texts[bl->article], d->toks + bl->tok0, bl->ntoks};
    return v;
}

/* The tokens [a, b) of v as text, into buf (at most n bytes); "-" for none. */
static const char *span_text(const lede_ql_view *v, lede_ql_span sp, char *buf, size_t n) {
    if (sp.a == NONE)
        return "-";
    size_t x = v->toks[sp.a].t.span.byte_start, y = v->toks[sp.b - 1].t.span.byte_end;
    size_t m = y - x < n - 1 ? y - x : n - 1;
    memcpy(buf, v->s + x, m);
    buf[m] = '\0';
    for (size_t i = 0; i < m; i++)
        if (buf[i] == '\n' || buf[i] == '\t')
            buf[i] = ' ';
    return buf;
}

/* With QT_SDIAG: a held-out source the chooser gets wrong given the gold
   cue, on stderr: SERR kind, predicted, gold, cue and the sentence. */
static void print_src_error(const lede_ql_view *v, size_t h, size_t us, size_t ue, lede_ql_span p,
                            lede_ql_span g) {
    const char *kind = p.a == NONE ? "none" : g.a == NONE ? "extra"
                       : p.a <= g.a && p.b >= g.b ? "long" : g.a <= p.a && g.b >= p.b ? "short"
                       : p.a < g.b && g.a < p.b ? "cross" : "wrong";
    char b1[200], b2[200], b3[100], b4[600];
    lede_ql_span cue = {us, ue}, sent = {v->toks[h].sbeg, v->toks[h].send};
    fprintf(stderr, "SERR\t%s\t%s\t%s\t%s\t%s\n", kind, span_text(v, p, b1, sizeof b1),
            span_text(v, g, b2, sizeof b2), span_text(v, cue, b3, sizeof b3),
            span_text(v, sent, b4, sizeof b4));
}

/* Prints how the weights of sc do on the held-out data: the cue heads,
   the sources given the gold cue, the contents given the gold cue and
   source. */
static void measure(const data *d, const lede_ql_scorer *sc, const lede_ql_scorer *stop) {
    uint32_t f[3 * LEDE_QL_MAX_FEATS];
    size_t tp = 0, np = 0, ng = 0;
    for (size_t b = 0; b < d->nblocks; b++) {
        lede_ql_view v = view_of(d, b);
        const uint8_t *heads = d->heads + d->blocks[b].tok0;
        for (size_t i = 0; i < v.n; i++) {
            if (!lede_ql_cue_candidate(&v, i))
                continue;
            int p = stop->weight(stop->ctx, lede_ql_stop_feature(&v, i)) == 0 && lede_ql_score(sc, f, lede_ql_cue_feats(&v, i, f)) > 0;
            np += p;
            ng += heads[i];
            tp += p && heads[i];
        }
    }
    size_t s_ok = 0, s_n = 0, c_ok = 0, c_n = 0, s_reach = 0, c_reach = 0;
    for (size_t k = 0; k < d->ninsts; k++) {
        const inst *in = &d->insts[k];
        lede_ql_view v = view_of(d, in->block);
        size_t us, ue;
        lede_ql_cue_extent(&v, in->h, &us, &ue);
        lede_ql_span p;
        lede_ql_best_source(&v, sc, in->h, us, ue, &p);
        s_n++;
        s_reach += in->src_ok;
        s_ok += in->src_ok && span_eq(p, in->src);
        if (getenv("QT_SDIAG") && in->src_ok && !span_eq(p, in->src))
            print_src_error(&v, in->h, us, ue, p, in->src);
        lede_ql_span s2 = in->src_ok ? in->src : (lede_ql_span){NONE, NONE};
        lede_ql_best_content(&v, sc, in->h, us, ue, s2, &p);
        c_n++;
        c_reach += in->con_ok;
        c_ok += in->con_ok && span_eq(p, in->con);
    }
    fprintf(stderr,
            "held out: cue heads P %.3f R %.3f (%zu gold); source exact %.3f of all, %.3f of "
            "reachable (%zu); content exact %.3f of all, %.3f of reachable (%zu)\n",
            np ? (double)tp / (double)np : 0, ng ? (double)tp / (double)ng : 0, ng,
            s_n ? (double)s_ok / (double)s_n : 0, s_reach ? (double)s_ok / (double)s_reach : 0,
            s_reach, c_n ? (double)c_ok / (double)c_n : 0,
            c_reach ? (double)c_ok / (double)c_reach : 0, c_reach);
}

/* One training run of epochs over d (its own order of the work, from
   run): the averaged weights, added to acc divided by runs. */
static void train_run(const data *d, const lede_ql_scorer *stop_sc, int epochs, int run, int runs,
                      table *acc) {
    table t;
    t.mask = (1u << 22) - 1;
    t.slots = calloc(t.mask + 1, sizeof *t.slots);
    t.count = 0;
    t.step = 1;
    if (!t.slots) {
        fprintf(stderr, "quotes-train: out of memory\n");
        exit(1);
    }
    lede_ql_scorer sc = {tab_weight, &t};
    /* the work of one epoch: every block (cue classifier) and every instance */
    size_t nwork = d->nblocks + d->ninsts;
    size_t *order = xrealloc(NULL, nwork * sizeof *order);
    rng_state = 88172645463325252ull + (uint64_t)run;
    for (size_t i = 0; i < nwork; i++)
        order[i] = i;
    uint32_t f[3 * LEDE_QL_MAX_FEATS], g2[3 * LEDE_QL_MAX_FEATS];
    for (int ep = 0; ep < epochs; ep++) {
        shuffle(order, nwork);
        size_t cue_err = 0, cue_n = 0, src_err = 0, src_n = 0, con_err = 0, con_n = 0;
        for (size_t w = 0; w < nwork; w++) {
            size_t o = order[w];
            if (o < d->nblocks) {
                lede_ql_view v = view_of(d, o);
                const uint8_t *heads = d->heads + d->blocks[o].tok0;
                for (size_t i = 0; i < v.n; i++) {
                    if (!lede_ql_cue_candidate(&v, i) ||
                        stop_sc->weight(stop_sc->ctx, lede_ql_stop_feature(&v, i)) != 0)
                        continue;
                    size_t n = lede_ql_cue_feats(&v, i, f);
                    double s = lede_ql_score(&sc, f, n);
                    int y = heads[i];
                    cue_n++;
                    if ((s > 0) != y) {
                        cue_err++;
                        tab_update(&t, f, n, y ? 1.0 : -1.0);
                    }
                    t.step++;
                }
                continue;
            }
            const inst *in = &d->insts[o - d->nblocks];
            lede_ql_view v = view_of(d, in->block);
            size_t us, ue;
            lede_ql_cue_extent(&v, in->h, &us, &ue);
            if (in->src_ok) {
                lede_ql_span p;
                lede_ql_best_source(&v, &sc, in->h, us, ue, &p);
                src_n++;
                if (!span_eq(p, in->src)) {
                    src_err++;
                    tab_update(&t, g2, lede_ql_src_feats(&v, in->h, us, ue, in->src, g2), 1.0);
                    tab_update(&t, f, lede_ql_src_feats(&v, in->h, us, ue, p, f), -1.0);
                }
                t.step++;
            }
            if (in->con_ok) {
                lede_ql_span s2 = in->src_ok ? in->src : (lede_ql_span){NONE, NONE};
                lede_ql_span p;
                lede_ql_best_content(&v, &sc, in->h, us, ue, s2, &p);
                con_n++;
                if (!span_eq(p, in->con)) {
                    con_err++;
                    tab_update(&t, g2, lede_ql_con_feats(&v, in->h, us, ue, s2, in->con, g2), 1.0);
                    if (p.a != NONE)
                        tab_update(&t, f, lede_ql_con_feats(&v, in->h, us, ue, s2, p, f), -1.0);
                }
                t.step++;
            }
        }
        fprintf(stderr, "epoch %d: cue errors %zu of %zu, source %zu of %zu, content %zu of %zu, %zu weights\n",
                ep + 1, cue_err, cue_n, src_err, src_n, con_err, con_n, t.count);
    }
    for (size_t k = 0; k <= t.mask; k++) {
        weight *w = &t.slots[k];
        if (!w->key)
            continue;
        w->total += w->w * (double)(t.step - w->ts);
        double avg = w->total / (double)t.step;
        weight *x = tab_find(acc, w->key);
        if (!x->key) {
            if (2 * (acc->count + 1) > acc->mask) {
                fprintf(stderr, "quotes-train: weight table full\n");
                exit(1);
            }
            x->key = w->key;
            acc->count++;
        }
        x->w += avg / (double)runs;
    }
    free(order);
    free(t.slots);
}

static int cmp_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
    int epochs = 10, runs = 1;
    long fold = -1, folds = 0;
    double prune = 0; /* -p: the least averaged weight kept (in update units) */
    double bias = 0;  /* -b: added to the cue classifier's bias once averaged */
    int ai = 1;
    while (ai + 1 < argc && argv[ai][0] == '-') {
        if (strcmp(argv[ai], "-e") == 0)
            epochs = atoi(argv[ai + 1]);
        else if (strcmp(argv[ai], "-p") == 0)
            prune = atof(argv[ai + 1]);
        else if (strcmp(argv[ai], "-r") == 0)
            runs = atoi(argv[ai + 1]) > 0 ? atoi(argv[ai + 1]) : 1;
        else if (strcmp(argv[ai], "-b") == 0)
            bias = atof(argv[ai + 1]);
        else if (strcmp(argv[ai], "-x") == 0 && sscanf(argv[ai + 1], "%ld/%ld", &fold, &folds) == 2)
            ;
        else
            break;
        ai += 2;
    }
    if (argc - ai != 2) {
        fprintf(stderr, "usage: quotes-train [-e EPOCHS] [-r RUNS] [-p PRUNE] [-b BIAS] [-x K/N] POLNEAR/train OUT.c\n");
        return 2;
    }
    const char *root = argv[ai], *out = argv[ai + 1];
    char path[4096];
    snprintf(path, sizeof path, "%s/attributions", root);
    DIR *dir = opendir(path);
    if (!dir) {
        fprintf(stderr, "quotes-train: cannot open %s\n", path);
        return 1;
    }
    char **names = NULL;
    size_t nnames = 0, ncap = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".ann") != 0)
            continue;
        if (nnames == ncap) {
            ncap = ncap ? 2 * ncap : 256;
            names = xrealloc(names, ncap * sizeof *names);
        }
        names[nnames++] = strdup(e->d_name);
    }
    closedir(dir);
    qsort(names, nnames, sizeof *names, cmp_name);
    data d, dt;
    memset(&d, 0, sizeof d);
    memset(&dt, 0, sizeof dt);
    d.texts = xrealloc(NULL, (nnames + 1) * sizeof *d.texts);
    dt.texts = xrealloc(NULL, (nnames + 1) * sizeof *dt.texts);
    char last[4096] = "";
    size_t ngold_all = 0;
    long article_no = 0;
    for (size_t k = 0; k < nnames; k++) {
        char article[4096];
        snprintf(article, sizeof article, "%s", names[k]);
        article[strlen(article) - 4] = '\0';
        char *us = strrchr(article, '_');
        if (us)
            *us = '\0';
        if (strcmp(article, last) == 0)
            continue;
        snprintf(last, sizeof last, "%s", article);
        article_no++;
        /* held out (-x K/N: the articles whose number is K mod N): measured, not trained on */
        data *dd = folds > 0 && (article_no - 1) % folds == fold ? &dt : &d;
        snprintf(path, sizeof path, "%s/text/%s.txt", root, article);
        size_t tn;
        char *text = read_file(path, &tn);
        if (!text)
            continue;
        snprintf(path, sizeof path, "%s/attributions/%s", root, names[k]);
        gold *g = NULL;
        size_t ng = read_ann(path, text, tn, &g);
        if (dd == &d)
            ngold_all += ng;
        dd->texts[dd->ntexts] = text;
        dd->article = dd->ntexts++;
        dd->gold = g;
        dd->ngold = ng;
        lede_quotes_iter *it = xrealloc(NULL, sizeof *it);
        lede_quotes_init(it, text, tn);
        it->learn = on_block;
        it->learn_ctx = dd;
        lede_quote q;
        while (lede_quotes_next(it, &q) == LEDE_OK) {
        }
        lede_quotes_free(it);
        free(it);
        free(g);
    }
    size_t nsrc = 0, ncon = 0;
    for (size_t i = 0; i < d.ninsts; i++) {
        nsrc += d.insts[i].src_ok;
        ncon += d.insts[i].con_ok;
    }
    fprintf(stderr,
            "quotes-train: %zu articles, %zu attributions, %zu cue instances (%zu heads used by "
            "quotations, %zu without a head), %zu sources and %zu contents trainable, %zu tokens\n",
            d.ntexts, ngold_all, d.ninsts, d.skipped_used, d.skipped_nohead, nsrc, ncon, d.ntoks);
    /* the stop words: candidates at least STOP_MIN times in train, never a head */
    table cnt, stops;
    cnt.mask = stops.mask = (1u << 20) - 1;
    cnt.slots = calloc(cnt.mask + 1, sizeof *cnt.slots);
    stops.slots = calloc(stops.mask + 1, sizeof *stops.slots);
    cnt.count = stops.count = 0;
    cnt.step = stops.step = 1;
    if (!cnt.slots || !stops.slots)
        return 1;
    for (size_t b = 0; b < d.nblocks; b++) {
        lede_ql_view v = view_of(&d, b);
        const uint8_t *heads = d.heads + d.blocks[b].tok0;
        for (size_t i = 0; i < v.n; i++) {
            if (!lede_ql_cue_candidate(&v, i))
                continue;
            weight *w = tab_find(&cnt, v.toks[i].wh);
            if (!w->key) {
                w->key = v.toks[i].wh;
                cnt.count++;
            }
            w->w += 1;
            w->total += heads[i];
        }
    }
    size_t nstop = 0;
    for (size_t b = 0; b < d.nblocks; b++) {
        lede_ql_view v = view_of(&d, b);
        for (size_t i = 0; i < v.n; i++) {
            if (!lede_ql_cue_candidate(&v, i))
                continue;
            const weight *w = tab_find(&cnt, v.toks[i].wh);
            uint32_t sf = lede_ql_stop_feature(&v, i);
            if (w->w >= STOP_MIN && w->total == 0 && !tab_find(&stops, sf)->key) {
                tab_add(&stops, sf, 1.0);
                nstop++;
            }
        }
    }
    free(cnt.slots);
    lede_ql_scorer stop_sc = {tab_weight, &stops};
    fprintf(stderr, "quotes-train: %zu stop words\n", nstop);
    /* runs of different orders of the work, their averaged weights
       averaged (-r) */
    table t;
    t.mask = (1u << 22) - 1;
    t.slots = calloc(t.mask + 1, sizeof *t.slots);
    t.count = 0;
    t.step = 1;
    if (!t.slots)
        return 1;
    lede_ql_scorer sc = {tab_weight, &t};
    for (int r = 0; r < runs; r++)
        train_run(&d, &stop_sc, epochs, r, runs, &t);
    /* scale, write */
    double maxabs = 0;
    for (size_t k = 0; k <= t.mask; k++) {
        weight *w = &t.slots[k];
        if (w->key && fabs(w->w) > maxabs)
            maxabs = fabs(w->w);
    }
    /* the threshold of the cue classifier: its bias moved by -b */
    if (bias != 0) {
        uint32_t bf = lede_ql_cue_bias_feature();
        weight *w = tab_find(&t, bf);
        if (!w->key) {
            w->key = bf;
            t.count++;
        }
        w->w += bias;
    }
    double scale = maxabs > 0 ? 32000.0 / maxabs : 1.0;
    fprintf(stderr, "quotes-train: largest weight %.3f\n", maxabs);
    /* pruning: averaged weights under prune are dropped */
    for (size_t k = 0; k <= t.mask; k++)
        if (t.slots[k].key && fabs(t.slots[k].w) < prune)
            t.slots[k].w = 0;
    if (dt.ntexts > 0)
        measure(&dt, &sc, &stop_sc);
    /* the stop words go in as features of weight 1 */
    for (size_t k = 0; k <= stops.mask; k++)
        if (stops.slots[k].key) {
            weight *w = tab_find(&t, stops.slots[k].key);
            if (!w->key) {
                w->key = stops.slots[k].key;
                t.count++;
            }
            w->w = 1.0 / scale;
        }
    size_t kept = 0;
    for (size_t k = 0; k <= t.mask; k++)
        if (t.slots[k].key && lround(t.slots[k].w * scale) != 0)
            kept++;
    uint32_t bits = 1;
    while ((1u << bits) < kept + kept / 2 + 2)
        bits++;
    /* the kept weights in key order, each in the first free slot from its
       home, key >> (32 - bits) (learn.h): the slots then hold the keys in
       increasing order, each empty one the largest key of its home, and the
       table runs on past 1 << bits (no wrap) to a last empty slot */
    qweight *qw = calloc(kept ? kept : 1, sizeof *qw);
    if (!qw)
        return 1;
    size_t nq = 0;
    for (size_t k = 0; k <= t.mask; k++) {
        const weight *w = &t.slots[k];
        long q = w->key ? lround(w->w * scale) : 0;
        if (q != 0) {
            qw[nq].key = w->key;
            qw[nq++].w = (int32_t)q;
        }
    }
    qsort(qw, nq, sizeof *qw, cmp_qweight);
    uint32_t shift = 32 - bits;
    size_t size = ((size_t)1 << bits) + 1;
    for (size_t i = 0, j = 0; i < nq; i++, j++) {
        if (j < qw[i].key >> shift)
            j = qw[i].key >> shift;
        if (j + 2 > size)
            size = j + 2;
    }
    uint32_t *keys = calloc(size, sizeof *keys);
    int32_t *vals = calloc(size, sizeof *vals);
    if (!keys || !vals)
        return 1;
    for (size_t j = 0; j < size; j++)
        keys[j] = j < ((size_t)1 << bits) ? (uint32_t)(((uint64_t)(j + 1) << shift) - 1u)
                                           : UINT32_MAX;
    for (size_t i = 0, j = 0; i < nq; i++, j++) {
        if (j < qw[i].key >> shift)
            j = qw[i].key >> shift;
        keys[j] = qw[i].key;
        vals[j] = qw[i].w;
    }
    free(qw);
    FILE *fo = fopen(out, "w");
    if (!fo) {
        fprintf(stderr, "quotes-train: cannot write %s\n", out);
        return 1;
    }
    fprintf(fo, "/* clang-format off */\n/*\n * Generated by `make model-quotes` (ext/quotes/train/train.c) from PolNeAR\n"
                " * train: %zu articles, %zu attributions, %zu cue heads; do not edit.\n"
                " * Averaged perceptron, %d runs of %d epochs averaged, %zu weights of %zu in a\n"
                " * table of 2^%u slots and %zu past them (learn.h). Hashes of features and their\n"
                " * weights only.\n */\n",
            d.ntexts, ngold_all, d.ninsts, runs, epochs, kept, t.count, bits,
            size - ((size_t)1 << bits));
    fprintf(fo, "#include \"learn.h\"\n\nconst uint32_t lede_ql_model_bits = %u;\n\n", bits);
    fprintf(fo, "const lede_ql_slot lede_ql_model_slots[%zu] = {\n", size);
    for (size_t k = 0; k < size; k++)
        fprintf(fo, "%s{%uu, %d},%s", k % 4 == 0 ? "    " : "", keys[k], vals[k], k % 4 == 3 || k + 1 == size ? "\n" : " ");
    fprintf(fo, "};\n");
    fclose(fo);
    free(keys);
    free(vals);
    fprintf(stderr, "quotes-train: %zu weights written to %s\n", kept, out);
    return 0;
}
