/*
 * percep.c: feature dictionary, feature sets and the averaged perceptron
 * (percep.h).
 */
#include "percep.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

/* ---- fdict ---------------------------------------------------------------- */

void fdict_init(fdict *d) {
    memset(d, 0, sizeof *d);
    d->cap = 1 << 16;
    d->keys = xcalloc(d->cap, sizeof *d->keys);
    d->count = xcalloc(d->cap, sizeof *d->count);
    d->id = xmalloc(d->cap * sizeof *d->id);
    memset(d->id, 0xff, d->cap * sizeof *d->id);
}

void fdict_free(fdict *d) {
    free(d->keys);
    free(d->count);
    free(d->id);
    free(d->hash_of);
    memset(d, 0, sizeof *d);
}

static size_t fdict_slot(const fdict *d, uint64_t h) {
    size_t mask = d->cap - 1, i = (size_t)(h ^ (h >> 29)) & mask;
    while (d->keys[i] && d->keys[i] != h)
        i = (i + 1) & mask;
    return i;
}

static void fdict_grow(fdict *d) {
    fdict old = *d;
    d->cap *= 2;
    d->keys = xcalloc(d->cap, sizeof *d->keys);
    d->count = xcalloc(d->cap, sizeof *d->count);
    d->id = xmalloc(d->cap * sizeof *d->id);
    memset(d->id, 0xff, d->cap * sizeof *d->id);
    for (size_t i = 0; i < old.cap; i++) {
        if (!old.keys[i])
            continue;
        size_t s = fdict_slot(d, old.keys[i]);
        d->keys[s] = old.keys[i];
        d->count[s] = old.count[i];
        d->id[s] = old.id[i];
    }
    free(old.keys);
    free(old.count);
    free(old.id);
}

void fdict_count(fdict *d, uint64_t h) {
    if (2 * (d->used + 1) > d->cap)
        fdict_grow(d);
    size_t s = fdict_slot(d, h);
    if (!d->keys[s]) {
        d->keys[s] = h;
        d->used++;
    }
    if (d->count[s] < UINT32_MAX)
        d->count[s]++;
}

uint32_t fdict_id(fdict *d, uint64_t h, uint32_t cutoff, int assign) {
    size_t s = fdict_slot(d, h);
    if (!d->keys[s])
        return FDICT_NONE;
    if (d->id[s] != FDICT_NONE || !assign || d->count[s] < cutoff)
        return d->id[s];
    if (d->nids == d->ids_cap) {
        d->ids_cap = d->ids_cap ? 2 * d->ids_cap : 1 << 16;
        d->hash_of = xrealloc(d->hash_of, d->ids_cap * sizeof *d->hash_of);
    }
    d->hash_of[d->nids] = h;
    d->id[s] = (uint32_t)d->nids++;
    return d->id[s];
}

/* ---- featset -------------------------------------------------------------- */

void featset_init(featset *fs, size_t ntokens) {
    memset(fs, 0, sizeof *fs);
    fs->off = xmalloc((ntokens + 1) * sizeof *fs->off);
    fs->off[0] = 0;
    fs->cap = 1 << 20;
    fs->ids = xmalloc(fs->cap * sizeof *fs->ids);
}

void featset_free(featset *fs) {
    free(fs->ids);
    free(fs->off);
    memset(fs, 0, sizeof *fs);
}

void featset_add(featset *fs, const uint32_t *ids, size_t n) {
    while (fs->nids + n > fs->cap)
        fs->ids = xrealloc(fs->ids, (fs->cap *= 2) * sizeof *fs->ids);
    memcpy(fs->ids + fs->nids, ids, n * sizeof *ids);
    fs->nids += n;
    fs->off[++fs->ntokens] = fs->nids;
}

/* ---- perceptron ----------------------------------------------------------------- */

void percep_init(percep *p, size_t nfeat, size_t ntypes) {
    memset(p, 0, sizeof *p);
    p->nfeat = nfeat;
    p->ntypes = ntypes;
    p->nt = LEDE_NER_NTAGS_OF(ntypes);
    p->w = xcalloc(nfeat * p->nt, sizeof *p->w);
    p->u = xcalloc(nfeat * p->nt, sizeof *p->u);
    p->c = 1;
}

void percep_free(percep *p) {
    free(p->w);
    free(p->u);
    memset(p, 0, sizeof *p);
}

void qmodel_free(qmodel *q) {
    free(q->w);
    memset(q, 0, sizeof *q);
}

/* Adds the rows of the features of token k to e[nt]. */
static void emit_add(const int32_t *w, size_t nt, const featset *fs, size_t k, int32_t *e) {
    if (!fs)
        return;
    for (size_t j = fs->off[k]; j < fs->off[k + 1]; j++) {
        const int32_t *row = w + (size_t)fs->ids[j] * nt;
        for (size_t t = 0; t < nt; t++)
            e[t] += row[t];
    }
}

