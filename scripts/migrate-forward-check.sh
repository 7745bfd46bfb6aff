#!/usr/bin/env bash
# Proof that a database made by an earlier version migrates forward without losing anything:
# check out REV (default: the last commit before the reference models moved to the foundation)
# in a temporary worktree, migrate a fresh database there and load the demo content, count
# every table's rows, every group's permissions and the admin history; then migrate the same
# database with this checkout and count again. Exits 1 on any difference.
#
# usage: scripts/migrate-forward-check.sh [REV]      (needs git history and PostgreSQL)
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-45fb2b8}
base=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/kennisplatform}
db="${base##*/}_forward"
url="${base%/*}/$db"
py="$PWD/.venv/bin/python"
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/old" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --quiet --detach "$tmp/old" "$rev"
dropdb --if-exists -h 127.0.0.1 -U postgres "$db"
createdb -h 127.0.0.1 -U postgres "$db"

count() {
  psql -h 127.0.0.1 -U postgres -d "$db" -Atq <<'SQL'
SELECT 'rows ' || string_agg(format('%s=%s', c.relname,
    (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I', c.relname),
     false, true, '')))[1]::text), ' ' ORDER BY c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT IN ('django_migrations');
SELECT 'perm ' || g.name || ': ' || ct.model || '.' || p.codename
FROM auth_group g JOIN auth_group_permissions gp ON gp.group_id = g.id
JOIN auth_permission p ON p.id = gp.permission_id
JOIN django_content_type ct ON ct.id = p.content_type_id ORDER BY 1;
SELECT 'log ' || l.id || ' ' || ct.model || ' ' || l.object_id FROM django_admin_log l
JOIN django_content_type ct ON ct.id = l.content_type_id ORDER BY l.id;
SQL
}

(
  cd "$tmp/old"
  export DATABASE_URL="$url" DEBUG=1
  "$py" manage.py migrate --no-input -v 0
  "$py" manage.py load_reference_data >/dev/null
  "$py" manage.py load_demo_content >/dev/null
  "$py" manage.py load_demo_members >/dev/null
  "$py" manage.py load_demo_contributions >/dev/null
)
# One admin history entry per moved model, so the check covers LogEntry's content types.
psql -h 127.0.0.1 -U postgres -d "$db" -q -c "
INSERT INTO django_admin_log (action_time, object_id, object_repr, action_flag, change_message,
  content_type_id, user_id)
SELECT now(), '1', ct.model, 2, '[]', ct.id, (SELECT min(id) FROM auth_user)
FROM django_content_type ct WHERE ct.model IN ('municipality', 'theme', 'collaborationmodel',
  'memberprofile', 'datasource', 'formermunicipality');"
count > "$tmp/before"
DATABASE_URL="$url" "$py" manage.py migrate --no-input -v 0
count > "$tmp/after"
tables=$(head -1 "$tmp/before" | wc -w)
echo "tabellen: $((tables - 1)), groepsrechten: $(grep -c '^perm' "$tmp/before"), historie: $(grep -c '^log' "$tmp/before")"
stale=$(psql -h 127.0.0.1 -U postgres -d "$db" -Atq -c "SELECT count(*) FROM django_content_type
  WHERE model IN ('municipality', 'theme', 'collaborationmodel', 'memberprofile', 'datasource',
  'formermunicipality') AND app_label <> 'portal'")
if ! diff <(tr ' ' '\n' < "$tmp/before") <(tr ' ' '\n' < "$tmp/after") || [ "$stale" != 0 ]; then
  echo "VERSCHIL na migreren (oude inhoudstypen: $stale)"; exit 1
fi
echo "gelijk: alle rijen, groepsrechten en historie ongewijzigd na migreren van $rev naar $(git rev-parse --short HEAD)"
dropdb -h 127.0.0.1 -U postgres "$db"
