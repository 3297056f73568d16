/* fileio.c - open, check and slurp a regular file. */
#define _POSIX_C_SOURCE 200809L
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

int file_open(const char *path, int *fdp, size_t *sizep, char *err, size_t errsize)
{
	struct stat st;
	int fd, flags;

	/* O_NONBLOCK: opening a FIFO with no writer must not hang. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errsize, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		snprintf(err, errsize, "cannot stat: %s", strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode) || !S_ISREG(st.st_mode)) {
		snprintf(err, errsize, S_ISDIR(st.st_mode)
			 ? "is a directory, not a framework file"
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
