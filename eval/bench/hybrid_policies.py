"""Compare hybrid policies on tuned-on gold (never on a test split), with paired bootstrap.

Prints rules, model and the hybrid under each policy (strict spans): COMPANY P/R/F1, PARK,
AMOUNT and RATE F1, micro F1, and the paired bootstrap test of the hybrid against the rules
(COMPANY F1 and micro F1 differences with their p-values; documents resampled). The policies
are the policy file's and variants of it, one idea at a time and together:

* ``plain T``: COMPANY threshold T alone (the old sweep's axis);
* ``support K >= S``: a model COMPANY span at S or above is taken with support K
  (``gazetteer``, ``company_word``, ``latin``, ``repeated``, or ``all`` of them);
* ``propagate``: other mentions of a taken model name are labelled too;
* ``boundaries model``: an accepted model span replaces overlapping rule spans of its label;
* ``confirm mean M end E``: gazetteer names left out, taken where the model's tag
  probabilities agree (:func:`econer.eval.hybrid.confirmed`);
* ``PARK plain T``: the PARK threshold T (COMPANY as in the file).

It also prints the model's reliability (mean span score against strict precision, per
score bin): whether its confidence can be read as a probability before a threshold uses it.

Predictions are made once per gold file and kept under ``--cache`` (keyed by the file's hash,
the rules' version and the run's version): the policies only re-run
:func:`econer.eval.hybrid.combine`, never the model.

    econer gold devset news-dev --out news-dev.jsonl
    econer gold devset news-park-dev --out news-park-dev.jsonl
    .venv/bin/python -m econer.eval.bench.hybrid_policies default news-dev.jsonl \\
        news-park-dev.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from econer.eval.bootstrap import count_array, paired_test, resample
from econer.eval.hybrid import SUPPORTS, HybridPolicy, combine
from econer.models.predict import TokenProbs

from econer.jsonl import read_documents, write_documents
from econer.labels import LABELS
from econer.scoring import strict_scores
from econer.spans import Document

COMPANY_GRID = (0.5, 0.6, 0.7, 0.8, 0.9)
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def reliability(gold: Sequence[Document], model: Sequence[Document], label: str,
                bins: Sequence[float] = BINS) -> list[tuple[float, int, float, float]]:
    """The model's confidence against its strict precision: ``(bin's lower edge, spans,
    mean score, share exactly right)`` per non-empty bin of its ``label`` spans.

    >>> from econer.spans import Span
    >>> t = "甲乙公司与丙丁公司"
    >>> g = [Document("d", t, (Span.at(t, 0, 4, "COMPANY"),))]
    >>> m = [Document("d", t, (Span.at(t, 0, 4, "COMPANY", score=0.97),
    ...                        Span.at(t, 5, 9, "COMPANY", score=0.55)))]
    >>> reliability(g, m, "COMPANY")
    [(0.5, 1, 0.55, 0.0), (0.95, 1, 0.97, 1.0)]
    """
    rows: dict[float, list[tuple[float, bool]]] = {}
    for g, m in zip(gold, model, strict=True):
        right = {(s.start, s.end) for s in g.spans if s.label == label}
        for s in m.spans:
            if s.label == label:
                edge = max(b for b in bins if (s.score or 0.0) >= b)
                rows.setdefault(edge, []).append((s.score or 0.0, (s.start, s.end) in right))
    return [(edge, len(v), round(sum(x for x, _ in v) / len(v), 3),
             round(sum(ok for _, ok in v) / len(v), 3)) for edge, v in sorted(rows.items())]


def policies(base: HybridPolicy) -> Iterator[tuple[str, HybridPolicy]]:
    """The named policies compared: the file's, then one change at a time, then together."""
    plain = replace(base, supported={}, supports=(), boundaries="rules", propagate=False,
                    confirm=False)
    yield "file: " + base.version, base
    for t in (*COMPANY_GRID, 1.01):
        yield f"plain {t:g}", replace(plain, thresholds={**plain.thresholds, "COMPANY": t})
    for kinds in [(k,) for k in SUPPORTS] + [SUPPORTS]:
        name = "all" if len(kinds) > 1 else kinds[0]
        for low in COMPANY_GRID:
            if low < plain.thresholds["COMPANY"]:
                yield (f"support {name} >= {low:g}",
                       replace(plain, supported={"COMPANY": low}, supports=kinds))
    yield "propagate", replace(plain, propagate=True)
    yield "boundaries model", replace(plain, boundaries="model")
    for low in COMPANY_GRID:
        if low < plain.thresholds["COMPANY"]:
            yield f"support all >= {low:g}, propagate", replace(
                plain, supported={"COMPANY": low}, supports=SUPPORTS, propagate=True)
    for mean in (0.2, 0.3, 0.4, 0.5):
        for end in (0.8, 0.9, 0.95):
            yield f"confirm mean {mean:g} end {end:g}", replace(
                plain, confirm=True, confirm_mean=mean, confirm_end=end)
    for mean in (0.2, 0.3, 0.4):
        yield f"support all >= 0.6, confirm {mean:g}/0.9, propagate", replace(
            plain, supported={"COMPANY": 0.6}, supports=SUPPORTS, propagate=True,
            confirm=True, confirm_mean=mean, confirm_end=0.9)
    if "PARK" in plain.thresholds:
        for t in (*COMPANY_GRID, 1.01):
            yield f"PARK plain {t:g}", replace(plain, thresholds={**plain.thresholds, "PARK": t})


