/* session.h - what the run commands share: a framework, its state file,
 * the lock, and the run replayed from the state's events. */
#ifndef FWSIM_SESSION_H
#define FWSIM_SESSION_H

#include "engine.h"
#include "framework.h"
#include "state.h"

struct session {
	struct framework fw;
	const char *cmd;        /* for messages: "step", "status", ... */
	char state_path[4096];
	int lock_fd;            /* -1: not locked */
	struct state st;
	int fresh;              /* there was no state file */
	int edited;             /* the framework changed since the state was saved */
	const struct state_event *undone; /* undo: the events taken back */
	size_t nundone;
	struct run run;
	int have_run;
};

/* Open FRAMEWORK_PATH and (STATE_PATH or the default
 * output/FRAMEWORK-ID.state.json), taking the lock if LOCK, and replay the
 * state.  START is the start date to use for a fresh state when the
 * framework has none (NULL: none given).  Prints any problem and returns its
 * exit status (1: invalid framework or events that no longer apply; 2: I/O),
 * or 0 with the session ready. */
int session_open(struct session *s, const char *cmd, const char *framework_path,
		 const char *state_path, int lock, const day_t *start);

/* Flags for session_open's LOCK argument. */
#define SESSION_LOCK 1      /* take the state's lock for a read-modify-write */
#define SESSION_NO_STATE 2  /* do not read the state file (reset) */
#define SESSION_NO_REPLAY 4 /* read the state but do not replay it (undo) */

/* Only open FRAMEWORK_PATH (no state, no run); same return as session_open. */
int session_open_framework(struct session *s, const char *cmd, const char *path);

/* Replay the events of S->st into a fresh S->run.  On a refused event,
 * print which and why and return 1. */
int session_replay(struct session *s);

/* Write S->st to the state file atomically; print and return 2 on failure. */
int session_save(struct session *s);

void session_close(struct session *s);

/* Turn a state event into an engine event: resolve its id.  Returns -1 with
 * a message in WHY if the id no longer names a step or fact. */
int session_event(const struct model *m, const struct state_event *se, struct event *ev,
		  char *why, size_t whysize);

#endif
