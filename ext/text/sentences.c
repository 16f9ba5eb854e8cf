/*
 * sentences.c: the sentence splitter of sentences.h.
 *
 * lede_sent_next takes tokens one at a time. Before adding a token it asks
 * whether a sentence must end before it (line breaks, bullets, list items);
 * after adding a terminal token (., !, ?, …, or a word that kept its
 * period) it looks ahead at the next few tokens to decide whether the
 * sentence ends there, taking the closing quotes and brackets with it.
 * Between the tokens that can matter it skips (see "skipping" below).
 */
#include "sentences.h"

#include "abbrev.h"
#include "chars.h"
#include "orth.h"
#include "utf8.h"

#include <string.h>

enum { SENT_MARKER_NONE = 0, SENT_MARKER_BULLET, SENT_MARKER_NUMBER, SENT_MARKER_LETTER };

/* The longest spaced ellipsis and the most closing marks looked at. */
#define SENT_MAX_DOTS 6
#define SENT_MAX_CLOSERS 4
/* The most tokens of one citation mark, brackets included: "[note 12]". */
#define SENT_MAX_CITATION 5
/* The most tokens of an introductory phrase ("At 5 a.m."). */
#define SENT_INTRO_MAX 5

_Static_assert(SENT_MAX_DOTS + SENT_MAX_CLOSERS + 2 * SENT_MAX_CITATION + 4 <= LEDE_SENT_LOOKAHEAD,
               "the look-ahead must hold an ellipsis, its closers and what follows");

/* ---- tokens ahead ------------------------------------------------------- */

/* The k-th token not yet taken, or NULL past the end. */
static const lede_token *sent_peek_more(lede_sent_iter *it, size_t k);

static inline const lede_token *sent_peek(lede_sent_iter *it, size_t k) {
    if (k < it->count)
        return &it->ahead[(it->head + k) % LEDE_SENT_LOOKAHEAD];
    return sent_peek_more(it, k);
}

/* sent_peek when it must read tokens first. */
static const lede_token *sent_peek_more(lede_sent_iter *it, size_t k) {
    while (it->count <= k && !it->eof) {
        lede_token *slot = &it->ahead[(it->head + it->count) % LEDE_SENT_LOOKAHEAD];
        if (!(it->general ? lede_tok_next_general(&it->tokens, slot)
                          : lede_tok_next(&it->tokens, slot))) {
            it->eof = 1;
            break;
        }
        it->count++;
    }
    return k < it->count ? &it->ahead[(it->head + k) % LEDE_SENT_LOOKAHEAD] : NULL;
}

static lede_token sent_take(lede_sent_iter *it) {
    lede_token t = it->ahead[it->head];
    it->head = (it->head + 1) % LEDE_SENT_LOOKAHEAD;
    it->count--;
    return t;
}

/* ---- what a token is ---------------------------------------------------- */

static const char *sent_text(const lede_sent_iter *it, const lede_token *t) {
    return it->tokens.s + t->span.byte_start;
}

static size_t sent_len(const lede_token *t) { return t->span.byte_end - t->span.byte_start; }

static uint32_t sent_first(const lede_sent_iter *it, const lede_token *t) {
    uint32_t c;
    lede_utf8_next(it->tokens.s, t->span.byte_end, t->span.byte_start, &c);
    return c;
}

static uint32_t sent_last(const lede_sent_iter *it, const lede_token *t) {
    size_t b = t->span.byte_end - 1;
    while (b > t->span.byte_start && ((unsigned char)it->tokens.s[b] & 0xC0u) == 0x80u)
        b--;
    uint32_t c;
    lede_utf8_next(it->tokens.s, t->span.byte_end, b, &c);
    return c;
}

/* 1 when the token is the text[0..m); SENT_IS gives m for a literal. */
static int sent_is_n(const lede_sent_iter *it, const lede_token *t, const char *text, size_t m) {
    return sent_len(t) == m && memcmp(sent_text(it, t), text, m) == 0;
}
#define SENT_IS(it, t, lit) sent_is_n((it), (t), (lit), sizeof(lit) - 1)

