"""econer: annotation and evaluation toolkit for Chinese economic named-entity recognition.

The core vocabulary every part speaks: :class:`Document` and :class:`Span`.
"""

from econer.errors import EconerError
from econer.labels import LABELS
from econer.spans import Document, Span, Value

__all__ = ["LABELS", "Document", "EconerError", "Span", "Value"]
__version__ = "0.1.0"
