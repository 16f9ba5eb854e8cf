/*
 * articles.c: lede_articles(root [, pattern [, max_size]]), the articles in a folder tree.
 *
 *   SELECT path, title, published, source FROM lede_articles('seeds');
 *   SELECT count(*) FROM lede_articles('news', '*.txt') WHERE error IS NULL;
 *   CREATE VIRTUAL TABLE news USING lede_articles(root='news', pattern='*.txt',
 *                                                 max_size=1048576, follow_links=0);
 * Schema (column numbers in the enum below):
 *   CREATE TABLE x(path, size, mtime, hash, title, published, dateline, source, authors,
 *                  body, raw, words, error, format, url, encoding,
 *                  root HIDDEN, pattern HIDDEN, max_size HIDDEN)
 * Files, archives, record files and WARC: ext/corpus/reader.h; walk, glob, encodings and
 * parsing: walk.h, glob.h, encoding.h, article.h, records.h, warc.h; hash: hash.h. JSON
 * records are decoded with SQLite's json_each on this connection. A NULL argument gives
 * no rows. Errors (SQL): missing root; "cannot open root 'x': <reason>"; a bad pattern or
 * max_size. A file, member or record that cannot be read gives its row with error set and
 * content columns NULL.
 *
 * xBestIndex turns EQ constraints on root, pattern, max_size and path (BINARY) into
 * argv, and colUsed into what each row must do, both in idxNum:
 *   bit 0-2  root, pattern, max_size given (argv in that order)
 *   bit 3    path = ? given (argv last): only that entry is looked up
 *   bit 4    stat the file (size, mtime)
 *   bit 5    read it (hash, raw, error, format, encoding)
 *   bit 6    parse it (title, published, dateline, source, authors, body, url)
 *   bit 7    count its words (words)
 * A query using only path, size and mtime never opens a file. Each row is read and
 * parsed at most once, on the first column that needs it.
 * Direct-only: views and triggers cannot use it (it reads files).
 */
#include "bind.h"

#include "../corpus/article.h"
#include "../corpus/encoding.h"
#include "../corpus/hash.h"
#include "../corpus/html.h"
#include "../corpus/reader.h"

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
    ART_COL_FORMAT,
    ART_COL_URL,
    ART_COL_ENCODING,
    ART_COL_ROOT,
    ART_COL_PATTERN,
    ART_COL_MAX_SIZE
};

#define ART_SCHEMA                                                                                 \
    "CREATE TABLE x(path TEXT, size INTEGER, mtime TEXT, hash TEXT, title TEXT, published "        \
    "TEXT, dateline TEXT, source TEXT, authors TEXT, body TEXT, raw BLOB, words INTEGER, "         \
    "error TEXT, format TEXT, url TEXT, encoding TEXT, root HIDDEN, pattern HIDDEN, "             \
    "max_size HIDDEN)"

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
    sqlite3 *db;
    lede_corpus_reader rd;     /* the rows */
    lede_corpus_glob glob;     /* over pattern */
    char *root, *pattern;      /* this scan's arguments (sqlite3_malloc) */
    uint64_t limit;            /* max_size in effect */
    int limit_is_sqlite;       /* it is SQLITE_LIMIT_LENGTH, lower than max_size */
    int needs;                 /* ART_NEED_* bits */
    sqlite3_int64 rowid;       /* the row's number, from 1 */
    int eof;                   /* no current row */
    int have_read, have_parse; /* read, decoded and checked; parsed */
    int have_words;
    const char *raw;           /* the row's bytes (raw, hash), or NULL */
    size_t raw_n;
    const char *text;          /* their decoded text */
    size_t text_n;
    const char *encoding;      /* its name */
    int html;                  /* the row is HTML */
    lede_corpus_decoder dec;   /* for text and pages */
    lede_corpus_fields fields; /* JSON records: fields, into json */
    lede_corpus_buf json;      /* their values */
    lede_corpus_buf scratch;   /* the text built from a record's fields */
    sqlite3_stmt *json_type;   /* SELECT json_type(?1) */
    sqlite3_stmt *json_each;   /* the members of ?1, arrays and objects flattened */
    lede_corpus_article art;   /* the parsed article */
    lede_corpus_article meta;  /* a record's fields, when its text is a page */
    lede_corpus_text url;      /* its url, or NULL */
    sqlite3_int64 words;       /* its word count */
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
    articles_cursor *cur = sqlite3_malloc64(sizeof *cur);
    if (!cur)
        return SQLITE_NOMEM;
    memset(cur, 0, sizeof *cur);
    cur->db = ((articles_vtab *)vtab)->db;
    cur->eof = 1;
    *out = &cur->base;
    return SQLITE_OK;
}

