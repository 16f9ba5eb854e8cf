/*
 * quotes.h: who said what: quotations and reported speech in news text,
 * with their source, cue and speaker.
 *
 * Each attribution found is reported once, in the order of its content:
 *
 *   content  what was said: the words between quotation marks (kind
 *            DIRECT), the reported clause ("that the deal was off" in "She
 *            said that the deal was off", kind INDIRECT), or a reported
 *            clause that holds a quoted fragment (kind MIXED);
 *   source   the words that name who said it, as written ("he", "a senior
 *            official", "Antony Blinken, the secretary of state,"), or none;
 *   cue      the word that attributes it ("said", "has said", "told",
 *            "according to", ":"), or none;
 *   speaker  the name the source refers to: a name in the source itself
 *            made as full as the text makes it ("Blinken" -> "Antony
 *            Blinken"), a pronoun resolved to the person last quoted or
 *            named (not one the text showed to be of the other sex:
 *            "Mr.", "Ms.", "spokeswoman"), a description ("the minister", "the spokeswoman")
 *            resolved to the name the text gave that role ("Foreign
 *            Minister Takeshi Iwaya", "Jen Psaki, the spokeswoman"); none
 *            when nothing in the text says who.
 *
 * The rules (quotes.c):
 *
 *  - Quotation marks: straight and curly double marks (" “ ” „ « ») pair
 *    up within a paragraph; a straight mark opens after a space and closes
 *    before one. A quotation that runs over several paragraphs opens each
 *    with a mark and closes only at the end: a paragraph that ends inside
 *    a quotation joins the next when that one opens with a mark. Single
 *    marks (‘ ’, and straight ones that open right before a word) pair as
 *    quotations outside double ones, an apostrophe ("the players' union",
 *    "the '90s") excepted; inside a double quotation every single mark is
 *    part of it (nested quotes).
 *  - A quotation is attributed by the words after it ('"...," he said',
 *    '"...," said X, the minister, on Monday', '"...," X told reporters')
 *    or before it ('She said: "..."', 'X told reporters, "..."'), or by a
 *    dash and a name that end the paragraph ('"..." ― Ana Ruiz, a nurse').
 *  - Cue words are counted from PolNeAR train (cues.h); only strong ones
 *    (a cue at least LEDE_QUOTES_STRONG_PERCENT of the times they occur)
 *    attribute a quotation.
 *  - Reported speech: the learned cue classifier and source and content
 *    choosers of learn.h, over the tokens the quotations' attributions left
 *    (model_data.c; without a model, the rules of reported_in: "X said
 *    (that) ...", "..., X said.", "according to X", "X ..., saying ...").
 *    A content that holds a quoted fragment is MIXED; one that is exactly
 *    an unattributed quotation is DIRECT; a short learned content that is
 *    no clause and holds a title or a scare quote after a cue that is not
 *    mostly a speech verb is not speech.
 *  - A quotation with no attribution of its own right after an attributed
 *    one in the same paragraph ('"...," he said. "..."') is part of its
 *    content, from the first fragment to the last (PolNeAR's and PARC's
 *    convention). One that opens a sentence in the next paragraph
 *    continues that speaker (the source reported is the earlier one);
 *    other unattributed quotations of at least LEDE_QUOTES_MIN_WORDS words
 *    are reported with no source; shorter ones (titles, scare quotes,
 *    nicknames), title-case ones and a short paragraph that is a quotation
 *    in single marks alone (a subheading) are not speech and are not
 *    reported.
 *
 * Speakers are labelled PERSON, ORG or GPE: PERSON for a name with a given
 * name (ext/ner/gazetteer.h), a title (Mr., Sen., President) or a personal
 * pronoun; ORG for names with an organisation word (Post, Ministry, Party),
 * a leading "The", or that the gazetteer knows as a company or party
 * ("Siemens said"; a name the text gave a person keeps its label); GPE for a country, region or city the gazetteer
 * knows ("China said"). A nationality or country before a title is no part
 * of the name ("Japanese Foreign Minister Takeshi Iwaya").
 *
 * Offsets are bytes and code points, end exclusive (core.h); sentence is
 * the seq lede_sentences gives the sentence where the content starts.
 *
 * A pull iterator whose state the caller owns: lede_quotes_init,
 * lede_quotes_next until LEDE_DONE (or LEDE_NOMEM), lede_quotes_free. It
 * reads a paragraph at a time (paragraphs joined by a running quotation
 * at most LEDE_QUOTES_BLOCK_TOKENS tokens, cut at a sentence end past
 * that, and a sentence longer than that cut into windows of that many
 * tokens) and remembers at most LEDE_QUOTES_NAMES names and roles, so memory
 * is bounded whatever the input's length. The text is not copied and must
 * outlive the iterator; the strings a quote points to live until the next
 * call.
 */
