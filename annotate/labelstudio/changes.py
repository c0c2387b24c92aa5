"""What annotators changed relative to the pre-labels: the cost of each rule.

Each predicted span is paired with at most one corrected span of the same document:
first exact matches (kept), then same offsets with another label (relabelled), then the
largest remaining overlaps (re-bounded when the label stayed, relabelled+re-bounded when it
did not). Predicted spans left over were deleted; corrected ones left over were added.
Counts are kept per label (the predicted label; the new label for added spans) and per rule
(the predicted span's ``source``; ``(none)`` for added spans).

>>> from econer.spans import Span
>>> t = "开州高新区引进千能实业有限公司投资12亿元增长41%"
>>> pred = [Span.at(t, 0, 2, "PARK", source="rules:park"),
...         Span.at(t, 7, 11, "PARK", source="rules:park"),
...         Span.at(t, 17, 21, "AMOUNT", source="rules:amount"),
...         Span.at(t, 23, 26, "RATE", source="rules:rate")]
>>> gold = [Span.at(t, 0, 5, "PARK"), Span.at(t, 7, 15, "COMPANY"),
...         Span.at(t, 17, 21, "AMOUNT")]
>>> [c.kind for c in compare_spans(pred, gold)]
['rebounded', 'relabelled_rebounded', 'kept', 'deleted']
>>> report = ChangeReport()
>>> report.add(compare_spans(pred, gold))
>>> report.by_rule["rules:park"]["rebounded"], report.totals()["kept"]
(1, 1)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from econer.spans import Span

KINDS = ("kept", "relabelled", "rebounded", "relabelled_rebounded", "deleted", "added")
NO_RULE = "(none)"


@dataclass(frozen=True)
class Change:
    kind: str
    predicted: Span | None
    corrected: Span | None

    @property
    def label(self) -> str:
        span = self.predicted or self.corrected
        assert span is not None
        return span.label

    @property
    def rule(self) -> str:
        if self.predicted is None:
            return NO_RULE
        return self.predicted.source or NO_RULE


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def compare_spans(predicted: Sequence[Span], corrected: Sequence[Span]) -> list[Change]:
    """The changes that turn ``predicted`` into ``corrected`` (one document), in text order."""
    pred_left = list(predicted)
    gold_left = list(corrected)
    changes: list[Change] = []

    def pair(match: Any, kind_of: Any) -> None:
        for p in list(pred_left):
            g = next((g for g in gold_left if match(p, g)), None)
            if g is not None:
                changes.append(Change(kind_of(p, g), p, g))
                pred_left.remove(p)
                gold_left.remove(g)

    pair(lambda p, g: p.key == g.key, lambda p, g: "kept")
    pair(lambda p, g: (p.start, p.end) == (g.start, g.end), lambda p, g: "relabelled")
    # Largest overlaps first, so a span cut in two pairs with its bigger half.
    overlaps = sorted(((_overlap(p, g), i, j) for i, p in enumerate(pred_left)
                       for j, g in enumerate(gold_left) if _overlap(p, g)), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in overlaps:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        p, g = pred_left[i], gold_left[j]
        changes.append(Change("rebounded" if p.label == g.label else "relabelled_rebounded", p, g))
    changes += [Change("deleted", p, None) for i, p in enumerate(pred_left) if i not in used_p]
    changes += [Change("added", None, g) for j, g in enumerate(gold_left) if j not in used_g]

    def where(c: Change) -> tuple[int, int]:
        span = c.predicted or c.corrected
        assert span is not None
        return (span.start, span.end)

    return sorted(changes, key=where)


@dataclass
class ChangeReport:
    """Change counts over many documents, per label and per rule."""

    by_label: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    by_rule: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    documents: int = 0

    def add(self, changes: Iterable[Change]) -> None:
        self.documents += 1
        for change in changes:
            self.by_label[change.label][change.kind] += 1
            self.by_rule[change.rule][change.kind] += 1

    def totals(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for counts in self.by_label.values():
            total.update(counts)
        return total

    def costly_rules(self) -> list[tuple[str, int, int]]:
        """``(rule, predicted spans, spans annotators had to touch)``, most touched first.

        >>> r = ChangeReport()
        >>> r.add([Change("kept", Span(0, 1, "RATE", "x", source="a"), None),
        ...        Change("deleted", Span(2, 3, "RATE", "y", source="b"), None)])
        >>> r.costly_rules()
        [('b', 1, 1), ('a', 1, 0)]
        """
        rows = []
        for rule, counts in self.by_rule.items():
            if rule == NO_RULE:
                continue
            predicted = sum(counts[k] for k in KINDS if k != "added")
            rows.append((rule, predicted, predicted - counts["kept"]))
        return sorted(rows, key=lambda r: (-r[2], -r[1], r[0]))

    def to_dict(self) -> dict[str, Any]:
        def table(rows: dict[str, Counter[str]]) -> dict[str, dict[str, int]]:
            return {key: {k: rows[key][k] for k in KINDS} for key in sorted(rows)}

        return {
            "documents": self.documents,
            "totals": {k: self.totals()[k] for k in KINDS},
            "by_label": table(self.by_label),
            "by_rule": table(self.by_rule),
        }
