/*
 * articles.c: lede_articles(root [, pattern [, max_size]]), the articles in a folder tree.
 *
 *   SELECT path, title, published, source FROM lede_articles('seeds');
 *   SELECT count(*) FROM lede_articles('news', '*.txt') WHERE error IS NULL;
 *   CREATE VIRTUAL TABLE news USING lede_articles(root='news', pattern='*.txt',
 *                                                 max_size=1048576, follow_links=0);
 * Schema (column numbers in the enum below):
 *   CREATE TABLE x(path, size, mtime, hash, title, published, dateline, source, authors,
 *                  body, raw, words, error, root HIDDEN, pattern HIDDEN, max_size HIDDEN)
 * Rows come sorted by path. Walk, glob and parsing rules: ext/corpus/walk.h, glob.h,
 * article.h; hash: hash.h. A NULL argument gives no rows. Errors (SQL): missing root;
 * "cannot open root 'x': <reason>"; a bad pattern or max_size. A file that cannot be
 * read, is binary or too large gives its row with error set and content columns NULL.
 *
 * xBestIndex turns EQ constraints on root, pattern, max_size and path (BINARY) into
 * argv, and colUsed into what each row must do, both in idxNum:
 *   bit 0-2  root, pattern, max_size given (argv in that order)
 *   bit 3    path = ? given (argv last): only that entry is looked up
 *   bit 4    stat the file (size, mtime)
 *   bit 5    read it (hash, raw, error)
 *   bit 6    parse it (title, published, dateline, source, authors, body)
 *   bit 7    count its words (words)
 * A query using only path, size and mtime never opens a file. Each row is read and
 * parsed at most once, on the first column that needs it. ORDER BY path is consumed.
 * Direct-only: views and triggers cannot use it (it reads files).
 */
#include "bind.h"

#include "../corpus/article.h"
#include "../corpus/hash.h"
#include "../corpus/utf16.h"
#include "../corpus/walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

enum {
    ART_COL_PATH,
    ART_COL_SIZE,
    ART_COL_MTIME,
    ART_COL_HASH,
    ART_COL_TITLE,
    ART_COL_PUBLISHED,
    ART_COL_DATELINE,
    ART_COL_SOURCE,
    ART_COL_AUTHORS,
    ART_COL_BODY,
    ART_COL_RAW,
    ART_COL_WORDS,
    ART_COL_ERROR,
    ART_COL_ROOT,
    ART_COL_PATTERN,
    ART_COL_MAX_SIZE
};

#define ART_SCHEMA                                                                                 \
    "CREATE TABLE x(path TEXT, size INTEGER, mtime TEXT, hash TEXT, title TEXT, published "        \
    "TEXT, dateline TEXT, source TEXT, authors TEXT, body TEXT, raw BLOB, words INTEGER, "         \
    "error TEXT, root HIDDEN, pattern HIDDEN, max_size HIDDEN)"

#define ART_USAGE "lede_articles(root [, pattern [, max_size]]): missing argument root"

enum {
    ART_IDX_PATH = 1 << 3,
    ART_NEED_STAT = 1 << 4,
    ART_NEED_READ = 1 << 5,
    ART_NEED_PARSE = 1 << 6,
    ART_NEED_WORDS = 1 << 7
};

typedef struct {
    sqlite3_vtab base;
    sqlite3 *db;
    char *root;             /* root= of CREATE VIRTUAL TABLE, or NULL (sqlite3_malloc) */
    char *pattern;          /* pattern=, or NULL */
    sqlite3_int64 max_size; /* max_size=, or 0 for the default */
    unsigned flags;         /* LEDE_CORPUS_WALK_FOLLOW when follow_links=1 */
} articles_vtab;

typedef struct {
    sqlite3_vtab_cursor base;
    lede_corpus_walk walk;     /* the walk over root */
    lede_corpus_glob glob;     /* over pattern */
    char *root, *pattern;      /* this scan's arguments (sqlite3_malloc) */
    uint64_t limit;            /* max_size in effect */
    int limit_is_sqlite;       /* it is SQLITE_LIMIT_LENGTH, lower than max_size */
    int needs;                 /* ART_NEED_* bits */
    lede_corpus_entry entry;   /* the current row's entry */
    sqlite3_int64 rowid;       /* its number, from 1 */
    int eof;                   /* no current row */
    int have_stat, stat_ok;    /* stat done; size and mtime known */
    int have_read, have_parse; /* read and checked; parsed */
    int have_words;
    lede_corpus_stat st;     /* size and mtime */
    lede_corpus_fault fault; /* why the content is NULL (kind NONE: it is not) */
    lede_corpus_buf buf;     /* the file's bytes */
    lede_corpus_buf utf8;    /* their UTF-8 conversion, when the file is UTF-16 */
    lede_corpus_article art; /* the parsed article */
    sqlite3_int64 words;     /* its word count */
} articles_cursor;

