/*
 * test_extract.c: the entity pipeline of ext/ner/extract.h and the block
 * reader under it (ext/ner/block.h): entities lie inside sentences with
 * consistent offsets, windows and blocks stay bounded on long input and
 * cover every token once, and empty, blank or invalid UTF-8 input is
 * handled. The inputs are news-style sentences of our own.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "ner/extract.h"
#include "text/sentences.h"
#include "text/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    lede_ner_entity e[256];
    size_t n;
} found;

static void extract_all(const char *s, size_t n, lede_ner_scheme scheme, found *out) {
    lede_ner_extractor x;
    const lede_ner_model *m = lede_ner_scheme_model(scheme);
    assert_int_equal(lede_ner_model_check(m, NULL), LEDE_OK);
    lede_ner_extract_init(&x, m, scheme, s, n, NULL);
    out->n = 0;
    lede_ner_entity e;
    lede_rc rc;
    while ((rc = lede_ner_extract_next(&x, &e)) == LEDE_OK) {
        /* the strings live until the next call: check them now */
        assert_non_null(e.canonical);
        assert_int_equal(strlen(e.canonical), e.canonical_len);
        if (!lede_ent_label_has_value(e.label)) {
            assert_null(e.value);
            assert_null(e.unit);
        }
        assert_true(strlen(e.country) == 0 || strlen(e.country) == 2);
        e.canonical = e.value = e.unit = NULL;
        if (out->n < sizeof out->e / sizeof out->e[0])
            out->e[out->n] = e;
        out->n++;
    }
    assert_int_equal(rc, LEDE_DONE);
    lede_ner_extract_free(&x);
}

/* The sentence spans of s, as lede_sentences gives them. */
static size_t sentences_of(const char *s, size_t n, lede_span *out, size_t cap) {
    lede_sent_iter it;
    lede_span sp;
    size_t k = 0;
    lede_sent_init(&it, s, n);
    while (lede_sent_next(&it, &sp)) {
        if (k < cap)
            out[k] = sp;
        k++;
    }
    return k;
}

/* Checks the contract for every entity: in order, no overlap, code points
   agree with bytes, inside the sentence it names. */
static void check_contract(const char *s, size_t n, const found *f) {
    static lede_span sent[4096];
    size_t ns = sentences_of(s, n, sent, 4096);
    size_t prev_end = 0;
    for (size_t k = 0; k < f->n && k < 256; k++) {
        const lede_ner_entity *e = &f->e[k];
        assert_true(e->span.byte_start < e->span.byte_end && e->span.byte_end <= n);
        assert_true(e->span.byte_start >= prev_end);
        prev_end = e->span.byte_end;
        assert_int_equal(e->span.cp_start, lede_utf8_count(s, e->span.byte_start));
        assert_int_equal(e->span.cp_end, lede_utf8_count(s, e->span.byte_end));
        assert_true(e->sentence < ns);
        if (e->sentence < 4096) {
            assert_true(sent[e->sentence].byte_start <= e->span.byte_start);
            assert_true(e->span.byte_end <= sent[e->sentence].byte_end);
        }
        assert_true(e->label < LEDE_ENT_NLABELS);
    }
}

/* The entities of the NUL-terminated text s under a scheme, with the
   contract checked. */
static void extract_scheme_checked(const char *s, lede_ner_scheme scheme, found *f) {
    extract_all(s, strlen(s), scheme, f);
    check_contract(s, strlen(s), f);
}

/* The same with the CoNLL-2003 scheme, whose name rules the tests below pin. */
static void extract_checked(const char *s, found *f) {
    extract_scheme_checked(s, LEDE_NER_SCHEME_CONLL, f);
}

/* 1 when f has an entity with this text and label (and sentence, if >= 0). */
static int has(const char *s, const found *f, const char *text, lede_ent_label label,
               long sentence) {
    for (size_t k = 0; k < f->n && k < 256; k++) {
        const lede_ner_entity *e = &f->e[k];
        size_t len = e->span.byte_end - e->span.byte_start;
        if (len == strlen(text) && memcmp(s + e->span.byte_start, text, len) == 0 &&
            e->label == label && (sentence < 0 || e->sentence == (size_t)sentence))
            return 1;
    }
    return 0;
}

