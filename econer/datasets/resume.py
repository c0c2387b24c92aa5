"""Resume NER (Zhang and Yang, 2018): ORG spans that are firms → COMPANY, with partial labels.

Format: one character and its BMES tag a line (``高 B-NAME``), a blank line between
sentences; types NAME, CONT, RACE, TITLE, EDU, ORG, PRO, LOC. The résumés are of company
executives, so ORG is mostly a full company name, but also universities, government bodies,
associations and research institutes, which the standard does not count as COMPANY.

Mapping (a heuristic on the ORG's last characters, its head; see ``docs/datasets.md``):

* ORG ending in a firm's head (:data:`FIRM_HEAD`: 公司, 集团, 银行, 分行, 支行, 信用社, ...厂,
  股份, 控股, 证券, 事务所, 会社 ...) → COMPANY;
* ORG ending in a head the standard excludes (:data:`NOT_FIRM_HEAD`: 大学, 学院, 委员会, 政府,
  ...局, 协会, 交易所 ...) → ``outside`` (known O: such a body holds no entity of ours);
* any other ORG (研究所, 中心, 研究院, bare short names) → ``unknown``: nothing is taught there;
* NAME, RACE, TITLE, EDU, PRO, CONT (people, ethnic groups, job titles, degrees, majors,
  nationalities) → ``outside``; LOC and plain text → "not COMPANY" only;
* ``covered = [COMPANY]``: the corpus marks every organisation, so an unmarked character is
  no company, but nobody marked money or rates (注册资本5000万元 stays unknown as AMOUNT).

Documents are named ``resume-<file stem>-<line of the sentence's first character>``.

>>> doc = resume_document(list("任山东三维石化工程股份有限公司董事，北京大学硕士"),
...     ["O"] + ["B-ORG"] + ["M-ORG"] * 12 + ["E-ORG"] + ["B-TITLE", "E-TITLE", "O"]
...     + ["B-ORG", "M-ORG", "M-ORG", "E-ORG", "B-EDU", "E-EDU"], "resume-x-1")
>>> [(s.text, s.label) for s in doc.spans]
[('山东三维石化工程股份有限公司', 'COMPANY')]
>>> doc.meta["partial"]["outside"]
[[15, 17], [18, 24]]
>>> firm_or_not("中科院绿色智能研究所"), firm_or_not("兰州瑞德集团"), firm_or_not("上海证券交易所")
(None, True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from econer.errors import EconerError
from econer.jsonl import read_text
from econer.partial import Partial, with_partial
from econer.spans import Document, Span

SOURCE = "resume-ner"
FIRM_HEAD = re.compile(r"(公司|集团|银行|分行|支行|信用社|合作社|厂|股份|控股|证券|事务所|会社|商行"
                       r"|有限合伙|酒店|宾馆|饭店)$")
NOT_FIRM_HEAD = re.compile(r"(大学|学院|学校|中学|小学|党校|委员会|人大|政府|政协|党委|市委"
                           r"|省委|局|厅|协会|学会|商会|联合会|研究会|法院|检察院|交易所|医院"
                           r"|报社|电视台|科学院|工程院|共产党|民盟|民建|九三学社)$")
SAFE_TYPES: tuple[str, ...] = ("NAME", "RACE", "TITLE", "EDU", "PRO", "CONT")
_TAG = re.compile(r"^(?:O|[BMES]-[A-Z]+)$")


def firm_or_not(org: str) -> bool | None:
    """True: the ORG is a firm; False: the standard excludes it; None: cannot tell."""
    if NOT_FIRM_HEAD.search(org):
        return False
    if FIRM_HEAD.search(org):
        return True
    return None


def bmes_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end exclusive, type)`` of a BMES tag sequence; a broken one is an error.

    The files break sentences at 。 even inside an entity (俄罗斯圣。 / 彼得堡...学院), so an
    entity still open at the end, or continued at the start, is returned with its type
    prefixed by ``~`` (a fragment: the reader makes it unknown).

    >>> bmes_spans(["B-ORG", "E-ORG", "O", "S-NAME"])
    [(0, 2, 'ORG'), (3, 4, 'NAME')]
    >>> bmes_spans(["M-ORG", "E-ORG", "O", "B-ORG"])
    [(0, 2, '~ORG'), (3, 4, '~ORG')]
    >>> bmes_spans(["B-ORG", "O"])
    Traceback (most recent call last):
    ...
    econer.errors.EconerError: tag 2 'O': the ORG begun at 1 is not ended (E-ORG)
    """
    out: list[tuple[int, int, str]] = []
    open_at: int | None = None
    kind = ""
    continued = bool(tags) and tags[0][:2] in ("M-", "E-")
    if continued:
        open_at, kind = 0, tags[0][2:]
    for i, tag in enumerate(tags):
        prefix, _, typ = tag.partition("-")
        inside = prefix in ("M", "E")
        if open_at is not None and not (inside and typ == kind):
            raise EconerError(f"tag {i + 1} {tag!r}: the {kind} begun at {open_at + 1} "
                              f"is not ended (E-{kind})")
        if open_at is None and inside:
            raise EconerError(f"tag {i + 1} {tag!r}: continues no entity")
        if prefix == "S":
            out.append((i, i + 1, typ))
        elif prefix == "B":
            open_at, kind = i, typ
        elif prefix == "E":
            assert open_at is not None
            out.append((open_at, i + 1, ("~" if continued else "") + typ))
            open_at, continued = None, False
    if open_at is not None:
        out.append((open_at, len(tags), "~" + kind))
    return out


def resume_document(chars: Sequence[str], tags: Sequence[str], doc_id: str) -> Document:
    """One Resume NER sentence as a document under the mapping above."""
    text = "".join(chars)
    spans: list[Span] = []
    outside: list[tuple[int, int]] = []
    unknown: list[tuple[int, int]] = []
    for start, end, kind in bmes_spans(tags):
        if kind.startswith("~"):
            unknown.append((start, end))  # a fragment of an entity cut by a sentence break
        elif kind in SAFE_TYPES:
            outside.append((start, end))
        elif kind == "ORG":
            firm = firm_or_not(text[start:end])
            if firm:
                spans.append(Span.at(text, start, end, "COMPANY"))
            else:
                (outside if firm is False else unknown).append((start, end))
    doc = Document.from_text(text, id=doc_id, source=SOURCE).with_spans(spans)
    return with_partial(doc, Partial(covered=("COMPANY",), outside=tuple(outside),
                                     unknown=tuple(unknown)))


def read_resume(path: str | Path) -> Iterator[Document]:
    """The sentences of a ``*.char.bmes`` file; a bad line is an error naming file and line."""
    path = Path(path)
    stem = path.name.split(".")[0]
    chars: list[str] = []
    tags: list[str] = []
    first = 0
    lines = read_text(path).split("\n")
    for number, line in enumerate([*lines, ""], start=1):
        line = line.rstrip("\r")
        if not line.strip():
            if chars:
                try:
                    yield resume_document(chars, tags, f"resume-{stem}-{first}")
                except EconerError as exc:
                    raise EconerError(exc.message, path=path, line=first) from None
                chars, tags = [], []
            continue
        char, _, tag = line.rpartition(" ")
        if len(char) != 1 or not _TAG.match(tag):
            raise EconerError(f"expected one character, a space and a BMES tag, got {line!r}",
                              path=path, line=number)
        if not chars:
            first = number
        chars.append(char)
        tags.append(tag)
