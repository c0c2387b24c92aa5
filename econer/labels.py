"""The label set of the standard (``spec/entities.md``) and how annotators see it."""

from __future__ import annotations

LABELS: tuple[str, ...] = ("COMPANY", "PARK", "AMOUNT", "RATE")

# Label Studio colours and hot keys: one place, so the labelling config and the docs agree.
LABEL_COLOURS: dict[str, str] = {
    "COMPANY": "#1f77b4",
    "PARK": "#2ca02c",
    "AMOUNT": "#ff7f0e",
    "RATE": "#d62728",
}
LABEL_HOTKEYS: dict[str, str] = {"COMPANY": "c", "PARK": "p", "AMOUNT": "a", "RATE": "r"}
