/* graph.c - frameworks as Graphviz graphs (the libcgraph/libgvc adapter). */
#define _DEFAULT_SOURCE /* fchmod */
#include "graph.h"

#include <errno.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "date.h"
#include "util.h"

/* Limits for the child that lays out and renders.  AddressSanitizer
 * reserves terabytes of address space up front, so a build with it cannot
 * limit address space at all; the CPU limit and the alarm still hold. */
#define RENDER_MEMORY (4ull << 30)
#if defined(__SANITIZE_ADDRESS__)
#define LIMIT_ADDRESS_SPACE 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LIMIT_ADDRESS_SPACE 0
#endif
#endif
#ifndef LIMIT_ADDRESS_SPACE
#define LIMIT_ADDRESS_SPACE 1
#endif
#define RENDER_SECONDS 120
#define WRAP 24          /* characters per label line */
#define TITLE_MAX 160    /* longest title drawn; the tooltip has it all */

/* Okabe-Ito hues, lightened for fills; every status also has a text
 * marker in the label, so colour is never the only sign. */
static const char *const step_fill[] = {"#f2f2f2", "#cdeafa", "#bfe8da", "#f5ccb0"};
static const char *const step_mark[] = {"[pending]", "[ready]", "[done]", "[OVERDUE]"};
static const char *const sanction_fill[] = {"#f9e2b3", "#faf6c0", "#bfe8da"};
static const char *const guarantee_fill[] = {"#f2f2f2", "#cdeafa", "#f5ccb0"};

/* ---- text ------------------------------------------------------------ */

struct buf {
	char *s;
	size_t n, cap;
};

static void put(struct buf *b, const char *s, size_t n)
{
	vec_reserve((void **)&b->s, &b->cap, b->n + n + 1, 1);
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

/* Append TEXT so that Graphviz shows it literally: backslashes doubled
 * (`\N`, `\G`, `\l` would otherwise expand), control characters as spaces.
 * Quotes need nothing: agwrite quotes and escapes them, and a label set as
 * a plain string is never an HTML-like label.  With WRAP, break lines at
 * spaces every WRAP characters (a DOT "\n"). */
static void put_text(struct buf *b, const char *text, size_t max, int wrap)
{
	size_t i, col = 0, chars = 0;

	for (i = 0; text[i] && chars < max; i++) {
		unsigned char c = (unsigned char)text[i];

		if ((c & 0xc0) != 0x80)
			chars++, col++;
		if (c == '\\')
			puts_(b, "\\\\");
		else if (c < 0x20 || c == 0x7f)
			puts_(b, " ");
		else if (c == ' ' && wrap && col >= WRAP)
			puts_(b, "\\n"), col = 0;
		else
			put(b, (const char *)&text[i], 1);
	}
	if (text[i])
		puts_(b, "...");
}

/* ---- building the graph ---------------------------------------------------- */

struct builder {
	const struct model *m;
	const struct graph_opts *o;
	Agraph_t *g;
	Agnode_t **step, **fact, **sanction, **trigger, **guarantee;
	bool *keep;           /* steps drawn (all, or those around the focus) */
	size_t nodes;
};

static void set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, "");
}

static Agnode_t *node(struct builder *b, char kind, size_t i, const char *shape)
{
	char name[32];
	Agnode_t *n;

	snprintf(name, sizeof(name), "%c%zu", kind, i);
	n = agnode(b->g, name, 1);
	set(n, "shape", shape);
	b->nodes++;
	return n;
}

/* Set attribute NAME of OBJ to the text in T, and empty T. */
static void set_buf(void *obj, const char *name, struct buf *t)
{
	set(obj, name, t->s ? t->s : "");
	t->n = 0;
	if (t->s)
		t->s[0] = '\0';
}

static Agnode_t *make_fact(struct builder *b, size_t i);
static Agnode_t *make_sanction(struct builder *b, size_t i);

static Agnode_t *ref_node(struct builder *b, const struct ref *r)
{
	if (r->index == NO_INDEX)
		return NULL;
	switch (r->kind) {
	case K_STEP: return b->keep[r->index] ? b->step[r->index] : NULL;
	case K_FACT: return make_fact(b, r->index);
	default: return NULL;
	}
}

