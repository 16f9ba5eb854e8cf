/*
 * canon.h: canonical names and countries for one document's entities.
 *
 * The caller starts a context over a document's text, then passes each
 * entity in text order (its byte span, its label, and the country the rules
 * gave it); each call fills the entity's canonical name and country. A
 * canonical name depends only on the text and the entities before it, so the
 * extractor can call this as it reports entities, one at a time.
 *
 * The rules, in the order they are tried:
 *
 *  1. The display form of every entity is its text with each run of
 *     whitespace made one space, typographic apostrophes (U+2018, U+2019,
 *     U+02BC) made ', typographic double quotes (U+201C, U+201D, U+201E)
 *     made ", ill-formed UTF-8 made U+FFFD, and for names a trailing
 *     possessive ("'s", "'") dropped. DATE, TIME, MONEY, PERCENT and
 *     QUANTITY keep their display form.
 *  2. Acronyms defined in the text map to their long form, wherever the
 *     acronym appears (the definitions are found in one pass over the whole
 *     text): "International Atomic Energy Agency (IAEA)" and "IAEA
 *     (International Atomic Energy Agency)" both define IAEA. A definition
 *     holds when the acronym's letters and digits match, in order, letters
 *     of the words before the bracket, the first at the start of a word (the
 *     algorithm of A. Schwartz and M. Hearst, "A simple algorithm for
 *     identifying abbreviation definitions in biomedical text", PSB 2003),
 *     a digit matching a number word ("Group of Seven (G7)"); the long form
 *     starts with a capital and has at most min(n + 5, 2n) words for an
 *     acronym of n characters. The first definition of an acronym wins.
 *  3. LOC: a name the gazetteer knows takes its canonical name and country
 *     ("U.S.", "US", "USA", "America", "United States of America" ->
 *     "United States", US; "TOKYO" -> "Tokyo", JP), also after an acronym
 *     ("United States of America (US)").
 *  4. PERSON: honorifics (Mr., Mrs., Ms., Dr., Prof., Sir, ...) are dropped;
 *     a mention takes the fullest earlier PERSON name it is part of: a run
 *     of that name's words ("Blinken", "Kim", "Jong Un"), or its first and
 *     last words with middle ones left out ("Donald Trump" in "Donald J.
 *     Trump"). Words match by their normal form (norm.h), so "BLINKEN"
 *     matches. When the earlier names that contain it are not all parts of
 *     the fullest one ("Biden" after "Joe Biden" and "Hunter Biden"), the
 *     mention keeps its own name.
 *  5. ORG: a leading "the" is dropped; a mention takes the fullest earlier
 *     ORG name that starts with it ("Nippon Steel" -> "Nippon Steel Corp",
 *     "Helvetia" -> "Helvetia Robotics AG") or that is it behind country,
 *     nationality or group words ("Commission" -> "European Commission",
 *     "State Department" -> "U.S. State Department"), unless the mention is
 *     itself a place or nationality word; ambiguity as for PERSON. An
 *     organisation named after a place gets that place's point, GeoNames id
 *     and country (3b's evidence): the place at the start of its name after
 *     "the" and words such as "North" or "Metro" ("Athens Police
 *     Department"), after "of" ("Bank of Canada"), a nationality's country
 *     ("Russian Foreign Ministry"), the first part of a hyphenated word
 *     ("Albany-based"; two places joined only when neighbours), the state of
 *     a party tag ("D-N.Y."); not a common word, a short acronym but a
 *     country's or a capital's, or a small town in a company's name.
 *  6. NORP: the display form; the country given by the rules, else the
 *     gazetteer's, and that country's point (geo.h).
 *  3b. GPE, LOC, FAC (and CoNLL's LOC): the place the name means, chosen by
 *     ext/geo/geo.h from the candidates of its name (and the country the
 *     gazetteer says it is), with the evidence read here: the votes of the
 *     place names of the whole text (capitalised runs of words looked up once,
 *     before the first place; the first 80 bytes, where datelines stand, count
 *     twice; names that are common words or given names do not vote); a
 *     qualifier after a comma, inside the span or after it ("Paris, Texas",
 *     "Mobile, Ala.", "Perth, Scotland"; a postal code such as "TX" only
 *     there); the level the words around it imply ("state of", "city of",
 *     "County", "exports to"); a preposition of place before it; whether the
 *     name is also a common word (SCOWL) or a given name. The place gives the
 *     canonical name, the country ("" for continents, oceans and regions
 *     across countries), the point and the GeoNames id. A name placed by a
 *     qualifier votes for that place, and its bare mentions anywhere in the
 *     text are the same place (up to LEDE_CANON_SAID names). A name that is not a known
 *     place takes the place inside it as an organisation does, keeping its
 *     own canonical name ("Northeast Georgia"), unless a road, park or
 *     natural feature ("Dublin Road", "South China Seas").
 *  7. Anything else (MISC, unmatched names): the display form.
 *
 * Only earlier names count (a headline's "Blinken" before "Antony Blinken"
 * keeps its own name); acronyms count from anywhere in the text.
 *
 * Memory: the context keeps the names seen so far and the acronym table, up
 * to mem_limit bytes (past it, new names are no longer remembered and later
 * mentions fall back to their display form). Each lookup examines at most
 * LEDE_CANON_MAX_CANDIDATES earlier names, so time stays linear. The text is
 * not copied and must outlive the context. All memory comes from
 * lede_malloc and goes back in lede_canon_free.
 */
