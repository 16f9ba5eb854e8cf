/*
 * reader.c: the rows of reader.h.
 *
 * A stack of libarchive readers (levels): level 0 reads a file on disk
 * (its descriptor), each level above reads the current entry of the one
 * below (a read callback pulling archive_read_data). An archive level
 * yields members; a raw level (libarchive's "raw" format, any filter) is
 * one stream: a compressed file, or a record or WARC file, compressed or
 * not. A record or WARC stream (records.h, warc.h) pulls the current
 * entry's data of the top level.
 */
#include "reader.h"

#include <archive.h>
#include <archive_entry.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define READ_BLOCK 65536
#define INFLATE_RATIO 100

struct lede_corpus_level {
    struct archive *ar;
    lede_corpus_reader *r;
    int fd;                 /* level 0: the file's descriptor; else -1 */
    int raw;                /* one stream, not an archive */
    lede_corpus_name inner; /* raw: what the stream is (PLAIN, HTML, JSONL, ...) */
    int all;                /* the pattern matched the archive's own path */
    int dead;               /* libarchive failed for good: read no further */
    char why[96];           /* what it said, for the row that says the rest is not read */
    size_t prefix_len;      /* path bytes naming what it reads */
    struct archive_entry *entry; /* the current entry, or NULL */
    char *chunk;            /* READ_BLOCK bytes for the level above, or NULL */
};

/* ---- names ------------------------------------------------------------------ */

static int ends_ci(const char *s, size_t n, const char *suffix) {
    size_t k = strlen(suffix);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++) {
        unsigned char c = (unsigned char)s[n - k + i];
        if ((c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) != (unsigned char)suffix[i])
            return 0;
    }
    return 1;
}

lede_corpus_name lede_corpus_name_kind(const char *name, size_t n, int *compressed) {
    static const char *const archives[] = {".zip",  ".tar",    ".tgz",     ".tar.gz", ".tar.bz2",
                                           ".tbz2", ".tar.xz", ".txz",     ".tar.zst", NULL};
    static const char *const filters[] = {".gz", ".bz2", ".xz", ".zst", NULL};
    *compressed = 0;
    for (size_t k = 0; archives[k]; k++)
        if (ends_ci(name, n, archives[k]) && n > strlen(archives[k]))
            return LEDE_CORPUS_NAME_ARCHIVE;
    for (size_t k = 0; filters[k]; k++)
        if (ends_ci(name, n, filters[k]) && n > strlen(filters[k])) {
            *compressed = 1;
            n -= strlen(filters[k]);
            break;
        }
    if (ends_ci(name, n, ".jsonl") || ends_ci(name, n, ".ndjson"))
        return LEDE_CORPUS_NAME_JSONL;
    if (ends_ci(name, n, ".csv"))
        return LEDE_CORPUS_NAME_CSV;
    if (ends_ci(name, n, ".tsv"))
        return LEDE_CORPUS_NAME_TSV;
    if (ends_ci(name, n, ".warc"))
        return LEDE_CORPUS_NAME_WARC;
    if (ends_ci(name, n, ".html") || ends_ci(name, n, ".htm") || ends_ci(name, n, ".xhtml"))
        return LEDE_CORPUS_NAME_HTML;
    return LEDE_CORPUS_NAME_PLAIN;
}

const char *lede_corpus_format_name(lede_corpus_format f) {
    static const char *const names[] = {"text", "html", "json", "csv", "warc"};
    return names[f];
}

static int is_records(lede_corpus_name k) {
    return k == LEDE_CORPUS_NAME_JSONL || k == LEDE_CORPUS_NAME_CSV || k == LEDE_CORPUS_NAME_TSV ||
           k == LEDE_CORPUS_NAME_WARC;
}

lede_corpus_format lede_corpus_reader_format(const lede_corpus_reader *r, int html) {
    if (r->row == LEDE_CORPUS_ROW_RECORD) {
        if (r->rec_name == LEDE_CORPUS_NAME_WARC)
            return LEDE_CORPUS_FORMAT_WARC;
        return r->rec_name == LEDE_CORPUS_NAME_JSONL ? LEDE_CORPUS_FORMAT_JSON
                                                     : LEDE_CORPUS_FORMAT_CSV;
    }
    return r->name == LEDE_CORPUS_NAME_HTML || html ? LEDE_CORPUS_FORMAT_HTML
                                                    : LEDE_CORPUS_FORMAT_TEXT;
}

/* ---- paths ------------------------------------------------------------------ */

