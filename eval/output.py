"""Writing a scorecard folder: ``scorecard.json``, ``scorecard.md``, ``scorecard.html`` and
the plots beside them (``f1_by_label.png``, ``errors.png``).

The files are written as one transaction (:class:`econer.outputs.Outputs`): prepared in
temporary files and renamed into place together, the JSON last, so a folder whose
``scorecard.json`` is there is complete; ``read_scorecard`` checks the schema.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from econer.eval.plots import error_plot, f1_plot
from econer.eval.report_html import render_html
from econer.eval.report_md import render_markdown
from econer.eval.scorecard import check_schema

from econer.errors import EconerError
from econer.jsonl import read_text
from econer.outputs import Outputs

FILES = ("scorecard.json", "scorecard.md", "scorecard.html", "f1_by_label.png", "errors.png")


def write_scorecard(card: dict[str, Any], out_dir: str | Path) -> list[Path]:
    """Write the scorecard folder; returns the paths written."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise EconerError("exists and is not a folder", path=out)
    # Serialise first: a figure that is NaN is a bug, and it must fail before anything is
    # written.
    text = json.dumps(card, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
    plots = {"f1_by_label.png": f1_plot(card), "errors.png": error_plot(card)}
    captions = {"Strict F1 per label": "f1_by_label.png", "Errors by kind": "errors.png"}
    # One transaction: the five files land together, or none does (an old scorecard stays
    # whole); the JSON is renamed last.
    with Outputs() as files:
        for name, png in plots.items():
            with files.open(out / name, "wb") as handle:
                handle.write(png)
        files.write_text(out / "scorecard.md", render_markdown(card, images=captions))
        files.write_text(out / "scorecard.html",
                         render_html(card, {c: plots[f] for c, f in captions.items()}))
        files.write_text(out / "scorecard.json", text)
    return [out / name for name in FILES]


def read_scorecard(path: str | Path) -> dict[str, Any]:
    """A scorecard from its folder or its ``scorecard.json``, schema checked."""
    path = Path(path)
    if path.is_dir():
        path = path / "scorecard.json"
    try:
        card = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise EconerError(f"malformed JSON: {exc.msg}", path=path, line=exc.lineno) from None
    return check_schema(card, str(path))
