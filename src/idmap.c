/* idmap.c - linear probing over a table kept at most half full. */
#include "idmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}

static void idmap_grow(struct idmap *m)
{
	struct idmap_entry *old = m->slots;
	size_t oldcap = m->cap, i;

	m->cap = oldcap ? oldcap * 2 : 16;
	m->slots = big_zalloc(m->cap * sizeof(*m->slots));
	for (i = 0; i < oldcap; i++) {
		size_t j;

		if (!old[i].key)
			continue;
		for (j = old[i].hash & (m->cap - 1); m->slots[j].key; j = (j + 1) & (m->cap - 1))
			;
		m->slots[j] = old[i];
	}
	big_free(old, oldcap * sizeof(*old));
}

void idmap_init(struct idmap *m, size_t expected)
{
	m->slots = NULL;
	m->cap = 0;
	m->n = 0;
	while (m->cap < 16 || m->cap < expected * 2)
		m->cap = m->cap ? m->cap * 2 : 16;
	m->slots = big_zalloc(m->cap * sizeof(*m->slots));
}

void idmap_release(struct idmap *m)
{
	big_free(m->slots, m->cap * sizeof(*m->slots));
	m->slots = NULL;
	m->cap = m->n = 0;
}

struct idmap_entry *idmap_put(struct idmap *m, const char *key, unsigned kind,
			      uint32_t index)
{
	uint32_t h = hash_str(key);
	size_t j;

	if (index >= (1u << 28)) { /* unreachable below the file size limit */
		fputs("fwsim: more than 268 million items in one file\n", stderr);
		exit(2);
	}
	if ((m->n + 1) * 2 > m->cap)
		idmap_grow(m);
	for (j = h & (m->cap - 1); m->slots[j].key; j = (j + 1) & (m->cap - 1))
		if (m->slots[j].hash == h && strcmp(m->slots[j].key, key) == 0)
			return &m->slots[j];
	m->slots[j].key = key;
	m->slots[j].hash = h;
	m->slots[j].kind = kind & 0xf;
	m->slots[j].index = index;
	m->n++;
	return &m->slots[j];
}

void idmap_prefetch(const struct idmap *m, const char *key)
{
	if (m->cap)
		__builtin_prefetch(&m->slots[hash_str(key) & (m->cap - 1)]);
}

const struct idmap_entry *idmap_get(const struct idmap *m, const char *key)
{
	uint32_t h = hash_str(key);
	size_t j;

	if (!m->cap)
		return NULL;
	for (j = h & (m->cap - 1); m->slots[j].key; j = (j + 1) & (m->cap - 1))
		if (m->slots[j].hash == h && strcmp(m->slots[j].key, key) == 0)
			return &m->slots[j];
	return NULL;
}
