/* report_json.c - the JSON form of a validation report (cJSON adapter). */
#include "report.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

#include "date.h"
#include "print.h"
#include "util.h"

static cJSON *checked(cJSON *item)
{
	if (!item)
		die_oom();
	return item;
}

static void add_num(cJSON *obj, const char *key, double v)
{
	checked(cJSON_AddNumberToObject(obj, key, v));
}

void report_json(FILE *out, struct file_report *r)
{
	cJSON *o = checked(cJSON_CreateObject()), *list, *stats;
	const struct model *m = r->m;
	char *text;
	size_t i;

	diags_sort(r->diags);
	checked(cJSON_AddStringToObject(o, "file", r->path));
	checked(cJSON_AddBoolToObject(o, "valid", r->valid));
	add_num(o, "errors", (double)r->diags->errors);
	add_num(o, "warnings", (double)r->diags->warnings);
	list = checked(cJSON_AddArrayToObject(o, "diagnostics"));
	for (i = 0; i < r->diags->n; i++) {
		const struct diag *g = &r->diags->v[i];
		cJSON *j = checked(cJSON_CreateObject());

		cJSON_AddItemToArray(list, j);
		checked(cJSON_AddStringToObject(j, "severity",
						g->severity == SEV_ERROR ? "error" : "warning"));
		checked(cJSON_AddStringToObject(j, "code", diag_code_name(g->code)));
		checked(cJSON_AddStringToObject(j, "message", g->message));
		add_num(j, "line", g->loc.line);
		add_num(j, "column", g->loc.col);
	}
	if (r->diags->dropped)
		add_num(o, "not_shown", (double)r->diags->dropped);
	stats = checked(cJSON_AddObjectToObject(o, "stats"));
	add_num(stats, "steps", m ? (double)m->nsteps : 0);
	add_num(stats, "sanctions", m ? (double)m->nsanctions : 0);
	add_num(stats, "facts", m ? (double)m->nfacts : 0);
	add_num(stats, "triggers", m ? (double)m->ntriggers : 0);
	add_num(stats, "guarantees", m ? (double)m->nguarantees : 0);
	add_num(stats, "edges", m ? (double)m->edges : 0);
	text = cJSON_PrintUnformatted(o);
	if (!text)
		die_oom();
	fprintf(out, "%s\n", text);
	free(text);
	cJSON_Delete(o);
}

/* ---- runs --------------------------------------------------------------- */

static void add_str(cJSON *o, const char *key, const char *v)
{
	checked(cJSON_AddStringToObject(o, key, v));
}

static void add_date(cJSON *o, const char *key, day_t d)
{
	char buf[11];

	date_format(d, buf);
	add_str(o, key, buf);
}

static void add_actors(cJSON *o, const char *key, const struct refs *by)
{
	cJSON *a = checked(cJSON_AddArrayToObject(o, key));
	uint32_t i;

	for (i = 0; i < by->n; i++)
		cJSON_AddItemToArray(a, checked(cJSON_CreateString(by->v[i].id)));
}

static void add_cause(cJSON *o, const struct run *r, const struct change *c)
{
	cJSON *cause = checked(cJSON_AddObjectToObject(o, "cause"));

	add_str(cause, "kind", kind_name(c->cause_kind));
	add_str(cause, "id", c->cause_kind == K_STEP ? r->m->steps[c->cause].id
						     : r->m->triggers[c->cause].id);
}

static cJSON *change_json(const struct run *r, const struct change *c)
{
	const struct model *m = r->m;
	cJSON *o = checked(cJSON_CreateObject());

	add_date(o, "date", c->date);
	switch (c->kind) {
	case CH_STEP:
		add_str(o, "type", "step");
		add_str(o, "id", m->steps[c->index].id);
		add_num(o, "number", m->steps[c->index].number);
		add_str(o, "status", step_status_name(c->status));
		break;
	case CH_SANCTION:
		add_str(o, "type", "sanction");
		add_str(o, "id", m->sanctions[c->index].id);
		add_str(o, "status", sanction_status_name(c->status));
		add_actors(o, "by", &c->action->by);
		add_cause(o, r, c);
		break;
	case CH_TRIGGER:
		add_str(o, "type", "trigger");
		add_str(o, "id", m->triggers[c->index].id);
		add_str(o, "status", "fired");
		break;
	case CH_GUARANTEE:
		add_str(o, "type", "guarantee");
		add_str(o, "id", m->guarantees[c->index].id);
		add_str(o, "status", guarantee_status_name(c->status));
		checked(cJSON_AddBoolToObject(o, "in_force", !c->closed));
		break;
	case CH_FACT:
		add_str(o, "type", "fact");
		add_str(o, "id", m->facts[c->index].id);
		checked(cJSON_AddBoolToObject(o, "value", c->status));
		break;
	case CH_DATE:
		add_str(o, "type", "date");
		break;
	}
	return o;
}

static void print_json(FILE *out, cJSON *o)
{
	char *text = cJSON_PrintUnformatted(o);

	if (!text)
		die_oom();
	fprintf(out, "%s\n", text);
	free(text);
	cJSON_Delete(o);
}

