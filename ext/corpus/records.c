/*
 * records.c: streams, JSON Lines and CSV/TSV records, and articles built
 * from record fields (records.h).
 *
 * A record is found in the stream's window before it is consumed: a JSON
 * line ends at the first LF; a CSV record at the first LF outside quotes,
 * the scan remembering where it stopped (and whether inside quotes) so a
 * refill never rescans. A record longer than the limit is cut off: its
 * start is reported as malformed and the rest skipped to its end.
 */
#include "records.h"

#include "../text/chars.h"
#include "html.h"
#include "utf16.h"

#include <stdio.h>
#include <string.h>

/* ---- streams -------------------------------------------------------------- */

#define STREAM_CHUNK 65536

void lede_corpus_stream_init(lede_corpus_stream *s, lede_corpus_pull_fn pull, void *ctx) {
    char *p = s->p;
    size_t cap = s->cap;
    memset(s, 0, sizeof *s);
    s->p = p;
    s->cap = cap;
    s->pull = pull;
    s->ctx = ctx;
}

lede_rc lede_corpus_stream_fill(lede_corpus_stream *s, size_t want) {
    while (s->end - s->start < want && !s->eof) {
        if (s->fault.kind != LEDE_CORPUS_FAULT_NONE)
            return LEDE_IO;
        if (s->start > 0 && (s->end == s->start || s->cap - s->end < STREAM_CHUNK)) {
            memmove(s->p, s->p + s->start, s->end - s->start);
            s->end -= s->start;
            s->start = 0;
        }
        if (s->cap - s->end < STREAM_CHUNK) {
            size_t cap = s->cap ? s->cap : STREAM_CHUNK * 2;
            while (cap - s->end < STREAM_CHUNK) {
                if (cap > SIZE_MAX / 4)
                    return LEDE_NOMEM;
                cap *= 2;
            }
            char *p = lede_realloc(s->p, cap + 1);
            if (!p)
                return LEDE_NOMEM;
            s->p = p;
            s->cap = cap;
        }
        size_t got = 0;
        lede_rc rc = s->pull(s->ctx, s->p + s->end, s->cap - s->end, &got, &s->fault);
        if (rc != LEDE_OK)
            return rc;
        if (got == 0)
            s->eof = 1;
        s->end += got;
    }
    return LEDE_OK;
}

void lede_corpus_stream_skip(lede_corpus_stream *s, size_t n) {
    if (n > s->end - s->start)
        n = s->end - s->start;
    s->start += n;
    s->offset += n;
}

void lede_corpus_stream_free(lede_corpus_stream *s) {
    lede_free(s->p);
    memset(s, 0, sizeof *s);
}

/* ---- field roles ---------------------------------------------------------- */

lede_corpus_role lede_corpus_field_role(const char *name, size_t n) {
    static const struct {
        const char *name;
        lede_corpus_role role;
    } names[] = {
        {"title", LEDE_CORPUS_ROLE_TITLE},         {"headline", LEDE_CORPUS_ROLE_TITLE},
        {"text", LEDE_CORPUS_ROLE_TEXT},           {"maintext", LEDE_CORPUS_ROLE_TEXT},
        {"body", LEDE_CORPUS_ROLE_TEXT},           {"content", LEDE_CORPUS_ROLE_TEXT},
        {"article", LEDE_CORPUS_ROLE_TEXT},        {"articlebody", LEDE_CORPUS_ROLE_TEXT},
        {"date", LEDE_CORPUS_ROLE_DATE},           {"datepublish", LEDE_CORPUS_ROLE_DATE},
        {"published", LEDE_CORPUS_ROLE_DATE},      {"publishedat", LEDE_CORPUS_ROLE_DATE},
        {"pubdate", LEDE_CORPUS_ROLE_DATE},        {"datepublished", LEDE_CORPUS_ROLE_DATE},
        {"publishdate", LEDE_CORPUS_ROLE_DATE},    {"url", LEDE_CORPUS_ROLE_URL},
        {"link", LEDE_CORPUS_ROLE_URL},            {"authors", LEDE_CORPUS_ROLE_AUTHORS},
        {"author", LEDE_CORPUS_ROLE_AUTHORS},      {"byline", LEDE_CORPUS_ROLE_AUTHORS},
        {"creator", LEDE_CORPUS_ROLE_AUTHORS},     {"source", LEDE_CORPUS_ROLE_SOURCE},
        {"sourcedomain", LEDE_CORPUS_ROLE_SOURCE}, {"sitename", LEDE_CORPUS_ROLE_SOURCE},
        {"publisher", LEDE_CORPUS_ROLE_SOURCE},
    };
    char key[24];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c == '_' || c == '-' || c == ' ')
            continue;
        if (k + 1 >= sizeof key)
            return LEDE_CORPUS_ROLE_NONE;
        key[k++] = (char)lede_ascii_lower(c);
    }
    key[k] = '\0';
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(key, names[i].name) == 0)
            return names[i].role;
    return LEDE_CORPUS_ROLE_NONE;
}

