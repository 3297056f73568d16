/* fuzz_scenario.c - the scenario reader on any bytes, against a small
 * framework, and the events it accepts applied to a run. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "load.h"
#include "scenario.h"
#include "validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char framework[] =
	"fwsim: 1\n"
	"framework: {id: f, title: T, source: {publisher: P, date: 2020-01-01, published_in: x}, "
	"start: 2020-01-01}\n"
	"actors: [{id: us, name: U}]\n"
	"facts: [{id: a, description: A, initial: true, inferred: r}]\n"
	"sanctions: [{id: x, description: X, imposed_by: us}]\n"
	"steps:\n"
	"  - {id: s1, number: 1, title: T, text: X, actor: us}\n"
	"  - {id: s2, number: 2, title: T, text: X, actor: us, requires: [s1, a], inferred: r,\n"
	"     window: {after: s1, not_before: 1m, not_after: 2m, inferred: r},\n"
	"     effects: [{lift: x, by: us, inferred: r}]}\n"
	"  - {id: s3, number: 3, title: T, text: X, actor: us, auto: true, requires: s2, inferred: r}\n"
	"guarantees: [{id: g, text: G, during: {from: s1, until: s3}, holds: a}]\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct model m;
	static int loaded;
	struct diags d;
	struct scenario sc;
	struct run r;
	char why[1024];
	size_t i, n;

	if (!loaded) {
		diags_init(&d);
		model_init(&m, "f.yaml");
		if (load_buffer(&m, framework, sizeof(framework) - 1, &yread_default_limits, &d) != 0)
			abort();
		validate_model(&m, &d);
		if (d.errors)
			abort();
		diags_release(&d);
		loaded = 1;
	}
	diags_init(&d);
	if (scenario_load_buffer(&sc, (const char *)data, size, &m, &d) == 0) {
		run_init(&r, &m, m.start);
		for (i = 0; i < sc.n; i++) {
			if (sc.ev[i].wave) {
				uint32_t *ready = run_ready(&r, &n);
				free(ready);
				continue;
			}
			run_apply(&r, &sc.ev[i].ev, why, sizeof(why));
		}
		run_release(&r);
	}
	scenario_release(&sc);
	diags_release(&d);
	return 0;
}
