"""Names the unlabelled corpus attests as firms: the 267K list's weak names, made strong.

A short name of the brand list (三星, 苹果, 宏碁) is proposed by the rules only beside a
trigger (``company.brand.trigger``), and a two-character listed name (茅台, 大众) only with
one too: a word as short as that is too often something else. Yet news names its famous
firms bare (三星将面临艰难的对比; 苹果还联系了瑞仪光电) far more often than beside a trigger.
``attest`` reads unlabelled text once and counts, for every name of the lists, the articles
in which it stands as a firm: opening a word (the rules' own test) and right before a company
word (三星公司, 苹果股价, 苹果的股价, 茅台董事长), right after a deal word (收购雀巢) or beside a
known firm in a list (苹果、诺基亚). A name met so in
``min_articles`` articles or more is *attested*: the rules then propose it bare, wherever a
word opens (``company.attested``), with the same product, model and place guards as the
curated lexicon's names.

A common word needs more: one of jieba's dictionary that is no proper noun (苹果, 大众,
东风, 龙头, 食品), or a list's common brand, is attested only by acts (股价, 董事长, 收购 …:
``min_acts`` articles), never by 公司 after it alone, since 食品公司 and 龙头公司 name kinds.
A number word, a word ending in 的, a generic name (石油集团, 创新科技: an industry and a
company word) and a person's name in the dictionary (巴菲特) are never attested.

The file written is a lexicon of the rules folder (``lexicon/attested.jsonl``), one name a
line with its evidence: rebuilt by ``econer rules attest`` from the same text, it is the same
file. Build it on text the scores are not measured on (``--exclude`` the test sets'
articles): a name the corpus attests only in a test paragraph's own article is no evidence.

>>> contexts = Contexts(lambda text, at: True, lambda text, at: text[at:at + 1] in "，。",
...                     ("公司", "股价"), ("收购",), ("说",))
>>> counts = count_evidence([("a1", "三星公司宣布，三星将扩产。"), ("a2", "收购三星。")],
...                         ["三星"], contexts)
>>> counts["三星"]
Evidence(mentions=3, org=['a1'], act=['a2'], person=[])
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from econer.errors import EconerError
from econer.jsonl import write_text

DEFAULT_FILE = Path("lexicon") / "attested.jsonl"
RULE = "attested"  # the lexicon entries' rule: spans get source "rules:company.attested"
MIN_ARTICLES = 2
MIN_ACTS = 3
# the company words whose presence after a name says only "a firm of this kind" when the name
# is a common word (食品公司): weaker evidence than an act (股价, 董事长)
ORG_WORDS = ("公司", "集团", "股份", "控股", "有限")
# a name of jieba's dictionary with one of these classes is a proper name (a firm, a brand, a
# foreign name) unless it is frequent (明星 nr, 高峰 nr: nouns)
_PROPER = frozenset({"nz", "nt", "nr", "nrt", "nrfg", "j"})
_FREQUENT = 1000
_NUMBER_TAGS = frozenset({"m", "mq", "q"})
# the classes a firm's name may have in jieba's dictionary: nouns and proper names (a word of
# another class, 海外 s, 联合 v, 自然人 l, 立新 d, is never attested)
_NAME_TAGS = _PROPER | {"n", "ns", "nrfg", "eng"}
_JOINERS = frozenset("、和与及")  # a list's joints: 苹果、诺基亚, 三星与LG


@dataclass
class Evidence:
    """How a name stands in the corpus: word-opening mentions, the articles where it stands
    before a company word (``org``), where it acts or is dealt in (``act``) and where it is
    a person (``person``: 巴菲特说, 总裁黄海)."""

    mentions: int = 0
    org: list[str] = field(default_factory=list)
    act: list[str] = field(default_factory=list)
    person: list[str] = field(default_factory=list)

    def add(self, article: str, org: bool, act: bool, person: bool) -> None:
        self.mentions += 1
        for yes, seen in ((org, self.org), (act, self.act), (person, self.person)):
            if yes and article not in seen:
                seen.append(article)

    @property
    def articles(self) -> int:
        return len(set(self.org) | set(self.act))


@dataclass(frozen=True)
class Contexts:
    """What the counting asks of a text: the rules' word tests and trigger words."""

    opens_word: Callable[[str, int], bool]  # a name may start here (NameFinder._opens_word)
    ends_word: Callable[[str, int], bool]  # a word ends here (punctuation, a boundary word)
    after: tuple[str, ...]  # company words after a name (COMPANY_TRIGGER, 公司)
    before: tuple[str, ...]  # deal words before a name (COMPANY_TRIGGER_BEFORE)
    person_after: tuple[str, ...] = ()  # PERSON_AFTER: 说, 先生
    person_before: tuple[str, ...] = ()  # PERSON_BEFORE: 总裁, 教授


