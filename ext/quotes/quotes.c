/*
 * quotes.c: quotations and reported speech (quotes.h states the rules).
 *
 * A block is a paragraph, or paragraphs joined by a quotation that runs on.
 * For each block: mark the quotation marks and pair them; remember the
 * names and roles it gives; attribute each quotation by the words around
 * it; find reported speech sentence by sentence around cue words; report
 * the short unattributed quotations inside a reported clause as part of
 * it (mixed) and drop the other short ones; then, in text order, resolve
 * each source to a speaker.
 */
#include "quotes.h"

#include "../ner/features.h"
#include "../ner/gazetteer.h"
#include "../text/chars.h"
#include "../text/utf8.h"
#include "cues.h"
#include "learn.h"

#include <stdint.h>
#include <string.h>

#define NONE SIZE_MAX

enum {
    QF_WORD = 1u << 0,   /* a word token */
    QF_CAP = 1u << 1,    /* it starts with an uppercase letter */
    QF_OPEN = 1u << 2,   /* a double mark that opens */
    QF_CLOSE = 1u << 3,  /* a double mark that closes */
    QF_SOPEN = 1u << 4,  /* a single curly mark that opens */
    QF_SCLOSE = 1u << 5, /* a single curly mark that may close */
    QF_PARA = 1u << 6,   /* it starts a paragraph */
    QF_INQ = 1u << 7,    /* inside a quotation (between paired marks) */
    QF_USED = 1u << 8,   /* part of a reported attribution */
    QF_MARK = 1u << 9,   /* a mark of a pair (or a paragraph's opening mark inside one) */
    QF_CUE = 1u << 10,   /* a cue word (cues.h) */
    QF_STRONG = 1u << 11, /* a cue word that is a cue at least LEDE_QUOTES_STRONG_PERCENT of
                             the times it occurs (said, told, argued: not opened, read) */
    QF_ORG = 1u << 12,    /* a capitalised word of org_words ("Post", "Committee") */
    QF_AUX = 1u << 13     /* an auxiliary or modal (learn.h's LEDE_QL_F_AUX) */
};

const char *lede_quote_kind_name(lede_quote_kind kind) {
    switch (kind) {
    case LEDE_QUOTE_DIRECT:
        return "direct";
    case LEDE_QUOTE_INDIRECT:
        return "indirect";
    case LEDE_QUOTE_MIXED:
        return "mixed";
    }
    return "direct";
}

const char *lede_quote_label_name(lede_quote_label label) {
    switch (label) {
    case LEDE_QUOTE_PERSON:
        return "PERSON";
    case LEDE_QUOTE_ORG:
        return "ORG";
    case LEDE_QUOTE_GPE:
        return "GPE";
    case LEDE_QUOTE_NONE:
        break;
    }
    return NULL;
}

/* ---- word lists (lowercase ASCII) ---------------------------------------- */

static const char *const pronouns[] = {"he", "she", "i", "we", "you", "they", "it", "who", NULL};
static const char *const dets[] = {
    "the",   "a",     "an",    "another", "some",  "many",    "several", "most",  "one",
    "two",   "three", "four",  "five",    "his",   "her",     "their",   "its",   "our",
    "my",    "your",  "this",  "these",   "those", "both",    "other",   "all",   "each",
    "few",   "no",    "any",   "such",    NULL};
static const char *const articles[] = {"the", "a", "an", NULL};
static const char *const openers[] = {
    "but",    "and",     "so",   "yet",    "however", "meanwhile", "still",   "now",
    "then",   "also",    "instead", "later", "indeed", "moreover", "thus",   "or",
    "nonetheless", "separately", "earlier", "previously", NULL};
static const char *const preps[] = {
    "in",    "on",      "at",     "during", "after",  "before", "since", "for",   "with",
    "by",    "as",      "last",   "when",   "while",  "if",     "because", "from", "to",
    "under", "over",    "through", "although", "though", "upon", "about", "into", "than",
    "like",  "against", "without", "amid",  "despite", NULL};
static const char *const stops[] = {"that", "which", "where", "when", "while", "because",
                                    "if",   "although", "though", "and", "but", "or",
                                    "so",   "than", "whether", NULL};
static const char *const aux_in[] = {"has", "have", "had", "also", "is", "are", "was", "were",
                                     NULL};
static const char *const objects[] = {"reporters", "journalists", "me",   "us",    "him",
                                      "her",       "them",        "you",  "supporters",
                                      "lawmakers", "voters",      "students", "members",
                                      "listeners", "viewers",     "crowds", "audiences",
                                      NULL};
static const char *const tell_verbs[] = {"told", "tells", "tell", "telling", "asked",
                                         "asks", "assured", "reminded", "warned", "urged",
                                         NULL};
static const char *const participles[] = {"saying", "adding", "noting", "arguing", "claiming",
                                          "warning", "telling", "insisting", "explaining",
                                          "suggesting", "stressing", "calling", "declaring",
                                          "acknowledging", "asserting", "writing", NULL};
static const char *const clause_openers[] = {"that", "to", "whether", "if", "how", "what", "why",
                                              "when", "who", "where", "which", NULL};
static const char *const trail[] = {
    "on",       "in",       "at",       "during",  "this",    "last",     "late",
    "early",    "yesterday", "today",   "monday",  "tuesday", "wednesday", "thursday",
    "friday",   "saturday", "sunday",   "to",      "after",   "before",   "recently",
    "later",    "earlier",  "afterward", "afterwards", "tonight", "again", "when",
    "while",    "via",      "through",  "from",    "with",    "over",     "outside",
    "according", NULL};
static const char *const honorifics[] = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady",
                                         "rev", "prof", "mr.", "mrs.", "ms.", "dr.", "rev.",
                                         "prof.", NULL};
static const char *const titles[] = {
    "acting", "adm.", "admiral", "adviser", "advisor", "ambassador", "analyst", "anchor",
    "assistant", "attorney", "author", "campaign", "candidate", "capt.", "captain", "ceo", "chair",
    "chairman", "chairwoman", "chancellor", "chief", "coach", "col.", "colonel", "commissioner",
    "congressman", "congresswoman", "correspondent", "defence", "defense", "del.", "delegate",
    "democratic", "deputy",
    "detective", "director", "economist", "editor", "education", "energy", "executive", "finance",
    "foreign", "former", "founder", "gen", "gen.", "general", "gop", "gov", "gov.", "governor",
    "health", "host", "house", "inspector", "interior", "judge", "justice", "king", "leader",
    "lieutenant", "lt.", "major", "majority", "manager", "mayor", "minister", "minority",
    "national", "nominee", "of", "officer", "pope", "premier", "president", "presidential", "press",
    "prime", "prince", "princess", "professor", "queen", "rep", "rep.", "representative",
    "republican", "reverend", "secretary", "security", "sen", "sen.", "senator", "senior",
    "sergeant", "sgt.", "sheriff", "speaker", "spokesman", "spokesperson", "spokeswoman", "state",
    "then", "trade", "treasury", "u.s.", "us", "vice", "whip", "white", NULL};
static const char *const person_titles[] = {
    "mr",      "mrs",       "ms",        "dr",          "sir",       "dame",     "lord",
    "lady",    "rev",       "prof",      "mr.",         "mrs.",      "ms.",      "dr.",
    "rev.",    "prof.",     "sen.",      "sen",         "rep.",      "rep",      "gov.",
    "gov",     "gen.",      "gen",       "president",   "secretary", "minister", "senator",
    "governor", "representative", "congressman", "congresswoman", "chancellor", "premier",
    "mayor",   "ambassador", "spokesman", "spokeswoman", "spokesperson", "judge",  "justice",
    "king",    "queen",     "prince",    "princess",    "pope",      "candidate", "nominee",
    "speaker", "commissioner", "sheriff", "professor",  "lt.",       "col.",     "capt.",
    "sgt.",    "adm.",      "director",  "chairman",    "chairwoman", "ceo",     "founder",
    "adviser", "advisor",   "economist", "analyst",     "manager",   "host",     "anchor",
    "editor",  "author",    "correspondent", "leader",  "coach",    "captain",
    "lieutenant", "sergeant", "colonel", "admiral",     "detective", "inspector", "del.",
    "delegate", NULL};
static const char *const roles[] = {
    "activist", "actor", "actress", "administrator", "adviser", "advisor", "aide", "ambassador",
    "analyst", "anchor", "attorney", "author", "bishop", "boss", "brother", "candidate", "ceo",
    "chair", "chairman", "chairperson", "chairwoman", "chancellor", "chief", "coach", "columnist",
    "commander", "commissioner", "congressman", "congresswoman", "correspondent", "daughter",
    "deputy", "diplomat", "director", "doctor", "economist", "editor", "employee", "envoy",
    "executive", "expert", "father", "founder", "friend", "general", "governor", "head",
    "historian", "host", "husband", "imam", "judge", "justice", "king", "lawmaker", "lawyer",
    "leader", "legislator", "manager", "mayor", "minister", "mother", "negotiator", "neighbor",
    "neighbour", "nominee", "officer", "official", "organizer", "owner", "partner", "pastor",
    "physician", "player", "pollster", "premier", "president", "priest", "producer", "professor",
    "prosecutor", "queen", "rabbi", "reporter", "representative", "researcher", "resident",
    "scientist", "secretary", "senator", "sheriff", "singer", "sister", "son", "speaker",
    "spokesman", "spokesperson", "spokeswoman", "star", "strategist", "student", "superintendent",
    "teacher", "treasurer", "veteran", "whip", "widow", "wife", "worker", "writer", NULL};
static const char *const org_words[] = {
    "abc", "administration", "afp", "agency", "airlines", "alliance", "ap", "army", "assembly",
    "association", "authority", "bank", "bbc", "blog", "board", "breitbart", "bureau", "cabinet",
    "campaign", "cbs", "center", "centre", "channel", "cia", "club", "cnn", "co.", "coalition",
    "commission", "committee", "company", "congress", "corp", "corp.", "council", "court", "daily",
    "department", "fbi", "federation", "forum", "foundation", "fox", "fund", "gazette",
    "government", "group", "herald", "house", "inc", "inc.", "institute", "institution", "journal",
    "kcna", "kremlin", "kyodo", "league", "llc", "ltd", "ltd.", "magazine", "media", "ministry",
    "motors", "msnbc", "nations", "nato", "nbc", "network", "news", "npr", "office", "organisation",
    "organization", "pac", "parliament", "party", "pbs", "pentagon", "plc", "police", "politico",
    "poll", "post", "press", "radio", "reuters", "review", "secretariat", "senate", "service",
    "studio", "studios", "survey", "tass", "times", "times-picayune", "today", "tribune", "tv",
    "union", "university", "usa", "watch", "website", "xinhua", "yonhap", NULL};

/* The word lists of more than LEDE_QUOTES_LIST_SORTED words are sorted
   (strcmp order, no repeats) and binary-searched; the shorter ones are
   read in order. */

/* The sign of the word w against the bytes s[0..n) lowercased, in the
   order of strcmp (a word before the longer words it begins). */
/* 1 when s[0..n) is one of the count lowercase words of list, ASCII case
   ignored. In a short list the first letter is compared before the rest:
   most tokens differ from most words there, and the lists are read for
   every token. */
static int in_list_n(const char *s, size_t n, const char *const *list, size_t count) {
    if (n == 0)
        return 0;
    if (count > LEDE_QUOTES_LIST_SORTED)
        return lede_ql_in_sorted(s, n, list, count);
    int c = lede_ascii_lower((unsigned char)s[0]);
    for (size_t i = 0; list[i]; i++)
        if ((unsigned char)list[i][0] == c && lede_ascii_eq_ci(s, n, list[i]))
            return 1;
    return 0;
}

/* in_list_n of a list array (NULL-terminated): its size from the array. */
#define in_list(s, n, list) in_list_n((s), (n), (list), sizeof(list) / sizeof((list)[0]) - 1)

/* ---- tokens of the block ----------------------------------------------- */

static const char *tp(const lede_quotes_iter *it, size_t i) {
    return it->s + it->toks[i].t.span.byte_start;
}

static size_t tl(const lede_quotes_iter *it, size_t i) {
    return it->toks[i].t.span.byte_end - it->toks[i].t.span.byte_start;
}

static int tis(const lede_quotes_iter *it, size_t i, const char *w) {
    return i < it->ntoks && lede_ascii_eq_ci(tp(it, i), tl(it, i), w);
}

static int tin_n(const lede_quotes_iter *it, size_t i, const char *const *list, size_t count) {
    return i < it->ntoks && in_list_n(tp(it, i), tl(it, i), list, count);
}

#define tin(it, i, list) tin_n((it), (i), (list), sizeof(list) / sizeof((list)[0]) - 1)

static unsigned tf(const lede_quotes_iter *it, size_t i) {
    return i < it->ntoks ? it->toks[i].flags : 0;
}

/* 1 for a punctuation token that is one character of these. */
static int tpunct(const lede_quotes_iter *it, size_t i, const char *set) {
    if (i >= it->ntoks || it->toks[i].t.kind != LEDE_TOK_PUNCT || tl(it, i) != 1)
        return 0;
    return strchr(set, tp(it, i)[0]) != NULL;
}

/* 1 for a token that ends a sentence or a clause: . ! ? ; */
static int tend(const lede_quotes_iter *it, size_t i) {
    if (i >= it->ntoks || it->toks[i].t.kind != LEDE_TOK_PUNCT)
        return 0;
    char c = tp(it, i)[0];
    return c == '.' || c == '!' || c == '?' || c == ';';
}

/* 1 for a dash: "-", "--", or an en, em or horizontal bar (– — ―). */
static int tdash(const lede_quotes_iter *it, size_t i) {
    if (i >= it->ntoks || it->toks[i].t.kind != LEDE_TOK_PUNCT)
        return 0;
    const char *w = tp(it, i);
    size_t n = tl(it, i);
    if ((n == 1 && w[0] == '-') || (n == 2 && w[0] == '-' && w[1] == '-'))
        return 1;
    return n == 3 && (unsigned char)w[0] == 0xE2 && (unsigned char)w[1] == 0x80 &&
           (unsigned char)w[2] >= 0x93 && (unsigned char)w[2] <= 0x95;
}

static int tmark(const lede_quotes_iter *it, size_t i) {
    return (tf(it, i) & (QF_OPEN | QF_CLOSE | QF_SOPEN | QF_SCLOSE)) != 0;
}

/* The flags of token t read from the text (marks, case, kind), and its
   cue percent (cues.h) in *cuep. */
