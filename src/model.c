/* model.c - names for the model's enumerations, and its lifetime. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

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

void model_init(struct model *m, const char *path)
{
	memset(m, 0, sizeof(*m));
	arena_init(&m->arena);
	m->path = path;
}

void model_release(struct model *m)
{
	free(m->actors);
	free(m->facts);
	free(m->sanctions);
	free(m->steps);
	free(m->triggers);
	free(m->guarantees);
	arena_release(&m->arena);
	memset(m, 0, sizeof(*m));
}
