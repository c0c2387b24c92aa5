"""Company gazetteers: built from the raw lists in ``../shared/lexicons/``, matched fast.

``build`` reads the exchanges' listed-company tables (short, full and former names) and the
267K short-name and brand list, normalises every name (:func:`normalise`: NFKC, full-width
padding, status prefixes such as ST, \\*ST, XD, A/B share letters, truncated names),
deduplicates, and keeps where each entry came from (``file:line``). ``write`` stores it in a
rules folder (``gazetteer/listed.tsv``, ``gazetteer/brands.tsv``); ``Gazetteer.load`` reads it
back and matches listed names with one Aho-Corasick automaton (ahocorasick_rs). Whether a
hit becomes a span is decided by the name finder's context rules, not here.

>>> normalise("万  科Ａ")
'万科'
>>> normalise("*ST康美"), normalise("XD嘉化能"), normalise("G浦发"), normalise("TCL科技")
('康美', '嘉化能', '浦发', 'TCL科技')
>>> normalise("网力退"), normalise("寒武纪-U"), normalise("S*ST前锋")
('网力', '寒武纪', '前锋')
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zlib
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate, chain, islice, pairwise
from operator import lt
from pathlib import Path

from econer.annotate.rules import cache

from econer.errors import EconerError
from econer.jsonl import write_text

LISTED_FILE = "listed.tsv"
BRANDS_FILE = "brands.tsv"
BRANDS_COMMON_FILE = "brands-common.tsv"
NONNAME_FILE = "words-nonname.tsv"
KIND_FILE = "words-kind.tsv"
KINDS = ("short", "full", "former")
_HEADER_LISTED = "# name\tkind\tcode\tcommon\tsources   (built by `econer rules gazetteer`)"
_HEADER_BRANDS = ("# one name a line, all from company-short-names/company-short-names.txt "
                  "(built by `econer rules gazetteer`)")
_HEADER_COMMON = ("# the names of brands.tsv that are common words in jieba's dictionary "
                  "(built by `econer rules gazetteer`)")
_HEADER_NONNAME = ("# words of jieba's dictionary (2-4 characters, frequency >= 5) of classes "
                   "no firm's name opens or ends with: verbs, adverbs, numerals, time words, "
                   "pronouns ... and their class (built by `econer rules gazetteer`)")
_HEADER_KIND = ("# words of jieba's dictionary (2-4 characters, frequency >= 20) that are common "
                "nouns, adjectives or distinguishing words: alone before a company word they name "
                "a kind (built by `econer rules gazetteer`)")
_KIND_TAGS = frozenset(("n", "vn", "a", "an", "b", "ad"))
# jieba's classes of those words (v verb, d adverb, m numeral, mq numeral-measure, q measure,
# t time, r pronoun, p preposition, c conjunction, u particle, o onomatopoeia, e/y
# interjections, ad/vd adverbial): not n, a, b (光明, 先锋, 平安 name firms), not f (南方基金,
# 北方…公司) and never nr/ns/nz/nt/j (names)
_NONNAME_TAGS = frozenset(("v", "vd", "ad", "d", "df", "dg", "m", "mq", "q", "t", "tg", "r",
                           "rr", "rz", "rg", "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv",
                           "o", "e", "y", "zg"))

# status prefixes of a short name (special treatment, ex-dividend/rights, new listing,
# share reform) and suffixes (delisting, A/B shares, unprofitable / weighted-vote listings)
_STATUS_PREFIX = re.compile(r"^(?:PT|S\*ST|\*ST|SST|ST|XD|XR|DR|[NCGS])+(?=[\u4e00-\u9fff])")
_STATUS_SUFFIX = re.compile(r"(?:-[UW]+|[ABＡＢ]|退)$")
# a name of the 267K list keeps only these characters (the rest is noise or a symbol)
_NAME_CHARS = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9&·()（）-]+$")


def normalise(name: str) -> str:
    """One spelling per name: NFKC, no spaces, no status prefix, no share-class letter."""
    name = "".join(unicodedata.normalize("NFKC", name).split())
    name = _STATUS_PREFIX.sub("", name)  # G*ST三元: prefixes stack
    stripped = _STATUS_SUFFIX.sub("", name)
    # 万科A → 万科, but a latin name keeps its letters (TCL, 3M)
    if stripped != name and re.search(r"[\u4e00-\u9fff]", stripped):
        name = stripped
    return name


@dataclass(frozen=True, order=True)
class Entry:
    """One gazetteer name: ``kind`` short / full / former; ``sources`` = ``file:line``s."""

    name: str
    kind: str
    code: str = ""
    common: bool = False  # also a common word (a place, a noun): needs context
    sources: tuple[str, ...] = field(default=(), compare=False)


# -- reading the raw lists ----------------------------------------------------------------------
def _read_text(path: Path, data: bytes | None = None) -> str:
    data = path.read_bytes() if data is None else data
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise EconerError("not UTF-8 text (wrong encoding?)", path=path, line=line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _read_lines(path: Path) -> list[str]:
    return _read_text(path).split("\n")


def _rows(path: Path, columns: Iterable[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """CSV rows with their line number; a missing column or an empty name is an error."""
    lines = _read_lines(path)
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    wanted = list(columns)
    missing = [c for c in wanted if c not in (reader.fieldnames or [])]
    if missing:
        raise EconerError(f"missing column {missing[0]!r}", path=path, line=1)
    for row in reader:
        line = reader.line_num
        if not any((v or "").strip() for v in row.values()):
            continue  # a blank line
        for column in wanted:
            if not (row.get(column) or "").strip():
                raise EconerError(f"empty {column}", path=path, line=line)
        yield line, {k: (v or "").strip() for k, v in row.items() if k is not None}


# (file, code column, short-name column, full-name column or None)
LISTED_TABLES = (
    ("a-share/stock_info_sh.csv", "A股代码", "证券简称", "证券全称"),
    ("a-share/stock_info_sz.csv", "A股代码", "证券简称", None),
    ("a-share/stock_info_bj.csv", "A股代码", "证券简称", None),
    ("a-share/stock_basic_2021.csv", "股票代码", "股票名称", None),
)
FORMER_TABLE = ("a-share/change_name_sina.csv", "证券代码", "历史简称")
BRANDS_LIST = "company-short-names/company-short-names.txt"


def _valid(name: str, path: Path, line: int) -> str:
    clean = normalise(name)
    if not clean:
        raise EconerError(f"empty name after normalising {name!r}", path=path, line=line)
    if "\ufffd" in clean:
        raise EconerError(f"broken characters in {name!r} (wrong encoding?)", path=path,
                          line=line)
    return clean


def read_listed(root: Path) -> list[Entry]:
    """Listed companies' short, full and former names, merged per (name, kind, code)."""
    found: dict[tuple[str, str, str], list[str]] = {}

    prefixed: set[tuple[str, str]] = set()  # names a status prefix may have cut short

    def add(name: str, kind: str, code: str, where: str, raw: str = "") -> None:
        found.setdefault((name, kind, code), []).append(where)
        raw = "".join(unicodedata.normalize("NFKC", raw).split())
        # an exchange short name is 8 bytes wide (a CJK character 2): a prefix that fills
        # them cut the name (XD中国石), where G浦发 is a whole name
        if _STATUS_PREFIX.match(raw) and sum(1 if c.isascii() else 2 for c in raw) >= 8:
            prefixed.add((name, code))

    current: dict[str, set[str]] = {}
    for rel, code_col, short_col, full_col in LISTED_TABLES:
        path = root / rel
        for line, row in _rows(path, [short_col]):
            # B-share rows carry their code in B股代码
            code = (row.get(code_col) or row.get("B股代码") or "").zfill(6)
            short = _valid(row[short_col], path, line)
            current.setdefault(code, set()).add(short)
            add(short, "short", code, f"{rel}:{line}", row[short_col])
            if full_col and row.get(full_col):
                add(_valid(row[full_col], path, line), "full", code, f"{rel}:{line}")
    rel, code_col, names_col = FORMER_TABLE
    path = root / rel
    for line, row in _rows(path, [code_col, names_col]):
        code = row[code_col].zfill(6)
        for name in row[names_col].split(","):
            if name.strip():
                add(_valid(name, path, line), "former", code, f"{rel}:{line}", name)
    entries = []
    names_of: dict[str, set[str]] = {}
    for name, _, code in found:
        names_of.setdefault(code, set()).add(name)
    for (name, kind, code), sources in found.items():
        if kind == "former" and name in current.get(code, ()):
            continue  # the history lists the current name too
        # XD中国石: a status prefix truncated the name; the firm's longer name covers it
        if (name, code) in prefixed and kind != "full" and any(
                other != name and other.startswith(name) for other in names_of[code]):
            continue
        if len(name) < 2:
            continue
        entries.append(Entry(name, kind, code, False, tuple(sources)))
    return sorted(entries)