static unsigned tok_flags(const char *s, const lede_token *t, const lede_token *prev, int *cuep) {
    unsigned f = 0;
    uint32_t cp;
    *cuep = 0;
    if (t->span.byte_end <= t->span.byte_start)
        return 0;
    size_t n = t->span.byte_end - t->span.byte_start;
    *cuep = lede_quotes_cue_percent(s + t->span.byte_start, n);
    lede_utf8_next(s + t->span.byte_start, n, 0, &cp);
    if (t->kind == LEDE_TOK_WORD) {
        f |= QF_WORD;
        if (lede_char_is_upper(cp))
            f |= QF_CAP;
        if (*cuep > 0)
            f |= QF_CUE;
        if (*cuep >= LEDE_QUOTES_STRONG_PERCENT)
            f |= QF_STRONG;
        return f;
    }
    if (t->kind != LEDE_TOK_PUNCT && t->kind != LEDE_TOK_SYMBOL)
        return 0;
    int after_open = 0;
    if (prev && prev->kind == LEDE_TOK_PUNCT && !t->space_before) {
        uint32_t pc;
        lede_utf8_next(s + prev->span.byte_start, prev->span.byte_end - prev->span.byte_start, 0,
                       &pc);
        after_open = pc == '(' || pc == '[' || pc == 0x2014u || pc == 0x2013u || pc == '-';
    }
    int opening_place = t->space_before || !prev || after_open;
    switch (cp) {
    case 0x201Cu: /* “ */
    case 0x201Eu: /* „ */
    case 0x201Fu: /* ‟ */
    case 0x00ABu: /* « */
        return QF_OPEN;
    case 0x201Du: /* ” */
    case 0x00BBu: /* » */
        return QF_CLOSE;
    case '"':
        return opening_place ? QF_OPEN : QF_CLOSE;
    case 0x2018u: /* ‘ */
        return opening_place ? QF_SOPEN : 0;
    case 0x2019u: /* ’ */
        return opening_place ? 0 : QF_SCLOSE;
    case '\'': /* may open only before a word: pair_marks */
        return opening_place ? QF_SOPEN : QF_SCLOSE;
    default:
        return 0;
    }
}

static const char *s_of(const lede_quotes_iter *it, const lede_token *t) {
    return it->s + t->span.byte_start;
}

static lede_rc toks_push(lede_quotes_iter *it, const lede_token *t, unsigned flags, int cuep,
                         size_t sent) {
    if (it->ntoks == it->toks_cap) {
        size_t cap = it->toks_cap ? it->toks_cap * 2 : 256;
        lede_quotes_tok *p = lede_realloc(it->toks, cap * sizeof *p);
        if (!p)
            return LEDE_NOMEM;
        it->toks = p;
        it->toks_cap = cap;
    }
    lede_quotes_tok *q = &it->toks[it->ntoks++];
    q->t = *t;
    q->flags = flags;
    q->cuep = cuep;
    /* word lists asked about often, looked up once */
    if ((flags & QF_CAP) && in_list(s_of(it, t), t->span.byte_end - t->span.byte_start, org_words))
        q->flags |= QF_ORG;
    if (t->kind == LEDE_TOK_WORD &&
        lede_ql_aux_word(s_of(it, t), t->span.byte_end - t->span.byte_start))
        q->flags |= QF_AUX;
    q->sent = sent;
    q->sbeg = q->send = q->pbeg = 0;
    q->wh = lede_ql_word_hash(s_of(it, t), t->span.byte_end - t->span.byte_start);
    q->tc = lede_ql_token_class(it->s, t, flags);
    q->wc = t->kind == LEDE_TOK_WORD
                ? lede_ql_word_classes(s_of(it, t), t->span.byte_end - t->span.byte_start)
                : 0;
    for (int l = 0; l < LEDE_NER_CLASS_LEVELS; l++)
        q->wcl[l] = q->wc ? lede_ner_class_level(q->wc, l) : 0xffffu;
    return LEDE_OK;
}

/* Updates the running quotation state with token i (as pair_marks pairs). */
static void track_open(lede_quotes_iter *it, size_t i) {
    unsigned f = it->toks[i].flags;
    if ((f & QF_PARA) && it->qopen && !(f & QF_OPEN))
        it->qopen = 0;
    if (f & QF_OPEN)
        it->qopen = 1;
    else if ((f & QF_CLOSE) && it->qopen)
        it->qopen = 0;
}

/* 1 when a line break lies in the white space before byte b: a sentence's
   tokens are read from its start, so their newlines_before does not see
   the break that ends the paragraph before. */
static int breaks_before(const char *s, size_t b) {
    for (size_t i = b; i > 0 && b - i < 64; i--) {
        unsigned char c = (unsigned char)s[i - 1];
        if (c == '\n')
            return 1;
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v')
            return 0;
    }
    return 0;
}

/* Appends the tokens of the sentence being read (its seq is it->nsent - 1)
   from it->sent_ti, up to LEDE_QUOTES_BLOCK_TOKENS in the block: a longer
   sentence goes on in the next block (it->in_sent stays set). */
static lede_rc add_tokens(lede_quotes_iter *it) {
    lede_token t;
    size_t first = it->ntoks;
    while (it->ntoks < LEDE_QUOTES_BLOCK_TOKENS) {
        if (!lede_tok_next(&it->sent_ti, &t)) {
            it->in_sent = 0;
            return LEDE_OK;
        }
        const lede_token *prev = it->ntoks > first ? &it->toks[it->ntoks - 1].t : NULL;
        /* two straight single marks (or backquotes) side by side are a double one: ''...'' */
        if (prev && !t.space_before && t.span.byte_start == prev->span.byte_end &&
            t.span.byte_end == t.span.byte_start + 1 &&
            prev->span.byte_end == prev->span.byte_start + 1 &&
            ((it->s[t.span.byte_start] == '\'' && it->s[prev->span.byte_start] == '\'') ||
             (it->s[t.span.byte_start] == '`' && it->s[prev->span.byte_start] == '`'))) {
            lede_quotes_tok *q = &it->toks[it->ntoks - 1];
            const lede_token *pp = it->ntoks - 1 > first ? &it->toks[it->ntoks - 2].t : NULL;
            int opening = q->t.space_before || !pp || it->s[t.span.byte_start] == '`';
            q->t.span.byte_end = t.span.byte_end;
            q->t.span.cp_end = t.span.cp_end;
            q->flags = (q->flags & QF_PARA) | (opening ? QF_OPEN : QF_CLOSE);
            q->wh = lede_ql_word_hash(s_of(it, &q->t), q->t.span.byte_end - q->t.span.byte_start);
            q->tc = lede_ql_token_class(it->s, &q->t, q->flags);
            q->cuep =
                lede_quotes_cue_percent(s_of(it, &q->t), q->t.span.byte_end - q->t.span.byte_start);
            it->qopen = 0;
            for (size_t k = 0; k < it->ntoks; k++) /* replay the running state */
                track_open(it, k);
            continue;
        }
        int cuep;
        unsigned f = tok_flags(it->s, &t, prev, &cuep);
        if (it->ntoks == first && !it->in_sent_cont &&
            (t.newlines_before > 0 || breaks_before(it->s, t.span.byte_start) || it->nsent == 1))
            f |= QF_PARA;
        lede_rc rc = toks_push(it, &t, f, cuep, it->nsent - 1);
        if (rc != LEDE_OK)
            return rc;
        track_open(it, it->ntoks - 1);
    }
    return LEDE_OK;
}

/* The first token of sentence sp: its line breaks before and whether it is
   an opening double mark. Returns 0 for an empty sentence. */
static int first_token(const lede_quotes_iter *it, const lede_span *sp, lede_token *t,
                       unsigned *flags) {
    lede_tok_iter ti;
    lede_tok_init_at(&ti, it->s, sp->byte_end, sp->byte_start, sp->cp_start);
    if (!lede_tok_next(&ti, t))
        return 0;
    int cuep;
    *flags = tok_flags(it->s, t, NULL, &cuep);
    return 1;
}

/* Reads the next block into it->toks; 0 tokens at the end of the text. */
static lede_rc read_block(lede_quotes_iter *it) {
    it->ntoks = 0;
    it->qopen = 0;
    if (it->in_sent) { /* the rest of a sentence cut at the last block's end */
        it->in_sent_cont = 1;
        lede_rc rc = add_tokens(it);
        it->in_sent_cont = 0;
        if (rc != LEDE_OK)
            return rc;
    }
    while (!it->in_sent) {
        lede_span sp;
        if (it->have_next) {
            sp = it->next_span;
            it->have_next = 0;
        } else if (!lede_sent_next(&it->sents, &sp)) {
            break;
        }
        if (it->ntoks > 0) {
            lede_token t;
            unsigned f = 0;
            int has = first_token(it, &sp, &t, &f);
            int para = has && (t.newlines_before > 0 || breaks_before(it->s, t.span.byte_start));
            /* a quotation goes on, or opens after a paragraph that ends in
               a colon ("He said:", "The Times reports:") */
            int joined = (f & QF_OPEN) &&
                         (it->qopen || tpunct(it, it->ntoks - 1, ":"));
            if ((para && !joined) || it->ntoks >= LEDE_QUOTES_BLOCK_TOKENS / 2) {
                it->next_span = sp;
                it->have_next = 1;
                break;
            }
        }
        lede_tok_init_at(&it->sent_ti, it->s, sp.byte_end, sp.byte_start, sp.cp_start);
        it->in_sent = 1;
        it->nsent++;
        lede_rc rc = add_tokens(it);
        if (rc != LEDE_OK)
            return rc;
    }
    /* sentence and paragraph ranges */
    size_t sb = 0, pb = 0;
    for (size_t i = 0; i < it->ntoks; i++) {
        if (i > 0 && it->toks[i].sent != it->toks[i - 1].sent)
            sb = i;
        if (it->toks[i].flags & QF_PARA)
            pb = i;
        it->toks[i].sbeg = sb;
        it->toks[i].pbeg = pb;
    }
    size_t se = it->ntoks;
    for (size_t i = it->ntoks; i-- > 0;) {
        it->toks[i].send = se;
        if (i == it->toks[i].sbeg)
            se = i;
    }
    return LEDE_OK;
}

/* ---- quotation marks --------------------------------------------------- */

static lede_rc pairs_push(lede_quotes_iter *it, size_t o, size_t c, int closed) {
    if (c <= o + 1)
        return LEDE_OK; /* nothing inside */
    if (it->npairs == it->pairs_cap) {
        size_t cap = it->pairs_cap ? it->pairs_cap * 2 : 16;
        lede_quotes_pair *p = lede_realloc(it->pairs, cap * sizeof *p);
        if (!p)
            return LEDE_NOMEM;
        it->pairs = p;
        it->pairs_cap = cap;
    }
    lede_quotes_pair *p = &it->pairs[it->npairs++];
    p->o = o;
    p->c = c;
    p->closed = closed;
    p->taken = 0;
    it->toks[o].flags |= QF_MARK;
    if (closed)
        it->toks[c].flags |= QF_MARK;
    for (size_t i = o + 1; i < c; i++)
        it->toks[i].flags |= QF_INQ;
    return LEDE_OK;
}

/* Pairs the double marks of the block, then the single curly ones outside
   them. */
static lede_rc pair_marks(lede_quotes_iter *it) {
    it->npairs = 0;
    size_t open = NONE;
    for (size_t i = 0; i < it->ntoks; i++) {
        unsigned f = it->toks[i].flags;
        if ((f & QF_PARA) && open != NONE) {
            if (f & QF_OPEN) { /* a paragraph of a running quotation */
                it->toks[i].flags |= QF_MARK;
                continue;
            }
            lede_rc rc = pairs_push(it, open, i, 0);
            if (rc != LEDE_OK)
                return rc;
            open = NONE;
        }
        if ((f & QF_OPEN) && open == NONE) {
            open = i;
        } else if ((f & QF_CLOSE) && open != NONE) {
            lede_rc rc = pairs_push(it, open, i, 1);
            if (rc != LEDE_OK)
                return rc;
            open = NONE;
        }
    }
    if (open != NONE) {
        lede_rc rc = pairs_push(it, open, it->ntoks, 0);
        if (rc != LEDE_OK)
            return rc;
    }
    /* single curly marks, outside double quotations, within a paragraph */
    size_t sopen = NONE;
    for (size_t i = 0; i < it->ntoks; i++) {
        unsigned f = it->toks[i].flags;
        if ((f & QF_SOPEN) && tp(it, i)[0] == '\'' &&
            !(i + 1 < it->ntoks && (tf(it, i + 1) & QF_WORD) && !it->toks[i + 1].t.space_before))
            f &= ~QF_SOPEN; /* a straight mark opens right before a word: not "'90s", "' " */
        if ((f & QF_INQ) || (f & QF_MARK) || (f & QF_PARA))
            sopen = (f & QF_SOPEN) && !(f & QF_INQ) ? i : NONE;
        else if (f & QF_SOPEN)
            sopen = i;
        else if ((f & QF_SCLOSE) && sopen != NONE) {
            /* "the workers’ union": a mark after a plural s followed by a
               word is an apostrophe */
            if (i + 1 < it->ntoks && (tf(it, i + 1) & QF_WORD) && !it->toks[i + 1].t.space_before)
                continue;
            if (i + 1 < it->ntoks && (tf(it, i + 1) & QF_WORD) && i > 0 &&
                tl(it, i - 1) > 1 && tp(it, i - 1)[tl(it, i - 1) - 1] == 's' &&
                !(tf(it, i + 1) & QF_CAP))
                continue;
            lede_rc rc = pairs_push(it, sopen, i, 1);
            if (rc != LEDE_OK)
                return rc;
            sopen = NONE;
        }
    }
    return LEDE_OK;
}

/* ---- noun phrases ------------------------------------------------------ */

/* Words in tokens [a, b). */
static size_t count_words(const lede_quotes_iter *it, size_t a, size_t b) {
    size_t n = 0;
    for (size_t i = a; i < b && i < it->ntoks; i++)
        n += (tf(it, i) & (QF_WORD)) || it->toks[i].t.kind == LEDE_TOK_NUMBER;
    return n;
}

/* 1 when token i may be part of a name run. */
static int name_part(const lede_quotes_iter *it, size_t i) {
    unsigned f = tf(it, i);
    if (f & QF_CAP)
        return 1;
    return tis(it, i, "of") || tis(it, i, "de") || tis(it, i, "van") || tis(it, i, "von") ||
           tis(it, i, "al") || tis(it, i, "bin") || tis(it, i, "la") || tis(it, i, "der") ||
           tis(it, i, "'s") || tis(it, i, "\xe2\x80\x99s") || tis(it, i, "for") ||
           tis(it, i, "and") || tis(it, i, "&");
}

/* The start of the capitalised run that ends at e (exclusive), or e. */
static size_t cap_run_back(const lede_quotes_iter *it, size_t lo, size_t e) {
    size_t a = e;
    while (a > lo && name_part(it, a - 1) && !(tf(it, a - 1) & (QF_MARK)))
        a--;
    while (a < e && !(tf(it, a) & QF_CAP)) /* a run starts with a capital */
        a++;
    if (a > lo && tis(it, a - 1, "the"))
        a--;
    return a;
}

