/* hash.h - a 64-bit hash of a byte stream, to recognise a framework file.
 *
 * State files keep the hash of the framework they were made on, so that a
 * later run notices an edited framework and replays its events.  The file
 * is hashed as it streams through the YAML reader, so the hash must cost
 * next to nothing per byte: it takes eight bytes per step, where FNV-1a
 * (which state files of fwsim 0.1 used) takes one, each step waiting on a
 * multiplication.  It is not a cryptographic hash and need not be: it only
 * tells an edited file from the one a state was made on. */
#ifndef FWSIM_HASH_H
#define FWSIM_HASH_H

#include <stddef.h>
#include <stdint.h>

struct hash64 {
	uint64_t h;
	uint64_t len;        /* bytes added */
	unsigned char tail[8];
	unsigned ntail;      /* bytes in TAIL, waiting to fill a word */
};

void hash64_init(struct hash64 *s);
void hash64_add(struct hash64 *s, const void *p, size_t n);

/* The hash of every byte added so far. */
uint64_t hash64_end(const struct hash64 *s);

/* The hash of N bytes at P. */
uint64_t hash64(const void *p, size_t n);

#endif
