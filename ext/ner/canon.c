/*
 * canon.c: canonical names (canon.h).
 *
 * Names seen so far are kept as forms: their words interned as normal forms
 * in one string pool, so that two words are equal when their pool offsets
 * are. One open-addressing hash table (FNV-1a over a kind byte and the key
 * bytes) maps interned words to their posting lists (the forms that contain
 * them), whole forms to their index (so a name is stored once), and
 * acronyms to their long forms.
 */
#include "canon.h"

#include "../text/chars.h"
#include "../text/tokens.h"
#include "../text/utf8.h"
#include "gazetteer.h"
#include "numbers.h"

#include <string.h>

#define CANON_MAX_TOKS 12  /* names with more words are not remembered */
#define CANON_SPAN_TOKS 64 /* words read from one entity */
#define CANON_KEY_MAX 256  /* longest gazetteer key built */
#define ACRO_MAX 10        /* longest acronym, in bytes */
#define ACRO_WINDOW 300    /* bytes before "(" searched for a long form */
#define ACRO_INSIDE 160    /* longest bracketed text read */
#define ACRO_WORDS 16      /* words kept before "(" */

struct lede_canon_form {
    uint32_t canon;               /* pool offset of the canonical name */
    uint32_t canon_len;           /* its length */
    uint32_t tok[CANON_MAX_TOKS]; /* interned word norms (pool offsets) */
    uint8_t ntok;                 /* words */
    uint8_t label;                /* PERSON or ORG */
};

enum { SLOT_WORD = 1, SLOT_FORM, SLOT_ACRO };

struct lede_canon_slot {
    uint32_t key; /* pool offset of the key (kind byte, then bytes); 0 = empty */
    uint32_t len; /* key length, kind byte included */
    uint32_t val; /* WORD: first posting + 1; FORM: form index; ACRO: long form offset */
    uint32_t aux; /* WORD: 1 when the word is a place or nationality; ACRO: long length */
};

/* ---- memory ----------------------------------------------------------------- */

/* Grows *p (elements of size sz) to hold need; 0 on failure or past the limit. */
static int grow(lede_canon_ctx *c, void **p, size_t *cap, size_t need, size_t sz, int limited) {
    if (need <= *cap)
        return 1;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need)
        ncap *= 2;
    size_t more = (ncap - *cap) * sz;
    if (limited && c->mem_used + more > c->mem_limit)
        return 0;
    void *q = lede_realloc(*p, ncap * sz);
    if (!q)
        return -1;
    *p = q;
    if (limited)
        c->mem_used += more;
    *cap = ncap;
    return 1;
}

/* Appends bytes to the pool (NUL-terminated); its offset in *off. 0 when
   the limit is reached, -1 on NOMEM. */
static int pool_add(lede_canon_ctx *c, const char *b, size_t n, uint32_t *off) {
    if (c->pool_len + n + 1 > UINT32_MAX)
        return 0;
    /* offset 0 means none: the first call writes a NUL there first */
    int r = grow(c, (void **)&c->pool, &c->pool_cap, c->pool_len + n + 1 + !c->pool_len, 1, 1);
    if (r <= 0)
        return r;
    if (c->pool_len == 0)
        c->pool[c->pool_len++] = '\0';
    *off = (uint32_t)c->pool_len;
    memcpy(c->pool + c->pool_len, b, n);
    c->pool[c->pool_len + n] = '\0';
    c->pool_len += n + 1;
    return 1;
}

/* ---- the hash table ------------------------------------------------------------ */

static uint32_t fnv(int kind, const char *b, size_t n) {
    uint32_t h = 2166136261u;
    h = (h ^ (uint8_t)kind) * 16777619u;
    for (size_t k = 0; k < n; k++)
        h = (h ^ (uint8_t)b[k]) * 16777619u;
    return h;
}

static struct lede_canon_slot *slot_find(const lede_canon_ctx *c, int kind, const char *b,
                                         size_t n) {
    if (!c->nslots)
        return NULL;
    size_t mask = c->nslots - 1, i = fnv(kind, b, n) & mask;
    for (;;) {
        struct lede_canon_slot *sl = &c->slots[i];
        if (!sl->key)
            return NULL;
        if (sl->len == n + 1 && (uint8_t)c->pool[sl->key] == kind &&
            memcmp(c->pool + sl->key + 1, b, n) == 0)
            return sl;
        i = (i + 1) & mask;
    }
}

/* Doubles the table when it is half full. */
static int slots_reserve(lede_canon_ctx *c) {
    if (c->nslots && (c->slots_used + 1) * 2 <= c->nslots)
        return 1;
    size_t nn = c->nslots ? c->nslots * 2 : 256;
    size_t more = (nn - c->nslots) * sizeof(struct lede_canon_slot);
    if (c->mem_used + more > c->mem_limit)
        return 0;
    struct lede_canon_slot *ns = lede_malloc(nn * sizeof *ns);
    if (!ns)
        return -1;
    memset(ns, 0, nn * sizeof *ns);
    for (size_t k = 0; k < c->nslots; k++) {
        struct lede_canon_slot *o = &c->slots[k];
        if (!o->key)
            continue;
        size_t i = fnv((uint8_t)c->pool[o->key], c->pool + o->key + 1, o->len - 1) & (nn - 1);
        while (ns[i].key)
            i = (i + 1) & (nn - 1);
        ns[i] = *o;
    }
    lede_free(c->slots);
    c->slots = ns;
    c->nslots = nn;
    c->mem_used += more;
    return 1;
}

/* Finds or adds the key; *out the slot. 0 past the limit, -1 on NOMEM. */
static int slot_add(lede_canon_ctx *c, int kind, const char *b, size_t n,
                    struct lede_canon_slot **out) {
    struct lede_canon_slot *sl = slot_find(c, kind, b, n);
    if (sl) {
        *out = sl;
        return 1;
    }
    int r = slots_reserve(c);
    if (r <= 0)
        return r;
    /* The key goes in the pool as kind byte + bytes. */
    char small[CANON_KEY_MAX + 1];
    if (n + 1 > sizeof small)
        return 0;
    small[0] = (char)kind;
    memcpy(small + 1, b, n);
    uint32_t off;
    if ((r = pool_add(c, small, n + 1, &off)) <= 0)
        return r;
    size_t mask = c->nslots - 1, i = fnv(kind, b, n) & mask;
    while (c->slots[i].key)
        i = (i + 1) & mask;
    sl = &c->slots[i];
    sl->key = off;
    sl->len = (uint32_t)(n + 1);
    sl->val = 0;
    sl->aux = 0;
    c->slots_used++;
    *out = sl;
    return 1;
}

/* ---- text helpers ----------------------------------------------------------------- */

/*
 * Writes the display form of s[a..b) into c->scratch at offset at:
 * whitespace runs become one space, typographic quotes plain ones,
 * ill-formed UTF-8 U+FFFD. Returns the length written, or (size_t)-1.
 */
static size_t display(lede_canon_ctx *c, size_t at, size_t a, size_t b) {
    if (grow(c, (void **)&c->scratch, &c->scratch_cap, at + (b - a) * 3 + 8, 1, 0) < 0)
        return (size_t)-1;
    char *o = c->scratch + at;
    size_t k = 0, i = a;
    int space = 0;
    while (i < b) {
        uint32_t cp;
        i = lede_utf8_next(c->s, b, i, &cp);
        if (lede_char_is_space(cp)) {
            space = 1;
            continue;
        }
        if (space && k)
            o[k++] = ' ';
        space = 0;
        if (cp == 0x2018u || cp == 0x2019u || cp == 0x02BCu)
            cp = '\'';
        else if (cp == 0x201Cu || cp == 0x201Du || cp == 0x201Eu)
            cp = '"';
        k += lede_utf8_encode(cp, o + k);
    }
    o[k] = '\0';
    return k;
}

typedef struct {
    size_t start, end; /* bytes */
} span;

/* The tokens of s[a..b) (at most max); returns how many. */
static size_t tokens_of(const lede_canon_ctx *c, size_t a, size_t b, span *t, size_t max) {
    lede_tok_iter it;
    lede_token tk;
    size_t k = 0;
    lede_tok_init_at(&it, c->s, b, a, 0);
    while (k < max && lede_tok_next(&it, &tk)) {
        t[k].start = tk.span.byte_start;
        t[k].end = tk.span.byte_end;
        k++;
    }
    return k;
}

static int tok_is(const lede_canon_ctx *c, const span *t, const char *lit) {
    return lede_ascii_eq_ci(c->s + t->start, t->end - t->start, lit);
}