/* The end of the capitalised run from a, or a. */
static size_t cap_run_fwd(const lede_quotes_iter *it, size_t a, size_t hi) {
    size_t e = a;
    if (e < hi && tis(it, e, "the") && (tf(it, e + 1) & QF_CAP))
        e++;
    while (e < hi && name_part(it, e) && !(tf(it, e) & QF_MARK))
        e++;
    while (e > a && !(tf(it, e - 1) & QF_CAP) && !tis(it, e - 1, "'s") &&
           !tis(it, e - 1, "\xe2\x80\x99s"))
        e--;
    return e;
}

/* A noun phrase that ends right before e, within [lo, e): a pronoun, a
   name, or a determiner with up to seven words, or a short bare plural.
   Returns its start, or NONE. */
static size_t np_tight(const lede_quotes_iter *it, size_t lo, size_t e) {
    if (e <= lo)
        return NONE;
    size_t t = e - 1;
    if (tin(it, t, pronouns))
        return t;
    if (tf(it, t) & QF_CAP) {
        size_t a = cap_run_back(it, lo, e);
        if (a < e && !(a == it->toks[a].sbeg && tin(it, a, openers) && a + 1 == e))
            return tin(it, a, openers) || tin(it, a, preps) ? (a + 1 < e ? a + 1 : NONE) : a;
        return NONE;
    }
    if (!(tf(it, t) & QF_WORD) || tin(it, t, stops) || tin(it, t, preps) || (tf(it, t) & QF_CUE))
        return NONE;
    size_t a = t;
    for (size_t k = 0; k < 8 && a > lo; k++) {
        size_t p = a - 1;
        if (tin(it, p, dets))
            return p;
        if (tis(it, p, "'s") || tis(it, p, "\xe2\x80\x99s")) {
            size_t r = cap_run_back(it, lo, p);
            return r < p ? r : NONE;
        }
        if (it->toks[p].t.kind == LEDE_TOK_NUMBER) /* "47 percent", "three in 10" */
            return p;
        if (!(tf(it, p) & QF_WORD) || tin(it, p, stops) || (tf(it, p) & QF_CUE))
            break;
        if (tin(it, p, preps) && !tis(it, p, "for") && !tis(it, p, "of"))
            break;
        if (tf(it, p) & QF_CAP) { /* "Trump campaign officials" */
            size_t r = cap_run_back(it, lo, a);
            if (r < a && !tin(it, r, openers))
                return r;
            break;
        }
        a = p;
    }
    /* a bare plural: "sources", "senior officials" */
    size_t tn = tl(it, t);
    if (tn > 3 && tp(it, t)[tn - 1] == 's' && count_words(it, a, e) <= 3)
        return a;
    return NONE;
}

/* The source before a cue that starts at e: the clause from its start (a
   sentence start, a comma, a colon, a conjunction) to e, or an apposition
   "Name, description," with its commas, else np_tight. NONE when none. */
static size_t np_before(const lede_quotes_iter *it, size_t e) {
    if (e == 0)
        return NONE;
    size_t lo = it->toks[e - 1].sbeg;
    if (e - 1 < lo)
        return NONE;
    if (tpunct(it, e - 1, ")")) { /* "Sen. Bernie Sanders (I-Vt.) said" */
        size_t k = e - 1;
        while (k > lo && e - k < 10 && !tpunct(it, k - 1, "("))
            k--;
        if (k > lo + 1 && tpunct(it, k - 1, "(")) {
            size_t a = np_tight(it, lo, k - 1);
            if (a != NONE && (tf(it, a) & QF_CAP))
                return a;
        }
        return NONE;
    }
    if (tpunct(it, e - 1, ",")) { /* "Name, the minister, said" */
        size_t k = e - 1;
        size_t stop = k > lo + 20 ? k - 20 : lo;
        while (k > stop && !tpunct(it, k - 1, ",;:") && !tmark(it, k - 1) && !tend(it, k - 1))
            k--;
        if (k > lo && tpunct(it, k - 1, ",")) {
            size_t a = np_tight(it, lo, k - 1);
            /* "Name, the minister, said"; "a resident, who ..., said" */
            if (a != NONE && ((tf(it, a) & QF_CAP) || (tis(it, k, "who") && tin(it, a, dets))) &&
                !tin(it, a, pronouns))
                return a;
        }
        return NONE;
    }
    size_t a = e;
    while (a > lo && !tpunct(it, a - 1, ",;:()") && !tmark(it, a - 1) && !tend(it, a - 1) &&
           !tin(it, a - 1, stops) && !tdash(it, a - 1))
        a--;
    while (a < e && tin(it, a, openers))
        a++;
    if (a >= e)
        return NONE;
    int clause_ok = e - a <= 10 && !tin(it, a, preps) && count_words(it, a, e) >= 1;
    for (size_t i = a; clause_ok && i < e; i++)
        if ((tf(it, i) & QF_CUE) || (tf(it, i) & QF_INQ))
            clause_ok = 0;
    if (clause_ok && (tin(it, a, dets) || (tf(it, a) & QF_CAP) || tin(it, a, pronouns)) &&
        !(tin(it, e - 1, preps)))
        return a;
    return np_tight(it, lo, e);
}

/* 1 when word i ends in -ing: a participle ("adding", "referring to"). */
static int ing_word(const lede_quotes_iter *it, size_t i) {
    size_t n = tl(it, i);
    return (tf(it, i) & QF_WORD) && n > 4 && lede_ascii_eq_ci(tp(it, i) + n - 3, 3, "ing");
}

/* Words after the comma that follows a source that start no apposition
   ("said X, adding", "said X, which", "said X, in a statement"). */
static const char *const appos_not[] = {"whose", "which", "and",   "but",   "or",
                                        "in",    "on",    "at",    "as",    "when",  "while",
                                        "after", "before", "during", "to",  "for",   "with",
                                        "according", "though", "although", "because", "since",
                                        "if",    "so",    "than",  "that",  "by",
                                        "from",  "over",  "about", "not",   "also",  "just",
                                        NULL};

/* 1 when the relative clause from token j ("who") is an attribution of
   its own: its verb, past auxiliaries and adverbs, is a cue word at least
   40% of the times it occurs ("X, who acknowledged that ...", "who also
   noted"). PolNeAR then ends the source before the comma and takes "who"
   as the clause's own source (all 28 such sources after a cue in train);
   "X, who served in ..." stays in the source (89 of 119). */
static int who_cue(const lede_quotes_iter *it, size_t j, size_t hi) {
    static const char *const skip[] = {"also", "has", "have", "had", "was", "is", "were",
                                       "not", "later", "then", "once", "been", NULL};
    for (size_t i = j + 1; i < hi && i < j + 5; i++) {
        if (!(tf(it, i) & QF_WORD))
            return 0;
        size_t n = tl(it, i);
        if (tin(it, i, skip) || (n > 4 && lede_ascii_eq_ci(tp(it, i) + n - 2, 2, "ly")))
            continue;
        return lede_quotes_cue_percent(tp(it, i), n) >= 40;
    }
    return 0;
}

/* The end of a source after its cue whose name ends at e, with what
   describes it, as PolNeAR's sources have it: '"...," said X, a senior
   adviser to Y who is now a fellow at Z.', 'said X (D-Va.)', 'said X of the
   Tax Policy Center', 'said X, 56, a retiree'. The description runs to the
   end of the sentence, a quotation mark, or a comma before a participle or
   a clause ("..., adding that"). */
static size_t appos_end(const lede_quotes_iter *it, size_t e, size_t hi, int name) {
    size_t k = e;
    if (k < hi && tpunct(it, k, "(")) { /* "(D-Va.)" */
        size_t m = k + 1;
        while (m < hi && m - k < 10 && !tpunct(it, m, ")") && !tmark(it, m))
            m++;
        if (m < hi && tpunct(it, m, ")"))
            k = m + 1;
    }
    int go = 0;
    if (k + 1 < hi && tpunct(it, k, ",")) {
        size_t j = k + 1;
        go = (tin(it, j, dets) || it->toks[j].t.kind == LEDE_TOK_NUMBER ||
              ((tf(it, j) & QF_WORD) && !ing_word(it, j))) &&
             !tin(it, j, appos_not) && (tis(it, j, "who") || !tin(it, j, pronouns)) &&
             !(tf(it, j) & QF_CUE) && !(tis(it, j, "who") && who_cue(it, j, hi));
    } else if (k + 1 < hi && (tis(it, k, "of") || (!name && tin(it, k, preps))) &&
               (tin(it, k + 1, dets) || (tf(it, k + 1) & QF_WORD))) {
        go = 1; /* "X of the Tax Policy Center", "a longtime adviser to Trump" */
    }
    if (!go)
        return k;
    size_t m = k + 1;
    while (m < hi && m - k < 40 && !tend(it, m) && !tmark(it, m) && !(tf(it, m) & QF_INQ)) {
        if (tpunct(it, m, ",;:") && m + 1 < hi &&
            (ing_word(it, m + 1) || tin(it, m + 1, appos_not) || tmark(it, m + 1)) &&
            !tis(it, m + 1, "who"))
            break;
        if (tpunct(it, m, ",") && m + 1 < hi && tis(it, m + 1, "who") && who_cue(it, m + 1, hi))
            break;
        m++;
    }
    while (m > k + 1 && tpunct(it, m - 1, ",;:"))
        m--;
    return m;
}

/* The source after a cue, from a: a pronoun, a name with an apposition
   ("X, the minister"), or a determiner phrase. Returns its end, or NONE. */
static size_t np_after(const lede_quotes_iter *it, size_t a, int appos) {
    size_t hi = a < it->ntoks ? it->toks[a].send : a;
    if (a >= hi)
        return NONE;
    if (tin(it, a, pronouns))
        return a + 1;
    size_t e = NONE;
    if (tf(it, a) & QF_CAP || (tis(it, a, "the") && (tf(it, a + 1) & QF_CAP))) {
        e = cap_run_fwd(it, a, hi);
        if (e <= a)
            return NONE;
        /* "Clinton campaign manager Robby Mook", "the Florida senator" */
        size_t k = e;
        while (k < hi && k - e < 3 && (tf(it, k) & QF_WORD) && !(tf(it, k) & (QF_CAP | QF_CUE)) &&
               !tin(it, k, stops) && !tin(it, k, preps) && !tin(it, k, pronouns) &&
               !tin(it, k, dets) && !ing_word(it, k))
            k++;
        if (k > e && k < hi && (tf(it, k) & QF_CAP) && !(tf(it, k) & QF_MARK)) {
            size_t e2 = cap_run_fwd(it, k, hi);
            if (e2 > k)
                e = e2;
        } else if (k > e && tis(it, a, "the") && (k >= hi || tpunct(it, k, ",") || tend(it, k))) {
            e = k;
        }
    } else if (tin(it, a, dets) || (tf(it, a) & QF_WORD)) {
        e = a;
        while (e < hi && e - a < 8 && ((tf(it, e) & QF_WORD) || tis(it, e, "'s")) &&
               !tin(it, e, stops) && !(tin(it, e, preps) && e > a && !tis(it, e, "for") &&
                                       !tis(it, e, "of")))
            e++;
        if (e == a)
            return NONE;
    } else {
        return NONE;
    }
    if (appos == 2)
        return appos_end(it, e, hi, !tin(it, a, dets) || tis(it, a, "the"));
    /* an apposition: ", the minister," or ", a spokeswoman for the party" */
    if (appos && tpunct(it, e, ",") && e + 1 < hi &&
        (tin(it, e + 1, dets) || tis(it, e + 1, "who"))) {
        size_t k = e + 1;
        while (k < hi && k - e < 14 && !tpunct(it, k, ",;:") && !tend(it, k) && !tmark(it, k))
            k++;
        if (k < hi && (tpunct(it, k, ",") || tend(it, k)))
            e = k;
    }
    return e;
}

/* ---- cues ---------------------------------------------------------------- */

/* 1 when token i is a cue word used as one: not "said" as an adjective
   after "the", not inside a quotation, not already used. */
static int is_cue(const lede_quotes_iter *it, size_t i) {
    unsigned f = tf(it, i);
    if (!(f & QF_CUE) || (f & (QF_INQ | QF_USED)))
        return 0;
    if (i > 0 && (tin(it, i - 1, dets) || tis(it, i - 1, "to")))
        return 0; /* "the said", "to say" */
    if (i + 1 < it->ntoks && tis(it, i + 1, "by")) /* passive "called by" */
        return 0;
    return 1;
}

/* The start of a cue whose word is at c: the auxiliaries and adverbs
   before it ("has said", "also told", "later said"; learn.h). */
static size_t cue_start(const lede_quotes_iter *it, size_t c) {
    lede_ql_view v = {it->s, it->toks, it->ntoks};
    return lede_ql_cue_lead(&v, c);
}

/* Where the words before the cue that starts at a start, skipping the
   adverbs and auxiliaries between a source and its verb beyond the cue's
   own lead ("he later publicly said"; learn.h's lede_ql_lead_word). */
static size_t skip_aux_back(const lede_quotes_iter *it, size_t a) {
    if (a >= it->ntoks)
        return a;
    lede_ql_view v = {it->s, it->toks, it->ntoks};
    size_t lo = it->toks[a].sbeg, h = a;
    while (a > lo && lede_ql_lead_word(&v, a - 1, h))
        a--;
    return a;
}

/* ---- items ---------------------------------------------------------------- */

static lede_quotes_item *item_new(lede_quotes_iter *it) {
    if (it->nitems == it->items_cap) {
        size_t cap = it->items_cap ? it->items_cap * 2 : 16;
        lede_quotes_item *p = lede_realloc(it->items, cap * sizeof *p);
        if (!p)
            return NULL;
        it->items = p;
        it->items_cap = cap;
    }
    lede_quotes_item *x = &it->items[it->nitems++];
    memset(x, 0, sizeof *x);
    x->cs = x->ce = x->ss = x->se = x->us = x->ue = NONE;
    return x;
}

static void mark_used(lede_quotes_iter *it, size_t a, size_t b) {
    if (a == NONE)
        return;
    for (size_t i = a; i < b && i < it->ntoks; i++)
        it->toks[i].flags |= QF_USED;
}

/* ---- direct quotations ----------------------------------------------------- */

static int trails_off(const lede_quotes_iter *it, size_t a);

/* Where the source [a, b) ends less a day at its end: "Priebus later
   Thursday", "Sean Spicer on Thursday evening" (the time is the cue's, as
   PolNeAR has it); a day after a participle stays ("a poll released
   Tuesday"). */
