/*
 * corpus.c: reading CoNLL-2003 and OntoNotes into lede blocks with gold
 * tags (corpus.h).
 */
#include "corpus.h"

#include "util.h"

#include "../../text/chars.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* One token of the file. */
typedef struct {
    const char *word;
    size_t len;
    int type;  /* lede_ner_type, or -1 for O */
    int begin; /* the tag is B-X */
} conll_token;

static const char *const corpus_conll_files[] = {"PER", "ORG", "LOC", "MISC"};
static const char *const corpus_conll_labels[] = {"PERSON", "ORG", "LOC", "MISC"};
static const char *const corpus_onto_names[] = {
    "PERSON", "NORP", "FAC",  "ORG",  "GPE",     "LOC",     "PRODUCT",  "EVENT",   "WORK_OF_ART",
    "LAW",    "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"};

const corpus_scheme corpus_scheme_conll = {"conll", 4, corpus_conll_files, corpus_conll_labels};
const corpus_scheme corpus_scheme_onto = {"ontonotes", 18, corpus_onto_names, corpus_onto_names};

_Static_assert(sizeof corpus_onto_names / sizeof *corpus_onto_names <= LEDE_NER_MAX_TYPES,
               "the OntoNotes types fit the tagger");

/* The type of a type name of the file, or -1. */
static int corpus_type(const corpus_scheme *sc, const char *s, size_t n) {
    for (size_t t = 0; t < sc->ntypes; t++)
        if (strlen(sc->file_names[t]) == n && memcmp(sc->file_names[t], s, n) == 0)
            return (int)t;
    return -1;
}

/* What a Penn Treebank escape stands for, or NULL when w[0..n) is none. */
static const char *corpus_unescape(const char *w, size_t n) {
    static const char *const esc[][2] = {
        {"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["}, {"-RSB-", "]"}, {"-LCB-", "{"},
        {"-RCB-", "}"}, {"``", "\""},  {"''", "\""},  {"/.", "."},    {"/?", "?"},
        {"/-", "-"}};
    for (size_t k = 0; k < sizeof esc / sizeof *esc; k++)
        if (strlen(esc[k][0]) == n && memcmp(esc[k][0], w, n) == 0)
            return esc[k][1];
    return NULL;
}

/* 1 when w[0..n) is a clitic the treebanks split from its word ("'s",
   "'re", "'ve", "'ll", "'d", "'m", any case). The text is rebuilt with it
   joined to the word before ("Obama's"), as news prints it, so that the
   model learns from the tokens lede's tokenizer gives real text: "Obama 's"
   would read as "Obama", "'", "s". */
static int corpus_clitic(const char *w, size_t n) {
    static const char *const cl[] = {"'s", "'re", "'ve", "'ll", "'d", "'m"};
    for (size_t k = 0; k < sizeof cl / sizeof *cl; k++)
        if (lede_ascii_eq_ci(w, n, cl[k]))
            return 1;
    return 0;
}

/* Builds one document from its tokens; sentence ends are tokens with
   word == NULL. */
