"""Drives the real quire-gui from outside, as a person does: X key presses,
clicks and typing through xdotool, on a project the real quire CLI made, and
checks the result through the CLI's JSON and on screen (screenshots).

Every wait is for a condition, with a timeout; nothing sleeps blindly.
The app describes what it shows (window titles, focus, named widgets and
their screen rectangles, tree items, status text) in a JSON file when started
with QUIRE_GUI_DUMP_LAYOUT=FILE: the driver finds widgets there, to click
them and to read what they show.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

QUIRE = os.environ.get("QUIRE_CLI_PATH", "quire")
QUIRE_GUI = os.environ.get("QUIRE_GUI_PATH", "quire-gui")
TIMEOUT = float(os.environ.get("JOURNEY_TIMEOUT", "20"))


class JourneyFailed(Exception):
    pass


def step(msg):
    print("journey: " + msg, flush=True)


def wait_for(what, cond, timeout=TIMEOUT, every=0.05):
    """Returns cond()'s first true value; fails naming what after timeout."""
    end = time.monotonic() + timeout
    last = None
    while True:
        try:
            last = cond()
        except (OSError, ValueError, KeyError, subprocess.CalledProcessError) as e:
            last = None
            err = e
        else:
            err = None
        if last:
            return last
        if time.monotonic() > end:
            raise JourneyFailed("timed out after %.0f s waiting for %s%s"
                                % (timeout, what, " (%s)" % err if err else ""))
        time.sleep(every)


def quire(*args, check=True):
    """Runs the quire CLI; returns its parsed JSON when --json is given."""
    r = subprocess.run([QUIRE] + [str(a) for a in args], capture_output=True, text=True,
                       timeout=60)
    if check and r.returncode != 0:
        raise JourneyFailed("quire %s failed (%d): %s" % (" ".join(map(str, args)),
                                                          r.returncode, r.stderr.strip()))
    return json.loads(r.stdout) if "--json" in args else r.stdout


def xdo(*args):
    return subprocess.run(["xdotool"] + [str(a) for a in args], capture_output=True,
                          text=True, timeout=30, check=True).stdout.strip()


