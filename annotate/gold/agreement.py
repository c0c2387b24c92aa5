"""Agreement between two annotations of the same documents: per-label strict span F1.

Used for two-pass gold (pass B against pass A) and for inter-annotator agreement in Label
Studio. Strict means a span counts only where start, end and label all match; documents
are paired by id, and a document present on one side only counts all its spans as misses.

>>> from econer.spans import Document, Span
>>> text = "投资125.8亿元，增长41%"
>>> a = Document.from_text(text, id="d").with_spans(
...     [Span.at(text, 2, 9, "AMOUNT"), Span.at(text, 12, 15, "RATE")])
>>> b = Document.from_text(text, id="d").with_spans(
...     [Span.at(text, 2, 9, "AMOUNT"), Span.at(text, 10, 15, "RATE")])
>>> scores = span_agreement([a], [b])
>>> scores["AMOUNT"]["f1"], scores["RATE"]["f1"], scores["micro"]["f1"]
(1.0, 0.0, 0.5)
>>> scores["micro"]["support"], scores["micro"]["matched"]
(2.0, 1.0)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from econer.labels import LABELS
from econer.scoring import strict_counts
from econer.spans import Document, Span


def _prf(matched: int, in_a: int, in_b: int) -> dict[str, float]:
    # Two empty annotations agree perfectly; one empty side scores 0.
    precision = matched / in_b if in_b else float(in_a == 0)
    recall = matched / in_a if in_a else float(in_b == 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "support": float(in_a),
        "predicted": float(in_b),
        "matched": float(matched),
    }


def span_agreement(a: Sequence[Document], b: Sequence[Document]) -> dict[str, dict[str, float]]:
    """Per-label and ``"micro"`` precision, recall and F1 of ``b`` against ``a``.

    Each entry also holds ``support`` (spans in ``a``), ``predicted`` (spans in ``b``) and
    ``matched`` (strict matches), as floats. Labels are the standard's four, plus any
    other label found in either side. F1 is symmetric, so for agreement the order only
    swaps precision and recall.

    >>> from econer.spans import Document, Span
    >>> d = Document.from_text("华为", id="x").with_spans([Span.at("华为", 0, 2, "COMPANY")])
    >>> span_agreement([d], [d])["COMPANY"]["f1"]
    1.0
    >>> span_agreement([d], [Document.from_text("华为", id="x")])["COMPANY"]["recall"]
    0.0
    """
    # A document on one side only counts as an empty annotation on the other.
    ids_a, ids_b = {d.id for d in a}, {d.id for d in b}
    a = [*a, *(Document.from_text(d.text, id=d.id) for d in b if d.id not in ids_a)]
    b = [*b, *(Document.from_text(d.text, id=d.id) for d in a if d.id not in ids_b)]
    counts = strict_counts(a, b)
    labels = list(LABELS) + sorted(set(counts) - set(LABELS) - {"micro"})
    scores = {}
    for label in (*labels, "micro"):
        c = counts.get(label, Counter())
        scores[label] = _prf(c["tp"], c["tp"] + c["fn"], c["tp"] + c["fp"])
    return scores


def format_agreement(scores: dict[str, dict[str, float]]) -> str:
    """A Markdown table of :func:`span_agreement`'s scores.

    >>> print(format_agreement({"micro": {"precision": 1.0, "recall": 0.5, "f1": 2 / 3,
    ...     "support": 4.0, "predicted": 2.0, "matched": 2.0}}))
    | label | spans A | spans B | matched | precision | recall | F1 |
    | --- | ---: | ---: | ---: | ---: | ---: | ---: |
    | micro | 4 | 2 | 2 | 1.000 | 0.500 | 0.667 |
    """
    rows = [
        "| label | spans A | spans B | matched | precision | recall | F1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, s in scores.items():
        rows.append(
            f"| {label} | {s['support']:.0f} | {s['predicted']:.0f} | {s['matched']:.0f} "
            f"| {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} |"
        )
    return "\n".join(rows)


def disagreements(a: Sequence[Document],
                  b: Sequence[Document]) -> list[tuple[str, str, Span]]:
    """``(side, document id, span)`` for every span found on one side only (side "A"/"B").

    >>> from econer.spans import Document, Span
    >>> text = "开州高新区"
    >>> a = Document.from_text(text, id="x").with_spans([Span.at(text, 0, 5, "PARK")])
    >>> b = Document.from_text(text, id="x").with_spans([Span.at(text, 2, 5, "PARK")])
    >>> [(side, span.text) for side, _, span in disagreements([a], [b])]
    [('A', '开州高新区'), ('B', '高新区')]
    """
    keys_a = {(d.id, *s.key) for d in a for s in d.spans}
    keys_b = {(d.id, *s.key) for d in b for s in d.spans}
    found = [("A", d.id, s) for d in a for s in d.spans if (d.id, *s.key) not in keys_b]
    found += [("B", d.id, s) for d in b for s in d.spans if (d.id, *s.key) not in keys_a]
    return sorted(found, key=lambda f: (f[1], f[2].start, f[2].end, f[0]))
