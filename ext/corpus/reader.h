/*
 * reader.h: the rows of lede_articles: the files of a folder tree (walk.h),
 * with compressed files, archives, record files and WARC crawls opened up,
 * through libarchive.
 *
 * What a file's name makes of it (lede_corpus_name_kind; case ignored):
 *  - archives, read as folders: .zip .tar .tgz .tar.gz .tar.bz2 .tbz2
 *    .tar.xz .txz .tar.zst; a member's path is the archive's path, '/',
 *    and the member's path as the archive stores it ("bbc.zip/a/001.txt";
 *    "..", a leading '/' and all are shown as stored, never used on the
 *    file system; names a zip marks as UTF-8 or gives in its code page are
 *    converted to UTF-8, tar names are kept as bytes);
 *  - compressed files: .gz .bz2 .xz .zst; the name without it decides what
 *    the content is ("a.html.gz" is HTML, "feed.jsonl.gz" records); the
 *    path stays the file's;
 *  - record files: .jsonl .ndjson (JSON Lines), .csv, .tsv; and WARC
 *    files: .warc; each gives one row per record, its path the file's path,
 *    '#' and the record's number from 1 ("feed.jsonl#17");
 *  - anything else is one article, HTML when named .html .htm .xhtml or
 *    when its text looks like HTML, plain text otherwise.
 * Archives inside archives are read to a depth of two (a zip in a tar);
 * one deeper is a row with an error. Compressed files, record files and
 * WARC files are read inside archives too.
 *
 * The pattern (glob.h) matches these paths: a member is a row when its path
 * matches, or when the archive's own path does (then every member is); an
 * archive is opened when either could happen. Record and WARC files are
 * matched by the file's path, without "#N".
 *
 * Laziness: a row is yielded from what is known without reading: a file's
 * name; a zip member's header, from the central directory, never inflated
 * unless its content is asked for (lede_corpus_reader_content). A record
 * or WARC row is known only by reading its file up to it. Rows of a folder
 * come in the walk's order, members in the archive's order, records in
 * file order.
 *
 * Limits: limit (max_size) applies to each article's bytes after
 * decompression (a member whose size is above it is not inflated), and to
 * each record. All that is inflated from one file on disk (members read,
 * archives and streams passed through) may not pass the larger of 100
 * times the file's size and twice the limit: past it the file gives a
 * row with an INFLATE error and the rest of it is not read (zip bombs).
 *
 * Faults are rows: a corrupt or truncated archive or compressed file gives
 * a row (path: the archive's, or the member being read) with a FORMAT
 * error naming the problem, and the scan goes on with the next file.
 *
 * WHERE path = P: lede_corpus_reader_open with target P opens only the
 * file on disk that P lies in (P itself, or the archive or record file P
 * names a member or record of) and yields only the row whose path is P.
 *
 * Who owns what: the caller owns the reader (zero it before the first
 * open) and lede_corpus_reader_close releases everything; it may then be
 * opened again. Row data (path, content, record fields) lives until the
 * next call.
 */
#ifndef LEDE_CORPUS_READER_H
#define LEDE_CORPUS_READER_H

#include "records.h"
#include "walk.h"
#include "warc.h"

typedef enum {
    LEDE_CORPUS_NAME_PLAIN = 0,
    LEDE_CORPUS_NAME_HTML,
    LEDE_CORPUS_NAME_ARCHIVE,
    LEDE_CORPUS_NAME_JSONL,
    LEDE_CORPUS_NAME_CSV,
    LEDE_CORPUS_NAME_TSV,
    LEDE_CORPUS_NAME_WARC
} lede_corpus_name;

/* What the file name name[0..n) makes of a file (above); *compressed is
   set when it is a compressed file (not an archive). */
lede_corpus_name lede_corpus_name_kind(const char *name, size_t n, int *compressed);

typedef enum {
    LEDE_CORPUS_FORMAT_TEXT = 0,
    LEDE_CORPUS_FORMAT_HTML,
    LEDE_CORPUS_FORMAT_JSON,
    LEDE_CORPUS_FORMAT_CSV,
    LEDE_CORPUS_FORMAT_WARC
} lede_corpus_format;

/* "text", "html", "json", "csv", "warc" */
const char *lede_corpus_format_name(lede_corpus_format f);

