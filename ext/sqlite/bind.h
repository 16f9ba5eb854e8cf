/*
 * bind.h: what the binding files share: the register function of each SQL
 * object, called from sqlite3_lede_init, and small helpers for errors and
 * for table-valued functions whose arguments are HIDDEN columns.
 */
#ifndef LEDE_SQLITE_BIND_H
#define LEDE_SQLITE_BIND_H

#include "../core.h"

#include <sqlite3ext.h>

int lede_scalar_register(sqlite3 *db);
int lede_sentences_register(sqlite3 *db);
int lede_tokens_register(sqlite3 *db);
int lede_articles_register(sqlite3 *db);
int lede_entities_register(sqlite3 *db);
int lede_quotes_register(sqlite3 *db);

/*
 * xConnect of a table-valued function that reads only its arguments:
 * declares schema, marks the table innocuous (usable from views and
 * triggers under PRAGMA trusted_schema=OFF) and allocates a plain vtab.
 */
int lede_bind_connect_innocuous(sqlite3 *db, const char *schema, sqlite3_vtab **out);

/* xDisconnect of a vtab with nothing beyond sqlite3_vtab. */
int lede_bind_disconnect(sqlite3_vtab *vtab);

/* A zeroed cursor of size bytes (sqlite3_malloc64), or NULL. */
void *lede_bind_cursor(size_t size);

/* Replaces vtab's error message (freeing the old one); returns SQLITE_ERROR,
   or SQLITE_NOMEM when the message cannot be made. */
int lede_bind_error(sqlite3_vtab *vtab, const char *fmt, ...);

/* The SQLite result code for a core result code. */
int lede_bind_rc(lede_rc rc);

/*
 * xBestIndex for a table-valued function whose arguments are the HIDDEN
 * columns first_arg .. first_arg + nargs - 1, of which the first nrequired
 * must be given. Usable equality constraints on them become argv entries in
 * column order and bit (1 << k) of idxNum for argument k. An argument
 * that is constrained but unusable, required or not, returns
 * SQLITE_CONSTRAINT (the planner then tries another order); a plan without
 * a required one costs so much that the planner takes it only when there is
 * no other, and its xFilter then reports usage as the error (xBestIndex
 * also sees parts of the WHERE clause alone, such as one arm of an OR, so
 * it cannot tell a missing argument from one given elsewhere).
 */
int lede_bind_best_index(sqlite3_vtab *vtab, sqlite3_index_info *info, int first_arg, int nargs,
                         int nrequired, const char *usage);

/*
 * A copy of an argument's text that the cursor owns: numbers and blobs are
 * read as their text, NULL gives *is_null = 1. Free with sqlite3_free.
 */
int lede_bind_text_arg(sqlite3_value *v, char **text, size_t *len, int *is_null);

/* 1 when s[0..n) is a real date written YYYY-MM-DD (the anchor_date of
   lede_quotes). */
int lede_bind_is_date(const unsigned char *s, size_t n);

#endif
