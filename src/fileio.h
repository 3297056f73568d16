/* fileio.h - reading input files safely.
 *
 * Only regular files are read: a FIFO would block, /dev/zero never ends, a
 * directory is a mistake.  The size limit is checked before reading. */
#ifndef FWSIM_FILEIO_H
#define FWSIM_FILEIO_H

#include <stddef.h>

/* Read PATH whole into a malloc'd buffer (*OUT, *LEN; NUL-terminated).
 * Files larger than MAX bytes are not read: *LEN is set to their size and
 * 1 is returned, so the caller can report it.  Returns 0 on success, 1 for
 * too large, -1 on error with a message in ERR (ERRSIZE bytes). */
int file_read(const char *path, size_t max, char **out, size_t *len, char *err,
	      size_t errsize);

#endif
