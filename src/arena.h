/* arena.h - bump allocator that owns everything a loaded framework holds.
 *
 * Ownership: every pointer returned by arena_* is owned by the arena and is
 * released all at once by arena_release(); nothing is freed individually.
 * Allocation failure exits the process (see xmalloc in util.h). */
#ifndef FWSIM_ARENA_H
#define FWSIM_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head; /* newest chunk; older ones follow ->next */
	size_t chunk_size;        /* size of the next regular chunk */
	size_t used;              /* bytes handed out, for statistics */
};

/* Initialise an empty arena; no memory is taken until the first alloc. */
void arena_init(struct arena *a);

/* Return SIZE bytes aligned on 8 (for pointers and 64-bit integers, not
 * for long double or vector types); never NULL. */
void *arena_alloc(struct arena *a, size_t size);

/* Like arena_alloc, but zero-filled. */
void *arena_zalloc(struct arena *a, size_t size);

/* Copy LEN bytes of S and add a terminating NUL. */
char *arena_strndup(struct arena *a, const char *s, size_t len);

/* Copy N objects of SIZE bytes from SRC into the arena (NULL when N is 0). */
void *arena_memdup(struct arena *a, const void *src, size_t n, size_t size);

/* Forget every allocation but keep the first chunk for reuse. */
void arena_reset(struct arena *a);

/* Free all memory of the arena; it may be reused after arena_init. */
void arena_release(struct arena *a);

#endif
