/*
 * web.c: runs lede's HTML reader (ext/corpus/html.h) over saved pages and
 * prints what it read, one JSON object a line, for tests/eval/web.py.
 *
 *   web [-t] page.html[.gz] ...
 *
 * Each line: {"id": the file name up to its first '.', "title", "published",
 * "source", "url", "dateline" (strings or null), "authors" (the JSON array),
 * "body"}. Gzip-compressed pages are read through zlib. With -t only the
 * time taken is printed (pages, bytes, seconds, pages per second), for
 * tests/bench/bench_html.sh: the pages are read into memory first, and the
 * parse of all of them is timed -r times (default 1), the best run kept; time is the process's
 * CPU time, so other work on a shared machine counts less.
 *
 * Links the core (build/libledecore.a); lede_malloc and friends over malloc.
 */
#include "corpus/html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

void *lede_malloc(size_t n) { return malloc(n); }
void *lede_realloc(void *p, size_t n) { return realloc(p, n); }
void lede_free(void *p) { free(p); }

typedef struct {
    char *s;
    size_t n;
} page;

static int read_page(const char *path, page *p) {
    gzFile f = gzopen(path, "rb");
    if (!f)
        return 0;
    size_t cap = 1 << 16;
    p->s = malloc(cap);
    p->n = 0;
    for (;;) {
        if (!p->s)
            return 0;
        if (cap - p->n < 65536) {
            cap *= 2;
            p->s = realloc(p->s, cap);
            continue;
        }
        int r = gzread(f, p->s + p->n, 65536);
        if (r <= 0)
            break;
        p->n += (size_t)r;
    }
    gzclose(f);
    return 1;
}

static void put_json(const lede_corpus_text *t) {
    if (!t->s) {
        fputs("null", stdout);
        return;
    }
    putchar('"');
    for (size_t i = 0; i < t->n; i++) {
        unsigned char c = (unsigned char)t->s[i];
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c == '\n')
            fputs("\\n", stdout);
        else if (c < 0x20)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    putchar('"');
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    int timing = 0, rounds = 1, i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-t") == 0)
            timing = 1;
        else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
            rounds = atoi(argv[++i]);
        else {
            fprintf(stderr, "usage: web [-t] [-r N] page.html[.gz] ...\n");
            return 2;
        }
    }
    lede_corpus_html_init();
    lede_corpus_article a;
    memset(&a, 0, sizeof a);
    if (timing) {
        size_t np = (size_t)(argc - i), bytes = 0;
        page *pages = calloc(np ? np : 1, sizeof *pages);
        for (size_t k = 0; k < np; k++) {
            if (!read_page(argv[i + (int)k], &pages[k])) {
                fprintf(stderr, "web: cannot read %s\n", argv[i + (int)k]);
                return 1;
            }
            bytes += pages[k].n;
        }
        double best = 0;
        size_t words = 0;
        for (int r = 0; r < (rounds > 0 ? rounds : 1); r++) {
            double t0 = now();
            for (size_t k = 0; k < np; k++) {
                if (lede_corpus_html_parse(&a, pages[k].s, pages[k].n) != LEDE_OK)
                    return 1;
                words += a.body.n;
            }
            double t = now() - t0;
            if (r == 0 || t < best)
                best = t;
        }
        printf("%zu pages, %.1f MB, %.3f s, %.1f pages/s, %zu KB of text a run\n", np, (double)bytes / 1e6,
               best, best > 0 ? (double)np / best : 0.0, words / (size_t)(rounds > 0 ? rounds : 1) / 1000);
        for (size_t k = 0; k < np; k++)
            free(pages[k].s);
        free(pages);
        lede_corpus_article_free(&a);
        return 0;
    }
    for (; i < argc; i++) {
        page p;
        if (!read_page(argv[i], &p)) {
            fprintf(stderr, "web: cannot read %s\n", argv[i]);
            return 1;
        }
        if (lede_corpus_html_parse(&a, p.s, p.n) != LEDE_OK) {
            fprintf(stderr, "web: out of memory on %s\n", argv[i]);
            return 1;
        }
        const char *base = strrchr(argv[i], '/');
        base = base ? base + 1 : argv[i];
        size_t idn = strcspn(base, ".");
        printf("{\"id\":\"%.*s\",\"title\":", (int)idn, base);
        put_json(&a.title);
        fputs(",\"published\":", stdout);
        put_json(&a.published);
        fputs(",\"source\":", stdout);
        put_json(&a.source);
        fputs(",\"url\":", stdout);
        put_json(&a.url);
        fputs(",\"dateline\":", stdout);
        put_json(&a.dateline);
        printf(",\"authors\":%.*s,\"body\":", (int)a.authors.n, a.authors.s);
        put_json(&a.body);
        fputs("}\n", stdout);
        free(p.s);
    }
    lede_corpus_article_free(&a);
    return 0;
}
