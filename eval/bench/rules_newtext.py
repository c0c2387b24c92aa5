"""Measurement: the rules' COMPANY row on text they were not written for.

Scores the rule pre-labeller (strict spans, :func:`econer.scoring.strict_scores`) on

- the seed gold (``seeds/gold/seeds.jsonl``: tuned-on, all four labels);
- any extra gold given with ``--gold`` (e.g. the economic-news dev split: tuned-on);
- CLUENER2020 train, company-only gold (``econer.datasets.cluener``): every fifth sentence
  was read while fixing the rules (tuned-on), the other four fifths never (held out);
- CFSC-NER val, Corporate and Stock aspect terms mapped to COMPANY (:func:`cfsc_gold`):
  held out. Caveats: CFSC labels the terms a sentence is *about*, not every name in it, so
  its precision is a lower bound; index, board, sector and fund-flow terms are dropped
  (the standard says they are not COMPANY) and status prefixes/suffixes are cut as the
  standard cuts them (\\*ST康美 → 康美).

Not a test: it prints figures. ``--rules DIR`` scores another rules folder.

    .venv/bin/python -m econer.eval.bench.rules_newtext
    .venv/bin/python -m econer.eval.bench.rules_newtext --gold news-dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from econer.annotate.rules.gazetteer import normalise
from econer.annotate.rules.ruler import load_rules

from econer.jsonl import read_documents
from econer.scoring import strict_scores
from econer.spans import Document, Span

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
# terms the standard does not call COMPANY: indices, boards, sectors, flows, authorities
_NOT_COMPANY = re.compile(r"(?:指数?|板块?|股|资金|央行|证监会|银保监会|市场|行业|概念|基金业|ETF)$"
                          r"|^(?:沪|深|恒|道|纳|标普|美股|A股|港股|两市)")


def cfsc_gold(path: Path) -> list[Document]:
    """CFSC-NER val as company-only gold (see the module's caveats).

    >>> import tempfile, os
    >>> rows = [{"text": "*ST康美公告，沪指跌1%", "labels": [
    ...     {"text": "*ST康美", "Level 1 Aspect": "Stock", "from": 0, "to": 5},
    ...     {"text": "沪指", "Level 1 Aspect": "Market", "from": 8, "to": 10}]}]
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     p = Path(tmp, "val.json"); _ = p.write_text(json.dumps(rows), encoding="utf-8")
    ...     [(s.text, s.label) for s in cfsc_gold(p)[0].spans]
    [('康美', 'COMPANY')]
    """
    docs = []
    for number, row in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        text = row["text"]
        spans = []
        for label in row["labels"]:
            if label["Level 1 Aspect"] not in ("Corporate", "Stock"):
                continue
            start, end = int(label["from"]), int(label["to"])
            term = text[start:end]
            name = normalise(term)
            if not name or _NOT_COMPANY.search(name) or name not in term:
                continue
            start += term.index(name)
            spans.append(Span.at(text, start, start + len(name), "COMPANY"))
        spans = sorted({(s.start, s.end): s for s in spans}.values(), key=lambda s: s.start)
        keep, last = [], -1
        for span in spans:  # CFSC terms may overlap; the gold may not
            if span.start >= last:
                keep.append(span)
                last = span.end
        docs.append(Document.from_text(text, id=f"cfsc-val-{number}").with_spans(keep))
    return docs


def score(labeller, docs: list[Document], labels: tuple[str, ...]) -> dict:  # noqa: ANN001
    return strict_scores(docs, [labeller(d) for d in docs], labels=labels)


def _fmt(row: dict) -> str:
    def f(x: float | None) -> str:
        return "  -  " if x is None else f"{x:.3f}"

    return (f"P {f(row['precision'])}  R {f(row['recall'])}  F1 {f(row['f1'])}  "
            f"(tp {row['tp']}, fp {row['fp']}, fn {row['fn']})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=Path, default=None)
    parser.add_argument("--gold", type=Path, action="append", default=[],
                        help="extra gold .jsonl (all labels scored)")
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args(argv)

    from econer.datasets.cluener import read_cluener

    labeller = load_rules(args.rules)
    print(f"rules {labeller.version}")
    sets: list[tuple[str, list[Document], tuple[str, ...]]] = [
        ("seeds (tuned-on)", list(read_documents(REPO / "seeds" / "gold" / "seeds.jsonl")),
         ("COMPANY", "PARK", "AMOUNT", "RATE"))]
    for path in args.gold:
        sets.append((f"{path.name}", list(read_documents(path)),
                     ("COMPANY", "PARK", "AMOUNT", "RATE")))
    cluener = list(read_cluener(args.shared / "datasets" / "cluener2020" / "train.json"))
    # every fifth sentence was looked at while fixing the rules (tuned-on); the rest never
    sets.append(("CLUENER2020 train, company, every 5th sentence (tuned-on)",
                 cluener[::5], ("COMPANY",)))
    sets.append(("CLUENER2020 train, company, the other sentences (held out)",
                 [d for i, d in enumerate(cluener) if i % 5], ("COMPANY",)))
    sets.append(("CLUENER2020 train, company, all", cluener, ("COMPANY",)))
    cfsc = args.shared / "datasets" / "cfsc-ner" / "val.json"
    sets.append(("CFSC-NER val, Corporate+Stock (held out; P is a lower bound)",
                 cfsc_gold(cfsc), ("COMPANY",)))
    for name, docs, labels in sets:
        table = score(labeller, docs, labels)
        print(f"{name}: {len(docs)} documents")
        for label in labels:
            print(f"  {label:<8} {_fmt(table[label])}")


if __name__ == "__main__":
    main()
