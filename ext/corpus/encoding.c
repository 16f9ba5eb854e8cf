/*
 * encoding.c: the encoding rules of encoding.h.
 *
 * One pass counts what the bytes hold (NUL, C0 controls, well-formed
 * multi-byte UTF-8 characters, ill-formed sequences); the rules then pick
 * the encoding, and iconv converts anything that is not UTF-8 already.
 * The iconv descriptor of the last charset used is kept in the decoder, so
 * a folder of Windows-1252 files opens it once.
 */
#include "encoding.h"

#include "../text/utf8.h"
#include "utf16.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

/* The first i >= from where s[i..] starts with the lowercase ASCII w,
   ignoring case; n when none. */
static size_t find_ci(const char *s, size_t n, size_t from, const char *w) {
    size_t wn = strlen(w);
    for (size_t i = from; i + wn <= n; i++) {
        size_t k = 0;
        while (k < wn && lower((unsigned char)s[i + k]) == w[k])
            k++;
        if (k == wn)
            return i;
    }
    return n;
}

static int name_char(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == '.' || c == ':';
}

/* Reads "= value" (spaces, optional quotes) at s[i..n) into out. */
static size_t read_value(const char *s, size_t n, size_t i, char *out, size_t cap) {
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    if (i >= n || s[i] != '=')
        return 0;
    i++;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    if (i < n && (s[i] == '"' || s[i] == '\''))
        i++;
    size_t o = 0;
    while (i < n && name_char((unsigned char)s[i]) && o + 1 < cap)
        out[o++] = (char)lower((unsigned char)s[i++]);
    if (i < n && name_char((unsigned char)s[i]))
        o = 0; /* longer than any charset name */
    if (cap > 0)
        out[o] = '\0';
    return o;
}

size_t lede_corpus_charset_param(const char *s, size_t n, char *out, size_t cap) {
    for (size_t i = find_ci(s, n, 0, "charset"); i < n; i = find_ci(s, n, i + 1, "charset")) {
        size_t k = read_value(s, n, i + 7, out, cap);
        if (k)
            return k;
    }
    if (cap > 0)
        out[0] = '\0';
    return 0;
}

size_t lede_corpus_charset_sniff(const char *s, size_t n, char *out, size_t cap) {
    if (n > 1024)
        n = 1024;
    if (cap > 0)
        out[0] = '\0';
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    if (n - i >= 5 && find_ci(s, i + 5, i, "<?xml") == i) {
        const char *end = memchr(s + i, '>', n - i);
        size_t e = end ? (size_t)(end - s) : n;
        size_t k = find_ci(s, e, i, "encoding");
        if (k < e)
            return read_value(s, e, k + 8, out, cap);
    }
    for (size_t m = find_ci(s, n, 0, "<meta"); m < n; m = find_ci(s, n, m + 5, "<meta")) {
        const char *end = memchr(s + m, '>', n - m);
        size_t e = end ? (size_t)(end - s) : n;
        size_t k = lede_corpus_charset_param(s + m, e - m, out, cap);
        if (k)
            return k;
    }
    return 0;
}

/* What one pass over the bytes found. */
typedef struct {
    size_t chars;    /* characters, as utf8.h steps them */
    size_t bad;      /* ill-formed sequences */
    size_t good;     /* well-formed characters of two bytes or more */
    size_t controls; /* C0 controls other than tab, LF, VT, FF, CR */
    int nul;
} byte_counts;

#define ONES 0x0101010101010101u
#define HIGHS 0x8080808080808080u

static void count_bytes(const char *s, size_t n, byte_counts *c) {
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < n;) {
        if (n - i >= 8) { /* eight printable ASCII bytes at a time (none below 0x20) */
            uint64_t v;
            memcpy(&v, s + i, 8);
            if (((v | ((v - ONES * 0x20) & ~v)) & HIGHS) == 0) {
                c->chars += 8;
                i += 8;
                continue;
            }
        }
        unsigned char b = (unsigned char)s[i];
        c->chars++;
        if (b < 0x80) {
            if (b == 0)
                c->nul = 1;
            else if (b < 0x20 && !(b >= 0x09 && b <= 0x0D))
                c->controls++;
            i++;
            continue;
        }
        uint32_t cp;
        size_t j = lede_utf8_next(s, n, i, &cp);
        if (lede_utf8_ill_formed(s, i, j, cp))
            c->bad++;
        else
            c->good++;
        i = j;
    }
}