static void corpus_build_doc(corpus *c, const conll_token *tk, size_t n) {
    corpus_doc *d = &c->docs[c->ndocs];
    memset(d, 0, sizeof *d);
    size_t ntok = 0, bytes = 0;
    for (size_t i = 0; i < n; i++) {
        if (tk[i].word) {
            ntok++;
            bytes += tk[i].len + 1;
        }
    }
    if (ntok == 0)
        return;
    if (c->skip_bare) {
        size_t tagged = 0;
        for (size_t i = 0; i < n; i++)
            tagged += tk[i].word && tk[i].type >= 0;
        if (!tagged) {
            c->nbare++;
            return;
        }
    }
    c->ndocs++;
    d->text = xmalloc(bytes + 1);
    d->conll_start = xmalloc((ntok + 1) * sizeof *d->conll_start);
    int *ent_of = xmalloc(ntok * sizeof *ent_of);
    size_t gcap = 16;
    d->gold = xmalloc(gcap * sizeof *d->gold);
    /* The text, and the gold entities as conlleval reads them. */
    size_t k = 0, o = 0;
    int prev_type = -1, at_line_start = 1;
    for (size_t i = 0; i < n; i++) {
        if (!tk[i].word) { /* end of sentence */
            if (!at_line_start)
                d->text[o - 1] = '\n'; /* replaces the space after the last token */
            at_line_start = 1;
            prev_type = -1;
            continue;
        }
        if (!at_line_start && corpus_clitic(tk[i].word, tk[i].len))
            o--; /* no space before it */
        d->conll_start[k] = o;
        memcpy(d->text + o, tk[i].word, tk[i].len);
        o += tk[i].len;
        d->text[o++] = ' ';
        at_line_start = 0;
        int t = tk[i].type;
        if (t < 0) {
            ent_of[k] = -1;
        } else if (tk[i].begin || t != prev_type) {
            if (d->ngold == gcap)
                d->gold = xrealloc(d->gold, (gcap *= 2) * sizeof *d->gold);
            d->gold[d->ngold].first = d->gold[d->ngold].last = (uint32_t)k;
            d->gold[d->ngold].type = (uint8_t)t;
            ent_of[k] = (int)d->ngold++;
        } else {
            d->gold[d->ngold - 1].last = (uint32_t)k;
            ent_of[k] = (int)d->ngold - 1;
        }
        prev_type = t;
        k++;
    }
    if (!at_line_start)
        d->text[o - 1] = '\n';
    d->len = o;
    d->text[o] = '\0';
    d->nconll = ntok;
    d->conll_start[ntok] = o;

    /* lede's reading of the text, with gold tags. */
    lede_ner_block blk;
    lede_ner_block_init(&blk, d->text, d->len, NULL);
    size_t bcap = 1;
    d->blocks = xmalloc(bcap * sizeof *d->blocks);
    size_t ci = 0; /* CoNLL token of the last lede token */
    while (lede_ner_block_next(&blk) == LEDE_OK) {
        if (d->nblocks == bcap)
            d->blocks = xrealloc(d->blocks, (bcap *= 2) * sizeof *d->blocks);
        corpus_block *b = &d->blocks[d->nblocks++];
        b->ntok = blk.ntok;
        b->nwin = blk.nwin;
        b->tok = xmalloc(b->ntok * sizeof *b->tok);
        b->win = xmalloc(b->nwin * sizeof *b->win);
        b->gold = xmalloc(b->ntok);
        b->conll = xmalloc(b->ntok * sizeof *b->conll);
        b->caps = xmalloc(b->ntok);
        memcpy(b->tok, blk.tok, b->ntok * sizeof *b->tok);
        memcpy(b->win, blk.win, b->nwin * sizeof *b->win);
        for (size_t i = 0; i < b->ntok; i++) {
            size_t at = b->tok[i].span.byte_start;
            while (ci + 1 < ntok && d->conll_start[ci + 1] <= at)
                ci++;
            b->conll[i] = (uint32_t)ci;
        }
        for (size_t w = 0; w < b->nwin; w++) {
            const lede_ner_win *win = &b->win[w];
            for (size_t i = win->first; i < win->first + win->n; i++) {
                b->caps[i] = (win->flags & LEDE_NER_WF_CAPS) != 0;
                int e = ent_of[b->conll[i]];
                if (e < 0) {
                    b->gold[i] = LEDE_NER_TAG_O;
                    continue;
                }
                int prev = i > win->first && ent_of[b->conll[i - 1]] == e;
                int next = i + 1 < win->first + win->n && ent_of[b->conll[i + 1]] == e;
                lede_ner_pos pos = prev ? (next ? LEDE_NER_P_I : LEDE_NER_P_L)
                                        : (next ? LEDE_NER_P_B : LEDE_NER_P_U);
                b->gold[i] = (uint8_t)LEDE_NER_TAG(d->gold[e].type, pos);
            }
        }
        c->ntokens += b->ntok;
    }
    lede_ner_block_free(&blk);
    free(ent_of);
}