def read_brands(root: Path) -> dict[str, int]:
    """The 267K list: name → first line (3 header lines; noise and 1-character names out)."""
    path = root / BRANDS_LIST
    out: dict[str, int] = {}
    for line, raw in enumerate(_read_lines(path), start=1):
        if line <= 3 or not raw.strip():
            continue
        name = normalise(raw)  # the same spelling as the listed names (ST吉恩 → 吉恩)
        if len(name) >= 2 and _NAME_CHARS.match(name) and name not in out:
            out[name] = line
    return out


def common_words(names: Iterable[str], min_freq: int = 20) -> set[str]:
    """The names that are also common words: in jieba's dictionary (a fixed, versioned list)
    as a noun, place, time or idiom with some frequency, not as an organisation name."""
    try:
        import jieba
    except ImportError:
        raise EconerError("building the gazetteer needs jieba (pip install jieba)") from None
    path = Path(jieba.__file__).parent / "dict.txt"
    wanted = set(names)
    common = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, freq, tag = line.split()
            if word in wanted and tag not in ("nt", "nz", "j") and int(freq) >= min_freq:
                common.add(word)
    return common


def nonname_words(min_freq: int = 5) -> list[str]:
    """Rows ``word<TAB>class`` of the words of jieba's dictionary (a fixed, versioned list)
    of 2 to 4 characters whose class never opens or ends a firm's name (导致, 很多, 发行,
    当时, 一笔): a company word read leftwards over one of them read a clause or a phrase
    (可能导致公司, 发行股份), not a name."""
    try:
        import jieba
    except ImportError:
        raise EconerError("building the gazetteer needs jieba (pip install jieba)") from None
    path = Path(jieba.__file__).parent / "dict.txt"
    words: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, freq, tag = line.split()
            if 2 <= len(word) <= 4 and tag in _NONNAME_TAGS and int(freq) >= min_freq:
                words.setdefault(word, tag)
    return [f"{w}\t{words[w]}" for w in sorted(words)]