static lede_rc path_set(lede_corpus_reader *r, size_t keep, const char *add, size_t n) {
    if (keep + n + 1 > r->path.cap) {
        size_t cap = r->path.cap ? r->path.cap : 256;
        while (cap < keep + n + 1)
            cap *= 2;
        char *p = lede_realloc(r->path.p, cap);
        if (!p)
            return LEDE_NOMEM;
        r->path.p = p;
        r->path.cap = cap;
    }
    memcpy(r->path.p + keep, add, n);
    r->path.len = keep + n;
    r->path.p[r->path.len] = '\0';
    return LEDE_OK;
}

/* With a target: 0 when nothing at or below the current path can be it
   (below: the target goes on with '/' or '#'). */
static int on_target(const lede_corpus_reader *r) {
    if (!r->target)
        return 1;
    size_t n = r->path.len;
    if (r->target_n < n || memcmp(r->target, r->path.p, n) != 0)
        return 0;
    return r->target_n == n || r->target[n] == '/' || r->target[n] == '#';
}

static int is_target(const lede_corpus_reader *r) {
    return !r->target || (r->target_n == r->path.len && memcmp(r->target, r->path.p, r->path.len) == 0);
}

/* ---- faults ------------------------------------------------------------------ */

static void format_fault(lede_corpus_fault *f, const char *what, const char *why) {
    memset(f, 0, sizeof *f);
    f->kind = LEDE_CORPUS_FAULT_FORMAT;
    snprintf(f->detail, sizeof f->detail, "%.30s: %.78s", what, why && why[0] ? why : "unreadable");
}

static const char *level_what(const lede_corpus_level *l) {
    if (!l->raw)
        return "corrupt archive";
    return l->inner == LEDE_CORPUS_NAME_WARC ? "corrupt WARC file" : "corrupt compressed file";
}

/* ---- levels ----------------------------------------------------------------- */

/* The archive cannot go on: the next row says its rest is not read. */
static void level_kill(lede_corpus_level *l) {
    if (l->dead)
        return;
    l->dead = 1;
    const char *why = archive_error_string(l->ar);
    snprintf(l->why, sizeof l->why, "%s", why && why[0] ? why : "unreadable");
}

static la_ssize_t nested_read(struct archive *a, void *ctx, const void **buf) {
    lede_corpus_level *parent = ctx;
    la_ssize_t k = archive_read_data(parent->ar, parent->chunk, READ_BLOCK);
    if (k < 0) {
        archive_set_error(a, EIO, "%s", archive_error_string(parent->ar));
        if (k == ARCHIVE_FATAL)
            level_kill(parent);
        return -1;
    }
    parent->r->inflated += (uint64_t)k;
    if (parent->r->inflated > parent->r->inflate_limit) {
        archive_set_error(a, EFBIG, "inflate limit");
        return -1;
    }
    *buf = parent->chunk;
    return k;
}

static void level_close(lede_corpus_level *l) {
    if (l->ar)
        archive_read_free(l->ar);
    if (l->fd >= 0)
        close(l->fd);
    lede_free(l->chunk);
    memset(l, 0, sizeof *l);
    l->fd = -1;
}

static void pop(lede_corpus_reader *r) {
    if (r->depth == 0)
        return;
    level_close(&r->lv[--r->depth]);
}

static void pop_all(lede_corpus_reader *r) {
    r->rec_open = 0;
    while (r->depth > 0)
        pop(r);
}

/*
 * Pushes a level reading fd (level 0) or the current entry of the top
 * level. raw: one stream whose content is inner. On failure the row is a
 * fault naming what is at the current path.
 */