/* A possessive or a lone apostrophe: "'s", "’s", "'", "’". */
static int tok_possessive(const lede_canon_ctx *c, const span *t) {
    return tok_is(c, t, "'s") || tok_is(c, t, "'") || tok_is(c, t, "\xE2\x80\x99s") ||
           tok_is(c, t, "\xE2\x80\x99");
}

static int tok_honorific(const lede_canon_ctx *c, const span *t) {
    static const char *const titles[] = {"mr",    "mr.",    "mrs",     "mrs.", "ms",   "ms.",
                                         "miss",  "mx",     "mx.",     "dr",   "dr.",  "prof",
                                         "prof.", "sir",    "dame",    "lord", "lady", "rev",
                                         "rev.",  "messrs", "messrs.", "mme",  "mme.", "m."};
    for (size_t k = 0; k < sizeof titles / sizeof *titles; k++)
        if (tok_is(c, t, titles[k]))
            return 1;
    return 0;
}

/* The normal form of token t; NULL when it cannot be made. */
static const char *norm_of(lede_canon_ctx *c, const span *t, size_t *len, lede_rc *rc) {
    const char *o;
    lede_rc r = lede_text_norm(&c->norm, c->s + t->start, t->end - t->start, &o, len);
    if (r == LEDE_NOMEM)
        *rc = r;
    return r == LEDE_OK ? o : NULL;
}

/* The gazetteer key of tokens t[0..k) into key (CANON_KEY_MAX); its length or 0. */
static size_t key_of(lede_canon_ctx *c, const span *t, size_t k, char *key, lede_rc *rc) {
    size_t len = 0;
    for (size_t j = 0; j < k; j++) {
        size_t nn;
        const char *w = norm_of(c, &t[j], &nn, rc);
        if (!w || len + nn + 1 > CANON_KEY_MAX)
            return 0;
        if (j)
            key[len++] = ' ';
        memcpy(key + len, w, nn);
        len += nn;
    }
    return len;
}

/* ---- acronyms ------------------------------------------------------------------------ */

/* An acronym: 2..ACRO_MAX ASCII letters, digits or "&", a capital first, and
   two capitals or a capital and a digit. */
static int acro_ok(const char *a, size_t n) {
    int upper = 0, digit = 0;
    if (n < 2 || n > ACRO_MAX || !(a[0] >= 'A' && a[0] <= 'Z'))
        return 0;
    for (size_t k = 0; k < n; k++) {
        char ch = a[k];
        if (ch >= 'A' && ch <= 'Z')
            upper++;
        else if (ch >= '0' && ch <= '9')
            digit++;
        else if (!(ch >= 'a' && ch <= 'z') && ch != '&')
            return 0;
    }
    return upper >= 2 || (upper && digit);
}

/*
 * Schwartz and Hearst's match of acronym a[0..an) against the words w[0..nw):
 * the acronym's letters and digits, last first, each found further left in
 * the words, the first at the start of a word; a number word counts as its
 * digits. Returns the index of the word the match starts in, or -1.
 */
static long acro_match(const lede_canon_ctx *c, const char *a, size_t an, const span *w,
                       size_t nw) {
    char L[ACRO_WINDOW + 64];
    uint8_t start[ACRO_WINDOW + 64]; /* 1: starts a word; 2: starts a capitalised word */
    uint8_t word[ACRO_WINDOW + 64];
    size_t n = 0;
    for (size_t j = 0; j < nw && j < 255; j++) {
        const char *p = c->s + w[j].start;
        size_t len = w[j].end - w[j].start;
        char digits[24];
        lede_num x;
        if (len >= 3 && p[0] > '9' && lede_num_parse_words(&x, p, len) &&
            lede_num_format(&x, digits, sizeof digits)) {
            p = digits;
            len = strlen(digits);
        }
        for (size_t k = 0; k < len; k++) {
            if (n >= sizeof L)
                return -1;
            L[n] = (char)lede_ascii_lower((unsigned char)p[k]);
            start[n] =
                k == 0 ? (p[k] >= 'A' && p[k] <= 'Z') || (p[k] >= '0' && p[k] <= '9') ? 2 : 1 : 0;
            word[n] = (uint8_t)j;
            n++;
        }
    }
    long li = (long)n - 1;
    for (long si = (long)an - 1; si >= 0; si--) {
        char ch = (char)lede_ascii_lower((unsigned char)a[si]);
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')))
            continue;
        /* the first character starts a capitalised word: "Organization", not "of" */
        while (li >= 0 && (L[li] != ch || (si == 0 && start[li] != 2)))
            li--;
        if (li < 0)
            return -1;
        if (si > 0)
            li--;
    }
    return li < 0 ? -1 : (long)word[li];
}

/* Records acronym a (bytes) for the long form s[ls..le); first one wins. */
static lede_rc acro_define(lede_canon_ctx *c, const char *a, size_t an, size_t ls, size_t le) {
    struct lede_canon_slot *sl;
    if (slot_find(c, SLOT_ACRO, a, an))
        return LEDE_OK;
    size_t len = display(c, 0, ls, le);
    if (len == (size_t)-1)
        return LEDE_NOMEM;
    uint32_t off;
    int r = pool_add(c, c->scratch, len, &off);
    if (r < 0)
        return LEDE_NOMEM;
    if (r == 0)
        return LEDE_OK;
    r = slot_add(c, SLOT_ACRO, a, an, &sl);
    if (r < 0)
        return LEDE_NOMEM;
    if (r > 0) {
        sl->val = off;
        sl->aux = (uint32_t)len;
    }
    return LEDE_OK;
}

static int is_word_span(const lede_canon_ctx *c, const span *t) {
    uint32_t cp;
    lede_utf8_next(c->s, t->end, t->start, &cp);
    return lede_char_is_alnum(cp);
}

/* Finds every "long form (ACRONYM)" and "ACRONYM (long form)" in the text. */
static lede_rc read_acronyms(lede_canon_ctx *c) {
    const char *s = c->s;
    size_t n = c->n, p = 0;
    c->acronyms_read = 1;
    while (p < n) {
        const char *q = memchr(s + p, '(', n - p);
        if (!q)
            break;
        size_t open = (size_t)(q - s), close = open + 1;
        p = open + 1;
        while (close < n && close - open <= ACRO_INSIDE && s[close] != ')' && s[close] != '(' &&
               s[close] != '\n')
            close++;
        if (close >= n || s[close] != ')')
            continue;
        size_t a = open + 1, b = close;
        while (a < b && s[a] == ' ')
            a++;
        while (b > a && s[b - 1] == ' ')
            b--;
        /* the words before "(", back to a stop */
        size_t from = open > ACRO_WINDOW ? open - ACRO_WINDOW : 0;
        while (from > 0 && from < open && ((unsigned char)s[from] & 0xC0) == 0x80)
            from++;
        span all[ACRO_WINDOW];
        size_t nall = tokens_of(c, from, open, all, ACRO_WINDOW), first = 0;
        if (from > 0 && nall)
            first = 1; /* the first token may be cut */
        span w[ACRO_WORDS];
        size_t nw = 0;
        for (size_t k = first; k < nall; k++) {
            if (!is_word_span(c, &all[k])) {
                size_t len = all[k].end - all[k].start;
                if (!(len == 1 &&
                      (s[all[k].start] == ',' || s[all[k].start] == '&' || s[all[k].start] == '-')))
                    nw = 0; /* a long form does not cross a stop, bracket or quote */
                continue;
            }
            if (nw == ACRO_WORDS) {
                memmove(w, w + 1, (ACRO_WORDS - 1) * sizeof *w);
                nw--;
            }
            w[nw++] = all[k];
        }
        if (acro_ok(s + a, b - a) && nw) {
            /* "International Atomic Energy Agency (IAEA)" */
            size_t an = b - a, maxw = an + 5 < 2 * an ? an + 5 : 2 * an;
            size_t lo = nw > maxw ? nw - maxw : 0;
            long st = acro_match(c, s + a, an, w + lo, nw - lo);
            if (st >= 0) {
                const span *sw = &w[lo + (size_t)st];
                uint32_t cp;
                lede_utf8_next(s, sw->end, sw->start, &cp);
                if (lede_char_is_upper(cp)) {
                    lede_rc rc = acro_define(c, s + a, an, sw->start, w[nw - 1].end);
                    if (rc != LEDE_OK)
                        return rc;
                }
            }
            continue;
        }
        if (nw && all[nall - 1].end == w[nw - 1].end &&
            acro_ok(s + w[nw - 1].start, w[nw - 1].end - w[nw - 1].start)) {
            /* "IAEA (International Atomic Energy Agency)" */
            span in[ACRO_WORDS + 1];
            size_t nin = tokens_of(c, a, b, in, ACRO_WORDS + 1), k;
            const span *ac = &w[nw - 1];
            size_t an = ac->end - ac->start, maxw = an + 5 < 2 * an ? an + 5 : 2 * an;
            for (k = 0; k < nin; k++)
                if (!is_word_span(c, &in[k]) && !tok_is(c, &in[k], ",") && !tok_is(c, &in[k], "&"))
                    break;
            if (k < nin || nin < 2 || nin > maxw)
                continue;
            uint32_t cp;
            lede_utf8_next(s, in[0].end, in[0].start, &cp);
            if (lede_char_is_upper(cp) && acro_match(c, s + ac->start, an, in, nin) == 0) {
                lede_rc rc = acro_define(c, s + ac->start, an, in[0].start, in[nin - 1].end);
                if (rc != LEDE_OK)
                    return rc;
            }
        }
    }
    return LEDE_OK;
}

