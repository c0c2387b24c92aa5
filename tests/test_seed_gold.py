"""The seed gold: it passes `econer gold check`, indexes the ingested seeds, and the folds
cover it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from econer.annotate.gold.agreement import span_agreement
from econer.annotate.gold.check import check_gold

from econer.cli import run
from econer.folds import load_folds
from econer.ingest import read_txt
from econer.jsonl import read_documents
from econer.labels import LABELS
from econer.resources import seed_gold


@pytest.fixture(scope="module")
def gold() -> list:
    return list(read_documents(seed_gold()))


def test_seed_gold_passes_the_check(repo: Path, capsys) -> None:
    assert check_gold([repo / "seeds" / "gold"]).problems == []
    assert run(["gold", "check", str(repo / "seeds" / "gold")]) == 0
    assert capsys.readouterr().out.startswith("ok: 5 documents in 1 file(s), ")


def test_texts_are_exactly_the_ingested_seeds(gold: list, seed_paths: list[Path]) -> None:
    ingested = {p.stem: read_txt(p).text for p in seed_paths}
    assert {d.id: d.text for d in gold} == ingested


def test_span_counts_per_label(gold: list) -> None:
    counts = Counter(s.label for d in gold for s in d.spans)
    assert sum(counts.values()) > 200
    assert all(counts[label] >= 30 for label in LABELS), counts
    assert all(s.source == "gold" for d in gold for s in d.spans)


def test_amounts_and_rates_carry_values(gold: list) -> None:
    spans = {(s.text, s.label): s.value for d in gold for s in d.spans}
    assert all(value is not None for (_, label), value in spans.items()
               if label in ("AMOUNT", "RATE"))
    assert spans[("125.8亿元", "AMOUNT")].number == 12_580_000_000
    assert spans[("800余万元", "AMOUNT")].approx
    assert spans[("-26.6%", "RATE")].number == pytest.approx(-0.266)


def test_readme_states_the_counts_and_agreement(repo: Path, gold: list) -> None:
    readme = (repo / "seeds" / "gold" / "README.md").read_text(encoding="utf-8")
    counts = Counter(s.label for d in gold for s in d.spans)
    all_row = "| **all** | " + " | ".join(str(counts[label]) for label in LABELS)
    assert all_row in readme
    passes = repo / "seeds" / "gold" / "passes"
    a = list(read_documents(passes / "pass-a.jsonl"))
    b = list(read_documents(passes / "pass-b.jsonl"))
    micro = span_agreement(a, b)["micro"]
    assert f"| micro | {micro['support']:.0f} | {micro['predicted']:.0f} " \
           f"| {micro['matched']:.0f} | {micro['precision']:.3f}" in readme


def test_both_passes_annotate_the_same_texts(repo: Path, gold: list) -> None:
    texts = {d.id: d.text for d in gold}
    for name in ("pass-a.jsonl", "pass-b.jsonl"):
        annotated = list(read_documents(repo / "seeds" / "gold" / "passes" / name))
        assert {d.id: d.text for d in annotated} == texts


def test_folds_test_each_seed_exactly_once(gold: list) -> None:
    folds = load_folds()
    assert folds.gold == seed_gold()
    tested = [doc_id for fold in folds.folds for doc_id in fold.test]
    assert sorted(tested) == sorted(d.id for d in gold)
    assert len(tested) == len(set(tested)) == 5
    for fold in folds.folds:
        train, test = fold.split(gold)
        assert len(train) == 4 and [d.id for d in test] == list(fold.test)


def test_annotation_guide_covers_every_label_and_its_hot_key(repo: Path) -> None:
    from econer.labels import LABEL_HOTKEYS

    guide = (repo / "docs" / "annotation-guide.md").read_text(encoding="utf-8")
    for label, key in LABEL_HOTKEYS.items():
        assert f"## {label}" in guide
        assert f"**{key}** {label}" in guide