static lede_rc push(lede_corpus_reader *r, int fd, int raw, lede_corpus_name inner, int all,
                    int *ok) {
    *ok = 0;
    if (r->depth == LEDE_CORPUS_LEVELS) {
        if (fd >= 0)
            close(fd);
        format_fault(&r->fault, "not read", "nested more than two archives deep");
        r->row = LEDE_CORPUS_ROW_FAULT;
        return LEDE_OK;
    }
    lede_corpus_level *parent = r->depth ? &r->lv[r->depth - 1] : NULL;
    lede_corpus_level *l = &r->lv[r->depth];
    memset(l, 0, sizeof *l);
    l->fd = fd;
    l->r = r;
    l->raw = raw;
    l->inner = inner;
    l->all = all;
    l->prefix_len = r->path.len;
    if (parent && !parent->chunk && !(parent->chunk = lede_malloc(READ_BLOCK))) {
        if (fd >= 0)
            close(fd);
        return LEDE_NOMEM;
    }
    l->ar = archive_read_new();
    if (!l->ar) {
        if (fd >= 0)
            close(fd);
        return LEDE_NOMEM;
    }
    r->depth++;
    archive_read_support_filter_all(l->ar);
    if (raw) {
        archive_read_support_format_raw(l->ar);
    } else {
        archive_read_support_format_tar(l->ar);
        archive_read_support_format_gnutar(l->ar);
        if (fd >= 0) /* the central directory: members listed without inflating */
            archive_read_support_format_zip_seekable(l->ar);
        archive_read_support_format_zip_streamable(l->ar);
    }
    if (!r->utf8) /* made once per scan, when it first opens an archive */
        r->utf8 = (void *)newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    locale_t old = r->utf8 ? uselocale((locale_t)r->utf8) : (locale_t)0;
    int rc = fd >= 0 ? archive_read_open_fd(l->ar, fd, READ_BLOCK)
                     : archive_read_open(l->ar, parent, NULL, nested_read, NULL);
    if (r->utf8)
        uselocale(old);
    if (rc != ARCHIVE_OK) {
        if (r->inflated > r->inflate_limit) {
            r->fault.kind = LEDE_CORPUS_FAULT_INFLATE;
            r->fault.limit = r->inflate_limit;
        } else {
            format_fault(&r->fault, raw ? "cannot read compressed file" : "cannot read archive",
                         archive_error_string(l->ar));
        }
        r->row = LEDE_CORPUS_ROW_FAULT;
        pop(r); /* its parent's entry was partly read: the parent goes on with the next */
        return LEDE_OK;
    }
    *ok = 1;
    return LEDE_OK;
}

/* Every level is done, silently: a row has said why. */
static void pop_all_later(lede_corpus_reader *r) {
    for (size_t i = 0; i < r->depth; i++) {
        r->lv[i].dead = 1;
        r->lv[i].why[0] = '\0';
    }
}

/* Bytes inflated so far for the current file on disk. */
static uint64_t inflated(const lede_corpus_reader *r) {
    uint64_t n = r->inflated;
    for (size_t i = 0; i < r->depth; i++) {
        la_int64_t b = archive_filter_bytes(r->lv[i].ar, 0);
        if (b > 0 && archive_filter_count(r->lv[i].ar) > 1)
            n += (uint64_t)b;
    }
    return n;
}

static void inflate_fault(lede_corpus_reader *r) {
    memset(&r->fault, 0, sizeof r->fault);
    r->fault.kind = LEDE_CORPUS_FAULT_INFLATE;
    r->fault.limit = r->inflate_limit;
    r->row = LEDE_CORPUS_ROW_FAULT;
}

/* ---- record streams --------------------------------------------------------- */

static lede_rc pull_entry(void *ctx, char *buf, size_t cap, size_t *got, lede_corpus_fault *f) {
    lede_corpus_reader *r = ctx;
    lede_corpus_level *l = &r->lv[r->depth - 1];
    *got = 0;
    la_ssize_t k = archive_read_data(l->ar, buf, cap);
    if (k < 0) {
        format_fault(f, level_what(l), archive_error_string(l->ar));
        if (k == ARCHIVE_FATAL)
            level_kill(l);
        return LEDE_IO;
    }
    r->inflated += (uint64_t)k;
    if (inflated(r) > r->inflate_limit) {
        memset(f, 0, sizeof *f);
        f->kind = LEDE_CORPUS_FAULT_INFLATE;
        f->limit = r->inflate_limit;
        pop_all_later(r);
        return LEDE_IO;
    }
    *got = (size_t)k;
    return LEDE_OK;
}

static void rec_open(lede_corpus_reader *r, lede_corpus_name kind, int all) {
    r->rec_open = 1;
    r->rec_name = kind;
    r->rec_prefix = r->path.len;
    r->rec_all = all;
    lede_corpus_stream_init(&r->stream, pull_entry, r);
    lede_corpus_records_free(&r->records);
    r->records.kind = kind == LEDE_CORPUS_NAME_CSV   ? LEDE_CORPUS_RECORDS_CSV
                      : kind == LEDE_CORPUS_NAME_TSV ? LEDE_CORPUS_RECORDS_TSV
                                                     : LEDE_CORPUS_RECORDS_JSONL;
    lede_corpus_buf head = r->warc.head, body = r->warc.body, inflated = r->warc.inflated;
    memset(&r->warc, 0, sizeof r->warc);
    r->warc.head = head;
    r->warc.body = body;
    r->warc.inflated = inflated;
}

