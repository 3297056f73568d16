/* fileio.h - reading input files safely.
 *
 * Only regular files are read: a FIFO would block, /dev/zero never ends, a
 * directory is a mistake.  The size limit is checked before reading. */
#ifndef FWSIM_FILEIO_H
#define FWSIM_FILEIO_H

#include <stddef.h>

/* Read PATH whole into a buffer (*OUT, *LEN; NUL-terminated) that must be
 * freed with file_free(*OUT, *CAP).
 * Files larger than MAX bytes are not read: *LEN is set to their size and
 * 1 is returned, so the caller can report it.  Returns 0 on success, 1 for
 * too large, -1 on error with a message in ERR (ERRSIZE bytes). */
int file_read(const char *path, size_t max, char **out, size_t *len, size_t *cap,
	      char *err, size_t errsize);

void file_free(char *buf, size_t cap);

/* Open PATH for reading if it is a regular file: *FD and its *SIZE.
 * Returns 0, or -1 with a message in ERR. */
int file_open(const char *path, int *fd, size_t *size, char *err, size_t errsize);

#endif
