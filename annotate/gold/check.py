"""The checks that keep gold honest: what a maintainer runs before accepting new gold.

Three kinds of check, each a pure function returning :class:`Problem` s (never raising on
bad gold, so that one run lists every problem):

* :func:`structural_problems`: offsets in range, text matching, labels known, no overlaps;
* :func:`mechanical_problems`: the standard's mechanical rules, as data in
  ``configs/gold/checks.yaml`` (no 增长 inside a RATE, no leading 近/超/约 in an AMOUNT ...);
* :func:`consistency_problems`: the same surface string is labelled the same way in every
  document, and not left unlabelled anywhere, unless ``configs/gold/exceptions.yaml``
  documents why.

:func:`read_gold` is the lenient reader behind ``econer gold check``: it keeps going past
bad lines and bad spans and turns each into a problem naming the file and line.

>>> rules = load_check_rules()
>>> text = "工业投资增长41%，总投资近170亿元"
>>> doc = Document(id="d", text=text, spans=(Span.at(text, 4, 9, "RATE"),
...                                          Span.at(text, 13, 19, "AMOUNT")))
>>> for problem in mechanical_problems(doc, rules):
...     print(problem)
doc d span 4-9 RATE '增长41%': RATE contains '增长' (the verb stays out)
doc d span 13-19 AMOUNT '近170亿元': AMOUNT starts with '近' (it stays out)
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from econer import config
from econer.errors import EconerError
from econer.jsonl import read_text
from econer.labels import LABELS
from econer.resources import config_path
from econer.spans import Document, Span


@dataclass(frozen=True)
class Problem:
    """One problem with a gold file, located by file, line, document and offsets."""

    doc_id: str
    message: str
    start: int | None = None
    end: int | None = None
    label: str | None = None
    text: str = ""
    path: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        what = f"doc {self.doc_id}"
        if self.start is not None:
            what += f" span {self.start}-{self.end} {self.label or 'unlabelled'} {self.text!r}"
        return f"{where}{what}: {self.message}"


# ---------------------------------------------------------------- configuration (data)


@dataclass(frozen=True)
class LabelRules:
    prefix: tuple[str, ...] = ()
    suffix: tuple[str, ...] = ()
    inside: tuple[str, ...] = ()
    exact: frozenset[str] = frozenset()
    must_match: re.Pattern[str] | None = None


@dataclass(frozen=True)
class CheckRules:
    """The standard's mechanical rules, per label (see ``configs/gold/checks.yaml``)."""

    edges: str = ""
    labels: dict[str, LabelRules] = field(default_factory=dict)


def load_check_rules(path: str | Path | None = None) -> CheckRules:
    """The mechanical rules from YAML (default ``configs/gold/checks.yaml``).

    >>> sorted(load_check_rules().labels)
    ['AMOUNT', 'COMPANY', 'PARK', 'RATE']
    """
    path = Path(path) if path else config_path("gold", "checks.yaml")
    data = config.load(ChecksFile, path)
    labels = {}
    for label, raw in (data.labels or {}).items():
        if label not in LABELS:
            raise EconerError(f"labels: unknown label {label!r} (known: {', '.join(LABELS)})",
                              path=path)
        try:
            must_match = re.compile(raw.must_match) if raw.must_match else None
        except re.error as exc:
            raise EconerError(f"labels.{label}.must_match: bad pattern: {exc}",
                              path=path) from None
        labels[label] = LabelRules(prefix=tuple(raw.prefix), suffix=tuple(raw.suffix),
                                   inside=tuple(raw.inside), exact=frozenset(raw.exact),
                                   must_match=must_match)
    return CheckRules(edges=data.edges or "", labels=labels)


@dataclass
class LabelRulesFile:
    prefix: list[str] = field(default_factory=list)  # stays out of the span at its start
    suffix: list[str] = field(default_factory=list)  # ... at its end
    inside: list[str] = field(default_factory=list)  # never inside the span
    exact: list[str] = field(default_factory=list)  # never the whole span
    must_match: str | None = None  # a regular expression every span matches


