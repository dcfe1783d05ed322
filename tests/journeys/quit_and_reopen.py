"""Journey: quit and reopen. A researcher codes a passage, moves and resizes
the window, brings the Analysis page to the front and quits with Ctrl+Q.
Started again without naming a project, Quire comes back as it was: the
window's size and position, the project, the document that was open, the
Analysis page in front, and Edit > Undo still offering the coding, which
Ctrl+Z then undoes (the undo history is in the project file)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import App, check, quire, run, step, wait_for, xdo

TEXT = ("Coming to the network was about finding a place where heads can admit doubt "
        "without losing face.\n\nNow we meet once a month at the cafe.\n")


def journey(work):
    project = os.path.join(work, "study.quire")
    for name, text in (("P1", "The first head teacher talks about time.\n"), ("P2", TEXT)):
        with open(os.path.join(work, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    quire("init", project)
    quire("import", project, os.path.join(work, "P1.txt"), os.path.join(work, "P2.txt"))

    app = App(work, project, "--open-doc", "P2")
    try:
        win = app.wait_window(r"^study\.quire — Quire$")
        app.focus(win)
        app.wait_focus("quire-document-text")
        # Code the first five words with a new code, by keyboard.
        app.key("ctrl+Home", *["ctrl+shift+Right"] * 5)
        app.wait_widget("quire-document-text",
                        lambda w: w["selection"].strip() == "Coming to the network was",
                        "five words selected")
        app.key("ctrl+k")
        dlg = app.wait_window("^Code as$")
        app.focus(dlg)
        app.type("Purpose/Doubt")
        app.key("Return")
        wait_for("one coding in the project",
                 lambda: len(quire("codings", project, "--json")) == 1)
        undo = "Undo " + quire("history", project, "--json")[-1]["name"]
        app.focus(win)
        # Move and resize the window (there is no window manager: X does it).
        xdo("windowsize", "--sync", win, 1000, 640)
        xdo("windowmove", "--sync", win, 60, 50)
        wait_for("the window at 60,50 sized 1000x640",
                 lambda: any(w["title"].startswith("study.quire") and
                             (w["x"], w["y"], w["w"], w["h"]) == (60, 50, 1000, 640)
                             for w in app.layout()["windows"]))
        # The Analysis page in front (Ctrl+6), then quit with Ctrl+Q.
        app.key("ctrl+6")
        app.wait_widget("analysis/refresh", what="the Analysis page in front")
        app.key("ctrl+q")
        wait_for("quire-gui to quit", lambda: app.proc.poll() is not None)
        check(app.proc.returncode == 0, "Ctrl+Q quit cleanly")
    finally:
        app.close()

    # Started again without naming a project.
    again = App(work)
    try:
        win = again.wait_window(r"^study\.quire — Quire$")
        step("the last project is open again")
        top = wait_for("the window's rectangle",
                       lambda: [w for w in again.layout()["windows"]
                                if w["title"].startswith("study.quire")])
        rect = (top[0]["x"], top[0]["y"], top[0]["w"], top[0]["h"])
        check(rect == (60, 50, 1000, 640), "the window's size and position came back: %s"
              % (rect,))
        again.wait_widget("analysis/refresh", what="the Analysis page in front again")
        title = wait_for("the document view's title",
                         lambda: again.widget("quire-document-title"))
        check(title["label"] == "P2", "the document that was open is open: %s" % title["label"])
        again.focus(win)
        again.key("alt+e")  # the Edit menu, opened, names what Undo undoes
        wait_for("Edit > Undo to offer the coding",
                 lambda: undo in again.layout()["menus"]["Edit"])
        step("ok: the Edit menu offers %r" % undo)
        again.key("Escape")
        again.key("ctrl+z")
        wait_for("Ctrl+Z to undo the coding made before quitting",
                 lambda: quire("codings", project, "--json") == [])
        step("ok: the coding made before quitting is undone")
    finally:
        again.close()


if __name__ == "__main__":
    sys.exit(run(journey))
