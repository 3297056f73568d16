/* engine.h - a run of a framework: events in, the picture out.
 *
 * The engine does no I/O and is deterministic: a run is its framework, a
 * start date and the list of events applied to it, so replaying the same
 * events always gives the same picture.  After every event, steps, effects,
 * triggers and guarantees settle to a fixpoint, touching only what depends
 * on what changed (an index from each step and fact to its watchers).
 *
 * Lifecycle: run_init, run_apply (any number of times), run_release. */
#ifndef FWSIM_ENGINE_H
#define FWSIM_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

enum step_status { SS_PENDING, SS_READY, SS_DONE, SS_OVERDUE };
enum guarantee_status { GS_INACTIVE, GS_HELD, GS_BREACHED };

/* "pending", "ready", "done", "overdue"; "inactive", "held", "breached". */
const char *step_status_name(enum step_status s);
const char *guarantee_status_name(enum guarantee_status s);

enum event_kind { EV_COMPLETE, EV_SET, EV_ADVANCE, EV_DATE };

/* "complete", "set", "advance", "date". */
const char *event_kind_name(enum event_kind k);

struct event {
	enum event_kind kind;
	uint32_t index;      /* EV_COMPLETE: the step; EV_SET: the fact */
	bool value;          /* EV_SET */
	struct duration by;  /* EV_ADVANCE */
	day_t date;          /* EV_DATE */
};

/* One thing that changed, in the order it happened. */
enum change_kind {
	CH_STEP,       /* a step's status changed (to ready, done or overdue) */
	CH_SANCTION,   /* a sanction was suspended or lifted */
	CH_TRIGGER,    /* a trigger fired */
	CH_GUARANTEE,  /* a guarantee came into force, was breached, or ended */
	CH_FACT,       /* a fact changed */
	CH_DATE,       /* the clock moved */
};

struct change {
	enum change_kind kind;
	uint32_t index;     /* the step, sanction, trigger, guarantee or fact */
	uint8_t status;     /* new step/sanction/guarantee status; fact value */
	bool closed;        /* CH_GUARANTEE: the guarantee's period ended */
	day_t date;
	size_t event;       /* which applied event caused it */
	/* CH_SANCTION: who acted, and on whose account */
	const struct action *action;
	enum kind cause_kind; /* K_STEP or K_TRIGGER */
	uint32_t cause;
};

struct guarantee_state {
	bool open, closed, breached;
	day_t opened_on, closed_on, breached_on;
};

struct run {
	const struct model *m;
	day_t start, date;
	bool *fact;
	uint8_t *step;             /* enum step_status */
	day_t *done_on;
	uint8_t *sanction;         /* enum sanction_status */
	day_t *sanction_on;        /* when it last changed (start: run start) */
	size_t *sanction_change;   /* index in log of the change that set it, or SIZE_MAX */
	bool *fired;               /* triggers */
	day_t *fired_on;
	bool *effect_fired;        /* effects, numbered through effect_base */
	uint32_t *effect_base;     /* first effect number of each step */
	struct guarantee_state *g;

	/* Who watches each step (0..nsteps-1) and fact (nsteps..): CSR. */
	uint32_t *wfirst, *watch;
	uint32_t *windowed;        /* steps with a window: re-examined when the clock moves */
	size_t nwindowed;

	uint32_t *work;            /* the settle work queue: [whead, nwork) */
	size_t whead, nwork, cap_work;
	uint8_t *queued;

	struct change *log;        /* every change since run_init */
	size_t nlog, cap_log;
	size_t nevents;            /* events applied */
	size_t looks;              /* items examined by settling, for tests */
};

/* Start a run of M (which must be valid) on START: facts at their initial
 * values, every step pending, every sanction at its initial status; then
 * settle (auto steps whose condition holds complete at once). */
void run_init(struct run *r, const struct model *m, day_t start);
void run_release(struct run *r);

/* Apply EV.  If it is not allowed now, nothing changes: return -1 with the
 * reason, naming each unmet condition, in WHY (WHYSIZE bytes). */
int run_apply(struct run *r, const struct event *ev, char *why, size_t whysize);

/* The steps that are ready and not automatic, in file order (malloc'd; *N). */
uint32_t *run_ready(const struct run *r, size_t *n);

/* The earliest date after today on which a window opens for a step whose
 * other conditions hold; 0 if there is none. */
day_t run_next_date(const struct run *r, bool *found);

/* The status of guarantee G. */
enum guarantee_status run_guarantee_status(const struct run *r, uint32_t g);

/* Write to OUT why step S is not ready now ("waits for step 3 'x'; fact
 * 'f' is false; window opens 2021-04-15"). */
void run_explain(const struct run *r, uint32_t s, char *out, size_t size);

/* Write to OUT why condition C does not hold now (empty if it does). */
void run_explain_cond(const struct run *r, const struct cond *c, char *out, size_t size);

#endif
