"""Journey 5: a researcher searches a survey for a phrase in the Search pane
(Ctrl+5, the phrase typed, Enter), narrows it with the attribute filter (the
attribute chosen, then its values found by typing and ticked), codes every hit
with Code All Hits at the sentence unit, then asks for passages like the
first result (Find Similar). Checked through the CLI's JSON: only the
sentences holding the phrase are coded, not the other sentences of the same
answers that share its words; and on screen: the results and the similar
passages are listed."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import (App, check, distinct_colours, keep, quire, run, screenshot, step, wait_for,
                     xdo)
from survey_fixture import write_survey

PHRASE = "I was afraid I would lose my job after the inspection."


def tick_value(app, typed, value):
    """Types into the value filter until value is the only one listed, then
    ticks it (a click on its box)."""
    app.click("quire-search-value-filter")
    app.wait_focus("quire-search-value-filter")
    app.key("ctrl+a", "BackSpace")
    app.type(typed)
    w = app.wait_widget("quire-search-values", lambda w: w["items"] == [value],
                        "only %s listed after typing %r" % (value, typed))
    app.click("quire-search-values", dx=12, dy=12)
    app.wait_widget("quire-search-values", lambda w: value in w["checked"],
                    "%s ticked" % value)


def journey(work):
    project = os.path.join(work, "staff.quire")
    csv = os.path.join(work, "staff-survey.csv")
    rows = write_survey(csv)
    quire("init", project)
    quire("import", project, csv)
    quire("codes", "add", project, "Themes/Job security", "--color", "#e6194b")
    afraid = sorted(r["ID"] for r in rows if PHRASE in r["Why did you join?"])
    wanted = sorted(r["ID"] for r in rows
                    if PHRASE in r["Why did you join?"] and r["Role"] in ("Assistant",
                                                                          "Coordinator"))
    check(len(afraid) == 4 and len(wanted) == 2, "the fixture: %s, %s" % (afraid, wanted))

    app = App(work, project, "--select-code", "Themes/Job security")
    try:
        win = app.wait_window(r"^staff\.quire — Quire$")
        app.focus(win)
        app.key("ctrl+5")
        app.wait_widget("quire-search-query")
        app.click("quire-search-query", dx=30)
        app.wait_focus("quire-search-query")
        app.type('"lose my job"')
        app.key("Return")
        app.wait_widget("quire-search-status", lambda w: w.get("label") == "4 passages",
                        "4 passages found")

        # The attribute, then its values (typed to find them, ticked).
        app.click("quire-search-attribute-filter")
        wait_for("the attribute list to open", lambda: app.layout()["focus"] != "quire-search-query",
                 timeout=5)
        attrs = app.widget("quire-search-attribute-filter")["items"]
        app.key(*["Down"] * attrs.index("Role"), "Return")
        app.wait_widget("quire-search-attribute-filter", lambda w: w["selected"] == "Role",
                        "Role chosen")
        values = app.wait_widget("quire-search-values", lambda w: len(w["items"]) == 4)["items"]
        check(values == ["Assistant", "Coordinator", "Head teacher", "Teacher"],
              "the values of Role alone are listed: %s" % values)
        tick_value(app, "ass", "Assistant")
        tick_value(app, "coord", "Coordinator")
        app.wait_widget("quire-search-status", lambda w: w.get("label") == "2 passages",
                        "2 passages: those of assistants and coordinators")
        shot = screenshot(os.path.join(work, "search-filtered.png"))

        # Code All Hits, at the sentence unit (the dialog's default).
        app.click("search/code-all")
        dlg = app.wait_window("^Code All Hits$")
        app.focus(dlg)
        count = app.wait_widget("quire-autocode-count",
                                lambda w: w.get("label", "").startswith("Will code"))
        check(count["label"].startswith("Will code 2 ranges in 2 passages"),
              "the dialog counts 2 sentences: %s" % count["label"])
        app.click("quire-autocode-ok")
        codings = wait_for("the hits coded", lambda: [
            c for c in quire("codings", project, "--json") if c["code"] == "Themes/Job security"])
        texts = sorted(c["text"].strip() for c in codings)
        docs = sorted(c["document"] for c in codings)
        check(texts == [PHRASE, PHRASE],
              "only the sentences holding the phrase are coded: %s" % texts)
        check(docs == ["staff-survey " + i for i in wanted],
              "in the answers of the respondents ticked: %s" % docs)
        app.focus(win)

        # Find Similar: passages like the first result.
        res = app.wait_widget("quire-search-results")
        app.click("quire-search-results", dx=40, dy=12)
        app.click("search/similar")
        status = app.wait_widget("quire-search-status",
                                 lambda w: " like " in w.get("label", ""),
                                 "similar passages listed")["label"]
        n = int(status.split()[0])
        check(n > 0, "Find Similar lists passages: %s" % status)
        shot2 = screenshot(os.path.join(work, "similar.png"))
        check(distinct_colours(shot2, res) > 2, "the similar passages are drawn")
        keep(shot, shot2)
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(run(journey))
