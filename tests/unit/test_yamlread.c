/* test_yamlread.c - the libyaml adapter enforces what libyaml does not. */
#include "testutil.h"

struct count {
	size_t items;
	const char *last_key;
};

static void count_items(void *ctx, const struct node *key, size_t index,
			const struct node *item)
{
	struct count *c = ctx;

	assert_int_equal(index, c->items);
	assert_int_equal(item->kind, NODE_MAP);
	c->items++;
	c->last_key = key->str;
}

static struct node *parse(const char *text, size_t len, struct arena *a, struct diags *d,
			  struct count *c)
{
	arena_init(a);
	diags_init(d);
	return yread_parse_buffer(text, len, &yread_default_limits, a, d, c ? count_items : NULL, c);
}

static void root_sequences_should_stream_items(void **state)
{
	struct arena a;
	struct diags d;
	struct count c = {0, NULL};
	struct node *root;
	char *text = malloc(20 * 5000 + 32), *p = text;
	int i;

	(void)state;
	p += sprintf(p, "steps:\n");
	for (i = 0; i < 5000; i++)
		p += sprintf(p, "  - {id: s%d}\n", i);
	root = parse(text, (size_t)(p - text), &a, &d, &c);
	assert_non_null(root);
	assert_int_equal(d.n, 0);
	assert_int_equal(c.items, 5000);
	assert_string_equal(c.last_key, "steps");
	/* The streamed sequence keeps only its count, not its items. */
	assert_int_equal(root->kids[1]->kind, NODE_SEQ);
	assert_int_equal(root->kids[1]->n, 5000);
	assert_null(root->kids[1]->kids);
	/* ...so the document arena stays small whatever the item count. */
	assert_true(a.used < 4096);
	arena_release(&a);
	diags_release(&d);
	free(text);
}

static void deep_nesting_should_stop_at_the_limit(void **state)
{
	const char *shapes[] = {"[", "{a: ", "- "};
	size_t s;

	(void)state;
	for (s = 0; s < 3; s++) {
		size_t n = 100000, k = strlen(shapes[s]), i;
		char *text = malloc(n * k + 1);
		struct arena a;
		struct diags d;

		for (i = 0; i < n; i++)
			memcpy(text + i * k, shapes[s], k);
		assert_null(parse(text, n * k, &a, &d, NULL));
		assert_int_equal(d.n, 1);
		assert_int_equal(d.v[0].code, D_YAML_DEPTH);
		/* The 65th opening is the one refused. */
		assert_int_equal(d.v[0].loc.col, 64 * k + 1);
		arena_release(&a);
		diags_release(&d);
		free(text);
	}
}

static void aliases_should_be_refused_not_expanded(void **state)
{
	struct arena a;
	struct diags d;
	const char *self = "a: &a [ *a ]\n";

	(void)state;
	assert_non_null(parse(self, strlen(self), &a, &d, NULL));
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].code, D_YAML_ALIAS);
	assert_int_equal(d.v[0].loc.line, 1);
	assert_int_equal(d.v[0].loc.col, 9);
	arena_release(&a);
	diags_release(&d);
}

static void duplicate_keys_should_be_reported_at_the_second(void **state)
{
	struct arena a;
	struct diags d;
	const char *small = "x: 1\n? y\n: 2\n\"y\": 3\n";
	char big[40000], *p = big;
	int i;

	(void)state;
	assert_non_null(parse(small, strlen(small), &a, &d, NULL));
	assert_int_equal(d.n, 1);
	assert_true(has_diag(&d, D_DUPLICATE_KEY, 4, 1));
	arena_release(&a);
	diags_release(&d);

	/* A large mapping goes through the sorting path. */
	for (i = 0; i < 2000; i++)
		p += sprintf(p, "k%d: 1\n", i);
	p += sprintf(p, "k1500: 2\nk7: 3\n");
	assert_non_null(parse(big, (size_t)(p - big), &a, &d, NULL));
	assert_int_equal(d.n, 2);
	assert_true(has_diag(&d, D_DUPLICATE_KEY, 2001, 1));
	assert_true(has_diag(&d, D_DUPLICATE_KEY, 2002, 1));
	arena_release(&a);
	diags_release(&d);
}

static void one_document_only(void **state)
{
	struct arena a;
	struct diags d;
	const char *two = "a: 1\n---\nb: 2\n";
	const char *empties[] = {"", "# only a comment\n", "---\n...\n", "~\n"};
	size_t i;

	(void)state;
	assert_null(parse(two, strlen(two), &a, &d, NULL));
	assert_true(has_diag(&d, D_YAML_MULTIDOC, 2, 1));
	arena_release(&a);
	diags_release(&d);
	for (i = 0; i < 4; i++) {
		assert_null(parse(empties[i], strlen(empties[i]), &a, &d, NULL));
		assert_int_equal(d.n, 1);
		assert_int_equal(d.v[0].code, D_EMPTY_DOCUMENT);
		arena_release(&a);
		diags_release(&d);
	}
}

