# One command sets up and runs each job on a fresh clone: every target depends on the venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CODE := $(wildcard src tests benchmarks docs datasets)
STAMP := $(VENV)/.installed

.PHONY: install test test-slow test-install test-install-all test-spark test-pandas22 test-grown lint format clean eval leaderboard labelstudio report

EXTRACTOR ?= rules

install: $(STAMP)

$(STAMP): pyproject.toml src/figdate/core/__init__.py  # the version lives in the latter
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

eval: $(STAMP)
	$(BIN)/figdate eval --extractor '$(EXTRACTOR)'

report: $(STAMP)
	$(BIN)/figdate report --extractor '$(EXTRACTOR)' -o report.html

leaderboard: $(STAMP)
	$(BIN)/figdate leaderboard --readme README.md

# A worker per core (pytest-xdist, -n auto); the tests marked slow (crash safety, a real Label Studio,
# the wheel install) run in `make test-slow`, which CI runs as a step of its own.
test: $(STAMP)
	$(BIN)/python -m pytest -n auto --dist worksteal -m "not slow"

test-slow: $(STAMP)
	$(BIN)/python -m pytest -m "slow and not spark and not install"

# The built wheel installed into fresh venvs, used from an empty folder: with no extras
# (`pip install figdate`), then with every extra (`figdate[all]`), a CI step each.
test-install: $(STAMP)
	$(BIN)/python -m pytest -m install -k "not all-extras"

test-install-all: $(STAMP)
	$(BIN)/python -m pytest -m install -k "all-extras"

# Spark in local mode (a JVM: .ci/run installs a Java runtime), in a venv of its own: GX
# imports pyspark wherever it is installed, and the main venv is what most users have.
SPARK := .venv-spark
test-spark: $(SPARK)/.installed
	$(SPARK)/bin/python -m pytest -m spark

$(SPARK)/.installed: pyproject.toml
	test -d $(SPARK) || $(PYTHON) -m venv $(SPARK)
	$(SPARK)/bin/python -m pip install --quiet --upgrade pip
	$(SPARK)/bin/python -m pip install --quiet -e '.[dev,spark]'
	touch $(SPARK)/.installed

# The suite on a gold set grown by one article, with a third-party extractor installed.
test-grown: $(STAMP)
	bash .ci/grown

# The oldest pandas figdate supports, in a venv of its own: the contract and the scorer are
# where pandas' behaviour matters. `make test` runs on the newest.
PANDAS22 := .venv-pandas22
test-pandas22: $(PANDAS22)/.installed
	$(PANDAS22)/bin/python -m pytest -q tests/contract tests/scoring tests/api

$(PANDAS22)/.installed: pyproject.toml
	test -d $(PANDAS22) || $(PYTHON) -m venv $(PANDAS22)
	$(PANDAS22)/bin/python -m pip install --quiet --upgrade pip
	$(PANDAS22)/bin/python -m pip install --quiet -e '.[dev]' 'pandas==2.2.*' 'pandas-stubs<3'
	touch $(PANDAS22)/.installed

lint: $(STAMP)
	$(BIN)/ruff format --check $(CODE)
	$(BIN)/ruff check $(CODE)
	$(BIN)/mypy src

format: $(STAMP)
	$(BIN)/ruff format $(CODE)
	$(BIN)/ruff check --fix $(CODE)

# A real Label Studio for the round-trip test, in its own venv: its pins are not ours.
labelstudio: .venv-labelstudio/bin/label-studio

.venv-labelstudio/bin/label-studio:
	test -d .venv-labelstudio || $(PYTHON) -m venv .venv-labelstudio
	# sentry-sdk 3 dropped an option Label Studio 1.x passes at start-up (it exits at once)
	.venv-labelstudio/bin/python -m pip install --quiet 'label-studio>=1.20,<2' 'sentry-sdk<3'

clean:
	rm -rf $(VENV) .venv-labelstudio $(PANDAS22) $(SPARK) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
