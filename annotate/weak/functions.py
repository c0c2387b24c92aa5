"""Which labelling functions vote, and how precise each one is on gold.

The functions are those registered in :data:`econer.registry.labelling_functions` (the rule
families of :mod:`econer.annotate.rules.functions`: ``rules.amount``, ``rules.rate``,
``rules.company.suffix`` ...). ``rules`` itself, the whole pre-labeller, is left out of the
default set: it is the families' merged answer, and letting it vote would count every rule
twice.

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
from pathlib import Path
from typing import Any

from econer.registry import LabellingFunction, labelling_functions
from econer.spans import Document

WHOLE = "rules"  # the merged pre-labeller: never a voter by default


def default_names() -> list[str]:
    """Every registered labelling function but the merged pre-labeller."""
    _register()
    return [n for n in labelling_functions.names() if n != WHOLE]


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
    # the rule families register themselves on import (the CLI wires them the same way)
    import econer.annotate.rules.functions  # noqa: F401
