/*
 * train.c: the trainer of lede's entity model (`make model`).
 *
 *   ner-train [options] TRAIN VALID [OUT]
 *
 * Reads TRAIN and VALID (corpus.h: CoNLL-2003 by default, OntoNotes 5.0
 * with -t ontonotes), trains the two-stage
 * averaged perceptron (percep.h, model.h) on TRAIN only, picks the number
 * of epochs of each stage by F1 on VALID, and writes the model as C source
 * to OUT (writer.h; without OUT nothing is written: an experiment).
 *
 *   stage 1   local features only; epochs chosen on VALID.
 *   folds     stage 1 is retrained K times, each time without one K-th of
 *             the training documents, to tag that K-th: the second stage
 *             then learns from first-stage tags as imperfect as those it
 *             will see on new text (Ratinov and Roth 2009 do the same).
 *   stage 2   local features plus the document features over the
 *             first-stage tags; epochs chosen on VALID.
 *
 * Options:
 *   -t NAME   the scheme of the files: conll (default) or ontonotes; it
 *             names the model lede_ner_model_conll or lede_ner_model_onto
 *   -e N      most epochs per stage (default 30)
 *   -k K      folds for the first-stage tags of TRAIN (default 5)
 *   -c N      keep features seen at least N times in TRAIN (default 1)
 *   -s N      scale of the averaged weights before rounding (default 1)
 *   -p N      drop rounded weights smaller than N in magnitude (default 1)
 *   -d N      read only the first N documents of TRAIN (quick runs)
 *   -x LIST   leave out these templates (comma-separated names; ablation)
 *   -w N      word classes for words seen at least N times (default 2)
 *   -r N      another seed for the shuffles (default 0; for noise estimates)
 *   -u PATH   more text for the word classes only (repeatable, at most 8):
 *             a folder of plain-text files, or a file in CoNLL-2003 form
 *             whose words are read and whose tags are ignored
 *   -z        keep OntoNotes documents without any entity (left out by default:
 *             they have no name annotation, corpus.h)
 *   -j N      train the folds on N threads (default 2); the result does not
 *             depend on N
 *   -1        stop after stage 1
 *   -v FILE   write the final tags of VALID to FILE, one CoNLL token a
 *             line ("word gold predicted", IOB2), for error analysis
 *
 * Everything is deterministic: the shuffles use a fixed seed and all
 * weights are integers, so the same data gives the same file.
 */
#include "classes.h"
#include "corpus.h"
#include "percep.h"
#include "util.h"
#include "writer.h"

#include "../features.h"

#include <pthread.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const corpus_scheme *scheme;
    int epochs, folds, stage1_only;
    uint32_t cutoff;
    int64_t scale;
    int32_t prune;
    size_t max_docs;
    uint64_t mask;
    const char *dump;
    uint32_t class_min;
    uint64_t seed;
    int jobs;
    const char *unlabelled[8];
    size_t nunlabelled;
    int keep_bare;
} options;

/* A corpus with its windows and features, flattened. */
typedef struct {
    corpus c;
    corpus_block **blocks; /* every block, in order */
    size_t *block_doc;     /* its document */
    size_t *block_base;    /* index of its first token */
    size_t nblocks;
    pwindow *win; /* every window */
    size_t *win_doc;
    size_t nwin;
    featset fs1;    /* local features */
    featset fs2;    /* document features (over tags1) */
    uint8_t *tags1; /* first-stage tags */
} dataset;

static int dataset_load(dataset *ds, const char *path, const corpus_scheme *scheme,
                        size_t max_docs, int skip_bare) {
    memset(ds, 0, sizeof *ds);
    if (corpus_read(&ds->c, path, scheme, max_docs, skip_bare) != 0)
        return -1;
    size_t nb = 0, nw = 0;
    for (size_t d = 0; d < ds->c.ndocs; d++)
        for (size_t k = 0; k < ds->c.docs[d].nblocks; k++, nb++)
            nw += ds->c.docs[d].blocks[k].nwin;
    ds->blocks = xmalloc(nb * sizeof *ds->blocks);
    ds->block_doc = xmalloc(nb * sizeof *ds->block_doc);
    ds->block_base = xmalloc(nb * sizeof *ds->block_base);
    ds->win = xmalloc(nw * sizeof *ds->win);
    ds->win_doc = xmalloc(nw * sizeof *ds->win_doc);
    ds->tags1 = xcalloc(ds->c.ntokens, 1);
    size_t base = 0;
    for (size_t d = 0; d < ds->c.ndocs; d++) {
        for (size_t k = 0; k < ds->c.docs[d].nblocks; k++) {
            corpus_block *b = &ds->c.docs[d].blocks[k];
            ds->blocks[ds->nblocks] = b;
            ds->block_doc[ds->nblocks] = d;
            ds->block_base[ds->nblocks++] = base;
            for (size_t w = 0; w < b->nwin; w++) {
                pwindow *pw = &ds->win[ds->nwin];
                pw->base = base + b->win[w].first;
                pw->n = b->win[w].n;
                pw->gold = b->gold + b->win[w].first;
                pw->tok = b->tok + b->win[w].first;
                ds->win_doc[ds->nwin++] = d;
            }
            base += b->ntok;
        }
    }
    return 0;
}

