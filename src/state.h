/* state.h - the state file of a run: which framework, and the events.
 *
 * The state is the list of events; the picture is computed by replaying
 * them (engine.h), so undo, history and "what changed" come from one
 * mechanism.  The file is JSON, read strictly (case-sensitive keys, no
 * duplicates, no NULs in strings, nothing after the document) and written
 * atomically.  This is the only user of cJSON besides report_json.c. */
#ifndef FWSIM_STATE_H
#define FWSIM_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "engine.h"

#define STATE_VERSION 1

/* The largest state file read or written (a million events is ~50 MB). */
#define STATE_MAX (64u * 1024 * 1024)

/* The largest batch number; a command that would pass it is refused. */
#define STATE_MAX_BATCH 4000000000u

/* An event as the file names it: by id, so that it survives renumbering. */
struct state_event {
	enum event_kind kind;
	uint32_t batch;     /* the command that added it; undo removes a batch */
	char *ref;          /* EV_COMPLETE: step id; EV_SET: fact id */
	bool value;         /* EV_SET */
	struct duration by; /* EV_ADVANCE */
	day_t date;         /* EV_DATE */
};

struct state {
	char *framework;    /* the framework's id */
	char *hash;         /* of the framework file the events were made on */
	day_t start;
	struct state_event *ev;
	size_t n, cap;
};

enum state_read_result { STATE_OK, STATE_MISSING, STATE_BAD };

/* Read PATH into ST.  STATE_MISSING if there is no such file; STATE_BAD
 * with a message in ERR if it is not a state file fwsim can use (corrupt,
 * truncated, empty, foreign, a newer version, not a regular file). */
enum state_read_result state_read(const char *path, struct state *st, char *err,
				  size_t errsize);

/* Parse LEN bytes of BUF as a state (what state_read does once the file
 * is read).  Returns 0, or -1 with a message in ERR. */
int state_parse(const char *buf, size_t len, struct state *st, char *err, size_t errsize);

/* The state as JSON text (malloc'd, ends with a newline). */
char *state_format(const struct state *st);

/* Add an event (REF is copied). */
struct state_event *state_add(struct state *st, enum event_kind kind, uint32_t batch,
			      const char *ref);

/* The last batch number, 0 if there are no events. */
uint32_t state_last_batch(const struct state *st);

void state_init(struct state *st);
void state_release(struct state *st);

#endif
