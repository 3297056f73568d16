/* yamlread.c - stream libyaml events into checked node trees. */
#include "yamlread.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "hash.h"
#include "util.h"

const struct yread_limits yread_default_limits = {
	.max_file = 256u * 1024 * 1024,
	.max_scalar = 1024u * 1024,
	.max_depth = 64,
};

/* An open collection. */
struct frame {
	struct node *node;
	size_t first_kid; /* index into reader.kids where its children start */
	int streams;      /* a root-key sequence whose items go to the callback */
	const struct node *key; /* for streams: the root key naming it */
	size_t streamed;  /* for streams: items handed out so far */
};

struct reader {
	struct yread_source *src;
	size_t pos;        /* bytes of the source read so far */
	int input_error;   /* the read handler stopped: NUL, size, I/O */
	const struct yread_limits *lim;
	struct arena *doc;
	struct arena *keep;        /* scalar values, or NULL: with the nodes */
	/* Streamed items are built in one scratch arena while the previous
	 * item waits in the other: an item is handed out only once the next
	 * one (or the end of its list) parsed, so a syntax error just after
	 * an item does not get the half-read item checked as if complete. */
	struct arena scratch[2];
	int cur;                   /* the arena new items are built in */
	struct node *pending;      /* a finished item not yet handed out */
	struct diags *d;
	yread_item_fn *fn;
	void *ctx;
	struct frame *stack;
	size_t depth, stack_cap;
	struct node **kids; /* children of open collections, innermost last */
	size_t nkids, kids_cap;
	struct node *root;
	struct loc doc_loc; /* where the (first) document starts */
	int docs;
	size_t skip; /* bytes of byte order mark not given to libyaml */
	struct hash64 hash; /* of every byte read */
};

/* libyaml's marks are 0-based; ours are 1-based. */
static struct loc mark_loc(const struct reader *r, yaml_mark_t m)
{
	struct loc l = {(uint32_t)m.line + 1, (uint32_t)m.column + 1};

	(void)r;
	return l;
}

/* Sequential reading of a source from its start, for the error paths that
 * need to turn an offset into a position or the other way round. */
struct cursor {
	const struct yread_source *src;
	char block[16384];
	size_t base, n, i; /* block holds bytes [base, base + n); i is next */
};

/* The next byte, or -1 at the end. */
static int cursor_next(struct cursor *c)
{
	if (c->i == c->n) {
		ssize_t got;

		c->base += c->n;
		c->i = 0;
		if (c->src->buf) {
			size_t left = c->base < c->src->len ? c->src->len - c->base : 0;

			c->n = left < sizeof(c->block) ? left : sizeof(c->block);
			memcpy(c->block, c->src->buf + c->base, c->n);
		} else {
			do
				got = pread(c->src->fd, c->block, sizeof(c->block), (off_t)c->base);
			while (got < 0 && errno == EINTR);
			c->n = got > 0 ? (size_t)got : 0;
		}
		if (c->n == 0)
			return -1;
	}
	return (unsigned char)c->block[c->i++];
}

/* Start at the beginning of SRC, past a UTF-8 BOM (libyaml does not count
 * it in positions).  Returns the number of bytes skipped. */
static size_t cursor_init(struct cursor *c, const struct yread_source *src)
{
	int b0, b1, b2;

	c->src = src;
	c->base = c->n = c->i = 0;
	b0 = cursor_next(c);
	b1 = cursor_next(c);
	b2 = cursor_next(c);
	if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf)
		return 3;
	c->base = c->n = c->i = 0; /* no BOM: read again from the start */
	return 0;
}

/* Is CH, after PREV, the end of a line?  CR, LF and CRLF (counted once). */
static int is_break(int ch, int prev)
{
	return ch == '\r' || (ch == '\n' && prev != '\r');
}

struct loc yread_offset_loc(const struct yread_source *src, size_t offset)
{
	struct cursor c;
	struct loc l = {1, 1};
	size_t pos = cursor_init(&c, src);
	int ch, prev = 0;

	while (pos < offset && (ch = cursor_next(&c)) >= 0) {
		if (is_break(ch, prev)) {
			l.line++;
			l.col = 1;
		} else if (ch != '\n' && (ch & 0xc0) != 0x80) {
			l.col++;
		}
		prev = ch;
		pos++;
	}
	return l;
}

