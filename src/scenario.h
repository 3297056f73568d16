/* scenario.h - scenario files: a framework's run written as dated events.
 *
 *   fwsim_scenario: 1
 *   framework: venezuela
 *   title: The full transition
 *   events:
 *     - date: 2020-04-01          # move the clock first (optional)
 *       complete: [restore-national-assembly, 2]
 *     - set: {claimants-renounced: true}
 *     - advance: 6m
 *     - wave: true                # complete every ready step
 *
 * Read with the framework reader's limits and diagnostics (docs/SIMULATION.md). */
#ifndef FWSIM_SCENARIO_H
#define FWSIM_SCENARIO_H

#include <stddef.h>

#include "diag.h"
#include "engine.h"

/* One event of a scenario; a `wave` completes every ready step. */
struct scenario_event {
	bool wave;
	struct event ev;  /* unless wave */
	struct loc loc;
};

struct scenario {
	struct arena arena;
	const char *path, *title;
	struct scenario_event *ev;
	size_t n, cap;
};

/* Read PATH, resolving its ids against M.  Returns 0, 1 if it has errors
 * (in D), 2 if it cannot be read (message in ERR). */
int scenario_load(struct scenario *sc, const char *path, const struct model *m,
		  struct diags *d, char *err, size_t errsize);
/* scenario_load of LEN bytes at BUF. */
int scenario_load_buffer(struct scenario *sc, const char *buf, size_t len,
			 const struct model *m, struct diags *d);

void scenario_release(struct scenario *sc);

#endif
