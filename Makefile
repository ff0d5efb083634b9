PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY = $(VENV)/bin/python
PORT ?= 8000
BALAI_BASE_DOMAIN ?= localhost
export PORT BALAI_BASE_DOMAIN

.PHONY: help install run test e2e lint bench

help:  ## Show the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

install: $(VENV)/.installed  ## Create the virtualenv and install Balai's requirements

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: install  ## Migrate, generate the demo villages and serve them on port 8000
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 0.0.0.0:$(PORT)

test: install  ## Run the test suite (SQLite unless DATABASE_URL says otherwise)
	$(PY) -m pytest $(PYTEST_ARGS)

e2e: install node_modules/.installed  ## Drive Balai in Chromium: staff and visitor journeys, accessibility, screenshots
	$(PY) -m pytest tests/e2e -m browser -p no:cacheprovider $(PYTEST_ARGS)

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

lint: install  ## Check code style
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

bench: install  ## Run the benchmarks (several minutes)
	$(PY) bench/provision.py
