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

/* Write LEN bytes of DATA to PATH atomically: a unique temporary file in
 * the same directory, fsync, rename over PATH, fsync of the directory.  A
 * crash leaves either the old file or the new one; a failure leaves the old
 * one and no temporary file.  A symbolic link at PATH is replaced, never
 * written through.  Returns 0, or -1 with a message in ERR. */
int file_write_atomic(const char *path, const char *data, size_t len, char *err,
		      size_t errsize);

/* Take the lock PATH (created if need be), waiting up to TIMEOUT_MS for
 * another holder.  The lock is a separate file because the state file is
 * replaced by rename, which would drop a lock held on it.  Returns the
 * descriptor to give to lock_release, or -1 with a message in ERR. */
int lock_acquire(const char *path, int timeout_ms, char *err, size_t errsize);
void lock_release(int fd);
