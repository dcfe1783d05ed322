#!/usr/bin/env python3
"""Concurrency harness (docs/reliability.md, "How it is tested").

2 and then 4 processes work on one project at once, each as its own coder,
each running real `quire` CLI commands one after another: code, undo (their
own last action), import, reindex and search. Every command must exit 0 (a
user waiting on another program's write is not an error). At the end:

- the project opens and `PRAGMA integrity_check` is ok;
- every coder's codings and documents are exactly those of their acknowledged
  commands (a command that exited 0) less those their acknowledged undos took
  back: nothing acknowledged is missing and nothing failed or undone is there;
- each `undo` took back that coder's own last action (it prints its name);
- search agrees with the data (`search 'code:"X"'` against `codings --code X`,
  each document's own word against the documents there).

Deterministic from --seed (printed; pass it to replay the same commands; the
interleaving of the processes depends on timing). Bounded by --seconds per
round. Exit status 0 when every check held, 1 otherwise.
"""

import argparse
import json
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
import quire_harness as qh  # noqa: E402

P = "p.quire"
CODES = ["Purpose/Sceptical", "Purpose/Hopeful", "Barriers/Time", "Trust"]
SLOT, STRIDE = 12, 30  # coded ranges [k*STRIDE, k*STRIDE+SLOT): one coder's never touch