/* ---- names ---------------------------------------------------------------------------- */

typedef struct {
    uint32_t tok[CANON_MAX_TOKS]; /* interned words, 0 when a word was never seen */
    size_t ntok;
    int place1; /* a one-word name that is a place or nationality */
} name;

/* 1 when a[0..an) is a subsequence of b[0..bn). */
static int subsequence(const uint32_t *a, size_t an, const uint32_t *b, size_t bn) {
    size_t k = 0;
    for (size_t j = 0; j < bn && k < an; j++)
        if (a[k] == b[j])
            k++;
    return k == an;
}

static int is_place_word(const lede_canon_ctx *c, uint32_t tok) {
    const struct lede_canon_slot *sl =
        slot_find(c, SLOT_WORD, c->pool + tok, strlen(c->pool + tok));
    return sl && sl->aux;
}

/* Does the earlier name f contain the mention m, by the label's rule? */
static int name_matches(const lede_canon_ctx *c, const name *m, const struct lede_canon_form *f,
                        int label) {
    size_t n = m->ntok, fn = f->ntok;
    if (f->label != label || fn <= n)
        return 0;
    if (label == LEDE_ENT_PERSON) {
        for (size_t st = 0; st + n <= fn; st++)
            if (memcmp(f->tok + st, m->tok, n * sizeof m->tok[0]) == 0)
                return 1;
        return n >= 2 && m->tok[0] == f->tok[0] && m->tok[n - 1] == f->tok[fn - 1] &&
               subsequence(m->tok, n, f->tok, fn);
    }
    if (m->place1)
        return 0;
    if (memcmp(f->tok, m->tok, n * sizeof m->tok[0]) == 0) {
        unsigned char next = (unsigned char)c->pool[f->tok[n]];
        /* "Nippon Steel" in "Nippon Steel Corp", not "OPEC" in "OPEC+" */
        return (next >= 'a' && next <= 'z') || (next >= '0' && next <= '9') || next >= 0x80;
    }
    if (memcmp(f->tok + (fn - n), m->tok, n * sizeof m->tok[0]) != 0)
        return 0;
    for (size_t k = 0; k < fn - n; k++)
        if (!is_place_word(c, f->tok[k]))
            return 0;
    return 1; /* "Commission" in "European Commission" */
}

/* The canonical name of mention m from the earlier names, or -1 for none. */
static long name_resolve(const lede_canon_ctx *c, const name *m, int label) {
    if (!m->ntok || !m->tok[0])
        return -1;
    for (size_t k = 0; k < m->ntok; k++)
        if (!m->tok[k])
            return -1; /* a word no earlier name has */
    const struct lede_canon_slot *sl =
        slot_find(c, SLOT_WORD, c->pool + m->tok[0], strlen(c->pool + m->tok[0]));
    if (!sl)
        return -1;
    uint32_t cand[LEDE_CANON_MAX_CANDIDATES];
    size_t nc = 0, seen = 0;
    for (uint32_t p = sl->val; p; p = c->postings[2 * (p - 1) + 1]) {
        uint32_t f = c->postings[2 * (p - 1)];
        if (++seen > 4 * LEDE_CANON_MAX_CANDIDATES)
            return -1; /* too common a word to decide on */
        if (!name_matches(c, m, &c->forms[f], label))
            continue;
        if (nc == LEDE_CANON_MAX_CANDIDATES)
            return -1;
        cand[nc++] = f;
    }
    if (!nc)
        return -1;
    size_t best = 0;
    for (size_t k = 1; k < nc; k++) {
        const struct lede_canon_form *a = &c->forms[cand[k]], *b = &c->forms[cand[best]];
        if (a->ntok > b->ntok || (a->ntok == b->ntok && cand[k] < cand[best]))
            best = k;
    }
    const struct lede_canon_form *full = &c->forms[cand[best]];
    for (size_t k = 0; k < nc; k++) {
        const struct lede_canon_form *g = &c->forms[cand[k]];
        if (k == best || subsequence(g->tok, g->ntok, full->tok, full->ntok))
            continue;
        if (g->canon_len == full->canon_len &&
            memcmp(c->pool + g->canon, c->pool + full->canon, g->canon_len) == 0)
            continue;
        return -2; /* two different people or bodies */
    }
    return (long)cand[best];
}

/* Remembers name m (words t[0..n)) with canonical canon[0..len). */
static lede_rc name_store(lede_canon_ctx *c, const span *t, size_t n, int label, const char *canon,
                          size_t len) {
    struct lede_canon_form f;
    lede_rc rc = LEDE_OK;
    memset(&f, 0, sizeof f);
    if (n < 2 || n > CANON_MAX_TOKS)
        return LEDE_OK;
    for (size_t k = 0; k < n; k++) {
        size_t nn;
        const char *w = norm_of(c, &t[k], &nn, &rc);
        struct lede_canon_slot *sl;
        if (!w)
            return rc;
        int r = slot_add(c, SLOT_WORD, w, nn, &sl);
        if (r < 0)
            return LEDE_NOMEM;
        if (r == 0)
            return LEDE_OK;
        if (!sl->val && !sl->aux) {
            lede_gaz_entry e;
            if (lede_gaz_lookup(w, nn, &e) &&
                (e.types & (LEDE_GAZ_COUNTRY | LEDE_GAZ_DEMONYM | LEDE_GAZ_GROUP | LEDE_GAZ_CITY |
                            LEDE_GAZ_REGION)))
                sl->aux = 1;
        }
        f.tok[k] = sl->key + 1;
    }
    f.ntok = (uint8_t)n;
    f.label = (uint8_t)label;
    /* stored once: the key is the label and the words */
    char key[1 + CANON_MAX_TOKS * sizeof(uint32_t)];
    key[0] = (char)label;
    memcpy(key + 1, f.tok, n * sizeof(uint32_t));
    struct lede_canon_slot *fs;
    if (slot_find(c, SLOT_FORM, key, 1 + n * sizeof(uint32_t)))
        return LEDE_OK;
    int r = pool_add(c, canon, len, &f.canon);
    if (r <= 0)
        return r < 0 ? LEDE_NOMEM : LEDE_OK;
    f.canon_len = (uint32_t)len;
    if ((r = grow(c, (void **)&c->forms, &c->forms_cap, c->nforms + 1, sizeof f, 1)) <= 0)
        return r < 0 ? LEDE_NOMEM : LEDE_OK;
    if ((r = grow(c, (void **)&c->postings, &c->postings_cap, 2 * (c->npostings + n), 4, 1)) <= 0)
        return r < 0 ? LEDE_NOMEM : LEDE_OK;
    if ((r = slot_add(c, SLOT_FORM, key, 1 + n * sizeof(uint32_t), &fs)) <= 0)
        return r < 0 ? LEDE_NOMEM : LEDE_OK;
    uint32_t id = (uint32_t)c->nforms++;
    fs->val = id;
    c->forms[id] = f;
    for (size_t k = 0; k < n; k++) {
        struct lede_canon_slot *sl =
            slot_find(c, SLOT_WORD, c->pool + f.tok[k], strlen(c->pool + f.tok[k]));
        if (!sl)
            continue;
        c->postings[2 * c->npostings] = id;
        c->postings[2 * c->npostings + 1] = sl->val;
        sl->val = (uint32_t)++c->npostings;
    }
    return LEDE_OK;
}