static size_t time_tail(const lede_quotes_iter *it, size_t a, size_t b) {
    static const char *const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                       "saturday", "sunday", NULL};
    static const char *const parts[] = {"morning", "afternoon", "evening", "night", NULL};
    static const char *const lead[] = {"on", "late", "early", "later", "earlier", NULL};
    if (a == NONE || b < a + 2)
        return b;
    size_t t = b;
    if (tin(it, t - 1, parts))
        t--;
    if (t <= a + 1 || !tin(it, t - 1, days))
        return b;
    t--;
    if (t > a + 1 && tin(it, t - 1, lead))
        t--;
    else if (tf(it, t - 1) & QF_CAP)
        return b; /* "voters on Super Tuesday", "Bloody Sunday" */
    size_t n = tl(it, t - 1);
    const char *w = tp(it, t - 1);
    if ((n > 3 && w[n - 1] == 'd' && w[n - 2] == 'e') || (n > 4 && memcmp(w + n - 3, "ing", 3) == 0) ||
        !(tf(it, t - 1) & QF_WORD))
        return b;
    return t;
}

/* 1 when token k, after the quotation p, reads as the verb of its
   attribution though it is no cue word: '"Why not?" Vitter demanded.',
   '"Go home," she yelled, ...': a lowercase word in -ed that ends the
   sentence or its clause, after a quotation that ends in a comma, a
   question or an exclamation mark (a continuation, not a statement). */
static int said_like(const lede_quotes_iter *it, const lede_quotes_pair *p, size_t k) {
    /* in strcmp order (lede_ql_in_sorted): ways of saying, not of reacting
       ("the crowd cheered", "reporters laughed") */
    static const char *const verbs[] = {
        "answered",  "asked",     "begged",    "boasted",  "chided",    "conceded", "countered",
        "cried",     "demanded",  "exclaimed", "gushed",   "hollered", "interjected",
        "joked",     "mumbled",   "mused",     "muttered", "pleaded",   "quipped",  "recalled",
        "replied",   "responded", "retorted",  "scoffed",  "screamed",  "shouted",  "snapped",
        "sneered",   "stammered", "wailed",    "whispered", "wondered", "yelled"};
    if ((tf(it, k) & (QF_WORD | QF_CAP | QF_INQ)) != QF_WORD || p->c == 0 ||
        !tpunct(it, p->c - 1, ",?!") ||
        !lede_ql_in_sorted(tp(it, k), tl(it, k), verbs, sizeof verbs / sizeof verbs[0]))
        return 0;
    return k + 1 >= it->ntoks || tend(it, k + 1) || tpunct(it, k + 1, ",");
}

/* A cue after the quotation that closes at c: '"...," he said', '"...,"
   said X', '"...?" X asked'. Fills the item and returns 1. */
static int attribute_after(lede_quotes_iter *it, const lede_quotes_pair *p, lede_quotes_item *x) {
    size_t j = p->closed ? p->c + 1 : p->c;
    if (!p->closed || j >= it->ntoks || (tf(it, j) & QF_PARA))
        return 0;
    /* '"..." ― Ana Ruiz, 34, a nurse': a dash, then a name that ends the
       paragraph (quotations collected from readers, epigraphs) */
    if (tdash(it, j) && (tf(it, j + 1) & QF_CAP) && !(tf(it, j + 1) & QF_PARA) &&
        !tmark(it, j + 1)) {
        size_t e = j + 1;
        while (e < it->ntoks && !(tf(it, e) & QF_PARA) && !tmark(it, e) && e - j <= 14)
            e++;
        if (e >= it->ntoks || (tf(it, e) & QF_PARA)) {
            while (e > j + 1 && (tend(it, e - 1) || tpunct(it, e - 1, ",")))
                e--;
            size_t r = cap_run_fwd(it, j + 1, e);
            if (r > j + 1) {
                x->ss = j + 1;
                x->se = e;
                x->us = j;
                x->ue = j + 1;
                return 1;
            }
        }
    }
    if (tpunct(it, j, ","))
        j++;
    if (j >= it->ntoks || (tf(it, j) & QF_PARA))
        return 0;
    /* "said X" */
    if ((is_cue(it, j) && (tf(it, j) & QF_STRONG)) ||
        (tin(it, j, aux_in) && is_cue(it, j + 1) && (tf(it, j + 1) & QF_STRONG))) {
        size_t c = tin(it, j, aux_in) ? j + 1 : j;
        size_t e = np_after(it, c + 1, 2);
        if (e == NONE)
            return 0;
        x->us = j;
        x->ue = c + 1;
        x->ss = c + 1;
        x->se = e;
        return 1;
    }
    /* "X said", "X, the minister, said" */
    size_t hi = it->toks[j].send;
    for (size_t k = j; k < hi && k < j + 16; k++) {
        if (tend(it, k) || tmark(it, k) || (tf(it, k) & QF_PARA && k > j))
            break;
        if (k > j && tpunct(it, k, ",") && k + 1 < hi &&
            (tis(it, k + 1, "who") || tis(it, k + 1, "which"))) {
            /* '"...," one resident, who asked not to be named, told X': the
               cue of the relative clause is not the quotation's */
            size_t m = k + 2;
            while (m < hi && m - k < 16 && !tpunct(it, m, ",") && !tend(it, m) && !tmark(it, m))
                m++;
            if (m < hi && tpunct(it, m, ",")) {
                k = m;
                continue;
            }
        }
        if (k + 1 < hi && cue_start(it, k + 1) <= k)
            continue; /* "often" in "X often said" leads the cue */
        if ((tf(it, k) & QF_CAP) && k + 1 < hi && is_cue(it, k + 1) &&
            (tf(it, k + 1) & QF_STRONG))
            continue; /* '"...," Read said': a name, though "read" is a cue word */
        int past = said_like(it, p, k);
        if (is_cue(it, k) || past) {
            size_t cs = cue_start(it, k);
            size_t se = skip_aux_back(it, cs);
            if (se <= j || !(past || (tf(it, k) & QF_STRONG)))
                return 0;
            size_t a = past ? np_tight(it, j, se) : np_before(it, se);
            if (a != j && !(a != NONE && a > j && tin(it, j, openers)))
                return 0;
            /* '"...." The minister added that ...' is a new statement */
            if (p->c > 0 && tend(it, p->c - 1) && !tpunct(it, p->c - 1, "?!") &&
                !trails_off(it, k + 1))
                return 0;
            x->ss = a;
            x->se = time_tail(it, a, se);
            x->us = cs;
            x->ue = k + 1;
            if (tin(it, k, tell_verbs) && k + 1 < hi && !tend(it, k + 1)) {
                /* "told reporters", "told CNN" are no part of the cue */
            }
            return 1;
        }
    }
    return 0;
}

/* A cue before the quotation that opens at o: 'She said: "..."', 'X told
   reporters, "..."', 'X said in a statement: "..."'. */
static int attribute_before(lede_quotes_iter *it, const lede_quotes_pair *p, lede_quotes_item *x) {
    size_t o = p->o;
    /* a quotation that opens a paragraph is attributed by the paragraph
       before only when that one ends in a colon: 'He said:\n\n"..."' */
    if (o == 0 || ((tf(it, o) & QF_PARA) && !tpunct(it, o - 1, ":")))
        return 0;
    size_t j = o;
    int colon = 0;
    if (tpunct(it, j - 1, ",:")) {
        colon = tpunct(it, j - 1, ":");
        j--;
    }
    size_t lo = it->toks[j > 0 ? j - 1 : 0].sbeg;
    if (lo < it->toks[j > 0 ? j - 1 : 0].pbeg)
        lo = it->toks[j > 0 ? j - 1 : 0].pbeg;
    /* the cue itself or "told reporters", "said in a statement" */
    for (size_t k = j; k > lo && j - k < 6; k--) {
        size_t c = k - 1;
        if (tmark(it, c) || tend(it, c) || (tf(it, c) & QF_INQ))
            break;
        if (!is_cue(it, c))
            continue;
        /* a weaker cue word right before the colon is one: "The Times reports:" */
        if (!(tf(it, c) & QF_STRONG) && !(colon && c + 1 == j))
            break;
        if (c + 1 < j && !colon && !tpunct(it, j, ","))
            break; /* 'he said the plan was "a disaster"': a partial quote */
        size_t cs = cue_start(it, c);
        size_t se = skip_aux_back(it, cs);
        /* "..., Spicer said, adding, "..."": the participle's source is the
           subject of the cue before it */
        if (ing_word(it, c) && se >= 2 && tpunct(it, se - 1, ",") && is_cue(it, se - 2) &&
            (tf(it, se - 2) & QF_STRONG)) {
            size_t e = skip_aux_back(it, cue_start(it, se - 2));
            size_t a = e > 0 ? np_tight(it, it->toks[e - 1].sbeg, e) : NONE;
            /* only after a content of its own: "A, Spicer said, adding" */
            if (a != NONE && a > it->toks[a].sbeg && tpunct(it, a - 1, ",")) {
                x->ss = a;
                x->se = e;
                x->us = cs;
                x->ue = c + 1;
                return 1;
            }
        }
        size_t a = np_before(it, se);
        if (a == NONE)
            return 0;
        x->ss = a;
        x->se = time_tail(it, a, se);
        x->us = cs;
        x->ue = c + 1;
        return 1;
    }
    /* "Smith: "..."" at the start of a sentence */
    if (colon && j > lo) {
        size_t a = cap_run_back(it, lo, j);
        if (a < j && a == lo && j - a <= 5) {
            x->ss = a;
            x->se = j;
            x->us = j;
            x->ue = j + 1;
            return 1;
        }
    }
    return 0;
}

/* ---- reported speech ---------------------------------------------------- */

/* The end of the content of a clause that runs to the sentence's end from
   a: the sentence end less its final punctuation. */
static size_t clause_end(const lede_quotes_iter *it, size_t a) {
    size_t e = it->toks[a].send;
    /* a full stop the splitter did not end at: "Cruz. ''I don't ...'' */
    for (size_t i = a; i + 1 < e; i++)
        if (tend(it, i) && !tpunct(it, i, ";") && !(tf(it, i) & QF_INQ) &&
            (tf(it, i + 1) & QF_OPEN) && !(tf(it, i + 1) & QF_INQ)) {
            e = i + 1;
            break;
        }
    while (e > a && (tend(it, e - 1) || tpunct(it, e - 1, ",:")))
        e--;
    return e;
}

/* 1 when the words from a to the end of the sentence only say when or how
   (the cue ends its clause): "on Monday", "in a statement", "." */
static int trails_off(const lede_quotes_iter *it, size_t a) {
    if (a >= it->ntoks) /* the block ends at the cue: nothing follows */
        return 1;
    size_t e = clause_end(it, a);
    if (a >= e)
        return 1;
    if (tpunct(it, a, ","))
        return 0;
    return e - a <= 8 && tin(it, a, trail);
}

/* A quotation of the block inside [a, b) that is not taken becomes part of
   the clause: returns 1 when there was one. */
static int absorb_quotes(lede_quotes_iter *it, size_t a, size_t b) {
    int any = 0;
    for (size_t k = 0; k < it->npairs; k++) {
        lede_quotes_pair *p = &it->pairs[k];
        if (!p->taken && p->o >= a && p->o < b) {
            p->taken = 1;
            any = 1;
        }
    }
    return any;
}

/* Reported speech in the sentence that starts at b: tries each cue. */
static lede_rc reported_in(lede_quotes_iter *it, size_t b) {
    size_t end = it->toks[b].send;
    for (size_t c = b; c < end; c++) {
        if (tf(it, c) & (QF_INQ | QF_USED))
            continue;
        size_t cs, ce, ss, se, us, ue;
        if (tis(it, c, "according") && tis(it, c + 1, "to") && !(tf(it, c + 1) & QF_USED)) {
            us = c;
            ue = c + 2;
            ss = c + 2;
            se = np_after(it, c + 2, 0);
            if (se == NONE)
                continue;
            if (!tpunct(it, se, ",") && (c == b || (c == b + 1 && tin(it, b, openers)))) {
                /* "According to nurses at the clinic, ...": the source runs to the comma */
                size_t k = se;
                while (k < end && k - se < 8 && !tpunct(it, k, ",;:") && !tend(it, k) &&
                       !tmark(it, k) && !(tf(it, k) & QF_CUE))
                    k++;
                if (tpunct(it, k, ","))
                    se = k;
            }
            if (tpunct(it, se, ",") && c == b + 0) {
                cs = se + 1;
                ce = clause_end(it, cs);
            } else if (c > b && tpunct(it, c - 1, ",")) {
                cs = b;
                ce = c - 1;
            } else if (c == b || (c > b && tin(it, c - 1, openers) && c - 1 == b)) {
                if (!tpunct(it, se, ","))
                    continue;
                cs = se + 1;
                ce = clause_end(it, cs);
            } else {
                cs = b;
                ce = c;
            }
        } else if (c == b + 1 && tpunct(it, c, ":") && (tf(it, b) & QF_CAP) &&
                   (tf(it, b) & QF_PARA) && !(tf(it, c) & QF_USED)) {
            /* a headline "Sanders: Endorsements prove ..." */
            ss = b;
            se = c;
            us = c;
            ue = c + 1;
            cs = c + 1;
            ce = clause_end(it, cs);
        } else if (c > b + 1 && tpunct(it, c + 1, ":") && (tf(it, c) & QF_CAP) &&
                   (tf(it, b) & QF_PARA) && cap_run_back(it, b, c + 1) == b && c - b < 4) {
            ss = b;
            se = c + 1;
            us = c + 1;
            ue = c + 2;
            cs = c + 2;
            if (cs >= end)
                continue;
            ce = clause_end(it, cs);
            c++;
        } else if (is_cue(it, c) && tin(it, c, participles) && c > b && tpunct(it, c - 1, ",")) {
            /* "X criticised the plan, saying (that) ...": X is the sentence's subject */
            size_t s0 = b;
            while (s0 < c && tin(it, s0, openers))
                s0++;
            if (tin(it, s0, pronouns))
                se = s0 + 1;
            else if (tf(it, s0) & QF_CAP)
                se = cap_run_fwd(it, s0, c);
            else
                continue;
            if (se <= s0 || se >= c - 1)
                continue;
            ss = s0;
            us = c;
            ue = c + 1;
            cs = c + 1;
            if (cs >= end)
                continue;
            ce = clause_end(it, cs);
        } else if (is_cue(it, c)) {
            us = cue_start(it, c);
            ue = c + 1;
            size_t sx = skip_aux_back(it, us);
            ss = np_before(it, sx);
            /* "its territorial claims": a noun after a possessive, not a verb */
            if (ss != NONE && sx == us && !(tf(it, c) & QF_STRONG) && (tis(it, ss, "its") || tis(it, ss, "his") ||
                                           tis(it, ss, "her") || tis(it, ss, "their") ||
                                           tis(it, ss, "our") || tis(it, ss, "my") ||
                                           tis(it, ss, "your")))
                continue;
            if (ss != NONE && ss >= b && ss > b && tpunct(it, ss - 1, ",") &&
                tpunct(it, c + 1, ",") && ss - 1 > b) {
                /* "..., records show, ...": the clause before */
                se = sx;
                cs = b;
                ce = ss - 1;
            } else if (ss != NONE && ss >= b) {
                se = sx;
                size_t a = c + 1;
                if (tin(it, c, tell_verbs)) {
                    if (tin(it, a, objects))
                        a++;
                    else if (tis(it, a, "the") || (tf(it, a) & QF_CAP)) {
                        size_t r = cap_run_fwd(it, a, end);
                        if (r > a && r - a <= 5)
                            a = r;
                    }
                }
                if (trails_off(it, a)) {
                    /* "..., he said." */
                    if (ss == b || !tpunct(it, ss - 1, ","))
                        continue;
                    cs = b;
                    ce = ss - 1;
                    while (ce > cs && tpunct(it, ce - 1, ","))
                        ce--;
                } else {
                    if (tpunct(it, a, ",:"))
                        a++;
                    cs = a;
                    ce = clause_end(it, a);
                }
            } else if (c > b && tpunct(it, c - 1, ",") && !(tf(it, c - 1) & QF_USED)) {
                /* "..., said X." */
                ss = c + 1;
                se = np_after(it, c + 1, 1);
                if (se == NONE || !trails_off(it, se))
                    continue;
                cs = b;
                ce = c - 1;
            } else {
                continue;
            }
        } else {
            continue;
        }
        if (ce == NONE || cs >= ce || count_words(it, cs, ce) < 2)
            continue;
        /* a weak cue ("opened", "read") reports a clause, not an object */
        int weak = us < end && !(tf(it, ue - 1) & QF_STRONG) && !tis(it, us, "according") &&
                   !tpunct(it, us, ":");
        if (weak && count_words(it, cs, ce) < 4)
            continue;
        /* ... and a clause: "believes that ...", "wants to ...", not "launched a missile" */
        if (weak && cs > c && !tin(it, cs, clause_openers) && !(tf(it, cs) & (QF_OPEN | QF_INQ)))
            continue;
        int quoted = 0;
        for (size_t i = cs; i < ce; i++)
            quoted |= (tf(it, i) & QF_INQ) != 0;
        if (weak && quoted) /* 'has read "War and Peace"': a title, not speech */
            continue;
        int used = 0;
        for (size_t i = cs; i < ce; i++)
            if (tf(it, i) & QF_USED)
                used = 1;
        if (used)
            continue;
        lede_quotes_item *x = item_new(it);
        if (!x)
            return LEDE_NOMEM;
        x->cs = cs;
        x->ce = ce;
        x->ss = ss;
        x->se = se;
        x->us = us;
        x->ue = ue;
        x->q.kind = absorb_quotes(it, cs, ce) ? LEDE_QUOTE_MIXED : LEDE_QUOTE_INDIRECT;
        mark_used(it, cs, ce);
        mark_used(it, ss, se);
        mark_used(it, us, ue);
        return LEDE_OK;
    }
    return LEDE_OK;
}

