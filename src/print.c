/* print.c - text forms of a run's changes and status. */
#include "print.h"

#include <string.h>

#include "date.h"
#include "util.h"

/* "step 4 'elect-cne-tsj'" */
static void step_name(FILE *out, const struct model *m, uint32_t s)
{
	fprintf(out, "step %u '%s'", m->steps[s].number, m->steps[s].id);
}

static void actors(FILE *out, const struct refs *by)
{
	uint32_t i;

	for (i = 0; i < by->n; i++)
		fprintf(out, "%s%s", i ? (i + 1 == by->n ? " and " : ", ") : "", by->v[i].id);
}

static void print_change(FILE *out, const struct run *r, const struct change *c)
{
	const struct model *m = r->m;
	char d[11];

	date_format(c->date, d);
	fprintf(out, "%s  ", d);
	switch (c->kind) {
	case CH_STEP:
		step_name(out, m, c->index);
		fprintf(out, ": %s\n", step_status_name(c->status));
		break;
	case CH_SANCTION:
		fprintf(out, "sanction '%s': %s by ", m->sanctions[c->index].id,
			sanction_status_name(c->status));
		actors(out, &c->action->by);
		fputs(" (", out);
		if (c->cause_kind == K_STEP)
			step_name(out, m, c->cause);
		else
			fprintf(out, "trigger '%s'", m->triggers[c->cause].id);
		fputs(")\n", out);
		break;
	case CH_TRIGGER:
		fprintf(out, "trigger '%s': fired\n", m->triggers[c->index].id);
		break;
	case CH_GUARANTEE:
		fprintf(out, "guarantee '%s': %s\n", m->guarantees[c->index].id,
			c->closed ? "period ended" : c->status == GS_BREACHED ? "breached"
								       : "in force");
		break;
	case CH_FACT:
		fprintf(out, "fact '%s': %s\n", m->facts[c->index].id,
			c->status ? "true" : "false");
		break;
	case CH_DATE:
		fprintf(out, "clock: %s\n", d);
		break;
	}
}

void print_changes(FILE *out, const struct run *r, size_t from)
{
	size_t i;

	for (i = from; i < r->nlog; i++)
		print_change(out, r, &r->log[i]);
}

void print_ready(FILE *out, const struct run *r)
{
	size_t n, i;
	uint32_t *ready = run_ready(r, &n);
	bool found;
	day_t next = run_next_date(r, &found);
	char d[11];

	if (n) {
		fputs("ready now: ", out);
		for (i = 0; i < n; i++) {
			fputs(i ? ", " : "", out);
			step_name(out, r->m, ready[i]);
		}
		fputc('\n', out);
	} else if (found) {
		date_format(next, d);
		fprintf(out, "no step is ready; the next window opens on %s\n", d);
	} else {
		fputs("no step is ready\n", out);
	}
	free(ready);
}

void print_status(FILE *out, const struct run *r, const struct state *st)
{
	const struct model *m = r->m;
	char d[11], why[512];
	size_t i;

	date_format(r->date, d);
	fprintf(out, "%s: %s\ndate %s", m->id, m->title, d);
	date_format(r->start, d);
	fprintf(out, " (started %s, %zu event%s)\n\nsteps\n", d, st->n, st->n == 1 ? "" : "s");
	for (i = 0; i < m->nsteps; i++) {
		const struct step *s = &m->steps[i];

		fprintf(out, "  %3u  %-8s ", s->number, step_status_name(r->step[i]));
		if (r->step[i] == SS_DONE) {
			date_format(r->done_on[i], d);
			fprintf(out, "%s  ", d);
		} else {
			fputs("            ", out);
		}
		fprintf(out, "%-28s %s%s\n", s->id, s->title, s->autostep ? " (auto)" : "");
		if (r->step[i] == SS_PENDING || r->step[i] == SS_OVERDUE) {
			run_explain(r, (uint32_t)i, why, sizeof(why));
			if (why[0])
				fprintf(out, "                         %s\n", why);
		}
	}
	fputs("\nsanctions\n", out);
	for (i = 0; i < m->nsanctions; i++) {
		size_t c = r->sanction_change[i];

		fprintf(out, "  %-28s %s", m->sanctions[i].id,
			sanction_status_name(r->sanction[i]));
		if (c != SIZE_MAX) {
			date_format(r->log[c].date, d);
			fprintf(out, "%*s %s by ", 9 - (int)strlen(sanction_status_name(r->sanction[i])),
				"", d);
			actors(out, &r->log[c].action->by);
		}
		fputc('\n', out);
	}
	if (m->nfacts)
		fputs("\nfacts\n", out);
	for (i = 0; i < m->nfacts; i++)
		fprintf(out, "  %-28s %s\n", m->facts[i].id, r->fact[i] ? "true" : "false");
	if (m->nguarantees)
		fputs("\nguarantees\n", out);
	for (i = 0; i < m->nguarantees; i++) {
		enum guarantee_status g = run_guarantee_status(r, (uint32_t)i);

		fprintf(out, "  %-28s %s", m->guarantees[i].id, guarantee_status_name(g));
		if (g == GS_BREACHED) {
			date_format(r->g[i].breached_on, d);
			fprintf(out, " on %s", d);
		}
		if (r->g[i].open)
			fputs(r->g[i].closed ? " (period ended)" : " (in force)", out);
		fputc('\n', out);
	}
	fputc('\n', out);
	print_ready(out, r);
}
