#!/usr/bin/env python3
"""Team stress test: several members code one team project at once, through
the real `quire` binary, with random offline periods and kill -9 of clients
in the middle of a sync. At the end every copy and the server must hold the
same state, the change log must have no gap, no acknowledged change may be
lost, and the server must have refused a reader's and a forger's writes.

    stress.py QUIRE FIXTURE        (inside tests/team/run_with_pg.sh)

QUIRE_TEAM_STRESS_ACTIONS sets the actions per member (default 60; the issue's
figure is 500). Prints one summary line starting with 'team stress:'.
"""
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time

QUIRE, FIXTURE = sys.argv[1], sys.argv[2]
ADMIN = os.environ.get('QUIRE_TEST_PG')
if not ADMIN:
    print('team stress: skipped (no PostgreSQL; run through tests/team/run_with_pg.sh)')
    sys.exit(0)
HOST = os.environ['QUIRE_TEST_PG_HOST']
ACTIONS = int(os.environ.get('QUIRE_TEAM_STRESS_ACTIONS', '60'))
SEED = int(os.environ.get('QUIRE_TEAM_STRESS_SEED', str(int(time.time()))))
rng = random.Random(SEED)
DB = f'quire_stress_{os.getpid()}'
MEMBERS = ['s1', 's2', 's3', 's4']  # s1, s2 owners; s3, s4 coders
READER, FORGER = 'sreader', 's3'
CODES = ['Purpose', 'Purpose/Sharing', 'Purpose/Learning', 'Scepticism', 'Time', 'Trust']


def psql(sql, db='postgres', user='postgres'):
    r = subprocess.run(['psql', '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1',
                        f'host={HOST} dbname={db} user={user}', '-c', sql],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f'psql failed: {sql}\n{r.stderr}')
    return r.stdout.strip()


def url(who):
    return f'host={HOST} dbname={DB} user={who}'


def quire(who, *args, env=None, check=True):
    e = dict(os.environ, QUIRE_CODER=who)
    e.update(env or {})
    r = subprocess.run([QUIRE, *args], capture_output=True, text=True, env=e)
    if check and r.returncode != 0:
        raise SystemExit(f'quire {" ".join(args)} failed for {who}: {r.stderr}{r.stdout}')
    return r


def dump(path):
    """The shared content of a copy, by GUID (same query as team_tests)."""
    import sqlite3
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    out = {
        'codes': sorted(db.execute(
            "SELECT guid, name, coalesce((SELECT guid FROM code p WHERE p.id = c.parent_id), '') "
            "FROM code c")),
        'codings': sorted(db.execute(
            "SELECT c.guid, d.guid, k.guid, c.start, c.end, r.name FROM coding c "
            "JOIN document d ON d.id = c.document_id JOIN code k ON k.id = c.code_id "
            "JOIN coder r ON r.id = c.coder_id")),
        'memos': sorted(db.execute("SELECT guid, text FROM memo")),
    }
    db.close()
    return out


def own_keys(path, who):
    import sqlite3
    db = sqlite3.connect(f'file:{path}?mode=ro', uri=True)
    keys = {('coding', g) for (g,) in db.execute(
        "SELECT c.guid FROM coding c JOIN coder r ON r.id = c.coder_id WHERE r.name = ?", (who,))}
    keys |= {('memo', g) for (g,) in db.execute("SELECT guid FROM memo WHERE author = ?", (who,))}
    db.close()
    return keys


def server_state():
    rows = psql("SELECT tbl, key, row::text FROM quire.state WHERE tbl IN ('code','coding','memo')",
                db=DB)
    st = {'code': {}, 'coding': {}, 'memo': {}}
    for line in rows.splitlines():
        tbl, key, row = line.split('|', 2)
        st[tbl][key] = json.loads(row)
    return st


