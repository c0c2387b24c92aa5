"""The hybrid's conflict rules, its policy file, and the system over a real (tiny) run."""

from __future__ import annotations

import json

import pytest
import torch
from econer.annotate.rules.ruler import load_rules
from econer.eval.hybrid import HybridPolicy, HybridSystem, combine, load_policy
from econer.models.bilstm import BiLstmConfig, BiLstmForTokenClassification
from econer.models.build import char_tokenizer, char_vocab
from econer.models.tags import TAGS

from econer.errors import EconerError
from econer.registry import systems
from econer.spans import Document, Span

TEXT = "重庆千能实业有限公司在两江新区投资3亿元，同比增长5%，华为跟投"


def span(start: int, end: int, label: str, score: float | None = None) -> Span:
    return Span.at(TEXT, start, end, label, score=score)


def test_rules_win_amount_and_rate_even_against_a_confident_model():
    rules = [span(17, 20, "AMOUNT"), span(25, 27, "RATE")]
    model = [span(17, 19, "AMOUNT", 1.0), span(25, 26, "RATE", 1.0), span(28, 30, "RATE", 1.0)]
    assert combine(rules, model, HybridPolicy()) == rules


def test_model_adds_confident_non_overlapping_company_and_park_only():
    rules = [span(2, 10, "COMPANY")]
    model = [span(0, 10, "COMPANY", 0.99),   # overlaps the rule span: rules win
             span(11, 15, "PARK", 0.95),     # new, confident
             span(28, 30, "COMPANY", 0.5)]   # new, below the threshold
    out = combine(rules, model, HybridPolicy(thresholds={"COMPANY": 0.9, "PARK": 0.9}))
    assert [(s.start, s.end, s.label) for s in out] == [(2, 10, "COMPANY"), (11, 15, "PARK")]
    lower = combine(rules, model, HybridPolicy(thresholds={"COMPANY": 0.4, "PARK": 0.9}))
    assert (28, 30, "COMPANY") in [(s.start, s.end, s.label) for s in lower]


def test_between_overlapping_model_spans_the_more_confident_wins():
    model = [span(0, 10, "COMPANY", 0.91), span(2, 15, "PARK", 0.97)]
    out = combine([], model, HybridPolicy(thresholds={"COMPANY": 0.9, "PARK": 0.9}))
    assert [(s.start, s.end, s.label) for s in out] == [(2, 15, "PARK")]


def test_a_label_in_no_list_is_rules_only():
    policy = HybridPolicy(rules_only=("AMOUNT",), thresholds={"COMPANY": 0.5})
    assert combine([], [span(11, 15, "PARK", 1.0), span(25, 27, "RATE", 1.0)], policy) == []


def test_policy_file_and_overrides(tmp_path):
    default = load_policy()
    assert set(default.rules_only) == {"AMOUNT", "RATE"} and "COMPANY" in default.thresholds
    assert load_policy(None, {"thresholds.COMPANY": 0.5}).thresholds["COMPANY"] == 0.5
    bad = tmp_path / "p.yaml"
    bad.write_text("rules_only: [AMOUNT]\nthresholds: {AMOUNT: 0.5}\n")
    with pytest.raises(EconerError, match="both rules-only and thresholded"):
        load_policy(bad)
    bad.write_text("rules_only: [ORG]\n")
    with pytest.raises(EconerError, match="unknown label 'ORG'"):
        load_policy(bad)
    with pytest.raises(EconerError, match="unknown key 'COMPANY'"):
        load_policy(None, {"COMPANY": 0.5})
    bad.write_text("rules_only: [AMOUNT]\nthreshold: {COMPANY: 0.5}\n")  # a typo'd key
    with pytest.raises(EconerError, match=r"p.yaml:2: unknown key 'threshold'"):
        load_policy(bad)


@pytest.fixture
def tiny_run(tmp_path):
    """A run folder with an untrained BiLSTM: confident about nothing in particular."""
    tok = char_tokenizer(char_vocab([TEXT], min_freq=1, max_size=200))
    torch.manual_seed(3)
    model = BiLstmForTokenClassification(BiLstmConfig(
        vocab_size=len(tok), embedding_dim=16, hidden=8, num_labels=len(TAGS),
        id2label=dict(enumerate(TAGS)), label2id={t: i for i, t in enumerate(TAGS)}))
    model.save_pretrained(tmp_path / "model")
    tok.save_pretrained(tmp_path / "model")
    (tmp_path / "labels.json").write_text(json.dumps({"tags": list(TAGS)}))
    (tmp_path / "run.json").write_text(json.dumps(
        {"name": "tiny", "version": "tiny-1", "window": {"max_length": 16, "stride": 4}}))
    return tmp_path


def test_hybrid_system_keeps_the_rules_amounts_and_rates(tiny_run):
    docs = [Document.from_text(TEXT, id="a"), Document.from_text("两江新区", id="b")]
    system = HybridSystem(tiny_run, HybridPolicy(thresholds={"COMPANY": 0.0, "PARK": 0.0}))
    assert system.name == "hybrid" and "tiny-1" in system.version
    rules = {d.id: d for d in load_rules().pipe(docs)}
    for doc in system.predict(docs):
        picked = {(s.start, s.end, s.label) for s in doc.spans if s.label in ("AMOUNT", "RATE")}
        assert picked == {(s.start, s.end, s.label) for s in rules[doc.id].spans
                          if s.label in ("AMOUNT", "RATE")}
        for s in doc.spans:
            assert doc.text[s.start : s.end] == s.text
        ordered = sorted(doc.spans, key=lambda s: s.start)
        assert all(a.end <= b.start for a, b in zip(ordered, ordered[1:], strict=False))
    assert "hybrid" in systems and isinstance(
        systems.get("hybrid")(str(tiny_run)), HybridSystem)


def test_threshold_sweep_scores_the_hybrid_at_each_threshold():
    from econer.eval.bench.hybrid_thresholds import GRID, sweep

    doc = Document.from_text(TEXT, id="t")
    gold = [doc.with_spans([span(0, 10, "COMPANY"), span(28, 30, "COMPANY")])]
    rules = [doc.with_spans([span(0, 10, "COMPANY"), span(17, 20, "AMOUNT")])]
    # the model: 华为 right at 0.6, 两江新区 wrong at 0.3
    model = [doc.with_spans([span(28, 30, "COMPANY", 0.6), span(11, 15, "COMPANY", 0.3)])]
    curve = dict(sweep(gold, rules, model, "COMPANY", ("AMOUNT", "RATE")))
    assert [t for t, _ in sweep(gold, rules, model, "COMPANY", ())] == GRID
    assert curve[0.0] == pytest.approx(0.8)  # 2 right of 3 predicted, 2 gold
    assert curve[0.5] == pytest.approx(1.0)
    assert curve[1.01] == pytest.approx(2 / 3)  # the rules alone: 1 of 2
