"""The hybrid's conflict rules, its policy file, and the system over a real (tiny) run."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import torch
from econer.annotate.rules.ruler import load_rules
from econer.eval.hybrid import (
    HybridPolicy,
    HybridSystem,
    combine,
    confirmed,
    load_policy,
    supports,
)
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


# -- acceptance with support, boundaries, propagation (hand-made documents) -------------------

SUPPORTED = HybridPolicy(thresholds={"COMPANY": 0.9, "PARK": 0.9}, supported={"COMPANY": 0.6},
                         supports=("gazetteer", "company_word", "latin", "repeated"),
                         company_words=("公司", "集团", "银行"))


def spans_of(text: str, *items: tuple[int, int, str, float | None]) -> list[Span]:
    return [Span.at(text, s, e, label, score=score) for s, e, label, score in items]


def picked(spans: list[Span]) -> list[tuple[str, str]]:
    return [(s.text, s.label) for s in spans]


def test_a_supported_model_span_is_taken_below_the_plain_threshold():
    text = "北辰精工股份公司与Vexlo合作，另有星河物流参与"
    model = spans_of(text, (0, 8, "COMPANY", 0.7),    # ends in a company word: taken
                     (9, 14, "COMPANY", 0.65),        # latin: taken
                     (18, 22, "COMPANY", 0.8))        # no support: left out
    assert picked(combine([], model, SUPPORTED)) == [("北辰精工股份公司", "COMPANY"),
                                                     ("Vexlo", "COMPANY")]
    # the same spans with supports switched off: only the plain threshold counts
    assert combine([], model, HybridPolicy(thresholds={"COMPANY": 0.9})) == []
    # support never lowers the bar below the supported threshold
    low = spans_of(text, (0, 8, "COMPANY", 0.5))
    assert combine([], low, SUPPORTED) == []


def test_a_company_word_alone_or_a_one_letter_latin_string_is_no_support():
    text = "该公司与X签约"
    model = spans_of(text, (1, 3, "COMPANY", 0.8), (4, 5, "COMPANY", 0.8))
    assert supports(model[0], [], model, SUPPORTED) == []
    assert supports(model[1], [], model, SUPPORTED) == []


def test_gazetteer_and_repeated_support():
    text = "星河物流扩产，星河物流称，云杉传媒跟进"
    model = spans_of(text, (7, 11, "COMPANY", 0.7), (13, 17, "COMPANY", 0.7))
    rules = spans_of(text, (0, 4, "COMPANY", None))   # the rules chose 星河物流 elsewhere
    assert picked(combine(rules, model, SUPPORTED)) == [("星河物流", "COMPANY")] * 2
    assert picked(combine(rules, model, SUPPORTED, known={"云杉传媒"})) == [
        ("星河物流", "COMPANY"), ("星河物流", "COMPANY"), ("云杉传媒", "COMPANY")]
    # the model's own confident choice elsewhere supports too, its unsure one does not
    sure = spans_of(text, (0, 4, "COMPANY", 0.95), (7, 11, "COMPANY", 0.7))
    unsure = spans_of(text, (0, 4, "COMPANY", 0.8), (7, 11, "COMPANY", 0.7))
    assert len(combine([], sure, SUPPORTED)) == 2
    assert combine([], unsure, SUPPORTED) == []


def test_boundaries_stay_the_rules_unless_the_policy_says_model():
    text = "东岭新材料公司宣布扩产，东岭园区同步建设"
    rules = spans_of(text, (0, 4, "COMPANY", None), (12, 16, "PARK", None))
    model = spans_of(text, (0, 7, "COMPANY", 0.95),   # longer than the rule span
                     (12, 14, "COMPANY", 0.95))       # inside a PARK rule span
    assert picked(combine(rules, model, HybridPolicy())) == [("东岭新材", "COMPANY"),
                                                            ("东岭园区", "PARK")]
    by_model = HybridPolicy(boundaries="model")
    # the model's boundary wins against a rule span of its label, never against another label
    assert picked(combine(rules, model, by_model)) == [("东岭新材料公司", "COMPANY"),
                                                      ("东岭园区", "PARK")]
    # an unsure model span changes nothing
    unsure = spans_of(text, (0, 7, "COMPANY", 0.5))
    assert picked(combine(rules, unsure, by_model))[0] == ("东岭新材", "COMPANY")


def test_propagation_labels_other_mentions_of_a_name_taken_from_the_model():
    text = "据悉，恒远物流计划扩产。恒远物流表示，恒远物流园明年开工。"
    rules = spans_of(text, (19, 24, "PARK", None))   # 恒远物流园: its mention stays a park
    model = spans_of(text, (3, 7, "COMPANY", 0.95))
    repeats = load_rules().repeats
    policy = HybridPolicy(propagate=True)
    out = combine(rules, model, policy, text=text, repeats=repeats)
    assert [(s.start, s.end, s.label) for s in out] == [
        (3, 7, "COMPANY"), (12, 16, "COMPANY"), (19, 24, "PARK")]
    assert out[1].source == "hybrid:repeat"
    # off by default; and a name not taken from the model is not spread by the hybrid
    assert len(combine(rules, model, HybridPolicy(), text=text, repeats=repeats)) == 2
    unsure = spans_of(text, (3, 7, "COMPANY", 0.5))
    assert picked(combine(rules, unsure, policy, text=text, repeats=repeats)) == [
        ("恒远物流园", "PARK")]


def test_policy_file_new_keys_are_checked(tmp_path):
    default = load_policy()
    assert default.boundaries in ("rules", "model") and isinstance(default.propagate, bool)
    bad = tmp_path / "p.yaml"
    bad.write_text("thresholds: {COMPANY: 0.9}\nsupported: {COMPANY: 0.6}\nsupports: [vibes]\n")
    with pytest.raises(EconerError, match="unknown support"):
        load_policy(bad)
    bad.write_text("thresholds: {PARK: 0.5}\nsupported: {COMPANY: 0.6}\n")
    with pytest.raises(EconerError, match="supported threshold of COMPANY"):
        load_policy(bad)
    bad.write_text("thresholds: {COMPANY: 0.9}\nboundaries: longest\n")
    with pytest.raises(EconerError, match="p.yaml:2"):
        load_policy(bad)
    ok = load_policy(None, {"supported.COMPANY": 0.6, "supports": ["latin"],
                            "propagate": True})
    assert ok.supported == {"COMPANY": 0.6} and "supported:COMPANY>=0.6(latin)" in ok.version


def test_policy_bench_compares_policies_on_saved_predictions():
    from econer.eval.bench.hybrid_policies import hybrid_docs, policies

    named = dict(policies(SUPPORTED))
    assert len(named) == len(list(policies(SUPPORTED)))  # names are distinct
    assert {"plain 1.01", "propagate", "boundaries model"} <= set(named)
    text = "北辰精工股份公司扩产"
    doc = Document.from_text(text, id="t")
    model = [doc.with_spans(spans_of(text, (0, 8, "COMPANY", 0.7)))]
    rules = [doc.with_spans([])]
    never = hybrid_docs(rules, model, named["plain 1.01"], (), None)
    assert not never[0].spans
    word = hybrid_docs(rules, model, named["support company_word >= 0.6"], (), None)
    assert picked(word[0].spans) == [("北辰精工股份公司", "COMPANY")]


def token_probs(text: str, company: dict[int, tuple[float, float]]):
    """One token a character; ``company[i] = (P(B-COMPANY), P(I-COMPANY))``, the rest O."""
    import numpy as np
    from econer.models.predict import TokenProbs

    rows = np.zeros((len(text), len(TAGS)))
    rows[:, 0] = 1.0
    b, i_tag = TAGS.index("B-COMPANY"), TAGS.index("I-COMPANY")
    for k, (pb, pi) in company.items():
        rows[k] = 0.0
        rows[k, b], rows[k, i_tag], rows[k, 0] = pb, pi, 1.0 - pb - pi
    return TokenProbs([(k, k + 1) for k in range(len(text))], rows, list(TAGS))


def test_a_gazetteer_name_is_confirmed_where_the_model_leans_to_it_and_is_sure_it_ends():
    text = "据悉，星河能源与云杉签约，星河能源称"
    known = {"星河能源", "星河", "云杉"}
    probs = token_probs(text, {3: (0.5, 0.1), 4: (0.1, 0.4), 5: (0.0, 0.3), 6: (0.0, 0.3),
                               8: (0.2, 0.0), 9: (0.0, 0.1),         # 云杉: mean 0.15
                               13: (0.4, 0.0), 14: (0.0, 0.5), 15: (0.0, 0.6), 16: (0.0, 0.2)})
    policy = HybridPolicy(confirm=True, confirm_mean=0.3, confirm_end=0.9)
    found = confirmed(text, probs, known, [], policy)
    # 星河能源 (mean 0.375 / 0.425), not 星河 inside it; 云杉 too unsure
    assert [(s.start, s.end, s.source) for s in found] == [
        (3, 7, "hybrid:confirmed"), (13, 17, "hybrid:confirmed")]
    # a name the model may continue past (P(I) next 0.3) is not confirmed at 0.9
    assert confirmed(text, probs, {"星河能"}, [], policy) == []
    # a name not in the gazetteer, or covered by a span already taken, is never confirmed
    assert confirmed(text, probs, {"能源"}, [], policy) == []
    taken = [Span.at(text, 3, 7, "COMPANY")]
    assert [s.start for s in confirmed(text, probs, known, taken, policy)] == [13]
    # in combine: only when the policy says so, and confirmed names propagate like the model's
    assert combine([], [], HybridPolicy(), text=text, known=known, probs=probs) == []
    both = combine([], [], policy, text=text, known=known, probs=probs)
    assert picked(both) == [("星河能源", "COMPANY")] * 2
    # offsets as the predictor hands them over (an array): plain ints come out
    import numpy as np

    arrays = replace(probs, offsets=np.asarray(probs.offsets))
    spans = confirmed(text, arrays, known, [], policy)
    assert [(s.start, s.end) for s in spans] == [(3, 7), (13, 17)]
    assert all(type(s.start) is int and type(s.end) is int for s in spans)


def test_the_predictor_hands_over_each_documents_tag_probabilities(tiny_run):
    from econer.models.predict import Predictor

    predictor = Predictor.from_run(tiny_run, device="cpu")
    predictor.segment = 12  # TEXT goes through in segments and comes back whole
    docs = [Document.from_text(TEXT, id="a"), Document.from_text("两江新区", id="b")]
    kept = []
    out = list(predictor.pipe(docs, on_probs=kept.append))
    assert [d.id for d in out] == ["a", "b"] and len(kept) == 2
    for doc, probs in zip(docs, kept, strict=True):
        assert [doc.text[a:b] for a, b in probs.offsets] == list(doc.text)
        assert probs.rows.shape == (len(doc.text), len(TAGS))
        assert abs(probs.rows.sum(axis=1) - 1).max() < 1e-5


def test_hybrid_system_confirms_with_the_models_probabilities(tiny_run):
    # an untrained model confident of nothing: with the bar at 0 every gazetteer name the
    # rules left out and that ends where the model is sure is taken; at 1.01 none is
    docs = [Document.from_text("据悉，恒远物流与华为签约", id="a")]
    never = HybridSystem(tiny_run, HybridPolicy(confirm=True, confirm_mean=1.01))
    assert not any(s.source == "hybrid:confirmed" for d in never.predict(docs) for s in d.spans)
    system = HybridSystem(tiny_run, HybridPolicy(confirm=True, confirm_mean=0.0,
                                                 confirm_end=0.0))
    system.known = {"恒远物流"}
    (doc,) = system.predict(docs)
    assert ("恒远物流", "COMPANY") in picked([s for s in doc.spans
                                             if s.source == "hybrid:confirmed"])


def test_known_names_are_listed_firms_and_brands_that_are_no_common_word(tmp_path):
    from econer.eval.hybrid import known_names

    folder = tmp_path / "gazetteer"
    folder.mkdir()
    (folder / "listed.tsv").write_text(
        "# name\tkind\tcode\tcommon\tsources   (built by `econer rules gazetteer`)\n"
        "星河能源\tshort\t600000\t0\tx.csv:1\n", encoding="utf-8")
    (folder / "brands.tsv").write_text(
        "# one name a line, all from company-short-names/company-short-names.txt "
        "(built by `econer rules gazetteer`)\n云杉\n稻谷\n", encoding="utf-8")
    (folder / "brands-common.tsv").write_text(
        "# the names of brands.tsv that are common words in jieba's dictionary "
        "(built by `econer rules gazetteer`)\n稻谷\n", encoding="utf-8")
    known = known_names(tmp_path)
    assert "星河能源" in known and "云杉" in known
    assert "稻谷" not in known and "星河" not in known
    assert known_names(tmp_path / "none") == frozenset()
