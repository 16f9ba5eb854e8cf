/*
 * tokens.c: the tokenizer of tokens.h.
 *
 * Three layers, each handing on what it cannot finish: lede_tok_next, the
 * hot path (one space, then an ASCII word, number or mark nothing joins);
 * tok_next_rest, the other fast cases read from byte classes (hyphens,
 * clitics, separators in numbers, periods, curly quotes and dashes); and the
 * general path, tok_next_general. There each scan_* function starts at a
 * byte index, reads characters through lede_utf8_next (so ill-formed input
 * steps as SQLite steps) and returns the byte index where its token ends;
 * tok_scan_general picks the scanner from the first character, and the
 * token's code points are counted after. The fast layers shortcut the
 * general path and never disagree with it (test_tokens checks).
 */
#include "tokens.h"

#include "abbrev.h"
#include "chars.h"
#include "utf8.h"

#include <string.h>

/* Longest local part of an e-mail address (RFC 5321), which also bounds the
   look-ahead the tokenizer spends on a word that may turn out to be one. */
#define TOK_EMAIL_LOCAL_MAX 64
#define TOK_EMAIL_DOMAIN_MAX 253

/* Reads the character at i: its value in *cp and the index after it; at the
   end of the input *cp is 0 and i is returned. */
static size_t tok_at(const lede_tok_iter *it, size_t i, uint32_t *cp) {
    if (i >= it->n) {
        *cp = 0;
        return i;
    }
    return lede_utf8_next(it->s, it->n, i, cp);
}

/* 1 when s[i..] starts with the m bytes of ASCII text p, ignoring case. */
static int tok_starts_with(const lede_tok_iter *it, size_t i, const char *p, size_t m) {
    if (it->n - i < m)
        return 0;
    for (size_t k = 0; k < m; k++)
        if (lede_ascii_lower((unsigned char)it->s[i + k]) != p[k])
            return 0;
    return 1;
}

/* ---- url ---------------------------------------------------------------- */

static int tok_url_stop(uint32_t c) {
    return c == 0 || lede_char_is_space(c) || c == '<' || c == '>' || c == '"' || c == 0x201Cu ||
           c == 0x201Du || c == 0x2018u || c == 0x2019u || c == 0xABu || c == 0xBBu;
}

static int tok_url_trailing(unsigned char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
           c == ')' || c == ']' || c == '}' || c == '*';
}

/* Returns the end of a URL starting at i, or i when none starts there. */
static size_t scan_url(const lede_tok_iter *it, size_t i) {
    size_t body;
    int first = lede_ascii_lower((unsigned char)it->s[i]);
    if (first != 'h' && first != 'f' && first != 'w')
        return i;
    if (tok_starts_with(it, i, "http://", 7))
        body = i + 7;
    else if (tok_starts_with(it, i, "https://", 8))
        body = i + 8;
    else if (tok_starts_with(it, i, "ftp://", 6))
        body = i + 6;
    else if (tok_starts_with(it, i, "www.", 4))
        body = i + 4;
    else
        return i;
    uint32_t c;
    tok_at(it, body, &c);
    if (!lede_char_is_alnum(c))
        return i;
    size_t j = body;
    long parens = 0, brackets = 0;
    for (;;) {
        size_t next = tok_at(it, j, &c);
        if (tok_url_stop(c))
            break;
        parens += (c == '(') - (c == ')');
        brackets += (c == '[') - (c == ']');
        j = next;
    }
    /* give back trailing punctuation, but keep brackets the address opened */
    while (j > body && tok_url_trailing((unsigned char)it->s[j - 1])) {
        unsigned char last = (unsigned char)it->s[j - 1];
        if (last == ')' && parens >= 0)
            break;
        if (last == ']' && brackets >= 0)
            break;
        parens += last == ')';
        brackets += last == ']';
        j--;
    }
    return j;
}

/* ---- email -------------------------------------------------------------- */

static int tok_email_local(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '%' || c == '+' || c == '-';
}

static int tok_ascii_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Returns the end of an e-mail address starting at i, or i when none does. */
static size_t scan_email(const lede_tok_iter *it, size_t i) {
    const unsigned char *u = (const unsigned char *)it->s;
    size_t j = i;
    while (j < it->n && j - i <= TOK_EMAIL_LOCAL_MAX && tok_email_local(u[j]))
        j++;
    if (j == i || j >= it->n || u[j] != '@' || j - i > TOK_EMAIL_LOCAL_MAX)
        return i;
    size_t d = j + 1, k = d;
    while (k < it->n && k - d <= TOK_EMAIL_DOMAIN_MAX &&
           (tok_ascii_alnum(u[k]) || u[k] == '.' || u[k] == '-'))
        k++;
    while (k > d && (u[k - 1] == '.' || u[k - 1] == '-'))
        k--;
    /* the domain needs a dot with letters after the last one */
    size_t dot = k;
    while (dot > d && u[dot - 1] != '.')
        dot--;
    if (dot <= d + 1 || k - dot < 2)
        return i;
    for (size_t t = dot; t < k; t++)
        if (!((u[t] | 0x20u) >= 'a' && (u[t] | 0x20u) <= 'z'))
            return i;
    return k;
}

