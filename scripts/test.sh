#!/usr/bin/env bash
# test.sh [--sanitize|--valgrind] - install what is missing, build fwsim and
# its tests, and run the whole suite with ctest.  --sanitize builds into
# build-asan with AddressSanitizer and UndefinedBehaviorSanitizer, halting on
# the first error; --valgrind builds into build-valgrind and runs every test
# program (and every fwsim the CLI tests start) under valgrind's memcheck.
set -euo pipefail
cd "$(dirname "$0")/.."

extra=()
[ "${1:-}" = --valgrind ] && extra=(valgrind)
scripts/deps.sh libcmocka-dev libxml2-utils graphviz util-linux python3 "${extra[@]}"
dir=build flags=()
if [ "${1:-}" = --valgrind ]; then
	dir=build-valgrind
	flags=(-DFWSIM_VALGRIND=ON -DCMAKE_BUILD_TYPE=Debug)
elif [ "${1:-}" = --sanitize ]; then
	dir=build-asan
	flags=(-DFWSIM_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
	export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:abort_on_error=1
	export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
fi
cmake -S . -B "$dir" -DFWSIM_TESTS=ON "${flags[@]}" >/dev/null
cmake --build "$dir" -j"$(nproc)" >/dev/null
ctest --test-dir "$dir" --output-on-failure -j"$(nproc)"