/* ---- arguments of CREATE VIRTUAL TABLE ----------------------------------- */

/* Parses "key = value" (value bare, 'quoted' or "quoted", quotes doubled
   inside) into sqlite3_malloc'd copies. */
static int parse_kv(const char *arg, char **key, char **value) {
    const char *p = arg;
    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    const char *k = p;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_')
        p++;
    size_t klen = (size_t)(p - k);
    while (*p == ' ' || *p == '\t')
        p++;
    if (klen == 0 || *p != '=')
        return 0;
    p++;
    while (*p == ' ' || *p == '\t')
        p++;
    size_t n = strlen(p);
    while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\n'))
        n--;
    *key = sqlite3_mprintf("%.*s", (int)klen, k);
    *value = sqlite3_malloc64(n + 1);
    if (!*key || !*value)
        return -1;
    if (n >= 2 && (p[0] == '\'' || p[0] == '"') && p[n - 1] == p[0]) {
        size_t o = 0;
        for (size_t i = 1; i + 1 < n; i++) {
            (*value)[o++] = p[i];
            if (p[i] == p[0] && p[i + 1] == p[0])
                i++;
        }
        (*value)[o] = '\0';
    } else {
        memcpy(*value, p, n);
        (*value)[n] = '\0';
    }
    return 1;
}

static int parse_size(const char *s, sqlite3_int64 *out) {
    char *end;
    long long v = strtoll(s, &end, 10);
    if (end == s || *end != '\0' || v <= 0)
        return 0;
    *out = v;
    return 1;
}

static int articles_configure(articles_vtab *vt, int argc, const char *const *argv, char **err) {
    for (int i = 3; i < argc; i++) {
        char *key = NULL, *value = NULL;
        int ok = parse_kv(argv[i], &key, &value);
        int rc = SQLITE_OK;
        if (ok < 0) {
            rc = SQLITE_NOMEM;
        } else if (ok == 0) {
            *err = sqlite3_mprintf("lede_articles: expected key=value, got \"%s\"", argv[i]);
            rc = SQLITE_ERROR;
        } else if (sqlite3_stricmp(key, "root") == 0 && !vt->root) {
            vt->root = value;
            value = NULL;
        } else if (sqlite3_stricmp(key, "pattern") == 0 && !vt->pattern) {
            const char *why;
            lede_corpus_glob g;
            if (lede_corpus_glob_init(&g, value, strlen(value), &why) != LEDE_OK) {
                *err = sqlite3_mprintf("lede_articles: invalid pattern '%.60s%s': %s", value,
                                       strlen(value) > 60 ? "..." : "", why);
                rc = SQLITE_ERROR;
            } else {
                vt->pattern = value;
                value = NULL;
            }
        } else if (sqlite3_stricmp(key, "max_size") == 0 && !vt->max_size) {
            if (!parse_size(value, &vt->max_size)) {
                *err = sqlite3_mprintf(
                    "lede_articles: max_size must be a positive number of bytes, got '%s'", value);
                rc = SQLITE_ERROR;
            }
        } else if (sqlite3_stricmp(key, "follow_links") == 0 &&
                   (strcmp(value, "0") == 0 || strcmp(value, "1") == 0)) {
            vt->flags = value[0] == '1' ? LEDE_CORPUS_WALK_FOLLOW : 0;
        } else {
            *err = sqlite3_mprintf("lede_articles: unknown or repeated argument \"%s\" "
                                   "(expected root=, pattern=, max_size=, follow_links=0|1)",
                                   argv[i]);
            rc = SQLITE_ERROR;
        }
        sqlite3_free(key);
        sqlite3_free(value);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

/* ---- the module ------------------------------------------------------------ */

static int articles_disconnect(sqlite3_vtab *vtab) {
    articles_vtab *vt = (articles_vtab *)vtab;
    sqlite3_free(vt->root);
    sqlite3_free(vt->pattern);
    sqlite3_free(vt);
    return SQLITE_OK;
}

/* xConnect and xCreate: nothing is stored, the arguments are kept in the vtab. */
static int articles_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                            sqlite3_vtab **out, char **err) {
    (void)aux;
    int rc = sqlite3_declare_vtab(db, ART_SCHEMA);
    if (rc != SQLITE_OK)
        return rc;
    articles_vtab *vt = sqlite3_malloc64(sizeof *vt);
    if (!vt)
        return SQLITE_NOMEM;
    memset(vt, 0, sizeof *vt);
    vt->db = db;
    rc = articles_configure(vt, argc, argv, err);
    if (rc != SQLITE_OK) {
        articles_disconnect(&vt->base);
        return rc;
    }
    sqlite3_vtab_config(db, SQLITE_VTAB_DIRECTONLY);
    *out = &vt->base;
    return SQLITE_OK;
}

static int articles_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out) {
    (void)vtab;
    articles_cursor *cur = sqlite3_malloc64(sizeof *cur);
    if (!cur)
        return SQLITE_NOMEM;
    memset(cur, 0, sizeof *cur);
    cur->eof = 1;
    *out = &cur->base;
    return SQLITE_OK;
}

