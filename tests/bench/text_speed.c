/*
 * text_speed.c: lede_sentences and lede_tokens through SQL, as a program
 * that embeds SQLite runs them: the text is bound to the statement
 * (sqlite3_bind_text, SQLITE_STATIC, with its terminating NUL so that
 * SQLite need not copy it to add one), so what is timed is the statement
 * alone: the table-valued function (which takes its own copy of the
 * input), SQLite's cost of each row, and count(*).
 *
 *   cc -O2 -o build/tests/text_speed tests/bench/text_speed.c -lsqlite3
 *   build/tests/text_speed build/lede.so TEXTFILE [RUNS]
 *
 * For each query it prints one line "NAME CPU_BEST WALL_MEDIAN ROWS": the
 * best CPU time (user + sys, seconds) and the median wall time of RUNS
 * runs (default 5), interleaved so that a busy spell of the machine falls
 * on every query alike:
 *
 *   sentences  SELECT count(*) FROM lede_sentences(?1)
 *   tokens     SELECT count(*) FROM lede_tokens(?1)
 *   plain      SELECT length(?1)             a plain pass: SQLite counts the characters
 *   rows_s     SELECT count(*) FROM ts_rows(N)   N = the sentences' rows
 *   rows_t     the same with N = the tokens' rows
 *
 * ts_rows is a table-valued function of this program that does nothing
 * but count to N: SQLite's own cost of N rows of a table-valued function,
 * the least any of them can cost.
 *
 * Nothing is asserted here; tests/bench/bench_text.sh turns the lines into
 * MB/s beside their floors.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <sqlite3.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

enum { TS_QUERIES = 5, TS_MAX_RUNS = 50 };

/* ts_rows(N): N rows of one column, and nothing else. */
typedef struct {
    sqlite3_vtab_cursor base;
    sqlite3_int64 i, n;
} ts_cursor;

static int ts_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                      sqlite3_vtab **out, char **err) {
    (void)aux, (void)argc, (void)argv, (void)err;
    int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(i INTEGER, n HIDDEN)");
    if (rc != SQLITE_OK)
        return rc;
    *out = sqlite3_malloc64(sizeof **out);
    if (!*out)
        return SQLITE_NOMEM;
    memset(*out, 0, sizeof **out);
    return SQLITE_OK;
}

static int ts_disconnect(sqlite3_vtab *vt) {
    sqlite3_free(vt);
    return SQLITE_OK;
}

static int ts_best_index(sqlite3_vtab *vt, sqlite3_index_info *info) {
    (void)vt;
    for (int i = 0; i < info->nConstraint; i++)
        if (info->aConstraint[i].iColumn == 1 && info->aConstraint[i].usable &&
            info->aConstraint[i].op == SQLITE_INDEX_CONSTRAINT_EQ) {
            info->aConstraintUsage[i].argvIndex = 1;
            info->aConstraintUsage[i].omit = 1;
            return SQLITE_OK;
        }
    return SQLITE_CONSTRAINT;
}

static int ts_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out) {
    (void)vt;
    ts_cursor *c = sqlite3_malloc64(sizeof *c);
    if (!c)
        return SQLITE_NOMEM;
    memset(c, 0, sizeof *c);
    *out = &c->base;
    return SQLITE_OK;
}

static int ts_close(sqlite3_vtab_cursor *cur) {
    sqlite3_free(cur);
    return SQLITE_OK;
}

static int ts_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxs, int argc,
                     sqlite3_value **argv) {
    (void)idx, (void)idxs;
    ts_cursor *c = (ts_cursor *)cur;
    c->i = 0;
    c->n = argc > 0 ? sqlite3_value_int64(argv[0]) : 0;
    return SQLITE_OK;
}

static int ts_next(sqlite3_vtab_cursor *cur) {
    ((ts_cursor *)cur)->i++;
    return SQLITE_OK;
}

static int ts_eof(sqlite3_vtab_cursor *cur) {
    return ((ts_cursor *)cur)->i >= ((ts_cursor *)cur)->n;
}

static int ts_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
    ts_cursor *c = (ts_cursor *)cur;
    sqlite3_result_int64(ctx, col == 0 ? c->i : c->n);
    return SQLITE_OK;
}

static int ts_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
    *rowid = ((ts_cursor *)cur)->i;
    return SQLITE_OK;
}

