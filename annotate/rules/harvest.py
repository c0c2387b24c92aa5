"""Learning from gold: the COMPANY and PARK names annotators confirmed, into a lexicon.

``harvest`` adds each confirmed name not yet known (and not on a stop list) to a JSON-lines
lexicon file of the rules folder, ``lexicon/harvested.jsonl`` by default. It is idempotent:
harvesting the same gold twice adds nothing the second time and leaves the file unchanged.

>>> from econer.spans import Document, Span
>>> doc = Document.from_text("与紫光展锐合作", id="g")
>>> doc = doc.with_spans([Span(1, 5, "COMPANY", "紫光展锐")])
>>> sorted(new_names([doc], known={"COMPANY": frozenset()}, stop={}))
[('COMPANY', '紫光展锐')]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from econer.annotate.rules.patterns import load_patterns

from econer.jsonl import read_text, write_text
from econer.spans import Document

HARVEST_LABELS = ("COMPANY", "PARK")
DEFAULT_FILE = Path("lexicon") / "harvested.jsonl"


def new_names(gold: Iterable[Document], known: Mapping[str, frozenset[str]],
              stop: Mapping[str, frozenset[str]], min_chars: int = 2) -> list[tuple[str, str]]:
    """(label, name) pairs confirmed in ``gold`` that the lexicon does not hold yet, in
    order of first appearance."""
    seen: dict[tuple[str, str], None] = {}
    for doc in gold:
        for span in doc.spans:
            name = span.text.strip()
            if span.label not in HARVEST_LABELS or len(name) < min_chars or "\n" in name:
                continue
            if name in known.get(span.label, ()) or name in stop.get(span.label, ()):
                continue
            seen[(span.label, name)] = None
    return list(seen)


def harvest(gold: Iterable[Document], rules_dir: str | Path | None = None,
            target: str | Path | None = None) -> tuple[Path, list[tuple[str, str]]]:
    """Add the new confirmed names of ``gold`` to the lexicon; returns the file and them."""
    patterns = load_patterns(rules_dir)
    path = Path(target) if target else patterns.folder / DEFAULT_FILE
    added = new_names(gold, patterns.lexicon.names, patterns.lexicon.stop)
    if added:
        old = read_text(path) if path.exists() else ""
        if old and not old.endswith("\n"):
            old += "\n"
        lines = [json.dumps({"label": label, "pattern": name, "source": "harvest"},
                            ensure_ascii=False) for label, name in added]
        write_text(path, old + "\n".join(lines) + "\n")
    return path, added
