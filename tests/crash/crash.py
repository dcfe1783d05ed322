#!/usr/bin/env python3
"""Crash harness (docs/reliability.md, "How it is tested").

Runs real `quire` CLI processes on a project in a loop of import, code, uncode,
undo, redo, merge, export and reindex, and kills most of them with SIGKILL (the
whole process group) at a random moment of their run. After every kill:

- the project opens (`quire info`), `PRAGMA integrity_check` is ok and no
  foreign key dangles;
- the project is exactly as before the killed command or exactly as after it
  (the "after" is made by running the same command to its end on a copy of the
  project taken just before), so every acknowledged action (a command that
  exited 0) is there and nothing half-done is;
- search agrees with the data: `search 'code:"X"'` returns the passages the
  codings of X cover, and each document's own word finds exactly that document;
- a killed export left either the previous complete file or the new one.

Commands that were not killed must exit 0. Deterministic from --seed (printed;
pass it to replay the same random choices; where a kill lands inside a command
still depends on timing, and once one lands differently the runs may diverge).
Bounded by --kills and --max-seconds.
Exit status 0 when every check held, 1 when one failed, 2 on a usage error.
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import quire_harness as qh  # noqa: E402

P = "p.quire"
CODES = ["Purpose/Sceptical", "Purpose/Hopeful", "Barriers/Time", "Barriers/Money", "Trust"]
EXPORTS = ["report.xlsx", "study.qdpx", "report.html", "segments.csv"]
# How often each action comes up, and how often it is killed.
WEIGHTS = {"code": 28, "uncode": 5, "undo": 14, "redo": 9, "import": 14, "merge": 7,
           "export": 11, "reindex": 12}
KILL_SHARE = 0.8


class Run:
    def __init__(self, args, seed, run_no, totals):
        self.args = args
        self.rng = random.Random(seed * 1000 + run_no)
        self.totals = totals
        self.dir = tempfile.mkdtemp(prefix="quire-crash-")
        self.inputs = os.path.join(self.dir, "inputs")
        self.work = os.path.join(self.dir, "work")
        self.scratch = os.path.join(self.dir, "scratch")
        os.makedirs(self.inputs)
        os.makedirs(self.work)
        self.q = qh.Quire(args.quire, self.work, "crash")
        self.tokens = {}  # document token -> document name
        self.docs_made = 0
        self.durations = {}  # action -> running mean of an unkilled run (s)
        self.log = []

    # --- setting up ---------------------------------------------------------
    def new_document(self, big=False):
        self.docs_made += 1
        name = "interview-%03d" % self.docs_made
        token = "zqtok%05dx" % (self.docs_made * 7919 % 100000)
        paragraphs = self.rng.randint(150, 600) if big else self.rng.randint(5, 60)
        path = os.path.join(self.inputs, name + ".txt")
        qh.write_document(path, self.rng, token, paragraphs)
        self.tokens[token] = name
        return path

    def must(self, args):
        rc, out, err = self.q.run(args)
        if rc != 0:
            raise qh.CommandFailed(args, rc, err)
        return out

    def setup(self):
        self.must(["init", P])
        for _ in range(3):
            self.must(["import", P, self.new_document()])
        for c in CODES:
            self.must(["codes", "add", P, c])
        # The project merged in again and again: two of our documents (matched by
        # content), one of its own, codings by another coder.
        other = qh.Quire(self.args.quire, self.inputs, "ben")
        for args in (["init", "other.quire"],
                     ["import", "other.quire", os.path.join(self.inputs, "interview-001.txt")],
                     ["import", "other.quire", os.path.join(self.inputs, "interview-002.txt")],
                     ["import", "other.quire", self.new_document()]):
            rc, _, err = other.run(args)
            if rc != 0:
                raise qh.CommandFailed(args, rc, err)
        for i, c in enumerate(CODES[:3]):
            rc, _, err = other.run(["code", "other.quire", "--doc", "interview-00%d" % (i % 2 + 1),
                                    "--range", "%d:%d" % (10 + 40 * i, 30 + 40 * i), "--code", c,
                                    "--create"])
            if rc != 0:
                raise qh.CommandFailed(["code"], rc, err)
        self.must(["search", P, "school"])  # build the index, so actions keep it up to date

    # --- choosing an action -------------------------------------------------
    def documents(self, st):
        return [(r[1], r[6]) for r in st["document"]]  # (name, length)

    def choose(self, st):
        kinds = list(WEIGHTS)
        kind = self.rng.choices(kinds, [WEIGHTS[k] for k in kinds])[0]
        docs = self.documents(st)
        r = self.rng
        if kind == "uncode":
            mine = sorted(c for c in qh.codings_of(st) if c[4] == "crash")
            if mine:
                doc, code, s, e, _ = r.choice(mine)
                a = r.randint(s, e - 1)
                b = r.randint(a + 1, e)
                return kind, ["uncode", P, "--doc", doc, "--range", "%d:%d" % (a, b),
                              "--code", code]
            kind = "code"
        if kind == "code":
            if not docs:
                kind = "import"
            else:
                name, length = r.choice(docs)
                s = r.randrange(0, max(1, length - 1))
                e = min(length, s + r.randint(1, 400))
                # --create: an undo may have taken back the code's "codes add".
                args = [kind, P, "--doc", name, "--range", "%d:%d" % (s, e),
                        "--code", r.choice(CODES), "--create"]
                if kind == "code" and r.random() < 0.2:
                    args += ["--memo", "note %d" % r.randrange(1000)]
                return kind, args
        if kind == "import":
            return kind, ["import", P, self.new_document(big=r.random() < 0.3)]
        if kind in ("undo", "redo"):
            return kind, [kind, P, "-n", str(r.choice([1, 1, 1, 2, 3]))]
        if kind == "merge":
            return kind, ["merge", P, os.path.join(self.inputs, "other.quire")]
        if kind == "export":
            return kind, ["export", P, r.choice(EXPORTS)]
        return kind, ["reindex", P]

    # --- running one action, maybe killing it -------------------------------
    def backup(self):
        shutil.rmtree(self.scratch, ignore_errors=True)
        shutil.copytree(self.work, self.scratch,
                        ignore=shutil.ignore_patterns("*.part*"))

    def after_states(self, args):
        """The states the killed command may have left besides the one before it:
        the same command run to its end on the copy taken before it. `undo -n N`
        and `redo -n N` are N actions, each its own transaction (as N single
        undos), so the state after each of them counts too."""
        replay = qh.Quire(self.args.quire, self.scratch, "crash")
        runs = [args]
        if args[0] in ("undo", "redo") and int(args[3]) > 1:
            runs = [[args[0], P, "-n", "1"]] * int(args[3])
        states = []
        for a in runs:
            rc, _, err = replay.run(a)
            if rc != 0:
                return states, "replay exited %d: %s" % (rc, qh.one_line(err))
            st, problems = qh.state(os.path.join(self.scratch, P))
            states.append(st)
        return states, ""

    def step(self, st):
        kind, args = self.choose(st)
        kill = self.rng.random() < KILL_SHARE
        mean = self.durations.get(kind, 0.08)
        delay = self.rng.uniform(0, mean * 1.15)
        if kill:
            self.backup()
        export_before = None
        if kind == "export":
            export_before = self.export_valid(args[2])
        t0 = time.monotonic()
        p = self.q.start(args)
        killed = False
        if kill:
            try:
                p.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                qh.kill_group(p)
                killed = True
        rc, out, err = self.q.finish(p)
        took = time.monotonic() - t0
        if killed and rc != -9:
            killed = False  # it had ended on its own just before the kill
        if not killed:
            self.durations[kind] = 0.7 * self.durations.get(kind, took) + 0.3 * took
            if rc != 0:
                self.fail("failed command", args, "exited %d: %s" % (rc, qh.one_line(err)))
            return self.check(args, kind, st, None, export_before, killed=False)
        self.totals["kills"] += 1
        self.totals["kills_by"][kind] = self.totals["kills_by"].get(kind, 0) + 1
        return self.check(args, kind, st, delay, export_before, killed=True)

    def export_valid(self, name):
        path = os.path.join(self.work, name)
        if not os.path.exists(path):
            return None
        if name.endswith((".xlsx", ".qdpx")):
            try:
                with zipfile.ZipFile(path) as z:
                    return z.testzip() is None
            except zipfile.BadZipFile:
                return False
        if name.endswith(".html"):
            with open(path, "rb") as f:
                return b"</html>" in f.read()[-4096:]
        return True

    # --- the checks ---------------------------------------------------------
    def check(self, args, kind, before, delay, export_before, killed):
        """Checks after a command; returns the state now (the next action's before)."""
        if not killed and self.rng.random() > self.args.check_share:
            st, _ = qh.state(os.path.join(self.work, P))
            return st
        what = "kill after %.3f s" % delay if killed else "completed"
        rc, _, err = self.q.run(["info", P, "--json"])
        if rc != 0:
            self.fail("does not open", args, "%s; quire info exited %d: %s"
                      % (what, rc, qh.one_line(err)))
        now, problems = qh.state(os.path.join(self.work, P))
        for pr in problems:
            self.fail("integrity", args, "%s; %s" % (what, pr))
        if killed:
            self.totals["kills_unchanged" if now == before else "kills_changed"] += 1
        if killed and now != before:
            afters, why = self.after_states(args)
            after = afters[-1] if afters else None
            if now in afters[:-1]:
                self.totals["kills_between_steps"] += 1
            elif after is None or now != after:
                lost = qh.codings_of(before) - qh.codings_of(now)
                if after is not None:
                    lost -= qh.codings_of(before) - qh.codings_of(after)
                self.totals["lost"] += len(lost)
                self.fail("neither before nor after", args,
                          "%s; tables differing from before: %s; from after: %s; %d acknowledged "
                          "coding(s) missing, e.g. %s%s" % (
                              what, diff_tables(before, now),
                              diff_tables(after, now) if after else "-", len(lost),
                              sorted(lost)[:2], "; " + why if why else ""))
        if kind == "export" and killed:
            valid = self.export_valid(args[2])
            if valid is False or (export_before is not None and valid is None):
                self.totals["broken_exports"] += 1
                self.fail("broken export", args, "%s; %s is %s (before: %s)" % (
                    what, args[2], "missing" if valid is None else "incomplete",
                    "complete" if export_before else "absent"))
        try:
            disagreements, compared = qh.search_agrees(self.q, P, self.tokens)
            self.totals["compared"] += compared
        except qh.CommandFailed as e:
            disagreements = ["a command of the check failed: %s" % e]
        for d in disagreements:
            self.totals["stale"] += 1
            self.fail("stale search", args, "%s; %s" % (what, d))
        self.totals["checks"] += 1
        return now

    def fail(self, category, args, detail):
        self.totals["failures"].append((category, self.seed_note(), " ".join(args), detail))
        if category == "failed command":
            self.totals["failed_commands"] += 1
        print("crash: FAILED [%s] %s quire %s: %s" % (category, self.seed_note(), " ".join(args),
                                                     detail), flush=True)

    def seed_note(self):
        return "(seed %d run %d)" % (self.args.seed, self.run_no)

    def go(self, deadline, kills_wanted):
        try:
            self.setup()
            st, _ = qh.state(os.path.join(self.work, P))
            steps = 0
            while (steps < self.args.steps and self.totals["kills"] < kills_wanted
                   and not deadline.passed()):
                st = self.step(st)
                steps += 1
                self.totals["commands"] += 1
            parts = [f for f in os.listdir(self.work) if ".part" in f]
            self.totals["leftover_parts"] += len(parts)
        finally:
            self.q.kill_all()
            if self.args.keep:
                print("crash: kept %s" % self.dir)
            else:
                shutil.rmtree(self.dir, ignore_errors=True)


def diff_tables(a, b):
    """Which tables differ; for a few rows, how (rows only in a -> rows only in b)."""
    out = []
    for t in sorted(set(a) | set(b)):
        ra, rb = set(a.get(t, [])), set(b.get(t, []))
        if ra != rb:
            only_a, only_b = sorted(ra - rb), sorted(rb - ra)
            if len(only_a) + len(only_b) <= 4:
                out.append("%s %s -> %s" % (t, only_a, only_b))
            else:
                out.append("%s (%d rows -> %d rows)" % (t, len(only_a), len(only_b)))
    return ", ".join(out) or "none"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quire", required=True, help="the quire CLI to run")
    ap.add_argument("--seed", type=int, default=os.environ.get("QUIRE_CRASH_SEED"),
                    help="replay this seed (default: $QUIRE_CRASH_SEED, else a new one, printed)")
    ap.add_argument("--kills", type=int, default=60, help="stop after this many kills")
    ap.add_argument("--min-kills", type=int, default=50,
                    help="fail when the time limit came before this many kills")
    ap.add_argument("--steps", type=int, default=120, help="commands per run (a new project each)")
    ap.add_argument("--max-seconds", type=float, default=600)
    ap.add_argument("--check-share", type=float, default=0.25,
                    help="share of completed commands followed by the full check")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = ap.parse_args()
    args.seed = qh.pick_seed(args.seed)
    qh.stop_on_sigterm()
    print("crash: seed %d (replay: %s --seed %d)" % (args.seed, sys.argv[0], args.seed), flush=True)
    totals = {"kills": 0, "kills_by": {}, "commands": 0, "checks": 0, "lost": 0, "stale": 0,
              "failed_commands": 0, "kills_unchanged": 0, "kills_changed": 0,
              "kills_between_steps": 0, "compared": 0, "broken_exports": 0,
              "leftover_parts": 0, "failures": [], "runs": 0}
    deadline = qh.Deadline(args.max_seconds)
    started = time.monotonic()
    run_no = 0
    try:
        while totals["kills"] < args.kills and not deadline.passed():
            run_no += 1
            r = Run(args, args.seed, run_no, totals)
            r.run_no = run_no
            r.go(deadline, args.kills)
            totals["runs"] += 1
            print("crash: run %d done: %d kills, %d failures so far, %.0f s" % (
                run_no, totals["kills"], len(totals["failures"]), time.monotonic() - started),
                flush=True)
    except (KeyboardInterrupt, SystemExit):
        print("crash: interrupted")
        totals["failures"].append(("interrupted", "", "", ""))
    took = time.monotonic() - started
    inconsistent = sum(1 for f in totals["failures"] if f[0] == "neither before nor after")
    other = len(totals["failures"]) - inconsistent - totals["stale"] - totals["failed_commands"]
    print("crash: kills by action: %s" % ", ".join(
        "%s %d" % kv for kv in sorted(totals["kills_by"].items())))
    print("crash: after %d kills the project was as before the command, after %d as after it "
          "(%d of them between the steps of undo/redo -n N)"
          % (totals["kills_unchanged"], totals["kills_changed"], totals["kills_between_steps"]))
    print("crash: the search checks compared %d coded passages and documents with the data"
          % totals["compared"])
    print("crash: %d kills, %d runs, %d commands, %d checks, %d lost acknowledged codings, "
          "%d states neither before nor after, %d stale searches, %d failed commands, "
          "%d other failures, %d leftover .part files, %.0f s (seed %d)" % (
              totals["kills"], totals["runs"], totals["commands"], totals["checks"],
              totals["lost"], inconsistent, totals["stale"], totals["failed_commands"], other,
              totals["leftover_parts"], took, args.seed))
    if totals["failures"]:
        return 1
    if totals["kills"] < args.min_kills:
        print("crash: FAILED: only %d kills in %.0f s (want %d)" % (totals["kills"], took,
                                                                 args.min_kills))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
