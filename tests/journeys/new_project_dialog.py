"""Journey 3: File > New Project by keyboard (Ctrl+N), typing a name that
already ends in .quire: the project is made with that name, not
"x.quire.quire", and the window's title names it."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import App, check, quire, run, step, wait_for


def journey(work):
    app = App(work)
    try:
        win = app.wait_window(r"^Quire$")
        app.focus(win)
        app.key("ctrl+n")
        dlg = app.wait_window("^New project$")
        app.focus(dlg)
        # The dialog opens in the app's folder with "study" of "study.quire"
        # selected: the name typed replaces it, as a person does.
        target = os.path.join(work, "x.quire")
        app.type("x.quire")
        app.key("Return")
        app.wait_window(r"^x\.quire — Quire$")
        step("the window is titled x.quire")
        check(os.path.exists(target), "x.quire was made")
        check(not os.path.exists(target + ".quire"), "no x.quire.quire")
        check(quire("info", target, "--json") is not None, "quire reads the new project")
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(run(journey))
