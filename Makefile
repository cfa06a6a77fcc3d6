# The two commands a newcomer needs: `make serve` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

# Stamps: pip runs again only when what it installs from changed.
INSTALLED := $(VENV)/.carnet-installed
INSTALLED_TEST := $(VENV)/.carnet-installed-test

.PHONY: serve build test install install-test browser bench check

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(INSTALLED): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e .
	@touch $@

$(INSTALLED_TEST): pyproject.toml package.json $(INSTALLED)
	$(PY) -m pip install -q -e '.[test]'
	npm install --no-audit --no-fund --no-package-lock --loglevel=error
	@touch $@

install: $(INSTALLED)

install-test: $(INSTALLED_TEST)

# Debian's Chromium drives the browser tests (Playwright's own download is not used);
# Java runs the Nu HTML Checker (vnu-jar, from npm); valgrind counts the instructions of a
# build (tests/test_instructions.py). Recommended packages (printing, desktop services) are
# not needed headless.
browser:
	@command -v chromium >/dev/null && command -v java >/dev/null && command -v valgrind >/dev/null || \
	  { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
	  chromium default-jre-headless fonts-dejavu-core fonts-liberation valgrind; }

serve: install
	$(VENV)/bin/mkdocs serve

build: install
	$(VENV)/bin/mkdocs build --strict

check: install
	$(VENV)/bin/carnet check

test: install-test browser
	$(PY) -m pytest -q

bench: install
	$(PY) bench/run.py
