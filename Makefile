# The two commands a newcomer needs: `make serve` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test install install-test browser bench check

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

install: $(PY)
	$(PY) -m pip install -q -e .

install-test: $(PY)
	$(PY) -m pip install -q -e '.[test]'
	npm install --no-audit --no-fund --no-package-lock --loglevel=error

# Debian's Chromium drives the browser tests (Playwright's own download is not used);
# Java runs the Nu HTML Checker (vnu-jar, from npm).
browser:
	@command -v chromium >/dev/null && command -v java >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium default-jre-headless; }

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
