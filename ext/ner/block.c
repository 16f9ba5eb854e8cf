/*
 * block.c: reading text into blocks of windows of prepared tokens (block.h).
 */
#include "block.h"

#include <string.h>

/* Most tokens a block holds: a full block, a window that ends it, and the
   tokens a cut carries over. */
#define BLOCK_CAP (LEDE_NER_BLOCK_TOKENS + 2 * LEDE_NER_WINDOW_MAX)

/* How far back from the limit a long sentence may be cut. */
#define BLOCK_CUT_SPAN (LEDE_NER_WINDOW_MAX / 4)

/* The memo of prepared tokens: BLOCK_MEMO_SLOTS words of up to
   BLOCK_MEMO_TEXT bytes, one per slot (a newer word takes the slot). */
#define BLOCK_MEMO_BITS 12
#define BLOCK_MEMO_SLOTS (1u << BLOCK_MEMO_BITS)
#define BLOCK_MEMO_TEXT 22

typedef struct {
    uint8_t len;                 /* bytes in text; 0: empty */
    uint8_t kind;                /* the token's lede_tok_kind */
    char text[BLOCK_MEMO_TEXT];  /* the token's text */
    lede_ner_token tok;          /* it prepared, with the word classes of the memo's lex and
                                    without LEDE_NER_TF_LINE (span: where it was) */
} block_memo_entry;

struct lede_ner_block_memo {
    const lede_ner_lexicon *lex; /* the lexicon the entries' classes come from */
    block_memo_entry e[BLOCK_MEMO_SLOTS];
};

_Static_assert(LEDE_TOK_EMAIL < 256, "a token kind fits a byte");

/* The slot of the n bytes at w (n <= BLOCK_MEMO_TEXT). */
static size_t block_memo_slot(const char *w, size_t n) {
    uint32_t h = 0x811c9dc5u ^ (uint32_t)n;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)w[i]) * 0x01000193u;
    return (h ^ h >> BLOCK_MEMO_BITS ^ h >> (2 * BLOCK_MEMO_BITS)) & (BLOCK_MEMO_SLOTS - 1);
}

/* Prepares the token tok of the text as lede_ner_token_prepare(t, b->s, tok,
   &b->norm, b->lex) does, from the memo when it holds the word. */
static lede_rc block_prepare(lede_ner_block *b, lede_ner_token *t, const lede_token *tok) {
    const char *w = b->s + tok->span.byte_start;
    size_t n = tok->span.byte_end - tok->span.byte_start;
    struct lede_ner_block_memo *memo = b->memo;
    if (!memo || n > BLOCK_MEMO_TEXT || n == 0)
        return lede_ner_token_prepare(t, b->s, tok, &b->norm, b->lex);
    if (memo->lex != b->lex) { /* entries of another lexicon: forget them */
        for (size_t k = 0; k < BLOCK_MEMO_SLOTS; k++)
            memo->e[k].len = 0;
        memo->lex = b->lex;
    }
    block_memo_entry *e = &memo->e[block_memo_slot(w, n)];
    if (e->len == n && e->kind == (uint8_t)tok->kind && memcmp(e->text, w, n) == 0) {
        *t = e->tok;
        t->span = tok->span;
        if (tok->newlines_before)
            t->flags |= LEDE_NER_TF_LINE;
        return LEDE_OK;
    }
    lede_rc rc = lede_ner_token_prepare(t, b->s, tok, &b->norm, b->lex);
    if (rc != LEDE_OK)
        return rc;
    e->len = (uint8_t)n;
    e->kind = (uint8_t)tok->kind;
    memcpy(e->text, w, n);
    e->tok = *t;
    e->tok.flags &= ~(uint32_t)LEDE_NER_TF_LINE;
    return LEDE_OK;
}

void lede_ner_block_init(lede_ner_block *b, const char *s, size_t n, const lede_ner_lexicon *lex) {
    memset(b, 0, sizeof *b);
    b->s = s;
    b->lex = lex;
    b->n = n;
    lede_sent_init(&b->sents, s, n);
    lede_tok_init(&b->toks, s, n);
}

void lede_ner_block_restart(lede_ner_block *b, const char *s, size_t n,
                            const lede_ner_lexicon *lex) {
    lede_ner_block keep = *b;
    lede_ner_block_init(b, s, n, lex);
    b->tok = keep.tok;
    b->raw = keep.raw;
    b->tok_cap = keep.tok_cap;
    b->win = keep.win;
    b->win_cap = keep.win_cap;
    b->norm = keep.norm;
    b->memo = keep.memo;
}

void lede_ner_block_free(lede_ner_block *b) {
    lede_free(b->tok);
    lede_free(b->raw);
    lede_free(b->win);
    lede_norm_buf_free(&b->norm);
    lede_free(b->memo);
    b->memo = NULL;
    b->tok = NULL;
    b->raw = NULL;
    b->win = NULL;
    b->ntok = b->nwin = b->tok_cap = b->win_cap = 0;
}