static void dataset_free(dataset *ds) {
    corpus_free(&ds->c);
    free(ds->blocks);
    free(ds->block_doc);
    free(ds->block_base);
    free(ds->win);
    free(ds->win_doc);
    featset_free(&ds->fs1);
    featset_free(&ds->fs2);
    free(ds->tags1);
}

/* The lexicon (features.h) of cl, in bytes *lex points to (the caller
   frees the returned bytes). */
static unsigned char *lexicon_build(const classes *cl, lede_ner_lexicon *lex) {
    uint32_t bits = 4;
    while (((size_t)1 << bits) < 2 * cl->nwords)
        bits++;
    size_t mask = ((size_t)1 << bits) - 1;
    unsigned char *slots = xcalloc(mask + 1, 8);
    for (size_t w = 0; w < cl->nwords; w++) {
        size_t i = (size_t)cl->norm[w] & mask;
        while (slots[8 * i + 4] | slots[8 * i + 5] | slots[8 * i + 6] | slots[8 * i + 7])
            i = (i + 1) & mask;
        uint32_t check = (uint32_t)(cl->norm[w] >> 32), v = cl->packed[w];
        for (int k = 0; k < 4; k++) {
            slots[8 * i + (size_t)k] = (unsigned char)(check >> (8 * k));
            slots[8 * i + 4 + (size_t)k] = (unsigned char)(v >> (8 * k));
        }
    }
    lex->slot_bits = bits;
    lex->slots = slots;
    return slots;
}

/* Gives every token of ds its word classes from lex. */
static void dataset_set_classes(dataset *ds, const lede_ner_lexicon *lex) {
    for (size_t k = 0; k < ds->nblocks; k++) {
        corpus_block *b = ds->blocks[k];
        for (size_t i = 0; i < b->ntok; i++)
            b->tok[i].classes = lede_ner_lexicon_get(lex, b->tok[i].norm);
    }
}

/*
 * The features of a stage for every token, as ids of dict. With assign,
 * features are first counted and those seen at least cutoff times get ids
 * (training data); without, only known features are kept.
 */
static void dataset_features(dataset *ds, fdict *dict, int stage, const options *o, int assign) {
    featset *fs = stage == 1 ? &ds->fs1 : &ds->fs2;
    featset_free(fs);
    featset_init(fs, ds->c.ntokens);
    uint64_t h[LEDE_NER_MAX_FEATURES];
    uint32_t ids[LEDE_NER_MAX_FEATURES];
    lede_ner_doc doc;
    memset(&doc, 0, sizeof doc);
    for (int pass = assign ? 0 : 1; pass < 2; pass++) {
        for (size_t k = 0; k < ds->nblocks; k++) {
            const corpus_block *b = ds->blocks[k];
            const uint8_t *tags1 = ds->tags1 + ds->block_base[k];
            if (stage == 2 && lede_ner_doc_build(&doc, b->tok, tags1, b->caps, b->ntok) != LEDE_OK)
                abort();
            for (size_t w = 0; w < b->nwin; w++) {
                const lede_ner_win *win = &b->win[w];
                lede_ner_window lw = {b->tok + win->first, win->n, win->flags,
                                      stage == 2 ? &doc : NULL,
                                      stage == 2 ? tags1 + win->first : NULL};
                for (size_t i = 0; i < win->n; i++) {
                    size_t n = lede_ner_features_masked(&lw, i, stage, o->mask, h);
                    if (pass == 0) {
                        for (size_t j = 0; j < n; j++)
                            fdict_count(dict, h[j]);
                        continue;
                    }
                    size_t m = 0;
                    for (size_t j = 0; j < n; j++) {
                        uint32_t id = fdict_id(dict, h[j], o->cutoff, assign);
                        if (id != FDICT_NONE)
                            ids[m++] = id;
                    }
                    featset_add(fs, ids, m);
                }
            }
        }
    }
    lede_ner_doc_free(&doc);
}

/* Tags every window of ds with q (fs2 too when stage 2); the tags go to
   out (per token) and the score to *sc when not NULL. Only windows whose
   document is in fold (doc % folds == fold) when folds > 0. */
static void dataset_tag(const dataset *ds, const qmodel *q, int stage, uint8_t *out,
                        corpus_score *sc, size_t folds, size_t fold) {
    lede_ner_viterbi_ctx vit;
    memset(&vit, 0, sizeof vit);
    int32_t *emit = xmalloc(LEDE_NER_WINDOW_MAX * PT * sizeof *emit);
    corpus_entity *pred = NULL;
    size_t npred = 0, cap = 0;
    if (sc) {
        memset(sc, 0, sizeof *sc);
        sc->scheme = ds->c.scheme;
    }
    for (size_t k = 0; k < ds->nblocks; k++) {
        size_t d = ds->block_doc[k];
        if (folds && d % folds != fold)
            continue;
        const corpus_block *b = ds->blocks[k];
        size_t base = ds->block_base[k];
        for (size_t w = 0; w < b->nwin; w++) {
            pwindow pw = {base + b->win[w].first, b->win[w].n, NULL, b->tok + b->win[w].first};
            qmodel_tag(q, &pw, &ds->fs1, stage == 2 ? &ds->fs2 : NULL, &vit, emit,
                       out + base + b->win[w].first);
        }
        if (!sc)
            continue;
        corpus_decode(b, out + base, &pred, &npred, &cap);
        /* score when the document's last block is done */
        if (k + 1 == ds->nblocks || ds->block_doc[k + 1] != d) {
            corpus_score_add(sc, &ds->c.docs[d], pred, npred);
            npred = 0;
        }
    }
    free(pred);
    free(emit);
    lede_ner_viterbi_free(&vit);
}

/*
 * Trains one stage for up to o->epochs epochs on the windows of train
 * (those outside fold when folds > 0). With valid, scores each epoch on it
 * and keeps the best in *best (its epoch in *best_epoch); without, keeps
 * the last of `epochs` epochs.
 */
static double train_stage(const dataset *train, const dataset *valid, size_t nfeat, int stage,
                          int epochs, size_t folds, size_t fold, const options *o, qmodel *best,
                          int *best_epoch, const char *name) {
    percep p;
    percep_init(&p, nfeat, train->c.scheme->ntypes);
    lede_ner_viterbi_ctx vit;
    memset(&vit, 0, sizeof vit);
    size_t *order = xmalloc(train->nwin * sizeof *order), n = 0;
    for (size_t i = 0; i < train->nwin; i++)
        if (!folds || train->win_doc[i] % folds != fold)
            order[n++] = i;
    rng r = {0x6c6564656e6572ULL + (uint64_t)stage * 7919 + fold +
             o->seed * 104729}; /* "ledener" */
    qmodel q = {0};
    uint8_t *tags = valid ? xmalloc(valid->c.ntokens) : NULL;
    double best_f1 = -1;
    for (int e = 1; e <= epochs; e++) {
        double t0 = now_seconds();
        for (size_t i = n; i > 1; i--) { /* Fisher-Yates */
            size_t j = (size_t)(rng_next(&r) % i);
            size_t t = order[i - 1];
            order[i - 1] = order[j];
            order[j] = t;
        }
        percep_epoch(&p, train->win, order, n, &train->fs1, stage == 2 ? &train->fs2 : NULL, &vit);
        if (!valid) {
            if (e == epochs)
                percep_average(&p, o->scale, best);
            continue;
        }
        percep_average(&p, o->scale, &q);
        corpus_score sc;
        dataset_tag(valid, &q, stage, tags, &sc, 0, 0);
        double f1 = corpus_f1(&sc);
        fprintf(stderr, "%s epoch %2d: valid F1 %.2f (%.1f s)\n", name, e, 100 * f1,
                now_seconds() - t0);
        if (f1 > best_f1) {
            best_f1 = f1;
            *best_epoch = e;
            qmodel t = *best;
            *best = q;
            q = t;
        }
    }
    qmodel_free(&q);
    free(tags);
    free(order);
    percep_free(&p);
    lede_ner_viterbi_free(&vit);
    return best_f1;
}

