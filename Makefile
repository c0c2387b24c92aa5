# The two commands of the README: `make demo` and `make test`. Each installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
LSVENV := .venv-ls
OUT    ?= out

.PHONY: demo test lint setup setup-ls clean

# The training stack. torch is pinned first: an open range pulls a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# Label Studio lives in its own environment: its server pins clash with the training stack.
$(LSVENV)/.installed:
	$(PYTHON) -m venv $(LSVENV)
	$(LSVENV)/bin/pip install --quiet label-studio==1.23.2
	touch $@

setup: $(VENV)/.installed
setup-ls: $(LSVENV)/.installed

demo: setup
	$(BIN)/econer prelabel seeds/ --out $(OUT)/prelabels.jsonl

test: setup setup-ls
	$(BIN)/ruff check .
	ECONER_LABEL_STUDIO=$(LSVENV)/bin/label-studio $(BIN)/pytest

lint: setup
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) $(LSVENV) $(OUT) .pytest_cache .ruff_cache