/* ---- records -------------------------------------------------------------- */

static lede_rc buf_set(lede_corpus_buf *b, const char *s, size_t n) {
    if (n + 1 > b->cap) {
        char *p = lede_realloc(b->p, n + 1);
        if (!p)
            return LEDE_NOMEM;
        b->p = p;
        b->cap = n + 1;
    }
    memcpy(b->p, s, n);
    b->p[n] = '\0';
    b->len = n;
    return LEDE_OK;
}

static lede_rc buf_add(lede_corpus_buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1) {
            if (cap > SIZE_MAX / 2)
                return LEDE_NOMEM;
            cap *= 2;
        }
        char *p = lede_realloc(b->p, cap);
        if (!p)
            return LEDE_NOMEM;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return LEDE_OK;
}

static void set_detail(lede_corpus_fault *f, const char *msg, uint64_t number) {
    memset(f, 0, sizeof *f);
    f->kind = LEDE_CORPUS_FAULT_FORMAT;
    snprintf(f->detail, sizeof f->detail, "malformed record %llu: %.80s", (unsigned long long)number,
             msg);
}

/*
 * Finds the end of the record at the window's start: *len the bytes up to
 * (not with) its LF, *next past it. quotes: CSV quoting applies. Returns
 * 1 when found, 0 at the end of the stream without LF (the record is the
 * rest), -1 when the record passes limit (*len then what is there).
 */
static int record_end(lede_corpus_stream *s, int quotes, uint64_t limit, size_t *len, size_t *next,
                      lede_rc *rc) {
    size_t i = 0;
    int inq = 0;
    *rc = LEDE_OK;
    for (;;) {
        const char *p = s->p + s->start;
        size_t n = s->end - s->start;
        for (; i < n; i++) {
            char c = p[i];
            if (quotes && c == '"')
                inq = !inq;
            else if (c == '\n' && !inq) {
                *len = i;
                *next = i + 1;
                return 1;
            }
        }
        if (n > limit) {
            *len = n;
            *next = n;
            return -1;
        }
        if (s->eof) {
            *len = n;
            *next = n;
            return 0;
        }
        size_t want = n + STREAM_CHUNK;
        if ((*rc = lede_corpus_stream_fill(s, want)) != LEDE_OK)
            return 0;
    }
}

/* Skips to past the next LF (outside quotes when quotes is set: a record
   too long to keep). */
static lede_rc skip_rest(lede_corpus_stream *s, int quotes, int inq) {
    for (;;) {
        const char *p = s->p + s->start;
        size_t n = s->end - s->start;
        for (size_t i = 0; i < n; i++) {
            if (quotes && p[i] == '"')
                inq = !inq;
            else if (p[i] == '\n' && !inq) {
                lede_corpus_stream_skip(s, i + 1);
                return LEDE_OK;
            }
        }
        lede_corpus_stream_skip(s, n);
        if (s->eof)
            return LEDE_OK;
        lede_rc rc = lede_corpus_stream_fill(s, STREAM_CHUNK);
        if (rc != LEDE_OK)
            return rc;
        if (s->end == s->start && s->eof)
            return LEDE_OK;
    }
}

static int is_blank_line(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return 0;
    return 1;
}

/*
 * Splits the decoded CSV record t[0..n) into fields, each unquoted into
 * r->values (NUL after each), calling back with (index, value, length).
 * Returns NULL, or why it is malformed.
 */
typedef lede_rc (*field_fn)(lede_corpus_records *r, size_t col, const char *v, size_t vn);

