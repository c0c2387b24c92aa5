"""Which documents to annotate first: per-document uncertainty, and what an ordering saves.

Three signals, each in [0, 1], higher = look at it sooner:

- **doubt**: one minus the lowest span score (a calibrated rule or model probability), so
  one shaky span makes the whole document worth a look; 0 for a document with no scored span.
- **disagreement**: one minus the strict F1 of two systems' spans (rules vs a model, say);
  where two pre-labellers disagree, at least one is wrong.
- **density**: spans per 100 characters, capped at 1; more entities, more to correct.

``priority`` averages the signals a document has (disagreement only when a second system
ran), so no weight is tuned on any gold. :func:`simulate` replays an ordering over documents
whose gold is known and counts how many documents an annotator would have had to correct
to fix a given share of the pre-labels' errors (spurious plus missed spans).

>>> from econer.spans import Document, Span
>>> t = "增长41%，投资9亿元"
>>> doc = Document.from_text(t, id="a").with_spans([
...     Span.at(t, 2, 5, "RATE", score=0.9), Span.at(t, 8, 11, "AMOUNT", score=0.4)])
>>> u = uncertainty(doc, doc.with_spans(doc.spans[:1]))
>>> u.doubt, u.disagreement, u.density, u.priority
(0.6, 0.3333, 1.0, 0.6444)
>>> docs_needed([0, 3, 1, 0], 0.75), docs_needed([3, 1, 0, 0], 0.75), docs_needed([0, 0], 0.8)
(2, 1, 0)
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from econer.annotate.labelstudio.tasks import task_document

from econer.scoring import strict_counts
from econer.spans import Document, Span

# Task data fields econer writes: Label Studio's data manager shows and sorts by them.
FIELD_PREFIX = "econer_"
PRIORITY_FIELD = f"{FIELD_PREFIX}priority"
DENSITY_SCALE = 100  # spans per this many characters makes density 1.0


@dataclass(frozen=True)
class Uncertainty:
    doubt: float
    disagreement: float | None
    density: float
    priority: float

    def task_fields(self) -> dict[str, float]:
        """The task data fields (``econer_priority`` ...) for Label Studio's data manager."""
        return {f"{FIELD_PREFIX}{k}": v for k, v in asdict(self).items() if v is not None}


def doubt(spans: Sequence[Span]) -> float:
    scores = [s.score for s in spans if s.score is not None]
    return round(1.0 - min(scores), 4) if scores else 0.0


def disagreement(first: Sequence[Span], second: Sequence[Span]) -> float:
    """One minus the strict F1 between two span sets (0 when both are empty)."""
    a, b = {s.key for s in first}, {s.key for s in second}
    if not a and not b:
        return 0.0
    return round(1.0 - 2 * len(a & b) / (len(a) + len(b)), 4)


def density(doc: Document) -> float:
    if not doc.text:
        return 0.0
    return round(min(1.0, len(doc.spans) * DENSITY_SCALE / len(doc.text)), 4)


def uncertainty(doc: Document, other: Document | None = None) -> Uncertainty:
    """The signals of ``doc``'s spans (and, given ``other``, a second system's on the same text)."""
    parts = [doubt(doc.spans), density(doc)]
    disagree = None
    if other is not None:
        disagree = disagreement(doc.spans, other.spans)
        parts.append(disagree)
    return Uncertainty(parts[0], disagree, parts[1], round(sum(parts) / len(parts), 4))


# Orderings ------------------------------------------------------------------------------

def _by(key: Callable[[Uncertainty], float | None]) -> Callable[[list[Uncertainty]], list[int]]:
    def order(signals: list[Uncertainty]) -> list[int]:
        # Highest first; ties keep the import order (a stable sort).
        return sorted(range(len(signals)), key=lambda i: -(key(signals[i]) or 0.0))
    return order


ORDERINGS: dict[str, Callable[[list[Uncertainty]], list[int]]] = {
    "import": lambda signals: list(range(len(signals))),
    "doubt": _by(lambda u: u.doubt),
    "disagreement": _by(lambda u: u.disagreement),
    "density": _by(lambda u: u.density),
    "priority": _by(lambda u: u.priority),
}


def docs_needed(errors: Sequence[int], share: float) -> int:
    """How many documents, taken in the given order, hold ``share`` of all ``errors``."""
    total = sum(errors)
    if total == 0:
        return 0
    seen = 0
    for n, count in enumerate(errors, 1):
        seen += count
        if seen >= share * total - 1e-9:
            return n
    return len(errors)


def errors_per_doc(gold: Sequence[Document], predicted: Sequence[Document]) -> list[int]:
    """Spurious plus missed spans of each predicted document against its gold, in gold order."""
    by_id = {d.id: d for d in predicted}
    out = []
    for doc in gold:
        counts = strict_counts([doc], [by_id.get(doc.id, doc.with_spans([]))]).get("micro")
        out.append(int(counts["fp"] + counts["fn"]) if counts else 0)
    return out


