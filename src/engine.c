/* engine.c - settle a framework's run to a fixpoint after each event. */
#include "engine.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "util.h"

/* A watcher: what to look at again when a step or fact changes. */
enum { W_STEP, W_TRIGGER, W_EFFECT, W_GUARANTEE };
#define WATCHER(type, i) (((uint32_t)(type) << 30) | (uint32_t)(i))
#define W_TYPE(w) ((w) >> 30)
#define W_INDEX(w) ((w) & 0x3fffffffu)
#define NO_CHANGE SIZE_MAX

const char *step_status_name(enum step_status s)
{
	static const char *const names[] = {"pending", "ready", "done", "overdue"};
	return names[s];
}

const char *guarantee_status_name(enum guarantee_status s)
{
	static const char *const names[] = {"inactive", "held", "breached"};
	return names[s];
}

const char *event_kind_name(enum event_kind k)
{
	static const char *const names[] = {"complete", "set", "advance", "date"};
	return names[k];
}

/* ---- the watcher index -------------------------------------------------- */

struct index_builder {
	struct run *r;
	int fill; /* 0: count, 1: fill */
	uint32_t *pos;
};

static void watch_ref(struct index_builder *b, const struct ref *ref, uint32_t w)
{
	const struct model *m = b->r->m;
	size_t slot;

	if (ref->index == NO_INDEX || (ref->kind != K_STEP && ref->kind != K_FACT))
		return;
	slot = ref->kind == K_STEP ? ref->index : m->nsteps + ref->index;
	if (b->fill)
		b->r->watch[b->pos[slot]++] = w;
	else
		b->r->wfirst[slot + 1]++;
}

static void watch_cond(struct index_builder *b, const struct cond *c, uint32_t w)
{
	uint32_t i;

	if (!c)
		return;
	if (c->kind == C_REF) {
		watch_ref(b, &c->ref, w);
		return;
	}
	for (i = 0; i < c->n; i++)
		watch_cond(b, c->kids[i], w);
}

/* One pass over every condition of the model, counting or filling. */
static void index_pass(struct index_builder *b)
{
	const struct model *m = b->r->m;
	size_t i, e;

	for (i = 0; i < m->nsteps; i++) {
		const struct step *s = &m->steps[i];

		watch_cond(b, s->requires, WATCHER(W_STEP, i));
		if (s->window)
			watch_ref(b, &s->window->after, WATCHER(W_STEP, i));
		for (e = 0; e < s->neffects; e++) {
			struct ref self = {.kind = K_STEP, .index = (uint32_t)i};
			uint32_t w = WATCHER(W_EFFECT, b->r->effect_base[i] + e);

			if (!s->effects[e].cond_if)
				continue;
			watch_ref(b, &self, w);
			watch_cond(b, s->effects[e].cond_if, w);
		}
	}
	for (i = 0; i < m->ntriggers; i++)
		watch_cond(b, m->triggers[i].when, WATCHER(W_TRIGGER, i));
	for (i = 0; i < m->nguarantees; i++) {
		watch_cond(b, m->guarantees[i].from, WATCHER(W_GUARANTEE, i));
		watch_cond(b, m->guarantees[i].until, WATCHER(W_GUARANTEE, i));
		watch_cond(b, m->guarantees[i].holds, WATCHER(W_GUARANTEE, i));
	}
}

static void build_index(struct run *r)
{
	const struct model *m = r->m;
	size_t slots = m->nsteps + m->nfacts, i;
	struct index_builder b = {.r = r};

	r->wfirst = xcalloc(slots + 1, sizeof(*r->wfirst));
	index_pass(&b);
	for (i = 0; i < slots; i++)
		r->wfirst[i + 1] += r->wfirst[i];
	r->watch = xmalloc((r->wfirst[slots] + 1) * sizeof(*r->watch));
	b.pos = xmalloc((slots + 1) * sizeof(*b.pos));
	memcpy(b.pos, r->wfirst, (slots + 1) * sizeof(*b.pos));
	b.fill = 1;
	index_pass(&b);
	free(b.pos);
	r->windowed = xmalloc((m->nsteps + 1) * sizeof(*r->windowed));
	for (i = 0; i < m->nsteps; i++)
		if (m->steps[i].window)
			r->windowed[r->nwindowed++] = (uint32_t)i;
}

/* ---- conditions and windows ----------------------------------------------- */

