# The two commands of the README: `make demo` and `make test`. Each installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
LSVENV := .venv-ls
OUT    ?= out
SUDO   := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: demo model scorecard-cv test lint setup setup-ls setup-ray setup-browser screenshots clean

# The training stack. torch is pinned first: an open range pulls a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev,browser]'
	touch $@

# Label Studio lives in its own environment: its server pins clash with the training stack.
$(LSVENV)/.installed:
	$(PYTHON) -m venv $(LSVENV)
	$(LSVENV)/bin/pip install --quiet label-studio==1.23.2
	touch $@

# Ray is an extra (`econer[ray]`, for --engine ray): the tests start a real local Ray.
$(VENV)/.installed-ray: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[ray]' torch==2.13.0
	touch $@

setup: $(VENV)/.installed
setup-ls: $(LSVENV)/.installed
setup-ray: $(VENV)/.installed-ray

# The browser tests drive Debian's Chromium (playwright cannot download browsers here), with
# CJK fonts: Noto for the page, HanaMin for Extension B (𪚥). Installed only when missing.
setup-browser:
	@if command -v chromium >/dev/null && fc-list : family | grep -q 'Noto Sans CJK' \
		&& fc-list : family | grep -q HanaMinB; then :; else \
		$(SUDO) apt-get update -q && \
		$(SUDO) apt-get install -y -q chromium fonts-noto-cjk fonts-hanazono; fi

# The main job on the seeds with embedded defaults: no Label Studio server, no model hub, no
# training. 1. the rules' scorecard on the seed gold; 2. rules, the shipped default model and
# the hybrid side by side (the default model never saw the seed gold: configs/train/default.yaml
# has mix.gold 0; the hybrid's policy was tuned on news dev sets; README "The default model").
demo: setup
	$(BIN)/econer gold check seeds/gold/
	$(BIN)/econer prelabel seeds/ --out $(OUT)/rules.jsonl
	$(BIN)/econer eval --gold seeds/gold/seeds.jsonl --pred rules=$(OUT)/rules.jsonl \
		--out $(OUT)/scorecard-rules
	$(BIN)/econer predict default seeds/ --out $(OUT)/model.jsonl
	$(BIN)/econer predict default seeds/ --hybrid --out $(OUT)/hybrid.jsonl
	$(BIN)/econer eval --gold seeds/gold/seeds.jsonl --pred rules=$(OUT)/rules.jsonl \
		--pred model=$(OUT)/model.jsonl --pred hybrid=$(OUT)/hybrid.jsonl \
		--out $(OUT)/scorecard-default

# The shipped default model (models/default/, committed, about 2 MB in float16): rule silver
# over ../shared/corpus and the twelve training dev sets' gold (texts from ../shared), then
# configs/train/news-gold.yaml (a character BiLSTM from scratch with word2vec embeddings; about
# 35 minutes on 1 CPU thread). Then commit models/default/.
DEV_TRAIN := news-dev news-dev2 news-dev3 news-dev4 news-dev5 news-dev6 news-dev7 news-dev8 \
	news-dev9 news-dev10 news-park-dev news-park-dev2
model: setup
	$(BIN)/econer prelabel ../shared/corpus/*.jsonl --out .cache/silver/corpus.rules.jsonl
	$(BIN)/econer gold devset $(DEV_TRAIN) --out .cache/gold/news-dev-train.jsonl
	$(BIN)/econer train configs/train/news-gold.yaml --out $(OUT)/default-run
	rm -rf models/default && cp -r $(OUT)/default-run models/default
	$(BIN)/python -m econer.models.ship models/default   # no machine paths in what ships

# Leave-one-seed-out cross-validation of the rules and the small config (5 trainings).
# The seeds' scorecard: rules, the shipped model (which never saw a seed) and the hybrid, fold
# by fold (leave one seed out), with the paired tests. No training; about 10 s.
scorecard-cv: setup
	$(BIN)/econer eval --folds -s rules -s model=run:default -s hybrid:default \
		--out $(OUT)/scorecard-cv

test: setup setup-ls setup-ray setup-browser
	$(BIN)/ruff check .
	$(BIN)/econer gold check seeds/gold/
	ECONER_LABEL_STUDIO=$(LSVENV)/bin/label-studio $(BIN)/pytest

# The README's two pictures, saved by the browser tests themselves: what they show was checked.
screenshots: setup setup-ls setup-browser
	ECONER_LABEL_STUDIO=$(LSVENV)/bin/label-studio ECONER_SCREENSHOTS=docs/img \
		$(BIN)/pytest -q tests/browser

lint: setup
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) $(LSVENV) $(OUT) .pytest_cache .ruff_cache
