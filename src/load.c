/* load.c - from node trees to the model: keys, types and values. */
#include "load.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "util.h"

#define ID_MAX 64

struct loader {
	struct model *m;
	struct diags *d;
	/* The root key each section was first streamed under: a section
	 * written twice is a duplicate key, and only its first copy counts,
	 * as in every other mapping. */
	const struct node *section_key[6];
	/* The item whose id is still to be entered (see defer_id). */
	int id_pending;
	enum kind pending_kind;
	size_t pending_index;
};

/* One key a mapping may hold. */
struct field {
	const char *name;
	int required;
};

#define NFIELDS(f) (sizeof(f) / sizeof(*(f)))

/* The text of value N, for the model to keep: the reader put it in the
 * model's arena already (see load_source). */
static const char *copy(struct loader *L, const struct node *n)
{
	(void)L;
	return n->str;
}

static const char *node_type_name(const struct node *n)
{
	if (n->kind == NODE_MAP)
		return "a mapping";
	if (n->kind == NODE_SEQ)
		return "a list";
	return yread_is_null(n) ? "nothing (null)" : "a single value";
}

static void wrong_type(struct loader *L, const struct node *n, const char *what,
		       const char *expected)
{
	if (n->poisoned)
		return;
	diag_add(L->d, D_WRONG_TYPE, n->loc, "%s must be %s, not %s", what,
		 expected, node_type_name(n));
}

/* Split MAP into the values of FIELDS (OUT[i], NULL when absent), reporting
 * unknown and missing keys.  WHAT names the mapping in messages. */
static void get_fields(struct loader *L, const struct node *map, const char *what,
		       const struct field *fields, size_t nf, const struct node **out)
{
	const char *names[16];
	int hinted[16] = {0};
	size_t i, j;

	for (j = 0; j < nf; j++) {
		out[j] = NULL;
		names[j] = fields[j].name;
	}
	for (i = 0; i < map->n; i++) {
		const struct node *k = map->kids[2 * i];

		if (k->kind != NODE_SCALAR || k->poisoned)
			continue; /* reported by the reader */
		/* A merge key's alias was refused already; the key itself
		 * adds nothing a reader needs to hear. */
		if (k->len == 2 && k->str[0] == '<' && k->str[1] == '<' &&
		    map->kids[2 * i + 1]->poisoned)
			continue;
		for (j = 0; j < nf; j++)
			if (k->str[0] == fields[j].name[0] && strcmp(k->str, fields[j].name) == 0)
				break;
		if (j < nf) {
			if (!out[j])
				out[j] = map->kids[2 * i + 1];
			continue;
		}
		const char *hint = closest_name(k->str, names, nf);
		if (hint) {
			/* The misspelt key stands for the one that is missing:
			 * one diagnostic is enough. */
			for (j = 0; j < nf; j++)
				if (names[j] == hint)
					hinted[j] = 1;
			diag_add(L->d, D_UNKNOWN_KEY, k->loc,
				 "unknown key %s in %s; did you mean '%s'?",
				 qn(k->str, k->len), what, hint);
		} else {
			diag_add(L->d, D_UNKNOWN_KEY, k->loc, "unknown key %s in %s",
				 qn(k->str, k->len), what);
		}
	}
	for (j = 0; j < nf; j++)
		if (fields[j].required && !out[j] && !hinted[j])
			diag_add(L->d, D_MISSING_KEY, map->loc,
				 "%s has no '%s' (required)", what, fields[j].name);
}

/* The key under which MAP holds VALUE, for diagnostics about the key. */
static const struct node *key_of(const struct node *map, const struct node *value)
{
	uint32_t i;

	for (i = 0; i < map->n; i++)
		if (map->kids[2 * i + 1] == value)
			return map->kids[2 * i];
	return value;
}

static int is_scalar(struct loader *L, const struct node *n, const char *what,
		     const char *expected)
{
	if (n->kind == NODE_SCALAR && !yread_is_null(n) && !n->poisoned)
		return 1;
	wrong_type(L, n, what, expected);
	return 0;
}

/* A required piece of text. */
static const char *get_text(struct loader *L, const struct node *n, const char *what)
{
	if (!n || !is_scalar(L, n, what, "text"))
		return NULL;
	return copy(L, n);
}

int id_is_valid(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len > ID_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		char c = s[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9');

		if (!alnum && (i == 0 || !strchr("_.-", c)))
			return 0;
	}
	return 1;
}

static const char *get_id(struct loader *L, const struct node *n, const char *what)
{
	if (!n || !is_scalar(L, n, what, "an id"))
		return NULL;
	if (!id_is_valid(n->str, n->len)) {
		diag_add(L->d, D_BAD_ID, n->loc,
			 "%s %s is not a valid id: use letters, digits, '-', '_' and "
			 "'.', starting with a letter or digit, at most %d bytes",
			 what, qn(n->str, n->len), ID_MAX);
		return NULL;
	}
	return copy(L, n);
}

