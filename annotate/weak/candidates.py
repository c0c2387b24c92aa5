"""``gazetteer.candidates``: every gazetteer name in the text, as a weak COMPANY vote.

The rules take a listed or short name only where the context supports it
(:mod:`econer.annotate.rules.names`), so the names they reject are the uncertain ones: some are
firms the context rules could not confirm (a brand with no company word beside it), most are
words. Silver that rules COMPANY out where no rule fired (``econer silver --covered
COMPANY,...``) would teach every such name as *not a company*: the rules' misses become the
model's. This function votes for each candidate with a weight far below any useful threshold,
so alone it never makes a silver span; what it does is mark the candidate's characters
*unknown* (:mod:`econer.annotate.weak.aggregate`: a vote that is not kept is unknown), where the
model learns from the other sources (CLUENER, CFSC, CCF, Resume) instead of from silence.
Candidates are the listed names (``listed.tsv``) that are not also common words, and the
names of three or more characters of the 267K short-name list (``brands.tsv``; two-character
entries are mostly word fragments), leftmost-longest, never inside a latin or digit run.

>>> lf = GazetteerCandidates(["海尔", "TCL"], ["东风日产", "日产"])
>>> [(s.text, s.score) for s in lf(Document.from_text("东风日产与海尔、TCL合作，XTCL8"))]
[('东风日产', 0.2), ('海尔', 0.2), ('TCL', 0.2)]
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from pathlib import Path

import ahocorasick_rs
from econer.annotate.rules.gazetteer import Gazetteer

from econer.errors import EconerError
from econer.registry import labelling_functions
from econer.resources import config_path
from econer.spans import Document, Span

NAME = "gazetteer.candidates"
# Below the candidates' measured precision (47 of 122 are gold companies on news-dev +
# news-park-dev, 0.39) on purpose: a candidate crossing a rule span lowers that span's
# confidence by at most a fifth (the vote's rival term), so the rules' silver barely moves.
WEIGHT = 0.2
MIN_BRAND_CHARS = 3


def _latin_or_digit(char: str) -> bool:
    return char.isascii() and char.isalnum()


class GazetteerCandidates:
    """Leftmost-longest gazetteer names as COMPANY votes of weight :data:`WEIGHT`."""

    labels: tuple[str, ...] = ("COMPANY",)

    def __init__(self, listed: Iterable[str], brands: Iterable[str]) -> None:
        names = sorted({*listed, *(b for b in brands if len(b) >= MIN_BRAND_CHARS)})
        self.name = NAME
        self.version = "cands-" + hashlib.sha256("\n".join(names).encode()).hexdigest()[:10]
        self._automaton = ahocorasick_rs.AhoCorasick(
            names, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest) if names else None

    def __call__(self, doc: Document) -> list[Span]:
        if self._automaton is None:
            return []
        text, spans = doc.text, []
        for _k, start, end in self._automaton.find_matches_as_indexes(text):
            inside = ((start and _latin_or_digit(text[start - 1]) and _latin_or_digit(text[start]))
                      or (end < len(text) and _latin_or_digit(text[end])
                          and _latin_or_digit(text[end - 1])))
            if not inside:
                spans.append(Span.at(text, start, end, "COMPANY", score=WEIGHT, source=NAME))
        return spans


@functools.lru_cache(maxsize=4)
def _built(rules_dir: str) -> GazetteerCandidates:
    folder = Path(rules_dir) if rules_dir else config_path("rules")
    gazetteer = Gazetteer.load(folder)
    if gazetteer is None:
        raise EconerError(f"{NAME} needs a gazetteer ({folder}/gazetteer/listed.tsv: "
                          "econer rules gazetteer ../shared/lexicons)")
    # names that are also common words (flagged from jieba's dictionary: 标准, 现代) stay O
    listed = [name for name, entries in gazetteer.listed.items()
              if not any(e.common for e in entries)]
    return GazetteerCandidates(listed, gazetteer.brands)


@labelling_functions.register(NAME)
def gazetteer_candidates(rules_dir: str | Path | None = None) -> GazetteerCandidates:
    """Every listed or short name in the text (built once per process)."""
    return _built(str(rules_dir or ""))
