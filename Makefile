# The two commands of the README: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test unit check bench quality reliability clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Reinstall only when pyproject.toml changed.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[test,anki]"
	touch $@ $(STAMP)

run: $(STAMP)
	$(BIN)/quiz

test: $(TEST_STAMP)
	$(BIN)/python -m pytest

# The fast tests alone: no Textual app (Pilot, snapshots, tmux), no reliability suite.
unit: $(TEST_STAMP)
	$(BIN)/python -m pytest -m "not tui" --ignore=tests/reliability

# Static checks: ruff (lint and import order) and mypy (types) over the package.
check: $(TEST_STAMP)
	$(BIN)/ruff check quiz tests bench
	$(BIN)/mypy

bench: $(TEST_STAMP)
	$(BIN)/python -m bench

# Question quality on the seed and the held-out eval sets (tests/data/eval, eval2, eval3); more folders of
# NAME.facts.yaml files with EXTRA=DIR (e.g. real reports kept outside the repository).
quality: $(STAMP)
	$(BIN)/python -m bench.quality $(EXTRA)

# The adversarial suite with its long runs; rewrites docs/reliability.md from the figures it measured.
reliability: $(TEST_STAMP)
	rm -f $(VENV)/reliability.jsonl
	QUIZ_RELIABILITY=1 QUIZ_FIGURES=$(CURDIR)/$(VENV)/reliability.jsonl $(BIN)/python -m pytest tests/reliability; \
	status=$$?; $(BIN)/python tests/reliability/report.py $(VENV)/reliability.jsonl docs/reliability.md; exit $$status

clean:
	rm -rf $(VENV) .pytest_cache