#ifndef LEDE_QUOTES_QUOTES_H
#define LEDE_QUOTES_QUOTES_H

#include "../core.h"
#include "../text/sentences.h"

#include <stdint.h>

#define LEDE_QUOTES_MIN_WORDS 4
#define LEDE_QUOTES_STRONG_PERCENT 30
#define LEDE_QUOTES_BLOCK_TOKENS 4096
#define LEDE_QUOTES_NAMES 128
#define LEDE_QUOTES_NAME_MAX 80
#define LEDE_QUOTES_ROLE_MAX 24
#define LEDE_QUOTES_LIST_SORTED 100 /* a word list longer than this is sorted (quotes.c) */

typedef enum { LEDE_QUOTE_DIRECT = 0, LEDE_QUOTE_INDIRECT, LEDE_QUOTE_MIXED } lede_quote_kind;

typedef enum { LEDE_QUOTE_NONE = 0, LEDE_QUOTE_PERSON, LEDE_QUOTE_ORG, LEDE_QUOTE_GPE } lede_quote_label;

typedef struct {
    lede_span content;     /* what was said */
    lede_quote_kind kind;  /* direct, indirect or mixed */
    int has_source;        /* source holds a span */
    lede_span source;      /* who, as written */
    int has_cue;           /* cue holds a span */
    lede_span cue;         /* the attributing words */
    const char *speaker;   /* NUL-terminated name, or NULL */
    size_t speaker_len;    /* its length in bytes */
    lede_quote_label label; /* the speaker's label (NONE when no speaker) */
    size_t sentence;       /* seq of the sentence where content starts */
} lede_quote;

/* "direct", "indirect", "mixed". */
const char *lede_quote_kind_name(lede_quote_kind kind);
/* "PERSON", "ORG", "GPE", or NULL for LEDE_QUOTE_NONE. */
const char *lede_quote_label_name(lede_quote_label label);

/* One token of the block being read (quotes.c). */
typedef struct {
    lede_token t;  /* the token */
    size_t sent;   /* seq of its sentence */
    size_t sbeg, send; /* its sentence's tokens in the block */
    size_t pbeg;   /* the first token of its paragraph */
    unsigned flags; /* QF_* of quotes.c */
    uint32_t wh;    /* the hash of its text lowercased (learn.h) */
    uint32_t wc;    /* its word classes (ext/ner/features.h), 0 when none */
    uint32_t wcl[3]; /* wc at each of the LEDE_NER_CLASS_LEVELS levels (lede_ner_class_level),
                        0xffff when none */
    uint32_t tc;    /* its class for the features (learn.h) */
    int cuep;       /* lede_quotes_cue_percent of its text (cues.h) */
} lede_quotes_tok;

/* An attribution of the block, before it is reported: token indices into
   the block, [start, end), SIZE_MAX when absent. */