/* Looks the words t[0..n) up as interned words (without adding them). */
static lede_rc name_lookup(lede_canon_ctx *c, const span *t, size_t n, name *m) {
    lede_rc rc = LEDE_OK;
    memset(m, 0, sizeof *m);
    if (n > CANON_MAX_TOKS)
        return LEDE_OK;
    m->ntok = n;
    for (size_t k = 0; k < n; k++) {
        size_t nn;
        const char *w = norm_of(c, &t[k], &nn, &rc);
        if (!w)
            return rc;
        const struct lede_canon_slot *sl = slot_find(c, SLOT_WORD, w, nn);
        m->tok[k] = sl ? sl->key + 1 : 0;
        if (n == 1) {
            lede_gaz_entry e;
            m->place1 = lede_gaz_lookup(w, nn, &e) &&
                        (e.types & (LEDE_GAZ_COUNTRY | LEDE_GAZ_DEMONYM | LEDE_GAZ_GROUP |
                                    LEDE_GAZ_CITY | LEDE_GAZ_REGION));
        }
    }
    return LEDE_OK;
}

/* ---- places (geo.h) -------------------------------------------------------------------- */

#define PLACE_RUN 8       /* capitalised words read together by read_places */
#define PLACE_KEY_TOKS 4  /* longest name looked up there */
#define PLACE_DATELINE 80 /* bytes at the start where a name votes twice */
#define PLACE_WORD_MAX 64 /* longest word norm read by read_places */

/* 1 when token t starts with a capital letter. */
static int tok_capital(const lede_canon_ctx *c, const span *t) {
    uint32_t cp;
    lede_utf8_next(c->s, t->end, t->start, &cp);
    return lede_char_is_upper(cp);
}

/* 1 when token t is a preposition of place ("in", "near", "visited"). */
static int tok_place_prep(const lede_canon_ctx *c, const span *t) {
    static const char *const preps[] = {"in",      "at",     "near",   "from",   "to",
                                        "into",    "across", "outside", "inside", "around",
                                        "toward",  "towards", "throughout", "visited"};
    for (size_t k = 0; k < sizeof preps / sizeof *preps; k++)
        if (tok_is(c, t, preps[k]))
            return 1;
    return 0;
}

/* The place cache (canon.h): direct-mapped, one 64-byte entry a name of at
   most PLACES_KEY bytes. */
#define PLACES_BITS 12
#define PLACES_KEY 30

typedef struct {
    uint32_t hash;          /* FNV-1a of the key */
    uint8_t len;            /* its length; 0: an empty entry */
    char key[PLACES_KEY];   /* the name */
    uint8_t found;          /* the geo table knows it: cands was set */
    const uint32_t *cands;  /* place_candidates' answers */
    uint32_t n, country;
    unsigned flags;
    uint8_t common, given;
} places_entry;

struct lede_canon_places {
    places_entry e[1u << PLACES_BITS];
};

lede_canon_places *lede_canon_places_new(void) {
    lede_canon_places *p = lede_malloc(sizeof *p);
    if (p)
        for (size_t k = 0; k < (1u << PLACES_BITS); k++)
            p->e[k].len = 0;
    return p;
}

void lede_canon_places_free(lede_canon_places *p) { lede_free(p); }

void lede_canon_use_places(lede_canon_ctx *c, lede_canon_places *p) { c->places = p; }

void lede_canon_use_tokens(lede_canon_ctx *c, const lede_token *t, size_t n) {
    c->toks = t;
    c->ntoks = t ? n : 0;
}

/* place_candidates without the cache. */
static size_t place_lookup(const char *key, size_t kn, const uint32_t **cands, uint32_t *country,
                           unsigned *flags, int *common, int *given) {
    lede_gaz_entry g;
    *country = LEDE_GEO_NO_PLACE;
    *common = 0;
    *given = 0;
    *flags = 0;
    size_t n = lede_geo_lookup(key, kn, cands, flags);
    if (lede_gaz_lookup(key, kn, &g)) {
        if ((g.types & LEDE_GAZ_COUNTRY) && g.country[0])
            *country = lede_geo_country(g.country);
        if (g.types & LEDE_GAZ_GIVEN_NAME)
            *given = 1;
    }
    if ((*flags & LEDE_GEO_KEY_COMMON) && *country == LEDE_GEO_NO_PLACE)
        *common = 1; /* "us" and "china" are countries whatever else they are */
    return n;
}

/* The geo candidates of key[0..kn) and, through the gazetteer, the country it names.
   *common is set when the name is also a common word or a given name. *cands is set
   only when the geo table knows the name. From c's place cache when it has one. */
static size_t place_candidates(const lede_canon_ctx *c, const char *key, size_t kn,
                               const uint32_t **cands, uint32_t *country, unsigned *flags,
                               int *common, int *given) {
    lede_canon_places *pc = c->places;
    if (!pc || kn == 0 || kn > PLACES_KEY)
        return place_lookup(key, kn, cands, country, flags, common, given);
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < kn; i++) {
        h ^= (unsigned char)key[i];
        h *= 16777619u;
    }
    places_entry *e = &pc->e[(h ^ h >> PLACES_BITS) & ((1u << PLACES_BITS) - 1)];
    if (!(e->len == kn && e->hash == h && memcmp(e->key, key, kn) == 0)) {
        const uint32_t *got = NULL;
        int com, giv;
        e->n = (uint32_t)place_lookup(key, kn, &got, &e->country, &e->flags, &com, &giv);
        e->found = got != NULL;
        e->cands = got;
        e->common = (uint8_t)com;
        e->given = (uint8_t)giv;
        e->hash = h;
        e->len = (uint8_t)kn;
        memcpy(e->key, key, kn);
    }
    if (e->found)
        *cands = e->cands;
    *country = e->country;
    *flags = e->flags;
    *common = e->common;
    *given = e->given;
    return e->n;
}

/* 1 when the text's place names (but name key) give country cc a fifth of their votes. */
static int place_supported(const lede_canon_ctx *c, uint32_t key, const char *cc) {
    uint32_t p = lede_geo_country(cc);
    lede_geo_place gp;
    if (p == LEDE_GEO_NO_PLACE || !lede_geo_place_at(p, &gp))
        return 0;
    return lede_geo_doc_share(&c->geo, key, p) >= 0.2f;
}

static uint32_t place_qualifier(lede_canon_ctx *c, const span *t, size_t n, const uint32_t *hc,
                                size_t nhc, lede_rc *rc);

/* Reads the place names of the text into c->geo: each run of capitalised words, longest
   names first, until the votes are LEDE_GEO_DOC_VOTES. A name before a comma and a region
   or country ("ATHENS, Texas", "Perth, Scotland") votes for its place there. */