static void articles_reset(articles_cursor *cur) {
    lede_corpus_reader_close(&cur->rd);
    sqlite3_free(cur->root);
    sqlite3_free(cur->pattern);
    cur->root = cur->pattern = NULL;
    cur->eof = 1;
}

static int articles_close(sqlite3_vtab_cursor *base) {
    articles_cursor *cur = (articles_cursor *)base;
    articles_reset(cur);
    lede_corpus_decoder_free(&cur->dec);
    lede_corpus_buf_free(&cur->json);
    lede_corpus_buf_free(&cur->scratch);
    sqlite3_finalize(cur->json_type);
    sqlite3_finalize(cur->json_each);
    lede_corpus_article_free(&cur->art);
    lede_corpus_article_free(&cur->meta);
    sqlite3_free(cur);
    return SQLITE_OK;
}

static int articles_next(sqlite3_vtab_cursor *base) {
    articles_cursor *cur = (articles_cursor *)base;
    cur->have_read = cur->have_parse = cur->have_words = 0;
    cur->raw = cur->text = cur->encoding = NULL;
    cur->raw_n = cur->text_n = 0;
    cur->html = 0;
    lede_rc rc = lede_corpus_reader_next(&cur->rd);
    if (rc == LEDE_DONE) {
        cur->eof = 1;
        return SQLITE_OK;
    }
    if (rc != LEDE_OK)
        return lede_bind_rc(rc);
    cur->rowid++;
    return SQLITE_OK;
}

/* The row has content to read (it is not a fault of the walk or an archive). */
static int row_has_content(const articles_cursor *cur) {
    return cur->rd.row != LEDE_CORPUS_ROW_FAULT;
}

static void set_fault(articles_cursor *cur, const char *msg) {
    lede_corpus_fault *f = &cur->rd.fault;
    memset(f, 0, sizeof *f);
    f->kind = LEDE_CORPUS_FAULT_FORMAT;
    snprintf(f->detail, sizeof f->detail, "%s", msg);
}

static int json_add(articles_cursor *cur, const unsigned char *s, int n) {
    lede_corpus_buf *b = &cur->json;
    size_t need = b->len + (size_t)n + 1;
    if (need > b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap < need)
            cap *= 2;
        char *p = lede_realloc(b->p, cap);
        if (!p)
            return 0;
        b->p = p;
        b->cap = cap;
    }
    if (n > 0)
        memcpy(b->p + b->len, s, (size_t)n);
    b->len += (size_t)n;
    b->p[b->len++] = '\0';
    return 1;
}

/*
 * The fields of the JSON record s[0..n), with SQLite's JSON functions: the
 * members of the top-level object by role; an array value is its elements
 * one per line, an object value (or element) its "name" member (NewsAPI's
 * source and author objects). A record that is not a JSON object is a
 * fault of the row.
 */
