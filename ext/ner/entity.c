/*
 * entity.c: label names.
 */
#include "entity.h"

const char *lede_ent_label_name(lede_ent_label label) {
    static const char *const names[LEDE_ENT_NLABELS] = {
        "PERSON", "ORG", "LOC", "MISC", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY",
    };
    return (unsigned)label < LEDE_ENT_NLABELS ? names[label] : "MISC";
}
