#!/usr/bin/env bash
# Makes sure a PostgreSQL database is reachable and prints its DATABASE_URL.
#   1. DATABASE_URL is set: use it (creating the database if the server allows).
#   2. A server answers on 127.0.0.1:5432: use database "kennisplatform" there.
#   3. PostgreSQL is installed but not running: as root start the system cluster;
#      otherwise start a project-local cluster under .data/ on port 5433.
# Messages go to stderr; only the URL goes to stdout.
set -eu
cd "$(dirname "$0")/.."
say() { echo "[db] $*" >&2; }
DB_NAME=${DB_NAME:-kennisplatform}

pg_bin() {
  local bin
  for bin in /usr/lib/postgresql/*/bin; do [ -x "$bin/pg_ctl" ] && { echo "$bin"; return 0; }; done
  command -v pg_ctl >/dev/null 2>&1 && { dirname "$(command -v pg_ctl)"; return 0; }
  return 1
}

create_db() {  # $1 = maintenance URL (postgres db), $2 = db name
  .venv/bin/python - "$1" "$2" <<'PY' >&2
import sys
import psycopg
from psycopg import sql
url, name = sys.argv[1], sys.argv[2]
with psycopg.connect(url, autocommit=True) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        print(f"[db] database {name} aangemaakt")
PY
}

if [ -n "${DATABASE_URL:-}" ]; then
  base=${DATABASE_URL%/*}
  name=${DATABASE_URL##*/}; name=${name%%\?*}
  create_db "$base/postgres" "$name" || say "kon database $name niet aanmaken; ik gebruik hem zoals hij is"
  echo "$DATABASE_URL"
  exit 0
fi

if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  url="postgres://postgres@127.0.0.1:5432"
  create_db "$url/postgres" "$DB_NAME"
  echo "$url/$DB_NAME"
  exit 0
fi

bin=$(pg_bin) || { say "PostgreSQL is niet geïnstalleerd: apt-get install postgresql (of zet DATABASE_URL)"; exit 1; }

if [ "$(id -u)" = 0 ] && command -v pg_ctlcluster >/dev/null 2>&1 && [ -n "$(ls /etc/postgresql 2>/dev/null)" ]; then
  version=$(ls /etc/postgresql | sort -n | tail -1)
  say "PostgreSQL draait niet; ik start het systeemcluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || pg_ctlcluster "$version" main start >&2
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  url="postgres://postgres@127.0.0.1:5432"
  create_db "$url/postgres" "$DB_NAME"
  echo "$url/$DB_NAME"
  exit 0
fi

data=$PWD/.data/postgres
sock=$PWD/.data/run
mkdir -p "$sock"
if [ ! -f "$data/PG_VERSION" ]; then
  say "PostgreSQL draait niet; ik maak een projectcluster in .data/postgres"
  "$bin/initdb" -D "$data" -U app --auth=trust >/dev/null
fi
if ! "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  say "ik start het projectcluster op 127.0.0.1:5433"
  "$bin/pg_ctl" -D "$data" -l .data/postgres.log -w \
    -o "-p 5433 -k $sock -c listen_addresses=127.0.0.1" start >&2
fi
url="postgres://app@127.0.0.1:5433"
create_db "$url/postgres" "$DB_NAME"
echo "$url/$DB_NAME"