static int sent_is_bullet_char(uint32_t c) {
    return c == 0x2022u || c == 0x2023u || c == 0x2043u || c == 0x25E6u || c == 0x25AAu ||
           c == 0x25CFu || c == 0x2219u;
}

static int sent_is_bullet(const lede_sent_iter *it, const lede_token *t) {
    return sent_len(t) <= 3 && sent_is_bullet_char(sent_first(it, t));
}

/* The full stops of CJK and full-width text: 。 ｡ ． ！ ？, which end a
   sentence without a space after them. */
static int sent_is_wide_stop_char(uint32_t c) {
    return c == 0x3002u || c == 0xFF61u || c == 0xFF0Eu || c == 0xFF01u || c == 0xFF1Fu;
}

/* A run of periods, an ellipsis character, a run of ! and ?, or a CJK stop. */
static int sent_is_stop(const lede_sent_iter *it, const lede_token *t) {
    if (t->kind != LEDE_TOK_PUNCT)
        return 0;
    uint32_t c = sent_first(it, t);
    return c == '.' || c == '!' || c == '?' || c == 0x2026u || c == 0x203Cu || c == 0x2047u ||
           c == 0x2048u || c == 0x2049u || sent_is_wide_stop_char(c);
}

/* A word that kept its period: an abbreviation, an initial, an initialism. */
static int sent_is_abbrev(const lede_sent_iter *it, const lede_token *t) {
    return t->kind == LEDE_TOK_WORD && sent_len(t) >= 2 && sent_text(it, t)[sent_len(t) - 1] == '.';
}

static int sent_is_single_period(const lede_sent_iter *it, const lede_token *t) {
    return t->kind == LEDE_TOK_PUNCT && SENT_IS(it, t, ".");
}

/* Closing marks that belong to the sentence they follow without space. */
static int sent_is_closer(const lede_sent_iter *it, const lede_token *t) {
    return t->kind == LEDE_TOK_PUNCT && !t->space_before && sent_len(t) <= 3 &&
           lede_char_is_closing(sent_first(it, t));
}

/* A word starting with a capital. */
static int sent_is_capitalised(const lede_sent_iter *it, const lede_token *t) {
    return t->kind == LEDE_TOK_WORD && lede_char_is_upper(sent_first(it, t));
}

/* A number token of at most three ASCII digits: a list item's number. */
static int sent_small_number(const lede_sent_iter *it, const lede_token *t, uint32_t *value) {
    size_t m = sent_len(t);
    const char *p = sent_text(it, t);
    if (t->kind != LEDE_TOK_NUMBER || m == 0 || m > 3)
        return 0;
    uint32_t v = 0;
    for (size_t i = 0; i < m; i++) {
        if (p[i] < '0' || p[i] > '9')
            return 0;
        v = v * 10 + (uint32_t)(p[i] - '0');
    }
    *value = v;
    return 1;
}

/* A single ASCII lowercase letter, alone or with its period: a list item's. */
static int sent_small_letter(const lede_sent_iter *it, const lede_token *t, uint32_t *value,
                             int *with_period) {
    size_t m = sent_len(t);
    const char *p = sent_text(it, t);
    if (t->kind != LEDE_TOK_WORD || m == 0 || m > 2 || p[0] < 'a' || p[0] > 'z')
        return 0;
    if (m == 2 && p[1] != '.')
        return 0;
    *value = (uint32_t)p[0];
    *with_period = m == 2;
    return 1;
}

/* The punctuation after a list item's number or letter: "." or ")" or ".)". */
static int sent_item_mark(const lede_sent_iter *it, const lede_token *t) {
    return t && !t->space_before && t->kind == LEDE_TOK_PUNCT &&
           (SENT_IS(it, t, ".") || SENT_IS(it, t, ")"));
}

/*
 * Whether the tokens from ahead[k] form a list item's marker; sets its kind
 * and value. A bullet is a marker on its own.
 */
static int sent_marker_at(lede_sent_iter *it, size_t k, int *kind, uint32_t *value) {
    const lede_token *t = sent_peek(it, k);
    int with_period;
    if (!t)
        return 0;
    if (sent_small_number(it, t, value) && sent_item_mark(it, sent_peek(it, k + 1))) {
        *kind = SENT_MARKER_NUMBER;
        return 1;
    }
    if (sent_small_letter(it, t, value, &with_period) &&
        (with_period || sent_item_mark(it, sent_peek(it, k + 1)))) {
        *kind = SENT_MARKER_LETTER;
        return 1;
    }
    return 0;
}

