# One command sets up and runs each job on a fresh clone: every target depends on the venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CODE := $(wildcard src tests benchmarks docs)
STAMP := $(VENV)/.installed

.PHONY: install test lint format clean eval leaderboard labelstudio report

EXTRACTOR ?= rules

install: $(STAMP)

$(STAMP): pyproject.toml
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

test: $(STAMP)
	$(BIN)/python -m pytest

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
	.venv-labelstudio/bin/python -m pip install --quiet 'label-studio>=1.20,<2'

clean:
	rm -rf $(VENV) .venv-labelstudio .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