static void articles_reset(articles_cursor *cur) {
    lede_corpus_walk_close(&cur->walk);
    sqlite3_free(cur->root);
    sqlite3_free(cur->pattern);
    cur->root = cur->pattern = NULL;
    cur->eof = 1;
}

static int articles_close(sqlite3_vtab_cursor *base) {
    articles_cursor *cur = (articles_cursor *)base;
    articles_reset(cur);
    lede_corpus_buf_free(&cur->buf);
    lede_corpus_buf_free(&cur->utf8);
    lede_corpus_article_free(&cur->art);
    sqlite3_free(cur);
    return SQLITE_OK;
}

static int articles_next(sqlite3_vtab_cursor *base) {
    articles_cursor *cur = (articles_cursor *)base;
    cur->have_stat = cur->stat_ok = cur->have_read = cur->have_parse = cur->have_words = 0;
    lede_rc rc = lede_corpus_walk_next(&cur->walk, &cur->entry);
    if (rc == LEDE_DONE) {
        cur->eof = 1;
        return SQLITE_OK;
    }
    if (rc != LEDE_OK)
        return lede_bind_rc(rc);
    cur->fault = cur->entry.fault;
    cur->rowid++;
    return SQLITE_OK;
}

/* The current entry is a file to stat and read (not a fault of the walk). */
static int row_is_file(const articles_cursor *cur) {
    return cur->entry.fault.kind == LEDE_CORPUS_FAULT_NONE;
}

static int ensure_read(articles_cursor *cur);

static int ensure_stat(articles_cursor *cur) {
    if (cur->have_stat || !row_is_file(cur))
        return SQLITE_OK;
    if (cur->needs & ART_NEED_READ) { /* the read's fstat gives size and mtime for free */
        int rc = ensure_read(cur);
        if (rc != SQLITE_OK || cur->have_stat)
            return rc;
    }
    lede_corpus_fault f;
    lede_rc rc = lede_corpus_walk_stat(&cur->walk, &cur->st, &f);
    cur->have_stat = 1;
    cur->stat_ok = rc == LEDE_OK && f.kind == LEDE_CORPUS_FAULT_NONE;
    return SQLITE_OK;
}

static int ensure_read(articles_cursor *cur) {
    if (cur->have_read || !row_is_file(cur))
        return SQLITE_OK;
    lede_corpus_stat st;
    lede_rc rc = lede_corpus_walk_read(&cur->walk, cur->limit, &cur->buf, &st, &cur->fault);
    if (rc == LEDE_NOMEM)
        return SQLITE_NOMEM;
    cur->have_read = 1;
    lede_corpus_fault_kind k = cur->fault.kind;
    if (rc == LEDE_OK && k != LEDE_CORPUS_FAULT_READ && k != LEDE_CORPUS_FAULT_VANISHED) {
        cur->st = st; /* fstat of the file read: agrees with its content */
        cur->have_stat = cur->stat_ok = 1;
    }
    return SQLITE_OK;
}

