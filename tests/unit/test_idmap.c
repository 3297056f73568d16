/* test_idmap.c - the id map: growth past its estimate, packed entries. */
#include <stdint.h>

#include "idmap.h"
#include "model.h"
#include "testutil.h"

/* The map is sized from a guess at the file (model_expect); a file denser
 * than guessed grows it, and every id must still be found after rehashing,
 * with the kind and index it was entered with. */
static void map_should_grow_past_its_estimate(void **state)
{
	enum { N = 20000 };
	static char keys[N][12];
	struct idmap m;
	size_t i;

	(void)state;
	idmap_init(&m, 1);
	for (i = 0; i < N; i++) {
		snprintf(keys[i], sizeof(keys[i]), "id%zu", i);
		assert_true(idmap_put(&m, keys[i], (unsigned)(i % K__COUNT), (uint32_t)i) != NULL);
	}
	assert_int_equal(m.n, N);
	assert_true(m.cap >= 2 * N);
	for (i = 0; i < N; i++) {
		const struct idmap_entry *e = idmap_get(&m, keys[i]);

		if (!e || e->kind != i % K__COUNT || e->index != i)
			fail_msg("id %s lost or changed after growth", keys[i]);
	}
	assert_null(idmap_get(&m, "id20000"));
	idmap_release(&m);
}

/* Entries pack kind and index into 32 bits: the largest of each survives,
 * and putting an id again returns the entry already there. */
static void entries_should_keep_large_indices_and_first_owner(void **state)
{
	struct idmap m;
	const struct idmap_entry *e;
	const uint32_t big = (1u << 28) - 1;

	(void)state;
	idmap_init(&m, 4);
	e = idmap_put(&m, "last", K_FRAMEWORK, big);
	assert_int_equal(e->kind, K_FRAMEWORK);
	assert_int_equal(e->index, big);
	e = idmap_put(&m, "last", K_STEP, 3); /* a duplicate: the first stays */
	assert_int_equal(e->kind, K_FRAMEWORK);
	assert_int_equal(e->index, big);
	assert_int_equal(m.n, 1);
	idmap_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(map_should_grow_past_its_estimate),
		cmocka_unit_test(entries_should_keep_large_indices_and_first_owner),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