#define LEDE_CORPUS_LEVELS 4 /* libarchive readers open at once: two archives, and a
                                compressed stream or record file in each */

typedef struct lede_corpus_level lede_corpus_level;

typedef enum {
    LEDE_CORPUS_ROW_FILE,   /* a file on disk, read through the walk */
    LEDE_CORPUS_ROW_MEMBER, /* the current entry of the innermost archive or stream */
    LEDE_CORPUS_ROW_RECORD, /* a record of a record file or WARC file */
    LEDE_CORPUS_ROW_FAULT   /* nothing to read: fault says why */
} lede_corpus_row;

typedef struct {
    /* configuration of the scan */
    lede_corpus_walk walk;
    lede_corpus_glob glob;
    uint64_t limit;
    char *target; /* path = target, or NULL (lede_malloc) */
    size_t target_n;
    int found;     /* the target's row was given */
    int resumed;   /* the target was moved on without starting again */
    char *root;    /* a copy of root (lede_malloc) */
    unsigned flags;
    size_t outer_len; /* path bytes naming the file on disk being read */
    void *utf8;       /* locale_t C.UTF-8, for libarchive's name conversions, or NULL */

    /* open containers */
    lede_corpus_level *lv; /* LEDE_CORPUS_LEVELS of them */
    size_t depth;
    int rec_open;                  /* a record or WARC stream is open on the top level */
    lede_corpus_name rec_name;     /* which */
    size_t rec_prefix;             /* path bytes naming its file */
    int rec_all;                   /* its file matched the pattern */
    lede_corpus_stream stream;
    lede_corpus_records records;
    lede_corpus_warc warc;
    uint64_t inflated, inflate_limit; /* for the file on disk being read */
    int64_t file_mtime;               /* its mtime */

    /* the current row */
    lede_corpus_buf path;
    lede_corpus_row row;
    lede_corpus_fault fault;  /* the row's fault (kind NONE: none yet) */
    lede_corpus_name name;    /* what its name says */
    int have_stat, stat_ok;
    lede_corpus_stat st;
    int have_content;
    lede_corpus_buf content; /* FILE, MEMBER: the bytes read */
} lede_corpus_reader;

/*
 * Opens a scan of root (walk.h) with pattern g, limit, and optionally a
 * target path[0..target_n) (target NULL: all rows). LEDE_IO with *os_errno
 * when root cannot be opened; LEDE_NOMEM.
 */
lede_rc lede_corpus_reader_open(lede_corpus_reader *r, const char *root, const lede_corpus_glob *g,
                                unsigned flags, uint64_t limit, const char *target,
                                size_t target_n, int *os_errno);

/* The next row: LEDE_OK, LEDE_DONE, LEDE_NOMEM. */
lede_rc lede_corpus_reader_next(lede_corpus_reader *r);

/* Size and mtime of the row; 0 when unknown (a fault). May read it. */
lede_rc lede_corpus_reader_stat(lede_corpus_reader *r, int *ok);

/*
 * Reads the row's bytes (FILE, MEMBER) into r->content, once; a fault goes
 * to r->fault. Records keep theirs in r->records.raw / r->warc.
 */
lede_rc lede_corpus_reader_content(lede_corpus_reader *r);

/* The format of the current row, given that its content looks like HTML
   (html) or not. */
lede_corpus_format lede_corpus_reader_format(const lede_corpus_reader *r, int html);

/*
 * A new target for a scan opened with one, when it lies in the same file
 * on disk (a member of the same archive, a record of the same file): the
 * scan goes on from where it is, and starts again from the top of the file
 * only when the target is not found after it. Returns 1 when it could
 * (rows are then read with lede_corpus_reader_next as after an open), 0
 * when the caller must open again (*rc LEDE_NOMEM when out of memory). g
 * replaces the pattern (the same pattern, at its new address). Reading a
 * file's members or records in order, as the ingest does, so costs one
 * pass over it rather than one per row.
 */
int lede_corpus_reader_retarget(lede_corpus_reader *r, const lede_corpus_glob *g,
                                const char *target, size_t n, lede_rc *rc);

void lede_corpus_reader_close(lede_corpus_reader *r);

#endif
