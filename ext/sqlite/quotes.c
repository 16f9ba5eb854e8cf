/*
 * quotes.c: lede_quotes(text [, anchor_date]), who said what in a text.
 *
 *   SELECT kind, text, speaker, cue FROM lede_quotes('"We will go," Ann Lee said.');
 *   -- direct|We will go|Ann Lee|said
 *
 * Schema (column numbers in the enum below):
 *   CREATE TABLE x(seq, start, "end", text, kind, source_start, source_end, source, speaker,
 *                  speaker_label, cue_start, cue_end, cue, sentence, input HIDDEN,
 *                  anchor HIDDEN)
 * seq counts from 0 in text order; start and "end" (and the source_ and
 * cue_ pairs) are code points, end exclusive, so that
 * substr(input, start + 1, "end" - start) = text. kind is 'direct',
 * 'indirect' or 'mixed'; source, speaker, speaker_label ('PERSON', 'ORG')
 * and cue (with their offsets) are NULL when there is none; sentence is the
 * seq lede_sentences(input) gives the sentence where the content starts.
 * The rules are those of ext/quotes/quotes.h.
 *
 * input NULL gives no rows; numbers and blobs are read as their text.
 * anchor_date is NULL or 'YYYY-MM-DD', as for lede_entities, so that the
 * same join serves both; it does not change the rows. Otherwise:
 * "lede_quotes: anchor_date must be 'YYYY-MM-DD', got '...'". No argument:
 * "lede_quotes(text [, anchor_date]): missing argument text".
 *
 * xBestIndex: idxNum bit 0 = input given (argv[0]), bit 1 = anchor given
 * (the next argv). Innocuous: it reads only its arguments.
 */
#include "bind.h"

#include "../quotes/quotes.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

enum {
    QUO_COL_SEQ,
    QUO_COL_START,
    QUO_COL_END,
    QUO_COL_TEXT,
    QUO_COL_KIND,
    QUO_COL_SOURCE_START,
    QUO_COL_SOURCE_END,
    QUO_COL_SOURCE,
    QUO_COL_SPEAKER,
    QUO_COL_SPEAKER_LABEL,
    QUO_COL_CUE_START,
    QUO_COL_CUE_END,
    QUO_COL_CUE,
    QUO_COL_SENTENCE,
    QUO_COL_INPUT,
    QUO_COL_ANCHOR
};

#define QUO_USAGE "lede_quotes(text [, anchor_date]): missing argument text"

typedef struct {
    sqlite3_vtab_cursor base;
    char *text;            /* copy of the input (sqlite3_malloc64) */
    size_t len;            /* its length in bytes */
    char anchor[11];       /* anchor_date, or "" */
    lede_quotes_iter *qi;  /* the extractor over text (sqlite3_malloc64), or NULL */
    lede_quote q;          /* the current quote */
    sqlite3_int64 seq;     /* its number, from 0 */
    int eof;               /* no current quote */
} quotes_cursor;

static int quotes_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                          sqlite3_vtab **out, char **err) {
    (void)aux;
    (void)argc;
    (void)argv;
    (void)err;
    return lede_bind_connect_innocuous(
        db,
        "CREATE TABLE x(seq INTEGER, start INTEGER, \"end\" INTEGER, text TEXT, kind TEXT, "
        "source_start INTEGER, source_end INTEGER, source TEXT, speaker TEXT, "
        "speaker_label TEXT, cue_start INTEGER, cue_end INTEGER, cue TEXT, sentence INTEGER, "
        "input HIDDEN, anchor HIDDEN)",
        out);
}

static int quotes_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out) {
    (void)vtab;
    quotes_cursor *cur = lede_bind_cursor(sizeof *cur);
    if (!cur)
        return SQLITE_NOMEM;
    cur->eof = 1;
    *out = &cur->base;
    return SQLITE_OK;
}

/* Ends the current scan: frees the extractor and the input copy. */
static void quotes_reset(quotes_cursor *cur) {
    if (cur->qi) {
        lede_quotes_free(cur->qi);
        sqlite3_free(cur->qi);
        cur->qi = NULL;
    }
    sqlite3_free(cur->text);
    cur->text = NULL;
    cur->len = 0;
    cur->eof = 1;
}

static int quotes_close(sqlite3_vtab_cursor *base) {
    quotes_cursor *cur = (quotes_cursor *)base;
    quotes_reset(cur);
    sqlite3_free(cur);
    return SQLITE_OK;
}

static int quotes_next(sqlite3_vtab_cursor *base) {
    quotes_cursor *cur = (quotes_cursor *)base;
    if (!cur->qi) {
        cur->eof = 1;
        return SQLITE_OK;
    }
    lede_rc rc = lede_quotes_next(cur->qi, &cur->q);
    if (rc == LEDE_DONE) {
        quotes_reset(cur);
        return SQLITE_OK;
    }
    if (rc != LEDE_OK) {
        quotes_reset(cur);
        return lede_bind_rc(rc);
    }
    cur->seq++;
    return SQLITE_OK;
}

/* Sets the result to s[0..n), or NULL when s is NULL. */
static void quotes_result_text(sqlite3_context *ctx, const char *s, size_t n) {
    if (s)
        sqlite3_result_text64(ctx, s, n, SQLITE_TRANSIENT, SQLITE_UTF8);
    else
        sqlite3_result_null(ctx);
}

