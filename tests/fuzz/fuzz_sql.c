/*
 * fuzz_sql.c: libFuzzer target for lede's SQL surface. The bindings are
 * compiled in with -DSQLITE_CORE and registered on a fresh in-memory
 * database per input with sqlite3_lede_init; the input is read as a short
 * program: which object to call, how many arguments, their types and
 * values (NULL, integers, reals, text, blobs, any bytes), which columns to
 * ask for, limits to lower (SQLITE_LIMIT_LENGTH, the heap), and for
 * lede_articles a root (a small fixed tree made at start-up, a folder in
 * it, a file, a missing path, or random bytes under the tree, never
 * outside it: a root of "/" would walk the whole machine), a pattern, a max_size, a
 * WHERE path = lookup, or a CREATE VIRTUAL TABLE with random arguments.
 *
 * Invariants checked (abort on violation):
 *  - every failure is an SQL error with a message that names lede or is one
 *    of SQLite's own for the limits ("string or blob too big", "out of
 *    memory") or for a wrong argument count; never "SQL logic error" or
 *    "disk I/O error" without words;
 *  - sentences, tokens, entities: seq counts from 0; start < "end"; rows in
 *    order without overlap; substr(CAST(input AS TEXT), start + 1,
 *    "end" - start) = text; every token inside a sentence; every entity
 *    inside the sentence it names; labels, kinds, values and countries of
 *    the documented forms; text columns well-formed UTF-8 or NULL;
 *  - lede_articles: rows sorted by path without repeats; for the tree's
 *    root, the paths are exactly those of the full walk that the pattern
 *    matches (files) or may enter (folder rows ending in '/'), so pruning
 *    never loses a row, and WHERE path = x gives x's row or none likewise;
 *    error and content exclusive; content text UTF-8; published a real date;
 *    authors a JSON array of strings; hash 16 hex digits; size = length(raw);
 *    mtime ISO-8601 UTC;
 *  - lede_version() is the build's version.
 * Scans are also left early (LIMIT) and interrupted mid-way (a progress
 * handler), so cursors are closed in every state.
 * Memory leaks (also on out-of-memory paths) are caught by LeakSanitizer.
 * FUZZ_SQL_TRACE=1 in the environment prints each step and statement, to
 * read what a saved input does.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include "check.h"
#include "corpus/glob.h"
#include "text/utf8.h"

#include <sqlite3.h>

#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int sqlite3_lede_init(sqlite3 *db, char **err, const void *api);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- the fixed tree --------------------------------------------------------- */

static char tree[64];            /* the tree's root, made by mkdtemp */
static char *ref_path[64];       /* the full walk's paths, in order */
static size_t ref_len[64], nref; /* their lengths, how many */

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *f) {
    (void)st;
    (void)flag;
    (void)f;
    return remove(p);
}