def kind_words(min_freq: int = 20) -> list[str]:
    """Common nouns, adjectives and distinguishing words of jieba's dictionary (2 to 4
    characters): one alone before a company word names a kind of firm (影视公司, 内地公司,
    权益基金), not a firm, unless it is a name of a list too (暴风集团, 新闻集团 are)."""
    try:
        import jieba
    except ImportError:
        raise EconerError("building the gazetteer needs jieba (pip install jieba)") from None
    path = Path(jieba.__file__).parent / "dict.txt"
    words = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, freq, tag = line.split()
            if 2 <= len(word) <= 4 and tag in _KIND_TAGS and int(freq) >= min_freq:
                words.add(word)
    return sorted(words)


def build(root: str | Path) -> tuple[list[Entry], dict[str, int]]:
    """The listed entries (with their common-word flag) and the brand list of ``root``."""
    root = Path(root)
    if not root.is_dir():
        raise EconerError("no such lexicons folder", path=root)
    listed = read_listed(root)
    common = common_words(e.name for e in listed)
    listed = [Entry(e.name, e.kind, e.code, e.name in common, e.sources) for e in listed]
    known = {e.name for e in listed}
    brands = {n: line for n, line in read_brands(root).items() if n not in known}
    return listed, brands


def write(folder: str | Path, listed: list[Entry], brands: dict[str, int]) -> list[Path]:
    """Write ``gazetteer/listed.tsv`` and ``gazetteer/brands.tsv`` in a rules folder
    (atomically, sorted: a rebuild from the same lists is byte-identical)."""
    out = Path(folder) / "gazetteer"
    out.mkdir(parents=True, exist_ok=True)
    rows = [_HEADER_LISTED] + [
        f"{e.name}\t{e.kind}\t{e.code}\t{int(e.common)}\t{','.join(e.sources)}" for e in listed]
    write_text(out / LISTED_FILE, "\n".join(rows) + "\n")
    # one name a line: the source is the file's (265K line numbers would double its size)
    rows = [_HEADER_BRANDS, *sorted(brands)]
    write_text(out / BRANDS_FILE, "\n".join(rows) + "\n")
    # which brand names are also words (苹果, 长城, 商誉; any frequency jieba records): a
    # brand met twice is no firm for that
    rows = [_HEADER_COMMON, *sorted(common_words(brands, min_freq=3))]
    write_text(out / BRANDS_COMMON_FILE, "\n".join(rows) + "\n")
    write_text(out / NONNAME_FILE, "\n".join([_HEADER_NONNAME, *nonname_words()]) + "\n")
    write_text(out / KIND_FILE, "\n".join([_HEADER_KIND, *kind_words()]) + "\n")
    return [out / LISTED_FILE, out / BRANDS_FILE, out / BRANDS_COMMON_FILE, out / NONNAME_FILE,
            out / KIND_FILE]


