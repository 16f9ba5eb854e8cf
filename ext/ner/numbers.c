/*
 * numbers.c: exact decimals and number phrases (numbers.h).
 *
 * A lede_num is kept normalised: no leading or trailing zero digits (the
 * trailing ones move into the exponent), nd = 0 for zero. Number words are
 * accumulated in a uint64_t with overflow checks and converted once.
 */
#include "numbers.h"

#include <string.h>

/* ---- the decimal ---------------------------------------------------------- */

static void num_zero(lede_num *x) {
    memset(x, 0, sizeof *x);
    x->ok = 1;
}

static void num_fail(lede_num *x) { memset(x, 0, sizeof *x); }

/* Strips leading and trailing zeros and checks the exponent's range. */
static void num_normalise(lede_num *x) {
    size_t lead = 0;
    while (lead < x->nd && x->d[lead] == 0)
        lead++;
    if (lead) {
        memmove(x->d, x->d + lead, x->nd - lead);
        x->nd = (uint8_t)(x->nd - lead);
    }
    while (x->nd && x->d[x->nd - 1] == 0) {
        x->nd--;
        x->exp++;
    }
    if (x->nd == 0) {
        x->exp = 0;
        x->neg = 0;
    }
    if (x->exp > LEDE_NUM_EXP_MAX || x->exp < -LEDE_NUM_EXP_MAX)
        num_fail(x);
}

void lede_num_set_u64(lede_num *x, uint64_t v) {
    uint8_t rev[20];
    size_t k = 0;
    num_zero(x);
    while (v) {
        rev[k++] = (uint8_t)(v % 10);
        v /= 10;
    }
    for (size_t j = 0; j < k; j++)
        x->d[j] = rev[k - 1 - j];
    x->nd = (uint8_t)k;
    num_normalise(x);
}

void lede_num_shift(lede_num *x, int k) {
    if (!x->ok)
        return;
    if (x->nd == 0)
        return;
    if (k > LEDE_NUM_EXP_MAX || k < -LEDE_NUM_EXP_MAX) {
        num_fail(x);
        return;
    }
    x->exp = (int16_t)(x->exp + k);
    num_normalise(x);
}

void lede_num_mul(lede_num *x, uint32_t m) {
    if (!x->ok)
        return;
    if (m == 0) {
        num_zero(x);
        return;
    }
    /* Schoolbook multiplication from the least significant digit; the
       result grows by at most 10 digits. */
    uint8_t out[LEDE_NUM_DIGITS + 10];
    size_t n = x->nd, k = sizeof out;
    uint64_t carry = 0;
    for (size_t j = n; j-- > 0;) {
        uint64_t p = (uint64_t)x->d[j] * m + carry;
        out[--k] = (uint8_t)(p % 10);
        carry = p / 10;
    }
    while (carry) {
        out[--k] = (uint8_t)(carry % 10);
        carry /= 10;
    }
    size_t len = sizeof out - k;
    /* Drop trailing zeros first: they cost no precision. */
    int16_t exp = x->exp;
    while (len && out[k + len - 1] == 0) {
        len--;
        exp++;
    }
    if (len > LEDE_NUM_DIGITS) {
        num_fail(x);
        return;
    }
    memcpy(x->d, out + k, len);
    x->nd = (uint8_t)len;
    x->exp = exp;
    num_normalise(x);
}

int lede_num_int(const lede_num *x, int64_t lo, int64_t hi, int64_t *v) {
    if (!x->ok || x->exp < 0 || x->nd + x->exp > 18)
        return 0;
    int64_t r = 0;
    for (size_t j = 0; j < x->nd; j++)
        r = r * 10 + x->d[j];
    for (int j = 0; j < x->exp; j++)
        r *= 10;
    if (x->neg)
        r = -r;
    if (r < lo || r > hi)
        return 0;
    *v = r;
    return 1;
}