static bool eval(const struct run *r, const struct cond *c)
{
	uint32_t i;

	if (!c)
		return true;
	switch (c->kind) {
	case C_REF:
		return c->ref.kind == K_STEP ? r->step[c->ref.index] == SS_DONE
					     : r->fact[c->ref.index];
	case C_NOT:
		return !eval(r, c->kids[0]);
	case C_ALL:
		for (i = 0; i < c->n; i++)
			if (!eval(r, c->kids[i]))
				return false;
		return true;
	case C_ANY:
		for (i = 0; i < c->n; i++)
			if (eval(r, c->kids[i]))
				return true;
		return false;
	}
	return false;
}

enum window_state { WIN_NONE, WIN_ANCHOR_PENDING, WIN_NOT_YET, WIN_OPEN, WIN_CLOSED };

static enum window_state window_state(const struct run *r, uint32_t s, day_t *opens,
				      day_t *closes)
{
	const struct window *w = r->m->steps[s].window;
	day_t from;

	if (!w)
		return WIN_NONE;
	if (r->step[w->after.index] != SS_DONE)
		return WIN_ANCHOR_PENDING;
	from = r->done_on[w->after.index];
	*opens = w->has_not_before ? date_add(from, w->not_before) : from;
	*closes = w->has_not_after ? date_add(from, w->not_after) : 0;
	if (r->date < *opens)
		return WIN_NOT_YET;
	if (w->has_not_after && r->date > *closes)
		return WIN_CLOSED;
	return WIN_OPEN;
}

static enum step_status compute_status(const struct run *r, uint32_t s)
{
	day_t opens, closes;
	enum window_state ws = window_state(r, s, &opens, &closes);

	if (ws == WIN_CLOSED)
		return SS_OVERDUE;
	if ((ws == WIN_NONE || ws == WIN_OPEN) && eval(r, r->m->steps[s].requires))
		return SS_READY;
	return SS_PENDING;
}

/* ---- changes and the work list ------------------------------------------- */

static struct change *log_change(struct run *r, enum change_kind kind, uint32_t index,
				 uint8_t status)
{
	struct change *c = VEC_PUSH(r->log, r->nlog, r->cap_log);

	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->index = index;
	c->status = status;
	c->date = r->date;
	c->event = r->nevents;
	return c;
}

static void push(struct run *r, uint32_t w)
{
	size_t slot;

	switch (W_TYPE(w)) {
	case W_STEP: slot = W_INDEX(w); break;
	case W_TRIGGER: slot = r->m->nsteps + W_INDEX(w); break;
	case W_EFFECT: slot = r->m->nsteps + r->m->ntriggers + W_INDEX(w); break;
	default: slot = r->m->nsteps + r->m->ntriggers + r->effect_base[r->m->nsteps] + W_INDEX(w);
	}
	if (r->queued[slot])
		return;
	r->queued[slot] = 1;
	*VEC_PUSH(r->work, r->nwork, r->cap_work) = w;
}

static void push_watchers(struct run *r, size_t slot)
{
	uint32_t i;

	for (i = r->wfirst[slot]; i < r->wfirst[slot + 1]; i++)
		push(r, r->watch[i]);
}

static void act(struct run *r, const struct action *a, enum kind cause_kind, uint32_t cause)
{
	uint32_t i;

	for (i = 0; i < a->sanctions.n; i++) {
		uint32_t s = a->sanctions.v[i].index;
		uint8_t now = r->sanction[s];
		uint8_t next = a->kind == A_LIFT ? S_LIFTED : S_SUSPENDED;
		struct change *c;

		/* Lifted is final; suspending a suspended one changes nothing. */
		if (now == S_LIFTED || now == next)
			continue;
		r->sanction[s] = next;
		r->sanction_on[s] = r->date;
		c = log_change(r, CH_SANCTION, s, next);
		c->action = a;
		c->cause_kind = cause_kind;
		c->cause = cause;
		r->sanction_change[s] = r->nlog - 1;
	}
}

static void fire_effect(struct run *r, uint32_t s, uint32_t e)
{
	uint32_t n = r->effect_base[s] + e;

	if (r->effect_fired[n])
		return;
	r->effect_fired[n] = true;
	act(r, &r->m->steps[s].effects[e], K_STEP, s);
}