/* The number N of a target "...#N" when it names a record of the open
   record file; 0 when it names none. */
static uint64_t target_number(const lede_corpus_reader *r) {
    uint64_t v = 0;
    size_t i = r->rec_prefix + 1;
    if (r->target_n <= i || r->target[i] == '0')
        return 0;
    for (; i < r->target_n; i++) {
        if (r->target[i] < '0' || r->target[i] > '9' || v > UINT64_MAX / 10 - 10)
            return 0;
        v = v * 10 + (uint64_t)(r->target[i] - '0');
    }
    return v;
}

/* The next record row: 1 when there is one (r->row set), 0 at the end. */
static lede_rc rec_next(lede_corpus_reader *r, int *have) {
    *have = 0;
    uint64_t want = r->target ? target_number(r) : 0;
    /* a target that is the file itself can only be a fault of its stream */
    int file_only = r->target && want == 0;
    if (file_only && r->target_n != r->rec_prefix)
        return LEDE_OK;
    for (;;) {
        lede_rc rc;
        uint64_t number;
        lede_corpus_fault *rf;
        if (r->rec_name == LEDE_CORPUS_NAME_WARC) {
            rc = lede_corpus_warc_next(&r->warc, &r->stream, r->limit);
            number = r->warc.number;
            rf = &r->warc.fault;
        } else {
            rc = lede_corpus_records_next(&r->records, &r->stream, r->limit);
            number = r->records.number;
            rf = &r->records.fault;
        }
        if (rc == LEDE_DONE)
            return LEDE_OK;
        if (rc == LEDE_NOMEM)
            return rc;
        char num[24];
        int k = snprintf(num, sizeof num, "#%llu", (unsigned long long)(number + (rc == LEDE_IO)));
        if ((rc == LEDE_IO ? path_set(r, r->rec_prefix, "", 0)
                           : path_set(r, r->rec_prefix, num, (size_t)k)) != LEDE_OK)
            return LEDE_NOMEM;
        if (rc == LEDE_IO) { /* the stream broke: a row for the file, then no more */
            r->fault = r->stream.fault;
            r->row = LEDE_CORPUS_ROW_FAULT;
            r->rec_open = 0;
            *have = !r->target || is_target(r);
            return LEDE_OK;
        }
        if (file_only || (want && number < want))
            continue;
        if (want && number > want)
            return LEDE_OK;
        r->fault = *rf;
        r->row = LEDE_CORPUS_ROW_RECORD;
        *have = 1;
        return LEDE_OK;
    }
}

/* ---- the scan ----------------------------------------------------------------- */

/* What a file or member at the current path is made into: a row (returns
   with *have set), or a container opened (the loop goes on). fd: level 0. */
static lede_rc enter(lede_corpus_reader *r, int fd, int all, int *have) {
    size_t name = r->path.len;
    while (name > 0 && r->path.p[name - 1] != '/')
        name--;
    int compressed;
    lede_corpus_name kind = lede_corpus_name_kind(r->path.p + name, r->path.len - name, &compressed);
    r->name = kind;
    *have = 0;
    if (kind == LEDE_CORPUS_NAME_ARCHIVE || compressed || (is_records(kind) && fd >= 0)) {
        int archives = 0;
        for (size_t i = 0; i < r->depth; i++)
            archives += !r->lv[i].raw;
        if (kind == LEDE_CORPUS_NAME_ARCHIVE && archives >= 2) {
            format_fault(&r->fault, "not read", "an archive nested more than two deep");
            r->row = LEDE_CORPUS_ROW_FAULT;
            *have = is_target(r);
            return LEDE_OK;
        }
        int ok;
        lede_rc rc = push(r, fd, kind != LEDE_CORPUS_NAME_ARCHIVE, kind, all, &ok);
        if (rc != LEDE_OK)
            return rc;
        if (!ok)
            *have = is_target(r);
        return LEDE_OK;
    }
    if (is_records(kind)) { /* an uncompressed record file in an archive */
        rec_open(r, kind, all);
        return LEDE_OK;
    }
    r->row = fd >= 0 ? LEDE_CORPUS_ROW_FILE : LEDE_CORPUS_ROW_MEMBER;
    *have = is_target(r);
    return LEDE_OK;
}

static void reset_row(lede_corpus_reader *r) {
    memset(&r->fault, 0, sizeof r->fault);
    r->have_stat = r->stat_ok = r->have_content = 0;
    r->content.len = 0;
    r->name = LEDE_CORPUS_NAME_PLAIN;
}

