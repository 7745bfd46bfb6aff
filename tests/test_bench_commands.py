"""Every benchmark target in the README runs at a tiny size, so a change that breaks one fails
`make test` (the full-size figures stay a manual command).

The make targets run as documented, in a subprocess, against databases of their own on the same
server: one migrated database ("<test database>_benchcmd", the targets' DATABASE_URL), and the
benchmarks' own databases cloned from it (CREATE DATABASE … TEMPLATE), so only one `migrate`
is paid for.
"""

import os
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from psycopg import sql

ROOT = Path(__file__).resolve().parents[1]
TINY_SIZES = (200, 2000)
# The four targets share one migrated database: keep them on one xdist worker.
pytestmark = pytest.mark.xdist_group("benchcmd")


def _server() -> dict:
    db = settings.DATABASES["default"]
    return {
        "host": db.get("HOST") or "127.0.0.1",
        "port": db.get("PORT") or 5432,
        "user": db.get("USER") or None,
        "password": db.get("PASSWORD") or None,
    }


def _admin(statement, *names):
    with psycopg.connect(dbname="postgres", autocommit=True, **_server()) as conn:
        conn.execute(sql.SQL(statement).format(*map(sql.Identifier, names)))


@pytest.fixture(scope="module")
def bench_env():
    # Per xdist worker: should the group ever be split, two workers must not share names.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    base = f"test_{settings.DATABASES['default']['NAME']}{worker and '_' + worker}_benchcmd"
    clones = [f"{base}_bench_{size}" for size in TINY_SIZES] + [f"{base}_bench_contrib"]
    for name in [base, *clones]:
        _admin("DROP DATABASE IF EXISTS {} WITH (FORCE)", name)
    _admin("CREATE DATABASE {}", base)
    server = _server()
    auth = server["user"] or ""
    if server["password"]:
        auth += f":{server['password']}"
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{auth}@{server['host']}:{server['port']}/{base}",
    }
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "migrate", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    for name in clones:
        _admin("CREATE DATABASE {} TEMPLATE {}", name, base)
    yield env
    for name in [*clones, base]:
        _admin("DROP DATABASE IF EXISTS {} WITH (FORCE)", name)


def make(env, target, **variables) -> str:
    command = ["make", "--no-print-directory", target]
    command += [f"{key}={value}" for key, value in variables.items()]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout


def test_make_bench_measures_queries_and_every_page_type_at_two_sizes(bench_env):
    out = make(bench_env, "bench", BENCH_ITEMS=",".join(map(str, TINY_SIZES)), BENCH_RUNS=1)

    assert "=== 200 items ===" in out and "=== 2,000 items ===" in out
    for row in ("leerlingenvervoer", "samenwerking +soort", "bijeenkomsten", "home", "detail: "):
        assert row in out
    assert "Groei van 200 naar 2,000 items (toegestaan: ×2.0 in p95)" in out
    assert "p95 < 100 ms" in out
    # The verdict names what it measured against; on a shared test machine either may come out.
    assert "Alle doelen gehaald." in out or "Niet gehaald:" in out


def test_make_bench_load_runs_gunicorn_under_wrk(bench_env):
    out = make(bench_env, "bench-load", BENCH_ITEMS=2000, BENCH_DURATION=1, BENCH_CLIENTS="1,8")

    assert "gunicorn portal.wsgi --workers 3 (DEBUG=0)" in out
    for row in ("home", "zoeken smal", "zoeken midden", "zoeken breed", "detailpagina", "regio"):
        assert f"\n{row}" in out
    assert "1 client" in out and "8 clients" in out and "req/s" in out
    assert "leescache aan" in out

    # The switch alone: one client count is enough to see it.
    out = make(
        bench_env,
        "bench-load",
        BENCH_ITEMS=2000,
        BENCH_DURATION=1,
        BENCH_CLIENTS=1,
        BENCH_NO_CACHE=1,
    )
    assert "leescache uit" in out


def test_make_bench_netwerk_at_a_tiny_size(bench_env):
    out = make(bench_env, "bench-netwerk", BENCH_RUNS=1, BENCH_PAGES=3)

    assert "Heel Nederland (342 gemeenten): 1 metingen" in out
    assert "3 gemeentepagina's" in out
    assert "Doel: heel Nederland p95 < 1 s" in out


def test_make_bench_contributions_at_a_tiny_size(bench_env):
    out = make(bench_env, "bench-contributions", BENCH_ITEMS=100, BENCH_RUNS=1)

    assert "p95 ms" in out
    assert "precies 3 geplaatst" in out
