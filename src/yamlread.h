/* yamlread.h - the one adapter over libyaml: events in, a checked node tree out.
 *
 * The reader streams libyaml events and builds small trees of nodes while
 * enforcing what libyaml does not: a nesting limit (checked while streaming,
 * so a 100k-deep document stops after 65 events), no aliases, no tags, no
 * duplicate keys, one document, no NUL or control characters in scalars.
 *
 * To keep memory proportional to the model rather than to the document, the
 * items of a sequence that is the value of a root-mapping key (the entries of
 * `steps:`, `facts:`, ...) are not kept: each is built in a scratch arena,
 * handed to a callback, and forgotten.  Everything else is built in the
 * caller's arena and returned. */
#ifndef FWSIM_YAMLREAD_H
#define FWSIM_YAMLREAD_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"

enum node_kind { NODE_SCALAR, NODE_SEQ, NODE_MAP };

struct node {
	enum node_kind kind;
	struct loc loc;     /* where the node starts */
	uint8_t plain;      /* SCALAR: written without quotes or block style */
	uint8_t poisoned;   /* already reported as broken: accept silently */
	uint32_t n;         /* SEQ: item count; MAP: pair count */
	const char *str;    /* SCALAR: the value, NUL-terminated */
	size_t len;         /* SCALAR: its length in bytes */
	struct node **kids; /* SEQ: n items; MAP: 2n nodes, key then value */
};

struct yread_limits {
	size_t max_file;   /* bytes */
	size_t max_scalar; /* bytes in one scalar */
	unsigned max_depth; /* nested collections */
};

/* The documented defaults (docs/FORMAT.md, "Limits"). */
extern const struct yread_limits yread_default_limits;

/* Called for each streamed item: KEY is the root-mapping key whose sequence
 * holds it, INDEX its position.  ITEM lives until the callback returns. */
typedef void yread_item_fn(void *ctx, const struct node *key, size_t index,
			   const struct node *item);

/* Where the bytes come from: a buffer (BUF, LEN) or, when BUF is NULL, an
 * open file FD read from its start.  The file is streamed, never held in
 * memory whole; error paths read it again with pread() to place problems. */
struct yread_source {
	const char *buf;
	size_t len;
	int fd;
	uint64_t hash;   /* OUT: hash64 (hash.h) of every byte read */
};

/* Parse SRC (any content) and return the root node, allocated in DOC, or
 * NULL if the document is unusable (syntax error, empty, ...).  The text of
 * scalar values (not keys) goes to KEEP if it is not NULL, so that a caller
 * building a model from them need not copy them again.  All problems go to
 * D; the reader never stops at the first recoverable one. */
struct node *yread_parse(struct yread_source *src,
			 const struct yread_limits *lim, struct arena *doc,
			 struct arena *keep, struct diags *d, yread_item_fn *fn,
			 void *ctx);

/* yread_parse of LEN bytes at BUF. */
struct node *yread_parse_buffer(const char *buf, size_t len,
				const struct yread_limits *lim, struct arena *doc,
				struct diags *d, yread_item_fn *fn, void *ctx);

/* Is S (LEN bytes) a YAML null when plain: empty, "~", "null", "Null", "NULL"? */
int yread_is_null(const struct node *n);

/* Location (1-based line, character column) of byte OFFSET of SRC. */
struct loc yread_offset_loc(const struct yread_source *src, size_t offset);

#endif