/* The first byte of the character at LOC, or -1 if there is none. */
static int byte_at(const struct yread_source *src, struct loc loc)
{
	struct cursor c;
	uint32_t line = 1, col = 0;
	int ch, prev = 0;

	cursor_init(&c, src);
	while ((ch = cursor_next(&c)) >= 0) {
		if (line == loc.line && ch != '\r' && ch != '\n' &&
		    (ch & 0xc0) != 0x80 && ++col == loc.col)
			return ch;
		if (is_break(ch, prev) && ++line > loc.line)
			return -1;
		prev = ch;
	}
	return -1;
}

int yread_is_null(const struct node *n)
{
	static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
	size_t i;

	if (n->kind != NODE_SCALAR || !n->plain)
		return 0;
	for (i = 0; i < sizeof(nulls) / sizeof(*nulls); i++)
		if (strcmp(n->str, nulls[i]) == 0)
			return 1;
	return 0;
}

/* Where new nodes go: the scratch arena while inside a streamed item. */
static struct arena *cur_arena(struct reader *r)
{
	return (r->depth >= 2 && r->stack[1].streams) ? &r->scratch[r->cur] : r->doc;
}

static struct node *new_node(struct reader *r, enum node_kind kind, struct loc loc)
{
	struct node *n = arena_zalloc(cur_arena(r), sizeof(*n));

	n->kind = kind;
	n->loc = loc;
	return n;
}

static void check_tag(struct reader *r, const yaml_char_t *tag, struct loc loc)
{
	static const char core[] = "tag:yaml.org,2002:";
	const char *t = (const char *)tag;
	char shown[80];

	if (!tag)
		return;
	/* Show the tag as it is usually written: !!str, not its expansion. */
	if (strncmp(t, core, sizeof(core) - 1) == 0)
		snprintf(shown, sizeof(shown), "!!%s", t + sizeof(core) - 1);
	else
		snprintf(shown, sizeof(shown), "%s", t);
	diag_add(r->d, D_YAML_TAG, loc,
		 "tag %s is not allowed: fwsim reads plain YAML only", q(shown));
}

/* Reject control characters that could reach a terminal; libyaml already
 * refuses raw ones in the input, but escapes such as "\e" get through. */
static int check_scalar_text(struct reader *r, const char *s, size_t len,
			     struct loc loc)
{
	size_t i;

	if (memchr(s, '\0', len)) {
		diag_add(r->d, D_ENCODING, loc, "NUL character in string");
		return -1;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f ||
		    (c == 0xc2 && i + 1 < len &&
		     (unsigned char)s[i + 1] >= 0x80 &&
		     (unsigned char)s[i + 1] < 0xa0)) {
			diag_add(r->d, D_ENCODING, loc,
				 "control character in string %s", qn(s, len));
			return -1;
		}
	}
	return 0;
}

/* Is the node about to be attached a mapping key? */
static int is_key(const struct reader *r)
{
	const struct frame *top = r->depth ? &r->stack[r->depth - 1] : NULL;

	return top && top->node->kind == NODE_MAP && (r->nkids - top->first_kid) % 2 == 0;
}

static struct node *scalar_node(struct reader *r, const yaml_event_t *ev)
{
	struct loc loc = mark_loc(r, ev->start_mark);
	const char *s = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	struct node *n = new_node(r, NODE_SCALAR, loc);

	check_tag(r, ev->data.scalar.tag, loc);
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (len > r->lim->max_scalar) {
		diag_add(r->d, D_SCALAR_TOO_LONG, loc,
			 "string of %zu bytes is longer than the limit of %zu",
			 len, r->lim->max_scalar);
		n->poisoned = 1;
		len = 0;
	} else if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
		   check_scalar_text(r, s, len, loc) < 0) {
		/* Only escapes can make NUL or control characters: libyaml
		 * refuses them raw, and the read handler refuses raw NULs. */
		n->poisoned = 1;
		len = 0;
	}
	/* Values go where the caller keeps them; keys are only compared. */
	n->str = arena_strndup(is_key(r) || !r->keep ? cur_arena(r) : r->keep, s, len);
	n->len = len;
	return n;
}