/* ---- decisions ---------------------------------------------------------- */

typedef struct {
    const lede_token *first; /* the sentence's first token */
    lede_token last;         /* the last token taken */
    lede_token before_last;  /* the one before it, when taken > 1 */
    size_t taken;            /* tokens in the sentence so far */
    size_t marker_tokens;    /* tokens of its list marker, bullet included */
} sent_state;

/* Whether a sentence ends before the next token t. */
static int sent_break_before(lede_sent_iter *it, const sent_state *st, const lede_token *t) {
    if (t->newlines_before >= 2)
        return 1;
    if (t->newlines_before == 1) {
        uint32_t end = sent_last(it, &st->last);
        int runs_on =
            (lede_char_is_lower(end) || end == ',') && lede_char_is_lower(sent_first(it, t));
        return !runs_on;
    }
    if (!t->space_before)
        return 0;
    if (sent_is_bullet(it, t))
        return 1;
    int kind;
    uint32_t value;
    if ((it->marker_kind == SENT_MARKER_NUMBER || it->marker_kind == SENT_MARKER_LETTER) &&
        sent_marker_at(it, 0, &kind, &value))
        return kind == it->marker_kind && value == it->marker_value + 1;
    return 0;
}

/* Whether t, after a stop, starts a new sentence. after_word: the stop
   followed a word or number, so that a digit can start the next one. */
static int sent_starts(lede_sent_iter *it, const lede_token *t, size_t k, int after_word) {
    if (!t)
        return 1;
    if (!t->space_before)
        return 0;
    uint32_t c = sent_first(it, t);
    /* a script without case gives no capital to wait for: "Smith. 東京は" */
    if (lede_char_is_upper(c) || sent_is_bullet_char(c) || lede_char_is_caseless_letter(c))
        return 1;
    if (lede_char_is_digit(c))
        return after_word;
    if (t->kind == LEDE_TOK_PUNCT && lede_char_is_opening(c)) {
        const lede_token *u = sent_peek(it, k + 1);
        if (u && !u->space_before) {
            uint32_t d = sent_first(it, u);
            return lede_char_is_upper(d) || lede_char_is_digit(d);
        }
    }
    return 0;
}

/* The tokens of a citation mark glued to what is before it, "[3]" or
   "[a]" or "[note 2]", at ahead[k] (at most SENT_MAX_CITATION tokens on one
   line, words and numbers between the brackets), or 0. */
static size_t sent_citation(lede_sent_iter *it, size_t k) {
    const lede_token *t = sent_peek(it, k);
    if (!t || t->space_before || t->kind != LEDE_TOK_PUNCT || !SENT_IS(it, t, "["))
        return 0;
    for (size_t i = 1; i < SENT_MAX_CITATION; i++) {
        const lede_token *u = sent_peek(it, k + i);
        if (!u || u->newlines_before > 0)
            return 0;
        if (u->kind == LEDE_TOK_PUNCT && SENT_IS(it, u, "]"))
            return !u->space_before && i > 1 ? i + 1 : 0;
        if (u->kind != LEDE_TOK_WORD && u->kind != LEDE_TOK_NUMBER)
            return 0;
    }
    return 0;
}

/* The number of closing marks from ahead[k], citation marks included
   ("1911.[3] Its"). */
static size_t sent_closers(lede_sent_iter *it, size_t k) {
    size_t n = 0;
    const lede_token *t;
    while (n < SENT_MAX_CLOSERS && (t = sent_peek(it, k + n)) && sent_is_closer(it, t))
        n++;
    size_t c;
    for (int cites = 0; cites < 2 && (c = sent_citation(it, k + n)) > 0; cites++)
        n += c;
    return n;
}

