#!/usr/bin/env bash
# step.sh [SIZES...] - the cost of one `fwsim step` with a single event,
# against `fwsim validate` of the same file (default sizes 10000 100000).
#
# Each run of `fwsim step` starts from no state file, so it loads and
# validates the framework, starts a run (settling every step once), applies
# one event (--complete of the first step), writes the state and prints
# what changed.  Median of 5 interleaved runs; files come from bench/gen.py
# and are cached like bench/run.sh's.
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '| steps | validate s | step s | step/validate | step peak RSS MB |\n'
printf '|---:|---:|---:|---:|---:|\n'
for n in "${SIZES[@]}"; do
	f=$(framework "$n")
	st=$SCRATCH/step-$n.state.json
	v=() s=() rss=0
	for i in 1 2 3 4 5; do
		t0=$(now); "$FWSIM" validate "$f" >/dev/null; t1=$(now)
		v+=($((t1 - t0)))
		rm -f "$st"
		t0=$(now); "$FWSIM" step "$f" --state "$st" --complete 1 >/dev/null; t1=$(now)
		s+=($((t1 - t0)))
		rm -f "$st"
		m=$(/usr/bin/time -f '%M' "$FWSIM" step "$f" --state "$st" --complete 1 2>&1 >/dev/null | tail -1)
		[ "$m" -gt "$rss" ] && rss=$m
	done
	mv=$(printf '%s\n' "${v[@]}" | median)
	ms=$(printf '%s\n' "${s[@]}" | median)
	awk -v n="$n" -v a="$mv" -v b="$ms" -v r="$rss" 'BEGIN {
		printf "| %d | %.3f | %.3f | %.2f | %.1f |\n", n, a / 1e6, b / 1e6, b / a, r / 1024 }'
	rm -f "$st" "$st.lock"
done