static void test_extract_finds_names_in_their_sentences(void **state) {
    (void)state;
    const char *s = "Chancellor Angela Merkel met President Emmanuel Macron in Paris on Tuesday.\n"
                    "Shares of Siemens rose 2% in Frankfurt, traders said.\n\n"
                    "The talks in Zürich were chaired by Ursula Schmidt.";
    found f;
    extract_checked(s, &f);
    assert_true(has(s, &f, "Angela Merkel", LEDE_ENT_PERSON, 0));
    assert_true(has(s, &f, "Emmanuel Macron", LEDE_ENT_PERSON, 0));
    assert_true(has(s, &f, "Paris", LEDE_ENT_LOC, 0));
    assert_true(has(s, &f, "Siemens", LEDE_ENT_ORG, 1));
    assert_true(has(s, &f, "Frankfurt", LEDE_ENT_LOC, 1));
    assert_true(has(s, &f, "Zürich", LEDE_ENT_LOC, 2));
    assert_true(has(s, &f, "Ursula Schmidt", LEDE_ENT_PERSON, 2));
}

/* A title or office before a name is not part of it, at the start of a
   sentence too, where its capital makes it look like a first name. */
static void test_extract_titles_stay_out_of_names(void **state) {
    (void)state;
    const char *s = "Chair Helena Brandt opened the hearing on Monday.\n"
                    "Ms. Okafor said the vote would wait.\n"
                    "Dr. Imre Szabo and Governor Lucia Ferraz toured the flooded district.";
    found f;
    extract_checked(s, &f);
    assert_true(has(s, &f, "Helena Brandt", LEDE_ENT_PERSON, 0));
    assert_true(has(s, &f, "Okafor", LEDE_ENT_PERSON, 1));
    assert_true(has(s, &f, "Imre Szabo", LEDE_ENT_PERSON, 2));
    assert_true(has(s, &f, "Lucia Ferraz", LEDE_ENT_PERSON, 2));
    assert_false(has(s, &f, "Chair Helena Brandt", LEDE_ENT_PERSON, -1));
    assert_false(has(s, &f, "Ms. Okafor", LEDE_ENT_PERSON, -1));
}

/* Seas, straits, gulfs and peninsulas named by their form are places, not
   organisations shaped like "Bank of England". */
static void test_extract_geographic_names_are_places(void **state) {
    (void)state;
    const char *s = "Two tankers were seized in the Strait of Hormuz overnight.\n"
                    "A storm moving across the Gulf of Mexico closed three ports.\n"
                    "Tensions rose again on the Korean Peninsula, officials said.\n"
                    "The Bank of England left its rate unchanged.";
    found f;
    extract_checked(s, &f);
    assert_true(has(s, &f, "Strait of Hormuz", LEDE_ENT_LOC, 0));
    assert_true(has(s, &f, "Gulf of Mexico", LEDE_ENT_LOC, 1));
    assert_true(has(s, &f, "Korean Peninsula", LEDE_ENT_LOC, 2));
    assert_true(has(s, &f, "Bank of England", LEDE_ENT_ORG, 3));
}

/* A name ending in a word only organisations end in is an organisation. */
static void test_extract_organisation_words_make_organisations(void **state) {
    (void)state;
    const char *s = "The World Health Organization sent doctors to the camps.\n"
                    "Lawyers for the Harbour Pilots Association filed the appeal.";
    found f;
    extract_checked(s, &f);
    assert_true(has(s, &f, "World Health Organization", LEDE_ENT_ORG, 0));
    assert_true(has(s, &f, "Harbour Pilots Association", LEDE_ENT_ORG, 1));
}

