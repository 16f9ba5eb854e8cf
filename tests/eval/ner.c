/*
 * ner.c: scores lede_entities through SQL, as a user would run it, on CoNLL-2003 (four types) or
 * OntoNotes 5.0 (eighteen).
 *
 *   cc -O2 -o ner tests/eval/ner.c -lsqlite3
 *   ./ner [options] conll build/lede.so ../shared/data/conll2003/valid.txt
 *   ./ner [options] ontonotes build/lede.so ../shared/data/ontonotes/dev.bio
 *
 * conll reads "word POS chunk NER" lines (IOB1), runs
 *   SELECT start, "end", label FROM lede_entities(?, NULL, 'conll')
 * and scores PER ORG LOC MISC (from PERSON ORG LOC MISC). ontonotes reads "token<TAB>tag" lines
 * (BIO), each document opened by "-DOCSTART-<TAB>genre/source/part/doc", runs
 *   SELECT start, "end", label FROM lede_entities(?)
 * and scores the 18 OntoNotes types, per genre as well; its Penn Treebank escapes (-LRB-, ``, /.)
 * are undone first, so that the text reads like real text.
 *
 * Each document's raw text is rebuilt (the tokens of a sentence joined by one space, one sentence
 * a line) and queried once; each row maps back to the tokens holding its first and last code
 * point. Gold entities are read from the tags as conlleval reads them (B-X, or a change of type,
 * starts one). An entity is right when its token range and type are both a gold one's: precision,
 * recall and F1 per type and micro overall, as conlleval, printed as markdown tables. Labels
 * outside the scored set are counted by name, not scored.
 *
 *   -f F     exit 1 when overall F1 is below F (a fraction: 0.925)
 *   -l       legacy: the two-argument lede_entities(?) of the extension before the scheme
 *            argument; conll then scores NORP as MISC, as the old harness did
 *   -g       self-check: the gold entities, as code-point spans, are the predictions (no SQL is
 *            run); F1 must be 100
 *   -d FILE  writes "token gold pred" lines (BIO, conlleval's input format) for error analysis
 *   -a       the floor applies to the documents that have at least one gold entity. OntoNotes
 *            has a layer of name annotation for only part of its documents; the others come
 *            with every token O (916 of dev's 1,346 documents, about a tenth of its tokens,
 *            nearly all from wb/sel, nw and wb dev_09_c2e and nw p2.5_c2e), and the standard
 *            OntoNotes NER figures leave them out. Both figures are printed either way.
 *
 * Exits 0; 1 when F1 is below the floor; 2 on errors (bad data, SQL errors).
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, getline, getopt */

#include <sqlite3.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_TYPES 18
#define MAX_GROUPS 16
#define MAX_LABELS 64