static int get_bool(struct loader *L, const struct node *n, const char *what, bool *out)
{
	static const char *const yaml11[] = {"yes", "no", "on", "off", "y", "n",
					      "True", "False", "TRUE", "FALSE"};
	size_t i;

	if (!is_scalar(L, n, what, "true or false"))
		return -1;
	if (!n->plain) {
		diag_add(L->d, D_WRONG_TYPE, n->loc,
			 "%s must be true or false, not a quoted string", what);
		return -1;
	}
	if (strcmp(n->str, "true") == 0)
		*out = true;
	else if (strcmp(n->str, "false") == 0)
		*out = false;
	else {
		for (i = 0; i < NFIELDS(yaml11); i++)
			if (strcmp(n->str, yaml11[i]) == 0)
				break;
		diag_add(L->d, D_BAD_VALUE, n->loc, "%s must be true or false, not %s%s",
			 what, qn(n->str, n->len),
			 i < NFIELDS(yaml11) ? " (fwsim does not read YAML 1.1 booleans)" : "");
		return -1;
	}
	return 0;
}

/* A plain decimal integer in [MIN, MAX]: no sign, no leading zero, no
 * fraction, octal or hex, so that `number: 010` cannot mean 8. */
static int get_uint(struct loader *L, const struct node *n, const char *what,
		    uint32_t min, uint32_t max, uint32_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (!is_scalar(L, n, what, "a whole number"))
		return -1;
	if (!n->plain) {
		diag_add(L->d, D_WRONG_TYPE, n->loc,
			 "%s must be a whole number, not a quoted string", what);
		return -1;
	}
	for (i = 0; i < n->len; i++) {
		if (n->str[i] < '0' || n->str[i] > '9' || (i == 0 && n->str[0] == '0' && n->len > 1)) {
			diag_add(L->d, D_BAD_VALUE, n->loc,
				 "%s must be a plain whole number like 7, not %s", what,
				 qn(n->str, n->len));
			return -1;
		}
		v = v * 10 + (uint64_t)(n->str[i] - '0');
		if (v > max)
			break;
	}
	if (v < min || v > max) {
		diag_add(L->d, D_BAD_VALUE, n->loc, "%s %s is out of range %u..%u", what,
			 qn(n->str, n->len), min, max);
		return -1;
	}
	*out = (uint32_t)v;
	return 0;
}

static int get_date(struct loader *L, const struct node *n, const char *what, day_t *out)
{
	if (!is_scalar(L, n, what, "a date"))
		return -1;
	if (date_parse(n->str, out) < 0) {
		diag_add(L->d, D_BAD_VALUE, n->loc,
			 "%s %s is not a calendar date written YYYY-MM-DD", what,
			 qn(n->str, n->len));
		return -1;
	}
	return 0;
}

static int get_duration(struct loader *L, const struct node *n, const char *what,
			struct duration *out)
{
	if (!is_scalar(L, n, what, "a duration"))
		return -1;
	if (duration_parse(n->str, out) < 0) {
		diag_add(L->d, D_BAD_VALUE, n->loc,
			 "%s %s is not a duration such as 90d, 2w, 6m or 1y "
			 "(at most 10000 units)", what, qn(n->str, n->len));
		return -1;
	}
	return 0;
}

static void set_ref(struct ref *r, const char *id, struct loc loc)
{
	r->id = id;
	r->loc = loc;
	r->kind = K_ACTOR;
	r->index = NO_INDEX;
}

/* An id or a list of ids. */
static void get_refs(struct loader *L, const struct node *n, const char *what,
		     struct refs *out)
{
	uint32_t i, count = n->kind == NODE_SEQ ? n->n : 1;

	out->n = 0;
	out->v = arena_alloc(&L->m->arena, count * sizeof(*out->v));
	if (n->kind == NODE_SEQ && n->n == 0)
		diag_add(L->d, D_BAD_VALUE, n->loc, "%s is an empty list", what);
	for (i = 0; i < count; i++) {
		const struct node *k = n->kind == NODE_SEQ ? n->kids[i] : n;
		const char *id = get_id(L, k, what);

		if (id)
			set_ref(&out->v[out->n++], id, k->loc);
	}
}