static void test_extract_empty_and_blank_give_nothing(void **state) {
    (void)state;
    const char *inputs[] = {"", " ", "\n\n\t  \n", "...", "  ,  ;  "};
    for (size_t k = 0; k < sizeof inputs / sizeof inputs[0]; k++) {
        found f;
        extract_all(inputs[k], strlen(inputs[k]), LEDE_NER_SCHEME_CONLL, &f);
        assert_int_equal(f.n, 0);
    }
    found f;
    extract_all(NULL, 0, LEDE_NER_SCHEME_CONLL, &f); /* no text at all */
    assert_int_equal(f.n, 0);
}

static void test_extract_invalid_utf8_keeps_offsets(void **state) {
    (void)state;
    const char s[] = "\xFF\xFE Officials in \xC3 Madrid met \xE2\x80 Carlos Ruiz \x80\x80 today.\n"
                     "Berlin \xF8\x88\x80\x80\x80 said nothing.";
    found f;
    extract_all(s, sizeof s - 1, LEDE_NER_SCHEME_CONLL, &f);
    check_contract(s, sizeof s - 1, &f);
    assert_true(has(s, &f, "Madrid", LEDE_ENT_LOC, -1));
    for (size_t k = 0; k < f.n; k++) /* no name holds a character that was not UTF-8 */
        for (size_t i = f.e[k].span.byte_start; i < f.e[k].span.byte_end; i++)
            assert_true((unsigned char)s[i] < 0x80); /* (the names here are ASCII) */
    /* NUL bytes are text too */
    const char z[] = "Rain fell on Oslo\0 and on Bergen.";
    extract_all(z, sizeof z - 1, LEDE_NER_SCHEME_CONLL, &f);
    check_contract(z, sizeof z - 1, &f);
}

/* A long text of n words in one sentence (no sentence break anywhere). */
static char *long_sentence(size_t words, size_t *len) {
    static const char *const w[] = {"the",   "council", "of", "Lisbon", "and",  "Maria",
                                    "Costa", "said",    ",",  "with",   "Acme", "Holdings"};
    size_t cap = words * 12 + 1, n = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    for (size_t i = 0; i < words; i++)
        n += (size_t)snprintf(s + n, cap - n, "%s ", w[(i * 7) % 12]);
    *len = n;
    return s;
}

/* Every token of a block is the one lede_ner_token_prepare gives (the
   block copies repeated words from its memo), with its line flag, over
   texts read one after another with one lexicon and then another. */
static void block_tokens_match(lede_ner_block *b, const char *s, const lede_ner_lexicon *lex) {
    lede_norm_buf nb;
    memset(&nb, 0, sizeof nb);
    size_t total = 0;
    while (lede_ner_block_next(b) == LEDE_OK) {
        for (size_t i = 0; i < b->ntok; i++) {
            lede_ner_token want;
            assert_int_equal(lede_ner_token_prepare(&want, s, &b->raw[i], &nb, lex), LEDE_OK);
            const lede_ner_token *got = &b->tok[i];
            /* what the window sets is not the token's own */
            uint32_t own = LEDE_NER_TF_OWN | LEDE_NER_TF_Q_OPEN | LEDE_NER_TF_Q_CLOSE |
                           LEDE_NER_TF_B_OPEN | LEDE_NER_TF_B_CLOSE | LEDE_NER_TF_INVALID;
            assert_int_equal(got->flags & own, want.flags & own);
            assert_int_equal(got->span.byte_start, want.span.byte_start);
            assert_int_equal(got->span.cp_end, want.span.cp_end);
            assert_int_equal(got->kind, want.kind);
            assert_true(got->raw == want.raw && got->norm == want.norm);
            assert_true(got->shape == want.shape && got->shape_short == want.shape_short);
            assert_memory_equal(got->prefix, want.prefix, sizeof want.prefix);
            assert_memory_equal(got->suffix, want.suffix, sizeof want.suffix);
            assert_int_equal(got->classes, want.classes);
            assert_int_equal(got->norm_len, want.norm_len);
            if (want.norm_len <= LEDE_NER_NORM_TEXT)
                assert_memory_equal(got->norm_text, want.norm_text, want.norm_len);
        }
        total += b->ntok;
    }
    assert_true(total > 0);
    lede_norm_buf_free(&nb);
}