static lede_rc next_row(lede_corpus_reader *r) {
    for (;;) {
        reset_row(r);
        if (r->rec_open) {
            int have;
            lede_rc rc = rec_next(r, &have);
            if (rc != LEDE_OK)
                return rc;
            if (have)
                return LEDE_OK;
            r->rec_open = 0;
            if (r->depth > 0 && r->lv[r->depth - 1].raw)
                pop(r);
            continue;
        }
        if (r->depth > 0) {
            lede_corpus_level *l = &r->lv[r->depth - 1];
            if (l->dead) { /* a row for what is not read, unless a row said so already */
                int row = l->why[0] != '\0' && (!l->raw || r->depth == 1);
                if (row) {
                    char what[160];
                    snprintf(what, sizeof what, "%s (the rest is not read)", l->why);
                    if (path_set(r, l->prefix_len, "", 0) != LEDE_OK)
                        return LEDE_NOMEM;
                    format_fault(&r->fault, level_what(l), what);
                    r->row = LEDE_CORPUS_ROW_FAULT;
                }
                pop(r);
                if (row && is_target(r))
                    return LEDE_OK;
                continue;
            }
            if (inflated(r) > r->inflate_limit) {
                pop_all(r);
                if (path_set(r, 0, r->path.p, r->lv[0].prefix_len) != LEDE_OK)
                    return LEDE_NOMEM;
                inflate_fault(r);
                return LEDE_OK;
            }
            struct archive_entry *e;
            /* member names in UTF-8, whatever the process's locale (uselocale is per thread) */
            locale_t old = r->utf8 ? uselocale((locale_t)r->utf8) : (locale_t)0;
            int ar = archive_read_next_header(l->ar, &e);
            const char *name = ar >= ARCHIVE_WARN && !l->raw ? archive_entry_pathname(e) : NULL;
            if (r->utf8)
                uselocale(old);
            if (ar == ARCHIVE_EOF) {
                pop(r);
                continue;
            }
            if (path_set(r, l->prefix_len, "", 0) != LEDE_OK)
                return LEDE_NOMEM;
            if (ar < ARCHIVE_WARN) {
                if (inflated(r) > r->inflate_limit) {
                    inflate_fault(r);
                } else {
                    format_fault(&r->fault, level_what(l), archive_error_string(l->ar));
                    r->row = LEDE_CORPUS_ROW_FAULT;
                }
                int want = is_target(r);
                pop(r);
                if (want)
                    return LEDE_OK;
                continue;
            }
            l->entry = e;
            if (l->raw) { /* the one stream: path stays the file's */
                if (!on_target(r))
                    continue;
                r->name = l->inner;
                if (is_records(l->inner)) {
                    rec_open(r, l->inner, l->all);
                    continue;
                }
                r->row = LEDE_CORPUS_ROW_MEMBER;
                if (is_target(r))
                    return LEDE_OK;
                continue;
            }
            if (!name)
                name = archive_entry_pathname_utf8(e);
            if (!name)
                name = "?";
            size_t nn = strlen(name);
            if (nn > 0 && name[nn - 1] == '/' && archive_entry_filetype(e) == AE_IFDIR)
                continue; /* folders are not rows, as in the walk */
            if (archive_entry_filetype(e) == AE_IFDIR)
                continue;
            if (path_set(r, l->prefix_len, "/", 1) != LEDE_OK ||
                path_set(r, r->path.len, name, nn) != LEDE_OK)
                return LEDE_NOMEM;
            if (!on_target(r))
                continue;
            int matched = l->all || lede_corpus_glob_match(&r->glob, r->path.p, r->path.len);
            if (archive_entry_filetype(e) != AE_IFREG) {
                if (!matched)
                    continue;
                r->fault.kind = LEDE_CORPUS_FAULT_NOT_REGULAR;
                r->fault.mode = (unsigned)archive_entry_filetype(e);
                r->row = LEDE_CORPUS_ROW_FAULT;
                if (is_target(r))
                    return LEDE_OK;
                continue;
            }
            int compressed;
            lede_corpus_name kind = lede_corpus_name_kind(name, nn, &compressed);
            if (!matched && !(kind == LEDE_CORPUS_NAME_ARCHIVE &&
                              lede_corpus_glob_may_enter(&r->glob, r->path.p, r->path.len)))
                continue;
            int have;
            lede_rc rc = enter(r, -1, matched, &have);
            if (rc != LEDE_OK)
                return rc;
            if (have)
                return LEDE_OK;
            continue;
        }
        /* the next entry of the walk */
        lede_corpus_entry e;
        lede_rc rc = lede_corpus_walk_next(&r->walk, &e);
        if (rc != LEDE_OK)
            return rc;
        if (path_set(r, 0, e.path, e.path_len) != LEDE_OK)
            return LEDE_NOMEM;
        if (e.fault.kind != LEDE_CORPUS_FAULT_NONE) {
            r->fault = e.fault;
            r->row = LEDE_CORPUS_ROW_FAULT;
            if (is_target(r))
                return LEDE_OK;
            continue;
        }
        if (!on_target(r))
            continue;
        int compressed;
        size_t name = r->path.len;
        while (name > 0 && r->path.p[name - 1] != '/')
            name--;
        lede_corpus_name kind = lede_corpus_name_kind(r->path.p + name, r->path.len - name, &compressed);
        if (kind != LEDE_CORPUS_NAME_ARCHIVE && !compressed && !is_records(kind)) {
            r->name = kind;
            r->row = LEDE_CORPUS_ROW_FILE;
            if (is_target(r))
                return LEDE_OK;
            continue;
        }
        int fd;
        if ((rc = lede_corpus_walk_open_file(&r->walk, &fd, &r->st, &r->fault)) != LEDE_OK)
            return rc;
        if (fd < 0) {
            r->row = LEDE_CORPUS_ROW_FAULT;
            if (is_target(r))
                return LEDE_OK;
            continue;
        }
        r->inflated = 0;
        r->file_mtime = r->st.mtime;
        r->outer_len = r->path.len;
        uint64_t by_ratio = r->st.size < UINT64_MAX / INFLATE_RATIO ? r->st.size * INFLATE_RATIO
                                                                   : UINT64_MAX;
        r->inflate_limit = r->limit < UINT64_MAX / 2 && by_ratio < 2 * r->limit ? 2 * r->limit
                                                                                  : by_ratio;
        int all = lede_corpus_glob_match(&r->glob, r->path.p, r->path.len);
        int have;
        if ((rc = enter(r, fd, all, &have)) != LEDE_OK)
            return rc;
        if (have)
            return LEDE_OK;
    }
}

