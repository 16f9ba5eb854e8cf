/*
 * test_quotes.c: quotations and reported speech (ext/quotes/quotes.h) on
 * passages of our own in the style of news copy, one test per pattern the
 * header promises, plus empty, NULL-free binary and invalid UTF-8 input and
 * a long text read in bounded blocks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "quotes/quotes.h"
#include "text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXQ 16

typedef struct {
    char kind[10];
    char text[256];
    char source[96]; /* "" when none */
    char speaker[96];
    char label[8];
    char cue[32];
    size_t sentence;
} got;

static void copy_span(const char *s, const lede_span *sp, char *out, size_t cap) {
    size_t n = sp->byte_end - sp->byte_start;
    if (n >= cap)
        n = cap - 1;
    memcpy(out, s + sp->byte_start, n);
    out[n] = '\0';
}

/* Every attribution of s, checked for offsets; returns how many. */
static size_t quotes_of(const char *s, got *out) {
    size_t n = strlen(s);
    lede_quotes_iter *it = test_malloc(sizeof *it);
    lede_quotes_init(it, s, n);
    lede_quote q;
    lede_rc rc;
    size_t k = 0;
    while ((rc = lede_quotes_next(it, &q)) == LEDE_OK) {
        assert_true(q.content.byte_end <= n);
        assert_int_equal(lede_utf8_count(s, q.content.byte_start), q.content.cp_start);
        assert_int_equal(lede_utf8_count(s, q.content.byte_end), q.content.cp_end);
        if (k < MAXQ) {
            got *g = &out[k];
            strcpy(g->kind, lede_quote_kind_name(q.kind));
            copy_span(s, &q.content, g->text, sizeof g->text);
            g->source[0] = g->cue[0] = g->speaker[0] = g->label[0] = '\0';
            if (q.has_source)
                copy_span(s, &q.source, g->source, sizeof g->source);
            if (q.has_cue)
                copy_span(s, &q.cue, g->cue, sizeof g->cue);
            if (q.speaker) {
                assert_int_equal(strlen(q.speaker), q.speaker_len);
                snprintf(g->speaker, sizeof g->speaker, "%s", q.speaker);
                snprintf(g->label, sizeof g->label, "%s", lede_quote_label_name(q.label));
            }
            g->sentence = q.sentence;
        }
        k++;
    }
    assert_int_equal(rc, LEDE_DONE);
    lede_quotes_free(it);
    test_free(it);
    return k;
}

static void test_quotes_speaker_after(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("Prime Minister Ewa Brandt visited the port on Friday. \"The ships will "
                         "sail again,\" said Brandt, the prime minister, on Saturday.",
                         g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].kind, "direct");
    assert_string_equal(g[0].text, "The ships will sail again");
    assert_string_equal(g[0].source, "Brandt, the prime minister");
    assert_string_equal(g[0].speaker, "Ewa Brandt");
    assert_string_equal(g[0].label, "PERSON");
    assert_string_equal(g[0].cue, "said");
    assert_int_equal(g[0].sentence, 1);
}

static void test_quotes_pronoun_after(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("Judge Tomas Herrera closed the hearing. \u201cThis court will not be "
                         "rushed,\u201d he said.",
                         g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].text, "This court will not be rushed");
    assert_string_equal(g[0].source, "he");
    assert_string_equal(g[0].speaker, "Tomas Herrera");
}

static void test_quotes_speaker_before_colon(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("The union leader, Rosa Quintero, was unmoved. She said: \"We strike "
                         "on Monday unless the offer improves.\"",
                         g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].kind, "direct");
    assert_string_equal(g[0].text, "We strike on Monday unless the offer improves.");
    assert_string_equal(g[0].source, "She");
    assert_string_equal(g[0].speaker, "Rosa Quintero");
}

static void test_quotes_told_reporters(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("Senator Alan Mbeki told reporters, \"The vote is close.\"", g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].source, "Senator Alan Mbeki");
    assert_string_equal(g[0].speaker, "Alan Mbeki");
    assert_string_equal(g[0].cue, "told");
}

static void test_quotes_paragraphs(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("Captain Lena Ortiz reached the harbour at noon.\n\n\"The sea was rough and "
                         "the radio failed.\n\n\"We found them at dawn, all six alive,\" Ortiz "
                         "said.",
                         g);
    assert_int_equal(n, 1);
    assert_non_null(strstr(g[0].text, "The sea was rough"));
    assert_non_null(strstr(g[0].text, "all six alive"));
    assert_string_equal(g[0].speaker, "Lena Ortiz");
}

