/* validate.c - resolve names, then check the dependency structure. */
#include "validate.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "idmap.h"
#include "util.h"

/* Unknown references for which we look for a "did you mean": each lookup
 * scans every id, so a file full of typos must not make this quadratic. */
#define MAX_SUGGESTIONS 50
#define MAX_CYCLES 100

/* One positive dependency of a step on another (requires or window). */
struct edge {
	uint32_t to;    /* the step depended on */
	struct loc loc; /* the reference */
	bool hard;      /* needed: not one choice among others in an `any` */
};

struct validator {
	struct model *m;
	struct diags *d;
	size_t suggestions;

	/* Positive step-to-step dependencies in CSR form: edges of step i are
	 * edge[first[i] .. first[i + 1]). */
	uint32_t *first;
	struct edge *edge;
	size_t nedges, cap_edges;

	bool *possible;  /* the step can become done */
	bool *on_cycle;  /* reported as part of a cycle */
	/* Generation stamps to find X and not-X side by side in one list. */
	uint32_t *pos_mark[K__COUNT], *neg_mark[K__COUNT];
	uint32_t gen;
};

static int loc_before(struct loc a, struct loc b)
{
	return a.line < b.line || (a.line == b.line && a.col < b.col);
}

/* ---- ids and numbers -------------------------------------------------- */

static int step_number_cmp(const void *pa, const void *pb)
{
	const struct step *a = *(struct step *const *)pa, *b = *(struct step *const *)pb;

	if (a->number != b->number)
		return a->number < b->number ? -1 : 1;
	return loc_before(a->number_loc, b->number_loc) ? -1 : 1;
}

static void report_number(struct validator *V, const struct step *again,
			  const struct step *first)
{
	diag_add(V->d, D_DUPLICATE_NUMBER, again->number_loc,
		 "duplicate step number %u: already used by step '%s' at line %u",
		 again->number, first->id ? first->id : "?", first->loc.line);
}

/* Steps are numbered 1..n in practice: a table indexed by number finds
 * duplicates in linear time; sparse numbers fall back on sorting. */
static void check_numbers(struct validator *V)
{
	struct model *m = V->m;
	size_t n = 0, i, max = 0;
	struct step **v;

	for (i = 0; i < m->nsteps; i++)
		if (m->steps[i].number > max)
			max = m->steps[i].number;
	if (max <= 2 * m->nsteps + 64) {
		uint32_t *first = xcalloc(max + 1, sizeof(*first)); /* index + 1 */

		for (i = 0; i < m->nsteps; i++) {
			uint32_t k = m->steps[i].number;

			if (!k)
				continue;
			if (first[k])
				report_number(V, &m->steps[i], &m->steps[first[k] - 1]);
			else
				first[k] = (uint32_t)i + 1;
		}
		free(first);
		return;
	}
	v = xmalloc(m->nsteps * sizeof(*v));
	for (i = 0; i < m->nsteps; i++)
		if (m->steps[i].number)
			v[n++] = &m->steps[i];
	qsort(v, n, sizeof(*v), step_number_cmp);
	for (i = 1; i < n; i++)
		if (v[i]->number == v[i - 1]->number)
			report_number(V, v[i], v[i - 1]);
	free(v);
}

/* ---- references --------------------------------------------------------- */

static const char *suggest(struct validator *V, const char *id, unsigned mask)
{
	const char *names[64], *best = NULL;
	size_t n = 0, i;
	int k;

	if (V->suggestions++ >= MAX_SUGGESTIONS)
		return NULL;
	/* closest_name takes an array; feed it in blocks and keep the best
	 * of the block winners. */
	for (k = 0; k < K__COUNT; k++) {
		if (!(mask & (1u << k)))
			continue;
		for (i = 0; i < model_count(V->m, (enum kind)k); i++) {
			struct loc loc;
			const char *name = model_item_id(V->m, (enum kind)k, i, &loc);

			if (!name)
				continue;
			names[n++] = name;
			if (n == 63) {
				const char *b = closest_name(id, names, n);

				n = 0;
				if (b)
					names[n++] = best = b;
			}
		}
	}
	if (n) {
		const char *b = closest_name(id, names, n);
		if (b)
			best = b;
	}
	return best;
}

/* "a step or fact", "a sanction", ... for the kinds in MASK. */
static const char *mask_article(unsigned mask)
{
	return mask == (1u << K_ACTOR) ? "an" : "a";
}