static lede_rc read_places(lede_canon_ctx *c) {
    lede_rc rc = LEDE_OK;
    c->places_read = 1;
    lede_geo_doc_init(&c->geo);
    lede_tok_iter it;
    lede_token tk;
    span run[PLACE_RUN], prev = {0, 0}, run_prev = {0, 0};
    size_t nrun = 0;
    char key[CANON_KEY_MAX];
    size_t at = 0; /* the next of the lent tokens */
    lede_tok_init(&it, c->s, c->n);
    for (;;) {
        int more;
        if (c->toks) {
            more = at < c->ntoks;
            if (more)
                tk = c->toks[at++];
        } else {
            more = lede_tok_next(&it, &tk);
        }
        span cur = {0, 0};
        if (more) {
            cur.start = tk.span.byte_start;
            cur.end = tk.span.byte_end;
            if (is_word_span(c, &cur) && tok_capital(c, &cur) && nrun < PLACE_RUN) {
                if (!nrun)
                    run_prev = prev;
                run[nrun++] = cur;
                prev = cur;
                continue;
            }
        }
        /* each word's norm once (a word of more than PLACE_WORD_MAX bytes names no place) */
        char norms[PLACE_RUN][PLACE_WORD_MAX];
        size_t nlen[PLACE_RUN];
        for (size_t k = 0; k < nrun; k++) {
            const char *w = norm_of(c, &run[k], &nlen[k], &rc);
            if (rc != LEDE_OK)
                return rc;
            if (!w || nlen[k] >= PLACE_WORD_MAX)
                nlen[k] = 0;
            else
                memcpy(norms[k], w, nlen[k]);
        }
        span after[PLACE_KEY_TOKS];
        size_t na = 0;
        if (more && nrun && tok_is(c, &cur, ",") && cur.start == run[nrun - 1].end) {
            size_t to = cur.end + 40 < c->n ? cur.end + 40 : c->n;
            na = tokens_of(c, cur.end, to, after, PLACE_KEY_TOKS);
        }
        for (size_t i = 0; i < nrun && c->geo.n < LEDE_GEO_DOC_VOTES;) {
            size_t take = 0;
            for (size_t len = nrun - i < PLACE_KEY_TOKS ? nrun - i : PLACE_KEY_TOKS; len > 0;
                 len--) {
                size_t kn = 0;
                for (size_t k = i; k < i + len; k++) {
                    if (!nlen[k]) {
                        kn = 0;
                        break;
                    }
                    if (k > i)
                        key[kn++] = ' ';
                    memcpy(key + kn, norms[k], nlen[k]);
                    kn += nlen[k];
                }
                const uint32_t *cands = NULL;
                uint32_t country;
                unsigned flags;
                int common, given;
                size_t n =
                    kn ? place_candidates(c, key, kn, &cands, &country, &flags, &common, &given) : 0;
                if (!n && country == LEDE_GEO_NO_PLACE)
                    continue;
                take = len;
                if (flags & LEDE_GEO_KEY_AFTER_COMMA)
                    break;
                float w = run[i].start < PLACE_DATELINE ? 2.0f : 1.0f;
                uint32_t h = lede_geo_key_hash(key, kn);
                int placed = 0;
                uint32_t qual = LEDE_GEO_NO_PLACE;
                if (na && i + len == nrun && country == LEDE_GEO_NO_PLACE) {
                    qual = place_qualifier(c, after, na, cands, n, &rc);
                    if (rc != LEDE_OK)
                        return rc;
                }
                if (qual != LEDE_GEO_NO_PLACE) {
                    for (size_t k = 0; k < n; k++)
                        if (cands[k] != qual && lede_geo_within(cands[k], qual)) {
                            cands += k;
                            n = 1;
                            placed = 1;
                            if (c->nsaid < LEDE_CANON_SAID) {
                                /* the name is this place throughout the text */
                                c->said_key[c->nsaid] = h;
                                c->said_place[c->nsaid++] = cands[0];
                            }
                            break;
                        }
                }
                /* a common word or a given name votes only as a place: a large one after a
                   preposition of place ("in Dallas", not "in Chesterton"), or one placed by a
                   qualifier ("Reading, England") */
                if ((common || given) && !placed) {
                    lede_geo_place top;
                    if (!(i == 0 && len == nrun && run_prev.end > run_prev.start &&
                          tok_place_prep(c, &run_prev) && n && lede_geo_place_at(cands[0], &top) &&
                          top.weight >= 100000u))
                        break;
                }
                if (country != LEDE_GEO_NO_PLACE)
                    lede_geo_doc_vote(&c->geo, h, &country, 1, w);
                else
                    lede_geo_doc_vote(&c->geo, h, cands, n, w);
                break;
            }
            i += take ? take : 1;
        }
        nrun = 0;
        if (!more || c->geo.n >= LEDE_GEO_DOC_VOTES)
            break; /* the votes are all in: the rest of a long text adds none */
        if (is_word_span(c, &cur) && tok_capital(c, &cur)) {
            run_prev = prev;
            run[nrun++] = cur;
        }
        prev = cur;
    }
    return LEDE_OK;
}

/* The first-level region or country named by t[0..n) after a comma, or LEDE_GEO_NO_PLACE. */
static uint32_t place_qualifier(lede_canon_ctx *c, const span *t, size_t n, const uint32_t *hc,
                                size_t nhc, lede_rc *rc) {
    char key[CANON_KEY_MAX];
    for (size_t len = n < PLACE_KEY_TOKS ? n : PLACE_KEY_TOKS; len > 0; len--) {
        if (!tok_capital(c, &t[0]))
            return LEDE_GEO_NO_PLACE;
        size_t kn = key_of(c, t, len, key, rc);
        if (!kn)
            return LEDE_GEO_NO_PLACE;
        const uint32_t *cands = NULL;
        uint32_t country, first = LEDE_GEO_NO_PLACE;
        unsigned flags;
        int common, given;
        size_t m = place_candidates(c, key, kn, &cands, &country, &flags, &common, &given);
        /* the country, then the regions of the name: the first that holds a place of the
           name before the comma ("Atlanta, Georgia" is the state, "Tbilisi, Georgia" the
           country), else the first */
        for (size_t k = 0; k <= m; k++) {
            uint32_t o = k == 0 ? country : cands[k - 1];
            lede_geo_place gp;
            if (o == LEDE_GEO_NO_PLACE || !lede_geo_place_at(o, &gp) ||
                (k > 0 && gp.kind != LEDE_GEO_ADMIN1 && gp.kind != LEDE_GEO_COUNTRY))
                continue;
            if (first == LEDE_GEO_NO_PLACE)
                first = o;
            for (size_t j = 0; j < nhc; j++)
                if (hc[j] != o && lede_geo_within(hc[j], o))
                    return o;
        }
        if (first != LEDE_GEO_NO_PLACE)
            return first;
    }
    return LEDE_GEO_NO_PLACE;
}

/* The level of place the words around t[0..n) ask for. */
static lede_geo_level place_level(lede_canon_ctx *c, const span *t, size_t n, int *place_cue) {
    static const char *const before_country[] = {
        "exports",  "imports", "embassy", "ambassador", "government", "invasion",
        "invaded",  "sanctions", "envoy",  "republic",   "nation",     "country"};
    /* the last three tokens before the name (the first of the window may be cut) */
    size_t from = t[0].start > 48 ? t[0].start - 48 : 0;
    while (from > 0 && from < t[0].start && ((unsigned char)c->s[from] & 0xC0) == 0x80)
        from++;
    span all[48], before[3];
    size_t na0 = tokens_of(c, from, t[0].start, all, 48), skip = from > 0 && na0 ? 1 : 0;
    size_t k0 = na0 - skip > 3 ? na0 - 3 : skip, nb = na0 - k0;
    memcpy(before, all + k0, nb * sizeof *before);
    *place_cue = nb && tok_place_prep(c, &before[nb - 1]);
    if (nb >= 2 && tok_is(c, &before[nb - 1], "of")) {
        const span *p = &before[nb - 2];
        if (tok_is(c, p, "state") || tok_is(c, p, "province") || tok_is(c, p, "region"))
            return LEDE_GEO_LEVEL_ADMIN1;
        if (tok_is(c, p, "city") || tok_is(c, p, "town") || tok_is(c, p, "village") ||
            tok_is(c, p, "mayor") || tok_is(c, p, "suburb"))
            return LEDE_GEO_LEVEL_CITY;
        if (tok_is(c, p, "county"))
            return LEDE_GEO_LEVEL_ADMIN2;
    }
    for (size_t k = 0; k < nb; k++)
        for (size_t j = 0; j < sizeof before_country / sizeof *before_country; j++)
            if (tok_is(c, &before[k], before_country[j]))
                return LEDE_GEO_LEVEL_COUNTRY;
    if (nb && (tok_is(c, &before[nb - 1], "downtown") || tok_is(c, &before[nb - 1], "suburban")))
        return LEDE_GEO_LEVEL_CITY;
    /* the words after it */
    span after[3];
    size_t end = t[n - 1].end, to = end + 32 < c->n ? end + 32 : c->n;
    size_t na = tokens_of(c, end, to, after, 3);
    if (na && (to < c->n) && na == 3)
        na = 2; /* the last may be cut */
    if (na && (tok_is(c, &after[0], "state") || tok_is(c, &after[0], "province")))
        return LEDE_GEO_LEVEL_ADMIN1;
    if (na && (tok_is(c, &after[0], "city") || tok_is(c, &after[0], "mayor")))
        return LEDE_GEO_LEVEL_CITY;
    if (na >= 2 && tok_possessive(c, &after[0]) &&
        (tok_is(c, &after[1], "government") || tok_is(c, &after[1], "president") ||
         tok_is(c, &after[1], "economy") || tok_is(c, &after[1], "military") ||
         tok_is(c, &after[1], "embassy")))
        return LEDE_GEO_LEVEL_COUNTRY;
    return LEDE_GEO_LEVEL_ANY;
}

/* The place the name t[0..n) means (*out, or LEDE_GEO_NO_PLACE). strict: the name is part of
   a longer name of another kind ("Wells Fargo"), so a family name counts as a given name. */
