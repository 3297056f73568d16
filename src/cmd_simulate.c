/* cmd_simulate.c - `fwsim simulate`: a run from start to finish, in memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "framework.h"
#include "print.h"
#include "report.h"
#include "scenario.h"

/* Complete every ready step; return how many. */
static size_t wave(struct run *r)
{
	size_t n, i, done = 0;
	uint32_t *ready = run_ready(r, &n);
	char why[256];

	for (i = 0; i < n; i++) {
		struct event ev = {.kind = EV_COMPLETE, .index = ready[i]};

		if (r->step[ready[i]] == SS_READY && run_apply(r, &ev, why, sizeof(why)) == 0)
			done++;
	}
	free(ready);
	return done;
}

/* Without a scenario: waves until nothing is ready, moving the clock to
 * the next window that opens.  Each turn completes a step or moves the
 * clock to a window, so this ends. */
static void run_to_end(struct run *r)
{
	char why[64];
	bool found;

	for (;;) {
		struct event ev = {.kind = EV_DATE};

		if (wave(r))
			continue;
		ev.date = run_next_date(r, &found);
		if (!found || run_apply(r, &ev, why, sizeof(why)) < 0)
			return;
	}
}

static int run_scenario(struct run *r, const struct scenario *sc)
{
	char why[1024];
	size_t i;

	for (i = 0; i < sc->n; i++) {
		const struct scenario_event *e = &sc->ev[i];

		if (e->wave) {
			wave(r);
		} else if (run_apply(r, &e->ev, why, sizeof(why)) < 0) {
			fprintf(stderr, "%s:%u:%u: error: event refused: %s [refused]\n", sc->path,
				e->loc.line, e->loc.col, why);
			return 1;
		}
	}
	return 0;
}

/* Where the run stopped, and why: every step not done, with its reason. */
static void print_stop(FILE *out, const struct run *r)
{
	const struct model *m = r->m;
	char why[512], d[11];
	size_t i, waiting = 0;

	for (i = 0; i < m->nsteps; i++)
		waiting += r->step[i] != SS_DONE;
	date_format(r->date, d);
	if (!waiting)
		fprintf(out, "\nstopped on %s: every step is done\n", d);
	else
		fprintf(out, "\nstopped on %s with %zu step%s not done:\n", d, waiting,
			waiting == 1 ? "" : "s");
	for (i = 0; i < m->nsteps; i++) {
		if (r->step[i] == SS_DONE)
			continue;
		run_explain(r, (uint32_t)i, why, sizeof(why));
		fprintf(out, "  step %u '%s' %s: %s\n", m->steps[i].number, m->steps[i].id,
			step_status_name(r->step[i]), why[0] ? why : "never completed");
	}
	for (i = 0; i < m->ntriggers; i++) {
		if (r->fired[i])
			continue;
		run_explain_cond(r, m->triggers[i].when, why, sizeof(why));
		fprintf(out, "  trigger '%s' not fired: %s\n", m->triggers[i].id, why);
	}
	for (i = 0; i < m->nsanctions; i++)
		if (r->sanction[i] != S_LIFTED)
			fprintf(out, "  sanction '%s' still %s\n", m->sanctions[i].id,
				sanction_status_name(r->sanction[i]));
	for (i = 0; i < m->nguarantees; i++)
		if (run_guarantee_status(r, (uint32_t)i) == GS_BREACHED) {
			date_format(r->g[i].breached_on, d);
			fprintf(out, "  guarantee '%s' breached on %s\n", m->guarantees[i].id, d);
		}
}

int cmd_simulate(int argc, char **argv)
{
	struct opt_scan sc = {.argc = argc, .argv = argv, .i = 1};
	const char *name, *v, *path = NULL, *scenario = NULL;
	struct framework fw;
	struct scenario scn;
	struct run r;
	int json = 0, rc = EXIT_OK, have_scn = 0, opt;
	day_t start;
	enum fw_status st;
	char err[256];

	while ((opt = opt_next(&sc, &name)) >= 0) {
		if (opt == 0) {
			if (path)
				return usage_error("simulate", "unexpected argument '%s'", name);
			path = name;
		} else if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
			command_help(stdout, command_find("simulate"));
			return finish_output(EXIT_OK);
		} else if (strcmp(name, "--scenario") == 0 || strcmp(name, "--format") == 0) {
			if (!(v = opt_value(&sc)))
				return usage_error("simulate", "%s needs a value", name);
			if (name[2] == 's')
				scenario = v;
			else if (strcmp(v, "json") == 0 || strcmp(v, "text") == 0)
				json = v[0] == 'j';
			else
				return usage_error("simulate", "unknown format '%s': use text or json", v);
		} else {
			return usage_error("simulate", "unknown option '%s'", name);
		}
	}
	if (!path)
		return usage_error("simulate", "no framework file given");
	st = framework_open(&fw, path, 0);
	if (st != FW_VALID) {
		struct file_report fr = {.path = path, .excerpts = 1, .diags = &fw.diags};

		if (st == FW_IOERROR)
			fprintf(stderr, "fwsim simulate: %s: %s\n", path, fw.ioerr);
		else
			report_text(stdout, stderr, &fr);
		framework_release(&fw);
		return finish_output(st == FW_IOERROR ? EXIT_USAGE : EXIT_INVALID);
	}
	if (scenario) {
		struct diags d;

		diags_init(&d);
		rc = scenario_load(&scn, scenario, &fw.model, &d, err, sizeof(err));
		have_scn = 1;
		if (rc == 2) {
			fprintf(stderr, "fwsim simulate: %s: %s\n", scenario, err);
		} else if (rc == 1) {
			struct file_report fr = {.path = scenario, .excerpts = 1, .diags = &d};

			report_text(stdout, stderr, &fr);
		}
		diags_release(&d);
		if (rc)
			goto out;
	}
	/* The first event of a scenario may give the start date. */
	start = fw.model.start;
	if (!fw.model.has_start) {
		if (!have_scn || !scn.n || scn.ev[0].wave || scn.ev[0].ev.kind != EV_DATE) {
			fprintf(stderr, "fwsim simulate: %s sets no start date: begin the "
				"scenario with a date\n", path);
			rc = EXIT_INVALID;
			goto out;
		}
		start = scn.ev[0].ev.date;
	}
	run_init(&r, &fw.model, start);
	if (have_scn)
		rc = run_scenario(&r, &scn);
	else
		run_to_end(&r);
	if (json) {
		json_changes(stdout, &r, 0);
	} else {
		if (have_scn && scn.title)
			printf("%s\n\n", scn.title);
		print_changes(stdout, &r, 0);
		print_stop(stdout, &r);
	}
	run_release(&r);
out:
	if (have_scn)
		scenario_release(&scn);
	framework_release(&fw);
	return finish_output(rc);
}
