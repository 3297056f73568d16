/* scenario.c - read a scenario file into engine events. */
#include "scenario.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "fileio.h"
#include "idmap.h"
#include "util.h"
#include "yamlread.h"

struct sreader {
	struct scenario *sc;
	const struct model *m;
	struct diags *d;
};

static const char *node_str(const struct node *n)
{
	return n && n->kind == NODE_SCALAR && !n->poisoned && !yread_is_null(n) ? n->str : NULL;
}

/* Look up the keys of MAP among NAMES (OUT[i], NULL if absent). */
static void fields(struct sreader *r, const struct node *map, const char *what,
		   const char *const *names, size_t nn, const struct node **out)
{
	uint32_t i;
	size_t j;

	for (j = 0; j < nn; j++)
		out[j] = NULL;
	for (i = 0; i < map->n; i++) {
		const struct node *k = map->kids[2 * i];
		const char *hint;

		if (k->kind != NODE_SCALAR || k->poisoned)
			continue;
		for (j = 0; j < nn; j++)
			if (strcmp(k->str, names[j]) == 0)
				break;
		if (j < nn) {
			out[j] = map->kids[2 * i + 1];
			continue;
		}
		hint = closest_name(k->str, names, nn);
		diag_add(r->d, D_UNKNOWN_KEY, k->loc, "unknown key %s in %s%s%s%s",
			 qn(k->str, k->len), what, hint ? "; did you mean '" : "",
			 hint ? hint : "", hint ? "'?" : "");
	}
}

static int step_ref(struct sreader *r, const struct node *n, uint32_t *out)
{
	const char *s = node_str(n);
	const struct idmap_entry *e;
	size_t i;

	if (!s) {
		diag_add(r->d, D_WRONG_TYPE, n->loc, "a step must be given by id or number");
		return -1;
	}
	if (n->plain && strspn(s, "0123456789") == strlen(s) && strlen(s) < 10 && s[0] != '0') {
		for (i = 0; i < r->m->nsteps; i++)
			if (r->m->steps[i].number == strtoul(s, NULL, 10)) {
				*out = (uint32_t)i;
				return 0;
			}
	} else if ((e = idmap_get(&r->m->ids, s)) && e->kind == K_STEP) {
		*out = e->index;
		return 0;
	}
	diag_add(r->d, D_UNKNOWN_REF, n->loc, "unknown step %s", qn(n->str, n->len));
	return -1;
}

static struct scenario_event *add(struct sreader *r, struct loc loc)
{
	struct scenario_event *e = VEC_PUSH(r->sc->ev, r->sc->n, r->sc->cap);

	memset(e, 0, sizeof(*e));
	e->loc = loc;
	return e;
}

static void conv_complete(struct sreader *r, const struct node *v)
{
	uint32_t i, n = v->kind == NODE_SEQ ? v->n : 1, idx;

	if (v->kind == NODE_SEQ && v->n == 0)
		diag_add(r->d, D_BAD_VALUE, v->loc, "'complete' is empty: name at least one step");

	for (i = 0; i < n; i++) {
		const struct node *k = v->kind == NODE_SEQ ? v->kids[i] : v;

		if (step_ref(r, k, &idx) == 0) {
			struct scenario_event *e = add(r, k->loc);

			e->ev.kind = EV_COMPLETE;
			e->ev.index = idx;
		}
	}
}

static void conv_set(struct sreader *r, const struct node *v)
{
	uint32_t i;

	if (v->kind != NODE_MAP) {
		diag_add(r->d, D_WRONG_TYPE, v->loc, "'set' must be a mapping FACT: true|false");
		return;
	}
	if (v->n == 0)
		diag_add(r->d, D_BAD_VALUE, v->loc, "'set' is empty: name at least one fact");
	for (i = 0; i < v->n; i++) {
		const struct node *k = v->kids[2 * i], *val = v->kids[2 * i + 1];
		const struct idmap_entry *e;
		const char *b = node_str(val);
		struct scenario_event *ev;

		if (k->kind != NODE_SCALAR || k->poisoned)
			continue; /* reported by the reader: keys must be plain strings */
		e = idmap_get(&r->m->ids, k->str);
		if (!e || e->kind != K_FACT) {
			diag_add(r->d, D_UNKNOWN_REF, k->loc, "unknown fact %s", qn(k->str, k->len));
			continue;
		}
		if (!b || !val->plain || (strcmp(b, "true") != 0 && strcmp(b, "false") != 0)) {
			diag_add(r->d, D_BAD_VALUE, val->loc, "a fact is set to true or false");
			continue;
		}
		ev = add(r, k->loc);
		ev->ev.kind = EV_SET;
		ev->ev.index = e->index;
		ev->ev.value = b[0] == 't';
	}
}

