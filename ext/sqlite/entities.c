/*
 * entities.c: lede_entities(text [, anchor_date [, scheme]]), the named entities of a text.
 *
 *   SELECT text, label, sentence FROM lede_entities('Angela Merkel met Emmanuel Macron in Paris.');
 *   -- Angela Merkel|PERSON|0    Emmanuel Macron|PERSON|0    Paris|GPE|0
 *
 * Schema (column numbers in the enum below):
 *   CREATE TABLE x(seq, start, "end", text, label, canonical, value, unit, country, sentence,
 *                  lat, lon, geonames, input HIDDEN, anchor HIDDEN, scheme HIDDEN)
 * seq counts from 0 in text order; start and "end" are code points, end
 * exclusive (substr(input, start + 1, "end" - start) = text); label is one
 * of the 18 OntoNotes types (scheme 'ontonotes', the default or NULL) or
 * PERSON, ORG, LOC, MISC (scheme 'conll'), ext/ner/entity.h; sentence is the seq of
 * the sentence of lede_sentences(input) the entity lies in (entities never
 * cross sentences). canonical, value, unit and country are NULL when not
 * known. lat and lon (WGS84 degrees) hold the point of the place a GPE, LOC
 * or FAC names (or of a NORP's country), geonames its GeoNames id; NULL when
 * no place is known (ext/geo/geo.h). The pipeline is ext/ner/extract.h.
 *
 * input NULL gives no rows; numbers and blobs are read as their text.
 * anchor_date is NULL or a real date 'YYYY-MM-DD' (it anchors relative
 * dates), else "lede_entities: anchor_date must be 'YYYY-MM-DD', got '...'".
 * scheme is 'ontonotes' or 'conll' (case ignored), else "lede_entities: scheme
 * must be 'ontonotes' or 'conll', got '...'".
 * No argument: "lede_entities(text [, anchor_date [, scheme]]): missing argument text".
 * The extension refuses to load when the compiled-in model does not match
 * the feature set (ext/ner/model.h).
 *
 * xBestIndex: idxNum bit 0 = input given (argv[0]), bit 1 = anchor given,
 * bit 2 = scheme given (each the next argv). Innocuous: it reads only its
 * arguments.
 */
#include "bind.h"

#include "../ner/extract.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

enum {
    ENT_COL_SEQ,
    ENT_COL_START,
    ENT_COL_END,
    ENT_COL_TEXT,
    ENT_COL_LABEL,
    ENT_COL_CANONICAL,
    ENT_COL_VALUE,
    ENT_COL_UNIT,
    ENT_COL_COUNTRY,
    ENT_COL_SENTENCE,
    ENT_COL_LAT,
    ENT_COL_LON,
    ENT_COL_GEONAMES,
    ENT_COL_INPUT,
    ENT_COL_ANCHOR,
    ENT_COL_SCHEME
};

#define ENT_USAGE "lede_entities(text [, anchor_date [, scheme]]): missing argument text"

typedef struct {
    sqlite3_vtab_cursor base;
    char *text;             /* copy of the input (sqlite3_malloc64) */
    size_t len;             /* its length in bytes */
    char anchor[11];        /* anchor_date, or "" */
    lede_ner_scheme scheme; /* the labels asked for */
    lede_ner_extractor ext; /* the pipeline over text */
    int ext_open;           /* ext needs lede_ner_extract_free */
    lede_ner_memo *memo;    /* lent to each scan's ext: kept from row to row */
    lede_ner_entity ent;    /* the current entity */
    sqlite3_int64 seq;      /* its number, from 0 */
    int eof;                /* no current entity */
} entities_cursor;

static int entities_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                            sqlite3_vtab **out, char **err) {
    (void)aux;
    (void)argc;
    (void)argv;
    (void)err;
    return lede_bind_connect_innocuous(db,
                                       "CREATE TABLE x(seq INTEGER, start INTEGER, \"end\" "
                                       "INTEGER, text TEXT, label TEXT, canonical TEXT, value, "
                                       "unit TEXT, country TEXT, sentence INTEGER, lat REAL, lon REAL, "
                                       "geonames INTEGER, input HIDDEN, "
                                       "anchor HIDDEN, scheme HIDDEN)",
                                       out);
}

static int entities_open(sqlite3_vtab *vtab, sqlite3_vtab_cursor **out) {
    (void)vtab;
    entities_cursor *cur = lede_bind_cursor(sizeof *cur);
    if (!cur)
        return SQLITE_NOMEM;
    cur->eof = 1;
    *out = &cur->base;
    return SQLITE_OK;
}