static void rm_tree(void) {
    if (tree[0])
        nftw(tree, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void put(const char *rel, const char *bytes, size_t n) {
    char p[256];
    snprintf(p, sizeof p, "%s/%s", tree, rel);
    FILE *f = fopen(p, "wb");
    FUZZ_CHECK(f && fwrite(bytes, 1, n, f) == n && fclose(f) == 0);
}

#define PUT(rel, lit) put(rel, lit, sizeof lit - 1)

static void make_tree(void) {
    snprintf(tree, sizeof tree, "/tmp/lede-fuzz-sql-XXXXXX");
    FUZZ_CHECK(mkdtemp(tree));
    atexit(rm_tree);
    char p[256];
    const char *dirs[] = {"b", "b/d", "empty", ".hid"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", tree, dirs[i]);
        FUZZ_CHECK(mkdir(p, 0755) == 0);
    }
    PUT("a.txt", "Harbour Festival Draws Crowds\n\nBy Mia Holt\n\nOSLO, March 2 (Reuters) - "
                 "Thousands came to the harbour on Saturday.\n\nSource: Harbour Times\n");
    PUT("b/c.txt", "---\ntitle: Rail Link\ndate: 2024-11-04\n---\nThe train left at dawn.\n");
    PUT("b/d/e.md", "Plain text without a title. It goes on.\n");
    PUT("b/d/f.txt", "\xEF\xBB\xBFTOKYO, Jan 7 (KUNA) -- Caf\xC3\xA9 talks.\r\n(end)\r\n");
    PUT("empty.txt", "");
    PUT("bin.dat", "ab\0cd");
    PUT("noise.txt", "\xF1\x80\xC3\xFF\x9A\xBE\xE2\x28\xA1\xC0\xAF\xF8");
    PUT("latin1.txt", "Caf\xE9 society in the old town of Z\xFCrich.\n");
    PUT("utf16.txt", "\xFF\xFEH\0i\0!\0\n\0");
    PUT(".hidden.txt", "hidden\n");
    PUT("sp ace.txt", "Spaces in the name.\n");
    PUT("new\nline.txt", "A newline in the name.\n");
    PUT("\xFF\xFE.txt", "Invalid UTF-8 in the name.\n");
    char big[3000];
    memset(big, 'x', sizeof big);
    put("big.txt", big, sizeof big);
    snprintf(p, sizeof p, "%s/link.txt", tree);
    FUZZ_CHECK(symlink("a.txt", p) == 0);
    snprintf(p, sizeof p, "%s/link-dir", tree);
    FUZZ_CHECK(symlink("b", p) == 0);
    snprintf(p, sizeof p, "%s/dead.txt", tree);
    FUZZ_CHECK(symlink("missing.txt", p) == 0);
    snprintf(p, sizeof p, "%s/b/d/up", tree);
    FUZZ_CHECK(symlink("../..", p) == 0);
}

/* ---- reading the input ------------------------------------------------------ */

typedef struct {
    const uint8_t *p;
    size_t n;
} input;

static unsigned byte(input *in) {
    if (!in->n)
        return 0;
    in->n--;
    return *in->p++;
}

/* Up to max bytes, their count chosen by the input. */
static size_t bytes(input *in, size_t max, const uint8_t **out) {
    size_t k = byte(in);
    if (k == 255)
        k = byte(in) << 8 | byte(in); /* now and then a long one */
    if (k > max)
        k = max;
    if (k > in->n)
        k = in->n;
    *out = in->p;
    in->p += k;
    in->n -= k;
    return k;
}

/* Copies a path's bytes after prefix "tree/" into out (cap bytes), with
   every ".." broken up, so that the path stays inside the tree: random roots
   must never walk the machine's file system. Returns the length. */
static size_t in_tree(const uint8_t *b, size_t k, char *out, size_t cap) {
    size_t o = (size_t)snprintf(out, cap, "%s/", tree);
    for (size_t j = 0; j < k && o < cap - 1; j++)
        out[o++] = b[j] == '.' && j > 0 && b[j - 1] == '.' ? '_' : (char)b[j];
    out[o] = '\0';
    return o;
}

/* Binds a random value to parameter i: NULL, an integer, a real, text or a
   blob; returns its type (SQLITE_NULL, ...). With confine set, every value
   but NULL is a path inside the tree (a number as its text: "0" would be a
   folder of the working directory). */
static int bind_random_in(sqlite3_stmt *st, int i, input *in, int confine) {
    const uint8_t *b;
    size_t k;
    char path[4200];
    uint64_t v = 0;
    unsigned t = byte(in) % 6;
    switch (t) {
    case 0:
        sqlite3_bind_null(st, i);
        break;
    case 1:
        for (int j = 0; j < 8; j++)
            v = v << 8 | byte(in);
        if (confine) {
            char num[32];
            sqlite3_snprintf(sizeof num, num, "%lld", (sqlite3_int64)v);
            k = in_tree((const uint8_t *)num, strlen(num), path, sizeof path);
            sqlite3_bind_text64(st, i, path, k, SQLITE_TRANSIENT, SQLITE_UTF8);
        } else {
            sqlite3_bind_int64(st, i, (sqlite3_int64)v);
        }
        break;
    case 2: {
        double d;
        for (int j = 0; j < 8; j++)
            v = v << 8 | byte(in);
        memcpy(&d, &v, sizeof d);
        if (confine) {
            char num[64];
            sqlite3_snprintf(sizeof num, num, "%!.15g", d);
            k = in_tree((const uint8_t *)num, strlen(num), path, sizeof path);
            sqlite3_bind_text64(st, i, path, k, SQLITE_TRANSIENT, SQLITE_UTF8);
        } else {
            sqlite3_bind_double(st, i, d);
        }
        break;
    }
    case 3:
    case 4:
        k = bytes(in, 4096, &b);
        if (confine) {
            k = in_tree(b, k, path, sizeof path);
            b = (const uint8_t *)path;
        }
        sqlite3_bind_text64(st, i, (const char *)b, k, SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    default:
        k = bytes(in, 4096, &b);
        if (confine) {
            k = in_tree(b, k, path, sizeof path);
            b = (const uint8_t *)path;
        }
        sqlite3_bind_blob64(st, i, b, k, SQLITE_TRANSIENT);
        break;
    }
    return t == 0   ? SQLITE_NULL
           : t == 1 ? SQLITE_INTEGER
           : t == 2 ? SQLITE_FLOAT
           : t <= 4 ? SQLITE_TEXT
                    : SQLITE_BLOB;
}

static int bind_random(sqlite3_stmt *st, int i, input *in) { return bind_random_in(st, i, in, 0); }

/* ---- errors ----------------------------------------------------------------- */

static void check_error(sqlite3 *db, int rc) {
    const char *m = sqlite3_errmsg(db);
    FUZZ_CHECK(rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE);
    FUZZ_CHECK(m && m[0]);
    if (strncmp(m, "lede_", 5) == 0 || strncmp(m, "too many arguments on lede_", 27) == 0 ||
        strcmp(m, "string or blob too big") == 0 || strcmp(m, "out of memory") == 0 ||
        strcmp(m, "interrupted") == 0 ||
        strcmp(m, "wrong number of arguments to function lede_version()") == 0)
        return;
    fprintf(stderr, "unexpected error %d (%d): %s\n", rc, sqlite3_extended_errcode(db), m);
    abort();
}

/* The last error came from a limit the input set (heap or length), not from the call. */
static int limited(sqlite3 *db) {
    int e = sqlite3_errcode(db);
    return e == SQLITE_NOMEM || e == SQLITE_TOOBIG || e == SQLITE_INTERRUPT;
}

static int is_text_or_null(sqlite3_stmt *st, int c) {
    int t = sqlite3_column_type(st, c);
    if (t == SQLITE_NULL)
        return 1;
    if (t != SQLITE_TEXT)
        return 0;
    const char *s = (const char *)sqlite3_column_text(st, c);
    return s && lede_utf8_valid(s, (size_t)sqlite3_column_bytes(st, c));
}

static int col_is(sqlite3_stmt *st, int c, const char *want) {
    const char *s = (const char *)sqlite3_column_text(st, c);
    return s && strcmp(s, want) == 0;
}

/* ---- text functions --------------------------------------------------------- */

static const char *const text_sql[3] = {
    /* sentences: offsets, substr, the tokens inside each sentence and all the tokens */
    "SELECT seq, start, \"end\", text, substr(CAST(?1 AS TEXT), start + 1, \"end\" - start) = "
    "text, (SELECT count(*) FROM lede_tokens(?1) AS t WHERE t.start >= s.start AND t.\"end\" <= "
    "s.\"end\"), CAST(?1 AS TEXT), (SELECT count(*) FROM lede_tokens(?1)) "
    "FROM lede_sentences(%s) AS s",
    "SELECT seq, start, \"end\", text, substr(CAST(?1 AS TEXT), start + 1, \"end\" - start) = "
    "text, kind, norm, CAST(?1 AS TEXT) FROM lede_tokens(%s)",
    "SELECT seq, start, \"end\", text, substr(CAST(?1 AS TEXT), start + 1, \"end\" - start) = "
    "text, label, canonical, value, unit, country, sentence, (SELECT count(*) FROM "
    "lede_sentences(?1) AS s WHERE s.seq = e.sentence AND s.start <= e.start AND e.\"end\" <= "
    "s.\"end\"), CAST(?1 AS TEXT) FROM lede_entities(%s) AS e"};

/*
 * The text column (3) is the input's characters [a, b), counted as SQLite
 * counts them (utf8.h), and SQL's substr() agrees (column 4) unless a NUL
 * comes first: SQLite's substr() and length() stop at the first NUL, so
 * offsets past it cannot be checked in SQL (docs/reliability.md).
 */
static void check_substr(sqlite3_stmt *st, size_t a, size_t b, int input_col) {
    const char *s = (const char *)sqlite3_column_blob(st, input_col);
    size_t n = (size_t)sqlite3_column_bytes(st, input_col), i = 0, cp = 0, bs = 0;
    uint32_t c;
    FUZZ_CHECK(sqlite3_column_type(st, input_col) == SQLITE_TEXT);
    while (i < n && cp < b) {
        if (cp == a)
            bs = i;
        i = lede_utf8_next(s, n, i, &c);
        cp++;
    }
    FUZZ_CHECK(cp == b);
    const char *t = (const char *)sqlite3_column_blob(st, 3);
    size_t tn = (size_t)sqlite3_column_bytes(st, 3);
    FUZZ_CHECK(tn == i - bs && memcmp(t, s + bs, tn) == 0);
    if (!memchr(s, '\0', i))
        FUZZ_CHECK(sqlite3_column_int(st, 4) == 1);
}

static void run_text(sqlite3 *db, int which, input *in) {
    int nargs = (int)(byte(in) % 5); /* sentences and tokens take 1, entities 1 to 3 */
    char args[32] = "", sql[1024];
    for (int i = 1; i <= nargs; i++)
        snprintf(args + strlen(args), sizeof args - strlen(args), "%s?%d", i > 1 ? ", " : "", i);
    snprintf(sql, sizeof sql, text_sql[which], args);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) {
        check_error(db, rc);
        FUZZ_CHECK(limited(db) || nargs == 0 || nargs > (which == 2 ? 3 : 1));
        return;
    }
    int n = nargs ? nargs : 1;
    for (int i = 1; i <= n; i++) {
        if (which == 2 && i == 2 && byte(in) % 2) { /* a real anchor date, years 0000-9999 */
            char date[16];
            unsigned y = (byte(in) << 8 | byte(in)) % 10000, m = byte(in) % 12 + 1;
            snprintf(date, sizeof date, "%04u-%02u-%02u", y, m, byte(in) % 28 + 1);
            sqlite3_bind_text(st, i, date, -1, SQLITE_TRANSIENT);
        } else if (which == 2 && i == 3 && byte(in) % 2) { /* a real scheme */
            sqlite3_bind_text(st, i, byte(in) % 2 ? "conll" : "ontonotes", -1, SQLITE_STATIC);
        } else {
            bind_random(st, i, in);
        }
    }
    sqlite3_int64 seq = 0, prev_end = 0, inside = 0, all = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        FUZZ_CHECK(sqlite3_column_int64(st, 0) == seq++);
        sqlite3_int64 a = sqlite3_column_int64(st, 1), b = sqlite3_column_int64(st, 2);
        FUZZ_CHECK(a >= prev_end && b > a);
        prev_end = b;
        FUZZ_CHECK(sqlite3_column_type(st, 3) == SQLITE_TEXT);
        check_substr(st, (size_t)a, (size_t)b, which == 0 ? 6 : which == 1 ? 7 : 12);
        if (which == 0) {
            inside += sqlite3_column_int64(st, 5);
            all = sqlite3_column_int64(st, 7);
        } else if (which == 1) {
            const char *k = (const char *)sqlite3_column_text(st, 5);
            FUZZ_CHECK(k && (!strcmp(k, "word") || !strcmp(k, "number") || !strcmp(k, "punct") ||
                             !strcmp(k, "symbol") || !strcmp(k, "url") || !strcmp(k, "email")));
            FUZZ_CHECK(sqlite3_column_type(st, 6) == SQLITE_TEXT && is_text_or_null(st, 6));
        } else {
            const char *label = (const char *)sqlite3_column_text(st, 5);
            FUZZ_CHECK(label && fuzz_is_label(label));
            for (int c = 6; c <= 9; c++)
                FUZZ_CHECK(is_text_or_null(st, c));
            const char *v = (const char *)sqlite3_column_text(st, 7);
            FUZZ_CHECK(fuzz_is_entity_value(label, v, (size_t)sqlite3_column_bytes(st, 7)));
            const char *country = (const char *)sqlite3_column_text(st, 9);
            FUZZ_CHECK(!country || (country[0] && fuzz_is_country(country, strlen(country))));
            FUZZ_CHECK(sqlite3_column_int(st, 11) == 1);
        }
    }
    if (rc != SQLITE_DONE) {
        check_error(db, rc);
    } else {
        FUZZ_CHECK(nargs >= 1 && nargs <= (which == 2 ? 3 : 1));
        FUZZ_CHECK(inside == all); /* every token lies in a sentence */
    }
    sqlite3_finalize(st);
}

/* ---- lede_articles ---------------------------------------------------------- */

static const char *const art_cols[] = {"size",     "mtime",  "hash",    "title",   "published",
                                       "dateline", "source", "authors", "body",    "raw",
                                       "words",    "error",  "root",    "pattern", "max_size"};
enum { NCOLS = sizeof art_cols / sizeof art_cols[0] };

/* Which rows the full walk's list gives for pattern g (the tree as root). */
static int ref_wanted(const lede_corpus_glob *g, size_t i) {
    size_t n = ref_len[i];
    if (n && ref_path[i][n - 1] == '/')
        return lede_corpus_glob_may_enter(g, ref_path[i], n - 1);
    return lede_corpus_glob_match(g, ref_path[i], n);
}

static int hex16(const char *s, size_t n) {
    if (n != 16)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return 1;
}

static int is_mtime(const char *s, size_t n) {
    return n == 20 && fuzz_is_date(s, 10) && s[10] == 'T' && s[13] == ':' && s[16] == ':' &&
           s[19] == 'Z';
}

/* Checks one row; col[k] is the result column of art_cols[k], or -1. */
static void check_article_row(sqlite3_stmt *st, const int *col) {
    int c_err = col[11];
    int is_folder = 0;
    size_t pn = (size_t)sqlite3_column_bytes(st, 0);
    const char *path = (const char *)sqlite3_column_text(st, 0);
    FUZZ_CHECK(path && pn > 0);
    is_folder = path[pn - 1] == '/';
    int failed = c_err >= 0 && sqlite3_column_type(st, c_err) != SQLITE_NULL;
    if (c_err >= 0)
        FUZZ_CHECK(is_text_or_null(st, c_err));
    for (int k = 3; k <= 10; k++) { /* title .. words */
        if (col[k] < 0)
            continue;
        int null = sqlite3_column_type(st, col[k]) == SQLITE_NULL;
        if (failed || is_folder)
            FUZZ_CHECK(null);
        else if (c_err >= 0 && k != 3 && k != 4 && k != 5 && k != 6)
            FUZZ_CHECK(!null); /* authors, body, raw, words are never NULL for a read file */
        if (k <= 8)
            FUZZ_CHECK(is_text_or_null(st, col[k]));
    }
    if (col[2] >= 0 && sqlite3_column_type(st, col[2]) != SQLITE_NULL)
        FUZZ_CHECK(hex16((const char *)sqlite3_column_text(st, col[2]),
                         (size_t)sqlite3_column_bytes(st, col[2])));
    if (col[4] >= 0 && sqlite3_column_type(st, col[4]) != SQLITE_NULL)
        FUZZ_CHECK(fuzz_is_date((const char *)sqlite3_column_text(st, col[4]),
                                (size_t)sqlite3_column_bytes(st, col[4])));
    if (col[7] >= 0 && sqlite3_column_type(st, col[7]) != SQLITE_NULL)
        FUZZ_CHECK(fuzz_is_json_names((const char *)sqlite3_column_text(st, col[7]),
                                      (size_t)sqlite3_column_bytes(st, col[7])));
    if (col[1] >= 0 && sqlite3_column_type(st, col[1]) != SQLITE_NULL)
        FUZZ_CHECK(is_mtime((const char *)sqlite3_column_text(st, col[1]),
                            (size_t)sqlite3_column_bytes(st, col[1])));
    if (col[0] >= 0 && col[9] >= 0 && sqlite3_column_type(st, col[9]) != SQLITE_NULL)
        FUZZ_CHECK(sqlite3_column_int64(st, col[0]) == sqlite3_column_bytes(st, col[9]));
    if (col[10] >= 0 && sqlite3_column_type(st, col[10]) != SQLITE_NULL)
        FUZZ_CHECK(sqlite3_column_int64(st, col[10]) >= 0);
}

static void run_articles(sqlite3 *db, input *in) {
    unsigned how = byte(in);
    unsigned mask = byte(in) | byte(in) << 8;
    int nargs = (int)(how % 5); /* 0..4: none, root, + pattern, + max_size, one too many */
    int where = (how >> 3) & 1, order = (how >> 4) & 3, limit = how >> 6;
    char sql[1024], cols[512] = "path";
    int col[NCOLS], ncol = 1;
    for (int k = 0; k < NCOLS; k++) {
        col[k] = -1;
        if (mask & (1u << k)) {
            snprintf(cols + strlen(cols), sizeof cols - strlen(cols), ", %s", art_cols[k]);
            col[k] = ncol++;
        }
    }
    char args[32] = "";
    for (int i = 1; i <= nargs; i++)
        snprintf(args + strlen(args), sizeof args - strlen(args), "%s?%d", i > 1 ? ", " : "", i);
    snprintf(sql, sizeof sql, "SELECT %s FROM lede_articles(%s)%s%s%s", cols, args,
             where ? " WHERE path = ?9" : "",
             order == 1   ? " ORDER BY path"
             : order == 2 ? " ORDER BY path DESC"
                          : "",
             limit == 1   ? " LIMIT 1"
             : limit == 2 ? " LIMIT 3"
                          : ""); /* a scan left early */
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) {
        check_error(db, rc);
        FUZZ_CHECK(limited(db) || nargs == 0 || nargs == 4);
        return;
    }

    /* root: the tree, a folder in it, a file, a missing path, or any value */
    char root[128];
    unsigned r = byte(in) % 6;
    int root_is_tree = 0, null_arg = 0;
    const char *rel[] = {"", "/b", "/a.txt", "/missing", "/link-dir"};
    if (r < 5) {
        snprintf(root, sizeof root, "%s%s", tree, rel[r]);
        sqlite3_bind_text(st, 1, root, -1, SQLITE_TRANSIENT);
        root_is_tree = r == 0;
    } else {
        null_arg |= bind_random_in(st, 1, in, 1) == SQLITE_NULL;
    }
    /* pattern: NULL or text (a random value now and then) */
    const uint8_t *pb = NULL;
    size_t pn = 0;
    int pattern_text = 0;
    if (nargs >= 2) {
        unsigned t = byte(in) % 4;
        if (t == 0) {
            sqlite3_bind_null(st, 2);
            null_arg = 1;
        } else if (t == 3) {
            null_arg |= bind_random(st, 2, in) == SQLITE_NULL;
            root_is_tree = 0; /* its text is not known here: skip the comparison */
        } else {
            pn = bytes(in, 300, &pb);
            sqlite3_bind_text64(st, 2, (const char *)pb, pn, SQLITE_TRANSIENT, SQLITE_UTF8);
            pattern_text = 1;
        }
    }
    if (nargs >= 3) {
        unsigned t = byte(in) % 3;
        if (t == 0)
            sqlite3_bind_int64(st, 3, (sqlite3_int64)(byte(in) << 8 | byte(in)) - 10);
        else
            null_arg |= bind_random(st, 3, in) == SQLITE_NULL;
    }
    const uint8_t *wb = NULL;
    size_t wn = 0;
    if (where) {
        if (byte(in) % 2 && nref) {
            size_t i = byte(in) % nref;
            wb = (const uint8_t *)ref_path[i];
            wn = ref_len[i];
        } else {
            wn = bytes(in, 200, &wb);
        }
        sqlite3_bind_text64(st, 9, (const char *)wb, wn, SQLITE_TRANSIENT, SQLITE_UTF8);
    }

    char *got[64];
    size_t got_len[64], ngot = 0;
    int complete = limit == 0 || limit == 3;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        check_article_row(st, col);
        const char *p = (const char *)sqlite3_column_text(st, 0);
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        if (ngot < 64) {
            got[ngot] = malloc(n + 1);
            FUZZ_CHECK(got[ngot]);
            memcpy(got[ngot], p, n);
            got_len[ngot++] = n;
        } else {
            complete = 0;
        }
    }
    if (rc != SQLITE_DONE) {
        check_error(db, rc);
        complete = 0;
    } else {
        FUZZ_CHECK(nargs >= 1 && nargs <= 3);
    }
    /* sorted without repeats (reversed for ORDER BY path DESC) */
    for (size_t i = 1; i < ngot; i++) {
        size_t a = order == 2 ? i : i - 1, b = order == 2 ? i - 1 : i;
        size_t m = got_len[a] < got_len[b] ? got_len[a] : got_len[b];
        int c = memcmp(got[a], got[b], m);
        FUZZ_CHECK(c < 0 || (c == 0 && got_len[a] < got_len[b]));
    }
    if (getenv("FUZZ_SQL_TRACE"))
        fprintf(stderr, "%s: %zu rows, rc %d %s\n", sql, ngot, rc,
                rc == SQLITE_DONE ? "" : sqlite3_errmsg(db));
    if (rc == SQLITE_DONE && null_arg)
        FUZZ_CHECK(ngot == 0); /* a NULL argument gives no rows */
    /* the tree as root with a text pattern or none: the full walk's rows, filtered */
    lede_corpus_glob g;
    if (complete && root_is_tree && !null_arg &&
        lede_corpus_glob_init(&g, pattern_text ? (const char *)pb : NULL, pn, NULL) == LEDE_OK) {
        size_t k = 0;
        for (size_t i = 0; i < nref; i++) {
            if (!ref_wanted(&g, i))
                continue;
            if (where && (wn != ref_len[i] || memcmp(wb, ref_path[i], wn) != 0))
                continue;
            size_t j = order == 2 ? ngot - 1 - k : k;
            FUZZ_CHECK(k < ngot && got_len[j] == ref_len[i] &&
                       memcmp(got[j], ref_path[i], ref_len[i]) == 0);
            k++;
        }
        FUZZ_CHECK(k == ngot);
    }
    for (size_t i = 0; i < ngot; i++)
        free(got[i]);
    sqlite3_finalize(st);
}

