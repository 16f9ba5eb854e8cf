/*
 * extract.c: the entity pipeline of extract.h.
 *
 * For each block: extract_model tags it and appends the entities the model
 * finds; then they are reported in order. Rules and canonical names plug in
 * after extract_model, on the same block and entity list.
 */
#include "extract.h"

#include <string.h>

void lede_ner_extract_init(lede_ner_extractor *x, const lede_ner_model *m, const char *s, size_t n,
                           const char *anchor) {
    memset(x, 0, sizeof *x);
    x->model = m;
    if (anchor) {
        memcpy(x->anchor, anchor, sizeof x->anchor - 1);
        x->anchor[sizeof x->anchor - 1] = '\0';
    }
    lede_ner_block_init(&x->block, s, n, &m->lexicon);
}

void lede_ner_extract_free(lede_ner_extractor *x) {
    lede_ner_block_free(&x->block);
    lede_ner_doc_free(&x->doc);
    lede_ner_viterbi_free(&x->viterbi);
    lede_free(x->emit);
    lede_free(x->emit2);
    lede_free(x->tags1);
    lede_free(x->tags2);
    lede_free(x->caps);
    lede_free(x->ents);
    memset(x, 0, sizeof *x);
}

/* Resizes *p to n bytes, keeping it on failure. */
static lede_rc extract_grow(void **p, size_t n) {
    void *q = lede_realloc(*p, n);
    if (!q)
        return LEDE_NOMEM;
    *p = q;
    return LEDE_OK;
}

/* Room for the scores and tags of n tokens. */
static lede_rc extract_reserve(lede_ner_extractor *x, size_t n) {
    const size_t T = LEDE_NER_NTAGS;
    if (!x->emit && !(x->emit = lede_malloc(LEDE_NER_WINDOW_MAX * T * sizeof *x->emit)))
        return LEDE_NOMEM;
    if (n <= x->cap)
        return LEDE_OK;
    size_t cap = x->cap ? x->cap : 256;
    while (cap < n)
        cap *= 2;
    void *emit2 = x->emit2, *tags1 = x->tags1, *tags2 = x->tags2, *caps = x->caps;
    lede_rc rc = extract_grow(&emit2, cap * T * sizeof *x->emit2);
    x->emit2 = emit2;
    if (rc == LEDE_OK)
        rc = extract_grow(&tags1, cap);
    x->tags1 = tags1;
    if (rc == LEDE_OK)
        rc = extract_grow(&tags2, cap);
    x->tags2 = tags2;
    if (rc == LEDE_OK)
        rc = extract_grow(&caps, cap);
    x->caps = caps;
    if (rc == LEDE_OK)
        x->cap = cap;
    return rc;
}

