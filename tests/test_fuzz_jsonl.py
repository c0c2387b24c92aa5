"""Property tests (hypothesis) of the JSON-lines reader and the span checks: whatever the
bytes, reading either gives checked documents or one ``EconerError`` naming file and line;
documents survive a write and a read unchanged; the lenient gold reader never lets an invalid
span through."""

from __future__ import annotations

import json
from pathlib import Path

from econer.annotate.gold.check import read_gold, structural_problems
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from econer.errors import EconerError
from econer.jsonl import read_documents, write_documents
from econer.labels import LABELS
from econer.spans import Document, Span, check_spans

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

# Texts with what breaks readers: CJK (Extension B too), line and paragraph separators,
# carriage returns, NUL, lone surrogates are left out (not encodable as UTF-8).
TRICKY = "开州高新区投资125.8亿元增长41%，。 \t\r\n\u2028\u2029\x00"
TEXT = st.text(st.one_of(st.sampled_from(TRICKY), st.characters(codec="utf-8"),
                         st.sampled_from("𪚥𠀀𫝀")), max_size=60)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(TEXT)
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)))
    spans = [Span.at(text, a, b, draw(st.sampled_from(LABELS)))
             for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    return Document.from_text(text, id=draw(st.text(min_size=1, max_size=8))).with_spans(spans)


def _check_error(exc: EconerError, path: Path) -> None:
    message = str(exc)
    assert message.startswith(str(path)) and "\n" not in message, message


@SETTINGS
@given(docs=st.lists(documents(), max_size=5, unique_by=lambda d: d.id))
def test_documents_survive_a_write_and_a_read(tmp_path: Path, docs: list[Document]) -> None:
    path = tmp_path / "docs.jsonl"
    assert write_documents(path, docs) == len(docs)
    back = list(read_documents(path))
    assert [(d.id, d.text, d.spans) for d in back] == [(d.id, d.text, d.spans) for d in docs]


@SETTINGS
@given(data=st.binary(max_size=300))
def test_any_bytes_read_as_documents_or_one_located_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "any.jsonl"
    path.write_bytes(data)
    try:
        docs = list(read_documents(path))
    except EconerError as exc:
        _check_error(exc, path)
    else:
        for doc in docs:
            check_spans(doc.text, doc.spans)


JSON = st.recursive(st.none() | st.booleans() | st.integers(-5, 80) | st.floats() | TEXT,
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(["start", "end", "label", "text", "id",
                                                       "spans", "value", "score"]), inner,
                                      max_size=6),
                    max_leaves=12)


@st.composite
def near_documents(draw: st.DrawFn) -> object:
    """JSON objects shaped almost like documents: the fields, with any values."""
    obj = {"id": draw(st.one_of(st.text(max_size=4), st.integers(), JSON)),
           "text": draw(st.one_of(TEXT, JSON))}
    if draw(st.booleans()):
        obj["spans"] = draw(st.one_of(st.lists(st.fixed_dictionaries(
            {"start": st.integers(-2, 70), "end": st.integers(-2, 70),
             "label": st.sampled_from([*LABELS, "FIRM"]), "text": TEXT},
            optional={"value": JSON, "score": JSON}), max_size=4), JSON))
    return obj


@SETTINGS
@given(lines=st.lists(st.one_of(near_documents(), JSON), min_size=1, max_size=4))
def test_any_json_reads_as_documents_or_one_located_error(tmp_path: Path,
                                                          lines: list[object]) -> None:
    path = tmp_path / "near.jsonl"
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                    encoding="utf-8")
    for gold in (False, True):
        try:
            docs = list(read_documents(path, gold=gold))
        except EconerError as exc:
            _check_error(exc, path)
            assert ":" in str(exc)[len(str(path)):]  # and the line
        else:
            for doc in docs:
                check_spans(doc.text, doc.spans)
    # The lenient gold reader reports instead of raising, and keeps valid spans only.
    report = read_gold(path)
    for doc in report.docs:
        check_spans(doc.text, doc.spans)
    assert all(p.line is not None for p in report.problems)


@SETTINGS
@given(text=TEXT, raw=st.lists(st.tuples(st.integers(-3, 70), st.integers(-3, 70),
                                         st.sampled_from([*LABELS, "FIRM"]), TEXT), max_size=6))
def test_span_checks_agree(text: str, raw: list[tuple[int, int, str, str]]) -> None:
    spans = [Span(a, b, label, surface if i % 2 else text[a:b] if 0 <= a <= b else surface)
             for i, (a, b, label, surface) in enumerate(raw)]
    kept, problems = structural_problems("d", text, spans)
    check_spans(text, kept)  # what the lenient check keeps passes the strict one
    assert len(kept) + len(problems) == len(spans)
    ordered = sorted(spans, key=lambda s: (s.start, s.end, s.label))
    try:
        check_spans(text, ordered)
    except EconerError:
        assert problems  # the strict check fails exactly where the lenient one reports
    else:
        assert not problems
