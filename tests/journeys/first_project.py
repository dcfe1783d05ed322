"""Journey (issue 17, the first journey): a researcher's first project, from
nothing, by keys. File > New Project (Ctrl+N, a name typed), File > Import
Folder (Ctrl+Shift+I, the folder's path typed) of three interviews with
speaker turns; text selected with the keys and coded with a new code
(Ctrl+K, its name typed), undone and redone with the focus in the document
(Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y); a second passage of another interview coded
with a second new code; a memo written on the first coding (Ctrl+M); the
first code renamed in the Codebook (F2) and moved under the second (Codes >
Move To…, the new parent's name typed). Each step is checked in the project
file through the CLI's JSON and on screen (what the window shows, and
screenshots of the pane it changed)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from journey import (App, check, code_selection_as, distinct_colours, quire, region_difference,
                     run, screenshot, step, wait_for)

INTERVIEWS = {
    "ana": ("Interviewer: How did you come to the network?\n\n"
            "Ana: A colleague asked me along. I was tired of solving everything alone.\n\n"
            "Interviewer: What changed for you?\n\n"
            "Ana: Advice on hard cases, every month, from heads who had been there.\n"),
    "ben": ("Interviewer: What did the network give you?\n\n"
            "Ben: Time to think. Calmer staff meetings, because I was calmer.\n\n"
            "Interviewer: And what got in the way?\n\n"
            "Ben: Cover for my classes, and the rail strike.\n"),
    "cleo": ("Interviewer: Would you recommend it?\n\n"
             "Cleo: To a new head, yes. Nobody else tells you the truth about the job.\n"),
}


def codings(project):
    return quire("codings", project, "--json")


def code_paths(project):
    return sorted(c["path"] for c in quire("codes", "list", project, "--json"))


def tree_place(app, name, text):
    """The on-screen rectangle of a tree item whose text starts with text."""
    w = app.widget(name)
    for p in w["places"] if w else []:
        if p["text"].startswith(text):
            return p
    return None


def click_at(xy):
    from journey import xdo
    xdo("mousemove", "--sync", xy[0], xy[1])
    xdo("click", "1")


def open_document(app, win, name):
    """Opens an interview from Sources by keys: a click on its row, Enter."""
    app.focus(win)
    place = wait_for("%s listed in Sources" % name,
                     lambda: tree_place(app, "quire-sources-tree", name))
    click_at((place["x"] + 10, place["y"] + place["h"] // 2))
    app.wait_widget("quire-sources-tree", lambda w: w["selected"].startswith(name),
                    "%s selected in Sources" % name)
    app.key("Return")
    app.wait_widget("quire-document-title", lambda w: name in w.get("label", ""),
                    "the document view to show %s" % name)


def select_words(app, line, words, expect):
    """Puts the caret in the document, then selects by keys: Ctrl+Home, Down
    to the turn's line, Ctrl+Right twice over its speaker ("Ana", ":"),
    Ctrl+Shift+Right over the words."""
    app.click("quire-document-text", dx=30, dy=8)
    app.wait_focus("quire-document-text")
    app.key("ctrl+Home", *["Down"] * line, "Home", "ctrl+Right", "ctrl+Right",
            *["ctrl+shift+Right"] * words)
    return app.wait_widget("quire-document-text", lambda w: w["selection"].strip() == expect,
                           "%r selected" % expect)["selection"]


def journey(work):
    folder = os.path.join(work, "interviews")
    os.makedirs(folder)
    for name, text in INTERVIEWS.items():
        with open(os.path.join(folder, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    project = os.path.join(work, "first.quire")

    app = App(work)
    try:
        # 1. A new project through the New Project dialog.
        win = app.wait_window(r"^Quire$")
        app.focus(win)
        app.key("ctrl+n")
        dlg = app.wait_window("^New project$")
        app.focus(dlg)
        app.type("first.quire")  # over the selected "study" of "study.quire"
        app.key("Return")
        win = app.wait_window(r"^first\.quire — Quire$")
        app.focus(win)
        info = quire("info", project, "--json")
        check(info is not None and quire("docs", "list", project, "--json") == [],
              "first.quire is made, empty (quire info, docs list)")
        app.wait_widget("quire-codebook-hint")
        empty = screenshot(os.path.join(work, "1-empty.png"))
        sources = app.wait_widget("quire-sources-tree")

        # 2. Import the folder: Ctrl+Shift+I, its path typed.
        app.key("ctrl+shift+i")
        dlg = app.wait_window("^Import a folder$")
        app.focus(dlg)
        app.key("ctrl+l")
        app.type(folder)  # no "/" at its end: that opens the folder instead of choosing it
        app.key("Return")
        docs = wait_for("three interviews in the project",
                        lambda: (lambda d: d if len(d) == 3 else None)(
                            quire("docs", "list", project, "--json")), timeout=40)
        names = sorted(d["name"] for d in docs)
        check(names == ["ana", "ben", "cleo"], "the folder's three interviews: %s" % names)
        wait_for("the folder dialog to close",
                 lambda: all(w["title"] != "Import a folder" for w in app.layout()["windows"]))
        app.focus(win)
        tree = app.wait_widget("quire-sources-tree",
                               lambda w: all(any(i.startswith(n) for i in w["items"])
                                             for n in names), "the interviews in Sources")
        step("Sources: %s" % tree["items"])
        imported = screenshot(os.path.join(work, "2-imported.png"))
        diff = region_difference(empty, imported, sources)
        check(diff > 200, "Sources draws the interviews (%d pixels differ)" % diff)

        # 3. Code a passage of Ana's with a new code, by keys.
        open_document(app, win, "ana")
        text = app.wait_widget("quire-document-text")
        step("ana as shown: %r" % text["text"][:120])
        before = screenshot(os.path.join(work, "3-before.png"))
        check(distinct_colours(before, text) > 2, "the interview is drawn")
        sel = select_words(app, 6, 4, "Advice on hard cases")
        code_selection_as(app, "Peer support", win)
        first = wait_for("one coding in the project",
                         lambda: (lambda c: c if len(c) == 1 else None)(codings(project)))[0]
        check(first["code"] == "Peer support" and first["document"] == "ana"
              and first["text"] == sel,
              "coded %r in %s as a new code %s" % (first["text"], first["document"],
                                                   first["code"]))
        check(code_paths(project) == ["Peer support"], "the new code is in the codebook")
        app.wait_focus("quire-document-text")
        app.key("Right")  # deselect: the coding's colour shows, not the selection's
        app.wait_widget("quire-document-text", lambda w: w["selection"] == "")
        app.wait_widget("quire-document-info", lambda w: w["label"].endswith("1 coding"))
        app.wait_widget("quire-codebook-tree",
                        lambda w: any(i.startswith("Peer support") for i in w["items"]),
                        "Peer support in the Codebook")
        coded = screenshot(os.path.join(work, "4-coded.png"))
        diff = region_difference(before, coded, text)
        check(diff > 500, "the coding is drawn in the text (%d pixels differ)" % diff)

        # 4. Undo and redo with the focus in the document.
        app.wait_focus("quire-document-text")
        app.key("ctrl+z")
        wait_for("Ctrl+Z in the document to undo the coding", lambda: codings(project) == [])
        check(code_paths(project) == [], "undo took the new code away too")
        app.wait_widget("quire-document-info", lambda w: w["label"].endswith("0 codings"))
        app.wait_widget("quire-codebook-tree", lambda w: w["items"] == [],
                        "the Codebook empty again")
        undone = screenshot(os.path.join(work, "5-undone.png"))
        diff = region_difference(before, undone, text)
        check(diff < 200, "after undo the text looks as before (%d pixels differ)" % diff)
        app.wait_focus("quire-document-text")
        app.key("ctrl+shift+z")
        wait_for("Ctrl+Shift+Z in the document to redo it",
                 lambda: [c["text"] for c in codings(project)] == [sel])
        app.wait_widget("quire-document-info", lambda w: w["label"].endswith("1 coding"))
        step("ok: Ctrl+Shift+Z redid the coding")
        app.wait_focus("quire-document-text")
        app.key("ctrl+z")
        wait_for("Ctrl+Z to undo it again", lambda: codings(project) == [])
        app.wait_widget("quire-document-info", lambda w: w["label"].endswith("0 codings"))
        app.wait_focus("quire-document-text")
        app.key("ctrl+y")
        wait_for("Ctrl+Y in the document to redo it",
                 lambda: [c["code"] for c in codings(project)] == ["Peer support"])
        app.wait_widget("quire-document-info", lambda w: w["label"].endswith("1 coding"))
        check(code_paths(project) == ["Peer support"], "Ctrl+Y redid the coding and its code")
        redone = screenshot(os.path.join(work, "6-redone.png"))
        diff = region_difference(coded, redone, text)
        check(diff < 200, "after redo the text looks coded again (%d pixels differ)" % diff)

        # 5. A passage of Ben's with a second new code.
        open_document(app, win, "ben")
        select_words(app, 2, 3, "Time to think")
        app.key("shift+End")
        sel2 = app.wait_widget("quire-document-text",
                               lambda w: w["selection"].startswith("Time to think")
                               and w["selection"].rstrip().endswith("calmer."))["selection"]
        code_selection_as(app, "Benefits", win)
        wait_for("two codings", lambda: len(codings(project)) == 2)
        second = [c for c in codings(project) if c["document"] == "ben"]
        check(len(second) == 1 and second[0]["code"] == "Benefits"
              and second[0]["text"] == sel2,
              "coded %r in ben as a new code Benefits" % sel2)
        check(code_paths(project) == ["Benefits", "Peer support"], "two codes, both top level")

        # 6. A memo on Ana's coding: back to it, the caret in it, Ctrl+M.
        open_document(app, win, "ana")
        select_words(app, 6, 2, "Advice on")
        memos_list = app.wait_widget("quire-memos-list")
        no_memo = screenshot(os.path.join(work, "7-no-memo.png"))
        app.key("ctrl+m")
        dlg = app.wait_window("^Memo on a coding$")
        app.focus(dlg)
        memo = "Advice from peers is what they came for"
        app.type(memo)
        app.key("Tab", "Tab")  # out of the memo's text, over Cancel, to OK
        app.key("Return")
        wait_for("the memo dialog to close",
                 lambda: all(w["title"] != "Memo on a coding" for w in app.layout()["windows"]))
        memos = wait_for("a memo on a coding",
                         lambda: quire("memos", "list", project, "--on", "coding", "--json"))
        ana = [c for c in codings(project) if c["document"] == "ana"][0]
        check(len(memos) == 1 and memos[0]["text"] == memo and memos[0]["target_id"] == ana["id"]
              and ana["memo"] == memo, "the memo is on Ana's coding: %r" % memos[0]["text"])
        app.focus(win)
        app.wait_widget("quire-memos-list",
                        lambda w: any(memo in " ".join(r) for r in w["items"]),
                        "the memo in the Memos pane")
        with_memo = screenshot(os.path.join(work, "8-memo.png"))
        diff = region_difference(no_memo, with_memo, memos_list)
        check(diff > 100, "the Memos pane shows the memo (%d pixels differ)" % diff)

        # 7. Rename the code in the Codebook: a click on it, F2, the name typed, Enter.
        book = app.wait_widget("quire-codebook-tree")
        place = wait_for("Peer support in the Codebook",
                         lambda: tree_place(app, "quire-codebook-tree", "Peer support"))
        click_at((place["x"] + 10, place["y"] + place["h"] // 2))
        app.wait_widget("quire-codebook-tree", lambda w: w["selected"].startswith("Peer support"),
                        "Peer support selected")
        app.wait_focus("quire-codebook-tree")
        named = screenshot(os.path.join(work, "9-named.png"))
        app.key("F2")
        wait_for("the name's editor", lambda: app.layout()["focus"] != "quire-codebook-tree")
        app.key("ctrl+a")
        app.type("Peer advice")
        app.key("Return")
        wait_for("the code renamed",
                 lambda: code_paths(project) == ["Benefits", "Peer advice"])
        check(sorted(c["code"] for c in codings(project)) == ["Benefits", "Peer advice"],
              "the coding is now of Peer advice")
        app.wait_widget("quire-codebook-tree",
                        lambda w: any(i.startswith("Peer advice") for i in w["items"])
                        and not any(i.startswith("Peer support") for i in w["items"]),
                        "the Codebook to show Peer advice")
        renamed = screenshot(os.path.join(work, "10-renamed.png"))
        diff = region_difference(named, renamed, book)
        check(diff > 50, "the Codebook draws the new name (%d pixels differ)" % diff)

        # 8. Move it under Benefits: Codes > Move To… (Alt+C, V), "ben" typed, Enter.
        app.wait_widget("quire-codebook-tree", lambda w: w["selected"].startswith("Peer advice"),
                        "Peer advice selected")
        app.key("alt+c")
        wait_for("the Codes menu", lambda: any(i.startswith("Move To")
                                               for i in app.layout()["menus"]["Codes"]))
        app.key("v")
        dlg = app.wait_window("^Move To$")
        app.focus(dlg)
        app.type("benef")
        app.key("Return")
        wait_for("Peer advice under Benefits",
                 lambda: code_paths(project) == ["Benefits", "Benefits/Peer advice"])
        check(sorted(c["code"] for c in codings(project))
              == ["Benefits", "Benefits/Peer advice"], "the coding moved with its code")
        memos = quire("memos", "list", project, "--on", "coding", "--json")
        check([m["text"] for m in memos] == [memo], "the memo stays on the coding")
        app.focus(win)

        def indented():
            parent = tree_place(app, "quire-codebook-tree", "Benefits")
            child = tree_place(app, "quire-codebook-tree", "Peer advice")
            return parent and child and child["x"] > parent["x"] and child["y"] > parent["y"]
        wait_for("Peer advice drawn under Benefits, indented", indented)
        moved = screenshot(os.path.join(work, "11-moved.png"))
        diff = region_difference(renamed, moved, book)
        check(diff > 50, "the Codebook draws the move (%d pixels differ)" % diff)
        check(app.proc.poll() is None, "the app is still running")
    finally:
        app.close()


if __name__ == "__main__":
    sys.exit(run(journey))