/* 1 when the row has content (read without fault). */
static int ensure_parse(articles_cursor *cur, int *rc) {
    *rc = ensure_read(cur);
    if (*rc != SQLITE_OK || !row_is_file(cur) || cur->fault.kind != LEDE_CORPUS_FAULT_NONE)
        return 0;
    if (!cur->have_parse) {
        const char *text = cur->buf.p;
        size_t n = cur->buf.len;
        if (lede_corpus_utf16_detect(text, n) != LEDE_CORPUS_UTF16_NONE) {
            if (lede_corpus_utf16_to_utf8(text, n, &cur->utf8) != LEDE_OK) {
                *rc = SQLITE_NOMEM;
                return 0;
            }
            text = cur->utf8.p;
            n = cur->utf8.len;
        }
        lede_rc r = lede_corpus_article_parse(&cur->art, text, n);
        if (r != LEDE_OK) {
            *rc = lede_bind_rc(r);
            return 0;
        }
        cur->have_parse = 1;
    }
    return 1;
}

/*
 * A parsed field can be longer than the file (each ill-formed byte becomes
 * a three-byte U+FFFD, UTF-16 becomes UTF-8), so it may pass
 * SQLITE_LIMIT_LENGTH even though the file did not: that is an error that
 * names the column and the file, never a cut value.
 */
static void result_text(articles_cursor *cur, sqlite3_context *ctx, int col, lede_corpus_text t) {
    static const char *const names[] = {"title",  "published", "dateline",
                                        "source", "authors",   "body"};
    sqlite3_int64 most = sqlite3_limit(sqlite3_context_db_handle(ctx), SQLITE_LIMIT_LENGTH, -1);
    if (!t.s) {
        sqlite3_result_null(ctx);
    } else if (t.n > (uint64_t)most) {
        char *msg = sqlite3_mprintf("lede_articles: %s of '%.*s' is %llu bytes, above "
                                    "SQLITE_LIMIT_LENGTH (%lld)",
                                    names[col - ART_COL_TITLE], (int)cur->entry.path_len,
                                    cur->entry.path, (unsigned long long)t.n, most);
        if (msg)
            sqlite3_result_error(ctx, msg, -1);
        else
            sqlite3_result_error_nomem(ctx);
        sqlite3_result_error_code(ctx, SQLITE_TOOBIG);
        sqlite3_free(msg);
    } else {
        sqlite3_result_text64(ctx, t.s, t.n, SQLITE_TRANSIENT, SQLITE_UTF8);
    }
}