@dataclass
class ChecksFile:
    """The shape of ``configs/gold/checks.yaml``."""

    edges: str | None = None  # characters a span never starts or ends with
    labels: dict[str, LabelRulesFile] | None = None


@dataclass(frozen=True)
class Waiver:
    """A documented exception to the consistency rule: a surface string that may be
    labelled differently or left unlabelled, with why. It can be narrowed to one label, to
    some documents, or to occurrences inside a longer string (``within``: 华为 in 华为手机).

    >>> waiver = Waiver("华为", "the phone, not the firm", within="华为手机")
    >>> text = "华为与华为手机"
    >>> [waiver.covers(Problem("d", "", start, start + 2, None, "华为"), text)
    ...  for start in (0, 3)]
    [False, True]
    """

    text: str
    reason: str
    label: str | None = None
    docs: frozenset[str] = frozenset()
    within: str | None = None

    def covers(self, problem: Problem, doc_text: str = "") -> bool:
        if problem.text != self.text or (self.docs and problem.doc_id not in self.docs):
            return False
        if self.label is not None and problem.label not in (None, self.label):
            return False
        if self.within is None:
            return True
        if problem.start is None or problem.end is None:
            return False
        # Some occurrence of `within` must cover the problem's offsets.
        first = max(0, problem.end - len(self.within))
        return any(doc_text.startswith(self.within, begin)
                   for begin in range(first, problem.start + 1))


def load_waivers(path: str | Path | None = None) -> list[Waiver]:
    """Documented exceptions (default ``configs/gold/exceptions.yaml``); each needs a reason.

    >>> all(w.reason for w in load_waivers())
    True
    """
    path = Path(path) if path else config_path("gold", "exceptions.yaml")
    data = config.load(ExceptionsFile, path)
    waivers = []
    for number, raw in enumerate(data.exceptions or [], start=1):
        if not raw.text or not raw.reason.strip():
            raise EconerError(f"exception {number} needs a 'text' and a 'reason'", path=path)
        if raw.within is not None and raw.text not in raw.within:
            raise EconerError(f"exception {number}: 'within' must contain 'text'", path=path)
        waivers.append(Waiver(text=raw.text, reason=raw.reason.strip(), label=raw.label,
                              docs=frozenset(raw.docs), within=raw.within))
    return waivers


@dataclass
class WaiverFile:
    text: str
    reason: str
    label: str | None = None
    docs: list[str] = field(default_factory=list)
    within: str | None = None


@dataclass
class ExceptionsFile:
    """The shape of ``configs/gold/exceptions.yaml``."""

    exceptions: list[WaiverFile] | None = None


# ---------------------------------------------------------------- the checks (pure)


def structural_problems(doc_id: str, text: str, spans: Sequence[Span],
                        labels: Sequence[str] = LABELS) -> tuple[list[Span], list[Problem]]:
    """``(valid spans, problems)``: every span checked on its own, then for overlaps.

    Unlike :func:`econer.spans.check_spans`, which stops at the first problem, this reports
    them all; the spans returned are the valid ones (of two overlapping, the first).

    >>> ok, problems = structural_problems("d", "华为与中兴", [
    ...     Span(0, 2, "COMPANY", "华为"), Span(1, 3, "COMPANY", "为与"),
    ...     Span(3, 5, "FIRM", "中兴"), Span(3, 9, "COMPANY", "中兴")])
    >>> [s.text for s in ok]
    ['华为']
    >>> for p in problems:
    ...     print(p)
    doc d span 3-5 FIRM '中兴': unknown label (known: COMPANY, PARK, AMOUNT, RATE)
    doc d span 3-9 COMPANY '中兴': offsets out of range for a text of length 5
    doc d span 1-3 COMPANY '为与': overlaps span 0-2 COMPANY '华为'
    """
    problems: list[Problem] = []
    valid: list[Span] = []

    def problem(span: Span, message: str) -> None:
        problems.append(Problem(doc_id, message, span.start, span.end, span.label, span.text))

    for span in spans:
        if not 0 <= span.start < span.end <= len(text):
            problem(span, f"offsets out of range for a text of length {len(text)}")
        elif span.label not in labels:
            problem(span, f"unknown label (known: {', '.join(labels)})")
        elif text[span.start:span.end] != span.text:
            problem(span, f"text does not match {text[span.start:span.end]!r} in the document")
        else:
            valid.append(span)
    kept: list[Span] = []
    for span in sorted(valid, key=lambda s: (s.start, s.end, s.label)):
        if kept and span.start < kept[-1].end:
            last = kept[-1]
            problem(span, f"overlaps span {last.start}-{last.end} {last.label} {last.text!r}")
        else:
            kept.append(span)
    return kept, problems