static void test_extract_block_memo_gives_prepared_tokens(void **state) {
    (void)state;
    const char *a = "Paris\nParis said Paris. PARIS, paris and Paris-based\n\nParis.\n"
                    "The the THE the. \xc3\x89lys\xc3\xa9" "e \xc3\x89lys\xc3\xa9" "e! "
                    "\xff\xfe \xff\xfe https://x.org https://x.org 42 42 42.";
    const char *c = "Berlin and Paris. Paris\nBerlin, BERLIN and Paris.";
    lede_ner_block b;
    lede_ner_block_init(&b, a, strlen(a), &lede_ner_model_onto.lexicon);
    block_tokens_match(&b, a, &lede_ner_model_onto.lexicon);
    lede_ner_block_restart(&b, c, strlen(c), &lede_ner_model_onto.lexicon);
    block_tokens_match(&b, c, &lede_ner_model_onto.lexicon);
    lede_ner_block_restart(&b, a, strlen(a), &lede_ner_model_conll.lexicon);
    block_tokens_match(&b, a, &lede_ner_model_conll.lexicon);
    lede_ner_block_restart(&b, c, strlen(c), NULL);
    block_tokens_match(&b, c, NULL);
    lede_ner_block_free(&b);
}

static void test_extract_block_windows_are_bounded(void **state) {
    (void)state;
    size_t n;
    char *s = long_sentence(20000, &n); /* 20000 tokens: several blocks */
    lede_ner_block b;
    lede_ner_block_init(&b, s, n, &lede_ner_model_onto.lexicon);
    lede_tok_iter it;
    lede_token t;
    lede_tok_init(&it, s, n);
    size_t total = 0, blocks = 0, windows = 0;
    lede_rc rc;
    while ((rc = lede_ner_block_next(&b)) == LEDE_OK) {
        blocks++;
        assert_true(b.ntok <= LEDE_NER_BLOCK_TOKENS + 2 * LEDE_NER_WINDOW_MAX);
        size_t next = 0;
        for (size_t k = 0; k < b.nwin; k++) {
            const lede_ner_win *w = &b.win[k];
            assert_int_equal(w->first, next); /* windows tile the block */
            assert_true(w->n >= 1 && w->n <= LEDE_NER_WINDOW_MAX);
            assert_int_equal(w->sentence, 0);
            assert_int_equal((w->flags & LEDE_NER_WF_CONT) != 0, windows > 0);
            next += w->n;
            windows++;
        }
        for (size_t i = 0; i < next; i++) { /* the tokenizer's tokens, in order */
            assert_true(lede_tok_next(&it, &t));
            assert_int_equal(b.tok[i].span.byte_start, t.span.byte_start);
            assert_int_equal(b.raw[i].span.byte_end, t.span.byte_end);
        }
        total += next;
    }
    assert_int_equal(rc, LEDE_DONE);
    assert_false(lede_tok_next(&it, &t)); /* every token was placed */
    assert_int_equal(total, 20000);
    assert_true(blocks >= 2);
    assert_true(windows >= 20000 / LEDE_NER_WINDOW_MAX);
    lede_ner_block_free(&b);

    found f;
    extract_all(s, n, LEDE_NER_SCHEME_CONLL, &f);
    check_contract(s, n, &f);
    assert_true(f.n > 0);
    free(s);
}