/* "step or fact", "sanction", ... for the kinds in MASK. */
static const char *mask_noun(unsigned mask)
{
	if (mask == ((1u << K_STEP) | (1u << K_FACT)))
		return "step or fact";
	if (mask == (1u << K_STEP))
		return "step";
	if (mask == (1u << K_SANCTION))
		return "sanction";
	if (mask == (1u << K_ACTOR))
		return "actor";
	return "id";
}

/* Resolve R, which must name an item of one of the kinds in MASK. */
static void resolve(struct validator *V, struct ref *r, unsigned mask)
{
	const struct idmap_entry *e = idmap_get(&V->m->ids, r->id);
	const char *hint;

	if (e && (mask & (1u << e->kind))) {
		r->kind = e->kind;
		r->index = e->index;
		return;
	}
	if (e) {
		diag_add(V->d, D_WRONG_KIND, r->loc, "'%s' is a %s, but %s %s is needed here",
			 r->id, kind_name(e->kind), mask_article(mask), mask_noun(mask));
		return;
	}
	hint = suggest(V, r->id, mask);
	if (hint)
		diag_add(V->d, D_UNKNOWN_REF, r->loc,
			 "unknown %s '%s'; did you mean '%s'?", mask_noun(mask),
			 r->id, hint);
	else
		diag_add(V->d, D_UNKNOWN_REF, r->loc, "unknown %s '%s'",
			 mask_noun(mask), r->id);
}

static void resolve_refs(struct validator *V, struct refs *rs, unsigned mask)
{
	uint32_t i;

	for (i = 0; i < rs->n; i++)
		resolve(V, &rs->v[i], mask);
}

static void resolve_cond(struct validator *V, struct cond *c)
{
	uint32_t i;

	if (!c)
		return;
	if (c->kind == C_REF) {
		resolve(V, &c->ref, (1u << K_STEP) | (1u << K_FACT));
		return;
	}
	for (i = 0; i < c->n; i++)
		resolve_cond(V, c->kids[i]);
}

static void resolve_actions(struct validator *V, struct action *a, uint32_t n)
{
	uint32_t i;

	for (i = 0; i < n; i++) {
		resolve_refs(V, &a[i].sanctions, 1u << K_SANCTION);
		resolve_refs(V, &a[i].by, 1u << K_ACTOR);
		resolve_cond(V, a[i].cond_if);
	}
}

static void resolve_all(struct validator *V)
{
	struct model *m = V->m;
	size_t i;

	for (i = 0; i < m->nsanctions; i++)
		resolve_refs(V, &m->sanctions[i].imposed_by, 1u << K_ACTOR);
	for (i = 0; i < m->nsteps; i++) {
		struct step *s = &m->steps[i];

		resolve_refs(V, &s->actors, 1u << K_ACTOR);
		resolve_cond(V, s->requires);
		if (s->window)
			resolve(V, &s->window->after, 1u << K_STEP);
		resolve_actions(V, s->effects, s->neffects);
	}
	for (i = 0; i < m->ntriggers; i++) {
		resolve_cond(V, m->triggers[i].when);
		resolve_actions(V, m->triggers[i].actions, m->triggers[i].nactions);
	}
	for (i = 0; i < m->nguarantees; i++) {
		resolve_cond(V, m->guarantees[i].from);
		resolve_cond(V, m->guarantees[i].until);
		resolve_cond(V, m->guarantees[i].holds);
	}
}

/* ---- windows ------------------------------------------------------------ */

static int is_calendar(struct duration d)
{
	return d.unit == 'm' || d.unit == 'y';
}

/* Months for calendar units, days otherwise. */
static long in_base_units(struct duration d)
{
	return (long)d.n * (d.unit == 'y' ? 12 : d.unit == 'w' ? 7 : 1);
}

static void check_window(struct validator *V, const struct step *s, uint32_t self)
{
	const struct window *w = s->window;
	const struct step *anchor;
	long nb_min, nb_max, na_min, na_max;

	if (w->after.index == NO_INDEX)
		return;
	anchor = &V->m->steps[w->after.index];
	if (w->after.index == self)
		diag_add(V->d, D_WINDOW_LATER_STEP, w->after.loc,
			 "the window of step '%s' is anchored to the step itself", s->id);
	else if (anchor->number && s->number && anchor->number >= s->number)
		diag_add(V->d, D_WINDOW_LATER_STEP, w->after.loc,
			 "the window of step %u '%s' is anchored to a later step, %u '%s'",
			 s->number, s->id, anchor->number, anchor->id);
	if (w->has_not_before && w->has_not_after) {
		duration_days(w->not_before, &nb_min, &nb_max);
		duration_days(w->not_after, &na_min, &na_max);
		/* Calendar units compare exactly among themselves (a year is
		 * twelve months); across kinds, only by their bounds in days. */
		if (is_calendar(w->not_before) == is_calendar(w->not_after)) {
			nb_min = nb_max = in_base_units(w->not_before);
			na_min = na_max = in_base_units(w->not_after);
		}
		if (nb_min > na_max)
			diag_add(V->d, D_WINDOW_RANGE, w->loc,
				 "the window of step '%s' closes (%u%c) before it opens (%u%c)",
				 s->id, w->not_after.n, w->not_after.unit,
				 w->not_before.n, w->not_before.unit);
	}
}

