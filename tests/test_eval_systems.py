"""Systems by name: the spec parser, the built-in rules system, a Trainable fitted per fold,
and a system registered by a test reaching ``econer eval --folds`` by name."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from econer.annotate.rules.ruler import load_rules
from econer.eval.crossval import cross_validate
from econer.eval.systems import (
    RulesSystem,
    SystemSpec,
    Trainable,
    load_systems,
    parse_system,
)

from econer.cli import run
from econer.errors import EconerError
from econer.folds import Fold
from econer.jsonl import read_documents, write_documents
from econer.registry import System, systems
from econer.spans import Document, Span

TEXTS = {"a": "甲公司与乙公司签约。", "b": "乙公司增长41%。", "c": "甲公司成立。"}


def gold() -> list[Document]:
    out = []
    for i, text in TEXTS.items():
        spans = [Span.at(text, k, k + 3, "COMPANY") for k in range(len(text) - 2)
                 if text[k + 1 : k + 3] == "公司"]
        out.append(Document.from_text(text, id=i).with_spans(spans))
    return out


def test_specs_name_a_kind_a_training_yaml_or_a_run_folder(tmp_path: Path) -> None:
    assert parse_system("rules:my_rules") == SystemSpec("rules", "rules", "my_rules")
    assert parse_system("r2=rules") == SystemSpec("r2", "rules", None)
    assert parse_system("configs/train/tiny.yaml") == SystemSpec(
        "tiny", "train", "configs/train/tiny.yaml")
    (tmp_path / "small-run").mkdir()
    assert parse_system(str(tmp_path / "small-run")) == SystemSpec(
        "small-run", "run", str(tmp_path / "small-run"))
    for bad in ("a b=rules", "nothing-here", "=rules"):
        with pytest.raises(EconerError, match="--system"):
            parse_system(bad)


def test_the_rules_system_is_the_rule_prelabeller(seed_paths: list[Path]) -> None:
    docs = [Document.from_text(p.read_text(encoding="utf-8"), id=p.stem) for p in seed_paths]
    system = parse_system("rules").build()
    assert isinstance(system, System) and isinstance(system, RulesSystem)
    labeller = load_rules()
    assert system.version == labeller.version
    got = list(system.predict(docs))
    assert [d.spans for d in got] == [labeller(d).spans for d in docs]
    assert sum(len(d.spans) for d in got) > 100  # the seeds are dense with entities


def test_train_and_run_need_their_argument() -> None:
    with pytest.raises(EconerError, match="needs a training config"):
        SystemSpec("x", "train").build()
    with pytest.raises(EconerError, match="needs a run folder"):
        SystemSpec("x", "run").build()
    with pytest.raises(EconerError, match="no such training config"):
        SystemSpec("x", "train", "missing.yaml").build()


class Memoriser:
    """A Trainable: learns the names labelled in the training documents."""

    name, version = "memo", "m-1"

    def __init__(self) -> None:
        self.fits: list[tuple[str, Path, int]] = []

    def fit(self, train_docs: Sequence[Document], fold: str, workdir: Path) -> System:
        assert workdir.is_dir() and not any(workdir.iterdir())  # a fresh folder a fold
        self.fits.append((fold, workdir, len(train_docs)))
        return _Tagger({s.text for d in train_docs for s in d.spans})


class _Tagger:
    name, version = "memo", "m-1"

    def __init__(self, names: set[str]) -> None:
        self.names = names

    def predict(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            assert not doc.spans  # the test gold never reaches a system
            yield doc.with_spans([Span.at(doc.text, k, k + len(n), "COMPANY")
                                  for n in sorted(self.names) for k in range(len(doc.text))
                                  if doc.text.startswith(n, k)])


def test_a_trainable_is_fitted_on_each_fold_in_its_own_folder(tmp_path: Path) -> None:
    memo = Memoriser()
    assert isinstance(memo, Trainable)
    folds = [Fold(f"f-{i}", (i,)) for i in TEXTS]
    cv = cross_validate(gold(), folds, {"memo": memo}, workdir=tmp_path)
    assert [(f, w.relative_to(tmp_path).as_posix(), n) for f, w, n in memo.fits] == [
        ("f-a", "memo/f-a", 2), ("f-b", "memo/f-b", 2), ("f-c", "memo/f-c", 2)]
    per_fold = cv.summary["systems"]["memo"]["per_fold"]
    # a: 甲 and 乙 both seen in b, c; b: 乙 seen in a; c: 甲 seen in a
    assert [per_fold[f.name]["COMPANY"] for f in folds] == [1.0, 1.0, 1.0]
    info = cv.runs["memo"]
    assert (info.system, info.version, info.documents) == ("memo", "m-1", 3)
    assert info.chars == sum(len(t) for t in TEXTS.values())


def _first_name(arg: str | None = None, *, overrides: Mapping[str, Any] = {}) -> System:
    """A toy system registered by a test: tags the first ``arg`` characters as a company."""
    return _FirstChars(int(arg or 3))


class _FirstChars:
    name, version = "first", "f-1"

    def __init__(self, n: int) -> None:
        self.n = n

    def predict(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield doc.with_spans([Span.at(doc.text, 0, self.n, "COMPANY")])


@pytest.fixture
def toy_system() -> Iterator[str]:
    """``test-first-name`` registered for one test, then removed (the registry is global)."""
    systems.register("test-first-name")(_first_name)
    try:
        yield "test-first-name"
    finally:
        systems._items.pop("test-first-name", None)


def test_a_registered_system_runs_in_eval_folds_by_name(tmp_path: Path, toy_system: str
                                                        ) -> None:
    assert toy_system in load_systems()
    write_documents(tmp_path / "gold.jsonl", gold())
    folds = tmp_path / "folds.yaml"
    folds.write_text("name: tiny\ngold: gold.jsonl\nfolds:\n" + "".join(
        f"  - name: f-{i}\n    test: [{i}]\n" for i in TEXTS), encoding="utf-8")
    out = tmp_path / "card"
    assert run(["eval", "--folds", "--folds-file", str(folds), "--system",
                "three=test-first-name:3", "--system", "four=test-first-name:4", "--out",
                str(out), "--samples", "20", "--no-progress"]) == 0
    card = json.loads((out / "scorecard.json").read_text(encoding="utf-8"))
    assert list(card["systems"]) == ["three", "four"]
    cv = card["crossval"]["systems"]
    # 甲公司 / 乙公司 open every text: three characters are right on each, four never
    assert [cv["three"]["per_fold"][f"f-{i}"]["micro"] for i in TEXTS] == [
        pytest.approx(2 / 3), 1.0, 1.0]
    assert cv["four"]["mean"]["micro"] == 0.0
    assert card["systems"]["three"]["throughput"]["documents"] == 3
    assert len(list(read_documents(tmp_path / "gold.jsonl"))) == 3
