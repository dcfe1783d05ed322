"""What the crash and concurrency harnesses (tests/crash, tests/concurrency) share:
running the real `quire` CLI in its own process group, reading a project's state
straight from its SQLite file, and checking that search agrees with the data.

Only the Python standard library: CI has python3 and nothing else is needed."""

import json
import os
import random
import signal
import sqlite3
import subprocess
import time

# Columns that differ between two runs of the same command (random GUIDs, clock
# times): left out when two states are compared.
VOLATILE_COLUMNS = {"guid", "created_at", "updated_at", "imported_at", "time"}

WORDS = ("time network school teacher plan government budget pupils trust doubt change staff "
         "parent meeting support training head office money week term class lesson room "
         "colleague workload policy local council region future worry hope fair share").split()


class Quire:
    """Runs `quire` commands in `cwd`, each in a new process group (so a kill
    reaches everything it started and nothing is left behind)."""

    def __init__(self, binary, cwd, coder):
        self.binary = os.path.abspath(binary)  # commands run in other folders
        self.cwd = cwd
        self.env = dict(os.environ, QUIRE_CODER=coder, LC_ALL="C.UTF-8")
        self.live = set()

    def start(self, args):
        p = subprocess.Popen([self.binary] + list(args), cwd=self.cwd, env=self.env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             start_new_session=True)
        self.live.add(p)
        return p

    def finish(self, p, timeout=300):
        try:
            out, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_group(p)
            out, err = p.communicate()
            err += b"\n[harness: timed out after %d s and was killed]" % timeout
        self.live.discard(p)
        return p.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")

    def run(self, args, timeout=300):
        return self.finish(self.start(args), timeout)

    def json(self, args, timeout=300):
        rc, out, err = self.run(list(args) + ["--json"], timeout)
        if rc != 0:
            raise CommandFailed(args, rc, err)
        return json.loads(out)

    def kill_all(self):
        for p in list(self.live):
            kill_group(p)
            p.wait()
        self.live.clear()


class CommandFailed(Exception):
    def __init__(self, args, rc, err):
        super().__init__("quire %s exited %s: %s" % (" ".join(args), rc, err.strip()[-400:]))
        self.rc = rc


def kill_group(p):
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def write_document(path, rng, token, paragraphs):
    """A made-up interview: `paragraphs` paragraphs of common words, each with
    the document's unique `token`, so a search for it finds exactly this document."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(paragraphs):
            words = [rng.choice(WORDS) for _ in range(rng.randint(15, 60))]
            words.insert(rng.randrange(len(words)), token)
            f.write("Speaker %d: %s.\n\n" % (i % 3, " ".join(words)))


def state(project):
    """Everything the project holds, as comparable data: every table's rows
    without volatile columns, sorted; the undo log without its SQL text (which
    holds GUIDs and times). Also runs the integrity check; returns (state, problems)."""
    problems = []
    con = sqlite3.connect(project, timeout=60)
    try:
        ic = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if ic != ["ok"]:
            problems.append("integrity_check: " + "; ".join(ic[:5]))
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append("foreign_key_check: %d row(s), e.g. %s" % (len(fk), fk[:3]))
        out = {}
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        for t in sorted(tables):
            cols = [r[1] for r in con.execute("PRAGMA table_info(\"%s\")" % t)]
            if t == "undo_log":
                cols = [c for c in cols if c != "sql"]
            if t == "undo_state":
                # Which step was recorded last is scratch once recording is 0
                # (an action that turned out empty moves it and changes nothing).
                cols = [c for c in cols if c not in ("step", "phase")]
            cols = [c for c in cols if c not in VOLATILE_COLUMNS]
            rows = con.execute("SELECT %s FROM \"%s\"" % (",".join('"%s"' % c for c in cols), t))
            out[t] = sorted(tuple(r) for r in rows.fetchall())
        return out, problems
    finally:
        con.close()


def codings_of(st):
    """The codings in a state, as (document name, code path, start, end, coder)."""
    docs = {r[0]: r for r in st.get("document", [])}
    doc_cols_name = 1  # document: id, name, kind, ... (guid, imported_at left out)
    codes = {r[0]: r for r in st.get("code", [])}

    def path(cid):
        parts = []
        while cid is not None and cid in codes:
            parts.append(codes[cid][2])  # code: id, parent_id, name, ...
            cid = codes[cid][1]
        return "/".join(reversed(parts))

    coders = {r[0]: r[1] for r in st.get("coder", [])}
    result = set()
    for r in st.get("coding", []):  # coding: id, document_id, code_id, start, end, coder_id
        doc = docs.get(r[1])
        result.add((doc[doc_cols_name] if doc else "?%s" % r[1], path(r[2]), r[3], r[4],
                    coders.get(r[5], "?")))
    return result


def search_agrees(q, project, tokens):
    """Does search agree with the data? For every code X: the passages
    `search 'code:"X"'` returns are exactly the passages that a coding of X or
    of a subcode (as `codings --code X` lists them) overlaps. For every
    document token: a search finds exactly the documents that hold it.
    `tokens` maps token -> document name. Returns the disagreements and how
    many (code, passage) pairs and document hits were compared."""
    problems = []
    compared = 0
    codes = [c["path"] for c in q.json(["codes", "list", project])]
    docs = q.json(["docs", "list", project])
    passages = {}
    for d in docs:
        shown = q.json(["docs", "show", project, d["name"]])
        passages[d["name"]] = [(p["id"], p["start"], p["end"]) for p in shown["passages"]]
    for code in codes:
        codings = q.json(["codings", project, "--code", code, "--all-coders", "--context", "0"])
        want = set()
        for c in codings:
            for pid, s, e in passages.get(c["document"], []):
                if s < c["end"] and c["start"] < e:
                    want.add(pid)
        res = q.json(["search", project, 'code:"%s"' % code, "--limit", "100000"])
        got = {h["passage_id"] for h in res["hits"]}
        compared += len(want)
        if got != want:
            problems.append('search code:"%s": %d passage(s) the codings do not explain (e.g. %s), '
                            '%d coded passage(s) missing (e.g. %s)'
                            % (code, len(got - want), sorted(got - want)[:3], len(want - got),
                               sorted(want - got)[:3]))
    present = {d["name"] for d in docs}
    if tokens:
        res = q.json(["search", project, " OR ".join(sorted(tokens)), "--limit", "100000"])
        got = {h["document"] for h in res["hits"]}
        want = {name for name in tokens.values() if name in present}
        compared += len(want)
        if got != want:
            problems.append("search for the documents' own words: found %s that are gone, "
                            "missed %s that are there" % (sorted(got - want)[:5],
                                                          sorted(want - got)[:5]))
    return problems, compared


def stop_on_sigterm():
    """SIGTERM (ctest's timeout, a CI job cancelled) ends the harness through
    its `finally` blocks, which kill the quire process groups still running."""
    def handler(signum, frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, handler)


def pick_seed(given):
    return int(given) if given not in (None, "") else random.SystemRandom().randrange(1, 2**31)


class Deadline:
    def __init__(self, seconds):
        self.end = time.monotonic() + seconds

    def expire(self):
        self.end = 0

    def passed(self):
        return time.monotonic() >= self.end


def one_line(text, limit=300):
    """A command's stderr as one line (its end, where the error is)."""
    return " | ".join(line for line in text.strip().splitlines() if line)[-limit:]
