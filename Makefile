# The two commands of the README: `make serve` and `make test`.
# Everything a fresh machine with only Python 3 and pip needs is installed here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000

.PHONY: install install-analysts install-test serve build test test-fast lint format bench clean

# Idempotent: re-runs pip only when a requirements file changed.
install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The analysts' tools on top of the runtime (pyarrow, matplotlib): `python -m analysts`.
install-analysts: install $(VENV)/.installed-analysts

$(VENV)/.installed-analysts: requirements-analysts.txt $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-analysts.txt
	touch $@

# What the tests need on top: Python test packages, node tools, Debian's chromium.
install-test: install install-analysts $(VENV)/.installed-test

$(VENV)/.installed-test: requirements-dev.txt package.json scripts/install-test-tools.sh
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	scripts/install-test-tools.sh
	touch $@

serve: install
	$(BIN)/python build.py serve --port $(PORT)

# A build for publishing needs the public address; without it, a preview build.
build: install
	$(BIN)/python build.py build $(if $(WEGWIJS_SITE_URL),,--preview)

# Lint and format first: a style slip fails in seconds, not after the suite.
test: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict feedback_fn wegwijs_shared analysts
	$(BIN)/python -m pytest

# The inner loop: no browser, no build of the real site, on every core (pytest-xdist).
test-fast: install-test
	$(BIN)/python -m pytest -m "not browser and not slow" -q -n auto

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install-test
	$(BIN)/python bench/page_weight.py
	$(BIN)/python bench/build_scale.py

clean:
	rm -rf site var .build-tmp