/* ---- names and speakers ----------------------------------------------------- */

/* Writes the display form of tokens [a, b) to out (size cap): single
   spaces, typographic apostrophes made ', a trailing possessive dropped.
   Returns its length. */
static size_t display(const lede_quotes_iter *it, size_t a, size_t b, char *out, size_t cap) {
    size_t n = 0;
    if (b > a && (tis(it, b - 1, "'s") || tis(it, b - 1, "\xe2\x80\x99s") ||
                  tis(it, b - 1, "'") || tis(it, b - 1, "\xe2\x80\x99")))
        b--;
    for (size_t i = a; i < b; i++) {
        const char *w = tp(it, i);
        size_t wn = tl(it, i);
        if (i > a && it->toks[i].t.space_before) {
            if (n + 1 >= cap)
                break;
            out[n++] = ' ';
        }
        for (size_t k = 0; k < wn; k++) {
            if (k + 2 < wn && (unsigned char)w[k] == 0xE2 && (unsigned char)w[k + 1] == 0x80 &&
                ((unsigned char)w[k + 2] == 0x99 || (unsigned char)w[k + 2] == 0x98)) {
                if (n + 1 >= cap)
                    break;
                out[n++] = '\'';
                k += 2;
                continue;
            }
            if (n + 1 >= cap)
                break;
            out[n++] = w[k];
        }
    }
    /* never end inside a UTF-8 character */
    while (n > 0 && ((unsigned char)out[n - 1] & 0xC0u) == 0x80u) {
        size_t k = n - 1;
        while (k > 0 && ((unsigned char)out[k] & 0xC0u) == 0x80u)
            k--;
        uint32_t cp;
        size_t j = lede_utf8_next(out, n, k, &cp);
        if (j == n && !lede_utf8_ill_formed(out, k, j, cp))
            break;
        n = k;
    }
    out[n] = '\0';
    return n;
}

/* 1 when the word s[0..n) is in the gazetteer with one of types. */
static int gaz_has(const char *s, size_t n, uint32_t types) {
    char key[48];
    if (n == 0 || n >= sizeof key)
        return 0;
    for (size_t i = 0; i < n; i++)
        key[i] = (char)lede_ascii_lower((unsigned char)s[i]);
    lede_gaz_entry e;
    return lede_gaz_lookup(key, n, &e) && (e.types & types) != 0;
}

/* The sex a word gives the person it names: an honorific ("Mr.", "Ms.")
   or a role word ("spokesman", "chairwoman"); 0 for most words. */
enum { QUOTES_MALE = 1, QUOTES_FEMALE = 2 };
static unsigned char sex_of(const char *w, size_t n) {
    while (n > 0 && w[n - 1] == '.')
        n--;
    static const char *const male[] = {"mr", "sir", "lord", "king", "prince", NULL};
    static const char *const female[] = {"mrs", "ms", "miss", "dame", "lady", "queen",
                                         "princess", NULL};
    if (in_list(w, n, male))
        return QUOTES_MALE;
    if (in_list(w, n, female))
        return QUOTES_FEMALE;
    if (n > 5 && lede_ascii_eq_ci(w + n - 5, 5, "woman"))
        return QUOTES_FEMALE;
    if (n > 3 && lede_ascii_eq_ci(w + n - 3, 3, "man") && !lede_ascii_eq_ci(w + n - 5, 2, "er"))
        return QUOTES_MALE; /* spokesman, chairman; not "German" */
    return 0;
}

/* A name run [a, b) made ready: titles before it stripped (the last one
   kept as role), its label guessed. Returns 0 when nothing is left. */
typedef struct {
    size_t a, b;
    lede_quote_label label;
    int weak; /* label only from the gazetteer (places, companies, parties) */
    unsigned char sex; /* what an honorific or role word says (sex_of) */
    char role[LEDE_QUOTES_ROLE_MAX];
} name_run;

static int name_prepare(const lede_quotes_iter *it, size_t a, size_t b, name_run *r) {
    int person = 0, org = 0;
    r->role[0] = '\0';
    r->weak = 0;
    r->sex = 0;
    while (b > a && (tis(it, b - 1, "'s") || tis(it, b - 1, "\xe2\x80\x99s") ||
                     !(tf(it, b - 1) & (QF_WORD))))
        b--;
    if (a < b && tis(it, a, "the")) {
        org = 1;
        a++;
    }
    /* "Senate Majority Leader John Thune": a title right before a given
       name starts a person's name, whatever organisation comes before */
    for (size_t g = b > 3 ? b - 3 : 0; g < b; g++)
        if (g > a + 1 && (tin(it, g - 1, titles) || tin(it, g - 1, honorifics)) &&
            (tf(it, g) & QF_CAP) && gaz_has(tp(it, g), tl(it, g), LEDE_GAZ_GIVEN_NAME)) {
            a = g - 1;
            org = 0;
            break;
        }
    int has_org = 0;
    for (size_t i = a; i < b; i++)
        if ((tf(it, i) & QF_CAP) ? (tf(it, i) & QF_ORG) != 0 : tin(it, i, org_words))
            has_org = 1;
    /* "Japanese Foreign Minister X", "Japan's Foreign Minister X", "U.S. Secretary X" */
    if (!has_org && b - a > 2) {
        size_t k = a;
        for (size_t w = 3; w >= 1 && k == a; w--) { /* "United States", "South Korean" */
            char key[48];
            size_t kn = 0;
            if (a + w >= b)
                continue;
            for (size_t i = a; i < a + w && kn + tl(it, i) + 2 < sizeof key; i++) {
                if (i > a)
                    key[kn++] = ' ';
                for (size_t q = 0; q < tl(it, i); q++)
                    key[kn++] = (char)lede_ascii_lower((unsigned char)tp(it, i)[q]);
            }
            lede_gaz_entry ge;
            if (kn > 0 && lede_gaz_lookup(key, kn, &ge) &&
                (ge.types & (LEDE_GAZ_DEMONYM | LEDE_GAZ_COUNTRY)))
                k = a + w;
        }
        if (k > a && k < b && (tis(it, k, "'s") || tis(it, k, "\xe2\x80\x99s")))
            k++;
        if (k > a && k < b && (tin(it, k, titles) || tin(it, k, honorifics)))
            a = k;
    }
    while (!has_org && a < b && (tin(it, a, titles) || tin(it, a, honorifics)) && b - a > 1) {
        if (tin(it, a, person_titles))
            person = 1;
        if (!r->sex)
            r->sex = sex_of(tp(it, a), tl(it, a));
        if (tin(it, a, roles) && tl(it, a) < LEDE_QUOTES_ROLE_MAX) {
            for (size_t k = 0; k < tl(it, a); k++)
                r->role[k] = (char)lede_ascii_lower((unsigned char)tp(it, a)[k]);
            r->role[tl(it, a)] = '\0';
        }
        a++;
    }
    /* the lowercase role word before the run: "spokeswoman Jen Psaki" */
    if (a > 0 && !r->role[0] && tin(it, a - 1, roles) && !(tf(it, a - 1) & QF_CAP) &&
        tl(it, a - 1) < LEDE_QUOTES_ROLE_MAX) {
        for (size_t k = 0; k < tl(it, a - 1); k++)
            r->role[k] = (char)lede_ascii_lower((unsigned char)tp(it, a - 1)[k]);
        r->role[tl(it, a - 1)] = '\0';
        person = 1;
    }
    if (a >= b || !(tf(it, a) & QF_CAP))
        return 0;
    for (size_t i = a; i < b; i++)
        if ((tf(it, i) & QF_CAP) ? (tf(it, i) & QF_ORG) != 0 : tin(it, i, org_words))
            org = 2;
    char key[LEDE_QUOTES_NAME_MAX];
    size_t kn = 0;
    for (size_t i = a; i < b && kn + tl(it, i) + 2 < sizeof key; i++) {
        if (i > a)
            key[kn++] = ' ';
        for (size_t q = 0; q < tl(it, i); q++)
            key[kn++] = (char)lede_ascii_lower((unsigned char)tp(it, i)[q]);
    }
    lede_gaz_entry ge;
    unsigned types = kn > 0 && lede_gaz_lookup(key, kn, &ge) ? ge.types : 0;
    if (!person && org != 2 && (types & (LEDE_GAZ_COUNTRY | LEDE_GAZ_REGION | LEDE_GAZ_CITY))) {
        r->label = LEDE_QUOTE_GPE;
        r->weak = 1; /* "Warren" after "Elizabeth Warren" is the person */
    }
    else if (org == 2)
        r->label = LEDE_QUOTE_ORG;
    else if (person || gaz_has(tp(it, a), tl(it, a), LEDE_GAZ_GIVEN_NAME))
        r->label = LEDE_QUOTE_PERSON;
    else if (org)
        r->label = LEDE_QUOTE_ORG;
    else if (types & (LEDE_GAZ_COMPANY | LEDE_GAZ_PARTY)) { /* "Siemens said" */
        r->label = LEDE_QUOTE_ORG;
        r->weak = 1; /* "Mills" after "Cheryl Mills" stays a person */
    }
    else if (gaz_has(tp(it, b - 1), tl(it, b - 1), LEDE_GAZ_SURNAME) && b - a <= 3 &&
             (b - a == 1 || gaz_has(tp(it, a), tl(it, a), LEDE_GAZ_GIVEN_NAME | LEDE_GAZ_SURNAME)))
        r->label = LEDE_QUOTE_PERSON;
    else
        r->label = LEDE_QUOTE_NONE;
    if (!r->sex && r->role[0])
        r->sex = sex_of(r->role, strlen(r->role));
    r->a = a;
    r->b = b;
    return 1;
}

/* The last word of a display name. */
static const char *last_word(const char *s, size_t *n) {
    size_t len = strlen(s);
    size_t k = len;
    while (k > 0 && s[k - 1] != ' ')
        k--;
    *n = len - k;
    return s + k;
}

static int words_eq(const char *a, size_t an, const char *b, size_t bn) {
    if (an != bn)
        return 0;
    for (size_t i = 0; i < an; i++)
        if (lede_ascii_lower((unsigned char)a[i]) != lede_ascii_lower((unsigned char)b[i]))
            return 0;
    return 1;
}

