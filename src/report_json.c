/* report_json.c - the JSON form of a validation report (cJSON adapter). */
#include "report.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

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
