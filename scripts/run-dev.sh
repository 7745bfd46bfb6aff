#!/usr/bin/env bash
# The development server with its background work: the web server (runserver), the task worker
# (django-tasks-db's db_worker: mail, digests) and the scheduler (django-crontask: retries of the
# outbox every minute, digests at 07:00). Ctrl-C (or SIGTERM) stops all three; so does any of
# them stopping. `make run` calls it after migrating and loading the demo content.
#   scripts/run-dev.sh [ADDRESS:PORT]        default 127.0.0.1:8000; DATABASE_URL as for manage.py
set -euo pipefail
cd "$(dirname "$0")/.."
address=${1:-127.0.0.1:8000}
py=${PYTHON:-.venv/bin/python}
export TASKS_BACKEND=${TASKS_BACKEND:-database}

pids=()
# Each in its own session, so one signal to its group also reaches runserver's and the worker's
# autoreload children; the terminal's Ctrl-C reaches this script, which passes it on.
start() {
  setsid "$@" &
  pids+=($!)
}
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait || true
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

start "$py" manage.py db_worker --interval 1
start "$py" manage.py crontask --no-heartbeat
start "$py" manage.py runserver "$address"
wait -n || true
echo "Een van de processen stopte; ik stop de andere." >&2