lede_rc lede_corpus_reader_next(lede_corpus_reader *r) {
    if (r->target && r->found)
        return LEDE_DONE;
    lede_rc rc = next_row(r);
    if (rc == LEDE_DONE && r->resumed) {
        /* not found after where the last target was: look from the start */
        int os_errno;
        char *target = r->target, *root = r->root;
        size_t target_n = r->target_n;
        lede_corpus_glob g = r->glob;
        r->target = r->root = NULL;
        rc = lede_corpus_reader_open(r, root, &g, r->flags, r->limit, target, target_n, &os_errno);
        lede_free(target);
        lede_free(root);
        if (rc == LEDE_IO)
            return LEDE_DONE; /* the root went away since */
        if (rc != LEDE_OK)
            return rc;
        rc = next_row(r);
    }
    if (rc == LEDE_OK && r->target)
        r->found = 1;
    return rc;
}

int lede_corpus_reader_retarget(lede_corpus_reader *r, const lede_corpus_glob *g,
                                const char *target, size_t n, lede_rc *rc) {
    *rc = LEDE_OK;
    if (!r->target || !r->lv || (r->depth == 0 && !r->rec_open) || n <= r->outer_len ||
        memcmp(target, r->target, r->outer_len) != 0 ||
        (target[r->outer_len] != '/' && target[r->outer_len] != '#'))
        return 0;
    char *t = lede_realloc(r->target, n + 1);
    if (!t) {
        *rc = LEDE_NOMEM;
        return 0;
    }
    memcpy(t, target, n);
    t[n] = '\0';
    r->target = t;
    r->target_n = n;
    r->glob = *g;
    r->walk.glob = *g;
    r->found = 0;
    r->resumed = 1;
    return 1;
}

/* ---- content ------------------------------------------------------------------ */

