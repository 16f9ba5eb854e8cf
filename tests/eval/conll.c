/*
 * conll.c: scores lede_entities on CoNLL-2003 through SQL, as a user would
 * run it.
 *
 *   cc -O2 -o conll tests/eval/conll.c -lsqlite3
 *   ./conll build/lede.so ../shared/data/conll2003/valid.txt
 *
 * It loads the extension into an in-memory database, rebuilds the raw text
 * of each document (the tokens of a sentence joined by one space, one
 * sentence a line), runs SELECT start, "end", label FROM lede_entities(?)
 * once per document, and maps each PERSON, ORG, LOC, MISC or NORP row back
 * to CoNLL tokens: its start to the token containing it, its end to the
 * token containing end - 1 (NORP counts as MISC). Gold entities come from
 * the file's IOB tags read as conlleval reads them (B-X or a change of type
 * starts an entity). An entity is right when its token range and type are
 * both those of a gold one; precision, recall and F1 are per type and
 * overall, as conlleval prints them.
 *
 * Prints the table and the speed of the queries (MB of text per second);
 * exits 1 when overall F1 is below the floor (0.90), 2 on errors.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <sqlite3.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define FLOOR 0.90
#define NTYPES 4

static const char *const type_names[NTYPES] = {"PER", "ORG", "LOC", "MISC"};

typedef struct {
    size_t first, last;
    int type;
} entity;

typedef struct {
    entity *e;
    size_t n, cap;
} entities;

typedef struct {
    size_t gold[NTYPES], pred[NTYPES], correct[NTYPES];
} score;

/* The document being read. */
typedef struct {
    char *text; /* raw text */
    size_t len, cap;
    size_t *cp_start; /* code point where each token starts */
    int *tag_type;    /* per token: type, or -1 for O */
    int *tag_begin;   /* per token: the tag is B-X */
    int *sent_start;  /* per token: first of its sentence */
    size_t ntok, tok_cap;
    size_t cps; /* code points in text */
} doc;

