"""The hybrid: the rules' spans, plus the model's spans it has reason to trust.

Adding every model span that overlaps no rule span *lowered* micro F1 on unseen news
(design.md): the model's low-confidence guesses cost more precision than they win recall.
So the union is per label (:class:`HybridPolicy`, read from ``configs/hybrid/default.yaml``):

* a label in ``rules_only`` (AMOUNT and RATE: the rules are near-perfect there) comes from
  the rules alone; the model's spans of that label are dropped;
* a label with a ``threshold`` (COMPANY, PARK) keeps every rule span and adds a model span
  that is *accepted* (:func:`accepted`) and overlaps no span already taken (rules first, then
  model spans from the most confident down). A span is accepted at or above its label's
  ``threshold``, or at or above its ``supported`` threshold when independent evidence
  supports it (:func:`supports`: the string is a gazetteer name, ends in a company word, is
  latin, or is chosen elsewhere in the document by the rules or confidently by the model);
* ``boundaries: model`` lets an accepted model span replace the rule spans of its label it
  overlaps (``rules``, the default, keeps the rules' boundaries);
* ``confirm: true`` also takes a gazetteer name no span covers where the model's tag
  probabilities lean to it and it is sure the name ends there (:func:`confirmed`: the
  model's Viterbi path often cuts such a name or leaves it out; its probabilities still know);
* ``propagate: true`` labels the other mentions of an accepted model name in the document by
  the rules' own repeat rule (the rules already spread their own names);
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

import re
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from econer import config
from econer.errors import EconerError
from econer.labels import LABELS
from econer.registry import systems
from econer.resources import config_path
from econer.spans import Document, Span

if TYPE_CHECKING:
    from econer.models.predict import TokenProbs

# The kinds of independent support a model span below its plain threshold may have.
SUPPORTS = ("gazetteer", "company_word", "latin", "repeated")
# A latin name: two or more letters, digits and joiners inside (KDDI, NTTDocomo, AT&T, 3M).
_LATIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9&.\-' ]*[A-Za-z0-9]")

Repeats = Callable[[str, Sequence[Span]], list[Span]]


@dataclass(frozen=True)
class HybridPolicy:
    """Which labels the model may add to, from what confidence, with what support."""

    rules_only: tuple[str, ...] = ("AMOUNT", "RATE")
    thresholds: Mapping[str, float] = field(
        default_factory=lambda: {"COMPANY": 0.9, "PARK": 0.9})
    supported: Mapping[str, float] = field(default_factory=dict)
    supports: tuple[str, ...] = ()
    company_words: tuple[str, ...] = ()
    boundaries: Literal["rules", "model"] = "rules"
    propagate: bool = False
    confirm: bool = False
    confirm_mean: float = 0.3
    confirm_end: float = 0.9

    def __post_init__(self) -> None:
        for label in (*self.rules_only, *self.thresholds, *self.supported):
            if label not in LABELS:
                raise EconerError(f"hybrid policy: unknown label {label!r}")
        both = set(self.rules_only) & set(self.thresholds)
        if both:
            raise EconerError(f"hybrid policy: {sorted(both)} both rules-only and thresholded")
        for label in self.supported:  # (one above the plain threshold is simply moot)
            if label not in self.thresholds:
                raise EconerError(f"hybrid policy: supported threshold of {label}, a label "
                                  "with no plain threshold")
        unknown = set(self.supports) - set(SUPPORTS)
        if unknown:
            raise EconerError(f"hybrid policy: unknown support {sorted(unknown)} "
                              f"(known: {', '.join(SUPPORTS)})")
        if self.boundaries not in ("rules", "model"):
            raise EconerError(f"hybrid policy: boundaries must be rules or model, "
                              f"got {self.boundaries!r}")

    @property
    def version(self) -> str:
        adds = ",".join(f"{k}>={v:g}" for k, v in sorted(self.thresholds.items()))
        out = f"rules-only:{','.join(self.rules_only)};add:{adds}"
        if self.supported and self.supports:
            low = ",".join(f"{k}>={v:g}" for k, v in sorted(self.supported.items()))
            out += f";supported:{low}({'+'.join(self.supports)})"
        if self.boundaries != "rules":
            out += f";boundaries:{self.boundaries}"
        if self.confirm:
            out += f";confirm:mean>={self.confirm_mean:g},end>={self.confirm_end:g}"
        if self.propagate:
            out += ";propagate"
        return out


@dataclass
class _PolicyFile:
    rules_only: list[str] = field(default_factory=list)
    thresholds: dict[str, float] = field(default_factory=dict)
    supported: dict[str, float] = field(default_factory=dict)
    supports: list[str] = field(default_factory=list)
    company_words: list[str] = field(default_factory=list)
    boundaries: Literal["rules", "model"] = "rules"
    propagate: bool = False
    confirm: bool = False
    confirm_mean: float = 0.3
    confirm_end: float = 0.9


def load_policy(path: str | Path | None = None,
                overrides: Mapping[str, Any] | None = None) -> HybridPolicy:
    """The policy in a YAML file (default ``configs/hybrid/default.yaml``), read by the core's
    typed loader (unknown keys and wrong types name file and line); ``overrides`` like
    ``{"thresholds.COMPANY": 0.8}`` win over it."""
    path = Path(path) if path else config_path("hybrid", "default.yaml")
    raw = config.load(_PolicyFile, path, overrides)
    return HybridPolicy(tuple(raw.rules_only), dict(raw.thresholds), dict(raw.supported),
                        tuple(raw.supports), tuple(raw.company_words), raw.boundaries,
                        raw.propagate, raw.confirm, raw.confirm_mean, raw.confirm_end)


def _overlaps(span: Span, taken: Sequence[Span]) -> bool:
    return any(span.start < t.end and t.start < span.end for t in taken)


def supports(span: Span, rule_spans: Sequence[Span], model_spans: Sequence[Span],
             policy: HybridPolicy, known: Container[str] = ()) -> list[str]:
    """The kinds of independent support (of ``policy.supports``) a model span has.

    >>> t = "丁戊物流股份公司与KDDI合作，丁戊物流称"
    >>> p = HybridPolicy(supports=SUPPORTS, company_words=("公司", "集团"))
    >>> company = [Span.at(t, 0, 8, "COMPANY", score=.6), Span.at(t, 9, 13, "COMPANY", score=.6)]
    >>> again = Span.at(t, 16, 20, "COMPANY", score=.6)
    >>> supports(company[0], [], company, p), supports(company[1], [], company, p)
    (['company_word'], ['latin'])
    >>> supports(again, [Span.at(t, 0, 4, "COMPANY")], [], p)
    ['repeated']
    >>> supports(again, [], [], p, known={"丁戊物流"})
    ['gazetteer']
    """
    held = []
    name = span.text
    if "gazetteer" in policy.supports and name in known:
        held.append("gazetteer")
    if "company_word" in policy.supports and any(
            name.endswith(w) and len(name) > len(w) for w in policy.company_words):
        held.append("company_word")
    if "latin" in policy.supports and _LATIN.fullmatch(name) and sum(
            c.isalpha() for c in name) >= 2:
        held.append("latin")
    if "repeated" in policy.supports:
        plain = policy.thresholds.get(span.label, 2.0)
        elsewhere = [s for s in rule_spans if s.label == span.label] + [
            s for s in model_spans if s.label == span.label and (s.score or 0.0) >= plain]
        if any(s.text == name and (s.start, s.end) != (span.start, span.end) for s in elsewhere):
            held.append("repeated")
    return held


def accepted(span: Span, rule_spans: Sequence[Span], model_spans: Sequence[Span],
             policy: HybridPolicy, known: Container[str] = ()) -> bool:
    """Whether the hybrid may take a model span: its label's threshold is reached, or its
    ``supported`` threshold is and :func:`supports` finds some support.

    >>> t = "丙丁集团跟投"
    >>> s = Span.at(t, 0, 4, "COMPANY", score=0.7)
    >>> p = HybridPolicy(thresholds={"COMPANY": 0.9})
    >>> accepted(s, [], [s], p)
    False
    >>> accepted(s, [], [s], HybridPolicy(thresholds={"COMPANY": 0.9}, supported={"COMPANY": 0.6},
    ...                                   supports=("company_word",), company_words=("集团",)))
    True
    """
    if span.label not in policy.thresholds:
        return False
    score = span.score or 0.0
    if score >= policy.thresholds[span.label]:
        return True
    low = policy.supported.get(span.label)
    return low is not None and score >= low and bool(
        supports(span, rule_spans, model_spans, policy, known))


def arbitrate(rule_spans: Sequence[Span], span: Span) -> list[Span]:
    """The rule spans left when ``span`` (an accepted model span) takes the model's
    boundaries: those of its label that it overlaps give way; if it overlaps a rule span of
    another label, nothing changes (the caller then drops the model span).

    >>> t = "东阿阿胶表示"
    >>> r = [Span.at(t, 0, 3, "COMPANY")]
    >>> arbitrate(r, Span.at(t, 0, 4, "COMPANY", score=0.95))
    []
    """
    hit = [r for r in rule_spans if r.start < span.end and span.start < r.end]
    if any(r.label != span.label for r in hit):
        return list(rule_spans)
    return [r for r in rule_spans if r not in hit]


# Only tokens the model gives at least this to B-COMPANY are tried as a name's start (speed:
# a long text has few; no name the model agrees with on dev started lower).
_CONFIRM_MIN_START = 0.1
_CONFIRM_MAX_TOKENS = 12


def confirmed(text: str, probs: TokenProbs, known: Container[str], taken: Sequence[Span],
              policy: HybridPolicy) -> list[Span]:
    """Gazetteer names the rules and the model's spans left out but the model's tag
    probabilities agree with: COMPANY spans of ``known`` names (whole tokens, two characters
    or more, overlapping nothing in ``taken``) whose mean probability of B-COMPANY then
    I-COMPANY is at least ``policy.confirm_mean`` and after which the model is sure the name
    ends (probability of no I-COMPANY next at least ``policy.confirm_end``). Overlapping
    ones: the more probable wins.

    >>> import numpy as np
    >>> from econer.models.predict import TokenProbs
    >>> t = "与星河签约"
    >>> tags = ["O", "B-COMPANY", "I-COMPANY"]
    >>> rows = np.array([[.9, .1, 0], [.5, .4, .1], [.6, 0, .4], [.9, .1, 0], [1, 0, 0]])
    >>> probs = TokenProbs([(i, i + 1) for i in range(5)], rows, tags)
    >>> [(s.text, s.score) for s in confirmed(t, probs, {"星河"}, [], HybridPolicy())]
    [('星河', 0.4)]
    >>> confirmed(t, probs, {"星河"}, [], HybridPolicy(confirm_mean=0.5))
    []
    """
    tags = list(probs.tags)
    if "B-COMPANY" not in tags or "I-COMPANY" not in tags:
        return []
    b, i_tag = tags.index("B-COMPANY"), tags.index("I-COMPANY")
    rows, offsets = probs.rows, probs.offsets
    n = len(offsets)
    free = bytearray(b"\x01") * len(text)
    for span in taken:
        free[span.start : span.end] = bytes(span.end - span.start)
    found: list[tuple[float, int, int]] = []
    import numpy as np

    for i in np.flatnonzero(np.asarray(rows)[:, b] >= _CONFIRM_MIN_START).tolist():
        if not free[offsets[i][0]]:
            continue
        total = float(rows[i, b])
        for j in range(i + 1, min(n, i + _CONFIRM_MAX_TOKENS)):
            start, end = int(offsets[i][0]), int(offsets[j][1])
            if not free[offsets[j][0]] or "\n" in text[start:end]:
                break
            total += float(rows[j, i_tag])
            mean = total / (j - i + 1)
            ends = 1.0 - float(rows[j + 1, i_tag]) if j + 1 < n else 1.0
            if (mean >= policy.confirm_mean and ends >= policy.confirm_end
                    and text[start:end] in known):
                found.append((mean, start, end))
    out: list[Span] = []
    for mean, start, end in sorted(found, key=lambda f: (-f[0], f[1] - f[2])):
        span = Span.at(text, start, end, "COMPANY", score=round(mean, 4),
                       source="hybrid:confirmed")
        if not _overlaps(span, out):
            out.append(span)
    return sorted(out, key=lambda s: s.start)


def combine(rule_spans: Iterable[Span], model_spans: Iterable[Span], policy: HybridPolicy,
            *, text: str | None = None, known: Container[str] = (),
            repeats: Repeats | None = None, probs: TokenProbs | None = None) -> list[Span]:
    """The hybrid's spans for one document (see the module docstring), in text order.

    ``known`` holds gazetteer names (the ``gazetteer`` support, ``confirm``);
    ``repeats(text, spans)`` gives other mentions of the names among ``spans``
    (``propagate``; it needs ``text``); ``probs`` are the model's tag probabilities
    (``confirm``: :func:`confirmed`).
    """
    rules = list(rule_spans)
    model = [s for s in model_spans if s.label in policy.thresholds]
    taken = list(rules)
    candidates = sorted((s for s in model if accepted(s, rules, model, policy, known)),
                        key=lambda s: (-(s.score or 0.0), s.start))
    added: list[Span] = []
    for span in candidates:
        if policy.boundaries == "model" and not _overlaps(span, added):
            taken = arbitrate(taken, span)
        if not _overlaps(span, taken):
            taken.append(span)
            added.append(span)
    if policy.confirm and probs is not None and text is not None:
        more = confirmed(text, probs, known, taken, policy)
        taken += more
        added += more
    if policy.propagate and added and repeats is not None and text is not None:
        names = {s.text for s in added}
        taken += [replace(s, source="hybrid:repeat") for s in repeats(text, taken)
                  if s.text in names]
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
        self.known = known_names(self.labeller.patterns.folder)
        self.predictor = Predictor.from_run(resolve_run(run_dir), device=device,
                                            batch_size=batch_size)
        self.name = "hybrid"
        self.version = (f"hybrid({self.labeller.version}+{self.predictor.version};"
                        f"{self.policy.version})")

    def combine(self, rules_doc: Document, model_doc: Document,
                probs: TokenProbs | None = None) -> Document:
        """One document's hybrid from its rule and model predictions."""
        return model_doc.with_spans(combine(
            rules_doc.spans, model_doc.spans, self.policy, text=rules_doc.text,
            known=self.known, repeats=self.labeller.repeats, probs=probs))

    def predict(self, docs: Iterable[Document],
                batch_size: int | None = None) -> Iterator[Document]:
        docs = list(docs)
        ruled = list(self.labeller.pipe(docs))
        probs: deque[TokenProbs] = deque()  # each document's, handed over just before it
        keep = probs.append if self.policy.confirm else None
        for rules_doc, model_doc in zip(ruled, self.predictor.pipe(docs, batch_size,
                                                                   on_probs=keep),
                                        strict=True):
            yield self.combine(rules_doc, model_doc, probs.popleft() if probs else None)


class _Known:
    """Gazetteer names (``in`` only): listed companies, and brands that are no common word
    (稻米, 新材料 are in the noisy brand list; brands-common.tsv marks them)."""

    def __init__(self, gazetteer: Any) -> None:
        self.gazetteer = gazetteer

    def __contains__(self, name: object) -> bool:
        g = self.gazetteer
        return isinstance(name, str) and (name in g.listed or (
            name in g.brands and not g.common_brand(name)))


def known_names(rules_folder: str | Path) -> Container[str]:
    """The gazetteer names of a rules folder (none where it has no gazetteer)."""
    from econer.annotate.rules.gazetteer import Gazetteer

    gazetteer = Gazetteer.load(rules_folder)
    return _Known(gazetteer) if gazetteer else frozenset()


@systems.register("hybrid")
def hybrid(arg: str | None = None, *, overrides: Mapping[str, Any] | None = None) -> HybridSystem:
    """``hybrid:RUN`` (a run folder, or ``default``: the shipped model); ``--set
    thresholds.COMPANY=0.8`` changes a threshold."""
    return HybridSystem(arg or "default", load_policy(None, overrides))