static lede_rc place_resolve(lede_canon_ctx *c, const lede_canon_entity *e, const span *t,
                             size_t n, int strict, uint32_t *out) {
    lede_rc rc = LEDE_OK;
    char key[CANON_KEY_MAX];
    lede_geo_query q;
    memset(&q, 0, sizeof q);
    q.qualifier = LEDE_GEO_NO_PLACE;
    *out = LEDE_GEO_NO_PLACE;
    size_t head = n;
    for (size_t k = 1; k + 1 < n; k++)
        if (tok_is(c, &t[k], ",")) { /* "Paris, Texas" in one span */
            head = k;
            break;
        }
    const uint32_t *hc = NULL;
    size_t nhc = 0, hn = key_of(c, t, head, key, &rc);
    if (hn) {
        uint32_t country;
        unsigned f;
        int cm, gv;
        nhc = place_candidates(c, key, hn, &hc, &country, &f, &cm, &gv);
    }
    if (head < n)
        q.qualifier = place_qualifier(c, t + head + 1, n - head - 1, hc, nhc, &rc);
    if (rc != LEDE_OK)
        return rc;
    if (head == n && e->byte_end < c->n) {
        /* ", Texas" after the name */
        span after[PLACE_KEY_TOKS + 1];
        size_t to = e->byte_end + 40 < c->n ? e->byte_end + 40 : c->n;
        size_t na = tokens_of(c, e->byte_end, to, after, PLACE_KEY_TOKS + 1);
        if (na >= 2 && tok_is(c, &after[0], ",") && after[0].start == e->byte_end)
            q.qualifier = place_qualifier(c, after + 1, na - 1, hc, nhc, &rc);
        if (rc != LEDE_OK)
            return rc;
    }
    if (head == n && t[0].start > 1) {
        /* "Atlanta, " before the name: the places it may be */
        size_t from = t[0].start > 48 ? t[0].start - 48 : 0;
        while (from > 0 && from < t[0].start && ((unsigned char)c->s[from] & 0xC0) == 0x80)
            from++;
        span all[48];
        size_t na = tokens_of(c, from, t[0].start, all, 48), i;
        if (na >= 2 && tok_is(c, &all[na - 1], ",") && all[na - 2].end == all[na - 1].start) {
            for (i = na - 1; i > (from > 0 ? 1u : 0u) && na - 1 - i < PLACE_KEY_TOKS &&
                             is_word_span(c, &all[i - 1]) && tok_capital(c, &all[i - 1]);
                 i--)
                ;
            size_t ik = i < na - 1 ? key_of(c, all + i, na - 1 - i, key, &rc) : 0;
            uint32_t country;
            unsigned f;
            int cm, gv;
            if (ik)
                q.ninner = place_candidates(c, key, ik, &q.inner, &country, &f, &cm, &gv);
        }
    }
    size_t kn = key_of(c, t, head, key, &rc);
    if (!kn)
        return rc;
    unsigned flags;
    q.ncands = place_candidates(c, key, kn, &q.cands, &q.country, &flags, &q.common, &q.given);
    q.key = lede_geo_key_hash(key, kn);
    /* "Rapides Parish Fire District": the longest leading words that name a place (not for
       FAC: "Dublin Road" is not in Dublin) */
    for (size_t len = head - 1; !q.ncands && q.country == LEDE_GEO_NO_PLACE &&
                                e->label != LEDE_ENT_FAC && len >= 1 && len + 1 >= head / 2;
         len--) {
        if (!(kn = key_of(c, t, len, key, &rc)))
            return rc;
        q.ncands = place_candidates(c, key, kn, &q.cands, &q.country, &flags, &q.common, &q.given);
        q.key = lede_geo_key_hash(key, kn);
        if (q.ncands && (flags & LEDE_GEO_KEY_AFTER_COMMA))
            q.ncands = 0;
    }
    if ((flags & LEDE_GEO_KEY_AFTER_COMMA) && q.country == LEDE_GEO_NO_PLACE && !q.ninner)
        return LEDE_OK; /* "TX", "IN" name a state only after a city */
    if (strict && !q.given && q.country == LEDE_GEO_NO_PLACE) {
        lede_gaz_entry g;
        if (lede_gaz_lookup(key, kn, &g) && (g.types & LEDE_GAZ_SURNAME))
            q.given = 1;
    }
    q.level = place_level(c, t, head, &q.place_cue);
    *out = lede_geo_resolve(&c->geo, &q);
    if (q.qualifier != LEDE_GEO_NO_PLACE && *out != LEDE_GEO_NO_PLACE &&
        lede_geo_within(*out, q.qualifier) && c->nsaid < LEDE_CANON_SAID) {
        c->said_key[c->nsaid] = q.key;
        c->said_place[c->nsaid++] = *out;
    } else if (q.qualifier == LEDE_GEO_NO_PLACE) {
        /* one place a name in one text: "Athens" after "Athens, Ga." */
        for (size_t k = 0; k < c->nsaid; k++)
            if (c->said_key[k] == q.key) {
                *out = c->said_place[k];
                break;
            }
    }
    return LEDE_OK;
}

/* Words that may stand before a place's name in a longer name without being part of it:
   "North Arlington Neighbors", "Western Pennsylvania Kennel Association", "Metro Nashville". */
static int tok_place_modifier(const lede_canon_ctx *c, const span *t) {
    static const char *const mods[] = {
        "north",        "south",        "east",         "west",         "northern",
        "southern",     "eastern",      "western",      "northeast",    "northwest",
        "southeast",    "southwest",    "northeastern", "northwestern", "southeastern",
        "southwestern", "central",      "metro",        "metropolitan", "greater",
        "upper",        "lower",        "downtown",     "suburban"};
    for (size_t k = 0; k < sizeof mods / sizeof *mods; k++)
        if (tok_is(c, t, mods[k]))
            return 1;
    return 0;
}

/* 1 when the name t[0..n) is a road's or a natural feature's: a road or a park named after a
   place does not lie in it ("Dublin Road", "Roanoke Park"), and a sea is not its shore
   ("South China Seas"). */
static int name_is_road_or_feature(const lede_canon_ctx *c, const span *t, size_t n) {
    static const char *const roads[] = {
        "sea",     "seas",       "ocean",   "river",     "lake",    "bay",    "gulf",
        "strait",  "mountain",   "mountains", "mount",   "mt.",     "island", "islands",
        "valley",  "canyon",     "desert",  "peninsula", "forest",  "park",   "creek",
        "refuge",  "lakeshore",  "coast",   "basin",     "plain",   "plains", "hills",
        "road",    "rd",         "rd.",     "street",    "st",     "st.",     "avenue",
        "ave",     "ave.",       "boulevard", "blvd",    "blvd.",  "drive",   "dr",
        "dr.",     "lane",       "ln",      "ln.",       "highway", "hwy",    "hwy.",
        "pike",    "parkway",    "pkwy",    "pkwy.",     "way",     "turnpike", "expressway",
        "freeway", "route",      "trail",   "bypass",    "interstate"};
    for (size_t j = 0; j < n; j++)
        for (size_t k = 0; k < sizeof roads / sizeof *roads; k++)
            if (tok_is(c, &t[j], roads[k]))
                return 1;
    return 0;
}

/* 1 when token t is an acronym of two to four capitals ("EU", "NATO"): such a word in a
   longer name is a country ("US", "UK") or a capital ("ROME") and never a town ("Eu", "Nato"). */
static int tok_short_acronym(const lede_canon_ctx *c, const span *t) {
    size_t n = t->end - t->start;
    if (n < 2 || n > 4)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (c->s[t->start + k] < 'A' || c->s[t->start + k] > 'Z')
            return 0;
    return 1;
}

/* What the words w[0..len) of a longer name name: the place candidates (their count, 0 when
   none) and *country, the country they or its people are ("Russian Foreign Ministry"). Not a
   common word ("University"), a short acronym but a country's or a capital's, or a state's
   postal code. */
static size_t place_words_lookup(lede_canon_ctx *c, const span *w, size_t len,
                                 const uint32_t **cands, uint32_t *country, lede_rc *rc) {
    char key[CANON_KEY_MAX];
    unsigned flags;
    int common, given;
    *country = LEDE_GEO_NO_PLACE;
    size_t kn = key_of(c, w, len, key, rc);
    if (!kn)
        return 0;
    size_t nc = place_candidates(c, key, kn, cands, country, &flags, &common, &given);
    if (*country == LEDE_GEO_NO_PLACE && (common || (flags & LEDE_GEO_KEY_AFTER_COMMA)))
        return 0;
    if (*country == LEDE_GEO_NO_PLACE && len == 1 && nc && tok_short_acronym(c, w)) {
        lede_geo_place gp;
        if (!lede_geo_place_at((*cands)[0], &gp) || !(gp.flags & LEDE_GEO_CAPITAL))
            return 0;
    }
    if (*country == LEDE_GEO_NO_PLACE && !nc) {
        lede_gaz_entry g;
        if (lede_gaz_lookup(key, kn, &g) && (g.types & LEDE_GAZ_DEMONYM) &&
            !(g.types & (LEDE_GAZ_GIVEN_NAME | LEDE_GAZ_SURNAME)) && g.country[0])
            *country = lede_geo_country(g.country);
    }
    return nc;
}

/* Of the places a and b (candidates of the two halves of "Logan-Rogersville", a country
   last), the one of a nearest one of b when they lie within 100 km of each other, or the
   inner of two that lie in one another; else LEDE_GEO_NO_PLACE. */
