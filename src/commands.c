/* commands.c - the command table, global options and dispatch. */
#include <signal.h>
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
	{"step", cmd_step, "apply events to a run, or complete every ready step",
	 "usage: fwsim step FRAMEWORK [--state FILE] [--format text|json] [EVENT...]\n"
	 "\n"
	 "Apply EVENTs, in the order given, to the run of FRAMEWORK kept in the\n"
	 "state file, and print what changed: steps done, ready or overdue,\n"
	 "sanctions suspended or lifted, triggers fired, guarantees in force or\n"
	 "breached.  With no EVENT, complete every step that is ready: one wave.\n"
	 "\n"
	 "Events:\n"
	 "  --complete STEP     complete STEP (an id or a number); it must be ready\n"
	 "  --set FACT=true|false\n"
	 "                      set a fact\n"
	 "  --advance N(d|w|m|y) move the clock forward, e.g. --advance 6m\n"
	 "  --date YYYY-MM-DD   move the clock to a date (never backwards); as the\n"
	 "                      first event of a new run of a framework without a\n"
	 "                      start date, it sets the start\n"
	 "\n"
	 "Options:\n"
	 "  --state FILE        the state file (default output/FRAMEWORK-ID.state.json)\n"
	 "  --format text|json  how to print the changes (default text)\n"
	 "  -h, --help          show this help\n"
	 "\n"
	 "An event that is not allowed now (a step that is not ready, an unknown\n"
	 "id, a malformed value, the clock moving back) is refused with a reason\n"
	 "naming each unmet condition, and then none of the call's events is\n"
	 "applied: the state file stays as it was.  Automatic steps cannot be\n"
	 "completed by hand.  Concurrent runs on one state file wait for each\n"
	 "other (up to 10 s) through the lock file FILE.lock.\n"
	 "\n"
	 "Exit status: 0 applied, 1 refused (or an invalid framework), 2 usage or\n"
	 "I/O error (a corrupt or foreign state file is left untouched).\n"},
	{"status", cmd_status, "show the state of a run",
	 "usage: fwsim status FRAMEWORK [--state FILE] [--format text|json]\n"
	 "\n"
	 "Show the run of FRAMEWORK kept in the state file (a new run if there is\n"
	 "none): the date, every step with its status (pending, ready, done,\n"
	 "overdue) and why a pending one waits, every sanction (active,\n"
	 "suspended, lifted) with when and by whom it changed, the facts, the\n"
	 "guarantees (inactive, held, breached) and, in JSON, the history of\n"
	 "events.  The JSON fields are described in docs/SIMULATION.md.\n"},
	{"undo", cmd_undo, "take back the last step command",
	 "usage: fwsim undo FRAMEWORK [--state FILE] [--format text|json]\n"
	 "\n"
	 "Take back the events of the last 'fwsim step' (all the events of that\n"
	 "one command, or all the steps of its wave) and save the state; with\n"
	 "--format json, list the events taken back.  Exit status 1 if there is\n"
	 "nothing to undo.\n"},
	{"reset", cmd_reset, "start a run over",
	 "usage: fwsim reset FRAMEWORK [--state FILE] [--format text|json] [--date YYYY-MM-DD]\n"
	 "\n"
	 "Start the run over on the framework's start date (or --date, for a\n"
	 "framework that sets none), even when the state's events no longer\n"
	 "apply.  A file at the state path that is not a state of this framework\n"
	 "(corrupt, foreign, a device) is refused and left as it is: remove it\n"
	 "yourself if you mean to.\n"},
	{"simulate", cmd_simulate, "run a scenario, or the framework to its end",
	 "usage: fwsim simulate FRAMEWORK [--scenario FILE] [--format text|json]\n"
	 "\n"
	 "Run FRAMEWORK from its start without touching any state file, and print\n"
	 "the timeline.  With --scenario, apply the scenario's dated events (see\n"
	 "docs/SIMULATION.md).  Without, complete every ready step, wave after\n"
	 "wave, moving the clock to the earliest date on which a window opens when\n"
	 "nothing is ready, and say where and why the run stops.\n"
	 "\n"
	 "Exit status: 0 the scenario ran, 1 an invalid framework or scenario, or\n"
	 "an event of the scenario refused; 2 usage or I/O error.\n"},
	{"graph", cmd_graph, "draw a framework, and a run on it (DOT, SVG, PNG, PDF)",
	 "usage: fwsim graph FRAMEWORK [--state FILE] [-o FILE] [--format dot|svg|png|pdf]\n"
	 "                   [--rankdir TB|LR] [--focus STEP] [--depth N]\n"
	 "\n"
	 "Draw FRAMEWORK with Graphviz: each step a box (number, title, actor),\n"
	 "each dependency an arrow from what is waited for to what waits (solid\n"
	 "where the source says so, dashed where the modeller inferred it; the\n"
	 "quoted basis is the arrow's tooltip in SVG), each sanction an octagon\n"
	 "with 'lift' and 'suspend' arrows labelled with who acts, facts as\n"
	 "ellipses, triggers as diamonds, guarantees as hexagons with 'from',\n"
	 "'until' and 'must hold' arrows, and a legend.  Long titles wrap; the\n"
	 "full clause is the step's tooltip in SVG.\n"
	 "\n"
	 "With --state, the picture shows the run: steps [done] [ready]\n"
	 "[pending] [OVERDUE], sanctions [active] [suspended] [lifted],\n"
	 "guarantees [held] [breached], as text marks and colour-blind-safe\n"
	 "colours.\n"
	 "\n"
	 "Options:\n"
	 "  -o FILE, --output FILE  where to write (default output/FRAMEWORK-ID.svg,\n"
	 "                      or .FORMAT); - for standard output\n"
	 "  --format F          dot, svg, png or pdf (default: from -o's extension,\n"
	 "                      else svg)\n"
	 "  --rankdir TB|LR     top to bottom (default) or left to right\n"
	 "  --focus STEP        draw only STEP and the steps linked to it\n"
	 "  --depth N           with --focus: at most N links away (0: any)\n"
	 "  --state FILE        draw the run kept in FILE\n"
	 "\n"
	 "Output is written to a temporary file and renamed into place, so a\n"
	 "failure leaves no partial file.  Layout runs in a separate process with\n"
	 "memory and time limits; graphs of more than 2000 nodes are refused for\n"
	 "svg, png and pdf (use --focus, or --format dot).\n"
	 "\n"
	 "Exit status: 0 written, 1 invalid framework or refused (too large),\n"
	 "2 usage, I/O or Graphviz error.\n"},
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
	      "Exit status: 0 success, 1 invalid input or a refused event, 2 usage or\n"
	      "I/O error.\n"
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

	/* Past a file size limit (ulimit -f), let write() fail with EFBIG and
	 * be reported, instead of the process dying with a file half-written. */
	signal(SIGXFSZ, SIG_IGN);

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
