"""COMPANY and PARK names (filled in below the AMOUNT/RATE core)."""

from __future__ import annotations

from collections.abc import Iterator

from econer.annotate.patterns import Patterns

NameHit = tuple[int, int, str, str, float, int]


class NameFinder:
    def __init__(self, patterns: Patterns):
        self.patterns = patterns

    def find(self, text: str) -> Iterator[NameHit]:
        return iter(())
