"""Journey 4: a researcher looks at a staff survey by region. Ctrl+6 shows the
Analysis page with the theme table; a click on its Columns box and the arrow
keys choose Region instead of the default Role, and the table is computed by
region; a click on a cell lists the passages behind it. Then File > Export…
by keys (Ctrl+E, a file name typed, Enter, Enter on the Export Options): the progress dialog closes by
itself, the status bar says where the workbook went, and the workbook (read
with openpyxl) has the Theme table sheet, by Region. The shaded cells and the
chart are checked on screen."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import (App, check, distinct_colours, quire, run, screenshot, step, wait_for,
                     xdo)

ROLES = ["Teacher", "Head", "Coordinator"]
REGIONS = ["North", "South", "East", "West"]
ANSWERS = ["There is never enough time to plan together with the other schools.",
           "The cover costs are too high for a school of our size.",
           "We share lesson plans at the cafe once a month.",
           "Finding time is hard, and the cover costs are high as well."]


def make_project(work):
    project = os.path.join(work, "staff.quire")
    csv = os.path.join(work, "staff-survey.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("ID,Role,Region,Years,Obstacles\n")
        for i in range(1500):
            f.write("R%04d,%s,%s,%d,\"%s\"\n" % (i + 1, ROLES[i % 3], REGIONS[(i // 3) % 4],
                                                 1 + i % 25, ANSWERS[i % 4]))
    quire("init", project)
    quire("import", project, csv, "--id-column", "ID", "--text-columns", "Obstacles")
    quire("codes", "add", project, "Barriers/Time")
    quire("codes", "add", project, "Barriers/Funding")
    quire("codes", "add", project, "Purpose/Sharing")
    quire("autocode", project, "time", "--code", "Barriers/Time")
    quire("autocode", project, "cover", "--code", "Barriers/Funding")
    quire("autocode", project, "share", "--code", "Purpose/Sharing")
    return project


def pixel(path, x, y):
    """The (r, g, b) of one pixel of a screenshot."""
    r = subprocess.run(["convert", "%s[1x1+%d+%d]" % (path, x, y), "-format",
                        "%[fx:int(255*r)] %[fx:int(255*g)] %[fx:int(255*b)]", "info:"],
                       capture_output=True, text=True, check=True, timeout=30)
    return tuple(int(v) for v in r.stdout.split())


def column_labels(grid):
    return [c["label"] for c in grid.get("columns", [])]


def journey(work):
    project = make_project(work)
    app = App(work, project)
    try:
        win = app.wait_window(r"^staff\.quire — Quire$")
        app.focus(win)
        app.key("ctrl+6")
        grid = app.wait_widget("quire-analysis-grid", lambda w: len(w.get("rows", [])) > 0,
                               "the theme table on the Analysis page")
        kind = app.wait_widget("quire-analysis-kind")
        check(kind["selection"] == "Theme table", "the page shows the theme table")
        cols = app.wait_widget("quire-analysis-columns")
        check(cols["enabled"], "the Columns box can be used (it was greyed out)")
        check(cols["selection"] == "Role" and column_labels(grid) == sorted(ROLES),
              "by default the columns are the Role's values: %s" % column_labels(grid))

        # Choose Region: a click on the box, arrow keys, Enter.
        steps = cols["items"].index("Region") - cols["items"].index(cols["selection"])
        app.click("quire-analysis-columns")
        app.key(*(["Down"] * steps), "Return")
        grid = app.wait_widget("quire-analysis-grid",
                               lambda w: column_labels(w) == sorted(REGIONS),
                               "the table by Region")
        check(app.widget("quire-analysis-columns")["selection"] == "Region",
              "the Columns box says Region")
        shot = screenshot(os.path.join(work, "by-region.png"))
        chart = app.wait_widget("quire-analysis-chart")
        check(distinct_colours(shot, chart) > 3, "the column chart is drawn beside the table")
        # A cell's background (a corner inside it, off its text) is shaded.
        rgb = pixel(shot, grid["columns"][0]["x"] + 3, grid["rows"][0]["y"] + 3)
        check(rgb != (255, 255, 255) and rgb[2] > rgb[0],
              "the cells are shaded blue by value: %s" % (rgb,))

        # Click the Time row's North cell: its passages are listed.
        rows = [r["label"].strip() for r in grid["rows"]]
        r = rows.index("Time")
        c = column_labels(grid).index("North")
        cell = grid["cells"][r][c]
        count = int(cell.split()[0])
        x = grid["columns"][c]["x"] + grid["columns"][c]["w"] // 2
        y = grid["rows"][r]["y"] + grid["rows"][r]["h"] // 2
        xdo("mousemove", "--sync", x, y)
        xdo("click", "1")
        listed = app.wait_widget("quire-analysis-passages", lambda w: len(w["items"]) > 0,
                                 "the passages behind the cell")["items"]
        check(app.widget("quire-analysis-grid")["cursor"] == [r, c], "the cell is selected")
        # One answer per respondent: as many passages as cases in the cell
        # (the list shows at most 200 in the layout).
        check(len(listed) == min(count, 200), "%d passages listed for a cell of %d cases"
              % (len(listed), count))
        check(all("time" in p[2].lower() for p in listed), "each passage speaks of time")

        # File > Export… by keys.
        app.focus(win)
        app.key("ctrl+e")
        dlg = app.wait_window("^Export$")
        app.focus(dlg)
        app.key("ctrl+a")
        app.type("staff-analysis.xlsx")
        app.key("Return")
        # The export's options (as `quire export` has them): Enter takes the defaults.
        options = app.wait_window("^Export Options$")
        app.focus(options)
        app.key("Return")
        out = os.path.join(work, "staff-analysis.xlsx")
        seen = []

        def finished():
            titles = [w["title"] for w in app.layout()["windows"]]
            if any(t.startswith("Exporting") for t in titles):
                seen.append(True)
                return False
            return os.path.exists(out) and app.layout()["status"].startswith("Exported")
        wait_for("the export to finish and its dialog to close", finished, timeout=60)
        step("the progress dialog was %sseen" % ("" if seen else "not "))
        status = app.layout()["status"]
        check(out in status, "the status bar says where: %s" % status)
        titles = [w["title"] for w in app.layout()["windows"]]
        check(not any(t.startswith("Export") for t in titles),
              "no export dialog is left open: %s" % titles)

        read = subprocess.run(
            ["/usr/bin/python3", "-c",
             "import openpyxl, sys\n"
             "wb = openpyxl.load_workbook(sys.argv[1])\n"
             "print('|'.join(wb.sheetnames))\n"
             "ws = wb['Theme table']\n"
             "print(' '.join(str(c.value) for row in ws.iter_rows(max_row=4) for c in row"
             " if c.value is not None))\n", out],
            capture_output=True, text=True, timeout=60)
        check(read.returncode == 0, "openpyxl reads the workbook %s" % read.stderr[-300:])
        sheets, theme = read.stdout.split("\n", 1)
        check("Theme table" in sheets.split("|"), "the workbook has the Theme table sheet: %s"
              % sheets)
        check("by Region" in theme and "North" in theme,
              "the theme sheet is by the Region chosen: %s" % theme[:200])
        check(app.proc.poll() is None, "the app is still running")
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(run(journey))
