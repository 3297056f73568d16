/* hash.c - eight bytes per step: h = rotl(h ^ w * K1, 31) * K2, then a final
 * avalanche (the finaliser of MurmurHash3) over the length as well. */
#include "hash.h"

#include <string.h>

#define K1 0x87c37b91114253d5ull
#define K2 0x4cf5ad432745937full

static uint64_t rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static uint64_t mix(uint64_t h, uint64_t w)
{
	return rotl(h ^ (w * K1), 31) * K2;
}

/* A word from 8 bytes, little-endian whatever the machine, so that a
 * state file's hash means the same everywhere. */
static uint64_t word(const unsigned char *b)
{
	uint64_t w;

	memcpy(&w, b, sizeof(w));
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	return w;
}

void hash64_init(struct hash64 *s)
{
	memset(s, 0, sizeof(*s));
	s->h = 0x9e3779b97f4a7c15ull;
}

void hash64_add(struct hash64 *s, const void *p, size_t n)
{
	const unsigned char *b = p;
	uint64_t h;

	s->len += n;
	while (s->ntail && n) { /* finish the word an earlier call began */
		s->tail[s->ntail++] = *b++;
		n--;
		if (s->ntail == 8) {
			s->h = mix(s->h, word(s->tail));
			s->ntail = 0;
		}
	}
	h = s->h;
	for (; n >= 8; b += 8, n -= 8)
		h = mix(h, word(b));
	s->h = h;
	memcpy(s->tail + s->ntail, b, n);
	s->ntail += (unsigned)n;
}

uint64_t hash64_end(const struct hash64 *s)
{
	uint64_t h = s->h;
	unsigned char last[8] = {0};

	if (s->ntail) {
		memcpy(last, s->tail, s->ntail);
		h = mix(h, word(last));
	}
	h ^= s->len;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 33;
	return h;
}

uint64_t hash64(const void *p, size_t n)
{
	struct hash64 s;

	hash64_init(&s);
	hash64_add(&s, p, n);
	return hash64_end(&s);
}