static const sqlite3_module ts_rows_module = {
    .xConnect = ts_connect,
    .xBestIndex = ts_best_index,
    .xDisconnect = ts_disconnect,
    .xOpen = ts_open,
    .xClose = ts_close,
    .xFilter = ts_filter,
    .xNext = ts_next,
    .xEof = ts_eof,
    .xColumn = ts_column,
    .xRowid = ts_rowid,
};

static double ts_cpu(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static double ts_wall(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Runs sql once with text bound to ?1 (when it has a parameter); the first
   column of its one row goes to *out. Returns 0, or 1 after printing the
   error. */
static int ts_run(sqlite3 *db, const char *sql, const char *text, sqlite3_int64 *out) {
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "text_speed: %s: %s\n", sql, sqlite3_errmsg(db));
        return 1;
    }
    if (sqlite3_bind_parameter_count(st) > 0 &&
        sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC) != SQLITE_OK) {
        fprintf(stderr, "text_speed: binding the text: %s\n", sqlite3_errmsg(db));
        sqlite3_finalize(st);
        return 1;
    }
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(st, 0);
    rc = sqlite3_finalize(st);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "text_speed: %s: %s\n", sql, sqlite3_errmsg(db));
        return 1;
    }
    return 0;
}

static int ts_cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static char *ts_read(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *more = realloc(buf, cap * 2);
            if (!more) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = more;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0'; /* n < cap: the loop grows buf whenever it is full */
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: text_speed path/to/lede.so TEXTFILE [RUNS]\n");
        return 2;
    }
    int runs = argc > 3 ? atoi(argv[3]) : 5;
    if (runs < 1 || runs > TS_MAX_RUNS) {
        fprintf(stderr, "text_speed: RUNS must be 1 to %d\n", TS_MAX_RUNS);
        return 2;
    }
    size_t len = 0;
    char *text = ts_read(argv[2], &len);
    if (!text) {
        fprintf(stderr, "text_speed: cannot read %s\n", argv[2]);
        return 1;
    }
    sqlite3 *db = NULL;
    char *err = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
        sqlite3_enable_load_extension(db, 1) != SQLITE_OK ||
        sqlite3_load_extension(db, argv[1], NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "text_speed: loading %s: %s\n", argv[1], err ? err : sqlite3_errmsg(db));
        sqlite3_free(err);
        sqlite3_close(db);
        free(text);
        return 1;
    }
    if (sqlite3_create_module(db, "ts_rows", &ts_rows_module, NULL) != SQLITE_OK) {
        fprintf(stderr, "text_speed: %s\n", sqlite3_errmsg(db));
        sqlite3_close(db);
        free(text);
        return 1;
    }
    const char *names[TS_QUERIES] = {"sentences", "tokens", "plain", "rows_s", "rows_t"};
    char sql[TS_QUERIES][128] = {"SELECT count(*) FROM lede_sentences(?1)",
                                 "SELECT count(*) FROM lede_tokens(?1)", "SELECT length(?1)", "",
                                 ""};
    sqlite3_int64 rows[TS_QUERIES] = {0};
    int bad = 0;
    /* a first run of each function: warms the caches, gives the row counts */
    for (int q = 0; q < 2 && !bad; q++)
        bad = ts_run(db, sql[q], text, &rows[q]);
    snprintf(sql[3], sizeof sql[3], "SELECT count(*) FROM ts_rows(%lld)",
             (long long)rows[0]);
    snprintf(sql[4], sizeof sql[4], "SELECT count(*) FROM ts_rows(%lld)",
             (long long)rows[1]);
    double cpu[TS_QUERIES][TS_MAX_RUNS], wall[TS_QUERIES][TS_MAX_RUNS];
    for (int r = 0; r < runs && !bad; r++)
        for (int q = 0; q < TS_QUERIES && !bad; q++) {
            double c0 = ts_cpu(), w0 = ts_wall();
            bad = ts_run(db, sql[q], text, &rows[q]);
            cpu[q][r] = ts_cpu() - c0;
            wall[q][r] = ts_wall() - w0;
        }
    if (!bad)
        for (int q = 0; q < TS_QUERIES; q++) {
            qsort(cpu[q], (size_t)runs, sizeof cpu[q][0], ts_cmp);
            qsort(wall[q], (size_t)runs, sizeof wall[q][0], ts_cmp);
            printf("%s %.4f %.4f %lld\n", names[q], cpu[q][0], wall[q][runs / 2],
                   (long long)rows[q]);
        }
    sqlite3_close(db);
    free(text);
    return bad;
}
