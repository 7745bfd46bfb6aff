# make run   – set up everything and serve the portal with demo content on http://127.0.0.1:8000
# make test  – every test: lint, migrations check, unit/integration and browser tests
# make bench – search benchmark on a 250,000-item corpus (see README)
# make bench-netwerk – netwerkregie region view for all 342 municipalities (see README)
# make bench-contributions – members' contributions at volume, in its own database (see README)
# make eval-search – search relevance (nDCG@10, recall@10) on the judged set, in its own database
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
DB := url=$$(scripts/ensure-db.sh) && export DATABASE_URL="$$url"

.PHONY: help run test bench bench-netwerk bench-contributions eval-search lint format setup setup-dev browser-deps clean

help:
	@echo "make run    – portal met demo-inhoud op http://127.0.0.1:8000"
	@echo "make test   – alle tests (inclusief browsertests)"
	@echo "make bench  – zoekbenchmark (250.000 items)"
	@echo "make bench-netwerk – regiopagina voor alle 342 gemeenten (servertijd, queries)"
	@echo "make bench-contributions – discussie, overgenomen, bijeenkomst, digest, aanmelden"
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
	  $(PY) manage.py runserver 127.0.0.1:8000

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: setup browser-deps
	$(VENV)/bin/ruff check .
	@$(DB) && \
	  $(PY) manage.py makemigrations --check --dry-run && \
	  DJANGO_ALLOW_ASYNC_UNSAFE=true $(VENV)/bin/pytest --create-db

bench: setup
	@$(DB) && $(PY) manage.py bench_search

bench-netwerk: setup
	@$(DB) && $(PY) manage.py migrate --no-input && \
	  $(PY) manage.py load_reference_data && \
	  $(PY) manage.py bench_netwerk

bench-contributions: setup
	@$(DB) && $(PY) manage.py bench_contributions

eval-search: setup
	@$(DB) && $(PY) manage.py eval_search

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache
