"""Journey 1: a researcher opens a project made with the CLI, selects text in
the document by keyboard, codes it with a new code (Ctrl+K, typing the code's
path), then undoes (Ctrl+Z) and redoes (Ctrl+Shift+Z) with the keyboard focus
in the document. After each step the project file is read back through
`quire codings --json`, and the screen is checked: the window is mapped and
titled with the project's name, the coded text is drawn differently, and
undo puts the document's pixels back as they were."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import (App, check, code_selection_as, distinct_colours, quire, region_difference,
                     run, screenshot, step, wait_for)

P1 = ("Coming to the network was about finding a place where heads can admit doubt "
      "without losing face. Before that I carried every worry home.\n\n"
      "Now we meet once a month at the cafe and share what did not work.\n")


def journey(work):
    project = os.path.join(work, "study.quire")
    for name, text in (("P1", P1), ("P2", "The second head teacher talks about time.\n"),
                       ("P10", "The tenth talks about funding and time.\n")):
        with open(os.path.join(work, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    quire("init", project)
    quire("import", project, *[os.path.join(work, n + ".txt") for n in ("P10", "P1", "P2")])

    app = App(work, project, "--open-doc", "P1")
    try:
        win = app.wait_window(r"^study\.quire — Quire$")
        step("window %s is mapped: %s" % (win, app.window or ""))
        app.focus(win)
        text = app.wait_widget("quire-document-text")
        tree = app.wait_widget("quire-sources-tree",
                               lambda w: any(i.startswith("P10") for i in w["items"]))
        order = [i for i in tree["items"] if i.startswith("P")]
        check(order == ["P1", "P2", "P10"], "sources in natural order: %s" % order)
        app.wait_focus("quire-document-text")
        before = screenshot(os.path.join(work, "before.png"))
        check(distinct_colours(before, text) > 2, "the document text is drawn on screen")

        # Select "Coming to the network was about" by keyboard.
        app.key("ctrl+Home", *["ctrl+shift+Right"] * 6)
        sel = app.wait_widget("quire-document-text",
                              lambda w: w["selection"].strip() == "Coming to the network was about",
                              "the first six words selected")["selection"]
        code_selection_as(app, "Purpose/Sceptical", win)

        codings = wait_for("one coding in the project",
                           lambda: (lambda c: c if len(c) == 1 else None)(
                               quire("codings", project, "--json")))
        c = codings[0]
        check(c["code"] == "Purpose/Sceptical" and c["document"] == "P1"
              and c["text"] == sel,
              "coded %r as %s in %s" % (c["text"], c["code"], c["document"]))
        name = quire("history", project, "--json")[-1]["name"]
        check(name == "Code \u201cComing to the network was about\u201d as "
              "Purpose/Sceptical (new code)", "the step is named by its words: %s" % name)
        # The Edit menu names the step whole (Alt+E opens it, Escape closes it).
        app.key("alt+e")
        undo_label = "Undo " + name
        wait_for("the Edit menu to offer %r" % undo_label,
                 lambda: undo_label in app.layout()["menus"]["Edit"])
        step("ok: the Edit menu shows %r whole" % undo_label)
        app.key("Escape")
        app.wait_focus("quire-document-text")
        app.key("Right")  # deselect, so the coding's colour shows, not the selection's
        app.wait_widget("quire-document-text", lambda w: w["selection"] == "")
        app.wait_widget("quire-document-info", lambda w: w["label"].endswith("1 coding"))
        coded = screenshot(os.path.join(work, "coded.png"))
        diff = region_difference(before, coded, text)
        check(diff > 1000, "the coding is drawn in the text (%d pixels differ)" % diff)

        # Undo with the keyboard focus in the document.
        app.wait_focus("quire-document-text")
        app.key("ctrl+z")
        wait_for("the coding undone", lambda: quire("codings", project, "--json") == [])
        codes = [x["path"] for x in quire("codes", "list", project, "--json")]
        check("Purpose/Sceptical" not in codes, "undo took the new code away too: %s" % codes)
        status = app.wait_widget("quire-document-info", lambda w: w["label"].endswith("0 codings"))
        check(app.layout()["status"].startswith("Undone: Code \u201cComing"),
              "the status bar says what was undone: %s" % app.layout()["status"])
        undone = screenshot(os.path.join(work, "undone.png"))
        # As before but for the caret (a 2-pixel bar, blinking, moved).
        diff = region_difference(before, undone, text)
        check(diff < 200, "after undo the text looks as before (%d pixels differ)" % diff)

        # Redo, still in the document.
        app.wait_focus("quire-document-text")
        app.key("ctrl+shift+z")
        again = wait_for("the coding redone",
                         lambda: (lambda c: c if len(c) == 1 else None)(
                             quire("codings", project, "--json")))
        check(again[0]["text"] == c["text"] and again[0]["code"] == "Purpose/Sceptical",
              "redo brought the coding back")
        app.wait_widget("quire-document-info", lambda w: w["label"].endswith("1 coding"))
        # The same keys from another pane: a click in Sources, then Ctrl+Z.
        app.click("quire-sources-tree", dy=5)
        app.wait_focus("quire-sources-tree")
        app.key("ctrl+z")
        wait_for("Ctrl+Z in Sources to undo", lambda: quire("codings", project, "--json") == [])
        step("ok: Ctrl+Z undoes from the sources pane too")
        check(app.proc.poll() is None, "the app is still running")
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(run(journey))
