/*
 * entity.h: the entity labels lede reports, shared by the statistical
 * taggers, the rules and canonicalisation.
 *
 * The default scheme is OntoNotes 5.0's, with its 18 types named as spaCy
 * names them:
 *
 *   PERSON       people, fictional or real
 *   NORP         nationalities, religious and political groups ("Japanese")
 *   FAC          buildings, airports, highways, bridges
 *   ORG          companies, agencies, institutions, teams
 *   GPE          countries, cities, states (geopolitical entities)
 *   LOC          other places: continents, regions, seas, mountains, rivers
 *   PRODUCT      objects, vehicles, foods, software
 *   EVENT        named wars, battles, storms, sports events
 *   WORK_OF_ART  titles of books, films, songs
 *   LAW          named documents made into laws, treaties
 *   LANGUAGE     named languages
 *   DATE         dates and periods ("December 3", "last year", "seven decades")
 *   TIME         times of day ("10:30 a.m.", "late night")
 *   PERCENT      percentages ("5%")
 *   MONEY        amounts of money ("$3.64 billion")
 *   QUANTITY     measurements ("300 km")
 *   ORDINAL      "first", "3rd"
 *   CARDINAL     other numbers
 *
 * The CoNLL-2003 scheme has four: PERSON, ORG, LOC (every place) and MISC
 * (other names: events, products, works, nationalities).
 */
#ifndef LEDE_NER_ENTITY_H
#define LEDE_NER_ENTITY_H

#include <stddef.h>

typedef enum {
    LEDE_ENT_PERSON = 0,
    LEDE_ENT_ORG,
    LEDE_ENT_LOC,
    LEDE_ENT_MISC,
    LEDE_ENT_NORP,
    LEDE_ENT_DATE,
    LEDE_ENT_TIME,
    LEDE_ENT_MONEY,
    LEDE_ENT_PERCENT,
    LEDE_ENT_QUANTITY,
    LEDE_ENT_FAC,
    LEDE_ENT_GPE,
    LEDE_ENT_PRODUCT,
    LEDE_ENT_EVENT,
    LEDE_ENT_WORK_OF_ART,
    LEDE_ENT_LAW,
    LEDE_ENT_LANGUAGE,
    LEDE_ENT_ORDINAL,
    LEDE_ENT_CARDINAL,
    LEDE_ENT_NLABELS
} lede_ent_label;

/* "PERSON", "ORG", ...: the label as SQL shows it. */
const char *lede_ent_label_name(lede_ent_label label);

/* The label named s[0..n) ("GPE"), or LEDE_ENT_NLABELS when none is. */
lede_ent_label lede_ent_label_parse(const char *s, size_t n);

/* 1 for the labels whose value column holds a normalised value (DATE, TIME,
   PERCENT, MONEY, QUANTITY, ORDINAL, CARDINAL). */
int lede_ent_label_has_value(lede_ent_label label);

/* 1 for places: GPE, LOC and FAC. */
int lede_ent_label_is_place(lede_ent_label label);

#endif
