/* cmd_graph.c - `fwsim graph`: draw a framework, and a run on it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "graph.h"
#include "idmap.h"
#include "session.h"

static const char *const formats[] = {"dot", "svg", "png", "pdf"};

static const char *known_format(const char *f)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(*formats); i++)
		if (f && strcmp(f, formats[i]) == 0)
			return formats[i];
	return NULL;
}

/* The format an output file's extension names, or NULL. */
static const char *format_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	return dot && !strchr(dot, '/') ? known_format(dot + 1) : NULL;
}

struct graph_args {
	const char *framework, *state, *out, *format, *rankdir, *focus;
	unsigned depth;
};

static int parse(int argc, char **argv, struct graph_args *a)
{
	struct opt_scan s = {.argc = argc, .argv = argv, .i = 1};
	const char *name, *v;
	int r;

	memset(a, 0, sizeof(*a));
	a->rankdir = "TB";
	while ((r = opt_next(&s, &name)) >= 0) {
		if (r == 0) {
			if (a->framework)
				return usage_error("graph", "unexpected argument '%s'", name);
			a->framework = name;
			continue;
		}
		if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
			command_help(stdout, command_find("graph"));
			return finish_output(EXIT_OK);
		}
		if (!(v = opt_value(&s)))
			return usage_error("graph", "%s needs a value", name);
		if (strcmp(name, "--state") == 0) {
			a->state = v;
		} else if (strcmp(name, "-o") == 0 || strcmp(name, "--output") == 0) {
			a->out = v;
		} else if (strcmp(name, "--format") == 0) {
			if (!(a->format = known_format(v)))
				return usage_error("graph", "unknown format '%s': use dot, svg, png "
						   "or pdf", v);
		} else if (strcmp(name, "--rankdir") == 0) {
			if (strcmp(v, "TB") != 0 && strcmp(v, "LR") != 0)
				return usage_error("graph", "--rankdir takes TB or LR, not '%s'", v);
			a->rankdir = v;
		} else if (strcmp(name, "--focus") == 0) {
			a->focus = v;
		} else if (strcmp(name, "--depth") == 0) {
			char *end;
			unsigned long d = strtoul(v, &end, 10);

			if (!*v || *end || v[0] == '-' || d > 1000)
				return usage_error("graph", "--depth takes a number from 0 to 1000");
			a->depth = (unsigned)d;
		} else {
			return usage_error("graph", "unknown option '%s'", name);
		}
	}
	if (!a->framework)
		return usage_error("graph", "no framework file given");
	if (a->out && strcmp(a->out, "-") != 0) {
		const char *f = format_of(a->out);

		if (a->format && f && strcmp(a->format, f) != 0)
			return usage_error("graph", "-o %s names a .%s file but --format is %s",
					   a->out, f, a->format);
		if (!a->format && !f)
			return usage_error("graph", "cannot tell the format from '%s': give "
					   "--format dot, svg, png or pdf", a->out);
		if (!a->format)
			a->format = f;
	}
	if (!a->format)
		a->format = "svg";
	return -1;
}

static int find_focus(const struct model *m, const char *arg, int *out)
{
	const struct idmap_entry *e = idmap_get(&m->ids, arg);
	size_t i;

	if (e && e->kind == K_STEP) {
		*out = (int)e->index;
		return 0;
	}
	for (i = 0; i < m->nsteps; i++)
		if (strspn(arg, "0123456789") == strlen(arg) && *arg && strlen(arg) < 11 &&
		    strtoul(arg, NULL, 10) == m->steps[i].number) {
			*out = (int)i;
			return 0;
		}
	return -1;
}

int cmd_graph(int argc, char **argv)
{
	struct graph_args a;
	struct session s;
	struct graph_opts o;
	char out[4200], err[1024];
	int rc;

	if ((rc = parse(argc, argv, &a)) >= 0)
		return rc;
	/* Without --state no run is drawn, and no state file is read. */
	if (a.state)
		rc = session_open(&s, "graph", a.framework, a.state, 0, NULL);
	else
		rc = session_open_framework(&s, "graph", a.framework);
	if (rc)
		goto out;
	memset(&o, 0, sizeof(o));
	o.format = a.format;
	o.rankdir = a.rankdir;
	o.focus = -1;
	o.depth = a.depth;
	o.run = a.state && s.have_run ? &s.run : NULL;
	if (a.focus && find_focus(&s.fw.model, a.focus, &o.focus) < 0) {
		rc = usage_error("graph", "--focus %s: no such step", a.focus);
		goto out;
	}
	if (a.out) {
		snprintf(out, sizeof(out), "%s", a.out);
	} else {
		if (mkdir("output", 0777) < 0 && errno != EEXIST) {
			fprintf(stderr, "fwsim graph: cannot create output/: %s (give -o FILE)\n",
				strerror(errno));
			rc = EXIT_USAGE;
			goto out;
		}
		snprintf(out, sizeof(out), "output/%s.%s", s.fw.model.id, a.format);
	}
	rc = graph_write(&s.fw.model, &o, out, err, sizeof(err));
	if (rc)
		fprintf(stderr, "fwsim graph: %s\n", err);
	else if (strcmp(out, "-") != 0)
		fprintf(stderr, "fwsim graph: wrote %s\n", out);
out:
	session_close(&s);
	return finish_output(rc);
}