/* Charset labels that mean windows-1252 (WHATWG), and those of UTF-8. */
static int is_1252_label(const char *name) {
    static const char *const labels[] = {
        "windows-1252", "cp1252",   "x-cp1252",    "iso-8859-1", "iso8859-1",
        "iso_8859-1",   "latin1",   "l1",          "us-ascii",   "ascii",
        "ansi_x3.4-1968", "iso-ir-100", "cp819", "ibm819", "csisolatin1", NULL};
    for (size_t k = 0; labels[k]; k++)
        if (strcmp(name, labels[k]) == 0)
            return 1;
    return 0;
}

static int is_utf8_label(const char *name) {
    return strcmp(name, "utf-8") == 0 || strcmp(name, "utf8") == 0 ||
           strcmp(name, "unicode-1-1-utf-8") == 0;
}

/*
 * Converts s[0..n) from charset from (an iconv name) into d->out. Returns
 * LEDE_OK with *bad_at == n when all converted, with *bad_at the offset of
 * the first byte that does not convert otherwise; LEDE_INVALID when iconv
 * does not know the name; LEDE_NOMEM.
 */
static lede_rc convert(lede_corpus_decoder *d, const char *from, const char *s, size_t n,
                       size_t *bad_at) {
    if (!d->cd || strcmp(d->cd_name, from) != 0) {
        if (d->cd)
            iconv_close((iconv_t)d->cd);
        d->cd = NULL;
        iconv_t cd = iconv_open("UTF-8", from);
        if (cd == (iconv_t)-1)
            return LEDE_INVALID;
        d->cd = (void *)cd;
        snprintf(d->cd_name, sizeof d->cd_name, "%s", from);
    }
    iconv_t cd = (iconv_t)d->cd;
    iconv(cd, NULL, NULL, NULL, NULL);
    size_t cap = n < SIZE_MAX / 4 ? n * 3 + 16 : 0;
    if (cap == 0)
        return LEDE_NOMEM;
    char *in = (char *)s;
    size_t in_left = n, o = 0;
    *bad_at = n;
    for (;;) {
        if (d->out.cap < cap) {
            char *p = lede_realloc(d->out.p, cap);
            if (!p)
                return LEDE_NOMEM;
            d->out.p = p;
            d->out.cap = cap;
        }
        char *outp = d->out.p + o;
        size_t out_left = d->out.cap - o - 1;
        size_t r = iconv(cd, in_left ? &in : NULL, in_left ? &in_left : NULL, &outp, &out_left);
        o = (size_t)(outp - d->out.p);
        if (r != (size_t)-1 && in_left == 0) {
            r = iconv(cd, NULL, NULL, &outp, &out_left); /* flush a stateful encoding */
            o = (size_t)(outp - d->out.p);
            if (r != (size_t)-1)
                break;
        }
        if (r == (size_t)-1 && errno == E2BIG) {
            if (cap > SIZE_MAX / 2)
                return LEDE_NOMEM;
            cap *= 2;
            continue;
        }
        if (r == (size_t)-1) { /* EILSEQ, or EINVAL: an incomplete sequence at the end */
            *bad_at = (size_t)(in - s);
            break;
        }
    }
    d->out.p[o] = '\0';
    d->out.len = o;
    return LEDE_OK;
}