int corpus_read(corpus *c, const char *path, const corpus_scheme *scheme, size_t max_docs,
                int skip_bare) {
    memset(c, 0, sizeof *c);
    c->scheme = scheme;
    c->skip_bare = skip_bare;
    size_t size;
    char *data = read_file(path, &size);
    if (!data)
        return -1;
    size_t tcap = 1024, ntk = 0, dcap = 64;
    conll_token *tk = xmalloc(tcap * sizeof *tk);
    c->docs = xmalloc(dcap * sizeof *c->docs);
    char *p = data, *end = data + size;
    int started = 0;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *line_end = nl ? nl : end;
        if (line_end > p && line_end[-1] == '\r')
            line_end--;
        size_t len = (size_t)(line_end - p);
        if (len >= 10 && memcmp(p, "-DOCSTART-", 10) == 0) {
            if (started && ntk) {
                if (c->ndocs == dcap)
                    c->docs = xrealloc(c->docs, (dcap *= 2) * sizeof *c->docs);
                corpus_build_doc(c, tk, ntk);
            }
            ntk = 0;
            started = 1;
            if (max_docs && c->ndocs >= max_docs)
                break;
        } else if (len == 0) {
            if (ntk && tk[ntk - 1].word) {
                if (ntk == tcap)
                    tk = xrealloc(tk, (tcap *= 2) * sizeof *tk);
                tk[ntk++].word = NULL;
            }
        } else {
            started = 1;
            /* the word is the first field, NER the last (space or tab apart) */
            char *sp = p;
            while (sp < line_end && *sp != ' ' && *sp != '\t')
                sp++;
            char *last = line_end;
            while (last > p && last[-1] != ' ' && last[-1] != '\t')
                last--;
            if (sp == line_end || last <= sp) {
                fprintf(stderr, "%s: malformed line: %.*s\n", path, (int)len, p);
                free(tk);
                free(data);
                return -1;
            }
            if (ntk == tcap)
                tk = xrealloc(tk, (tcap *= 2) * sizeof *tk);
            conll_token *t = &tk[ntk++];
            t->word = p;
            t->len = (size_t)(sp - p);
            const char *un = corpus_unescape(t->word, t->len);
            if (un) {
                t->word = un;
                t->len = strlen(un);
            }
            size_t tl = (size_t)(line_end - last);
            if (tl >= 3 && last[1] == '-') {
                t->type = corpus_type(scheme, last + 2, tl - 2);
                t->begin = last[0] == 'B';
            } else {
                t->type = -1;
                t->begin = 0;
            }
        }
        p = nl ? nl + 1 : end;
    }
    if (ntk && !(max_docs && c->ndocs >= max_docs)) {
        if (c->ndocs == dcap)
            c->docs = xrealloc(c->docs, (dcap *= 2) * sizeof *c->docs);
        corpus_build_doc(c, tk, ntk);
    }
    free(tk);
    free(data);
    return 0;
}

static int corpus_name_cmp(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int corpus_read_text(corpus *c, const char *dir) {
    memset(c, 0, sizeof *c);
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return -1;
    }
    char **names = NULL;
    size_t nnames = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (nnames == cap)
            names = xrealloc(names, (cap = cap ? 2 * cap : 64) * sizeof *names);
        size_t len = strlen(dir) + strlen(de->d_name) + 2;
        names[nnames] = xmalloc(len);
        snprintf(names[nnames++], len, "%s/%s", dir, de->d_name);
    }
    closedir(d);
    qsort(names, nnames, sizeof *names, corpus_name_cmp);
    c->docs = xcalloc(nnames + 1, sizeof *c->docs);
    for (size_t k = 0; k < nnames; k++) {
        struct stat st;
        size_t size;
        char *text;
        if (stat(names[k], &st) != 0 || !S_ISREG(st.st_mode) ||
            !(text = read_file(names[k], &size))) {
            free(names[k]);
            continue;
        }
        free(names[k]);
        corpus_doc *doc = &c->docs[c->ndocs++];
        doc->text = text;
        doc->len = size;
        lede_ner_block blk;
        lede_ner_block_init(&blk, doc->text, doc->len, NULL);
        size_t bcap = 0;
        while (lede_ner_block_next(&blk) == LEDE_OK) {
            if (doc->nblocks == bcap)
                doc->blocks = xrealloc(doc->blocks, (bcap = bcap ? 2 * bcap : 1) *
                                                        sizeof *doc->blocks);
            corpus_block *b = &doc->blocks[doc->nblocks++];
            memset(b, 0, sizeof *b);
            b->ntok = blk.ntok;
            b->nwin = blk.nwin;
            b->tok = xmalloc(b->ntok * sizeof *b->tok + 1);
            b->win = xmalloc(b->nwin * sizeof *b->win + 1);
            memcpy(b->tok, blk.tok, b->ntok * sizeof *b->tok);
            memcpy(b->win, blk.win, b->nwin * sizeof *b->win);
            c->ntokens += b->ntok;
        }
        lede_ner_block_free(&blk);
    }
    free(names);
    return 0;
}