static int json_fields(articles_cursor *cur, const char *s, size_t n) {
    static const char *const each_sql =
        "SELECT j.key, CASE j.type WHEN 'array' THEN (SELECT group_concat(CASE e.type WHEN "
        "'object' THEN json_extract(e.value, '$.name') ELSE e.value END, char(10)) FROM "
        "json_each(j.value) AS e) WHEN 'object' THEN json_extract(j.value, '$.name') ELSE "
        "j.value END FROM json_each(?1) AS j";
    int rc = SQLITE_OK;
    memset(&cur->fields, 0, sizeof cur->fields);
    cur->json.len = 0;
    if (!cur->json_type &&
        (rc = sqlite3_prepare_v2(cur->db, "SELECT json_type(?1)", -1, &cur->json_type, NULL)) !=
            SQLITE_OK)
        return rc;
    if (!cur->json_each &&
        (rc = sqlite3_prepare_v2(cur->db, each_sql, -1, &cur->json_each, NULL)) != SQLITE_OK)
        return rc;
    sqlite3_bind_text64(cur->json_type, 1, s, n, SQLITE_STATIC, SQLITE_UTF8);
    rc = sqlite3_step(cur->json_type);
    const char *type = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(cur->json_type, 0) : NULL;
    int is_object = type && strcmp(type, "object") == 0;
    char msg[112];
    if (rc == SQLITE_ROW && !is_object)
        snprintf(msg, sizeof msg, "malformed record %llu: a JSON %s, not an object",
                 (unsigned long long)cur->rd.records.number, type ? type : "null");
    else if (rc != SQLITE_ROW)
        snprintf(msg, sizeof msg, "malformed record %llu: %s",
                 (unsigned long long)cur->rd.records.number, sqlite3_errmsg(cur->db));
    sqlite3_reset(cur->json_type);
    sqlite3_clear_bindings(cur->json_type);
    if (rc == SQLITE_NOMEM)
        return rc;
    if (!is_object) {
        set_fault(cur, msg);
        return SQLITE_OK;
    }
    size_t off[LEDE_CORPUS_ROLE_N];
    sqlite3_bind_text64(cur->json_each, 1, s, n, SQLITE_STATIC, SQLITE_UTF8);
    while ((rc = sqlite3_step(cur->json_each)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(cur->json_each, 0);
        int kn = sqlite3_column_bytes(cur->json_each, 0);
        lede_corpus_role role = key ? lede_corpus_field_role(key, (size_t)kn) : 0;
        if (role == LEDE_CORPUS_ROLE_NONE || cur->fields.f[role].n ||
            sqlite3_column_type(cur->json_each, 1) == SQLITE_NULL)
            continue;
        const unsigned char *v = sqlite3_column_text(cur->json_each, 1);
        int vn = sqlite3_column_bytes(cur->json_each, 1);
        if (!v)
            continue;
        off[role] = cur->json.len;
        if (!json_add(cur, v, vn)) {
            rc = SQLITE_NOMEM;
            break;
        }
        cur->fields.f[role].s = "";
        cur->fields.f[role].n = (size_t)vn;
    }
    sqlite3_reset(cur->json_each);
    sqlite3_clear_bindings(cur->json_each);
    if (rc != SQLITE_DONE)
        return rc == SQLITE_ROW ? SQLITE_OK : rc;
    for (int k = 0; k < LEDE_CORPUS_ROLE_N; k++)
        if (cur->fields.f[k].s)
            cur->fields.f[k].s = cur->json.p + off[k];
    return SQLITE_OK;
}

/* Reads the row, decodes it and checks it is text, once. */
static int ensure_read(articles_cursor *cur) {
    if (cur->have_read || !row_has_content(cur))
        return SQLITE_OK;
    cur->have_read = 1;
    lede_corpus_reader *rd = &cur->rd;
    const char *declared = NULL;
    size_t declared_n = 0;
    int sniff = 1;
    if (rd->row == LEDE_CORPUS_ROW_RECORD) {
        if (rd->rec_name == LEDE_CORPUS_NAME_WARC) {
            if (rd->warc.fault.kind != LEDE_CORPUS_FAULT_NONE)
                return SQLITE_OK;
            cur->raw = rd->warc.payload.s;
            cur->raw_n = rd->warc.payload.n;
            declared = rd->warc.charset;
            declared_n = strlen(rd->warc.charset);
            cur->html = rd->warc.html;
            sniff = cur->html;
        } else {
            cur->raw = rd->records.raw.p;
            cur->raw_n = rd->records.raw.len;
            if (rd->records.fault.kind != LEDE_CORPUS_FAULT_NONE) {
                rd->fault = rd->records.fault;
                return SQLITE_OK;
            }
            if (rd->rec_name == LEDE_CORPUS_NAME_JSONL) {
                cur->encoding = "UTF-8";
                return json_fields(cur, cur->raw, cur->raw_n);
            }
            cur->encoding = rd->records.encoding;
            cur->fields = rd->records.fields;
            return SQLITE_OK;
        }
    } else {
        lede_rc rc = lede_corpus_reader_content(rd);
        if (rc != LEDE_OK)
            return lede_bind_rc(rc);
        if (rd->fault.kind != LEDE_CORPUS_FAULT_NONE)
            return SQLITE_OK;
        cur->raw = rd->content.p ? rd->content.p : "";
        cur->raw_n = rd->content.len;
        cur->html = rd->name == LEDE_CORPUS_NAME_HTML;
    }
    lede_rc rc = lede_corpus_decode(&cur->dec, cur->raw, cur->raw_n, declared, declared_n, sniff,
                                    &cur->text, &cur->text_n, &cur->encoding, &rd->fault);
    if (rc != LEDE_OK)
        return lede_bind_rc(rc);
    if (rd->fault.kind != LEDE_CORPUS_FAULT_NONE)
        cur->text = cur->encoding = NULL;
    else if (!cur->html && rd->row != LEDE_CORPUS_ROW_RECORD)
        cur->html = lede_corpus_html_sniff(cur->text, cur->text_n);
    return SQLITE_OK;
}

/* 1 when the row has content (read without fault). */
static int ensure_parse(articles_cursor *cur, int *rc) {
    *rc = ensure_read(cur);
    if (*rc != SQLITE_OK || !row_has_content(cur) || cur->rd.fault.kind != LEDE_CORPUS_FAULT_NONE)
        return 0;
    if (!cur->have_parse) {
        lede_corpus_reader *rd = &cur->rd;
        lede_rc r;
        cur->url.s = NULL;
        cur->url.n = 0;
        if (rd->row == LEDE_CORPUS_ROW_RECORD && rd->rec_name != LEDE_CORPUS_NAME_WARC) {
            r = lede_corpus_article_from_fields(&cur->art, &cur->meta, &cur->fields, &cur->scratch,
                                                &cur->html);
        } else if (cur->html) {
            r = lede_corpus_html_parse(&cur->art, cur->text, cur->text_n);
        } else {
            r = lede_corpus_article_parse(&cur->art, cur->text, cur->text_n);
        }
        cur->url = cur->art.url;
        if (rd->row == LEDE_CORPUS_ROW_RECORD && rd->rec_name == LEDE_CORPUS_NAME_WARC &&
            rd->warc.url.s)
            cur->url = rd->warc.url; /* the address it was fetched from */
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
static void result_text(articles_cursor *cur, sqlite3_context *ctx, const char *name,
                        lede_corpus_text t) {
    sqlite3_int64 most = sqlite3_limit(sqlite3_context_db_handle(ctx), SQLITE_LIMIT_LENGTH, -1);
    if (!t.s) {
        sqlite3_result_null(ctx);
    } else if (t.n > (uint64_t)most) {
        char *msg = sqlite3_mprintf("lede_articles: %s of '%.*s' is %llu bytes, above "
                                    "SQLITE_LIMIT_LENGTH (%lld)",
                                    name, (int)cur->rd.path.len, cur->rd.path.p,
                                    (unsigned long long)t.n, most);
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
    lede_corpus_reader *rd = &cur->rd;
    int rc = SQLITE_OK;
    switch (col) {
    case ART_COL_PATH:
        sqlite3_result_text64(ctx, rd->path.p, rd->path.len, SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    case ART_COL_SIZE:
    case ART_COL_MTIME: {
        int ok;
        if (cur->needs & ART_NEED_READ) { /* the read gives size and mtime for free */
            if ((rc = ensure_read(cur)) != SQLITE_OK)
                break;
        }
        lede_rc r = lede_corpus_reader_stat(rd, &ok);
        if (r != LEDE_OK) {
            rc = lede_bind_rc(r);
            break;
        }
        char when[21];
        if (!ok)
            break;
        if (col == ART_COL_SIZE)
            sqlite3_result_int64(ctx, (sqlite3_int64)rd->st.size);
        else if (lede_corpus_format_time(rd->st.mtime, when))
            sqlite3_result_text64(ctx, when, 20, SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    }
    case ART_COL_HASH:
    case ART_COL_RAW:
        rc = ensure_read(cur);
        if (rc != SQLITE_OK || !cur->raw || rd->fault.kind != LEDE_CORPUS_FAULT_NONE)
            break;
        if (col == ART_COL_RAW) {
            sqlite3_result_blob64(ctx, cur->raw, cur->raw_n, SQLITE_TRANSIENT);
        } else {
            char hex[LEDE_CORPUS_HASH_HEX + 1];
            lede_corpus_hash_hex(lede_corpus_hash64(cur->raw, cur->raw_n), hex);
            sqlite3_result_text64(ctx, hex, LEDE_CORPUS_HASH_HEX, SQLITE_TRANSIENT, SQLITE_UTF8);
        }
        break;
    case ART_COL_TITLE:
    case ART_COL_PUBLISHED:
    case ART_COL_DATELINE:
    case ART_COL_SOURCE:
    case ART_COL_AUTHORS:
    case ART_COL_BODY: {
        static const char *const names[] = {"title",  "published", "dateline",
                                            "source", "authors",   "body"};
        if (!ensure_parse(cur, &rc))
            break;
        const lede_corpus_article *a = &cur->art;
        const lede_corpus_text fields[] = {a->title,  a->published, a->dateline,
                                           a->source, a->authors,   a->body};
        result_text(cur, ctx, names[col - ART_COL_TITLE], fields[col - ART_COL_TITLE]);
        break;
    }
    case ART_COL_URL:
        if (!ensure_parse(cur, &rc))
            break;
        result_text(cur, ctx, "url", cur->url);
        break;
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
        if (rc == SQLITE_OK && rd->fault.kind != LEDE_CORPUS_FAULT_NONE) {
            size_t n = lede_corpus_fault_message(&rd->fault, msg, sizeof msg);
            if (rd->fault.kind == LEDE_CORPUS_FAULT_TOO_LARGE && cur->limit_is_sqlite)
                n += (size_t)snprintf(msg + n, sizeof msg - n, " (SQLITE_LIMIT_LENGTH)");
            sqlite3_result_text64(ctx, msg, n < sizeof msg ? n : sizeof msg - 1, SQLITE_TRANSIENT,
                                  SQLITE_UTF8);
        }
        break;
    }
    case ART_COL_FORMAT:
        if (!row_has_content(cur))
            break;
        if (rd->row != LEDE_CORPUS_ROW_RECORD && rd->name != LEDE_CORPUS_NAME_HTML &&
            (rc = ensure_read(cur)) != SQLITE_OK)
            break;
        sqlite3_result_text(ctx, lede_corpus_format_name(lede_corpus_reader_format(rd, cur->html)),
                            -1, SQLITE_STATIC);
        break;
    case ART_COL_ENCODING:
        rc = ensure_read(cur);
        if (rc == SQLITE_OK && cur->encoding && rd->fault.kind == LEDE_CORPUS_FAULT_NONE)
            sqlite3_result_text(ctx, cur->encoding, -1, SQLITE_TRANSIENT);
        break;
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

static int articles_filter_args(articles_cursor *cur, articles_vtab *vt, sqlite3_vtab_cursor *base,
                                sqlite3_value **arg, int idx_num, const char *prev_root,
                                const char *prev_pattern, uint64_t prev_limit);

static int articles_filter(sqlite3_vtab_cursor *base, int idx_num, const char *idx_str, int argc,
                           sqlite3_value **argv) {
    articles_cursor *cur = (articles_cursor *)base;
    articles_vtab *vt = (articles_vtab *)base->pVtab;
    (void)idx_str;
    sqlite3_value *arg[4] = {NULL, NULL, NULL, NULL}; /* root, pattern, max_size, path */
    for (int k = 0, i = 0; k < 4; k++)
        if ((idx_num & (1 << k)) && i < argc)
            arg[k] = argv[i++];
    /* a path lookup may go on in the scan of the last one (reader.h, retarget): keep it
       open until the arguments are known to be the same */
    char *prev_root = cur->root, *prev_pattern = cur->pattern;
    uint64_t prev_limit = cur->limit;
    cur->root = cur->pattern = NULL;
    cur->eof = 1;
    if (!arg[3])
        lede_corpus_reader_close(&cur->rd);
    int rc0 = articles_filter_args(cur, vt, base, arg, idx_num, prev_root, prev_pattern,
                                   prev_limit);
    sqlite3_free(prev_root);
    sqlite3_free(prev_pattern);
    if (rc0 != SQLITE_OK)
        lede_corpus_reader_close(&cur->rd);
    return rc0;
}

static int articles_filter_args(articles_cursor *cur, articles_vtab *vt, sqlite3_vtab_cursor *base,
                                sqlite3_value **arg, int idx_num, const char *prev_root,
                                const char *prev_pattern, uint64_t prev_limit) {
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
        int same = prev_root && strcmp(prev_root, cur->root) == 0 && prev_limit == cur->limit &&
                   ((!prev_pattern && !cur->pattern) ||
                    (prev_pattern && cur->pattern && strcmp(prev_pattern, cur->pattern) == 0));
        r = LEDE_OK;
        if (!same || !lede_corpus_reader_retarget(&cur->rd, &cur->glob, path, path_len, &r)) {
            if (r == LEDE_OK)
                r = lede_corpus_reader_open(&cur->rd, cur->root, &cur->glob, vt->flags, cur->limit,
                                            path, path_len, &os_errno);
        }
        sqlite3_free(path);
    } else {
        r = lede_corpus_reader_open(&cur->rd, cur->root, &cur->glob, vt->flags, cur->limit, NULL, 0,
                                    &os_errno);
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
    if (ART_USED(ART_COL_HASH) || ART_USED(ART_COL_RAW) || ART_USED(ART_COL_ERROR) ||
        ART_USED(ART_COL_FORMAT) || ART_USED(ART_COL_ENCODING))
        info->idxNum |= ART_NEED_READ;
    if (ART_USED(ART_COL_URL))
        info->idxNum |= ART_NEED_READ | ART_NEED_PARSE;
    for (int c = ART_COL_TITLE; c <= ART_COL_BODY; c++)
        if (ART_USED(c))
            info->idxNum |= ART_NEED_READ | ART_NEED_PARSE;
    if (ART_USED(ART_COL_WORDS))
        info->idxNum |= ART_NEED_READ | ART_NEED_PARSE | ART_NEED_WORDS;
#undef ART_USED
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
