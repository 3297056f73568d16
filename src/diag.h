/* diag.h - diagnostics collected as data and printed in one place.
 *
 * Loader and validator add diagnostics to a struct diags and carry on; only
 * the command layer prints them (report.c).  Each code has a stable name that
 * tests and scripts match on, and a default severity. */
#ifndef FWSIM_DIAG_H
#define FWSIM_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* A place in the input: 1-based line and column (column counts characters);
 * line 0 means "the file as a whole". */
struct loc {
	uint32_t line;
	uint32_t col;
};

enum severity { SEV_WARNING, SEV_ERROR };

/* The catalogue.  Keep in step with diag_table in diag.c and docs/FORMAT.md. */
enum diag_code {
	D_YAML_SYNTAX,
	D_YAML_ALIAS,
	D_YAML_TAG,
	D_YAML_DEPTH,
	D_YAML_MULTIDOC,
	D_FILE_TOO_LARGE,
	D_SCALAR_TOO_LONG,
	D_ENCODING,
	D_EMPTY_DOCUMENT,
	D_DUPLICATE_KEY,
	D_UNKNOWN_KEY,
	D_MISSING_KEY,
	D_WRONG_TYPE,
	D_BAD_VALUE,
	D_BAD_ID,
	D_BAD_VERSION,
	D_DUPLICATE_ID,
	D_DUPLICATE_NUMBER,
	D_UNKNOWN_REF,
	D_WRONG_KIND,
	D_MISSING_BASIS,
	D_CYCLE,
	D_NEVER_READY,
	D_TRIGGER_NEVER_FIRES,
	D_SANCTION_NEVER_LIFTED,
	D_CONTRADICTORY_ACTIONS,
	D_GUARANTEE_NEVER_APPLIES,
	D_WINDOW_LATER_STEP,
	D_WINDOW_RANGE,
	D__COUNT
};

struct diag {
	enum diag_code code;
	enum severity severity;
	struct loc loc;
	char *message; /* owned; printable, user text already quoted */
	size_t seq;    /* insertion order, keeps sorting stable */
};

struct diags {
	struct diag *v;
	size_t n, cap;
	size_t errors, warnings;
	size_t dropped; /* diagnostics past DIAG_MAX, counted but not kept */
};

/* Diagnostics kept per file; the rest are counted in ->dropped. */
#define DIAG_MAX 10000

void diags_init(struct diags *d);
void diags_release(struct diags *d);

/* Add a diagnostic with the code's default severity. */
void diag_add(struct diags *d, enum diag_code code, struct loc loc,
	      const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void diag_vadd(struct diags *d, enum diag_code code, struct loc loc,
	       const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));

/* The code's stable name, e.g. "unknown-key". */
const char *diag_code_name(enum diag_code code);
enum severity diag_code_severity(enum diag_code code);

/* Turn every warning into an error (--strict). */
void diags_make_strict(struct diags *d);

/* Sort by position, keeping insertion order among equal positions. */
void diags_sort(struct diags *d);

/* Quote untrusted text for a message: wrap in '...', escape control
 * characters, bidi controls, quotes and invalid UTF-8, and cut at MAX bytes.
 * Returns a pointer to one of a few rotating static buffers, so up to four
 * results may be used in one diag_add call. */
const char *q(const char *s);

/* Length of the UTF-8 character at S (N bytes available), or 0 if the bytes
 * are not valid UTF-8 or encode a C1 or bidi control, which must not be
 * printed raw. */
size_t utf8_seq_len(const char *s, size_t n);
const char *qn(const char *s, size_t len);

#endif