static void test_extract_many_sentences_keep_their_numbers(void **state) {
    (void)state;
    /* 3000 short sentences: more tokens than one block holds */
    size_t cap = 3000 * 40, n = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    for (int i = 0; i < 3000; i++)
        n += (size_t)snprintf(s + n, cap - n, "%s met officials in %s.\n",
                              i % 2 ? "Maria Lopez" : "Tom Baker", i % 3 ? "Madrid" : "Oslo");
    lede_ner_extractor x;
    lede_ner_extract_init(&x, &lede_ner_model_onto, LEDE_NER_SCHEME_ONTONOTES, s, n, "2025-01-07");
    assert_string_equal(x.anchor, "2025-01-07");
    lede_ner_entity e;
    size_t count = 0, last_sentence = 0, last_end = 0;
    lede_sent_iter it;
    lede_span sp = {0, 0, 0, 0};
    size_t seq = (size_t)-1;
    lede_sent_init(&it, s, n);
    while (lede_ner_extract_next(&x, &e) == LEDE_OK) {
        assert_true(e.sentence >= last_sentence);
        assert_true(e.span.byte_start >= last_end);
        while (seq == (size_t)-1 || sp.byte_end <= e.span.byte_start) {
            assert_true(lede_sent_next(&it, &sp));
            seq++;
        }
        assert_int_equal(e.sentence, seq);
        assert_true(sp.byte_start <= e.span.byte_start && e.span.byte_end <= sp.byte_end);
        last_sentence = e.sentence;
        last_end = e.span.byte_end;
        count++;
    }
    lede_ner_extract_free(&x);
    assert_true(count >= 5000); /* two names a sentence, nearly always found */
    free(s);
}

/* One entity as reported, strings copied while they live. */
typedef struct {
    char text[64], label[16], canonical[64], value[48], unit[8], country[3];
} reported;

static size_t extract_reported(const char *s, const char *anchor, reported *out, size_t cap) {
    lede_ner_extractor x;
    lede_ner_entity e;
    size_t k = 0;
    lede_ner_extract_init(&x, &lede_ner_model_onto, LEDE_NER_SCHEME_ONTONOTES, s, strlen(s),
                          anchor);
    while (lede_ner_extract_next(&x, &e) == LEDE_OK) {
        if (k < cap) {
            reported *r = &out[k];
            memset(r, 0, sizeof *r);
            snprintf(r->text, sizeof r->text, "%.*s", (int)(e.span.byte_end - e.span.byte_start),
                     s + e.span.byte_start);
            snprintf(r->label, sizeof r->label, "%s", lede_ent_label_name(e.label));
            snprintf(r->canonical, sizeof r->canonical, "%.*s", (int)e.canonical_len, e.canonical);
            if (e.value)
                snprintf(r->value, sizeof r->value, "%.*s", (int)e.value_len, e.value);
            if (e.unit)
                snprintf(r->unit, sizeof r->unit, "%.*s", (int)e.unit_len, e.unit);
            memcpy(r->country, e.country, sizeof r->country);
        }
        k++;
    }
    lede_ner_extract_free(&x);
    return k < cap ? k : cap;
}

static const reported *find_reported(const reported *r, size_t n, const char *text) {
    for (size_t k = 0; k < n; k++)
        if (strcmp(r[k].text, text) == 0)
            return &r[k];
    return NULL;
}

/* The model's names, the rules' values and the canonical names meet: a
   demonym becomes NORP, an amount swallows the place inside its currency, a
   demonym inside an organisation stays part of it, later short names take
   the full one. */