static void conv_event(struct sreader *r, const struct node *n)
{
	static const char *const names[] = {"date", "complete", "set", "advance", "wave", "note"};
	const struct node *v[6];
	struct scenario_event *e;
	const char *s;
	int actions = 0, i;

	if (n->kind != NODE_MAP) {
		diag_add(r->d, D_WRONG_TYPE, n->loc, "each event must be a mapping");
		return;
	}
	fields(r, n, "an event", names, 6, v);
	for (i = 1; i <= 4; i++)
		actions += v[i] != NULL;
	if (actions > 1)
		diag_add(r->d, D_BAD_VALUE, n->loc, "an event does one thing: complete, set, "
			 "advance or wave (give a date with any of them)");
	if (!actions && !v[0])
		diag_add(r->d, D_MISSING_KEY, n->loc, "an event needs a date, complete, set, "
			 "advance or wave");
	if (v[0]) {
		e = add(r, v[0]->loc);
		e->ev.kind = EV_DATE;
		if (!(s = node_str(v[0])) || date_parse(s, &e->ev.date) < 0) {
			diag_add(r->d, D_BAD_VALUE, v[0]->loc, "'date' must be a date YYYY-MM-DD");
			r->sc->n--;
		}
	}
	if (actions > 1)
		return;
	if (v[1])
		conv_complete(r, v[1]);
	if (v[2])
		conv_set(r, v[2]);
	if (v[3]) {
		e = add(r, v[3]->loc);
		e->ev.kind = EV_ADVANCE;
		if (!(s = node_str(v[3])) || duration_parse(s, &e->ev.by) < 0) {
			diag_add(r->d, D_BAD_VALUE, v[3]->loc,
				 "'advance' must be a duration such as 90d, 2w, 6m or 1y");
			r->sc->n--;
		}
	}
	if (v[4]) {
		if (!(s = node_str(v[4])) || !v[4]->plain || strcmp(s, "true") != 0)
			diag_add(r->d, D_BAD_VALUE, v[4]->loc, "'wave' must be true");
		else
			add(r, v[4]->loc)->wave = true;
	}
}

static void conv_root(struct sreader *r, const struct node *root)
{
	static const char *const names[] = {"fwsim_scenario", "framework", "title", "events"};
	const struct node *v[4];
	const char *s;
	uint32_t i;

	if (root->kind != NODE_MAP) {
		diag_add(r->d, D_WRONG_TYPE, root->loc, "a scenario is a mapping with "
			 "'fwsim_scenario', 'framework' and 'events'");
		return;
	}
	fields(r, root, "the scenario", names, 4, v);
	for (i = 0; i < 4; i++)
		if (!v[i] && i != 2)
			diag_add(r->d, D_MISSING_KEY, root->loc, "the scenario has no '%s' (required)",
				 names[i]);
	if (v[0] && (!(s = node_str(v[0])) || strcmp(s, "1") != 0 || !v[0]->plain))
		diag_add(r->d, D_BAD_VERSION, v[0]->loc, "scenario format version must be 1");
	if (v[1] && (!(s = node_str(v[1])) || strcmp(s, r->m->id) != 0))
		diag_add(r->d, D_BAD_VALUE, v[1]->loc, "this scenario is for framework %s, not '%s'",
			 q(v[1]->str ? v[1]->str : ""), r->m->id);
	if (v[2] && !(r->sc->title = node_str(v[2])))
		diag_add(r->d, D_WRONG_TYPE, v[2]->loc, "'title' must be text");
	if (v[3] && v[3]->kind != NODE_SEQ)
		diag_add(r->d, D_WRONG_TYPE, v[3]->loc, "'events' must be a list");
	else if (v[3])
		for (i = 0; i < v[3]->n; i++)
			conv_event(r, v[3]->kids[i]);
}

static int load(struct scenario *sc, struct yread_source *src, const struct model *m,
		struct diags *d)
{
	struct sreader r = {sc, m, d};
	struct node *root = yread_parse(src, &yread_default_limits, &sc->arena, NULL, d,
					NULL, NULL);

	if (root)
		conv_root(&r, root);
	return d->errors || !root ? 1 : 0;
}

int scenario_load(struct scenario *sc, const char *path, const struct model *m,
		  struct diags *d, char *err, size_t errsize)
{
	struct yread_source src = {.buf = NULL, .len = 0, .fd = -1};
	size_t size;
	int rc;

	memset(sc, 0, sizeof(*sc));
	arena_init(&sc->arena);
	sc->path = path;
	if (file_open(path, &src.fd, &size, err, errsize) < 0)
		return 2;
	rc = load(sc, &src, m, d);
	close(src.fd);
	return rc;
}

int scenario_load_buffer(struct scenario *sc, const char *buf, size_t len,
			 const struct model *m, struct diags *d)
{
	struct yread_source src = {.buf = buf, .len = len, .fd = -1};

	memset(sc, 0, sizeof(*sc));
	arena_init(&sc->arena);
	sc->path = "scenario";
	return load(sc, &src, m, d);
}

void scenario_release(struct scenario *sc)
{
	vec_free(sc->ev, sc->cap, sizeof(*sc->ev));
	arena_release(&sc->arena);
}
