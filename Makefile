# Every target sets itself up: the venv is (re)installed only when missing or when pyproject.toml changed.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home
UI_HOST ?= 127.0.0.1
UI_PORT ?= 3000
DAGSTER_YAML := $(DAGSTER_HOME)/dagster.yaml

.PHONY: run test ui check-defs lint evaluate bench

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m orchestration.build

test: $(STAMP)
	$(PY) -m pytest

BENCH_STAMP := $(VENV)/.installed-bench
$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,bench]'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(PY) benchmarks/run.py --quick

evaluate: $(STAMP)
	$(PY) -m orchestration.evaluation

# The Dagster instance of the UI and dg (and of `make run`, which sets it up alike in orchestration/build.py),
# with the project's dagster.yaml unless it has one already.
$(DAGSTER_YAML):
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $@

ui: $(STAMP) $(DAGSTER_YAML)
	$(VENV)/bin/dg dev -h $(UI_HOST) -p $(UI_PORT)

# Loads the code location as the UI would ([tool.dg] in pyproject.toml): what CI runs besides the tests.
check-defs: $(STAMP) $(DAGSTER_YAML)
	$(VENV)/bin/dg check defs

lint: $(STAMP)
	$(VENV)/bin/ruff check orchestration tests benchmarks
	$(VENV)/bin/ruff format --check orchestration tests benchmarks
	$(VENV)/bin/sqlfluff lint sql --processes 2
