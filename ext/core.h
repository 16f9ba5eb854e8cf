/*
 * core.h: what every core module (text/, corpus/, ner/) shares.
 *
 * The core never includes sqlite3.h. It allocates through lede_malloc,
 * lede_realloc and lede_free, which are declared here and defined twice:
 * over sqlite3_malloc64/sqlite3_free in ext/sqlite/alloc.c (so SQLite's
 * accounting and heap limit cover the extension), and over cmocka's
 * test_malloc/test_free in tests/unit/alloc.c (so every unit test checks
 * for leaks and overruns). Tools that are not part of the extension (the
 * model trainer) define them over malloc/free.
 *
 * Memory from lede_malloc/lede_realloc goes back through lede_free and
 * nothing else. lede_realloc(p, 0) is not used; lede_free(NULL) is a no-op.
 *
 * Core calls that can fail return a lede_rc. The bindings map it to an
 * SQLite code in one place (ext/sqlite/bind.c).
 */
#ifndef LEDE_CORE_H
#define LEDE_CORE_H

#include <stddef.h>
#include <stdint.h>

void *lede_malloc(size_t n);
void *lede_realloc(void *p, size_t n);
void lede_free(void *p);

typedef enum {
    LEDE_OK = 0,
    LEDE_NOMEM,   /* an allocation failed */
    LEDE_IO,      /* the operating system refused (errno kept by the caller) */
    LEDE_INVALID, /* the input is not what the call accepts */
    LEDE_TOOBIG,  /* the input is larger than the call allows */
    LEDE_DONE     /* an iterator has no more items (not an error) */
} lede_rc;

/*
 * LEDE_VECTOR_CLONES before a function that is mostly loops over arrays of
 * integers (the entity model's weight rows, the Viterbi decoder): GCC then
 * builds it twice, for AVX2 and for the baseline x86-64, and the loader
 * picks the one the CPU runs (an ifunc). Integer arithmetic gives the same
 * results either way. Elsewhere (other compilers and targets, under a
 * sanitizer, whose runtime is not ready when the loader runs the ifunc's
 * resolver, or with -DLEDE_NO_CLONES) it is nothing.
 */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__) && \
    !defined(LEDE_NO_CLONES) && !defined(__SANITIZE_THREAD__) && !defined(__SANITIZE_ADDRESS__)
#define LEDE_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define LEDE_VECTOR_CLONES
#endif

/* A span of text in both units: bytes for C, code points for SQL. */
typedef struct {
    size_t byte_start, byte_end; /* [byte_start, byte_end) into the input */
    size_t cp_start, cp_end;     /* the same span in code points */
} lede_span;

#endif