/* Ends the current scan; the pipeline keeps its buffers for the next one
   (entities_close frees it). */
static void entities_reset(entities_cursor *cur) {
    sqlite3_free(cur->text);
    cur->text = NULL;
    cur->len = 0;
    cur->eof = 1;
}

static int entities_close(sqlite3_vtab_cursor *base) {
    entities_cursor *cur = (entities_cursor *)base;
    entities_reset(cur);
    if (cur->ext_open)
        lede_ner_extract_free(&cur->ext);
    lede_ner_memo_free(cur->memo);
    sqlite3_free(cur);
    return SQLITE_OK;
}

static int entities_next(sqlite3_vtab_cursor *base) {
    entities_cursor *cur = (entities_cursor *)base;
    if (!cur->ext_open) {
        cur->eof = 1;
        return SQLITE_OK;
    }
    lede_rc rc = lede_ner_extract_next(&cur->ext, &cur->ent);
    if (rc == LEDE_DONE) {
        entities_reset(cur);
        return SQLITE_OK;
    }
    if (rc != LEDE_OK) {
        entities_reset(cur);
        return lede_bind_rc(rc);
    }
    cur->seq++;
    return SQLITE_OK;
}

/* Sets the result to s[0..n), or NULL when s is NULL. */
static void entities_result_text(sqlite3_context *ctx, const char *s, size_t n) {
    if (s)
        sqlite3_result_text64(ctx, s, n, SQLITE_TRANSIENT, SQLITE_UTF8);
    else
        sqlite3_result_null(ctx);
}

static int entities_column(sqlite3_vtab_cursor *base, sqlite3_context *ctx, int col) {
    entities_cursor *cur = (entities_cursor *)base;
    const lede_ner_entity *e = &cur->ent;
    switch (col) {
    case ENT_COL_SEQ:
        sqlite3_result_int64(ctx, cur->seq);
        break;
    case ENT_COL_START:
        sqlite3_result_int64(ctx, (sqlite3_int64)e->span.cp_start);
        break;
    case ENT_COL_END:
        sqlite3_result_int64(ctx, (sqlite3_int64)e->span.cp_end);
        break;
    case ENT_COL_TEXT:
        entities_result_text(ctx, cur->text + e->span.byte_start,
                             e->span.byte_end - e->span.byte_start);
        break;
    case ENT_COL_LABEL:
        sqlite3_result_text(ctx, lede_ent_label_name(e->label), -1, SQLITE_STATIC);
        break;
    case ENT_COL_CANONICAL:
        entities_result_text(ctx, e->canonical, e->canonical_len);
        break;
    case ENT_COL_VALUE:
        entities_result_text(ctx, e->value, e->value_len);
        break;
    case ENT_COL_UNIT:
        entities_result_text(ctx, e->unit, e->unit_len);
        break;
    case ENT_COL_COUNTRY:
        entities_result_text(ctx, e->country[0] ? e->country : NULL, strlen(e->country));
        break;
    case ENT_COL_SENTENCE:
        sqlite3_result_int64(ctx, (sqlite3_int64)e->sentence);
        break;
    case ENT_COL_LAT:
    case ENT_COL_LON:
        if (e->has_point)
            sqlite3_result_double(ctx, col == ENT_COL_LAT ? e->lat : e->lon);
        else
            sqlite3_result_null(ctx);
        break;
    case ENT_COL_GEONAMES:
        if (e->geonames)
            sqlite3_result_int64(ctx, (sqlite3_int64)e->geonames);
        else
            sqlite3_result_null(ctx);
        break;
    case ENT_COL_INPUT:
        entities_result_text(ctx, cur->text, cur->len);
        break;
    case ENT_COL_ANCHOR:
        entities_result_text(ctx, cur->anchor[0] ? cur->anchor : NULL, strlen(cur->anchor));
        break;
    case ENT_COL_SCHEME:
        sqlite3_result_text(ctx, cur->scheme == LEDE_NER_SCHEME_CONLL ? "conll" : "ontonotes", -1,
                            SQLITE_STATIC);
        break;
    }
    return SQLITE_OK;
}

static int entities_rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *rowid) {
    *rowid = ((entities_cursor *)base)->seq;
    return SQLITE_OK;
}

static int entities_eof(sqlite3_vtab_cursor *base) { return ((entities_cursor *)base)->eof; }

