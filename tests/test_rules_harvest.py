"""Learning from gold: harvest round trip and calibrated scores."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from econer.annotate.rules.calibrate import calibrate
from econer.annotate.rules.harvest import harvest
from econer.annotate.rules.ruler import load_rules

from econer.jsonl import write_documents
from econer.resources import config_path
from econer.scoring import strict_scores
from econer.spans import Document, Span


@pytest.fixture()
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(config_path("rules"), target)
    return target


def gold_doc() -> Document:
    text = "昨天，蓝鲸速达与翠湖智谷签约，投资5亿元。"
    return Document.from_text(text, id="g1").with_spans([
        Span.at(text, 3, 7, "COMPANY"), Span.at(text, 8, 12, "PARK"),
        Span.at(text, 17, 20, "AMOUNT")])


def test_harvest_round_trip(rules_copy: Path) -> None:
    gold = gold_doc()
    before = load_rules(rules_copy)(gold)
    assert [s.text for s in before.spans] == ["翠湖智谷", "5亿元"]  # 蓝鲸速达 is unknown
    path, added = harvest([gold], rules_copy)
    # every confirmed name not yet in the lexicon, whether the patterns found it or not
    assert added == [("COMPANY", "蓝鲸速达"), ("PARK", "翠湖智谷")]
    after = load_rules(rules_copy)(Document.from_text("蓝鲸速达的新工厂投产"))
    assert [(s.text, s.source) for s in after.spans] == [("蓝鲸速达", "rules:company.lexicon")]
    content = path.read_text(encoding="utf-8")
    assert harvest([gold], rules_copy)[1] == []  # idempotent
    assert path.read_text(encoding="utf-8") == content
    assert json.loads(content.splitlines()[0])["pattern"] == "蓝鲸速达"


def test_harvest_skips_known_and_stop_names(rules_copy: Path) -> None:
    text = "华为与开州区合作"
    gold = Document.from_text(text, id="g2").with_spans(
        [Span.at(text, 0, 2, "COMPANY"), Span.at(text, 3, 6, "PARK")])
    assert harvest([gold], rules_copy)[1] == []


def test_calibrate_scores_are_measured_precision(rules_copy: Path) -> None:
    gold = gold_doc()
    labeller = load_rules(rules_copy)
    table = calibrate(labeller, [gold])
    # one right span: the score moves from the rule's default (0.97) towards 1 by 1/11
    assert table["amount.arabic"] == {"n": 1, "tp": 1, "precision": 1.0, "prior": 0.97,
                                      "score": 0.9727}
    assert table["park.head"]["tp"] == 1
    from econer.annotate.rules.calibrate import write_precision

    write_precision(rules_copy / "precision.json", table, ["gold.jsonl"])
    recalibrated = load_rules(rules_copy)
    assert recalibrated.version != labeller.version
    spans = recalibrated(gold).spans
    assert {s.text: s.score for s in spans}["5亿元"] == pytest.approx(0.9727)


def test_a_rule_seen_once_is_scored_near_its_default_and_many_by_its_record() -> None:
    from econer.annotate.rules.calibrate import PRIOR_WEIGHT, smoothed

    # one wrong span of a rule judged 0.875 by hand: not 0 (nor the flat prior's 1/3)
    once = smoothed(0, 1, 0.875)
    assert 0.75 < once < 0.875
    # a hundred spans, 60 right: close to 0.6 whatever the prior
    assert abs(smoothed(60, 100, 0.95) - 0.6) < 0.04
    assert smoothed(0, 0, 0.8) == 0.8 and PRIOR_WEIGHT > 0


def test_strict_scores(tmp_path: Path) -> None:
    gold = gold_doc()
    predicted = load_rules()(gold)
    table = strict_scores([gold], [predicted])
    assert table["AMOUNT"]["f1"] == 1.0
    assert table["COMPANY"]["recall"] == 0.0 and table["COMPANY"]["fn"] == 1
    write_documents(tmp_path / "g.jsonl", [gold])


def test_calibrating_twice_writes_the_same_file(rules_copy: Path, tmp_path: Path) -> None:
    # a span the curated lexicon and the listed-name rule propose alike goes to the rule of
    # higher score; measured with calibrated scores, two runs traded such spans back and forth
    from econer.cli import run

    # 招商银行, 工商银行: curated and listed alike; 格力电器: listed only, and not in this gold
    text = "招商银行与工商银行签约，格力电器跟进。"
    gold = Document.from_text(text, id="g").with_spans(
        [Span.at(text, 0, 4, "COMPANY"), Span.at(text, 5, 9, "COMPANY")])
    write_documents(tmp_path / "g.jsonl", [gold])
    args = ["rules", "calibrate", str(tmp_path / "g.jsonl"), "--rules", str(rules_copy)]
    path = rules_copy / "precision.json"
    assert run(args) == 0
    first = path.read_text(encoding="utf-8")
    assert run(args) == 0
    assert path.read_text(encoding="utf-8") == first