static void bom_and_crlf_should_not_shift_positions(void **state)
{
	struct arena a;
	struct diags d;
	const char *bom = "\xef\xbb\xbf" "a: 1\nb: !x 2\n";
	const char *crlf = "a: 1\r\nb: !x 2\r\n";

	(void)state;
	assert_non_null(parse(bom, strlen(bom), &a, &d, NULL));
	assert_true(has_diag(&d, D_YAML_TAG, 2, 4));
	arena_release(&a);
	diags_release(&d);
	assert_non_null(parse(crlf, strlen(crlf), &a, &d, NULL));
	assert_true(has_diag(&d, D_YAML_TAG, 2, 4));
	arena_release(&a);
	diags_release(&d);
}

static void bad_bytes_should_be_encoding_errors(void **state)
{
	struct arena a;
	struct diags d;
	const char nul[] = "a: 1\nb: x\0y\n";
	const char *bad = "a: 1\nb: \xff\xfe\n";
	const char *overlong = "a: \xc0\xaf\n";
	const char *utf16 = "\xff\xfe" "a\0:\0";
	const char *escaped = "a: \"x\\0y\"\nb: \"\\e[2J\"\n";

	(void)state;
	assert_null(parse(nul, sizeof(nul) - 1, &a, &d, NULL));
	assert_true(has_diag(&d, D_ENCODING, 2, 5));
	arena_release(&a);
	diags_release(&d);
	assert_null(parse(bad, strlen(bad), &a, &d, NULL));
	assert_true(has_diag(&d, D_ENCODING, 2, 4));
	arena_release(&a);
	diags_release(&d);
	assert_null(parse(overlong, strlen(overlong), &a, &d, NULL));
	assert_true(has_diag(&d, D_ENCODING, 1, 4));
	arena_release(&a);
	diags_release(&d);
	assert_null(parse(utf16, 6, &a, &d, NULL));
	assert_true(has_diag(&d, D_ENCODING, 1, 1));
	arena_release(&a);
	diags_release(&d);
	assert_non_null(parse(escaped, strlen(escaped), &a, &d, NULL));
	assert_true(has_diag(&d, D_ENCODING, 1, 4));
	assert_true(has_diag(&d, D_ENCODING, 2, 4));
	arena_release(&a);
	diags_release(&d);
}

static void limits_should_hold(void **state)
{
	struct yread_limits lim = yread_default_limits;
	struct arena a;
	struct diags d;
	size_t n = lim.max_scalar + 10;
	char *text = malloc(n + 8);

	(void)state;
	memcpy(text, "a: ", 3);
	memset(text + 3, 'x', n);
	text[n + 3] = '\n';
	arena_init(&a);
	diags_init(&d);
	assert_non_null(yread_parse_buffer(text, n + 4, &lim, &a, &d, NULL, NULL));
	assert_true(has_diag(&d, D_SCALAR_TOO_LONG, 1, 4));
	arena_release(&a);
	diags_release(&d);
	lim.max_file = 100;
	arena_init(&a);
	diags_init(&d);
	assert_null(yread_parse_buffer(text, 101, &lim, &a, &d, NULL, NULL));
	assert_true(has_diag(&d, D_FILE_TOO_LARGE, 1, 1));
	arena_release(&a);
	diags_release(&d);
	free(text);
}

static void syntax_errors_should_point_at_the_problem(void **state)
{
	struct arena a;
	struct diags d;
	const char *tab = "a:\n\tb: 1\n";
	const char *quote = "a: \"open\nb: 2\n";

	(void)state;
	assert_null(parse(tab, strlen(tab), &a, &d, NULL));
	assert_true(has_diag(&d, D_YAML_SYNTAX, 2, 1));
	assert_non_null(strstr(d.v[0].message, "tabs"));
	arena_release(&a);
	diags_release(&d);
	assert_null(parse(quote, strlen(quote), &a, &d, NULL));
	assert_int_equal(d.v[0].code, D_YAML_SYNTAX);
	arena_release(&a);
	diags_release(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(root_sequences_should_stream_items),
		cmocka_unit_test(deep_nesting_should_stop_at_the_limit),
		cmocka_unit_test(aliases_should_be_refused_not_expanded),
		cmocka_unit_test(duplicate_keys_should_be_reported_at_the_second),
		cmocka_unit_test(one_document_only),
		cmocka_unit_test(bom_and_crlf_should_not_shift_positions),
		cmocka_unit_test(bad_bytes_should_be_encoding_errors),
		cmocka_unit_test(limits_should_hold),
		cmocka_unit_test(syntax_errors_should_point_at_the_problem),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
