#!/usr/bin/env bash
# Adds a second coder's codings (sam) to the demo project made by
# make-project.sh, so that Analysis > Coder Agreement and `quire agreement`
# have two coders to compare: sam agrees with demo on most passages, codes
# some longer or elsewhere, and misses one.
# Usage: add-second-coder.sh PROJECT.quire   (uses `quire` from PATH, or $QUIRE)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="${1:?usage: add-second-coder.sh PROJECT.quire}"
quire="${QUIRE:-quire}"
while IFS='|' read -r doc match code; do
  "$quire" code "$project" --coder sam --doc "$doc" --match "$match" --code "$code" >/dev/null
done <"$here/second-coder.txt"
