/*
 * alloc.c: the core's allocator for the fuzz targets, over malloc, so that
 * AddressSanitizer sees every allocation.
 */
#include "core.h"

#include <stdlib.h>

void *lede_malloc(size_t n) { return malloc(n ? n : 1); }

void *lede_realloc(void *p, size_t n) { return realloc(p, n ? n : 1); }

void lede_free(void *p) { free(p); }
