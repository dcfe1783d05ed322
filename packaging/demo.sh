#!/usr/bin/env bash
# The README's first command: installs what is needed, builds Quire, makes a
# demo project from the interviews in docs/demo, and opens it in the desktop
# app. Without a display it runs the demo pipeline headless and says where
# the results are.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$here/packaging/deps.sh" app
# Only what the app needs: the two programs, optimised, no tests or
# benchmarks (the test command, tests/run.sh, builds everything).
export BUILD_DIR="${BUILD_DIR:-$here/build}"
build="$BUILD_DIR"
bash "$here/packaging/build.sh" -DCMAKE_BUILD_TYPE=Release -DQUIRE_TESTS=OFF -DQUIRE_BENCH=OFF \
  --target quire quire-gui
quire="$build/app/cli/quire"
out="${QUIRE_DEMO_DIR:-$here/demo-output}"
mkdir -p "$out"
project="$out/demo.quire"
export QUIRE_CODER="demo"
QUIRE="$quire" bash "$here/docs/demo/make-project.sh" "$project"
echo
"$quire" codes list "$project"
echo
"$quire" codings "$project" --code "Purpose"
echo
echo "Theme table (cases per theme and role):"
"$quire" matrix "$project" --cols attr:Role
"$quire" export "$project" "$out/demo.xlsx"
"$quire" export "$project" "$out/demo.html"
echo "Excel workbook: $out/demo.xlsx"
echo "HTML report:    $out/demo.html"
echo "Demo project: $project"
gui="$build/app/gui/quire-gui"
if [ -x "$gui" ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$gui" "$project"
fi
echo "(No display here, so the desktop app was not opened; try: $quire codings $project)"
