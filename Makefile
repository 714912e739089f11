# One command sets up and runs each job on a fresh clone: every target depends on the venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CODE := $(wildcard src tests benchmarks)
STAMP := $(VENV)/.installed

.PHONY: install test lint format clean eval leaderboard

EXTRACTOR ?= rules

install: $(STAMP)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

eval: $(STAMP)
	$(BIN)/figdate eval --extractor '$(EXTRACTOR)'

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

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