def main():
    for who in MEMBERS + [READER]:
        psql(f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{who}') "
             f"THEN CREATE ROLE {who} LOGIN; END IF; END $$")
    psql('ALTER ROLE s1 CREATEROLE')
    psql(f'CREATE DATABASE {DB} OWNER s1')
    tmp = tempfile.mkdtemp(prefix='quire-stress-')
    copies = {w: os.path.join(tmp, f'{w}.quire') for w in MEMBERS + [READER]}
    first = copies['s1']
    quire('s1', 'init', first)
    quire('s1', 'import', first, FIXTURE)
    length = len(open(FIXTURE, encoding='utf-8').read())
    for c in CODES:
        quire('s1', 'codes', 'add', first, c)
    quire('s1', 'team', 'create', first, url('s1'))
    for who, role in [('s2', 'owner'), ('s3', 'coder'), ('s4', 'coder'), (READER, 'reader')]:
        quire('s1', 'team', 'members', 'add', first, who, role)
    for who in MEMBERS[1:] + [READER]:
        quire(who, 'team', 'join', url(who), copies[who])

    kills = offline_periods = actions_done = 0
    offline_left = {w: 0 for w in MEMBERS}
    made_codes = {w: [] for w in MEMBERS}
    order = [w for w in MEMBERS for _ in range(ACTIONS)]
    rng.shuffle(order)
    for n, who in enumerate(order):
        p = copies[who]
        a, b = sorted(rng.sample(range(0, length), 2))
        b = max(b, a + 1)
        kind = rng.choices(['code', 'uncode', 'memo', 'addcode', 'rename', 'move', 'undo', 'sync'],
                           [40, 8, 8, 5, 6, 4, 8, 21])[0]
        if kind == 'code':
            # (may fail: an owner's undo can take back a base code)
            quire(who, 'code', p, '-d', 'f4-interview', '-r', f'{a}:{b}', '-c', rng.choice(CODES),
                  check=False)
        elif kind == 'uncode':
            quire(who, 'uncode', p, '-d', 'f4-interview', '-r', f'{a}:{b}', '-c', rng.choice(CODES),
                  check=False)
        elif kind == 'memo':
            quire(who, 'memos', 'add', p, f'memo {n} by {who}', '--on', 'code', '-t',
                  rng.choice(CODES), check=False)
        elif kind == 'addcode':
            # Under a parent of the member's own, or (half the time) one of a
            # few shared paths: two members making one code path while apart
            # keeps both, the later named for its author, in every copy.
            name = f'New {who}/{who}-{n}'
            if rng.random() < 0.5:
                name = f'Shared/Theme {n // 20}'  # one new path every 20 actions
            # (refused when this copy has that path already)
            if quire(who, 'codes', 'add', p, name, check=False).returncode == 0:
                made_codes[who].append(name)
        elif kind in ('rename', 'move') and made_codes[who]:
            # Only codes this member made: the base codebook stays put, so
            # everyone's next coding finds its code.
            i = rng.randrange(len(made_codes[who]))
            old = made_codes[who][i]
            if kind == 'rename':
                new = f'New {who}/{who}-{n}r'
                if quire(who, 'codes', 'rename', p, old, new.split('/')[-1],
                         check=False).returncode == 0:
                    made_codes[who][i] = new
            else:
                quire(who, 'codes', 'move', p, old, '--top', check=False)
                made_codes[who].pop(i)  # moved: leave it be
        elif kind == 'undo':
            quire(who, 'undo', p, check=False)  # may be refused: a colleague changed the rows
        else:
            if offline_left[who] > 0:
                offline_left[who] -= 1
                r = quire(who, 'team', 'sync', p, env={'PGPORT': '1'}, check=False)
                assert r.returncode != 0 and 'Cannot reach' in r.stderr, r.stderr
            elif rng.random() < 0.2:
                # kill -9 in the middle of a sync
                proc = subprocess.Popen([QUIRE, 'team', 'sync', p],
                                        env=dict(os.environ, QUIRE_CODER=who),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(rng.uniform(0.005, 0.08))
                if proc.poll() is None:
                    proc.send_signal(signal.SIGKILL)
                    kills += 1
                proc.wait()
            else:
                quire(who, 'team', 'sync', p)
                if rng.random() < 0.15:
                    offline_left[who] = rng.randint(1, 4)
                    offline_periods += 1
        actions_done += 1

    # Permissions: a reader's coding and a forged coder name are refused.
    # (codes of their own: an owner's undo may have taken back a base code)
    quire(READER, 'codes', 'add', copies[READER], 'Reader note')
    quire(READER, 'code', copies[READER], '-d', 'f4-interview', '-r', '1:9', '-c', 'Reader note')
    r = quire(READER, 'team', 'sync', copies[READER])
    reader_refused = 'refused' in r.stdout
    quire(FORGER, 'codes', 'add', copies[FORGER], 'Forged')
    quire(FORGER, 'team', 'sync', copies[FORGER])
    quire('s4', 'code', copies[FORGER], '-d', 'f4-interview', '-r', '2:8', '-c', 'Forged',
          env={'QUIRE_CODER': 's4'})
    r = quire(FORGER, 'team', 'sync', copies[FORGER])
    forger_refused = 'refused' in r.stdout

    # What each member holds as their own, acknowledged by their copy.
    acknowledged = {w: own_keys(copies[w], w) for w in MEMBERS}
    for _ in range(2):
        for w in MEMBERS + [READER]:
            quire(w, 'team', 'sync', copies[w])
    dumps = {w: dump(copies[w]) for w in MEMBERS + [READER]}
    same = all(dumps[w] == dumps['s1'] for w in dumps)
    server = server_state()
    server_same = (sorted(server['coding']) == sorted(g for g, *_ in dumps['s1']['codings'])
                   and sorted(server['code']) == sorted(g for g, *_ in dumps['s1']['codes']))
    deleted = set(tuple(line.split('|')) for line in psql(
        "SELECT tbl, key FROM quire.change WHERE op = 'del'", db=DB).splitlines())
    lost = [k for w in MEMBERS for k in acknowledged[w]
            if k[1] not in server[k[0]] and k not in deleted]
    gapless = psql('SELECT count(*) = max(seq) FROM quire.change', db=DB) == 't'
    changes = psql('SELECT count(*) FROM quire.change', db=DB)
    conflicts = psql('SELECT count(*) FROM quire.conflict', db=DB)
    # Shared paths made by two members: the later one named for its author.
    renamed = sum(1 for _, name, _ in dumps['s1']['codes'] if re.search(r' \(s\d', name))
    print(f'team stress: {len(MEMBERS)} members x {ACTIONS} actions ({actions_done} done, '
          f'seed {SEED}), {kills} kills mid-sync, {offline_periods} offline periods, '
          f'{changes} changes on the server, lost {len(lost)}, server conflicts {conflicts}, '
          f'{renamed} codes of one path renamed for their author, '
          f'copies identical: {same}, server the same: {server_same}, log gap-free: {gapless}, '
          f'reader refused: {reader_refused}, forger refused: {forger_refused}')
    ok = same and server_same and not lost and gapless and reader_refused and forger_refused
    if not ok:
        if not same:
            for w in dumps:
                for part in dumps[w]:
                    if dumps[w][part] != dumps['s1'][part]:
                        print(f'  {w} differs from s1 in {part}: '
                              f'{set(dumps[w][part]) ^ set(dumps["s1"][part])}')
        if lost:
            print(f'  lost: {lost[:10]}')
        print(f'  copies kept in {tmp}')
        return 1
    subprocess.run(['rm', '-rf', tmp])
    return 0


sys.exit(main())