/* basis: or inferred: of MAP, at most one of them. */
static void get_just(struct loader *L, const struct node *map, const struct node *basis,
		     const struct node *inferred, const char *what, struct just *out)
{
	out->kind = JUST_NONE;
	out->text = NULL;
	if (basis && inferred) {
		const struct node *kb = key_of(map, basis), *ki = key_of(map, inferred);
		const struct node *later = ki->loc.line > kb->loc.line ||
			(ki->loc.line == kb->loc.line && ki->loc.col > kb->loc.col) ? ki : kb;

		diag_add(L->d, D_BAD_VALUE, later->loc,
			 "%s has both 'basis' and 'inferred': give one", what);
		return;
	}
	if (basis && (out->text = get_text(L, basis, "'basis'"))) {
		out->kind = JUST_BASIS;
		out->loc = basis->loc;
	} else if (inferred && (out->text = get_text(L, inferred, "'inferred'"))) {
		out->kind = JUST_INFERRED;
		out->loc = inferred->loc;
	}
}

/* "step 'x'" or just "step" when the id is unknown, into BUF. */
/* Report WHAT, a mapping at N, if it has neither basis: nor inferred:. */
static void require_just(struct loader *L, const struct node *n, const struct node *basis,
			 const struct node *inferred, const char *what, const char *basis_is)
{
	if (!basis && !inferred)
		diag_add(L->d, D_MISSING_BASIS, n->loc,
			 "%s has no 'basis' (%s) or 'inferred' (your reason)", what, basis_is);
}

/* A justification that conditions may point to: the item vectors move as
 * they grow, so what a condition keeps must live in the arena. */
static const struct just *stable_just(struct loader *L, const struct node *map,
				      const struct node *basis, const struct node *inferred,
				      const char *what)
{
	struct just *j = arena_zalloc(&L->m->arena, sizeof(*j));

	get_just(L, map, basis, inferred, what, j);
	return j;
}

static const char *describe(char *buf, size_t size, const char *kind, const char *id)
{
	/* Every item gets its name built, errors or not: no printf here. */
	size_t k = strlen(kind), n = id ? strlen(id) : 0;

	if (k + n + 4 > size)
		n = 0, id = NULL;
	memcpy(buf, kind, k);
	if (id) {
		buf[k++] = ' ';
		buf[k++] = '\'';
		memcpy(buf + k, id, n);
		k += n;
		buf[k++] = '\'';
	}
	buf[k] = '\0';
	return buf;
}

/* ---- conditions ---------------------------------------------------- */

struct cond_ctx {
	int need_just; /* every reference must be justified */
	const char *what;
};

static struct cond *new_cond(struct loader *L, enum cond_kind kind, struct loc loc)
{
	struct cond *c = arena_zalloc(&L->m->arena, sizeof(*c));

	c->kind = kind;
	c->loc = loc;
	return c;
}

static struct cond *conv_cond(struct loader *L, const struct node *n,
			      const struct just *just, const struct cond_ctx *cx);

static struct cond *cond_ref(struct loader *L, const struct node *n,
			     const struct just *just, const struct cond_ctx *cx)
{
	struct cond *c;
	const char *id = get_id(L, n, "a condition's reference");

	if (!id)
		return NULL;
	c = new_cond(L, C_REF, n->loc);
	set_ref(&c->ref, id, n->loc);
	c->just = just;
	L->m->edges++;
	if (cx->need_just && (!just || just->kind == JUST_NONE))
		diag_add(L->d, D_MISSING_BASIS, n->loc,
			 "the dependency of %s on '%s' has no 'basis' (quoted source) "
			 "or 'inferred' (your reason)", cx->what, id);
	return c;
}

static struct cond *cond_list(struct loader *L, const struct node *n,
			      enum cond_kind kind, const struct just *just,
			      const struct cond_ctx *cx)
{
	struct cond *c = new_cond(L, kind, n->loc);
	uint32_t i;

	if (n->n == 0)
		diag_add(L->d, D_BAD_VALUE, n->loc,
			 "an empty list is not a condition: list at least one step or fact");
	c->kids = arena_alloc(&L->m->arena, n->n * sizeof(*c->kids));
	for (i = 0; i < n->n; i++) {
		struct cond *k = conv_cond(L, n->kids[i], just, cx);

		if (k)
			c->kids[c->n++] = k;
	}
	return c;
}