/* The token opens an introductory phrase ("At 5 a.m."). */
static int sent_is_intro(const lede_sent_iter *it, const lede_token *t) {
    static const char *const preps[] = {"At",     "By",    "From",   "Until", "Till",
                                        "Before", "After", "Around", "About", "Since",
                                        "On",     "In",    "During"};
    size_t m = sent_len(t);
    if (t->kind != LEDE_TOK_WORD || m < 2 || m > 6)
        return 0;
    for (size_t i = 0; i < sizeof preps / sizeof preps[0]; i++)
        if (preps[i][0] == sent_text(it, t)[0] && sent_is_n(it, t, preps[i], strlen(preps[i])))
            return 1;
    return 0;
}

/* The sentence so far is a short introductory phrase ("At 5 a.m."). */
static int sent_intro_phrase(const lede_sent_iter *it, const sent_state *st) {
    return st->taken <= SENT_INTRO_MAX && sent_is_intro(it, st->first);
}

typedef enum {
    SENT_ABBR_NEVER,   /* never ends a sentence: Mr. e.g. */
    SENT_ABBR_NUMERIC, /* not before a number: No. p. Jan. */
    SENT_ABBR_GENERAL, /* before a starter or title: Inc. U.S. */
    SENT_ABBR_TIME,    /* as GENERAL: "3 p.m. Friday" goes on */
    SENT_ABBR_INITIAL  /* an initial: E. */
} sent_abbr;

static sent_abbr sent_classify(const lede_sent_iter *it, const lede_token *t) {
    const char *p = sent_text(it, t);
    size_t m = sent_len(t);
    if (memchr(p, '.', m - 1)) { /* an initialism */
        char low[5];
        if (m == 4) {
            for (size_t i = 0; i < 4; i++)
                low[i] = (char)(p[i] | 0x20);
            if (!memcmp(low, "a.m.", 4) || !memcmp(low, "p.m.", 4))
                return SENT_ABBR_TIME;
            if (!memcmp(low, "e.g.", 4) || !memcmp(low, "i.e.", 4))
                return SENT_ABBR_NEVER;
        }
        return SENT_ABBR_GENERAL;
    }
    switch (lede_abbrev_lookup(p, m - 1)) {
    case LEDE_ABBREV_TITLE:
        return SENT_ABBR_NEVER;
    case LEDE_ABBREV_NUMERIC:
        return SENT_ABBR_NUMERIC;
    case LEDE_ABBREV_GENERAL:
        return SENT_ABBR_GENERAL;
    case LEDE_ABBREV_NONE:
        break;
    }
    return SENT_ABBR_INITIAL;
}

/* Whether t (after an abbreviation) is a title abbreviation or a starter. */
static int sent_starter_or_title(const lede_sent_iter *it, const lede_token *t) {
    if (t->kind != LEDE_TOK_WORD || !lede_char_is_upper(sent_first(it, t)))
        return 0;
    if (lede_abbrev_is_starter(sent_text(it, t), sent_len(t)))
        return 1;
    return sent_is_abbrev(it, t) &&
           lede_abbrev_lookup(sent_text(it, t), sent_len(t) - 1) == LEDE_ABBREV_TITLE;
}

/* The evidence sent_common_word asks for (orth.h): a word written in lower
   case inside sentences this many times for each capitalised use. After an
   initialism, which often opens a name ("the U.S. Government", "U.S.
   Military"), ask for much more. */
#define SENT_ORTH_RATIO 8
#define SENT_ORTH_RATIO_INITIALISM 64

/* Whether t is a capitalised common word, one news writes in lower case
   inside sentences (orth.h): "U.K. Delegates", "etc. Teachers". */
static int sent_common_word(const lede_sent_iter *it, const lede_token *t, unsigned min_ratio) {
    return t->kind == LEDE_TOK_WORD && lede_orth_ratio(sent_text(it, t), sent_len(t)) >= min_ratio;
}

/* Whether the initial t is a Roman numeral one: I, V or X ("World War I."). */
static int sent_roman_initial(const lede_sent_iter *it, const lede_token *t) {
    const char *p = sent_text(it, t);
    return sent_len(t) == 2 && (p[0] == 'I' || p[0] == 'V' || p[0] == 'X');
}

/*
 * After the abbreviation st->last, with its closers before ahead[k]: does
 * the sentence end?
 */
