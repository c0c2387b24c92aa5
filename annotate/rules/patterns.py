"""Pattern files: loading, validating and compiling the rules' data in ``configs/rules/``.

A rules folder holds YAML files of ``lists`` (word lists), ``macros`` (regex fragments) and
``rules`` (named regex patterns with a label), JSON-lines lexicons of names
(``{"label": "COMPANY", "pattern": "华为"}``, Prodigy's pattern-file shape) and stop lists,
and ``precision.json`` (each rule's measured precision, written by ``econer rules
calibrate``). Everything a maintainer extends is there; this module only compiles it.

>>> rules = load_patterns()
>>> rules.version.startswith("rules-")
True
>>> rules.rule("rate.percent").label
'RATE'
>>> expand("{{A}}+", {"A": "x|y"})
'(?:x|y)+'
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from econer.annotate.rules import cache

from econer import config
from econer.errors import EconerError
from econer.jsonl import read_text
from econer.labels import LABELS
from econer.resources import config_path

# the rules a lexicon entry may name (``"rule": "attested"``, written by econer rules attest)
LEXICON_RULES = ("attested",)

DATA_SUFFIXES = (".yaml", ".yml", ".jsonl", ".json", ".tsv")  # .tsv: the gazetteer
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
VALUE_KINDS = (None, "amount", "rate")


def default_rules_dir() -> Path:
    return config_path("rules")


@dataclass(frozen=True)
class Context:
    """A rule fires only when one of ``words`` occurs in the ``before`` characters before
    the match or the ``after`` characters after it, with no ``stop`` character between."""

    words: re.Pattern[str]
    before: int
    after: int
    stop: frozenset[str]

    def holds(self, text: str, start: int, end: int) -> bool:
        left = text[max(0, start - self.before) : start]
        for i in range(len(left) - 1, -1, -1):
            if left[i] in self.stop:
                left = left[i + 1 :]
                break
        if self.words.search(left):
            return True
        right = text[end : end + self.after]
        for i, char in enumerate(right):
            if char in self.stop:
                right = right[:i]
                break
        return bool(right and self.words.search(right))


@dataclass(frozen=True)
class Rule:
    name: str
    label: str
    regex: re.Pattern[str]
    value: str | None = None  # "amount", "rate" or None
    score: float = 0.5
    priority: int = 0  # breaks ties between equally long candidates
    context: Context | None = None
    # Speed: a rule with an anchor (a word every match contains, e.g. its unit) runs only
    # in windows of ``reach`` = (before, after) characters around the anchor's matches.
    anchor: re.Pattern[str] | None = None
    reach: tuple[int, int] = (40, 12)
    default: float = 0.5  # the score the rule file gives (the prior of calibration)
    # Speed: a literal every match holds (个亿, 百分点); a window without it is skipped
    required: str = ""


@dataclass(frozen=True)
class Lexicon:
    """Known names (label → names) and stop names (never an entity of that label)."""

    names: dict[str, frozenset[str]] = field(default_factory=dict)
    stop: dict[str, frozenset[str]] = field(default_factory=dict)
    # names proposed by a rule of their own (``"rule": "attested"``: company.attested), not
    # by company.lexicon: name → rule
    rules: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Patterns:
    folder: Path
    version: str
    rules: tuple[Rule, ...]
    lists: dict[str, Any]
    lexicon: Lexicon
    precision: dict[str, float]
    settings: dict[str, Any]
    macros: dict[str, str] = field(default_factory=dict)  # lists and macros as regex
    enumerations: tuple[dict[str, Any], ...] = ()

    def rule(self, name: str) -> Rule:
        for rule in self.rules:
            if rule.name == name:
                return rule
        raise KeyError(name)

    def words(self, name: str) -> list[str]:
        """A word list by name (the keys, for a mapping list such as CURRENCY)."""
        value = self.lists.get(name, [])
        return list(value) if isinstance(value, Mapping) else list(value)


def alternation(words: list[str] | Mapping[str, Any]) -> str:
    """A regex alternation of ``words``, longest first so that 美元 wins over 元.

    >>> alternation(["元", "美元"])
    '美元|元'
    """
    # speed (some 80 lists at every start): two stable C-level sorts, the order of one by
    # (-length, word), and one escape of the words joined by a character escape leaves alone
    ordered = sorted({w if type(w) is str else str(w) for w in words})
    ordered.sort(key=len, reverse=True)  # (reverse keeps equal lengths in their order)
    if ordered and not ordered[-1]:
        ordered.pop()  # the empty word (the shortest: last)
    joined = "\0".join(ordered)
    if "\0" in "".join(ordered):  # a word holding the separator: one at a time
        return "|".join(re.escape(w) for w in ordered)
    return re.escape(joined).replace("\0", "|")


def expand(pattern: str, macros: Mapping[str, str]) -> str:
    """Replace each ``{{NAME}}`` by its (grouped) macro, recursively."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise KeyError(name)
        return f"(?:{macros[name]})"

    for _ in range(10):
        new = _PLACEHOLDER.sub(one, pattern)
        if new == pattern:
            return new
        pattern = new
    raise ValueError("macros nest more than 10 deep")


