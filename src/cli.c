/* cli.c - what the commands share: option scanning, usage errors, output. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

int opt_next(struct opt_scan *s, const char **name)
{
	const char *a, *eq;

	s->inline_value = NULL;
	if (s->i >= s->argc)
		return -1;
	a = s->argv[s->i++];
	if (!s->only_operands && strcmp(a, "--") == 0) {
		s->only_operands = 1;
		return opt_next(s, name);
	}
	if (s->only_operands || a[0] != '-' || a[1] == '\0') {
		*name = a;
		return 0;
	}
	eq = a[1] == '-' ? strchr(a, '=') : NULL;
	if (eq && (size_t)(eq - a) < sizeof(s->name)) {
		memcpy(s->name, a, (size_t)(eq - a));
		s->name[eq - a] = '\0';
		s->inline_value = eq + 1;
		*name = s->name;
	} else {
		*name = a;
	}
	return 1;
}

const char *opt_value(struct opt_scan *s)
{
	if (s->inline_value)
		return s->inline_value;
	if (s->i < s->argc)
		return s->argv[s->i++];
	return NULL;
}

int opt_no_value(const struct opt_scan *s)
{
	return s->inline_value == NULL;
}

/* The first line of a command's help is its usage line. */
static void print_usage_line(FILE *out, const struct command *c)
{
	const char *nl = strchr(c->help, '\n');

	fprintf(out, "%.*s\n", nl ? (int)(nl - c->help) : (int)strlen(c->help), c->help);
}

int usage_error(const char *cmd, const char *fmt, ...)
{
	const struct command *c = cmd ? command_find(cmd) : NULL;
	va_list ap;

	fprintf(stderr, "fwsim%s%s: ", cmd ? " " : "", cmd ? cmd : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c)
		print_usage_line(stderr, c);
	fprintf(stderr, "Try 'fwsim %s%s--help' for more information.\n",
		c ? c->name : "", c ? " " : "");
	return EXIT_USAGE;
}

void command_help(FILE *out, const struct command *c)
{
	fputs(c->help, out);
}

int finish_output(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "fwsim: error writing output: %s\n", strerror(errno));
		return EXIT_USAGE;
	}
	return status;
}
