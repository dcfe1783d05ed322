#!/usr/bin/env bash
# Rebuilds the demo project and the screenshots in this folder with
# quire-gui --screenshot (under Xvfb when there is no display).
# Usage: BUILD_DIR=build bash docs/screenshots/make.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${BUILD_DIR:-$here/build}"
demo="$(mktemp -d)"
trap 'rm -rf "$demo"' EXIT
QUIRE_DEMO_DIR="$demo" BUILD_DIR="$build" bash "$here/packaging/demo.sh" >/dev/null
gui="$build/app/gui/quire-gui"
run() {
  if [ -n "${DISPLAY:-}" ]; then "$gui" "$@"; else xvfb-run -a -s "-screen 0 1280x800x24" "$gui" "$@"; fi
}
out="$here/docs/screenshots"
run --screenshot "$out/main-window.png" --select-code "Purpose/Sceptical" --open-doc interview-amira "$demo/demo.quire"
run --screenshot "$out/retrieved-segments.png" --select-code "Purpose" --open-doc interview-carla "$demo/demo.quire"
run --screenshot "$out/small-window.png" --size 1024x640 --select-code "Barriers/Time" --open-doc interview-ben "$demo/demo.quire"
run --screenshot "$out/search-pane.png" --select-code "Barriers/Time" --open-doc interview-ben --search "time OR cover" "$demo/demo.quire"
run --screenshot "$out/analysis-page.png" --analysis theme --select-code "Barriers/Time" "$demo/demo.quire"
# The Cases page with a few typed attributes (numbers, dates, an empty text, missing values).
q="$build/app/cli/quire"
for row in "Amira 47 2024-03-04 Northfield Primary" "Ben 35 12/03/2024 Northfield Primary" \
           "Carla 52 2024-03-19 Riverside Academy"; do
  read -r who age date school <<<"$row"
  "$q" cases set "$demo/demo.quire" "$who" Age "$age" --type number >/dev/null
  "$q" cases set "$demo/demo.quire" "$who" Interviewed "$date" --type date >/dev/null
  "$q" cases set "$demo/demo.quire" "$who" School "$school" >/dev/null
done
"$q" cases set "$demo/demo.quire" Interviewer School "" >/dev/null
run --screenshot "$out/cases-page.png" --show cases "$demo/demo.quire"
# The pages of two coders' work: a second coder's codings for the Agreement page.
QUIRE="$build/app/cli/quire" bash "$here/docs/demo/add-second-coder.sh" "$demo/demo.quire"
run --screenshot "$out/query-page.png" --query '"Barriers/Time" NEAR/1 "Barriers/Funding"' "$demo/demo.quire"
run --screenshot "$out/words-page.png" --show words "$demo/demo.quire"
run --screenshot "$out/agreement-page.png" --show agreement "$demo/demo.quire"
# Two coders' codings of one interview, a lane each.
run --screenshot "$out/coder-lanes.png" --open-doc interview-amira "$demo/demo.quire"
# The survey grid: a short questionnaire of our own (network-survey.csv), a few answers coded.
survey="$demo/survey.quire"
"$q" init "$survey" >/dev/null
"$q" import "$survey" "$here/docs/screenshots/network-survey.csv" >/dev/null
"$q" codes add "$survey" "Purpose/Peer support" --color "#2e86c1" >/dev/null
"$q" codes add "$survey" "Barriers/Time" --color "#c0392b" >/dev/null
"$q" code "$survey" --doc "network-survey R01" --match "admit what is not working" --code "Purpose/Peer support" >/dev/null
"$q" code "$survey" --doc "network-survey R10" --match "Moral support" --code "Purpose/Peer support" >/dev/null
"$q" code "$survey" --doc "network-survey R01" --match "Every meeting is a morning" --code "Barriers/Time" >/dev/null
"$q" code "$survey" --doc "network-survey R04" --match "Time and the cost" --code "Barriers/Time" >/dev/null
run --screenshot "$out/survey-grid.png" --show survey "$survey"
