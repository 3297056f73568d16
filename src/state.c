/* state.c - state files: strict JSON in, canonical JSON out (cJSON adapter). */
#include "state.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "fileio.h"
#include "load.h"
#include "util.h"


void state_init(struct state *st)
{
	memset(st, 0, sizeof(*st));
}

void state_release(struct state *st)
{
	size_t i;

	for (i = 0; i < st->n; i++)
		free(st->ev[i].ref);
	vec_free(st->ev, st->cap, sizeof(*st->ev));
	free(st->framework);
	free(st->hash);
	state_init(st);
}

struct state_event *state_add(struct state *st, enum event_kind kind, uint32_t batch,
			      const char *ref)
{
	struct state_event *e = VEC_PUSH(st->ev, st->n, st->cap);

	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->batch = batch;
	e->ref = ref ? xstrdup(ref) : NULL;
	return e;
}

uint32_t state_last_batch(const struct state *st)
{
	return st->n ? st->ev[st->n - 1].batch : 0;
}

/* ---- reading -------------------------------------------------------------- */

/* "fwh64:" and 16 hex digits (hash.h), or the "fnv1a64:" of older states,
 * which never matches a framework now: their events are replayed. */
static int is_framework_hash(const char *s)
{
	static const char *const kinds[] = {"fwh64:", "fnv1a64:"};
	size_t k, n;

	for (k = 0; k < sizeof(kinds) / sizeof(*kinds); k++) {
		n = strlen(kinds[k]);
		if (strncmp(s, kinds[k], n) == 0)
			return strlen(s + n) == 16 && strspn(s + n, "0123456789abcdef") == 16;
	}
	return 0;
}

/* cJSON keeps duplicate keys and its plain lookup ignores case: refuse an
 * object with two keys that are equal or differ only in case. */
static int check_keys(const cJSON *obj, const char *where, size_t max, char *err,
		      size_t size)
{
	const cJSON *a, *b;
	size_t n = 0;

	/* Objects of a state hold a handful of keys: more are duplicates or
	 * unknown.  Look for a duplicate among the first MAX + 1 only, so that
	 * a file of a million keys costs no more than one of six. */
	for (a = obj->child; a && n <= max; a = a->next, n++)
		for (b = a->next; b && n <= max; b = b->next)
			if (strcasecmp(a->string, b->string) == 0)
				return fail_with(err, size, "%s: key \"%s\" appears twice", where,
					   b->string);
	if (n > max)
		return fail_with(err, size, "%s: more keys than a state has", where);
	return 0;
}

/* The string at KEY of OBJ, required, without NULs (cJSON cuts a string at
 * \u0000, so compare its length with what the text promised). */
static const char *get_string(const cJSON *obj, const char *key, const char *where,
			      char *err, size_t size)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!v) {
		fail_with(err, size, "%s: \"%s\" is missing", where, key);
		return NULL;
	}
	if (!cJSON_IsString(v) || !v->valuestring) {
		fail_with(err, size, "%s: \"%s\" must be a string", where, key);
		return NULL;
	}
	return v->valuestring;
}

