"""Drawing new held-out news paragraphs, and freezing their gold into text-free references.

A round of held-out gold is made in three steps, the first and last of them here:

1. :func:`candidates` lists the paragraphs that may be drawn (every article of the shipped
   devsets excluded, :func:`used_articles`) and :func:`sample` picks some at random (a fixed
   seed, at most one paragraph per article); ``econer gold devset-sample`` writes them as
   documents with no spans, for annotation by hand;
2. an annotator labels them by the standard, without looking at any rule or model output;
3. :func:`freeze` turns the annotated documents back into references (offsets, labels and
   the SHA-1 of each paragraph), which is all ``eval/devsets/`` may ship.

A *paragraph* is a line of an article's text after the title line, stripped (see
:func:`econer.eval.devsets.paragraph`), of ``min_chars``-``max_chars`` characters, and not page
furniture (``configs/ingest/furniture.yaml``). Corpus files are read with
:func:`econer.eval.devsets.read_articles`.

>>> articles = {"a1": "标题\\n第一段很长。\\n短", "a2": "标题\\n第二段很长。"}
>>> pool = candidates("x.jsonl", articles, min_chars=4, max_chars=10)
>>> [(c.article, c.line, c.text) for c in pool]
[('a1', 1, '第一段很长。'), ('a2', 1, '第二段很长。')]
>>> [c.article for c in sample(pool, 5, seed=1)]  # one per article; fewer if short
['a2', 'a1']
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from econer.eval.devsets import (
    DEVSETS_DIR,
    paragraph,
    read_references,
    reference,
    resolve,
    sha1,
)

from econer.errors import EconerError
from econer.spans import Document


@dataclass(frozen=True, slots=True)
class Candidate:
    """One paragraph that may be drawn: where it lies and its text."""

    corpus: str
    article: str
    line: int
    text: str

    def document(self) -> Document:
        meta = {"corpus": self.corpus, "article": self.article, "line": self.line}
        return Document(id=f"{self.article}-p{self.line}", text=self.text, meta=meta)


def used_articles(devsets_dir: Path = DEVSETS_DIR) -> set[tuple[str, str]]:
    """``(corpus, article)`` of every paragraph in the shipped devsets: never drawn again."""
    return {(ref["corpus"], ref["article"])
            for path in sorted(devsets_dir.glob("*.jsonl"))
            for ref in read_references(path)}


def shipped_paragraphs(articles: Mapping[str, Mapping[str, str]],
                       devsets_dir: Path = DEVSETS_DIR) -> list[str]:
    """The texts of the shipped devsets' paragraphs found in ``articles`` (``{corpus file:
    {article id: text}}``) with their recorded hash; the others are passed over."""
    texts = []
    for path in sorted(devsets_dir.glob("*.jsonl")):
        for ref in read_references(path):
            article = articles.get(ref["corpus"], {}).get(ref["article"])
            text = paragraph(article, ref["line"]) if article is not None else None
            if text is not None and sha1(text) == ref["sha1"]:
                texts.append(text)
    return texts


class CopyIndex:
    """Paragraphs already annotated, to find near copies of them (the corpus repeats a story
    in other articles, so one article per paragraph is not enough): ``overlap(text)`` is the
    largest share of ``text``'s runs of ``size`` characters found in one indexed paragraph.

    >>> index = CopyIndex(["青岛海尔本次拟收购的标的共计10家公司，包括海尔模具100%股权"])
    >>> index.overlap("海尔本次拟收购的标的共计10家公司，包括海尔模具100%股权等")  # 19 of 20 runs
    0.95
    >>> index.overlap("今年一季度全国粗钢产量同比增长百分之八，达到新高")
    0.0
    """

    def __init__(self, texts: Iterable[str], size: int = 12) -> None:
        self.size = size
        self.where: dict[str, list[int]] = {}
        for number, text in enumerate(texts):
            for run in self._runs(text):
                self.where.setdefault(run, []).append(number)

    def _runs(self, text: str) -> set[str]:
        return {text[i : i + self.size] for i in range(len(text) - self.size + 1)}

    def overlap(self, text: str) -> float:
        runs = self._runs(text)
        if not runs:
            return 0.0
        hits: dict[int, int] = {}
        for run in runs:
            for number in set(self.where.get(run, ())):
                hits[number] = hits.get(number, 0) + 1
        return max(hits.values(), default=0) / len(runs)


def candidates(corpus: str, articles: Mapping[str, str], *, min_chars: int = 60,
               max_chars: int = 300, exclude: Iterable[str] = (),
               drop: Callable[[str], bool] | None = None) -> list[Candidate]:
    """The paragraphs of ``articles`` that may be drawn, in corpus order.

    ``exclude`` names articles never to draw from; ``drop(text)`` is true of a paragraph not to
    draw (page furniture; one a pattern does not match).
    """
    skip = set(exclude)
    found = []
    for article, text in articles.items():
        if article in skip:
            continue
        for line in range(1, text.count("\n") + 1):  # line 0 is the title
            para = paragraph(text, line) or ""
            if min_chars <= len(para) <= max_chars and not (drop and drop(para)):
                found.append(Candidate(corpus, article, line, para))
    return found


def sample(pool: Sequence[Candidate], count: int, seed: int) -> list[Candidate]:
    """``count`` paragraphs of ``pool``, shuffled by ``random.Random(seed)``, one per article.

    Fewer come back when the pool has fewer articles: the caller says so, never pads.
    """
    shuffled = list(pool)
    random.Random(seed).shuffle(shuffled)
    taken: list[Candidate] = []
    seen: set[str] = set()
    for cand in shuffled:
        if len(taken) == count:
            break
        if cand.article not in seen:
            seen.add(cand.article)
            taken.append(cand)
    return taken


def interleave(groups: Sequence[Sequence[Candidate]]) -> list[Candidate]:
    """One from each group in turn (industry, stock, industry, ...), then the rest in order.

    >>> a, b = Candidate("x", "a", 1, "A"), Candidate("y", "b", 1, "B")
    >>> [c.article for c in interleave([[a, a], [b]])]
    ['a', 'b', 'a']
    """
    out: list[Candidate] = []
    for i in range(max((len(g) for g in groups), default=0)):
        out.extend(g[i] for g in groups if i < len(g))
    return out


def freeze(docs: Iterable[Document], corpus_dir: Path, source: Path) -> list[dict[str, Any]]:
    """Text-free references for annotated documents, each checked against the corpus.

    Every document must carry ``meta`` corpus/article/line (as :func:`draw` writes them) and
    its text must be that paragraph of the corpus now (resolved again before returning, so
    what is shipped rebuilds what was annotated).
    """
    docs = list(docs)
    refs = []
    for number, doc in enumerate(docs, start=1):
        meta = doc.meta
        if not (isinstance(meta.get("corpus"), str) and isinstance(meta.get("article"), str)
                and isinstance(meta.get("line"), int)):
            raise EconerError(f"document {doc.id!r} lacks meta corpus/article/line "
                              "(draw it with `econer gold devset-sample`)", path=source,
                              line=number)
        ref = reference(doc.id, meta["corpus"], meta["article"], meta["line"], doc.text,
                        [(s.start, s.end, s.label) for s in doc.spans])
        refs.append({**ref, "_line": number})
    resolve(refs, corpus_dir, source)  # raises, naming the line, where a text is not the corpus's
    for ref in refs:
        del ref["_line"]
    return refs