static void edge(struct builder *b, Agnode_t *from, Agnode_t *to, const char *text,
		 const struct just *j, int negated)
{
	Agedge_t *e;
	struct buf t = {0};

	if (!from || !to)
		return;
	e = agedge(b->g, from, to, NULL, 1);
	if (text || negated) {
		put_text(&t, negated ? "before (not)" : text, TITLE_MAX, 1);
		set_buf(e, "label", &t);
	}
	if (j && j->kind == JUST_INFERRED)
		set(e, "style", "dashed");
	if (j && j->text) {
		puts_(&t, j->kind == JUST_BASIS ? "Source: " : "Inferred: ");
		put_text(&t, j->text, 2000, 0);
		set(e, "edgetooltip", t.s);
		set_buf(e, "tooltip", &t);
	}
	free(t.s);
}

/* An edge from each step or fact that C refers to, into TO. */
static void cond_edges(struct builder *b, const struct cond *c, Agnode_t *to,
		       const char *text, int negated)
{
	uint32_t i;

	if (!c)
		return;
	if (c->kind == C_REF) {
		edge(b, ref_node(b, &c->ref), to, text, c->just, negated);
		return;
	}
	for (i = 0; i < c->n; i++)
		cond_edges(b, c->kids[i], to, text, negated ^ (c->kind == C_NOT));
}

static void actor_names(struct buf *t, const struct model *m, const struct refs *rs)
{
	uint32_t i;

	(void)m;
	for (i = 0; i < rs->n; i++) {
		if (i)
			puts_(t, ", ");
		put_text(t, rs->v[i].id, 64, 0);
	}
}

static void action_edges(struct builder *b, Agnode_t *from, const struct action *a)
{
	struct buf t = {0};
	uint32_t i;

	puts_(&t, action_name(a->kind));
	puts_(&t, " (");
	actor_names(&t, b->m, &a->by);
	puts_(&t, ")");
	if (a->cond_if)
		puts_(&t, " if ...");
	for (i = 0; i < a->sanctions.n; i++)
		if (a->sanctions.v[i].index != NO_INDEX)
			edge(b, from, make_sanction(b, a->sanctions.v[i].index), t.s, &a->just, 0);
	free(t.s);
}

static void add_steps(struct builder *b)
{
	const struct model *m = b->m;
	const struct run *r = b->o->run;
	struct buf t = {0};
	char d[11];
	size_t i;

	for (i = 0; i < m->nsteps; i++) {
		const struct step *s = &m->steps[i];
		Agnode_t *n;

		if (!b->keep[i])
			continue;
		n = b->step[i] = node(b, 's', i, "box");
		set(n, "style", "rounded,filled");
		set(n, "fillcolor", r ? step_fill[r->step[i]] : "#ffffff");
		snprintf(d, sizeof(d), "%u. ", s->number);
		puts_(&t, d);
		put_text(&t, s->title, TITLE_MAX, 1);
		puts_(&t, "\\n(");
		actor_names(&t, m, &s->actors);
		puts_(&t, s->autostep ? "; automatic)" : ")");
		if (r) {
			puts_(&t, "\\n");
			puts_(&t, step_mark[r->step[i]]);
			if (r->step[i] == SS_DONE) {
				date_format(r->done_on[i], d);
				puts_(&t, " ");
				puts_(&t, d);
			}
			if (r->step[i] == SS_OVERDUE)
				set(n, "penwidth", "3");
		}
		set_buf(n, "label", &t);
		put_text(&t, s->text, 4000, 0);
		set_buf(n, "tooltip", &t);
	}
	free(t.s);
}

static Agnode_t *make_fact(struct builder *b, size_t i)
{
	const struct model *m = b->m;
	const struct run *r = b->o->run;
	struct buf t = {0};

	if (b->fact[i])
		return b->fact[i];
	{
		Agnode_t *n = b->fact[i] = node(b, 'f', i, "ellipse");
		bool v = r ? r->fact[i] : m->facts[i].initial;

		set(n, "style", "filled");
		set(n, "fillcolor", v ? "#ffffff" : "#e6e6e6");
		puts_(&t, "fact: ");
		put_text(&t, m->facts[i].id, 64, 0);
		puts_(&t, v ? "\\n= true" : "\\n= false");
		if (!r)
			puts_(&t, " at start");
		set_buf(n, "label", &t);
		put_text(&t, m->facts[i].description, 2000, 0);
		set_buf(n, "tooltip", &t);
	}
	free(t.s);
	return b->fact[i];
}