_META = frozenset(".^$*+?{}[]\\|()")


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """``(index, char, depth after it)`` of each ``(``, ``)`` and ``|`` of ``pattern`` outside
    escapes and character classes; ``(-1, "", -1)`` last where a class never closes."""
    depth, i = 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif char == "[":
            i = pattern.find("]", i + 1)
            if i == -1:
                yield -1, "", -1
                return
        elif char in "()|":
            depth += 1 if char == "(" else -1 if char == ")" else 0
            yield i, char, depth
        i += 1


def top_alternatives(pattern: str) -> list[str] | None:
    """The top-level alternatives of ``pattern``; None where a bracket is unbalanced."""
    out, start, depth = [], 0, 0
    for i, char, depth in _structure(pattern):
        if i == -1:
            return None
        if char == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    return out + [pattern[start:]] if depth == 0 else None


def flat_alternation(pattern: str) -> str:
    """``pattern`` as one alternation of literals, where it is an alternation of literals,
    non-capturing groups of them and plain character classes; else ``pattern`` as it is.

    Speed, same matches: ``re`` skips ahead to a possible first character only when every
    top-level alternative opens with a literal (an anchor ``(?:美元|元)|亿`` written with a
    list macro would be tried at every position of the text, ten times slower).

    >>> flat_alternation("(?:美元|元)|亿"), flat_alternation("[%％‰]|百分")
    ('美元|元|亿', '%|％|‰|百分')
    >>> flat_alternation("(?:美元|元)+|亿"), flat_alternation("[0-9]|亿")
    ('(?:美元|元)+|亿', '[0-9]|亿')
    """
    parts = top_alternatives(pattern)
    if parts is None:
        return pattern
    flat: list[str] = []
    for part in parts:
        if part.startswith("(?:") and _group_end(part) == len(part) - 1:
            inner = flat_alternation(part[3:-1])
            items = top_alternatives(inner) or [""]
            if not all(item and is_literal(item) for item in items):
                return pattern
            flat.extend(items)
        elif part.startswith("[") and part.endswith("]") and part.count("]") == 1 and \
                part[1:-1] and not (set(part[1:-1]) & (_META | {"-"})):
            flat.extend(re.escape(char) for char in part[1:-1])
        elif part and is_literal(part):
            flat.append(part)
        else:
            return pattern
    return "|".join(flat)


def _group_end(pattern: str) -> int:
    """Where the group opening ``pattern`` closes (-1: never)."""
    for i, char, depth in _structure(pattern):
        if char == ")" and depth == 0:
            return i
    return -1


def is_literal(pattern: str) -> bool:
    """Whether ``pattern`` has no regex metacharacter (it matches itself)."""
    return not any(char in _META for char in pattern)


def files_of(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in DATA_SUFFIXES
                  and not p.name.startswith("."))


