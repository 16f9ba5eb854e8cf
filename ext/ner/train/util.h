/*
 * util.h: small helpers of the trainer (a program: it may print and exit).
 */
#ifndef LEDE_NER_TRAIN_UTIL_H
#define LEDE_NER_TRAIN_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* malloc and realloc that exit with a message when memory runs out. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);

/* The whole file, NUL-terminated, or NULL with a message on stderr. */
char *read_file(const char *path, size_t *size);

/* A deterministic generator (xorshift64*, Vigna 2016): the same seed gives
   the same sequence everywhere. */
typedef struct {
    uint64_t s;
} rng;

uint64_t rng_next(rng *r);

/* Seconds since an arbitrary start, for progress lines. */
double now_seconds(void);

#endif