static int sent_abbrev_ends(lede_sent_iter *it, const sent_state *st, size_t k) {
    const lede_token *t = &st->last;
    const lede_token *n = sent_peek(it, k);
    if (!n)
        return 1;
    if (!n->space_before || n->newlines_before > 0)
        return n->newlines_before > 0;
    uint32_t c = sent_first(it, n);
    const lede_token *quoted = NULL;
    if (n->kind == LEDE_TOK_PUNCT && lede_char_is_opening(c)) {
        quoted = sent_peek(it, k + 1);
        if (quoted && quoted->space_before)
            quoted = NULL;
    }
    int capital_next =
        lede_char_is_upper(c) || (quoted && lede_char_is_upper(sent_first(it, quoted)));
    sent_abbr cls = sent_classify(it, t);
    switch (cls) {
    case SENT_ABBR_NEVER:
        return 0;
    case SENT_ABBR_NUMERIC:
        if (lede_char_is_digit(c))
            return 0;
        /* fall through */
    case SENT_ABBR_TIME:
    case SENT_ABBR_GENERAL:
        if (sent_intro_phrase(it, st))
            return 0;
        return sent_starter_or_title(it, n) || (quoted && capital_next) ||
               sent_common_word(it, n,
                                cls == SENT_ABBR_GENERAL &&
                                        memchr(sent_text(it, t), '.', sent_len(t) - 1)
                                    ? SENT_ORTH_RATIO_INITIALISM
                                    : SENT_ORTH_RATIO);
    case SENT_ABBR_INITIAL:
        if (st->taken <= st->marker_tokens)
            return 0; /* "a." opening a list item */
        if (st->taken > 1 && sent_is_capitalised(it, &st->before_last) && sent_roman_initial(it, t))
            return sent_starter_or_title(it, n) ||
                   sent_common_word(it, n, SENT_ORTH_RATIO); /* World War I. */
        if (st->taken > 1 &&
            (sent_is_capitalised(it, &st->before_last) || sent_is_abbrev(it, &st->before_last)))
            return 0; /* Albert I. Jones */
        if (st->taken <= 1)
            return 0; /* "M. Atherton" opening a line */
        if (sent_len(t) == 2 && sent_text(it, t)[0] != 'I')
            return sent_starter_or_title(it, n) || (quoted && capital_next); /* said J. Smith */
        return capital_next;                                                 /* "you and I. Then" */
    }
    return 0;
}

/* ---- the iterator ------------------------------------------------------- */

void lede_sent_init(lede_sent_iter *it, const char *s, size_t n) {
    memset(it, 0, sizeof *it);
    lede_tok_init(&it->tokens, s, n);
}

void lede_sent_init_general(lede_sent_iter *it, const char *s, size_t n) {
    lede_sent_init(it, s, n);
    it->general = 1;
}

/* ---- skipping ----------------------------------------------------------- */

/*
 * Inside a sentence, most tokens can change nothing: they neither end it
 * (a stop, or a word that kept its period) nor break it before them (line
 * breaks, bullets, list items). Once the sentence has enough tokens that no
 * rule counts them any more, lede_sent_next skips such tokens without
 * making them: it finds the next byte that may belong to one that matters
 * (a candidate), goes back two runs of non-space before it and makes tokens
 * from there, so that the last token and the one before it, which the rules
 * look at, are the ones they would have been. The tokenizer can start over
 * at any ASCII space: no token spans one, and the token after it has the
 * same space and line breaks before it (the bytes skipped hold no line
 * break, which is a candidate).
 */

enum { SENT_CAND_MARK = 1, SENT_CAND_BREAK, SENT_CAND_END };

/* ASCII bytes the skip stops at: . ! ? and the line breaks; bytes 0x80 and
   above are looked at one character at a time. */
static int sent_candidate_byte(unsigned char b) {
    return b == '.' || b == '!' || b == '?' || b == '\n' || b == '\r' || b >= 0x80u;
}

