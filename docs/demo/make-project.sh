#!/usr/bin/env bash
# Makes the demo project from the interviews, codebook, codings and cases in
# this folder: three coded interviews, their cases and roles. (quire-gui's
# "Open the Demo Project" makes the same project from the same files.)
# Usage: make-project.sh OUT.quire   (uses `quire` from PATH, or $QUIRE)
# Installed with the Debian package: /usr/share/quire/demo/make-project.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="${1:?usage: make-project.sh OUT.quire}"
quire="${QUIRE:-quire}"
rm -f "$project" "$project-wal" "$project-shm"
rm -rf "$project.index"
"$quire" init "$project"
export QUIRE_CODER="${QUIRE_CODER:-demo}"
"$quire" import "$project" "$here"/interview-*.txt --speaker-cases
while IFS='|' read -r path color description; do
  "$quire" codes add "$project" "$path" --color "$color" --description "$description" >/dev/null
done <"$here/codebook.txt"
while IFS='|' read -r doc match code; do
  "$quire" code "$project" --doc "$doc" --match "$match" --code "$code" >/dev/null
done <"$here/codings.txt"
while IFS='|' read -r name attribute value; do
  "$quire" cases set "$project" "$name" "$attribute" "$value" >/dev/null
done <"$here/cases.txt"
