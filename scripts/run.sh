#!/usr/bin/env bash
# run.sh [FRAMEWORK] - the main job: install what is missing, build fwsim,
# and validate FRAMEWORK (default frameworks/venezuela.yaml).
set -euo pipefail
cd "$(dirname "$0")/.."
framework=${1:-frameworks/venezuela.yaml}

scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFWSIM_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
mkdir -p output
build/fwsim validate "$framework"
