/* model.c - names for the model's enumerations, and its lifetime. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "idmap.h"
#include "util.h"

const char *kind_name(enum kind k)
{
	static const char *const names[K__COUNT] = {
		"actor", "fact", "sanction", "step", "trigger", "guarantee", "framework",
	};
	return names[k];
}

const char *action_name(enum action_kind k)
{
	return k == A_LIFT ? "lift" : "suspend";
}

const char *sanction_status_name(enum sanction_status s)
{
	static const char *const names[] = {"active", "suspended", "lifted"};
	return names[s];
}

size_t model_count(const struct model *m, enum kind k)
{
	switch (k) {
	case K_ACTOR: return m->nactors;
	case K_FACT: return m->nfacts;
	case K_SANCTION: return m->nsanctions;
	case K_STEP: return m->nsteps;
	case K_TRIGGER: return m->ntriggers;
	case K_GUARANTEE: return m->nguarantees;
	default: return m->id ? 1 : 0;
	}
}

const char *model_item_id(const struct model *m, enum kind k, size_t i, struct loc *loc)
{
	switch (k) {
	case K_ACTOR: *loc = m->actors[i].id_loc; return m->actors[i].id;
	case K_FACT: *loc = m->facts[i].id_loc; return m->facts[i].id;
	case K_SANCTION: *loc = m->sanctions[i].id_loc; return m->sanctions[i].id;
	case K_STEP: *loc = m->steps[i].id_loc; return m->steps[i].id;
	case K_TRIGGER: *loc = m->triggers[i].id_loc; return m->triggers[i].id;
	case K_GUARANTEE: *loc = m->guarantees[i].id_loc; return m->guarantees[i].id;
	default: *loc = m->id_loc; return m->id;
	}
}

void model_init(struct model *m, const char *path)
{
	memset(m, 0, sizeof(*m));
	arena_init(&m->arena);
	idmap_init(&m->ids, 0);
	m->path = path;
}

void model_expect(struct model *m, size_t size)
{
	/* A framework spends 250 bytes or more on each item that has an id
	 * (a generated one; one written by hand, a kilobyte).  Guessing low
	 * costs a rehash or two; guessing high, a table touched at random. */
	if (m->ids.n == 0) {
		idmap_release(&m->ids);
		idmap_init(&m->ids, size / 256);
	}
}

void model_release(struct model *m)
{
	vec_free(m->actors, m->cap_actors, sizeof(*m->actors));
	vec_free(m->facts, m->cap_facts, sizeof(*m->facts));
	vec_free(m->sanctions, m->cap_sanctions, sizeof(*m->sanctions));
	vec_free(m->steps, m->cap_steps, sizeof(*m->steps));
	vec_free(m->triggers, m->cap_triggers, sizeof(*m->triggers));
	vec_free(m->guarantees, m->cap_guarantees, sizeof(*m->guarantees));
	idmap_release(&m->ids);
	arena_release(&m->arena);
	memset(m, 0, sizeof(*m));
}
