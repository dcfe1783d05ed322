// The team database. Tables are owned by quire_team, a role that cannot log
// in; members read them through row-level security and write only through
// quire.push_all() and quire.push_many(), SECURITY DEFINER functions that
// check (in quire.push()), by session_user,
// what the member's role allows. Change numbers come from one counter row,
// taken under its row lock: gap-free and in commit order.
#include <string>

#include "team/server_schema_p.h"

namespace quire::team {

namespace {

// Version 1. Run as the creating login, which must be allowed to create
// roles or already have quire_team granted (docs/teams.md).
const char* const schema_v1 = R"SQL(
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'quire_team') THEN
    CREATE ROLE quire_team NOLOGIN;
  END IF;
END $$;
GRANT quire_team TO CURRENT_USER;
CREATE SCHEMA quire AUTHORIZATION quire_team;
SET LOCAL ROLE quire_team;
GRANT USAGE ON SCHEMA quire TO PUBLIC;

CREATE TABLE quire.meta(key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE quire.member(
  login name PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('owner', 'coder', 'reader')),
  added_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE quire.counter(id int PRIMARY KEY CHECK (id = 1), last bigint NOT NULL);
INSERT INTO quire.counter VALUES (1, 0);
-- The append-only change log: seq has no gaps and follows commit order.
CREATE TABLE quire.change(
  seq bigint PRIMARY KEY,
  author name NOT NULL,
  client text NOT NULL,
  client_seq bigint NOT NULL,
  tbl text NOT NULL,
  key text NOT NULL,
  op text NOT NULL CHECK (op IN ('put', 'del')),
  row jsonb,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- The server changed the row from what the client sent (a name made
  -- unique): the sending copy applies it too.
  rewritten boolean NOT NULL DEFAULT false,
  UNIQUE (client, client_seq));
-- The current state, one row per entity, keyed by its GUID.
CREATE TABLE quire.state(
  tbl text NOT NULL, key text NOT NULL, row jsonb NOT NULL,
  author name NOT NULL, seq bigint NOT NULL,
  PRIMARY KEY (tbl, key));
CREATE INDEX state_coding_code ON quire.state ((row->>'code_id')) WHERE tbl = 'coding';
CREATE INDEX state_name ON quire.state (tbl, (row->>'name'));
CREATE TABLE quire.conflict(
  id bigserial PRIMARY KEY, seq bigint, at timestamptz NOT NULL DEFAULT now(),
  who name NOT NULL, what text NOT NULL);

CREATE FUNCTION quire.is_member() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = quire, pg_temp
  AS $f$ SELECT EXISTS (SELECT 1 FROM member WHERE login = session_user) $f$;

ALTER TABLE quire.meta ENABLE ROW LEVEL SECURITY;
ALTER TABLE quire.member ENABLE ROW LEVEL SECURITY;
ALTER TABLE quire.change ENABLE ROW LEVEL SECURITY;
ALTER TABLE quire.state ENABLE ROW LEVEL SECURITY;
ALTER TABLE quire.conflict ENABLE ROW LEVEL SECURITY;
ALTER TABLE quire.counter ENABLE ROW LEVEL SECURITY;
CREATE POLICY members_read ON quire.counter FOR SELECT USING (quire.is_member());
CREATE POLICY members_read ON quire.meta FOR SELECT USING (quire.is_member());
CREATE POLICY members_read ON quire.member FOR SELECT USING (quire.is_member());
CREATE POLICY members_read ON quire.change FOR SELECT USING (quire.is_member());
CREATE POLICY members_read ON quire.state FOR SELECT USING (quire.is_member());
CREATE POLICY members_read ON quire.conflict FOR SELECT USING (quire.is_member());
GRANT SELECT ON quire.meta, quire.member, quire.counter, quire.change, quire.state, quire.conflict
  TO PUBLIC;

-- The next change number. The counter row is locked (FOR UPDATE) by the
-- first change of a transaction and written once at its end (flush_seq):
-- writers take turns, so numbers have no gaps and follow commit order, and a
-- transaction of many changes does not update one row thousands of times
-- (each update of a row in one transaction walks all its earlier versions).
CREATE FUNCTION quire.next_seq() RETURNS bigint
  LANGUAGE plpgsql SET search_path = quire, pg_temp AS $f$
DECLARE s bigint; cached text := current_setting('quire.seq', true);
BEGIN
  IF cached IS NULL OR cached = '' THEN
    SELECT last INTO s FROM counter WHERE id = 1 FOR UPDATE;
  ELSE
    s := cached::bigint;
  END IF;
  s := s + 1;
  PERFORM set_config('quire.seq', s::text, true); -- until the transaction ends
  RETURN s;
END $f$;
CREATE FUNCTION quire.flush_seq() RETURNS void
  LANGUAGE plpgsql SET search_path = quire, pg_temp AS $f$
DECLARE cached text := current_setting('quire.seq', true);
BEGIN
  IF cached IS NOT NULL AND cached <> '' THEN
    UPDATE counter SET last = cached::bigint WHERE id = 1 AND last < cached::bigint;
  END IF;
END $f$;

-- Appends one change under the next number and applies it to the state.
CREATE FUNCTION quire.append(p_author name, p_client text, p_client_seq bigint, p_tbl text,
                             p_key text, p_op text, p_row jsonb,
                             p_rewritten boolean DEFAULT false) RETURNS bigint
  LANGUAGE plpgsql SET search_path = quire, pg_temp AS $f$
DECLARE s bigint;
BEGIN
  s := next_seq();
  INSERT INTO change(seq, author, client, client_seq, tbl, key, op, row, rewritten)
    VALUES (s, p_author, p_client, p_client_seq, p_tbl, p_key, p_op, p_row, p_rewritten);
  IF p_op = 'put' THEN
    INSERT INTO state(tbl, key, row, author, seq) VALUES (p_tbl, p_key, p_row, p_author, s)
      ON CONFLICT (tbl, key) DO UPDATE SET row = excluded.row, author = excluded.author,
                                           seq = excluded.seq;
  ELSE
    DELETE FROM state WHERE tbl = p_tbl AND key = p_key;
  END IF;
  PERFORM pg_notify('quire_changes', ''); -- one wake-up a transaction: listeners read on
  RETURN s;
END $f$;

-- Puts back a deleted code (and its deleted parents) from its last state in
-- the log, so that codings made with it while it was deleted keep it.
CREATE FUNCTION quire.restore_code(p_key text, p_who name, p_seq bigint) RETURNS void
  LANGUAGE plpgsql SET search_path = quire, pg_temp AS $f$
DECLARE r jsonb; k text := p_key;
BEGIN
  WHILE k IS NOT NULL AND NOT EXISTS (SELECT 1 FROM state WHERE tbl = 'code' AND key = k) LOOP
    SELECT row INTO r FROM change WHERE tbl = 'code' AND key = k AND op = 'put'
      ORDER BY seq DESC LIMIT 1;
    EXIT WHEN r IS NULL;
    PERFORM append('quire', 'server', nextval('quire.conflict_id_seq'), 'code', k, 'put', r);
    INSERT INTO conflict(seq, who, what) VALUES (p_seq, p_who,
      'The code "' || (r->>'name') || '" had been deleted while ' || p_who ||
      ' coded with it; it was put back with those codings.');
    k := r->>'parent_id';
  END LOOP;
END $f$;

-- A member's change: checked against their role, then appended. Returns the
-- change's number (the same one again for a change already taken: sending
-- twice after a lost answer is harmless).
CREATE FUNCTION quire.push(p_client text, p_client_seq bigint, p_tbl text, p_key text,
                           p_op text, p_row jsonb) RETURNS bigint
  LANGUAGE plpgsql SET search_path = quire, pg_temp AS $f$
DECLARE
  me name := session_user;
  r text;
  s bigint;
  old jsonb;
  old_author name;
  nm text;
  n int := 1;
  rewritten boolean := false;
BEGIN
  SELECT role INTO r FROM member WHERE login = me;
  IF r IS NULL THEN
    RAISE EXCEPTION '% is not a member of this team project', me USING ERRCODE = '42501';
  END IF;
  SELECT seq INTO s FROM change WHERE client = p_client AND client_seq = p_client_seq;
  IF FOUND THEN RETURN s; END IF;
  IF r = 'reader' THEN
    RAISE EXCEPTION '% is a reader of this team project and cannot change it', me
      USING ERRCODE = '42501';
  END IF;
  SELECT row, author INTO old, old_author FROM state WHERE tbl = p_tbl AND key = p_key;
  IF p_tbl = 'document_text' AND p_op = 'put' AND old IS NOT NULL
     AND old->>'text' IS DISTINCT FROM p_row->>'text' THEN
    RAISE EXCEPTION 'A document''s text never changes after import' USING ERRCODE = '42501';
  END IF;
  IF r = 'coder' THEN
    IF p_tbl = 'coding' THEN
      IF (p_op = 'put' AND p_row->>'coder_id' IS DISTINCT FROM me)
         OR (old IS NOT NULL AND old->>'coder_id' IS DISTINCT FROM me) THEN
        RAISE EXCEPTION '% cannot change or delete another coder''s codings, nor code as someone else', me
          USING ERRCODE = '42501';
      END IF;
    ELSIF p_tbl = 'coder' THEN
      IF p_op <> 'put' OR p_key IS DISTINCT FROM me OR p_row->>'name' IS DISTINCT FROM me THEN
        RAISE EXCEPTION '% can only add themselves as a coder', me USING ERRCODE = '42501';
      END IF;
    ELSIF p_tbl IN ('code', 'memo') THEN
      IF old IS NOT NULL AND old_author IS DISTINCT FROM me THEN
        RAISE EXCEPTION '% cannot change or delete a % another member made (ask an owner)', me,
          p_tbl USING ERRCODE = '42501';
      END IF;
    ELSE
      RAISE EXCEPTION 'Coders cannot change documents, cases or attributes (ask an owner)'
        USING ERRCODE = '42501';
    END IF;
  END IF;
  IF p_tbl = 'code' AND p_op = 'del'
     AND EXISTS (SELECT 1 FROM state WHERE tbl = 'coding' AND row->>'code_id' = p_key) THEN
    -- Someone coded with it meanwhile: keep the code for their codings.
    s := append(me, p_client, p_client_seq, 'code', p_key, 'put', old, true); -- the sender too
    INSERT INTO conflict(seq, who, what) VALUES (s, me,
      'The code "' || (old->>'name') || '" was kept: ' || me ||
      ' deleted it while others had codings with it.');
    RETURN s;
  END IF;
  IF p_tbl = 'coding' AND p_op = 'put' THEN
    PERFORM restore_code(p_row->>'code_id', me, NULL);
  END IF;
  IF p_tbl = 'code' AND p_op = 'put' AND old IS NOT NULL AND old->>'name' <> p_row->>'name'
     AND old_author IS DISTINCT FROM me THEN
    INSERT INTO conflict(seq, who, what) VALUES (NULL, me,
      'The code "' || (old->>'name') || '" (renamed by ' || old_author || ') was renamed "' ||
      (p_row->>'name') || '" by ' || me || '; the later name is kept.');
  END IF;
  -- Two members made a code (case, attribute, document) of one name at one
  -- place: both are kept, the later named for its author, in every copy.
  IF p_op = 'put' AND p_tbl IN ('code', 'case_', 'attribute', 'document') THEN
    nm := p_row->>'name';
    WHILE EXISTS (SELECT 1 FROM state WHERE tbl = p_tbl AND key <> p_key AND row->>'name' = nm
                  AND (p_tbl <> 'code'
                       OR (row->>'parent_id') IS NOT DISTINCT FROM (p_row->>'parent_id'))) LOOP
      n := n + 1;
      nm := (p_row->>'name') || ' (' || me || CASE WHEN n > 2 THEN ' ' || (n - 1)::text ELSE '' END
            || ')';
    END LOOP;
    IF nm <> p_row->>'name' THEN
      INSERT INTO conflict(seq, who, what) VALUES (NULL, me,
        'Two members made "' || (p_row->>'name') || '" at the same place; both are kept, the one by '
        || me || ' named "' || nm || '".');
      p_row := jsonb_set(p_row, '{name}', to_jsonb(nm));
      rewritten := true;
    END IF;
  END IF;
  RETURN append(me, p_client, p_client_seq, p_tbl, p_key, p_op, p_row, rewritten);
END $f$;

-- Many changes in their order, each under its own savepoint: a refused one
-- is reported (refused = the server's reason) and the others go on.
CREATE FUNCTION quire.push_many(p_client text, p_changes jsonb)
  RETURNS TABLE(client_seq bigint, seq bigint, refused text)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = quire, pg_temp AS $f$
DECLARE c jsonb;
BEGIN
  FOR c IN SELECT value FROM jsonb_array_elements(p_changes) LOOP
    client_seq := (c->>'s')::bigint;
    BEGIN
      seq := push(p_client, client_seq, c->>'t', c->>'k', c->>'o', c->'r');
      refused := NULL;
    EXCEPTION WHEN insufficient_privilege THEN
      seq := NULL;
      refused := SQLERRM;
    END;
    RETURN NEXT;
  END LOOP;
  PERFORM flush_seq();
END $f$;

-- The same without a savepoint a change: the fast way when nothing is
-- refused (the client falls back to push_many when this one fails).
CREATE FUNCTION quire.push_all(p_client text, p_changes jsonb) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = quire, pg_temp AS $f$
DECLARE c jsonb; s bigint := 0;
BEGIN
  FOR c IN SELECT value FROM jsonb_array_elements(p_changes) LOOP
    s := push(p_client, (c->>'s')::bigint, c->>'t', c->>'k', c->>'o', c->'r');
  END LOOP;
  PERFORM flush_seq();
  RETURN s;
END $f$;

-- The checks around a change of members (set_member, remove_member): only
-- an owner may make one (before), and a team project keeps at least one
-- owner (after). Called from those functions, so with their rights.
CREATE FUNCTION quire.check_members(p_after boolean) RETURNS void
  LANGUAGE plpgsql SET search_path = quire, pg_temp AS $f$
BEGIN
  IF NOT p_after AND NOT EXISTS (SELECT 1 FROM member WHERE login = session_user AND role = 'owner') THEN
    RAISE EXCEPTION 'Only an owner of this team project can change its members'
      USING ERRCODE = '42501';
  END IF;
  IF p_after AND NOT EXISTS (SELECT 1 FROM member WHERE role = 'owner') THEN
    RAISE EXCEPTION 'A team project keeps at least one owner' USING ERRCODE = '22023';
  END IF;
END $f$;

-- Owners: add a member or change a member's role; remove a member.
CREATE FUNCTION quire.set_member(p_login name, p_role text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = quire, pg_temp AS $f$
BEGIN
  PERFORM check_members(false);
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_login AND rolcanlogin) THEN
    RAISE EXCEPTION 'There is no login "%" on the team server: ask its administrator to create it',
      p_login USING ERRCODE = '22023';
  END IF;
  INSERT INTO member(login, role) VALUES (p_login, p_role)
    ON CONFLICT (login) DO UPDATE SET role = excluded.role;
  PERFORM check_members(true);
END $f$;
CREATE FUNCTION quire.remove_member(p_login name) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = quire, pg_temp AS $f$
BEGIN
  PERFORM check_members(false);
  DELETE FROM member WHERE login = p_login;
  PERFORM check_members(true);
END $f$;
REVOKE ALL ON FUNCTION quire.append, quire.restore_code, quire.push, quire.next_seq,
  quire.flush_seq, quire.check_members FROM PUBLIC;
GRANT EXECUTE ON FUNCTION quire.push_many, quire.push_all, quire.set_member, quire.remove_member, quire.is_member
  TO PUBLIC;
RESET ROLE;
)SQL";

} // namespace

