#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer
# (CI runs it after the README's test command, then tests/fuzz/run_short.sh in
# the same build folder). One clang build in SANITIZE_BUILD_DIR (default
# build-sanitize) serves both: every target is built with
# -fsanitize=address,undefined (QUIRE_SANITIZE) and the libFuzzer targets are
# built in the same tree (QUIRE_FUZZ), so the sanitizer build is done once.
# The GUI is not built: see docs/reliability.md ("Sanitizers").
# Extra arguments go to ctest (e.g. -R crash).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/packaging/deps.sh"
dir="${SANITIZE_BUILD_DIR:-$here/build-sanitize}"
# shellcheck source=tests/sanitize/env.sh
source "$here/tests/sanitize/env.sh"
bash "$here/tests/sanitize/configure.sh" "$dir"
start=$(date +%s)
cmake --build "$dir" -j "$(nproc)"
built=$(date +%s)
echo "sanitize: build took $((built - start)) s"
cd "$dir"
# The fuzz targets run in tests/fuzz/run_short.sh (same build), not twice here.
status=0
ctest --output-on-failure -j "$(nproc)" --timeout 1500 -E '^fuzz_' "$@" || status=$?
grep -hE '^(crash|concurrency): ([0-9]+ kills|[0-9]+ processes|after [0-9]+ kills)' \
  Testing/Temporary/LastTest.log 2>/dev/null || true
echo "sanitize: tests took $(($(date +%s) - built)) s (ASan+UBSan, $dir)"
exit $status
