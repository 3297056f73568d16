/* test_hostile.c - bad input gets a diagnostic, never a crash or a hang.
 *
 * Run under the sanitizers in CI: a memory error here fails the build even
 * when every assertion holds.  ctest's timeout bounds the time. */
#include "testutil.h"

#include "fileio.h"

#define FRAMEWORK FWSIM_ROOT "/frameworks/venezuela.yaml"

static char *venezuela(size_t *len)
{
	static char err[256];
	char *buf = NULL;
	size_t cap; /* small: file_free is free() */

	/* GCC 12 wrongly sees a dangling pointer in the cmocka assertion when
	 * the call and the check share a statement; keep them apart. */
	if (file_read(FRAMEWORK, 1 << 20, &buf, len, &cap, err, sizeof(err)) != 0)
		fail_msg("%s: %s", FRAMEWORK, err);
	return buf;
}

/* Deterministic xorshift, so a failure can be replayed. */
static uint32_t rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static void bit_flips_should_never_crash(void **state)
{
	size_t len, i;
	char *orig = venezuela(&len), *buf = malloc(len + 1);
	uint32_t seed = 12345;
	int invalid = 0;

	(void)state;
	for (i = 0; i < 1500; i++) {
		struct model m;
		struct diags d;
		int flips = 1 + (int)(rnd(&seed) % 4), k;

		memcpy(buf, orig, len + 1);
		for (k = 0; k < flips; k++)
			buf[rnd(&seed) % len] ^= (char)(1u << (rnd(&seed) % 8));
		load_len(buf, len, &m, &d);
		invalid += d.errors > 0;
		release(&m, &d);
	}
	/* Most flips land in text and change nothing the loader checks, but
	 * many must be caught. */
	assert_true(invalid > 100);
	free(orig);
	free(buf);
}

static void every_truncation_should_load_or_fail_cleanly(void **state)
{
	size_t len, cut, steps_at;
	char *orig = venezuela(&len);
	const char *steps = strstr(orig, "\nsteps:");

	(void)state;
	assert_non_null(steps);
	steps_at = (size_t)(steps - orig);
	for (cut = 0; cut < len; cut += 7) {
		struct model m;
		struct diags d;
		char saved = orig[cut];

		/* Cut in place: the loader gets exactly CUT bytes. */
		orig[cut] = '\0';
		load_len(orig, cut, &m, &d);
		orig[cut] = saved;
		/* Cut before its steps, a framework is invalid; after, a cut
		 * between items can be valid, but must never crash. */
		if (cut < steps_at)
			assert_true(d.errors > 0);
		release(&m, &d);
	}
	free(orig);
}

static void random_bytes_should_be_refused(void **state)
{
	uint32_t seed = 99;
	int i;

	(void)state;
	for (i = 0; i < 300; i++) {
		size_t len = rnd(&seed) % 4096, k;
		char *buf = malloc(len + 1);
		struct model m;
		struct diags d;

		for (k = 0; k < len; k++)
			buf[k] = (char)rnd(&seed);
		buf[len] = '\0';
		load_len(buf, len, &m, &d);
		assert_true(d.errors > 0);
		release(&m, &d);
		free(buf);
	}
}

static void alias_bomb_should_not_expand(void **state)
{
	char text[4096], *p = text;
	struct model m;
	struct diags d;
	int i, j;

	(void)state;
	p += sprintf(p, "a0: &a0 [lol]\n");
	for (i = 1; i < 10; i++) {
		p += sprintf(p, "a%d: &a%d [", i, i);
		for (j = 0; j < 10; j++)
			p += sprintf(p, "%s*a%d", j ? ", " : "", i - 1);
		p += sprintf(p, "]\n");
	}
	assert_int_equal(load_str(text, &m, &d), 0);
	assert_true(has_diag(&d, D_YAML_ALIAS, 2, 10));
	release(&m, &d);
}

static void many_anchors_should_be_linear(void **state)
{
	size_t n = 40000, i;
	char *text = malloc(n * 24 + 16), *p = text;
	struct model m;
	struct diags d;

	(void)state;
	p += sprintf(p, "x:\n");
	for (i = 0; i < n; i++)
		p += sprintf(p, "  - &a%zu v\n", i);
	load_len(text, (size_t)(p - text), &m, &d);
	assert_true(has_diag(&d, D_UNKNOWN_KEY, 1, 1));
	release(&m, &d);
	free(text);
}

static void huge_scalar_should_be_refused(void **state)
{
	size_t n = 50u * 1024 * 1024;
	char *text = malloc(n + 32);
	struct model m;
	struct diags d;

	(void)state;
	memcpy(text, "fwsim: 1\nx: ", 12);
	memset(text + 12, 'y', n);
	memcpy(text + 12 + n, "\n", 2);
	load_len(text, n + 13, &m, &d);
	assert_true(has_diag(&d, D_SCALAR_TOO_LONG, 2, 4));
	release(&m, &d);
	free(text);
}

static void hostile_ids_and_text_should_be_contained(void **state)
{
	struct model m;
	struct diags d;
	const char *text = HEAD "steps:\n"
		"  - id: \"x\\\"];evil[label=pwned];a[\\\"\"\n"
		"    number: 1\n    title: '\\N\\G <b>&amp;'\n    text: \"\\u202Eexe\"\n"
		"    actor: us\n"
		"  - {id: \"\\u202Eexe\", number: 2, title: t, text: t, actor: us}\n"
		"  - {id: node, number: 3, title: t, text: t, actor: us}\n";

	(void)state;
	assert_int_equal(load_str(text, &m, &d), 0);
	assert_true(has_diag(&d, D_BAD_ID, 9, 9));
	assert_true(has_diag(&d, D_BAD_ID, 14, 10));
	/* Titles and texts are only text: Graphviz escapes, markup and a
	 * bidi control in a text are not errors (the renderer escapes them);
	 * a bidi control or DOT syntax in an id is. */
	assert_int_equal(d.errors, 2);
	assert_string_equal(m.steps[0].title, "\\N\\G <b>&amp;");
	release(&m, &d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bit_flips_should_never_crash),
		cmocka_unit_test(every_truncation_should_load_or_fail_cleanly),
		cmocka_unit_test(random_bytes_should_be_refused),
		cmocka_unit_test(alias_bomb_should_not_expand),
		cmocka_unit_test(many_anchors_should_be_linear),
		cmocka_unit_test(huge_scalar_should_be_refused),
		cmocka_unit_test(hostile_ids_and_text_should_be_contained),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
