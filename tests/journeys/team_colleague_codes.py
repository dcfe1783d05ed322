"""Journey: a team project open in the window while a colleague, on their own
working copy, codes and syncs with the team database (a real PostgreSQL, the
throwaway cluster of tests/team/run_with_pg.sh). Without anyone touching the
window, its status bar says the team is online, and the colleague's coding
arrives: counted in the document view within a few seconds."""
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import App, check, quire, run, step, team_database, wait_for

TEXT = ("We meet once a month at the cafe and share what did not work. "
        "The head of the other school comes when there is time.\n")


def journey(work):
    url = team_database("journey")
    if url is None:
        return
    mine = os.path.join(work, "team.quire")
    theirs = os.path.join(work, "bob.quire")
    path = os.path.join(work, "interview-cafe.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(TEXT)
    quire("init", mine)
    quire("import", mine, path)
    quire("codes", "add", mine, "Place/Cafe", "--coder", "alice")
    quire("team", "create", mine, url("alice"), "--coder", "alice")
    quire("team", "members", "add", mine, "bob", "coder", "--coder", "alice")
    quire("team", "join", url("bob"), theirs)

    app = App(work, mine)
    try:
        app.wait_window(r"^team\.quire — Quire$")
        app.wait_widget("quire-document-info", lambda w: w["label"].endswith("0 codings"))
        wait_for("the status bar to say the team is online",
                 lambda: app.layout().get("team", "").startswith("Team: online"))
        step("status bar: %s" % app.layout()["team"])

        quire("code", theirs, "--doc", "interview-cafe", "--match", "at the cafe",
              "--code", "Place/Cafe", "--coder", "bob")
        quire("team", "sync", theirs, "--coder", "bob")
        sent = time.monotonic()
        app.wait_widget("quire-document-info", lambda w: w["label"].endswith("1 coding"),
                        "the colleague's coding to arrive in the window")
        took = time.monotonic() - sent
        step("the colleague's coding showed %.1f s after their sync" % took)
        check(took < 4, "it arrived within a sync round (%.1f s; about 1 s on a quiet machine)"
              % took)
        codings = quire("codings", mine, "--json", "--all-coders")
        check(len(codings) == 1 and codings[0].get("coder") == "bob",
              "the coding is in the window's project file, by bob: %s" % codings)
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(run(journey))
