/* cmd_step.c - `fwsim step`, `fwsim undo`, `fwsim reset`: change a run. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "idmap.h"
#include "print.h"
#include "session.h"
#include "util.h"


int parse_run_opts(const char *cmd, int argc, char **argv, int events,
			  struct run_opts *o)
{
	struct opt_scan s = {.argc = argc, .argv = argv, .i = 1};
	const char *name, *v;
	int r;

	memset(o, 0, sizeof(*o));
	o->ev = xcalloc((size_t)argc + 1, sizeof(*o->ev));
	while ((r = opt_next(&s, &name)) >= 0) {
		enum event_kind k;

		if (r == 0) {
			if (o->framework)
				return usage_error(cmd, "unexpected argument '%s'", name);
			o->framework = name;
			continue;
		}
		if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
			command_help(stdout, command_find(cmd));
			return finish_output(EXIT_OK);
		}
		if (strcmp(name, "--state") == 0 || strcmp(name, "--format") == 0) {
			if (!(v = opt_value(&s)))
				return usage_error(cmd, "%s needs a value", name);
			if (name[2] == 's') {
				o->state = v;
			} else if (strcmp(v, "json") == 0 || strcmp(v, "text") == 0) {
				o->json = v[0] == 'j';
			} else {
				return usage_error(cmd, "unknown format '%s': use text or json", v);
			}
			continue;
		}
		if (!events)
			return usage_error(cmd, "unknown option '%s'", name);
		if (strcmp(name, "--complete") == 0)
			k = EV_COMPLETE;
		else if (strcmp(name, "--set") == 0)
			k = EV_SET;
		else if (strcmp(name, "--advance") == 0)
			k = EV_ADVANCE;
		else if (strcmp(name, "--date") == 0)
			k = EV_DATE;
		else
			return usage_error(cmd, "unknown option '%s'", name);
		if (!(v = opt_value(&s)))
			return usage_error(cmd, "%s needs a value", name);
		o->ev[o->nev].kind = k;
		o->ev[o->nev++].arg = v;
	}
	if (!o->framework)
		return usage_error(cmd, "no framework file given");
	return -1;
}

/* The step ARG names: an id, or a number. */
static int find_step(const struct model *m, const char *arg, uint32_t *out)
{
	const struct idmap_entry *e;
	size_t i;

	if (arg[0] && arg[0] != '0' && strspn(arg, "0123456789") == strlen(arg)) {
		for (i = 0; i < m->nsteps; i++)
			if (strtoul(arg, NULL, 10) == m->steps[i].number && strlen(arg) < 11) {
				*out = (uint32_t)i;
				return 0;
			}
		return -1;
	}
	e = idmap_get(&m->ids, arg);
	if (!e || e->kind != K_STEP)
		return -1;
	*out = e->index;
	return 0;
}

/* Resolve RAW into a state event added to ST (batch BATCH) and an engine
 * event.  Returns -1 with a message in WHY for an unknown id or a
 * malformed value. */
static int resolve_event(const struct model *m, const struct raw_event *raw, uint32_t batch,
			 struct state *st, struct event *ev, char *why, size_t size)
{
	const struct idmap_entry *e;
	struct state_event *se;
	char id[80];
	const char *eq;
	uint32_t idx;

