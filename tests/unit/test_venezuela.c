/* test_venezuela.c - frameworks/venezuela.yaml is faithful to its source.
 *
 * The source is frameworks/sources/venezuela-framework.txt, the State
 * Department's text as published: numbered steps, then "Guarantees" with
 * numbered guarantees.  Every clause must be in the framework word for word
 * (byte for byte), every basis must quote the source, and the model must
 * say what the text says about sanctions, windows and guarantees. */
#include "testutil.h"

#include "fileio.h"
#include "framework.h"

#define SOURCE FWSIM_ROOT "/frameworks/sources/venezuela-framework.txt"
#define FRAMEWORK FWSIM_ROOT "/frameworks/venezuela.yaml"

struct clauses {
	char *buf;
	const char *step[14];      /* step[N] is clause N */
	const char *guarantee[3];  /* guarantee[N] likewise */
	size_t nsteps, nguarantees;
};

static struct framework fw;
static struct clauses src;

/* Split the source into its numbered clauses ("  N. text"). */
static void read_clauses(struct clauses *c)
{
	char err[256], *line, *save = NULL;
	size_t len, cap;
	int in_guarantees = 0;

	assert_int_equal(file_read(SOURCE, 1 << 20, &c->buf, &len, &cap, err, sizeof(err)), 0);
	for (line = strtok_r(c->buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		unsigned n;
		int used;

		if (strcmp(line, "Guarantees") == 0)
			in_guarantees = 1;
		if (sscanf(line, "  %u. %n", &n, &used) != 1 || used < 5)
			continue;
		if (in_guarantees) {
			assert_true(n >= 1 && n <= 2);
			c->guarantee[n] = line + used;
			c->nguarantees++;
		} else {
			assert_true(n >= 1 && n <= 13);
			c->step[n] = line + used;
			c->nsteps++;
		}
	}
}

static int setup(void **state)
{
	(void)state;
	read_clauses(&src);
	if (framework_open(&fw, FRAMEWORK, 1) != FW_VALID) {
		dump_diags(&fw.diags);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	framework_release(&fw);
	free(src.buf);
	return 0;
}

static const struct step *step_no(unsigned n)
{
	size_t i;

	for (i = 0; i < fw.model.nsteps; i++)
		if (fw.model.steps[i].number == n)
			return &fw.model.steps[i];
	fail_msg("no step %u", n);
	return NULL;
}

static uint32_t index_of(enum kind k, const char *id)
{
	const struct model *m = &fw.model;
	size_t i, n = k == K_STEP ? m->nsteps : k == K_SANCTION ? m->nsanctions
		    : k == K_FACT ? m->nfacts : k == K_ACTOR ? m->nactors : m->nguarantees;

	for (i = 0; i < n; i++) {
		const char *x = k == K_STEP ? m->steps[i].id : k == K_SANCTION ? m->sanctions[i].id
			      : k == K_FACT ? m->facts[i].id : k == K_ACTOR ? m->actors[i].id
			      : m->guarantees[i].id;
		if (strcmp(x, id) == 0)
			return (uint32_t)i;
	}
	fail_msg("no %s '%s'", kind_name(k), id);
	return NO_INDEX;
}

static void every_clause_should_be_quoted_byte_for_byte(void **state)
{
	unsigned n;

	(void)state;
	assert_int_equal(src.nsteps, 13);
	assert_int_equal(src.nguarantees, 2);
	assert_int_equal(fw.model.nsteps, 13);
	assert_int_equal(fw.model.nguarantees, 2);
	for (n = 1; n <= 13; n++)
		assert_string_equal(step_no(n)->text, src.step[n]);
	assert_string_equal(fw.model.guarantees[index_of(K_GUARANTEE, "military-high-command")].text,
			    src.guarantee[1]);
	assert_string_equal(fw.model.guarantees[index_of(K_GUARANTEE, "local-authorities")].text,
			    src.guarantee[2]);
}

/* Does HAY contain the LEN bytes at NEEDLE? (memmem is not in C11.) */
static int contains(const char *hay, const char *needle, size_t len)
{
	char *n = strndup(needle, len);
	int found = strstr(hay, n) != NULL;

	free(n);
	return found;
}

/* Every sentence of the source appears somewhere in the framework's texts:
 * the same guarantee as above, said sentence by sentence, so that a clause
 * split over two steps would still be caught if the test above changed. */
static void every_sentence_should_appear(void **state)
{
	unsigned n, sentences = 0;

	(void)state;
	for (n = 1; n <= 15; n++) {
		const char *clause = n <= 13 ? src.step[n] : src.guarantee[n - 13];
		const char *start = clause, *p;

		for (p = clause;; p++) {
			if (*p == '\0' || (*p == '.' && (p[1] == ' ' || p[1] == '\0' ||
							   (unsigned char)p[1] == 0xc2))) {
				size_t len = (size_t)(p - start) + (*p == '.');
				size_t i;
				int found = 0;

				for (i = 0; i < fw.model.nsteps && !found; i++)
					found = contains(fw.model.steps[i].text, start, len);
				for (i = 0; i < fw.model.nguarantees && !found; i++)
					found = contains(fw.model.guarantees[i].text, start, len);
				if (!found)
					fail_msg("sentence not quoted: %.*s", (int)len, start);
				sentences += len > 1;
				if (*p == '\0')
					break;
				start = p + 1;
				while (*start == ' ' || (unsigned char)*start == 0xc2 ||
				       (unsigned char)*start == 0xa0)
					start++;
				p = start - 1;
			}
		}
	}
	assert_true(sentences >= 30);
}

static void check_basis(const struct just *j, const char *where)
{
	char *all = NULL;
	size_t len, cap;
	char err[256];

	if (j->kind != JUST_BASIS)
		return;
	assert_int_equal(file_read(SOURCE, 1 << 20, &all, &len, &cap, err, sizeof(err)), 0);
	if (!strstr(all, j->text))
		fail_msg("basis of %s is not in the source: %s", where, j->text);
	free(all);
}

static void check_cond_basis(const struct cond *c, const char *where)
{
	uint32_t i;

	if (!c)
		return;
	if (c->kind == C_REF)
		check_basis(c->just, where);
	for (i = 0; i < c->n; i++)
		check_cond_basis(c->kids[i], where);
}

static void every_basis_should_quote_the_source(void **state)
{
	const struct model *m = &fw.model;
	size_t i, j;

	(void)state;
	for (i = 0; i < m->nfacts; i++)
		check_basis(&m->facts[i].just, m->facts[i].id);
	for (i = 0; i < m->nsanctions; i++)
		check_basis(&m->sanctions[i].just, m->sanctions[i].id);
	for (i = 0; i < m->nsteps; i++) {
		const struct step *s = &m->steps[i];

		check_basis(&s->just, s->id);
		check_cond_basis(s->requires, s->id);
		if (s->window)
			check_basis(&s->window->just, s->id);
		for (j = 0; j < s->neffects; j++)
			check_basis(&s->effects[j].just, s->id);
	}
	for (i = 0; i < m->ntriggers; i++) {
		check_basis(&m->triggers[i].just, m->triggers[i].id);
		check_cond_basis(m->triggers[i].when, m->triggers[i].id);
		for (j = 0; j < m->triggers[i].nactions; j++)
			check_basis(&m->triggers[i].actions[j].just, m->triggers[i].id);
	}
}

/* Does some action in A[0..N) of KIND touch SANCTION, by ACTOR (or NULL)? */
static const struct action *acts_on(const struct action *a, uint32_t n, enum action_kind kind,
				    const char *sanction, const char *actor)
{
	uint32_t i, j, k;

	for (i = 0; i < n; i++) {
		if (a[i].kind != kind)
			continue;
		for (j = 0; j < a[i].sanctions.n; j++) {
			if (strcmp(a[i].sanctions.v[j].id, sanction) != 0)
				continue;
			if (!actor)
				return &a[i];
			for (k = 0; k < a[i].by.n; k++)
				if (strcmp(a[i].by.v[k].id, actor) == 0)
					return &a[i];
		}
	}
	return NULL;
}

/* Is C, flattened through `all`, made of exactly the ids given? */
static int cond_is_all_of(const struct cond *c, const char *a, const char *b)
{
	if (!c)
		return 0;
	if (c->kind == C_REF)
		return b == NULL && strcmp(c->ref.id, a) == 0;
	if (c->kind != C_ALL || c->n != (b ? 2u : 1u))
		return 0;
	if (!b)
		return cond_is_all_of(c->kids[0], a, NULL);
	return (cond_is_all_of(c->kids[0], a, NULL) && cond_is_all_of(c->kids[1], b, NULL)) ||
	       (cond_is_all_of(c->kids[0], b, NULL) && cond_is_all_of(c->kids[1], a, NULL));
}

static const struct trigger *trigger_lifting(const char *sanction)
{
	size_t i;

	for (i = 0; i < fw.model.ntriggers; i++)
		if (acts_on(fw.model.triggers[i].actions, fw.model.triggers[i].nactions, A_LIFT,
			    sanction, NULL))
			return &fw.model.triggers[i];
	return NULL;
}

static void sanctions_should_move_as_the_text_says(void **state)
{
	const struct step *s;
	const struct trigger *t;

	(void)state;
	/* Step 1 lifts the ANC members' sanctions. */
	s = step_no(1);
	assert_non_null(acts_on(s->effects, s->neffects, A_LIFT, "anc-members", "united-states"));
	/* Step 4 needs step 1 and lifts the former CNE/TSJ members'. */
	s = step_no(4);
	assert_true(cond_is_all_of(s->requires, step_no(1)->id, NULL));
	assert_non_null(acts_on(s->effects, s->neffects, A_LIFT, "cne-tsj-members", "united-states"));
	/* Claimants: U.S. and EU, once step 6 is done and they renounce, in
	 * either order: a trigger, not an effect of step 6. */
	t = trigger_lifting("presidential-claimants");
	assert_non_null(t);
	assert_true(cond_is_all_of(t->when, step_no(6)->id, "claimants-renounced"));
	assert_non_null(acts_on(t->actions, t->nactions, A_LIFT, "presidential-claimants",
				"united-states"));
	assert_non_null(acts_on(t->actions, t->nactions, A_LIFT, "presidential-claimants",
				"european-union"));
	/* Step 7 is automatic on steps 5 and 3, and suspends (not lifts). */
	s = step_no(7);
	assert_true(s->autostep);
	assert_true(cond_is_all_of(s->requires, step_no(5)->id, step_no(3)->id));
	assert_non_null(acts_on(s->effects, s->neffects, A_SUSPEND, "government-pdvsa-oil",
				"united-states"));
	assert_null(acts_on(s->effects, s->neffects, A_LIFT, "government-pdvsa-oil", NULL));
	/* Step 8 lifts the former cabinet's and the positional FANB sanctions. */
	s = step_no(8);
	assert_non_null(acts_on(s->effects, s->neffects, A_LIFT, "cabinet-members", "united-states"));
	assert_non_null(acts_on(s->effects, s->neffects, A_LIFT, "fanb-positional", "united-states"));
	/* Elections plus the observers' verdict lift everything U.S. left,
	 * the suspended oil sanctions included. */
	t = trigger_lifting("remaining-us");
	assert_non_null(t);
	assert_true(cond_is_all_of(t->when, step_no(12)->id, "observers-free-fair"));
	assert_non_null(acts_on(t->actions, t->nactions, A_LIFT, "government-pdvsa-oil",
				"united-states"));
}

static void election_window_should_be_six_to_twelve_months_after_step_11(void **state)
{
	const struct window *w = step_no(12)->window;

	(void)state;
	assert_non_null(w);
	assert_string_equal(w->after.id, step_no(11)->id);
	assert_true(w->has_not_before && w->has_not_after);
	assert_int_equal(w->not_before.n, 6);
	assert_int_equal(w->not_before.unit, 'm');
	assert_int_equal(w->not_after.n, 12);
	assert_int_equal(w->not_after.unit, 'm');
}

static void guarantees_should_run_from_council_to_elections(void **state)
{
	const struct model *m = &fw.model;
	const char *facts[] = {"high-command-in-place", "local-authorities-in-place"};
	const char *ids[] = {"military-high-command", "local-authorities"};
	int i;

	(void)state;
	for (i = 0; i < 2; i++) {
		const struct guarantee *g = &m->guarantees[index_of(K_GUARANTEE, ids[i])];

		assert_true(cond_is_all_of(g->from, step_no(5)->id, NULL));
		assert_true(cond_is_all_of(g->until, step_no(12)->id, NULL));
		assert_true(cond_is_all_of(g->holds, facts[i], NULL));
	}
}

static void ids_and_initial_values_should_be_the_agreed_ones(void **state)
{
	const struct model *m = &fw.model;
	const char *sanctions[] = {"anc-members", "cne-tsj-members", "presidential-claimants",
				   "cabinet-members", "fanb-positional", "government-pdvsa-oil",
				   "remaining-us"};
	size_t i;

	(void)state;
	assert_string_equal(m->id, "venezuela");
	assert_int_equal(m->nsanctions, 7);
	for (i = 0; i < 7; i++)
		assert_int_equal(m->sanctions[index_of(K_SANCTION, sanctions[i])].initial, S_ACTIVE);
	assert_int_equal(m->sanctions[index_of(K_SANCTION, "presidential-claimants")].imposed_by.n, 2);
	assert_false(m->facts[index_of(K_FACT, "claimants-renounced")].initial);
	assert_false(m->facts[index_of(K_FACT, "observers-free-fair")].initial);
	assert_true(m->facts[index_of(K_FACT, "high-command-in-place")].initial);
	assert_true(m->facts[index_of(K_FACT, "local-authorities-in-place")].initial);
	assert_true(m->has_start);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_clause_should_be_quoted_byte_for_byte),
		cmocka_unit_test(every_sentence_should_appear),
		cmocka_unit_test(every_basis_should_quote_the_source),
		cmocka_unit_test(sanctions_should_move_as_the_text_says),
		cmocka_unit_test(election_window_should_be_six_to_twelve_months_after_step_11),
		cmocka_unit_test(guarantees_should_run_from_council_to_elections),
		cmocka_unit_test(ids_and_initial_values_should_be_the_agreed_ones),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
