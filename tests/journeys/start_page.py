"""Journey: the first minute. Started without a project (and none open last
time), the window shows its start page in the main area, not a dialog: New
Project, Open Project, Open Recent and Open the Demo Project. A click on
"Open the Demo Project" makes the demo (three coded interviews) and opens
it: the sources list the interviews and the codebook its codes. Closing it
(Ctrl+W) brings the start page back, now listing the demo under Open Recent;
a click there opens it again."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import App, check, quire, run, step, wait_for


def journey(work):
    app = App(work)
    try:
        win = app.wait_window(r"^Quire$")
        app.focus(win)
        for name in ("file/new", "file/open", "file/open-demo"):
            app.wait_widget(name, what="the start page's %s button" % name)
        check(all(w["title"] == "Quire" for w in app.layout()["windows"]),
              "no dialog: the start page is in the window")
        recent = app.wait_widget("quire-start-page")
        step("start page shown at %dx%d" % (recent["w"], recent["h"]))
        app.click("file/open-demo")
        app.wait_window(r"^demo\.quire — Quire$")
        tree = app.wait_widget("quire-sources-tree",
                               lambda w: any(i.startswith("interview-amira") for i in w["items"]),
                               "the demo's interviews in Sources")
        check(len([i for i in tree["items"] if i.startswith("interview-")]) == 3,
              "three interviews: %s" % tree["items"])
        app.wait_widget("quire-codebook-tree", lambda w: len(w["items"]) >= 5,
                        "the demo's codes in the codebook")
        status = app.layout()["status"]
        check("demo" in status, "the status bar says where the demo is: %s" % status)
        path = status.split(", ", 1)[1].split(":", 1)[0]
        codings = quire("codings", path, "--json", "--all-coders")
        check(len(codings) > 10, "the demo project on disk is coded (%d codings)" % len(codings))

        app.key("ctrl+w")
        app.wait_widget("quire-start-recent-1", lambda w: "demo.quire" in w["label"],
                        "the demo under Open Recent")
        app.click("quire-start-recent-1")
        app.wait_window(r"^demo\.quire — Quire$")
        step("ok: Open Recent opened it again")
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(run(journey))