def version_of(folder: Path) -> str:
    """A hash of every pattern file in ``folder`` and of the rules' own code: it changes
    whenever either does (a code-only change can change the output as much as a pattern)."""
    digest = hashlib.sha256()
    code = Path(__file__).parent
    # (speed: each part hashed as it is, where joining them copied ~4 MB twice at every start;
    # the digest of the same bytes in a row is the same)
    for name, path in [*((str(p.relative_to(folder)), p) for p in files_of(folder)),
                       *((p.name, p) for p in sorted(code.glob("*.py")))]:
        digest.update(name.encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return "rules-" + digest.hexdigest()[:8]


def load_patterns(folder: str | Path | None = None) -> Patterns:
    """Load and compile a rules folder; ``EconerError`` names the file and the problem."""
    folder = Path(folder) if folder is not None else default_rules_dir()
    if not folder.is_dir():
        raise EconerError("no such rules folder", path=folder)
    lists: dict[str, Any] = {}
    macros: dict[str, str] = {}
    raw_rules: list[tuple[Path, dict[str, Any]]] = []
    enumerations: list[dict[str, Any]] = []
    settings: dict[str, Any] = {}
    names: dict[str, set[str]] = {label: set() for label in LABELS}
    stop: dict[str, set[str]] = {label: set() for label in LABELS}
    lexicon_rules: dict[str, str] = {}
    precision: dict[str, float] = {}
    for path in files_of(folder):
        if path.suffix in (".yaml", ".yml"):
            data = _yaml(path)
            for name, words in (data.get("lists") or {}).items():
                if name in lists:
                    raise EconerError(f"list {name} is defined twice", path=path)
                if not isinstance(words, list | dict):
                    raise EconerError(f"list {name} must be a list or a mapping", path=path)
                lists[name] = words
            for name, fragment in (data.get("macros") or {}).items():
                if name in macros:
                    raise EconerError(f"macro {name} is defined twice", path=path)
                macros[name] = str(fragment)
            raw_rules.extend((path, r) for r in data.get("rules") or [])
            enumerations.extend(data.get("enumerations") or [])
            for key, value in (data.get("settings") or {}).items():
                settings[key] = value
        elif path.suffix == ".jsonl":
            _read_lexicon(path, names, stop, lexicon_rules)
        elif path.name == "precision.json":
            precision = _precision(path)
    table = {**{n: alternation(w) for n, w in lists.items()}, **macros}
    rules = tuple(_compile(path, raw, table, lists, precision) for path, raw in raw_rules)
    seen: set[str] = set()
    for rule in rules:
        if rule.name in seen:
            raise EconerError(f"rule {rule.name} is defined twice", path=folder)
        seen.add(rule.name)
    lexicon = Lexicon({k: frozenset(v) for k, v in names.items()},
                      {k: frozenset(v) for k, v in stop.items()}, lexicon_rules)
    return Patterns(folder, version_of(folder), rules, lists, lexicon, precision, settings,
                    table, tuple(enumerations))


@dataclass
class ContextFile:
    words: str  # the name of a list
    before: int = 10
    after: int = 0
    stop: str = "。\n"


@dataclass
class RuleFile:
    """One entry of ``rules:`` in a pattern file (checked by :func:`econer.config.build`)."""

    name: str
    pattern: str
    label: str = ""
    value: str | None = None  # amount or rate
    score: float = 0.5
    priority: int = 0
    context: ContextFile | None = None
    anchor: str | None = None
    reach: list[int] = field(default_factory=lambda: [40, 12])


@dataclass
class PatternFile:
    """The shape of a rules YAML file: an unknown key (``anchr:``) is an error with its line."""

    lists: dict[str, list[str] | dict[str, Any]] | None = None
    macros: dict[str, str] | None = None
    rules: list[RuleFile] | None = None
    enumerations: list[dict[str, Any]] | None = None  # read by names.py
    settings: dict[str, Any] | None = None


def _yaml(path: Path) -> dict[str, Any]:
    """A pattern file's mapping, checked against :class:`PatternFile` (types, unknown keys).

    Speed: parsing and checking the YAML is most of loading the rules; the checked mapping
    is cached under the file's content and the code that checked it (this module, which
    holds the shape, and econer.config, which checks it)."""
    try:
        name = cache.entry("yaml", path.read_bytes(), *_checker())
    except OSError:
        name = None  # read_yaml (or no source to key on): no cache, read_yaml says why
    data = cache.load(name) if name else None
    if isinstance(data, dict):
        return data
    data, marks = config.read_yaml(path)
    config.build(PatternFile, data or {}, path=path, marks=marks)
    if name:
        cache.store(name, data or {})
    return data or {}


_CHECKER: list[bytes] = []


def _checker() -> list[bytes]:
    """The source of the code that checks a pattern file (a changed check reads the files
    again); OSError where it cannot be read."""
    if not _CHECKER:
        sources = [Path(module).read_bytes() for module in (__file__, config.__file__)]
        _CHECKER.extend(sources)
    return _CHECKER


def _compile(path: Path, raw: Any, table: dict[str, str], lists: dict[str, Any],
             precision: dict[str, float]) -> Rule:
    re = cache.regexes()  # speed: re.compile with its code kept (cache.Regexes)
    if not isinstance(raw, dict) or "name" not in raw or "pattern" not in raw:
        raise EconerError(f"a rule needs a name and a pattern, got {raw!r}", path=path)
    name = str(raw["name"])
    label = str(raw.get("label", ""))
    if label not in LABELS:
        raise EconerError(f"rule {name}: unknown label {label!r}", path=path)
    value = raw.get("value")
    if value not in VALUE_KINDS:
        raise EconerError(f"rule {name}: value must be amount or rate", path=path)
    try:
        regex = re.compile(expand(str(raw["pattern"]), table))
    except KeyError as exc:
        raise EconerError(f"rule {name}: unknown list or macro {exc.args[0]}", path=path) from None
    except (re.error, ValueError) as exc:
        raise EconerError(f"rule {name}: bad pattern: {exc}", path=path) from None
    context = None
    if raw.get("context"):
        ctx = raw["context"]
        words = ctx.get("words") if isinstance(ctx, dict) else None
        if words not in lists:
            raise EconerError(f"rule {name}: context list {words!r} is not defined", path=path)
        context = Context(re.compile(alternation(lists[words])), int(ctx.get("before", 10)),
                          int(ctx.get("after", 0)), frozenset(str(ctx.get("stop", "。\n"))))
    anchor = None
    if raw.get("anchor"):
        try:
            anchor = re.compile(flat_alternation(expand(str(raw["anchor"]), table)))
        except (KeyError, re.error, ValueError) as exc:
            raise EconerError(f"rule {name}: bad anchor: {exc}", path=path) from None
    reach = raw.get("reach") or [40, 12]
    default = float(raw.get("score", 0.5))
    score = float(precision.get(name, default))
    return Rule(name, label, regex, value, score, int(raw.get("priority", 0)), context,
                anchor, (int(reach[0]), int(reach[1])), default, re.required(regex.pattern))


def _read_lexicon(path: Path, names: dict[str, set[str]], stop: dict[str, set[str]],
                  rules: dict[str, str]) -> None:
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            entry = json.loads(line)
            label = entry["label"]
            pattern = entry["pattern"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise EconerError('expected {"label": ..., "pattern": "name"}', path=path,
                              line=number) from None
        if label not in LABELS or not isinstance(pattern, str) or not pattern:
            raise EconerError(f"bad lexicon entry {line.strip()}", path=path, line=number)
        rule = entry.get("rule")
        if rule is not None:
            if rule not in LEXICON_RULES or label != "COMPANY" or entry.get("stop"):
                raise EconerError(f"bad lexicon rule {rule!r} (known: "
                                  f"{', '.join(LEXICON_RULES)}; COMPANY names only)",
                                  path=path, line=number)
            rules[pattern] = f"company.{rule}"
            continue
        (stop if entry.get("stop") else names)[label].add(pattern)


def _precision(path: Path) -> dict[str, float]:
    try:
        data = json.loads(read_text(path))
        return {str(k): float(v.get("score", v["precision"]) if isinstance(v, dict) else v)
                for k, v in data.get("rules", data).items()}
    except (json.JSONDecodeError, AttributeError, KeyError, TypeError, ValueError):
        raise EconerError("expected {\"rules\": {name: {\"precision\": p}}}", path=path) from None