static const char *const conll_types[] = {"PER", "ORG", "LOC", "MISC"};
static const char *const conll_labels[] = {"PERSON", "ORG", "LOC", "MISC"};
static const char *const onto_types[] = {
    "PERSON", "NORP",     "FAC",  "ORG",  "GPE",     "LOC",   "PRODUCT",  "EVENT",   "WORK_OF_ART",
    "LAW",    "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))
_Static_assert(COUNT(onto_types) <= MAX_TYPES && COUNT(conll_types) <= MAX_TYPES, "MAX_TYPES");

#define LEGACY_QUERY "SELECT start, \"end\", label FROM lede_entities(?)"

typedef struct {
    const char *name;          /* on the command line */
    const char *title;         /* in the report */
    char sep;                  /* between the fields of a line */
    const char *query;         /* one row per entity: start, end, label */
    int ntypes;                /* scored types */
    const char *const *types;  /* [ntypes], as in the tags */
    const char *const *labels; /* [ntypes], the lede_entities label of each type */
    int legacy_norp;           /* the type NORP counts as under -l, or -1 */
    int ptb;                   /* tokens are Penn Treebank escaped */
    int genres;                /* the DOCSTART line names the genre */
} format;

static const format formats[] = {
    {.name = "conll",
     .title = "CoNLL-2003",
     .sep = ' ',
     .query = "SELECT start, \"end\", label FROM lede_entities(?, NULL, 'conll')",
     .ntypes = COUNT(conll_types),
     .types = conll_types,
     .labels = conll_labels,
     .legacy_norp = 3},
    {.name = "ontonotes",
     .title = "OntoNotes 5.0",
     .sep = '\t',
     .query = "SELECT start, \"end\", label FROM lede_entities(?)",
     .ntypes = COUNT(onto_types),
     .types = onto_types,
     .labels = onto_types,
     .legacy_norp = -1,
     .ptb = 1,
     .genres = 1},
};

typedef struct {
    size_t first, last; /* tokens, inclusive */
    int type;
} entity;

typedef struct {
    entity *e;
    size_t n, cap;
} entities;

typedef struct {
    size_t gold[MAX_TYPES], pred[MAX_TYPES], correct[MAX_TYPES];
} score;

typedef struct {
    char name[16]; /* genre, "" when the format has none */
    size_t docs;
    score s;
} group;

typedef struct {
    char name[32];
    size_t n;
} label_count;

/* The document being read. */
typedef struct {
    char *text; /* raw text */
    size_t len, cap;
    size_t cps;      /* code points in text */
    size_t *off;     /* per token: byte offset in text */
    size_t *cp;      /* per token: first code point */
    size_t *cp_end;  /* per token: code point after its last */
    int *tag_type;   /* per token: gold type, or -1 for O */
    int *tag_begin;  /* per token: the tag is B-X */
    int *sent_start; /* per token: first of its sentence */
    int *pred_tag;   /* per token, for -d: 2 * type (+1 inside), or -1 */
    int *gold_tag;   /* the same for the gold */
    size_t ntok, tok_cap;
    int group; /* index into the run's groups */
} doc;

/* The whole run. */
typedef struct {
    const format *fmt;
    int legacy, self_check;
    FILE *dump;
    sqlite3 *db;
    sqlite3_stmt *st;
    group groups[MAX_GROUPS];
    int ngroups;
    label_count ignored[MAX_LABELS]; /* rows whose label is not scored */
    int nignored;
    size_t docs, tokens, bytes;
    double sql_seconds;
    int annotated_floor; /* -a */
    score bare;          /* what was found in documents without any gold entity */
    size_t bare_docs;
} run;

static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n);
    if (!q) {
        fprintf(stderr, "ner: out of memory\n");
        exit(2);
    }
    return q;
}

static void push(entities *es, size_t first, size_t last, int type) {
    if (es->n == es->cap) {
        es->cap = es->cap ? 2 * es->cap : 64;
        es->e = xrealloc(es->e, es->cap * sizeof *es->e);
    }
    es->e[es->n].first = first;
    es->e[es->n].last = last;
    es->e[es->n].type = type;
    es->n++;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Code points as SQLite counts them: a lead byte from 0xC0 up takes the continuation bytes after
 * it, any other byte stands alone. */
static size_t cp_count(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; c++)
        if ((unsigned char)s[i++] >= 0xC0)
            while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
                i++;
    return c;
}

/*
 * Undoes the Penn Treebank escapes of OntoNotes tokens into out (never longer than the token),
 * returning the new length. Found in train.bio: brackets as -LRB- -RRB- -LSB- -RSB- -LCB- -RCB-,
 * also inside a token (":-LRB-", "-LRB-02-RRB-"); `` and '' for double quotes, ` for an opening
 * single quote; /. /? /- // for a punctuation token of the speech transcripts; \* for *.
 */
static size_t ptb_unescape(const char *w, size_t n, char *out) {
    static const char brackets[][6] = {"-LRB-(", "-RRB-)", "-LSB-[", "-RSB-]", "-LCB-{", "-RCB-}"};
    if (n == 2 && w[0] == '/' && ispunct((unsigned char)w[1])) {
        out[0] = w[1];
        return 1;
    }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t nb = (size_t)COUNT(brackets), b = nb;
        if (w[i] == '-' && n - i >= 5)
            for (b = 0; b < nb && memcmp(w + i, brackets[b], 5) != 0;)
                b++;
        if (b < nb) {
            out[o++] = brackets[b][5];
            i += 5;
        } else if ((w[i] == '`' || w[i] == '\'') && i + 1 < n && w[i + 1] == w[i]) {
            out[o++] = '"';
            i += 2;
        } else if (w[i] == '`') {
            out[o++] = '\'';
            i++;
        } else if (w[i] == '\\' && i + 1 < n && w[i + 1] == '*') {
            i++;
        } else {
            out[o++] = w[i++];
        }
    }
    return o;
}

