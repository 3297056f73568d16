/* testutil.h - helpers shared by the unit tests (header-only). */
#ifndef FWSIM_TESTUTIL_H
#define FWSIM_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "load.h"
#include "validate.h"
#include "yamlread.h"

static inline void dump_diags(const struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		fprintf(stderr, "  %u:%u %s: %s\n", d->v[i].loc.line, d->v[i].loc.col,
			diag_code_name(d->v[i].code), d->v[i].message);
}

/* Load and validate LEN bytes of TEXT into a fresh model. */
static inline int load_len(const char *text, size_t len, struct model *m,
			   struct diags *d)
{
	int rc;

	model_init(m, "test.yaml");
	diags_init(d);
	rc = load_buffer(m, text, len, &yread_default_limits, d);
	if (rc == 0)
		validate_model(m, d);
	if (getenv("FWSIM_TEST_DUMP")) /* to see what a failing test got */
		dump_diags(d);
	return rc;
}

static inline int load_str(const char *text, struct model *m, struct diags *d)
{
	return load_len(text, strlen(text), m, d);
}

static inline void release(struct model *m, struct diags *d)
{
	model_release(m);
	diags_release(d);
}

/* Is there a diagnostic CODE at LINE:COL (0 = any)? */
static inline int has_diag(const struct diags *d, enum diag_code code,
			   unsigned line, unsigned col)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->v[i].code == code && (!line || d->v[i].loc.line == line) &&
		    (!col || d->v[i].loc.col == col))
			return 1;
	return 0;
}

/* The message of the first diagnostic CODE, or "". */
static inline const char *diag_msg(const struct diags *d, enum diag_code code)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->v[i].code == code)
			return d->v[i].message;
	return "";
}

/* A minimal valid framework head; append sections after it. */
#define HEAD                                                                  \
	"fwsim: 1\n"                                                          \
	"framework:\n"                                                        \
	"  id: test-fw\n"                                                         \
	"  title: T\n"                                                        \
	"  source: {publisher: P, date: 2020-01-01, published_in: here}\n"    \
	"actors:\n"                                                           \
	"  - {id: us, name: United States}\n"

#endif