static Agnode_t *make_sanction(struct builder *b, size_t i)
{
	const struct model *m = b->m;
	const struct run *r = b->o->run;
	struct buf t = {0};

	if (b->sanction[i])
		return b->sanction[i];
	{
		Agnode_t *n = b->sanction[i] = node(b, 'x', i, "octagon");
		enum sanction_status st = r ? (enum sanction_status)r->sanction[i]
					    : m->sanctions[i].initial;

		set(n, "style", st == S_LIFTED ? "filled,dashed" : "filled");
		set(n, "fillcolor", sanction_fill[st]);
		puts_(&t, "sanction: ");
		put_text(&t, m->sanctions[i].id, 64, 0);
		puts_(&t, "\\n(");
		actor_names(&t, m, &m->sanctions[i].imposed_by);
		puts_(&t, ")\\n[");
		puts_(&t, sanction_status_name(st));
		puts_(&t, "]");
		set_buf(n, "label", &t);
		put_text(&t, m->sanctions[i].description, 2000, 0);
		set_buf(n, "tooltip", &t);
	}
	free(t.s);
	return b->sanction[i];
}

/* Drawing everything, facts and sanctions come in file order; around a
 * focus, only those an edge reaches, as the edges are drawn. */
static void add_facts_and_sanctions(struct builder *b)
{
	size_t i;

	if (b->o->focus >= 0)
		return;
	for (i = 0; i < b->m->nfacts; i++)
		make_fact(b, i);
	for (i = 0; i < b->m->nsanctions; i++)
		make_sanction(b, i);
}

/* Does C refer to a step being drawn? */
static int touches(const struct builder *b, const struct cond *c)
{
	uint32_t i;

	if (!c)
		return 0;
	if (c->kind == C_REF)
		return c->ref.kind == K_STEP && c->ref.index != NO_INDEX && b->keep[c->ref.index];
	for (i = 0; i < c->n; i++)
		if (touches(b, c->kids[i]))
			return 1;
	return 0;
}

static void add_triggers(struct builder *b)
{
	const struct model *m = b->m;
	const struct run *r = b->o->run;
	struct buf t = {0};
	size_t i, k;

	for (i = 0; i < m->ntriggers; i++) {
		const struct trigger *tr = &m->triggers[i];
		Agnode_t *n;

		if (b->o->focus >= 0 && !touches(b, tr->when))
			continue;
		n = b->trigger[i] = node(b, 't', i, "diamond");

		puts_(&t, "when all hold:\\n");
		put_text(&t, tr->id, 64, 0);
		if (r)
			puts_(&t, r->fired[i] ? "\\n[fired]" : "\\n[not fired]");
		set_buf(n, "label", &t);
		if (tr->just.text) {
			put_text(&t, tr->just.text, 2000, 0);
			set_buf(n, "tooltip", &t);
		}
		cond_edges(b, tr->when, n, NULL, 0);
		for (k = 0; k < tr->nactions; k++)
			action_edges(b, n, &tr->actions[k]);
	}
	free(t.s);
}