static int type_of(const format *fmt, const char *s) {
    for (int t = 0; t < fmt->ntypes; t++)
        if (strcmp(s, fmt->types[t]) == 0)
            return t;
    return -1;
}

static int label_type(const run *r, const char *label) {
    for (int t = 0; t < r->fmt->ntypes; t++)
        if (strcmp(label, r->fmt->labels[t]) == 0)
            return t;
    if (r->legacy && r->fmt->legacy_norp >= 0 && strcmp(label, "NORP") == 0)
        return r->fmt->legacy_norp;
    return -1;
}

static void count_ignored(run *r, const char *label) {
    label_count *l = r->ignored;
    while (l < r->ignored + r->nignored && strncmp(l->name, label, sizeof l->name - 1) != 0)
        l++;
    if (l == r->ignored + MAX_LABELS) { /* full: the last slot takes the rest */
        l--;
        snprintf(l->name, sizeof l->name, "(others)");
    } else if (l == r->ignored + r->nignored) {
        snprintf(l->name, sizeof l->name, "%s", label);
        r->nignored++;
    }
    l->n++;
}

static int group_of(run *r, const char *name, size_t n) {
    char key[sizeof r->groups[0].name];
    snprintf(key, sizeof key, "%.*s", (int)n, name);
    for (int g = 0; g < r->ngroups; g++)
        if (strcmp(r->groups[g].name, key) == 0)
            return g;
    if (r->ngroups == MAX_GROUPS) {
        fprintf(stderr, "ner: more than %d genres\n", MAX_GROUPS);
        exit(2);
    }
    memcpy(r->groups[r->ngroups].name, key, sizeof key);
    return r->ngroups++;
}

/* Gold entities of the document, conlleval style: B-X or a change of type starts one. */
static void gold_entities(const doc *d, entities *out) {
    int prev = -1;
    for (size_t i = 0; i < d->ntok; i++) {
        int t = d->tag_type[i];
        if (d->sent_start[i])
            prev = -1;
        if (t >= 0 && (d->tag_begin[i] || t != prev))
            push(out, i, i, t);
        else if (t >= 0)
            out->e[out->n - 1].last = i;
        prev = t;
    }
}