# -- the brand list: compact, cached -------------------------------------------------------------
_FILTER_BITS = 1 << 23  # 8M bits for ~265K names: about 3% of absent names pass the filter
# the lines are kept by bucket (the low bits of the filter's hash): an exact lookup searches
# one bucket's few lines (~4 names), where a first character's block ran to ~2K characters
_BUCKETS = 1 << 16
# 5: the lines kept in the cache by bucket, as UTF-16 (3: sorted, indexed by their first
# character)
_CACHE_FORMAT = 5


class BrandSet:
    """The 265K brand names as one string of lines, looked up by a bit filter and a search
    inside the lines of the name's bucket (names of the same hash bits).

    A set of 265K strings costs 0.15-0.2 s to build at every start, most of a small run; this
    keeps the names as one string, its lines ordered by bucket, with the filter and the
    buckets' offsets: derived data cached under the file's content hash (:mod:`.cache`), so a
    start with the cache reads ~3 MB and builds nothing. A lookup is exact: the filter only
    skips the search.

    >>> brands = BrandSet.from_names(["耐克", "三洋", "耐克森"])
    >>> "耐克" in brands, "耐" in brands, "三洋电机" in brands, len(brands)
    (True, False, False, 3)
    """

    __slots__ = ("_blob", "_starts", "_bits", "_count")

    def __init__(self, blob: str, starts: array, bits: bytes, count: int):
        # blob: "\n" + the names (by bucket) joined by "\n" + "\n"; starts[b]: where the
        # "\n" before bucket b's first name is (starts[_BUCKETS]: the last "\n")
        self._blob, self._starts, self._bits, self._count = blob, starts, bits, count

    @staticmethod
    def _bit(name: str) -> int:
        return zlib.crc32(name.encode("utf-8")) & (_FILTER_BITS - 1)

    @classmethod
    def from_names(cls, names: Iterable[str]) -> BrandSet:
        return cls._derive(sorted(set(names)))

    @classmethod
    def _derive(cls, lines: list[str]) -> BrandSet:
        """Filter, buckets and blob of ``lines`` (distinct names, none empty)."""
        # speed (a start without the cache): the hashes are taken by C-level maps; one
        # Python loop sets the bits and fills the buckets
        bits = bytearray(_FILTER_BITS // 8)
        mask, low = _FILTER_BITS - 1, _BUCKETS - 1
        buckets: list[list[str]] = [[] for _ in range(_BUCKETS)]
        for line, h in zip(lines, map(zlib.crc32, map(str.encode, lines)), strict=True):
            h &= mask
            bits[h >> 3] |= 1 << (h & 7)
            buckets[h & low].append(line)
        starts = array("I", [0])
        starts.extend(accumulate(sum(map(len, bucket)) + len(bucket) for bucket in buckets))
        blob = "\n" + "\n".join(chain.from_iterable(buckets)) + "\n" if lines else "\n"
        return cls(blob, starts, bytes(bits), len(lines))

    @classmethod
    def load(cls, path: Path) -> BrandSet:
        """``brands.tsv`` (a header line, then one name a line, sorted), checked once per
        content: an empty or unsorted line is an error naming file and line."""
        data = path.read_bytes()
        cached = cache.entry("brands", data,
                             b"%d %d %d" % (_CACHE_FORMAT, _FILTER_BITS, _BUCKETS))
        found = cache.load(cached)
        if isinstance(found, tuple) and len(found) == 4 and \
                all(isinstance(part, bytes) for part in found[:3]):
            # (the blob as UTF-16: a quarter of the time of decoding it from UTF-8)
            blob = found[0].decode("utf-16-le", "surrogatepass")
            starts = array("I")
            starts.frombytes(found[1][: len(found[1]) - len(found[1]) % starts.itemsize])
            if len(starts) == _BUCKETS + 1 and len(found[2]) == _FILTER_BITS // 8 and \
                    starts[-1] == len(blob) - 1:
                return cls(blob, starts, found[2], found[3])
        # no cache (or a broken one): derive it, below
        text = _read_text(path, data)
        start = text.find("\n") if text.startswith("#") else -1
        blob = text[start:] if start >= 0 else "\n" + text
        if not blob.endswith("\n"):
            blob += "\n"
        lines = blob[1:-1].split("\n") if len(blob) > 1 else []
        offset = 1 if start >= 0 else 0  # file line of lines[0], less one
        if "" in lines:
            raise EconerError("empty name", path=path, line=lines.index("") + offset + 1)
        if not all(map(lt, lines, islice(lines, 1, None))):  # C-level; the loop finds where
            for number, (before, after) in enumerate(pairwise(lines), start=offset + 2):
                if after <= before:  # (a name twice would be one line too many)
                    raise EconerError("names not sorted or repeated (rebuild it with `econer "
                                      "rules gazetteer`)", path=path, line=number)
        brands = cls._derive(lines)
        cache.store(cached, (brands._blob.encode("utf-16-le", "surrogatepass"),
                             brands._starts.tobytes(), brands._bits, brands._count))
        return brands

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str) or not name:
            return False
        h = zlib.crc32(name.encode("utf-8")) & (_FILTER_BITS - 1)  # _bit, inlined: a hot path
        if not self._bits[h >> 3] >> (h & 7) & 1 or "\n" in name:
            return False
        h &= _BUCKETS - 1
        return self._blob.find(f"\n{name}\n", self._starts[h], self._starts[h + 1] + 1) != -1

    def having(self, names: list[str]) -> list[str]:
        """The ``names`` in the set, in their order: ``[n for n in names if n in self]``.

        Speed: the rules ask about some 80K runs of text a pass; the hashes come from one
        C-level map and the filter's bits are tested inline (no call per name: 25% less
        time than ``in``), so only the ~3% that pass it are looked up, each in its bucket.

        >>> brands = BrandSet.from_names(["万士达", "宏远"])
        >>> brands.having(["宏远", "万士", "", "万士达", "宏远"])
        ['宏远', '万士达', '宏远']
        """
        bits, mask, starts, blob = self._bits, _FILTER_BITS - 1, self._starts, self._blob
        low = _BUCKETS - 1
        out = []
        for name, h in zip(names, map(zlib.crc32, map(str.encode, names)), strict=True):
            h &= mask
            if bits[h >> 3] >> (h & 7) & 1 and name and "\n" not in name:
                h &= low
                if blob.find(f"\n{name}\n", starts[h], starts[h + 1] + 1) != -1:
                    out.append(name)
        return out

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[str]:
        """The names, in no particular order (by bucket)."""
        return iter(self._blob[1:-1].split("\n") if self._count else ())