static int key_cmp(const void *pa, const void *pb)
{
	const struct node *a = *(struct node *const *)pa;
	const struct node *b = *(struct node *const *)pb;
	int c;

	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	c = memcmp(a->str, b->str, a->len);
	if (c)
		return c;
	/* Equal keys: keep file order so the later one is reported. */
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	return a->loc.col < b->loc.col ? -1 : a->loc.col > b->loc.col;
}

static void report_dup(struct reader *r, const struct node *first,
		       const struct node *again)
{
	diag_add(r->d, D_DUPLICATE_KEY, again->loc,
		 "duplicate key %s (first at line %u)", qn(again->str, again->len),
		 first->loc.line);
}

/* Keys must be scalars and unique.  Small mappings (every mapping of the
 * format) are checked pairwise; large ones by sorting, to stay O(n log n). */
static void check_keys(struct reader *r, struct node *map)
{
	size_t n = map->n, i, j;
	struct node **keys;

	for (i = 0; i < n; i++) {
		const struct node *k = map->kids[2 * i];

		if (k->kind != NODE_SCALAR)
			diag_add(r->d, D_WRONG_TYPE, k->loc,
				 "mapping keys must be plain strings");
	}
	if (n <= 16) {
		for (i = 1; i < n; i++)
			for (j = 0; j < i; j++) {
				const struct node *a = map->kids[2 * j];
				const struct node *b = map->kids[2 * i];

				if (a->kind == NODE_SCALAR && b->kind == NODE_SCALAR &&
				    a->len == b->len && !a->poisoned &&
				    memcmp(a->str, b->str, a->len) == 0) {
					report_dup(r, a, b);
					break;
				}
			}
		return;
	}
	keys = xmalloc(n * sizeof(*keys));
	for (i = j = 0; i < n; i++)
		if (map->kids[2 * i]->kind == NODE_SCALAR && !map->kids[2 * i]->poisoned)
			keys[j++] = map->kids[2 * i];
	qsort(keys, j, sizeof(*keys), key_cmp);
	for (i = 1; i < j; i++) {
		size_t f = i - 1;

		while (i < j && keys[i]->len == keys[f]->len &&
		       memcmp(keys[i]->str, keys[f]->str, keys[f]->len) == 0)
			report_dup(r, keys[f], keys[i++]);
	}
	free(keys);
}

/* Hand the waiting item of streamed list F to the callback, and free it. */
static void flush_pending(struct reader *r, struct frame *f)
{
	if (!r->pending)
		return;
	r->fn(r->ctx, f->key, f->streamed++, r->pending);
	r->pending = NULL;
	arena_reset(&r->scratch[r->cur ^ 1]);
}

/* Give a finished node to its parent, or to the callback if the parent is
 * a streamed root-key sequence. */
static void attach(struct reader *r, struct node *n)
{
	struct frame *top;

	if (r->depth == 0) {
		r->root = n;
		return;
	}
	top = &r->stack[r->depth - 1];
	if (top->streams) {
		flush_pending(r, top);
		r->pending = n;
		r->cur ^= 1;
		return;
	}
	*VEC_PUSH(r->kids, r->nkids, r->kids_cap) = n;
}

static int open_collection(struct reader *r, const yaml_event_t *ev,
			   enum node_kind kind)
{
	struct loc loc = mark_loc(r, ev->start_mark);
	struct frame *f;
	struct node *n;

	if (r->depth >= r->lim->max_depth) {
		diag_add(r->d, D_YAML_DEPTH, loc,
			 "nesting deeper than %u levels", r->lim->max_depth);
		return -1;
	}
	check_tag(r, kind == NODE_MAP ? ev->data.mapping_start.tag
				      : ev->data.sequence_start.tag, loc);
	n = new_node(r, kind, loc);
	vec_reserve((void **)&r->stack, &r->stack_cap, r->depth + 1, sizeof(*r->stack));
	f = &r->stack[r->depth];
	memset(f, 0, sizeof(*f));
	f->node = n;
	f->first_kid = r->nkids;
	/* A sequence that is the value of a root-mapping key streams. */
	if (kind == NODE_SEQ && r->depth == 1 && r->stack[0].node->kind == NODE_MAP &&
	    (r->nkids - r->stack[0].first_kid) % 2 == 1 && r->fn) {
		f->streams = 1;
		f->key = r->kids[r->nkids - 1];
	}
	r->depth++;
	return 0;
}