/* ---- numbers and words -------------------------------------------------- */

/* Ends a run of characters for which ok() holds, from i. */
static size_t tok_run(const lede_tok_iter *it, size_t i, int (*ok)(uint32_t)) {
    uint32_t c;
    for (;;) {
        size_t next = tok_at(it, i, &c);
        if (next == i || !ok(c))
            return i;
        i = next;
    }
}

/* 1 when the letters s[a..b) are an ordinal or decade suffix: st nd rd th s. */
static int tok_number_suffix(const lede_tok_iter *it, size_t a, size_t b) {
    const char *p = it->s + a;
    size_t m = b - a;
    if (m == 1)
        return (p[0] | 0x20) == 's';
    if (m != 2)
        return 0;
    char x = (char)(p[0] | 0x20), y = (char)(p[1] | 0x20);
    return (x == 's' && y == 't') || (x == 'n' && y == 'd') || (x == 'r' && y == 'd') ||
           (x == 't' && y == 'h');
}

static int tok_is_upper_or_digit(uint32_t c) {
    return lede_char_is_upper(c) || lede_char_is_digit(c);
}

/* The clitics that split off before an apostrophe: 's 'd 'm 'll 're 've. */
static int tok_clitic(const lede_tok_iter *it, size_t a, size_t b) {
    const char *p = it->s + a;
    size_t m = b - a;
    char x = m > 0 ? (char)(p[0] | 0x20) : 0, y = m > 1 ? (char)(p[1] | 0x20) : 0;
    if (m == 1)
        return x == 's' || x == 'd' || x == 'm';
    if (m == 2)
        return (x == 'l' && y == 'l') || (x == 'r' && y == 'e') || (x == 'v' && y == 'e');
    return 0;
}

/* The end of the letters after an apostrophe at a (a run of ASCII letters
   ending at a non-alphanumeric character), or a when there are none. */
static size_t tok_apostrophe_tail(const lede_tok_iter *it, size_t a) {
    uint32_t c;
    size_t j = tok_at(it, a, &c); /* past the apostrophe */
    size_t k = j;
    while (k < it->n && ((it->s[k] | 0x20) >= 'a' && (it->s[k] | 0x20) <= 'z'))
        k++;
    tok_at(it, k, &c);
    if (k == j || lede_char_is_alnum(c))
        return a;
    return k;
}

/*
 * Scans the joiners after a word part ending at i: hyphens, an ampersand
 * between capitals, apostrophes inside names. start is where the word began.
 */
static size_t scan_word_tail(const lede_tok_iter *it, size_t start, size_t i) {
    for (;;) {
        uint32_t c, d, prev;
        size_t after = tok_at(it, i, &c);
        if (after == i)
            return i;
        size_t after2 = tok_at(it, after, &d);
        if (lede_char_is_hyphen(c) && lede_char_is_alnum(d)) {
            i = tok_run(it, after, lede_char_is_alnum);
            continue;
        }
        if (c == '&' && lede_char_is_upper(d)) {
            /* the character before i: i is past an ASCII or longer letter */
            size_t b = i - 1;
            while (b > start && ((unsigned char)it->s[b] & 0xC0u) == 0x80u)
                b--;
            lede_utf8_next(it->s, it->n, b, &prev);
            if (lede_char_is_upper(prev)) {
                i = tok_run(it, after, lede_char_is_alnum);
                continue;
            }
            return i;
        }
        if (lede_char_is_apostrophe(c) && lede_char_is_alpha(d)) {
            size_t tail = tok_apostrophe_tail(it, i);
            if (tail != i && tok_clitic(it, after, tail))
                return i; /* Japan|'s */
            if (tail == after2 && (it->s[after] | 0x20) == 't' && i - start >= 2 &&
                (it->s[i - 1] | 0x20) == 'n')
                return i - 1; /* do|n't */
            i = tok_run(it, after, lede_char_is_alnum);
            continue;
        }
        return i;
    }
}

/* 1 when the character just before byte i is a digit: the word starting at
   i is glued to a number ("532m", "40km"). */
/* 1 when a whole character ends at byte i (i > 0), which goes to *c. */
static int tok_char_before(const lede_tok_iter *it, size_t i, uint32_t *c) {
    size_t b = i - 1;
    while (b > 0 && ((unsigned char)it->s[b] & 0xC0u) == 0x80u)
        b--;
    return lede_utf8_next(it->s, it->n, b, c) == i;
}

static int tok_after_digit(const lede_tok_iter *it, size_t i) {
    uint32_t c;
    return i > 0 && tok_char_before(it, i, &c) && lede_char_is_digit(c);
}

/* After a word ending at i, the index past a period it keeps, or i. */
static size_t tok_keep_period(const lede_tok_iter *it, size_t start, size_t i) {
    uint32_t c, d;
    size_t after = tok_at(it, i, &c);
    if (c != '.')
        return i;
    tok_at(it, after, &d);
    if (lede_char_is_alnum(d))
        return i;
    uint32_t first;
    size_t one = lede_utf8_next(it->s, it->n, start, &first);
    if (one == i && lede_char_is_alpha(first)) {
        /* an initial (E.), unless glued to a number: then it is a multiplier
           or a unit, and "£532m." and "a 300m. race" end in a full stop */
        return tok_after_digit(it, start) ? i : after;
    }
    if (lede_abbrev_lookup(it->s + start, i - start) != LEDE_ABBREV_NONE)
        return after;
    return i;
}

/* A run of single letters each followed by a period, at least two: U.S. */
static size_t scan_initialism(const lede_tok_iter *it, size_t i) {
    size_t j = i, count = 0;
    for (;;) {
        uint32_t c, d;
        size_t a = tok_at(it, j, &c);
        if (a == j || !lede_char_is_alpha(c))
            break;
        size_t b = tok_at(it, a, &d);
        if (d != '.')
            break;
        j = b;
        count++;
    }
    if (count < 2)
        return i;
    /* "U.S.A" missing its last period still ends after the last letter */
    return j;
}

static size_t scan_word(const lede_tok_iter *it, size_t i) {
    size_t end = scan_initialism(it, i);
    if (end != i) {
        uint32_t c, d;
        size_t a = tok_at(it, end, &c);
        tok_at(it, a, &d);
        if (lede_char_is_hyphen(c) && lede_char_is_alnum(d))
            return scan_word_tail(it, i, end); /* U.S.-led */
        return end;
    }
    end = tok_run(it, i, lede_char_is_alnum);
    end = scan_word_tail(it, i, end);
    return tok_keep_period(it, i, end);
}

/* A number from i (a digit); *kind says whether it went on as a word. */
static size_t scan_number(const lede_tok_iter *it, size_t i, lede_tok_kind *kind) {
    size_t j = tok_run(it, i, lede_char_is_digit);
    for (;;) {
        uint32_t c, d;
        size_t a = tok_at(it, j, &c);
        tok_at(it, a, &d);
        if ((c == '.' || c == ',' || c == ':' || c == '/' || c == '-') && lede_char_is_digit(d)) {
            j = tok_run(it, a, lede_char_is_digit);
            continue;
        }
        break;
    }
    *kind = LEDE_TOK_NUMBER;
    uint32_t c;
    tok_at(it, j, &c);
    if (lede_char_is_alpha(c)) {
        size_t k = tok_run(it, j, lede_char_is_alpha);
        uint32_t d;
        tok_at(it, k, &d);
        if (!lede_char_is_alnum(d) && tok_number_suffix(it, j, k)) {
            j = k; /* 5th, 1990s */
        } else {
            size_t u = tok_run(it, j, tok_is_upper_or_digit);
            tok_at(it, u, &d);
            if (u == k && !lede_char_is_alnum(d)) {
                *kind = LEDE_TOK_WORD; /* 5G, 3D */
                j = u;
            } else {
                return j; /* 10km: number, then word */
            }
        }
    }
    size_t tail = scan_word_tail(it, i, j);
    if (tail != j)
        *kind = LEDE_TOK_WORD; /* 10-year-old */
    return tail;
}

/* ---- punctuation -------------------------------------------------------- */

static int tok_is_bang(uint32_t c) { return c == '!' || c == '?'; }
static int tok_is_period(uint32_t c) { return c == '.'; }
static int tok_is_ascii_hyphen(uint32_t c) { return c == '-'; }

/* ---- the iterator ------------------------------------------------------- */

/* An e-mail address can only start where a word or number did and go on
   past it with one of @ . _ % + -; then *end and *kind become the address. */
static void tok_try_email(const lede_tok_iter *it, size_t i, size_t *end, lede_tok_kind *kind) {
    if (*end >= it->n || (unsigned char)it->s[i] >= 0x80u)
        return;
    char c = it->s[*end];
    if (c != '@' && c != '.' && c != '_' && c != '%' && c != '+' && c != '-')
        return;
    size_t e = scan_email(it, i);
    if (e > *end) {
        *end = e;
        *kind = LEDE_TOK_EMAIL;
    }
}

/* 1 when the character before byte i is a letter, mark or digit, or a period
   after one (the 's of "Jr.'s"). */
static int tok_after_alnum(const lede_tok_iter *it, size_t i) {
    if (i == 0)
        return 0;
    if (it->s[i - 1] == '.' && i >= 2 && it->s[i - 2] != '.')
        i--;
    uint32_t c;
    return tok_char_before(it, i, &c) && lede_char_is_alnum(c);
}

void lede_tok_init(lede_tok_iter *it, const char *s, size_t n) { lede_tok_init_at(it, s, n, 0, 0); }

void lede_tok_init_at(lede_tok_iter *it, const char *s, size_t n, size_t byte, size_t cp) {
    it->s = s;
    it->n = n;
    it->byte = byte;
    it->cp = cp;
}

/* ---- the general path ---------------------------------------------------- */

#if defined(__GNUC__)
#define TOK_NOINLINE __attribute__((noinline))
#else
#define TOK_NOINLINE
#endif

/*
 * The token starting at byte i with the character c (ending at next) by the
 * general scanners: any character, any joiner. Stores its end and kind.
 */
/* Sets tok to the token at bytes [i, end), ncp code points from code point
   cp, and moves the iterator past it; returns 1. Every scanner ends here. */
static inline int tok_emit(lede_tok_iter *it, lede_token *tok, size_t i, size_t end, size_t cp,
                           size_t ncp, lede_tok_kind kind, unsigned newlines, unsigned space) {
    tok->span.byte_start = i;
    tok->span.byte_end = end;
    tok->span.cp_start = cp;
    tok->span.cp_end = cp + ncp;
    tok->kind = kind;
    tok->newlines_before = newlines;
    tok->space_before = space;
    it->byte = end;
    it->cp = cp + ncp;
    return 1;
}

static void tok_scan_general(const lede_tok_iter *it, size_t i, uint32_t c, size_t next,
                             unsigned spaces, size_t *end_out, lede_tok_kind *kind_out) {
    size_t end;
    lede_tok_kind kind;
    if ((end = scan_url(it, i)) != i) {
        kind = LEDE_TOK_URL;
    } else if (lede_char_is_digit(c)) {
        end = scan_number(it, i, &kind);
        tok_try_email(it, i, &end, &kind);
    } else if (lede_char_is_alnum(c)) {
        end = scan_word(it, i);
        kind = LEDE_TOK_WORD;
        tok_try_email(it, i, &end, &kind);
    } else if (lede_char_is_apostrophe(c) && spaces == 0 && tok_after_alnum(it, i) &&
               (end = tok_apostrophe_tail(it, i)) != i && tok_clitic(it, next, end)) {
        kind = LEDE_TOK_WORD; /* 's after Japan */
    } else if (c == '.') {
        end = tok_run(it, i, tok_is_period);
        kind = LEDE_TOK_PUNCT;
    } else if (c == '-') {
        end = tok_run(it, i, tok_is_ascii_hyphen);
        kind = LEDE_TOK_PUNCT;
    } else if (tok_is_bang(c)) {
        end = tok_run(it, i, tok_is_bang);
        kind = LEDE_TOK_PUNCT;
    } else if (lede_char_is_punct(c)) {
        end = next;
        kind = LEDE_TOK_PUNCT;
    } else {
        end = next;
        kind = LEDE_TOK_SYMBOL;
    }
    *end_out = end;
    *kind_out = kind;
}

/*
 * The next token by the general scanners, from byte i (code point cp) after
 * `spaces` characters of space holding `newlines` line breaks: skips any
 * further space (Unicode space included), decodes the first character and
 * picks its scanner. Kept out of line so that lede_tok_next stays small.
 */
static TOK_NOINLINE int tok_next_general(lede_tok_iter *it, lede_token *tok, size_t i, size_t cp,
                                         unsigned spaces, unsigned newlines) {
    const unsigned char *u = (const unsigned char *)it->s;
    uint32_t c = 0;
    size_t next = i;
    /* skip space, counting line breaks (CR LF is one) */
    while (i < it->n) {
        unsigned char b = u[i];
        if (b < 0x80u) {
            if (!lede_char_is_space(b)) {
                c = b;
                next = i + 1;
                break;
            }
            next = i + 1;
            if (b == '\n' || (b == '\r' && (next >= it->n || u[next] != '\n')))
                newlines += newlines < 255;
        } else {
            next = lede_utf8_next(it->s, it->n, i, &c);
            if (!lede_char_is_space(c))
                break;
            if (c == 0x2028u || c == 0x2029u || c == 0x85u)
                newlines += newlines < 255;
        }
        spaces++;
        i = next;
        cp++;
    }
    if (i >= it->n) {
        it->byte = i;
        it->cp = cp;
        return 0;
    }
    size_t end;
    lede_tok_kind kind;
    tok_scan_general(it, i, c, next, spaces, &end, &kind);
    return tok_emit(it, tok, i, end, cp, lede_utf8_count(it->s + i, end - i), kind, newlines,
                    spaces > 0 || i == 0);
}

int lede_tok_next_general(lede_tok_iter *it, lede_token *tok) {
    return tok_next_general(it, tok, it->byte, it->cp, 0, 0);
}

/* ---- the fast path ------------------------------------------------------- */

/*
 * Most news tokens are ASCII words, numbers and marks, and the curly quotes,
 * dashes and apostrophes of U+2013..U+2026, that nothing joins: the fast
 * path finds them from byte classes, without decoding UTF-8 or asking
 * utf8proc, and hands the token to the general path whenever the general
 * scanners could decide otherwise (an abbreviation with inner periods, a
 * joiner it does not follow, a URL or e-mail address, a non-ASCII letter).
 * Each case below says which general rule it shortcuts; test_tokens checks
 * the two paths against each other on random text.
 *
 * Byte classes: TOK_B_ALNUM an ASCII letter or digit, TOK_B_DIGIT an ASCII
 * digit, TOK_B_JOIN a byte that may make the token more than a run of
 * letters and digits (a period: an abbreviation, an initial, a URL; a
 * joiner: hyphen, ampersand, apostrophe; a character of an e-mail address
 * or URL; anything not ASCII), TOK_B_PUNCT ASCII punctuation (P*, less % #
 * & @ * which chars.c reads as symbols), TOK_B_SPACE ASCII space and
 * controls, TOK_B_NL the line breaks \n and \r.
 */
enum {
    TOK_B_ALNUM = 1,
    TOK_B_DIGIT = 2,
    TOK_B_JOIN = 4,
    TOK_B_PUNCT = 8,
    TOK_B_SPACE = 16,
    TOK_B_NL = 32
};

/* clang-format off */
static const unsigned char tok_byte_class[256] = {
    16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 48, 16, 16, 48, 16, 16, /* 00 */
    16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, /* 10 */
    16,  8,  8,  0,  0,  4,  4, 12,  8,  8,  0,  4,  8, 12, 12,  8, /* 20 */
     3,  3,  3,  3,  3,  3,  3,  3,  3,  3, 12,  8,  0,  0,  0,  8, /* 30 */
     4,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1, /* 40 */
     1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  8,  8,  8,  0, 12, /* 50 */
     0,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1, /* 60 */
     1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  8,  0,  8,  0, 16, /* 70 */
     4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4, /* 80 */
     4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4, /* 90 */
     4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4, /* A0 */
     4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4, /* B0 */
     4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4, /* C0 */
     4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4, /* D0 */
     4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4, /* E0 */
     4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4,  4, /* F0 */
};
/* clang-format on */

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The first index from j (up to n) that is not an ASCII letter or digit:
   sixteen bytes at a time with SSE2 where there are sixteen to read (a
   byte is a letter when, with bit 5 set, it lies in a..z, and a digit when
   it lies in 0..9; each range is one signed comparison). */
static inline size_t tok_alnum_end(const unsigned char *u, size_t n, size_t j) {
#if defined(__SSE2__)
    const __m128i lower = _mm_set1_epi8(0x20), letter_base = _mm_set1_epi8((char)('a' + 128)),
                  letter_lim = _mm_set1_epi8((char)(26 - 128)),
                  digit_base = _mm_set1_epi8((char)('0' + 128)),
                  digit_lim = _mm_set1_epi8((char)(10 - 128));
    while (n - j >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + j));
        __m128i letter =
            _mm_cmplt_epi8(_mm_sub_epi8(_mm_or_si128(x, lower), letter_base), letter_lim);
        __m128i digit = _mm_cmplt_epi8(_mm_sub_epi8(x, digit_base), digit_lim);
        unsigned stop = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit)) & 0xFFFFu;
        if (stop)
            return j + (size_t)__builtin_ctz(stop);
        j += 16;
    }
#endif
    while (j < n && (tok_byte_class[u[j]] & TOK_B_ALNUM))
        j++;
    return j;
}

/* The first index from j (up to n) that is not an ASCII digit. */
static inline size_t tok_digit_end(const unsigned char *u, size_t n, size_t j) {
    while (j < n && (tok_byte_class[u[j]] & TOK_B_DIGIT))
        j++;
    return j;
}

/* 1 when u[k..] is E2 80: a character of U+2000..U+203F (or an ill-formed
   one read as U+FFFD), which is never a letter or digit. */
static inline int tok_is_e280(const unsigned char *u, size_t n, size_t k) {
    return k + 1 < n && u[k] == 0xE2u && u[k + 1] == 0x80u;
}

/* 1 when u[k..] is exactly the three bytes E2 80 x (no continuation byte
   after them, which SQLite's stepping would take into the character). */
static inline int tok_is_e280_char(const unsigned char *u, size_t n, size_t k, unsigned char x) {
    return k + 2 < n && u[k] == 0xE2u && u[k + 1] == 0x80u && u[k + 2] == x &&
           (k + 3 >= n || (u[k + 3] & 0xC0u) != 0x80u);
}

/*
 * 1 when the character at k, after a word and its period, can neither make
 * the period part of something longer (an e-mail address, a URL, "e.g", an
 * ellipsis) nor be a letter or digit: then the word keeps its period
 * exactly when it is a listed abbreviation or an initial (tok_keep_period).
 */
static inline int tok_plain_after_period(const unsigned char *u, size_t n, size_t k) {
    if (k >= n)
        return 1;
    unsigned char a = u[k];
    return a < 0x80u ? !(tok_byte_class[a] & (TOK_B_ALNUM | TOK_B_JOIN)) : tok_is_e280(u, n, k);
}

/* The length of the apostrophe at k (' or U+2019), or 0. */
static inline size_t tok_apostrophe_len(const unsigned char *u, size_t n, size_t k) {
    if (k < n && u[k] == '\'')
        return 1;
    return tok_is_e280_char(u, n, k, 0x99u) ? 3 : 0;
}

/*
 * tok_apostrophe_tail for an apostrophe at a of m bytes, in ASCII: the end
 * of the clitic after it (tok_clitic: 's 'd 'm 'll 're 've) followed by
 * neither a letter nor a digit; 0 when there is none; (size_t)-1 when only
 * the general path can tell (a character not ASCII follows the letters).
 */
static inline size_t tok_fast_clitic(const unsigned char *u, size_t n, size_t a, size_t m) {
    size_t j = a + m, k = j;
    while (k < n && ((u[k] | 0x20u) >= 'a' && (u[k] | 0x20u) <= 'z'))
        k++;
    if (k < n && u[k] >= 0x80u)
        return (size_t)-1;
    if (k == j || (k < n && (tok_byte_class[u[k]] & TOK_B_ALNUM)))
        return 0;
    unsigned char x = (unsigned char)(u[j] | 0x20u), y = k - j > 1 ? (unsigned char)(u[j + 1] | 0x20u) : 0;
    if (k - j == 1)
        return x == 's' || x == 'd' || x == 'm' ? k : 0;
    if (k - j == 2)
        return (x == 'l' && y == 'l') || (x == 'r' && y == 'e') || (x == 'v' && y == 'e') ? k : 0;
    return 0;
}

/*
 * A token from the apostrophe at i of m bytes (' or U+2019): the clitic 's
 * after a word or number with no space between ("Japan's", "Jr.'s"), or the
 * apostrophe alone. Returns 0 for the general path.
 */
static inline int tok_fast_apostrophe(const unsigned char *u, size_t n, size_t i, size_t m,
                                      unsigned spaces, size_t *end, lede_tok_kind *kind) {
    size_t p = i; /* tok_after_alnum: the character before, or before its period */
    if (p > 0 && u[p - 1] == '.' && p >= 2 && u[p - 2] != '.')
        p--;
    *end = i + m;
    *kind = LEDE_TOK_PUNCT;
    if (spaces > 0 || p == 0)
        return 1;
    if (u[p - 1] >= 0x80u)
        return 0;
    if (!(tok_byte_class[u[p - 1]] & TOK_B_ALNUM))
        return 1;
    size_t tail = tok_fast_clitic(u, n, i, m);
    if (tail == (size_t)-1)
        return 0;
    if (tail) {
        *end = tail;
        *kind = LEDE_TOK_WORD;
    }
    return 1;
}

/*
 * A word from i (an ASCII letter): letters and digits, joined by hyphens to
 * more of them (scan_word_tail), ended by a byte no rule joins, by a clitic
 * (Japan|'s), or by a period it keeps or not (tok_keep_period). Returns 0
 * for the general path.
 */
static inline int tok_fast_word(const unsigned char *u, size_t n, size_t i, size_t *end) {
    size_t j = tok_alnum_end(u, n, i + 1);
    for (;;) {
        if (j >= n)
            break;
        unsigned char c = u[j];
        if (!(tok_byte_class[c] & TOK_B_JOIN))
            break; /* space, or a mark nothing joins: , ; ) " / */
        if (c == '-' && j + 1 < n && (tok_byte_class[u[j + 1]] & TOK_B_ALNUM)) {
            j = tok_alnum_end(u, n, j + 2); /* long-term, F-16 */
            continue;
        }
        if (c == '.') {
            if (!tok_plain_after_period(u, n, j + 1))
                return 0; /* U.S., e.g., www.x, 3.a, ... */
            if (j - i == 1) {
                /* an initial keeps its period, unless glued to a number */
                if (i > 0 && u[i - 1] >= 0x80u)
                    return 0;
                *end = i > 0 && u[i - 1] >= '0' && u[i - 1] <= '9' ? j : j + 1;
                return 1;
            }
            *end = lede_abbrev_lookup((const char *)u + i, j - i) != LEDE_ABBREV_NONE ? j + 1 : j;
            return 1;
        }
        if (c == ':') {
            if (j + 2 < n && u[j + 1] == '/' && u[j + 2] == '/')
                return 0; /* maybe http:// */
            break;
        }
        size_t m = tok_apostrophe_len(u, n, j);
        if (m) {
            size_t tail = tok_fast_clitic(u, n, j, m);
            if (tail == 0 || tail == (size_t)-1)
                return 0; /* O'Brien, do|n't, ... */
            break;         /* Japan|'s */
        }
        if (tok_is_e280(u, n, j) && (j + 2 >= n || (u[j + 2] != 0x90u && u[j + 2] != 0x91u)))
            break; /* a quote, dash or ellipsis of U+2000..U+203F */
        return 0;
    }
    *end = j;
    return 1;
}

/*
 * A number from i (an ASCII digit): digits joined by . , : / - to more
 * digits (scan_number), ended by a byte that neither adds a suffix or unit
 * (5th, 10km), nor a word tail (10-year-old), nor an e-mail address.
 * Returns 0 for the general path.
 */
static inline int tok_fast_number(const unsigned char *u, size_t n, size_t i, size_t *end) {
    size_t j = tok_digit_end(u, n, i + 1);
    while (j + 1 < n &&
           (u[j] == '.' || u[j] == ',' || u[j] == ':' || u[j] == '/' || u[j] == '-')) {
        unsigned char d = u[j + 1];
        if (d >= '0' && d <= '9')
            j = tok_digit_end(u, n, j + 2);
        else if (d >= 0x80u)
            return 0; /* a digit of another script? */
        else
            break;
    }
    if (j < n) {
        unsigned char c = u[j];
        unsigned cls = tok_byte_class[c];
        if (c == '.') {
            if (!tok_plain_after_period(u, n, j + 1))
                return 0;
        } else if (c == '%') {
            /* 7.5%: no e-mail address can go on from here */
            if (j + 1 < n && (tok_byte_class[u[j + 1]] & (TOK_B_ALNUM | TOK_B_JOIN)))
                return 0;
        } else if (c >= 0x80u) {
            if (!tok_is_e280(u, n, j) || (j + 2 < n && (u[j + 2] == 0x90u || u[j + 2] == 0x91u ||
                                                        u[j + 2] == 0x99u)))
                return 0;
        } else if (cls & (TOK_B_ALNUM | TOK_B_JOIN)) {
            return 0;
        }
    }
    *end = j;
    return 1;
}

/*
 * The next token from where the iterator stands, by every case of the fast
 * path and the general path after it: what lede_tok_next does not finish
 * itself.
 */
static TOK_NOINLINE int tok_next_rest(lede_tok_iter *it, lede_token *tok) {
    const unsigned char *u = (const unsigned char *)it->s;
    size_t n = it->n, i = it->byte, cp = it->cp;
    unsigned spaces = 0, newlines = 0, cls;
    /* skip ASCII space, counting line breaks (CR LF is one) */
    for (;;) {
        if (i >= n) {
            it->byte = i;
            it->cp = cp;
            return 0;
        }
        cls = tok_byte_class[u[i]];
        if (!(cls & TOK_B_SPACE))
            break;
        if ((cls & TOK_B_NL) && (u[i] == '\n' || i + 1 >= n || u[i + 1] != '\n'))
            newlines += newlines < 255;
        spaces++;
        i++;
        cp++;
    }
    unsigned char b = u[i];
    size_t end, ncp;
    lede_tok_kind kind;
    if (cls & TOK_B_ALNUM) {
        if (cls & TOK_B_DIGIT) {
            if (!tok_fast_number(u, n, i, &end))
                return tok_next_general(it, tok, i, cp, spaces, newlines);
            kind = LEDE_TOK_NUMBER;
        } else {
            if (!tok_fast_word(u, n, i, &end))
                return tok_next_general(it, tok, i, cp, spaces, newlines);
            kind = LEDE_TOK_WORD;
        }
        ncp = end - i;
    } else if (b < 0x80u) {
        end = i + 1;
        if (b == '.' || b == '-') { /* a run of periods, or of hyphens */
            while (end < n && u[end] == b)
                end++;
            kind = LEDE_TOK_PUNCT;
        } else if (b == '!' || b == '?') {
            while (end < n && (u[end] == '!' || u[end] == '?'))
                end++;
            kind = LEDE_TOK_PUNCT;
        } else if (b == '\'') {
            if (!tok_fast_apostrophe(u, n, i, 1, spaces, &end, &kind))
                return tok_next_general(it, tok, i, cp, spaces, newlines);
        } else {
            kind = (cls & TOK_B_PUNCT) ? LEDE_TOK_PUNCT : LEDE_TOK_SYMBOL;
        }
        ncp = end - i;
    } else if (i + 2 < n && b == 0xE2u && u[i + 1] == 0x80u &&
               (i + 3 >= n || (u[i + 3] & 0xC0u) != 0x80u) &&
               (u[i + 2] == 0x93u || u[i + 2] == 0x94u || u[i + 2] == 0x98u ||
                u[i + 2] == 0x9Cu || u[i + 2] == 0x9Du || u[i + 2] == 0xA6u)) {
        /* – — ‘ “ ” …: one mark */
        end = i + 3;
        ncp = 1;
        kind = LEDE_TOK_PUNCT;
    } else if (tok_is_e280_char(u, n, i, 0x99u)) {
        /* ’s after Japan, or the apostrophe alone */
        if (!tok_fast_apostrophe(u, n, i, 3, spaces, &end, &kind))
            return tok_next_general(it, tok, i, cp, spaces, newlines);
        ncp = end - i - 2;
    } else {
        return tok_next_general(it, tok, i, cp, spaces, newlines);
    }
    return tok_emit(it, tok, i, end, cp, ncp, kind, newlines, spaces > 0 || i == 0);
}

/*
 * The hot path: at most one space, then a word of ASCII letters and digits,
 * a number of ASCII digits or one ASCII mark, ended by a byte that joins
 * nothing (space, a comma, a closing bracket...). Anything else goes to
 * tok_next_rest from the start. It calls nothing else, so it needs few
 * registers and no stack frame.
 */
int lede_tok_next(lede_tok_iter *it, lede_token *tok) {
    const unsigned char *u = (const unsigned char *)it->s;
    size_t n = it->n, start = it->byte, i = start;
    if (i < n && u[i] == ' ')
        i++;
    if (i >= n)
        return tok_next_rest(it, tok);
    unsigned cls = tok_byte_class[u[i]];
    size_t end;
    lede_tok_kind kind;
    if (cls & TOK_B_ALNUM) {
        if (cls & TOK_B_DIGIT) {
            end = tok_digit_end(u, n, i + 1);
            if (end < n && ((tok_byte_class[u[end]] & (TOK_B_ALNUM | TOK_B_JOIN)) ||
                            u[end] == ',' || u[end] == '/'))
                return tok_next_rest(it, tok);
            kind = LEDE_TOK_NUMBER;
        } else {
            end = tok_alnum_end(u, n, i + 1);
            if (end < n && (tok_byte_class[u[end]] & TOK_B_JOIN))
                return tok_next_rest(it, tok);
            kind = LEDE_TOK_WORD;
        }
    } else if (cls & (TOK_B_JOIN | TOK_B_SPACE) || u[i] == '!' || u[i] == '?') {
        return tok_next_rest(it, tok);
    } else {
        end = i + 1;
        kind = (cls & TOK_B_PUNCT) ? LEDE_TOK_PUNCT : LEDE_TOK_SYMBOL;
    }
    return tok_emit(it, tok, i, end, it->cp + (i - start), end - i, kind, 0, i > start || i == 0);
}

const char *lede_tok_kind_name(lede_tok_kind kind) {
    switch (kind) {
    case LEDE_TOK_WORD:
        return "word";
    case LEDE_TOK_NUMBER:
        return "number";
    case LEDE_TOK_PUNCT:
        return "punct";
    case LEDE_TOK_SYMBOL:
        return "symbol";
    case LEDE_TOK_URL:
        return "url";
    case LEDE_TOK_EMAIL:
        return "email";
    }
    return "symbol";
}
