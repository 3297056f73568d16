#!/usr/bin/env bash
# graph.sh [SIZES...] - time `fwsim graph` to DOT and to SVG (default sizes
# 1000 2000 10000).  SVG over the node limit is refused, and the script
# then times a --focus drawing instead.  Files come from bench/gen.py.
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 2000 10000)
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) / 1e6 }'; }

printf '| steps | DOT s | SVG s | SVG --focus (middle step, depth 2) s |\n|---:|---:|---:|---:|\n'
for n in "${SIZES[@]}"; do
	f=$(framework "$n")
	t0=$(now); "$FWSIM" graph "$f" -o "$SCRATCH/g.dot" 2>/dev/null; t1=$(now)
	dot=$(secs "$t0" "$t1")
	t0=$(now)
	if "$FWSIM" graph "$f" -o "$SCRATCH/g.svg" 2>/dev/null; then
		t1=$(now); svg=$(secs "$t0" "$t1")
	else
		svg="refused (over 2000 nodes)"
	fi
	t0=$(now); "$FWSIM" graph "$f" --focus $((n / 2)) --depth 2 -o "$SCRATCH/gf.svg" 2>/dev/null; t1=$(now)
	printf '| %d | %s | %s | %s |\n' "$n" "$dot" "$svg" "$(secs "$t0" "$t1")"
done
rm -f "$SCRATCH/g.dot" "$SCRATCH/g.svg" "$SCRATCH/gf.svg"
