/*
 * test_gold.c: the rules (ext/ner/rules.h) and canonical names
 * (ext/ner/canon.h) against the hand-annotated articles in tests/data/gold.
 *
 * Each NN_name.txt has an NN_name.tsv: its anchor date, then one row per
 * entity (start, end in code points; text; label; canonical; value; unit;
 * country; an empty field is NULL). The article is split into sentences and
 * tokens as lede_entities does; the rules scan each sentence; the predicted
 * DATE, TIME, MONEY, PERCENT, QUANTITY and NORP spans are compared with the
 * gold ones (exact span and label), and for the spans that agree, value,
 * unit and country. Canonical names and countries are then computed for
 * the gold PERSON, ORG, LOC and MISC spans (given as input, as the model
 * would give them) together with the predicted rule spans, in text order,
 * and compared with the gold canonical and country columns.
 *
 * Every mismatch is printed; the test fails when a score falls under the
 * bars below. Set LEDE_GOLD_DIR to read the files from elsewhere.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ner/canon.h"
#include "ner/rules.h"
#include "text/sentences.h"
#include "text/tokens.h"
#include "text/utf8.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The bars: span F1 of the rule labels, and agreement of values, canonical
   names and countries on the spans that match. */
#define BAR_SPAN_F1 0.90
#define BAR_VALUES 0.90
#define BAR_CANONICAL 0.90
#define BAR_COUNTRY 0.90

#define MAX_ROWS 256
#define MAX_TOKS 4096

typedef struct {
    size_t cp_start, cp_end, start, end; /* code points and bytes */
    char text[160], label[16], canonical[160], value[48], unit[16], country[4];
    int matched;
} row;

typedef struct {
    size_t tp, fp, fn;          /* rule spans */
    size_t values, values_ok;   /* value + unit + country on matched rule spans */
    size_t canon, canon_ok;     /* canonical names */
    size_t country, country_ok; /* countries */
} score;

static char *read_all(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)len + 1);
    if (b && fread(b, 1, (size_t)len, f) != (size_t)len) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b) {
        b[len] = '\0';
        *n = (size_t)len;
    }
    return b;
}

static void field(char *dst, size_t cap, const char *src, size_t len) {
    if (len >= cap)
        len = cap - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

/* Byte offset of code point cp in s[0..n). */
static size_t byte_of(const char *s, size_t n, size_t cp) {
    size_t i = 0, k = 0;
    uint32_t c;
    while (i < n && k < cp) {
        i = lede_utf8_next(s, n, i, &c);
        k++;
    }
    return i;
}

static size_t read_rows(const char *tsv, const char *txt, size_t txt_n, row *rows,
                        lede_date *anchor) {
    size_t nrows = 0;
    const char *p = tsv;
    anchor->year = 0;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        if (len > 9 && strncmp(p, "# anchor\t", 9) == 0)
            lede_date_parse_iso(p + 9, len - 9, anchor);
        else if (len && p[0] != '#' && strncmp(p, "start\t", 6) != 0 && nrows < MAX_ROWS) {
            const char *f[8];
            size_t fl[8], nf = 0;
            const char *q = p;
            while (nf < 8) {
                const char *t = memchr(q, '\t', (size_t)(p + len - q));
                f[nf] = q;
                fl[nf] = t ? (size_t)(t - q) : (size_t)(p + len - q);
                nf++;
                if (!t)
                    break;
                q = t + 1;
            }
            row *r = &rows[nrows++];
            memset(r, 0, sizeof *r);
            r->cp_start = strtoul(f[0], NULL, 10);
            r->cp_end = strtoul(f[1], NULL, 10);
            r->start = byte_of(txt, txt_n, r->cp_start);
            r->end = byte_of(txt, txt_n, r->cp_end);
            if (nf > 2)
                field(r->text, sizeof r->text, f[2], fl[2]);
            if (nf > 3)
                field(r->label, sizeof r->label, f[3], fl[3]);
            if (nf > 4)
                field(r->canonical, sizeof r->canonical, f[4], fl[4]);
            if (nf > 5)
                field(r->value, sizeof r->value, f[5], fl[5]);
            if (nf > 6)
                field(r->unit, sizeof r->unit, f[6], fl[6]);
            if (nf > 7)
                field(r->country, sizeof r->country, f[7], fl[7]);
        }
        p = eol ? eol + 1 : p + len;
    }
    return nrows;
}