size_t lede_num_format(const lede_num *x, char *out, size_t cap) {
    if (cap == 0)
        return 0;
    out[0] = '\0';
    if (!x->ok)
        return 0;
    char buf[LEDE_NUM_DIGITS + 2 * LEDE_NUM_EXP_MAX + 4];
    size_t k = 0;
    if (x->nd == 0) {
        buf[k++] = '0';
    } else {
        if (x->neg)
            buf[k++] = '-';
        int intdigits = (int)x->nd + x->exp; /* digits before the point */
        if (intdigits <= 0) {
            buf[k++] = '0';
            buf[k++] = '.';
            for (int j = 0; j < -intdigits; j++)
                buf[k++] = '0';
            for (size_t j = 0; j < x->nd; j++)
                buf[k++] = (char)('0' + x->d[j]);
        } else {
            for (int j = 0; j < intdigits; j++)
                buf[k++] = (char)('0' + (j < (int)x->nd ? x->d[j] : 0));
            if (intdigits < (int)x->nd) {
                buf[k++] = '.';
                for (size_t j = (size_t)intdigits; j < x->nd; j++)
                    buf[k++] = (char)('0' + x->d[j]);
            }
        }
    }
    if (k + 1 > cap)
        return 0;
    memcpy(out, buf, k);
    out[k] = '\0';
    return k;
}

/* ---- digits --------------------------------------------------------------- */

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* Appends digit c to x; 0 when there is no room for a significant digit. */
static int num_push(lede_num *x, int c, int *started) {
    if (c == 0 && !*started)
        return 1; /* leading zero */
    *started = 1;
    if (x->nd >= LEDE_NUM_DIGITS)
        return 0;
    x->d[x->nd++] = (uint8_t)c;
    return 1;
}

/*
 * Checks the digit groups between separators: group lengths g[0..ng).
 * Western: first 1..3, the rest 3. Indian: last 3, first 1..2, the rest 2.
 */
static int groups_ok(const size_t *g, size_t ng) {
    if (ng < 2)
        return 1;
    int western = g[0] >= 1 && g[0] <= 3, indian = g[ng - 1] == 3 && g[0] >= 1 && g[0] <= 2;
    for (size_t k = 1; k < ng; k++) {
        if (g[k] != 3)
            western = 0;
        if (k < ng - 1 && g[k] != 2)
            indian = 0;
    }
    return western || indian;
}

int lede_num_parse(lede_num *x, const char *s, size_t n) {
    num_zero(x);
    if (n == 0 || n > 64 || !is_digit(s[0]) || !is_digit(s[n - 1])) {
        num_fail(x);
        return 0;
    }
    size_t commas = 0, dots = 0, first_comma = n, first_dot = n, last_comma = 0, last_dot = 0;
    for (size_t k = 0; k < n; k++) {
        if (s[k] == ',') {
            commas++;
            if (first_comma == n)
                first_comma = k;
            last_comma = k;
        } else if (s[k] == '.') {
            dots++;
            if (first_dot == n)
                first_dot = k;
            last_dot = k;
        } else if (!is_digit(s[k])) {
            num_fail(x);
            return 0;
        }
        if (k && !is_digit(s[k]) && !is_digit(s[k - 1])) {
            num_fail(x);
            return 0;
        }
    }
    /* Decide which separator groups and which one is the decimal point. */
    char group = 0, point = 0;
    if (commas && dots) {
        if (dots == 1 && first_dot > last_comma) {
            group = ',';
            point = '.';
        } else if (commas == 1 && first_comma > last_dot) {
            group = '.';
            point = ',';
        } else {
            num_fail(x);
            return 0;
        }
    } else if (dots == 1) {
        point = '.';
    } else if (dots > 1) {
        group = '.';
    } else if (commas) {
        group = ',';
    }
    size_t g[40], ng = 0, len = 0, int_end = n;
    for (size_t k = 0; k < n; k++) {
        if (s[k] == point) {
            int_end = k;
            break;
        }
        if (s[k] == group) {
            if (ng >= 39) {
                num_fail(x);
                return 0;
            }
            g[ng++] = len;
            len = 0;
        } else {
            len++;
        }
    }
    g[ng++] = len;
    if (group && !groups_ok(g, ng)) {
        /* One comma that does not group three digits is a decimal comma. */
        if (group == ',' && commas == 1 && !dots) {
            point = ',';
            int_end = first_comma;
        } else {
            num_fail(x);
            return 0;
        }
    }
    int started = 0;
    for (size_t k = 0; k < int_end; k++)
        if (is_digit(s[k]) && !num_push(x, s[k] - '0', &started)) {
            num_fail(x);
            return 0;
        }
    for (size_t k = int_end + 1; k < n; k++) {
        if (!is_digit(s[k])) {
            num_fail(x);
            return 0;
        }
        if (!started && s[k] == '0') {
            x->exp--; /* 0.05: a leading fractional zero only moves the point */
            continue;
        }
        if (!num_push(x, s[k] - '0', &started)) {
            num_fail(x);
            return 0;
        }
        x->exp--;
    }
    if (!started)
        x->exp = 0;
    num_normalise(x);
    return x->ok;
}

/* ---- words ---------------------------------------------------------------- */

enum { W_UNIT, W_TENS, W_HUNDRED, W_SCALE, W_DOZEN };

typedef struct {
    const char *w;
    uint8_t kind;
    uint8_t v; /* units and tens: the value; scales: the power of ten */
} num_word;

/* Sorted by w (strcmp order): lede_num_word is a binary search. */
static const num_word num_words[] = {
    {"billion", W_SCALE, 9},   {"bln", W_SCALE, 9},       {"bn", W_SCALE, 9},
    {"crore", W_SCALE, 7},     {"crores", W_SCALE, 7},    {"dozen", W_DOZEN, 12},
    {"eight", W_UNIT, 8},      {"eighteen", W_UNIT, 18},  {"eighty", W_TENS, 80},
    {"eleven", W_UNIT, 11},    {"fifteen", W_UNIT, 15},   {"fifty", W_TENS, 50},
    {"five", W_UNIT, 5},       {"forty", W_TENS, 40},     {"four", W_UNIT, 4},
    {"fourteen", W_UNIT, 14},  {"hundred", W_HUNDRED, 2}, {"lakh", W_SCALE, 5},
    {"lakhs", W_SCALE, 5},     {"million", W_SCALE, 6},   {"mln", W_SCALE, 6},
    {"mn", W_SCALE, 6},        {"nine", W_UNIT, 9},       {"nineteen", W_UNIT, 19},
    {"ninety", W_TENS, 90},    {"one", W_UNIT, 1},        {"seven", W_UNIT, 7},
    {"seventeen", W_UNIT, 17}, {"seventy", W_TENS, 70},   {"six", W_UNIT, 6},
    {"sixteen", W_UNIT, 16},   {"sixty", W_TENS, 60},     {"ten", W_UNIT, 10},
    {"thirteen", W_UNIT, 13},  {"thirty", W_TENS, 30},    {"thousand", W_SCALE, 3},
    {"three", W_UNIT, 3},      {"tn", W_SCALE, 12},       {"trillion", W_SCALE, 12},
    {"trn", W_SCALE, 12},      {"twelve", W_UNIT, 12},    {"twenty", W_TENS, 20},
    {"two", W_UNIT, 2},        {"zero", W_UNIT, 0},
};

/* Plural scale words read as vague amounts, with their lower bound. */
typedef struct {
    const char *w;
    uint8_t pow10;  /* the scale */
    uint8_t factor; /* lower bound = factor x 10^pow10 */
} vague_word;

static const vague_word vague_words[] = {
    {"billions", 9, 2},  {"crores", 7, 2},     {"dozens", 0, 24}, {"hundreds", 2, 2},
    {"lakhs", 5, 2},     {"millions", 6, 2},   {"scores", 0, 40}, {"tens", 1, 2},
    {"thousands", 3, 2}, {"trillions", 12, 2},
};

/* Lowercases ASCII w[0..n) into buf (cap bytes); 0 when it does not fit. */
static size_t lower_copy(const char *w, size_t n, char *buf, size_t cap) {
    if (n + 1 > cap)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char c = w[k];
        buf[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[n] = '\0';
    return n;
}

static const num_word *num_word_find(const char *w, size_t n) {
    char buf[16];
    if (!lower_copy(w, n, buf, sizeof buf))
        return NULL;
    size_t lo = 0, hi = sizeof num_words / sizeof num_words[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = (unsigned char)buf[0] - (unsigned char)num_words[mid].w[0];
        if (c == 0)
            c = strcmp(buf, num_words[mid].w);
        if (c == 0)
            return &num_words[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

static const vague_word *vague_word_find(const char *w, size_t n) {
    char buf[16];
    if (!lower_copy(w, n, buf, sizeof buf))
        return NULL;
    for (size_t k = 0; k < sizeof vague_words / sizeof vague_words[0]; k++)
        if (strcmp(buf, vague_words[k].w) == 0)
            return &vague_words[k];
    return NULL;
}

static int word_is(const char *w, size_t n, const char *lit) {
    size_t m = strlen(lit);
    if (n != m)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char c = w[k];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lit[k])
            return 0;
    }
    return 1;
}

int lede_num_scale_word(const char *w, size_t n, int money) {
    const num_word *e = num_word_find(w, n);
    if (e && (e->kind == W_SCALE || e->kind == W_HUNDRED))
        return e->v;
    if (money && n == 1) {
        char c = (char)(w[0] | 0x20);
        if (c == 'm')
            return 6;
        if (c == 'k')
            return 3;
        if (c == 'b')
            return 9;
    }
    return 0;
}

/* Accumulates number words: total + cur is the value so far. */
typedef struct {
    uint64_t total, cur;
    int last;   /* kind of the last word, -1 before the first */
    int any;    /* a word was read */
    int failed; /* overflow or a word out of order */
} words_acc;

static const uint64_t WORDS_MAX = 1000000000000000000ull; /* 10^18 */

static uint64_t pow10u(unsigned k) {
    uint64_t p = 1;
    while (k--)
        p *= 10;
    return p;
}

/* Adds one number word to the accumulator; 0 when it does not fit there. */
static int words_add(words_acc *a, const num_word *e) {
    switch (e->kind) {
    case W_UNIT:
        /* "twenty five" follows tens; "five six" does not. */
        if (a->last == W_UNIT || (a->last == W_TENS && e->v >= 10))
            return 0;
        a->cur += e->v;
        break;
    case W_TENS:
        if (a->last == W_UNIT || a->last == W_TENS)
            return 0;
        a->cur += e->v;
        break;
    case W_HUNDRED:
        if (a->last == W_HUNDRED)
            return 0;
        a->cur = (a->any && a->last != W_SCALE ? a->cur : 1) * 100;
        break;
    case W_DOZEN:
        if (a->last == W_DOZEN)
            return 0;
        a->cur = (a->any && a->last != W_SCALE ? a->cur : 1) * 12;
        break;
    case W_SCALE: {
        uint64_t p = pow10u(e->v);
        uint64_t c = a->any && a->last != W_SCALE ? a->cur : 1;
        if (a->last == W_SCALE || c > WORDS_MAX / p) {
            a->failed = 1;
            return 0;
        }
        a->total += c * p;
        a->cur = 0;
        if (a->total > WORDS_MAX) {
            a->failed = 1;
            return 0;
        }
        break;
    }
    }
    a->last = e->kind;
    a->any = 1;
    return 1;
}

int lede_num_parse_words(lede_num *x, const char *s, size_t n) {
    words_acc a = {0, 0, -1, 0, 0};
    size_t k = 0;
    num_zero(x);
    while (k < n) {
        size_t e = k;
        while (e < n && s[e] != '-' && s[e] != ' ')
            e++;
        if (e == k) {
            num_fail(x);
            return 0;
        }
        if (!(a.any && word_is(s + k, e - k, "and"))) {
            const num_word *w = num_word_find(s + k, e - k);
            if (!w || !words_add(&a, w)) {
                num_fail(x);
                return 0;
            }
        }
        k = e < n ? e + 1 : e;
        if (e < n && k == n) { /* trailing separator */
            num_fail(x);
            return 0;
        }
    }
    if (!a.any || a.failed) {
        num_fail(x);
        return 0;
    }
    lede_num_set_u64(x, a.total + a.cur);
    return 1;
}

/* ---- phrases over tokens -------------------------------------------------- */

static const char *tok_text(const char *s, const lede_token *t, size_t *n) {
    *n = t->span.byte_end - t->span.byte_start;
    return s + t->span.byte_start;
}

static int tok_is(const char *s, const lede_token *t, const char *lit) {
    size_t n;
    const char *w = tok_text(s, t, &n);
    return t->kind == LEDE_TOK_WORD && word_is(w, n, lit);
}

/* A word token whose parts (split at hyphens) are all number words. */
static const num_word *tok_num_word(const char *s, const lede_token *t) {
    size_t n;
    const char *w = tok_text(s, t, &n);
    if (t->kind != LEDE_TOK_WORD)
        return NULL;
    return num_word_find(w, n);
}

/* Reads a hyphenated token ("twenty-five", "1.2-billion") into *x; 0 if not one. */
static int tok_compound(const char *s, const lede_token *t, lede_num *x, int *words, int *scaled) {
    size_t n;
    const char *w = tok_text(s, t, &n);
    if (t->kind != LEDE_TOK_WORD || n > 64 || !memchr(w, '-', n))
        return 0;
    if (is_digit(w[0])) {
        size_t h = 0;
        while (h < n && w[h] != '-')
            h++;
        if (!lede_num_parse(x, w, h))
            return 0;
        /* The rest must be scale words: "1.2-billion", "3-million". */
        size_t k = h + 1;
        int any = 0;
        while (k < n) {
            size_t e = k;
            while (e < n && w[e] != '-')
                e++;
            int p = lede_num_scale_word(w + k, e - k, 0);
            if (!p)
                return 0;
            lede_num_shift(x, p);
            any = 1;
            k = e + 1;
        }
        *words = 0;
        *scaled = any;
        return any && x->ok;
    }
    if (!lede_num_parse_words(x, w, n))
        return 0;
    *words = 1;
    *scaled = 0;
    return 1;
}

/* Reads scale words after a number: "million", "bn", attached "m" for money. */
static size_t read_scales(const char *s, const lede_token *t, size_t nt, size_t j, size_t limit,
                          unsigned flags, lede_num *x, int *scaled) {
    int first = 1;
    while (j < nt && j < limit) {
        size_t n;
        const char *w = tok_text(s, &t[j], &n);
        if (t[j].kind != LEDE_TOK_WORD)
            break;
        int money_abbrev = (flags & LEDE_NUM_MONEY) && first && !t[j].space_before;
        int p = lede_num_scale_word(w, n, money_abbrev);
        if (!p)
            break;
        lede_num_shift(x, p);
        *scaled = 1;
        first = 0;
        j++;
    }
    return j;
}

/* Vague amounts: "thousands", "tens of thousands", "several hundred". */
static int read_vague(const char *s, const lede_token *t, size_t nt, size_t i, size_t limit,
                      lede_num_phrase_out *out) {
    size_t n, j = i;
    const char *w = tok_text(s, &t[i], &n);
    if (t[i].kind != LEDE_TOK_WORD)
        return 0;
    const vague_word *v = vague_word_find(w, n);
    if (v) {
        lede_num_set_u64(&out->value, v->factor);
        lede_num_shift(&out->value, v->pow10);
        j = i + 1;
        /* "tens" and "scores" need "of": "tens of thousands", "scores of people". */
        int needs_of = v->pow10 == 1 || v->factor == 40;
        while (j + 1 < nt && j + 1 < limit && tok_is(s, &t[j], "of")) {
            const char *w2 = tok_text(s, &t[j + 1], &n);
            const vague_word *v2 = vague_word_find(w2, n);
            if (!v2 || v2->factor != 2 || v2->pow10 <= v->pow10)
                break;
            lede_num_shift(&out->value, v2->pow10);
            v = v2;
            j += 2;
            needs_of = 0;
        }
        if (needs_of && !(j < nt && tok_is(s, &t[j], "of")))
            return 0;
    } else {
        /* several | a few | a couple of, then a singular scale word */
        if (tok_is(s, &t[i], "several"))
            j = i + 1;
        else if (tok_is(s, &t[i], "a") && i + 1 < nt && tok_is(s, &t[i + 1], "few"))
            j = i + 2;
        else if (tok_is(s, &t[i], "a") && i + 2 < nt && tok_is(s, &t[i + 1], "couple") &&
                 tok_is(s, &t[i + 2], "of"))
            j = i + 3;
        else
            return 0;
        if (j >= nt || j >= limit)
            return 0;
        const num_word *e = tok_num_word(s, &t[j]);
        if (!e || (e->kind != W_SCALE && e->kind != W_HUNDRED && e->kind != W_DOZEN))
            return 0;
        lede_num_set_u64(&out->value, 2);
        if (e->kind == W_DOZEN)
            lede_num_mul(&out->value, 12);
        else
            lede_num_shift(&out->value, e->v);
        j++;
        int scaled = 0;
        j = read_scales(s, t, nt, j, limit, 0, &out->value, &scaled);
    }
    out->end = j;
    out->vague = 1;
    out->words = 1;
    out->scaled = 1;
    return out->value.ok;
}

/* Reads a word token of digits and one money scale letter into *x: the
   tokenizer keeps capitals glued to digits as one word ("5G"), so "$5M",
   "$50K" and "$4.3B" come as such a token; 0 if t is not one. */
static int tok_money_glued(const char *s, const lede_token *t, lede_num *x) {
    size_t n;
    const char *w = tok_text(s, t, &n);
    if (t->kind != LEDE_TOK_WORD || n < 2 || !is_digit(w[0]))
        return 0;
    int p = lede_num_scale_word(w + n - 1, 1, 1);
    if (!p || !lede_num_parse(x, w, n - 1))
        return 0;
    lede_num_shift(x, p);
    return x->ok;
}

int lede_num_phrase(const char *s, const lede_token *t, size_t nt, size_t i, unsigned flags,
                    lede_num_phrase_out *out) {
    memset(out, 0, sizeof *out);
    if (i >= nt)
        return 0;
    size_t limit = i + LEDE_NUM_PHRASE_MAX, n;
    const char *w = tok_text(s, &t[i], &n);
    lede_num *x = &out->value;

    if (t[i].kind == LEDE_TOK_NUMBER) {
        if (!lede_num_parse(x, w, n))
            return 0;
        out->end = read_scales(s, t, nt, i + 1, limit, flags, x, &out->scaled);
        return x->ok;
    }
    if (t[i].kind != LEDE_TOK_WORD)
        return 0;
    if ((flags & LEDE_NUM_MONEY) && tok_money_glued(s, &t[i], x)) {
        out->end = i + 1;
        out->scaled = 1;
        return 1;
    }
    if (tok_compound(s, &t[i], x, &out->words, &out->scaled)) {
        if (flags & LEDE_NUM_NO_WORDS && out->words)
            return 0;
        out->end = read_scales(s, t, nt, i + 1, limit, 0, x, &out->scaled);
        return x->ok;
    }
    if (flags & LEDE_NUM_NO_WORDS)
        return 0;
    if ((flags & LEDE_NUM_ALLOW_VAGUE) && read_vague(s, t, nt, i, limit, out))
        return 1;
    memset(out, 0, sizeof *out);

    /* half [a|an] scale: "half a million" */
    if (word_is(w, n, "half")) {
        size_t j = i + 1;
        if (j < nt && (tok_is(s, &t[j], "a") || tok_is(s, &t[j], "an")))
            j++;
        const num_word *e = j < nt ? tok_num_word(s, &t[j]) : NULL;
        if (!e || (e->kind != W_SCALE && e->kind != W_HUNDRED && e->kind != W_DOZEN))
            return 0;
        lede_num_set_u64(x, 5);
        if (e->kind == W_DOZEN)
            lede_num_set_u64(x, 6);
        else
            lede_num_shift(x, e->v - 1);
        out->end = read_scales(s, t, nt, j + 1, limit, 0, x, &out->scaled);
        out->words = out->scaled = 1;
        return x->ok;
    }

    words_acc a = {0, 0, -1, 0, 0};
    size_t j = i;
    if ((word_is(w, n, "a") || word_is(w, n, "an")) && !(flags & LEDE_NUM_NO_A)) {
        const num_word *e = i + 1 < nt ? tok_num_word(s, &t[i + 1]) : NULL;
        if (!e || (e->kind != W_SCALE && e->kind != W_HUNDRED && e->kind != W_DOZEN))
            return 0;
        j = i + 1; /* "a million": the scale word multiplies one */
    }
    size_t end = j;
    while (j < nt && j < limit) {
        const num_word *e = tok_num_word(s, &t[j]);
        if (e) {
            if (!words_add(&a, e))
                break;
            j++;
            end = j;
            continue;
        }
        /* "twenty-five" inside a phrase ("two hundred twenty-five") */
        lede_num part;
        size_t pn;
        const char *pw = tok_text(s, &t[j], &pn);
        if (t[j].kind == LEDE_TOK_WORD && memchr(pw, '-', pn) && !is_digit(pw[0]) &&
            lede_num_parse_words(&part, pw, pn)) {
            int64_t pv;
            if (a.last == W_UNIT || a.last == W_TENS || !lede_num_int(&part, 0, 99, &pv))
                break;
            a.cur += (uint64_t)pv;
            a.last = W_UNIT;
            a.any = 1;
            j++;
            end = j;
            continue;
        }
        /* "and" between number words: "one hundred and twenty" */
        if (a.any && a.last != W_UNIT && a.last != W_TENS && tok_is(s, &t[j], "and") &&
            j + 1 < nt) {
            const num_word *e2 = tok_num_word(s, &t[j + 1]);
            if (e2 && (e2->kind == W_UNIT || e2->kind == W_TENS)) {
                j++;
                continue;
            }
        }
        break;
    }
    if (!a.any || a.failed)
        return 0;
    lede_num_set_u64(x, a.total + a.cur);
    out->end = end;
    out->words = 1;
    out->scaled = a.last == W_SCALE || a.last == W_HUNDRED;
    return x->ok;
}
