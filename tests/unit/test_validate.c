/* test_validate.c - references and the dependency structure. */
#include "testutil.h"

/* A step entry with the given id, number and extra YAML (indented 4). */
#define STEP(id, num, extra)                                                  \
	"  - id: " id "\n    number: " #num "\n    title: T\n    text: X\n"    \
	"    actor: us\n" extra

static void valid_framework_should_resolve_every_reference(void **state)
{
	struct model m;
	struct diags d;
	const char *text = HEAD
		"facts:\n  - {id: f, description: F, initial: false, basis: \"b\"}\n"
		"sanctions:\n  - {id: s, description: S, imposed_by: us}\n"
		"steps:\n" STEP("a", 1, "") STEP("b", 2,
		"    requires: {all: [a, f]}\n    basis: \"q\"\n"
		"    effects:\n      - {lift: s, by: us, basis: \"q\"}\n");

	(void)state;
	assert_int_equal(load_str(text, &m, &d), 0);
	if (d.n)
		dump_diags(&d);
	assert_int_equal(d.n, 0);
	assert_int_equal(m.nsteps, 2);
	assert_int_equal(m.edges, 2);
	const struct cond *c = m.steps[1].requires;
	assert_int_equal(c->kind, C_ALL);
	assert_int_equal(c->kids[0]->ref.kind, K_STEP);
	assert_int_equal(c->kids[0]->ref.index, 0);
	assert_int_equal(c->kids[1]->ref.kind, K_FACT);
	assert_int_equal(c->kids[1]->ref.index, 0);
	assert_int_equal(c->kids[1]->just->kind, JUST_BASIS);
	assert_int_equal(m.steps[1].effects[0].sanctions.v[0].kind, K_SANCTION);
	assert_int_equal(m.steps[1].effects[0].by.v[0].kind, K_ACTOR);
	release(&m, &d);
}

static void cycle_should_be_printed_and_located(void **state)
{
	struct model m;
	struct diags d;
	const char *text = HEAD "steps:\n"
		STEP("a", 1, "    requires: c\n    inferred: r\n")
		STEP("b", 2, "    requires: a\n    inferred: r\n")
		STEP("c", 3, "    requires: b\n    inferred: r\n")
		STEP("d", 4, "    requires: c\n    inferred: r\n");

	(void)state;
	load_str(text, &m, &d);
	assert_int_equal(d.errors, 2);
	assert_true(has_diag(&d, D_CYCLE, 21, 15)); /* b's `requires: a` */
	assert_non_null(strstr(diag_msg(&d, D_CYCLE), "'a' -> 'c' -> 'b' -> 'a'"));
	/* d waits for the cycle: it can never be ready, and says why. */
	assert_true(has_diag(&d, D_NEVER_READY, 30, 5));
	assert_non_null(strstr(diag_msg(&d, D_NEVER_READY), "'d'"));
	assert_non_null(strstr(diag_msg(&d, D_NEVER_READY), "waits for 'c'"));
	release(&m, &d);
}

static void self_dependency_is_a_cycle(void **state)
{
	struct model m;
	struct diags d;
	const char *text = HEAD "steps:\n" STEP("a", 1, "    requires: a\n    inferred: r\n");

	(void)state;
	load_str(text, &m, &d);
	assert_int_equal(d.errors, 1);
	assert_true(has_diag(&d, D_CYCLE, 14, 15));
	release(&m, &d);
}

static void any_through_a_cycle_is_still_possible(void **state)
{
	struct model m;
	struct diags d;
	/* a waits for b or the fact; b waits for a: a loop, but no deadlock,
	 * since a can happen through the fact. */
	const char *text = HEAD
		"facts:\n  - {id: f, description: F, initial: false, inferred: r}\n"
		"steps:\n"
		STEP("a", 1, "    requires: {any: [b, f]}\n    inferred: r\n")
		STEP("b", 2, "    requires: a\n    inferred: r\n")
		STEP("c", 3, "    requires: b\n    inferred: r\n");

	(void)state;
	load_str(text, &m, &d);
	assert_int_equal(d.n, 0);
	release(&m, &d);
}