/* A span's start, end or text, or NULL when has is 0. */
static void quotes_result_span(quotes_cursor *cur, sqlite3_context *ctx, int has,
                               const lede_span *sp, int what) {
    if (!has)
        sqlite3_result_null(ctx);
    else if (what == 0)
        sqlite3_result_int64(ctx, (sqlite3_int64)sp->cp_start);
    else if (what == 1)
        sqlite3_result_int64(ctx, (sqlite3_int64)sp->cp_end);
    else
        quotes_result_text(ctx, cur->text + sp->byte_start, sp->byte_end - sp->byte_start);
}

static int quotes_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int col) {
    quotes_cursor *cur = (quotes_cursor *)base;
    const lede_quote *q = &cur->q;
    switch (col) {
    case QUO_COL_SEQ:
        sqlite3_result_int64(ctx, cur->seq);
        break;
    case QUO_COL_START:
    case QUO_COL_END:
    case QUO_COL_TEXT:
        quotes_result_span(cur, ctx, 1, &q->content, col - QUO_COL_START);
        break;
    case QUO_COL_KIND:
        sqlite3_result_text(ctx, lede_quote_kind_name(q->kind), -1, SQLITE_STATIC);
        break;
    case QUO_COL_SOURCE_START:
    case QUO_COL_SOURCE_END:
    case QUO_COL_SOURCE:
        quotes_result_span(cur, ctx, q->has_source, &q->source, col - QUO_COL_SOURCE_START);
        break;
    case QUO_COL_SPEAKER:
        quotes_result_text(ctx, q->speaker, q->speaker_len);
        break;
    case QUO_COL_SPEAKER_LABEL: {
        const char *l = lede_quote_label_name(q->label);
        if (l && q->speaker)
            sqlite3_result_text(ctx, l, -1, SQLITE_STATIC);
        else
            sqlite3_result_null(ctx);
        break;
    }
    case QUO_COL_CUE_START:
    case QUO_COL_CUE_END:
    case QUO_COL_CUE:
        quotes_result_span(cur, ctx, q->has_cue, &q->cue, col - QUO_COL_CUE_START);
        break;
    case QUO_COL_SENTENCE:
        sqlite3_result_int64(ctx, (sqlite3_int64)q->sentence);
        break;
    case QUO_COL_INPUT:
        quotes_result_text(ctx, cur->text, cur->len);
        break;
    case QUO_COL_ANCHOR:
        quotes_result_text(ctx, cur->anchor[0] ? cur->anchor : NULL, strlen(cur->anchor));
        break;
    }
    return SQLITE_OK;
}

static int quotes_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid) {
    *rowid = ((quotes_cursor *)base)->seq;
    return SQLITE_OK;
}

static int quotes_eof(sqlite3_vtab_cursor *base) { return ((quotes_cursor *)base)->eof; }

static int quotes_filter(sqlite3_vtab_cursor *base, int idx_num, const char *idx_str, int argc,
                         sqlite3_value **argv) {
    quotes_cursor *cur = (quotes_cursor *)base;
    (void)idx_str;
    quotes_reset(cur);
    cur->anchor[0] = '\0';
    if (!(idx_num & 1) || argc < 1)
        return lede_bind_error(base->pVtab, "%s", QUO_USAGE);
    sqlite3_value *anchor = (idx_num & 2) && argc > 1 ? argv[1] : NULL;
    if (anchor && sqlite3_value_type(anchor) != SQLITE_NULL) {
        const unsigned char *a = sqlite3_value_text(anchor);
        size_t an = (size_t)sqlite3_value_bytes(anchor);
        if (!a)
            return SQLITE_NOMEM;
        if (!lede_bind_is_date(a, an))
            return lede_bind_error(cur->base.pVtab,
                                   "lede_quotes: anchor_date must be 'YYYY-MM-DD', got '%.*s%s'",
                                   an > 40 ? 40 : (int)an, (const char *)a, an > 40 ? "..." : "");
        memcpy(cur->anchor, a, 10);
        cur->anchor[10] = '\0';
    }
    int is_null;
    int rc = lede_bind_text_arg(argv[0], &cur->text, &cur->len, &is_null);
    if (rc != SQLITE_OK || is_null)
        return rc;
    cur->qi = sqlite3_malloc64(sizeof *cur->qi);
    if (!cur->qi) {
        quotes_reset(cur);
        return SQLITE_NOMEM;
    }
    lede_quotes_init(cur->qi, cur->text, cur->len);
    cur->eof = 0;
    cur->seq = -1;
    return quotes_next(base);
}

static int quotes_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
    return lede_bind_best_index(vtab, info, QUO_COL_INPUT, 2, 1, QUO_USAGE);
}

static const sqlite3_module quotes_module = {
    .iVersion = 0,
    .xCreate = NULL, /* eponymous only: no CREATE VIRTUAL TABLE */
    .xConnect = quotes_connect,
    .xBestIndex = quotes_best_index,
    .xDisconnect = lede_bind_disconnect,
    .xOpen = quotes_open,
    .xClose = quotes_close,
    .xFilter = quotes_filter,
    .xNext = quotes_next,
    .xEof = quotes_eof,
    .xColumn = quotes_column,
    .xRowid = quotes_rowid,
};

int lede_quotes_register(sqlite3 *db) {
    return sqlite3_create_module(db, "lede_quotes", &quotes_module, NULL);
}
