#!/usr/bin/env bash
# Runs a GUI test program on the current X display, or under Xvfb when there
# is none (ctest straight from a terminal without X). When the program fails,
# its failure lines are repeated at the end, so that a CI log cut in the
# middle still shows what failed.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if [ -n "${DISPLAY:-}" ]; then
  "$@" 2>&1 | tee "$log"
else
  xvfb-run -a -s "-screen 0 1280x800x24" "$@" 2>&1 | tee "$log"
fi
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
  echo "---- $(basename "$1") failed (exit $status); its failure lines:"
  grep -E 'error:|error in|fatal|failure|exception|Assert|signal|Segmentation|Aborted' "$log" \
    | grep -v 'Gtk-CRITICAL' | tail -n 40
fi
exit "$status"
