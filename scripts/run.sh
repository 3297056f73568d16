#!/usr/bin/env bash
# run.sh - the main job: install what is missing, build fwsim, validate
# frameworks/venezuela.yaml, simulate its full transition, and draw it
# into output/venezuela.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
framework=frameworks/venezuela.yaml
scenario=frameworks/scenarios/venezuela-full-transition.yaml

scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFWSIM_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
mkdir -p output
build/fwsim validate "$framework"
build/fwsim simulate "$framework" --scenario "$scenario" | tee output/venezuela-full-transition.txt
build/fwsim graph "$framework" -o output/venezuela.svg
