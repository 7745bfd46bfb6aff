#!/usr/bin/env bash
# The production path (README, "Deploying (gunicorn)"): install, check, migrate, collect the
# static files and serve with gunicorn. tests/test_production_path.py runs this same script.
#
# Needs in the environment: DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL (and EMAIL_HOST etc.).
# Optional: BIND (default 127.0.0.1:8000), WEB_CONCURRENCY (gunicorn workers, default 3),
# PYTHON (the Python to create .venv with; found automatically).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  "${PYTHON:-$(scripts/find-python.sh)}" -m venv .venv
fi
.venv/bin/pip install --quiet .
npm ci --omit=dev --no-audit --no-fund --loglevel=error

# Warnings count too: a deploy check that finds anything stops the deployment.
.venv/bin/python manage.py check --deploy --fail-level WARNING
.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py collectstatic --no-input

exec .venv/bin/gunicorn portal.wsgi \
  --bind "${BIND:-127.0.0.1:8000}" \
  --workers "${WEB_CONCURRENCY:-3}"