def mechanical_problems(doc: Document, rules: CheckRules) -> list[Problem]:
    """The standard's mechanical rules over one document's spans (see the module example).

    >>> text = "提升产能20%以上"
    >>> doc = Document(id="d", text=text, spans=(Span.at(text, 4, 9, "RATE"),))
    >>> [p.message for p in mechanical_problems(doc, load_check_rules())]
    ["RATE ends with '以上' (it stays out)"]
    """
    problems: list[Problem] = []
    for span in doc.spans:
        before = len(problems)

        def problem(message: str, span: Span = span) -> None:
            problems.append(Problem(doc.id, message, span.start, span.end, span.label, span.text))

        if span.text[0] in rules.edges or span.text[-1] in rules.edges:
            problem("starts or ends with a space or punctuation")
        if span.value is not None and _value_kind(span.value.unit) != span.label:
            problem(f"value unit {span.value.unit!r} does not fit a {span.label} span")
        label_rules = rules.labels.get(span.label)
        if label_rules is None:
            continue
        if span.text in label_rules.exact:
            problem(f"{span.text!r} alone is a back-reference or a category, not a name")
            continue
        for word in label_rules.prefix:
            if span.text.startswith(word):
                problem(f"{span.label} starts with {word!r} (it stays out)")
        for word in label_rules.suffix:
            if span.text.endswith(word):
                problem(f"{span.label} ends with {word!r} (it stays out)")
        for word in label_rules.inside:
            if word in span.text:
                problem(f"{span.label} contains {word!r} (the verb stays out)")
        # The shape check only where no specific rule has said what is wrong.
        if (len(problems) == before and label_rules.must_match
                and not label_rules.must_match.match(span.text)):
            problem(f"does not have the shape of {span.label} (checks.yaml must_match)")
    return problems


def _rank(label: str) -> int:
    return LABELS.index(label) if label in LABELS else len(LABELS)


def _value_kind(unit: str) -> str:
    # RATE values are fractions or points; every other unit is a currency code.
    return "RATE" if unit in ("fraction", "points") else "AMOUNT"


_BOUNDARY = re.compile(r"[0-9A-Za-z０-９.．]")


