#!/usr/bin/env bash
# test.sh [--sanitize] - install what is missing, build fwsim and its tests,
# and run the whole suite with ctest.  --sanitize builds into build-asan with
# AddressSanitizer and UndefinedBehaviorSanitizer, halting on the first error.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh libcmocka-dev libxml2-utils graphviz util-linux python3
dir=build flags=()
if [ "${1:-}" = --sanitize ]; then
	dir=build-asan
	flags=(-DFWSIM_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
	export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=1
	export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
fi
cmake -S . -B "$dir" -DFWSIM_TESTS=ON "${flags[@]}" >/dev/null
cmake --build "$dir" -j"$(nproc)" >/dev/null
ctest --test-dir "$dir" --output-on-failure -j"$(nproc)"
