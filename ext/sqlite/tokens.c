/*
 * tokens.c: lede_tokens(text), the tokens of a text.
 *
 *   SELECT text, norm, kind FROM lede_tokens('Japan''s GDP rose 3.5%.');
 *   -- Japan|japan|word   's|'s|word   GDP|gdp|word   rose|rose|word
 *   -- 3.5|3.5|number     %|%|symbol   .|.|punct
 *
 * Schema (column numbers in the enum below):
 *   CREATE TABLE x(seq, start, "end", text, norm, kind, input HIDDEN)
 * seq counts from 0; start and "end" are code points, end exclusive
 * (substr(input, start + 1, "end" - start) = text); norm is NFKC with case
 * folding; kind is word, number, punct, symbol, url or email. The rules
 * are those of ext/text/tokens.h.
 *
 * input NULL gives no rows; numbers and blobs are read as their text. No
 * argument: "lede_tokens(text): missing argument text".
 *
 * xBestIndex: idxNum bit 0 = input given (argv[0]). Innocuous.
 */
#include "bind.h"

#include "../text/norm.h"
#include "../text/tokens.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

enum {
    TOK_COL_SEQ,
    TOK_COL_START,
    TOK_COL_END,
    TOK_COL_TEXT,
    TOK_COL_NORM,
    TOK_COL_KIND,
    TOK_COL_INPUT
};

typedef struct {
    sqlite3_vtab_cursor base;
    char *text;         /* copy of the input (sqlite3_malloc64) */
    size_t len;         /* its length in bytes */
    lede_tok_iter iter; /* the tokenizer over text */
    lede_token tok;     /* the current token */
    lede_norm_buf norm; /* scratch for the norm column */
    sqlite3_int64 seq;  /* the token's number, from 0 */
    int eof;            /* no current token */
} tokens_cursor;

static int tokens_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                          sqlite3_vtab **out, char **err) {
    (void)aux;
    (void)argc;
    (void)argv;
    (void)err;
    return lede_bind_connect_innocuous(db,
                                       "CREATE TABLE x(seq INTEGER, start INTEGER, \"end\" "
                                       "INTEGER, text TEXT, norm TEXT, kind TEXT, input HIDDEN)",
                                       out);
}

static int tokens_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out) {
    (void)vtab;
    tokens_cursor *cur = lede_bind_cursor(sizeof *cur);
    if (!cur)
        return SQLITE_NOMEM;
    cur->eof = 1;
    *out = &cur->base;
    return SQLITE_OK;
}

static int tokens_close(sqlite3_vtab_cursor *base) {
    tokens_cursor *cur = (tokens_cursor *)base;
    lede_norm_buf_free(&cur->norm);
    sqlite3_free(cur->text);
    sqlite3_free(cur);
    return SQLITE_OK;
}

static int tokens_next(sqlite3_vtab_cursor *base) {
    tokens_cursor *cur = (tokens_cursor *)base;
    if (!cur->text || !lede_tok_next(&cur->iter, &cur->tok)) {
        cur->eof = 1;
        return SQLITE_OK;
    }
    cur->seq++;
    return SQLITE_OK;
}

static int tokens_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int col) {
    tokens_cursor *cur = (tokens_cursor *)base;
    const char *s = cur->text + cur->tok.span.byte_start;
    size_t n = cur->tok.span.byte_end - cur->tok.span.byte_start;
    switch (col) {
    case TOK_COL_SEQ:
        sqlite3_result_int64(ctx, cur->seq);
        break;
    case TOK_COL_START:
        sqlite3_result_int64(ctx, (sqlite3_int64)cur->tok.span.cp_start);
        break;
    case TOK_COL_END:
        sqlite3_result_int64(ctx, (sqlite3_int64)cur->tok.span.cp_end);
        break;
    case TOK_COL_TEXT:
        sqlite3_result_text64(ctx, s, n, SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    case TOK_COL_NORM: {
        const char *norm;
        size_t norm_len;
        lede_rc rc = lede_text_norm(&cur->norm, s, n, &norm, &norm_len);
        if (rc == LEDE_NOMEM) {
            sqlite3_result_error_nomem(ctx);
            break;
        }
        if (rc != LEDE_OK) {
            sqlite3_result_error(ctx, "lede_tokens: cannot normalize token", -1);
            break;
        }
        sqlite3_result_text64(ctx, norm, norm_len, SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    }
    case TOK_COL_KIND: {
        const char *kind = lede_tok_kind_name(cur->tok.kind);
        sqlite3_result_text64(ctx, kind, strlen(kind), SQLITE_STATIC, SQLITE_UTF8);
        break;
    }
    case TOK_COL_INPUT:
        sqlite3_result_text64(ctx, cur->text, cur->len, SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
    }
    return SQLITE_OK;
}

static int tokens_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid) {
    *rowid = ((tokens_cursor *)base)->seq;
    return SQLITE_OK;
}

static int tokens_eof(sqlite3_vtab_cursor *base) { return ((tokens_cursor *)base)->eof; }

static int tokens_filter(sqlite3_vtab_cursor *base, int idx_num, const char *idx_str, int argc,
                         sqlite3_value **argv) {
    tokens_cursor *cur = (tokens_cursor *)base;
    (void)idx_str;
    sqlite3_free(cur->text);
    cur->text = NULL;
    cur->eof = 1;
    if (!(idx_num & 1) || argc < 1)
        return lede_bind_error(base->pVtab, "%s", "lede_tokens(text): missing argument text");
    int is_null;
    int rc = lede_bind_text_arg(argv[0], &cur->text, &cur->len, &is_null);
    if (rc != SQLITE_OK || is_null)
        return rc;
    lede_tok_init(&cur->iter, cur->text, cur->len);
    cur->eof = 0;
    cur->seq = -1;
    return tokens_next(base);
}

static int tokens_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
    return lede_bind_best_index(vtab, info, TOK_COL_INPUT, 1, 1,
                                "lede_tokens(text): missing argument text");
}

static const sqlite3_module tokens_module = {
    .iVersion = 0,
    .xCreate = NULL, /* eponymous only: no CREATE VIRTUAL TABLE */
    .xConnect = tokens_connect,
    .xBestIndex = tokens_best_index,
    .xDisconnect = lede_bind_disconnect,
    .xOpen = tokens_open,
    .xClose = tokens_close,
    .xFilter = tokens_filter,
    .xNext = tokens_next,
    .xEof = tokens_eof,
    .xColumn = tokens_column,
    .xRowid = tokens_rowid,
};

int lede_tokens_register(sqlite3 *db) {
    return sqlite3_create_module(db, "lede_tokens", &tokens_module, NULL);
}
