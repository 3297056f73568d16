/* fuzz_state.c - the state-file reader on any bytes; what it accepts must
 * write back to text it reads again the same. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct state st, again;
	char err[512], *text, *text2;

	if (state_parse((const char *)data, size, &st, err, sizeof(err)) < 0)
		return 0;
	/* fwsim never writes a state it cannot read back. */
	text = state_format(&st);
	if (state_parse(text, strlen(text), &again, err, sizeof(err)) < 0)
		abort();
	text2 = state_format(&again);
	if (strcmp(text, text2) != 0)
		abort();
	free(text);
	free(text2);
	state_release(&again);
	state_release(&st);
	return 0;
}
