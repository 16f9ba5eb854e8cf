/*
 * hash.h: the content hash of lede_articles.hash.
 *
 * 64-bit FNV-1a (Fowler, Noll, Vo; the parameters published in the IETF
 * draft "The FNV Non-Cryptographic Hash Algorithm", draft-eastlake-fnv):
 * start from the offset basis 0xcbf29ce484222325 and, for each byte, XOR
 * it in and multiply by the prime 0x100000001b3, modulo 2^64. Written out
 * as 16 lowercase hex digits, most significant first.
 *
 * Equal bytes give equal hashes; it is not cryptographic, so deliberately
 * colliding files can be made. With n distinct files the chance that any
 * two collide by accident is about n^2 / 2^65 (3e-8 for a million files).
 */
#ifndef LEDE_CORPUS_HASH_H
#define LEDE_CORPUS_HASH_H

#include <stddef.h>
#include <stdint.h>

#define LEDE_CORPUS_HASH_HEX 16

/* FNV-1a 64 of s[0..n). */
uint64_t lede_corpus_hash64(const char *s, size_t n);

/* Writes h as 16 lowercase hex digits and a NUL into out[17]. */
void lede_corpus_hash_hex(uint64_t h, char out[LEDE_CORPUS_HASH_HEX + 1]);

#endif
