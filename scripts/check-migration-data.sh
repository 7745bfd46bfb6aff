#!/usr/bin/env bash
# Proves that migrations write the same data on a fresh install as at an earlier commit:
# migrates two fresh databases (that commit, this working tree), dumps every table's rows
# sorted, and diffs the dumps. Usage: scripts/check-migration-data.sh [ref] (default HEAD).
# Databases: $CHECK_DB_before and _after (default kp_migration_check).
# Left out: django_session, django_migrations.applied, and timestamps a seed takes from now().
# Content types and permissions are compared by natural key: migrations create those of their
# historical models, so their ids follow the order of the migrations, not today's models.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:-HEAD}
db=${CHECK_DB:-kp_migration_check}
pg="-h 127.0.0.1 -U postgres"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dump() {  # $1 = database; writes one sorted block per table to stdout
  local tables t cols
  tables=$(psql $pg -d "$1" -Atc "SELECT tablename FROM pg_tables WHERE schemaname = 'public'
                                  AND tablename NOT IN ('django_session', 'django_content_type',
                                  'auth_permission', 'auth_group_permissions') ORDER BY 1")
  echo "== permissions by natural key"
  psql $pg -d "$1" -Atc "SELECT 'type', app_label, model, '' FROM django_content_type
    UNION ALL SELECT 'permission', app_label, model || '.' || codename, name
      FROM auth_permission p JOIN django_content_type c ON c.id = p.content_type_id
    UNION ALL SELECT 'group', g.name, app_label || '.' || codename, ''
      FROM auth_group_permissions gp JOIN auth_group g ON g.id = gp.group_id
      JOIN auth_permission p ON p.id = gp.permission_id
      JOIN django_content_type c ON c.id = p.content_type_id" | sort
  for t in $tables; do
    cols=$(psql $pg -d "$1" -Atc "SELECT string_agg(quote_ident(column_name), ', '
        ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = '$t'
        AND (table_name, column_name) NOT IN (('django_migrations', 'applied'),
             ('modellentool_questionnaireversion', 'published_at'))")
    echo "== $t"
    psql $pg -d "$1" -Atc "COPY (SELECT $cols FROM $t ORDER BY 1) TO STDOUT" | sort
  done
}

migrate() {  # $1 = source directory, $2 = database
  dropdb $pg --if-exists "$2"
  createdb $pg "$2"
  (cd "$1" && DATABASE_URL="postgres://postgres@127.0.0.1:5432/$2" \
    "$OLDPWD/.venv/bin/python" manage.py migrate -v 0)
  dump "$2" >"$work/$2.txt"
}

mkdir "$work/src"
git archive "$ref" | tar -x -C "$work/src"
migrate "$work/src" "${db}_before"
migrate . "${db}_after"
dropdb $pg "${db}_before"
dropdb $pg "${db}_after"
echo "tables: $(grep -c '^== ' "$work/${db}_after.txt")," \
  "rows: $(grep -vc '^== ' "$work/${db}_after.txt")"
diff "$work/${db}_before.txt" "$work/${db}_after.txt" && echo "identical"