static int sent_ascii_space(unsigned char b) { return b <= 0x20u || b == 0x7Fu; }

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* The first index from i (up to n) holding a candidate byte, or n. */
static size_t sent_find_candidate_byte(const unsigned char *u, size_t n, size_t i) {
#if defined(__SSE2__)
    const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), ask = _mm_set1_epi8('?'),
                  lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    while (n - i >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, dot), _mm_cmpeq_epi8(x, bang)),
                                   _mm_or_si128(_mm_cmpeq_epi8(x, ask),
                                                _mm_or_si128(_mm_cmpeq_epi8(x, lf),
                                                             _mm_cmpeq_epi8(x, cr))));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(hit, x)); /* bit 7: not ASCII */
        if (m)
            return i + (size_t)__builtin_ctz(m);
        i += 16;
    }
#endif
    while (i < n && !sent_candidate_byte(u[i]))
        i++;
    return i;
}

/* What a character not ASCII is to the skip: a mark that may end a sentence
   or start one (a stop, a bullet), a line break, or nothing. */
static int sent_wide_candidate(uint32_t c) {
    if (c == 0x85u || c == 0x2028u || c == 0x2029u)
        return SENT_CAND_BREAK;
    if (c == 0x2026u || c == 0x203Cu || c == 0x2047u || c == 0x2048u || c == 0x2049u ||
        sent_is_wide_stop_char(c) || sent_is_bullet_char(c))
        return SENT_CAND_MARK;
    return 0;
}

/*
 * Scans from byte i (code point cp) for the next candidate: stores its byte
 * and code point and returns its kind (SENT_CAND_END at the end of s).
 */
static int sent_scan(const unsigned char *u, size_t n, size_t i, size_t cp, size_t *at,
                     size_t *at_cp) {
    size_t start = i, extra = 0; /* extra: bytes past the first of each character */
    for (;;) {
        i = sent_find_candidate_byte(u, n, i);
        if (i >= n) {
            *at = n;
            *at_cp = cp + (n - start) - extra;
            return SENT_CAND_END;
        }
        unsigned char b = u[i];
        int kind;
        size_t next = i + 1;
        if (b < 0x80u) {
            kind = b == '\n' || b == '\r' ? SENT_CAND_BREAK : SENT_CAND_MARK;
        } else {
            uint32_t c;
            next = lede_utf8_next((const char *)u, n, i, &c);
            kind = sent_wide_candidate(c);
        }
        if (kind) {
            *at = i;
            *at_cp = cp + (i - start) - extra;
            return kind;
        }
        extra += next - i - 1;
        i = next;
    }
}

/* 1 when u[a..b) (a run without ASCII space, all of it not ASCII) holds a
   character that is not space: a token. */
static int sent_run_has_token(const unsigned char *u, size_t a, size_t b) {
    while (a < b) {
        uint32_t c;
        size_t next = lede_utf8_next((const char *)u, b, a, &c);
        if (!lede_char_is_space(c))
            return 1;
        a = next;
    }
    return 0;
}

/*
 * 1 when the mark at p, in a run of non-space from a, cannot belong to the
 * run's first token unless that token is an address (which is no stop):
 * then the token before a stop at p is in the run too. After ASCII letters
 * and digits, ! and ? are tokens of their own; a period is one after two
 * or more that are not a listed abbreviation (one letter is an initial).
 */
static int sent_mark_not_first(const unsigned char *u, size_t a, size_t p) {
    if (a == p)
        return 0;
    for (size_t k = a; k < p; k++)
        if (!((u[k] | 0x20u) >= 'a' && (u[k] | 0x20u) <= 'z') && !(u[k] >= '0' && u[k] <= '9'))
            return 0;
    if (u[p] == '!' || u[p] == '?')
        return 1;
    return u[p] == '.' && p - a >= 2 &&
           lede_abbrev_lookup((const char *)u + a, p - a) == LEDE_ABBREV_NONE;
}

/*
 * Where to start making tokens again before the candidate at p, no earlier
 * than pos: before the run of non-space that holds a mark at p and the run
 * with a token before it, or before the last run with a token before a
 * line break or the end. pos when there are not enough of them.
 */
