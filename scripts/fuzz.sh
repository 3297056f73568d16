#!/usr/bin/env bash
# fuzz.sh SECONDS [TARGET...] - build the libFuzzer targets with clang
# (ASan + UBSan) into build-fuzz/ and run each TARGET (default: all four:
# framework condition state scenario) for SECONDS, over its seed corpus in
# tests/fuzz/corpus/TARGET.  New interesting inputs go to
# build-fuzz/corpus/TARGET (not committed); a crash is written to
# build-fuzz/crashes/TARGET/ and the script exits non-zero: copy the input
# into tests/fuzz/regressions/TARGET/ once it is fixed, so ctest replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(framework condition state scenario)

scripts/deps.sh clang libclang-rt-14-dev libcmocka-dev
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DFWSIM_FUZZ=ON -DFWSIM_TESTS=ON \
	-DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null

status=0
for t in "${targets[@]}"; do
	mkdir -p "build-fuzz/corpus/$t" "build-fuzz/crashes/$t"
	echo "== fuzz_$t for ${secs}s"
	# -rss_limit_mb and -timeout turn a memory blow-up or a hang into a
	# finding; -max_len lets inputs grow large enough for nesting and size
	# limits to matter.
	if ! "build-fuzz/tests/fuzz_$t" "build-fuzz/corpus/$t" "tests/fuzz/corpus/$t" \
		-max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
		-artifact_prefix="build-fuzz/crashes/$t/" -print_final_stats=1 \
		2> "build-fuzz/fuzz_$t.log"; then
		echo "fuzz_$t: found a crash, see build-fuzz/crashes/$t/ and build-fuzz/fuzz_$t.log"
		status=1
	fi
	grep -E "stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs" \
		"build-fuzz/fuzz_$t.log" | sed "s/^/  /" || true
done
exit $status
