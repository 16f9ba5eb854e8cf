/*
 * sentences.c: lede_sentences(text), the sentences of a text.
 *
 *   SELECT seq, start, "end", text FROM lede_sentences('It rained. We left.');
 *   -- 0|0|10|It rained.
 *   -- 1|11|19|We left.
 *
 * Schema (column numbers in the enum below):
 *   CREATE TABLE x(seq, start, "end", text, input HIDDEN)
 * seq counts from 0; start and "end" are code points, end exclusive, so that
 * substr(input, start + 1, "end" - start) = text. The rules are those of
 * ext/text/sentences.h.
 *
 * input NULL gives no rows; numbers and blobs are read as their text;
 * invalid UTF-8 keeps SQLite's code-point count. Without an argument:
 * "lede_sentences(text): missing argument text".
 *
 * xBestIndex: idxNum bit 0 = input given (argv[0]). Innocuous: it reads only
 * its argument.
 */
#include "bind.h"

#include "../text/sentences.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

enum { SENT_COL_SEQ, SENT_COL_START, SENT_COL_END, SENT_COL_TEXT, SENT_COL_INPUT };

typedef struct {
    sqlite3_vtab_cursor base;
    char *text;          /* copy of the input (sqlite3_malloc64) */
    size_t len;          /* its length in bytes */
    lede_sent_iter iter; /* the splitter over text */
    lede_span span;      /* the current sentence */
    sqlite3_int64 seq;   /* its number, from 0 */
    int eof;             /* no current sentence */
} sentences_cursor;

static int sentences_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                             sqlite3_vtab **out, char **err) {
    (void)aux;
    (void)argc;
    (void)argv;
    (void)err;
    return lede_bind_connect_innocuous(db,
                                       "CREATE TABLE x(seq INTEGER, start INTEGER, \"end\" "
                                       "INTEGER, text TEXT, input HIDDEN)",
                                       out);
}

static int sentences_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out) {
    (void)vtab;
    sentences_cursor *cur = lede_bind_cursor(sizeof *cur);
    if (!cur)
        return SQLITE_NOMEM;
    cur->eof = 1;
    *out = &cur->base;
    return SQLITE_OK;
}

static int sentences_close(sqlite3_vtab_cursor *base) {
    sentences_cursor *cur = (sentences_cursor *)base;
    sqlite3_free(cur->text);
    sqlite3_free(cur);
    return SQLITE_OK;
}

static int sentences_next(sqlite3_vtab_cursor *base) {
    sentences_cursor *cur = (sentences_cursor *)base;
    if (!cur->text || !lede_sent_next(&cur->iter, &cur->span)) {
        cur->eof = 1;
        return SQLITE_OK;
    }
    cur->seq++;
    return SQLITE_OK;
}

static int sentences_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int col) {
    sentences_cursor *cur = (sentences_cursor *)base;
    switch (col) {
    case SENT_COL_SEQ:
        sqlite3_result_int64(ctx, cur->seq);
        break;
    case SENT_COL_START:
        sqlite3_result_int64(ctx, (sqlite3_int64)cur->span.cp_start);
        break;
    case SENT_COL_END:
        sqlite3_result_int64(ctx, (sqlite3_int64)cur->span.cp_end);
        break;
    case SENT_COL_TEXT:
        sqlite3_result_text64(ctx, cur->text + cur->span.byte_start,
                              cur->span.byte_end - cur->span.byte_start, SQLITE_TRANSIENT,
                              SQLITE_UTF8);
        break;
    case SENT_COL_INPUT:
        sqlite3_result_text64(ctx, cur->text, cur->len, SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    }
    return SQLITE_OK;
}

static int sentences_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid) {
    *rowid = ((sentences_cursor *)base)->seq;
    return SQLITE_OK;
}

static int sentences_eof(sqlite3_vtab_cursor *base) { return ((sentences_cursor *)base)->eof; }

static int sentences_filter(sqlite3_vtab_cursor *base, int idx_num, const char *idx_str, int argc,
                            sqlite3_value **argv) {
    sentences_cursor *cur = (sentences_cursor *)base;
    (void)idx_str;
    sqlite3_free(cur->text);
    cur->text = NULL;
    cur->eof = 1;
    if (!(idx_num & 1) || argc < 1)
        return lede_bind_error(base->pVtab, "%s", "lede_sentences(text): missing argument text");
    int is_null;
    int rc = lede_bind_text_arg(argv[0], &cur->text, &cur->len, &is_null);
    if (rc != SQLITE_OK || is_null)
        return rc;
    lede_sent_init(&cur->iter, cur->text, cur->len);
    cur->eof = 0;
    cur->seq = -1;
    return sentences_next(base);
}

static int sentences_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
    return lede_bind_best_index(vtab, info, SENT_COL_INPUT, 1, 1,
                                "lede_sentences(text): missing argument text");
}

static const sqlite3_module sentences_module = {
    .iVersion = 0,
    .xCreate = NULL, /* eponymous only: no CREATE VIRTUAL TABLE */
    .xConnect = sentences_connect,
    .xBestIndex = sentences_best_index,
    .xDisconnect = lede_bind_disconnect,
    .xOpen = sentences_open,
    .xClose = sentences_close,
    .xFilter = sentences_filter,
    .xNext = sentences_next,
    .xEof = sentences_eof,
    .xColumn = sentences_column,
    .xRowid = sentences_rowid,
};

int lede_sentences_register(sqlite3 *db) {
    return sqlite3_create_module(db, "lede_sentences", &sentences_module, NULL);
}
