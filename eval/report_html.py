"""``scorecard.html``: one self-contained page, plots first, tables after.

The PNGs from :mod:`econer.eval.plots` are embedded as base64 data URIs, so the page can be
mailed or attached to a review as a single file.

>>> page = render_html({"schema": "econer.scorecard/1", "labels": [], "systems": {},
...     "comparisons": [], "gold": {"path": None, "documents": 0, "chars": 0, "spans": {},
...     "fingerprint": "0"}, "bootstrap": {"samples": 0, "seed": 0, "confidence": 0.95}}, {})
>>> page.startswith("<!doctype html>")
True
"""

from __future__ import annotations

import base64
from html import escape
from typing import Any

from econer.eval.report_md import DASH, fmt, fmt_ci, fmt_speed, intervals_note

STYLE = """
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.6em 0 1.2em}
th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}
th:first-child,td:first-child{text-align:left}
th{background:#f3f3f3} .sig{font-weight:bold;color:#b00}
mark{background:#ffe08a} .ctx{font-family:monospace} details{margin:.4em 0}
"""


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<p><img alt="{escape(alt)}" src="data:image/png;base64,{data}"></p>'


def _example(ex: dict[str, Any]) -> str:
    g, p = ex["gold"], ex["pred"]
    gold = f"{g['label']} “{escape(g['text'])}”" if g else DASH
    pred = f"{p['label']} “{escape(p['text'])}”" if p else DASH
    ctx = f"…{escape(ex['left'])}<mark>{escape(ex['text'])}</mark>{escape(ex['right'])}…"
    return (f"<tr><td><code>{escape(ex['doc'])}</code></td><td class=ctx>{ctx}</td>"
            f"<td>{gold}</td><td>{pred}</td></tr>")


def _system(name: str, s: dict[str, Any], labels: list[str], max_examples: int) -> str:
    parts = [f"<h3>{escape(name)}</h3>"]
    rows = []
    for label in [*labels, "micro"]:
        m = s["strict"]["micro"] if label == "micro" else s["strict"]["per_label"][label]
        rows.append([escape(label), fmt(m["precision"]), fmt(m["recall"]), fmt(m["f1"]),
                     fmt_ci(m["ci"]["f1"]), str(m["tp"]), str(m["fp"]), str(m["fn"])])
    parts.append(_table(["label", "P", "R", "F1", "95% CI", "TP", "FP", "FN"], rows))
    rows = [[scheme, *(str(m[c]) for c in ("cor", "inc", "par", "mis", "spu")),
             fmt(m["precision"]), fmt(m["recall"]), fmt(m["f1"])]
            for scheme, m in s["muc"]["overall"].items()]
    parts.append("<p>Partial matching (MUC-5 / SemEval-2013)</p>")
    parts.append(_table(["scheme", "COR", "INC", "PAR", "MIS", "SPU", "P", "R", "F1"], rows))
    vals = [(lab, v) for lab, v in s["values"].items() if v["strict_matches"]]
    if vals:
        parts.append("<p>Normalised values (strict matches with a value on both sides)</p>")
        parts.append(_table(["label", "strict matches", "compared", "correct", "accuracy"],
                            [[lab, str(v["strict_matches"]), str(v["compared"]),
                              str(v["correct"]), fmt(v["accuracy"])] for lab, v in vals]))
    confusion = s["errors"]["confusion"]
    keys = list(confusion)
    parts.append("<p>Confusion (rows gold, columns predicted, O = no span)</p>")
    parts.append(_table(["gold \\ pred", *keys],
                        [[g, *(str(confusion[g][p]) for p in keys)] for g in keys]))
    for kind, examples in s["errors"]["examples"].items():
        if not examples:
            continue
        rows_html = "".join(_example(ex) for ex in examples[:max_examples])
        more = len(examples) - max_examples
        tail = f"<p>… and {more} more in scorecard.json</p>" if more > 0 else ""
        parts.append(
            f"<details><summary>{escape(kind)} ({len(examples)})</summary><table>"
            "<tr><th>doc</th><th>context</th><th>gold</th><th>predicted</th></tr>"
            f"{rows_html}</table>{tail}</details>")
    return "\n".join(parts)


def render_html(card: dict[str, Any], images: dict[str, bytes], max_examples: int = 30) -> str:
    """The page; ``images`` maps a caption to PNG bytes, shown in that order."""
    gold, boot = card["gold"], card["bootstrap"]
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8"><title>econer scorecard</title>',
        f"<style>{STYLE}</style></head><body>",
        "<h1>Scorecard</h1>",
        f"<p>Gold <code>{escape(str(gold['path'] or '(in memory)'))}</code>: "
        f"{gold['documents']} documents, {gold['chars']:,} characters, spans "
        + ", ".join(f"{escape(k)} {v}" for k, v in gold["spans"].items())
        + f". {escape(intervals_note(boot, gold))}</p>",
    ]
    out += [_img(png, caption) for caption, png in images.items()]
    rows = []
    for name, s in card["systems"].items():
        mi, ma = s["strict"]["micro"], s["strict"]["macro"]
        rows.append([f"<b>{escape(name)}</b>", fmt(mi["precision"]), fmt(mi["recall"]),
                     f"{fmt(mi['f1'])} {fmt_ci(mi['ci']['f1'])}",
                     f"{fmt(ma['f1'])} {fmt_ci(ma['ci']['f1'])}", fmt_speed(s["throughput"])])
    out += ["<h2>Headline</h2>",
            _table(["system", "P", "R", "micro F1 [95% CI]", "macro F1 [95% CI]", "speed"], rows)]
    if card["comparisons"]:
        rows = []
        for c in card["comparisons"]:
            for metric, key in (("micro F1", "micro_f1"), ("macro F1", "macro_f1")):
                t = c[key]
                sig = '<span class="sig">yes</span>' if t["significant"] else "no"
                delta = DASH if t["delta"] is None else f"{t['delta']:+.3f}"
                rows.append([escape(f"{c['a']} − {c['b']}"), metric, delta, fmt_ci(t["ci"]),
                             fmt(t["p_value"]), sig])
        out += ["<h2>Paired bootstrap tests</h2>",
                _table(["pair", "metric", "Δ", "95% CI of Δ", "p", "significant"], rows)]
    if "crossval" in card:
        cv = card["crossval"]
        out.append("<h2>Cross-validation</h2>")
        for name, s in cv["systems"].items():
            keys = [*cv["labels"], "micro"]
            rows = [[f, *(fmt(s["per_fold"][f][k]) for k in keys)] for f in cv["fold_names"]]
            rows.append(["<b>mean ± std</b>", *(
                DASH if s["mean"][k] is None else f"{s['mean'][k]:.3f} ± {s['std'][k]:.3f}"
                for k in keys)])
            out += [f"<h3>{escape(name)}</h3>", _table(["fold", *keys], rows)]
    out.append("<h2>Systems</h2>")
    out += [_system(name, s, card["labels"], max_examples) for name, s in card["systems"].items()]
    out.append("</body></html>")
    return "\n".join(out) + "\n"
