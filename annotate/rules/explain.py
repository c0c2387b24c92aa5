"""A readable account of a labelled document: each span with the rule that fired.

>>> from econer.spans import Document, Span
>>> doc = Document.from_text("增长41%", id="d1").with_spans(
...     [Span(2, 5, "RATE", "41%", 0.99, "rules:rate.percent")])
>>> print(explain_document(doc))
d1: 1 span
     2-5      RATE     41%  rules:rate.percent 0.99  …增长[41%]…
"""

from __future__ import annotations

from econer.spans import Document, Span


def explain_span(text: str, span: Span, context: int = 8) -> str:
    left = text[max(0, span.start - context) : span.start].replace("\n", " ")
    right = text[span.end : span.end + context].replace("\n", " ")
    value = ""
    if span.value is not None:
        v = span.value
        value = f" = {v.number:g} {v.unit}{' ~' if v.approx else ''}"
    score = f" {span.score:.2f}" if span.score is not None else ""
    where = f"{span.start}-{span.end}"
    return (f"  {where:>8}  {span.label:<8} {span.text}{value}  {span.source or ''}{score}"
            f"  …{left}[{span.text}]{right}…")


def explain_document(doc: Document) -> str:
    count = len(doc.spans)
    lines = [f"{doc.id}: {count} span{'s' if count != 1 else ''}"]
    lines.extend(explain_span(doc.text, span) for span in doc.spans)
    return "\n".join(lines)