static void complete(struct run *r, uint32_t s)
{
	const struct step *st = &r->m->steps[s];
	uint32_t e;

	r->step[s] = SS_DONE;
	r->done_on[s] = r->date;
	log_change(r, CH_STEP, s, SS_DONE);
	for (e = 0; e < st->neffects; e++)
		if (eval(r, st->effects[e].cond_if))
			fire_effect(r, s, e);
	push_watchers(r, s);
}

static void look_at_step(struct run *r, uint32_t s)
{
	enum step_status now = r->step[s], next;

	if (now == SS_DONE)
		return;
	next = compute_status(r, s);
	if (next == SS_READY && r->m->steps[s].autostep) {
		complete(r, s); /* ready and done at once: one change, "done" */
		return;
	}
	if (next != now) {
		r->step[s] = next;
		log_change(r, CH_STEP, s, next);
	}
}

static void look_at_trigger(struct run *r, uint32_t t)
{
	const struct trigger *tr = &r->m->triggers[t];
	uint32_t i;

	if (r->fired[t] || !eval(r, tr->when))
		return;
	r->fired[t] = true;
	r->fired_on[t] = r->date;
	log_change(r, CH_TRIGGER, t, 1);
	for (i = 0; i < tr->nactions; i++)
		act(r, &tr->actions[i], K_TRIGGER, t);
}

static void look_at_effect(struct run *r, uint32_t n)
{
	const struct model *m = r->m;
	uint32_t lo = 0, hi = (uint32_t)m->nsteps;

	/* The step owning effect number N: the last with effect_base <= N. */
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (r->effect_base[mid] <= n)
			lo = mid;
		else
			hi = mid;
	}
	while (lo + 1 < m->nsteps && r->effect_base[lo + 1] <= n)
		lo++;
	if (r->step[lo] == SS_DONE &&
	    eval(r, m->steps[lo].effects[n - r->effect_base[lo]].cond_if))
		fire_effect(r, lo, n - r->effect_base[lo]);
}

static void look_at_guarantee(struct run *r, uint32_t i)
{
	const struct guarantee *g = &r->m->guarantees[i];
	struct guarantee_state *gs = &r->g[i];

	if (!gs->open && eval(r, g->from)) {
		gs->open = true;
		gs->opened_on = r->date;
		log_change(r, CH_GUARANTEE, i, GS_HELD);
	}
	if (!gs->open || gs->closed)
		return;
	if (eval(r, g->until)) {
		gs->closed = true;
		gs->closed_on = r->date;
		log_change(r, CH_GUARANTEE, i, run_guarantee_status(r, i))->closed = true;
		return;
	}
	if (!gs->breached && !eval(r, g->holds)) {
		gs->breached = true;
		gs->breached_on = r->date;
		log_change(r, CH_GUARANTEE, i, GS_BREACHED);
	}
}

/* Run the work list dry.  Each item is looked at again only when something
 * it watches changed, so an event costs what depends on it. */
static void settle(struct run *r)
{
	const struct model *m = r->m;

	/* First in, first out: changes come out in the order they cascade,
	 * and steps made ready by one change in file order. */
	while (r->whead < r->nwork) {
		uint32_t w = r->work[r->whead++];

		r->looks++;
		switch (W_TYPE(w)) {
		case W_STEP:
			r->queued[W_INDEX(w)] = 0;
			look_at_step(r, W_INDEX(w));
			break;
		case W_TRIGGER:
			r->queued[m->nsteps + W_INDEX(w)] = 0;
			look_at_trigger(r, W_INDEX(w));
			break;
		case W_EFFECT:
			r->queued[m->nsteps + m->ntriggers + W_INDEX(w)] = 0;
			look_at_effect(r, W_INDEX(w));
			break;
		default:
			r->queued[m->nsteps + m->ntriggers + r->effect_base[m->nsteps] +
				  W_INDEX(w)] = 0;
			look_at_guarantee(r, W_INDEX(w));
		}
	}
	r->whead = r->nwork = 0;
}

/* ---- the public face ---------------------------------------------------- */

enum guarantee_status run_guarantee_status(const struct run *r, uint32_t g)
{
	const struct guarantee_state *gs = &r->g[g];

	/* A breach stays on record, even once the condition holds again. */
	if (gs->breached)
		return GS_BREACHED;
	return gs->open && !gs->closed ? GS_HELD : GS_INACTIVE;
}