static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n);
    if (!q) {
        fprintf(stderr, "conll: out of memory\n");
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

static int type_of(const char *s) {
    for (int t = 0; t < NTYPES; t++)
        if (strcmp(s, type_names[t]) == 0)
            return t;
    return -1;
}

static int label_type(const char *label) {
    if (strcmp(label, "PERSON") == 0)
        return 0;
    if (strcmp(label, "NORP") == 0)
        return 3;
    return type_of(label);
}

static size_t utf8_count(const char *s, size_t n) {
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Gold entities of the document, conlleval style. */
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

/* The token containing code point cp (tokens sorted by start). */
static size_t token_at(const doc *d, size_t cp) {
    size_t lo = 0, hi = d->ntok;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (d->cp_start[mid] <= cp)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static int cmp_entity(const void *a, const void *b) {
    const entity *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    if (x->last != y->last)
        return x->last < y->last ? -1 : 1;
    return x->type - y->type;
}

static void compare(score *s, entities *gold, entities *pred) {
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

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Tags the document through SQL and adds its comparison to s. */
static int run_doc(sqlite3_stmt *st, doc *d, score *s, double *seconds) {
    entities gold = {0}, pred = {0};
    gold_entities(d, &gold);
    double t0 = now();
    sqlite3_bind_text64(st, 1, d->text, d->len, SQLITE_STATIC, SQLITE_UTF8);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sqlite3_int64 start = sqlite3_column_int64(st, 0), end = sqlite3_column_int64(st, 1);
        const char *label = (const char *)sqlite3_column_text(st, 2);
        int t = label ? label_type(label) : -1;
        if (t < 0 || end <= start || (size_t)end > d->cps)
            continue;
        push(&pred, token_at(d, (size_t)start), token_at(d, (size_t)end - 1), t);
    }
    *seconds += now() - t0;
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return -1;
    compare(s, &gold, &pred);
    free(gold.e);
    free(pred.e);
    return 0;
}

static double ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0.0; }

static double f1(size_t c, size_t p, size_t g) {
    double pr = ratio(c, p), re = ratio(c, g);
    return pr + re > 0 ? 2 * pr * re / (pr + re) : 0.0;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: conll path/to/lede.so path/to/valid.txt\n");
        return 2;
    }
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        perror(argv[2]);
        return 2;
    }
    sqlite3 *db;
    char *err = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
        sqlite3_enable_load_extension(db, 1) != SQLITE_OK ||
        sqlite3_load_extension(db, argv[1], NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "conll: cannot load %s: %s\n", argv[1], err ? err : sqlite3_errmsg(db));
        return 2;
    }
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT start, \"end\", label FROM lede_entities(?)", -1, &st,
                           NULL) != SQLITE_OK) {
        fprintf(stderr, "conll: %s\n", sqlite3_errmsg(db));
        return 2;
    }
    doc d = {0};
    score s = {0};
    double seconds = 0;
    size_t bytes = 0, docs = 0;
    char line[4096];
    int new_sentence = 1, status = 0;
    for (;;) {
        int eof = !fgets(line, sizeof line, f);
        size_t n = eof ? 0 : strcspn(line, "\r\n");
        line[n] = '\0';
        int docstart = !eof && strncmp(line, "-DOCSTART-", 10) == 0;
        if ((eof || docstart) && d.ntok) {
            if (run_doc(st, &d, &s, &seconds) != 0) {
                fprintf(stderr, "conll: %s\n", sqlite3_errmsg(db));
                status = 2;
                break;
            }
            bytes += d.len;
            docs++;
            d.len = d.ntok = d.cps = 0;
            new_sentence = 1;
        }
        if (eof)
            break;
        if (docstart)
            continue;
        if (n == 0) { /* end of sentence: the line ends */
            if (!new_sentence)
                d.text[d.len - 1] = '\n';
            new_sentence = 1;
            continue;
        }
        /* word POS chunk NER */
        char *sp = strchr(line, ' ');
        char *tag = strrchr(line, ' ');
        if (!sp || !tag) {
            fprintf(stderr, "conll: malformed line: %s\n", line);
            status = 2;
            break;
        }
        size_t wl = (size_t)(sp - line);
        tag++;
        if (d.len + wl + 2 > d.cap) {
            d.cap = 2 * (d.len + wl + 2) + 4096;
            d.text = xrealloc(d.text, d.cap);
        }
        if (d.ntok == d.tok_cap) {
            d.tok_cap = d.tok_cap ? 2 * d.tok_cap : 1024;
            d.cp_start = xrealloc(d.cp_start, d.tok_cap * sizeof *d.cp_start);
            d.tag_type = xrealloc(d.tag_type, d.tok_cap * sizeof *d.tag_type);
            d.tag_begin = xrealloc(d.tag_begin, d.tok_cap * sizeof *d.tag_begin);
            d.sent_start = xrealloc(d.sent_start, d.tok_cap * sizeof *d.sent_start);
        }
        d.cp_start[d.ntok] = d.cps;
        d.tag_type[d.ntok] =
            (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' ? type_of(tag + 2) : -1;
        d.tag_begin[d.ntok] = tag[0] == 'B';
        d.sent_start[d.ntok] = new_sentence;
        d.ntok++;
        memcpy(d.text + d.len, line, wl);
        d.len += wl;
        d.text[d.len++] = ' ';
        d.cps += utf8_count(line, wl) + 1;
        new_sentence = 0;
    }
    fclose(f);
    sqlite3_finalize(st);
    sqlite3_close(db);
    free(d.text);
    free(d.cp_start);
    free(d.tag_type);
    free(d.tag_begin);
    free(d.sent_start);
    if (status)
        return status;

    size_t g = 0, p = 0, c = 0;
    printf("CoNLL-2003 %s: %zu documents, exact-match entities\n", argv[2], docs);
    printf("type    precision  recall      F1    gold  predicted\n");
    for (int t = 0; t < NTYPES; t++) {
        printf("%-6s  %9.2f  %6.2f  %6.2f  %6zu  %9zu\n", type_names[t],
               100 * ratio(s.correct[t], s.pred[t]), 100 * ratio(s.correct[t], s.gold[t]),
               100 * f1(s.correct[t], s.pred[t], s.gold[t]), s.gold[t], s.pred[t]);
        g += s.gold[t];
        p += s.pred[t];
        c += s.correct[t];
    }
    double overall = f1(c, p, g);
    printf("%-6s  %9.2f  %6.2f  %6.2f  %6zu  %9zu\n", "all", 100 * ratio(c, p), 100 * ratio(c, g),
           100 * overall, g, p);
    printf("speed: %.2f MB of text in %.2f s through SQL: %.2f MB/s\n", (double)bytes / 1e6,
           seconds, seconds > 0 ? (double)bytes / 1e6 / seconds : 0.0);
    if (overall < FLOOR) {
        printf("FAIL: overall F1 %.2f is below the floor %.2f\n", 100 * overall, 100 * FLOOR);
        return 1;
    }
    return 0;
}