static size_t sent_resume_point(const unsigned char *u, size_t pos, size_t p, int kind) {
    size_t x = p;
    int found = 0, want = 1;
    if (kind == SENT_CAND_MARK) {
        while (x > pos && !sent_ascii_space(u[x - 1]))
            x--;
        if (sent_mark_not_first(u, x, p))
            return x == pos ? pos : x - 1;
        found = 1;
        want = 2;
    }
    for (;;) {
        while (x > pos && sent_ascii_space(u[x - 1]))
            x--;
        if (x == pos)
            return pos;
        size_t end = x;
        int token = 0;
        while (x > pos && !sent_ascii_space(u[x - 1])) {
            token |= u[x - 1] < 0x80u;
            x--;
        }
        if (x == pos)
            return pos;
        if ((token || sent_run_has_token(u, x, end)) && ++found == want)
            return x - 1;
    }
}

/*
 * With no token ahead, skips the tokens that cannot matter up to the next
 * candidate (see above); they join the sentence uncounted.
 */
static void sent_skip(lede_sent_iter *it) {
    const unsigned char *u = (const unsigned char *)it->tokens.s;
    size_t pos = it->tokens.byte, p, p_cp;
    int kind = sent_scan(u, it->tokens.n, pos, it->tokens.cp, &p, &p_cp);
    size_t r = sent_resume_point(u, pos, p, kind);
    if (r > pos) {
        size_t k = r;
        while (k < p && u[k] < 0x80u)
            k++;
        size_t back = k == p ? p - r : lede_utf8_count(it->tokens.s + r, p - r);
        lede_tok_init_at(&it->tokens, it->tokens.s, it->tokens.n, r, p_cp - back);
    }
    it->skip_from = p + 1;
}

/* Adds the next token to the sentence. */
static void sent_add(lede_sent_iter *it, sent_state *st) {
    st->before_last = st->last;
    st->last = sent_take(it);
    st->taken++;
}

/* Adds n tokens. */
static void sent_add_n(lede_sent_iter *it, sent_state *st, size_t n) {
    while (n-- > 0)
        sent_add(it, st);
}

/*
 * Called with the stop or abbreviation st->last just added; adds whatever
 * belongs with it and returns 1 when the sentence ends after that.
 */
static int sent_after_stop(lede_sent_iter *it, sent_state *st) {
    lede_token t = st->last;
    if (sent_is_abbrev(it, &t)) {
        size_t closers = sent_closers(it, 0);
        int ends = sent_abbrev_ends(it, st, closers);
        if (ends)
            sent_add_n(it, st, closers);
        return ends;
    }
    int after_word =
        st->taken > 1 &&
        (st->before_last.kind == LEDE_TOK_WORD || st->before_last.kind == LEDE_TOK_NUMBER ||
         st->before_last.kind == LEDE_TOK_URL || st->before_last.kind == LEDE_TOK_EMAIL);
    if (sent_is_single_period(it, &t)) {
        /* a spaced ellipsis: ". . ." or ". . . ." */
        size_t dots = 1;
        const lede_token *d;
        while (dots < SENT_MAX_DOTS && (d = sent_peek(it, dots - 1)) &&
               sent_is_single_period(it, d) && d->space_before && d->newlines_before == 0)
            dots++;
        if (dots >= 2) {
            size_t closers = sent_closers(it, dots - 1);
            const lede_token *n = sent_peek(it, dots - 1 + closers);
            int capital = n && n->space_before && lede_char_is_upper(sent_first(it, n));
            int attached = !t.space_before && st->taken > 1;
            if (dots >= 4 && attached)
                return capital; /* "compounds. . . . The": ends after the first */
            sent_add_n(it, st, dots - 1 + closers);
            return dots >= 4 && capital;
        }
        /* the period of a list item's marker: "2. The second item" */
        if (st->marker_tokens > 0 && st->taken == st->marker_tokens + 1)
            return 0;
        /* "shirt no. 9": "no" keeps no period in the tokenizer ("He said
           no."), but before a number it is the abbreviation of "number" */
        const lede_token *n = sent_peek(it, 0);
        if (!t.space_before && st->taken > 1 && SENT_IS(it, &st->before_last, "no") && n &&
            n->space_before && n->newlines_before == 0 && n->kind == LEDE_TOK_NUMBER)
            return 0;
        size_t closers = sent_closers(it, 0);
        if (sent_starts(it, sent_peek(it, closers), closers, after_word)) {
            sent_add_n(it, st, closers);
            return 1;
        }
        return 0;
    }
    /* a CJK or full-width stop ends the sentence with the stops and closers
       after it, space or not; "．" between digits is a decimal point */
    if (sent_is_wide_stop_char(sent_first(it, &t))) {
        const lede_token *n = sent_peek(it, 0);
        if (n && !n->space_before && lede_char_is_digit(sent_first(it, n)) && st->taken > 1 &&
            !t.space_before && lede_char_is_digit(sent_last(it, &st->before_last)) &&
            sent_first(it, &t) == 0xFF0Eu)
            return 0;
        while ((n = sent_peek(it, 0)) && !n->space_before && sent_is_stop(it, n))
            sent_add(it, st);
        size_t closers = sent_closers(it, 0);
        /* 「行く。」と言った: a quotation goes on into its attribution */
        n = sent_peek(it, closers);
        if (closers > 0 && n && !n->space_before && n->kind == LEDE_TOK_WORD)
            return 0;
        sent_add_n(it, st, closers);
        return 1;
    }
    /* an omission: "[...]" */
    if (st->taken > 1 && SENT_IS(it, &st->before_last, "[") && sent_first(it, &t) != '!' &&
        sent_first(it, &t) != '?')
        return 0;
    size_t closers = sent_closers(it, 0);
    const lede_token *n = sent_peek(it, closers);
    uint32_t c = sent_first(it, &t);
    int ends;
    if (c == '.' || c == 0x2026u) /* an ellipsis ends before a capital only */
        ends = !n || (n->space_before && lede_char_is_upper(sent_first(it, n)));
    else
        ends = sent_starts(it, n, closers, 1);
    if (ends)
        sent_add_n(it, st, closers);
    return ends;
}

