#!/usr/bin/env bash
# Every C++ file of ours is formatted by the repository's .clang-format
# (clang-format 14, Debian 12's). Prints the files that are not and how to fix
# them. Usage: check_format.sh [ROOT]
set -uo pipefail
root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
cd "$root" || exit 2
if ! command -v clang-format >/dev/null; then
  echo "format: clang-format is not installed (bash packaging/deps.sh installs it)"
  exit 1
fi
mapfile -t files < <(git ls-files -- '*.cpp' '*.h' 2>/dev/null || find core importers exporters app tests -name '*.cpp' -o -name '*.h')
bad=()
for f in "${files[@]}"; do
  [[ $f == tests/fixtures/* ]] && continue
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  printf 'not formatted: %s\n' "${bad[@]}"
  echo "format: ${#bad[@]} of ${#files[@]} files differ from .clang-format; run: clang-format -i FILE..."
  exit 1
fi
echo "format: all ${#files[@]} files kept to .clang-format ($(clang-format --version | grep -o 'version [0-9.]*'))"
