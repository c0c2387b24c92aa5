"""econer: annotation and evaluation toolkit for Chinese economic named-entity recognition.

The core vocabulary every part speaks: :class:`Document` and :class:`Span`.
"""

from __future__ import annotations

from typing import Any

from econer.errors import EconerError

__all__ = ["LABELS", "Document", "EconerError", "Span", "Value"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # Lazy: the label set is read from configs/labels.yaml (or $ECONER_LABELS) on first use,
    # so that a bad labels file is the CLI's one-line error, not an import-time traceback.
    if name == "LABELS":
        from econer.labels import LABELS

        return LABELS
    if name in ("Document", "Span", "Value"):
        from econer import spans

        return getattr(spans, name)
    raise AttributeError(f"module 'econer' has no attribute {name!r}")
