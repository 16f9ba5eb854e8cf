/*
 * records.h: files of many articles, read one record at a time: JSON Lines
 * (NDJSON), CSV and TSV with a header row, and the fields scrapers give.
 *
 * A stream (lede_corpus_stream) is a window on bytes pulled from a file,
 * a compressed file or an archive member; memory is the longest record,
 * never the file.
 *
 * JSON Lines: one record per line (LF or CRLF); blank lines are not
 * records. The core only cuts lines; the object is decoded by the caller
 * (lede_articles uses SQLite's json_each) and its members named with
 * lede_corpus_field_role.
 *
 * CSV (RFC 4180) and TSV: fields separated by ',' (TSV: tab), records by
 * LF or CRLF; a field in double quotes may hold separators, newlines and
 * doubled quotes (""); a quote inside an unquoted field is kept as it is.
 * The first record is the header, whose names give each column's role.
 * Blank lines are not records. A record is malformed (its own row with an
 * error, the file goes on) when a quoted field has text after its closing
 * quote, when the file ends inside quotes, or when it has more fields than
 * the header (fewer are read as empty). Each record's bytes are decoded as
 * encoding.h says (UTF-8, else Windows-1252). A header row that is not
 * text or is malformed gives one malformed record, and the file is not read
 * further (its rows have no names); so does a file in UTF-16.
 *
 * Field roles, by name (case and '_' '-' ignored): title, headline; text,
 * maintext, body, content, article, articlebody; date, datepublish,
 * published, publishedat, pubdate, datepublished, publishdate; url, link;
 * authors, author, byline, creator; source, sourcedomain, sitename,
 * publisher. Other fields are ignored; the first of a role wins.
 *
 * Records are numbered from 1 in file order; a record longer than the
 * limit is a malformed record (the rest of it is skipped).
 *
 * Who owns what: the caller owns each struct (zeroed before first use) and
 * frees it with its _free call; returned texts point into it and live
 * until the next call.
 */
#ifndef LEDE_CORPUS_RECORDS_H
#define LEDE_CORPUS_RECORDS_H

#include "article.h"
#include "encoding.h"
#include "walk.h"

/* Pulls up to cap bytes into buf: *got 0 at the end. LEDE_IO with f set
   (kind FORMAT) when the source is corrupt; LEDE_NOMEM. */
typedef lede_rc (*lede_corpus_pull_fn)(void *ctx, char *buf, size_t cap, size_t *got,
                                       lede_corpus_fault *f);

typedef struct {
    lede_corpus_pull_fn pull;
    void *ctx;
    char *p;                 /* the window: p[start..end) not yet consumed */
    size_t start, end, cap;
    uint64_t offset;         /* stream offset of p[start] */
    int eof;                 /* the pull said the end */
    lede_corpus_fault fault; /* why the pull failed (kind NONE: it did not) */
} lede_corpus_stream;

void lede_corpus_stream_init(lede_corpus_stream *s, lede_corpus_pull_fn pull, void *ctx);

/* Makes p[start..start + want) available, or as much as the stream has.
   LEDE_OK (check end - start), LEDE_IO (s->fault), LEDE_NOMEM. */
lede_rc lede_corpus_stream_fill(lede_corpus_stream *s, size_t want);

/* Consumes n available bytes. */
void lede_corpus_stream_skip(lede_corpus_stream *s, size_t n);

void lede_corpus_stream_free(lede_corpus_stream *s);

typedef enum {
    LEDE_CORPUS_ROLE_NONE = 0,
    LEDE_CORPUS_ROLE_TITLE,
    LEDE_CORPUS_ROLE_TEXT,
    LEDE_CORPUS_ROLE_DATE,
    LEDE_CORPUS_ROLE_URL,
    LEDE_CORPUS_ROLE_AUTHORS,
    LEDE_CORPUS_ROLE_SOURCE,
    LEDE_CORPUS_ROLE_N
} lede_corpus_role;

/* The role of a field named name[0..n). */
lede_corpus_role lede_corpus_field_role(const char *name, size_t n);

/* An article's fields as a record gives them; authors_json when authors
   is already a JSON array of strings. */
typedef struct {
    lede_corpus_text f[LEDE_CORPUS_ROLE_N];
    int authors_json;
} lede_corpus_fields;

typedef enum { LEDE_CORPUS_RECORDS_JSONL, LEDE_CORPUS_RECORDS_CSV, LEDE_CORPUS_RECORDS_TSV } lede_corpus_records_kind;

typedef struct {
    lede_corpus_records_kind kind;
    uint64_t number;         /* the current record's, from 1 */
    lede_corpus_buf raw;     /* its bytes */
    lede_corpus_fault fault; /* kind FORMAT when it is malformed */
    const char *encoding;    /* CSV/TSV: the encoding it was read in */
    lede_corpus_fields fields; /* CSV/TSV: its fields, into values */
    /* CSV/TSV state */
    int have_header;
    lede_corpus_role *roles; /* per header column */
    size_t ncols, roles_cap;
    lede_corpus_buf values;  /* unquoted field values */
    lede_corpus_decoder dec;
} lede_corpus_records;

/*
 * Reads the next record of stream s into r (r->kind set by the caller
 * before the first call): LEDE_OK (a record, r->fault kind FORMAT when it
 * is malformed), LEDE_DONE at the end, LEDE_IO when the stream failed
 * (s->fault), LEDE_NOMEM.
 */
lede_rc lede_corpus_records_next(lede_corpus_records *r, lede_corpus_stream *s, uint64_t limit);

void lede_corpus_records_free(lede_corpus_records *r);

/*
 * Builds the article of a record: the text is read as article.h reads a
 * file (dateline, credits, boilerplate), or, when it is markup
 * (lede_corpus_looks_html; *html is then set), as html.h reads a page;
 * title, date, source, authors and url from the fields win over what the
 * text says (they are read as front matter, article.h, into meta). A date
 * field is read as ISO 8601 ("2025-01-07", "2025-01-07T09:30:00Z"), RFC
 * 822 ("Tue, 07 Jan 2025 09:30:00 GMT") or any date article.h reads;
 * authors as names one per line (a JSON array, as lede_articles passes
 * it), or separated by ',' ';' or " and ". scratch is the caller's buffer
 * for the text built; results live in a and meta.
 */
lede_rc lede_corpus_article_from_fields(lede_corpus_article *a, lede_corpus_article *meta,
                                        const lede_corpus_fields *fl, lede_corpus_buf *scratch,
                                        int *html);

/* Nonzero when s[0..n) is an HTML page (html.h) or a fragment of markup:
   it starts with a tag and has a closing tag. */
int lede_corpus_looks_html(const char *s, size_t n);

#endif