int lede_sent_next(lede_sent_iter *it, lede_span *out) {
    const lede_token *first = sent_peek(it, 0);
    if (!first)
        return 0;
    sent_state st;
    memset(&st, 0, sizeof st);
    lede_token first_copy = *first;
    st.first = &first_copy;

    /* a list marker opening the sentence: "•", "2.", "2)", "b.", "• 9." */
    int kind = SENT_MARKER_NONE;
    uint32_t value = 0;
    size_t bullet = sent_is_bullet(it, first) ? 1 : 0;
    if (sent_marker_at(it, bullet, &kind, &value)) {
        it->marker_kind = kind;
        it->marker_value = value;
        st.marker_tokens = bullet + 1;
    } else if (bullet) {
        it->marker_kind = SENT_MARKER_BULLET;
        st.marker_tokens = 1;
    } else {
        it->marker_kind = SENT_MARKER_NONE;
    }

    /* how many tokens the rules can tell apart: after that many, skipping
       uncounted tokens changes no decision (sent_skip) */
    size_t counted = st.marker_tokens + 1;
    if (counted <= SENT_INTRO_MAX && sent_is_intro(it, &first_copy))
        counted = SENT_INTRO_MAX + 1;
    int may_skip = !it->general && it->marker_kind != SENT_MARKER_NUMBER &&
                   it->marker_kind != SENT_MARKER_LETTER;
    for (;;) {
        if (may_skip && it->count == 0 && st.taken >= counted && !it->eof &&
            it->tokens.byte >= it->skip_from)
            sent_skip(it);
        const lede_token *t = sent_peek(it, 0);
        if (!t)
            break;
        /* most tokens follow one space or none, start in ASCII (no bullet)
           and end no list item: nothing can break before them */
        int plain = t->newlines_before == 0 &&
                    (!t->space_before || ((unsigned char)it->tokens.s[t->span.byte_start] < 0x80u &&
                                          it->marker_kind != SENT_MARKER_NUMBER &&
                                          it->marker_kind != SENT_MARKER_LETTER));
        if (st.taken > 0 && !plain && sent_break_before(it, &st, t))
            break;
        sent_add(it, &st);
        if ((sent_is_stop(it, &st.last) || sent_is_abbrev(it, &st.last)) &&
            sent_after_stop(it, &st))
            break;
    }
    out->byte_start = first_copy.span.byte_start;
    out->cp_start = first_copy.span.cp_start;
    out->byte_end = st.last.span.byte_end;
    out->cp_end = st.last.span.cp_end;
    return 1;
}