static const char *split_csv(lede_corpus_records *r, const char *t, size_t n, char sep,
                             field_fn fn, lede_rc *rc) {
    size_t i = 0, col = 0;
    *rc = LEDE_OK;
    r->values.len = 0;
    if (n > 0 && t[n - 1] == '\r')
        n--;
    for (;;) {
        size_t start = r->values.len;
        if (i < n && t[i] == '"') {
            i++;
            for (;;) {
                const char *q = memchr(t + i, '"', n - i);
                if (!q)
                    return "the file ends inside a quoted field";
                size_t k = (size_t)(q - t);
                if ((*rc = buf_add(&r->values, t + i, k - i)) != LEDE_OK)
                    return NULL;
                i = k + 1;
                if (i < n && t[i] == '"') {
                    if ((*rc = buf_add(&r->values, "\"", 1)) != LEDE_OK)
                        return NULL;
                    i++;
                    continue;
                }
                break;
            }
            if (i < n && t[i] != sep)
                return "text after a closing quote";
        } else {
            const char *e = memchr(t + i, sep, n - i);
            size_t k = e ? (size_t)(e - t) : n;
            if ((*rc = buf_add(&r->values, t + i, k - i)) != LEDE_OK)
                return NULL;
            i = k;
        }
        if ((*rc = fn(r, col, r->values.p + start, r->values.len - start)) != LEDE_OK)
            return NULL;
        if ((*rc = buf_add(&r->values, "", 1)) != LEDE_OK) /* keep values apart */
            return NULL;
        col++;
        if (i >= n)
            break;
        i++; /* the separator */
    }
    if (r->have_header && col > r->ncols)
        return "more fields than the header";
    return NULL;
}

static lede_rc header_field(lede_corpus_records *r, size_t col, const char *v, size_t vn) {
    if (col >= r->roles_cap) {
        size_t cap = r->roles_cap ? r->roles_cap * 2 : 16;
        lede_corpus_role *p = lede_realloc(r->roles, cap * sizeof *p);
        if (!p)
            return LEDE_NOMEM;
        r->roles = p;
        r->roles_cap = cap;
    }
    lede_corpus_role role = lede_corpus_field_role(v, vn);
    for (size_t k = 0; k < col; k++)
        if (r->roles[k] == role)
            role = LEDE_CORPUS_ROLE_NONE; /* the first of a role wins */
    r->roles[col] = role;
    r->ncols = col + 1;
    return LEDE_OK;
}

/* Values are collected as offsets first (values moves as it grows). */
static lede_rc value_field(lede_corpus_records *r, size_t col, const char *v, size_t vn) {
    if (col < r->ncols && r->roles[col] != LEDE_CORPUS_ROLE_NONE) {
        lede_corpus_text *t = &r->fields.f[r->roles[col]];
        t->s = (const char *)(uintptr_t)(v - r->values.p + 1); /* offset + 1 */
        t->n = vn;
    }
    return LEDE_OK;
}

