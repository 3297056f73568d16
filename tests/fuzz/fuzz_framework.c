/* fuzz_framework.c - the framework loader and validator on any bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "engine.h"
#include "load.h"
#include "validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct model m;
	struct diags d;

	model_init(&m, "fuzz.yaml");
	diags_init(&d);
	if (load_buffer(&m, (const char *)data, size, &yread_default_limits, &d) == 0) {
		validate_model(&m, &d);
		/* A valid framework must also start a run without trouble. */
		if (d.errors == 0) {
			struct run r;
			size_t n;
			uint32_t *ready;

			run_init(&r, &m, 0);
			ready = run_ready(&r, &n);
			free(ready);
			run_release(&r);
		}
	}
	diags_release(&d);
	model_release(&m);
	return 0;
}
