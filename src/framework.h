/* framework.h - open a framework file: read it, load it, validate it.
 *
 * The one entry point every command uses, so that each sees the same
 * checks and the same limits. */
#ifndef FWSIM_FRAMEWORK_H
#define FWSIM_FRAMEWORK_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* An opened framework file and everything found while opening it. */
struct framework {
	struct model model;
	struct diags diags;
	int loaded;     /* the document parsed: model holds what it says */
	char ioerr[256]; /* set when the file could not be read at all */
};

enum fw_status { FW_VALID = 0, FW_INVALID = 1, FW_IOERROR = 2 };

/* Open PATH.  Returns FW_IOERROR (with ->ioerr) if it could not be read,
 * FW_INVALID if it has errors (in ->diags), FW_VALID otherwise (there may
 * be warnings).  STRICT turns warnings into errors.  Release with
 * framework_release() whatever the result. */
enum fw_status framework_open(struct framework *fw, const char *path, int strict);

void framework_release(struct framework *fw);

#endif