static void add_guarantees(struct builder *b)
{
	const struct model *m = b->m;
	const struct run *r = b->o->run;
	struct buf t = {0};
	char d[11];
	size_t i;

	for (i = 0; i < m->nguarantees; i++) {
		const struct guarantee *g = &m->guarantees[i];
		enum guarantee_status st = r ? run_guarantee_status(r, (uint32_t)i) : GS_INACTIVE;
		Agnode_t *n;

		if (b->o->focus >= 0 && !touches(b, g->from) && !touches(b, g->until))
			continue;
		n = b->guarantee[i] = node(b, 'g', i, "hexagon");

		set(n, "style", "filled");
		set(n, "fillcolor", guarantee_fill[st]);
		if (st == GS_BREACHED)
			set(n, "penwidth", "3");
		puts_(&t, "guarantee: ");
		put_text(&t, g->id, 64, 0);
		puts_(&t, "\\nin force from 'from' until 'until'");
		if (r) {
			puts_(&t, "\\n[");
			puts_(&t, guarantee_status_name(st));
			if (st == GS_BREACHED) {
				date_format(r->g[i].breached_on, d);
				puts_(&t, " ");
				puts_(&t, d);
			}
			puts_(&t, "]");
		}
		set_buf(n, "label", &t);
		put_text(&t, g->text, 4000, 0);
		set_buf(n, "tooltip", &t);
		cond_edges(b, g->from, n, "from", 0);
		cond_edges(b, g->until, n, "until", 0);
		cond_edges(b, g->holds, n, "must hold", 0);
	}
	free(t.s);
}

static void add_step_edges(struct builder *b)
{
	const struct model *m = b->m;
	char text[64];
	size_t i, k;

	for (i = 0; i < m->nsteps; i++) {
		const struct step *s = &m->steps[i];
		const struct window *w = s->window;

		if (!b->keep[i])
			continue;
		cond_edges(b, s->requires, b->step[i], NULL, 0);
		if (w && w->after.index != NO_INDEX) {
			int n = snprintf(text, sizeof(text), "window:");

			if (w->has_not_before)
				n += snprintf(text + n, sizeof(text) - (size_t)n, " from +%u%c",
					      w->not_before.n, w->not_before.unit);
			if (w->has_not_after)
				snprintf(text + n, sizeof(text) - (size_t)n, " until +%u%c",
					 w->not_after.n, w->not_after.unit);
			edge(b, ref_node(b, &w->after), b->step[i], text, &w->just, 0);
		}
		for (k = 0; k < s->neffects; k++)
			action_edges(b, b->step[i], &s->effects[k]);
	}
}

/* A legend, so that a reader needs nothing else to read the picture. */
static void add_legend(struct builder *b)
{
	static const struct {
		const char *name, *shape, *label, *style;
	} items[] = {
		{"legend_step", "box", "step (number, title, actor)", "rounded"},
		{"legend_fact", "ellipse", "fact: outside anybody's control", ""},
		{"legend_sanction", "octagon", "sanction", ""},
		{"legend_trigger", "diamond", "trigger: acts once\\nall its inputs hold", ""},
		{"legend_guarantee", "hexagon", "guarantee", ""},
	};
	Agraph_t *lg = agsubg(b->g, "cluster_legend", 1);
	Agnode_t *prev = NULL, *a, *c;
	Agedge_t *e;
	size_t i;

	set(lg, "label", "Legend");
	set(lg, "style", "dashed");
	for (i = 0; i < sizeof(items) / sizeof(*items); i++) {
		Agnode_t *n = agnode(lg, (char *)items[i].name, 1);

		set(n, "shape", items[i].shape);
		set(n, "label", items[i].label);
		set(n, "style", items[i].style);
		if (prev) {
			e = agedge(lg, prev, n, NULL, 1);
			set(e, "style", "invis");
		}
		prev = n;
	}
	a = agnode(lg, "legend_a", 1);
	c = agnode(lg, "legend_b", 1);
	set(a, "label", "A");
	set(c, "label", "B");
	e = agedge(lg, a, c, NULL, 1);
	set(e, "label", "solid: the source says B waits for A\\ndashed: the modeller infers it");
	if (b->o->run) {
		Agnode_t *n = agnode(lg, "legend_state", 1);

		set(n, "shape", "note");
		set(n, "label", "[done] [ready] [pending] [OVERDUE]\\n[active] [suspended] [lifted]\\n"
				"[held] [breached]: colours repeat these marks");
	}
}