/* 1 when s[0..n) is a real date written YYYY-MM-DD. */
static int entities_is_date(const unsigned char *s, size_t n) {
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0');
    int d = (s[8] - '0') * 10 + (s[9] - '0');
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

static int entities_filter(sqlite3_vtab_cursor *base, int idx_num, const char *idx_str, int argc,
                           sqlite3_value **argv) {
    entities_cursor *cur = (entities_cursor *)base;
    (void)idx_str;
    entities_reset(cur);
    cur->anchor[0] = '\0';
    cur->scheme = LEDE_NER_SCHEME_ONTONOTES;
    if (!(idx_num & 1) || argc < 1)
        return lede_bind_error(base->pVtab, "%s", ENT_USAGE);
    int ai = 1; /* the next argv */
    sqlite3_value *anchor = (idx_num & 2) && ai < argc ? argv[ai++] : NULL;
    sqlite3_value *scheme = (idx_num & 4) && ai < argc ? argv[ai++] : NULL;
    if (scheme && sqlite3_value_type(scheme) != SQLITE_NULL) {
        const char *sc = (const char *)sqlite3_value_text(scheme);
        size_t sn = (size_t)sqlite3_value_bytes(scheme);
        if (!sc)
            return SQLITE_NOMEM;
        if (sn == 5 && sqlite3_strnicmp(sc, "conll", 5) == 0)
            cur->scheme = LEDE_NER_SCHEME_CONLL;
        else if (!(sn == 9 && sqlite3_strnicmp(sc, "ontonotes", 9) == 0))
            return lede_bind_error(cur->base.pVtab,
                                   "lede_entities: scheme must be 'ontonotes' or 'conll', got "
                                   "'%.*s%s'",
                                   sn > 40 ? 40 : (int)sn, sc, sn > 40 ? "..." : "");
    }
    if (anchor && sqlite3_value_type(anchor) != SQLITE_NULL) {
        const unsigned char *a = sqlite3_value_text(anchor);
        size_t an = (size_t)sqlite3_value_bytes(anchor);
        if (!a)
            return SQLITE_NOMEM;
        if (!entities_is_date(a, an))
            return lede_bind_error(cur->base.pVtab,
                                   "lede_entities: anchor_date must be 'YYYY-MM-DD', got '%.*s%s'",
                                   an > 40 ? 40 : (int)an, (const char *)a, an > 40 ? "..." : "");
        memcpy(cur->anchor, a, 10);
        cur->anchor[10] = '\0';
    }
    int is_null;
    int rc = lede_bind_text_arg(argv[0], &cur->text, &cur->len, &is_null);
    if (rc != SQLITE_OK || is_null)
        return rc;
    if (!cur->memo && !(cur->memo = lede_ner_memo_new()))
        return SQLITE_NOMEM;
    const lede_ner_model *m = lede_ner_scheme_model(cur->scheme);
    const char *an = cur->anchor[0] ? cur->anchor : NULL;
    if (cur->ext_open) {
        lede_ner_extract_restart(&cur->ext, m, cur->scheme, cur->text, cur->len, an);
    } else {
        lede_ner_extract_init(&cur->ext, m, cur->scheme, cur->text, cur->len, an);
        lede_ner_extract_use_memo(&cur->ext, cur->memo);
    }
    cur->ext_open = 1;
    cur->eof = 0;
    cur->seq = -1;
    return entities_next(base);
}

static int entities_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info) {
    return lede_bind_best_index(vtab, info, ENT_COL_INPUT, 3, 1, ENT_USAGE);
}

static const sqlite3_module entities_module = {
    .iVersion = 0,
    .xCreate = NULL, /* eponymous only: no CREATE VIRTUAL TABLE */
    .xConnect = entities_connect,
    .xBestIndex = entities_best_index,
    .xDisconnect = lede_bind_disconnect,
    .xOpen = entities_open,
    .xClose = entities_close,
    .xFilter = entities_filter,
    .xNext = entities_next,
    .xEof = entities_eof,
    .xColumn = entities_column,
    .xRowid = entities_rowid,
};

int lede_entities_register(sqlite3 *db) {
    /* A model trained for other features would tag wrongly: refuse it. */
    if (lede_ner_model_check(&lede_ner_model_onto, NULL) != LEDE_OK ||
        lede_ner_model_check(&lede_ner_model_conll, NULL) != LEDE_OK)
        return SQLITE_ERROR;
    return sqlite3_create_module(db, "lede_entities", &entities_module, NULL);
}
