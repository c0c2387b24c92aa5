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


class Interrupted(KeyboardInterrupt):
    """A stop signal (SIGTERM, SIGHUP, SIGINT) turned into an exception, so that every
    ``finally`` and every output transaction unwinds as it does on Ctrl-C.

    >>> Interrupted(15).exit_code
    143
    """

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum
