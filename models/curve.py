"""The learning curve: how much does each annotated document pay off?

One config is trained several times, each time with the first ``n`` gold documents (a
seeded order) on top of the same silver and external data, and each model is scored on the
same held-out gold. The result is a table and a plot of F1 against annotated documents
(``curve.json``, ``curve.md``, ``curve.png``).

>>> pick_gold([Document.from_text("a", id=str(i)) for i in range(5)], 2, seed=1)[0].id
'2'
>>> format_table([{"gold_documents": 2, "micro_f1": 0.5, "labels": {"COMPANY": 0.25},
...                "train_s": 3.0}]).splitlines()[2]
'| 2 | 0.500 | 0.250 | 3 |'
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from econer.models.config import TrainConfig
from econer.models.train import read_metrics, span_scores, train

from econer.jsonl import write_text
from econer.spans import Document


def pick_gold(pool: Sequence[Document], n: int, seed: int) -> list[Document]:
    """The first ``n`` documents of a seeded shuffle (nested: 1 is inside 2 is inside 4)."""
    order = list(pool)
    random.Random(seed).shuffle(order)
    return order[:n]


def learning_curve(cfg: TrainConfig, pool: Sequence[Document], held_out: Sequence[Document],
                   sizes: Sequence[int], out_dir: Path, seed: int = 0,
                   progress: bool = True) -> list[dict[str, Any]]:
    """Train ``cfg`` once a size and score each run on ``held_out``; rows in size order."""
    from econer.models.predict import Predictor

    rows: list[dict[str, Any]] = []
    for n in sorted(set(sizes)):
        docs = pick_gold(pool, n, seed)
        run_dir = train(cfg, out_dir / f"gold-{n}", train_docs=docs, dev_docs=[],
                        progress=progress)
        predicted = list(Predictor.from_run(run_dir).pipe(held_out))
        scores = span_scores(held_out, predicted)
        info = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
        rows.append({"gold_documents": n, "documents": [d.id for d in docs],
                     "micro_f1": scores["f1"],
                     "labels": {k: v["f1"] for k, v in scores["labels"].items()},
                     "train_s": info["timings"]["train_s"], "run": str(run_dir),
                     "epochs": len(read_metrics(run_dir))})
        write_text(out_dir / "curve.json", json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    write_text(out_dir / "curve.md", format_table(rows))
    plot(rows, out_dir / "curve.png")
    return rows


def format_table(rows: Sequence[dict[str, Any]]) -> str:
    labels = list(rows[0]["labels"]) if rows else []
    head = ["gold documents", "micro F1", *labels, "train s"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for r in rows:
        cells = [str(r["gold_documents"]), f"{r['micro_f1']:.3f}",
                 *(f"{r['labels'][k]:.3f}" for k in labels), f"{r['train_s']:.0f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def plot(rows: Sequence[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5, 3.2))
    xs = [r["gold_documents"] for r in rows]
    ax.plot(xs, [r["micro_f1"] for r in rows], marker="o", label="micro", linewidth=2)
    for label in rows[0]["labels"] if rows else []:
        ax.plot(xs, [r["labels"][label] for r in rows], marker=".", label=label, alpha=0.7)
    ax.set_xlabel("annotated gold documents")
    ax.set_ylabel("strict span F1 (held out)")
    ax.set_ylim(0, 1)
    ax.set_xticks(xs)
    ax.legend(fontsize=7)
    fig.tight_layout()
    tmp = path.with_suffix(".tmp.png")
    fig.savefig(tmp, dpi=110)
    plt.close(fig)
    tmp.replace(path)