typedef struct {
    lede_quote q;
    size_t cs, ce;  /* content */
    size_t ss, se;  /* source */
    size_t us, ue;  /* cue */
    int inherit;    /* a quotation that continues the last speaker */
    int leftover;   /* a quotation no cue attributes */
    int nested;     /* its cue lies inside another's content: dropped */
    int scare;      /* its quotation marks are a scare quote: indirect */
    int rule;       /* a quotation attributed by the rules */
    char speaker[LEDE_QUOTES_NAME_MAX];
} lede_quotes_item;

/* A pair of quotation marks of the block: the content is tokens (o, c);
   c is the closing mark, or the end of the paragraph when none closes. */
typedef struct {
    size_t o, c;
    int closed;   /* c is a mark */
    int taken;    /* reported, or part of a reported clause */
} lede_quotes_pair;

/* A name the text gave, remembered for speakers. */
typedef struct {
    char name[LEDE_QUOTES_NAME_MAX];  /* display form */
    char role[LEDE_QUOTES_ROLE_MAX];  /* lowercase role word ("minister"), or "" */
    lede_quote_label label;
    size_t sent;                      /* the sentence it was last seen in */
    unsigned char last_off;           /* where its last word starts in name */
    unsigned char words;              /* how many words it has */
    unsigned char last0;              /* the first byte of its last word, lowercased */
    unsigned char sex;                /* QUOTES_MALE or QUOTES_FEMALE as the text shows
                                         it (Mr., Ms., spokeswoman), 0 when it does not */
} lede_quotes_name;

typedef struct lede_quotes_iter lede_quotes_iter;

/* A trainer's look at each block once its quotations are attributed
   (ext/quotes/train/): NULL in the extension. */
typedef void (*lede_quotes_learn_fn)(void *ctx, const lede_quotes_iter *it);

struct lede_quotes_iter {
    const char *s; /* the input; not owned */
    size_t n;
    lede_sent_iter sents;  /* sentences of the whole text */
    size_t nsent;          /* sentences read so far */
    int have_next;         /* next_span holds a sentence read ahead */
    lede_span next_span;   /* it */
    int in_sent;           /* a sentence cut at the block's end goes on in sent_ti */
    lede_tok_iter sent_ti; /* its tokens still to read */
    int in_sent_cont;      /* reading such a rest: its first token opens no paragraph */
    lede_quotes_tok *toks; /* [ntoks] the block */
    size_t ntoks, toks_cap;
    lede_quotes_pair *pairs; /* the block's quotation marks */
    size_t npairs, pairs_cap;
    int qopen;             /* a quotation is open at the end of the block */
    lede_quotes_item *items; /* the block's attributions, in text order */
    size_t nitems, items_cap, next_item;
    lede_quotes_name names[LEDE_QUOTES_NAMES]; /* a ring of names, roles */
    size_t nnames;                             /* names ever stored */
    lede_quotes_item last;  /* the last attribution with a speaker or source */
    int have_last;          /* last holds one */
    size_t last_sent;       /* the sentence of its content's end */
    lede_quote cur;         /* the quote reported */
    char cur_speaker[LEDE_QUOTES_NAME_MAX];
    lede_quotes_learn_fn learn; /* the trainer's hook, or NULL */
    void *learn_ctx;
};

/* Starts reading s[0..n). Allocates nothing. */
void lede_quotes_init(lede_quotes_iter *it, const char *s, size_t n);

/* Stores the next attribution in *out: LEDE_OK, LEDE_DONE at the end, or
   LEDE_NOMEM. */
lede_rc lede_quotes_next(lede_quotes_iter *it, lede_quote *out);

void lede_quotes_free(lede_quotes_iter *it);

/* The k-th of quotes.c's word lists (lowercase words, NULL-terminated), or
   NULL past the last: those of more than LEDE_QUOTES_LIST_SORTED words are
   binary-searched, so they must be in strcmp order without repeats
   (tests/unit/test_quotes.c checks it). */
const char *const *lede_quotes_word_list(size_t k);

#endif
