/*
 * faultsql.c: a small SQL runner for the fault tests (tests/faults/run.sh).
 *
 *   faultsql path/to/lede[.so] [database] < script.sql
 *
 * Loads the extension into a connection (":memory:" unless a database file
 * is named), runs every statement of stdin and prints each row as its
 * values joined by '|' (NULL as "NULL", blobs as X'hex'), and each failed
 * statement as "Error: <message>"; it goes on after an error. The exit
 * status is 0 unless the library cannot be loaded.
 *
 * It adds SQL functions that make faults happen at an exact moment of a
 * scan, since SQLite computes a row's columns from left to right:
 *
 *   mutate(action, path [, bytes])  before the columns to its right are read:
 *     'delete'      unlinks the file at path
 *     'truncate'    cuts the file to `bytes` bytes (default 0)
 *     'grow'        appends `bytes` bytes of 'x' (default 4096)
 *     'replace'     renames the folder at path to path.moved and puts a file in its place
 *     'loop'        replaces the file at path by a symlink to itself
 *     'folder'      replaces the file at path by an empty folder
 *     'fifo'        replaces the file at path by a fifo
 *   returns the action, or raises an error naming what failed.
 *   set_limit(name, value)  sqlite3_limit for 'length'; returns the old value.
 *   trusted_schema(on)      SQLITE_DBCONFIG_TRUSTED_SCHEMA; returns the new setting.
 *
 * The lines ".print TEXT" print TEXT; everything else is SQL.
 */
#include <sqlite3.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void mutate(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    const char *action = (const char *)sqlite3_value_text(argv[0]);
    const char *path = (const char *)sqlite3_value_text(argv[1]);
    sqlite3_int64 bytes = argc > 2 ? sqlite3_value_int64(argv[2]) : -1;
    int ok = 0;
    char moved[4096];
    if (!action || !path) {
        sqlite3_result_error(ctx, "mutate(action, path [, bytes])", -1);
        return;
    }
    if (strcmp(action, "delete") == 0) {
        ok = unlink(path) == 0;
    } else if (strcmp(action, "truncate") == 0) {
        ok = truncate(path, bytes < 0 ? 0 : bytes) == 0;
    } else if (strcmp(action, "grow") == 0) {
        int fd = open(path, O_WRONLY | O_APPEND);
        ok = fd >= 0;
        for (sqlite3_int64 i = 0; ok && i < (bytes < 0 ? 4096 : bytes); i++)
            ok = write(fd, "x", 1) == 1;
        if (fd >= 0)
            close(fd);
    } else if (strcmp(action, "replace") == 0) {
        snprintf(moved, sizeof moved, "%s.moved", path);
        int fd = -1;
        ok = rename(path, moved) == 0 &&
             (fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644)) >= 0 && write(fd, "f\n", 2) == 2;
        if (fd >= 0)
            close(fd);
    } else if (strcmp(action, "folder") == 0) {
        ok = unlink(path) == 0 && mkdir(path, 0755) == 0;
    } else if (strcmp(action, "fifo") == 0) {
        ok = unlink(path) == 0 && mkfifo(path, 0644) == 0;
    } else if (strcmp(action, "loop") == 0) {
        const char *slash = strrchr(path, '/');
        ok = unlink(path) == 0 && symlink(slash ? slash + 1 : path, path) == 0;
    } else {
        sqlite3_result_error(ctx, "mutate: unknown action", -1);
        return;
    }
    if (!ok) {
        char *msg = sqlite3_mprintf("mutate %s %s: %s", action, path, strerror(errno));
        sqlite3_result_error(ctx, msg, -1);
        sqlite3_free(msg);
        return;
    }
    sqlite3_result_text(ctx, action, -1, SQLITE_TRANSIENT);
}

static void set_limit(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    (void)argc;
    const char *name = (const char *)sqlite3_value_text(argv[0]);
    if (!name || strcmp(name, "length") != 0) {
        sqlite3_result_error(ctx, "set_limit: only 'length'", -1);
        return;
    }
    sqlite3 *db = sqlite3_context_db_handle(ctx);
    sqlite3_result_int(ctx, sqlite3_limit(db, SQLITE_LIMIT_LENGTH, sqlite3_value_int(argv[1])));
}

static void trusted_schema(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
    (void)argc;
    int on = sqlite3_value_int(argv[0]), now = -1;
    sqlite3_db_config(sqlite3_context_db_handle(ctx), SQLITE_DBCONFIG_TRUSTED_SCHEMA, on, &now);
    sqlite3_result_int(ctx, now);
}

static void print_value(sqlite3_stmt *st, int c) {
    switch (sqlite3_column_type(st, c)) {
    case SQLITE_NULL:
        fputs("NULL", stdout);
        break;
    case SQLITE_BLOB: {
        const unsigned char *b = sqlite3_column_blob(st, c);
        int n = sqlite3_column_bytes(st, c);
        fputs("X'", stdout);
        for (int i = 0; i < n; i++)
            printf("%02X", b[i]);
        fputs("'", stdout);
        break;
    }
    default:
        fwrite(sqlite3_column_text(st, c), 1, (size_t)sqlite3_column_bytes(st, c), stdout);
    }
}

static void run(sqlite3 *db, const char *sql) {
    while (sql && *sql) {
        sqlite3_stmt *st = NULL;
        const char *tail = NULL;
        int rc = sqlite3_prepare_v2(db, sql, -1, &st, &tail);
        if (rc != SQLITE_OK) {
            printf("Error: %s\n", sqlite3_errmsg(db));
            return; /* the rest of this chunk cannot be split reliably */
        }
        sql = tail;
        if (!st)
            continue;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(st); c++) {
                if (c)
                    putchar('|');
                print_value(st, c);
            }
            putchar('\n');
        }
        if (rc != SQLITE_DONE)
            printf("Error: %s\n", sqlite3_errmsg(db));
        sqlite3_finalize(st);
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: faultsql path/to/lede [database] < script.sql\n");
        return 2;
    }
    sqlite3 *db;
    char *err = NULL;
    if (sqlite3_open(argc > 2 ? argv[2] : ":memory:", &db) != SQLITE_OK ||
        sqlite3_enable_load_extension(db, 1) != SQLITE_OK ||
        sqlite3_load_extension(db, argv[1], NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "faultsql: cannot load %s: %s\n", argv[1], err ? err : sqlite3_errmsg(db));
        return 2;
    }
    sqlite3_create_function(db, "mutate", -1, SQLITE_UTF8, NULL, mutate, NULL, NULL);
    sqlite3_create_function(db, "set_limit", 2, SQLITE_UTF8, NULL, set_limit, NULL, NULL);
    sqlite3_create_function(db, "trusted_schema", 1, SQLITE_UTF8, NULL, trusted_schema, NULL, NULL);
    /* statements are gathered line by line until sqlite3_complete says one ends */
    char *buf = NULL, line[65536];
    size_t len = 0;
    while (fgets(line, sizeof line, stdin)) {
        if (len == 0 && strncmp(line, ".print ", 7) == 0) {
            fputs(line + 7, stdout);
            continue;
        }
        size_t n = strlen(line);
        char *p = realloc(buf, len + n + 1);
        if (!p)
            return 2;
        buf = p;
        memcpy(buf + len, line, n + 1);
        len += n;
        if (sqlite3_complete(buf)) {
            run(db, buf);
            len = 0;
            buf[0] = '\0';
        }
    }
    if (len)
        run(db, buf);
    free(buf);
    fflush(stdout);
    sqlite3_close(db);
    return 0;
}
