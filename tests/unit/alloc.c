/*
 * alloc.c: the core's allocator for unit tests, over cmocka's test_malloc
 * and test_free, so that each test fails on a leak, a double free or an
 * overrun of an allocation.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "core.h"

void *lede_malloc(size_t n) { return test_malloc(n); }

void *lede_realloc(void *p, size_t n) { return test_realloc(p, n); }

void lede_free(void *p) {
    if (p)
        test_free(p);
}
