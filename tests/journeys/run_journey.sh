#!/usr/bin/env bash
# Runs one journey on an X display of its own (a fresh Xvfb), even when the
# suite runs under one already: the journeys move the keyboard focus and the
# pointer, which other GUI tests on a shared display would take from them.
# -noreset: a journey that quits the app and starts it again must not meet
# the server resetting itself after its last client left ("Unable to
# initialize GTK+").
exec xvfb-run -a -s "-screen 0 1280x800x24 -noreset" /usr/bin/python3 "$@"
