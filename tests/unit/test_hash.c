/* test_hash.c - the framework hash: stable, streaming-safe, sensitive. */
#include <stdint.h>

#include "hash.h"
#include "testutil.h"

/* State files on disk hold these values: a change of algorithm makes every
 * saved state look like it was made on an edited framework. */
static void hash_should_keep_its_values(void **state)
{
	(void)state;
	assert_true(hash64("", 0) == 0x9ca066f1a4ab2eeaull);
	assert_true(hash64("fwsim", 5) == 0xe3738769dce200abull);
	assert_true(hash64("framework file\n", 15) == 0x32e27466f6517f3bull);
}

/* The reader hashes the file in the pieces read() returns: any split of
 * the same bytes must give the same hash. */
static void hash_should_not_depend_on_how_bytes_arrive(void **state)
{
	unsigned char buf[1000];
	uint64_t whole;
	size_t i, step;

	(void)state;
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 7 + 3);
	whole = hash64(buf, sizeof(buf));
	for (step = 1; step <= 17; step++) {
		struct hash64 s;

		hash64_init(&s);
		for (i = 0; i < sizeof(buf); i += step)
			hash64_add(&s, buf + i, i + step <= sizeof(buf) ? step : sizeof(buf) - i);
		assert_true(hash64_end(&s) == whole);
	}
	/* Irregular pieces, empty ones among them, as read() may return. */
	{
		static const size_t cuts[] = {0, 3, 0, 5, 8, 1, 0, 13, 7, 64, 2, 9};
		struct hash64 s;
		size_t k = 0;

		hash64_init(&s);
		for (i = 0; i < sizeof(buf); i += step) {
			step = cuts[k++ % (sizeof(cuts) / sizeof(*cuts))];
			if (step > sizeof(buf) - i)
				step = sizeof(buf) - i;
			hash64_add(&s, buf + i, step);
		}
		assert_true(hash64_end(&s) == whole);
	}
}

/* Every single-bit change and every length change shows. */
static void hash_should_see_every_change(void **state)
{
	unsigned char buf[64];
	uint64_t base;
	size_t i, bit;

	(void)state;
	memset(buf, 'a', sizeof(buf));
	base = hash64(buf, sizeof(buf));
	for (i = 0; i < sizeof(buf); i++)
		for (bit = 0; bit < 8; bit++) {
			buf[i] ^= (unsigned char)(1u << bit);
			assert_true(hash64(buf, sizeof(buf)) != base);
			buf[i] ^= (unsigned char)(1u << bit);
		}
	memset(buf, 0, sizeof(buf)); /* trailing zero bytes count */
	for (i = 0; i + 1 < sizeof(buf); i++)
		assert_true(hash64(buf, i) != hash64(buf, i + 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hash_should_keep_its_values),
		cmocka_unit_test(hash_should_not_depend_on_how_bytes_arrive),
		cmocka_unit_test(hash_should_see_every_change),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
