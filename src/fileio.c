/* fileio.c - open, check and slurp a regular file. */
#define _DEFAULT_SOURCE /* flock, O_NOFOLLOW */
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

int file_open(const char *path, int *fdp, size_t *sizep, char *err, size_t errsize)
{
	struct stat st;
	int fd, flags;

	/* O_NONBLOCK: opening a FIFO with no writer must not hang. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		int saved = errno; /* callers tell "missing" by errno == ENOENT */

		snprintf(err, errsize, "cannot open: %s", strerror(saved));
		errno = saved;
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		snprintf(err, errsize, "cannot stat: %s", strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode) || !S_ISREG(st.st_mode)) {
		snprintf(err, errsize, S_ISDIR(st.st_mode)
			 ? "is a directory, not a file"
			 : "not a regular file (a device, FIFO or socket)");
		close(fd);
		return -1;
	}
	flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	*fdp = fd;
	*sizep = (size_t)st.st_size;
	return 0;
}

int file_read(const char *path, size_t max, char **out, size_t *len, size_t *cap,
	      char *err, size_t errsize)
{
	size_t size, got = 0;
	char *buf;
	int fd;

	*out = NULL;
	*len = 0;
	*cap = 0;
	if (file_open(path, &fd, &size, err, errsize) < 0)
		return -1;
	if (size > max) {
		*len = size;
		close(fd);
		return 1;
	}
	buf = big_alloc(size + 1);
	/* The file may change size under us: read what is there, up to size. */
	while (got < size) {
		ssize_t r = read(fd, buf + got, size - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			snprintf(err, errsize, "cannot read: %s", strerror(errno));
			big_free(buf, size + 1);
			close(fd);
			return -1;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	buf[got] = '\0';
	*out = buf;
	*len = got;
	*cap = size + 1;
	return 0;
}

void file_free(char *buf, size_t cap)
{
	big_free(buf, cap);
}

/* The directory part of PATH, into DIR (SIZE bytes). */
static void dir_of(const char *path, char *dir, size_t size)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(dir, size, ".");
	else if (slash == path)
		snprintf(dir, size, "/");
	else
		snprintf(dir, size, "%.*s", (int)(slash - path), path);
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

static int write_atomic(const char *path, const char *data, size_t len, char *err,
			size_t errsize);

int file_write_atomic(const char *path, const char *data, size_t len, char *err,
		      size_t errsize)
{
	sigset_t block, old;
	int rc;


	/* Hold off Ctrl-C and kill: the save completes (or never starts) and
	 * no temporary file is left behind; the signal lands right after. */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGQUIT);
	sigprocmask(SIG_BLOCK, &block, &old);
	rc = write_atomic(path, data, len, err, errsize);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rc;
}

static int write_atomic(const char *path, const char *data, size_t len, char *err,
			size_t errsize)
{
	char dir[4096], tmp[4200];
	const char *base = strrchr(path, '/');
	int fd, dfd, saved;
	mode_t mask;
	struct stat old;

	/* A file made read-only is not to be replaced behind the user's back. */
	if (stat(path, &old) == 0 && S_ISREG(old.st_mode) && !(old.st_mode & 0222)) {
		snprintf(err, errsize, "%s is read-only", path);
		return -1;
	}
	dir_of(path, dir, sizeof(dir));
	snprintf(tmp, sizeof(tmp), "%s/.%s.fwsim-tmp.XXXXXX", dir, base ? base + 1 : path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errsize, "cannot create a temporary file in %s: %s", dir,
			 strerror(errno));
		return -1;
	}
	/* mkstemp makes the file 0600: keep the mode of the file it replaces,
	 * or give it the mode a new file would get. */
	if (stat(path, &old) == 0) {
		fchmod(fd, old.st_mode & 07777);
	} else {
		mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		snprintf(err, errsize, "cannot write %s: %s", tmp, strerror(saved));
		return -1;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		saved = errno;
		unlink(tmp);
		snprintf(err, errsize, "cannot replace %s: %s", path, strerror(saved));
		return -1;
	}
	/* Make the rename itself durable. */
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	return 0;
}

int lock_acquire(const char *path, int timeout_ms, char *err, size_t errsize)
{
	struct timespec pause = {0, 20 * 1000 * 1000};
	int fd, waited = 0;

	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0) {
		snprintf(err, errsize, "cannot open the lock file %s: %s", path,
			 strerror(errno));
		return -1;
	}
	while (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			snprintf(err, errsize, "cannot lock %s: %s", path, strerror(errno));
			close(fd);
			return -1;
		}
		if (waited >= timeout_ms) {
			snprintf(err, errsize, "another fwsim has held %s for %d s; try again",
				 path, timeout_ms / 1000);
			close(fd);
			return -1;
		}
		nanosleep(&pause, NULL);
		waited += 20;
	}
	return fd;
}

void lock_release(int fd)
{
	if (fd >= 0)
		close(fd); /* closing drops the flock */
}
