"""One error type for every user-facing failure.

The CLI alone turns it into a one-line message and exit code 2; library code raises it
with the file and line (or position) it is about, so the message always says where.
"""

from __future__ import annotations

from pathlib import Path


class EconerError(Exception):
    """A user-facing failure: bad input, unreachable server, missing model.

    >>> str(EconerError("malformed JSON", path="gold.jsonl", line=3))
    'gold.jsonl:3: malformed JSON'
    >>> str(EconerError("no documents found"))
    'no documents found'
    """

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {self.message}" if where else self.message
