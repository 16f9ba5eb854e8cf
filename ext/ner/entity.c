/*
 * entity.c: label names (entity.h).
 */
#include "entity.h"

#include <string.h>

static const char *const entity_names[LEDE_ENT_NLABELS] = {
    "PERSON",  "ORG",     "LOC",     "MISC",        "NORP", "DATE",     "TIME",
    "MONEY",   "PERCENT", "QUANTITY", "FAC",        "GPE",  "PRODUCT",  "EVENT",
    "WORK_OF_ART", "LAW", "LANGUAGE", "ORDINAL",    "CARDINAL",
};

const char *lede_ent_label_name(lede_ent_label label) {
    return (unsigned)label < LEDE_ENT_NLABELS ? entity_names[label] : "MISC";
}

lede_ent_label lede_ent_label_parse(const char *s, size_t n) {
    for (int k = 0; k < LEDE_ENT_NLABELS; k++)
        if (strlen(entity_names[k]) == n && memcmp(entity_names[k], s, n) == 0)
            return (lede_ent_label)k;
    return LEDE_ENT_NLABELS;
}

int lede_ent_label_has_value(lede_ent_label label) {
    switch (label) {
    case LEDE_ENT_DATE:
    case LEDE_ENT_TIME:
    case LEDE_ENT_PERCENT:
    case LEDE_ENT_MONEY:
    case LEDE_ENT_QUANTITY:
    case LEDE_ENT_ORDINAL:
    case LEDE_ENT_CARDINAL:
        return 1;
    default:
        return 0;
    }
}

int lede_ent_label_is_place(lede_ent_label label) {
    return label == LEDE_ENT_GPE || label == LEDE_ENT_LOC || label == LEDE_ENT_FAC;
}