static void test_quotes_continuation(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("\"Prices are falling,\" said Governor Ilse Varga. \"We expect them to "
                         "keep falling until spring.\"",
                         g);
    /* one quotation interrupted by its attribution: one row from the first
       fragment to the last, as PolNeAR and PARC annotate it */
    assert_int_equal(n, 1);
    assert_string_equal(g[0].text, "Prices are falling,\" said Governor Ilse Varga. \"We expect "
                                   "them to keep falling until spring.");
    assert_string_equal(g[0].speaker, "Ilse Varga");
    assert_string_equal(g[0].source, "Governor Ilse Varga");
    /* in the next paragraph it is a row of its own that keeps the speaker */
    n = quotes_of("\"Prices are falling,\" said Governor Ilse Varga.\n\n\"We expect them to "
                  "keep falling until spring.\"",
                  g);
    assert_int_equal(n, 2);
    assert_string_equal(g[1].text, "We expect them to keep falling until spring.");
    assert_string_equal(g[1].speaker, "Ilse Varga");
    assert_string_equal(g[1].source, "Governor Ilse Varga");
}

static void test_quotes_nested_single(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("\u201cHe shouted \u2018stop the bus\u2019 and nobody listened,\u201d "
                         "the driver said.",
                         g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].text, "He shouted \u2018stop the bus\u2019 and nobody listened");
    assert_string_equal(g[0].source, "the driver");
}

static void test_quotes_no_speaker(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("The square was silent. \"Nobody here believes the promises any more, "
                         "not after last winter.\"",
                         g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].kind, "direct");
    assert_string_equal(g[0].source, "");
    assert_string_equal(g[0].speaker, "");
}

static void test_quotes_not_speech(void **state) {
    (void)state;
    got g[MAXQ];
    /* a title is not speech; a scare quote in a stance ("called the new
       \"reform\" a rebranding") is not her words: the stance is indirect */
    size_t n = quotes_of("She reviewed \"The Long Winter\" for the paper and called the new "
                         "\"reform\" a rebranding.",
                         g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].kind, "indirect");
    assert_string_equal(g[0].cue, "called");
    assert_string_equal(g[0].text, "the new \"reform\" a rebranding");
    n = quotes_of("He has read \"War and Peace\" twice.", g);
    assert_int_equal(n, 0);
}

static void test_quotes_indirect(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("The health ministry said that the clinic would reopen in June. "
                         "According to nurses at the clinic, the repairs are late. The roof "
                         "leaked for months, a spokeswoman said.",
                         g);
    assert_int_equal(n, 3);
    assert_string_equal(g[0].kind, "indirect");
    assert_string_equal(g[0].text, "that the clinic would reopen in June");
    assert_string_equal(g[0].source, "The health ministry");
    assert_string_equal(g[1].text, "the repairs are late");
    assert_string_equal(g[1].source, "nurses at the clinic");
    assert_string_equal(g[1].cue, "According to");
    assert_string_equal(g[2].text, "The roof leaked for months");
    assert_string_equal(g[2].source, "a spokeswoman");
}

static void test_quotes_partial_is_mixed(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("Farmers said the new tariff was \"a slow death\" for the valley.", g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].kind, "mixed");
    assert_string_equal(g[0].text, "the new tariff was \"a slow death\" for the valley");
    assert_string_equal(g[0].source, "Farmers");
    assert_string_equal(g[0].speaker, "");
}

static void test_quotes_role_description(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("The talks were led by spokeswoman Mira Sato. Later the spokeswoman "
                         "said the talks had failed.",
                         g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].source, "the spokeswoman");
    assert_string_equal(g[0].speaker, "Mira Sato");
}

/* A description that opens a sentence ("A spokesman", "Several experts")
   names no one: its capitalised determiner is no speaker. */
static void test_quotes_description_names_no_one(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("A spokesman for the harbour authority said the pier would stay "
                         "closed.\n\nSeveral fishermen said the storm had wrecked their boats.",
                         g);
    assert_int_equal(n, 2);
    assert_string_equal(g[0].source, "A spokesman for the harbour authority");
    assert_string_equal(g[0].speaker, "");
    assert_string_equal(g[1].source, "Several fishermen");
    assert_string_equal(g[1].speaker, "");
}

/* A company the gazetteer knows is an organisation ("Boeing said"), and a
   pronoun after it goes to the person named before, not to the company; a
   surname that is also a company keeps the label of the person it names. */
