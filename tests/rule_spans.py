"""What the rules find in one text, as the rules tests compare it (imported by them)."""

from __future__ import annotations

from econer.spans import Document


def spans(labeller, text: str, label: str = "COMPANY") -> list[tuple[str, str]]:
    """(surface, rule name) of each ``label`` span the labeller finds in ``text``."""
    return [(s.text, s.source.removeprefix("rules:"))
            for s in labeller(Document.from_text(text)).spans if s.label == label]


def names(labeller, text: str, label: str = "COMPANY") -> list[str]:
    """The surfaces alone."""
    return [name for name, _ in spans(labeller, text, label)]
