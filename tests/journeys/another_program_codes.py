"""Journey 2: while the project is open in the window, a second program (the
quire CLI, as a colleague's script would) codes it. The window shows it
without anyone touching it: the sources pane counts the coding, the document
view's line says "1 coding", and the coded words are drawn in the code's
colour on screen."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import App, check, quire, region_difference, run, screenshot, step, wait_for

TEXT = ("We meet once a month at the cafe and share what did not work. "
        "The head of the other school comes when there is time.\n")


def journey(work):
    project = os.path.join(work, "team.quire")
    path = os.path.join(work, "interview-cafe.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(TEXT)
    quire("init", project)
    quire("import", project, path)

    app = App(work, project)
    try:
        win = app.wait_window(r"^team\.quire — Quire$")
        step("window %s titled with the project is mapped" % win)
        text = app.wait_widget("quire-document-text")
        app.wait_widget("quire-sources-tree", lambda w: "interview-cafe" in w["items"],
                        "interview-cafe listed with no codings")
        app.wait_widget("quire-document-info", lambda w: w["label"].endswith("0 codings"))
        before = screenshot(os.path.join(work, "before.png"))

        quire("code", project, "--doc", "interview-cafe", "--match", "at the cafe",
              "--code", "Place/Cafe", "--create", "--coder", "colleague")
        check(len(quire("codings", project, "--json", "--all-coders")) == 1,
              "the other program's coding is in the file")

        app.wait_widget("quire-sources-tree",
                        lambda w: "interview-cafe  (1 coding)" in w["items"],
                        "the sources pane to count the new coding")
        app.wait_widget("quire-codebook-tree",
                        lambda w: any(i.startswith("Place") for i in w["items"]),
                        "the codebook to show the new code")
        app.wait_widget("quire-document-info", lambda w: w["label"].endswith("1 coding"),
                        "the document view to count the new coding")
        wait_for("the status bar to count it",
                 lambda: "1 coding \u00b7" in app.layout()["counts"])
        after = screenshot(os.path.join(work, "after.png"))
        diff = region_difference(before, after, text)
        check(diff > 50, "the new coding is drawn in the open document (%d pixels)" % diff)
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(run(journey))