	memset(ev, 0, sizeof(*ev));
	ev->kind = raw->kind;
	switch (raw->kind) {
	case EV_COMPLETE:
		if (find_step(m, raw->arg, &idx) < 0) {
			snprintf(why, size, "--complete %s: no such step (give an id or a "
				 "number)", q(raw->arg));
			return -1;
		}
		ev->index = idx;
		state_add(st, EV_COMPLETE, batch, m->steps[idx].id);
		return 0;
	case EV_SET:
		eq = strchr(raw->arg, '=');
		if (!eq || (size_t)(eq - raw->arg) >= sizeof(id) ||
		    (strcmp(eq + 1, "true") != 0 && strcmp(eq + 1, "false") != 0)) {
			snprintf(why, size, "--set %s: write FACT=true or FACT=false", q(raw->arg));
			return -1;
		}
		snprintf(id, sizeof(id), "%.*s", (int)(eq - raw->arg), raw->arg);
		e = idmap_get(&m->ids, id);
		if (!e || e->kind != K_FACT) {
			snprintf(why, size, "--set: no such fact %s", q(id));
			return -1;
		}
		ev->index = e->index;
		ev->value = eq[1] == 't';
		se = state_add(st, EV_SET, batch, id);
		se->value = ev->value;
		return 0;
	case EV_ADVANCE:
		if (duration_parse(raw->arg, &ev->by) < 0) {
			snprintf(why, size, "--advance %s: give a duration such as 90d, 2w, 6m "
				 "or 1y (at most 10000 units)", q(raw->arg));
			return -1;
		}
		state_add(st, EV_ADVANCE, batch, NULL)->by = ev->by;
		return 0;
	case EV_DATE:
		if (date_parse(raw->arg, &ev->date) < 0) {
			snprintf(why, size, "--date %s: give a calendar date YYYY-MM-DD",
				 q(raw->arg));
			return -1;
		}
		state_add(st, EV_DATE, batch, NULL)->date = ev->date;
		return 0;
	}
	return -1;
}

static void show(const struct run_opts *o, const struct run *r, size_t from)
{
	if (o->json) {
		json_changes(stdout, r, from);
	} else {
		print_changes(stdout, r, from);
		print_ready(stdout, r);
	}
}

/* One wave: complete every step that is ready, in file order. */
static int wave(struct session *s, uint32_t batch)
{
	size_t n, i;
	uint32_t *ready = run_ready(&s->run, &n);
	char why[512];

	for (i = 0; i < n; i++) {
		struct event ev = {.kind = EV_COMPLETE, .index = ready[i]};

		/* An earlier one may have made it unready (`not`). */
		if (s->run.step[ready[i]] != SS_READY)
			continue;
		if (run_apply(&s->run, &ev, why, sizeof(why)) == 0)
			state_add(&s->st, EV_COMPLETE, batch, s->fw.model.steps[ready[i]].id);
	}
	free(ready);
	return n > 0;
}

int cmd_step(int argc, char **argv)
{
	struct run_opts o;
	struct session s;
	day_t start, *startp = NULL;
	size_t i, first = 0, from;
	uint32_t batch;
	char why[1024];
	int rc;

	if ((rc = parse_run_opts("step", argc, argv, 1, &o)) >= 0)
		goto out_opts;
	/* A --date first can give the start of a run whose framework has none. */
	if (o.nev && o.ev[0].kind == EV_DATE && date_parse(o.ev[0].arg, &start) == 0)
		startp = &start;
	else if (o.nev && o.ev[0].kind == EV_DATE) {
		fprintf(stderr, "fwsim step: refused: --date %s: give a calendar date "
			"YYYY-MM-DD\nNothing was changed.\n", q(o.ev[0].arg));
		rc = EXIT_INVALID;
		goto out_opts;
	}
	rc = session_open(&s, "step", o.framework, o.state, SESSION_LOCK, startp);
	if (rc)
		goto out;
	if (s.fresh && !s.fw.model.has_start && startp)
		first = 1; /* that --date was the start */
	from = s.run.nlog;
	if (state_last_batch(&s.st) >= STATE_MAX_BATCH) {
		fprintf(stderr, "fwsim step: this run has had %u commands, the most a state "
			"holds; 'fwsim reset' starts over\n", STATE_MAX_BATCH);
		rc = EXIT_INVALID;
		goto out;
	}
	batch = state_last_batch(&s.st) + 1;
	for (i = first; i < o.nev; i++) {
		struct event ev;

		if (resolve_event(&s.fw.model, &o.ev[i], batch, &s.st, &ev, why, sizeof(why)) < 0 ||
		    run_apply(&s.run, &ev, why, sizeof(why)) < 0) {
			fprintf(stderr, "fwsim step: refused: %s\nNothing was changed.\n", why);
			rc = EXIT_INVALID;
			goto out;
		}
	}
	if (first && o.nev == first) {
		/* Only the start date: begin the run, complete nothing. */
	} else if (o.nev == first && !wave(&s, batch)) {
		/* No event and nothing ready: say why, change nothing. */
		if (!o.json)
			fputs("nothing to do: ", stdout);
		show(&o, &s.run, from);
		rc = EXIT_OK;
		goto out;
	}
	if ((rc = session_save(&s)) == 0) {
		show(&o, &s.run, from);
		/* The events are saved: say so, or a retry would apply them twice. */
		if (fflush(stdout) != 0 || ferror(stdout)) {
			fprintf(stderr, "fwsim step: the events were applied and saved, but what "
				"changed could not be printed: %s\n", strerror(errno));
			rc = EXIT_USAGE;
		}
	}
out:
	session_close(&s);
out_opts:
	free(o.ev);
	return finish_output(rc);
}

