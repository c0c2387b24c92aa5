"""A gazetteer labelling function from the external datasets' company names (distant supervision).

``datasets.names`` collects the COMPANY spans of every reader in :mod:`econer.datasets`
(CLUENER2020 companies, Resume NER firms, CFSC-NER firm terms, CCF BDCI 2019 entities) and
marks their verbatim mentions, longest first. None of these names comes from the seeds or the
corpus. Names of fewer than :data:`MIN_CHARS` characters, and names whose core (the name without
a firm's head such as 公司, 银行, 基金) is only places, industries or generic words of the rule
lexicon (上市公司, 商业银行, 混合型基金), are left out: they name kinds of firms, not firms; so
are names with the head of a medium or a rate (新浪财经, 澎湃新闻, 融资利率: :data:`NOT_FIRM`),
exchanges (纳斯达克, COMEX: :data:`EXCHANGES`) and anonymised firms (某律师事务所), which the
standard does not count as firms.

Its spans are scored :data:`WEIGHT`, a precision measured by hand on the corpus (see
``docs/datasets.md``). The data folder is ``$ECONER_SHARED/datasets`` (default
``../shared/datasets``).

>>> lf = DatasetNames(["宁波银行", "上市公司", "爱尔眼科", "新浪财经"], generic=["上市"])
>>> sorted(lf.names)
['宁波银行', '爱尔眼科']
>>> [(s.text, s.label, s.score) for s in lf(Document.from_text("宁波银行与上市公司爱尔眼科"))]
[('宁波银行', 'COMPANY', 0.68), ('爱尔眼科', 'COMPANY', 0.68)]
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import ahocorasick_rs
from econer.annotate.rules.patterns import load_patterns

from econer.datasets import ccf, cfsc, cluener, resume
from econer.errors import EconerError
from econer.registry import labelling_functions
from econer.spans import Document, Span

NAME = "datasets.names"
MIN_CHARS = 4
WEIGHT = 0.68  # (k+1)/(n+2) of a hand-judged corpus sample: see docs/datasets.md
EXCHANGES = frozenset({"纳斯达克", "纽交所", "港交所", "上交所", "深交所", "伦交所", "北交所",
                       "COMEX", "NYMEX", "CBOT", "LME", "NYSE", "NASDAQ"})
NOT_FIRM = re.compile(r"(新闻|财经|日报|晚报|周刊|杂志|网|微博|电视台|收益率|利率|指数|交易所)$")
HEADS = ("有限责任公司", "股份有限公司", "有限公司", "公司", "集团", "银行", "基金", "证券", "保险",
         "信托", "控股", "股份", "财经")
# kinds of firms in finance news the rule lexicon does not list (商业银行, 混合型基金)
FINANCE_GENERIC = ("商业", "人民", "中央", "投资", "混合型", "股票型", "债券型", "指数型", "货币",
                   "私募", "公募", "券商", "上市")


def shared_datasets() -> Path:
    return Path(os.environ.get("ECONER_SHARED", "../shared")) / "datasets"


def dataset_names(folder: Path) -> Iterator[str]:
    """Every COMPANY span text of the four external sources under ``folder``."""
    parts = {"cluener2020/train.json": cluener.read_cluener,
             "cfsc-ner/val.json": cfsc.read_cfsc, "ccf-bdci2019/train.csv": ccf.read_ccf}
    parts.update({f"resume-ner/{s}.char.bmes": resume.read_resume
                  for s in ("train", "dev", "test")})
    for rel, reader in parts.items():
        if not (folder / rel).exists():
            raise EconerError(f"{NAME} needs {folder / rel} (set ECONER_SHARED, or leave "
                              f"{NAME} out with --functions)")
        for doc in reader(folder / rel):
            yield from (s.text for s in doc.spans)


class DatasetNames:
    """Verbatim mentions of known firm names, longest first, as COMPANY votes."""

    labels: tuple[str, ...] = ("COMPANY",)

    def __init__(self, names: Iterable[str], generic: Iterable[str] = ()) -> None:
        words = sorted({*generic, *FINANCE_GENERIC}, key=len, reverse=True)
        core_generic = re.compile("(?:" + "|".join(map(re.escape, words)) + ")*") if words \
            else re.compile("")
        heads = "|".join(map(re.escape, HEADS))
        self.names = frozenset(
            n for n in names if len(n) >= MIN_CHARS and not NOT_FIRM.search(n)
            and n not in EXCHANGES and not n.startswith("某")
            and not core_generic.fullmatch(re.sub(f"(?:{heads})+$", "", n)))
        self.name = NAME
        self.version = "names-" + hashlib.sha256(
            "\n".join(sorted(self.names)).encode()).hexdigest()[:10]
        # ahocorasick_rs, the project's one Aho-Corasick library (code-point offsets).
        self._automaton = ahocorasick_rs.AhoCorasick(sorted(self.names)) if self.names else None

    def __call__(self, doc: Document) -> list[Span]:
        if self._automaton is None:
            return []
        hits = sorted(((start, end) for _k, start, end in
                       self._automaton.find_matches_as_indexes(doc.text, overlapping=True)),
                      key=lambda r: (r[0] - r[1], r[0]))
        taken = bytearray(len(doc.text))
        spans = []
        for start, end in hits:
            if taken.find(1, start, end) == -1:
                taken[start:end] = b"\x01" * (end - start)
                spans.append(Span.at(doc.text, start, end, "COMPANY", score=WEIGHT,
                                     source=f"{NAME}"))
        return sorted(spans, key=lambda s: s.start)


@functools.lru_cache(maxsize=4)
def _built(folder: str, rules: str) -> DatasetNames:
    lists = load_patterns(rules or None).lists
    generic = [str(w) for key in ("PLACE", "PLACE_LEVEL", "INDUSTRY", "GENERIC",
                                  "COMPANY_STOP_CORE") for w in (lists.get(key) or [])]
    return DatasetNames(dataset_names(Path(folder)), generic)


@labelling_functions.register(NAME)
def datasets_names(rules_dir: str | Path | None = None) -> DatasetNames:
    """The gazetteer of the external datasets' company names (built once per process)."""
    return _built(str(shared_datasets()), str(rules_dir or ""))
