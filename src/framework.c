/* framework.c - read, load and validate one framework file. */
#include "framework.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "load.h"
#include "validate.h"
#include "yamlread.h"

enum fw_status framework_open(struct framework *fw, const char *path, int strict)
{
	const struct yread_limits *lim = &yread_default_limits;
	struct yread_source src = {.buf = NULL, .len = 0, .fd = -1};
	struct loc top = {1, 1};
	size_t size;

	memset(fw, 0, sizeof(*fw));
	model_init(&fw->model, path);
	diags_init(&fw->diags);
	if (file_open(path, &src.fd, &size, fw->ioerr, sizeof(fw->ioerr)) < 0)
		return FW_IOERROR;
	if (size > lim->max_file) {
		diag_add(&fw->diags, D_FILE_TOO_LARGE, top,
			 "file of %zu bytes is larger than the limit of %zu", size,
			 lim->max_file);
	} else {
		model_expect(&fw->model, size);
		if (load_source(&fw->model, &src, lim, &fw->diags) == 0)
			fw->loaded = 1;
	}
	if (fw->loaded)
		validate_model(&fw->model, &fw->diags);
	close(src.fd);
	if (strict)
		diags_make_strict(&fw->diags);
	return fw->diags.errors || !fw->loaded ? FW_INVALID : FW_VALID;
}

void framework_release(struct framework *fw)
{
	model_release(&fw->model);
	diags_release(&fw->diags);
}