static void test_extract_merges_rules_and_canonical_names(void **state) {
    (void)state;
    const char *s = "Finance Minister Ilse Varga of Austria said on Monday that the Austrian "
                    "Central Bank would lend US$5 million to Slovenian farmers.\n"
                    "Varga spoke in Vienna, where prices rose 3.5% last year.";
    reported r[64];
    size_t n = extract_reported(s, "2025-03-12", r, 64);
    const reported *e;
    assert_non_null(e = find_reported(r, n, "Ilse Varga"));
    assert_string_equal(e->label, "PERSON");
    assert_non_null(e = find_reported(r, n, "Varga"));
    assert_string_equal(e->canonical, "Ilse Varga");
    assert_non_null(e = find_reported(r, n, "Monday"));
    assert_string_equal(e->label, "DATE");
    assert_string_equal(e->value, "2025-03-10");
    assert_non_null(e = find_reported(r, n, "US$5 million"));
    assert_string_equal(e->label, "MONEY");
    assert_string_equal(e->value, "5000000");
    assert_string_equal(e->unit, "USD");
    assert_null(find_reported(r, n, "US"));
    assert_non_null(e = find_reported(r, n, "Slovenian"));
    assert_string_equal(e->label, "NORP");
    assert_string_equal(e->country, "SI");
    assert_null(find_reported(r, n, "Austrian")); /* inside the bank's name */
    assert_non_null(e = find_reported(r, n, "Vienna"));
    assert_string_equal(e->country, "AT");
    assert_non_null(e = find_reported(r, n, "3.5%"));
    assert_string_equal(e->label, "PERCENT");
    assert_string_equal(e->unit, "%");
    assert_non_null(e = find_reported(r, n, "last year"));
    assert_string_equal(e->value, "2024");
}

/* Under the OntoNotes scheme the model draws the spans; an amount of money
   the rules read and the model missed (a pound sign, a multiplier before a
   full stop) is still reported, with its value. */
static void test_extract_onto_keeps_rule_money(void **state) {
    (void)state;
    const char *s = "Profits at the bakery chain rose to \xC2\xA3" "532m. Revenues were "
                    "\xC2\xA3" "4.3bn, up 5 per cent.";
    reported r[16];
    size_t n = extract_reported(s, NULL, r, 16);
    const reported *e;
    assert_non_null(e = find_reported(r, n, "\xC2\xA3" "532m"));
    assert_string_equal(e->label, "MONEY");
    assert_string_equal(e->value, "532000000");
    assert_string_equal(e->unit, "GBP");
    assert_non_null(e = find_reported(r, n, "\xC2\xA3" "4.3bn"));
    assert_string_equal(e->value, "4300000000");
    assert_non_null(e = find_reported(r, n, "5 per cent"));
    assert_string_equal(e->label, "PERCENT");
}

/* A dollar amount with its multiplier before a full stop keeps the whole
   span, however much of it the model read ("4.3" or "$12" alone); a
   percentage the model read as money is a percentage, and money it read as
   a quantity is money. */
static void test_extract_onto_amount_spans_before_full_stop(void **state) {
    (void)state;
    const char *s = "The ferry operator said its debt stood at $4.3bn. Repairs cost $12m. "
                    "Inflation at the port hit 5.2 per cent. The Estonian ferry line will spend "
                    "120 million euros on two ships.";
    reported r[16];
    size_t n = extract_reported(s, NULL, r, 16);
    const reported *e;
    assert_non_null(e = find_reported(r, n, "$4.3bn"));
    assert_string_equal(e->label, "MONEY");
    assert_string_equal(e->value, "4300000000");
    assert_string_equal(e->unit, "USD");
    assert_non_null(e = find_reported(r, n, "$12m"));
    assert_string_equal(e->label, "MONEY");
    assert_string_equal(e->value, "12000000");
    assert_null(find_reported(r, n, "4.3"));
    assert_null(find_reported(r, n, "$12"));
    assert_non_null(e = find_reported(r, n, "5.2 per cent"));
    assert_string_equal(e->label, "PERCENT");
    assert_string_equal(e->value, "5.2");
    assert_non_null(e = find_reported(r, n, "120 million euros"));
    assert_string_equal(e->label, "MONEY");
    assert_string_equal(e->unit, "EUR");
}

/* An amount the model drew with the name before it ("Google 2.4 billion
   euros") is the amount alone; a word that opens a sentence ("Only 19%")
   stays in it, as OntoNotes draws it. */
static void test_extract_onto_amount_without_name_before(void **state) {
    (void)state;
    const char *s = "The regulator fined Alphabet's Google 2.4 billion euros on Wednesday.";
    reported r[16];
    size_t n = extract_reported(s, NULL, r, 16);
    const reported *e;
    assert_non_null(e = find_reported(r, n, "2.4 billion euros"));
    assert_string_equal(e->label, "MONEY");
    assert_null(find_reported(r, n, "Google 2.4 billion euros"));
}

