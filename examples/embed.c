/*
 * embed.c: using lede from a C program that embeds SQLite.
 *
 *   make examples && build/examples/embed [folder]
 *
 * Opens an in-memory database, loads the extension (build/lede, or the path
 * in LEDE_LIB), and prints how many articles, sentences and named entities
 * the folder (default: seeds) holds.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    const char *folder = argc > 1 ? argv[1] : "seeds";
    sqlite3 *db;
    char *err = NULL;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
        fprintf(stderr, "cannot open a database: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    sqlite3_enable_load_extension(db, 1);
    const char *lib = getenv("LEDE_LIB") ? getenv("LEDE_LIB") : "build/lede";
    if (sqlite3_load_extension(db, lib, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "cannot load lede: %s\n", err ? err : "unknown error");
        sqlite3_free(err);
        sqlite3_close(db);
        return 1;
    }
    const char *sql = "SELECT count(*),"
                      "       sum((SELECT count(*) FROM lede_sentences(a.body))),"
                      "       sum((SELECT count(*) FROM lede_entities(a.body, a.published) AS e"
                      "            WHERE e.label IN ('PERSON', 'ORG', 'GPE', 'LOC', 'FAC')))"
                      " FROM lede_articles(?1) AS a";
    sqlite3_stmt *stmt;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(stmt, 1, folder, -1, SQLITE_STATIC);
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW)
            printf("%s: %lld articles, %lld sentences, %lld people, organisations and places\n",
                   folder, sqlite3_column_int64(stmt, 0), sqlite3_column_int64(stmt, 1),
                   sqlite3_column_int64(stmt, 2));
        sqlite3_finalize(stmt);
    }
    if (rc != SQLITE_ROW) {
        fprintf(stderr, "query failed: %s\n", sqlite3_errmsg(db));
        sqlite3_close(db);
        return 1;
    }
    sqlite3_close(db);
    return 0;
}