int cmd_undo(int argc, char **argv)
{
	struct run_opts o;
	struct session s;
	uint32_t batch;
	size_t before;
	int rc;

	if ((rc = parse_run_opts("undo", argc, argv, 0, &o)) >= 0)
		goto out_opts;
	rc = session_open(&s, "undo", o.framework, o.state, SESSION_LOCK | SESSION_NO_REPLAY, NULL);
	if (rc)
		goto out;
	if (s.st.n == 0) {
		fprintf(stderr, "fwsim undo: nothing to undo in %s\n", s.state_path);
		rc = EXIT_INVALID;
		goto out;
	}
	batch = state_last_batch(&s.st);
	before = s.st.n;
	/* The events taken back stay in the vector past n until the session
	 * closes, for the JSON report. */
	while (s.st.n && s.st.ev[s.st.n - 1].batch == batch)
		s.st.n--;
	s.undone = s.st.ev + s.st.n;
	s.nundone = before - s.st.n;
	if ((rc = session_replay(&s)) != 0 || (rc = session_save(&s)) != 0)
		goto out;
	if (o.json) {
		json_undone(stdout, &s.run, s.undone, s.nundone, s.st.n + 1);
	} else {
		printf("took back %zu event%s; the run is back to where it was\n",
		       before - s.st.n, before - s.st.n == 1 ? "" : "s");
		print_ready(stdout, &s.run);
	}
out:
	session_close(&s);
out_opts:
	free(o.ev);
	return finish_output(rc);
}

int cmd_reset(int argc, char **argv)
{
	struct run_opts o;
	struct session s;
	char d[11];
	day_t start, *startp = NULL;
	int rc;

	if ((rc = parse_run_opts("reset", argc, argv, 1, &o)) >= 0)
		goto out_opts;
	/* The only event reset takes: --date, the start of a framework that
	 * sets none. */
	if (o.nev > 1 || (o.nev == 1 && o.ev[0].kind != EV_DATE)) {
		rc = usage_error("reset", "reset takes no event but --date (a start date)");
		goto out_opts;
	}
	if (o.nev == 1) {
		if (date_parse(o.ev[0].arg, &start) < 0) {
			rc = usage_error("reset", "--date %s: give a calendar date YYYY-MM-DD",
					 o.ev[0].arg);
			goto out_opts;
		}
		startp = &start;
	}
	/* Read (not replay) the state first: reset starts over a run whose
	 * events no longer apply, but never overwrites a file that is not a
	 * state of this framework. */
	rc = session_open(&s, "reset", o.framework, o.state, SESSION_LOCK | SESSION_NO_REPLAY,
			  startp);
	if (rc == 0) {
		struct state fresh;

		state_init(&fresh);
		fresh.framework = xstrdup(s.fw.model.id);
		fresh.hash = s.st.hash;
		fresh.start = s.fw.model.has_start ? s.fw.model.start : startp ? *startp : s.st.start;
		s.st.hash = NULL;
		state_release(&s.st);
		s.st = fresh;
	}
	if (rc == 0 && (rc = session_replay(&s)) == 0 && (rc = session_save(&s)) == 0) {
		date_format(s.run.start, d);
		if (o.json) {
			json_changes(stdout, &s.run, 0);
		} else {
			printf("reset: the run starts again on %s\n", d);
			print_ready(stdout, &s.run);
		}
	}
	session_close(&s);
out_opts:
	free(o.ev);
	return finish_output(rc);
}
