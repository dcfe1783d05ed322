#!/usr/bin/env bash
# Runs a GUI test program on the current X display, or under Xvfb when there
# is none (ctest straight from a terminal without X).
if [ -n "${DISPLAY:-}" ]; then
  exec "$@"
fi
exec xvfb-run -a -s "-screen 0 1280x800x24" "$@"
