/*
 * lede.c: the extension's one entry point.
 *
 *   .load ./build/lede                      -- sqlite3 shell
 *   conn.load_extension("./build/lede")     -- Python
 *   sqlite3_load_extension(db, "build/lede", 0, &err)
 *
 * sqlite3_lede_init registers every SQL object (see docs/reference.md) and
 * stops at the first failure, naming the object in *pzErrMsg.
 */
#include "corpus/html.h"
#include "sqlite/bind.h"

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

/* The oldest SQLite lede supports: sqlite3_vtab_config(SQLITE_VTAB_DIRECTONLY)
   and SQLITE_VTAB_INNOCUOUS appeared in 3.31.0. */
#define LEDE_MIN_SQLITE 3031000

#if defined(_WIN32)
#define LEDE_EXPORT __declspec(dllexport)
#else
#define LEDE_EXPORT __attribute__((visibility("default")))
#endif

LEDE_EXPORT int sqlite3_lede_init(sqlite3 *db, char **pzErrMsg,
                                  const sqlite3_api_routines *pApi);

static const struct {
    const char *name;
    int (*reg)(sqlite3 *db);
} lede_objects[] = {
    {"lede_version", lede_scalar_register},
    {"lede_sentences", lede_sentences_register},
    {"lede_tokens", lede_tokens_register},
    {"lede_articles", lede_articles_register},
    {"lede_entities", lede_entities_register},
    {"lede_quotes", lede_quotes_register},
};

LEDE_EXPORT int sqlite3_lede_init(sqlite3 *db, char **pzErrMsg,
                                  const sqlite3_api_routines *pApi) {
#ifdef SQLITE_CORE
    SQLITE_EXTENSION_INIT2(pApi); /* compiled into the program (tests/fuzz): nothing to store */
#else
    /* Store the routines only when they change: the library stays loaded while any connection
       holds it, so a connection opened later (on another thread, while others run queries)
       then writes nothing that they read (tests/threads, make tsan). */
    if (sqlite3_api != pApi) {
        SQLITE_EXTENSION_INIT2(pApi);
    }
#endif
    if (sqlite3_libversion_number() < LEDE_MIN_SQLITE) {
        *pzErrMsg = sqlite3_mprintf("lede needs SQLite 3.31.0 or later; this is %s",
                                    sqlite3_libversion());
        return SQLITE_ERROR;
    }
    lede_corpus_html_init(); /* libxml2's one-time set-up, before any query can parse a page */
    for (size_t i = 0; i < sizeof lede_objects / sizeof lede_objects[0]; i++) {
        int rc = lede_objects[i].reg(db);
        if (rc != SQLITE_OK) {
            *pzErrMsg = sqlite3_mprintf("lede: cannot register %s: %s", lede_objects[i].name,
                                        sqlite3_errstr(rc));
            return rc;
        }
    }
    return SQLITE_OK;
}
