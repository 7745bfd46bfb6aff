# make run   – set up everything and serve the portal with demo content on http://127.0.0.1:8000,
#              with the task worker and scheduler next to it (scripts/run-dev.sh)
# make test  – every test: lint, migrations check, unit/integration and browser tests
# make bench – search benchmark on a 250,000-item corpus (see README)
# make bench-netwerk – netwerkregie region view for all 342 municipalities (see README)
# make bench-contributions – members' contributions at volume, in its own database (see README)
# make bench-load – gunicorn under wrk at 1/8/32 clients on the 250,000-item corpus (see README)
# Sizes: BENCH_ITEMS (bench: "25000,250000"; bench-load: 250000; bench-contributions: 20000
# practices), BENCH_RUNS, BENCH_PAGES (bench-netwerk), BENCH_CLIENTS, BENCH_DURATION,
# BENCH_NO_CACHE=1 (bench-load),
# BENCH_DATABASE (start of the benchmark databases' names; default: configured name + _bench).
# make eval-search – search relevance (nDCG@10, recall@10) on the judged set, in its own database
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
DB := url=$$(scripts/ensure-db.sh) && export DATABASE_URL="$$url"

.PHONY: help run test bench bench-netwerk bench-contributions bench-load wrk eval-search lint format setup setup-dev browser-deps clean

help:
	@echo "make run    – portal met demo-inhoud op http://127.0.0.1:8000"
	@echo "make test   – alle tests (inclusief browsertests)"
	@echo "make bench  – zoekbenchmark (250.000 items)"
	@echo "make bench-netwerk – regiopagina voor alle 342 gemeenten (servertijd, queries)"
	@echo "make bench-contributions – discussie, overgenomen, bijeenkomst, digest, aanmelden"
	@echo "make bench-load – gunicorn onder wrk: verzoeken/s en p95 bij 1, 8 en 32 clients"
	@echo "make eval-search – relevantie van het zoeken op de beoordeelde set"

$(VENV)/.installed: pyproject.toml
	@PYTHON=$$(scripts/find-python.sh) && echo "Python: $$PYTHON" && \
	  { [ -x $(PY) ] || "$$PYTHON" -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(VENV)/.installed node_modules/.installed

browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! command -v java >/dev/null || ! ls /usr/lib/*/libpangoft2-1.0.so.0 /usr/lib/*/libharfbuzz-subset.so.0 >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Chromium, Java en/of Pango (PDF) ontbreken; ik installeer ze met apt"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium default-jre-headless libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core >/dev/null; \
	  else \
	    echo "Installeer Chromium, Java en Pango: sudo apt-get install chromium default-jre-headless libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"; exit 1; \
	  fi; \
	fi

run: setup
	@$(DB) && \
	  $(PY) manage.py migrate --no-input && \
	  $(PY) manage.py load_reference_data && \
	  $(PY) manage.py load_demo_content && \
	  $(PY) manage.py load_demo_members && \
	  $(PY) manage.py load_demo_contributions && \
	  scripts/run-dev.sh 127.0.0.1:8000

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# pytest-xdist: one worker per CPU (at most 4; TEST_WORKERS=0 runs in one process), each with
# its own test database (test_<name>_gw0, …). loadgroup keeps a group's tests (xdist_group: a
# shared module fixture that starts processes) on one worker; no reordering by group size, so
# pytest-django's order (transactional tests after the others) holds on every worker.
TEST_WORKERS ?= auto

test: setup browser-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	@$(DB) && \
	  $(PY) manage.py makemigrations --check --dry-run && \
	  DJANGO_ALLOW_ASYNC_UNSAFE=true $(VENV)/bin/pytest --create-db \
	    -n $(TEST_WORKERS) --maxprocesses 4 --dist loadgroup --no-loadscope-reorder

BENCH_OPTS = $(if $(BENCH_ITEMS),--items $(BENCH_ITEMS)) $(if $(BENCH_RUNS),--runs $(BENCH_RUNS))
BENCH_DB_OPT = $(if $(BENCH_DATABASE),--database-name $(BENCH_DATABASE))

bench: setup
	@$(DB) && $(PY) manage.py bench_search $(BENCH_OPTS) $(BENCH_DB_OPT)

bench-netwerk: setup
	@$(DB) && $(PY) manage.py migrate --no-input && \
	  $(PY) manage.py load_reference_data && \
	  $(PY) manage.py bench_netwerk $(if $(BENCH_RUNS),--runs $(BENCH_RUNS)) \
	    $(if $(BENCH_PAGES),--pages $(BENCH_PAGES))

bench-contributions: setup
	@$(DB) && $(PY) manage.py bench_contributions $(BENCH_OPTS) \
	  $(if $(BENCH_DATABASE),--database-name $(BENCH_DATABASE)_contrib)

wrk:
	@if ! command -v wrk >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "wrk ontbreekt; ik installeer het met apt"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else \
	    echo "Installeer wrk: sudo apt-get install wrk"; exit 1; \
	  fi; \
	fi

bench-load: setup wrk
	@$(DB) && $(PY) manage.py bench_load $(if $(BENCH_ITEMS),--items $(BENCH_ITEMS)) $(BENCH_DB_OPT) \
	  $(if $(BENCH_CLIENTS),--clients $(BENCH_CLIENTS)) \
	  $(if $(BENCH_DURATION),--duration $(BENCH_DURATION)) $(if $(BENCH_NO_CACHE),--no-cache)

eval-search: setup
	@$(DB) && $(PY) manage.py eval_search

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache
