"""Differences between scorecards: per label, flagging changes beyond the interval.

The first scorecard is the baseline. Systems are matched by name; two scorecards that hold
one system each are compared whatever their names (the same system before and after a
change). A change is flagged when the new F1 falls outside the baseline's 95% bootstrap
interval: a difference the baseline's own sampling noise does not explain. Scorecards made
on different gold (another fingerprint) are still compared, with a warning.

>>> def card(f1, ci):
...     row = {"f1": f1, "ci": {"f1": ci}}
...     return {"labels": ["RATE"], "gold": {"fingerprint": "g"}, "systems": {"rules": {
...         "strict": {"per_label": {"RATE": row}, "micro": row, "macro": row}}}}
>>> d = compare_cards([card(0.8, [0.7, 0.9]), card(0.6, [0.5, 0.7])], ["old", "new"])
>>> row = d["pairs"][0]["rows"][0]
>>> row["key"], round(row["delta"], 3), row["flag"]
('RATE', -0.2, 'worse')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def _flag(base: dict[str, Any], new: dict[str, Any]) -> str | None:
    ci = base["ci"]["f1"]
    if base["f1"] is None or new["f1"] is None or not ci:
        return None
    if new["f1"] > ci[1] + 1e-12:
        return "better"
    if new["f1"] < ci[0] - 1e-12:
        return "worse"
    return None


def _rows(base: dict[str, Any], new: dict[str, Any], labels: Sequence[str]) -> list[dict]:
    rows = []
    for key in [*labels, "micro", "macro"]:
        b = base["strict"][key] if key in ("micro", "macro") else base["strict"]["per_label"][key]
        n = new["strict"][key] if key in ("micro", "macro") else new["strict"]["per_label"][key]
        delta = None if b["f1"] is None or n["f1"] is None else n["f1"] - b["f1"]
        rows.append({"key": key, "base": b["f1"], "new": n["f1"], "delta": delta,
                     "base_ci": b["ci"]["f1"], "new_ci": n["ci"]["f1"], "flag": _flag(b, n)})
    return rows


def matched_systems(base: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str]]:
    """``(baseline system, new system)`` pairs: same names, or the only one of each."""
    common = [n for n in base["systems"] if n in new["systems"]]
    if common:
        return [(n, n) for n in common]
    if len(base["systems"]) == 1 and len(new["systems"]) == 1:
        return [(next(iter(base["systems"])), next(iter(new["systems"])))]
    return []


def compare_cards(cards: Sequence[dict[str, Any]], names: Sequence[str]) -> dict[str, Any]:
    """Every later scorecard against the first: per system, per label F1 deltas and flags."""
    base, base_name = cards[0], names[0]
    labels = [lab for lab in base["labels"]]
    pairs, warnings = [], []
    for card, name in zip(cards[1:], names[1:], strict=True):
        if card["gold"]["fingerprint"] != base["gold"]["fingerprint"]:
            warnings.append(f"{name} was scored on other gold than {base_name}: "
                            "differences mix the systems and the test sets")
        shared = [lab for lab in labels if lab in card["labels"]]
        matched = matched_systems(base, card)
        if not matched:
            warnings.append(f"{name} shares no system with {base_name}")
        for a, b in matched:
            pairs.append({
                "base": base_name, "new": name, "base_system": a, "new_system": b,
                "rows": _rows(base["systems"][a], card["systems"][b], shared),
            })
    flagged = sum(1 for p in pairs for r in p["rows"] if r["flag"])
    worse = sum(1 for p in pairs for r in p["rows"] if r["flag"] == "worse")
    return {"pairs": pairs, "warnings": warnings, "flagged": flagged, "worse": worse}


def render_markdown(diff: dict[str, Any]) -> str:
    """The comparison as Markdown tables, one per matched system."""

    def f(x: float | None, sign: bool = False) -> str:
        return "–" if x is None else (f"{x:+.3f}" if sign else f"{x:.3f}")

    out = ["# Scorecard comparison", ""]
    out += [f"> warning: {w}" for w in diff["warnings"]]
    if diff["warnings"]:
        out.append("")
    for p in diff["pairs"]:
        system = p["base_system"] if p["base_system"] == p["new_system"] else (
            f"{p['base_system']} → {p['new_system']}")
        out += [f"## {system}: {p['base']} → {p['new']}", "",
                "| F1 | base | new | Δ | base 95% CI | change |",
                "| --- | --- | --- | --- | --- | --- |"]
        for r in p["rows"]:
            ci = "–" if not r["base_ci"] else f"[{r['base_ci'][0]:.3f}, {r['base_ci'][1]:.3f}]"
            flag = {"better": "**▲ beyond CI**", "worse": "**▼ beyond CI**"}.get(r["flag"], "")
            out.append(f"| {r['key']} | {f(r['base'])} | {f(r['new'])} | "
                       f"{f(r['delta'], True)} | {ci} | {flag} |")
        out.append("")
    out.append(f"{diff['flagged']} change(s) beyond the baseline's interval "
               f"({diff['worse']} worse).")
    return "\n".join(out) + "\n"
