/* util.c - allocation helpers and string distance. */
#define _GNU_SOURCE /* MADV_HUGEPAGE, mremap */
#include "util.h"

#include <sys/mman.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

_Noreturn void die_oom(void)
{
	fputs("fwsim: out of memory\n", stderr);
	exit(2);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		die_oom();
	return p;
}

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		die_oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die_oom();
	return p;
}

char *xstrdup(const char *s)
{
	size_t len = strlen(s) + 1;

	return memcpy(xmalloc(len), s, len);
}

/* Large blocks come straight from mmap, in whole 2 MB units aligned on 2 MB
 * and marked for transparent huge pages.  On a virtual machine each first
 * touch of a 4 KB page is a trap that costs more than parsing the bytes that
 * fill it (touching 64 MB: ~190 ms in 4 KB pages, ~10 ms in huge pages here),
 * and the kernel only backs a range with a huge page when the range is
 * aligned, so the alignment is what makes the advice work. */
#define BIG_BLOCK (2u * 1024 * 1024)
#define HUGE_UNIT ((size_t)2 * 1024 * 1024)

size_t big_size(size_t size)
{
	if (size < BIG_BLOCK)
		return size;
	if (size > SIZE_MAX - 2 * HUGE_UNIT) /* map_huge adds a unit more */
		die_oom();
	return (size + HUGE_UNIT - 1) & ~(HUGE_UNIT - 1);
}

/* SIZE bytes (a multiple of HUGE_UNIT) at an address aligned on HUGE_UNIT:
 * map one unit more and give back the ends. */
static void *map_huge(size_t size)
{
	char *p, *a;
	size_t head;

	p = mmap(NULL, size + HUGE_UNIT, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		die_oom();
	a = (char *)(((uintptr_t)p + HUGE_UNIT - 1) & ~(uintptr_t)(HUGE_UNIT - 1));
	head = (size_t)(a - p);
	if (head)
		munmap(p, head);
	munmap(a + size, HUGE_UNIT - head);
#ifdef MADV_HUGEPAGE
	madvise(a, size, MADV_HUGEPAGE); /* advice only: failure is harmless */
#endif
	return a;
}

void *big_alloc(size_t size)
{
	if (size < BIG_BLOCK)
		return xmalloc(size);
	return map_huge(big_size(size));
}

void *big_zalloc(size_t size)
{
	if (size < BIG_BLOCK)
		return xcalloc(1, size);
	return big_alloc(size); /* fresh mmap memory is zero */
}

void big_free(void *p, size_t size)
{
	if (!p)
		return;
	if (size < BIG_BLOCK)
		free(p);
	else
		munmap(p, big_size(size));
}

/* Grow the mapping P of OLD bytes to NEW (both from big_size), keeping it
 * aligned: in place when the next addresses are free, else by moving its
 * page tables (not its bytes) to a fresh aligned range. */
static void *remap_huge(void *p, size_t old, size_t new)
{
	void *q;

	if (new == old)
		return p;
	q = mremap(p, old, new, 0);
	if (q != MAP_FAILED)
		return q;
	/* Move only the OLD bytes onto the start of the new range: its rest
	 * stays the fresh mapping it is.  (Growing in the same call works too,
	 * but valgrind then takes the grown part for unmapped memory.) */
	q = map_huge(new);
	if (mremap(p, old, old, MREMAP_MAYMOVE | MREMAP_FIXED, q) == MAP_FAILED)
		die_oom();
	return q;
}

void vec_reserve(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t c = *cap ? *cap : 8, old = *cap * elem;
	void *q;

	if (need <= *cap)
		return;
	while (c < need) {
		if (c > SIZE_MAX / 2 / elem)
			die_oom();
		c *= 2;
	}
	/* Large vectors live in their own mapping and grow with mremap, so
	 * doubling a 100 MB array of steps moves page tables, not bytes. */
	if (old >= BIG_BLOCK) {
		q = remap_huge(*p, big_size(old), big_size(c * elem));
	} else if (c * elem >= BIG_BLOCK) {
		q = big_alloc(c * elem);
		if (old)
			memcpy(q, *p, old);
		free(*p);
	} else {
		q = xrealloc(*p, c * elem);
	}
	*p = q;
	*cap = c;
}

void vec_free(void *p, size_t cap, size_t elem)
{
	big_free(p, cap * elem);
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list cp;
	int len;
	char *s;

	va_copy(cp, ap);
	len = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (len < 0)
		die_oom();
	s = xmalloc((size_t)len + 1);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	return s;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

int fail_with(char *err, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, size, fmt, ap);
	va_end(ap);
	return -1;
}

size_t edit_distance(const char *a, const char *b, size_t limit)
{
	size_t la = strlen(a), lb = strlen(b), row[65], i, j;

	/* Names longer than 64 bytes are ids we reject anyway. */
	if (la > 64 || lb > 64)
		return limit + 1;
	if ((la > lb ? la - lb : lb - la) > limit)
		return limit + 1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0], best;

		row[0] = i;
		best = row[0];
		for (j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = diag + (a[i - 1] != b[j - 1]);

			if (row[j] + 1 < cost)
				cost = row[j] + 1;
			if (row[j - 1] + 1 < cost)
				cost = row[j - 1] + 1;
			row[j] = cost;
			diag = up;
			if (cost < best)
				best = cost;
		}
		if (best > limit)
			return limit + 1;
	}
	return row[lb];
}

const char *closest_name(const char *word, const char *const *names, size_t n)
{
	size_t len = strlen(word), limit = len < 4 ? 1 : 2, best = limit + 1, i;
	const char *pick = NULL;

	if (len < 2)
		return NULL;
	for (i = 0; i < n; i++) {
		size_t d = edit_distance(word, names[i], limit);

		if (d < best && d * 2 < len) {
			best = d;
			pick = names[i];
		}
	}
	return pick;
}
