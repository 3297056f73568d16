/* report.c - compiler-style text diagnostics with source excerpts. */
#include "report.h"

#include <string.h>

#include "diag.h"

/* Longest source line we quote under a diagnostic. */
#define EXCERPT_MAX 240

/* Reads the file again, line by line, to quote the lines diagnostics point
 * at: they are sorted, so one forward pass serves them all, and the file
 * is never held in memory. */
struct line_cursor {
	FILE *f;          /* NULL: no excerpts */
	unsigned line;    /* the line the next byte belongs to */
	int prev;
	unsigned last;    /* the line in text, 0 for none */
	long last_len;
	char text[EXCERPT_MAX + 2];
};

static void cursor_open(struct line_cursor *c, const char *path)
{
	int b0, b1, b2;

	c->f = fopen(path, "rb");
	c->line = 1;
	c->prev = 0;
	c->last = 0;
	if (!c->f)
		return;
	b0 = getc(c->f);
	b1 = getc(c->f);
	b2 = getc(c->f);
	if (!(b0 == 0xef && b1 == 0xbb && b2 == 0xbf))
		rewind(c->f); /* no BOM to skip */
}

/* Read line LINE into c->text; return its length, or -1 if it is past the
 * end or longer than an excerpt may be. */
static long cursor_line(struct line_cursor *c, unsigned line)
{
	size_t len = 0;
	int ch = 0;

	if (line == c->last)
		return c->last_len; /* several diagnostics on one line */
	if (!c->f || line < c->line)
		return -1;
	while (c->line < line && (ch = getc(c->f)) != EOF) {
		if (ch == '\r' || (ch == '\n' && c->prev != '\r'))
			c->line++;
		c->prev = ch;
	}
	if (c->line != line)
		return -1;
	while ((ch = getc(c->f)) != EOF) {
		if (ch == '\n' && c->prev == '\r') { /* the end of the CRLF before */
			c->prev = ch;
			continue;
		}
		c->prev = ch;
		if (ch == '\n' || ch == '\r') {
			c->line++;
			break;
		}
		if (len < sizeof(c->text) - 1)
			c->text[len] = (char)ch;
		len++;
	}
	if (ch == EOF)
		c->line++;
	c->last = line;
	c->last_len = len > EXCERPT_MAX ? -1 : (long)len;
	return c->last_len;
}

/* Print the line, then a caret under character column COL. */
static void print_excerpt(FILE *err, const char *s, size_t len, unsigned line,
			  unsigned col)
{
	size_t i;
	unsigned ch = 1;

	if (len > EXCERPT_MAX)
		return;
	fprintf(err, "%5u | ", line);
	for (i = 0; i < len;) {
		size_t n = utf8_seq_len(s + i, len - i);

		/* Never send the file's control characters, bidi controls or
		 * broken UTF-8 to a terminal: one '?' per character. */
		if (n == 0)
			fputc('?', err), i++;
		else if (n == 1 && ((unsigned char)s[i] < 0x20 || s[i] == 0x7f))
			fputc(s[i] == '\t' ? ' ' : '?', err), i++;
		else
			fwrite(s + i, 1, n, err), i += n;
	}
	fputs("\n      | ", err);
	for (i = 0; i < len && ch < col; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			ch++, fputc(' ', err);
	fputs("^\n", err);
}

/* "1 step" or "3 steps", then AFTER. */
static void count(FILE *out, size_t n, const char *noun, const char *after)
{
	fprintf(out, "%zu %s%s%s", n, noun, n == 1 ? "" : "s", after);
}

void report_text(FILE *out, FILE *err, struct file_report *r)
{
	struct diags *d = r->diags;
	struct line_cursor cur;
	size_t i;

	diags_sort(d);
	cur.f = NULL;
	if (d->n && r->excerpts)
		cursor_open(&cur, r->path);
	for (i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];

		fprintf(err, "%s:%u:%u: %s: %s [%s]\n", r->path, g->loc.line, g->loc.col,
			g->severity == SEV_ERROR ? "error" : "warning", g->message,
			diag_code_name(g->code));
		/* One excerpt per place: the next diagnostic may point there too. */
		if (i + 1 < d->n && d->v[i + 1].loc.line == g->loc.line &&
		    d->v[i + 1].loc.col == g->loc.col)
			continue;
		long len = cursor_line(&cur, g->loc.line);

		if (len >= 0)
			print_excerpt(err, cur.text, (size_t)len, g->loc.line, g->loc.col);
	}
	if (cur.f)
		fclose(cur.f);
	if (d->dropped)
		fprintf(err, "%s: %zu more diagnostics not shown\n", r->path, d->dropped);
	if (r->valid && r->m) {
		const struct model *m = r->m;

		fprintf(out, "%s: valid%s: ", r->path, d->warnings ? " with warnings" : "");
		count(out, m->nsteps, "step", ", ");
		count(out, m->nsanctions, "sanction", ", ");
		count(out, m->nfacts, "fact", ", ");
		count(out, m->ntriggers, "trigger", ", ");
		count(out, m->nguarantees, "guarantee", ", ");
		count(out, m->edges, "edge", "\n");
	} else if (!r->valid) {
		fprintf(err, "%s: invalid: ", r->path);
		count(err, d->errors, "error", ", ");
		count(err, d->warnings, "warning", "\n");
	}
}