static void close_collection(struct reader *r)
{
	struct frame *f = &r->stack[r->depth - 1];
	struct node *n = f->node;
	size_t count = r->nkids - f->first_kid;

	if (f->streams) {
		flush_pending(r, f);
		n->n = (uint32_t)f->streamed;
	} else {
		n->kids = arena_memdup(cur_arena(r), r->kids + f->first_kid, count,
				       sizeof(*r->kids));
		n->n = (uint32_t)(n->kind == NODE_MAP ? count / 2 : count);
		r->nkids = f->first_kid;
	}
	r->depth--;
	if (n->kind == NODE_MAP)
		check_keys(r, n);
	attach(r, n);
}

static void report_parser_error(struct reader *r, yaml_parser_t *p)
{
	struct loc loc;
	const char *problem = p->problem ? p->problem : "malformed YAML";
	enum diag_code code = D_YAML_SYNTAX;

	if (r->input_error)
		return; /* the read handler said why it stopped */
	if (p->error == YAML_READER_ERROR) {
		loc = yread_offset_loc(r->src, p->problem_offset + r->skip);
		code = D_ENCODING;
		diag_add(r->d, code, loc, "%s (byte 0x%02x at offset %zu)", problem,
			 (unsigned)p->problem_value & 0xff, p->problem_offset + r->skip);
		return;
	}
	if (p->error == YAML_MEMORY_ERROR)
		die_oom();
	/* An unclosed quote or bracket is noticed far from where it opened,
	 * often at the end of the file: point at the opening instead. */
	loc = mark_loc(r, p->problem_mark);
	if (p->context && p->context_mark.line < p->problem_mark.line &&
	    (strstr(p->context, "quoted scalar") || strstr(p->context, "flow "))) {
		struct loc seen = loc;

		loc = mark_loc(r, p->context_mark);
		diag_add(r->d, code, loc, "%s %s that starts here (noticed at line %u, column %u)",
			 problem, p->context, seen.line, seen.col);
		return;
	}
	if (byte_at(r->src, loc) == '\t')
		diag_add(r->d, code, loc, "%s%s%s (tabs may not indent YAML; use spaces)",
			 problem, p->context ? " " : "", p->context ? p->context : "");
	else
		diag_add(r->d, code, loc, "%s%s%s", problem, p->context ? " " : "",
			 p->context ? p->context : "");
}

/* Handle one event.  Returns 1 to go on, 0 at the end, -1 to stop. */
static int on_event(struct reader *r, const yaml_event_t *ev)
{
	struct loc loc = mark_loc(r, ev->start_mark);

	switch (ev->type) {
	case YAML_STREAM_START_EVENT:
	case YAML_DOCUMENT_END_EVENT:
		return 1;
	case YAML_STREAM_END_EVENT:
		return 0;
	case YAML_DOCUMENT_START_EVENT:
		if (r->docs++ == 0) {
			r->doc_loc = loc;
			return 1;
		}
		diag_add(r->d, D_YAML_MULTIDOC, loc,
			 "a second YAML document: a framework file holds exactly one");
		return -1;
	case YAML_ALIAS_EVENT: {
		struct node *n = new_node(r, NODE_SCALAR, loc);

		diag_add(r->d, D_YAML_ALIAS, loc,
			 "alias %s: aliases are not allowed in framework files",
			 q((const char *)ev->data.alias.anchor));
		n->str = "";
		n->poisoned = 1;
		attach(r, n);
		return 1;
	}
	case YAML_SCALAR_EVENT:
		attach(r, scalar_node(r, ev));
		return 1;
	case YAML_SEQUENCE_START_EVENT:
		return open_collection(r, ev, NODE_SEQ) < 0 ? -1 : 1;
	case YAML_MAPPING_START_EVENT:
		return open_collection(r, ev, NODE_MAP) < 0 ? -1 : 1;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		close_collection(r);
		return 1;
	case YAML_NO_EVENT:
		break;
	}
	return -1;
}

/* Stop reading: report at byte OFFSET why, and make libyaml fail. */
static int input_stop(struct reader *r, enum diag_code code, size_t offset,
		      const char *msg)
{
	diag_add(r->d, code, yread_offset_loc(r->src, offset), "%s", msg);
	r->input_error = 1;
	return 0;
}