/* ---- the dependency graph ------------------------------------------------ */

static void add_edge(struct validator *V, uint32_t to, struct loc loc, bool hard)
{
	struct edge *e = VEC_PUSH(V->edge, V->nedges, V->cap_edges);

	e->to = to;
	e->loc = loc;
	e->hard = hard;
}

/* Edges for the step references of C that are not under a `not`: only those
 * make a step wait.  (`not X` means "before X", which never deadlocks.)
 * References that are one choice of several in an `any` are soft: a loop
 * through them is no deadlock while another choice remains. */
static void collect_edges(struct validator *V, const struct cond *c, int negated,
			  bool hard)
{
	uint32_t i;

	if (!c)
		return;
	if (c->kind == C_REF) {
		if (!negated && c->ref.index != NO_INDEX && c->ref.kind == K_STEP)
			add_edge(V, c->ref.index, c->ref.loc, hard);
		return;
	}
	for (i = 0; i < c->n; i++)
		collect_edges(V, c->kids[i], negated ^ (c->kind == C_NOT),
			      hard && !(c->kind == C_ANY && c->n > 1));
}

static void build_graph(struct validator *V)
{
	struct model *m = V->m;
	size_t i;

	V->first = xmalloc((m->nsteps + 1) * sizeof(*V->first));
	for (i = 0; i < m->nsteps; i++) {
		const struct step *s = &m->steps[i];

		V->first[i] = (uint32_t)V->nedges;
		collect_edges(V, s->requires, 0, true);
		/* A window on the step itself is reported by check_window. */
		if (s->window && s->window->after.index != NO_INDEX &&
		    s->window->after.index != i)
			add_edge(V, s->window->after.index, s->window->after.loc, true);
	}
	V->first[m->nsteps] = (uint32_t)V->nedges;
}

/* Print a cycle PATH[0] -> ... -> PATH[N-1] -> PATH[0], cut when long. */
static void report_cycle(struct validator *V, const uint32_t *path, size_t n,
			 struct loc at)
{
	char buf[1024];
	size_t len = 0, i;

	for (i = 0; i <= n && len < sizeof(buf) - 200; i++) {
		const struct step *s = &V->m->steps[path[i % n]];

		if (i == 8 && n > 10) {
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						" -> ... (%zu more)", n - 8);
			i = n - 1;
			continue;
		}
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s'%s'",
					i ? " -> " : "", s->id);
	}
	diag_add(V->d, D_CYCLE, at,
		 "dependency cycle: %s (each step waits for the next)", buf);
	for (i = 0; i < n; i++)
		V->on_cycle[path[i]] = true;
}

/* Iterative depth-first search for cycles of hard edges (real deadlocks);
 * each back edge is one cycle. */
static void find_cycles(struct validator *V)
{
	size_t n = V->m->nsteps, found = 0, root;
	uint8_t *colour = xcalloc(n, 1); /* 0 new, 1 on stack, 2 done */
	uint32_t *stack = xmalloc(n * sizeof(*stack));
	uint32_t *next = xmalloc(n * sizeof(*next)); /* next edge to follow */

	for (root = 0; root < n; root++) {
		size_t depth = 0;

		if (colour[root])
			continue;
		stack[depth++] = (uint32_t)root;
		colour[root] = 1;
		next[root] = V->first[root];
		while (depth) {
			uint32_t u = stack[depth - 1];

			if (next[u] == V->first[u + 1]) {
				colour[u] = 2;
				depth--;
				continue;
			}
			const struct edge *e = &V->edge[next[u]++];
			if (!e->hard)
				continue;
			if (colour[e->to] == 0) {
				colour[e->to] = 1;
				next[e->to] = V->first[e->to];
				stack[depth++] = e->to;
			} else if (colour[e->to] == 1 && found++ < MAX_CYCLES) {
				size_t k = depth;

				while (stack[k - 1] != e->to)
					k--;
				report_cycle(V, stack + k - 1, depth - k + 1, e->loc);
			}
		}
	}
	free(colour);
	free(stack);
	free(next);
}