static void add_ready(cJSON *o, const struct run *r)
{
	cJSON *a = checked(cJSON_AddArrayToObject(o, "ready"));
	size_t n, i;
	uint32_t *ready = run_ready(r, &n);

	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(a, checked(cJSON_CreateString(r->m->steps[ready[i]].id)));
	free(ready);
}

void json_changes(FILE *out, const struct run *r, size_t from)
{
	cJSON *o = checked(cJSON_CreateObject()), *a;
	size_t i;

	add_str(o, "framework", r->m->id);
	add_date(o, "date", r->date);
	a = checked(cJSON_AddArrayToObject(o, "changes"));
	for (i = from; i < r->nlog; i++)
		cJSON_AddItemToArray(a, change_json(r, &r->log[i]));
	add_ready(o, r);
	print_json(out, o);
}

/* One event of a state, numbered SEQ. */
static cJSON *event_json(const struct state_event *se, size_t seq)
{
	cJSON *e = checked(cJSON_CreateObject());
	char by[16];

	add_num(e, "seq", (double)seq);
	add_num(e, "batch", se->batch);
	add_str(e, "event", event_kind_name(se->kind));
	if (se->ref)
		add_str(e, "id", se->ref);
	if (se->kind == EV_SET)
		checked(cJSON_AddBoolToObject(e, "value", se->value));
	if (se->kind == EV_ADVANCE) {
		snprintf(by, sizeof(by), "%u%c", se->by.n, se->by.unit);
		add_str(e, "by", by);
	}
	if (se->kind == EV_DATE)
		add_date(e, "to", se->date);
	return e;
}

void json_undone(FILE *out, const struct run *r, const struct state_event *ev, size_t n,
		 size_t first_seq)
{
	cJSON *o = checked(cJSON_CreateObject()), *a;
	size_t i;

	add_str(o, "framework", r->m->id);
	add_date(o, "date", r->date);
	a = checked(cJSON_AddArrayToObject(o, "undone"));
	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(a, event_json(&ev[i], first_seq + i));
	add_ready(o, r);
	print_json(out, o);
}

void json_status(FILE *out, const struct run *r, const struct state *st)
{
	const struct model *m = r->m;
	cJSON *o = checked(cJSON_CreateObject()), *a, *e;
	size_t i;

	add_str(o, "framework", m->id);
	add_date(o, "start", r->start);
	add_date(o, "date", r->date);
	a = checked(cJSON_AddArrayToObject(o, "steps"));
	for (i = 0; i < m->nsteps; i++) {
		e = checked(cJSON_CreateObject());
		cJSON_AddItemToArray(a, e);
		add_str(e, "id", m->steps[i].id);
		add_num(e, "number", m->steps[i].number);
		add_str(e, "title", m->steps[i].title);
		add_str(e, "status", step_status_name(r->step[i]));
		if (r->step[i] == SS_DONE)
			add_date(e, "completed_on", r->done_on[i]);
		else
			checked(cJSON_AddNullToObject(e, "completed_on"));
	}
	a = checked(cJSON_AddArrayToObject(o, "sanctions"));
	for (i = 0; i < m->nsanctions; i++) {
		size_t c = r->sanction_change[i];

		e = checked(cJSON_CreateObject());
		cJSON_AddItemToArray(a, e);
		add_str(e, "id", m->sanctions[i].id);
		add_str(e, "status", sanction_status_name(r->sanction[i]));
		add_date(e, "changed_on", r->sanction_on[i]);
		if (c != SIZE_MAX) {
			add_actors(e, "by", &r->log[c].action->by);
			add_cause(e, r, &r->log[c]);
		} else {
			checked(cJSON_AddNullToObject(e, "by"));
			checked(cJSON_AddNullToObject(e, "cause"));
		}
	}
	a = checked(cJSON_AddArrayToObject(o, "facts"));
	for (i = 0; i < m->nfacts; i++) {
		e = checked(cJSON_CreateObject());
		cJSON_AddItemToArray(a, e);
		add_str(e, "id", m->facts[i].id);
		checked(cJSON_AddBoolToObject(e, "value", r->fact[i]));
	}
	a = checked(cJSON_AddArrayToObject(o, "guarantees"));
	for (i = 0; i < m->nguarantees; i++) {
		e = checked(cJSON_CreateObject());
		cJSON_AddItemToArray(a, e);
		add_str(e, "id", m->guarantees[i].id);
		add_str(e, "status", guarantee_status_name(run_guarantee_status(r, (uint32_t)i)));
		checked(cJSON_AddBoolToObject(e, "in_force", r->g[i].open && !r->g[i].closed));
		if (r->g[i].breached)
			add_date(e, "breached_on", r->g[i].breached_on);
		else
			checked(cJSON_AddNullToObject(e, "breached_on"));
	}
	a = checked(cJSON_AddArrayToObject(o, "history"));
	for (i = 0; i < st->n; i++)
		cJSON_AddItemToArray(a, event_json(&st->ev[i], i + 1));
	add_ready(o, r);
	print_json(out, o);
}