void create_server_schema(Pg& pg, const std::string& project_guid) {
  auto has = pg.exec("SELECT count(*) FROM pg_namespace WHERE nspname = 'quire'");
  if (has.i64(0, 0) > 0) {
    throw TeamError(TeamError::Kind::NotEmpty,
                    "The database already holds a Quire team project. Join it instead, or "
                    "publish to an empty database.");
  }
  const std::string me = pg.login();
  pg.exec("BEGIN");
  try {
    pg.exec(schema_v1);
    pg.exec("SET LOCAL ROLE quire_team");
    pg.exec("INSERT INTO quire.meta VALUES ('schema_version', $1), ('project_guid', $2), "
            "('created_at', now()::text)",
            {std::to_string(server_schema_version), project_guid});
    pg.exec("INSERT INTO quire.member(login, role) VALUES ($1, 'owner')", {me});
    pg.exec("RESET ROLE");
    pg.exec("COMMIT");
  } catch (...) {
    try {
      pg.exec("ROLLBACK");
    } catch (...) {
    }
    throw;
  }
}

std::string check_server_schema(Pg& pg) {
  auto has = pg.exec("SELECT count(*) FROM pg_namespace WHERE nspname = 'quire'");
  if (has.i64(0, 0) == 0) {
    throw TeamError(TeamError::Kind::NotATeam, "The database holds no Quire team project.");
  }
  if (pg.exec("SELECT quire.is_member()").str(0, 0) != "t") {
    throw TeamError(TeamError::Kind::NotMember,
                    pg.login() + " is not a member of this team project: ask its owner to add "
                                 "you.");
  }
  auto v = pg.exec("SELECT value FROM quire.meta WHERE key = 'schema_version'");
  if (v.rows() == 0 || std::stoi(v.str(0, 0)) > server_schema_version) {
    throw TeamError(TeamError::Kind::NotATeam,
                    "The team database was made by a newer Quire: update Quire to work on it.");
  }
  return pg.exec("SELECT value FROM quire.meta WHERE key = 'project_guid'").str(0, 0);
}

} // namespace quire::team