static int read_event(const cJSON *o, size_t i, struct state *st, char *err, size_t size)
{
	static const char *const keys[] = {"complete", "set", "advance", "date"};
	char where[48];
	const cJSON *b, *c;
	const char *s = NULL;
	struct state_event *e;
	int k, found = -1, nkeys = 0;
	double batch;

	snprintf(where, sizeof(where), "events[%zu]", i);
	if (!cJSON_IsObject(o))
		return fail_with(err, size, "%s: must be an object", where);
	if (check_keys(o, where, 3, err, size) < 0)
		return -1;
	for (c = o->child; c; c = c->next) {
		nkeys++;
		for (k = 0; k < 4; k++)
			if (strcmp(c->string, keys[k]) == 0)
				break;
		if (k < 4 && found >= 0)
			return fail_with(err, size, "%s: more than one action", where);
		if (k < 4)
			found = k;
		else if (strcmp(c->string, "batch") != 0 && strcmp(c->string, "value") != 0)
			return fail_with(err, size, "%s: unknown key \"%s\"", where, c->string);
	}
	if (found < 0)
		return fail_with(err, size, "%s: no action (complete, set, advance or date)", where);
	b = cJSON_GetObjectItemCaseSensitive(o, "batch");
	if (!cJSON_IsNumber(b) || (batch = b->valuedouble) < 1 || batch > STATE_MAX_BATCH ||
	    batch != (double)(uint32_t)batch)
		return fail_with(err, size, "%s: \"batch\" must be a whole number from 1", where);
	if (st->n && (uint32_t)batch < st->ev[st->n - 1].batch)
		return fail_with(err, size, "%s: batches go backwards", where);
	if (!(s = get_string(o, keys[found], where, err, size)))
		return -1;
	e = state_add(st, (enum event_kind)found, (uint32_t)batch, NULL);
	switch (found) {
	case EV_COMPLETE:
	case EV_SET:
		if (!id_is_valid(s, strlen(s)))
			return fail_with(err, size, "%s: \"%s\" is not a valid id", where, keys[found]);
		e->ref = xstrdup(s);
		if (found == EV_SET) {
			c = cJSON_GetObjectItemCaseSensitive(o, "value");
			if (!cJSON_IsBool(c))
				return fail_with(err, size, "%s: \"value\" must be true or false", where);
			e->value = cJSON_IsTrue(c);
		} else if (nkeys != 2) {
			return fail_with(err, size, "%s: unexpected \"value\"", where);
		}
		break;
	case EV_ADVANCE:
		if (duration_parse(s, &e->by) < 0 || e->by.n == 0 || nkeys != 2)
			return fail_with(err, size, "%s: \"advance\" must be a duration such as 6m", where);
		break;
	default:
		if (date_parse(s, &e->date) < 0 || nkeys != 2)
			return fail_with(err, size, "%s: \"date\" must be a date YYYY-MM-DD", where);
	}
	return 0;
}

static int read_root(const cJSON *root, struct state *st, char *err, size_t size)
{
	static const char *const known[] = {"fwsim_state", "framework", "framework_hash",
					    "start", "events"};
	const cJSON *v, *c;
	const char *s;
	size_t i = 0, k;

	if (!cJSON_IsObject(root) ||
	    !cJSON_GetObjectItemCaseSensitive(root, "fwsim_state"))
		return fail_with(err, size, "not an fwsim state file");
	if (check_keys(root, "the state", 5, err, size) < 0)
		return -1;
	v = cJSON_GetObjectItemCaseSensitive(root, "fwsim_state");
	/* Compare as doubles: casting 1e10 to int is undefined. */
	if (!cJSON_IsNumber(v) || !(v->valuedouble >= 1) || v->valuedouble > 1e9 ||
	    v->valuedouble != (double)(long)v->valuedouble)
		return fail_with(err, size, "\"fwsim_state\" must be a version number");
	if (v->valuedouble > STATE_VERSION)
		return fail_with(err, size, "state format version %ld is newer than this fwsim "
			   "reads (%d): upgrade fwsim", (long)v->valuedouble, STATE_VERSION);
	for (c = root->child; c; c = c->next) {
		for (k = 0; k < sizeof(known) / sizeof(*known); k++)
			if (strcmp(c->string, known[k]) == 0)
				break;
		if (k == sizeof(known) / sizeof(*known))
			return fail_with(err, size, "unknown key \"%s\"", c->string);
	}
	if (!(s = get_string(root, "framework", "the state", err, size)))
		return -1;
	st->framework = xstrdup(s);
	if (!(s = get_string(root, "framework_hash", "the state", err, size)))
		return -1;
	if (!is_framework_hash(s))
		return fail_with(err, size, "\"framework_hash\" is not a hash fwsim wrote");
	st->hash = xstrdup(s);
	if (!(s = get_string(root, "start", "the state", err, size)))
		return -1;
	if (date_parse(s, &st->start) < 0)
		return fail_with(err, size, "\"start\" must be a date YYYY-MM-DD");
	v = cJSON_GetObjectItemCaseSensitive(root, "events");
	if (!cJSON_IsArray(v))
		return fail_with(err, size, "\"events\" must be a list");
	for (c = v->child; c; c = c->next)
		if (read_event(c, i++, st, err, size) < 0)
			return -1;
	return 0;
}

/* A \u0000 escape would be cut short by cJSON: refuse the file.  Each
 * backslash escapes the next character, so "\\u0000" is no NUL. */
static int has_nul_escape(const char *buf, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i++) {
		if (buf[i] != '\\')
			continue;
		if (buf[i + 1] == 'u' && i + 5 < len && buf[i + 2] == '0' &&
		    buf[i + 3] == '0' && buf[i + 4] == '0' && buf[i + 5] == '0')
			return 1;
		i++; /* skip the escaped character */
	}
	return 0;
}