static void contradiction_should_make_a_step_never_ready(void **state)
{
	struct model m;
	struct diags d;
	const char *text = HEAD "steps:\n" STEP("a", 1, "")
		STEP("b", 2, "    requires: [a, {not: a}]\n    inferred: r\n")
		STEP("c", 3, "    requires: {not: a}\n    inferred: before a\n");

	(void)state;
	load_str(text, &m, &d);
	assert_int_equal(d.errors, 1);
	assert_true(has_diag(&d, D_NEVER_READY, 0, 0));
	assert_non_null(strstr(diag_msg(&d, D_NEVER_READY), "'b'"));
	assert_non_null(strstr(diag_msg(&d, D_NEVER_READY), "contradicts"));
	release(&m, &d);
}

static void unknown_reference_should_suggest(void **state)
{
	struct model m;
	struct diags d;
	const char *text = HEAD "steps:\n" STEP("restore-assembly", 1, "")
		STEP("b", 2, "    requires: restore-asembly\n    inferred: r\n");

	(void)state;
	load_str(text, &m, &d);
	assert_true(has_diag(&d, D_UNKNOWN_REF, 19, 15));
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(diag_msg(&d, D_UNKNOWN_REF), "did you mean 'restore-assembly'"));
	release(&m, &d);
}

static void reference_of_wrong_kind_should_be_refused(void **state)
{
	struct model m;
	struct diags d;
	const char *text = HEAD
		"sanctions:\n  - {id: s, description: S, imposed_by: [s]}\n"
		"steps:\n" STEP("a", 1, "    requires: s\n    inferred: r\n"
				"    effects:\n      - {lift: a, by: us, inferred: r}\n");

	(void)state;
	load_str(text, &m, &d);
	assert_true(has_diag(&d, D_WRONG_KIND, 9, 42)); /* imposed_by: a sanction */
	assert_true(has_diag(&d, D_WRONG_KIND, 16, 15)); /* requires: a sanction */
	assert_true(has_diag(&d, D_WRONG_KIND, 19, 16)); /* lift: a step */
	release(&m, &d);
}

static void duplicates_should_be_reported_at_the_second(void **state)
{
	struct model m;
	struct diags d;
	/* Facts are registered before steps, but the later one in the file
	 * is the one reported. */
	const char *text = HEAD
		"steps:\n" STEP("x", 1, "") STEP("y", 1, "")
		"facts:\n  - {id: x, description: F, initial: true, inferred: r}\n";

	(void)state;
	load_str(text, &m, &d);
	assert_true(has_diag(&d, D_DUPLICATE_NUMBER, 15, 13));
	assert_true(has_diag(&d, D_DUPLICATE_ID, 20, 10));
	assert_non_null(strstr(diag_msg(&d, D_DUPLICATE_ID), "step at line 9"));
	release(&m, &d);
}

static void windows_should_point_backwards_and_make_sense(void **state)
{
	struct model m;
	struct diags d;
	const char *text = HEAD "steps:\n" STEP("a", 1, "")
		STEP("b", 2, "    window: {after: c, not_before: 1m, inferred: r}\n")
		STEP("c", 3, "    window: {after: a, not_before: 12m, not_after: 6m, inferred: r}\n")
		STEP("d", 4, "    window: {after: d, not_after: 1y, inferred: r}\n");

	(void)state;
	load_str(text, &m, &d);
	assert_true(has_diag(&d, D_WINDOW_LATER_STEP, 19, 21));
	assert_true(has_diag(&d, D_WINDOW_RANGE, 25, 13));
	assert_true(has_diag(&d, D_WINDOW_LATER_STEP, 31, 21));
	/* A window on the step itself is not also reported as a cycle. */
	assert_int_equal(d.errors, 3);
	release(&m, &d);
}

static void sanctions_and_triggers_that_never_act_should_warn(void **state)
{
	struct model m;
	struct diags d;
	const char *text = HEAD
		"facts:\n  - {id: f, description: F, initial: false, inferred: r}\n"
		"sanctions:\n"
		"  - {id: never, description: S, imposed_by: us}\n"
		"  - {id: both, description: S, imposed_by: us}\n"
		"  - {id: done, description: S, imposed_by: us, initial: lifted}\n"
		"steps:\n" STEP("a", 1,
		"    effects:\n"
		"      - {lift: both, by: us, inferred: r}\n"
		"      - {suspend: both, by: us, inferred: r}\n")
		"triggers:\n"
		"  - id: t\n    when: [f, {not: f}]\n    inferred: r\n"
		"    actions: [{lift: never, by: us}]\n";

	(void)state;
	load_str(text, &m, &d);
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.warnings, 2);
	assert_true(has_diag(&d, D_CONTRADICTORY_ACTIONS, 22, 19));
	assert_true(has_diag(&d, D_TRIGGER_NEVER_FIRES, 25, 11));
	assert_true(has_diag(&d, D_SANCTION_NEVER_LIFTED, 11, 5));
	release(&m, &d);
}

