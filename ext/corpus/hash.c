/*
 * hash.c: FNV-1a 64 (see hash.h).
 */
#include "hash.h"

#define FNV64_OFFSET 0xcbf29ce484222325u
#define FNV64_PRIME 0x100000001b3u

uint64_t lede_corpus_hash64(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s;
    uint64_t h = FNV64_OFFSET;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= FNV64_PRIME;
    }
    return h;
}

void lede_corpus_hash_hex(uint64_t h, char out[LEDE_CORPUS_HASH_HEX + 1]) {
    static const char digits[] = "0123456789abcdef";
    for (int i = LEDE_CORPUS_HASH_HEX - 1; i >= 0; i--) {
        out[i] = digits[h & 0xF];
        h >>= 4;
    }
    out[LEDE_CORPUS_HASH_HEX] = '\0';
}
