/* print.h - a run for people (text) and for scripts (JSON). */
#ifndef FWSIM_PRINT_H
#define FWSIM_PRINT_H

#include <stdio.h>

#include "engine.h"
#include "state.h"

/* The changes r->log[FROM..] as a timeline, one per line. */
void print_changes(FILE *out, const struct run *r, size_t from);

/* "ready now: ..." or why nothing is. */
void print_ready(FILE *out, const struct run *r);

/* The whole picture: steps, sanctions, facts, guarantees, history. */
void print_status(FILE *out, const struct run *r, const struct state *st);

/* JSON forms (report_json.c): one object on one line. */
void json_changes(FILE *out, const struct run *r, size_t from);
void json_status(FILE *out, const struct run *r, const struct state *st);
/* The events undo took back (numbered from FIRST_SEQ) and what is ready now. */
void json_undone(FILE *out, const struct run *r, const struct state_event *ev, size_t n,
		 size_t first_seq);

#endif
