"""Benchmark: long single-line documents through prelabel, gold check, eval and predict.

Every step must be linear in the length of a document: a 5 MB line must take about as long
per character as the same text cut into ordinary documents. The long document is the seed
gold joined end to end (line breaks replaced by a comma, spans shifted) until it reaches
the size asked; the **baseline**, run in the same process, is the same text as documents of
the seeds' size (~2,000 characters). Printed per step and size: seconds, characters per
second, and the ratio of the long document's time to the baseline's (1.0 = linear; the old
quadratic gold check was ~10 at 200K characters). Peak memory is the process's maximum
resident set (``ru_maxrss``) after each step. Not a test: it prints figures.

    .venv/bin/python -m econer.eval.bench.longdoc                       # 50K, 200K, 5 MB
    .venv/bin/python -m econer.eval.bench.longdoc --sizes 50000 --run runs/small

``predict`` runs only with ``--run RUN`` (a folder made by ``econer train``).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from econer.jsonl import read_documents, write_documents
from econer.resources import seed_gold
from econer.spans import Document, Span

FIVE_MB = 5 * 1024 * 1024  # bytes of UTF-8; the size is given in characters otherwise
SIZES = ("50000", "200000", "5MB")


def long_document(seeds: Sequence[Document], chars: int, doc_id: str = "long") -> Document:
    """The seeds joined into one line of at least ``chars`` characters, spans shifted.

    >>> seed = Document.from_text("华为\\n增长", id="s").with_spans([Span(0, 2, "COMPANY", "华为")])
    >>> doc = long_document([seed], 12)
    >>> doc.text, [(s.start, s.text) for s in doc.spans]
    ('华为，增长华为，增长华为，增长', [(0, '华为'), (5, '华为'), (10, '华为')])
    """
    parts: list[str] = []
    spans: list[Span] = []
    offset = 0
    while offset < chars:
        for seed in seeds:
            text = seed.text.replace("\r", "，").replace("\n", "，")  # one line, same length
            parts.append(text)
            spans.extend(Span(s.start + offset, s.end + offset, s.label, text[s.start:s.end],
                              value=s.value) for s in seed.spans)
            offset += len(text)
            if offset >= chars:
                break
    return Document(id=doc_id, text="".join(parts), spans=tuple(spans))


def cut(doc: Document, size: int) -> list[Document]:
    """The same text as documents of about ``size`` characters, cut outside every span."""
    docs: list[Document] = []
    start, spans = 0, sorted(doc.spans, key=lambda s: s.start)
    k = 0
    while start < len(doc.text):
        end = min(len(doc.text), start + size)
        while k < len(spans) and spans[k].end <= end:
            k += 1
        if k < len(spans) and spans[k].start < end:
            end = spans[k].start  # do not cut a span
        if end <= start:
            end = spans[k].end
        piece = doc.text[start:end]
        inside = [Span(s.start - start, s.end - start, s.label, s.text, value=s.value)
                  for s in doc.spans if start <= s.start and s.end <= end]
        docs.append(Document(id=f"{doc.id}-{len(docs)}", text=piece, spans=tuple(inside)))
        start = end
    return docs


def _system(doc: Document) -> Document:
    """A system's predictions made from the gold: every third span dropped, every fifth one
    character shorter (eval is timed alone, not the rules)."""
    spans = [s if i % 5 else Span.at(doc.text, s.start, s.end - 1, s.label)
             for i, s in enumerate(doc.spans) if i % 3 and s.end - s.start > 1]
    return doc.with_spans(spans)


def chars_for(size: str, seeds: Sequence[Document]) -> int:
    if size.upper() == "5MB":
        sample = long_document(seeds, 100_000).text
        return int(FIVE_MB / (len(sample.encode("utf-8")) / len(sample)))
    return int(size)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(step: Callable[[list[Document]], object], docs: list[Document]) -> float:
    started = time.perf_counter()
    step(docs)
    return time.perf_counter() - started


def steps(run_dir: Path | None, folder: Path) -> dict[str, Callable[[list[Document]], object]]:
    """What each econer command does with documents, in process (no CLI start-up)."""
    from econer.annotate.gold.check import check_gold
    from econer.annotate.rules.ruler import load_rules
    from econer.eval.scorecard import System, build_scorecard

    labeller = load_rules()

    def prelabel(docs: list[Document]) -> object:
        return [labeller(Document(d.id, d.text)) for d in docs]

    def gold_check(docs: list[Document]) -> object:
        path = folder / "gold.jsonl"
        write_documents(path, docs)
        return check_gold([path])

    def evaluate(docs: list[Document]) -> object:
        return build_scorecard(docs, {"system": System([_system(d) for d in docs])},
                               samples=200)

    out: dict[str, Callable[[list[Document]], object]] = {
        "prelabel": prelabel, "gold check": gold_check, "eval": evaluate}
    if run_dir is not None:
        from econer.models.predict import Predictor

        predictor = Predictor.from_run(run_dir, device="cpu")

        def predict(docs: list[Document]) -> object:
            return list(predictor.pipe([Document(d.id, d.text) for d in docs]))

        out["predict"] = predict
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", nargs="+", default=list(SIZES),
                        help="Document sizes in characters, or 5MB (default: %(default)s).")
    parser.add_argument("--run", type=Path, help="A trained run folder: also time predict.")
    parser.add_argument("--steps", nargs="+", help="Only these steps (by name prefix).")
    args = parser.parse_args(argv)

    seeds = list(read_documents(seed_gold()))
    with tempfile.TemporaryDirectory(prefix="econer-longdoc-") as tmp:
        todo = steps(args.run, Path(tmp))
        if args.steps:
            todo = {k: v for k, v in todo.items() if any(k.startswith(s) for s in args.steps)}
        print(f"{'step':<24}{'size':>10}{'chars':>10}{'long s':>9}{'base s':>9}"
              f"{'chars/s':>11}{'ratio':>7}{'peak MB':>9}")
        for size in args.sizes:
            doc = long_document(seeds, chars_for(size, seeds))
            base = cut(doc, 2000)
            assert "".join(d.text for d in base) == doc.text
            for name, step in todo.items():
                base_s = timed(step, base)
                long_s = timed(step, [doc])
                print(f"{name:<24}{size:>10}{len(doc.text):>10}{long_s:>9.2f}{base_s:>9.2f}"
                      f"{len(doc.text) / long_s:>11,.0f}{long_s / base_s:>7.2f}"
                      f"{peak_mb():>9.0f}", flush=True)


if __name__ == "__main__":
    main()
