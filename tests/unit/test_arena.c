/* test_arena.c - the arena hands out aligned, distinct, reusable memory. */
#include <stdint.h>

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(alloc_should_align_and_not_overlap),
		cmocka_unit_test(big_alloc_should_get_its_own_chunk),
		cmocka_unit_test(strndup_should_terminate),
		cmocka_unit_test(vectors_should_keep_items_while_growing_into_mappings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