/* CREATE VIRTUAL TABLE with random key=value arguments, a query, DROP. */
static void run_create(sqlite3 *db, input *in) {
    static const char *const keys[] = {"root",         "pattern", "max_size",
                                       "follow_links", "colour",  "ROOT"};
    char sql[2048];
    int nkv = (int)(byte(in) % 5);
    size_t len =
        (size_t)snprintf(sql, sizeof sql, "CREATE VIRTUAL TABLE temp.t USING lede_articles(");
    for (int i = 0; i < nkv; i++) {
        unsigned k = byte(in);
        const uint8_t *v;
        size_t vn = bytes(in, 100, &v);
        char val[256];
        size_t o = 0;
        unsigned quote = k >> 4 & 3; /* bare, '', "", or a tree path */
        char rooted[256]; /* a root's value stays inside the tree */
        if (k % 6 == 0 || k % 6 == 5) {
            vn = in_tree(v, vn, rooted, 100 + sizeof tree);
            v = (const uint8_t *)rooted;
        }
        if (quote == 3) {
            o = (size_t)snprintf(val, sizeof val, "'%s'", tree);
        } else {
            if (quote)
                val[o++] = quote == 1 ? '\'' : '"';
            for (size_t j = 0; j < vn && o < sizeof val - 4; j++) {
                char c = (char)v[j];
                if (c == '\0' || c == ',' || c == ')' || c == '(' || c == ';')
                    c = '_'; /* keep the statement one statement */
                if (quote && c == val[0])
                    val[o++] = c; /* doubled inside */
                val[o++] = c;
            }
            if (quote)
                val[o++] = val[0];
            val[o] = '\0';
        }
        len += (size_t)snprintf(sql + len, sizeof sql - len, "%s%s=%s", i ? ", " : "", keys[k % 6],
                                val);
        if (len >= sizeof sql - 300)
            break;
    }
    snprintf(sql + len, sizeof sql - len, ")");
    char *err = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
    sqlite3_free(err);
    if (rc != SQLITE_OK)
        return; /* the statement may not even parse: any message will do */
    sqlite3_stmt *st = NULL;
    const char *q = byte(in) % 2 ? "SELECT path, error, words FROM temp.t"
                                 : "SELECT path, error, body FROM temp.t(?1)";
    if (sqlite3_prepare_v2(db, q, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_bind_parameter_count(st))
            bind_random_in(st, 1, in, 1);
        int col[NCOLS];
        for (int k = 0; k < NCOLS; k++)
            col[k] = -1;
        col[11] = 1;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            check_article_row(st, col);
        if (rc != SQLITE_DONE)
            check_error(db, rc);
        sqlite3_finalize(st);
    } else {
        check_error(db, sqlite3_errcode(db));
    }
    sqlite3_exec(db, "DROP TABLE temp.t", NULL, NULL, NULL); /* may fail under a tight heap */
}