def _cut(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` continues a longer number or Latin word."""
    surface = text[start:end]
    return bool((start > 0 and _BOUNDARY.match(surface[0]) and _BOUNDARY.match(text[start - 1]))
                or (end < len(text) and _BOUNDARY.match(surface[-1])
                    and _BOUNDARY.match(text[end])))


def _all_occurrences(texts: Iterable[str], surfaces: Iterable[str],
                     ) -> dict[str, list[tuple[int, int]]]:
    """``{surface: [(text index, start), ...]}`` for every surface in every text, in one pass
    over each text (Aho-Corasick), so the check stays linear in the length of the gold:
    a ``find`` per surface and document is surfaces x characters on one long document."""
    import ahocorasick_rs

    patterns = list(surfaces)
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    if not patterns:
        return found
    automaton = ahocorasick_rs.AhoCorasick(patterns)  # standard match kind: overlaps too
    for index, text in enumerate(texts):
        for k, start, end in automaton.find_matches_as_indexes(text, overlapping=True):
            if not _cut(text, start, end):
                found[patterns[k]].append((index, start))
    return found


class _SpanIndex:
    """The spans of one document that overlap a range, by binary search (gold spans are
    checked not to overlap, so their starts and their ends are both sorted).

    >>> index = _SpanIndex([Span(0, 2, "COMPANY", "华为"), Span(5, 7, "COMPANY", "中兴")])
    >>> [s.text for s in index.overlapping(1, 6)], index.overlapping(2, 5)
    (['华为', '中兴'], [])
    """

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans, key=lambda s: (s.start, s.end))
        self.starts = [s.start for s in self.spans]
        self.ends = [s.end for s in self.spans]
        # Overlapping spans (only where a caller skipped the structural check): scan them all.
        self.disjoint = all(a.end <= b.start for a, b in itertools.pairwise(self.spans))

    def overlapping(self, start: int, end: int) -> list[Span]:
        if not self.disjoint:
            return [s for s in self.spans if s.start < end and start < s.end]
        first = bisect.bisect_right(self.ends, start)  # the first span ending after start
        last = bisect.bisect_left(self.starts, end)  # spans from here start at or after end
        return self.spans[first:last]


def consistency_problems(docs: Sequence[Document],
                         waivers: Sequence[Waiver] = ()) -> list[Problem]:
    """The same surface string labelled the same way everywhere, unless waived.

    Two kinds of problem: a span whose label differs from the label its text has in most
    places, and an occurrence of a labelled string that is left unlabelled (an occurrence
    inside a longer span is fine: 德凯 inside 德凯实业).

    >>> a = Document(id="a", text="天致药业", spans=(Span(0, 4, "COMPANY", "天致药业"),))
    >>> b = Document(id="b", text="天致药业与天致药业", spans=(Span(0, 4, "PARK", "天致药业"),))
    >>> for p in consistency_problems([a, b]):
    ...     print(p)
    doc b span 0-4 PARK '天致药业': labelled COMPANY elsewhere (doc a 0-4; 1 of 2 spans)
    doc b span 5-9 unlabelled '天致药业': not labelled here, but COMPANY in doc a 0-4
    >>> consistency_problems([a, b], [Waiver("天致药业", "a test")])
    []
    """
    by_surface: dict[str, list[tuple[str, Span]]] = defaultdict(list)
    for doc in docs:
        for span in doc.spans:
            by_surface[span.text].append((doc.id, span))
    occurrences = _all_occurrences((doc.text for doc in docs), by_surface)
    spans_over = [_SpanIndex(doc.spans) for doc in docs]
    problems: list[Problem] = []
    for surface, seen in by_surface.items():
        counts = Counter(span.label for _, span in seen)
        # The label most spans of this text have; a tie goes to the standard's order.
        label = max(counts, key=lambda lab: (counts[lab], -_rank(lab)))
        first_id, first = next((d, s) for d, s in seen if s.label == label)
        example = f"doc {first_id} {first.start}-{first.end}"
        for doc_id, span in seen:
            if span.label != label:
                problems.append(Problem(
                    doc_id, f"labelled {label} elsewhere ({example}; "
                            f"{counts[label]} of {len(seen)} spans)",
                    span.start, span.end, span.label, span.text))
        for index, start in occurrences.get(surface, ()):
            end = start + len(surface)
            covering = spans_over[index].overlapping(start, end)
            if any(s.start <= start and end <= s.end for s in covering):
                continue  # the span itself, or inside a longer one
            if covering:
                other = covering[0]
                message = (f"crosses span {other.start}-{other.end} {other.label} "
                           f"{other.text!r}; {label} in {example}")
            else:
                message = f"not labelled here, but {label} in {example}"
            problems.append(Problem(docs[index].id, message, start, end, None, surface))
    texts = {doc.id: doc.text for doc in docs}
    problems = [p for p in problems if not any(w.covers(p, texts[p.doc_id]) for w in waivers)]
    return sorted(problems, key=lambda p: (p.doc_id, p.start or 0, p.end or 0))


# ---------------------------------------------------------------- reading gold (I/O edge)


@dataclass(frozen=True)
class GoldFile:
    """The documents of one gold file (valid spans only), where each came from, and the
    problems met while reading it."""

    path: Path
    docs: list[Document]
    lines: dict[str, int]
    problems: list[Problem]


def read_gold(path: str | Path, labels: Sequence[str] = LABELS) -> GoldFile:
    """Read a JSON-lines gold file leniently: every bad line and span becomes a problem."""
    path = Path(path)
    docs: list[Document] = []
    lines: dict[str, int] = {}
    problems: list[Problem] = []
    where = str(path)
    for number, line in enumerate(read_text(path).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(Problem("?", f"malformed JSON: {exc.msg} (column {exc.colno})",
                                    path=where, line=number))
            continue
        doc_id = str(data.get("id")) if isinstance(data, dict) and "id" in data else "?"
        text = data.get("text") if isinstance(data, dict) else None
        # No "spans" is not "no entities": gold says so with "spans": [] (a plain document
        # given as gold by mistake would otherwise pass and score as all-negative).
        raw_spans = data.get("spans") if isinstance(data, dict) else None
        if not isinstance(text, str) or doc_id == "?" or not isinstance(raw_spans, list):
            problems.append(Problem(doc_id, "a gold line needs an 'id', a string 'text' and a "
                                            "list of 'spans'", path=where, line=number))
            continue
        if doc_id in lines:
            problems.append(Problem(doc_id, f"duplicate document id (first on line "
                                            f"{lines[doc_id]})", path=where, line=number))
            continue
        spans = []
        for index, raw in enumerate(raw_spans):
            try:
                if not isinstance(raw, dict):
                    raise EconerError(f"span must be a JSON object, got {raw!r}")
                spans.append(Span.from_dict(raw))
            except EconerError as exc:
                problems.append(Problem(doc_id, f"span #{index}: {exc.message}",
                                        path=where, line=number))
        kept, found = structural_problems(doc_id, text, spans, labels)
        problems.extend(_at(p, where, number) for p in found)
        lines[doc_id] = number
        docs.append(Document(id=doc_id, text=text, spans=tuple(kept)))
    return GoldFile(path, docs, lines, problems)


def _at(problem: Problem, path: str, line: int | None) -> Problem:
    return Problem(problem.doc_id, problem.message, problem.start, problem.end, problem.label,
                   problem.text, path, line)


def gold_files(inputs: Iterable[str | Path]) -> list[Path]:
    """The ``.jsonl`` files named, or directly inside the folders named (not recursive:
    ``seeds/gold/passes/`` holds the two annotation passes, not gold)."""
    paths: list[Path] = []
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            found = sorted(item.glob("*.jsonl"))
            if not found:
                raise EconerError("no .jsonl files in this folder", path=item)
            paths.extend(found)
        elif item.suffix not in (".jsonl", ".json"):
            raise EconerError("expected a .jsonl gold file or a folder of them", path=item)
        elif item.exists():
            paths.append(item)
        else:
            raise EconerError("no such file or folder", path=item)
    return paths


@dataclass(frozen=True)
class GoldReport:
    files: list[GoldFile]
    problems: list[Problem]

    @property
    def docs(self) -> list[Document]:
        return [d for f in self.files for d in f.docs]

    def label_counts(self) -> Counter[str]:
        return Counter(s.label for d in self.docs for s in d.spans)


def check_gold(inputs: Iterable[str | Path], rules: CheckRules | None = None,
               waivers: Sequence[Waiver] | None = None) -> GoldReport:
    """Every check over the gold files named (or inside the folders named), with problems
    located by file and line; consistency is checked across all the files together."""
    rules = rules or load_check_rules()
    waivers = load_waivers() if waivers is None else waivers
    files = [read_gold(path) for path in gold_files(inputs)]
    problems: list[Problem] = []
    for gold in files:
        if not gold.docs and not gold.problems:
            problems.append(Problem("?", "no gold documents in this file", path=str(gold.path)))
    where: dict[str, tuple[str, int]] = {}
    for gold in files:
        problems.extend(gold.problems)
        for doc in gold.docs:
            line = gold.lines[doc.id]
            if doc.id in where:
                other = where[doc.id]
                problems.append(Problem(doc.id, f"document also in {other[0]}:{other[1]}",
                                        path=str(gold.path), line=line))
            else:
                where[doc.id] = (str(gold.path), line)
            problems.extend(_at(p, str(gold.path), line) for p in mechanical_problems(doc, rules))
    docs = [d for f in files for d in f.docs]
    for problem in consistency_problems(docs, waivers):
        path, line = where[problem.doc_id]
        problems.append(_at(problem, path, line))
    return GoldReport(files, problems)
