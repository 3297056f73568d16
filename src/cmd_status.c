/* cmd_status.c - `fwsim status`: the picture of a run. */
#include <string.h>

#include "cli.h"
#include "print.h"
#include "session.h"

int cmd_status(int argc, char **argv)
{
	struct opt_scan sc = {.argc = argc, .argv = argv, .i = 1};
	const char *name, *v, *framework = NULL, *state = NULL;
	struct session s;
	int json = 0, r, rc;

	while ((r = opt_next(&sc, &name)) >= 0) {
		if (r == 0) {
			if (framework)
				return usage_error("status", "unexpected argument '%s'", name);
			framework = name;
		} else if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
			command_help(stdout, command_find("status"));
			return finish_output(EXIT_OK);
		} else if (strcmp(name, "--state") == 0 || strcmp(name, "--format") == 0) {
			if (!(v = opt_value(&sc)))
				return usage_error("status", "%s needs a value", name);
			if (name[2] == 's')
				state = v;
			else if (strcmp(v, "json") == 0 || strcmp(v, "text") == 0)
				json = v[0] == 'j';
			else
				return usage_error("status", "unknown format '%s': use text or json", v);
		} else {
			return usage_error("status", "unknown option '%s'", name);
		}
	}
	if (!framework)
		return usage_error("status", "no framework file given");
	/* No lock: a state file is only ever replaced whole, by rename, so a
	 * reader sees the old one or the new one. */
	rc = session_open(&s, "status", framework, state, 0, NULL);
	if (rc == 0) {
		if (json)
			json_status(stdout, &s.run, &s.st);
		else
			print_status(stdout, &s.run, &s.st);
	}
	session_close(&s);
	return finish_output(rc);
}