static struct cond *cond_map(struct loader *L, const struct node *n,
			     const struct just *outer, const struct cond_ctx *cx)
{
	static const struct field fields[] = {
		{"all", 0}, {"any", 0}, {"not", 0}, {"ref", 0},
		{"basis", 0}, {"inferred", 0},
	};
	const struct node *v[NFIELDS(fields)];
	const struct just *just = outer;
	struct just *own;
	struct cond *c;
	int forms = 0, i;

	get_fields(L, n, "a condition", fields, NFIELDS(fields), v);
	for (i = 0; i < 4; i++)
		forms += v[i] != NULL;
	if (forms != 1) {
		diag_add(L->d, forms ? D_BAD_VALUE : D_MISSING_KEY, n->loc,
			 "a condition mapping needs exactly one of 'all', 'any', "
			 "'not' or 'ref'");
		return NULL;
	}
	if (v[4] || v[5]) {
		own = arena_zalloc(&L->m->arena, sizeof(*own));
		get_just(L, n, v[4], v[5], "a condition", own);
		just = own;
	}
	if (v[3])
		return cond_ref(L, v[3], just, cx);
	if (v[2]) {
		c = new_cond(L, C_NOT, n->loc);
		c->kids = arena_alloc(&L->m->arena, sizeof(*c->kids));
		c->kids[0] = conv_cond(L, v[2], just, cx);
		c->n = c->kids[0] != NULL;
		return c->n ? c : NULL;
	}
	i = v[0] ? 0 : 1;
	if (v[i]->kind != NODE_SEQ) {
		wrong_type(L, v[i], i == 0 ? "'all'" : "'any'", "a list of conditions");
		return NULL;
	}
	c = cond_list(L, v[i], i == 0 ? C_ALL : C_ANY, just, cx);
	c->loc = n->loc; /* `{all: [...]}` is where the mapping starts */
	return c;
}

static struct cond *conv_cond(struct loader *L, const struct node *n,
			      const struct just *just, const struct cond_ctx *cx)
{
	switch (n->kind) {
	case NODE_SCALAR:
		return cond_ref(L, n, just, cx);
	case NODE_SEQ:
		return cond_list(L, n, C_ALL, just, cx);
	case NODE_MAP:
		return cond_map(L, n, just, cx);
	}
	return NULL;
}

/* ---- actions, windows ----------------------------------------------- */

static void conv_action(struct loader *L, const struct node *n, int is_effect,
			const char *owner, struct action *a, int *ok)
{
	static const struct field fields[] = {
		{"lift", 0}, {"suspend", 0}, {"by", 1}, {"if", 0},
		{"basis", 0}, {"inferred", 0},
	};
	const struct node *v[NFIELDS(fields)];
	char what[160];

	*ok = 0;
	snprintf(what, sizeof(what), "%s of %s", is_effect ? "an effect" : "an action", owner);
	if (n->kind != NODE_MAP) {
		wrong_type(L, n, what, "a mapping with 'lift' or 'suspend' and 'by'");
		return;
	}
	/* Triggers have `when`; an `if` on their actions would be a second,
	 * confusable condition, so only effects take one. */
	get_fields(L, n, what, fields, NFIELDS(fields), v);
	if (!is_effect && v[3]) {
		diag_add(L->d, D_UNKNOWN_KEY, key_of(n, v[3])->loc,
			 "'if' is for step effects; put the condition in the trigger's 'when'");
		v[3] = NULL;
	}
	memset(a, 0, sizeof(*a));
	a->loc = n->loc;
	if (!!v[0] == !!v[1]) {
		diag_add(L->d, v[0] ? D_BAD_VALUE : D_MISSING_KEY, n->loc,
			 "%s needs exactly one of 'lift' or 'suspend'", what);
		return;
	}
	a->kind = v[0] ? A_LIFT : A_SUSPEND;
	get_refs(L, v[0] ? v[0] : v[1], v[0] ? "'lift'" : "'suspend'", &a->sanctions);
	if (v[2])
		get_refs(L, v[2], "'by'", &a->by);
	get_just(L, n, v[4], v[5], what, &a->just);
	if (is_effect)
		require_just(L, n, v[4], v[5], what, "quoted source");
	if (v[3]) {
		/* A missing justification was reported for the effect as a
		 * whole; its condition does not need a second report. */
		struct cond_ctx cx = {0, what};

		a->cond_if = conv_cond(L, v[3], &a->just, &cx);
	}
	*ok = 1;
}

static void conv_actions(struct loader *L, const struct node *n, int is_effect,
			 const char *owner, struct action **out, uint32_t *nout)
{
	uint32_t i;
	int ok;

	*nout = 0;
	*out = NULL;
	if (n->kind != NODE_SEQ) {
		wrong_type(L, n, is_effect ? "'effects'" : "'actions'", "a list");
		return;
	}
	*out = arena_alloc(&L->m->arena, n->n * sizeof(**out));
	for (i = 0; i < n->n; i++) {
		conv_action(L, n->kids[i], is_effect, owner, &(*out)[*nout], &ok);
		*nout += ok;
	}
}