/* Reads the current entry of the top level into r->content. */
static lede_rc read_member(lede_corpus_reader *r) {
    lede_corpus_level *l = &r->lv[r->depth - 1];
    struct archive_entry *e = l->entry;
    if (!l->raw && archive_entry_size_is_set(e) && (uint64_t)archive_entry_size(e) > r->limit) {
        r->fault.kind = LEDE_CORPUS_FAULT_TOO_LARGE;
        r->fault.size = (uint64_t)archive_entry_size(e);
        r->fault.limit = r->limit;
        return LEDE_OK;
    }
    r->content.len = 0;
    for (;;) {
        if (r->content.cap - r->content.len < READ_BLOCK + 1) {
            size_t cap = r->content.cap ? r->content.cap * 2 : 2 * READ_BLOCK;
            char *p = lede_realloc(r->content.p, cap);
            if (!p)
                return LEDE_NOMEM;
            r->content.p = p;
            r->content.cap = cap;
        }
        la_ssize_t k = archive_read_data(l->ar, r->content.p + r->content.len, READ_BLOCK);
        if (k < 0) {
            format_fault(&r->fault, level_what(l), archive_error_string(l->ar));
            if (k == ARCHIVE_FATAL)
                level_kill(l);
            return LEDE_OK;
        }
        if (k == 0)
            break;
        r->content.len += (size_t)k;
        r->inflated += (uint64_t)k;
        if (r->content.len > r->limit) {
            r->fault.kind = LEDE_CORPUS_FAULT_TOO_LARGE;
            r->fault.size = r->content.len; /* at least */
            r->fault.limit = r->limit;
            return LEDE_OK;
        }
        if (inflated(r) > r->inflate_limit) {
            r->fault.kind = LEDE_CORPUS_FAULT_INFLATE;
            r->fault.limit = r->inflate_limit;
            pop_all_later(r); /* this row says why the rest is not read */
            return LEDE_OK;
        }
    }
    r->content.p[r->content.len] = '\0';
    return LEDE_OK;
}

lede_rc lede_corpus_reader_content(lede_corpus_reader *r) {
    if (r->have_content)
        return LEDE_OK;
    r->have_content = 1;
    if (r->row == LEDE_CORPUS_ROW_FILE) {
        lede_corpus_stat st;
        lede_rc rc = lede_corpus_walk_read(&r->walk, r->limit, &r->content, &st, &r->fault);
        if (rc != LEDE_OK)
            return rc;
        lede_corpus_fault_kind k = r->fault.kind;
        if (k != LEDE_CORPUS_FAULT_READ && k != LEDE_CORPUS_FAULT_VANISHED) {
            r->st = st;
            r->have_stat = r->stat_ok = 1;
        }
        return LEDE_OK;
    }
    if (r->row == LEDE_CORPUS_ROW_MEMBER) {
        lede_rc rc = read_member(r);
        if (rc != LEDE_OK)
            return rc;
        if (r->fault.kind == LEDE_CORPUS_FAULT_NONE && !r->have_stat) {
            lede_corpus_level *l = &r->lv[r->depth - 1];
            r->st.size = r->content.len;
            r->st.mtime = !l->raw && archive_entry_mtime_is_set(l->entry)
                              ? (int64_t)archive_entry_mtime(l->entry)
                              : r->file_mtime;
            r->have_stat = r->stat_ok = 1;
        }
    }
    return LEDE_OK;
}

/* "2025-01-07T09:30:00Z" as seconds since 1970; 0 when it is not one. */
static int iso_time(const lede_corpus_text *t, int64_t *out) {
    int y, mo, d, h = 0, mi = 0, s = 0;
    char buf[32];
    if (!t->s || t->n >= sizeof buf)
        return 0;
    memcpy(buf, t->s, t->n);
    buf[t->n] = '\0';
    if (sscanf(buf, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) < 3)
        return 0;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
        return 0;
    /* days from civil (H. Hinnant's algorithm) */
    int64_t yy = y - (mo <= 2);
    int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    int64_t yoe = yy - era * 400;
    int64_t doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = era * 146097 + doe - 719468;
    *out = days * 86400 + h * 3600 + mi * 60 + s;
    return 1;
}

