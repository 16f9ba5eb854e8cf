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
}

void lede_ner_block_free(lede_ner_block *b) {
    lede_free(b->tok);
    lede_free(b->raw);
    lede_free(b->win);
    lede_norm_buf_free(&b->norm);
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
        size_t fresh = b->ntok; /* the tokens read now: [fresh, b->ntok) */
        while (b->ntok - first < LEDE_NER_WINDOW_MAX && block_sentence_token(b, &tok)) {
            lede_rc rc = block_reserve_token(b);
            if (rc == LEDE_OK)
                rc = lede_ner_token_prepare(&b->tok[b->ntok], b->s, &tok, &b->norm, NULL);
            if (rc != LEDE_OK)
                return rc;
            b->raw[b->ntok++] = tok;
        }
        /* their word classes (lede_ner_token_prepare's, with lex), asking for
           every lexicon slot before reading any, so that the misses overlap */
        if (b->lex) {
            for (size_t i = fresh; i < b->ntok; i++)
                lede_ner_lexicon_prefetch(b->lex, b->tok[i].norm);
            for (size_t i = fresh; i < b->ntok; i++)
                b->tok[i].classes = lede_ner_lexicon_get(b->lex, b->tok[i].norm);
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
