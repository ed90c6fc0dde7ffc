# Every target makes its own .venv, so a fresh clone needs nothing but python3 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format bench schema grammar clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/mentorlog demo

# Two workers (pytest-xdist) keep the suite under two minutes on two cores; plain `pytest` works too.
test: $(STAMP) lint
	$(BIN)/python -m pytest -n auto --maxprocesses=4

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Regenerate what the fast runtime reads instead of importing SQLModel or Typer (tests fail when stale).
schema: $(STAMP)
	$(BIN)/python -m mentorlog.store.codegen

grammar: $(STAMP)
	$(BIN)/python -m mentorlog.cli.codegen

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .bench build dist