/* Which steps to draw: all, or those within DEPTH links of the focus. */
static void choose_steps(struct builder *b)
{
	const struct model *m = b->m;
	size_t n = m->nsteps, i, round;
	unsigned *dist;

	if (b->o->focus < 0) {
		for (i = 0; i < n; i++)
			b->keep[i] = true;
		return;
	}
	/* Breadth-first both ways along requires and windows, in rounds. */
	dist = xmalloc((n + 1) * sizeof(*dist));
	for (i = 0; i < n; i++)
		dist[i] = UINT32_MAX;
	dist[b->o->focus] = 0;
	for (round = 0; !b->o->depth || round < b->o->depth; round++) {
		int grew = 0;

		for (i = 0; i < n; i++) {
			const struct step *s = &m->steps[i];
			struct cond *stack[128];
			size_t sp = 0;

			if (s->requires)
				stack[sp++] = s->requires;
			while (sp) {
				const struct cond *c = stack[--sp];
				uint32_t k, j;

				if (c->kind != C_REF) {
					for (k = 0; k < c->n && sp < 128; k++)
						stack[sp++] = c->kids[k];
					continue;
				}
				if (c->ref.kind != K_STEP || c->ref.index == NO_INDEX)
					continue;
				j = c->ref.index;
				if (dist[i] == round && dist[j] == UINT32_MAX)
					dist[j] = (unsigned)round + 1, grew = 1;
				if (dist[j] == round && dist[i] == UINT32_MAX)
					dist[i] = (unsigned)round + 1, grew = 1;
			}
		}
		if (!grew)
			break;
	}
	for (i = 0; i < n; i++)
		b->keep[i] = dist[i] != UINT32_MAX;
	free(dist);
}

static Agraph_t *build(const struct model *m, const struct graph_opts *o, size_t *nodes)
{
	struct builder b = {.m = m, .o = o};
	Agraph_t *g;
	struct buf t = {0};

	g = b.g = agopen("framework", Agdirected, NULL);
	set(g, "rankdir", o->rankdir);
	set(g, "fontname", "Helvetica");
	agattr(g, AGNODE, "fontname", "Helvetica");
	agattr(g, AGEDGE, "fontname", "Helvetica");
	agattr(g, AGNODE, "fontsize", "11");
	agattr(g, AGEDGE, "fontsize", "9");
	put_text(&t, m->title, TITLE_MAX, 0);
	set_buf(g, "label", &t);
	set(g, "labelloc", "t");
	free(t.s);
	b.step = xcalloc(m->nsteps + 1, sizeof(*b.step));
	b.fact = xcalloc(m->nfacts + 1, sizeof(*b.fact));
	b.sanction = xcalloc(m->nsanctions + 1, sizeof(*b.sanction));
	b.trigger = xcalloc(m->ntriggers + 1, sizeof(*b.trigger));
	b.guarantee = xcalloc(m->nguarantees + 1, sizeof(*b.guarantee));
	b.keep = xcalloc(m->nsteps + 1, sizeof(*b.keep));
	choose_steps(&b);
	add_steps(&b);
	add_facts_and_sanctions(&b);
	add_step_edges(&b);
	add_triggers(&b);
	add_guarantees(&b);
	add_legend(&b);
	*nodes = b.nodes;
	free(b.step);
	free(b.fact);
	free(b.sanction);
	free(b.trigger);
	free(b.guarantee);
	free(b.keep);
	return g;
}

/* ---- writing ------------------------------------------------------------------ */

/* Lay out G and render it as FORMAT into TMP, in a child process with
 * memory and time limits: a crash or a runaway layout costs the child,
 * not the caller, and leaves only the temporary file to remove. */
static int render(Agraph_t *g, const char *format, const char *tmp, char *err,
		  size_t errsize)
{
	pid_t pid = fork();
	int status;

	if (pid < 0) {
		snprintf(err, errsize, "cannot start the renderer: %s", strerror(errno));
		return 2;
	}
	if (pid == 0) {
		struct rlimit mem = {RENDER_MEMORY, RENDER_MEMORY};
		struct rlimit cpu = {RENDER_SECONDS, RENDER_SECONDS + 5};
		GVC_t *gvc;

		if (LIMIT_ADDRESS_SPACE)
			setrlimit(RLIMIT_AS, &mem);
		setrlimit(RLIMIT_CPU, &cpu);
		alarm(RENDER_SECONDS + 30);
		gvc = gvContext();
		if (!gvc || gvLayout(gvc, g, "dot") != 0 ||
		    gvRenderFilename(gvc, g, format, tmp) != 0)
			_exit(3);
		gvFreeLayout(gvc, g);
		gvFreeContext(gvc);
		_exit(0);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			snprintf(err, errsize, "lost the renderer: %s", strerror(errno));
			return 2;
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFSIGNALED(status))
		snprintf(err, errsize, "Graphviz stopped (signal %d: %s) while drawing: the "
			 "graph is too large or too complex; try --focus STEP --depth N, or "
			 "--format dot", WTERMSIG(status), strsignal(WTERMSIG(status)));
	else
		snprintf(err, errsize, "Graphviz could not lay out or render the graph "
			 "as %s (is the %s plugin installed?)", format, format);
	return 2;
}

