/*
 * warc.h: web crawls in WARC files (ISO 28500, WARC/1.0 and 1.1), read one
 * record at a time from a stream (records.h), as crawlers write them
 * (a .warc.gz is one gzip member per record; the stream has them inflated).
 *
 * A record is "WARC/1.x", header lines up to a blank line (CRLF or LF),
 * a block of Content-Length bytes, and two line ends. Records of type
 * response whose block is an HTTP response (Content-Type application/http)
 * with a payload of HTML (text/html, application/xhtml+xml) or text
 * (text/plain) are yielded, numbered from 1 among themselves; every other
 * record is skipped without being kept. For each: url (WARC-Target-URI),
 * date (WARC-Date), the HTTP Content-Type's charset, whether it is HTML,
 * and the payload (the block after the HTTP headers; chunked transfer
 * coding removed; a gzip or zstd Content-Encoding inflated, with
 * libarchive, to at most the limit).
 *
 * Faults are records with kind FORMAT: a payload over the limit, one
 * compressed in another way (br, deflate) or corrupt, a
 * record cut short by the end of the file (truncated); and a stream that
 * is not WARC where a record should start, or a header without a valid
 * Content-Length, after which the file is not read further (the records
 * cannot be found again).
 *
 * Who owns what: the caller owns the lede_corpus_warc (zeroed first) and
 * frees it with lede_corpus_warc_free; texts point into it until the next
 * call.
 */
#ifndef LEDE_CORPUS_WARC_H
#define LEDE_CORPUS_WARC_H

#include "records.h"

typedef struct {
    uint64_t number;         /* the current record's, from 1 */
    lede_corpus_fault fault; /* kind FORMAT when it cannot be read */
    lede_corpus_text url;    /* WARC-Target-URI, or NULL */
    lede_corpus_text date;   /* WARC-Date, or NULL */
    char charset[LEDE_CORPUS_CHARSET_MAX]; /* the HTTP header's, or "" */
    int html;                /* the payload is HTML */
    lede_corpus_text payload;
    lede_corpus_buf head, body, inflated; /* backing store */
    int stop;                /* the stream is lost: no more records */
} lede_corpus_warc;

/* LEDE_OK (a record; w->fault may be set), LEDE_DONE, LEDE_IO (s->fault),
   LEDE_NOMEM. */
lede_rc lede_corpus_warc_next(lede_corpus_warc *w, lede_corpus_stream *s, uint64_t limit);

void lede_corpus_warc_free(lede_corpus_warc *w);

#endif