@dataclass(frozen=True)
class Simulation:
    documents: int
    errors: int
    shares: tuple[float, ...]
    needed: dict[str, tuple[float, ...]]  # ordering -> documents needed per share

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def simulate(gold: Sequence[Document], predicted: Sequence[Document],
             other: Sequence[Document] | None = None,
             shares: tuple[float, ...] = (0.5, 0.8, 1.0), random_runs: int = 20,
             seed: int = 0) -> Simulation:
    """Documents each ordering needs to fix each share of ``predicted``'s errors against ``gold``.

    ``gold`` is in import order; ``other`` (a second system's predictions, by id) enables
    the disagreement ordering. ``random`` is the mean over ``random_runs`` seeded shuffles.
    """
    by_id = {d.id: d for d in predicted}
    others = {d.id: d for d in other or []}
    docs = [by_id.get(g.id, g.with_spans([])) for g in gold]
    signals = [uncertainty(d, others.get(d.id) if other is not None else None) for d in docs]
    errors = errors_per_doc(gold, docs)
    needed: dict[str, tuple[float, ...]] = {}
    for name, order in ORDERINGS.items():
        if name == "disagreement" and other is None:
            continue
        ranked = [errors[i] for i in order(signals)]
        needed[name] = tuple(float(docs_needed(ranked, s)) for s in shares)
    rng = random.Random(seed)
    runs = []
    for _ in range(random_runs):
        shuffled = errors[:]
        rng.shuffle(shuffled)
        runs.append([docs_needed(shuffled, s) for s in shares])
    needed["random"] = tuple(round(sum(r[i] for r in runs) / len(runs), 1)
                             for i in range(len(shares)))
    needed["oracle"] = tuple(float(docs_needed(sorted(errors, reverse=True), s)) for s in shares)
    return Simulation(len(gold), sum(errors), shares, needed)


def paragraphs(doc: Document) -> list[Document]:
    """``doc`` cut at every line break, spans shifted (blank lines and spans across a break,
    which the standard does not allow, dropped). Ids are ``DOC#LINE``, the same for a
    document's gold and its predictions.

    Long documents make few, coarse tasks; paragraphs are the unit an ordering can rank.

    >>> t = "甲公司\\n\\n增长5%"
    >>> [(p.id, p.text, [s.text for s in p.spans]) for p in paragraphs(
    ...     Document.from_text(t, id="d").with_spans([Span.at(t, 7, 9, "RATE")]))]
    [('d#0', '甲公司', []), ('d#2', '增长5%', ['5%'])]
    """
    out, start = [], 0
    for n, line in enumerate(doc.text.split("\n")):
        end = start + len(line)
        if line.strip():
            spans = [Span.at(line, s.start - start, s.end - start, s.label, score=s.score,
                             source=s.source, value=s.value)
                     for s in doc.spans if start <= s.start and s.end <= end]
            out.append(Document(id=f"{doc.id}#{n}", text=line,
                                meta=dict(doc.meta)).with_spans(spans))
        start = end + 1
    return out


def _latest(annotations: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    done = [a for a in annotations if isinstance(a, dict) and not a.get("was_cancelled")]
    return max(done, key=lambda a: (str(a.get("updated_at") or ""), int(a.get("id") or 0)),
               default=None)


def simulate_tasks(tasks: Sequence[dict[str, Any]], model_version: str | None = None,
                   **options: Any) -> Simulation | None:
    """:func:`simulate` on a project's annotated tasks: the latest annotation is the gold, the
    ``model_version`` predictions (default: the most common version) the pre-labels, and a
    second version's predictions, where tasks have one, the other system. None when no
    annotated task has a prediction."""
    versions = Counter(str(p.get("model_version")) for t in tasks
                       for p in t.get("predictions") or [] if isinstance(p, dict))
    if not versions:
        return None
    main = model_version or versions.most_common(1)[0][0]
    second = next((v for v, _ in versions.most_common() if v != main), None)
    gold, predicted, other = [], [], []
    for task in sorted(tasks, key=lambda t: int(t.get("id") or 0)):  # import order
        annotation = _latest(task.get("annotations") or [])
        preds = {str(p.get("model_version")): p for p in task.get("predictions") or []
                 if isinstance(p, dict)}
        if annotation is None or main not in preds:
            continue
        gold.append(task_document(task, annotation.get("result"), source="gold"))
        predicted.append(task_document(task, preds[main].get("result")))
        if second is not None:
            other.append(task_document(task, (preds.get(second) or {}).get("result")))
    if not gold:
        return None
    return simulate(gold, predicted, other if second is not None else None, **options)