static void test_quotes_company_speaker(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("Union leader Marta Ford said the strike would go on. Boeing said "
                         "its factories were idle. He added that talks had stalled.\n\nFord "
                         "said the members would vote on Friday.",
                         g);
    assert_int_equal(n, 4);
    assert_string_equal(g[1].speaker, "Boeing");
    assert_string_equal(g[1].label, "ORG");
    assert_string_equal(g[2].speaker, "Marta Ford");
    assert_string_equal(g[3].speaker, "Marta Ford");
    assert_string_equal(g[3].label, "PERSON");
}

/* A relative clause between the source and its cue has a cue of its own
   ("asked"): the quotation's cue is the one after the clause. */
static void test_quotes_relative_clause_before_cue(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("\"The water came up to the windows,\" a farmer, who asked not to be "
                         "identified, told the local radio.",
                         g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].text, "The water came up to the windows");
    assert_string_equal(g[0].source, "a farmer, who asked not to be identified,");
    assert_string_equal(g[0].cue, "told");
}

/* Speakers are the people's names: titles and the organisation before a
   title dropped, "of <place>" after a name dropped, a surname that is also
   a town still the person, two people joined by "and" remembered apart. */
static void test_quotes_speaker_names(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of(
        "House Majority Leader Steve Scalise said the vote would be held on Friday. Sen. Maria "
        "Cantwell of Washington said she would oppose it. Some Democrats said the bill was "
        "rushed.\n\nRepublican Tom Cole and Democrat Rosa DeLauro met on Monday. Cole said "
        "the talks were useful.",
        g);
    assert_int_equal(n, 4);
    assert_string_equal(g[0].speaker, "Steve Scalise");
    assert_string_equal(g[0].label, "PERSON");
    assert_string_equal(g[1].speaker, "Maria Cantwell");
    assert_string_equal(g[2].speaker, "");
    assert_string_equal(g[3].speaker, "Tom Cole");
    assert_string_equal(g[3].label, "PERSON");
}

/* Straight single marks quote as curly ones do (British style), but not
   an apostrophe ("the players' union", "the '90s"); a paragraph that is a
   short quotation alone is a subheading, not the last speaker's words. */
static void test_quotes_straight_single_marks(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("The nurses' leader, Ruth Okafor, said: 'Our members have had enough of "
                         "promises.'\n\n'Nothing left to give.'\n\nFans of the '90s band said "
                         "the players' union was right.",
                         g);
    assert_int_equal(n, 2);
    assert_string_equal(g[0].kind, "direct");
    assert_string_equal(g[0].text, "Our members have had enough of promises");
    assert_string_equal(g[0].speaker, "Ruth Okafor");
    assert_string_equal(g[1].kind, "indirect");
    assert_string_equal(g[1].text, "the players' union was right");
}

/* A dash and a name that ends the paragraph attribute the quotation
   before them (readers' voices, epigraphs); a dash inside a sentence does
   not. */
static void test_quotes_dash_attribution(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("\xe2\x80\x9cThe buses never come on time and nobody at the council "
                         "listens.\xe2\x80\x9d \xe2\x80\x95 Dana Whitfield, 41, a teacher",
                         g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].source, "Dana Whitfield, 41, a teacher");
    assert_string_equal(g[0].speaker, "Dana Whitfield");
    assert_string_equal(g[0].cue, "\xe2\x80\x95");
    n = quotes_of("\"We will rebuild the school by spring\" - that was the Mayor's promise.", g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].source, "");
}

/* A pronoun goes to a person the text has not shown to be of the other
   sex: "Ms." and "spokeswoman" make a woman, "Mr." and "chairman" a man. */
static void test_quotes_pronoun_sex(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("Alex Rivera, the union's spokeswoman, met Sam Chen on Monday. Ms. Rivera "
                         "stayed for an hour. \"We have a deal,\" Mr. Chen said. Later she said the "
                         "vote would be on Friday.",
                         g);
    assert_int_equal(n, 2);
    assert_string_equal(g[0].speaker, "Sam Chen");
    assert_string_equal(g[1].source, "she");
    assert_string_equal(g[1].speaker, "Alex Rivera");
}

static void test_quotes_split_in_one_sentence(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("\"If you read the report carefully,\" Dana Whitcombe said, \"you will "
                         "see the money was never spent.\"",
                         g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].kind, "direct");
    assert_string_equal(g[0].text, "If you read the report carefully,\" Dana Whitcombe said, "
                                   "\"you will see the money was never spent.");
    assert_string_equal(g[0].source, "Dana Whitcombe");
    assert_string_equal(g[0].cue, "said");
}