static struct window *conv_window(struct loader *L, const struct node *n,
				  const char *owner)
{
	static const struct field fields[] = {
		{"after", 1}, {"not_before", 0}, {"not_after", 0},
		{"basis", 0}, {"inferred", 0},
	};
	const struct node *v[NFIELDS(fields)];
	struct window *w;
	char what[160];
	const char *id;

	snprintf(what, sizeof(what), "the window of %s", owner);
	if (n->kind != NODE_MAP) {
		wrong_type(L, n, what, "a mapping");
		return NULL;
	}
	get_fields(L, n, what, fields, NFIELDS(fields), v);
	w = arena_zalloc(&L->m->arena, sizeof(*w));
	w->loc = n->loc;
	if (!v[0] || !(id = get_id(L, v[0], "'after'")))
		return NULL;
	set_ref(&w->after, id, v[0]->loc);
	L->m->edges++;
	if (!v[1] && !v[2])
		diag_add(L->d, D_MISSING_KEY, n->loc,
			 "%s needs 'not_before', 'not_after' or both", what);
	if (v[1] && get_duration(L, v[1], "'not_before'", &w->not_before) == 0)
		w->has_not_before = true;
	if (v[2] && get_duration(L, v[2], "'not_after'", &w->not_after) == 0)
		w->has_not_after = true;
	get_just(L, n, v[3], v[4], what, &w->just);
	require_just(L, n, v[3], v[4], what, "quoted source");
	return w;
}

/* ---- ids ---------------------------------------------------------------- */

static int loc_before(struct loc a, struct loc b)
{
	return a.line < b.line || (a.line == b.line && a.col < b.col);
}

/* Enter item INDEX of KIND in the model's one namespace, reporting a
 * duplicate at whichever occurrence comes later in the file (items arrive in
 * file order, but the framework's own id only at the end). */
static void register_id(struct loader *L, enum kind kind, size_t index)
{
	struct model *m = L->m;
	struct loc loc, other;
	const char *id = model_item_id(m, kind, index, &loc);
	struct idmap_entry *e;

	if (!id)
		return;
	e = idmap_put(&m->ids, id, kind, (uint32_t)index);
	if (e->kind == kind && e->index == index)
		return;
	model_item_id(m, (enum kind)e->kind, e->index, &other);
	if (loc_before(loc, other)) {
		diag_add(L->d, D_DUPLICATE_ID, other,
			 "duplicate id '%s': already used by the %s at line %u", id,
			 kind_name(kind), loc.line);
		e->kind = kind;
		e->index = (uint32_t)index;
	} else {
		diag_add(L->d, D_DUPLICATE_ID, loc,
			 "duplicate id '%s': already used by the %s at line %u", id,
			 kind_name((enum kind)e->kind), other.line);
	}
}

/* Enter the id of the item converted last, if it is not entered yet. */
static void flush_id(struct loader *L)
{
	if (L->id_pending) {
		L->id_pending = 0;
		register_id(L, L->pending_kind, L->pending_index);
	}
}

/* Enter an item's id when the next item comes, and meanwhile load its
 * table slot: converting the rest of the item hides the cache miss, which
 * was most of what entering an id cost.  Duplicates are reported by place,
 * not by the order in which ids are entered. */
static void defer_id(struct loader *L, enum kind kind, size_t index, const char *id)
{
	flush_id(L);
	if (!id)
		return;
	idmap_prefetch(&L->m->ids, id);
	L->id_pending = 1;
	L->pending_kind = kind;
	L->pending_index = index;
}

/* ---- section items --------------------------------------------------- */

/* The id of an item: read it, note where it is, enter it in the namespace. */
static void load_id(struct loader *L, const struct node *item, const struct node *idn,
		    enum kind kind, size_t index, const char **id, struct loc *loc,
		    struct loc *id_loc)
{
	static const char *const labels[K__COUNT] = {
		"actor id", "fact id", "sanction id", "step id", "trigger id",
		"guarantee id", "framework id",
	};

	*loc = item->loc;
	*id = get_id(L, idn, labels[kind]);
	*id_loc = idn ? idn->loc : item->loc;
	if (kind == K_STEP && *id && strspn(*id, "0123456789") == strlen(*id)) {
		diag_add(L->d, D_BAD_ID, idn->loc,
			 "step id '%s' is all digits: numbers already address steps, "
			 "so give the step a name", *id);
		*id = NULL;
	}
	defer_id(L, kind, index, *id);
}


/* The id of an item, looked up before the other fields so that messages
 * about the item can name it. */
static const struct node *item_id_node(const struct node *map)
{
	uint32_t i;

	for (i = 0; i < map->n; i++) {
		const struct node *k = map->kids[2 * i];

		if (k->kind == NODE_SCALAR && strcmp(k->str, "id") == 0)
			return map->kids[2 * i + 1];
	}
	return NULL;
}

static const char *item_name(const struct node *map, const char *kind, char *buf,
			     size_t size)
{
	const struct node *id = item_id_node(map);

	return describe(buf, size, kind,
			id && id->kind == NODE_SCALAR && id_is_valid(id->str, id->len)
				? id->str : NULL);
}