static uint32_t place_pair(const uint32_t *a, size_t na, uint32_t ca, const uint32_t *b, size_t nb,
                           uint32_t cb) {
    uint32_t best = LEDE_GEO_NO_PLACE;
    double best_km = 100.0;
    for (size_t i = 0; i <= na; i++) {
        uint32_t p = i < na ? a[i] : ca;
        if (p == LEDE_GEO_NO_PLACE)
            continue;
        for (size_t j = 0; j <= nb; j++) {
            uint32_t q = j < nb ? b[j] : cb;
            if (q == LEDE_GEO_NO_PLACE)
                continue;
            if (lede_geo_within(p, q))
                return p;
            if (lede_geo_within(q, p))
                return q; /* "Wisconsin-Milwaukee": the city */
            double km = lede_geo_km(p, q);
            if (km < best_km) {
                best_km = km;
                best = p;
            }
        }
    }
    return best;
}

/* The place named by the capitalised words of t[0..n) from word i on (the longest run of at
   most PLACE_KEY_TOKS that names a place, a country or a country's people), or by the first
   part of a hyphenated word there ("Albany-based", "Athens-Clarke"); two places joined
   ("Logan-Rogersville") only when they are neighbours ("Egyptian-US" is neither). */
static lede_rc place_words_at(lede_canon_ctx *c, const lede_canon_entity *e, const span *t,
                              size_t n, size_t i, uint32_t *out) {
    lede_rc rc = LEDE_OK;
    size_t m = 0;
    *out = LEDE_GEO_NO_PLACE;
    while (i + m < n && m < PLACE_KEY_TOKS && is_word_span(c, &t[i + m]) &&
           tok_capital(c, &t[i + m]))
        m++;
    if (m == 0)
        return LEDE_OK;
    const uint32_t *cands = NULL;
    uint32_t country;
    for (size_t len = m; len > 0; len--) {
        if (len == 1 && m > 1 && tok_place_modifier(c, &t[i]))
            break; /* "West" of "West Wichita" is not the town of West */
        size_t nc = place_words_lookup(c, t + i, len, &cands, &country, &rc);
        if (rc != LEDE_OK)
            return rc;
        if (!nc && country == LEDE_GEO_NO_PLACE)
            continue;
        if (!nc) {
            *out = country;
            return LEDE_OK;
        }
        lede_canon_entity pe = *e;
        pe.byte_start = t[i].start;
        pe.byte_end = t[i + len - 1].end;
        pe.label = LEDE_ENT_GPE;
        return place_resolve(c, &pe, t + i, len, 1, out);
    }
    /* a hyphenated word: its first part, and the second when it is a name too */
    const char *h = memchr(c->s + t[i].start, '-', t[i].end - t[i].start);
    if (!h || (size_t)(h - c->s) - t[i].start < 2)
        return LEDE_OK;
    span part[2];
    part[0].start = t[i].start;
    part[0].end = (size_t)(h - c->s);
    part[1].start = part[0].end + 1;
    const char *h2 = memchr(c->s + part[1].start, '-', t[i].end - part[1].start);
    part[1].end = h2 ? (size_t)(h2 - c->s) : t[i].end;
    size_t nc = place_words_lookup(c, part, 1, &cands, &country, &rc);
    if (rc != LEDE_OK || (!nc && country == LEDE_GEO_NO_PLACE))
        return rc;
    if (part[1].end > part[1].start && tok_capital(c, &part[1])) {
        const uint32_t *cands2 = NULL;
        uint32_t country2;
        size_t nc2 = place_words_lookup(c, part + 1, 1, &cands2, &country2, &rc);
        if (rc != LEDE_OK)
            return rc;
        if (nc2 || country2 != LEDE_GEO_NO_PLACE) {
            *out = place_pair(cands, nc, country, cands2, nc2, country2);
            return LEDE_OK;
        }
    }
    if (!nc) {
        *out = country;
        return LEDE_OK;
    }
    lede_canon_entity pe = *e;
    pe.byte_start = part[0].start;
    pe.byte_end = part[0].end;
    pe.label = LEDE_ENT_GPE;
    return place_resolve(c, &pe, part, 1, 1, out);
}

/* 1 when the name t[0..n) is a company's ("Acme Corp", "Meridian Bank"): a company is
   named after a country, a region or a large city, and its other words are not towns. */
static int name_is_company(const lede_canon_ctx *c, const span *t, size_t n) {
    static const char *const heads[] = {
        "corp",    "corp.",   "corporation", "inc",     "inc.",   "incorporated", "co",
        "co.",     "company", "ltd",         "ltd.",    "limited", "llc",         "plc",
        "holdings", "group",  "gmbh",        "ag",      "sa",     "s.a.",         "nv",
        "industries", "enterprises", "partners", "brands", "motors", "airlines", "airways",
        "bank",    "bancorp", "capital", "financial", "insurance", "energy", "systems",
        "technologies", "media", "foods", "pharmaceuticals"};
    for (size_t k = 0; k < sizeof heads / sizeof *heads; k++)
        if (n > 1 && tok_is(c, &t[n - 1], heads[k]))
            return 1;
    return 0;
}

/*
 * The place a longer name t[0..n) is named after (*out, or LEDE_GEO_NO_PLACE): a place's
 * name at its start ("Athens Police Department", "Dane County Sheriff", "Madison City
 * Council"), after "the" and words such as "North" or "Metro"; else after "of" ("University
 * of Cincinnati", "Bank of Canada"); a party and home town ("D-N.Y.") is the town.
 */
static lede_rc place_inside(lede_canon_ctx *c, const lede_canon_entity *e, const span *t,
                            size_t n, uint32_t *out) {
    lede_rc rc;
    *out = LEDE_GEO_NO_PLACE;
    if (n == 0)
        return LEDE_OK;
    if (t[0].end - t[0].start >= 3 && (c->s[t[0].start] == 'D' || c->s[t[0].start] == 'R' ||
                                       c->s[t[0].start] == 'I') &&
        c->s[t[0].start + 1] == '-') {
        /* "D-N.Y.", "R-Elbow Lake": the words after the party's letter */
        span r[PLACE_KEY_TOKS];
        size_t nr = tokens_of(c, t[0].start + 2, t[n - 1].end, r, PLACE_KEY_TOKS);
        return place_words_at(c, e, r, nr, 0, out);
    }
    size_t i = 0;
    if (n > 1 && tok_is(c, &t[0], "the"))
        i++;
    for (int pass = 0; pass < 2; pass++) {
        if ((rc = place_words_at(c, e, t, n, i, out)) != LEDE_OK || *out != LEDE_GEO_NO_PLACE)
            return rc;
        if (i + 1 < n && tok_place_modifier(c, &t[i]))
            i++;
        else
            break;
    }
    for (size_t k = 1; k + 1 < n; k++)
        if (tok_is(c, &t[k], "of")) {
            size_t j = k + 1;
            if (j + 1 < n && tok_is(c, &t[j], "the"))
                j++;
            if (j + 1 < n && tok_place_modifier(c, &t[j]))
                j++;
            return place_words_at(c, e, t, n, j, out);
        }
    return LEDE_OK;
}

/* ---- the calls ------------------------------------------------------------------------ */

void lede_canon_init(lede_canon_ctx *c, const char *s, size_t n, size_t mem_limit) {
    memset(c, 0, sizeof *c);
    c->s = s ? s : "";
    c->n = s ? n : 0;
    c->mem_limit = mem_limit ? mem_limit : LEDE_CANON_MEM_DEFAULT;
}

void lede_canon_free(lede_canon_ctx *c) {
    lede_free(c->pool);
    lede_free(c->forms);
    lede_free(c->slots);
    lede_free(c->postings);
    lede_free(c->out);
    lede_free(c->scratch);
    lede_norm_buf_free(&c->norm);
    memset(c, 0, sizeof *c);
}

static lede_rc put(lede_canon_ctx *c, lede_canon_entity *e, const char *b, size_t len) {
    if (grow(c, (void **)&c->out, &c->out_cap, len + 1, 1, 0) < 0) {
        e->canonical = NULL;
        e->canonical_len = 0;
        return LEDE_NOMEM;
    }
    memmove(c->out, b, len);
    c->out[len] = '\0';
    e->canonical = c->out;
    e->canonical_len = len;
    return LEDE_OK;
}