static size_t count_spaces(const char *s) {
    size_t n = 0;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

/* The remembered name that the name nm makes fuller ("Blinken" -> "Antony
   Blinken"), seen in a sentence up to sent; NULL when none. */
static const lede_quotes_name *name_find(const lede_quotes_iter *it, const char *nm,
                                         size_t sent) {
    size_t ln, fn;
    const char *l = last_word(nm, &ln);
    const char *f = nm;
    fn = strcspn(nm, " ");
    int single = strchr(nm, ' ') == NULL;
    const lede_quotes_name *best = NULL;
    size_t total = it->nnames < LEDE_QUOTES_NAMES ? it->nnames : LEDE_QUOTES_NAMES;
    int l0 = ln ? lede_ascii_lower((unsigned char)l[0]) : 0;
    for (size_t k = 0; k < total; k++) {
        const lede_quotes_name *m = &it->names[k];
        if (m->last0 != l0 || m->sent > sent + 2)
            continue;
        const char *ml = m->name + m->last_off;
        if (!words_eq(ml, strlen(ml), l, ln))
            continue;
        if (!single && !words_eq(m->name, strcspn(m->name, " "), f, fn))
            continue;
        if (!best || m->words > best->words || (m->words == best->words && m->sent > best->sent))
            best = m;
    }
    return best;
}

/* Remembers a name (or refreshes it). */
static void name_add(lede_quotes_iter *it, const char *nm, lede_quote_label label,
                     const char *role, unsigned char sex, size_t sent) {
    size_t total = it->nnames < LEDE_QUOTES_NAMES ? it->nnames : LEDE_QUOTES_NAMES;
    int c0 = (unsigned char)nm[0];
    for (size_t k = 0; k < total; k++) {
        lede_quotes_name *m = &it->names[k];
        if ((unsigned char)m->name[0] == c0 && strcmp(m->name, nm) == 0) {
            if (sent > m->sent)
                m->sent = sent;
            if (role && role[0])
                strcpy(m->role, role);
            if (m->label == LEDE_QUOTE_NONE)
                m->label = label;
            if (sex)
                m->sex = sex;
            return;
        }
    }
    lede_quotes_name *m = &it->names[it->nnames % LEDE_QUOTES_NAMES];
    it->nnames++;
    strcpy(m->name, nm);
    m->label = label;
    m->sent = sent;
    m->sex = sex;
    strcpy(m->role, role ? role : "");
    size_t ln;
    const char *l = last_word(m->name, &ln);
    m->last_off = (unsigned char)(l - m->name);
    m->last0 = (unsigned char)(ln ? lede_ascii_lower((unsigned char)l[0]) : 0);
    m->words = (unsigned char)(1 + count_spaces(m->name));
}

/* Remembers the names of the block: capitalised runs of two words or more
   that read as names, with the role their title or apposition gives. */
static void remember_names(lede_quotes_iter *it) {
    char buf[LEDE_QUOTES_NAME_MAX];
    for (size_t i = 0; i < it->ntoks;) {
        if (!(tf(it, i) & QF_CAP)) {
            i++;
            continue;
        }
        size_t e = cap_run_fwd(it, i, it->toks[i].send);
        if (e <= i) {
            i++;
            continue;
        }
        /* "Donald Trump and Democrat Hillary Clinton" is two names: the run
           ends at an "and" that a given name follows */
        for (size_t k = i + 2; k + 1 < e; k++)
            if (tis(it, k, "and") &&
                (gaz_has(tp(it, k + 1), tl(it, k + 1), LEDE_GAZ_GIVEN_NAME) ||
                 (k + 2 < e && gaz_has(tp(it, k + 2), tl(it, k + 2), LEDE_GAZ_GIVEN_NAME)))) {
                e = k;
                break;
            }
        size_t a = i;
        while (a < e && (tin(it, a, openers) || tin(it, a, pronouns)))
            a++;
        name_run r;
        int ok = a < e && name_prepare(it, a, e, &r);
        if (ok && r.sex && r.b - r.a == 1) {
            /* "Mr. Scalia", "Ms. Warren": the sex of the name given before */
            display(it, r.a, r.b, buf, sizeof buf);
            const lede_quotes_name *m = name_find(it, buf, it->toks[i].sent);
            if (m)
                it->names[m - it->names].sex = r.sex;
        }
        if (ok && r.label != LEDE_QUOTE_NONE && (r.b - r.a >= 2 || r.label == LEDE_QUOTE_ORG)) {
            /* an apposition: "Jen Psaki, the White House spokeswoman," */
            if (!r.role[0] && tpunct(it, e, ",") && tin(it, e + 1, dets)) {
                size_t k = e + 1;
                while (k < it->toks[i].send && k - e < 10 && !tpunct(it, k, ",;:") &&
                       !tend(it, k) && !tmark(it, k))
                    k++;
                size_t h = k - 1;
                if (h > e + 1 && tin(it, h, roles) && tl(it, h) < LEDE_QUOTES_ROLE_MAX) {
                    for (size_t q = 0; q < tl(it, h); q++)
                        r.role[q] = (char)lede_ascii_lower((unsigned char)tp(it, h)[q]);
                    r.role[tl(it, h)] = '\0';
                    if (!r.sex)
                        r.sex = sex_of(r.role, strlen(r.role));
                }
            }
            display(it, r.a, r.b, buf, sizeof buf);
            if (buf[0])
                name_add(it, buf, r.label, r.role, r.sex, it->toks[i].sent);
        }
        i = e;
    }
}

/* The most recent person name remembered up to sentence sent, not one the
   text gave the sex not_sex (0: any). */
static const lede_quotes_name *last_person(const lede_quotes_iter *it, size_t sent,
                                           unsigned char not_sex) {
    const lede_quotes_name *best = NULL;
    size_t total = it->nnames < LEDE_QUOTES_NAMES ? it->nnames : LEDE_QUOTES_NAMES;
    for (size_t k = 0; k < total; k++) {
        const lede_quotes_name *m = &it->names[k];
        if (m->label == LEDE_QUOTE_PERSON && m->sent <= sent && (!not_sex || m->sex != not_sex) &&
            (!best || m->sent >= best->sent))
            best = m;
    }
    return best;
}

/* The name with role word role, most recent up to sentence sent. */
static const lede_quotes_name *by_role(const lede_quotes_iter *it, const char *role, size_t rn,
                                       size_t sent) {
    const lede_quotes_name *best = NULL;
    size_t total = it->nnames < LEDE_QUOTES_NAMES ? it->nnames : LEDE_QUOTES_NAMES;
    for (size_t k = 0; k < total; k++) {
        const lede_quotes_name *m = &it->names[k];
        if (m->sent <= sent + 1 && words_eq(m->role, strlen(m->role), role, rn) &&
            (!best || m->sent >= best->sent))
            best = m;
    }
    return best;
}

static void set_speaker(lede_quotes_item *x, const char *nm, lede_quote_label label) {
    size_t n = strlen(nm);
    if (n >= sizeof x->speaker)
        n = sizeof x->speaker - 1;
    memcpy(x->speaker, nm, n);
    x->speaker[n] = '\0';
    x->q.label = label == LEDE_QUOTE_NONE ? LEDE_QUOTE_PERSON : label;
}

static const char *const not_names[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "democratic", "republican", "gop", "new", NULL};

/* 1 when token i is a word of two letters or more, all capitals ("BREAKING",
   "PENCE"). */
static int all_caps(const lede_quotes_iter *it, size_t i) {
    const char *w = tp(it, i);
    size_t n = tl(it, i), up = 0;
    for (size_t k = 0; k < n; k++)
        up += w[k] >= 'A' && w[k] <= 'Z';
    return n > 1 && up == n;
}

/* 1 when tokens [a, b) are capitalised words in mixed case with no period
   and no title ("Reince Priebus", not "Sens. Jeff Merkley" nor "SAVE A
   QUARTER"). */
static int plain_name(const lede_quotes_iter *it, size_t a, size_t b) {
    for (size_t i = a; i < b; i++) {
        if (!(tf(it, i) & QF_CAP) || (tf(it, i) & QF_ORG) || tp(it, i)[tl(it, i) - 1] == '.' ||
            tin(it, i, titles) || tin(it, i, honorifics) || all_caps(it, i))
            return 0;
    }
    return 1;
}

/* The speaker named in source tokens [a, end): the last capitalised run that
   reads as a name. Returns 1 when it set one (or decided there is none). */
static int name_in(lede_quotes_iter *it, size_t a, size_t end, lede_quotes_item *x, size_t sent) {
    for (size_t i = end; i > a; i--) {
        if (!(tf(it, i - 1) & QF_CAP))
            continue;
        size_t r0 = cap_run_back(it, a, i);
        int some = 0;
        while (r0 < i && (tin(it, r0, openers) || (tin(it, r0, dets) && !tis(it, r0, "the")))) {
            some |= tin(it, r0, dets);
            r0++;
        }
        if (r0 >= i)
            continue;
        if (some && i - r0 == 1 && tp(it, r0)[tl(it, r0) - 1] == 's')
            return 1; /* "Some Democrats", "Many Republicans": members, no one named */
        if (i - r0 == 1 && (tin(it, r0, not_names) || tin(it, r0, pronouns) ||
                            tin(it, r0, dets) || tin(it, r0, stops) || tin(it, r0, preps) ||
                            tin(it, r0, titles) || tin(it, r0, honorifics) ||
                            gaz_has(tp(it, r0), tl(it, r0), LEDE_GAZ_DEMONYM))) {
            i = r0 + 1;
            continue;
        }
        name_run r;
        char buf[LEDE_QUOTES_NAME_MAX];
        if (name_prepare(it, r0, i, &r)) {
            display(it, r.a, r.b, buf, sizeof buf);
            const lede_quotes_name *m = name_find(it, buf, sent);
            if (m)
                set_speaker(x, m->name,
                            r.label != LEDE_QUOTE_NONE && !r.weak ? r.label : m->label);
            else if (r.label != LEDE_QUOTE_NONE || r.b - r.a >= 2 ||
                     tp(it, r.a)[tl(it, r.a) - 1] != 's') {
                lede_quote_label lb = r.label != LEDE_QUOTE_NONE ? r.label : LEDE_QUOTE_PERSON;
                set_speaker(x, buf, lb);
                /* a speaker of two or three plain words no list knows
                   ("Reince Priebus") is remembered, so that "Priebus" later
                   is that person, unless the text named someone of that
                   surname already ("Rival Hillary Clinton", "Ivanka Trump") */
                if (lb == LEDE_QUOTE_PERSON && r.b - r.a >= 2 && r.b - r.a <= 3 &&
                    plain_name(it, r.a, r.b)) {
                    size_t ln;
                    const char *l = last_word(buf, &ln);
                    char last[LEDE_QUOTES_NAME_MAX];
                    memcpy(last, l, ln);
                    last[ln] = '\0';
                    if (!name_find(it, last, sent))
                        name_add(it, buf, lb, r.role, r.sex, sent);
                }
            }
            /* else one unknown capitalised plural ("Officials"): no speaker */
            return 1;
        }
        return 0;
    }
    return 0;
}

/* Resolves the source [ss, se) of item x to a speaker. */
static void resolve(lede_quotes_iter *it, lede_quotes_item *x) {
    x->speaker[0] = '\0';
    x->q.label = LEDE_QUOTE_NONE;
    size_t a = x->ss, b = x->se;
    if (a == NONE || a >= b)
        return;
    size_t sent = it->toks[a].sent;
    /* a name in the source: the last capitalised run before any comma,
       parenthesis ("Rep. Ana Ruiz (D-Ore.)") or "of the" after a name of
       two words ("Karl Berg of the Fishermen's Union", "Chuck Schumer of New
       York") */
    size_t end = b;
    for (size_t i = a; i < b; i++)
        if (tpunct(it, i, ",(") ||
            (i >= a + 2 && tis(it, i, "of") && i + 1 < b &&
             (tis(it, i + 1, "the") || gaz_has(tp(it, i - 2), tl(it, i - 2), LEDE_GAZ_GIVEN_NAME)) &&
             (tf(it, i - 1) & QF_CAP) && (tf(it, i - 2) & QF_CAP))) {
            end = i;
            break;
        }
    if (tin(it, a, pronouns) && end - a == 1) {
        if (tis(it, a, "who")) {
            /* "X, who said": the name before the comma; "X, a Republican
               who said": the name before the apposition's comma */
            size_t cm = a, lo = it->toks[a].sbeg;
            if (a >= 2 && !tpunct(it, a - 1, ","))
                for (size_t k = a - 1; k > lo + 1 && a - k < 12; k--)
                    if (tpunct(it, k - 1, ",")) {
                        cm = k;
                        break;
                    }
            if (cm >= 2 && tpunct(it, cm - 1, ",")) {
                size_t r0 = cap_run_back(it, lo, cm - 1);
                name_run r;
                char buf[LEDE_QUOTES_NAME_MAX];
                if (r0 < cm - 1 && name_prepare(it, r0, cm - 1, &r)) {
                    display(it, r.a, r.b, buf, sizeof buf);
                    const lede_quotes_name *m = name_find(it, buf, sent);
                    if (m)
                        set_speaker(x, m->name, m->label);
                    else
                        set_speaker(x, buf, r.label);
                }
            }
            return;
        }
        if (tis(it, a, "he") || tis(it, a, "she") || tis(it, a, "i")) {
            /* "she" is not a man the text called "Mr." or "spokesman" */
            unsigned char not_sex =
                tis(it, a, "he") ? QUOTES_FEMALE : tis(it, a, "she") ? QUOTES_MALE : 0;
            const lede_quotes_name *lm =
                it->have_last && it->last.speaker[0] ? name_find(it, it->last.speaker, sent) : NULL;
            if (it->have_last && it->last.speaker[0] && it->last.q.label == LEDE_QUOTE_PERSON &&
                it->last_sent + 3 >= sent && !(not_sex && lm && lm->sex == not_sex)) {
                set_speaker(x, it->last.speaker, LEDE_QUOTE_PERSON);
                return;
            }
            const lede_quotes_name *m = last_person(it, sent, not_sex);
            if (m)
                set_speaker(x, m->name, LEDE_QUOTE_PERSON);
        }
        return;
    }
    if (name_in(it, a, end, x, sent))
        return;
    if (end < b) { /* "A top strategist, John Weaver,": the name after the comma */
        size_t e2 = end + 1;
        while (e2 < b && !tpunct(it, e2, ","))
            e2++;
        if (name_in(it, end + 1, e2, x, sent))
            return;
    }
    /* a description: "the minister", "the White House spokeswoman" */
    size_t h = end;
    while (h > a && !(tf(it, h - 1) & QF_WORD))
        h--;
    if (h > a && tin(it, h - 1, roles)) {
        const lede_quotes_name *m = by_role(it, tp(it, h - 1), tl(it, h - 1), sent);
        if (m)
            set_speaker(x, m->name, m->label);
    }
}

/* ---- a block ---------------------------------------------------------------- */

static int item_cmp(const lede_quotes_item *a, const lede_quotes_item *b) {
    return a->cs < b->cs ? -1 : a->cs > b->cs;
}

static void sort_items(lede_quotes_item *v, size_t n) {
    for (size_t i = 1; i < n; i++) { /* insertion sort: few items, nearly in order */
        lede_quotes_item t = v[i];
        size_t j = i;
        while (j > 0 && item_cmp(&v[j - 1], &t) > 0) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = t;
    }
}

static void span_of(const lede_quotes_iter *it, size_t a, size_t b, lede_span *sp) {
    sp->byte_start = it->toks[a].t.span.byte_start;
    sp->cp_start = it->toks[a].t.span.cp_start;
    sp->byte_end = it->toks[b - 1].t.span.byte_end;
    sp->cp_end = it->toks[b - 1].t.span.cp_end;
}

/* 1 when the content [a, b) of a cue that is not mostly a speech verb
   (cues.h: a cue less than 60% of the times it occurs) is short, no
   clause, and is mostly a quotation of one word or a title: 'has read
   "War and Peace"', 'watched "The Apprentice"': a title, not speech.
   When the quotation is the lesser part ('called the suspension
   "arbitrary"', 'calls the plan a "reform"') the row is a stance, which
   PolNeAR annotates: kept, a mixed quote (held-out fifth of train: content
   overlap +0.002, source +0.001; the filter on all such rows cost 0.003
   of content overlap on dev). */
static int scare_quoted(const lede_quotes_iter *it, size_t h, size_t a, size_t b) {
    if (it->toks[h].cuep >= 60 || tin(it, a, clause_openers) ||
        count_words(it, a, b) > 8)
        return 0;
    for (size_t k = 0; k < it->npairs; k++) {
        const lede_quotes_pair *p = &it->pairs[k];
        if (p->o + 1 >= b || p->c <= a)
            continue;
        size_t words = count_words(it, p->o + 1, p->c), caps = 0;
        for (size_t i = p->o + 1; i < p->c; i++)
            caps += (tf(it, i) & QF_CAP) != 0;
        if (words < LEDE_QUOTES_MIN_WORDS || (words < 10 && caps * 10 >= words * 7))
            return words * 2 >= count_words(it, a, b) ? 1 : 2;
    }
    return 0;
}

/* Past participles not in -ed or -en. */
static const char *const irregular_pp[] = {"told", "said", "seen", "known", "thought", "heard",
                                           "shown", "held", "quoted", "described", "made",
                                           "sent", "brought", "caught", "taught", "sought",
                                           "left", "met", "put", "set", "read", "led", "won",
                                           "lost", "paid", "built", "hit", "cut", "struck",
                                           NULL};
/* Forms of "be" that make a cue passive. */
static const char *const be_forms[] = {"is", "are", "was", "were", "be", "been", "being", "am",
                                       NULL};
/* Participles that are no passive after "be" but a state of mind whose
   subject holds it ("was shocked", "are convinced"). */
static const char *const state_words[] = {
    "concerned",  "convinced",  "startled",   "outraged",   "determined", "excited",
    "mystified",  "impressed",  "satisfied",  "shocked",    "surprised",  "pumped",
    "scared",     "worried",    "disappointed", "reassured", "intrigued",  "pleased",
    "frustrated", "angered",    "alarmed",    "encouraged", "disturbed",  "troubled",
    "confused",   "interested", "committed",  "opposed",    "inclined",   "prepared",
    "annoyed",    "delighted",  "thrilled",   "amazed",     "stunned",    "horrified",
    "dismayed",   "puzzled",    "embarrassed", "offended",  "relieved",   "divided",
    "resigned",   "unconvinced", "undecided", "tired",      "irritated",  "baffled",
    "perplexed",  "energized",  "motivated",  "inspired",   "heartened",  "saddened",
    "sickened",   "appalled",   "bothered",   "fascinated", "obsessed",   "devoted",
    "enraged",    "incensed",   "infuriated", "discouraged", "depressed", "demoralized",
    "disgusted",  "terrified",  "frightened", "rattled",    "shaken",     "hurt",
    "skeptical",  "open",       "aware",      "unaware",    "sure",       "unsure",
    "confident",  "optimistic", "pessimistic", "hopeful",   "afraid",     "angry",
    "upset",      "happy",      "unhappy",    NULL};

/* 1 when the cue [us, h] is passive: a form of "be" among its
   auxiliaries and a participle that is no state of mind ("was asked",
   "has been criticized", "are said"). PolNeAR gives such a cue the agent
   ("by X") as its source, or none; never the subject (train: 258 none,
   79 after, 42 before, all but a few of those states of mind). */
static int passive_cue(const lede_quotes_iter *it, size_t us, size_t h) {
    int be = 0;
    for (size_t i = us; i < h; i++)
        be |= tin(it, i, be_forms);
    if (!be || tin(it, h, state_words))
        return 0;
    size_t n = tl(it, h);
    const char *w = tp(it, h);
    return (n > 3 && (lede_ascii_eq_ci(w + n - 2, 2, "ed") || lede_ascii_eq_ci(w + n - 2, 2, "en"))) ||
           tin(it, h, irregular_pp);
}

/* Words that join a content to the next cue: "X said A and argued B". */
static const char *const conj_end[] = {"and", "but", "while", "before", "after", "then", "also",
                                       NULL};

/* Reported speech by the learned model (learn.h): every cue the
   classifier finds in the block, with the best source and content of its
   sentence. */
static lede_rc learned_in_block(lede_quotes_iter *it) {
    lede_ql_view v = {it->s, it->toks, it->ntoks};
    uint32_t f[3 * LEDE_QL_MAX_FEATS];
    size_t first = it->nitems;
    for (size_t h = 0; h < it->ntoks; h++) {
        if (!lede_ql_cue_candidate(&v, h) ||
            lede_ql_model.weight(NULL, lede_ql_stop_feature(&v, h)) != 0)
            continue;
        if (lede_ql_score(&lede_ql_model, f, lede_ql_cue_feats(&v, h, f)) <= 0)
            continue;
        size_t us, ue;
        lede_ql_cue_extent(&v, h, &us, &ue);
        /* the best source that leaves a content, and its best content */
        lede_ql_span srcs[LEDE_QL_JOINT], src = {NONE, NONE}, con = {NONE, NONE};
        double sscore[LEDE_QL_JOINT];
        size_t ns = lede_ql_best_sources(&v, &lede_ql_model, h, us, ue, srcs, sscore,
                                         LEDE_QL_JOINT);
        /* "added that talks would continue": a cue whose best source is the
           "that" right after another cue (its complementizer) has no
           subject: a noun read as a verb */
        if (srcs[0].a != NONE && srcs[0].b == srcs[0].a + 1 && srcs[0].a > 0 &&
            tis(it, srcs[0].a, "that") && (tf(it, srcs[0].a - 1) & QF_CUE))
            continue;
        for (size_t k = 0; k < ns && con.a == NONE; k++) {
            lede_ql_span c;
            lede_ql_best_content(&v, &lede_ql_model, h, us, ue, srcs[k], &c);
            if (c.a != NONE) {
                src = srcs[k];
                con = c;
            }
        }
        if (con.a == NONE)
            continue;
        /* "Rubio was asked about ...": the subject of a passive cue is
           not its source */
        if (src.a != NONE && src.b <= us && passive_cue(it, us, h))
            src.a = src.b = NONE;
        /* "The talks were led by ...": an article or a preposition alone
           says nothing; the cue was a noun */
        if (con.b == con.a + 1 && (tin(it, con.a, articles) || tin(it, con.a, preps)))
            continue;
        int scare = scare_quoted(it, h, con.a, con.b);
        if (scare == 1)
            continue;
        /* "Later the spokeswoman": a sentence adverb or conjunction is no part of it */
        while (src.a != NONE && src.a + 1 < src.b && tin(it, src.a, openers))
            src.a++;
        /* "Mr. Guerrero, a Republican who described": the relative pronoun
           is the source, as PolNeAR has it */
        if (src.a != NONE && src.b > src.a + 1 && tis(it, src.b - 1, "who"))
            src.a = src.b - 1;
        /* "Senator Ted Cruz of Texas, who last year threatened": the cue is
           the relative clause's own, its source the pronoun */
        if (src.a != NONE && src.b == us)
            for (size_t i = src.b - 1; i > src.a; i--) {
                if (tpunct(it, i, ",;:()"))
                    break;
                if (tis(it, i, "who")) {
                    src.a = i;
                    src.b = i + 1;
                    break;
                }
            }
        /* "David Kamin, an adviser to the campaign, said", "Obama, others
           vow": a name that opens the sentence, then a comma, then the
           source the model chose, is the head of that source */
        if (src.a != NONE && src.b < us && src.a >= 3 && src.a + 1 < src.b &&
            tpunct(it, src.a - 1, ",") && tpunct(it, src.b, ",") && tin(it, src.a, articles) &&
            (tf(it, src.a + 1) & (QF_WORD | QF_CAP)) == QF_WORD) {
            size_t lo = it->toks[src.a].sbeg, r = cap_run_back(it, lo, src.a - 1);
            while (lo < r && tin(it, lo, openers))
                lo++;
            if (r == lo && src.a - 1 - r >= 2 && src.a - 1 - r <= 5 &&
                (gaz_has(tp(it, r), tl(it, r), LEDE_GAZ_GIVEN_NAME) || tin(it, r, titles) ||
                 tin(it, r, honorifics)))
                src.a = r;
        }
        if (src.a != NONE && src.b <= us)
            src.b = time_tail(it, src.a, src.b);
        /* "Rep. Ana Holt (R-S.C.)": a bracket the source opens, it closes */
        if (src.a != NONE && src.b < it->ntoks && tpunct(it, src.b, ")")) {
            int open = 0;
            for (size_t i = src.a; i < src.b; i++)
                open += tpunct(it, i, "(") - tpunct(it, i, ")");
            if (open > 0)
                src.b++;
        }
        /* "a super PAC that intends to", "Can you imagine": a learned cue
           whose source is a bare "that" or "you" is a relative clause or a
           generic "you", seldom speech (PolNeAR train: about one in six) */
        if (src.a != NONE && src.b == src.a + 1 && (tis(it, src.a, "that") || tis(it, src.a, "you")))
            continue;
        lede_quotes_item *x = item_new(it);
        if (!x)
            return LEDE_NOMEM;
        x->cs = con.a;
        x->ce = con.b;
        x->ss = src.a;
        x->se = src.b;
        x->us = us;
        x->ue = ue;
        x->scare = scare == 2;
        if (ue > h + 1) /* "according to": past the "to" */
            h = ue - 1;
    }
    /* "X said A and argued B", "X said A, adding B": a cue inside another's
       content whose source is not (none, or the same subject before it)
       ends that content; a cue whose source is inside ("X said Y claimed
       Z") is nested and leaves it whole */
    for (size_t k = first; k < it->nitems; k++) {
        lede_quotes_item *x = &it->items[k];
        for (size_t m = first; m < it->nitems; m++) {
            const lede_quotes_item *y = &it->items[m];
            if (m == k || y->us <= x->cs || y->us >= x->ce ||
                (y->ss != NONE && y->ss >= x->cs && y->ss < x->ce) ||
                !(tpunct(it, y->us - 1, ",;-") || tin(it, y->us - 1, conj_end)))
                continue;
            size_t e = y->us;
            while (e > x->cs && (tpunct(it, e - 1, ",;:-") || tin(it, e - 1, conj_end)))
                e--;
            if (e > x->cs)
                x->ce = e;
        }
    }
    for (size_t k = first; k < it->nitems; k++) {
        lede_quotes_item *x = &it->items[k];
        x->q.kind = LEDE_QUOTE_INDIRECT;
        for (size_t q = 0; q < it->npairs; q++) {
            lede_quotes_pair *p = &it->pairs[q];
            if (p->o + 1 >= x->ce || p->c <= x->cs)
                continue; /* no quotation of the content */
            /* the content is the quotation: '"...," X warned' */
            if (!x->scare)
                x->q.kind = x->cs == p->o + 1 && x->ce >= p->c - 1 && !p->taken
                                ? LEDE_QUOTE_DIRECT
                                : LEDE_QUOTE_MIXED;
            if (x->q.kind != LEDE_QUOTE_DIRECT && p->closed && x->ce == p->c)
                x->ce = p->c + 1; /* 'the rise was "temporary"' with its closing mark */
            p->taken = 1;
        }
        mark_used(it, x->cs, x->ce);
        mark_used(it, x->ss, x->se);
        mark_used(it, x->us, x->ue);
    }
    return LEDE_OK;
}

/* 1 when nothing but the attribution of p and marks lies between p's
   content and x's: '"...," he said. "..."'. */
static int continues(const lede_quotes_iter *it, const lede_quotes_item *p,
                     const lede_quotes_item *x) {
    for (size_t i = p->ce; i + 1 < x->cs; i++) {
        if (tmark(it, i) || (tf(it, i) & QF_MARK) || (p->ss != NONE && i >= p->ss && i < p->se) ||
            (p->us != NONE && i >= p->us && i < p->ue) || tpunct(it, i, ",.:;"))
            continue;
        if (tf(it, i) & QF_USED) /* "on Monday", "in a statement": words of the attribution */
            continue;
        /* '"...," Clinton said on Thursday during a speech at the Council on
           Foreign Relations. "..."': up to 14 words after the cue (8 before:
           held-out fifth +0.001 content overlap, +0.003 exact; dev level) */
        if (i > p->ue && i - p->ue > 14)
            return 0;
        if (tf(it, i) & QF_WORD)
            continue;
        return 0;
    }
    return 1;
}

/* First words of a "Word: ..." paragraph that is no speaker's. */
static const char *const colon_not[] = {
    "the",     "contributing", "breaking", "revealed", "twitter", "update",  "updated",
    "correction", "editor",    "editors",  "note",     "related",  "watch",   "video",
    "photo",   "photos",       "source",   "sources",  "transcript", "poll", "read",
    "listen",  "exclusive",    "analysis", "opinion",  "caption", "credit",  "topics",
    "tags",    "share",        "also",     "see",      "wow",      "advertisement", "name",
    "email",   "byline",       "paid",     "so",       "q",        "a",       NULL};

/* Every word list of this file, for lede_quotes_word_list. */
static const char *const *const word_lists[] = {
    pronouns, dets, articles, openers, preps, stops, aux_in, objects, tell_verbs,
    participles, clause_openers, trail, honorifics, titles, person_titles, roles, org_words,
    appos_not, not_names, irregular_pp, be_forms, state_words, conj_end, colon_not, NULL};

const char *const *lede_quotes_word_list(size_t k) {
    return k < sizeof word_lists / sizeof word_lists[0] - 1 ? word_lists[k] : NULL;
}

/* 1 when the word of token i is, ASCII case ignored, the last word of a
   name the text gave before ("PENCE" after "Mike Pence"). */
static int known_surname(const lede_quotes_iter *it, size_t i) {
    size_t total = it->nnames < LEDE_QUOTES_NAMES ? it->nnames : LEDE_QUOTES_NAMES;
    for (size_t k = 0; k < total; k++) {
        const lede_quotes_name *m = &it->names[k];
        const char *ml = m->name + m->last_off;
        if (m->words > 1 && words_eq(ml, strlen(ml), tp(it, i), tl(it, i)))
            return 1;
    }
    return 0;
}

/* A paragraph that opens with a name and a colon, in a headline or a
   transcript ("Rubio: I Still Believe ...", "Matthews: Here's the
   irony ..."): the name is the source, the colon the cue, the rest of the
   paragraph the content, as PolNeAR has them. The rules-only reader
   (reported_in) has the headline case; this is the model's (train:
   108 of 233 such paragraphs of up to four capitalised words are an
   attribution; the others start with "Q", "A", "The Latest", a word in
   capitals, ...: colon_not). A label in capitals is a speaker only as the
   surname of someone the text named ("PENCE:" after "Mike Pence"), and a
   turn inside the quotation that holds a transcript ('"PENCE: ...') only
   when its label is such a name. It runs before the learned cues, which
   then leave the paragraph alone (the trainer sees the block before both). */
static lede_rc colon_lead(lede_quotes_iter *it) {
    for (size_t b = 0; b < it->ntoks; b++) {
        /* a transcript's turn may sit inside the quotation that holds the
           transcript: '"PENCE: Well, look, ...' */
        size_t mark = NONE;
        if ((tf(it, b) & QF_PARA) && tmark(it, b) && b + 1 < it->ntoks &&
            (tf(it, b) & (QF_OPEN | QF_SOPEN | QF_MARK))) {
            mark = b;
            b++;
        } else if (!(tf(it, b) & QF_PARA)) {
            continue;
        }
        if (!(tf(it, b) & QF_CAP) || tin(it, b, colon_not))
            continue;
        size_t c = b;
        while (c < it->ntoks && c - b < 5 && !tpunct(it, c, ":") &&
               ((tf(it, c) & QF_CAP) || (c > b && (tis(it, c, "of") || tis(it, c, "de")))))
            c++;
        if (c >= it->ntoks || c == b || c - b > 4 || !tpunct(it, c, ":") ||
            (tf(it, c) & QF_USED) || !(tf(it, c - 1) & QF_CAP))
            continue;
        int caps = 0; /* "BREAKING", "FIX IS IN" */
        for (size_t i = b; i < c; i++)
            caps |= all_caps(it, i);
        /* an all-capital label is a speaker only when it is the surname of
           someone the text names ("PENCE:" after "Mike Pence"), not a
           heading ("BREAKING:") */
        if (caps && (c - b != 1 || !known_surname(it, b)))
            continue;
        /* inside a quotation, "Look: we have to fix this" is speech, not a turn */
        if (mark != NONE && !known_surname(it, c - 1))
            continue;
        size_t e = c + 1;
        while (e < it->ntoks && it->toks[e].pbeg == it->toks[b].pbeg)
            e++;
        int used = 0;
        for (size_t i = b; i < e; i++)
            used |= (tf(it, i) & QF_USED) != 0;
        if (used || count_words(it, c + 1, e) < 3)
            continue;
        lede_quotes_item *x = item_new(it);
        if (!x)
            return LEDE_NOMEM;
        x->ss = b;
        x->se = c;
        x->us = c;
        x->ue = c + 1;
        x->cs = c + 1;
        x->ce = e;
        x->q.kind = LEDE_QUOTE_INDIRECT;
        if (mark != NONE) { /* the turn is quoted: up to the paragraph's end or the close */
            x->q.kind = LEDE_QUOTE_DIRECT;
            for (size_t q = 0; q < it->npairs; q++)
                if (it->pairs[q].o == mark && it->pairs[q].closed && it->pairs[q].c < x->ce)
                    x->ce = it->pairs[q].c;
            while (x->ce > x->cs + 1 && (tmark(it, x->ce - 1) || tpunct(it, x->ce - 1, ".,")))
                x->ce--;
            for (size_t q = 0; q < it->npairs; q++)
                if (it->pairs[q].o <= mark && it->pairs[q].c >= x->cs)
                    it->pairs[q].taken = 1;
            mark_used(it, mark, e);
            b = e - 1;
            continue;
        }
        for (size_t q = 0; q < it->npairs; q++) {
            lede_quotes_pair *p = &it->pairs[q];
            if (p->o + 1 >= x->ce || p->c <= x->cs)
                continue;
            if (x->cs == p->o && x->ce <= p->c + 2 && p->closed) { /* 'Rubio: "..."' */
                x->q.kind = LEDE_QUOTE_DIRECT;
                x->cs = p->o + 1;
                x->ce = p->c;
            } else if (x->q.kind != LEDE_QUOTE_DIRECT) {
                x->q.kind = LEDE_QUOTE_MIXED;
            }
            p->taken = 1;
        }
        mark_used(it, b, e);
        b = e - 1;
    }
    return LEDE_OK;
}

/* How many tokens lie between an item's cue and its content. */
static size_t cue_gap(const lede_quotes_item *x) {
    if (x->us >= x->ce)
        return x->us - x->ce;
    return x->cs >= x->ue ? x->cs - x->ue : 0;
}

/* Finds the attributions of the block into it->items. */
static lede_rc find_in_block(lede_quotes_iter *it) {
    it->nitems = 0;
    it->next_item = 0;
    lede_rc rc = pair_marks(it);
    if (rc != LEDE_OK)
        return rc;
    remember_names(it);
    /* quotations attributed by the words around them */
    for (size_t k = 0; k < it->npairs; k++) {
        lede_quotes_pair *p = &it->pairs[k];
        lede_quotes_item tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.ss = tmp.se = tmp.us = tmp.ue = NONE;
        if (!attribute_after(it, p, &tmp) && !attribute_before(it, p, &tmp))
            continue;
        lede_quotes_item *x = item_new(it);
        if (!x)
            return LEDE_NOMEM;
        *x = tmp;
        x->cs = p->o + 1;
        x->ce = p->c;
        x->q.kind = LEDE_QUOTE_DIRECT;
        x->rule = 1;
        p->taken = 1;
        mark_used(it, x->ss, x->se);
        mark_used(it, x->us, x->ue);
        mark_used(it, p->o, p->closed ? p->c + 1 : p->c);
    }
    if (it->learn)
        it->learn(it->learn_ctx, it);
    if (lede_ql_model_ready()) {
        rc = colon_lead(it);
        if (rc == LEDE_OK)
            rc = learned_in_block(it);
        if (rc != LEDE_OK)
            return rc;
    } else {
        /* reported speech, sentence by sentence */
        for (size_t b = 0; b < it->ntoks; b = it->toks[b].send) {
            rc = reported_in(it, b);
            if (rc != LEDE_OK)
                return rc;
        }
    }
    /* the quotations left: continuations, unattributed speech, or not speech */
    for (size_t k = 0; k < it->npairs; k++) {
        lede_quotes_pair *p = &it->pairs[k];
        if (p->taken)
            continue;
        size_t words = count_words(it, p->o + 1, p->c);
        int opens_sentence = p->o == it->toks[p->o].sbeg;
        if (words < LEDE_QUOTES_MIN_WORDS || (!opens_sentence && words < 8))
            continue;
        /* a capitalised title ("The Art of the Deal") or heading ("Legend in
           the Coal Fields") is not speech: most words, or every word but
           articles, prepositions and conjunctions, capitalised */
        size_t caps = 0, lower = 0;
        for (size_t i = p->o + 1; i < p->c; i++) {
            caps += (tf(it, i) & QF_CAP) != 0;
            lower += (tf(it, i) & (QF_WORD | QF_CAP)) == QF_WORD && tl(it, i) > 1 &&
                     !tin(it, i, articles) && !tin(it, i, preps) && !tin(it, i, stops) &&
                     !tis(it, i, "of") && tp(it, i)[0] != '\'' && tp(it, i)[0] != 'n';
        }
        if ((caps * 10 >= words * 7 || (lower == 0 && caps >= 2)) && words < 10)
            continue;
        /* a short paragraph that is one quotation in single marks is a
           subheading ("'Pretty cool working there.'") */
        if ((tf(it, p->o) & QF_SOPEN) && it->toks[p->o].pbeg == p->o && words < 10 &&
            (p->c + 1 >= it->ntoks || (tf(it, p->c + 1) & QF_PARA)))
            continue;
        lede_quotes_item *x = item_new(it);
        if (!x)
            return LEDE_NOMEM;
        x->cs = p->o + 1;
        x->ce = p->c;
        x->q.kind = LEDE_QUOTE_DIRECT;
        x->inherit = opens_sentence;
        x->leftover = 1;
        p->taken = 1;
    }
    /* "Menendez said he does not think the calendar matters": an
       attribution whose cue lies inside another's content is nested in it,
       and PolNeAR annotates the outer one far more often than both (on a
       held-out fifth of train, 74 of 280 nested rows matched an annotation
       of their own); it is dropped, unless the two hold each other's cues.
       So is one whose content is the start of another's ("Opposition
       leaders said the budget was ...": the cue "Opposition", content "the
       budget"), and of two with the same content and source ("The report
       published Tuesday showed that ...", "pivoted to arguing that ...")
       the one whose cue is farther from the content (held-out fifth:
       content overlap +0.001, dev +0.002; dropping it whatever its source,
       +0.003 on both but source -0.001 and -0.002) */
    /* "While expressing his gratitude to Blinken, Iwaya said, \"...\"": a
       learned content that runs over a quotation's source and cue after a
       comma ends at that comma (held-out fifth and dev level; the
       quotation was dropped as nested in it) */
    for (size_t m = 0; m < it->nitems; m++) {
        lede_quotes_item *y = &it->items[m];
        for (size_t k = 0; k < it->nitems && !y->rule && y->cs != NONE; k++) {
            const lede_quotes_item *x = &it->items[k];
            if (!x->rule || x->us == NONE || x->ss == NONE || x->ss > x->us ||
                x->ss <= y->cs + 1 || x->ss >= y->ce || !tpunct(it, x->ss - 1, ","))
                continue;
            y->ce = x->ss - 1;
            int quoted = 0;
            for (size_t q = 0; q < it->npairs; q++)
                quoted |= it->pairs[q].o + 1 < y->ce && it->pairs[q].c > y->cs;
            if (!quoted)
                y->q.kind = LEDE_QUOTE_INDIRECT;
        }
    }
    for (size_t k = 0; k < it->nitems; k++) {
        lede_quotes_item *x = &it->items[k];
        x->nested = 0;
        if (x->us == NONE)
            continue;
        for (size_t m = 0; m < it->nitems && !x->nested; m++) {
            const lede_quotes_item *y = &it->items[m];
            x->nested = m != k && ((y->cs <= x->us && x->ue <= y->ce &&
                                    !(y->us != NONE && x->cs <= y->us && y->ue <= x->ce)) ||
                                   (y->cs == x->cs && y->ce > x->ce));
            if (!x->nested && m != k && y->cs == x->cs && y->ce == x->ce && y->us != NONE &&
                (x->ss == NONE || (x->ss == y->ss && x->se == y->se))) {
                size_t dx = cue_gap(x), dy = cue_gap(y);
                x->nested = dy < dx || (dy == dx && m < k);
            }
        }
    }
    for (size_t k = 0; k < it->nitems; k++)
        if (it->items[k].nested)
            it->items[k].cs = it->items[k].ce = NONE;
    sort_items(it->items, it->nitems);
    /* '"...," he said. "..."': a quotation that goes on in the same
       paragraph right after an attributed one is part of its content */
    size_t prev = NONE;
    for (size_t k = 0; k < it->nitems; k++) {
        lede_quotes_item *x = &it->items[k];
        if (x->leftover && prev != NONE) {
            lede_quotes_item *p = &it->items[prev];
            if (p->q.kind == LEDE_QUOTE_DIRECT && p->ss != NONE && x->cs > p->ce &&
                it->toks[x->cs].pbeg == it->toks[p->cs].pbeg && continues(it, p, x)) {
                p->ce = x->ce;
                x->cs = x->ce = NONE;
                continue;
            }
        }
        prev = k;
    }
    /* spans and speakers, in text order */
    for (size_t k = 0; k < it->nitems; k++) {
        lede_quotes_item *x = &it->items[k];
        /* the content less its edge punctuation */
        while (x->ce > x->cs && (tpunct(it, x->ce - 1, ",;:") ||
                                 (x->q.kind != LEDE_QUOTE_DIRECT && tend(it, x->ce - 1))))
            x->ce--;
        if (x->ce <= x->cs) {
            x->cs = NONE;
            continue;
        }
        span_of(it, x->cs, x->ce, &x->q.content);
        x->q.sentence = it->toks[x->cs].sent;
        size_t end_sent = it->toks[x->ce - 1].sent;
        if (x->inherit) {
            /* continues the last speaker when it spoke just before */
            if (it->have_last && it->last_sent + 2 >= x->q.sentence && it->last.q.has_source &&
                it->last.q.kind == LEDE_QUOTE_DIRECT) {
                x->q.has_source = 1;
                x->q.source = it->last.q.source;
                x->q.has_cue = it->last.q.has_cue;
                x->q.cue = it->last.q.cue;
                memcpy(x->speaker, it->last.speaker, sizeof x->speaker);
                x->q.label = it->last.q.label;
            }
        } else {
            if (x->ss != NONE && x->se > x->ss) {
                while (x->se > x->ss + 1 && tpunct(it, x->se - 1, ",") && 0)
                    x->se--;
                x->q.has_source = 1;
                span_of(it, x->ss, x->se, &x->q.source);
                resolve(it, x);
            }
            if (x->us != NONE && x->ue > x->us) {
                x->q.has_cue = 1;
                span_of(it, x->us, x->ue, &x->q.cue);
            }
        }
        if (x->q.has_source) {
            it->last = *x;
            it->have_last = 1;
            it->last_sent = end_sent;
        }
    }
    /* drop the emptied ones */
    size_t w = 0;
    for (size_t k = 0; k < it->nitems; k++)
        if (it->items[k].cs != NONE)
            it->items[w++] = it->items[k];
    it->nitems = w;
    return LEDE_OK;
}

/* ---- the iterator ---------------------------------------------------------- */

void lede_quotes_init(lede_quotes_iter *it, const char *s, size_t n) {
    memset(it, 0, sizeof *it);
    it->s = s;
    it->n = n;
    lede_sent_init(&it->sents, s, n);
}

lede_rc lede_quotes_next(lede_quotes_iter *it, lede_quote *out) {
    while (it->next_item >= it->nitems) {
        lede_rc rc = read_block(it);
        if (rc != LEDE_OK)
            return rc;
        if (it->ntoks == 0)
            return LEDE_DONE;
        rc = find_in_block(it);
        if (rc != LEDE_OK)
            return rc;
    }
    const lede_quotes_item *x = &it->items[it->next_item++];
    it->cur = x->q;
    memcpy(it->cur_speaker, x->speaker, sizeof it->cur_speaker);
    it->cur.speaker = it->cur_speaker[0] ? it->cur_speaker : NULL;
    it->cur.speaker_len = it->cur_speaker[0] ? strlen(it->cur_speaker) : 0;
    if (!it->cur.speaker)
        it->cur.label = LEDE_QUOTE_NONE;
    *out = it->cur;
    return LEDE_OK;
}

void lede_quotes_free(lede_quotes_iter *it) {
    lede_free(it->toks);
    lede_free(it->pairs);
    lede_free(it->items);
    it->toks = NULL;
    it->pairs = NULL;
    it->items = NULL;
    it->ntoks = it->toks_cap = it->npairs = it->pairs_cap = 0;
    it->nitems = it->items_cap = it->next_item = 0;
}
