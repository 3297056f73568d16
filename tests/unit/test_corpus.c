/* test_corpus.c - check one broken (or valid) framework of tests/corpus.
 *
 * Each corpus file states what fwsim must report, in comment lines at its top:
 *   # expect: CODE LINE:COL     one diagnostic (error or warning)
 *   # strict                    validate as with --strict
 * The file must produce exactly the listed diagnostics, no more and no
 * fewer, and be invalid iff some listed code is an error.  A file with no
 * "expect" line must be valid without warnings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "framework.h"

#define MAX_EXPECT 64

struct expect {
	char code[48];
	unsigned line, col;
	int seen;
};

static int read_expectations(const char *path, struct expect *e, int *n, int *strict)
{
	FILE *f = fopen(path, "rb");
	char line[512];

	if (!f) {
		perror(path);
		return -1;
	}
	*n = 0;
	*strict = 0;
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "# strict", 8) == 0) {
			*strict = 1;
			continue;
		}
		if (strncmp(line, "# expect:", 9) != 0)
			continue;
		if (*n == MAX_EXPECT ||
		    sscanf(line + 9, "%47s %u:%u", e[*n].code, &e[*n].line, &e[*n].col) != 3) {
			fprintf(stderr, "%s: bad expect line: %s", path, line);
			fclose(f);
			return -1;
		}
		e[(*n)++].seen = 0;
	}
	fclose(f);
	return 0;
}

int main(int argc, char **argv)
{
	struct expect e[MAX_EXPECT];
	struct framework fw;
	int n, strict, failed = 0, want_invalid = 0, i;
	size_t j;
	enum fw_status st;

	if (argc != 2 || read_expectations(argv[1], e, &n, &strict) < 0)
		return 2;
	st = framework_open(&fw, argv[1], strict);
	if (st == FW_IOERROR) {
		fprintf(stderr, "%s: %s\n", argv[1], fw.ioerr);
		framework_release(&fw);
		return 1;
	}
	for (j = 0; j < fw.diags.n; j++) {
		const struct diag *g = &fw.diags.v[j];
		const char *code = diag_code_name(g->code);

		for (i = 0; i < n; i++)
			if (!e[i].seen && strcmp(e[i].code, code) == 0 &&
			    e[i].line == g->loc.line && e[i].col == g->loc.col)
				break;
		if (i < n) {
			e[i].seen = 1;
			if (g->severity == SEV_ERROR)
				want_invalid = 1;
			continue;
		}
		fprintf(stderr, "%s:%u:%u: unexpected %s [%s]: %s\n", argv[1], g->loc.line,
			g->loc.col, g->severity == SEV_ERROR ? "error" : "warning", code,
			g->message);
		failed = 1;
	}
	for (i = 0; i < n; i++)
		if (!e[i].seen) {
			fprintf(stderr, "%s:%u:%u: expected [%s], not reported\n", argv[1],
				e[i].line, e[i].col, e[i].code);
			failed = 1;
		}
	if (!failed && (st == FW_INVALID) != want_invalid) {
		fprintf(stderr, "%s: expected the file to be %s\n", argv[1],
			want_invalid ? "invalid" : "valid");
		failed = 1;
	}
	framework_release(&fw);
	if (!failed)
		printf("%s: %d diagnostic%s as expected\n", argv[1], n, n == 1 ? "" : "s");
	return failed;
}