class App:
    """One quire-gui process and its window."""

    def __init__(self, workdir, *args):
        self.dump = os.path.join(workdir, "layout.json")
        env = dict(os.environ, QUIRE_GUI_DUMP_LAYOUT=self.dump,
                   HOME=workdir,  # its own preferences and recent files
                   XDG_CONFIG_HOME=os.path.join(workdir, "config"),
                   GTK_A11Y="none", NO_AT_BRIDGE="1")
        self.log = open(os.path.join(workdir, "quire-gui.log"), "w")
        self.proc = subprocess.Popen([QUIRE_GUI] + [str(a) for a in args], env=env, cwd=workdir,
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.window = None

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()

    def alive(self):
        if self.proc.poll() is not None:
            raise JourneyFailed("quire-gui exited with %s" % self.proc.returncode)
        return True

    def layout(self):
        self.alive()
        with open(self.dump, encoding="utf-8") as f:
            return json.load(f)

    def widget(self, name):
        for w in self.layout()["named"]:
            if w["name"] == name:
                return w
        return None

    def wait_widget(self, name, cond=lambda w: True, what=None):
        return wait_for(what or "widget %s" % name,
                        lambda: (lambda w: w if w and w["shown"] and cond(w) else None)(
                            self.widget(name)))

    def wait_window(self, pattern):
        """The X window whose title matches pattern (a regex), once mapped."""
        def find():
            self.alive()
            r = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", pattern],
                               capture_output=True, text=True, timeout=10)
            ids = r.stdout.split()
            return ids[-1] if ids else None
        return wait_for("a window titled /%s/" % pattern, find)

    def focus(self, wid):
        """Gives the X window the keyboard (there is no window manager)."""
        xdo("windowfocus", wid)
        wait_for("focus on window %s" % wid, lambda: xdo("getwindowfocus") == wid)

    def wait_focus(self, name):
        return wait_for("keyboard focus in %s" % name,
                        lambda: self.layout()["focus"] == name)

    def key(self, *keys):
        xdo("key", "--delay", "40", *keys)

    def type(self, text):
        xdo("type", "--delay", "20", text)

    def click(self, name, dx=None, dy=None):
        """Clicks a named widget (its middle, or dx/dy into it)."""
        w = self.wait_widget(name)
        x = w["x"] + (w["w"] // 2 if dx is None else dx)
        y = w["y"] + (w["h"] // 2 if dy is None else dy)
        xdo("mousemove", "--sync", x, y)
        xdo("click", "1")


def screenshot(path):
    """The whole screen as the person sees it."""
    subprocess.run(["import", "-window", "root", path], check=True, timeout=30)
    return path


def keep(*shots):
    """Copies the screenshots to $JOURNEY_KEEP (a folder), to look at them."""
    folder = os.environ.get("JOURNEY_KEEP")
    if folder:
        os.makedirs(folder, exist_ok=True)
        for s in shots:
            shutil.copy(s, folder)
    step("screenshots: %s" % " ".join(shots))


def code_selection_as(app, path, win):
    """Codes the text selected with path through Ctrl+K's "Code as" dialog,
    typed as a person does; waits for the dialog to close, then focuses win."""
    app.key("ctrl+k")
    dlg = app.wait_window("^Code as$")
    app.focus(dlg)
    app.type(path)
    app.key("Return")
    wait_for("the Code as dialog to close",
             lambda: all(w["title"] != "Code as" for w in app.layout()["windows"]))
    app.focus(win)


def region_difference(a, b, rect):
    """Pixels that differ between two screenshots inside rect (a widget)."""
    crop = "%dx%d+%d+%d" % (rect["w"], rect["h"], rect["x"], rect["y"])
    r = subprocess.run(["compare", "-metric", "AE", a + "[" + crop + "]",
                        b + "[" + crop + "]", "null:"], capture_output=True, text=True,
                       timeout=30)
    return int(float(r.stderr.split()[0]))


def distinct_colours(path, rect):
    """How many colours a region of a screenshot has (1: blank)."""
    crop = "%dx%d+%d+%d" % (rect["w"], rect["h"], rect["x"], rect["y"])
    r = subprocess.run(["identify", "-format", "%k", path + "[" + crop + "]"],
                       capture_output=True, text=True, check=True, timeout=30)
    return int(r.stdout.strip())


def team_database(name):
    """A new team database on the throwaway PostgreSQL of run_with_pg.sh, owned
    by alice (who may publish), with logins alice and bob; returns a function
    giving a member's address. None (and a skip message) without PostgreSQL."""
    if not os.environ.get("QUIRE_TEST_PG"):
        step("skipped: no PostgreSQL (run through tests/team/run_with_pg.sh)")
        return None

    def psql(sql):
        subprocess.run(["psql", "-X", "-q", os.environ["QUIRE_TEST_PG"], "-c", sql], check=True,
                       capture_output=True)

    host = os.environ["QUIRE_TEST_PG_HOST"]
    db = "%s_%d" % (name, os.getpid())
    for who in ("alice", "bob"):
        psql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s') "
             "THEN CREATE ROLE %s LOGIN; END IF; END $$" % (who, who))
    psql("ALTER ROLE alice CREATEROLE")
    psql("CREATE DATABASE %s OWNER alice" % db)
    return lambda who: "host=%s dbname=%s user=%s" % (host, db, who)


def check(cond, msg):
    if not cond:
        raise JourneyFailed(msg)
    step("ok: " + msg)


def run(journey):
    """Runs journey(workdir) in a fresh folder; exit code 0 when it passes."""
    for tool in ("xdotool", "import", "compare", "identify"):
        if not shutil.which(tool):
            print("journey: %s is missing (packaging/deps.sh installs it)" % tool)
            return 1
    work = tempfile.mkdtemp(prefix="quire-journey-")
    started = time.monotonic()
    try:
        journey(work)
    except Exception as e:  # a failed check, or a tool that broke
        if not isinstance(e, JourneyFailed):
            import traceback
            traceback.print_exc()
        print("journey: FAILED: %s (files kept in %s)" % (e, work))
        for name in ("quire-gui.log", "layout.json"):
            p = os.path.join(work, name)
            if os.path.exists(p):
                print("---- %s\n%s" % (name, open(p, encoding="utf-8", errors="replace").read()[-4000:]))
        return 1
    step("passed in %.1f s" % (time.monotonic() - started))
    shutil.rmtree(work, ignore_errors=True)
    return 0
