"""Where a system fails: missed and spurious spans in context, boundary and label errors,
and the label confusion table.

Built on the one-to-one alignment of :func:`econer.eval.partial.align`, so every gold and
every predicted span is in exactly one pair. Kinds of error:

* ``missed``: a gold span no prediction touches;
* ``spurious``: a prediction that touches no (free) gold span;
* ``boundary``: the right label, overlapping offsets that differ;
* ``label``: the right offsets, another label;
* ``both``: overlapping offsets that differ *and* another label.

The confusion table counts gold labels (rows) against predicted labels (columns) over the
aligned pairs, with ``O`` for "no span": row ``O`` holds the spurious predictions, column
``O`` the missed gold. Boundary errors sit on the diagonal; the strict errors are in the lists.

>>> doc = Document.from_text("甲公司在乙园区", id="d")
>>> gold = doc.with_spans([Span.at(doc.text, 0, 3, "COMPANY"), Span.at(doc.text, 4, 7, "PARK")])
>>> pred = doc.with_spans([Span.at(doc.text, 0, 1, "COMPANY"), Span.at(doc.text, 4, 7, "COMPANY")])
>>> a = error_analysis([gold], [pred], context=2)
>>> a["counts"]["boundary"], a["counts"]["label"], a["confusion"]["PARK"]["COMPANY"]
(1, 1, 1)
>>> e = a["examples"]["label"][0]
>>> e["left"], e["gold"]["text"], e["right"]
('司在', '乙园区', '')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from econer.eval.partial import KINDS, Pair, align

from econer.labels import LABELS
from econer.spans import Document, Span

OUTSIDE = "O"


def _span(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "label": span.label, "text": span.text}


def example(doc: Document, pair: Pair, context: int) -> dict[str, Any]:
    """One error with ``context`` characters either side of the spans involved."""
    spans = [s for s in (pair.gold, pair.pred) if s is not None]
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    return {
        "doc": doc.id,
        "kind": pair.kind,
        "gold": _span(pair.gold),
        "pred": _span(pair.pred),
        "left": doc.text[max(0, start - context) : start],
        "text": doc.text[start:end],
        "right": doc.text[end : end + context],
    }


def confusion_table(pairs: Sequence[Pair], labels: Sequence[str] = LABELS) -> dict[str, Any]:
    """Gold label (rows, plus ``O``) by predicted label (columns, plus ``O``) counts."""
    keys = [*labels, OUTSIDE]
    table = {g: dict.fromkeys(keys, 0) for g in keys}
    for pair in pairs:
        g = pair.gold.label if pair.gold else OUTSIDE
        p = pair.pred.label if pair.pred else OUTSIDE
        if g in table and p in table[g]:
            table[g][p] += 1
    return table


def error_analysis(
    gold: Sequence[Document],
    pred: Sequence[Document],
    context: int = 20,
    labels: Sequence[str] = LABELS,
) -> dict[str, Any]:
    """Counts per kind, the confusion table, and every error as an example in context."""
    counts = dict.fromkeys(KINDS, 0)
    examples: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS if k != "correct"}
    all_pairs: list[Pair] = []
    for g, p in zip(gold, pred, strict=True):
        pairs = align(g.spans, p.spans)
        all_pairs += pairs
        for pair in pairs:
            counts[pair.kind] += 1
            if pair.kind != "correct":
                examples[pair.kind].append(example(g, pair, context))
    return {
        "counts": counts,
        "confusion": confusion_table(all_pairs, labels),
        "examples": examples,
    }
