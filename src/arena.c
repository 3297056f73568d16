/* arena.c - bump allocator in chunks that double up to a cap. */
#include "arena.h"

#include <stdint.h>
#include <string.h>

#include "util.h"

/* What the model holds needs no more than 8 (pointers, 64-bit integers);
 * rounding its millions of small objects to 16 would cost a tenth of it. */
#define ARENA_ALIGN 8
#define ARENA_FIRST (16u * 1024)
#define ARENA_MAX_CHUNK (16u * 1024 * 1024)

struct arena_chunk {
	struct arena_chunk *next;
	size_t size; /* usable bytes in data[] */
	size_t off;  /* next free byte in data[] */
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->chunk_size = ARENA_FIRST;
	a->used = 0;
}

static struct arena_chunk *arena_grow(struct arena *a, size_t need)
{
	/* A regular chunk, header included, is a power of two: a 2 MB chunk
	 * is then one huge page, not two with the second barely used. */
	size_t size = a->chunk_size - sizeof(struct arena_chunk);
	struct arena_chunk *c;

	if (size < need)
		size = need;
	if (a->chunk_size < ARENA_MAX_CHUNK)
		a->chunk_size *= 2;
	c = big_alloc(sizeof(*c) + size);
	c->size = big_size(sizeof(*c) + size) - sizeof(*c);
	c->off = 0;
	c->next = a->head;
	a->head = c;
	return c;
}

void *arena_alloc(struct arena *a, size_t size)
{
	struct arena_chunk *c = a->head;
	size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	void *p;

	if (need < size)
		die_oom();
	if (c)
		c->off = (c->off + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (!c || c->off > c->size || c->size - c->off < need)
		c = arena_grow(a, need);
	p = c->data + c->off;
	c->off += need;
	a->used += need;
	return p;
}

void *arena_zalloc(struct arena *a, size_t size)
{
	void *p = arena_alloc(a, size);

	memset(p, 0, size);
	return p;
}

/* Bytes with no alignment, for strings: a model holds millions of short
 * ones, and rounding each up to 8 bytes would waste a good part of them. */
static char *arena_bytes(struct arena *a, size_t size)
{
	struct arena_chunk *c = a->head;
	char *p;

	if (!c || c->size - c->off < size)
		return arena_alloc(a, size);
	p = (char *)c->data + c->off;
	c->off += size;
	a->used += size;
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_bytes(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void *arena_memdup(struct arena *a, const void *src, size_t n, size_t size)
{
	void *p;

	if (n == 0)
		return NULL;
	if (size && n > SIZE_MAX / size)
		die_oom();
	p = arena_alloc(a, n * size);
	memcpy(p, src, n * size);
	return p;
}

void arena_reset(struct arena *a)
{
	struct arena_chunk *c;

	if (!a->head)
		return;
	/* Keep the oldest chunk: it is the smallest, and resets happen per
	 * streamed item, so one small chunk is what the next item needs. */
	while (a->head->next) {
		c = a->head;
		a->head = c->next;
		big_free(c, sizeof(*c) + c->size);
	}
	a->head->off = 0;
	a->used = 0;
}

void arena_release(struct arena *a)
{
	struct arena_chunk *c;

	while ((c = a->head)) {
		a->head = c->next;
		big_free(c, sizeof(*c) + c->size);
	}
	arena_init(a);
}