static void run_version(sqlite3 *db, input *in) {
    int nargs = (int)(byte(in) % 3);
    const char *sql[] = {"SELECT lede_version()", "SELECT lede_version(?1)",
                         "SELECT lede_version(?1, ?2)"};
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql[nargs], -1, &st, NULL);
    if (rc != SQLITE_OK) {
        check_error(db, rc);
        FUZZ_CHECK(limited(db) || nargs > 0);
        return;
    }
    FUZZ_CHECK(nargs == 0);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        FUZZ_CHECK(col_is(st, 0, LEDE_VERSION));
    else
        check_error(db, rc);
    sqlite3_finalize(st);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    make_tree();
    sqlite3 *db;
    char *err = NULL;
    FUZZ_CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
    FUZZ_CHECK(sqlite3_lede_init(db, &err, NULL) == SQLITE_OK);
    sqlite3_stmt *st;
    FUZZ_CHECK(sqlite3_prepare_v2(db, "SELECT path FROM lede_articles(?1)", -1, &st, NULL) ==
               SQLITE_OK);
    sqlite3_bind_text(st, 1, tree, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW && nref < 64) {
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        ref_path[nref] = malloc(n + 1);
        FUZZ_CHECK(ref_path[nref]);
        memcpy(ref_path[nref], sqlite3_column_text(st, 0), n + 1);
        ref_len[nref++] = n;
    }
    FUZZ_CHECK(nref == 17); /* the walk of make_tree's files and faults */
    sqlite3_finalize(st);
    sqlite3_close(db);
    return 0;
}

