#!/usr/bin/env bash
# The README's second command: installs what is needed, builds Quire with its
# tests, and runs the whole suite (GUI tests under Xvfb).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/packaging/deps.sh"
export BUILD_DIR="${BUILD_DIR:-$here/build-tests}"
bash "$here/packaging/build.sh" -DQUIRE_TESTS=ON -DQUIRE_BENCH=ON "$@"
cd "$BUILD_DIR"
status=0
xvfb-run -a -s "-screen 0 1280x800x24" ctest --output-on-failure -j 2 --timeout 900 || status=$?
# The crash and concurrency harnesses' summary lines (docs/reliability.md).
grep -hE '^(crash|concurrency): ([0-9]+ kills|[0-9]+ processes|after [0-9]+ kills)' \
  Testing/Temporary/LastTest.log 2>/dev/null || true
exit $status
