"""``scorecard.md``: the scorecard as Markdown a maintainer pastes into a review.

Undefined figures print as ``–``; an interval prints as ``[lo, hi]``. Error examples are
capped per kind (the JSON keeps them all).

>>> fmt(0.8532), fmt(None), fmt_ci([0.5, 0.91])
('0.853', '–', '[0.500, 0.910]')
>>> mark("甲公司在乙园区", 4, 7)
'甲公司在【乙园区】'
"""

from __future__ import annotations

from typing import Any

DASH = "–"


def fmt(x: float | None, digits: int = 3) -> str:
    return DASH if x is None else f"{x:.{digits}f}"


def fmt_ci(ci: list[float] | None) -> str:
    return DASH if not ci else f"[{ci[0]:.3f}, {ci[1]:.3f}]"


def fmt_speed(tp: dict[str, Any] | None) -> str:
    if not tp or tp.get("chars_per_second") is None:
        return DASH
    return f"{tp['chars_per_second']:,.0f} chars/s"


def mark(text: str, start: int, end: int) -> str:
    """``text`` with ``【】`` around ``text[start:end]``."""
    return f"{text[:start]}【{text[start:end]}】{text[end:]}"


def _one_line(text: str) -> str:
    return text.replace("\n", "⏎").replace("|", "\\|")


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table's lines.

    >>> table(["a", "b"], [["1", "2"]])
    ['| a | b |', '| --- | --- |', '| 1 | 2 |']
    """
    return [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join("---" for _ in header) + " |",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def example_line(ex: dict[str, Any]) -> str:
    """One error as ``doc: …left【text】right… gold LABEL 'x' → pred LABEL 'y'``."""
    gold, pred = ex["gold"], ex["pred"]
    g = f"gold {gold['label']} “{gold['text']}”" if gold else "gold –"
    p = f"pred {pred['label']} “{pred['text']}”" if pred else "pred –"
    snippet = _one_line(f"…{ex['left']}【{ex['text']}】{ex['right']}…")
    return f"- `{ex['doc']}` {snippet} — {_one_line(g)} → {_one_line(p)}"


def _headline(card: dict[str, Any]) -> list[str]:
    rows = []
    for name, s in card["systems"].items():
        micro, macro = s["strict"]["micro"], s["strict"]["macro"]
        rows.append([
            f"**{name}**", fmt(micro["precision"]), fmt(micro["recall"]),
            f"{fmt(micro['f1'])} {fmt_ci(micro['ci']['f1'])}",
            f"{fmt(macro['f1'])} {fmt_ci(macro['ci']['f1'])}",
            fmt_speed(s["throughput"]),
        ])
    return table(["system", "P", "R", "micro F1 [95% CI]", "macro F1 [95% CI]", "speed"], rows)


def _per_label_f1(card: dict[str, Any]) -> list[str]:
    names = list(card["systems"])
    rows = []
    for label in card["labels"]:
        row = [label, str(card["gold"]["spans"][label])]
        for name in names:
            m = card["systems"][name]["strict"]["per_label"][label]
            row.append(f"{fmt(m['f1'])} {fmt_ci(m['ci']['f1'])}")
        rows.append(row)
    return table(["label", "gold", *[f"{n} F1 [95% CI]" for n in names]], rows)


def _system_detail(name: str, s: dict[str, Any], labels: list[str], max_examples: int
                   ) -> list[str]:
    out = [f"### {name}", ""]
    if s.get("predictions"):
        out += [f"Predictions: `{s['predictions']}`"
                + (f" ({s['extra_documents_ignored']} documents beyond the gold ignored)"
                   if s["extra_documents_ignored"] else ""), ""]
    rows = []
    for label in labels:
        m = s["strict"]["per_label"][label]
        rows.append([label, fmt(m["precision"]), fmt(m["recall"]), fmt(m["f1"]),
                     fmt_ci(m["ci"]["f1"]), str(m["tp"]), str(m["fp"]), str(m["fn"])])
    mi = s["strict"]["micro"]
    rows.append(["*micro*", fmt(mi["precision"]), fmt(mi["recall"]), fmt(mi["f1"]),
                 fmt_ci(mi["ci"]["f1"]), str(mi["tp"]), str(mi["fp"]), str(mi["fn"])])
    out += table(["label", "P", "R", "F1", "95% CI", "TP", "FP", "FN"], rows) + [""]

    out += ["Partial matching (MUC-5 / SemEval-2013):", ""]
    rows = [[scheme, *(str(m[c]) for c in ("cor", "inc", "par", "mis", "spu")),
             fmt(m["precision"]), fmt(m["recall"]), fmt(m["f1"])]
            for scheme, m in s["muc"]["overall"].items()]
    out += table(["scheme", "COR", "INC", "PAR", "MIS", "SPU", "P", "R", "F1"], rows) + [""]

    vals = [(lab, v) for lab, v in s["values"].items() if v["strict_matches"]]
    if vals:
        out += ["Normalised values (strict matches with a value on both sides):", ""]
        out += table(["label", "strict matches", "compared", "correct", "accuracy"],
                     [[lab, str(v["strict_matches"]), str(v["compared"]), str(v["correct"]),
                       fmt(v["accuracy"])] for lab, v in vals]) + [""]

    errors = s["errors"]
    c = errors["counts"]
    out += [f"Errors: {c['missed']} missed, {c['spurious']} spurious, {c['boundary']} boundary, "
            f"{c['label']} label, {c['both']} boundary+label ({c['correct']} correct).", ""]
    keys = list(errors["confusion"])
    out += ["Confusion (rows gold, columns predicted, O = no span):", ""]
    out += table(["gold \\ pred", *keys],
                 [[g, *(str(errors["confusion"][g][p]) for p in keys)] for g in keys]) + [""]
    for kind, title in (("missed", "Missed"), ("spurious", "Spurious"),
                        ("boundary", "Boundary errors"), ("label", "Label errors"),
                        ("both", "Boundary and label errors")):
        examples = errors["examples"][kind]
        if not examples:
            continue
        more = len(examples) - max_examples
        out += [f"<details><summary>{title} ({len(examples)})</summary>", ""]
        out += [example_line(ex) for ex in examples[:max_examples]]
        if more > 0:
            out.append(f"- … and {more} more in scorecard.json")
        out += ["", "</details>", ""]
    return out


def _comparisons(card: dict[str, Any]) -> list[str]:
    rows = []
    for c in card["comparisons"]:
        for metric, key in (("micro F1", "micro_f1"), ("macro F1", "macro_f1")):
            t = c[key]
            rows.append([f"{c['a']} − {c['b']}", metric,
                         DASH if t["delta"] is None else f"{t['delta']:+.3f}",
                         fmt_ci(t["ci"]), fmt(t["p_value"]),
                         "**yes**" if t["significant"] else "no"])
    return table(["pair", "metric", "Δ", "95% CI of Δ", "p", "significant"], rows)


def intervals_note(boot: dict[str, Any], gold: dict[str, Any]) -> str:
    """The sentence saying how intervals were made, or that there are none (too few documents).

    >>> boot = {"confidence": 0.95, "samples": 1000, "seed": 0, "intervals": False,
    ...         "min_documents": 4}
    >>> intervals_note(boot, {"documents": 1})
    'No intervals or tests: 1 document, and a bootstrap over documents needs at least 4.'
    """
    if not boot.get("intervals", True):
        n = gold["documents"]
        return (f"No intervals or tests: {n} document{'s' if n != 1 else ''}, and a bootstrap "
                f"over documents needs at least {boot['min_documents']}.")
    return (f"Intervals: {boot['confidence']:.0%} bootstrap over documents, "
            f"{boot['samples']} samples, seed {boot['seed']}.")


def render_markdown(card: dict[str, Any], max_examples: int = 15,
                    images: dict[str, str] | None = None) -> str:
    """The whole scorecard as Markdown; ``images`` maps a caption to an image path."""
    gold, boot = card["gold"], card["bootstrap"]
    spans = ", ".join(f"{lab} {n}" for lab, n in gold["spans"].items())
    out = [
        "# Scorecard",
        "",
        f"Gold: `{gold['path'] or '(in memory)'}`: {gold['documents']} documents, "
        f"{gold['chars']:,} characters; spans {spans} (fingerprint `{gold['fingerprint']}`).",
        f"Strict span matching (seqeval, IOB2, strict). {intervals_note(boot, gold)}",
        "",
        "## Headline",
        "",
        *_headline(card),
        "",
        "## Strict F1 per label",
        "",
        *_per_label_f1(card),
        "",
    ]
    for caption, path in (images or {}).items():
        out += [f"![{caption}]({path})", ""]
    if card["comparisons"]:
        out += ["## Paired bootstrap tests", "", *_comparisons(card), ""]
    if "crossval" in card:
        out += ["## Cross-validation", "", *crossval_lines(card["crossval"]), ""]
    out += ["## Systems", ""]
    for name, s in card["systems"].items():
        out += _system_detail(name, s, card["labels"], max_examples)
    return "\n".join(out).rstrip() + "\n"


def crossval_lines(cv: dict[str, Any]) -> list[str]:
    """Per-fold and mean ± std strict F1 per label and micro, for each system."""
    out = [f"Folds `{cv['folds']}`: {len(cv['fold_names'])} folds, each system scored on each "
           "fold's test documents; mean ± standard deviation over folds.", ""]
    for name, s in cv["systems"].items():
        keys = [*cv["labels"], "micro"]
        header = ["fold", *keys]
        rows = [[fold, *(fmt(s["per_fold"][fold][k]) for k in keys)] for fold in cv["fold_names"]]
        rows.append(["**mean ± std**", *(
            DASH if s["mean"][k] is None else f"{s['mean'][k]:.3f} ± {s['std'][k]:.3f}"
            for k in keys)])
        out += [f"**{name}**", "", *table(header, rows), ""]
    return out
