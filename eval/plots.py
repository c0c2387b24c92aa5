"""Scorecard plots as PNG bytes (matplotlib, Agg backend: no display needed).

* :func:`f1_plot`: strict F1 per label (and micro, macro) for each system, as grouped bars
  with their 95% bootstrap intervals as error bars;
* :func:`error_plot`: each system's errors by kind, stacked.

>>> card = {"labels": ["RATE"], "systems": {"rules": {"strict": {
...     "per_label": {"RATE": {"f1": 0.5, "ci": {"f1": [0.2, 0.8]}}},
...     "micro": {"f1": 0.5, "ci": {"f1": [0.2, 0.8]}}, "macro": {"f1": None, "ci": {"f1": None}}},
...     "errors": {"counts": {"missed": 1, "spurious": 0, "boundary": 0, "label": 0, "both": 0}}}}}
>>> f1_plot(card)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
"""

from __future__ import annotations

import io
from typing import Any

ERROR_KINDS = ("missed", "spurious", "boundary", "label", "both")


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _png(fig: Any) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    _pyplot().close(fig)
    return buffer.getvalue()


def f1_plot(card: dict[str, Any]) -> bytes:
    """Grouped bars: F1 per label, micro and macro, one colour per system, with 95% CIs."""
    plt = _pyplot()
    groups = [*card["labels"], "micro", "macro"]
    names = list(card["systems"])
    width = 0.8 / max(len(names), 1)
    fig, ax = plt.subplots(figsize=(1.4 + 1.3 * len(groups), 3.6))
    for k, name in enumerate(names):
        strict = card["systems"][name]["strict"]
        rows = [strict["per_label"][g] for g in card["labels"]] + [strict["micro"],
                                                                    strict["macro"]]
        xs, heights, lows, highs = [], [], [], []
        for i, row in enumerate(rows):
            if row["f1"] is None:
                continue
            ci = row["ci"]["f1"] or [row["f1"], row["f1"]]
            xs.append(i - 0.4 + width * (k + 0.5))
            heights.append(row["f1"])
            lows.append(max(row["f1"] - ci[0], 0.0))
            highs.append(max(ci[1] - row["f1"], 0.0))
        ax.bar(xs, heights, width=width * 0.95, label=name, yerr=[lows, highs],
               capsize=3)
        for x, h in zip(xs, heights, strict=True):
            # The figure at the foot of its bar, clear of the error bar at the top.
            ax.text(x, 0.015, f"{h:.2f}", ha="center", va="bottom", fontsize=7,
                    color="white" if h > 0.08 else "black")
    ax.set_xticks(range(len(groups)), groups)
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("strict F1")
    ax.set_title("Strict F1 per label, with 95% bootstrap intervals")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small")
    return _png(fig)


def error_plot(card: dict[str, Any]) -> bytes:
    """Stacked horizontal bars: each system's errors by kind."""
    plt = _pyplot()
    names = list(card["systems"])
    fig, ax = plt.subplots(figsize=(7, 0.9 + 0.55 * len(names)))
    left = [0] * len(names)
    for kind in ERROR_KINDS:
        values = [card["systems"][n]["errors"]["counts"][kind] for n in names]
        ax.barh(names, values, left=left, label=kind)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("spans")
    ax.set_title("Errors by kind")
    ax.legend(ncol=len(ERROR_KINDS), fontsize="small", loc="upper center",
              bbox_to_anchor=(0.5, -0.25 if len(names) < 3 else -0.12))
    return _png(fig)
