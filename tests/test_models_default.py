"""The shipped default model: present, small, loads, predicts valid spans; predict default
and predict default --hybrid work without training."""

from __future__ import annotations

import json

from econer.annotate.rules.ruler import load_rules
from econer.models.predict import DEFAULT_RUN, Predictor

from econer.cli import run
from econer.ingest import iter_documents
from econer.jsonl import read_documents
from econer.resources import seeds_dir


def test_the_shipped_model_is_small_and_explains_itself():
    files = [p for p in DEFAULT_RUN.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) <= 4 * 1024 * 1024
    info = json.loads((DEFAULT_RUN / "run.json").read_text())
    assert info["seed"] == 42 and info["data"]["files"]  # data hashes recorded
    assert info["data"]["embeddings"]["sha256"]
    assert all(len(h) == 64 for h in info["data"]["files"].values())
    # Paths relative to the checkout (make model: econer.models.ship), no machine's own.
    for name in ("run.json", "config.resolved.yaml"):
        text = (DEFAULT_RUN / name).read_text(encoding="utf-8")
        assert '"/' not in text and "- /" not in text and ": /" not in text, name
    assert any(k.startswith("../shared/") for k in info["data"]["files"])


def test_the_shipped_model_predicts_valid_offsets():
    predictor = Predictor.from_run("default", device="cpu")
    docs = list(iter_documents([seeds_dir()]))
    spans = 0
    for doc in predictor.pipe(docs):
        for span in doc.spans:
            assert doc.text[span.start : span.end] == span.text and span.end > span.start
            assert "\n" not in span.text and 0 < span.score <= 1
            spans += 1
    assert spans > 0


def test_predict_default_and_hybrid_from_the_command_line(tmp_path):
    seed = sorted(seeds_dir().glob("*.txt"))[0]
    model_out, hybrid_out = tmp_path / "m.jsonl", tmp_path / "h.jsonl"
    assert run(["predict", "default", str(seed), "--out", str(model_out), "--no-progress"]) == 0
    assert run(["predict", "default", str(seed), "--hybrid", "--out", str(hybrid_out),
                "--no-progress"]) == 0
    (model_doc,), (hybrid_doc,) = read_documents(model_out), read_documents(hybrid_out)
    assert model_doc.spans and hybrid_doc.spans
    record = json.loads(hybrid_out.with_name("h.jsonl.run.json").read_text())
    assert record["system"] == "hybrid"
    # AMOUNT and RATE are the rules' alone
    rules_doc = load_rules()(model_doc.with_spans([]))
    def pick(doc):
        return {(s.start, s.end, s.label) for s in doc.spans if s.label in ("AMOUNT", "RATE")}
    assert pick(hybrid_doc) == pick(rules_doc)
