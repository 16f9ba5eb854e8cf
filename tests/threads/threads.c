/*
 * threads.c: lede on many threads at once, one connection each.
 *
 *   threads path/to/lede[.so] seconds root [root ...]
 *
 * First, on one connection, runs the workload once and keeps a digest of
 * each query's rows (FNV-1a 64 over every value, its type and the row
 * breaks). Then, while that connection stays open (as an application's
 * would), 8 threads, each with a connection of its own that loads
 * lede itself, run the same queries in turns (each thread starting at a
 * different one) until `seconds` have passed, at least once each, and
 * compare every digest with the single-threaded one. The workload, per
 * root: lede_articles with every column but mtime; lede_sentences over
 * each body; lede_entities over each body, anchored at its published date.
 *
 * Exit status 0 when every run matched, 1 on a mismatch or an error (what
 * differed is printed), 2 on bad usage. `make tsan` runs it under
 * ThreadSanitizer, which reports any data race as an error.
 */
#include <sqlite3.h>

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NTHREADS 8
#define MAX_QUERIES 64

static const char *const workload[] = {
    "SELECT path, size, hash, title, published, dateline, source, authors, body, raw, words, "
    "error FROM lede_articles(?1)",
    "SELECT a.path, s.seq, s.start, s.\"end\", s.text FROM lede_articles(?1) AS a, "
    "lede_sentences(a.body) AS s",
    "SELECT a.path, e.seq, e.start, e.\"end\", e.text, e.label, e.canonical, e.value, e.unit, "
    "e.country, e.sentence FROM lede_articles(?1) AS a, lede_entities(a.body, a.published) AS e",
};
#define NWORK (sizeof workload / sizeof workload[0])

typedef struct {
    const char *sql, *root;
    uint64_t digest;
    long rows;
} query;

static query queries[MAX_QUERIES];
static size_t nqueries;
static const char *lib;
static double seconds;

typedef struct {
    int id;
    long runs, mismatches, errors;
} worker;

static uint64_t fnv(uint64_t h, const void *p, size_t n) {
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3u;
    return h;
}

static sqlite3 *open_db(void) {
    sqlite3 *db = NULL;
    char *err = NULL;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
            SQLITE_OK ||
        sqlite3_enable_load_extension(db, 1) != SQLITE_OK ||
        sqlite3_load_extension(db, lib, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "threads: cannot load %s: %s\n", lib, err ? err : sqlite3_errmsg(db));
        sqlite3_free(err);
        sqlite3_close(db);
        return NULL;
    }
    return db;
}

/* Runs q on db; its digest and row count go to *digest and *rows. 0 on success. */
static int run_query(sqlite3 *db, const query *q, uint64_t *digest, long *rows) {
    sqlite3_stmt *st = NULL;
    uint64_t h = 0xcbf29ce484222325u;
    long n = 0;
    int rc = sqlite3_prepare_v2(db, q->sql, -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, q->root, -1, SQLITE_STATIC);
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(st); c++) {
                unsigned char type = (unsigned char)sqlite3_column_type(st, c);
                const void *v = sqlite3_column_blob(st, c);
                h = fnv(h, &type, 1);
                h = fnv(h, v, v ? (size_t)sqlite3_column_bytes(st, c) : 0);
                h = fnv(h, "|", 1);
            }
            h = fnv(h, "\n", 1);
            n++;
        }
    }
    if (rc != SQLITE_DONE)
        fprintf(stderr, "threads: %s on %s: %s\n", q->sql, q->root, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    *digest = h;
    *rows = n;
    return rc == SQLITE_DONE ? 0 : 1;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void *work(void *arg) {
    worker *w = arg;
    sqlite3 *db = open_db();
    if (!db) {
        w->errors++;
        return NULL;
    }
    double end = now() + seconds;
    size_t k = (size_t)w->id % nqueries;
    do {
        for (size_t i = 0; i < nqueries; i++, k = (k + 1) % nqueries) {
            uint64_t d;
            long rows;
            if (run_query(db, &queries[k], &d, &rows) != 0) {
                w->errors++;
            } else if (d != queries[k].digest || rows != queries[k].rows) {
                fprintf(stderr,
                        "threads: thread %d: %s on %s gave %ld rows (digest %016llx), "
                        "expected %ld (%016llx)\n",
                        w->id, queries[k].sql, queries[k].root, rows, (unsigned long long)d,
                        queries[k].rows, (unsigned long long)queries[k].digest);
                w->mismatches++;
            }
            w->runs++;
        }
    } while (now() < end);
    sqlite3_close(db);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: threads path/to/lede seconds root [root ...]\n");
        return 2;
    }
    lib = argv[1];
    seconds = atof(argv[2]);
    for (int r = 3; r < argc; r++)
        for (size_t i = 0; i < NWORK && nqueries < MAX_QUERIES; i++) {
            queries[nqueries].sql = workload[i];
            queries[nqueries++].root = argv[r];
        }
    sqlite3 *db = open_db();
    if (!db)
        return 1;
    long total_rows = 0;
    for (size_t k = 0; k < nqueries; k++) {
        if (run_query(db, &queries[k], &queries[k].digest, &queries[k].rows) != 0)
            return 1;
        total_rows += queries[k].rows;
    }

    pthread_t tid[NTHREADS];
    worker w[NTHREADS];
    memset(w, 0, sizeof w);
    for (int i = 0; i < NTHREADS; i++) {
        w[i].id = i;
        if (pthread_create(&tid[i], NULL, work, &w[i]) != 0) {
            fprintf(stderr, "threads: cannot start thread %d\n", i);
            return 1;
        }
    }
    long runs = 0, bad = 0;
    for (int i = 0; i < NTHREADS; i++) {
        pthread_join(tid[i], NULL);
        runs += w[i].runs;
        bad += w[i].mismatches + w[i].errors;
    }
    sqlite3_close(db);
    printf("threads: %d threads, %ld query runs over %zu queries (%ld rows single-threaded): "
           "%s\n",
           NTHREADS, runs, nqueries, total_rows,
           bad ? "SOME DIFFERED" : "all identical to the single-threaded run");
    return bad ? 1 : 0;
}