static int articles_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int col) {
    articles_cursor *cur = (articles_cursor *)base;
    int rc = SQLITE_OK;
    switch (col) {
    case ART_COL_PATH:
        sqlite3_result_text64(ctx, cur->entry.path, cur->entry.path_len, SQLITE_TRANSIENT,
                              SQLITE_UTF8);
        break;
    case ART_COL_SIZE:
    case ART_COL_MTIME: {
        rc = ensure_stat(cur);
        char when[21];
        if (!cur->stat_ok)
            break;
        if (col == ART_COL_SIZE)
            sqlite3_result_int64(ctx, (sqlite3_int64)cur->st.size);
        else if (lede_corpus_format_time(cur->st.mtime, when))
            sqlite3_result_text64(ctx, when, 20, SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    }
    case ART_COL_HASH:
    case ART_COL_RAW:
        rc = ensure_read(cur);
        if (rc != SQLITE_OK || !row_is_file(cur) || cur->fault.kind != LEDE_CORPUS_FAULT_NONE)
            break;
        if (col == ART_COL_RAW) {
            sqlite3_result_blob64(ctx, cur->buf.p, cur->buf.len, SQLITE_TRANSIENT);
        } else {
            char hex[LEDE_CORPUS_HASH_HEX + 1];
            lede_corpus_hash_hex(lede_corpus_hash64(cur->buf.p, cur->buf.len), hex);
            sqlite3_result_text64(ctx, hex, LEDE_CORPUS_HASH_HEX, SQLITE_TRANSIENT, SQLITE_UTF8);
        }
        break;
    case ART_COL_TITLE:
    case ART_COL_PUBLISHED:
    case ART_COL_DATELINE:
    case ART_COL_SOURCE:
    case ART_COL_AUTHORS:
    case ART_COL_BODY: {
        if (!ensure_parse(cur, &rc))
            break;
        const lede_corpus_article *a = &cur->art;
        const lede_corpus_text fields[] = {a->title,  a->published, a->dateline,
                                           a->source, a->authors,   a->body};
        result_text(cur, ctx, col, fields[col - ART_COL_TITLE]);
        break;
    }
    case ART_COL_WORDS:
        if (!ensure_parse(cur, &rc))
            break;
        if (!cur->have_words) {
            cur->words = (sqlite3_int64)lede_corpus_article_words(&cur->art);
            cur->have_words = 1;
        }
        sqlite3_result_int64(ctx, cur->words);
        break;
    case ART_COL_ERROR: {
        rc = ensure_read(cur);
        char msg[160];
        if (rc == SQLITE_OK && cur->fault.kind != LEDE_CORPUS_FAULT_NONE) {
            size_t n = lede_corpus_fault_message(&cur->fault, msg, sizeof msg);
            if (cur->fault.kind == LEDE_CORPUS_FAULT_TOO_LARGE && cur->limit_is_sqlite)
                n += (size_t)snprintf(msg + n, sizeof msg - n, " (SQLITE_LIMIT_LENGTH)");
            sqlite3_result_text64(ctx, msg, n < sizeof msg ? n : sizeof msg - 1, SQLITE_TRANSIENT,
                                  SQLITE_UTF8);
        }
        break;
    }
    case ART_COL_ROOT:
        sqlite3_result_text(ctx, cur->root, -1, SQLITE_TRANSIENT);
        break;
    case ART_COL_PATTERN:
        if (cur->pattern)
            sqlite3_result_text64(ctx, cur->pattern, cur->glob.n, SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    case ART_COL_MAX_SIZE:
        sqlite3_result_int64(ctx, (sqlite3_int64)cur->limit);
        break;
    }
    return rc;
}

static int articles_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid) {
    *rowid = ((articles_cursor *)base)->rowid;
    return SQLITE_OK;
}

static int articles_eof(sqlite3_vtab_cursor *base) { return ((articles_cursor *)base)->eof; }

/* A text argument copied into *out; 0 with *out NULL when it is NULL. */
static int text_arg(sqlite3_value *v, char **out, size_t *len, int *rc) {
    int is_null;
    *rc = lede_bind_text_arg(v, out, len, &is_null);
    return *rc == SQLITE_OK && !is_null;
}

static int articles_filter(sqlite3_vtab_cursor *base, int idx_num, const char *idx_str, int argc,
                           sqlite3_value **argv) {
    articles_cursor *cur = (articles_cursor *)base;
    articles_vtab *vt = (articles_vtab *)base->pVtab;
    (void)idx_str;
    articles_reset(cur);
    sqlite3_value *arg[4] = {NULL, NULL, NULL, NULL}; /* root, pattern, max_size, path */
    for (int k = 0, i = 0; k < 4; k++)
        if ((idx_num & (1 << k)) && i < argc)
            arg[k] = argv[i++];
    int rc = SQLITE_OK;
    size_t root_len = 0, pattern_len = 0, path_len = 0;
    char *path = NULL;

    if (arg[0]) {
        if (!text_arg(arg[0], &cur->root, &root_len, &rc))
            return rc; /* NULL root: no rows */
    } else if (vt->root) {
        cur->root = sqlite3_mprintf("%s", vt->root);
        root_len = cur->root ? strlen(cur->root) : 0;
        if (!cur->root)
            return SQLITE_NOMEM;
    } else {
        return lede_bind_error(base->pVtab, "%s", ART_USAGE);
    }
    if (strlen(cur->root) != root_len)
        return lede_bind_error(base->pVtab, "lede_articles: root contains a NUL byte");

    if (arg[1]) {
        if (!text_arg(arg[1], &cur->pattern, &pattern_len, &rc))
            return rc;
    } else if (vt->pattern) {
        cur->pattern = sqlite3_mprintf("%s", vt->pattern);
        if (!cur->pattern)
            return SQLITE_NOMEM;
        pattern_len = strlen(cur->pattern);
    }
    const char *why;
    if (lede_corpus_glob_init(&cur->glob, cur->pattern, pattern_len, &why) != LEDE_OK)
        return lede_bind_error(base->pVtab, "lede_articles: invalid pattern '%.60s%s': %s",
                               cur->pattern, pattern_len > 60 ? "..." : "", why);

    sqlite3_int64 limit = vt->max_size ? vt->max_size : (sqlite3_int64)LEDE_CORPUS_MAX_SIZE;
    if (arg[2]) {
        if (sqlite3_value_type(arg[2]) == SQLITE_NULL)
            return SQLITE_OK;
        if (sqlite3_value_numeric_type(arg[2]) != SQLITE_INTEGER ||
            (limit = sqlite3_value_int64(arg[2])) <= 0)
            return lede_bind_error(
                base->pVtab, "lede_articles: max_size must be a positive number of bytes, got %Q",
                (const char *)sqlite3_value_text(arg[2]));
    }
    sqlite3_int64 most = sqlite3_limit(vt->db, SQLITE_LIMIT_LENGTH, -1);
    cur->limit = (uint64_t)(limit < most ? limit : most);
    cur->limit_is_sqlite = most < limit;

    int os_errno = 0;
    lede_rc r;
    if (arg[3]) {
        if (!text_arg(arg[3], &path, &path_len, &rc))
            return rc;
        r = lede_corpus_walk_open_path(&cur->walk, cur->root, &cur->glob, vt->flags, path, path_len,
                                       &os_errno);
        sqlite3_free(path);
    } else {
        r = lede_corpus_walk_open(&cur->walk, cur->root, &cur->glob, vt->flags, &os_errno);
    }
    if (r == LEDE_IO) {
        char why_os[128];
        lede_corpus_strerror(os_errno, why_os, sizeof why_os);
        return lede_bind_error(base->pVtab, "lede_articles: cannot open root '%s': %s", cur->root,
                               why_os);
    }
    if (r != LEDE_OK)
        return lede_bind_rc(r);
    cur->needs = idx_num & (ART_NEED_STAT | ART_NEED_READ | ART_NEED_PARSE | ART_NEED_WORDS);
    cur->rowid = 0;
    cur->eof = 0;
    return articles_next(base);
}

static int articles_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
    articles_vtab *vt = (articles_vtab *)vtab;
    int rc = lede_bind_best_index(vtab, info, ART_COL_ROOT, 3, vt->root ? 0 : 1, ART_USAGE);
    if (rc != SQLITE_OK)
        return rc;
    int nargv = 0;
    for (int k = 0; k < 3; k++)
        nargv += (info->idxNum >> k) & 1;
    for (int i = 0; i < info->nConstraint; i++) {
        const struct sqlite3_index_constraint *c = &info->aConstraint[i];
        if (c->iColumn == ART_COL_PATH && c->usable && c->op == SQLITE_INDEX_CONSTRAINT_EQ &&
            sqlite3_stricmp(sqlite3_vtab_collation(info, i), "BINARY") == 0) {
            info->aConstraintUsage[i].argvIndex = nargv + 1;
            info->aConstraintUsage[i].omit = 1;
            info->idxNum |= ART_IDX_PATH;
            info->idxFlags |= SQLITE_INDEX_SCAN_UNIQUE;
            info->estimatedCost = 10.0;
            info->estimatedRows = 1;
            break;
        }
    }
    sqlite3_uint64 used = info->colUsed;
#define ART_USED(c) ((used >> (c)) & 1)
    if (ART_USED(ART_COL_SIZE) || ART_USED(ART_COL_MTIME))
        info->idxNum |= ART_NEED_STAT;
    if (ART_USED(ART_COL_HASH) || ART_USED(ART_COL_RAW) || ART_USED(ART_COL_ERROR))
        info->idxNum |= ART_NEED_READ;
    for (int c = ART_COL_TITLE; c <= ART_COL_BODY; c++)
        if (ART_USED(c))
            info->idxNum |= ART_NEED_READ | ART_NEED_PARSE;
    if (ART_USED(ART_COL_WORDS))
        info->idxNum |= ART_NEED_READ | ART_NEED_PARSE | ART_NEED_WORDS;
#undef ART_USED
    if (!(info->idxNum & ART_IDX_PATH) && info->nOrderBy == 1 &&
        info->aOrderBy[0].iColumn == ART_COL_PATH && !info->aOrderBy[0].desc)
        info->orderByConsumed = 1;
    return SQLITE_OK;
}

static const sqlite3_module articles_module = {
    .iVersion = 0,
    .xCreate = articles_connect, /* nothing to store: CREATE is a connect with arguments */
    .xConnect = articles_connect,
    .xBestIndex = articles_best_index,
    .xDisconnect = articles_disconnect,
    .xDestroy = articles_disconnect,
    .xOpen = articles_open,
    .xClose = articles_close,
    .xFilter = articles_filter,
    .xNext = articles_next,
    .xEof = articles_eof,
    .xColumn = articles_column,
    .xRowid = articles_rowid,
};

int lede_articles_register(sqlite3 *db) {
    return sqlite3_create_module(db, "lede_articles", &articles_module, NULL);
}