def hybrid_docs(rules: Sequence[Document], model: Sequence[Document], policy: HybridPolicy,
                known: Any, repeats: Any, probs: Sequence[TokenProbs] | None = None
                ) -> list[Document]:
    probs = probs or [None] * len(model)  # type: ignore[list-item]
    return [m.with_spans(combine(r.spans, m.spans, policy, text=r.text, known=known,
                                 repeats=repeats, probs=p))
            for r, m, p in zip(rules, model, probs, strict=True)]


def _f(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def row(name: str, scores: Mapping[str, Mapping[str, Any]], test: Mapping[str, Any] | None
        ) -> str:
    c = scores["COMPANY"]
    out = (f"{name:34s} COMPANY {_f(c['precision'])} {_f(c['recall'])} {_f(c['f1'])}"
           f" | PARK {_f(scores['PARK']['f1'])} AMOUNT {_f(scores['AMOUNT']['f1'])}"
           f" RATE {_f(scores['RATE']['f1'])} | micro {_f(scores['micro']['f1'])}")
    if test:
        co, mi = test["per_label"]["COMPANY"], test["micro_f1"]
        out += (f" | vs rules: COMPANY {co['delta']:+.3f} p={co['p_value']:.3f}"
                f", micro {mi['delta']:+.3f} p={mi['p_value']:.3f}")
    return out


def cached(path: Path, make: Any) -> list[Document]:
    """Documents saved at ``path``, or made by ``make()`` and saved there first."""
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_documents(path, make())
    return list(read_documents(path))


def cached_model(path: Path, predictor: Any, docs: Sequence[Document]
                 ) -> tuple[list[Document], list[TokenProbs]]:
    """The model's documents and tag probabilities, saved at ``path`` (.jsonl, .npz) or
    predicted (once) and saved there first."""
    probs_path = path.with_suffix(".npz")
    if not (path.is_file() and probs_path.is_file()):
        kept: list[TokenProbs] = []
        predicted = list(predictor.pipe(docs, on_probs=kept.append))
        path.parent.mkdir(parents=True, exist_ok=True)
        lengths = np.array([len(p.offsets) for p in kept], dtype=np.int64)
        offsets = np.concatenate([np.asarray(p.offsets, dtype=np.int64).reshape(-1, 2)
                                  for p in kept]) if kept else np.zeros((0, 2), np.int64)
        rows = np.concatenate([p.rows for p in kept]) if kept else np.zeros((0, 0))
        with open(probs_path, "wb") as handle:  # before the .jsonl: both there = complete
            np.savez(handle, lengths=lengths, offsets=offsets, rows=rows,
                     tags=np.array(predictor.tags))
        write_documents(path, predicted)
    saved = np.load(probs_path)
    tags = [str(t) for t in saved["tags"]]
    bounds = np.concatenate([[0], np.cumsum(saved["lengths"])])
    probs = [TokenProbs(saved["offsets"][a:b], saved["rows"][a:b], tags)
             for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
    return list(read_documents(path)), probs


def main(argv: list[str] | None = None) -> None:
    from econer.annotate.rules.ruler import load_rules
    from econer.eval.hybrid import known_names, load_policy
    from econer.models.predict import Predictor, resolve_run

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run", help="a run folder, or default (the shipped model)")
    parser.add_argument("gold", nargs="+", help="tuned-on gold files (news-dev, news-park-dev)")
    parser.add_argument("--policy", help="policy file (default configs/hybrid/default.yaml)")
    parser.add_argument("--cache", default=".cache/hybrid-bench", help="saved predictions")
    parser.add_argument("--samples", type=int, default=2000, help="bootstrap samples")
    args = parser.parse_args(argv)

    labeller = load_rules()
    predictor = Predictor.from_run(resolve_run(args.run))
    gold: list[Document] = []
    rules: list[Document] = []
    model: list[Document] = []
    probs: list[TokenProbs] = []
    for path in map(Path, args.gold):
        docs = list(read_documents(path))
        digest = hashlib.sha1(path.read_bytes()).hexdigest()[:12]
        cache = Path(args.cache) / f"{path.stem}-{digest}"
        gold += docs
        rules += cached(cache / f"rules-{labeller.version}.jsonl",
                        lambda docs=docs: labeller.pipe(docs))
        docs_m, probs_m = cached_model(cache / f"model-{predictor.version}.jsonl", predictor,
                                       docs)
        model += docs_m
        probs += probs_m

    known = known_names(labeller.patterns.folder)
    indices = resample(len(gold), args.samples, seed=0)
    base_counts = count_array(gold, rules)
    print(f"{len(gold)} documents from {', '.join(args.gold)}; run {args.run} "
          f"({predictor.version}); rules {labeller.version}; COMPANY columns are P R F1")
    print(row("rules", strict_scores(gold, rules), None))
    print(row("model", strict_scores(gold, model), None))
    for label in ("COMPANY", "PARK"):
        print(f"  reliability of the model's {label} spans (from score: spans, mean score, "
              "precision): " + "; ".join(f"{e:g}: {n}, {sc:.2f}, {p:.2f}"
                                         for e, n, sc, p in reliability(gold, model, label)))
    for name, policy in policies(load_policy(args.policy)):
        pred = hybrid_docs(rules, model, policy, known, labeller.repeats, probs)
        test = paired_test(count_array(gold, pred), base_counts, indices, LABELS)
        print(row(name, strict_scores(gold, pred), test))


if __name__ == "__main__":
    main()