lede_rc lede_corpus_records_next(lede_corpus_records *r, lede_corpus_stream *s, uint64_t limit) {
    int csv = r->kind != LEDE_CORPUS_RECORDS_JSONL;
    char sep = r->kind == LEDE_CORPUS_RECORDS_TSV ? '\t' : ',';
    for (;;) {
        memset(&r->fault, 0, sizeof r->fault);
        memset(&r->fields, 0, sizeof r->fields);
        r->encoding = NULL;
        lede_rc rc = lede_corpus_stream_fill(s, 1);
        if (rc != LEDE_OK)
            return rc;
        if (s->end == s->start)
            return LEDE_DONE;
        if (r->number == 0 && !r->have_header && s->offset == 0) {
            /* a UTF-8 byte order mark before the first record */
            if ((rc = lede_corpus_stream_fill(s, 3)) != LEDE_OK)
                return rc;
            if (s->end - s->start >= 3 && memcmp(s->p + s->start, "\xEF\xBB\xBF", 3) == 0)
                lede_corpus_stream_skip(s, 3);
            else if (s->end - s->start >= 2 &&
                     lede_corpus_utf16_detect(s->p + s->start, 2) != LEDE_CORPUS_UTF16_NONE) {
                r->number++;
                set_detail(&r->fault, "UTF-16 record files are not read (convert to UTF-8)",
                           r->number);
                lede_corpus_stream_skip(s, s->end - s->start);
                s->eof = 1;
                return LEDE_OK;
            }
        }
        size_t len = 0, next = 0;
        int found = record_end(s, csv, limit, &len, &next, &rc);
        if (rc != LEDE_OK)
            return rc;
        const char *p = s->p + s->start;
        if (found >= 0 && is_blank_line(p, len)) {
            lede_corpus_stream_skip(s, next);
            continue;
        }
        if (found < 0 || len > limit) { /* too long: report and skip the rest */
            r->number++;
            char msg[80];
            snprintf(msg, sizeof msg, "longer than the limit of %llu bytes",
                     (unsigned long long)limit);
            set_detail(&r->fault, msg, r->number);
            int inq = 0;
            for (size_t i = 0; csv && i < len; i++)
                inq ^= p[i] == '"';
            if ((rc = buf_set(&r->raw, p, len > 256 ? 256 : len)) != LEDE_OK)
                return rc;
            if (found >= 0) {
                lede_corpus_stream_skip(s, next);
                return LEDE_OK;
            }
            lede_corpus_stream_skip(s, len);
            return skip_rest(s, csv, inq);
        }
        size_t n = len;
        if (n > 0 && p[n - 1] == '\r' && !csv)
            n--;
        if ((rc = buf_set(&r->raw, p, n)) != LEDE_OK)
            return rc;
        lede_corpus_stream_skip(s, next);
        if (!csv) {
            r->number++;
            return LEDE_OK;
        }
        /* CSV/TSV: decode, then split */
        const char *t;
        size_t tn;
        lede_corpus_fault df;
        if ((rc = lede_corpus_decode(&r->dec, r->raw.p, r->raw.len, NULL, 0, 0, &t, &tn,
                                     &r->encoding, &df)) != LEDE_OK)
            return rc;
        if (!r->have_header) {
            const char *why = "the header row is not text";
            if (df.kind == LEDE_CORPUS_FAULT_NONE) {
                why = split_csv(r, t, tn, sep, header_field, &rc);
                if (rc != LEDE_OK)
                    return rc;
                if (why)
                    why = "the header row is malformed";
            }
            r->have_header = 1;
            if (why) { /* without names the rows cannot be read: one row says so, then none */
                r->number++;
                set_detail(&r->fault, why, r->number);
                lede_corpus_stream_skip(s, s->end - s->start);
                s->eof = 1;
                return LEDE_OK;
            }
            continue;
        }
        r->number++;
        if (df.kind != LEDE_CORPUS_FAULT_NONE) {
            char msg[100];
            lede_corpus_fault_message(&df, msg, sizeof msg);
            set_detail(&r->fault, msg, r->number);
            return LEDE_OK;
        }
        const char *why = split_csv(r, t, tn, sep, value_field, &rc);
        if (rc != LEDE_OK)
            return rc;
        if (why) {
            set_detail(&r->fault, why, r->number);
            memset(&r->fields, 0, sizeof r->fields);
            return LEDE_OK;
        }
        for (int k = 0; k < LEDE_CORPUS_ROLE_N; k++) /* offsets to pointers */
            if (r->fields.f[k].s)
                r->fields.f[k].s = r->values.p + ((uintptr_t)r->fields.f[k].s - 1);
        return LEDE_OK;
    }
}

void lede_corpus_records_free(lede_corpus_records *r) {
    lede_corpus_buf_free(&r->raw);
    lede_corpus_buf_free(&r->values);
    lede_free(r->roles);
    lede_corpus_decoder_free(&r->dec);
    memset(r, 0, sizeof *r);
}

/* ---- articles from fields ------------------------------------------------- */

/* Adds s[0..n) with line breaks turned to spaces. */
static lede_rc add_line(lede_corpus_buf *b, const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r')
            j++;
        lede_rc rc = buf_add(b, s + i, j - i);
        if (rc != LEDE_OK)
            return rc;
        if (j < n && (rc = buf_add(b, " ", 1)) != LEDE_OK)
            return rc;
        i = j + 1;
    }
    return LEDE_OK;
}

static lede_rc add_key(lede_corpus_buf *b, const char *key, const lede_corpus_text *t) {
    lede_rc rc;
    if ((rc = buf_add(b, key, strlen(key))) != LEDE_OK || (rc = add_line(b, t->s, t->n)) != LEDE_OK)
        return rc;
    return buf_add(b, "\n", 1);
}

/* Adds the names in s[0..n) as "- name" lines, split at newlines, ';', ','
   and " and ". */