/* Copy the file at PATH to standard output. */
static int copy_to_stdout(const char *path, char *err, size_t errsize)
{
	FILE *f = fopen(path, "rb");
	char block[65536];
	size_t n;

	if (!f) {
		snprintf(err, errsize, "cannot read %s: %s", path, strerror(errno));
		return 2;
	}
	while ((n = fread(block, 1, sizeof(block), f)) > 0)
		if (fwrite(block, 1, n, stdout) != n)
			break;
	fclose(f);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		snprintf(err, errsize, "cannot write to standard output: %s", strerror(errno));
		return 2;
	}
	return 0;
}

/* A temporary file beside PATH (or in $TMPDIR for "-"). */
static int make_temp(const char *path, char *tmp, size_t size, char *err, size_t errsize)
{
	const char *slash = strrchr(path, '/');
	const char *tdir = getenv("TMPDIR");
	int fd;

	if (strcmp(path, "-") == 0)
		snprintf(tmp, size, "%s/fwsim-graph.XXXXXX", tdir && *tdir ? tdir : "/tmp");
	else if (slash)
		snprintf(tmp, size, "%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
	else
		snprintf(tmp, size, ".%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0)
		snprintf(err, errsize, "cannot create a temporary file for %s: %s",
			 strcmp(path, "-") == 0 ? "standard output (in $TMPDIR)" : path,
			 strerror(errno));
	return fd;
}

int graph_write(const struct model *m, const struct graph_opts *o, const char *path,
		char *err, size_t errsize)
{
	char tmp[4200];
	size_t nodes;
	Agraph_t *g;
	int fd, rc = 0;
	mode_t mask;

	struct stat st;

	/* Replacing /dev/full or a directory by rename would be a disaster:
	 * only a regular file (or nothing yet) may be replaced. */
	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		snprintf(err, errsize, "%s is not a regular file: give -o a file name, or - "
			 "for standard output", path);
		return 2;
	}
	/* Graphviz reports problems on stderr by default; keep it quiet and
	 * judge by the return values. */
	agseterr(AGMAX);
	g = build(m, o, &nodes);
	if (strcmp(o->format, "dot") != 0 && nodes > GRAPH_LAYOUT_MAX) {
		snprintf(err, errsize, "%zu nodes are more than Graphviz lays out reliably "
			 "(limit %d): draw part of it with --focus STEP --depth N, or write "
			 "--format dot and lay it out yourself", nodes, GRAPH_LAYOUT_MAX);
		agclose(g);
		return 1;
	}
	fd = make_temp(path, tmp, sizeof(tmp), err, errsize);
	if (fd < 0) {
		agclose(g);
		return 2;
	}
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	if (strcmp(o->format, "dot") == 0) {
		FILE *f = fdopen(fd, "w");

		if (!f || agwrite(g, f) != 0 || fflush(f) != 0 || ferror(f) || fsync(fd) != 0) {
			snprintf(err, errsize, "cannot write %s: %s", tmp, strerror(errno));
			rc = 2;
		}
		if (f)
			fclose(f);
		else
			close(fd);
	} else {
		close(fd);
		rc = render(g, o->format, tmp, err, errsize);
	}
	agclose(g);
	if (rc == 0 && strcmp(path, "-") == 0)
		rc = copy_to_stdout(tmp, err, errsize);
	else if (rc == 0 && rename(tmp, path) != 0) {
		snprintf(err, errsize, "cannot write %s: %s", path, strerror(errno));
		rc = 2;
	}
	if (rc != 0 || strcmp(path, "-") == 0)
		unlink(tmp);
	return rc;
}
