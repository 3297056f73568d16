# common.sh - sourced by bench/graph.sh and bench/step.sh: where things are,
# a clock, and the generated framework files they share with bench/run.sh.
set -euo pipefail
export LC_ALL=C
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FWSIM=${FWSIM:-$ROOT/build/fwsim}
SCRATCH=${TMPDIR:-/tmp}/fwsim-bench
mkdir -p "$SCRATCH"
GENHASH=$(sha256sum "$ROOT/bench/gen.py" | cut -c1-10)

# Microseconds since the epoch.
now() { echo "${EPOCHREALTIME/./}"; }

# framework N -> the path of the seed-1 framework with N steps, named as
# bench/run.sh names it, generated if missing.  Written to a .part file and
# renamed, so an interrupted run never leaves a short file to be reused.
framework() {
	local f=$SCRATCH/fw-$1-seed1-$GENHASH.yaml
	if [ ! -s "$f" ]; then
		/usr/bin/python3 "$ROOT/bench/gen.py" "$1" --seed 1 >"$f.part" 2>/dev/null
		mv "$f.part" "$f"
	fi
	echo "$f"
}