static lede_rc add_authors(lede_corpus_buf *b, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\n' && s[j] != ';' && s[j] != ',' &&
               !(j + 5 <= n && memcmp(s + j, " and ", 5) == 0))
            j++;
        size_t a = i, e = j;
        while (a < e && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r'))
            a++;
        while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r'))
            e--;
        if (e > a) {
            lede_rc rc;
            if ((rc = buf_add(b, "- ", 2)) != LEDE_OK || (rc = buf_add(b, s + a, e - a)) != LEDE_OK ||
                (rc = buf_add(b, "\n", 1)) != LEDE_OK)
                return rc;
        }
        i = j < n && s[j] == ' ' ? j + 5 : j + 1;
    }
    return LEDE_OK;
}

int lede_corpus_looks_html(const char *s, size_t n) {
    if (lede_corpus_html_sniff(s, n))
        return 1;
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    if (i >= n || s[i] != '<' || i + 1 >= n)
        return 0;
    char c = (char)lede_ascii_lower((unsigned char)s[i + 1]);
    if (!(c >= 'a' && c <= 'z'))
        return 0;
    for (size_t k = i; k + 1 < n; k++) /* a closing tag somewhere: a fragment of markup */
        if (s[k] == '<' && s[k + 1] == '/')
            return 1;
    return 0;
}

lede_rc lede_corpus_article_from_fields(lede_corpus_article *a, lede_corpus_article *meta,
                                        const lede_corpus_fields *fl, lede_corpus_buf *scratch,
                                        int *html) {
    const lede_corpus_text *f = fl->f;
    lede_rc rc;
    scratch->len = 0;
    *html = 0;
    if ((rc = buf_add(scratch, "---\n", 4)) != LEDE_OK)
        return rc;
    if (f[LEDE_CORPUS_ROLE_TITLE].s &&
        (rc = add_key(scratch, "title: ", &f[LEDE_CORPUS_ROLE_TITLE])) != LEDE_OK)
        return rc;
    if (f[LEDE_CORPUS_ROLE_DATE].s) {
        lede_corpus_text d = f[LEDE_CORPUS_ROLE_DATE];
        /* RFC 822 dates start with a weekday: "Tue, 07 Jan 2025" */
        if (d.n > 5 && d.s[3] == ',' && d.s[0] >= 'A' && d.s[0] <= 'Z') {
            d.s += 4;
            d.n -= 4;
        }
        if ((rc = add_key(scratch, "date: ", &d)) != LEDE_OK)
            return rc;
    }
    if (f[LEDE_CORPUS_ROLE_SOURCE].s &&
        (rc = add_key(scratch, "source: ", &f[LEDE_CORPUS_ROLE_SOURCE])) != LEDE_OK)
        return rc;
    if (f[LEDE_CORPUS_ROLE_URL].s && (rc = add_key(scratch, "url: ", &f[LEDE_CORPUS_ROLE_URL])) != LEDE_OK)
        return rc;
    if (f[LEDE_CORPUS_ROLE_AUTHORS].s) {
        if ((rc = buf_add(scratch, "authors:\n", 9)) != LEDE_OK ||
            (rc = add_authors(scratch, f[LEDE_CORPUS_ROLE_AUTHORS].s,
                              f[LEDE_CORPUS_ROLE_AUTHORS].n)) != LEDE_OK)
            return rc;
    }
    if ((rc = buf_add(scratch, "---\n", 4)) != LEDE_OK)
        return rc;
    const lede_corpus_text *text = &f[LEDE_CORPUS_ROLE_TEXT];
    if (text->s && lede_corpus_looks_html(text->s, text->n)) {
        /* the page gives body, dateline and what the fields do not */
        *html = 1;
        if ((rc = lede_corpus_article_parse(meta, scratch->p, scratch->len)) != LEDE_OK ||
            (rc = lede_corpus_html_parse(a, text->s, text->n)) != LEDE_OK)
            return rc;
        if (meta->title.s)
            a->title = meta->title;
        if (meta->published.s)
            a->published = meta->published;
        if (meta->source.s)
            a->source = meta->source;
        if (meta->authors.n > 2)
            a->authors = meta->authors;
        if (meta->url.s)
            a->url = meta->url;
        return LEDE_OK;
    }
    if (text->s && (rc = buf_add(scratch, text->s, text->n)) != LEDE_OK)
        return rc;
    return lede_corpus_article_parse(a, scratch->p, scratch->len);
}
