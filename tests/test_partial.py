"""The partial-label representation: round trip through JSON lines, checks, and what each
character rules out (test_partial_targets.py: the training targets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from econer.errors import EconerError
from econer.jsonl import read_documents, write_documents
from econer.labels import LABELS
from econer.partial import Partial, partial_of, ruled_out, with_partial
from econer.spans import Document, Span

TEXT = "华为公司与某研究所投资3亿元，增长5%"


def _doc() -> Document:
    doc = Document.from_text(TEXT).with_spans([Span.at(TEXT, 0, 4, "COMPANY")])
    return with_partial(doc, Partial(covered=("COMPANY",), outside=((5, 6),),
                                     unknown=((6, 9),)))


def test_partial_labels_survive_a_jsonl_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    write_documents(path, [_doc(), Document.from_text("纯金标")])
    back = list(read_documents(path))
    assert back[0] == _doc() and back[0].meta == _doc().meta
    assert partial_of(back[0]) == Partial(("COMPANY",), ((5, 6),), ((6, 9),))
    assert "partial" not in back[1].meta and partial_of(back[1]).fully_labelled


def test_each_character_rules_out_what_its_source_knows() -> None:
    out = ruled_out(_doc())
    assert out[0] == frozenset()                  # in a span: its label, nothing ruled out
    assert out[5] == frozenset(LABELS)            # outside: O
    assert out[7] == frozenset()                  # unknown: nothing
    assert out[11] == frozenset({"COMPANY"})      # unmarked 3亿元: not a company, maybe AMOUNT
    positives = with_partial(Document.from_text("万科"), Partial(covered=()))
    assert ruled_out(positives) == [frozenset(), frozenset()]


@pytest.mark.parametrize("partial, message", [
    (Partial(outside=((2, 5),)), "meta.partial.outside 2-5 overlaps span 0-4 COMPANY"),
    (Partial(unknown=((10, 99),)), "meta.partial.unknown 10-99: out of range"),
    (Partial(outside=((5, 8),), unknown=((6, 9),)), "overlaps meta.partial.unknown 6-9"),
])
def test_bad_ranges_are_refused(partial: Partial, message: str) -> None:
    doc = Document.from_text(TEXT).with_spans([Span.at(TEXT, 0, 4, "COMPANY")])
    with pytest.raises(EconerError, match=message):
        with_partial(doc, partial)


def test_a_bad_partial_record_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ab"}\n{"text": "cd", "meta": {"partial": {"covered": ["FIRM"]}}}\n',
                    "utf-8")
    with pytest.raises(EconerError, match=r"bad.jsonl:2: meta.partial.covered: unknown label"):
        list(read_documents(path))
    path.write_text('{"text": "ab", "meta": {"partial": {"unknown": [[1, 5]]}}}\n', "utf-8")
    with pytest.raises(EconerError, match=r"bad.jsonl:1: meta.partial.unknown 1-5: out of range"):
        list(read_documents(path))
