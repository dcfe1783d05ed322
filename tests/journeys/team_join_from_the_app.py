"""Journey: joining a team project from the window, by keyboard only. Alt+F, J
opens File > Join Team Project…; the team database's address is typed, Tab,
the working copy's file typed over the one offered, Enter: the copy is made
(a real PostgreSQL, the throwaway cluster of tests/team/run_with_pg.sh) and
opened in the window, which syncs it: the status bar says the team is online,
and `quire team status` reads the file as bob's copy of the team project."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import App, check, quire, run, step, team_database, wait_for


def journey(work):
    url = team_database("journey_join")
    if url is None:
        return
    mine = os.path.join(work, "alice.quire")
    quire("init", mine)
    quire("codes", "add", mine, "Place/Cafe", "--coder", "alice")
    quire("team", "create", mine, url("alice"), "--coder", "alice")
    quire("team", "members", "add", mine, "bob", "coder", "--coder", "alice")

    copy = os.path.join(work, "bob-copy.quire")
    app = App(work)
    try:
        win = app.wait_window(r"^Quire$")
        app.focus(win)
        app.key("alt+f")
        app.key("j")
        dlg = app.wait_window(r"^Join Team Project$")
        app.focus(dlg)
        app.type(url("bob"))
        app.key("Tab", "ctrl+a")
        app.type(copy)
        app.key("Return")
        app.wait_window(r"^bob-copy\.quire — Quire$")
        step("the working copy is open in the window")
        wait_for("the status bar to say the team is online",
                 lambda: app.layout().get("team", "").startswith("Team: online"))
        status = quire("team", "status", copy, "--json")
        step("quire team status: %s" % status)
        check(status.get("team") and status.get("role") == "coder",
              "the file is bob's working copy of the team project, as a coder")
        codes = quire("codes", "list", copy, "--json")
        check(any(c.get("path") == "Place/Cafe" for c in codes),
              "the copy holds the team's codebook: %s" % codes)
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(run(journey))