lede_rc lede_ner_extract_tag_block(lede_ner_extractor *x) {
    const size_t T = LEDE_NER_NTAGS;
    const lede_ner_block *b = &x->block;
    const lede_ner_model *m = x->model;
    uint64_t f[LEDE_NER_MAX_FEATURES];
    lede_rc rc;
    if ((rc = extract_reserve(x, b->ntok)) != LEDE_OK)
        return rc;
    /* Stage 1, window by window; the local features' second-stage weights
       are summed on the way. */
    memset(x->emit2, 0, b->ntok * T * sizeof *x->emit2);
    for (size_t k = 0; k < b->nwin; k++) {
        const lede_ner_win *win = &b->win[k];
        lede_ner_window w = {b->tok + win->first, win->n, win->flags, NULL, NULL};
        memset(x->emit, 0, win->n * T * sizeof *x->emit);
        for (size_t i = 0; i < win->n; i++) {
            size_t nf = lede_ner_features(&w, i, 1, f);
            lede_ner_model_score(m, f, nf, x->emit + i * T, x->emit2 + (win->first + i) * T);
            lede_ner_forbid(x->emit + i * T, &w.tok[i]);
        }
        rc = lede_ner_viterbi(&x->viterbi, x->emit, win->n, &m->trans[0], x->tags1 + win->first);
        if (rc != LEDE_OK)
            return rc;
        memset(x->caps + win->first, (win->flags & LEDE_NER_WF_CAPS) != 0, win->n);
    }
    /* Stage 2: the document features over what stage 1 found. */
    rc = lede_ner_doc_build(&x->doc, b->tok, x->tags1, x->caps, b->ntok);
    if (rc != LEDE_OK)
        return rc;
    for (size_t k = 0; k < b->nwin; k++) {
        const lede_ner_win *win = &b->win[k];
        lede_ner_window w = {b->tok + win->first, win->n, win->flags, &x->doc,
                             x->tags1 + win->first};
        int32_t *e2 = x->emit2 + win->first * T;
        for (size_t i = 0; i < win->n; i++) {
            size_t nf = lede_ner_features(&w, i, 2, f);
            lede_ner_model_score(m, f, nf, NULL, e2 + i * T);
            lede_ner_forbid(e2 + i * T, &w.tok[i]);
        }
        rc = lede_ner_viterbi(&x->viterbi, e2, win->n, &m->trans[1], x->tags2 + win->first);
        if (rc != LEDE_OK)
            return rc;
    }
    return LEDE_OK;
}

static lede_rc extract_push(lede_ner_extractor *x, const lede_ner_entity *e) {
    if (x->nents == x->ents_cap) {
        size_t cap = x->ents_cap ? 2 * x->ents_cap : 64;
        lede_ner_entity *p = lede_realloc(x->ents, cap * sizeof *p);
        if (!p)
            return LEDE_NOMEM;
        x->ents = p;
        x->ents_cap = cap;
    }
    x->ents[x->nents++] = *e;
    return LEDE_OK;
}

static const lede_ent_label extract_type_label[LEDE_NER_NTYPES] = {LEDE_ENT_PERSON, LEDE_ENT_ORG,
                                                                   LEDE_ENT_LOC, LEDE_ENT_MISC};

/* The model's part: tags the block and appends the entities it finds. */
static lede_rc extract_model(lede_ner_extractor *x) {
    lede_rc rc = lede_ner_extract_tag_block(x);
    if (rc != LEDE_OK)
        return rc;
    const lede_ner_block *b = &x->block;
    for (size_t k = 0; k < b->nwin; k++) {
        const lede_ner_win *win = &b->win[k];
        size_t open = 0; /* first token of the entity being read */
        for (size_t i = win->first; i < win->first + win->n; i++) {
            int tag = x->tags2[i];
            if (tag == LEDE_NER_TAG_O)
                continue;
            int pos = LEDE_NER_TAG_POS(tag);
            if (pos == LEDE_NER_P_B || pos == LEDE_NER_P_U)
                open = i;
            if (pos == LEDE_NER_P_L || pos == LEDE_NER_P_U) {
                lede_ner_entity e;
                memset(&e, 0, sizeof e);
                e.span.byte_start = b->tok[open].span.byte_start;
                e.span.cp_start = b->tok[open].span.cp_start;
                e.span.byte_end = b->tok[i].span.byte_end;
                e.span.cp_end = b->tok[i].span.cp_end;
                e.label = extract_type_label[LEDE_NER_TAG_TYPE(tag)];
                e.sentence = win->sentence;
                if ((rc = extract_push(x, &e)) != LEDE_OK)
                    return rc;
            }
        }
    }
    return LEDE_OK;
}

lede_rc lede_ner_extract_next(lede_ner_extractor *x, lede_ner_entity *out) {
    while (x->next == x->nents) {
        x->nents = x->next = 0;
        lede_rc rc = lede_ner_block_next(&x->block);
        if (rc != LEDE_OK)
            return rc; /* LEDE_DONE at the end */
        if ((rc = extract_model(x)) != LEDE_OK)
            return rc;
    }
    *out = x->ents[x->next++];
    return LEDE_OK;
}
