/* cli.h - the command table and what commands share.
 *
 * To add a command: write cmd_NAME.c with `int cmd_NAME(int argc, char **argv)`
 * (argv[0] is the command's name), declare it here, and add a row to
 * commands[] in main.c with its one-line summary and its help text. */
#ifndef FWSIM_CLI_H
#define FWSIM_CLI_H

#include <stdio.h>

#define FWSIM_VERSION "0.1.0"

/* Exit statuses, the same for every command (documented in fwsim --help). */
enum {
	EXIT_OK = 0,
	EXIT_INVALID = 1, /* invalid input, or an event refused */
	EXIT_USAGE = 2,   /* bad command line, or a file that cannot be read/written */
};

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary; /* one line for `fwsim --help` */
	const char *help;    /* the whole text of `fwsim help NAME` */
};

const struct command *command_find(const char *name);

/* Print "fwsim CMD: MESSAGE" and the command's usage line to stderr; return
 * EXIT_USAGE. */
int usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Print the help of CMD to OUT. */
void command_help(FILE *out, const struct command *c);

/* A tiny option scanner shared by the commands: long options only, with
 * `--name value` or `--name=value`, `--` ending options. */
struct opt_scan {
	int argc;
	char **argv;
	int i;              /* next argument */
	int only_operands;  /* after `--` */
	const char *inline_value; /* the VALUE of --name=VALUE, or NULL */
	char name[64];      /* the option's name when written --name=VALUE */
};

/* Returns the next option name ("--strict") in *NAME or an operand in
 * *NAME with return 0; 1 for an option; -1 at the end. */
int opt_next(struct opt_scan *s, const char **name);

/* Fetch the value of the option just returned: the part after '=' or the
 * next argument; NULL if there is none. */
const char *opt_value(struct opt_scan *s);

/* For an option that takes no value: 0 if none was given with '='. */
int opt_no_value(const struct opt_scan *s);

/* An event as given on the command line, resolved once the framework is
 * open (cmd_step.c). */
struct raw_event {
	int kind;        /* enum event_kind */
	const char *arg;
};

/* The options of the run commands (step, status, undo, reset). */
struct run_opts {
	const char *framework, *state;
	int json;
	struct raw_event *ev; /* malloc'd; free it */
	size_t nev;
};

/* Parse FRAMEWORK [--state FILE] [--format text|json] and, if EVENTS, the
 * event options --complete, --set, --advance, --date.  Returns -1 to go on,
 * or an exit status (help printed, or a usage error). */
int parse_run_opts(const char *cmd, int argc, char **argv, int events, struct run_opts *o);

/* Flush stdout and report a write error (a full disk, a closed pipe). */
int finish_output(int status);

/* Run fwsim with ARGV as the command line; returns the exit status. */
int cli_main(int argc, char **argv);

int cmd_validate(int argc, char **argv);
int cmd_step(int argc, char **argv);
int cmd_status(int argc, char **argv);
int cmd_undo(int argc, char **argv);
int cmd_reset(int argc, char **argv);
int cmd_simulate(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_version(int argc, char **argv);

#endif