/* ---- what can ever happen ------------------------------------------------- */

/* Does list C (all/any) hold both X and not-X among its direct members? */
static int has_complement(struct validator *V, const struct cond *c)
{
	uint32_t i, g = ++V->gen;

	for (i = 0; i < c->n; i++) {
		const struct cond *k = c->kids[i];
		int neg = k->kind == C_NOT;

		if (neg)
			k = k->kids[0];
		if (k->kind != C_REF || k->ref.index == NO_INDEX)
			continue;
		uint32_t *mine = (neg ? V->neg_mark : V->pos_mark)[k->ref.kind];
		uint32_t *other = (neg ? V->pos_mark : V->neg_mark)[k->ref.kind];

		if (other[k->ref.index] == g)
			return 1;
		mine[k->ref.index] = g;
	}
	return 0;
}

/* Can C be true (WANT) or false (!WANT) at some moment, given what steps
 * are possible so far?  Facts are outside anybody's control, so they can be
 * either; a step can be done only if possible, and is not done at first.
 * A sound approximation: it misses contradictions spread over nesting. */
static int can_be(struct validator *V, const struct cond *c, int want)
{
	uint32_t i;

	if (!c)
		return want;
	switch (c->kind) {
	case C_REF:
		if (c->ref.index == NO_INDEX)
			return 1; /* unresolved: reported already */
		if (c->ref.kind == K_STEP && want)
			return V->possible[c->ref.index];
		return 1;
	case C_NOT:
		return can_be(V, c->kids[0], !want);
	case C_ALL:
	case C_ANY:
		/* all[] wants every member true; any[] false, every member false. */
		if ((c->kind == C_ALL) == !!want) {
			if (has_complement(V, c))
				return 0;
			for (i = 0; i < c->n; i++)
				if (!can_be(V, c->kids[i], want))
					return 0;
			return 1;
		}
		for (i = 0; i < c->n; i++)
			if (can_be(V, c->kids[i], want))
				return 1;
		return 0;
	}
	return 1;
}

static int step_can_happen(struct validator *V, uint32_t i)
{
	const struct step *s = &V->m->steps[i];

	if (s->window && s->window->after.index != NO_INDEX &&
	    s->window->after.index != i && !V->possible[s->window->after.index])
		return 0;
	return can_be(V, s->requires, 1);
}

/* Decide possible[] for every step.  Kahn's order (dependencies first)
 * decides each step once; steps on or behind a cycle are settled by a
 * worklist afterwards, since an `any` may still let them happen. */
static void find_possible(struct validator *V)
{
	size_t n = V->m->nsteps, head = 0, tail = 0, i;
	uint32_t *indeg = xcalloc(n, sizeof(*indeg));
	uint32_t *rfirst = xcalloc(n + 1, sizeof(*rfirst));
	uint32_t *rev = xmalloc((V->nedges ? V->nedges : 1) * sizeof(*rev));
	uint32_t *queue = xmalloc((n ? n : 1) * sizeof(*queue));
	bool *queued = xcalloc(n, sizeof(*queued));
	size_t e;

	/* Reverse edges: who waits for step j. */
	for (e = 0; e < V->nedges; e++)
		rfirst[V->edge[e].to + 1]++;
	for (i = 0; i < n; i++)
		rfirst[i + 1] += rfirst[i];
	for (i = 0; i < n; i++)
		for (e = V->first[i]; e < V->first[i + 1]; e++) {
			rev[rfirst[V->edge[e].to] + indeg[V->edge[e].to]++] = (uint32_t)i;
		}
	memset(indeg, 0, n * sizeof(*indeg));
	for (i = 0; i < n; i++)
		indeg[i] = V->first[i + 1] - V->first[i];
	for (i = 0; i < n; i++)
		if (indeg[i] == 0)
			queue[tail++] = (uint32_t)i;
	while (head < tail) {
		uint32_t u = queue[head++];

		V->possible[u] = step_can_happen(V, u);
		for (e = rfirst[u]; e < rfirst[u + 1]; e++)
			if (--indeg[rev[e]] == 0)
				queue[tail++] = rev[e];
	}
	/* Leftovers (indeg still > 0) are on or behind a cycle: re-examine one
	 * each time a step it waits for becomes possible.  A step is in the
	 * circular queue at most once, so N slots suffice. */
	head = tail = 0;
	size_t queued_count = 0;
	for (i = 0; i < n; i++)
		if (indeg[i] > 0) {
			queue[tail++] = (uint32_t)i;
			queued[i] = true;
			queued_count++;
		} else {
			queued[i] = false;
		}
	tail %= n ? n : 1;
	while (queued_count) {
		uint32_t u = queue[head];

		head = (head + 1) % n;
		queued[u] = false;
		queued_count--;
		if (V->possible[u] || !step_can_happen(V, u))
			continue;
		V->possible[u] = true;
		for (e = rfirst[u]; e < rfirst[u + 1]; e++) {
			uint32_t w = rev[e];

			if (indeg[w] > 0 && !V->possible[w] && !queued[w]) {
				queued[w] = true;
				queued_count++;
				queue[tail] = w;
				tail = (tail + 1) % n;
			}
		}
	}
	free(indeg);
	free(rfirst);
	free(rev);
	free(queue);
	free(queued);
}

