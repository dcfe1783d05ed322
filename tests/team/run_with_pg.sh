#!/usr/bin/env bash
# Runs a test program against a throwaway PostgreSQL cluster: initdb in a
# temporary folder, a server on a Unix socket only (no TCP), trust logins
# for that socket, stopped and removed afterwards. The program gets the
# superuser's connection string in QUIRE_TEST_PG. Without PostgreSQL's
# server programs the program still runs, and its team tests skip with a
# message (QUIRE_TEST_PG unset).
set -uo pipefail
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "run_with_pg: PostgreSQL's server is not installed (apt-get install postgresql);" \
    "team tests skip." >&2
  exec "$@"
fi
dir="$(mktemp -d /tmp/quire-pg.XXXXXX)"
as=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$dir"
  as=(runuser -u postgres --)
fi
chmod 700 "$dir"
cleanup() {
  "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$dir"
}
trap cleanup EXIT
"${as[@]}" "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
"${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses='' -k $dir -c fsync=off -c max_connections=60" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }
export QUIRE_TEST_PG="host=$dir user=postgres dbname=postgres"
export QUIRE_TEST_PG_HOST="$dir"
"$@"