def having(brands: BrandSet | frozenset[str], names: list[str]) -> list[str]:
    """The ``names`` in ``brands`` (a :class:`BrandSet` or a plain set), in their order."""
    if isinstance(brands, BrandSet):
        return brands.having(names)
    return [name for name in names if name in brands]


def _listed(path: Path) -> dict[str, list[Entry]]:
    """``listed.tsv`` (name → its entries), checked: a line that is no entry is an error
    naming file and line.

    Speed: the checked rows are kept in the rules' cache under the file's content (a
    marshal load and the entries made from it: half the time of splitting and checking
    the lines, ~10 ms of a start)."""
    data = path.read_bytes()
    name = cache.entry("listed", data, b"%d" % _CACHE_FORMAT)
    rows = cache.load(name)
    if not isinstance(rows, list):
        rows = []
        for number, line in enumerate(_read_text(path, data).split("\n"), start=1):
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 5 or not parts[0] or parts[1] not in KINDS:
                raise EconerError("expected name, kind, code, common, sources", path=path,
                                  line=number)
            rows.append((parts[0], parts[1], parts[2], parts[3] == "1",
                         tuple(parts[4].split(","))))
        cache.store(name, rows)
    listed: dict[str, list[Entry]] = {}
    for row in rows:
        listed.setdefault(row[0], []).append(Entry(*row))
    return listed


