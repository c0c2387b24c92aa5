"""Bad input: empty, punctuation, 1 MB single lines, mixed scripts and emoji; workers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from econer.spans import Document, check_spans


def _valid(doc: Document) -> None:
    check_spans(doc.text, doc.spans)  # offsets in range, text matches, no overlaps
    for span in doc.spans:
        assert "\n" not in span.text


@pytest.mark.parametrize("text", [
    "", " ", "\n\n", "。，、；！？……——", "%%%亿元万元", "-%", "百分之", "有限公司", "高新区",
    "等16个项目", "、、、等企业", "（（（有限公司", "）有限公司",
    "😀投资5亿元😀，增长8%🚀 Apple公司与华为🤝",
    "Ｔｅｓｔ　全角　１２０亿元", "\u200b\ufeff重庆紫建电子有限公司\u200b",
])
def test_odd_texts_never_crash(labeller, text: str) -> None:
    _valid(labeller(Document.from_text(text)))


def test_emoji_offsets_are_code_points(labeller) -> None:
    doc = labeller(Document.from_text("😀投资5亿元"))
    assert [(s.start, s.end, s.text) for s in doc.spans] == [(3, 6, "5亿元")]


def test_no_span_crosses_a_line(labeller) -> None:
    text = "重庆紫建电子\n有限公司\n投资229.91亿\n元，增长8\n%，摩瑞科技、\n达望曲轴等16个项目"
    doc = labeller(Document.from_text(text))
    _valid(doc)


def test_one_megabyte_corpus_line(labeller, shared: Path) -> None:
    """The corpus as one 1.2 MB line: valid offsets, the same spans as document by document."""
    corpus = shared / "corpus" / "industry-news-2011.jsonl"
    texts = [json.loads(line)["text"].replace("\n", "。") for line in
             corpus.read_text(encoding="utf-8").splitlines()]
    line = "\u3000".join(texts)
    doc = labeller(Document.from_text(line))
    _valid(doc)
    separate = sum(len(labeller(Document.from_text(t)).spans) for t in texts[:200])
    assert separate and len(doc.spans) > separate


@pytest.mark.slow
def test_one_megabyte_single_line(labeller) -> None:
    unit = ("开州高新区的重庆紫建电子有限公司投资125.8亿元，同比增长8.24%，"
            "推动摩瑞科技、达望曲轴等16个项目。")
    text = unit * (1_000_000 // len(unit) + 1)
    doc = labeller(Document.from_text(text))
    _valid(doc)
    per_unit = len(labeller(Document.from_text(unit)).spans)
    assert len(doc.spans) >= per_unit * (len(text) // len(unit)) * 0.99


@pytest.mark.slow
def test_one_megabyte_without_separators(labeller) -> None:
    for text in ("有限公司" * 250_000, "亿" * 1_000_000, "、" * 1_000_000, "9" * 1_000_000):
        _valid(labeller(Document.from_text(text)))


def test_pipe_with_workers_keeps_order_and_output(labeller, shared: Path) -> None:
    corpus = shared / "corpus" / "industry-news-2011.jsonl"
    lines = corpus.read_text(encoding="utf-8").splitlines()[:60]
    docs = [Document.from_text(json.loads(line)["text"], id=str(i)) for i, line in
            enumerate(lines)]
    one = list(labeller.pipe(docs, workers=1))
    two = list(labeller.pipe(iter(docs), workers=2))
    assert [d.id for d in two] == [d.id for d in docs]
    assert one == two and [d.spans for d in one] == [d.spans for d in two]


def test_closing_a_stream_with_workers_leaves_no_worker(labeller) -> None:
    import multiprocessing

    text = "重庆开州高新区投资5亿元，增长8%。"
    docs = (Document.from_text(text, id=str(i)) for i in range(10_000))
    stream = labeller.pipe(docs, workers=2, chunksize=8)
    assert next(stream).id == "0"
    assert len(multiprocessing.active_children()) == 2
    stream.close()  # what an error or a signal downstream does
    assert multiprocessing.active_children() == []


def test_an_error_in_a_worker_is_raised_in_the_caller(labeller) -> None:
    bad = Document.from_text("投资5亿元", id="bad")
    object.__setattr__(bad, "text", None)  # what no reader makes: the worker's labeller fails
    docs = [Document.from_text("投资5亿元", id="1"), bad]
    with pytest.raises(TypeError):
        list(labeller.pipe(docs, workers=2, chunksize=1))
