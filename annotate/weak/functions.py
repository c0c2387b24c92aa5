"""Which labelling functions vote, and how precise each one is on gold.

The functions are those registered in :data:`econer.registry.labelling_functions` (the rule
families of :mod:`econer.annotate.rules.functions`: ``rules.amount``, ``rules.rate``,
``rules.company.suffix`` ...). ``rules`` itself, the whole pre-labeller, is left out of the
default set: it is the families' merged answer, and letting it vote would count every rule
twice. One function is defined here: ``weak.company.repeat``, the rule labeller's
document-level pass (other mentions of a company name it chose), which no family exposes
because it runs after the families' candidates are resolved. It is not a default voter
either: in a seeded sample of 20 of its 839 spans on ``../shared/corpus`` about 4 were firms
(创业 from 创业板指, 东方 from 东方红 funds, 龙头 ...: it repeats the rules' mistakes), so it
is used only when named (``--functions``).

>>> [lf.name for lf in load_functions(["rules.rate", "rules.amount"])]
['rules.rate', 'rules.amount']
>>> from econer.spans import Document, Span
>>> text = "投资5亿元，增长8.2%"
>>> gold = [Document.from_text(text, id="d").with_spans([Span.at(text, 2, 5, "AMOUNT")])]
>>> table = measure(load_functions(["rules.amount", "rules.rate"]), gold)
>>> table["rules.amount"]["tp"], table["rules.rate"]["n"], table["rules.rate"]["tp"]
(1, 1, 0)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from econer.annotate.rules.functions import shared_labeller
from econer.annotate.rules.ruler import RuleLabeller

from econer.registry import LabellingFunction, labelling_functions
from econer.spans import Document, Span

WHOLE = "rules"  # the merged pre-labeller: never a voter by default
NOT_DEFAULT = frozenset({WHOLE, "weak.company.repeat", "gazetteer.candidates"})


@dataclass
class CompanyRepeats:
    """Other mentions of the company names the whole rule labeller chose (``company.repeat``).

    >>> lf = company_repeats()
    >>> lf.name, lf.labels
    ('weak.company.repeat', ('COMPANY',))
    """

    labeller: RuleLabeller = field(repr=False)
    name: str = "weak.company.repeat"
    labels: tuple[str, ...] = ("COMPANY",)

    @property
    def version(self) -> str:
        return self.labeller.version

    def __call__(self, doc: Document) -> list[Span]:
        return [s for s in self.labeller.spans(doc.text) if s.source == "rules:company.repeat"]


@labelling_functions.register("weak.company.repeat")
def company_repeats(folder: str | Path | None = None) -> CompanyRepeats:
    """The rule labeller's document-level repeats as a labelling function."""
    return CompanyRepeats(shared_labeller(folder))


def default_names() -> list[str]:
    """Every registered labelling function but the merged pre-labeller and the repeats."""
    _register()
    return [n for n in labelling_functions.names() if n not in NOT_DEFAULT]


def load_functions(names: Sequence[str] | None = None,
                   rules_dir: str | Path | None = None) -> list[LabellingFunction]:
    """The named labelling functions (default: :func:`default_names`), built on ``rules_dir``."""
    _register()
    chosen = list(names) if names else default_names()
    return [labelling_functions.get(name)(rules_dir) for name in chosen]


def votes(functions: Iterable[LabellingFunction], doc: Document) -> dict[str, list]:
    """Each function's spans on ``doc`` (an empty list is an abstention on its labels)."""
    return {lf.name: lf(doc) for lf in functions}


def measure(functions: Sequence[LabellingFunction],
            gold: Iterable[Document]) -> dict[str, dict[str, Any]]:
    """Each function's strict precision on the gold, on the labels it covers.

    Returns ``{name: {"n": spans, "tp": exact matches, "precision": tp/n or None,
    "weight": (tp+1)/(n+2)}}``; the weight (precision smoothed towards 0.5) is what
    :func:`econer.annotate.weak.aggregate.aggregate` uses for spans without a score.
    """
    table = {lf.name: {"n": 0, "tp": 0} for lf in functions}
    for doc in gold:
        want = {s.key for s in doc.spans}
        for lf in functions:
            spans = lf(doc)
            table[lf.name]["n"] += len(spans)
            table[lf.name]["tp"] += sum(1 for s in spans if s.key in want)
    for row in table.values():
        row["precision"] = round(row["tp"] / row["n"], 4) if row["n"] else None
        row["weight"] = round((row["tp"] + 1) / (row["n"] + 2), 4)
    return table


def _register() -> None:
    # the rule families and the datasets' gazetteer register themselves on import
    import econer.annotate.rules.functions  # noqa: F401
    import econer.annotate.weak.candidates  # noqa: F401
    import econer.annotate.weak.gazetteer  # noqa: F401
