/*
 * alloc.c: the core's allocator inside the extension, over SQLite's, so
 * that sqlite3_memory_used() and sqlite3_hard_heap_limit64() count lede.
 */
#include "../core.h"

#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

void *lede_malloc(size_t n) { return sqlite3_malloc64(n ? n : 1); }

void *lede_realloc(void *p, size_t n) { return sqlite3_realloc64(p, n ? n : 1); }

void lede_free(void *p) { sqlite3_free(p); }