/* A possessive written as news writes it, joined to its word: the name
   before it is found, and a one-word name leaves the "'s" out. */
static void test_extract_onto_possessives(void **state) {
    (void)state;
    const char *s = "Obama's aide quit on Monday.\n"
                    "Google's engineers left for a rival.\n"
                    "Britain\xE2\x80\x99s economy grew.";
    reported r[16];
    size_t n = extract_reported(s, NULL, r, 16);
    const reported *e;
    assert_non_null(e = find_reported(r, n, "Obama"));
    assert_string_equal(e->label, "PERSON");
    assert_non_null(e = find_reported(r, n, "Google"));
    assert_string_equal(e->label, "ORG");
    assert_null(find_reported(r, n, "Google's"));
    assert_non_null(e = find_reported(r, n, "Britain"));
    assert_string_equal(e->label, "GPE");
}

/* A geographic feature's name is one LOC however the model cut it: the
   feature word read apart from the name after "of", or left out of it. */
static void test_extract_onto_feature_names(void **state) {
    (void)state;
    const char *s = "Pyongyang launched a missile toward the Sea of Japan, state media said.\n"
                    "A storm moving across the Gulf of Mexico closed three ports.";
    reported r[16];
    size_t n = extract_reported(s, NULL, r, 16);
    const reported *e;
    assert_non_null(e = find_reported(r, n, "the Sea of Japan"));
    assert_string_equal(e->label, "LOC");
    assert_non_null(e = find_reported(r, n, "the Gulf of Mexico"));
    assert_string_equal(e->label, "LOC");
    assert_null(find_reported(r, n, "Japan"));
}

/* The classes of defect issue 9 names, on sentences of our own: an
   interjection or "God" opening a sentence is no entity; companies are
   organisations, not people or places; a surname used as an attribute ("the
   Trump administration") is the person. */
static void test_extract_onto_news_defects(void **state) {
    (void)state;
    const char *s = "Well, nobody expected that. God knows what comes next.\n"
                    "Shares of Sony and Nokia rose after both reported profits.\n"
                    "The Trump administration said Biden had been told.";
    reported r[32];
    size_t n = extract_reported(s, NULL, r, 32);
    assert_null(find_reported(r, n, "Well"));
    assert_null(find_reported(r, n, "God"));
    const reported *e;
    assert_non_null(e = find_reported(r, n, "Sony"));
    assert_string_equal(e->label, "ORG");
    assert_non_null(e = find_reported(r, n, "Nokia"));
    assert_string_equal(e->label, "ORG");
    assert_non_null(e = find_reported(r, n, "Trump"));
    assert_string_equal(e->label, "PERSON");
    assert_non_null(e = find_reported(r, n, "Biden"));
    assert_string_equal(e->label, "PERSON");
}

/* Football clubs (teams.h) on passages of our own: names that are only
   clubs are ORG anywhere; a club named after a city or a word is ORG where
   the sentence is about football, and stays what the model reads elsewhere;
   a longer name that holds a club's is left alone. */
static void test_extract_onto_football_clubs(void **state) {
    (void)state;
    const char *s = "Wolverhampton Wanderers manager Gary Dune praised his side after a 2-1 win.\n"
                    "Borussia Dortmund and Atalanta drew in Bergamo.\n"
                    "Southampton beat Sunderland 3-1 on Saturday, and Valencia's striker scored twice.";
    reported r[32];
    size_t n = extract_reported(s, NULL, r, 32);
    const char *const orgs[] = {"Wolverhampton Wanderers", "Borussia Dortmund", "Atalanta",
                                "Southampton", "Sunderland", "Valencia"};
    for (size_t k = 0; k < sizeof orgs / sizeof orgs[0]; k++) {
        const reported *e = find_reported(r, n, orgs[k]);
        assert_non_null(e);
        assert_string_equal(e->label, "ORG");
    }
    assert_null(find_reported(r, n, "Sunderland 3-1"));
    const char *t = "The council of Southampton approved the budget on Monday.\n"
                    "Chelsea Harrow spoke at the Liverpool Street station.";
    n = extract_reported(t, NULL, r, 32);
    const reported *e = find_reported(r, n, "Southampton");
    assert_true(e == NULL || strcmp(e->label, "ORG") != 0);
    assert_null(find_reported(r, n, "Chelsea"));
    e = find_reported(r, n, "Liverpool");
    assert_true(e == NULL || strcmp(e->label, "ORG") != 0);
}

