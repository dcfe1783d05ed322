#!/usr/bin/env bash
# Configures the one sanitizer build folder ($1) that tests/sanitize.sh and
# tests/fuzz/run_short.sh share: clang, ASan + UBSan on every target, the
# libFuzzer targets, the test suites, no GUI, no benchmarks. Both scripts pass
# the same options, so whichever runs first, the other rebuilds nothing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="$1"
shift
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$here" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DQUIRE_SANITIZE=ON -DQUIRE_FUZZ=ON -DQUIRE_TESTS=ON -DQUIRE_GUI=OFF -DQUIRE_BENCH=OFF \
  "$@" > /dev/null