/* The first step that C needs (outside a `not`) and that can never happen. */
static const struct ref *impossible_dep(struct validator *V, const struct cond *c,
					int negated)
{
	uint32_t i;

	if (!c)
		return NULL;
	if (c->kind == C_REF)
		return !negated && c->ref.index != NO_INDEX && c->ref.kind == K_STEP &&
		       !V->possible[c->ref.index] ? &c->ref : NULL;
	for (i = 0; i < c->n; i++) {
		const struct ref *r = impossible_dep(V, c->kids[i], negated ^ (c->kind == C_NOT));

		if (r)
			return r;
	}
	return NULL;
}

static void report_never_ready(struct validator *V)
{
	struct model *m = V->m;
	size_t i;

	for (i = 0; i < m->nsteps; i++) {
		const struct step *s = &m->steps[i];
		const struct ref *r;

		if (V->possible[i] || V->on_cycle[i] || !s->id)
			continue;
		if (s->window && s->window->after.index != NO_INDEX &&
		    s->window->after.index != i && !V->possible[s->window->after.index])
			r = &s->window->after;
		else
			r = impossible_dep(V, s->requires, 0);
		if (r)
			diag_add(V->d, D_NEVER_READY, s->loc,
				 "step '%s' can never become ready: it waits for '%s', "
				 "which can never be done", s->id, r->id);
		else
			diag_add(V->d, D_NEVER_READY, s->requires ? s->requires->loc : s->loc,
				 "step '%s' can never become ready: its 'requires' "
				 "contradicts itself", s->id);
	}
}

/* ---- sanctions, triggers, guarantees ------------------------------------ */

/* Record the lifts of actions A[0..N) that can happen, and report a sanction
 * that one owner both lifts and suspends. */
static void scan_actions(struct validator *V, const struct action *a, uint32_t n,
			 int can_happen, bool *lifted, const char *kind, const char *id)
{
	uint32_t g = ++V->gen, i, j;
	uint32_t *lift = V->pos_mark[K_SANCTION], *susp = V->neg_mark[K_SANCTION];

	for (i = 0; i < n; i++)
		for (j = 0; j < a[i].sanctions.n; j++) {
			const struct ref *r = &a[i].sanctions.v[j];
			uint32_t *mine = a[i].kind == A_LIFT ? lift : susp;
			uint32_t *other = a[i].kind == A_LIFT ? susp : lift;

			if (r->index == NO_INDEX)
				continue;
			/* Effects with their own `if` may exclude each other;
			 * only unconditional ones surely collide. */
			if (a[i].cond_if)
				goto lifted;
			if (other[r->index] == g)
				diag_add(V->d, D_CONTRADICTORY_ACTIONS, r->loc,
					 "%s '%s' both lifts and suspends sanction '%s'",
					 kind, id ? id : "?", r->id);
			mine[r->index] = g;
		lifted:
			if (a[i].kind == A_LIFT && can_happen &&
			    can_be(V, a[i].cond_if, 1))
				lifted[r->index] = true;
		}
	for (i = 0; i < n; i++)
		if (can_happen && a[i].cond_if && !can_be(V, a[i].cond_if, 1))
			diag_add(V->d, D_TRIGGER_NEVER_FIRES, a[i].cond_if->loc,
				 "this effect of %s '%s' can never apply: its 'if' can never hold",
				 kind, id ? id : "?");
}

