"""Extension points: labelling functions and systems, each behind one small protocol.

A **labelling function** (the skweak idea) is a named annotator with one method: it reads a
document and writes scored spans for the labels it *covers*; on every other label it
abstains, and an abstention is never an O. A **system** is what a scorecard compares (the
rules, a trained run, the hybrid, a peer): it turns documents into documents with spans.

Each kind has one :class:`Registry`. Built-ins register where they are defined; the CLI
imports those modules (it wires everything), so the core stays free of ``annotate``,
``models`` and ``eval``.

>>> reg: Registry[int] = Registry("number")
>>> @reg.register("one")
... def one() -> int:
...     return 1
>>> reg.get("one")()
1
>>> reg.names()
['one']
>>> reg.get("two")
Traceback (most recent call last):
...
econer.errors.EconerError: unknown number 'two' (known: one)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Generic, Protocol, TypeVar, runtime_checkable

from econer.errors import EconerError
from econer.spans import Document, Span

T = TypeVar("T")


@runtime_checkable
class LabellingFunction(Protocol):
    """A named source of scored spans for the labels it covers (it abstains on the rest)."""

    name: str
    version: str
    labels: tuple[str, ...]

    def __call__(self, doc: Document) -> list[Span]: ...


@runtime_checkable
class System(Protocol):
    """Something a scorecard can score: documents in, the same documents with spans out."""

    name: str
    version: str

    def predict(self, docs: Iterable[Document]) -> Iterator[Document]: ...


class Registry(Generic[T]):
    """Names → factories for one kind of extension; an unknown name is a one-line error."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, Callable[..., T]] = {}

    def register(self, name: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
        def add(factory: Callable[..., T]) -> Callable[..., T]:
            if name in self._items and self._items[name] is not factory:
                raise EconerError(f"{self.kind} {name!r} is registered twice")
            self._items[name] = factory
            return factory

        return add

    def get(self, name: str) -> Callable[..., T]:
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(self.names()) or "none"
            raise EconerError(f"unknown {self.kind} {name!r} (known: {known})") from None

    def names(self) -> list[str]:
        return sorted(self._items)

    def __contains__(self, name: object) -> bool:
        return name in self._items


labelling_functions: Registry[LabellingFunction] = Registry("labelling function")
systems: Registry[System] = Registry("system")
