/* load.h - turn a framework file's text into a model.
 *
 * The loader checks the shape of the file (keys, types, values) and copies
 * what it keeps into the model's arena.  It does not resolve references or
 * look at the dependency structure: that is validate.c's job. */
#ifndef FWSIM_LOAD_H
#define FWSIM_LOAD_H

#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "yamlread.h"

/* Load SRC into M, which must be freshly model_init'ed.  Every problem
 * goes to D.  Returns 0 if the document parsed far enough for the model to
 * be checked further, -1 if it did not (syntax error, empty file, not a
 * mapping); M must be released in both cases. */
int load_source(struct model *m, struct yread_source *src,
		const struct yread_limits *lim, struct diags *d);

/* load_source of LEN bytes at BUF. */
int load_buffer(struct model *m, const char *buf, size_t len,
		const struct yread_limits *lim, struct diags *d);

/* Does S match the id syntax [A-Za-z0-9][A-Za-z0-9_.-]* of at most 64 bytes? */
int id_is_valid(const char *s, size_t len);

#endif
