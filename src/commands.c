/* commands.c - the command table, global options and dispatch. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct command commands[] = {
	{"validate", cmd_validate, "check framework files and report every problem",
	 "usage: fwsim validate [--format text|json] [--strict] FILE...\n"
	 "\n"
	 "Check each framework FILE and report every problem found, like a\n"
	 "compiler: FILE:LINE:COL: error|warning: message [code], followed by\n"
	 "the source line with a caret under the column.  Besides the shape of\n"
	 "the file (keys, types, ids, references) it checks the dependency\n"
	 "structure: cycles, steps that can never become ready, triggers that\n"
	 "never fire, sanctions that nothing lifts, contradictory actions,\n"
	 "guarantees that never apply and windows anchored to later steps.\n"
	 "\n"
	 "Options:\n"
	 "  --format text|json  text (default): diagnostics on stderr and a\n"
	 "                      summary line per valid file on stdout;\n"
	 "                      json: one JSON object per file, one per line, on\n"
	 "                      stdout (fields: file, valid, errors, warnings,\n"
	 "                      diagnostics[], stats{})\n"
	 "  --strict            treat warnings as errors\n"
	 "  -h, --help          show this help\n"
	 "\n"
	 "Exit status: 0 every file valid, 1 some file invalid, 2 usage error\n"
	 "or a file that cannot be read (missing, a directory, unreadable).\n"
	 "The format and the diagnostic codes are in docs/FORMAT.md.\n"},
	{"help", cmd_help, "show help for a command",
	 "usage: fwsim help [COMMAND]\n"
	 "\n"
	 "Show the help of COMMAND, or the list of commands.\n"},
	{"version", cmd_version, "print fwsim's version",
	 "usage: fwsim version\n"
	 "\n"
	 "Print fwsim's version and the framework format version it reads.\n"},
};

#define NCOMMANDS (sizeof(commands) / sizeof(*commands))

const struct command *command_find(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void main_help(FILE *out)
{
	size_t i;

	fputs("usage: fwsim [--version] [--help] COMMAND [ARGS...]\n"
	      "\n"
	      "fwsim models sequenced policy frameworks -- steps that unlock the\n"
	      "next, sanctions lifted or suspended when named conditions are met,\n"
	      "guarantees in force for a period -- written as YAML files.\n"
	      "\n"
	      "Commands:\n", out);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs("\n"
	      "Run 'fwsim help COMMAND' or 'fwsim COMMAND --help' for details.\n"
	      "Exit status: 0 success, 1 invalid framework, 2 usage or I/O error.\n"
	      "The file format is described in docs/FORMAT.md.\n", out);
}

int cmd_help(int argc, char **argv)
{
	const struct command *c;

	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		main_help(stdout);
		return finish_output(EXIT_OK);
	}
	if (argc > 2)
		return usage_error("help", "too many arguments");
	c = command_find(argv[1]);
	if (!c)
		return usage_error("help", "no such command '%s'", argv[1]);
	command_help(stdout, c);
	return finish_output(EXIT_OK);
}

int cmd_version(int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		command_help(stdout, command_find("version"));
		return finish_output(EXIT_OK);
	}
	if (argc > 1)
		return usage_error("version", "unexpected argument '%s'", argv[1]);
	printf("fwsim %s (framework format 1)\n", FWSIM_VERSION);
	return finish_output(EXIT_OK);
}

int cli_main(int argc, char **argv)
{
	const struct command *c;

	if (argc < 2) {
		main_help(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		main_help(stdout);
		return finish_output(EXIT_OK);
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
		return cmd_version(1, argv + 1);
	if (argv[1][0] == '-')
		return usage_error(NULL, "unknown option '%s'", argv[1]);
	c = command_find(argv[1]);
	if (!c)
		return usage_error(NULL, "'%s' is not a command; see 'fwsim --help'",
				   argv[1]);
	return c->run(argc - 1, argv + 1);
}
