"""Journey (issue 17): a researcher imports a file that sits in the same folder
as the open project, through the Import dialog (Ctrl+I, the path typed). The
GTK file dialog reads the first bytes of every file in the folder it shows,
the project and its -wal and -shm included, inside the app's own process;
that used to drop SQLite's locks, so the next `quire` command deleted the
app's live -wal and -shm: the import was never seen by another program and
everything was lost when the app stopped. Checked through the CLI while the
app is open (the imported document, then a coding made in the window) and
after the app is stopped by a signal, as a crash or a logout would."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import App, check, quire, run, step, wait_for


def journey(work):
    project = os.path.join(work, "staff.quire")
    txt = os.path.join(work, "P1.txt")
    with open(txt, "w", encoding="utf-8") as f:
        f.write("Coming to the network was about finding a place.\n")
    quire("init", project)
    app = App(work, project)
    try:
        win = app.wait_window(r"^staff\.quire — Quire$")
        app.focus(win)
        app.key("ctrl+i")
        dlg = app.wait_window("^Import files$")
        app.focus(dlg)
        app.key("ctrl+l")
        app.type(txt)
        app.key("Return")
        wait_for("another program to see the import",
                 lambda: "P1" in quire("docs", "list", project), timeout=30)
        app.focus(win)
        app.click("quire-document-text", dx=40, dy=10)
        app.wait_focus("quire-document-text")
        app.key("ctrl+Home", *["ctrl+shift+Right"] * 3)
        app.wait_widget("quire-document-text", lambda w: w["selection"] != "")
        app.key("ctrl+k")
        code_as = app.wait_window("^Code as$")
        app.focus(code_as)
        app.type("Themes/Motive")
        app.key("Return")
        wait_for("another program to see the coding",
                 lambda: len(quire("codings", project, "--json", "--all-coders")) == 1,
                 timeout=30)
        step("status: %s" % app.layout()["status"])
    finally:
        app.close()  # SIGTERM
    check("P1" in quire("docs", "list", project), "the import is kept after the app stopped")
    codings = quire("codings", project, "--json", "--all-coders")
    check(len(codings) == 1, "the coding is kept after the app stopped: %s" % codings)


if __name__ == "__main__":
    sys.exit(run(journey))
