"""The hybrid: the rules' spans, plus the model's spans it has reason to trust.

Adding every model span that overlaps no rule span *lowered* micro F1 on unseen news
(design.md): the model's low-confidence guesses cost more precision than they win recall.
So the union is per label (:class:`HybridPolicy`, read from ``configs/hybrid/default.yaml``):

* a label in ``rules_only`` (AMOUNT and RATE: the rules are near-perfect there) comes from
  the rules alone; the model's spans of that label are dropped;
* a label with a ``threshold`` (COMPANY, PARK) keeps every rule span and adds a model span
  whose confidence reaches the threshold and that overlaps no span already taken (rules
  first, then model spans from the most confident down);
* a label in neither list: rules only.

:func:`combine` is the pure rule; :class:`HybridSystem` runs the rules and a trained run over
documents and combines them, registered as system kind ``hybrid`` (``--system hybrid:RUN``,
``RUN`` a run folder or ``default``, the shipped model).

>>> from econer.spans import Span
>>> text = "甲乙科技有限公司投资3亿元，丙丁集团跟投"
>>> rules = [Span.at(text, 0, 8, "COMPANY", source="rules"),
...          Span.at(text, 10, 13, "AMOUNT", source="rules")]
>>> model = [Span.at(text, 2, 8, "COMPANY", score=0.99),   # overlaps a rule span: dropped
...          Span.at(text, 10, 12, "AMOUNT", score=0.99),  # AMOUNT: rules only
...          Span.at(text, 14, 18, "COMPANY", score=0.95),  # new and confident: added
...          Span.at(text, 18, 20, "COMPANY", score=0.30)]  # new, unsure: dropped
>>> [(s.text, s.label) for s in combine(rules, model, HybridPolicy())]
[('甲乙科技有限公司', 'COMPANY'), ('3亿元', 'AMOUNT'), ('丙丁集团', 'COMPANY')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from econer import config
from econer.errors import EconerError
from econer.labels import LABELS
from econer.registry import systems
from econer.resources import config_path
from econer.spans import Document, Span


@dataclass(frozen=True)
class HybridPolicy:
    """Which labels the model may add to, and from what confidence."""

    rules_only: tuple[str, ...] = ("AMOUNT", "RATE")
    thresholds: Mapping[str, float] = field(
        default_factory=lambda: {"COMPANY": 0.9, "PARK": 0.9})

    def __post_init__(self) -> None:
        for label in (*self.rules_only, *self.thresholds):
            if label not in LABELS:
                raise EconerError(f"hybrid policy: unknown label {label!r}")
        both = set(self.rules_only) & set(self.thresholds)
        if both:
            raise EconerError(f"hybrid policy: {sorted(both)} both rules-only and thresholded")

    @property
    def version(self) -> str:
        adds = ",".join(f"{k}>={v:g}" for k, v in sorted(self.thresholds.items()))
        return f"rules-only:{','.join(self.rules_only)};add:{adds}"


@dataclass
class _PolicyFile:
    rules_only: list[str] = field(default_factory=list)
    thresholds: dict[str, float] = field(default_factory=dict)


def load_policy(path: str | Path | None = None,
                overrides: Mapping[str, Any] | None = None) -> HybridPolicy:
    """The policy in a YAML file (default ``configs/hybrid/default.yaml``), read by the core's
    typed loader (unknown keys and wrong types name file and line); ``overrides`` like
    ``{"thresholds.COMPANY": 0.8}`` win over it."""
    path = Path(path) if path else config_path("hybrid", "default.yaml")
    raw = config.load(_PolicyFile, path, overrides)
    return HybridPolicy(tuple(raw.rules_only), dict(raw.thresholds))


def _overlaps(span: Span, taken: Sequence[Span]) -> bool:
    return any(span.start < t.end and t.start < span.end for t in taken)


def combine(rule_spans: Iterable[Span], model_spans: Iterable[Span],
            policy: HybridPolicy) -> list[Span]:
    """The hybrid's spans for one document (see the module docstring), in text order."""
    taken = list(rule_spans)
    candidates = sorted((s for s in model_spans if s.label in policy.thresholds
                         and (s.score or 0.0) >= policy.thresholds[s.label]),
                        key=lambda s: (-(s.score or 0.0), s.start))
    for span in candidates:
        if not _overlaps(span, taken):
            taken.append(span)
    return sorted(taken, key=lambda s: (s.start, s.end, s.label))


class HybridSystem:
    """The rules and a trained run, combined by a :class:`HybridPolicy`."""

    def __init__(self, run_dir: str | Path, policy: HybridPolicy | None = None,
                 rules_folder: str | Path | None = None, device: str = "auto",
                 batch_size: int = 32) -> None:
        from econer.annotate.rules.ruler import load_rules
        from econer.models.predict import Predictor, resolve_run

        self.policy = policy or load_policy()
        self.labeller = load_rules(rules_folder)
        self.predictor = Predictor.from_run(resolve_run(run_dir), device=device,
                                            batch_size=batch_size)
        self.name = "hybrid"
        self.version = (f"hybrid({self.labeller.version}+{self.predictor.version};"
                        f"{self.policy.version})")

    def predict(self, docs: Iterable[Document],
                batch_size: int | None = None) -> Iterator[Document]:
        docs = list(docs)
        ruled = list(self.labeller.pipe(docs))
        for rules_doc, model_doc in zip(ruled, self.predictor.pipe(docs, batch_size),
                                        strict=True):
            yield model_doc.with_spans(combine(rules_doc.spans, model_doc.spans, self.policy))


@systems.register("hybrid")
def hybrid(arg: str | None = None, *, overrides: Mapping[str, Any] | None = None) -> HybridSystem:
    """``hybrid:RUN`` (a run folder, or ``default``: the shipped model); ``--set
    thresholds.COMPANY=0.8`` changes a threshold."""
    return HybridSystem(arg or "default", load_policy(None, overrides))