static void guarantee_windows_should_be_able_to_open(void **state)
{
	struct model m;
	struct diags d;
	const char *text = HEAD
		"facts:\n  - {id: f, description: F, initial: true, inferred: r}\n"
		"steps:\n" STEP("a", 1, "")
		STEP("b", 2, "    requires: a\n    inferred: r\n")
		"guarantees:\n"
		"  - {id: g1, text: G, during: {from: a, until: b}, holds: f}\n"
		"  - {id: g2, text: G, during: {from: b, until: a}, holds: f}\n"
		"  - {id: g3, text: G, during: {from: [a, {not: a}], until: b}, holds: f}\n";

	(void)state;
	load_str(text, &m, &d);
	assert_int_equal(d.errors, 2);
	assert_true(has_diag(&d, D_GUARANTEE_NEVER_APPLIES, 25, 48));
	assert_true(has_diag(&d, D_GUARANTEE_NEVER_APPLIES, 26, 38));
	release(&m, &d);
}

static void missing_basis_should_be_reported_per_reference(void **state)
{
	struct model m;
	struct diags d;
	const char *text = HEAD "steps:\n" STEP("a", 1, "") STEP("b", 2, "")
		STEP("c", 3, "    requires: [a, {ref: b, basis: \"q\"}]\n");

	(void)state;
	load_str(text, &m, &d);
	assert_int_equal(d.errors, 1);
	assert_true(has_diag(&d, D_MISSING_BASIS, 24, 16));
	release(&m, &d);
}

/* N steps in a chain s0 <- s1 <- ...; with CLOSED, s0 waits for the last. */
static char *chain(size_t n, int closed, size_t *len)
{
	char *text = malloc(n * 120 + 512), *p = text;
	size_t i;

	p += sprintf(p, HEAD "steps:\n");
	for (i = 0; i < n; i++) {
		p += sprintf(p, "  - {id: s%zu, number: %zu, title: T, text: X, actor: us", i, i + 1);
		if (i || closed)
			p += sprintf(p, ", requires: s%zu, inferred: r", i ? i - 1 : n - 1);
		p += sprintf(p, "}\n");
	}
	*len = (size_t)(p - text);
	return text;
}

static void long_chain_should_validate_without_recursion(void **state)
{
	/* 200k steps in a chain: the searches use explicit stacks, so neither
	 * a long chain nor one cycle through all of it can overflow. */
	struct model m;
	struct diags d;
	size_t len;
	char *text;

	(void)state;
	text = chain(200000, 0, &len);
	assert_int_equal(load_len(text, len, &m, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(m.nsteps, 200000);
	release(&m, &d);
	free(text);
	text = chain(200000, 1, &len);
	assert_int_equal(load_len(text, len, &m, &d), 0);
	assert_int_equal(d.errors, 1);
	assert_true(has_diag(&d, D_CYCLE, 0, 0));
	assert_non_null(strstr(diag_msg(&d, D_CYCLE), "(199992 more)"));
	release(&m, &d);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_framework_should_resolve_every_reference),
		cmocka_unit_test(cycle_should_be_printed_and_located),
		cmocka_unit_test(self_dependency_is_a_cycle),
		cmocka_unit_test(any_through_a_cycle_is_still_possible),
		cmocka_unit_test(contradiction_should_make_a_step_never_ready),
		cmocka_unit_test(unknown_reference_should_suggest),
		cmocka_unit_test(reference_of_wrong_kind_should_be_refused),
		cmocka_unit_test(duplicates_should_be_reported_at_the_second),
		cmocka_unit_test(windows_should_point_backwards_and_make_sense),
		cmocka_unit_test(sanctions_and_triggers_that_never_act_should_warn),
		cmocka_unit_test(guarantee_windows_should_be_able_to_open),
		cmocka_unit_test(missing_basis_should_be_reported_per_reference),
		cmocka_unit_test(long_chain_should_validate_without_recursion),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