/* The token holding code point cp (tokens sorted by start). */
static size_t token_at(const doc *d, size_t cp) {
    size_t lo = 0, hi = d->ntok;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (d->cp[mid] <= cp)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* One row of lede_entities: a scored label becomes a predicted entity over tokens. */
static void take_row(run *r, const doc *d, entities *pred, sqlite3_int64 start, sqlite3_int64 end,
                     const char *label) {
    if (start < 0 || end <= start || (size_t)end > d->cps) {
        count_ignored(r, "(bad span)");
        return;
    }
    int t = label ? label_type(r, label) : -1;
    if (t < 0) {
        count_ignored(r, label ? label : "(NULL)");
        return;
    }
    push(pred, token_at(d, (size_t)start), token_at(d, (size_t)end - 1), t);
}

static int cmp_entity(const void *a, const void *b) {
    const entity *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    if (x->last != y->last)
        return x->last < y->last ? -1 : 1;
    return x->type - y->type;
}

/* Adds the document's counts to s; gold is sorted already, pred gets sorted. */
static void compare(score *s, const entities *gold, entities *pred) {
    if (pred->n)
        qsort(pred->e, pred->n, sizeof *pred->e, cmp_entity);
    for (size_t i = 0; i < gold->n; i++)
        s->gold[gold->e[i].type]++;
    for (size_t i = 0; i < pred->n; i++)
        s->pred[pred->e[i].type]++;
    size_t i = 0, j = 0;
    while (i < gold->n && j < pred->n) {
        int c = cmp_entity(&gold->e[i], &pred->e[j]);
        if (c == 0)
            s->correct[gold->e[i].type]++;
        if (c <= 0)
            i++;
        if (c >= 0)
            j++;
    }
}

/* Per-token BIO codes of entities; one overlapping an earlier one is left out. */
static void tag_tokens(const doc *d, const entities *es, int *tags) {
    for (size_t i = 0; i < d->ntok; i++)
        tags[i] = -1;
    for (size_t k = 0; k < es->n; k++) {
        const entity *e = &es->e[k];
        size_t i = e->first;
        while (i <= e->last && tags[i] < 0)
            i++;
        if (i <= e->last)
            continue;
        for (i = e->first; i <= e->last; i++)
            tags[i] = 2 * e->type + (i > e->first);
    }
}

static void put_tag(const format *fmt, int tag, FILE *f) {
    if (tag < 0)
        fputs("O", f);
    else
        fprintf(f, "%s-%s", tag % 2 ? "I" : "B", fmt->types[tag / 2]);
}

static void dump_doc(const run *r, const doc *d) {
    fputs("-DOCSTART- O O\n", r->dump);
    for (size_t i = 0; i < d->ntok; i++) {
        if (d->sent_start[i])
            fputc('\n', r->dump);
        size_t end = i + 1 < d->ntok ? d->off[i + 1] - 1 : d->len - 1;
        fprintf(r->dump, "%.*s ", (int)(end - d->off[i]), d->text + d->off[i]);
        put_tag(r->fmt, d->gold_tag[i], r->dump);
        fputc(' ', r->dump);
        put_tag(r->fmt, d->pred_tag[i], r->dump);
        fputc('\n', r->dump);
    }
    fputc('\n', r->dump);
}

/* Tags the document (through SQL, or from its gold with -g) and scores it. */
static int run_doc(run *r, doc *d) {
    entities gold = {0}, pred = {0};
    gold_entities(d, &gold);
    int rc = SQLITE_DONE;
    if (r->self_check) {
        for (size_t k = 0; k < gold.n; k++) {
            const entity *e = &gold.e[k];
            take_row(r, d, &pred, (sqlite3_int64)d->cp[e->first], (sqlite3_int64)d->cp_end[e->last],
                     r->fmt->labels[e->type]);
        }
    } else {
        double t0 = now();
        sqlite3_bind_text64(r->st, 1, d->text, d->len, SQLITE_STATIC, SQLITE_UTF8);
        while ((rc = sqlite3_step(r->st)) == SQLITE_ROW)
            take_row(r, d, &pred, sqlite3_column_int64(r->st, 0), sqlite3_column_int64(r->st, 1),
                     (const char *)sqlite3_column_text(r->st, 2));
        r->sql_seconds += now() - t0;
        sqlite3_reset(r->st);
    }
    if (rc == SQLITE_DONE) {
        group *g = &r->groups[d->group];
        compare(&g->s, &gold, &pred);
        if (gold.n == 0) {
            compare(&r->bare, &gold, &pred);
            r->bare_docs++;
        }
        g->docs++;
        r->docs++;
        r->tokens += d->ntok;
        r->bytes += d->len;
        if (r->dump) {
            tag_tokens(d, &gold, d->gold_tag);
            tag_tokens(d, &pred, d->pred_tag);
            dump_doc(r, d);
        }
    }
    free(gold.e);
    free(pred.e);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* 1 when w[0..n) is a clitic the treebanks split from its word ("'s", "'re", "'ve", "'ll",
   "'d", "'m", any case): the text is rebuilt with it joined to the word before ("Obama's"), as
   news prints it and as the trainer (ext/ner/train/corpus.c) rebuilds it. */
static int is_clitic(const char *w, size_t n) {
    static const char *const cl[] = {"'s", "'re", "'ve", "'ll", "'d", "'m"};
    for (size_t k = 0; k < sizeof cl / sizeof *cl; k++) {
        size_t m = strlen(cl[k]), i = 0;
        while (i < n && i < m && (w[i] | 0x20) == cl[k][i])
            i++;
        if (i == n && i == m)
            return 1;
    }
    return 0;
}

/* Appends one token line ("word ... tag") to the document; -1 when the line is malformed. */
static int add_token(const run *r, doc *d, char *line, size_t n, int new_sentence) {
    const format *fmt = r->fmt;
    char *sep = memchr(line, fmt->sep, n);
    char *tag = strrchr(line, fmt->sep);
    if (!sep || sep == line)
        return -1;
    tag++;
    int type = -1;
    if ((tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-') {
        if ((type = type_of(fmt, tag + 2)) < 0)
            return -1;
    } else if (strcmp(tag, "O") != 0) {
        return -1;
    }
    size_t wl = (size_t)(sep - line);
    if (d->len + wl + 2 > d->cap) {
        d->cap = 2 * (d->len + wl + 2) + 4096;
        d->text = xrealloc(d->text, d->cap);
    }
    if (d->ntok == d->tok_cap) {
        size_t c = d->tok_cap = d->tok_cap ? 2 * d->tok_cap : 1024;
        d->off = xrealloc(d->off, c * sizeof *d->off);
        d->cp = xrealloc(d->cp, c * sizeof *d->cp);
        d->cp_end = xrealloc(d->cp_end, c * sizeof *d->cp_end);
        d->tag_type = xrealloc(d->tag_type, c * sizeof *d->tag_type);
        d->tag_begin = xrealloc(d->tag_begin, c * sizeof *d->tag_begin);
        d->sent_start = xrealloc(d->sent_start, c * sizeof *d->sent_start);
        d->pred_tag = xrealloc(d->pred_tag, c * sizeof *d->pred_tag);
        d->gold_tag = xrealloc(d->gold_tag, c * sizeof *d->gold_tag);
    }
    if (!new_sentence && d->ntok > 0 && is_clitic(line, wl)) {
        d->len--; /* no space before it */
        d->cps--;
    }
    char *w = d->text + d->len;
    if (fmt->ptb)
        wl = ptb_unescape(line, wl, w);
    else
        memcpy(w, line, wl);
    size_t k = d->ntok++;
    d->off[k] = d->len;
    d->cp[k] = d->cps;
    d->cps += cp_count(w, wl);
    d->cp_end[k] = d->cps;
    d->tag_type[k] = type;
    d->tag_begin[k] = tag[0] == 'B';
    d->sent_start[k] = new_sentence;
    d->len += wl;
    d->text[d->len++] = ' ';
    d->cps++;
    return 0;
}

/* Reads the data file, scoring each document as it ends; 0, or 2 on errors. */
static int read_file(run *r, const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 2;
    }
    doc d = {0};
    d.group = group_of(r, "", 0);
    char *line = NULL;
    size_t line_cap = 0, lineno = 0;
    int new_sentence = 1, status = 0;
    for (;;) {
        int eof = getline(&line, &line_cap, f) < 0;
        size_t n = eof ? 0 : strcspn(line, "\r\n");
        if (!eof)
            line[n] = '\0';
        lineno++;
        int docstart = !eof && strncmp(line, "-DOCSTART-", 10) == 0 &&
                       (line[10] == r->fmt->sep || line[10] == '\0');
        if ((eof || docstart) && d.ntok) {
            if (run_doc(r, &d) != 0) {
                fprintf(stderr, "ner: %s\n", sqlite3_errmsg(r->db));
                status = 2;
                break;
            }
            d.len = d.ntok = d.cps = 0;
        }
        if (eof)
            break;
        if (docstart) {
            if (r->fmt->genres) {
                const char *g = line + 10 + (line[10] != '\0');
                d.group = group_of(r, g, strcspn(g, "/"));
            }
            new_sentence = 1;
            continue;
        }
        if (n == 0) { /* end of sentence: the line ends */
            if (!new_sentence)
                d.text[d.len - 1] = '\n';
            new_sentence = 1;
            continue;
        }
        if (add_token(r, &d, line, n, new_sentence) != 0) {
            fprintf(stderr, "ner: %s:%zu: not a token line of %s: %s\n", path, lineno, r->fmt->name,
                    line);
            status = 2;
            break;
        }
        new_sentence = 0;
    }
    if (!status && ferror(f)) {
        perror(path);
        status = 2;
    }
    fclose(f);
    free(line);
    free(d.text);
    free(d.off);
    free(d.cp);
    free(d.cp_end);
    free(d.tag_type);
    free(d.tag_begin);
    free(d.sent_start);
    free(d.pred_tag);
    free(d.gold_tag);
    return status;
}

static double ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0.0; }

static double f1(size_t c, size_t p, size_t g) {
    double pr = ratio(c, p), re = ratio(c, g);
    return pr + re > 0 ? 2 * pr * re / (pr + re) : 0.0;
}

static void sum(const score *s, int ntypes, size_t *c, size_t *p, size_t *g) {
    for (int t = 0; t < ntypes; t++) {
        *c += s->correct[t];
        *p += s->pred[t];
        *g += s->gold[t];
    }
}

/* Prints the tables; returns overall F1. */
static double report(const run *r, const char *path, double seconds) {
    const format *fmt = r->fmt;
    score all = {0};
    for (int g = 0; g < r->ngroups; g++)
        for (int t = 0; t < fmt->ntypes; t++) {
            all.gold[t] += r->groups[g].s.gold[t];
            all.pred[t] += r->groups[g].s.pred[t];
            all.correct[t] += r->groups[g].s.correct[t];
        }
    /* with -a, the predictions in documents without any gold entity are left out of the
       tables (they have no name annotation); the figure over every document follows them */
    size_t bc = 0, bp = 0, bg = 0;
    sum(&r->bare, fmt->ntypes, &bc, &bp, &bg);
    size_t c = 0, p = 0, g = 0;
    sum(&all, fmt->ntypes, &c, &p, &g);
    double every = f1(c, p, g);
    if (r->annotated_floor)
        for (int t = 0; t < fmt->ntypes; t++)
            all.pred[t] -= r->bare.pred[t];
    printf("%s %s: %zu documents, %zu tokens, exact-match entities%s\n\n", fmt->title, path,
           r->docs, r->tokens,
           r->self_check ? " (self-check: the gold as predictions)"
           : r->legacy   ? " (legacy two-argument call)"
                         : "");
    if (r->annotated_floor)
        printf("The %zu documents with at least one gold entity (the other %zu have no name "
               "annotation; %zu entities were predicted there):\n\n",
               r->docs - r->bare_docs, r->bare_docs, bp);
    printf("| type | precision | recall | F1 | gold | predicted |\n|---|---|---|---|---|---|\n");
    for (int t = 0; t < fmt->ntypes; t++)
        printf("| %s | %.2f | %.2f | %.2f | %zu | %zu |\n", fmt->types[t],
               100 * ratio(all.correct[t], all.pred[t]), 100 * ratio(all.correct[t], all.gold[t]),
               100 * f1(all.correct[t], all.pred[t], all.gold[t]), all.gold[t], all.pred[t]);
    c = p = g = 0;
    sum(&all, fmt->ntypes, &c, &p, &g);
    double overall = f1(c, p, g);
    printf("| **all** | **%.2f** | **%.2f** | **%.2f** | %zu | %zu |\n", 100 * ratio(c, p),
           100 * ratio(c, g), 100 * overall, g, p);
    if (r->annotated_floor)
        printf("\nOver every document: F1 %.2f.\n", 100 * every);
    if (fmt->genres) {
        if (r->annotated_floor)
            printf("\nBy genre, over every document:\n");
        printf("\n| genre | documents | precision | recall | F1 | gold | predicted |\n"
               "|---|---|---|---|---|---|---|\n");
        for (int k = 0; k < r->ngroups; k++) {
            const group *gr = &r->groups[k];
            size_t gc = 0, gp = 0, gg = 0;
            sum(&gr->s, fmt->ntypes, &gc, &gp, &gg);
            if (gr->docs)
                printf("| %s | %zu | %.2f | %.2f | %.2f | %zu | %zu |\n", gr->name, gr->docs,
                       100 * ratio(gc, gp), 100 * ratio(gc, gg), 100 * f1(gc, gp, gg), gg, gp);
        }
    }
    if (r->nignored) {
        size_t n = 0;
        for (int i = 0; i < r->nignored; i++)
            n += r->ignored[i].n;
        printf("\nnot scored: %zu rows:", n);
        for (int i = 0; i < r->nignored; i++)
            printf("%s %s %zu", i ? "," : "", r->ignored[i].name, r->ignored[i].n);
        printf("\n");
    }
    printf("\ntime: %.2f s in all", seconds);
    if (!r->self_check)
        printf("; %.2f MB of text in %.2f s through SQL: %.2f MB/s", (double)r->bytes / 1e6,
               r->sql_seconds, r->sql_seconds > 0 ? (double)r->bytes / 1e6 / r->sql_seconds : 0.0);
    printf("\n");
    return overall;
}

static int usage(void) {
    fprintf(stderr, "usage: ner [-f floor] [-a] [-l] [-g] [-d dump.txt] conll|ontonotes path/to/lede.so "
                    "path/to/data\n");
    return 2;
}

int main(int argc, char **argv) {
    run r = {0};
    double floor = -1;
    const char *dump = NULL;
    int opt;
    while ((opt = getopt(argc, argv, "f:lgad:")) != -1) {
        char *end;
        switch (opt) {
        case 'f':
            floor = strtod(optarg, &end);
            if (*end || end == optarg || floor < 0 || floor > 1) {
                fprintf(stderr, "ner: -f takes a fraction between 0 and 1, not %s\n", optarg);
                return 2;
            }
            break;
        case 'l':
            r.legacy = 1;
            break;
        case 'a':
            r.annotated_floor = 1;
            break;
        case 'g':
            r.self_check = 1;
            break;
        case 'd':
            dump = optarg;
            break;
        default:
            return usage();
        }
    }
    if (argc - optind != 3)
        return usage();
    for (int i = 0; i < COUNT(formats); i++)
        if (strcmp(argv[optind], formats[i].name) == 0)
            r.fmt = &formats[i];
    if (!r.fmt)
        return usage();
    const char *lib = argv[optind + 1], *path = argv[optind + 2];
    double t0 = now();
    if (!r.self_check) {
        char *err = NULL;
        const char *query = r.legacy ? LEGACY_QUERY : r.fmt->query;
        if (sqlite3_open(":memory:", &r.db) != SQLITE_OK ||
            sqlite3_enable_load_extension(r.db, 1) != SQLITE_OK ||
            sqlite3_load_extension(r.db, lib, NULL, &err) != SQLITE_OK) {
            fprintf(stderr, "ner: cannot load %s: %s\n", lib, err ? err : sqlite3_errmsg(r.db));
            sqlite3_free(err);
            sqlite3_close(r.db);
            return 2;
        }
        if (sqlite3_prepare_v2(r.db, query, -1, &r.st, NULL) != SQLITE_OK) {
            fprintf(stderr, "ner: %s: %s\n", query, sqlite3_errmsg(r.db));
            if (!r.legacy && strcmp(query, LEGACY_QUERY) != 0)
                fprintf(stderr, "ner: (-l calls the two-argument form, for an extension that has "
                                "no scheme argument)\n");
            sqlite3_close(r.db);
            return 2;
        }
    }
    if (dump && !(r.dump = fopen(dump, "w"))) {
        perror(dump);
        sqlite3_finalize(r.st);
        sqlite3_close(r.db);
        return 2;
    }
    int status = read_file(&r, path);
    sqlite3_finalize(r.st);
    sqlite3_close(r.db);
    if (r.dump && fclose(r.dump) != 0) {
        perror(dump);
        status = 2;
    }
    if (status)
        return status;
    double overall = report(&r, path, now() - t0);
    if (overall < floor) {
        printf("FAIL: overall F1 %.2f is below the floor %.2f\n", 100 * overall, 100 * floor);
        return 1;
    }
    return 0;
}
