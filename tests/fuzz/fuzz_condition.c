/* fuzz_condition.c - conditions: the bytes become a step's `requires`. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char head[] =
	"fwsim: 1\n"
	"framework: {id: f, title: T, source: {publisher: P, date: 2020-01-01, published_in: x}}\n"
	"actors: [{id: us, name: U}]\n"
	"facts: [{id: a, description: A, initial: true, inferred: r},"
	" {id: b, description: B, initial: false, inferred: r}]\n"
	"steps:\n"
	"  - {id: s1, number: 1, title: T, text: X, actor: us}\n"
	"  - {id: s2, number: 2, title: T, text: X, actor: us, requires: s1, inferred: r}\n"
	"  - id: s3\n    number: 3\n    title: T\n    text: X\n    actor: us\n    inferred: r\n"
	"    requires: ";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t n = sizeof(head) - 1;
	char *text = malloc(n + size + 2);
	struct model m;
	struct diags d;

	if (!text)
		return 0;
	memcpy(text, head, n);
	memcpy(text + n, data, size);
	text[n + size] = '\n';
	model_init(&m, "fuzz.yaml");
	diags_init(&d);
	if (load_buffer(&m, text, n + size + 1, &yread_default_limits, &d) == 0)
		validate_model(&m, &d);
	diags_release(&d);
	model_release(&m);
	free(text);
	return 0;
}
