/* validate.h - the checks that need the whole framework.
 *
 * After load_buffer(), validate_model() resolves every reference (setting
 * ref.kind and ref.index), then checks the dependency structure: duplicate
 * ids and numbers, unknown references, windows, cycles, steps that can never
 * become ready, triggers that never fire, sanctions never lifted,
 * contradictory actions and guarantees that never apply.  It runs in time
 * linear in steps plus references on frameworks without cycles. */
#ifndef FWSIM_VALIDATE_H
#define FWSIM_VALIDATE_H

#include "diag.h"
#include "model.h"

void validate_model(struct model *m, struct diags *d);

#endif
