"""Journey 4: a researcher imports a survey through the preview by keyboard
and mouse (Ctrl+I, the path typed into the file dialog), makes a column the
importer took for an attribute an open-ended question (its Role cell clicked,
"o" typed), and imports. The survey grid opens (not one respondent's
document), at the left: the ID and both questions in view. They filter the
grid to one region, click an answer, select its first words by keyboard and
code them with a new code (Ctrl+K). Checked through the CLI's JSON (two
questions, one coding of the words in that respondent's answer, the question
codes untouched) and on screen: the grid's cell carries the coded marker, and
the reader does not colour the question code."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import (App, check, code_selection_as, distinct_colours, keep, quire,
                     region_difference, run, screenshot, step, wait_for, xdo)
from survey_fixture import write_survey


def grid_of(app, name):
    w = app.wait_widget(name, lambda w: "grid" in w)
    return w, w["grid"]


def click_at(x, y):
    xdo("mousemove", "--sync", x, y)
    xdo("click", "1")


def click_cell(app, name, row, col):
    w, g = grid_of(app, name)
    c, r = g["columns"][col], g["first_rows"][row]
    click_at(c["x"] + min(c["w"] // 2, 60), r["y"] + r["h"] // 2)


def visible_windows():
    r = subprocess.run(["xdotool", "search", "--onlyvisible", "--maxdepth", "1", "--name", ""],
                       capture_output=True, text=True, timeout=10)
    return set(r.stdout.split())


def choose_in(app, name, item):
    """Picks an item of a drop-down (a GTK combo box): a click opens its
    list, the arrow keys walk to the item, Return takes it."""
    w = app.wait_widget(name, lambda w: item in w.get("items", []),
                        "%s to offer %s" % (name, item))
    now = w["items"].index(w["selected"]) if w["selected"] in w["items"] else 0
    before = visible_windows()
    app.click(name)
    wait_for("the list of %s to open" % name, lambda: visible_windows() - before, timeout=5)
    want = w["items"].index(item)
    keys = ["Down"] * (want - now) if want >= now else ["Up"] * (now - want)
    if keys:
        app.key(*keys)
    app.key("Return")
    app.wait_widget(name, lambda w: w["selected"] == item, "%s to show %s" % (name, item))


def journey(work):
    project = os.path.join(work, "staff.quire")
    csv = os.path.join(work, "staff-survey.csv")
    rows = write_survey(csv)
    quire("init", project)

    app = App(work, project)
    try:
        win = app.wait_window(r"^staff\.quire — Quire$")
        app.focus(win)
        app.key("ctrl+i")
        dlg = app.wait_window("^Import files$")
        app.focus(dlg)
        app.key("ctrl+l")
        app.type(csv)
        app.key("Return")

        preview = app.wait_window("^Import Preview$")
        app.focus(preview)
        _, g = grid_of(app, "quire-import-preview-grid")
        roles = {r["values"][0]: r["values"][1] for r in g["first_rows"]}
        check(roles["ID"] == "ID" and roles["Why did you join?"] == "Open-ended"
              and roles["What got in the way?"] == "Attribute",
              "the preview shows the importer's guesses: %s" % roles)
        row = [r["values"][0] for r in g["first_rows"]].index("What got in the way?")
        click_cell(app, "quire-import-preview-grid", row, 1)
        app.wait_widget("quire-import-preview-grid",
                        lambda w: w["grid"]["cursor"] == [row, 1], "the Role cell selected")
        app.type("o")
        app.wait_widget("quire-import-preview-grid",
                        lambda w: w["grid"]["first_rows"][row]["values"][1] == "Open-ended",
                        "the column to become open-ended")
        step("ok: 'What got in the way?' made open-ended by typing o")
        app.click("quire-import-preview-import")
        wait_for("the preview to close",
                 lambda: all(w["title"] != "Import Preview" for w in app.layout()["windows"]))
        app.focus(win)

        # The survey grid opens, at the left, with the answers beside the ID.
        w, g = grid_of(app, "quire-survey-grid")
        w = app.wait_widget("quire-survey-grid", lambda w: w["grid"]["rows"] == 20,
                            "the survey grid with 20 respondents")
        g = w["grid"]
        labels = [c["label"].rstrip(" \u25b2\u25bc") for c in g["columns"]]
        check(labels[:3] == ["Respondent", "Why did you join?", "What got in the way?"],
              "the ID and both questions come first: %s" % labels[:4])
        check(all(c["shown"] for c in g["columns"][:3]) and g["frozen_cols"] == 1,
              "the ID (frozen) and both questions are in view")
        check(not app.widget("quire-document-text")["shown"],
              "no respondent's document is opened instead")

        # Filter the grid: only Wales.
        choose_in(app, "quire-survey-filter-attribute", "Region")
        choose_in(app, "quire-survey-filter-value", "Wales")
        wales = sorted(r["ID"] for r in rows if r["Region"] == "Wales")
        w = app.wait_widget("quire-survey-grid",
                            lambda w: w["grid"]["rows"] == len(wales), "the grid filtered")
        shown = [r["values"][0] for r in w["grid"]["first_rows"]]
        check(shown == wales, "only the respondents of Wales: %s" % shown)
        app.wait_widget("quire-survey-count",
                        lambda w: w["label"].startswith("%d of 20 respondents" % len(wales)))

        # Code the first words of the first answer shown with a new code.
        first = wales[0]
        click_cell(app, "quire-survey-grid", 0, 1)
        answer = next(r["Why did you join?"] for r in rows if r["ID"] == first)
        app.wait_widget("quire-survey-answer", lambda w: w["text"] == answer,
                        "the reader to show %s's answer" % first)
        before = screenshot(os.path.join(work, "before-coding.png"))
        reader = app.widget("quire-survey-answer")
        check(distinct_colours(before, {"x": reader["x"], "y": reader["y"], "w": 120,
                                         "h": 18}) > 2, "the answer is drawn in the reader")
        app.click("quire-survey-answer", dx=40, dy=10)
        app.wait_focus("quire-survey-answer")
        app.key("ctrl+Home", *["ctrl+shift+Right"] * 3)
        words = " ".join(answer.split()[:3])
        app.wait_widget("quire-survey-answer", lambda w: w["selection"].strip() == words,
                        "the first three words selected")
        code_selection_as(app, "Themes/Motive", win)
        codings = wait_for("the new coding in the project", lambda: [
            c for c in quire("codings", project, "--json") if c["code"] == "Themes/Motive"])
        check(len(codings) == 1 and codings[0]["text"].strip() == words
              and codings[0]["document"] == "staff-survey " + first,
              "coded %r in %s's answer" % (codings[0]["text"], first))
        surveys = quire("surveys", "list", project, "--json")
        check(len(surveys) == 1 and surveys[0]["respondents"] == 20
              and surveys[0]["questions"] == 2,
              "the project holds one survey of 20 respondents and 2 questions: %s" % surveys)
        questions = [c for c in quire("codings", project, "--json")
                     if c["code"].startswith("Questions/")]
        expected = sum(1 for r in rows for q in ("Why did you join?", "What got in the way?")
                       if r[q])
        check(len(questions) == expected,
              "the question codes are untouched: %d answers" % len(questions))

        # On screen: the cell carries the coded marker.
        app.key("Right")
        app.wait_widget("quire-survey-answer", lambda w: w["selection"] == "")
        after = screenshot(os.path.join(work, "after-coding.png"))
        _, g = grid_of(app, "quire-survey-grid")
        c, r = g["columns"][1], g["first_rows"][0]
        marker = {"x": c["x"] + c["w"] - 24, "y": r["y"], "w": 24, "h": r["h"]}
        diff = region_difference(before, after, marker)
        check(diff > 40, "the answer's cell carries the coded marker (%d pixels)" % diff)
        keep(before, after)
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(run(journey))
