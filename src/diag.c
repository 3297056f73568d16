/* diag.c - the diagnostic catalogue and the collected list. */
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static const struct {
	const char *name;
	enum severity severity;
} diag_table[D__COUNT] = {
	[D_YAML_SYNTAX] = {"yaml-syntax", SEV_ERROR},
	[D_YAML_ALIAS] = {"yaml-alias", SEV_ERROR},
	[D_YAML_TAG] = {"yaml-tag", SEV_ERROR},
	[D_YAML_DEPTH] = {"yaml-depth", SEV_ERROR},
	[D_YAML_MULTIDOC] = {"yaml-multidoc", SEV_ERROR},
	[D_FILE_TOO_LARGE] = {"file-too-large", SEV_ERROR},
	[D_SCALAR_TOO_LONG] = {"scalar-too-long", SEV_ERROR},
	[D_ENCODING] = {"encoding", SEV_ERROR},
	[D_EMPTY_DOCUMENT] = {"empty-document", SEV_ERROR},
	[D_DUPLICATE_KEY] = {"duplicate-key", SEV_ERROR},
	[D_UNKNOWN_KEY] = {"unknown-key", SEV_ERROR},
	[D_MISSING_KEY] = {"missing-key", SEV_ERROR},
	[D_WRONG_TYPE] = {"wrong-type", SEV_ERROR},
	[D_BAD_VALUE] = {"bad-value", SEV_ERROR},
	[D_BAD_ID] = {"bad-id", SEV_ERROR},
	[D_BAD_VERSION] = {"bad-version", SEV_ERROR},
	[D_DUPLICATE_ID] = {"duplicate-id", SEV_ERROR},
	[D_DUPLICATE_NUMBER] = {"duplicate-number", SEV_ERROR},
	[D_UNKNOWN_REF] = {"unknown-ref", SEV_ERROR},
	[D_WRONG_KIND] = {"wrong-kind", SEV_ERROR},
	[D_MISSING_BASIS] = {"missing-basis", SEV_ERROR},
	[D_CYCLE] = {"cycle", SEV_ERROR},
	[D_NEVER_READY] = {"never-ready", SEV_ERROR},
	[D_TRIGGER_NEVER_FIRES] = {"trigger-never-fires", SEV_WARNING},
	[D_SANCTION_NEVER_LIFTED] = {"sanction-never-lifted", SEV_WARNING},
	[D_CONTRADICTORY_ACTIONS] = {"contradictory-actions", SEV_ERROR},
	[D_GUARANTEE_NEVER_APPLIES] = {"guarantee-never-applies", SEV_ERROR},
	[D_WINDOW_LATER_STEP] = {"window-later-step", SEV_ERROR},
	[D_WINDOW_RANGE] = {"window-range", SEV_ERROR},
};

void diags_init(struct diags *d)
{
	memset(d, 0, sizeof(*d));
}

void diags_release(struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->v[i].message);
	vec_free(d->v, d->cap, sizeof(*d->v));
	diags_init(d);
}

const char *diag_code_name(enum diag_code code)
{
	return diag_table[code].name;
}

enum severity diag_code_severity(enum diag_code code)
{
	return diag_table[code].severity;
}

void diag_vadd(struct diags *d, enum diag_code code, struct loc loc,
	       const char *fmt, va_list ap)
{
	struct diag *g;
	enum severity sev = diag_table[code].severity;

	if (sev == SEV_ERROR)
		d->errors++;
	else
		d->warnings++;
	if (d->n >= DIAG_MAX) {
		d->dropped++;
		return;
	}
	g = VEC_PUSH(d->v, d->n, d->cap);
	g->code = code;
	g->severity = sev;
	g->loc = loc;
	g->seq = d->n - 1;
	g->message = xvasprintf(fmt, ap);
}

void diag_add(struct diags *d, enum diag_code code, struct loc loc,
	      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(d, code, loc, fmt, ap);
	va_end(ap);
}

void diags_make_strict(struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		d->v[i].severity = SEV_ERROR;
	d->errors += d->warnings;
	d->warnings = 0;
}

static int diag_cmp(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;

	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.col != b->loc.col)
		return a->loc.col < b->loc.col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diags_sort(struct diags *d)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), diag_cmp);
}

#define QBUFS 4
#define QMAX 96

/* Length of the valid UTF-8 sequence at S (at most N bytes), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n, unsigned *cp)
{
	size_t len, i;
	unsigned c = s[0], min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xe0) == 0xc0) {
		len = 2, c &= 0x1f, min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		len = 3, c &= 0x0f, min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		len = 4, c &= 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

static int is_bidi_control(unsigned cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

const char *qn(const char *str, size_t n)
{
	static char bufs[QBUFS][QMAX * 6 + 16];
	static int next;
	char *out = bufs[next++ % QBUFS], *o = out;
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	*o++ = '\'';
	while (i < n) {
		unsigned cp;
		size_t len = utf8_len(s + i, n - i, &cp);

		if ((size_t)(o - out) > QMAX) {
			memcpy(o, "...", 3);
			o += 3;
			break;
		}
		if (len == 0) {
			o += sprintf(o, "\\x%02x", s[i]);
			i++;
		} else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
			   is_bidi_control(cp)) {
			if (cp == '\n')
				o += sprintf(o, "\\n");
			else if (cp == '\t')
				o += sprintf(o, "\\t");
			else if (cp < 0x100)
				o += sprintf(o, "\\x%02x", cp);
			else
				o += sprintf(o, "\\u%04x", cp);
			i += len;
		} else if (cp == '\'' || cp == '\\') {
			*o++ = '\\';
			*o++ = (char)cp;
			i++;
		} else {
			memcpy(o, s + i, len);
			o += len;
			i += len;
		}
	}
	*o++ = '\'';
	*o = '\0';
	return out;
}

const char *q(const char *s)
{
	return qn(s, strlen(s));
}

size_t utf8_seq_len(const char *s, size_t n)
{
	unsigned cp;
	size_t len = utf8_len((const unsigned char *)s, n, &cp);

	if (len && (is_bidi_control(cp) || (cp >= 0x80 && cp < 0xa0)))
		return 0;
	return len;
}