def count_evidence(articles: Iterable[tuple[str, str]], names: Sequence[str],
                   contexts: Contexts, firms: Iterable[str] = ()) -> dict[str, Evidence]:
    """Per name of ``names``: its mentions in ``articles`` ((id, text) pairs) that open a word
    and are no part of a longer name of ``names``, and the articles where a company word
    follows it (``ORG_WORDS`` count as ``org``, the rest as ``act``), a deal word ends right
    before it and a word ends right after it (收购雀巢。: ``act``; not 收购海外资产), or it
    is listed beside a known firm of ``firms`` (苹果、诺基亚; 三星与LG: ``act``); and the
    articles where a person's word stands by it (``person``)."""
    import ahocorasick_rs

    found: dict[str, Evidence] = {}
    if not names:
        return found
    names = list(names)
    wanted = len(names)
    known = sorted(set(firms) - set(names))
    names += known  # (found only as neighbours in lists)
    automaton = ahocorasick_rs.AhoCorasick(names, matchkind=ahocorasick_rs.MatchKind.Standard)
    org_words = tuple(w for w in contexts.after if w.startswith(ORG_WORDS))
    act_words = tuple(w for w in contexts.after if not w.startswith(ORG_WORDS))
    for article, text in articles:
        matches = [(s, e, i) for i, s, e in
                   automaton.find_matches_as_indexes(text, overlapping=True)]
        firm_starts = {s for s, _, i in matches if i >= wanted}
        firm_ends = {e for _, e, i in matches if i >= wanted}
        for start, end, index in matches:
            if index >= wanted:
                continue
            name = names[index]
            org = text.startswith(org_words, end)
            act_after = text.startswith(act_words, end) or (
                text[end : end + 1] == "的" and text.startswith(act_words, end + 1))
            if any(s < start <= end <= e for s, e, _ in matches) or (
                    any(s == start and end < e for s, e, _ in matches) and not (org or act_after)):
                continue  # 福记 of 徐福记, 中石 of 中石油, 三星 of 三星电子: the longer name is
                # met (but 苹果 of 苹果公司 and 美的 of 美的集团 stand before a company word)
            if not contexts.opens_word(text, start):
                continue  # 国新能源 in 我国新能源
            ends = contexts.ends_word(text, end)
            act = act_after or (text.endswith(contexts.before, 0, start) and ends) or (
                text[end : end + 1] in _JOINERS and end + 1 in firm_starts) or (
                text[start - 1 : start] in _JOINERS and start - 1 in firm_ends and ends)
            person = (bool(contexts.person_after) and text.startswith(contexts.person_after, end)
                      ) or (bool(contexts.person_before)
                            and text.endswith(contexts.person_before, 0, start))
            found.setdefault(name, Evidence()).add(article, org, act, person)
    return found


def never(name: str, dictionary: dict[str, tuple[int, str]],
          generic: Callable[[str], bool]) -> str:
    """Why ``name`` is never attested ("" where it may be): a numeral of jieba's dictionary
    (三家, 双双) or a word of a class no name has (海外, 联合), a name ending in 的 (品的) or a
    generic one (石油集团, 新科技: ``generic``).

    >>> words = {"三家": (587, "m"), "三星": (363, "nz"), "海外": (2672, "s")}
    >>> [never(n, words, lambda name: name == "石油集团")
    ...  for n in ("三家", "海外", "品的", "石油集团", "三星")]
    ['number', 'word', 'particle', 'generic', '']
    """
    cls = dictionary.get(name, (0, ""))[1]
    if cls in _NUMBER_TAGS:
        return "number"
    if cls and cls not in _NAME_TAGS:
        return "word"  # 海外 s, 联合 v, 自然人 l: a word that names no firm here
    if name.endswith("的"):
        return "particle"
    if generic(name):
        return "generic"
    return ""


def common(name: str, dictionary: dict[str, tuple[int, str]],
           common_words: Callable[[str], bool]) -> bool:
    """A common word: a list's common brand (brands-common.tsv), or a word of jieba's
    dictionary that is no proper noun there (苹果 n, 大众 n, 联合 v, 吉利 ns) or is frequent
    whatever its class (明星, 高峰: tagged nr, used as nouns).

    >>> words = {"苹果": (1334, "n"), "三星": (363, "nz"), "明星": (2130, "nr")}
    >>> [common(n, words, lambda name: False) for n in ("苹果", "三星", "明星", "雀巢")]
    [True, False, True, False]
    """
    freq, cls = dictionary.get(name, (0, ""))
    return common_words(name) or bool(cls) and (cls not in _PROPER or freq >= _FREQUENT)


