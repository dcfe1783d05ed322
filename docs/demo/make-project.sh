#!/usr/bin/env bash
# Makes the demo project from the interviews, codebook and codings in this
# folder: three coded interviews, their cases and roles.
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
"$quire" cases set "$project" "Amira" Role "Head teacher" >/dev/null
"$quire" cases set "$project" "Ben" Role "Teacher" >/dev/null
"$quire" cases set "$project" "Carla" Role "Coordinator" >/dev/null
"$quire" cases set "$project" "Interviewer" Role "Interviewer" >/dev/null
