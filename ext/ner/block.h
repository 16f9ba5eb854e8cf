/*
 * block.h: the unit the entity tagger works on.
 *
 * A block is a run of whole sentences of the text (sentences.h), read as
 * prepared tokens (features.h) grouped into windows: a window is one
 * sentence, or a part of one when the sentence is longer than
 * LEDE_NER_WINDOW_MAX tokens (it is then cut after a punctuation mark or
 * lower-case word near the limit when there is one, else at the limit).
 * The tagger decodes one window at a time; the block is the scope of its
 * document-level statistics. A block ends at the first window boundary
 * after LEDE_NER_BLOCK_TOKENS tokens, so a news article is usually one
 * block and memory stays bounded for any input: a text of any length, even
 * one sentence of 100 MB, is read in blocks of at most
 * LEDE_NER_BLOCK_TOKENS + LEDE_NER_WINDOW_MAX tokens, in time linear in
 * its length.
 *
 * One tokenizer runs through the whole text beside the sentence splitter,
 * so tokens are exactly those lede_tokens(text) gives, and each lies in the
 * sentence lede_sentences(text) puts it in (window.sentence is its seq).
 *
 * Most tokens of news are common words: a token is prepared once per
 * word (its text, kind and the word classes of lex) and copied from a memo
 * of the last 4,096 words of up to 22 bytes (850 KB, made at the first
 * block and kept by lede_ner_block_restart) after that, which gives the
 * same token as preparing it again.
 *
 * Usage: lede_ner_block_init, then lede_ner_block_next until LEDE_DONE;
 * the block's arrays change at each call. They grow with the blocks read
 * (a short text allocates little), never beyond the bound above.
 * lede_ner_block_free releases what the block allocated (lede_malloc). The text is not copied
 * and must outlive the block.
 */
#ifndef LEDE_NER_BLOCK_H
#define LEDE_NER_BLOCK_H

#include "../text/sentences.h"
#include "features.h"

#define LEDE_NER_WINDOW_MAX 200
#define LEDE_NER_BLOCK_TOKENS 8192

typedef struct {
    size_t first;    /* index of its first token in the block */
    size_t n;        /* its tokens: tok[first .. first + n) */
    size_t sentence; /* seq of the sentence it lies in */
    uint32_t flags;  /* LEDE_NER_WF_* */
} lede_ner_win;

typedef struct {
    const char *s;               /* the text; not owned */
    const lede_ner_lexicon *lex; /* word classes for the tokens; not owned */
    size_t n;                    /* its length in bytes */
    lede_sent_iter sents;        /* the sentence splitter */
    lede_tok_iter toks;          /* the tokenizer, one step behind or level with it */
    lede_token pending;          /* a token read but not yet placed */
    int has_pending;             /* pending holds one */
    lede_span sent;              /* the current sentence */
    size_t sent_seq;             /* its seq */
    int in_sentence;             /* the current sentence has tokens left */
    int continued;               /* the next window continues a sentence */
    int done;                    /* the text is read */
    size_t carry;                /* tokens at the end of tok not yet in a window */

    lede_ner_token *tok; /* the block's tokens */
    lede_token *raw;     /* the same tokens as the tokenizer gave them (for rules) */
    size_t ntok;         /* how many */
    size_t tok_cap;      /* room in tok and raw (grown as needed, up to a block's bound) */
    lede_ner_win *win;   /* its windows, in order */
    size_t nwin;         /* how many */
    size_t win_cap;      /* room in win */
    lede_norm_buf norm;  /* scratch for token norms */
    struct lede_ner_block_memo *memo; /* prepared tokens by their text, kept from block to
                                         block and text to text (NULL until the first
                                         block, and when out of memory: every token is
                                         then prepared) */
} lede_ner_block;

/* Starts reading s[0..n), with word classes from lex (or none when lex is
   NULL). Allocates nothing. */
void lede_ner_block_init(lede_ner_block *b, const char *s, size_t n, const lede_ner_lexicon *lex);

/*
 * Reads the next block: LEDE_OK with at least one window, LEDE_DONE at the
 * end of the text, LEDE_NOMEM when memory runs out.
 */
lede_rc lede_ner_block_next(lede_ner_block *b);

/* The same as lede_ner_block_init on a block that was initialised before
   and not freed: it keeps its buffers for the new text. */
void lede_ner_block_restart(lede_ner_block *b, const char *s, size_t n,
                            const lede_ner_lexicon *lex);

void lede_ner_block_free(lede_ner_block *b);

#endif