lede_rc lede_canon_next(lede_canon_ctx *c, lede_canon_entity *e) {
    lede_rc rc = LEDE_OK;
    e->canonical = NULL;
    e->canonical_len = 0;
    e->has_point = 0;
    e->lat = e->lon = 0.0;
    e->geonames = 0;
    if (e->byte_start > e->byte_end || e->byte_end > c->n) {
        e->country[0] = '\0';
        return put(c, e, "", 0);
    }
    if (lede_ent_label_has_value(e->label)) {
        size_t len = display(c, 0, e->byte_start, e->byte_end);
        e->country[0] = '\0';
        return len == (size_t)-1 ? LEDE_NOMEM : put(c, e, c->scratch, len);
    }
    if (!c->acronyms_read && (rc = read_acronyms(c)) != LEDE_OK)
        return rc;

    span t[CANON_SPAN_TOKS];
    size_t nt = tokens_of(c, e->byte_start, e->byte_end, t, CANON_SPAN_TOKS), a = 0, b = nt;
    while (b > a && tok_possessive(c, &t[b - 1]))
        b--;
    if (e->label == LEDE_ENT_PERSON)
        while (a + 1 < b && tok_honorific(c, &t[a]))
            a++;
    if (e->label == LEDE_ENT_ORG && a + 1 < b && tok_is(c, &t[a], "the"))
        a++;
    size_t start = a < b ? t[a].start : e->byte_start, end = a < b ? t[b - 1].end : e->byte_end;
    if (nt == CANON_SPAN_TOKS) /* more words than read: keep the whole text */
        start = e->byte_start, end = e->byte_end, a = 0, b = 0;
    size_t len = display(c, 0, start, end);
    if (len == (size_t)-1)
        return LEDE_NOMEM;
    char key[CANON_KEY_MAX];
    lede_gaz_entry g;

    if (e->label == LEDE_ENT_NORP) {
        if (!e->country[0]) {
            size_t kn = key_of(c, t + a, b - a, key, &rc);
            if (kn && lede_gaz_lookup(key, kn, &g) &&
                (g.types & (LEDE_GAZ_DEMONYM | LEDE_GAZ_GROUP)))
                memcpy(e->country, g.country, 3);
        }
        lede_geo_place gp;
        if (e->country[0] && lede_geo_place_at(lede_geo_country(e->country), &gp)) {
            e->has_point = 1; /* "Turkish", "the French": the country's point */
            e->lat = gp.lat;
            e->lon = gp.lon;
        }
        return rc != LEDE_OK ? rc : put(c, e, c->scratch, len);
    }
    e->country[0] = '\0';

    /* an acronym the text defines */
    const struct lede_canon_slot *ac =
        len <= ACRO_MAX ? slot_find(c, SLOT_ACRO, c->scratch, len) : NULL;
    if (ac) {
        const char *lf = c->pool + ac->val;
        if (lede_ent_label_is_place(e->label)) {
            /* the long form may be a country: "United States of America (US)" */
            span lt[CANON_MAX_TOKS];
            lede_tok_iter it;
            lede_token tk;
            size_t nl = 0, kn = 0;
            lede_tok_init(&it, lf, ac->aux);
            while (nl < CANON_MAX_TOKS && lede_tok_next(&it, &tk)) {
                lt[nl].start = tk.span.byte_start;
                lt[nl].end = tk.span.byte_end;
                nl++;
            }
            for (size_t k = 0; k < nl; k++) {
                const char *o;
                size_t on;
                lede_rc r =
                    lede_text_norm(&c->norm, lf + lt[k].start, lt[k].end - lt[k].start, &o, &on);
                if (r != LEDE_OK || kn + on + 1 > CANON_KEY_MAX) {
                    if (r == LEDE_NOMEM)
                        return r;
                    kn = 0;
                    break;
                }
                if (k)
                    key[kn++] = ' ';
                memcpy(key + kn, o, on);
                kn += on;
            }
            if (kn && lede_gaz_lookup(key, kn, &g) &&
                (g.types & (LEDE_GAZ_COUNTRY | LEDE_GAZ_CITY | LEDE_GAZ_REGION))) {
                memcpy(e->country, g.country, 3);
                if (g.canonical)
                    return put(c, e, g.canonical, strlen(g.canonical));
            }
        }
        return put(c, e, lf, ac->aux);
    }

    if (lede_ent_label_is_place(e->label)) {
        if (!c->places_read && (rc = read_places(c)) != LEDE_OK)
            return rc;
        size_t pa = a, pb = b;
        if (pb - pa > 1 && tok_is(c, &t[pa], "the"))
            pa++;
        uint32_t p = LEDE_GEO_NO_PLACE;
        if (pb > pa && (rc = place_resolve(c, e, t + pa, pb - pa, 0, &p)) != LEDE_OK)
            return rc;
        lede_geo_place gp;
        int have = p != LEDE_GEO_NO_PLACE && lede_geo_place_at(p, &gp), inside = 0;
        size_t kn = pb > pa ? key_of(c, t + pa, pb - pa, key, &rc) : 0;
        if (rc != LEDE_OK)
            return rc;
        if (!have && b > a && !name_is_road_or_feature(c, t + a, b - a)) {
            /* "Northeast Georgia", "Athens-Clarke", "D-N.Y.", "the Port of Los Angeles",
               "Paris City Hall": the place inside the name, which keeps its own name */
            if ((rc = place_inside(c, e, t + a, b - a, &p)) != LEDE_OK)
                return rc;
            inside = have = p != LEDE_GEO_NO_PLACE && lede_geo_place_at(p, &gp);
        }
        if (!have || (gp.kind == LEDE_GEO_CITY && !(gp.flags & LEDE_GEO_CAPITAL) &&
                      gp.weight < 1000000u &&
                      !place_supported(c, lede_geo_key_hash(key, kn), gp.country))) {
            /* a region the gazetteer knows and geo.h cannot place beats a town of another
               country ("Java" is not the Georgian village): its country, no point */
            if (kn && lede_gaz_lookup(key, kn, &g) && (g.types & LEDE_GAZ_REGION) &&
                g.country[0] && (!have || memcmp(g.country, gp.country, 2) != 0)) {
                memcpy(e->country, g.country, 3);
                return g.canonical ? put(c, e, g.canonical, strlen(g.canonical))
                                   : put(c, e, c->scratch, len);
            }
            if (rc != LEDE_OK)
                return rc;
        }
        if (have) {
            memcpy(e->country, gp.country, 3);
            e->has_point = 1;
            e->lat = gp.lat;
            e->lon = gp.lon;
            e->geonames = gp.geonames;
            if (inside)
                return put(c, e, c->scratch, len);
            if (gp.kind == LEDE_GEO_COUNTRY) {
                /* the gazetteer's name for the country ("United States") */
                if (kn && lede_gaz_lookup(key, kn, &g) && (g.types & LEDE_GAZ_COUNTRY) &&
                    g.canonical)
                    return put(c, e, g.canonical, strlen(g.canonical));
            }
            return rc != LEDE_OK ? rc : put(c, e, gp.name, strlen(gp.name));
        }
        return rc != LEDE_OK ? rc : put(c, e, c->scratch, len);
    }

    if (e->label == LEDE_ENT_ORG && b > a) {
        /* an organisation named after a place has its point and country ("Athens Police
           Department", "Bank of Canada"); its name stays its own */
        if (!c->places_read && (rc = read_places(c)) != LEDE_OK)
            return rc;
        uint32_t p;
        lede_geo_place gp;
        if ((rc = place_inside(c, e, t + a, b - a, &p)) != LEDE_OK)
            return rc;
        if (p != LEDE_GEO_NO_PLACE && lede_geo_place_at(p, &gp) &&
            !(gp.kind == LEDE_GEO_CITY && !(gp.flags & LEDE_GEO_CAPITAL) &&
              gp.weight < 100000u && name_is_company(c, t + a, b - a))) {
            memcpy(e->country, gp.country, 3);
            e->has_point = 1;
            e->lat = gp.lat;
            e->lon = gp.lon;
            e->geonames = gp.geonames;
        }
    }
    if ((e->label == LEDE_ENT_PERSON || e->label == LEDE_ENT_ORG) && b > a) {
        name m;
        if ((rc = name_lookup(c, t + a, b - a, &m)) != LEDE_OK)
            return rc;
        long f = name_resolve(c, &m, e->label);
        const char *canon = c->scratch;
        size_t clen = len;
        if (f >= 0) {
            canon = c->pool + c->forms[f].canon;
            clen = c->forms[f].canon_len;
        }
        if ((rc = put(c, e, canon, clen)) != LEDE_OK)
            return rc;
        /* e->canonical is c->out: remember the name with it */
        return name_store(c, t + a, b - a, e->label, c->out, clen);
    }
    return put(c, e, c->scratch, len);
}