static void test_quotes_learned_beliefs_and_surveys(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("Most economists believe that the harbour tax will raise prices. A new "
                         "survey by the chamber shows that shops expect fewer visitors this "
                         "summer. The mayor has long argued that the bridge is too expensive "
                         "to repair.",
                         g);
    assert_int_equal(n, 3);
    assert_string_equal(g[0].kind, "indirect");
    assert_string_equal(g[0].text, "that the harbour tax will raise prices");
    assert_string_equal(g[0].source, "Most economists");
    assert_string_equal(g[0].cue, "believe");
    assert_string_equal(g[1].text, "that shops expect fewer visitors this summer");
    assert_string_equal(g[1].source, "A new survey by the chamber");
    assert_string_equal(g[1].cue, "shows");
    assert_string_equal(g[2].text, "that the bridge is too expensive to repair");
    assert_string_equal(g[2].source, "The mayor");
    assert_string_equal(g[2].cue, "has long argued");
}

static void test_quotes_learned_cue_after_quotation(void **state) {
    (void)state;
    got g[MAXQ];
    /* a cue the rules leave ("warned" after a long apposition): the learned
       part reports the quotation itself as direct, and a one-word quotation
       after "said" is part of a mixed clause, its closing mark kept */
    size_t n = quotes_of("\u201cThe rents will keep rising,\u201d the head of the tenants union, "
                         "Mara Voss, warned on Tuesday. Her deputy said the rise was "
                         "\u201ctemporary\u201d.",
                         g);
    assert_int_equal(n, 2);
    assert_string_equal(g[0].kind, "direct");
    assert_string_equal(g[0].text, "The rents will keep rising");
    assert_string_equal(g[0].source, "the head of the tenants union, Mara Voss");
    assert_string_equal(g[0].speaker, "Mara Voss");
    assert_string_equal(g[0].cue, "warned");
    assert_string_equal(g[1].kind, "mixed");
    assert_string_equal(g[1].text, "the rise was \u201ctemporary\u201d");
    assert_string_equal(g[1].source, "Her deputy");
}

static void test_quotes_source_description(void **state) {
    (void)state;
    got g[MAXQ];
    /* a source after the cue keeps what describes it, to the end of the
       sentence, as PolNeAR's sources do; the speaker is the name in it */
    size_t n = quotes_of("\"The port will reopen,\" said Tomas Lind, a senior adviser to the "
                         "harbour board who is now a fellow at the Nordic Institute. \"We are "
                         "ready,\" said Rep. Ana Ruiz (D-Ore.). \"Nothing has changed,\" said "
                         "Karl Berg of the Fishermen\u2019s Union. \"It works,\" said Eva Holm, "
                         "adding that the tests were over.",
                         g);
    assert_true(n >= 4);
    assert_string_equal(g[0].kind, "direct");
    assert_string_equal(g[0].source, "Tomas Lind, a senior adviser to the harbour board who is "
                                     "now a fellow at the Nordic Institute");
    assert_string_equal(g[0].speaker, "Tomas Lind");
    assert_string_equal(g[1].source, "Rep. Ana Ruiz (D-Ore.)");
    assert_string_equal(g[1].speaker, "Ana Ruiz");
    assert_string_equal(g[2].source, "Karl Berg of the Fishermen\u2019s Union");
    assert_string_equal(g[2].speaker, "Karl Berg");
    /* a participle after the comma starts no description */
    assert_string_equal(g[3].text, "It works");
    assert_string_equal(g[3].source, "Eva Holm");
}

static void test_quotes_source_before_who_cue(void **state) {
    (void)state;
    got g[MAXQ];
    /* a relative clause whose verb is a cue is an attribution of its own:
       the source ends before it (PolNeAR's "who" is that clause's source);
       one whose verb is no cue describes the source and stays in it */
    size_t n = quotes_of("\"The port will reopen,\" said Tomas Lind, a senior adviser to the "
                         "harbour board, who acknowledged that the repairs were late. \"We are "
                         "ready,\" said Eva Holm, who grew up in the harbour town.",
                         g);
    assert_true(n >= 2);
    assert_string_equal(g[0].kind, "direct");
    assert_string_equal(g[0].source, "Tomas Lind, a senior adviser to the harbour board");
    assert_string_equal(g[0].speaker, "Tomas Lind");
    /* the clause left to the learned model is a row of its own */
    assert_string_equal(g[1].cue, "acknowledged");
    assert_string_equal(g[1].source, "who");
    size_t k = 1;
    while (k < n && strcmp(g[k].text, "We are ready") != 0)
        k++;
    assert_true(k < n);
    assert_string_equal(g[k].source, "Eva Holm, who grew up in the harbour town");
}