def _word_list(path: Path | None, kind: str, build):  # noqa: ANN001, ANN202
    """``build`` of a word list's lines (no blank or ``#`` line); empty where ``path`` is None.

    Speed: kept in the rules' cache under the file's content. For the 24K-word dict of
    ``words-nonname.tsv`` a marshal load takes half the time of splitting its lines (~5 ms
    of a start); for a set it gains nothing (the hashing is the cost), so sets are read."""
    if path is None:
        return build(())
    data = path.read_bytes()
    name = cache.entry(f"words-{kind}", data, b"%d" % _CACHE_FORMAT)
    found = cache.load(name)
    if type(found) is type(build(())):
        return found
    words = build(line for line in _read_text(path, data).split("\n")
                  if line and not line.startswith("#"))
    cache.store(name, words)
    return words


def _word_set(path: Path | None) -> frozenset[str]:
    """The words of a list read as a set (no blank or ``#`` line); empty where ``path`` is
    None. Sets are read, not cached: hashing them is the cost a cache would not save."""
    if path is None:
        return frozenset()
    # speed: the set of all lines, less the blank one and the comments (found by one C-level
    # search): a third of the time of a Python test per line
    text = _read_text(path)
    words = set(text.split("\n"))
    words.discard("")
    if "#" in text:
        words.difference_update(_COMMENT.findall(text))
    return frozenset(words)


_COMMENT = re.compile("^#.*", re.MULTILINE)