static int interrupt(void *arg) {
    (void)arg;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 1 << 14)
        return 0;
    input in = {data, size};
    sqlite3 *db;
    char *err = NULL;
    FUZZ_CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
    FUZZ_CHECK(sqlite3_lede_init(db, &err, NULL) == SQLITE_OK);
    for (int step = 0; step < 6 && in.n; step++) {
        unsigned op = byte(&in);
        sqlite3_int64 heap = 0;
        if (op & 0x80) { /* a tight heap for this statement */
            heap = sqlite3_memory_used() + (sqlite3_int64)(byte(&in) << 10);
            sqlite3_hard_heap_limit64(heap);
        }
        if (op & 0x40) /* interrupted after a number of virtual machine steps */
            sqlite3_progress_handler(db, 1 + (int)byte(&in) * 8, interrupt, NULL);
        if (getenv("FUZZ_SQL_TRACE"))
            fprintf(stderr, "op %u heap %lld\n", op % 8, (long long)heap);
        switch (op % 8) {
        case 0:
            run_version(db, &in);
            break;
        case 1:
        case 2:
        case 3:
            run_text(db, (int)(op % 8) - 1, &in);
            break;
        case 4:
        case 5:
            run_articles(db, &in);
            break;
        case 6:
            run_create(db, &in);
            break;
        default:
            /* from 512 bytes up: below about 300, SQLite cannot even declare a table's schema */
            sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 512 + (int)(byte(&in) << 6));
            break;
        }
        if (heap)
            sqlite3_hard_heap_limit64(0);
        sqlite3_progress_handler(db, 0, NULL, NULL);
    }
    FUZZ_CHECK(sqlite3_close(db) == SQLITE_OK);
    return 0;
}
