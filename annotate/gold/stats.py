"""How much gold there is: spans per document and label.

>>> from econer.spans import Document, Span
>>> text = "投资125.8亿元，增长41%"
>>> doc = Document.from_text(text, id="d1").with_spans(
...     [Span.at(text, 2, 9, "AMOUNT"), Span.at(text, 12, 15, "RATE")])
>>> print(format_counts([doc]))
| document | COMPANY | PARK | AMOUNT | RATE | all |
| --- | ---: | ---: | ---: | ---: | ---: |
| d1 | 0 | 0 | 1 | 1 | 2 |
| **all** | 0 | 0 | 1 | 1 | 2 |
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from econer.labels import LABELS
from econer.spans import Document


def span_counts(docs: Sequence[Document]) -> dict[str, Counter[str]]:
    """Spans per label, for each document id and for ``"all"``."""
    counts: dict[str, Counter[str]] = {}
    for doc in docs:
        counts[doc.id] = Counter(span.label for span in doc.spans)
    counts["all"] = sum(counts.values(), Counter())
    return counts


def format_counts(docs: Sequence[Document]) -> str:
    """A Markdown table of :func:`span_counts` (see the module example)."""
    counts = span_counts(docs)
    labels = list(LABELS) + sorted(set(counts["all"]) - set(LABELS))
    rows = ["| document | " + " | ".join(labels) + " | all |",
            "| --- |" + " ---: |" * (len(labels) + 1)]
    for doc_id, count in counts.items():
        name = "**all**" if doc_id == "all" else doc_id
        cells = " | ".join(str(count[label]) for label in labels)
        rows.append(f"| {name} | {cells} | {sum(count.values())} |")
    return "\n".join(rows)