void run_init(struct run *r, const struct model *m, day_t start)
{
	size_t i, nwork;

	memset(r, 0, sizeof(*r));
	r->m = m;
	r->start = r->date = start;
	r->fact = xcalloc(m->nfacts + 1, sizeof(*r->fact));
	for (i = 0; i < m->nfacts; i++)
		r->fact[i] = m->facts[i].initial;
	r->step = xcalloc(m->nsteps + 1, sizeof(*r->step));
	r->done_on = xcalloc(m->nsteps + 1, sizeof(*r->done_on));
	r->sanction = xcalloc(m->nsanctions + 1, sizeof(*r->sanction));
	r->sanction_on = xcalloc(m->nsanctions + 1, sizeof(*r->sanction_on));
	r->sanction_change = xmalloc((m->nsanctions + 1) * sizeof(*r->sanction_change));
	for (i = 0; i < m->nsanctions; i++) {
		r->sanction[i] = (uint8_t)m->sanctions[i].initial;
		r->sanction_on[i] = start;
		r->sanction_change[i] = NO_CHANGE;
	}
	r->fired = xcalloc(m->ntriggers + 1, sizeof(*r->fired));
	r->fired_on = xcalloc(m->ntriggers + 1, sizeof(*r->fired_on));
	r->effect_base = xmalloc((m->nsteps + 1) * sizeof(*r->effect_base));
	r->effect_base[0] = 0;
	for (i = 0; i < m->nsteps; i++)
		r->effect_base[i + 1] = r->effect_base[i] + m->steps[i].neffects;
	r->effect_fired = xcalloc(r->effect_base[m->nsteps] + 1, sizeof(*r->effect_fired));
	r->g = xcalloc(m->nguarantees + 1, sizeof(*r->g));
	build_index(r);
	nwork = m->nsteps + m->ntriggers + r->effect_base[m->nsteps] + m->nguarantees;
	r->queued = xcalloc(nwork + 1, 1);
	/* Look at everything once. */
	for (i = 0; i < m->nsteps; i++)
		push(r, WATCHER(W_STEP, i));
	for (i = 0; i < m->ntriggers; i++)
		push(r, WATCHER(W_TRIGGER, i));
	for (i = 0; i < m->nguarantees; i++)
		push(r, WATCHER(W_GUARANTEE, i));
	settle(r);
}

void run_release(struct run *r)
{
	free(r->fact);
	free(r->step);
	free(r->done_on);
	free(r->sanction);
	free(r->sanction_on);
	free(r->sanction_change);
	free(r->fired);
	free(r->fired_on);
	free(r->effect_base);
	free(r->effect_fired);
	free(r->g);
	free(r->wfirst);
	free(r->watch);
	free(r->windowed);
	vec_free(r->work, r->cap_work, sizeof(*r->work));
	free(r->queued);
	vec_free(r->log, r->cap_log, sizeof(*r->log));
	memset(r, 0, sizeof(*r));
}

/* Append to OUT (SIZE bytes, *LEN used) "; "-separated reasons why C does
 * not have the value WANT now. */
static void explain_cond(const struct run *r, const struct cond *c, bool want, char *out,
			 size_t size, size_t *len)
{
	const struct model *m = r->m;
	uint32_t i;

	if (!c || eval(r, c) == want || *len >= size)
		return;
	switch (c->kind) {
	case C_REF: {
		const char *sep = *len ? "; " : "";
		int n;

		if (c->ref.kind == K_STEP)
			n = snprintf(out + *len, size - *len, want ? "%swaits for step %u '%s'"
								   : "%sstep %u '%s' is already done",
				     sep, m->steps[c->ref.index].number, c->ref.id);
		else
			n = snprintf(out + *len, size - *len, "%sfact '%s' is %s", sep,
				     c->ref.id, r->fact[c->ref.index] ? "true" : "false");
		*len += n > 0 ? (size_t)n : 0;
		if (*len >= size)
			*len = size - 1;
		return;
	}
	case C_NOT:
		explain_cond(r, c->kids[0], !want, out, size, len);
		return;
	case C_ALL:
	case C_ANY:
		/* all[] is false (or any[] true) through each failing member. */
		for (i = 0; i < c->n; i++)
			explain_cond(r, c->kids[i], want, out, size, len);
		return;
	}
}

void run_explain_cond(const struct run *r, const struct cond *c, char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	explain_cond(r, c, true, out, size, &len);
}