/* The folds of the first stage, shared by the threads that train them: each
   takes the next fold, trains on the others and tags it. Each fold writes
   the first-stage tags of its own documents only, so the result is the same
   whatever the number of threads. */
typedef struct {
    dataset *train;
    size_t nlocal;
    int epochs;
    const options *o;
    int next;
    pthread_mutex_t lock;
} fold_job;

static void *fold_worker(void *arg) {
    fold_job *job = arg;
    for (;;) {
        pthread_mutex_lock(&job->lock);
        int k = job->next++;
        pthread_mutex_unlock(&job->lock);
        if (k >= job->o->folds)
            return NULL;
        qmodel qf = {0};
        int ef = 0;
        train_stage(job->train, NULL, job->nlocal, 1, job->epochs, (size_t)job->o->folds,
                    (size_t)k, job->o, &qf, &ef, "fold");
        dataset_tag(job->train, &qf, 1, job->train->tags1, NULL, (size_t)job->o->folds, (size_t)k);
        qmodel_free(&qf);
    }
}

/* Writes "word gold predicted" per CoNLL token of ds, tags in IOB2. */
static void dump_tags(const dataset *ds, const uint8_t *tags, const char *path) {
    const char *const *names = ds->c.scheme->file_names;
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        return;
    }
    corpus_entity *pred = NULL;
    size_t npred = 0, cap = 0;
    size_t k = 0;
    for (size_t d = 0; d < ds->c.ndocs; d++) {
        const corpus_doc *doc = &ds->c.docs[d];
        npred = 0;
        for (; k < ds->nblocks && ds->block_doc[k] == d; k++)
            corpus_decode(ds->blocks[k], tags + ds->block_base[k], &pred, &npred, &cap);
        int *g = xmalloc(doc->nconll * sizeof *g), *p = xmalloc(doc->nconll * sizeof *p);
        for (size_t i = 0; i < doc->nconll; i++)
            g[i] = p[i] = -1;
        for (size_t e = 0; e < doc->ngold; e++)
            for (size_t i = doc->gold[e].first; i <= doc->gold[e].last; i++)
                g[i] = (int)(doc->gold[e].type * 2 + (i != doc->gold[e].first));
        for (size_t e = 0; e < npred; e++)
            for (size_t i = pred[e].first; i <= pred[e].last; i++)
                p[i] = (int)(pred[e].type * 2 + (i != pred[e].first));
        fprintf(f, "-DOCSTART- O O\n\n");
        for (size_t i = 0; i < doc->nconll; i++) {
            size_t s = doc->conll_start[i], e = doc->conll_start[i + 1] - 1;
            char gb[32], pb[32];
            snprintf(gb, sizeof gb, "%s%s",
                     g[i] < 0     ? "O"
                     : (g[i] & 1) ? "I-"
                                  : "B-",
                     g[i] < 0 ? "" : names[g[i] / 2]);
            snprintf(pb, sizeof pb, "%s%s",
                     p[i] < 0     ? "O"
                     : (p[i] & 1) ? "I-"
                                  : "B-",
                     p[i] < 0 ? "" : names[p[i] / 2]);
            fprintf(f, "%.*s %s %s\n", (int)(e - s), doc->text + s, gb, pb);
            if (doc->text[e] == '\n')
                fputc('\n', f);
        }
        free(g);
        free(p);
    }
    free(pred);
    fclose(f);
}

static void usage(void) {
    fprintf(stderr, "usage: ner-train [-t conll|ontonotes] [-e epochs] [-k folds] [-c cutoff] [-s scale] [-p prune] "
                    "[-d docs] [-x templates] [-w class-min] [-v dump] [-1] TRAIN VALID [OUT]\n");
    exit(2);
}

static uint64_t parse_mask(const char *list) {
    uint64_t mask = 0;
    char buf[256];
    snprintf(buf, sizeof buf, "%s", list);
    for (char *t = strtok(buf, ","); t; t = strtok(NULL, ",")) {
        size_t k = 0;
        while (k < lede_ner_template_count() && strcmp(lede_ner_template_name(k), t) != 0)
            k++;
        if (k == lede_ner_template_count()) {
            fprintf(stderr, "ner-train: no template named %s; there are:", t);
            for (size_t j = 0; j < lede_ner_template_count(); j++)
                fprintf(stderr, " %s", lede_ner_template_name(j));
            fprintf(stderr, "\n");
            exit(2);
        }
        mask |= (uint64_t)1 << k;
    }
    return mask;
}