/* JSON allows only space, tab, CR and LF between tokens, and no raw
 * control character in strings; cJSON skips any byte up to 0x20, and a BOM
 * is no part of JSON. */
static int has_stray_bytes(const char *buf, size_t len)
{
	size_t i;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		return 1;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (c < 0x20 && c != ' ' && c != '\t' && c != '\r' && c != '\n')
			return 1;
	}
	return 0;
}

int state_parse(const char *buf, size_t len, struct state *st, char *err, size_t size)
{
	const char *end = NULL;
	cJSON *root;
	int rc;

	state_init(st);
	if (len == 0)
		return fail_with(err, size, "empty: the state file is corrupted (truncated?)");
	if (memchr(buf, '\0', len) || has_nul_escape(buf, len))
		return fail_with(err, size, "holds a NUL character: not a state file fwsim wrote");
	if (has_stray_bytes(buf, len))
		return fail_with(err, size, "holds control characters or a byte order mark: not a "
			   "state file fwsim wrote");
	/* Require the whole buffer to be one JSON value: cJSON_Parse alone
	 * would accept `{...} xyz` and `{}{}`. */
	root = cJSON_ParseWithLengthOpts(buf, len, &end, 0);
	while (root && end && end < buf + len && strchr(" \t\r\n", *end))
		end++;
	if (!root || end != buf + len) {
		const char *at = root ? end : cJSON_GetErrorPtr();

		cJSON_Delete(root);
		return fail_with(err, size, "not valid JSON (at byte %zu): the state file is "
			   "corrupted (truncated?) or not a state file",
			   at && at >= buf && at <= buf + len ? (size_t)(at - buf) : (size_t)0);
	}
	rc = read_root(root, st, err, size);
	cJSON_Delete(root);
	if (rc < 0)
		state_release(st);
	return rc;
}

enum state_read_result state_read(const char *path, struct state *st, char *err,
				  size_t size)
{
	char ferr[200], *buf;
	size_t len, cap;
	int rc;

	state_init(st);
	errno = 0;
	rc = file_read(path, STATE_MAX, &buf, &len, &cap, ferr, sizeof(ferr));
	if (rc < 0 && errno == ENOENT)
		return STATE_MISSING;
	if (rc < 0) {
		fail_with(err, size, "%s", ferr);
		return STATE_BAD;
	}
	if (rc == 1) {
		fail_with(err, size, "larger than %u bytes: not a state file", STATE_MAX);
		return STATE_BAD;
	}
	rc = state_parse(buf, len, st, err, size);
	file_free(buf, cap);
	return rc < 0 ? STATE_BAD : STATE_OK;
}

/* ---- writing ---------------------------------------------------------------- */

static cJSON *checked(cJSON *item)
{
	if (!item)
		die_oom();
	return item;
}

char *state_format(const struct state *st)
{
	cJSON *root = checked(cJSON_CreateObject()), *list;
	char date[11], by[16], *text, *out;
	size_t i, len;

	checked(cJSON_AddNumberToObject(root, "fwsim_state", STATE_VERSION));
	checked(cJSON_AddStringToObject(root, "framework", st->framework));
	checked(cJSON_AddStringToObject(root, "framework_hash", st->hash));
	date_format(st->start, date);
	checked(cJSON_AddStringToObject(root, "start", date));
	list = checked(cJSON_AddArrayToObject(root, "events"));
	for (i = 0; i < st->n; i++) {
		const struct state_event *e = &st->ev[i];
		cJSON *o = checked(cJSON_CreateObject());

		cJSON_AddItemToArray(list, o);
		checked(cJSON_AddNumberToObject(o, "batch", e->batch));
		switch (e->kind) {
		case EV_COMPLETE:
			checked(cJSON_AddStringToObject(o, "complete", e->ref));
			break;
		case EV_SET:
			checked(cJSON_AddStringToObject(o, "set", e->ref));
			checked(cJSON_AddBoolToObject(o, "value", e->value));
			break;
		case EV_ADVANCE:
			snprintf(by, sizeof(by), "%u%c", e->by.n, e->by.unit);
			checked(cJSON_AddStringToObject(o, "advance", by));
			break;
		case EV_DATE:
			date_format(e->date, date);
			checked(cJSON_AddStringToObject(o, "date", date));
			break;
		}
	}
	text = cJSON_Print(root);
	cJSON_Delete(root);
	if (!text)
		die_oom();
	len = strlen(text);
	out = xmalloc(len + 2);
	memcpy(out, text, len);
	out[len] = '\n';
	out[len + 1] = '\0';
	free(text);
	return out;
}