static void test_quotes_learned_far_source_and_coordination(void **state) {
    (void)state;
    got g[MAXQ];
    /* the subject of the clause is the source of a cue far after it
       ("..., calling"), and a second cue of the same subject ends the first
       content ("said A and argued B") */
    size_t n = quotes_of("Governor Ines Falk attacked the budget plan of the council at length "
                         "on Monday, calling it a disgrace to the city. The mayor said the ferry "
                         "would run again in May and argued that the old pier must be rebuilt.",
                         g);
    assert_int_equal(n, 4);
    assert_string_equal(g[1].cue, "calling");
    assert_string_equal(g[1].source, "Governor Ines Falk");
    assert_string_equal(g[1].speaker, "Ines Falk");
    assert_string_equal(g[2].text, "the ferry would run again in May");
    assert_string_equal(g[2].cue, "said");
    assert_string_equal(g[3].text, "that the old pier must be rebuilt");
    assert_string_equal(g[3].source, "The mayor");
    assert_string_equal(g[3].cue, "argued");
}

static void test_quotes_learned_nested_dropped(void **state) {
    (void)state;
    got g[MAXQ];
    /* a cue inside another attribution's content ("said ... believes",
       "said ... warned") is nested in it: one row, the outer one */
    size_t n = quotes_of("Mayor Petra Ruiz said on Monday that her deputy believes the new budget "
                         "is sound. The council chairman said the auditors warned that the port "
                         "contract was too costly.",
                         g);
    assert_int_equal(n, 2);
    assert_string_equal(g[0].text, "that her deputy believes the new budget is sound");
    assert_string_equal(g[0].cue, "said");
    assert_string_equal(g[0].source, "Mayor Petra Ruiz");
    assert_string_equal(g[1].text, "the auditors warned that the port contract was too costly");
    assert_string_equal(g[1].cue, "said");
    assert_string_equal(g[1].source, "The council chairman");
}

static void test_quotes_source_title_before_name(void **state) {
    (void)state;
    got g[MAXQ];
    /* a name, lowercase title words and a name after the cue are one source;
       "the" and a name end at the title word after it */
    size_t n = quotes_of("\"The harbour will reopen in May,\" said Ruiz campaign manager Tomas Berg. "
                         "\"We have found the money for it,\" said the Oslo senator.",
                         g);
    assert_int_equal(n, 2);
    assert_string_equal(g[0].source, "Ruiz campaign manager Tomas Berg");
    assert_string_equal(g[0].speaker, "Tomas Berg");
    assert_string_equal(g[1].source, "the Oslo senator");
}

static void test_quotes_learned_passive_no_source(void **state) {
    (void)state;
    got g[MAXQ];
    /* the subject of a passive cue is not its source; of a state of mind
       ("was shocked") it is */
    size_t n = quotes_of("Mayor Ruiz was asked about the ferry on Monday. The council was shocked "
                         "that the port would close.",
                         g);
    assert_int_equal(n, 2);
    assert_string_equal(g[0].cue, "was asked");
    assert_string_equal(g[0].source, "");
    assert_string_equal(g[1].cue, "was shocked");
    assert_string_equal(g[1].source, "The council");
}

static void test_quotes_colon_lead(void **state) {
    (void)state;
    got g[MAXQ];
    /* a paragraph that opens with a name and a colon: a headline or a
       transcript; not "Q:" nor "The Latest:" */
    size_t n = quotes_of("Ruiz: \"I Will Stay in the Race to the End\"\n\n"
                         "Berg: Ferry Plan Has a Long Way To Go\n\n"
                         "The Latest: Storm reaches the coast of Norway\n\n"
                         "Q: When does the ferry run again?\n",
                         g);
    assert_true(n >= 2);
    assert_string_equal(g[0].kind, "direct");
    assert_string_equal(g[0].text, "I Will Stay in the Race to the End");
    assert_string_equal(g[0].source, "Ruiz");
    assert_string_equal(g[0].cue, ":");
    assert_string_equal(g[1].kind, "indirect");
    assert_string_equal(g[1].text, "Ferry Plan Has a Long Way To Go");
    assert_string_equal(g[1].source, "Berg");
    for (size_t k = 2; k < n && k < MAXQ; k++)
        assert_string_not_equal(g[k].cue, ":");
}

