"""The rules' cache of derived data: a stale or corrupt entry is rebuilt, never used."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from econer.annotate.rules import cache, gazetteer
from econer.annotate.rules.patterns import flat_alternation, load_patterns
from econer.annotate.rules.ruler import load_rules

from econer.errors import EconerError
from econer.resources import config_path
from econer.spans import Document

TEXT = ("公司拟投资170亿元建设新厂，同比增长8.24%，净利润3.5亿美元，提高3.5个百分点，"
        "营收百分之十二，收购三洋电机有限公司。")


def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(config_path("rules"), target)
    return target


def spans(folder: Path, text: str = TEXT) -> list[tuple[int, int, str, str | None]]:
    doc = load_rules(folder)(Document.from_text(text))
    return [(s.start, s.end, s.label, s.source) for s in doc.spans]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ECONER_CACHE_DIR", str(folder))
    monkeypatch.setattr(cache, "_REGEXES", None)  # as in a new process: nothing compiled yet
    return folder


def test_a_cached_load_labels_as_a_fresh_one(tmp_path: Path, cache_dir: Path) -> None:
    folder = rules_copy(tmp_path)
    fresh = spans(folder)  # fills the cache
    assert sorted(p.name.split("-")[0] for p in cache_dir.iterdir()) == \
        ["brands", "listed", "regex", "words", *["yaml"] * len(list(folder.glob("*.yaml")))]
    assert spans(folder) == fresh
    assert ("RATE", "rules:rate.percent") in {(label, src) for _, _, label, src in fresh}


def test_a_changed_pattern_file_is_read_again_not_taken_from_the_cache(
        tmp_path: Path, cache_dir: Path) -> None:
    folder = rules_copy(tmp_path)
    assert any(label == "RATE" for _, _, label, _ in spans(folder))
    numbers = folder / "numbers.yaml"
    text = numbers.read_text(encoding="utf-8")
    assert "label: RATE" in text
    numbers.write_text(text.replace("label: RATE", "label: AMOUNT"), encoding="utf-8")
    assert not any(label == "RATE" for _, _, label, _ in spans(folder))
    # and a pattern file broken after it was cached is an error, not the cached rules
    numbers.write_text(text.replace("rules:", "rulez:", 1), encoding="utf-8")
    with pytest.raises(EconerError, match="numbers.yaml"):
        load_patterns(folder)


def test_corrupt_or_truncated_cache_entries_are_derived_again(
        tmp_path: Path, cache_dir: Path) -> None:
    folder = rules_copy(tmp_path)
    fresh = spans(folder)
    entries = sorted(cache_dir.iterdir())
    for entry in entries:
        data = entry.read_bytes()
        # a flipped byte inside the payload (still valid marshal data, maybe) and a cut file
        entry.write_bytes(data[:30] + bytes([data[30] ^ 0xFF]) + data[31:])
    assert spans(folder) == fresh
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:25])
    assert spans(folder) == fresh
    brands = gazetteer.BrandSet.load(folder / "gazetteer" / gazetteer.BRANDS_FILE)
    assert "三洋" in brands and "三洋三洋" not in brands


def test_an_unwritable_cache_folder_costs_only_time(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("ECONER_CACHE_DIR", str(blocker / "cache"))
    folder = rules_copy(tmp_path)
    assert spans(folder) == spans(folder)
    assert cache.load(cache.entry("yaml", b"x")) is None


def test_entries_differ_by_every_input() -> None:
    assert cache.entry("yaml", b"ab", b"c") != cache.entry("yaml", b"a", b"bc")
    assert cache.entry("yaml", b"a") != cache.entry("brands", b"a")
    assert cache.entry("yaml", b"a") == cache.entry("yaml", b"a")


@pytest.mark.parametrize("pattern", [
    "(?:人民币元|美元|元)|亿", "[%％‰]|百分|千分", "(?:a|(?:b|c))|d", "(?:ab|a)|abc",
    "[ab]|a|ba",
])
def test_a_flattened_alternation_finds_the_same_matches(pattern: str) -> None:
    flat = flat_alternation(pattern)
    assert "(" not in flat and "[" not in flat  # flattened
    text = "abcab a ba 人民币元美元元亿 12%百分之五千分之三 ％‰ dcb"
    assert [m.span() for m in re.finditer(flat, text)] == \
        [m.span() for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("pattern", [
    "(?:美元|元)+|亿", "[0-9]|亿", "(a|b)|c", "(?:a|b)c|d", "[^ab]|c", "a||b", "a\\.b|c",
    "(?:a|)|b", "[a-c]|d",
])
def test_what_is_not_an_alternation_of_literals_stays_as_written(pattern: str) -> None:
    assert flat_alternation(pattern) == pattern


def test_regexes_from_kept_code_match_as_re_compile_does(tmp_path: Path,
                                                        cache_dir: Path) -> None:
    patterns = [rule.regex.pattern for rule in load_patterns().rules]
    patterns += ["(?P<a>x)?(?P<b>y)", "(?i)abc", "[一-鿿]+(?=公司)", "(?<![0-9])[0-9]+%"]
    text = TEXT + "XABC abc 甲乙公司 5% 15%" * 3
    first = cache.Regexes()
    made = [first.compile(p) for p in patterns]
    first.save()
    again = cache.Regexes()  # a new process: the code comes from the file
    kept = [again.compile(p) for p in patterns]
    assert not again._new  # nothing compiled anew
    for pattern, a, b in zip(patterns, made, kept, strict=True):
        plain = re.compile(pattern)
        assert a.pattern == b.pattern == pattern and a.flags == b.flags == plain.flags
        assert a.groupindex == b.groupindex == plain.groupindex
        assert [m.group(0, *range(1, plain.groups + 1)) for m in b.finditer(text)] == \
            [m.group(0, *range(1, plain.groups + 1)) for m in plain.finditer(text)]


def test_a_corrupt_regex_entry_is_compiled_again(tmp_path: Path, cache_dir: Path) -> None:
    first = cache.Regexes()
    first.compile("(?P<n>[0-9]+)元")
    first.save()
    (entry,) = cache_dir.glob("regex-*")
    # code for another pattern under this one's key: _sre refuses it or it is re's again
    name = entry.name
    code = cache.load(name)
    (key,) = code
    code[key] = ((0, [1, 2, 3], 0, {}, ()), "元")  # code _sre refuses
    cache.store(name, code)
    regexes = cache.Regexes()
    assert regexes.compile("(?P<n>[0-9]+)元").match("12元").group("n") == "12"
    code[key] = (code[key][0], None)  # a broken required literal
    cache.store(name, code)
    assert cache.Regexes().compile("(?P<n>[0-9]+)元").match("12元").group("n") == "12"
    assert cache.Regexes().required("(?P<n>[0-9]+)元") == "元"
    with pytest.raises(re.error):
        cache.Regexes().compile("(unclosed")


def test_a_changed_checker_checks_the_files_again(tmp_path: Path, cache_dir: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from econer.annotate.rules import patterns

    folder = rules_copy(tmp_path)
    load_patterns(folder)
    before = {p.name for p in cache_dir.glob("yaml-*")}
    assert before
    monkeypatch.setattr(patterns, "_CHECKER", [b"another patterns.py", b"another config.py"])
    load_patterns(folder)
    after = {p.name for p in cache_dir.glob("yaml-*")}
    assert len(after - before) == len(before)  # each file checked and kept anew