# -- loading and matching ----------------------------------------------------------------------
@dataclass
class Gazetteer:
    """Listed names (name → entries) behind an Aho-Corasick automaton; brand names as a set."""

    listed: dict[str, list[Entry]]
    brands: BrandSet | frozenset[str]
    common_path: Path | None = None  # brands-common.tsv, read at the first question
    _common: frozenset[str] | None = field(default=None, repr=False)
    nonname_path: Path | None = None  # words-nonname.tsv, read at the first question
    _nonname: dict[str, str] | None = field(default=None, repr=False)
    kind_path: Path | None = None  # words-kind.tsv, read at the first question
    _kind: frozenset[str] | None = field(default=None, repr=False)
    _automaton: object = field(default=None, repr=False)
    _names: list[str] = field(default_factory=list, repr=False)

    @classmethod
    def load(cls, folder: str | Path) -> Gazetteer | None:
        """The gazetteer of a rules folder, or None where it has none."""
        folder = Path(folder) / "gazetteer"
        path = folder / LISTED_FILE
        if not path.is_file():
            return None
        listed = _listed(path)
        brand_path = folder / BRANDS_FILE
        brands = BrandSet.load(brand_path) if brand_path.is_file() else frozenset()
        common = folder / BRANDS_COMMON_FILE
        nonname = folder / NONNAME_FILE
        kind = folder / KIND_FILE
        return cls(listed, brands, common if common.is_file() else None,
                   nonname_path=nonname if nonname.is_file() else None,
                   kind_path=kind if kind.is_file() else None)

    def common_brand(self, name: str) -> bool:
        """A brand name that is a common word too (苹果, 长城). The list is read only when a
        rule first asks (most texts never do: start-up stays short).

        >>> Gazetteer({}, frozenset({"苹果"})).common_brand("苹果")
        False
        """
        if self._common is None:
            self._common = _word_set(self.common_path)
        return name in self._common

    def nonname_word(self, word: str) -> str:
        """jieba's class of a word that never opens or ends a firm's name (导致: v, 很多: m),
        "" for any other word: from ``words-nonname.tsv``, read at the first question.

        >>> Gazetteer({}, frozenset()).nonname_word("导致")
        ''
        """
        return self.nonname_table().get(word, "")

    def nonname_table(self) -> dict[str, str]:
        """:meth:`nonname_word`'s table: word → class (a hot path asks it in C)."""
        if self._nonname is None:
            self._nonname = _word_list(self.nonname_path, "nonname",
                                       lambda lines: dict(line.split("\t", 1) for line in lines))
        return self._nonname

    def kind_word(self, word: str) -> bool:
        """A common noun, adjective or distinguishing word (影视, 内地, 权益): from
        ``words-kind.tsv``, read at the first question.

        >>> Gazetteer({}, frozenset()).kind_word("影视")
        False
        """
        if self._kind is None:
            self._kind = _word_set(self.kind_path)
        return word in self._kind

    def automaton(self):  # noqa: ANN201 - an ahocorasick_rs.AhoCorasick
        if self._automaton is None:
            # ahocorasick_rs (Rust): ten times pyahocorasick's speed on CJK text, where a
            # root with thousands of first characters slows a node-by-node automaton
            import ahocorasick_rs

            self._names = list(self.listed)
            self._automaton = ahocorasick_rs.AhoCorasick(
                self._names, matchkind=ahocorasick_rs.MatchKind.Standard)
        return self._automaton

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Every listed name in ``text`` (overlapping): (start, end, name).

        >>> gaz = Gazetteer({"万科": [], "万科企业": []}, frozenset())
        >>> sorted(gaz.find("万科企业和万科"))
        [(0, 2, '万科'), (0, 4, '万科企业'), (5, 7, '万科')]
        """
        if not self.listed:
            return
        automaton = self.automaton()
        names = self._names
        for index, start, end in automaton.find_matches_as_indexes(text, overlapping=True):
            yield start, end, names[index]