static void test_quotes_transcript_turns(void **state) {
    (void)state;
    got g[MAXQ];
    /* a transcript inside one quotation, an opening mark at each turn: an
       all-capital label is a speaker when the text named that person, and
       a heading ("UPDATE:") never is */
    size_t n = quotes_of("The radio host Lena Brandt spoke with Mayor Oskar Vik on Sunday. Part "
                         "of the interview:\n\n"
                         "\"BRANDT: Mayor, will the ferry run again before the winter?\n\n"
                         "\"VIK: Yes, the harbour board has promised the repairs by October.\n\n"
                         "\"BRANDT: And if the repairs are late, who pays for them?\"\n\n"
                         "UPDATE: The harbour board did not answer questions on the schedule.\n",
                         g);
    size_t turns = 0;
    for (size_t k = 0; k < n && k < MAXQ; k++) {
        if (strcmp(g[k].cue, ":") != 0)
            continue;
        assert_string_equal(g[k].kind, "direct");
        assert_string_not_equal(g[k].source, "UPDATE");
        if (turns == 1) {
            assert_string_equal(g[k].source, "VIK");
            assert_string_equal(g[k].speaker, "Oskar Vik");
            assert_string_equal(g[k].text,
                                "Yes, the harbour board has promised the repairs by October");
        }
        turns++;
    }
    assert_int_equal(turns, 3);
}

static void test_quotes_cue_lead_words(void **state) {
    (void)state;
    got g[MAXQ];
    /* the auxiliaries, negation and adverbs before a cue word are part of
       the cue, not of the source; a noun in -ly and a capitalised "May"
       are not */
    size_t n = quotes_of("Mayor Ines Lund further asserted that the port would reopen. The "
                         "family said they had not been told. He\u2019s claiming the repairs "
                         "were finished. Prime Minister Theresa May said the talks would go on.",
                         g);
    assert_int_equal(n, 4);
    assert_string_equal(g[0].source, "Mayor Ines Lund");
    assert_string_equal(g[0].cue, "further asserted");
    assert_string_equal(g[1].source, "The family");
    assert_string_equal(g[1].cue, "said");
    assert_string_equal(g[2].source, "He");
    assert_string_equal(g[2].cue, "\u2019s claiming");
    assert_string_equal(g[3].source, "Prime Minister Theresa May");
    assert_string_equal(g[3].cue, "said");
}

static void test_quotes_after_quote_past_verb(void **state) {
    (void)state;
    got g[MAXQ];
    /* after a quotation that ends in a comma or a question mark, a name and
       a verb in -ed that ends the clause attribute it, cue list or not; an
       abbreviation inside the source ("(R-S.C.)") does not end it */
    size_t n = quotes_of("\"Why was the ferry not ready?\" Vitter demanded. \"We will look into "
                         "it,\" the harbour master often said. Rep. Ana Holt (R-S.C.) said the "
                         "vote would come in May.",
                         g);
    assert_int_equal(n, 3);
    assert_string_equal(g[0].source, "Vitter");
    assert_string_equal(g[0].cue, "demanded");
    assert_string_equal(g[1].source, "the harbour master");
    assert_string_equal(g[1].cue, "often said");
    assert_string_equal(g[2].source, "Rep. Ana Holt (R-S.C.)");
}

static void test_quotes_name_cue_adding_and_day(void **state) {
    (void)state;
    got g[MAXQ];
    /* a capitalised cue word before "said" is a name ("Read"); the source
       of "adding" after "X said," is X; a day between the source and its
       cue is the cue's */
    size_t n = quotes_of("\"The ferry deal is a good deal for the island,\" Read said. The "
                         "boats will sail by June, Holm said, adding, \"We need to sit down and "
                         "talk about the fares.\" Harbour master Ola Berg on Thursday evening "
                         "said the repairs were finished.",
                         g);
    assert_true(n >= 3);
    assert_string_equal(g[0].source, "Read");
    assert_string_equal(g[0].cue, "said");
    size_t k = 0;
    while (k < n && strcmp(g[k].cue, "adding") != 0)
        k++;
    assert_true(k < n);
    assert_string_equal(g[k].source, "Holm");
    k = 0;
    while (k < n && strcmp(g[k].text, "the repairs were finished") != 0)
        k++;
    assert_true(k < n);
    assert_string_equal(g[k].source, "Harbour master Ola Berg");
}

