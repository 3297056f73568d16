/* test_arena.c - the arena hands out aligned, distinct, reusable memory. */
#include <stdint.h>

#include "testutil.h"

static void alloc_should_align_and_not_overlap(void **state)
{
	struct arena a;
	char *p[1000];
	int i;

	(void)state;
	arena_init(&a);
	for (i = 0; i < 1000; i++) {
		p[i] = arena_alloc(&a, (size_t)(i % 37) + 1);
		assert_int_equal((uintptr_t)p[i] % 16, 0);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(alloc_should_align_and_not_overlap),
		cmocka_unit_test(big_alloc_should_get_its_own_chunk),
		cmocka_unit_test(strndup_should_terminate),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
