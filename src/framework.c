/* framework.c - read, load and validate one framework file. */
#include "framework.h"

#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "load.h"
#include "validate.h"
#include "yamlread.h"

enum fw_status framework_open(struct framework *fw, const char *path, int strict)
{
	const struct yread_limits *lim = &yread_default_limits;
	struct loc top = {1, 1};
	int rc;

	memset(fw, 0, sizeof(*fw));
	model_init(&fw->model, path);
	diags_init(&fw->diags);
	rc = file_read(path, lim->max_file, &fw->buf, &fw->len, &fw->cap, fw->ioerr,
		       sizeof(fw->ioerr));
	if (rc < 0)
		return FW_IOERROR;
	if (rc == 1) {
		diag_add(&fw->diags, D_FILE_TOO_LARGE, top,
			 "file of %zu bytes is larger than the limit of %zu", fw->len,
			 lim->max_file);
		fw->len = 0;
		return FW_INVALID;
	}
	if (load_buffer(&fw->model, fw->buf, fw->len, lim, &fw->diags) == 0) {
		fw->loaded = 1;
		/* Resolving names in a file with broken items would only add
		 * noise about ids that failed to load, so validate anyway but
		 * only what loaded: the model skips the broken fields. */
		validate_model(&fw->model, &fw->diags);
	}
	if (strict)
		diags_make_strict(&fw->diags);
	return fw->diags.errors || !fw->loaded ? FW_INVALID : FW_VALID;
}

void framework_release(struct framework *fw)
{
	model_release(&fw->model);
	diags_release(&fw->diags);
	file_free(fw->buf, fw->cap);
	fw->buf = NULL;
}