static void test_quotes_not_turns_nor_reactions(void **state) {
    (void)state;
    got g[MAXQ];
    /* "Look:" inside a quotation is speech, not a transcript turn; a turn
       ends where its quotation closes; a reaction in -ed after a quotation
       ("the crowd cheered") attributes nothing; "Super Tuesday" stays in
       the source; "Theresa May told" keeps her name */
    size_t n = quotes_of("Radio host Lena Brandt spoke with Mayor Oskar Vik on Sunday.\n\n"
                         "\"We had no choice,\" the harbour master said.\n\n"
                         "\"Look: we have to fix the pier before the winter comes.\"\n\n"
                         "\"VIK: We did what we had to do.\" The crowd cheered at that line.\n\n"
                         "\"Enough of the delays!\" The crowd cheered. \"We won,\" voters on "
                         "Super Tuesday said. \"It was a mistake,\" Theresa May told reporters.",
                         g);
    for (size_t k = 0; k < n && k < MAXQ; k++) {
        assert_string_not_equal(g[k].source, "Look");
        assert_string_not_equal(g[k].cue, "cheered");
        if (strcmp(g[k].source, "VIK") == 0 && strcmp(g[k].cue, ":") == 0 &&
            strncmp(g[k].text, "We did", 6) == 0)
            assert_string_equal(g[k].text, "We did what we had to do");
        if (strcmp(g[k].text, "We won") == 0)
            assert_string_equal(g[k].source, "voters on Super Tuesday");
        if (strcmp(g[k].text, "It was a mistake") == 0)
            assert_string_equal(g[k].source, "Theresa May");
    }
}

static void test_quotes_unlisted_name_remembered(void **state) {
    (void)state;
    got g[MAXQ];
    /* a full name no list knows, once a speaker, makes its surname that
       person later, even a surname in -s that reads like a plural */
    size_t n = quotes_of("Reince Pollbus said the party was united. Later, Pollbus said: \"We "
                         "are together on this.\"",
                         g);
    assert_int_equal(n, 2);
    assert_string_equal(g[0].speaker, "Reince Pollbus");
    assert_string_equal(g[1].source, "Pollbus");
    assert_string_equal(g[1].speaker, "Reince Pollbus");
    assert_string_equal(g[1].label, "PERSON");
}

static void test_quotes_continuation_after_long_attribution(void **state) {
    (void)state;
    got g[MAXQ];
    /* the quotation goes on after an attribution of a dozen words */
    size_t n = quotes_of("\"The ferry will run again in the spring,\" Ruiz said on Thursday during a "
                         "speech at the harbour office in the old town. \"We have found the money "
                         "for it now.\"",
                         g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].source, "Ruiz");
    assert_non_null(strstr(g[0].text, "found the money"));
}

static void test_quotes_same_content_one_row(void **state) {
    (void)state;
    got g[MAXQ];
    /* two cues of one content and source: the one next to the content */
    size_t n = quotes_of("Mayor Ruiz then explained, recalling the winter when the ferry stopped "
                         "running.",
                         g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].cue, "recalling");
    assert_string_equal(g[0].source, "Mayor Ruiz");
    assert_string_equal(g[0].text, "the winter when the ferry stopped running");
}

static void test_quotes_learned_content_ends_before_quotation(void **state) {
    (void)state;
    got g[MAXQ];
    /* a learned content ends at the comma before a quotation's source and
       cue: the quotation keeps its own row */
    size_t n = quotes_of("While expressing her thanks to the crew for their work on the new pier, "
                         "Mayor Ruiz said, \"The ferry will run again in May.\"",
                         g);
    assert_true(n >= 1);
    assert_string_equal(g[n - 1].kind, "direct");
    assert_string_equal(g[n - 1].source, "Mayor Ruiz");
    assert_string_equal(g[n - 1].text, "The ferry will run again in May.");
    for (size_t k = 0; k + 1 < n && k < MAXQ; k++)
        assert_null(strstr(g[k].text, "ferry"));
}

static void test_quotes_cue_ends_text(void **state) {
    (void)state;
    got g[MAXQ];
    /* the text ends at the cue: nothing after it is read (found by
       fuzz_quotes: the block's end was read past) */
    size_t n = quotes_of("\u201cWe will go home now.\u201d He said", g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].kind, "direct");
    assert_string_equal(g[0].text, "We will go home now.");
    assert_string_equal(g[0].source, "He");
    assert_string_equal(g[0].cue, "said");
}

static void test_quotes_double_apostrophes(void **state) {
    (void)state;
    got g[MAXQ];
    size_t n = quotes_of("''We will rebuild the bridge,'' Mayor Jon Kessler said.", g);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].text, "We will rebuild the bridge");
    assert_string_equal(g[0].speaker, "Jon Kessler");
}

static void test_quotes_empty_and_bad_bytes(void **state) {
    (void)state;
    got g[MAXQ];
    assert_int_equal(quotes_of("", g), 0);
    assert_int_equal(quotes_of("\"\"", g), 0);
    /* invalid UTF-8 inside and around a quotation: offsets stay consistent */
    size_t n = quotes_of("\"\xc0\xc1 we go \xff now,\" he said \xe2\x80.", g);
    assert_true(n <= 1);
}