/* Countries joined by hyphens in one token are one GPE each ("Japan-US"
   was an ORG, "Russia-Ukraine" a NORP); a country's own hyphenated name
   and a word whose parts are not all countries stay whole. */
static void test_extract_onto_hyphenated_countries(void **state) {
    (void)state;
    const char *s = "Talks on the Brazil-Argentina border deal resumed.\n"
                    "The India-Pakistan-China summit ended early.\n"
                    "Guinea-Bissau and a Franco-Italian firm signed.";
    reported r[32];
    size_t n = extract_reported(s, NULL, r, 32);
    const char *const gpes[] = {"Brazil", "Argentina", "India", "Pakistan", "China",
                                "Guinea-Bissau"};
    for (size_t k = 0; k < sizeof gpes / sizeof gpes[0]; k++) {
        const reported *e = find_reported(r, n, gpes[k]);
        assert_non_null(e);
        assert_string_equal(e->label, "GPE");
    }
    assert_null(find_reported(r, n, "Brazil-Argentina"));
    assert_null(find_reported(r, n, "Guinea"));
    assert_null(find_reported(r, n, "Italian"));
}

static void test_extract_model_of_another_feature_set_is_refused(void **state) {
    (void)state;
    const char *why = "unset";
    lede_ner_model m = lede_ner_model_onto;
    assert_int_equal(lede_ner_model_check(&m, &why), LEDE_OK);
    assert_null(why);
    m.feature_set_version = LEDE_NER_FEATURE_SET_VERSION + 1;
    assert_int_equal(lede_ner_model_check(&m, &why), LEDE_INVALID);
    assert_non_null(strstr(why, "feature set version"));
    m = lede_ner_model_onto;
    m.magic = 0;
    assert_int_equal(lede_ner_model_check(&m, NULL), LEDE_INVALID);
    m = lede_ner_model_onto;
    m.rows = NULL;
    assert_int_equal(lede_ner_model_check(&m, &why), LEDE_INVALID);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_extract_finds_names_in_their_sentences),
        cmocka_unit_test(test_extract_onto_amount_without_name_before),
        cmocka_unit_test(test_extract_titles_stay_out_of_names),
        cmocka_unit_test(test_extract_geographic_names_are_places),
        cmocka_unit_test(test_extract_organisation_words_make_organisations),
        cmocka_unit_test(test_extract_empty_and_blank_give_nothing),
        cmocka_unit_test(test_extract_invalid_utf8_keeps_offsets),
        cmocka_unit_test(test_extract_block_windows_are_bounded),
        cmocka_unit_test(test_extract_block_memo_gives_prepared_tokens),
        cmocka_unit_test(test_extract_many_sentences_keep_their_numbers),
        cmocka_unit_test(test_extract_merges_rules_and_canonical_names),
        cmocka_unit_test(test_extract_onto_keeps_rule_money),
        cmocka_unit_test(test_extract_onto_possessives),
        cmocka_unit_test(test_extract_onto_feature_names),
        cmocka_unit_test(test_extract_onto_amount_spans_before_full_stop),
        cmocka_unit_test(test_extract_onto_news_defects),
        cmocka_unit_test(test_extract_onto_football_clubs),
        cmocka_unit_test(test_extract_onto_hyphenated_countries),
        cmocka_unit_test(test_extract_model_of_another_feature_set_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
