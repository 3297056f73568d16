/* session.c - open a framework and its state, lock, replay, save. */
#include "session.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "fileio.h"
#include "idmap.h"
#include "report.h"
#include "util.h"

/* How long a command waits for another fwsim holding the state's lock. */
#define LOCK_WAIT_MS 10000

static void hash_text(uint64_t hash, char *out, size_t size)
{
	snprintf(out, size, "fwh64:%016" PRIx64, hash);
}

int session_event(const struct model *m, const struct state_event *se, struct event *ev,
		  char *why, size_t whysize)
{
	const struct idmap_entry *e;

	memset(ev, 0, sizeof(*ev));
	ev->kind = se->kind;
	ev->value = se->value;
	ev->by = se->by;
	ev->date = se->date;
	if (se->kind != EV_COMPLETE && se->kind != EV_SET)
		return 0;
	e = idmap_get(&m->ids, se->ref);
	if (!e || e->kind != (se->kind == EV_COMPLETE ? K_STEP : K_FACT)) {
		snprintf(why, whysize, "the framework has no %s '%s'",
			 se->kind == EV_COMPLETE ? "step" : "fact", se->ref);
		return -1;
	}
	ev->index = e->index;
	return 0;
}

int session_replay(struct session *s)
{
	const struct model *m = &s->fw.model;
	char why[1024];
	size_t i;

	if (s->have_run)
		run_release(&s->run);
	run_init(&s->run, m, s->st.start);
	s->have_run = 1;
	for (i = 0; i < s->st.n; i++) {
		const struct state_event *se = &s->st.ev[i];
		struct event ev;

		if (session_event(m, se, &ev, why, sizeof(why)) < 0 ||
		    run_apply(&s->run, &ev, why, sizeof(why)) < 0) {
			if (!s->edited) {
				/* Same framework, so the file itself is wrong. */
				fprintf(stderr, "fwsim %s: %s: event %zu (%s%s%s) cannot be "
					"applied: %s; the state file was edited or is corrupt. It "
					"was left as it is; 'fwsim reset' starts over.\n", s->cmd,
					s->state_path, i + 1, event_kind_name(se->kind),
					se->ref ? " " : "", se->ref ? se->ref : "", why);
				return 2;
			}
			fprintf(stderr, "fwsim %s: %s: event %zu (%s%s%s) no longer applies: "
				"%s\nThe framework changed since the state was saved; nothing "
				"was changed. Restore the framework, or start over with 'fwsim "
				"reset' ('fwsim undo' helps only if the event came with the last "
				"step command).\n", s->cmd, s->state_path, i + 1,
				event_kind_name(se->kind), se->ref ? " " : "", se->ref ? se->ref : "",
				why);
			return 1;
		}
	}
	return 0;
}

/* The default state path: output/ID.state.json, creating output/. */
static int default_state_path(struct session *s)
{
	if (mkdir("output", 0777) < 0 && errno != EEXIST) {
		fprintf(stderr, "fwsim %s: cannot create output/: %s (give --state FILE)\n",
			s->cmd, strerror(errno));
		return 2;
	}
	snprintf(s->state_path, sizeof(s->state_path), "output/%s.state.json",
		 s->fw.model.id);
	return 0;
}

static int open_framework(struct session *s, const char *path)
{
	enum fw_status st = framework_open(&s->fw, path, 0);

	if (st == FW_IOERROR) {
		fprintf(stderr, "fwsim %s: %s: %s\n", s->cmd, path, s->fw.ioerr);
		return 2;
	}
	if (st == FW_INVALID) {
		struct file_report r = {.path = path, .excerpts = 1, .diags = &s->fw.diags};

		report_text(stdout, stderr, &r);
		fprintf(stderr, "fwsim %s: %s is not a valid framework; run 'fwsim validate'\n",
			s->cmd, path);
		return 1;
	}
	return 0;
}

/* Are A and B the same file (through links too)? */
static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

int session_open_framework(struct session *s, const char *cmd, const char *path)
{
	memset(s, 0, sizeof(*s));
	s->cmd = cmd;
	s->lock_fd = -1;
	state_init(&s->st);
	return open_framework(s, path);
}

