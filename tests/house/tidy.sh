#!/usr/bin/env bash
# clang-tidy with the repository's .clang-tidy over the library and CLI
# sources (core, importers, exporters, app/cli), using BUILD's
# compile_commands.json. The desktop app's files are left out: each pulls in
# the whole of wx and would double CI's time for checks that already run on
# the code it calls. Usage: tidy.sh BUILD [FILE...]
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:?usage: tidy.sh BUILD [FILE...]}"
shift
cd "$root" || exit 2
if [ $# -gt 0 ]; then
  files=("$@")
else
  mapfile -t files < <(git ls-files -- 'core/*.cpp' 'importers/*.cpp' 'exporters/*.cpp' 'app/cli/*.cpp')
fi
start=$(date +%s)
printf '%s\n' "${files[@]}" |
  xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet 2>/dev/null >"$build/tidy.log"
status=$?
grep -E 'warning:|error:' "$build/tidy.log" | sort -u
if [ $status -ne 0 ] || grep -qE 'warning:|error:' "$build/tidy.log"; then
  echo "tidy: problems found in ${#files[@]} files ($(($(date +%s) - start)) s); see $build/tidy.log"
  exit 1
fi
echo "tidy: ${#files[@]} files clean ($(($(date +%s) - start)) s)"