static void trans_of(int32_t tw[PT + 2][PT], lede_ner_transitions *tr) {
    memcpy(tr->trans, tw, sizeof tr->trans);
    memcpy(tr->start, tw[PT_START], sizeof tr->start);
    memcpy(tr->end, tw[PT_END], sizeof tr->end);
}

static void feat_update(percep *p, const featset *fs, size_t k, int tag, int delta) {
    if (!fs)
        return;
    for (size_t j = fs->off[k]; j < fs->off[k + 1]; j++) {
        size_t at = (size_t)fs->ids[j] * p->nt + (size_t)tag;
        p->w[at] += delta;
        p->u[at] += delta * p->c;
    }
}

static void trans_update(percep *p, int row, int col, int delta) {
    p->tw[row][col] += delta;
    p->tu[row][col] += delta * p->c;
}

void percep_epoch(percep *p, const pwindow *win, const size_t *order, size_t nwin,
                  const featset *fs1, const featset *fs2, lede_ner_viterbi_ctx *vit) {
    int32_t *emit = NULL;
    uint8_t *pred = NULL;
    size_t cap = 0;
    lede_ner_transitions tr;
    const size_t nt = p->nt;
    for (size_t o = 0; o < nwin; o++) {
        const pwindow *pw = &win[order[o]];
        if (pw->n > cap) {
            cap = pw->n;
            emit = xrealloc(emit, cap * nt * sizeof *emit);
            pred = xrealloc(pred, cap);
        }
        memset(emit, 0, pw->n * nt * sizeof *emit);
        for (size_t i = 0; i < pw->n; i++) {
            emit_add(p->w, nt, fs1, pw->base + i, emit + i * nt);
            emit_add(p->w, nt, fs2, pw->base + i, emit + i * nt);
            lede_ner_forbid(emit + i * nt, nt, &pw->tok[i]);
        }
        trans_of(p->tw, &tr);
        if (lede_ner_viterbi(vit, emit, pw->n, p->ntypes, &tr, pred) != LEDE_OK)
            abort();
        for (size_t i = 0; i < pw->n; i++) {
            int g = pw->gold[i], q = pred[i];
            if (g != q) {
                feat_update(p, fs1, pw->base + i, g, 1);
                feat_update(p, fs2, pw->base + i, g, 1);
                feat_update(p, fs1, pw->base + i, q, -1);
                feat_update(p, fs2, pw->base + i, q, -1);
            }
            int gp = i ? pw->gold[i - 1] : PT_START, qp = i ? pred[i - 1] : PT_START;
            if (g != q || gp != qp) {
                trans_update(p, gp, g, 1);
                trans_update(p, qp, q, -1);
            }
        }
        if (pw->n && pw->gold[pw->n - 1] != pred[pw->n - 1]) {
            trans_update(p, PT_END, pw->gold[pw->n - 1], 1);
            trans_update(p, PT_END, pred[pw->n - 1], -1);
        }
        p->c++;
    }
    free(emit);
    free(pred);
}

/* round(scale * (w * c - u) / c), in integers, within what the model stores. */
static int32_t average_one(int32_t w, int64_t u, int64_t c, int64_t scale) {
    int64_t num = ((int64_t)w * c - u) * scale;
    int64_t q = num >= 0 ? (num + c / 2) / c : -((-num + c / 2) / c);
    if (q > PERCEP_WEIGHT_MAX)
        q = PERCEP_WEIGHT_MAX;
    if (q < -PERCEP_WEIGHT_MAX)
        q = -PERCEP_WEIGHT_MAX;
    return (int32_t)q;
}

void percep_average(const percep *p, int64_t scale, qmodel *q) {
    if (q->nfeat != p->nfeat || q->nt != p->nt) {
        free(q->w);
        q->nfeat = p->nfeat;
        q->w = xmalloc(p->nfeat * p->nt * sizeof *q->w);
    }
    q->ntypes = p->ntypes;
    q->nt = p->nt;
    for (size_t i = 0; i < p->nfeat * p->nt; i++)
        q->w[i] = average_one(p->w[i], p->u[i], p->c, scale);
    int32_t tw[PT + 2][PT];
    for (int r = 0; r < PT + 2; r++)
        for (int t = 0; t < PT; t++)
            tw[r][t] = average_one(p->tw[r][t], p->tu[r][t], p->c, scale);
    trans_of(tw, &q->trans);
}

void qmodel_tag(const qmodel *q, const pwindow *pw, const featset *fs1, const featset *fs2,
                lede_ner_viterbi_ctx *vit, int32_t *emit, uint8_t *tags) {
    const size_t nt = q->nt;
    memset(emit, 0, pw->n * nt * sizeof *emit);
    for (size_t i = 0; i < pw->n; i++) {
        emit_add(q->w, nt, fs1, pw->base + i, emit + i * nt);
        emit_add(q->w, nt, fs2, pw->base + i, emit + i * nt);
        lede_ner_forbid(emit + i * nt, nt, &pw->tok[i]);
    }
    if (lede_ner_viterbi(vit, emit, pw->n, q->ntypes, &q->trans, tags) != LEDE_OK)
        abort();
}