static void check_sanctions(struct validator *V)
{
	struct model *m = V->m;
	bool *lifted = xcalloc(m->nsanctions ? m->nsanctions : 1, sizeof(*lifted));
	size_t i;

	for (i = 0; i < m->nsteps; i++) {
		const struct step *s = &m->steps[i];

		if (s->neffects)
			scan_actions(V, s->effects, s->neffects, V->possible[i], lifted,
				     "step", s->id);
	}
	for (i = 0; i < m->ntriggers; i++) {
		const struct trigger *t = &m->triggers[i];
		int fires = can_be(V, t->when, 1);

		if (!fires && t->when)
			diag_add(V->d, D_TRIGGER_NEVER_FIRES, t->when->loc,
				 "trigger '%s' can never fire: its 'when' can never hold",
				 t->id ? t->id : "?");
		scan_actions(V, t->actions, t->nactions, fires, lifted, "trigger", t->id);
	}
	for (i = 0; i < m->nsanctions; i++) {
		const struct sanction *s = &m->sanctions[i];

		if (!lifted[i] && s->initial != S_LIFTED && s->id)
			diag_add(V->d, D_SANCTION_NEVER_LIFTED, s->loc,
				 "sanction '%s' is never lifted: no step or trigger that "
				 "can happen lifts it", s->id);
	}
	free(lifted);
}

/* Is step TARGET among the steps that FROM waits for, or FROM itself? */
static int waits_for(struct validator *V, uint32_t from, uint32_t target)
{
	size_t n = V->m->nsteps, depth = 0;
	uint32_t *stack = xmalloc(n * sizeof(*stack));
	uint8_t *seen = xcalloc(n, 1);
	int found = 0;

	stack[depth++] = from;
	seen[from] = 1;
	while (depth && !found) {
		uint32_t u = stack[--depth], e;

		found = u == target;
		for (e = V->first[u]; e < V->first[u + 1]; e++)
			if (!seen[V->edge[e].to]) {
				seen[V->edge[e].to] = 1;
				stack[depth++] = V->edge[e].to;
			}
	}
	free(stack);
	free(seen);
	return found;
}

static void check_guarantees(struct validator *V)
{
	struct model *m = V->m;
	size_t i;

	for (i = 0; i < m->nguarantees; i++) {
		const struct guarantee *g = &m->guarantees[i];

		if (!g->from || !g->until || !g->id)
			continue;
		if (!can_be(V, g->from, 1)) {
			diag_add(V->d, D_GUARANTEE_NEVER_APPLIES, g->from->loc,
				 "guarantee '%s' never applies: its 'from' can never hold",
				 g->id);
		} else if (g->from->kind == C_REF && g->until->kind == C_REF &&
			   g->from->ref.kind == K_STEP && g->until->ref.kind == K_STEP &&
			   g->from->ref.index != NO_INDEX && g->until->ref.index != NO_INDEX &&
			   waits_for(V, g->from->ref.index, g->until->ref.index)) {
			diag_add(V->d, D_GUARANTEE_NEVER_APPLIES, g->until->loc,
				 "guarantee '%s' never applies: '%s' is done before or when "
				 "'%s' is, so its window closes as it opens", g->id,
				 g->until->ref.id, g->from->ref.id);
		}
	}
}

/* ---- driver --------------------------------------------------------------- */

void validate_model(struct model *m, struct diags *d)
{
	struct validator V = {.m = m, .d = d};
	size_t i;
	int k;

	check_numbers(&V);
	resolve_all(&V);
	for (i = 0; i < m->nsteps; i++)
		if (m->steps[i].window)
			check_window(&V, &m->steps[i], (uint32_t)i);
	for (k = 0; k < K__COUNT; k++) {
		size_t n = model_count(m, (enum kind)k) + 1;

		V.pos_mark[k] = xcalloc(n, sizeof(uint32_t));
		V.neg_mark[k] = xcalloc(n, sizeof(uint32_t));
	}
	V.possible = xcalloc(m->nsteps + 1, sizeof(bool));
	V.on_cycle = xcalloc(m->nsteps + 1, sizeof(bool));
	build_graph(&V);
	find_cycles(&V);
	find_possible(&V);
	report_never_ready(&V);
	check_sanctions(&V);
	check_guarantees(&V);

	for (k = 0; k < K__COUNT; k++) {
		free(V.pos_mark[k]);
		free(V.neg_mark[k]);
	}
	free(V.possible);
	free(V.on_cycle);
	free(V.first);
	vec_free(V.edge, V.cap_edges, sizeof(*V.edge));
}