int main(int argc, char **argv) {
    options o = {&corpus_scheme_conll, 30, 5, 0, 1, 1, 1, 0, 0, NULL, 2, 0, 2, {NULL}, 0, 0};
    int a = 1;
    for (; a < argc && argv[a][0] == '-' && argv[a][1]; a++) {
        char opt = argv[a][1];
        if (opt == '1') {
            o.stage1_only = 1;
            continue;
        }
        if (opt == 'z') {
            o.keep_bare = 1;
            continue;
        }
        if (a + 1 >= argc)
            usage();
        const char *v = argv[++a];
        switch (opt) {
        case 't':
            if (strcmp(v, "conll") == 0)
                o.scheme = &corpus_scheme_conll;
            else if (strcmp(v, "ontonotes") == 0)
                o.scheme = &corpus_scheme_onto;
            else
                usage();
            break;
        case 'e':
            o.epochs = atoi(v);
            break;
        case 'k':
            o.folds = atoi(v);
            break;
        case 'c':
            o.cutoff = (uint32_t)atoi(v);
            break;
        case 's':
            o.scale = atoll(v);
            break;
        case 'p':
            o.prune = atoi(v);
            break;
        case 'd':
            o.max_docs = (size_t)atol(v);
            break;
        case 'x':
            o.mask = parse_mask(v);
            break;
        case 'v':
            o.dump = v;
            break;
        case 'w':
            o.class_min = (uint32_t)atoi(v);
            break;
        case 'r':
            o.seed = (uint64_t)atoll(v);
            break;
        case 'j':
            o.jobs = atoi(v);
            break;
        case 'u':
            if (o.nunlabelled == sizeof o.unlabelled / sizeof *o.unlabelled)
                usage();
            o.unlabelled[o.nunlabelled++] = v;
            break;
        default:
            usage();
        }
    }
    if (argc - a < 2 || argc - a > 3 || o.epochs < 1 || o.folds < 2 || o.scale < 1 || o.jobs < 1)
        usage();
    const char *out = argc - a == 3 ? argv[a + 2] : NULL;
    double t0 = now_seconds();

    dataset train, valid;
    /* OntoNotes documents without name annotation are left out of both */
    int skip_bare = o.scheme == &corpus_scheme_onto && !o.keep_bare;
    if (dataset_load(&train, argv[a], o.scheme, o.max_docs, skip_bare) != 0 ||
        dataset_load(&valid, argv[a + 1], o.scheme, 0, skip_bare) != 0)
        return 1;
    if (skip_bare)
        fprintf(stderr, "left out %zu+%zu documents without any entity (no name annotation)\n",
                train.c.nbare, valid.c.nbare);
    /* word classes from the training text, looked up as the extension will */
    classes cl;
    corpus extra[8];
    const corpus *texts[9] = {&train.c};
    for (size_t k = 0; k < o.nunlabelled; k++) {
        struct stat st;
        int rc = stat(o.unlabelled[k], &st) != 0 ? -1
                 : S_ISDIR(st.st_mode)          ? corpus_read_text(&extra[k], o.unlabelled[k])
                                        : corpus_read(&extra[k], o.unlabelled[k],
                                                      &corpus_scheme_conll, 0, 0);
        if (rc != 0) {
            fprintf(stderr, "ner-train: cannot read %s\n", o.unlabelled[k]);
            return 1;
        }
        fprintf(stderr, "unlabelled text %s: %zu documents, %zu tokens\n", o.unlabelled[k],
                extra[k].ndocs, extra[k].ntokens);
        texts[k + 1] = &extra[k];
    }
    classes_build(texts, 1 + o.nunlabelled, o.class_min, 30, &cl);
    for (size_t k = 0; k < o.nunlabelled; k++)
        corpus_free(&extra[k]);
    lede_ner_lexicon lex;
    unsigned char *lex_slots = lexicon_build(&cl, &lex);
    if (getenv("NER_DEBUG_CLASSES")) {
        for (size_t k = 0; k < train.nblocks; k++)
            for (size_t i = 0; i < train.blocks[k]->ntok; i++) {
                const lede_ner_token *t = &train.blocks[k]->tok[i];
                uint32_t p = lede_ner_lexicon_get(&lex, t->norm);
                if (p && t->norm_len < 32)
                    printf("%u %u %u %.*s\n", lede_ner_class_level(p, 0),
                           lede_ner_class_level(p, 1), lede_ner_class_level(p, 2), (int)t->norm_len,
                           t->norm_text);
            }
    }
    dataset_set_classes(&train, &lex);
    dataset_set_classes(&valid, &lex);

    fdict dict;
    fdict_init(&dict);
    dataset_features(&train, &dict, 1, &o, 1);
    dataset_features(&valid, &dict, 1, &o, 0);
    size_t nlocal = dict.nids;
    fprintf(stderr, "read %zu+%zu documents, %zu+%zu tokens; %zu local features (%.1f s)\n",
            train.c.ndocs, valid.c.ndocs, train.c.ntokens, valid.c.ntokens, nlocal,
            now_seconds() - t0);

    qmodel q1 = {0}, q2 = {0};
    int e1 = 0, e2 = 0;
    double f1 = train_stage(&train, &valid, nlocal, 1, o.epochs, 0, 0, &o, &q1, &e1, "stage 1");
    corpus_score sc;
    dataset_tag(&valid, &q1, 1, valid.tags1, &sc, 0, 0);
    corpus_score_print(&sc, "stage 1 on valid");
    if (o.dump && o.stage1_only)
        dump_tags(&valid, valid.tags1, o.dump);
    fprintf(stderr, "stage 1: best epoch %d, valid F1 %.2f (%.1f s)\n", e1, 100 * f1,
            now_seconds() - t0);
    double f2 = f1;
    if (!o.stage1_only) {
        fold_job job = {&train, nlocal, e1, &o, 0, PTHREAD_MUTEX_INITIALIZER};
        pthread_t th[16];
        int nth = o.jobs < 16 ? o.jobs : 16;
        for (int k = 0; k < nth; k++)
            if (pthread_create(&th[k], NULL, fold_worker, &job) != 0)
                abort();
        for (int k = 0; k < nth; k++)
            pthread_join(th[k], NULL);
        fprintf(stderr, "first-stage tags of train from %d folds (%.1f s)\n", o.folds,
                now_seconds() - t0);
        dataset_features(&train, &dict, 2, &o, 1);
        dataset_features(&valid, &dict, 2, &o, 0);
        fprintf(stderr, "%zu document features\n", dict.nids - nlocal);
        f2 = train_stage(&train, &valid, dict.nids, 2, o.epochs, 0, 0, &o, &q2, &e2, "stage 2");
        uint8_t *tags = xmalloc(valid.c.ntokens);
        dataset_tag(&valid, &q2, 2, tags, &sc, 0, 0);
        if (o.dump)
            dump_tags(&valid, tags, o.dump);
        free(tags);
        corpus_score_print(&sc, "stage 2 on valid");
        fprintf(stderr, "stage 2: best epoch %d, valid F1 %.2f (%.1f s)\n", e2, 100 * f2,
                now_seconds() - t0);
    }
    int status = 0;
    if (out) {
        if (o.stage1_only) {
            fprintf(stderr, "ner-train: -1 writes no model\n");
            status = 2;
        } else {
            char about[512];
            snprintf(about, sizeof about,
                     "Averaged perceptron, 2 stages, %zu training documents, epochs %d and %d, "
                     "%d folds, cutoff %u, scale %lld; valid F1 (trainer) %.2f and %.2f.",
                     train.c.ndocs, e1, e2, o.folds, o.cutoff, (long long)o.scale, 100 * f1,
                     100 * f2);
            int onto = o.scheme == &corpus_scheme_onto;
            writer_input in = {onto ? "lede_ner_model_onto" : "lede_ner_model_conll",
                               onto ? "OntoNotes 5.0 train.bio (CoNLL-2012 split)"
                                    : "CoNLL-2003 train.txt",
                               o.scheme->ntypes,
                               o.scheme->label_names,
                               &dict,
                               &q1,
                               &q2,
                               &lex,
                               o.prune,
                               about};
            writer_stats st;
            if (writer_write(out, &in, &st) != 0)
                status = 1;
            else
                fprintf(stderr, "wrote %s: %zu features, 2^%zu slots, %.1f MB of data\n", out,
                        st.features, st.slot_bits, (double)st.bytes / 1e6);
        }
    }
    fprintf(stderr, "done in %.1f s\n", now_seconds() - t0);
    qmodel_free(&q1);
    qmodel_free(&q2);
    fdict_free(&dict);
    classes_free(&cl);
    free(lex_slots);
    dataset_free(&train);
    dataset_free(&valid);
    return status;
}