static void test_quotes_long_text_bounded(void **state) {
    (void)state;
    /* 40,000 words with no sentence break: read in blocks, no quote lost at a cut */
    const char *unit = "and the council said the plan would fail ";
    size_t un = strlen(unit), reps = 5000;
    char *s = test_malloc(un * reps + 64);
    for (size_t i = 0; i < reps; i++)
        memcpy(s + i * un, unit, un);
    strcpy(s + un * reps, "\"That is all,\" she said.");
    lede_quotes_iter *it = test_malloc(sizeof *it);
    lede_quotes_init(it, s, strlen(s));
    lede_quote q;
    size_t k = 0, last = 0;
    while (lede_quotes_next(it, &q) == LEDE_OK) {
        assert_true(q.content.byte_start >= last);
        last = q.content.byte_start;
        k++;
    }
    assert_true(k >= 1);
    assert_true(it->toks_cap <= 2 * LEDE_QUOTES_BLOCK_TOKENS);
    lede_quotes_free(it);
    test_free(it);
    test_free(s);
}

/* The long word lists are binary-searched: each in strcmp order, no repeats. */
static void test_quotes_long_word_lists_sorted(void **state) {
    (void)state;
    const char *const *list;
    size_t k = 0, sorted = 0;
    for (; (list = lede_quotes_word_list(k)) != NULL; k++) {
        size_t n = 0;
        while (list[n])
            n++;
        if (n <= LEDE_QUOTES_LIST_SORTED)
            continue;
        for (size_t i = 1; i < n; i++)
            assert_true(strcmp(list[i - 1], list[i]) < 0);
        sorted++;
    }
    assert_true(k > 10);
    assert_true(sorted >= 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quotes_long_word_lists_sorted),
        cmocka_unit_test(test_quotes_speaker_after),
        cmocka_unit_test(test_quotes_pronoun_after),
        cmocka_unit_test(test_quotes_speaker_before_colon),
        cmocka_unit_test(test_quotes_told_reporters),
        cmocka_unit_test(test_quotes_paragraphs),
        cmocka_unit_test(test_quotes_continuation),
        cmocka_unit_test(test_quotes_nested_single),
        cmocka_unit_test(test_quotes_no_speaker),
        cmocka_unit_test(test_quotes_not_speech),
        cmocka_unit_test(test_quotes_indirect),
        cmocka_unit_test(test_quotes_partial_is_mixed),
        cmocka_unit_test(test_quotes_role_description),
        cmocka_unit_test(test_quotes_description_names_no_one),
        cmocka_unit_test(test_quotes_company_speaker),
        cmocka_unit_test(test_quotes_relative_clause_before_cue),
        cmocka_unit_test(test_quotes_speaker_names),
        cmocka_unit_test(test_quotes_straight_single_marks),
        cmocka_unit_test(test_quotes_dash_attribution),
        cmocka_unit_test(test_quotes_pronoun_sex),
        cmocka_unit_test(test_quotes_split_in_one_sentence),
        cmocka_unit_test(test_quotes_learned_beliefs_and_surveys),
        cmocka_unit_test(test_quotes_learned_cue_after_quotation),
        cmocka_unit_test(test_quotes_source_description),
        cmocka_unit_test(test_quotes_source_before_who_cue),
        cmocka_unit_test(test_quotes_learned_far_source_and_coordination),
        cmocka_unit_test(test_quotes_learned_nested_dropped),
        cmocka_unit_test(test_quotes_source_title_before_name),
        cmocka_unit_test(test_quotes_learned_passive_no_source),
        cmocka_unit_test(test_quotes_colon_lead),
        cmocka_unit_test(test_quotes_transcript_turns),
        cmocka_unit_test(test_quotes_cue_lead_words),
        cmocka_unit_test(test_quotes_after_quote_past_verb),
        cmocka_unit_test(test_quotes_name_cue_adding_and_day),
        cmocka_unit_test(test_quotes_not_turns_nor_reactions),
        cmocka_unit_test(test_quotes_unlisted_name_remembered),
        cmocka_unit_test(test_quotes_continuation_after_long_attribution),
        cmocka_unit_test(test_quotes_same_content_one_row),
        cmocka_unit_test(test_quotes_learned_content_ends_before_quotation),
        cmocka_unit_test(test_quotes_cue_ends_text),
        cmocka_unit_test(test_quotes_double_apostrophes),
        cmocka_unit_test(test_quotes_empty_and_bad_bytes),
        cmocka_unit_test(test_quotes_long_text_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
