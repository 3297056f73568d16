/* report.c - compiler-style text diagnostics with source excerpts. */
#include "report.h"

#include <string.h>

#include "diag.h"

/* Longest source line we quote under a diagnostic. */
#define EXCERPT_MAX 240

/* Walks the buffer line by line; diagnostics are sorted, so one forward
 * pass serves them all however many there are. */
struct line_cursor {
	const char *buf;
	size_t len, pos;  /* start of line `line` */
	unsigned line;
};

static void cursor_init(struct line_cursor *c, const char *buf, size_t len)
{
	c->buf = buf;
	c->len = len;
	c->pos = (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) ? 3 : 0;
	c->line = 1;
}

/* Move to LINE; return its length in bytes (without the line break). */
static size_t cursor_seek(struct line_cursor *c, unsigned line)
{
	size_t end;

	while (c->line < line && c->pos < c->len) {
		char ch = c->buf[c->pos++];

		if (ch == '\n' || (ch == '\r' && (c->pos >= c->len || c->buf[c->pos] != '\n')))
			c->line++;
	}
	if (c->line != line)
		return (size_t)-1;
	for (end = c->pos; end < c->len && c->buf[end] != '\n' && c->buf[end] != '\r'; end++)
		;
	return end - c->pos;
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
	cursor_init(&cur, r->buf ? r->buf : "", r->buf ? r->len : 0);
	for (i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];

		fprintf(err, "%s:%u:%u: %s: %s [%s]\n", r->path, g->loc.line, g->loc.col,
			g->severity == SEV_ERROR ? "error" : "warning", g->message,
			diag_code_name(g->code));
		/* One excerpt per place: the next diagnostic may point there too. */
		if (i + 1 < d->n && d->v[i + 1].loc.line == g->loc.line &&
		    d->v[i + 1].loc.col == g->loc.col)
			continue;
		if (r->buf && g->loc.line >= cur.line) {
			size_t len = cursor_seek(&cur, g->loc.line);

			if (len != (size_t)-1)
				print_excerpt(err, r->buf + cur.pos, len, g->loc.line, g->loc.col);
		}
	}
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