void run_explain(const struct run *r, uint32_t s, char *out, size_t size)
{
	day_t opens = 0, closes = 0;
	enum window_state ws = window_state(r, s, &opens, &closes);
	const struct window *w = r->m->steps[s].window;
	char d1[11], d2[11];
	size_t len = 0;
	int n = 0;

	out[0] = '\0';
	explain_cond(r, r->m->steps[s].requires, true, out, size, &len);
	if (ws == WIN_ANCHOR_PENDING && !strstr(out, w->after.id))
		n = snprintf(out + len, size - len, "%swaits for step %u '%s' (its window "
			     "counts from it)", len ? "; " : "",
			     r->m->steps[w->after.index].number, w->after.id);
	else if (ws == WIN_NOT_YET)
		date_format(opens, d1), n = snprintf(out + len, size - len,
						     "%swindow opens %s", len ? "; " : "", d1);
	else if (ws == WIN_CLOSED)
		date_format(closes, d2), n = snprintf(out + len, size - len,
						      "%swindow closed %s", len ? "; " : "", d2);
	(void)n;
}


static void move_clock(struct run *r, day_t to)
{
	size_t i;

	if (to == r->date)
		return;
	r->date = to;
	log_change(r, CH_DATE, 0, 0);
	for (i = 0; i < r->nwindowed; i++)
		push(r, WATCHER(W_STEP, r->windowed[i]));
}

int run_apply(struct run *r, const struct event *ev, char *why, size_t whysize)
{
	const struct model *m = r->m;
	char d[11], reason[768];
	day_t to, last;
	long lo, hi;

	switch (ev->kind) {
	case EV_COMPLETE: {
		const struct step *s = &m->steps[ev->index];

		if (r->step[ev->index] == SS_DONE) {
			date_format(r->done_on[ev->index], d);
			return fail_with(why, whysize, "step %u '%s' is already done (on %s)",
				      s->number, s->id, d);
		}
		if (s->autostep)
			return fail_with(why, whysize, "step %u '%s' is automatic: it is done "
				      "by itself as soon as it is ready", s->number, s->id);
		if (r->step[ev->index] != SS_READY) {
			run_explain(r, ev->index, reason, sizeof(reason));
			return fail_with(why, whysize, "step %u '%s' not ready: %s", s->number,
				      s->id, reason[0] ? reason : "its conditions do not hold");
		}
		r->nevents++;
		complete(r, ev->index);
		break;
	}
	case EV_SET:
		r->nevents++;
		if (r->fact[ev->index] == ev->value)
			break;
		r->fact[ev->index] = ev->value;
		log_change(r, CH_FACT, ev->index, ev->value);
		push_watchers(r, m->nsteps + ev->index);
		break;
	case EV_ADVANCE:
		if (ev->by.n == 0)
			return fail_with(why, whysize, "advance by at least one day");
		to = date_add(r->date, ev->by);
		date_parse("9999-12-31", &last);
		duration_days(ev->by, &lo, &hi);
		if ((long)r->date + lo > (long)last || to < r->date)
			return fail_with(why, whysize, "the clock cannot go past 9999-12-31");
		r->nevents++;
		move_clock(r, to);
		break;
	case EV_DATE:
		if (ev->date < r->date) {
			date_format(r->date, d);
			return fail_with(why, whysize, "the clock cannot go back: the run is at %s", d);
		}
		r->nevents++;
		move_clock(r, ev->date);
		break;
	}
	settle(r);
	return 0;
}

uint32_t *run_ready(const struct run *r, size_t *n)
{
	uint32_t *v = xmalloc((r->m->nsteps + 1) * sizeof(*v));
	size_t i;

	*n = 0;
	for (i = 0; i < r->m->nsteps; i++)
		if (r->step[i] == SS_READY && !r->m->steps[i].autostep)
			v[(*n)++] = (uint32_t)i;
	return v;
}

day_t run_next_date(const struct run *r, bool *found)
{
	day_t best = 0, opens, closes;
	size_t i;

	*found = false;
	for (i = 0; i < r->nwindowed; i++) {
		uint32_t s = r->windowed[i];

		if (r->step[s] == SS_DONE ||
		    window_state(r, s, &opens, &closes) != WIN_NOT_YET ||
		    !eval(r, r->m->steps[s].requires))
			continue;
		if (!*found || opens < best)
			best = opens;
		*found = true;
	}
	return best;
}
