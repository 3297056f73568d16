/* test_engine.c - the simulation engine on the Venezuela framework. */
#include "testutil.h"

#include "date.h"
#include "engine.h"
#include "framework.h"
#include "idmap.h"

#define FRAMEWORK FWSIM_ROOT "/frameworks/venezuela.yaml"

static struct framework fw;
static const struct model *M;

static int setup(void **state)
{
	(void)state;
	if (framework_open(&fw, FRAMEWORK, 1) != FW_VALID)
		return -1;
	M = &fw.model;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	framework_release(&fw);
	return 0;
}

static uint32_t id(const char *s)
{
	const struct idmap_entry *e = idmap_get(&M->ids, s);

	if (!e)
		fail_msg("no id '%s'", s);
	return e->index;
}

static uint32_t step_no(unsigned n)
{
	size_t i;

	for (i = 0; i < M->nsteps; i++)
		if (M->steps[i].number == n)
			return (uint32_t)i;
	fail_msg("no step %u", n);
	return 0;
}

static day_t D(const char *s)
{
	day_t d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

/* Apply an event; it must be accepted. */
static void ok(struct run *r, struct event ev)
{
	char why[1024];

	if (run_apply(r, &ev, why, sizeof(why)) < 0)
		fail_msg("refused: %s", why);
}

/* Apply an event; it must be refused, with WANT in the reason. */
static void refused(struct run *r, struct event ev, const char *want)
{
	char why[1024];
	size_t before = r->nlog;

	assert_int_equal(run_apply(r, &ev, why, sizeof(why)), -1);
	if (!strstr(why, want))
		fail_msg("reason '%s' lacks '%s'", why, want);
	assert_int_equal(r->nlog, before); /* nothing changed */
}

static struct event complete(unsigned n)
{
	struct event e = {.kind = EV_COMPLETE, .index = step_no(n)};
	return e;
}

static struct event set(const char *fact, bool v)
{
	struct event e = {.kind = EV_SET, .index = id(fact), .value = v};
	return e;
}

static struct event advance(unsigned n, char unit)
{
	struct event e = {.kind = EV_ADVANCE, .by = {n, unit}};
	return e;
}

static uint8_t sanction(const struct run *r, const char *s)
{
	return r->sanction[id(s)];
}

static void start(struct run *r)
{
	run_init(r, M, M->start);
}

static void steps_1_to_5(struct run *r)
{
	ok(r, complete(1));
	ok(r, complete(3));
	ok(r, complete(4));
	ok(r, complete(5));
}

static void step_effects_lift_their_sanctions(void **state)
{
	struct run r;

	(void)state;
	start(&r);
	assert_int_equal(sanction(&r, "anc-members"), S_ACTIVE);
	ok(&r, complete(1));
	assert_int_equal(sanction(&r, "anc-members"), S_LIFTED);
	ok(&r, complete(4));
	assert_int_equal(sanction(&r, "cne-tsj-members"), S_LIFTED);
	ok(&r, complete(5));
	ok(&r, complete(6));
	assert_int_equal(sanction(&r, "cabinet-members"), S_ACTIVE);
	ok(&r, complete(8));
	assert_int_equal(sanction(&r, "cabinet-members"), S_LIFTED);
	assert_int_equal(sanction(&r, "fanb-positional"), S_LIFTED);
	run_release(&r);
}

static void claimants_lifted_in_either_order(void **state)
{
	struct run r;
	int order;

	(void)state;
	for (order = 0; order < 2; order++) {
		start(&r);
		steps_1_to_5(&r);
		if (order == 0) {
			ok(&r, set("claimants-renounced", true));
			assert_int_equal(sanction(&r, "presidential-claimants"), S_ACTIVE);
			ok(&r, complete(6));
		} else {
			ok(&r, complete(6));
			assert_int_equal(sanction(&r, "presidential-claimants"), S_ACTIVE);
			ok(&r, set("claimants-renounced", true));
		}
		assert_int_equal(sanction(&r, "presidential-claimants"), S_LIFTED);
		/* Both the U.S. and the EU act. */
		assert_int_equal(r.log[r.sanction_change[id("presidential-claimants")]].action->by.n, 2);
		run_release(&r);
	}
}

static void step_7_suspends_by_itself_once_5_and_3_are_done(void **state)
{
	struct run r;

	(void)state;
	start(&r);
	ok(&r, complete(1));
	ok(&r, complete(5));
	assert_int_equal(r.step[step_no(7)], SS_PENDING);
	assert_int_equal(sanction(&r, "government-pdvsa-oil"), S_ACTIVE);
	ok(&r, complete(3)); /* the last condition: step 7 follows on its own */
	assert_int_equal(r.step[step_no(7)], SS_DONE);
	assert_int_equal(sanction(&r, "government-pdvsa-oil"), S_SUSPENDED);
	/* Completing it by hand now is refused: no second effect. */
	refused(&r, complete(7), "already done");
	run_release(&r);
}

static void elections_window_is_six_to_twelve_months(void **state)
{
	struct run r;
	char d[11];

	(void)state;
	start(&r);
	ok(&r, complete(1));
	ok(&r, complete(4));
	ok(&r, complete(5));
	ok(&r, complete(6));
	ok(&r, complete(11)); /* on 2020-03-31 */
	refused(&r, complete(12), "window opens 2020-09-30");
	ok(&r, advance(5, 'm'));
	refused(&r, complete(12), "window opens 2020-09-30");
	ok(&r, advance(30, 'd'));
	date_format(r.date, d);
	assert_string_equal(d, "2020-09-30");
	assert_int_equal(r.step[step_no(12)], SS_READY);
	/* Past twelve months the step is overdue and cannot be done. */
	ok(&r, advance(6, 'm'));
	assert_int_equal(r.step[step_no(12)], SS_READY); /* 2021-03-30: still open */
	ok(&r, advance(2, 'd'));
	assert_int_equal(r.step[step_no(12)], SS_OVERDUE);
	refused(&r, complete(12), "window closed 2021-03-31");
	run_release(&r);
}

static void free_fair_elections_lift_everything_left(void **state)
{
	struct run r;

	(void)state;
	start(&r);
	steps_1_to_5(&r); /* step 7 suspends the oil sanctions */
	ok(&r, complete(6));
	ok(&r, complete(11));
	ok(&r, advance(7, 'm'));
	ok(&r, complete(12));
	assert_int_equal(sanction(&r, "remaining-us"), S_ACTIVE);
	assert_int_equal(sanction(&r, "government-pdvsa-oil"), S_SUSPENDED);
	ok(&r, set("observers-free-fair", true));
	assert_int_equal(sanction(&r, "remaining-us"), S_LIFTED);
	assert_int_equal(sanction(&r, "government-pdvsa-oil"), S_LIFTED);
	/* Not the claimants': that is theirs to unlock by renouncing. */
	assert_int_equal(sanction(&r, "presidential-claimants"), S_ACTIVE);
	run_release(&r);
}

static void guarantee_window_and_a_breach_that_stays(void **state)
{
	struct run r;
	uint32_t g = id("military-high-command");
	char d[11];

	(void)state;
	start(&r);
	/* Before the Council of State, a change does not count. */
	ok(&r, set("high-command-in-place", false));
	assert_int_equal(run_guarantee_status(&r, g), GS_INACTIVE);
	ok(&r, set("high-command-in-place", true));
	ok(&r, complete(1));
	ok(&r, complete(5));
	assert_int_equal(run_guarantee_status(&r, g), GS_HELD);
	ok(&r, advance(10, 'd'));
	ok(&r, set("high-command-in-place", false));
	assert_int_equal(run_guarantee_status(&r, g), GS_BREACHED);
	date_format(r.g[g].breached_on, d);
	assert_string_equal(d, "2020-04-10");
	ok(&r, set("high-command-in-place", true));
	assert_int_equal(run_guarantee_status(&r, g), GS_BREACHED); /* on record */
	/* The other guarantee held throughout. */
	assert_int_equal(run_guarantee_status(&r, id("local-authorities")), GS_HELD);
	run_release(&r);
}

static void guarantee_ends_with_the_elections(void **state)
{
	struct run r;
	uint32_t g = id("local-authorities");

	(void)state;
	start(&r);
	steps_1_to_5(&r);
	ok(&r, complete(6));
	ok(&r, complete(11));
	ok(&r, advance(6, 'm'));
	ok(&r, complete(12));
	assert_int_equal(run_guarantee_status(&r, g), GS_INACTIVE);
	assert_true(r.g[g].closed);
	/* After the period, authorities may change: no breach. */
	ok(&r, set("local-authorities-in-place", false));
	assert_int_equal(run_guarantee_status(&r, g), GS_INACTIVE);
	run_release(&r);
}

static void refusals_name_what_is_missing(void **state)
{
	struct run r;
	struct event back = {.kind = EV_DATE, .date = D("2020-01-01")};

	(void)state;
	start(&r);
	refused(&r, complete(7), "automatic");
	refused(&r, complete(11), "waits for step 4 'elect-cne-tsj'; waits for step 6");
	refused(&r, complete(12), "waits for step 11");
	ok(&r, complete(1));
	refused(&r, complete(1), "already done (on 2020-03-31)");
	refused(&r, back, "cannot go back");
	refused(&r, advance(0, 'd'), "at least one day");
	refused(&r, advance(10000, 'y'), "9999-12-31");
	run_release(&r);
}

static void replay_gives_the_same_picture(void **state)
{
	struct run a, b;
	struct event evs[6];
	size_t i;

	(void)state;
	evs[0] = complete(1);
	evs[1] = complete(3);
	evs[2] = complete(5);
	evs[3] = set("claimants-renounced", true);
	evs[4] = advance(2, 'w');
	evs[5] = complete(6);
	start(&a);
	start(&b);
	for (i = 0; i < 6; i++)
		ok(&a, evs[i]);
	for (i = 0; i < 6; i++)
		ok(&b, evs[i]);
	assert_int_equal(a.nlog, b.nlog);
	assert_memory_equal(a.step, b.step, M->nsteps);
	assert_memory_equal(a.sanction, b.sanction, M->nsanctions);
	assert_memory_equal(a.done_on, b.done_on, M->nsteps * sizeof(*a.done_on));
	run_release(&a);
	run_release(&b);
}

/* An event costs what depends on it: in a fan of 20,000 steps that all
 * wait for step 1 but one chain, completing the last of the chain looks
 * at its one dependant, not at every step. */
static void settling_touches_only_what_depends(void **state)
{
	size_t n = 20000, i, before;
	char *text = malloc(n * 130 + 512), *p = text;
	struct model m;
	struct diags d;
	struct run r;
	struct event ev = {.kind = EV_COMPLETE};
	char why[256];

	(void)state;
	p += sprintf(p, HEAD "steps:\n");
	for (i = 0; i < n; i++) {
		p += sprintf(p, "  - {id: s%zu, number: %zu, title: T, text: X, actor: us", i, i + 1);
		/* s1 waits for s0, s2 for s1, every other step for s0. */
		if (i)
			p += sprintf(p, ", requires: s%zu, inferred: r", i < 3 ? i - 1 : 0);
		p += sprintf(p, "}\n");
	}
	assert_int_equal(load_len(text, (size_t)(p - text), &m, &d), 0);
	assert_int_equal(d.errors, 0);
	run_init(&r, &m, 0);
	ev.index = 0;
	assert_int_equal(run_apply(&r, &ev, why, sizeof(why)), 0);
	ev.index = 1;
	before = r.looks;
	assert_int_equal(run_apply(&r, &ev, why, sizeof(why)), 0);
	assert_true(r.looks - before <= 3); /* s2 only */
	assert_int_equal(r.step[2], SS_READY);
	run_release(&r);
	release(&m, &d);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(step_effects_lift_their_sanctions),
		cmocka_unit_test(claimants_lifted_in_either_order),
		cmocka_unit_test(step_7_suspends_by_itself_once_5_and_3_are_done),
		cmocka_unit_test(elections_window_is_six_to_twelve_months),
		cmocka_unit_test(free_fair_elections_lift_everything_left),
		cmocka_unit_test(guarantee_window_and_a_breach_that_stays),
		cmocka_unit_test(guarantee_ends_with_the_elections),
		cmocka_unit_test(refusals_name_what_is_missing),
		cmocka_unit_test(replay_gives_the_same_picture),
		cmocka_unit_test(settling_touches_only_what_depends),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