static void conv_actor(struct loader *L, const struct node *n, const char *what)
{
	static const struct field fields[] = {
		{"id", 1}, {"name", 1}, {"description", 0},
	};
	const struct node *v[NFIELDS(fields)];
	struct actor *a;

	get_fields(L, n, what, fields, NFIELDS(fields), v);
	a = VEC_PUSH(L->m->actors, L->m->nactors, L->m->cap_actors);
	memset(a, 0, sizeof(*a));
	load_id(L, n, v[0], K_ACTOR, L->m->nactors - 1, &a->id, &a->loc, &a->id_loc);
	a->name = get_text(L, v[1], "'name'");
	a->description = v[2] ? get_text(L, v[2], "'description'") : NULL;
}

static void conv_fact(struct loader *L, const struct node *n, const char *what)
{
	static const struct field fields[] = {
		{"id", 1}, {"description", 1}, {"initial", 1},
		{"basis", 0}, {"inferred", 0},
	};
	const struct node *v[NFIELDS(fields)];
	struct fact *f;

	get_fields(L, n, what, fields, NFIELDS(fields), v);
	f = VEC_PUSH(L->m->facts, L->m->nfacts, L->m->cap_facts);
	memset(f, 0, sizeof(*f));
	load_id(L, n, v[0], K_FACT, L->m->nfacts - 1, &f->id, &f->loc, &f->id_loc);
	f->description = get_text(L, v[1], "'description'");
	if (v[2])
		get_bool(L, v[2], "'initial'", &f->initial);
	get_just(L, n, v[3], v[4], what, &f->just);
	require_just(L, n, v[3], v[4], what, "the source words it stands for");
}

static void conv_sanction(struct loader *L, const struct node *n, const char *what)
{
	static const struct field fields[] = {
		{"id", 1}, {"description", 1}, {"imposed_by", 1}, {"initial", 0},
		{"basis", 0}, {"inferred", 0},
	};
	static const char *const statuses[] = {"active", "suspended", "lifted"};
	const struct node *v[NFIELDS(fields)];
	struct sanction *s;
	int i;

	get_fields(L, n, what, fields, NFIELDS(fields), v);
	s = VEC_PUSH(L->m->sanctions, L->m->nsanctions, L->m->cap_sanctions);
	memset(s, 0, sizeof(*s));
	load_id(L, n, v[0], K_SANCTION, L->m->nsanctions - 1, &s->id, &s->loc, &s->id_loc);
	s->description = get_text(L, v[1], "'description'");
	if (v[2])
		get_refs(L, v[2], "'imposed_by'", &s->imposed_by);
	s->initial = S_ACTIVE;
	if (v[3] && is_scalar(L, v[3], "'initial'", "active, suspended or lifted")) {
		for (i = 0; i < 3; i++)
			if (strcmp(v[3]->str, statuses[i]) == 0)
				s->initial = (enum sanction_status)i;
		if (i == 3 && strcmp(v[3]->str, statuses[s->initial]) != 0)
			diag_add(L->d, D_BAD_VALUE, v[3]->loc,
				 "'initial' must be active, suspended or lifted, not %s",
				 qn(v[3]->str, v[3]->len));
	}
	get_just(L, n, v[4], v[5], what, &s->just);
}

static void conv_step(struct loader *L, const struct node *n, const char *what)
{
	static const struct field fields[] = {
		{"id", 1}, {"number", 1}, {"title", 1}, {"text", 1}, {"actor", 1},
		{"requires", 0}, {"basis", 0}, {"inferred", 0}, {"auto", 0},
		{"window", 0}, {"effects", 0},
	};
	const struct node *v[NFIELDS(fields)];
	struct step *s;
	struct cond_ctx cx = {1, what};
	const struct just *just;

	get_fields(L, n, what, fields, NFIELDS(fields), v);
	s = VEC_PUSH(L->m->steps, L->m->nsteps, L->m->cap_steps);
	memset(s, 0, sizeof(*s));
	load_id(L, n, v[0], K_STEP, L->m->nsteps - 1, &s->id, &s->loc, &s->id_loc);
	if (v[1]) {
		s->number_loc = v[1]->loc;
		get_uint(L, v[1], "'number'", 1, 1000000000, &s->number);
	}
	s->title = get_text(L, v[2], "'title'");
	s->text = get_text(L, v[3], "'text'");
	if (v[4])
		get_refs(L, v[4], "'actor'", &s->actors);
	just = stable_just(L, n, v[6], v[7], what);
	s->just = *just;
	if (v[5])
		s->requires = conv_cond(L, v[5], just, &cx);
	else if (v[6] || v[7])
		diag_add(L->d, D_UNKNOWN_KEY, key_of(n, v[6] ? v[6] : v[7])->loc,
			 "%s has a justification but no 'requires' for it to justify",
			 what);
	if (v[8])
		get_bool(L, v[8], "'auto'", &s->autostep);
	if (v[9])
		s->window = conv_window(L, v[9], what);
	if (v[10])
		conv_actions(L, v[10], 1, what, &s->effects, &s->neffects);
}

static void conv_trigger(struct loader *L, const struct node *n, const char *what)
{
	static const struct field fields[] = {
		{"id", 1}, {"when", 1}, {"actions", 1}, {"basis", 0}, {"inferred", 0},
	};
	const struct node *v[NFIELDS(fields)];
	struct trigger *t;
	/* Every reference in `when` stands on the trigger's justification,
	 * which is checked for the trigger as a whole. */
	struct cond_ctx cx = {0, what};
	const struct just *just;
	uint32_t i;

	get_fields(L, n, what, fields, NFIELDS(fields), v);
	t = VEC_PUSH(L->m->triggers, L->m->ntriggers, L->m->cap_triggers);
	memset(t, 0, sizeof(*t));
	load_id(L, n, v[0], K_TRIGGER, L->m->ntriggers - 1, &t->id, &t->loc, &t->id_loc);
	just = stable_just(L, n, v[3], v[4], what);
	t->just = *just;
	require_just(L, n, v[3], v[4], what, "quoted source");
	if (v[1])
		t->when = conv_cond(L, v[1], just, &cx);
	if (v[2])
		conv_actions(L, v[2], 0, what, &t->actions, &t->nactions);
	if (v[2] && v[2]->kind == NODE_SEQ && v[2]->n == 0)
		diag_add(L->d, D_BAD_VALUE, v[2]->loc, "%s has no actions", what);
	/* Actions without their own justification stand on the trigger's. */
	for (i = 0; i < t->nactions; i++)
		if (t->actions[i].just.kind == JUST_NONE)
			t->actions[i].just = t->just;
}

static struct cond *guarantee_cond(struct loader *L, const struct node *n,
				   const struct just *just, const char *what)
{
	struct cond_ctx cx = {0, what};

	return n ? conv_cond(L, n, just, &cx) : NULL;
}

static void conv_guarantee(struct loader *L, const struct node *n, const char *what)
{
	static const struct field fields[] = {
		{"id", 1}, {"text", 1}, {"during", 1}, {"holds", 1},
		{"basis", 0}, {"inferred", 0},
	};
	static const struct field during_fields[] = {{"from", 1}, {"until", 1}};
	const struct node *v[NFIELDS(fields)], *w[2] = {NULL, NULL};
	struct guarantee *g;
	const struct just *just;

	get_fields(L, n, what, fields, NFIELDS(fields), v);
	g = VEC_PUSH(L->m->guarantees, L->m->nguarantees, L->m->cap_guarantees);
	memset(g, 0, sizeof(*g));
	load_id(L, n, v[0], K_GUARANTEE, L->m->nguarantees - 1, &g->id, &g->loc, &g->id_loc);
	g->text = get_text(L, v[1], "'text'");
	just = stable_just(L, n, v[4], v[5], what);
	g->just = *just;
	if (v[2] && v[2]->kind != NODE_MAP)
		wrong_type(L, v[2], "'during'", "a mapping with 'from' and 'until'");
	else if (v[2])
		get_fields(L, v[2], "'during'", during_fields, 2, w);
	g->from = guarantee_cond(L, w[0], just, what);
	g->until = guarantee_cond(L, w[1], just, what);
	g->holds = guarantee_cond(L, v[3], just, what);
}

static const struct section {
	const char *key;
	const char *kind;
	void (*conv)(struct loader *, const struct node *, const char *);
} sections[] = {
	{"actors", "actor", conv_actor},
	{"facts", "fact", conv_fact},
	{"sanctions", "sanction", conv_sanction},
	{"steps", "step", conv_step},
	{"triggers", "trigger", conv_trigger},
	{"guarantees", "guarantee", conv_guarantee},
};

/* The reader's callback: one entry of a root-level list. */
static void on_item(void *ctx, const struct node *key, size_t index,
		    const struct node *item)
{
	struct loader *L = ctx;
	char what[200];
	size_t i;

	(void)index;
	/* The previous item's id first, so that its diagnostics come before
	 * this item's (the list keeps the first DIAG_MAX of them). */
	flush_id(L);
	for (i = 0; i < NFIELDS(sections); i++)
		if (strcmp(key->str, sections[i].key) == 0)
			break;
	if (i == NFIELDS(sections))
		return; /* an unknown root key: reported with the root */
	if (!L->section_key[i])
		L->section_key[i] = key;
	if (L->section_key[i] != key)
		return; /* a second copy: reported by the reader */
	if (item->kind != NODE_MAP) {
		snprintf(what, sizeof(what), "each entry of '%s'", sections[i].key);
		wrong_type(L, item, what, "a mapping");
		return;
	}
	sections[i].conv(L, item, item_name(item, sections[i].kind, what, sizeof(what)));
}