def select(evidence: dict[str, Evidence], dictionary: dict[str, tuple[int, str]],
           common_words: Callable[[str], bool], generic: Callable[[str], bool],
           min_articles: int = MIN_ARTICLES, min_acts: int = MIN_ACTS) -> list[dict]:
    """The attested names, as lexicon entries (sorted by name), with their evidence: a name
    standing as a firm in ``min_articles`` articles, a common word acting in ``min_acts``,
    and neither a person in more articles (two or more) than it acts in."""
    entries = []
    for name in sorted(evidence):
        ev = evidence[name]
        if never(name, dictionary, generic):
            continue
        is_common = common(name, dictionary, common_words)
        if (len(ev.act) < min_acts) if is_common else (ev.articles < min_articles):
            continue
        if len(ev.person) >= 2 and len(ev.person) > len(ev.act):
            continue  # 巴菲特说, 总裁黄海: a person as often as a firm acting
        entries.append({"label": "COMPANY", "pattern": name, "rule": RULE,
                        "articles": ev.articles, "acts": len(ev.act), "mentions": ev.mentions,
                        "common": is_common})
    return entries


def dictionary(names: Iterable[str]) -> dict[str, tuple[int, str]]:
    """jieba's dictionary (a fixed, versioned list): (frequency, class) of those of ``names``
    it holds."""
    try:
        import jieba
    except ImportError:
        raise EconerError("attesting names needs jieba (pip install jieba)") from None
    wanted = set(names)
    found: dict[str, tuple[int, str]] = {}
    with (Path(jieba.__file__).parent / "dict.txt").open(encoding="utf-8") as handle:
        for line in handle:
            word, freq, tag = line.split()
            if word in wanted and word not in found:
                found[word] = (int(freq), tag)
    return found


def attest(patterns: Any, finder: Any, articles: Iterable[tuple[str, str]],
           min_articles: int = MIN_ARTICLES, min_acts: int = MIN_ACTS) -> list[dict]:
    """The names of a rules folder's lists (listed firms' names, the 267K list; not the
    curated lexicon's, which is proposed already, nor stop names) that ``articles`` attest,
    with the rules' own word tests and trigger words (``patterns``' lists; ``finder``: their
    NameFinder)."""
    gazetteer = finder.gazetteer
    if gazetteer is None:
        raise EconerError("the rules folder has no gazetteer/ to attest names of "
                          "(build it with econer rules gazetteer)", path=patterns.folder)
    known = set(finder.known_label) | set(finder.lexicon.stop.get("COMPANY", ()))
    names = sorted(n for n in set(gazetteer.listed) | set(gazetteer.brands)
                   if 2 <= len(n) <= 8 and n not in known)
    def words(name: str) -> list[str]:
        return [str(w) for w in patterns.lists.get(name) or [] if str(w)]

    contexts = Contexts(finder.opens_word, finder.ends_word,
                        tuple(words("COMPANY_TRIGGER") + words("CONTEXT_TRIGGER")) + ORG_WORDS,
                        tuple(words("COMPANY_TRIGGER_BEFORE") + words("BRAND_ACTION_BEFORE")),
                        tuple(words("PERSON_AFTER")), tuple(words("PERSON_BEFORE")))
    # the firms a list's item may stand beside: the curated lexicon's, listed full names
    firms = {n for n, label in finder.known_label.items() if label == "COMPANY"} | {
        n for n, entries in gazetteer.listed.items() if any(e.kind == "full" for e in entries)}
    evidence = count_evidence(articles, names, contexts, firms)
    return select(evidence, dictionary(evidence), gazetteer.common_brand, finder.generic_name,
                  min_articles, min_acts)


def write(path: str | Path, entries: Sequence[dict], sources: Sequence[str]) -> Path:
    """The attested names as a lexicon file (atomic), its first line saying where from."""
    head = {"//": "written by `econer rules attest`: names the corpus attests as firms",
            "sources": list(sources)}
    lines = ["// " + json.dumps(head, ensure_ascii=False)]
    lines += [json.dumps(e, ensure_ascii=False) for e in entries]
    path = Path(path)
    write_text(path, "\n".join(lines) + "\n")
    return path


def read_corpus(paths: Sequence[Path], exclude: set[str]) -> Iterable[tuple[str, str]]:
    """(article id, text) of JSON-lines corpus files ({"id", "text"}), less ``exclude``;
    a line that is no such object is an error naming file and line."""
    for path in paths:
        with open(path, encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    article, text = str(row["id"]), row["text"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    raise EconerError('expected {"id": ..., "text": ...}', path=path,
                                      line=number) from None
                if not isinstance(text, str):
                    raise EconerError('"text" must be a string', path=path, line=number)
                if article not in exclude:
                    yield article, text
