/* model.h - the in-memory framework: what a framework file says, resolved.
 *
 * Everything here is owned by model->arena (strings, conditions, arrays of
 * references) except the top-level item vectors, which are malloc'd and
 * grown while loading; model_release() frees both.  Indices into the
 * vectors (uint32_t) link objects once validate has resolved the names. */
#ifndef FWSIM_MODEL_H
#define FWSIM_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "idmap.h"

#define NO_INDEX UINT32_MAX

/* What an id names.  K_FRAMEWORK is the framework itself: its id shares
 * the one namespace of the file. */
enum kind { K_ACTOR, K_FACT, K_SANCTION, K_STEP, K_TRIGGER, K_GUARANTEE, K_FRAMEWORK,
	    K__COUNT };

/* The id map keeps a kind in 4 bits (idmap.h). */
_Static_assert(K__COUNT <= 16, "enum kind must fit the id map's 4-bit field");

/* "actor", "fact", ... for messages. */
const char *kind_name(enum kind k);

/* Why a dependency, effect or fact holds: quoted source words or a reason. */
enum just_kind { JUST_NONE, JUST_BASIS, JUST_INFERRED };
struct just {
	enum just_kind kind;
	const char *text;
	struct loc loc;
};

/* A reference by id, resolved by validate to KIND and INDEX. */
struct ref {
	const char *id;
	struct loc loc;
	enum kind kind;  /* valid once index != NO_INDEX */
	uint32_t index;
};

struct refs {
	struct ref *v;
	uint32_t n;
};

enum cond_kind { C_REF, C_ALL, C_ANY, C_NOT };

struct cond {
	enum cond_kind kind;
	uint32_t n;                /* kids */
	struct loc loc;
	struct ref ref;            /* C_REF: a step (done) or fact (true) */
	const struct just *just;   /* C_REF: the innermost justification */
	struct cond **kids;        /* C_ALL, C_ANY: n; C_NOT: 1 */
};

/* A duration such as 6m: N units of 'd', 'w', 'm' or 'y'. */
struct duration {
	uint32_t n;
	char unit;
};

struct window {
	struct loc loc;
	struct ref after;            /* the anchor step */
	bool has_not_before, has_not_after;
	struct duration not_before, not_after;
	struct just just;
};

enum action_kind { A_LIFT, A_SUSPEND };

/* "lift" or "suspend". */
const char *action_name(enum action_kind k);

struct action {
	enum action_kind kind;
	struct loc loc;
	struct refs sanctions;
	struct refs by;              /* acting actors */
	struct cond *cond_if;        /* effects only: extra condition, or NULL */
	struct just just;
};

struct actor {
	const char *id;
	struct loc loc;
	struct loc id_loc;           /* where the id is written */
	const char *name, *description;
};

struct fact {
	const char *id;
	struct loc loc;
	struct loc id_loc;           /* where the id is written */
	const char *description;
	bool initial;
	struct just just;
};

enum sanction_status { S_ACTIVE, S_SUSPENDED, S_LIFTED };

/* "active", "suspended", "lifted". */
const char *sanction_status_name(enum sanction_status s);

struct sanction {
	const char *id;
	struct loc loc;
	struct loc id_loc;           /* where the id is written */
	const char *description;
	struct refs imposed_by;
	enum sanction_status initial;
	struct just just;
};

struct step {
	const char *id;
	struct loc loc;
	struct loc id_loc;           /* where the id is written */
	struct loc number_loc;
	uint32_t number;
	uint32_t neffects;
	const char *title, *text;
	struct refs actors;
	struct cond *requires;       /* NULL: ready from the start */
	struct just just;            /* justifies `requires` unless deeper */
	struct window *window;       /* NULL: no window */
	struct action *effects;
	bool autostep;               /* `auto: true` */
};

struct trigger {
	const char *id;
	struct loc loc;
	struct loc id_loc;           /* where the id is written */
	struct cond *when;
	struct action *actions;
	uint32_t nactions;
	struct just just;
};

struct guarantee {
	const char *id;
	struct loc loc;
	struct loc id_loc;           /* where the id is written */
	const char *text;
	struct cond *from, *until, *holds;
	struct just just;
};

struct source {
	const char *publisher, *date, *published_in, *url;
};

/* A calendar date as days since 1970-01-01 (see date.h). */
typedef int32_t day_t;

struct model {
	struct arena arena;
	const char *path;            /* as given by the user, for messages */
	uint32_t version;
	const char *id, *title, *description;
	struct loc id_loc;
	struct source source;
	bool has_start;
	day_t start;

	struct actor *actors;
	struct fact *facts;
	struct sanction *sanctions;
	struct step *steps;
	struct trigger *triggers;
	struct guarantee *guarantees;
	size_t nactors, nfacts, nsanctions, nsteps, ntriggers, nguarantees;
	size_t cap_actors, cap_facts, cap_sanctions, cap_steps, cap_triggers,
		cap_guarantees;

	size_t edges;                /* dependency references, for stats */
	struct idmap ids;            /* every id of the file -> (kind, index) */
	uint64_t hash;               /* of the file's bytes (state files keep it) */
};

/* Number of items of kind K (1 or 0 for K_FRAMEWORK). */
size_t model_count(const struct model *m, enum kind k);

/* The id of item I of kind K (NULL if it had none), and in *LOC where the
 * id is written. */
const char *model_item_id(const struct model *m, enum kind k, size_t i, struct loc *loc);

void model_init(struct model *m, const char *path);

/* Size the id map for a file of SIZE bytes, so that it rarely rehashes. */
void model_expect(struct model *m, size_t size);
void model_release(struct model *m);

#endif
