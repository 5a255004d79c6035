# The two commands a new user needs: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# The first Python of 3.12 or newer on this machine: on PATH, then under pyenv.
PYTHON_FOR_VENV := $(shell for c in python3.13 python3.12 python3 \
	$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null); do \
	command -v $$c >/dev/null 2>&1 && $$c -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$c; break; }; done)

.PHONY: chromium harfbuzz-subset run serve test install migrate demo lint format bench clean

$(STAMP): requirements.lock pyproject.toml
	@test -n "$(PYTHON_FOR_VENV)" || { echo "Python 3.12 or newer is needed"; exit 1; }
	@test -x $(PY) || $(PYTHON_FOR_VENV) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $(STAMP)

install: $(STAMP) harfbuzz-subset

migrate: install
	@mkdir -p var
	$(PY) manage.py migrate --no-input
	$(PY) manage.py createcachetable

demo: migrate
	$(PY) manage.py load_demo

# The task worker (emails) runs beside the development server and stops with it.
run: demo
	@$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

# Production settings under gunicorn (gunicorn.conf.py) on http://127.0.0.1:8000.
# DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL come from the environment;
# without a DJANGO_SECRET_KEY a random one is made once into var/secret_key (owner-only).
# Plain HTTP on 127.0.0.1 is for a TLS-terminating proxy in front (or a local trial), so
# the HTTPS redirect is off unless DJANGO_SECURE_SSL_REDIRECT=true.
SERVE_ENV = DJANGO_DEBUG=false \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat var/secret_key)}" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	DJANGO_SECURE_SSL_REDIRECT="$${DJANGO_SECURE_SSL_REDIRECT:-false}"

var/secret_key:
	@mkdir -p var
	@umask 077 && $(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	@echo "Made a secret key in $@ (set DJANGO_SECRET_KEY to use your own)."

# The task worker (emails) runs beside gunicorn and stops with it; in a deployment each is
# its own service (README, "Deployment").
serve: install var/secret_key
	$(SERVE_ENV) $(PY) manage.py migrate --no-input
	$(SERVE_ENV) $(PY) manage.py createcachetable
	$(SERVE_ENV) $(PY) manage.py collectstatic --no-input --verbosity 0
	@$(SERVE_ENV) $(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(SERVE_ENV) $(VENV)/bin/gunicorn --config gunicorn.conf.py

# Installs a missing Debian package with apt when we can (root, or sudo without a
# password); otherwise says what to run and goes on.
apt_install = if [ "$$(id -u)" = 0 ]; then SUDO=; elif sudo -n true 2>/dev/null; then SUDO=sudo; \
	else echo "$(1) is missing and cannot be installed here: apt-get install $(1)"; exit 0; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(1)

# The browser tests (tests/e2e) drive Debian's Chromium: Playwright's own browser download
# cannot work here.
chromium:
	@command -v chromium >/dev/null 2>&1 || test -x /usr/bin/chromium || { $(call apt_install,chromium); }

# WeasyPrint subsets the papers' fonts with HarfBuzz when libharfbuzz-subset is there, and
# otherwise with fontTools, which is slower (docs/papers.md, "Fonts subset by HarfBuzz"):
# a machine where it cannot be installed still installs and runs.
harfbuzz-subset: $(STAMP)
	@$(PY) -c 'import sys; from weasyprint.text.ffi import harfbuzz_subset; sys.exit(harfbuzz_subset is None)' \
	  2>/dev/null || { $(call apt_install,libharfbuzz-subset0); } \
	  || echo "libharfbuzz-subset0 could not be installed: papers are made, more slowly."

# The suite runs on every core (pytest-xdist; each worker has its own test database);
# PYTEST_ARGS="-n 0 tests/…" runs a part of it in this process alone.
test: install chromium
	@mkdir -p var
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run > /dev/null || { echo "Model changes without migrations"; exit 1; }
	$(PY) -m pytest -n auto $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# `make bench` runs every benchmark; `make bench SIZE=100000` times the pages on a synthetic
# council of that many recommendations (PostgreSQL on 127.0.0.1) and writes docs/performance.md.
bench: install
ifdef SIZE
	$(PY) -m benchmarks pages --size=$(SIZE) --write
else
	$(PY) -m benchmarks
endif

clean:
	rm -rf $(VENV) var/*.sqlite3
