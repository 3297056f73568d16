/* graph.h - draw a framework, and a run's state on it, with Graphviz.
 *
 * The only user of libcgraph and libgvc.  Text from the framework file only
 * ever becomes a label or a tooltip, escaped so that Graphviz shows it
 * literally; node names are fwsim's own (s0, x1, ...), never the file's ids.
 * Layout and rendering run in a child process with memory and time limits,
 * since Graphviz 2.42 can crash or run for minutes on large graphs; output
 * goes through a temporary file renamed into place, so a failure leaves no
 * partial file. */
#ifndef FWSIM_GRAPH_H
#define FWSIM_GRAPH_H

#include <stddef.h>

#include "engine.h"
#include "model.h"

struct graph_opts {
	const char *format;   /* "dot", "svg", "png", "pdf" */
	const char *rankdir;  /* "TB" or "LR" */
	int focus;            /* draw only around this step (index), or -1 */
	unsigned depth;       /* with focus: how many links away (0: all) */
	const struct run *run; /* draw this run's state, or NULL */
};

/* The most nodes handed to layout; larger drawings are refused with a hint
 * (--focus, or --format dot).  DOT output has no such limit. */
#define GRAPH_LAYOUT_MAX 2000

/* Draw M into PATH ("-" for standard output).  Returns 0, or an exit status
 * (1: refused, e.g. too large; 2: I/O or Graphviz failure) with a message
 * in ERR. */
int graph_write(const struct model *m, const struct graph_opts *o, const char *path,
		char *err, size_t errsize);

#endif
