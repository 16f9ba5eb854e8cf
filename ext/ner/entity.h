/*
 * entity.h: the entity labels lede reports, shared by the statistical
 * tagger (PERSON, ORG, LOC, MISC), the rules (NORP, DATE, TIME, MONEY,
 * PERCENT, QUANTITY) and canonicalisation.
 *
 *   PERSON    people, fictional or real
 *   ORG       companies, agencies, institutions, teams
 *   LOC       countries, cities, regions, other places
 *   MISC      other names: events, products, works, nationalities the
 *             rules did not claim
 *   NORP      nationalities, religious and political groups ("Japanese")
 *   DATE      dates and periods ("December 3", "last year", "seven decades")
 *   TIME      times of day ("10:30 a.m.", "late night")
 *   MONEY     amounts of money ("$3.64 billion")
 *   PERCENT   percentages ("5%")
 *   QUANTITY  measurements and counts ("300 km", "thousands of troops")
 */
#ifndef LEDE_NER_ENTITY_H
#define LEDE_NER_ENTITY_H

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
    LEDE_ENT_NLABELS
} lede_ent_label;

/* "PERSON", "ORG", ...: the label as SQL shows it. */
const char *lede_ent_label_name(lede_ent_label label);

#endif