lede_rc lede_corpus_decode(lede_corpus_decoder *d, const char *s, size_t n, const char *declared,
                           size_t dn, int sniff, const char **text, size_t *text_n,
                           const char **encoding, lede_corpus_fault *f) {
    memset(f, 0, sizeof *f);
    *text = s;
    *text_n = n;
    *encoding = d->name;
    d->name[0] = '\0';

    lede_corpus_utf16 bom = lede_corpus_utf16_detect(s, n);
    if (bom != LEDE_CORPUS_UTF16_NONE) {
        lede_corpus_check_text(s, n, f);
        if (f->kind != LEDE_CORPUS_FAULT_NONE)
            return LEDE_OK;
        if (lede_corpus_utf16_to_utf8(s, n, &d->out) != LEDE_OK)
            return LEDE_NOMEM;
        *text = d->out.p;
        *text_n = d->out.len;
        snprintf(d->name, sizeof d->name, "%s",
                 bom == LEDE_CORPUS_UTF16_LE ? "UTF-16LE" : "UTF-16BE");
        return LEDE_OK;
    }
    byte_counts c;
    count_bytes(s, n, &c);
    if (c.nul) {
        f->kind = LEDE_CORPUS_FAULT_BINARY_NUL;
        return LEDE_OK;
    }
    int utf8_bom = n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
    if (utf8_bom || c.bad == 0) {
        if (utf8_bom && c.bad * 4 > c.chars) {
            f->kind = LEDE_CORPUS_FAULT_BINARY_UTF8;
            f->percent = (unsigned)(c.bad * 100 / c.chars);
            return LEDE_OK;
        }
        if (utf8_bom) {
            *text = s + 3;
            *text_n = n - 3;
        }
        snprintf(d->name, sizeof d->name, "UTF-8");
        return LEDE_OK;
    }

    char charset[LEDE_CORPUS_CHARSET_MAX] = "";
    if (declared && dn > 0) {
        size_t k = 0;
        for (; k < dn && k + 1 < sizeof charset; k++)
            charset[k] = (char)lower((unsigned char)declared[k]);
        charset[k] = '\0';
        if (k < dn)
            charset[0] = '\0';
    }
    if (!charset[0] && sniff)
        lede_corpus_charset_sniff(s, n, charset, sizeof charset);
    size_t bad_at = n;
    if (charset[0] && !is_utf8_label(charset) && !is_1252_label(charset)) {
        lede_rc rc = convert(d, charset, s, n, &bad_at);
        if (rc == LEDE_NOMEM)
            return rc;
        if (rc == LEDE_OK && bad_at == n) {
            *text = d->out.p;
            *text_n = d->out.len;
            snprintf(d->name, sizeof d->name, "%s", charset);
            return LEDE_OK;
        }
    }
    if (c.bad * 4 > c.chars) { /* as many bytes out of place are not text */
        f->kind = LEDE_CORPUS_FAULT_BINARY_UTF8;
        f->percent = (unsigned)(c.bad * 100 / c.chars);
        return LEDE_OK;
    }
    if (!is_1252_label(charset) && c.good > c.bad) {
        snprintf(d->name, sizeof d->name, "UTF-8");
        return LEDE_OK;
    }
    if (c.controls * 100 <= c.chars) {
        lede_rc rc = convert(d, "WINDOWS-1252", s, n, &bad_at);
        if (rc == LEDE_NOMEM)
            return rc;
        if (rc == LEDE_OK && bad_at == n) {
            *text = d->out.p;
            *text_n = d->out.len;
            snprintf(d->name, sizeof d->name, "windows-1252");
            return LEDE_OK;
        }
        if (rc == LEDE_OK) {
            f->kind = LEDE_CORPUS_FAULT_UNDECODABLE;
            f->size = bad_at;
            f->byte = (unsigned char)s[bad_at];
            return LEDE_OK;
        }
    }
    f->kind = LEDE_CORPUS_FAULT_BINARY_UTF8;
    f->percent = (unsigned)(c.bad * 100 / c.chars);
    return LEDE_OK;
}

void lede_corpus_decoder_free(lede_corpus_decoder *d) {
    if (d->cd)
        iconv_close((iconv_t)d->cd);
    d->cd = NULL;
    d->cd_name[0] = '\0';
    lede_corpus_buf_free(&d->out);
}
