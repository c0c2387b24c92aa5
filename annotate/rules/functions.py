"""The rules as labelling functions: one per rule family, registered by name.

Weak supervision wants many independent, named voters rather than one merged answer, so each
family of rules (the regex rules for money, the company-suffix reader, the listed-company
gazetteer ...) is also a :class:`~econer.registry.LabellingFunction` in
:data:`econer.registry.labelling_functions`. A family returns its own candidates, resolved
among themselves only (longest first, as in the labeller), and covers only its labels: on
every other label it abstains. ``rules`` is the whole pre-labeller, all labels, as
``econer prelabel`` writes it.

>>> from econer.registry import labelling_functions
>>> from econer.spans import Document
>>> lf = labelling_functions.get("rules.rate")()
>>> lf.labels
('RATE',)
>>> [(s.text, s.source) for s in lf(Document.from_text("投资5亿元，增长8.2%", id="d"))]
[('8.2%', 'rules:rate.percent')]
>>> "company.listed" in FAMILIES["rules.company.listed"][1]
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from econer.annotate.rules.ruler import Candidate, RuleLabeller, load_rules, resolve

from econer.labels import LABELS
from econer.registry import labelling_functions
from econer.spans import Document, Span

# family name → (labels covered, rule names or prefixes "x." it takes)
FAMILIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "rules.amount": (("AMOUNT",), ("amount.",)),
    "rules.rate": (("RATE",), ("rate.",)),
    # names read leftwards from a legal suffix (…有限公司, …集团, …厂)
    "rules.company.suffix": (("COMPANY",), ("company.full", "company.suffix")),
    # a short core and an industry word (千能实业)
    "rules.company.short": (("COMPANY",), ("company.short",)),
    # 、-lists before 等N家企业 / 等N个项目, and companies inside project names
    "rules.company.enumeration": (("COMPANY",), ("company.enumeration", "company.project")),
    # the curated lexicon (configs/rules/lexicon/) and harvested gold names
    "rules.company.lexicon": (("COMPANY",), ("company.lexicon",)),
    # the listed-company gazetteer (short, full, former names) with its context rules
    "rules.company.listed": (("COMPANY",), ("company.listed",)),
    # the 267K short-name and brand list, only with a trigger (a weak signal)
    "rules.company.brand": (("COMPANY",), ("company.brand",)),
    # document-level: short forms of the text's full names, firms' regional arms (repeats
    # of chosen names come only after resolution: econer.annotate.weak's weak.company.repeat)
    "rules.company.document": (("COMPANY",), ("company.alias", "company.branch")),
    "rules.park": (("PARK",), ("park.",)),
}


def _takes(rule: str, wanted: tuple[str, ...]) -> bool:
    return any(rule == w or rule.startswith(w + ".") or (w.endswith(".") and
                                                         rule.startswith(w))
               for w in wanted)


_LABELLERS: dict[str, RuleLabeller] = {}
_LAST: dict[int, tuple[str, list[Candidate]]] = {}


def shared_labeller(folder: str | Path | None = None) -> RuleLabeller:
    """One labeller per rules folder, shared by every family (built once)."""
    key = str(folder or "")
    if key not in _LABELLERS:
        _LABELLERS[key] = load_rules(folder)
    return _LABELLERS[key]


def _candidates(labeller: RuleLabeller, text: str) -> list[Candidate]:
    # the families of one labeller run on the same document one after the other:
    # compute its candidates once
    last = _LAST.get(id(labeller))
    if last is None or last[0] != text:
        last = (text, labeller.candidates(text))
        _LAST[id(labeller)] = last
    return last[1]


@dataclass
class RuleFamily:
    """A labelling function made of some of the rules (see :data:`FAMILIES`)."""

    name: str
    labels: tuple[str, ...]
    rules: tuple[str, ...]
    labeller: RuleLabeller = field(repr=False)

    @property
    def version(self) -> str:
        return self.labeller.version

    def __call__(self, doc: Document) -> list[Span]:
        mine = [c for c in _candidates(self.labeller, doc.text)
                if c.label in self.labels and _takes(c.rule, self.rules)]
        return [Span.at(doc.text, c.start, c.end, c.label, score=c.score,
                        source=f"rules:{c.rule}", value=c.value) for c in resolve(mine)]


@dataclass
class AllRules:
    """The whole pre-labeller as one labelling function (what ``econer prelabel`` writes)."""

    labeller: RuleLabeller = field(repr=False)
    name: str = "rules"
    labels: tuple[str, ...] = LABELS  # the project's label set (configs/labels.yaml)

    @property
    def version(self) -> str:
        return self.labeller.version

    def __call__(self, doc: Document) -> list[Span]:
        return list(self.labeller(doc).spans)


def _register_family(name: str) -> None:
    labels, rules = FAMILIES[name]

    def factory(folder: str | Path | None = None) -> RuleFamily:
        return RuleFamily(name, labels, rules, shared_labeller(folder))

    factory.__doc__ = f"Labelling function {name}: rules {', '.join(rules)}."
    labelling_functions.register(name)(factory)


@labelling_functions.register("rules")
def all_rules(folder: str | Path | None = None) -> AllRules:
    """The whole rule pre-labeller."""
    return AllRules(shared_labeller(folder))


for _name in FAMILIES:
    _register_family(_name)
