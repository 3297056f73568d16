/* report.h - printing what validation found, for people and for scripts. */
#ifndef FWSIM_REPORT_H
#define FWSIM_REPORT_H

#include <stdio.h>

#include "diag.h"
#include "model.h"

/* Everything known about one checked file. */
struct file_report {
	const char *path;
	int excerpts;            /* quote the source lines (read from path again) */
	struct diags *diags;     /* sorted by report_text / report_json */
	const struct model *m;   /* for stats; NULL if the file was not loaded */
	int valid;
};

/* Print each diagnostic as FILE:LINE:COL: SEVERITY: MESSAGE [CODE], with the
 * source line and a caret under the column, to ERR; then a summary line (to
 * OUT for a valid file, to ERR otherwise). */
void report_text(FILE *out, FILE *err, struct file_report *r);

/* Print one JSON object, on one line, to OUT (see docs/CLI.md). */
void report_json(FILE *out, struct file_report *r);

#endif
