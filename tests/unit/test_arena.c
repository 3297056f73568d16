/* test_arena.c - the arena hands out aligned, distinct, reusable memory. */
#define _GNU_SOURCE /* MAP_FIXED_NOREPLACE */
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>

#include "testutil.h"
#include "util.h"

static void alloc_should_align_and_not_overlap(void **state)
{
	struct arena a;
	char *p[1000];
	int i;

	(void)state;
	arena_init(&a);
	for (i = 0; i < 1000; i++) {
		p[i] = arena_alloc(&a, (size_t)(i % 37) + 1);
		assert_int_equal((uintptr_t)p[i] % 8, 0);
		memset(p[i], i & 0xff, (size_t)(i % 37) + 1);
	}
	for (i = 0; i < 1000; i++)
		assert_int_equal((unsigned char)p[i][i % 37], i & 0xff);
	arena_release(&a);
}

static void big_alloc_should_get_its_own_chunk(void **state)
{
	struct arena a;
	char *big;

	(void)state;
	arena_init(&a);
	arena_alloc(&a, 10);
	big = arena_alloc(&a, 20u * 1024 * 1024);
	memset(big, 1, 20u * 1024 * 1024);
	arena_release(&a);
}

static void strndup_should_terminate(void **state)
{
	struct arena a;
	char *s;

	(void)state;
	arena_init(&a);
	s = arena_strndup(&a, "hello world", 5);
	assert_string_equal(s, "hello");
	assert_null(arena_memdup(&a, "x", 0, 1));
	arena_reset(&a);
	s = arena_strndup(&a, "again", 5);
	assert_string_equal(s, "again");
	arena_release(&a);
}

/* A vector grows from malloc'd memory into its own mapping and on by
 * mremap, keeping every item; large blocks are whole 2 MB units on a 2 MB
 * boundary (what lets the kernel back them with huge pages). */
static void vectors_should_keep_items_while_growing_into_mappings(void **state)
{
	uint32_t *v = NULL;
	size_t cap = 0, i, n = 3u * 1024 * 1024; /* 12 MB: several remaps */
	char *big;

	(void)state;
	for (i = 0; i < n; i++) {
		vec_reserve((void **)&v, &cap, i + 1, sizeof(*v));
		v[i] = (uint32_t)(i * 2654435761u);
	}
	for (i = 0; i < n; i++)
		if (v[i] != (uint32_t)(i * 2654435761u))
			fail_msg("item %zu lost while the vector grew", i);
	assert_int_equal((uintptr_t)v % (2u * 1024 * 1024), 0);
	vec_free(v, cap, sizeof(*v));

	assert_int_equal(big_size(100), 100);
	assert_int_equal(big_size(2u * 1024 * 1024 + 1), 4u * 1024 * 1024);
	big = big_alloc(3u * 1024 * 1024);
	assert_int_equal((uintptr_t)big % (2u * 1024 * 1024), 0);
	memset(big, 7, big_size(3u * 1024 * 1024)); /* all of it is usable */
	big_free(big, 3u * 1024 * 1024);
}

/* When the addresses after a large vector are taken, growing it moves its
 * pages to a new range: the items come along and the grown part is fresh
 * and writable.  (tests/cli/validate-large-generated checks the same move
 * under valgrind, which misread an earlier way of making it.) */
static void vectors_should_move_when_they_cannot_grow_in_place(void **state)
{
	const size_t unit = 2u * 1024 * 1024;
	uint64_t *v = NULL, *before;
	size_t cap = 0, i, n = unit / sizeof(*v); /* exactly one 2 MB unit */
	void *block;

	(void)state;
	vec_reserve((void **)&v, &cap, n, sizeof(*v));
	for (i = 0; i < n; i++)
		v[i] = i * 0x9e3779b97f4a7c15ull;
	/* Take the next unit, so that mremap cannot grow in place. */
	block = mmap((char *)v + big_size(cap * sizeof(*v)), unit, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (block == MAP_FAILED) { /* taken already: as good for this test */
		assert_int_equal(errno, EEXIST);
		block = NULL;
	}
	before = v;
	vec_reserve((void **)&v, &cap, n + 1, sizeof(*v));
	assert_true(v != before);
	for (i = 0; i < n; i++)
		if (v[i] != i * 0x9e3779b97f4a7c15ull)
			fail_msg("item %zu lost in the move", i);
	for (i = n; i < cap; i++) /* the grown part: fresh, zero, writable */
		assert_true(v[i] == 0);
	memset(v + n, 0xab, (cap - n) * sizeof(*v));
	vec_free(v, cap, sizeof(*v));
	if (block)
		munmap(block, unit);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(alloc_should_align_and_not_overlap),
		cmocka_unit_test(big_alloc_should_get_its_own_chunk),
		cmocka_unit_test(strndup_should_terminate),
		cmocka_unit_test(vectors_should_keep_items_while_growing_into_mappings),
		cmocka_unit_test(vectors_should_move_when_they_cannot_grow_in_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