void corpus_free(corpus *c) {
    for (size_t i = 0; i < c->ndocs; i++) {
        corpus_doc *d = &c->docs[i];
        for (size_t k = 0; k < d->nblocks; k++) {
            corpus_block *b = &d->blocks[k];
            free(b->tok);
            free(b->win);
            free(b->gold);
            free(b->conll);
            free(b->caps);
        }
        free(d->blocks);
        free(d->gold);
        free(d->conll_start);
        free(d->text);
    }
    free(c->docs);
    memset(c, 0, sizeof *c);
}

void corpus_decode(const corpus_block *b, const uint8_t *tags, corpus_entity **out, size_t *n,
                   size_t *cap) {
    for (size_t w = 0; w < b->nwin; w++) {
        const lede_ner_win *win = &b->win[w];
        size_t open = win->first;
        for (size_t i = win->first; i < win->first + win->n; i++) {
            int tag = tags[i];
            if (tag == LEDE_NER_TAG_O)
                continue;
            int pos = LEDE_NER_TAG_POS(tag);
            if (pos == LEDE_NER_P_B || pos == LEDE_NER_P_U)
                open = i;
            if (pos == LEDE_NER_P_L || pos == LEDE_NER_P_U) {
                if (*n == *cap) {
                    *cap = *cap ? 2 * *cap : 64;
                    *out = xrealloc(*out, *cap * sizeof **out);
                }
                (*out)[*n].first = b->conll[open];
                (*out)[*n].last = b->conll[i];
                (*out)[*n].type = (uint8_t)LEDE_NER_TAG_TYPE(tag);
                (*n)++;
            }
        }
    }
}

static int corpus_entity_cmp(const void *a, const void *b) {
    const corpus_entity *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    if (x->last != y->last)
        return x->last < y->last ? -1 : 1;
    return (int)x->type - (int)y->type;
}

void corpus_score_add(corpus_score *s, const corpus_doc *d, const corpus_entity *pred,
                      size_t npred) {
    corpus_entity *p = xmalloc((npred + 1) * sizeof *p);
    memcpy(p, pred, npred * sizeof *p);
    qsort(p, npred, sizeof *p, corpus_entity_cmp);
    /* gold is in order already */
    size_t i = 0, j = 0;
    for (size_t k = 0; k < d->ngold; k++)
        s->gold[d->gold[k].type]++;
    for (size_t k = 0; k < npred; k++)
        s->pred[p[k].type]++;
    while (i < d->ngold && j < npred) {
        int c = corpus_entity_cmp(&d->gold[i], &p[j]);
        if (c == 0) {
            s->correct[p[j].type]++;
            i++;
            j++;
        } else if (c < 0) {
            i++;
        } else {
            j++;
        }
    }
    free(p);
}

static double corpus_ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0.0; }

static double corpus_f(size_t correct, size_t pred, size_t gold) {
    double p = corpus_ratio(correct, pred), r = corpus_ratio(correct, gold);
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

double corpus_f1(const corpus_score *s) {
    size_t g = 0, p = 0, c = 0;
    for (size_t t = 0; t < LEDE_NER_MAX_TYPES; t++) {
        g += s->gold[t];
        p += s->pred[t];
        c += s->correct[t];
    }
    return corpus_f(c, p, g);
}

void corpus_score_print(const corpus_score *s, const char *title) {
    size_t g = 0, p = 0, c = 0;
    fprintf(stderr, "%s\n  type          precision  recall     F1   (gold, predicted)\n", title);
    for (size_t t = 0; t < s->scheme->ntypes; t++) {
        fprintf(stderr, "  %-12s  %8.2f  %8.2f  %6.2f   (%zu, %zu)\n", s->scheme->file_names[t],
                100 * corpus_ratio(s->correct[t], s->pred[t]),
                100 * corpus_ratio(s->correct[t], s->gold[t]),
                100 * corpus_f(s->correct[t], s->pred[t], s->gold[t]), s->gold[t], s->pred[t]);
        g += s->gold[t];
        p += s->pred[t];
        c += s->correct[t];
    }
    fprintf(stderr, "  all           %8.2f  %8.2f  %6.2f   (%zu, %zu)\n", 100 * corpus_ratio(c, p),
            100 * corpus_ratio(c, g), 100 * corpus_f(c, p, g), g, p);
}
