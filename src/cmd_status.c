/* cmd_status.c - `fwsim status`: the picture of a run. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "print.h"
#include "session.h"

int cmd_status(int argc, char **argv)
{
	struct run_opts o;
	struct session s;
	int rc;

	if ((rc = parse_run_opts("status", argc, argv, 0, &o)) >= 0) {
		free(o.ev);
		return rc;
	}
	/* No lock: a state file is only ever replaced whole, by rename, so a
	 * reader sees the old one or the new one. */
	rc = session_open(&s, "status", o.framework, o.state, 0, NULL);
	if (rc == 0) {
		if (o.json)
			json_status(stdout, &s.run, &s.st);
		else
			print_status(stdout, &s.run, &s.st);
	}
	session_close(&s);
	free(o.ev);
	return finish_output(rc);
}
