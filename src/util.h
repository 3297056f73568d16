/* util.h - allocation that cannot fail, growable vectors, small string helpers. */
#ifndef FWSIM_UTIL_H
#define FWSIM_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

/* Print "fwsim: out of memory" and exit with status 2. */
_Noreturn void die_oom(void);

/* malloc/realloc/calloc that exit on failure (tmux's xmalloc). */
void *xmalloc(size_t size);
void *xrealloc(void *p, size_t size);
void *xcalloc(size_t n, size_t size);
char *xstrdup(const char *s);

/* A block of SIZE bytes for a large buffer (an arena chunk, a file), freed
 * only with big_free(P, SIZE).  Never NULL. */
void *big_alloc(size_t size);
void *big_zalloc(size_t size); /* zero-filled; freed with big_free too */
void big_free(void *p, size_t size);

/* The bytes big_alloc(SIZE) really provides: SIZE, or SIZE rounded up to
 * whole 2 MB units for a mapped block.  An arena fills all of them. */
size_t big_size(size_t size);

/* Grow *P (an array of ELEM-byte items with *CAP slots) so that it holds at
 * least NEED items. Capacity doubles, so appends are amortised O(1). */
void vec_reserve(void **p, size_t *cap, size_t need, size_t elem);

/* Free a vector grown by vec_reserve (CAP items of ELEM bytes). */
void vec_free(void *p, size_t cap, size_t elem);

/* Append one item to a vector declared as T *v; size_t n, cap. */
#define VEC_PUSH(v, n, cap) \
	(vec_reserve((void **)&(v), &(cap), (n) + 1, sizeof(*(v))), &(v)[(n)++])

/* vsnprintf into a fresh malloc'd string. */
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Format a message into ERR (SIZE bytes) and return -1, for functions
 * that fail with a reason. */
int fail_with(char *err, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Levenshtein distance of A and B, or LIMIT + 1 once it exceeds LIMIT. */
size_t edit_distance(const char *a, const char *b, size_t limit);

/* Best "did you mean" candidate for WORD among N names (NULL if none is
 * close enough: distance at most 2, and less than half of WORD's length). */
const char *closest_name(const char *word, const char *const *names, size_t n);

#endif