class Worker(threading.Thread):
    def __init__(self, round_, no):
        super().__init__(name="w%d" % no)
        self.r = round_
        self.coder = "w%d" % no
        self.rng = random.Random(round_.seed * 100 + round_.processes * 10 + no)
        self.q = qh.Quire(round_.args.quire, round_.work, self.coder)
        self.done = []  # this coder's acknowledged actions not undone, oldest first
        self.codings = set()  # (doc, code, start, end) expected to be there
        self.documents = set()  # documents this coder imported, expected to be there
        self.commands = 0
        self.failed = []
        self.wrong_undo = []
        self.imports = 0
        self.failed_changes = set()  # codings and documents of commands that failed

    def pick_range(self, docs):
        doc, length = self.rng.choice(docs)
        code = self.rng.choice(CODES)
        slots = max(1, (length - SLOT) // STRIDE)
        for _ in range(20):
            k = self.rng.randrange(slots)
            s, e = k * STRIDE, k * STRIDE + SLOT
            if (doc, code, s, e) not in self.codings:
                return doc, code, s, e
        return None

    def run_one(self, args):
        rc, out, err = self.q.run(args, timeout=self.r.args.command_timeout)
        self.commands += 1
        if rc != 0:
            self.failed.append((" ".join(args), rc, qh.one_line(err)))
            with self.r.lock:
                self.r.printed += 1
                if self.r.printed <= 20:  # the first 20 of a round; all are counted
                    print("concurrency: FAILED [failed command] %s (seed %d, %d processes) quire "
                          "%s: exited %d: %s" % (self.coder, self.r.seed, self.r.processes,
                                                 " ".join(args), rc, qh.one_line(err)), flush=True)
        return rc, out

    def run(self):
        try:
            while not self.r.deadline.passed() and self.commands < self.r.args.max_commands:
                self.one()
        except Exception as e:  # a harness defect must not pass silently
            self.failed.append(("harness", -1, repr(e)))
            raise

    def one(self):
        docs = self.r.shared_docs + [(d, n) for d, n in self.r.sizes.items()
                                     if d in self.documents]
        kind = self.rng.choices(["code", "undo", "import", "reindex", "search"],
                                [45, 15, 8, 7, 25])[0]
        if kind == "undo" and not self.done:
            kind = "code"
        if kind == "code":
            pick = self.pick_range(docs)
            if pick is None:
                return
            doc, code, s, e = pick
            rc, out = self.run_one(["code", P, "--doc", doc, "--range", "%d:%d" % (s, e),
                                    "--code", code, "--json"])
            if rc == 0:
                res = json.loads(out)
                if (res["start"], res["end"], res["merged"]) != (s, e, 0):
                    self.failed.append(("code", 0, "merged with another coding: %s" % res))
                self.codings.add((doc, code, s, e))
                # The step is named by the words it coded ("Code “the first
                # words…” as A"): the first 20 of them, whitespace runs as one.
                quoted = " ".join(self.r.texts[doc][s:e].split())[:20]
                self.done.append(("code", (doc, code, s, e),
                                  ("Code \u201c" + quoted, "\u201d as " + code)))
            else:
                self.failed_changes.add((doc, code, s, e))
        elif kind == "undo":
            rc, out = self.run_one(["undo", P])
            if rc == 0:
                what, thing, name = self.done[-1]
                m = re.search(r"Undid: (.*)", out)
                parts = name if isinstance(name, tuple) else (name,)
                if not m or not all(part in m.group(1) for part in parts):
                    self.wrong_undo.append("expected to undo %r, quire said %r"
                                           % (name, out.strip()))
                self.done.pop()
                (self.codings if what == "code" else self.documents).discard(thing)
        elif kind == "import":
            self.imports += 1
            name = "%s-doc%02d" % (self.coder, self.imports)
            token = "zqtok%s%dx" % (self.coder, self.imports)
            path = os.path.join(self.r.inputs, name + ".txt")
            qh.write_document(path, self.rng, token, self.rng.randint(5, 40))
            with self.r.lock:
                self.r.tokens[token] = name
            rc, out = self.run_one(["import", P, path])
            if rc == 0:
                with open(path, encoding="utf-8") as f:
                    self.r.texts[name] = f.read()
                    self.r.sizes[name] = len(self.r.texts[name])
                self.documents.add(name)
                self.done.append(("import", name, "Import '%s.txt' (1 document)" % name))
            else:
                self.failed_changes.add(name)
        elif kind == "reindex":
            self.run_one(["reindex", P])
        else:
            rc, out = self.run_one(["search", P, 'code:"%s"' % self.rng.choice(CODES), "--json",
                                    "--limit", "100000"])
            if rc == 0:
                json.loads(out)


class Round:
    def __init__(self, args, seed, processes):
        self.args = args
        self.seed = seed
        self.processes = processes
        self.lock = threading.Lock()
        self.printed = 0
        self.dir = tempfile.mkdtemp(prefix="quire-concurrency-")
        self.work = os.path.join(self.dir, "work")
        self.inputs = os.path.join(self.dir, "inputs")
        os.makedirs(self.work)
        os.makedirs(self.inputs)
        self.tokens = {}
        self.sizes = {}  # document -> length in code points (ASCII text: characters)
        self.texts = {}  # document -> its text
        self.shared_docs = []

    def go(self):
        q = qh.Quire(self.args.quire, self.work, "setup")
        rng = random.Random(self.seed)
        workers = []
        try:
            for args in (["init", P],) + tuple(["codes", "add", P, c] for c in CODES):
                must(q, args)
            for i in range(3):
                name = "shared-%d" % i
                path = os.path.join(self.inputs, name + ".txt")
                qh.write_document(path, rng, "zqtokshared%dx" % i, 40)
                must(q, ["import", P, path])
                with open(path, encoding="utf-8") as f:
                    self.texts[name] = f.read()
                    self.shared_docs.append((name, len(self.texts[name])))
                self.tokens["zqtokshared%dx" % i] = name
            must(q, ["search", P, "school"])
            self.deadline = qh.Deadline(self.args.seconds)
            started = time.monotonic()
            workers = [Worker(self, i + 1) for i in range(self.processes)]
            for w in workers:
                w.start()
            for w in workers:
                w.join()
            took = time.monotonic() - started
            return self.check(q, workers, took)
        finally:
            if workers:
                self.deadline.expire()
                for w in workers:
                    w.q.kill_all()
                for w in workers:
                    w.join()
                    w.q.kill_all()
            q.kill_all()
            if self.args.keep:
                print("concurrency: kept %s" % self.dir)
            else:
                shutil.rmtree(self.dir, ignore_errors=True)

    def check(self, q, workers, took):
        failures = []
        rc, _, err = q.run(["info", P, "--json"])
        if rc != 0:
            failures.append("the project does not open: %s" % qh.one_line(err))
        st, problems = qh.state(os.path.join(self.work, P))
        failures += problems
        present = qh.codings_of(st)
        docs_present = {r[1] for r in st["document"]}
        missing = unexpected = 0
        for w in workers:
            have = {(d, c, s, e) for d, c, s, e, coder in present if coder == w.coder}
            miss, extra = w.codings - have, have - w.codings
            missing += len(miss)
            unexpected += len(extra)
            if miss:
                failures.append("%s: %d acknowledged coding(s) missing, e.g. %s"
                                % (w.coder, len(miss), sorted(miss)[:3]))
            half = extra & w.failed_changes
            if half:
                failures.append("%s: %d coding(s) there from commands that failed, e.g. %s"
                                % (w.coder, len(half), sorted(half)[:3]))
            if extra - half:
                failures.append("%s: %d coding(s) there that were undone, e.g. %s"
                                % (w.coder, len(extra - half), sorted(extra - half)[:3]))
            mine = {d for d in docs_present if d.startswith(w.coder + "-")}
            if (mine - w.documents) & w.failed_changes:
                failures.append("%s: documents there from imports that failed: %s" % (
                    w.coder, sorted((mine - w.documents) & w.failed_changes)))
            if mine != w.documents:
                failures.append("%s: documents missing %s, there but undone or failed %s"
                                % (w.coder, sorted(w.documents - mine), sorted(mine - w.documents)))
                missing += len(w.documents - mine)
            for u in w.wrong_undo[:3]:
                failures.append("%s: undo took another action: %s" % (w.coder, u))
            if w.failed:
                failures.append("%s: %d failed command(s), e.g. %s" % (w.coder, len(w.failed),
                                                                      w.failed[0]))
        stale, compared = qh.search_agrees(q, P, self.tokens)
        failures += ["stale search: " + s for s in stale]
        commands = sum(w.commands for w in workers)
        failed = sum(len(w.failed) for w in workers)
        wrong = sum(len(w.wrong_undo) for w in workers)
        for f in failures:
            print("concurrency: FAILED (seed %d, %d processes) %s" % (self.seed, self.processes, f),
                  flush=True)
        print("concurrency: %d processes: %d commands in %.0f s, %d failed commands, %d "
              "acknowledged missing, %d undone or unacknowledged there, %d undos of another's "
              "action, %d stale searches (%d coded passages and documents compared)"
              % (self.processes, commands, took, failed, missing, unexpected, wrong, len(stale),
                 compared), flush=True)
        return not failures


def must(q, args):
    rc, _, err = q.run(args)
    if rc != 0:
        raise qh.CommandFailed(args, rc, err)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quire", required=True, help="the quire CLI to run")
    ap.add_argument("--seed", type=int, default=os.environ.get("QUIRE_CONCURRENCY_SEED"),
                    help="replay this seed (default: $QUIRE_CONCURRENCY_SEED, else a new one)")
    ap.add_argument("--processes", default="2,4", help="rounds: how many processes in each")
    ap.add_argument("--seconds", type=float, default=30, help="how long each round works")
    ap.add_argument("--max-commands", type=int, default=100000, help="per process and round")
    ap.add_argument("--command-timeout", type=float, default=120,
                    help="a command running longer is killed and counts as failed")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = ap.parse_args()
    seed = qh.pick_seed(args.seed)
    qh.stop_on_sigterm()
    print("concurrency: seed %d (replay: %s --seed %d)" % (seed, sys.argv[0], seed), flush=True)
    ok = True
    for n in [int(x) for x in args.processes.split(",")]:
        ok = Round(args, seed, n).go() and ok
    print("concurrency: %s (seed %d)" % ("all checks held" if ok else "FAILED", seed))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