/* The next token of the current sentence, or 0 when it has no more. */
static int block_sentence_token(lede_ner_block *b, lede_token *out) {
    if (!b->has_pending) {
        if (!lede_tok_next(&b->toks, &b->pending))
            return 0;
        b->has_pending = 1;
    }
    if (b->pending.span.byte_start >= b->sent.byte_end)
        return 0;
    *out = b->pending;
    b->has_pending = 0;
    return 1;
}

/* Where to end a full window that starts at first: after the last
   punctuation mark or lower-case word near its end, else at the limit. */
static size_t block_cut(const lede_ner_block *b, size_t first, size_t end) {
    for (size_t i = end; i > end - BLOCK_CUT_SPAN && i > first + 1; i--) {
        const lede_ner_token *t = &b->tok[i - 1];
        if (t->kind == LEDE_TOK_PUNCT || (t->flags & LEDE_NER_TF_LOWER))
            return i;
    }
    return end;
}

/* Room for one more token. */
static lede_rc block_reserve_token(lede_ner_block *b) {
    if (b->ntok < b->tok_cap)
        return LEDE_OK;
    size_t cap = b->tok_cap ? 2 * b->tok_cap : 256;
    if (cap > BLOCK_CAP)
        cap = BLOCK_CAP;
    lede_ner_token *tok = lede_realloc(b->tok, cap * sizeof *tok);
    if (!tok)
        return LEDE_NOMEM;
    b->tok = tok;
    lede_token *raw = lede_realloc(b->raw, cap * sizeof *raw);
    if (!raw)
        return LEDE_NOMEM;
    b->raw = raw;
    b->tok_cap = cap;
    return LEDE_OK;
}

static lede_rc block_add_window(lede_ner_block *b, size_t first, size_t n) {
    if (b->nwin == b->win_cap) {
        size_t cap = b->win_cap ? 2 * b->win_cap : 32;
        lede_ner_win *win = lede_realloc(b->win, cap * sizeof *win);
        if (!win)
            return LEDE_NOMEM;
        b->win = win;
        b->win_cap = cap;
    }
    lede_ner_win *w = &b->win[b->nwin++];
    w->first = first;
    w->n = n;
    w->sentence = b->sent_seq;
    w->flags = lede_ner_window_prepare(b->tok + first, n, b->continued);
    if (b->continued)
        w->flags |= LEDE_NER_WF_CONT;
    return LEDE_OK;
}

lede_rc lede_ner_block_next(lede_ner_block *b) {
    /* Tokens carried over from a cut move to the front. */
    if (b->carry) {
        memmove(b->tok, b->tok + b->ntok - b->carry, b->carry * sizeof *b->tok);
        memmove(b->raw, b->raw + b->ntok - b->carry, b->carry * sizeof *b->raw);
    }
    b->ntok = b->carry;
    b->carry = 0;
    if (!b->memo && (b->memo = lede_malloc(sizeof *b->memo)) != NULL) {
        b->memo->lex = b->lex;
        for (size_t k = 0; k < BLOCK_MEMO_SLOTS; k++)
            b->memo->e[k].len = 0;
    }
    b->nwin = 0;
    size_t first = 0; /* first token of the window being read */
    while (!b->done) {
        if (!b->in_sentence) {
            if (!lede_sent_next(&b->sents, &b->sent)) {
                b->done = 1;
                break;
            }
            b->in_sentence = 1;
            b->continued = 0;
        }
        lede_token tok;
        while (b->ntok - first < LEDE_NER_WINDOW_MAX && block_sentence_token(b, &tok)) {
            lede_rc rc = block_reserve_token(b);
            if (rc == LEDE_OK)
                rc = block_prepare(b, &b->tok[b->ntok], &tok);
            if (rc != LEDE_OK)
                return rc;
            b->raw[b->ntok++] = tok;
        }
        size_t end = b->ntok;
        if (end - first == LEDE_NER_WINDOW_MAX) {
            lede_token peek;
            if (block_sentence_token(b, &peek)) {
                b->pending = peek; /* not placed: put it back */
                b->has_pending = 1;
                end = block_cut(b, first, end);
            } else {
                b->in_sentence = 0;
            }
        } else {
            b->in_sentence = 0;
        }
        if (end > first) {
            lede_rc rc = block_add_window(b, first, end - first);
            if (rc != LEDE_OK)
                return rc;
            b->continued = b->in_sentence;
        }
        if (!b->in_sentence)
            b->sent_seq++; /* the next sentence read gets the next seq */
        first = end;
        if (b->ntok >= LEDE_NER_BLOCK_TOKENS) {
            b->carry = b->ntok - first;
            break;
        }
    }
    return b->nwin ? LEDE_OK : LEDE_DONE;
}
