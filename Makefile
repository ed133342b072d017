# Two commands for a fresh machine (each creates .venv from the lock file when missing):
#   make repro   build the data package (dvc repro)
#   make test    run the test suite
#   make review  show the candidates and figures that wait for a keeper (ARGS="status" for another command)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: repro test bench bench-scale lock clean diff serve review
REV ?= HEAD
repro: $(VENV)/.installed
	dvc repro

test: $(VENV)/.installed
	python -m pytest

# The review command without an activated environment: `make review` shows what waits,
# `make review ARGS="accept ID"` runs any other review command.
ARGS ?= show
review: $(VENV)/.installed
	review $(ARGS)

# The data diff between the package at REV (default HEAD) and the working tree, per table.
diff: $(VENV)/.installed
	python -m stages.diff --rev $(REV)

# Browse the typed database with Datasette on this machine only (http://127.0.0.1:8001).
serve: $(VENV)/.installed
	test -f dist/tradestats.sqlite || dvc repro
	datasette serve dist/tradestats.sqlite --metadata datasette.yml --host 127.0.0.1 --port 8001

bench: $(VENV)/.installed
	python -m benchmarks.bench_extract

# The whole pipeline on a generated corpus (N=10000 by default: make bench-scale N=100000).
N ?= 10000
bench-scale: $(VENV)/.installed
	python -m benchmarks.bench_scale --n $(N)

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# Re-resolve the pins after changing dependencies in pyproject.toml.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade setuptools
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	.lock-venv/bin/python -m pip freeze --all --exclude-editable --disable-pip-version-check | grep -v "^pip==" | sort > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf build .pytest_cache