/* ---- the root --------------------------------------------------------- */

static void conv_framework(struct loader *L, const struct node *n)
{
	static const struct field fields[] = {
		{"id", 1}, {"title", 1}, {"description", 0}, {"source", 1}, {"start", 0},
	};
	static const struct field src_fields[] = {
		{"publisher", 1}, {"date", 1}, {"published_in", 1}, {"url", 0},
	};
	const struct node *v[NFIELDS(fields)], *s[NFIELDS(src_fields)];
	struct model *m = L->m;
	day_t d;

	if (n->kind != NODE_MAP) {
		wrong_type(L, n, "'framework'", "a mapping");
		return;
	}
	get_fields(L, n, "'framework'", fields, NFIELDS(fields), v);
	if (v[0]) {
		m->id = get_id(L, v[0], "framework id");
		m->id_loc = v[0]->loc;
		register_id(L, K_FRAMEWORK, 0);
	}
	m->title = get_text(L, v[1], "'title'");
	m->description = v[2] ? get_text(L, v[2], "'description'") : NULL;
	if (v[3] && v[3]->kind != NODE_MAP) {
		wrong_type(L, v[3], "'source'", "a mapping");
	} else if (v[3]) {
		get_fields(L, v[3], "'source'", src_fields, NFIELDS(src_fields), s);
		m->source.publisher = get_text(L, s[0], "'publisher'");
		if (s[1] && get_date(L, s[1], "'date'", &d) == 0)
			m->source.date = copy(L, s[1]);
		m->source.published_in = get_text(L, s[2], "'published_in'");
		m->source.url = s[3] ? get_text(L, s[3], "'url'") : NULL;
	}
	if (v[4] && get_date(L, v[4], "'start'", &m->start) == 0)
		m->has_start = true;
}

static void conv_version(struct loader *L, const struct node *n)
{
	uint32_t v;

	if (get_uint(L, n, "'fwsim' (the format version)", 0, UINT32_MAX, &v) < 0)
		return;
	L->m->version = v;
	if (v != 1)
		diag_add(L->d, D_BAD_VERSION, n->loc,
			 "format version %u is not supported: this fwsim reads version 1",
			 v);
}

static void conv_root(struct loader *L, const struct node *root)
{
	static const struct field fields[] = {
		{"fwsim", 1}, {"framework", 1}, {"actors", 0}, {"facts", 0},
		{"sanctions", 0}, {"steps", 1}, {"triggers", 0}, {"guarantees", 0},
	};
	const struct node *v[NFIELDS(fields)];
	size_t i;

	get_fields(L, root, "the framework file", fields, NFIELDS(fields), v);
	if (v[0])
		conv_version(L, v[0]);
	if (v[1])
		conv_framework(L, v[1]);
	for (i = 2; i < NFIELDS(fields); i++) {
		char what[40];

		/* Lists were streamed already; anything else here is wrong,
		 * except an empty optional section. */
		if (!v[i] || v[i]->kind == NODE_SEQ ||
		    (yread_is_null(v[i]) && !fields[i].required))
			continue;
		snprintf(what, sizeof(what), "'%s'", fields[i].name);
		wrong_type(L, v[i], what, "a list");
	}
	if (v[5] && v[5]->kind == NODE_SEQ && v[5]->n == 0)
		diag_add(L->d, D_BAD_VALUE, v[5]->loc, "'steps' is empty: a framework "
			 "needs at least one step");
}

int load_source(struct model *m, struct yread_source *src,
		const struct yread_limits *lim, struct diags *d)
{
	struct loader L = {.m = m, .d = d};
	struct arena doc;
	struct node *root;
	int rc = 0;

	arena_init(&doc);
	root = yread_parse(src, lim, &doc, &m->arena, d, on_item, &L);
	flush_id(&L);
	m->hash = src->hash;
	if (!root) {
		rc = -1;
	} else if (root->kind != NODE_MAP) {
		wrong_type(&L, root, "the top level of a framework file",
			   "a mapping with 'fwsim', 'framework' and 'steps'");
		rc = -1;
	} else {
		conv_root(&L, root);
	}
	arena_release(&doc);
	return rc;
}

int load_buffer(struct model *m, const char *buf, size_t len,
		const struct yread_limits *lim, struct diags *d)
{
	struct yread_source src = {.buf = buf, .len = len, .fd = -1};

	return load_source(m, &src, lim, d);
}
