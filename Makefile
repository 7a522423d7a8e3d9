# Two commands do everything on a fresh machine: `make demo` and `make test`.
# Both create the virtual environment, install the package and the Debian packages they need,
# and start a local Neo4j when none answers.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO_OUT ?= demo-output

.PHONY: demo test bench server stop system-deps install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

system-deps:
	bash scripts/install-system-deps.sh

server: install system-deps
	$(BIN)/archmodel db start

demo: install system-deps
	$(BIN)/archmodel demo -o $(DEMO_OUT)

test: install system-deps
	$(BIN)/python -m pytest -q

bench: install system-deps
	$(BIN)/python bench/run.py

stop:
	-$(BIN)/archmodel db stop
	-$(BIN)/archmodel db stop --port $${ARCHMODEL_TEST_PORT:-7688}

clean:
	rm -rf $(VENV) test-output $(DEMO_OUT)