lede_rc lede_corpus_reader_stat(lede_corpus_reader *r, int *ok) {
    *ok = 0;
    if (r->have_stat) {
        *ok = r->stat_ok;
        return LEDE_OK;
    }
    r->have_stat = 1;
    switch (r->row) {
    case LEDE_CORPUS_ROW_FAULT:
        return LEDE_OK;
    case LEDE_CORPUS_ROW_FILE: {
        lede_corpus_fault f;
        lede_rc rc = lede_corpus_walk_stat(&r->walk, &r->st, &f);
        r->stat_ok = rc == LEDE_OK && f.kind == LEDE_CORPUS_FAULT_NONE;
        break;
    }
    case LEDE_CORPUS_ROW_MEMBER: {
        lede_corpus_level *l = &r->lv[r->depth - 1];
        if (!l->raw && archive_entry_size_is_set(l->entry)) {
            r->st.size = (uint64_t)archive_entry_size(l->entry);
            r->st.mtime = archive_entry_mtime_is_set(l->entry)
                              ? (int64_t)archive_entry_mtime(l->entry)
                              : r->file_mtime;
            r->stat_ok = 1;
            break;
        }
        r->have_stat = 0; /* a compressed stream: its size is known once read */
        lede_rc rc = lede_corpus_reader_content(r);
        if (rc != LEDE_OK)
            return rc;
        r->have_stat = 1;
        break;
    }
    case LEDE_CORPUS_ROW_RECORD:
        if ((r->rec_name == LEDE_CORPUS_NAME_WARC ? r->warc.fault : r->records.fault).kind !=
            LEDE_CORPUS_FAULT_NONE)
            return LEDE_OK;
        if (r->rec_name == LEDE_CORPUS_NAME_WARC) {
            r->st.size = r->warc.payload.n;
            if (!iso_time(&r->warc.date, &r->st.mtime))
                r->st.mtime = r->file_mtime;
        } else {
            r->st.size = r->records.raw.len;
            r->st.mtime = r->file_mtime;
        }
        r->stat_ok = 1;
        break;
    }
    *ok = r->stat_ok;
    return LEDE_OK;
}

/* ---- open and close ----------------------------------------------------------- */

lede_rc lede_corpus_reader_open(lede_corpus_reader *r, const char *root, const lede_corpus_glob *g,
                                unsigned flags, uint64_t limit, const char *target,
                                size_t target_n, int *os_errno) {
    lede_corpus_reader_close(r);
    r->glob = *g;
    r->limit = limit;
    r->flags = flags;
    r->root = lede_malloc(strlen(root) + 1);
    if (!r->root)
        return LEDE_NOMEM;
    memcpy(r->root, root, strlen(root) + 1);
    r->lv = lede_malloc(LEDE_CORPUS_LEVELS * sizeof *r->lv);
    if (!r->lv)
        return LEDE_NOMEM;
    memset(r->lv, 0, LEDE_CORPUS_LEVELS * sizeof *r->lv);
    for (size_t i = 0; i < LEDE_CORPUS_LEVELS; i++)
        r->lv[i].fd = -1;
    if (!target)
        return lede_corpus_walk_open(&r->walk, root, g, flags, os_errno);
    r->target = lede_malloc(target_n + 1);
    if (!r->target)
        return LEDE_NOMEM;
    memcpy(r->target, target, target_n);
    r->target[target_n] = '\0';
    r->target_n = target_n;
    /* the file on disk: the target itself, else the shortest prefix before a
       '/' or '#' that names an archive, compressed or record file */
    lede_rc rc = lede_corpus_walk_open_path(&r->walk, root, g, flags, target, target_n, os_errno);
    if (rc != LEDE_OK || r->walk.depth > 0)
        return rc;
    for (size_t i = 1; i < target_n; i++) {
        if (target[i] != '/' && target[i] != '#')
            continue;
        size_t name = i;
        while (name > 0 && target[name - 1] != '/')
            name--;
        int compressed;
        lede_corpus_name kind = lede_corpus_name_kind(target + name, i - name, &compressed);
        if (kind != LEDE_CORPUS_NAME_ARCHIVE && !compressed && !is_records(kind))
            continue;
        lede_corpus_glob all = {NULL, 0};
        lede_corpus_walk_close(&r->walk);
        /* the pattern is checked on the rows inside; the archive itself may not match it */
        rc = lede_corpus_walk_open_path(&r->walk, root, kind == LEDE_CORPUS_NAME_ARCHIVE ? &all : g,
                                        flags, target, i, os_errno);
        if (rc != LEDE_OK || r->walk.depth > 0)
            return rc;
    }
    return LEDE_OK;
}

void lede_corpus_reader_close(lede_corpus_reader *r) {
    if (r->lv) {
        pop_all(r);
        lede_free(r->lv);
    }
    lede_corpus_walk_close(&r->walk);
    lede_corpus_stream_free(&r->stream);
    lede_corpus_records_free(&r->records);
    lede_corpus_warc_free(&r->warc);
    lede_free(r->target);
    lede_free(r->root);
    if (r->utf8)
        freelocale((locale_t)r->utf8);
    lede_corpus_buf_free(&r->path);
    lede_corpus_buf_free(&r->content);
    memset(r, 0, sizeof *r);
}
