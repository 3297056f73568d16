/* idmap.h - open-addressing hash from id strings to (kind, index).
 *
 * Keys are borrowed: they must outlive the map (they live in the model's
 * arena).  The slot array is malloc'd and freed by idmap_release. */
#ifndef FWSIM_IDMAP_H
#define FWSIM_IDMAP_H

#include <stddef.h>
#include <stdint.h>


/* 16 bytes, so that a table of a million ids stays within 32 MB: the
 * table is touched at random, and on a virtual machine each page of it
 * touched the first time costs more than the lookups. */
struct idmap_entry {
	const char *key;     /* NULL: empty slot */
	uint32_t hash;
	uint32_t kind : 4;   /* an enum kind (model.h: checked there to fit) */
	uint32_t index : 28; /* a file within the size limit holds fewer items */
};

struct idmap {
	struct idmap_entry *slots;
	size_t cap; /* a power of two */
	size_t n;
};

/* Size the map for EXPECTED entries, so that it never rehashes. */
void idmap_init(struct idmap *m, size_t expected);
void idmap_release(struct idmap *m);

/* Insert KEY unless present.  Returns the entry for KEY: the new one, or
 * the one already there (compare ->kind and ->index to tell). */
struct idmap_entry *idmap_put(struct idmap *m, const char *key, unsigned kind,
			      uint32_t index);

/* Start loading the slot where KEY is or would go, ahead of a put or get:
 * the table is touched at random, so each lookup is a cache miss that
 * other work can hide. */
void idmap_prefetch(const struct idmap *m, const char *key);

/* The entry for KEY, or NULL. */
const struct idmap_entry *idmap_get(const struct idmap *m, const char *key);

#endif
