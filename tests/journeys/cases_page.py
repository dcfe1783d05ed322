"""Journey: a researcher opens a project of two interviews, selects both in
Sources with the keyboard (a click, Down, Shift+Down), makes a case of each
from the Cases menu (Alt+S, D), adds a text attribute Role from the same menu
(typing its name, Enter, Enter for text), types a value into the Role cell
of the first case (a click on its name, Right, F2, typing, Enter), and undoes it with Ctrl+Z. After each
step the project is read back through `quire cases list --json`; the Cases
page is checked on screen (drawn, and changed by the typed value)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import (App, check, distinct_colours, quire, region_difference, run, screenshot,
                     step, wait_for)

P1 = ("Interviewer: Why did you join the network?\n\n"
      "Ana: To find other heads who admit doubt.\n\n"
      "Interviewer: And now?\n\nAna: We meet once a month.\n")
P2 = ("Interviewer: What got in the way?\n\n"
      "Ben: Time, mostly. And the funding of cover.\n\n"
      "Interviewer: Anything else?\n\nBen: The rail strike.\n")


def cases(project):
    return {c["name"]: c for c in quire("cases", "list", project, "--json")}


def journey(work):
    project = os.path.join(work, "study.quire")
    for name, text in (("P1", P1), ("P2", P2)):
        with open(os.path.join(work, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    quire("init", project)
    quire("import", project, os.path.join(work, "P1.txt"), os.path.join(work, "P2.txt"))
    check(cases(project) == {}, "the interviews have no cases yet")

    app = App(work, project)
    try:
        win = app.wait_window(r"^study\.quire — Quire$")
        app.focus(win)
        tree = app.wait_widget("quire-sources-tree",
                               lambda w: any(i.startswith("P2") for i in w["items"]))
        check(tree["items"] == ["Interviews", "P1", "P2"],
              "two interviews in Sources: %s" % tree["items"])
        # The first row, then Down to P1 and Shift+Down to take P2 as well.
        app.click("quire-sources-tree", dy=8)
        app.wait_focus("quire-sources-tree")
        app.key("Home", "Down", "shift+Down")
        app.key("alt+s")
        wait_for("the Cases menu", lambda: "Make a Case of Each Selected Document"
                 in app.layout()["menus"].get("Cases", []))
        app.key("d")
        made = wait_for("a case of each interview",
                        lambda: (lambda c: c if set(c) == {"P1", "P2"} else None)(cases(project)))
        check(set(made) == {"P1", "P2"}, "a case of each selected interview: %s" % sorted(made))
        name = quire("history", project, "--json")[-1]["name"]
        check(name == "Make a case of each of 2 documents", "one step: %s" % name)
        grid = app.wait_widget("quire-cases-grid")
        app.wait_widget("quire-cases-count", lambda w: w.get("label", "").startswith("2 of 2"))

        # New attribute from the Cases menu: its name, Enter; the type (Text), Enter.
        app.focus(win)
        app.key("alt+s")
        wait_for("the Cases menu", lambda: "New Attribute…" in app.layout()["menus"]["Cases"])
        app.key("a")
        dlg = app.wait_window("^New Attribute$")
        app.focus(dlg)
        app.type("Role")
        app.key("Return")
        dlg = app.wait_window("^New Attribute: Type$")
        app.focus(dlg)
        app.key("Return")
        wait_for("the attribute Role",
                 lambda: [a["name"] for a in quire("cases", "attributes", project, "--json")]
                 == ["Role"])
        step("ok: attribute Role added (text)")
        app.focus(win)
        app.wait_widget("quire-cases-count", lambda w: "1 attributes" in w.get("label", ""))
        before = screenshot(os.path.join(work, "before.png"))
        grid = app.wait_widget("quire-cases-grid")
        check(distinct_colours(before, grid) > 2, "the Cases grid is drawn")

        # Click the first case's name (title row 24 px), Right to its Role, F2, type, Enter.
        app.click("quire-cases-grid", dx=60, dy=24 + 10)
        app.wait_focus("quire-cases-grid")
        app.key("Right", "F2")
        app.type("Head teacher")
        app.key("Return")
        typed = wait_for("the value typed in the Role cell",
                         lambda: (lambda c: c if c["P1"]["attributes"]["Role"] == "Head teacher"
                                  else None)(cases(project)))
        check(typed["P2"]["attributes"]["Role"] is None, "P2's Role is still missing")
        name = quire("history", project, "--json")[-1]["name"]
        check(name == "Set Role of case 'P1' to 'Head teacher'", "the step: %s" % name)
        after = screenshot(os.path.join(work, "after.png"))
        diff = region_difference(before, after, grid)
        check(diff > 100, "the value shows in the grid (%d pixels differ)" % diff)

        # Ctrl+Z with the focus in the grid undoes the value, and only it.
        app.wait_focus("quire-cases-grid")
        app.key("ctrl+z")
        wait_for("the value undone",
                 lambda: cases(project)["P1"]["attributes"]["Role"] is None)
        check(set(cases(project)) == {"P1", "P2"}, "the cases stay")
        check([a["name"] for a in quire("cases", "attributes", project, "--json")] == ["Role"],
              "the attribute stays")
        check(app.proc.poll() is None, "the app is still running")
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(run(journey))
