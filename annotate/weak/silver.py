"""Silver documents from a stream of documents: every function votes, the aggregator decides.

>>> from econer.spans import Document
>>> lfs = load_functions(["rules.amount", "rules.rate", "rules.company.suffix"])
>>> [doc] = make_silver([Document.from_text("重庆紫建电子有限公司投资5亿元，增长8%", id="d")], lfs)
>>> [(s.text, s.label) for s in doc.spans]
[('重庆紫建电子有限公司', 'COMPANY'), ('5亿元', 'AMOUNT'), ('8%', 'RATE')]
>>> doc.meta["partial"]["covered"]
['AMOUNT', 'RATE']
>>> version(lfs, 0.5, ("AMOUNT", "RATE")).startswith("weak-")
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence

from econer.annotate.weak.aggregate import DEFAULT_COVERED, DEFAULT_THRESHOLD, aggregate
from econer.annotate.weak.functions import load_functions, votes

from econer.registry import LabellingFunction
from econer.spans import Document

__all__ = ["SilverLabeller", "load_functions", "make_silver", "version"]

AGGREGATOR = "vote-1"  # bump when the vote in .aggregate changes what it keeps


def make_silver(docs: Iterable[Document], functions: Sequence[LabellingFunction], *,
                threshold: float = DEFAULT_THRESHOLD,
                covered: Sequence[str] = DEFAULT_COVERED,
                weights: Mapping[str, float] | None = None,
                use_scores: bool = True) -> Iterator[Document]:
    """Each document with its silver spans and partial labels, in order."""
    for doc in docs:
        yield aggregate(doc, votes(functions, doc), threshold=threshold, covered=covered,
                        weights=weights, use_scores=use_scores)


def version(functions: Sequence[LabellingFunction], threshold: float,
            covered: Sequence[str]) -> str:
    """A short hash of what made the silver: functions and their versions, settings."""
    parts = [f"aggregate:{AGGREGATOR}", *(f"{lf.name}@{lf.version}" for lf in functions)]
    parts += [f"threshold={threshold}", "covered=" + ",".join(covered)]
    return "weak-" + hashlib.sha256("\n".join(parts).encode()).hexdigest()[:10]


class SilverLabeller:
    """The silver maker as one object, ``version`` and ``pipe``, built where it runs: what a
    sharded run needs (``--engine ray`` builds one in each worker)."""

    def __init__(self, names: Sequence[str] | None = None, rules_dir: str | None = None,
                 threshold: float = DEFAULT_THRESHOLD,
                 covered: Sequence[str] = DEFAULT_COVERED) -> None:
        self.functions = load_functions(names, rules_dir)
        self.threshold, self.covered = threshold, tuple(covered)
        self.version = version(self.functions, threshold, self.covered)

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        return make_silver(docs, self.functions, threshold=self.threshold, covered=self.covered)
