/* cmd_validate.c - `fwsim validate`: check framework files. */
#include <string.h>

#include "cli.h"
#include "framework.h"
#include "report.h"

static int validate_one(const char *path, int json, int strict)
{
	struct framework fw;
	enum fw_status st = framework_open(&fw, path, strict);
	struct file_report r = {
		.path = path, .excerpts = 1, .diags = &fw.diags,
		.m = fw.loaded ? &fw.model : NULL, .valid = st == FW_VALID,
	};

	if (st == FW_IOERROR) {
		fprintf(stderr, "fwsim validate: %s: %s\n", path, fw.ioerr);
	} else if (json) {
		report_json(stdout, &r);
	} else {
		report_text(stdout, stderr, &r);
	}
	framework_release(&fw);
	return (int)st;
}

int cmd_validate(int argc, char **argv)
{
	struct opt_scan s = {.argc = argc, .argv = argv, .i = 1};
	const char *name, **files = NULL;
	int json = 0, strict = 0, nfiles = 0, status = EXIT_OK, r, i;

	files = (const char **)argv; /* operands are collected in place */
	while ((r = opt_next(&s, &name)) >= 0) {
		if (r == 0) {
			files[nfiles++] = name;
		} else if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
			command_help(stdout, command_find("validate"));
			return finish_output(EXIT_OK);
		} else if (strcmp(name, "--strict") == 0) {
			if (!opt_no_value(&s))
				return usage_error("validate", "--strict takes no value");
			strict = 1;
		} else if (strcmp(name, "--format") == 0) {
			const char *v = opt_value(&s);

			if (!v)
				return usage_error("validate", "--format needs a value: text or json");
			if (strcmp(v, "json") == 0)
				json = 1;
			else if (strcmp(v, "text") == 0)
				json = 0;
			else
				return usage_error("validate", "unknown format '%s': use text or json", v);
		} else {
			return usage_error("validate", "unknown option '%s'", name);
		}
	}
	if (nfiles == 0)
		return usage_error("validate", "no framework file given");
	for (i = 0; i < nfiles; i++) {
		int st = validate_one(files[i], json, strict);

		if (st > status)
			status = st;
	}
	return finish_output(status);
}