static int rule_label(const char *l) {
    return !strcmp(l, "DATE") || !strcmp(l, "TIME") || !strcmp(l, "MONEY") ||
           !strcmp(l, "PERCENT") || !strcmp(l, "QUANTITY") || !strcmp(l, "NORP");
}

static lede_ent_label label_of(const char *l) {
    for (int k = 0; k < LEDE_ENT_NLABELS; k++)
        if (!strcmp(lede_ent_label_name((lede_ent_label)k), l))
            return (lede_ent_label)k;
    return LEDE_ENT_MISC;
}

typedef struct {
    size_t start, end; /* bytes */
    lede_ent_label label;
    char value[48], unit[16], country[4];
    row *gold; /* the gold row with this span and label, or NULL */
} pred;

static int cmp_pred(const void *a, const void *b) {
    const pred *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static void check_article(const char *dir, const char *name, score *sc) {
    char path[1024];
    size_t n, tn;
    snprintf(path, sizeof path, "%s/%s.txt", dir, name);
    char *txt = read_all(path, &n);
    snprintf(path, sizeof path, "%s/%s.tsv", dir, name);
    char *tsv = read_all(path, &tn);
    assert_non_null(txt);
    assert_non_null(tsv);
    static row rows[MAX_ROWS];
    lede_date anchor;
    size_t nrows = read_rows(tsv, txt, n, rows, &anchor);
    assert_true(anchor.year > 0);

    /* the rules over each sentence */
    static pred preds[2 * MAX_ROWS];
    static lede_token toks[MAX_TOKS];
    size_t npred = 0;
    lede_rules_ctx rc;
    lede_rules_init(&rc);
    lede_sent_iter it;
    lede_span sp;
    lede_sent_init(&it, txt, n);
    while (lede_sent_next(&it, &sp)) {
        lede_tok_iter ti;
        size_t nt = 0;
        lede_tok_init_at(&ti, txt, sp.byte_end, sp.byte_start, sp.cp_start);
        while (nt < MAX_TOKS && lede_tok_next(&ti, &toks[nt]))
            nt++;
        assert_int_equal(lede_rules_scan(&rc, txt, n, toks, nt, &anchor), LEDE_OK);
        for (size_t k = 0; k < rc.count && npred < 2 * MAX_ROWS; k++) {
            const lede_rules_match *m = &rc.matches[k];
            pred *p = &preds[npred++];
            memset(p, 0, sizeof *p);
            p->start = toks[m->start].span.byte_start;
            p->end = toks[m->end - 1].span.byte_end;
            p->label = m->label;
            field(p->value, sizeof p->value, m->value, strlen(m->value));
            field(p->unit, sizeof p->unit, m->unit, strlen(m->unit));
            field(p->country, sizeof p->country, m->country, strlen(m->country));
        }
    }
    lede_rules_free(&rc);

    /* spans */
    for (size_t k = 0; k < npred; k++) {
        pred *p = &preds[k];
        for (size_t r = 0; r < nrows; r++)
            if (rule_label(rows[r].label) && rows[r].start == p->start && rows[r].end == p->end &&
                label_of(rows[r].label) == p->label) {
                p->gold = &rows[r];
                rows[r].matched = 1;
            }
        if (!p->gold) {
            sc->fp++;
            print_message("%s: extra  %s [%.*s] value=%s\n", name, lede_ent_label_name(p->label),
                          (int)(p->end - p->start), txt + p->start, p->value);
            continue;
        }
        sc->tp++;
        sc->values++;
        if (strcmp(p->value, p->gold->value) || strcmp(p->unit, p->gold->unit) ||
            (p->label != LEDE_ENT_NORP && strcmp(p->country, p->gold->country)))
            print_message("%s: value  %s [%s] %s %s %s, expected %s %s %s\n", name, p->gold->label,
                          p->gold->text, p->value, p->unit, p->country, p->gold->value,
                          p->gold->unit, p->gold->country);
        else
            sc->values_ok++;
    }
    for (size_t r = 0; r < nrows; r++)
        if (rule_label(rows[r].label) && !rows[r].matched) {
            sc->fn++;
            print_message("%s: missed %s [%s] %s\n", name, rows[r].label, rows[r].text,
                          rows[r].value);
        }

    /* canonical names: gold names and predicted rule spans, in text order */
    for (size_t r = 0; r < nrows; r++)
        if (!rule_label(rows[r].label) && npred < 2 * MAX_ROWS) {
            pred *p = &preds[npred++];
            memset(p, 0, sizeof *p);
            p->start = rows[r].start;
            p->end = rows[r].end;
            p->label = label_of(rows[r].label);
            p->gold = &rows[r];
        }
    qsort(preds, npred, sizeof preds[0], cmp_pred);
    lede_canon_ctx cc;
    lede_canon_init(&cc, txt, n, 0);
    for (size_t k = 0; k < npred; k++) {
        pred *p = &preds[k];
        lede_canon_entity e;
        e.byte_start = p->start;
        e.byte_end = p->end;
        e.label = p->label;
        memcpy(e.country, p->country, 3);
        e.country[2] = '\0';
        assert_int_equal(lede_canon_next(&cc, &e), LEDE_OK);
        if (!p->gold)
            continue;
        sc->canon++;
        if (strcmp(e.canonical, p->gold->canonical))
            print_message("%s: canonical %s [%s] \"%s\", expected \"%s\"\n", name, p->gold->label,
                          p->gold->text, e.canonical, p->gold->canonical);
        else
            sc->canon_ok++;
        if (p->label == LEDE_ENT_LOC || p->label == LEDE_ENT_NORP) {
            sc->country++;
            if (strcmp(e.country, p->gold->country))
                print_message("%s: country %s [%s] \"%s\", expected \"%s\"\n", name, p->gold->label,
                              p->gold->text, e.country, p->gold->country);
            else
                sc->country_ok++;
        }
    }
    lede_canon_free(&cc);
    free(txt);
    free(tsv);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static double ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 1.0; }

static void test_gold_articles(void **state) {
    (void)state;
    const char *dir = getenv("LEDE_GOLD_DIR");
    if (!dir)
        dir = "tests/data/gold";
    DIR *d = opendir(dir);
    assert_non_null(d);
    char *names[64];
    size_t nn = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL && nn < 64) {
        size_t len = strlen(de->d_name);
        if (len > 4 && strcmp(de->d_name + len - 4, ".txt") == 0 && de->d_name[0] != '.') {
            names[nn] = malloc(len - 3);
            memcpy(names[nn], de->d_name, len - 4);
            names[nn][len - 4] = '\0';
            nn++;
        }
    }
    closedir(d);
    assert_true(nn >= 6);
    qsort(names, nn, sizeof names[0], cmp_str);
    score sc;
    memset(&sc, 0, sizeof sc);
    for (size_t k = 0; k < nn; k++) {
        check_article(dir, names[k], &sc);
        free(names[k]);
    }
    double p = ratio(sc.tp, sc.tp + sc.fp), r = ratio(sc.tp, sc.tp + sc.fn);
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    print_message("gold: %zu articles; rule spans P %.3f R %.3f F1 %.3f (tp %zu fp %zu fn %zu); "
                  "values %zu/%zu; canonical %zu/%zu; country %zu/%zu\n",
                  nn, p, r, f1, sc.tp, sc.fp, sc.fn, sc.values_ok, sc.values, sc.canon_ok, sc.canon,
                  sc.country_ok, sc.country);
    assert_true(f1 >= BAR_SPAN_F1);
    assert_true(ratio(sc.values_ok, sc.values) >= BAR_VALUES);
    assert_true(ratio(sc.canon_ok, sc.canon) >= BAR_CANONICAL);
    assert_true(ratio(sc.country_ok, sc.country) >= BAR_COUNTRY);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gold_articles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
