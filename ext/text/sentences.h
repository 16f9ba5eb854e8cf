/*
 * sentences.h: splitting text into sentences, for news copy.
 *
 * A sentence runs from its first token to its last (tokens.h); the space
 * between sentences belongs to none, so sentences never overlap and every
 * token lies in exactly one of them. A sentence ends:
 *
 *  - at a blank line (two or more line breaks): always;
 *  - at a single line break, unless the line runs on (the line ends in a
 *    lowercase letter or a comma and the next one starts in lowercase), so
 *    that headlines, datelines and one-paragraph-per-line copy split;
 *  - before a bullet (•, ⁃, ‣, ◦, ▪) and before the next item of a numbered
 *    or lettered list ("1.) ... 2.)", "a. ... b.");
 *  - after ., !, ?, … or a run of them, together with the closing quotes
 *    and brackets and the citation marks ("1911.[3] Its") that follow
 *    without space, when the next token starts a sentence: it follows a
 *    space and starts with a capital, a digit (after a word or number, but
 *    not after "no." as in "shirt no. 9"), an opening quote or bracket
 *    before one, or a bullet;
 *  - after a CJK or full-width stop (。｡．！？) and the stops and closers
 *    glued to it, space or not, unless a quotation goes on into its
 *    attribution (「行く。」と) or "．" is a decimal point between digits;
 *  - after an abbreviation's period (abbrev.h) by its class: never after a
 *    title (Mr., Gen., Mt.), nor after e.g. and i.e.; not after No., p. or
 *    Jan. before a number; after Inc., Co., U.S., E.U. when a sentence
 *    starter ("The", "He", "How", ...) or a title follows, or a capitalised
 *    common word (orth.h: "etc. Teachers", "the U.K. Delegates"; after an
 *    initialism, which often opens a name, the word must be far commoner
 *    in lower case), and so after a.m. and p.m. ("at 3 p.m. Friday" goes
 *    on, "9 a.m. Tickets" ends); after an initial (E.) only when it does
 *    not follow a capitalised word or open the sentence, and then, as after
 *    Inc., only before a sentence starter ("said J. Smith" goes on), except
 *    the pronoun I ("you and I. Did" ends, "Albert I. Jones" does not) and
 *    a Roman numeral I, V or X after a name, which ends one before a starter
 *    or a common word ("World War I. The"); and never when the sentence so
 *    far is a short introductory phrase ("At 5 a.m. Mr. Smith ...");
 *  - not inside an omission ("[...]"), not at a three-dot spaced ellipsis
 *    (". . ."), and at a four-dot one either after its first period (when it
 *    follows a word: "compounds. . . . The") or after all four.
 *
 * It is a pull iterator over the tokenizer with a fixed look-ahead of
 * LEDE_SENT_LOOKAHEAD tokens; it allocates nothing, and it skips the
 * tokens of the bytes that cannot matter (lede_sent_init_general).
 */
#ifndef LEDE_TEXT_SENTENCES_H
#define LEDE_TEXT_SENTENCES_H

#include "tokens.h"

#define LEDE_SENT_LOOKAHEAD 32

typedef struct {
    lede_tok_iter tokens;                     /* source of tokens */
    lede_token ahead[LEDE_SENT_LOOKAHEAD];    /* tokens read but not yet used */
    size_t head;                              /* index in ahead of the next token */
    size_t count;                             /* tokens in ahead */
    int eof;                                  /* the tokenizer is done */
    int marker_kind;                          /* list marker of this sentence: 0 none */
    uint32_t marker_value;                    /* its number or letter */
    size_t skip_from;                         /* no skipping before the tokenizer passes it */
    int general;                              /* 1: take every token (lede_sent_init_general) */
} lede_sent_iter;

/* Starts splitting s[0..n). */
void lede_sent_init(lede_sent_iter *it, const char *s, size_t n);

/*
 * Starts splitting s[0..n) into the same sentences as lede_sent_init does,
 * the slow way: lede_sent_next then skips over no bytes (see below) and
 * reads every token by the tokenizer's general scanners. For tests that
 * check the two agree.
 *
 * How lede_sent_next is fast: inside a sentence, once the rules can no
 * longer depend on how many tokens it has, it scans for the next byte that
 * may end one or break before a token (. ! ? a line break, anything not
 * ASCII that is a stop, a bullet or a line separator) sixteen bytes at a
 * time, and goes back to tokens a word or two before it, so that the rules
 * see the very tokens they would have seen; the bytes skipped hold only
 * tokens that can neither end a sentence nor start one.
 */
void lede_sent_init_general(lede_sent_iter *it, const char *s, size_t n);

/* Stores the next sentence in *out and returns 1, or returns 0 at the end. */
int lede_sent_next(lede_sent_iter *it, lede_span *out);

#endif