#ifndef LEDE_NER_CANON_H
#define LEDE_NER_CANON_H

#include "../core.h"
#include "../geo/geo.h"
#include "../text/norm.h"
#include "../text/tokens.h"
#include "entity.h"

#define LEDE_CANON_MEM_DEFAULT (4u << 20)
#define LEDE_CANON_MAX_CANDIDATES 64
#define LEDE_CANON_SAID 32 /* qualified place names remembered */

typedef struct {
    size_t byte_start, byte_end; /* in: the entity's span in the text */
    lede_ent_label label;        /* in */
    char country[3];             /* in: the rules' country ("" if none); out: the country */
    const char *canonical;       /* out: NUL-terminated; lives until the next call */
    size_t canonical_len;        /* out: its length in bytes */
    int has_point;               /* out: 1 when lat and lon hold the place's point */
    double lat, lon;             /* out: WGS84 degrees (places, and NORP of a country) */
    uint32_t geonames;           /* out: the place's GeoNames id, or 0 */
} lede_canon_entity;

struct lede_canon_form;
struct lede_canon_slot;

/*
 * A cache of what a place name's lookups give (its geo candidates, the
 * country the gazetteer says it is, whether it is a common word or a given
 * name), which depend on the name alone: the same answers, without the
 * lookups' memory misses, for names met before. A caller that runs many
 * documents one after another (lede_entities over the rows of a table)
 * keeps one and lends it to each context (lede_canon_use_places); a
 * context without one looks every name up.
 */
typedef struct lede_canon_places lede_canon_places;

/* A new, empty cache (lede_malloc, about 256 KB), or NULL when out of memory. */
lede_canon_places *lede_canon_places_new(void);
void lede_canon_places_free(lede_canon_places *p);

typedef struct {
    const char *s; /* the document; not owned */
    size_t n;
    size_t mem_limit; /* bytes the tables may hold */
    size_t mem_used;
    char *pool; /* NUL-terminated strings: token norms, names, acronyms */
    size_t pool_len, pool_cap;
    struct lede_canon_form *forms; /* names seen so far */
    size_t nforms, forms_cap;
    struct lede_canon_slot *slots; /* hash table: keys in pool -> forms, postings, acronyms */
    size_t nslots, slots_used;
    uint32_t *postings; /* [2k] form, [2k + 1] next posting (+1; 0 ends) */
    size_t npostings, postings_cap;
    int acronyms_read; /* the text's acronyms are in the table */
    char *out;         /* the last canonical name */
    size_t out_cap;
    char *scratch; /* display forms and keys being built */
    size_t scratch_cap;
    lede_norm_buf norm;
    int places_read; /* geo holds the votes of the text's place names */
    lede_geo_doc geo;
    /* names placed by a qualifier ("Athens, Ga."): a later bare "Athens" is the same place */
    uint32_t said_key[LEDE_CANON_SAID];
    uint32_t said_place[LEDE_CANON_SAID];
    size_t nsaid;
    lede_canon_places *places; /* lent (lede_canon_use_places), or NULL */
    const lede_token *toks;    /* every token of the text, lent (lede_canon_use_tokens), or NULL */
    size_t ntoks;
} lede_canon_ctx;

/* Starts a context over the text s[0..n); mem_limit 0 means
   LEDE_CANON_MEM_DEFAULT. Allocates nothing. */
void lede_canon_init(lede_canon_ctx *c, const char *s, size_t n, size_t mem_limit);

/* Fills e->canonical, e->canonical_len and e->country for the next entity.
   Returns LEDE_OK, or LEDE_NOMEM (e->canonical is then NULL). */
lede_rc lede_canon_next(lede_canon_ctx *c, lede_canon_entity *e);

/* Releases everything the context holds (not the places it was lent). */
void lede_canon_free(lede_canon_ctx *c);

/* Lends c a cache of place lookups (or NULL for none); it must outlive c. */
void lede_canon_use_places(lede_canon_ctx *c, lede_canon_places *p);

/* Lends c the n tokens of the whole text, as lede_tok_next gives them from
   its start (or NULL for none), until the next call of lede_canon_next
   returns: its reading of the text's place names then uses them instead of
   tokenizing the text again (the same tokens, so the same names). */
void lede_canon_use_tokens(lede_canon_ctx *c, const lede_token *t, size_t n);

#endif