int session_open(struct session *s, const char *cmd, const char *framework_path,
		 const char *state_path, int lock, const day_t *start)
{
	const struct model *m = &s->fw.model;
	char err[512], lockpath[4200], hash[40];
	enum state_read_result rr;
	struct stat st;
	int rc;

	if ((rc = session_open_framework(s, cmd, framework_path)) != 0)
		return rc;
	if (state_path && (!*state_path || strlen(state_path) >= sizeof(s->state_path))) {
		fprintf(stderr, "fwsim %s: --state needs a file name (of fewer than %zu bytes)\n",
			cmd, sizeof(s->state_path));
		return 2;
	}
	if (state_path)
		snprintf(s->state_path, sizeof(s->state_path), "%s", state_path);
	else if ((rc = default_state_path(s)) != 0)
		return rc;
	/* Before any lock file is made beside it: a state is a regular file
	 * or nothing yet, never a device, a FIFO or a directory. */
	if (stat(s->state_path, &st) == 0 && !S_ISREG(st.st_mode)) {
		fprintf(stderr, "fwsim %s: %s is not a regular file%s; it was left as it is\n",
			cmd, s->state_path, S_ISDIR(st.st_mode) ? " but a directory" : "");
		return 2;
	}
	if (same_file(framework_path, s->state_path)) {
		fprintf(stderr, "fwsim %s: the state file %s is the framework file itself; "
			"give another --state\n", cmd, s->state_path);
		return 2;
	}
	if (lock) {
		snprintf(lockpath, sizeof(lockpath), "%s.lock", s->state_path);
		s->lock_fd = lock_acquire(lockpath, LOCK_WAIT_MS, err, sizeof(err));
		if (s->lock_fd < 0) {
			fprintf(stderr, "fwsim %s: %s\n", cmd, err);
			return 2;
		}
	}
	rr = lock & SESSION_NO_STATE ? STATE_MISSING
				     : state_read(s->state_path, &s->st, err, sizeof(err));
	if (rr == STATE_BAD) {
		fprintf(stderr, "fwsim %s: %s: %s; it was left as it is\n", cmd,
			s->state_path, err);
		return 2;
	}
	hash_text(m->hash, hash, sizeof(hash));
	if (rr == STATE_MISSING) {
		s->fresh = 1;
		s->st.framework = xstrdup(m->id);
		s->st.hash = xstrdup(hash);
		if (m->has_start) {
			s->st.start = m->start;
		} else if (start) {
			s->st.start = *start;
		} else {
			fprintf(stderr, "fwsim %s: %s sets no start date: start a run with "
				"'fwsim step %s --date YYYY-MM-DD'\n", cmd, framework_path,
				framework_path);
			return 1;
		}
	} else if (strcmp(s->st.framework, m->id) != 0) {
		fprintf(stderr, "fwsim %s: %s is the state of framework '%s', not '%s'; "
			"it was left as it is\n", cmd, s->state_path, s->st.framework, m->id);
		return 2;
	} else if (strcmp(s->st.hash, hash) != 0) {
		/* Edited since: replay decides whether the events still apply. */
		free(s->st.hash);
		s->st.hash = xstrdup(hash);
		s->edited = 1;
	}
	return lock & (SESSION_NO_STATE | SESSION_NO_REPLAY) ? 0 : session_replay(s);
}

/* Remove temporary files that earlier writers, killed mid-save, left
 * beside the state.  Only a writer holding the lock makes them, and we hold
 * it, so any there now is stale. */
static void remove_stale_temps(const struct session *s)
{
	const char *slash = strrchr(s->state_path, '/');
	const char *base = slash ? slash + 1 : s->state_path;
	char dir[4096], prefix[4200], path[8400];
	size_t plen;
	struct dirent *e;
	DIR *d;

	if (s->lock_fd < 0)
		return;
	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - s->state_path) : 1,
		 slash ? s->state_path : ".");
	if (slash == s->state_path)
		snprintf(dir, sizeof(dir), "/");
	/* Exactly the names file_write_atomic makes: .NAME.fwsim-tmp.XXXXXX */
	snprintf(prefix, sizeof(prefix), ".%s.fwsim-tmp.", base);
	plen = strlen(prefix);
	if (!(d = opendir(dir)))
		return;
	while ((e = readdir(d)))
		if (strncmp(e->d_name, prefix, plen) == 0 && strlen(e->d_name) == plen + 6) {
			snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
			unlink(path);
		}
	closedir(d);
}

int session_save(struct session *s)
{
	char err[512], *text = state_format(&s->st);
	int rc;

	/* Never write a state that fwsim would refuse to read back. */
	if (strlen(text) > STATE_MAX) {
		fprintf(stderr, "fwsim %s: the state would be larger than %u bytes; it was "
			"left as it was ('fwsim reset' starts over)\n", s->cmd, STATE_MAX);
		free(text);
		return 2;
	}
	remove_stale_temps(s);
	rc = file_write_atomic(s->state_path, text, strlen(text), err, sizeof(err));

	free(text);
	if (rc < 0) {
		fprintf(stderr, "fwsim %s: %s; the state was left as it was\n", s->cmd, err);
		return 2;
	}
	return 0;
}

void session_close(struct session *s)
{
	/* Events undo took back sit past st.n: count them in again to free. */
	s->st.n += s->nundone;
	s->nundone = 0;
	if (s->have_run)
		run_release(&s->run);
	state_release(&s->st);
	framework_release(&s->fw);
	lock_release(s->lock_fd);
	s->lock_fd = -1;
}