/* libyaml's read handler: the next bytes of the source, checked for what
 * libyaml cannot check for us (a UTF-16 encoding, NUL bytes, the size
 * limit).  Streaming keeps a large file out of memory. */
static int read_handler(void *data, unsigned char *buf, size_t size, size_t *got)
{
	struct reader *r = data;
	struct yread_source *src = r->src;
	ssize_t n;
	const char *nul;

	if (src->buf) {
		n = (ssize_t)(src->len - r->pos < size ? src->len - r->pos : size);
		memcpy(buf, src->buf + r->pos, (size_t)n);
	} else {
		do
			n = read(src->fd, buf, size);
		while (n < 0 && errno == EINTR);
		if (n < 0) {
			char msg[160];

			snprintf(msg, sizeof(msg), "cannot read the file: %s", strerror(errno));
			return input_stop(r, D_ENCODING, r->pos, msg);
		}
	}
	hash64_add(&r->hash, buf, (size_t)n);
	if (r->pos == 0 && n >= 2 && ((buf[0] == 0xff && buf[1] == 0xfe) ||
				     (buf[0] == 0xfe && buf[1] == 0xff)))
		return input_stop(r, D_ENCODING, 0, "UTF-16 text: save the file as UTF-8");
	if (r->pos == 0 && n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		/* With the encoding set, libyaml would read a BOM as text. */
		memmove(buf, buf + 3, (size_t)n - 3);
		n -= 3;
		r->pos = r->skip = 3;
	}
	nul = memchr(buf, '\0', (size_t)n);
	if (nul)
		return input_stop(r, D_ENCODING, r->pos + (size_t)(nul - (char *)buf),
				  "NUL byte in file: a framework is UTF-8 text");
	r->pos += (size_t)n;
	if (r->pos > r->lim->max_file) {
		char msg[160];

		snprintf(msg, sizeof(msg), "file larger than the limit of %zu bytes",
			 r->lim->max_file);
		r->pos = 0;
		return input_stop(r, D_FILE_TOO_LARGE, 0, msg);
	}
	*got = (size_t)n;
	return 1;
}

static struct node *finish(struct reader *r, int status)
{
	struct node *root = status < 0 ? NULL : r->root;
	struct loc top = {1, 1};

	if (status >= 0 && (!root || yread_is_null(root))) {
		/* An explicit `---` or a `~` has a place; an empty file has not. */
		if (root)
			top = root->plain && root->len ? root->loc : r->doc_loc;
		diag_add(r->d, D_EMPTY_DOCUMENT, top,
			 "empty file: it holds no YAML document");
		root = NULL;
	}
	vec_free(r->stack, r->stack_cap, sizeof(*r->stack));
	vec_free(r->kids, r->kids_cap, sizeof(*r->kids));
	arena_release(&r->scratch[0]);
	arena_release(&r->scratch[1]);
	return root;
}

struct node *yread_parse(struct yread_source *src,
			 const struct yread_limits *lim, struct arena *doc,
			 struct arena *keep, struct diags *d, yread_item_fn *fn,
			 void *ctx)
{
	struct reader r = {.src = src, .lim = lim, .doc = doc, .keep = keep, .d = d,
			   .fn = fn, .ctx = ctx};
	yaml_parser_t parser;
	yaml_event_t ev;
	int status = 1;

	arena_init(&r.scratch[0]);
	arena_init(&r.scratch[1]);
	hash64_init(&r.hash);
	if (!yaml_parser_initialize(&parser))
		die_oom();
	yaml_parser_set_input(&parser, read_handler, &r);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (status > 0) {
		if (!yaml_parser_parse(&parser, &ev)) {
			report_parser_error(&r, &parser);
			status = -1;
			break;
		}
		status = on_event(&r, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	src->hash = hash64_end(&r.hash);
	return finish(&r, status);
}

struct node *yread_parse_buffer(const char *buf, size_t len,
				const struct yread_limits *lim, struct arena *doc,
				struct diags *d, yread_item_fn *fn, void *ctx)
{
	struct yread_source src = {.buf = buf, .len = len, .fd = -1};

	return yread_parse(&src, lim, doc, NULL, d, fn, ctx);
}
