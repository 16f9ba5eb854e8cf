/*
 * scalar.c: lede_version().
 *
 *   SELECT lede_version();   -- '0.1.0'
 *
 * Takes no arguments (any other count is an error from SQLite: "wrong
 * number of arguments to function lede_version()"). The version is the one
 * in the VERSION file, passed in by the Makefile.
 */
#include "bind.h"

SQLITE_EXTENSION_INIT3

#ifndef LEDE_VERSION
#error "LEDE_VERSION must be defined by the build (see Makefile)"
#endif

static void scalar_version(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    (void)argc;
    (void)argv;
    sqlite3_result_text(ctx, LEDE_VERSION, (int)sizeof LEDE_VERSION - 1, SQLITE_STATIC);
}

int lede_scalar_register(sqlite3 *db) {
    return sqlite3_create_function_v2(db, "lede_version", 0,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                      scalar_version, NULL, NULL, NULL);
}
