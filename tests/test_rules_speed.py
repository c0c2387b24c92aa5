"""The rules' speed paths give what the straightforward code gives (same spans, same order)."""

from __future__ import annotations

import random
import re

from econer.annotate.rules.patterns import load_patterns
from econer.annotate.rules.ruler import Candidate, resolve


def resolve_by_one_sort(candidates: list[Candidate]) -> list[Candidate]:
    """The resolution as first written: one sort by a composite key."""
    order = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.priority, -c.score,
                                              c.start))
    kept: list[Candidate] = []
    for cand in order:
        if all(cand.end <= k.start or k.end <= cand.start for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def test_resolution_by_stable_sorts_is_the_one_sort_resolution() -> None:
    rng = random.Random(12)
    for _ in range(2000):
        cands = []
        for i in range(rng.randint(0, 12)):
            start = rng.randint(0, 15)
            # few distinct values, so that ties on every key are common
            cands.append(Candidate(start, start + rng.randint(1, 4), "COMPANY", f"r{i}",
                                   rng.choice([0.5, 0.9, 0.0]), rng.choice([0, 1])))
        assert resolve(cands) == resolve_by_one_sort(cands)


def test_a_names_left_edge_by_one_greedy_match_is_the_last_match() -> None:
    from econer.annotate.rules.names import NameFinder

    finder = NameFinder(load_patterns())
    rng = random.Random(3)
    alphabet = "公司集团中国5G3M互联网A-B（）()，。、的 ·&２０"
    for non_name, last in ((finder.non_name, finder._last_name),
                           (finder.non_park, finder._last_park)):
        for _ in range(3000):
            window = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
            ends = [m.end() for m in non_name.finditer(window)]
            found = last.match(window)
            assert (found.end() if found else 0) == (ends[-1] if ends else 0), window
    assert re.fullmatch(r"\(\?s:\.\*\)\(\?:.*\)", finder._last_name.pattern)


REQUIRED = [  # pattern, the literal every match must hold
    ("ab(?:cd)e", "abcde"), ("(?:ab|cd)ef", "ef"), ("x(?P<a>yz)w", "xyzw"), ("a?bc", "bc"),
    ("(?:abc)+d", "abc"), ("(?:abc)*d", "d"), ("ab(?=cd)ef", "ab"), ("(?:万亿|亿)x", "亿"),
    ("(?:a|)b", "b"), ("(?:xa|ya)", "a"), ("q(?:b|c)", "q"), ("a|b", ""), ("(?i)abc", ""),
    ("(?<=x)ab", "ab"), ("[ab]+", ""), ("(?P<n>[0-9]+)个(?P<mag>亿)(?!元)", "个亿"),
    ("(?i:ab)c", "c"), ("x(?i:ab)", "x"), ("(?P<g>(?i:ab))c", "c"),
]


def test_a_required_literal_is_in_every_match() -> None:
    from econer.annotate.rules.cache import Regexes

    regexes = Regexes()
    rng = random.Random(5)
    alphabet = "abcdexyzqwAB个亿万元0123"  # upper case: (?i:...) must not be trusted
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
             for _ in range(3000)]
    for pattern, expected in REQUIRED:
        assert regexes.required(pattern) == expected, pattern
        for text in texts:
            for match in re.finditer(pattern, text):
                assert expected in match.group(), (pattern, text)


def test_the_rules_required_literals_hold_on_the_corpus() -> None:
    import json
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / \
        "industry-news-2011.jsonl"
    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")][:300]
    rules = [r for r in load_patterns().rules if r.required]
    assert {r.name for r in rules} >= {"amount.ge_yi", "rate.points"}  # 个亿, 百分点
    for rule in rules:
        for text in texts:
            for match in rule.regex.finditer(text):
                assert rule.required in match.group(), (rule.name, match.group())


def test_the_status_prefix_check_answers_as_its_regex() -> None:
    from econer.annotate.rules import names

    rng = random.Random(8)
    alphabet = "ST*XDRPA公司\n "
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))
        start = rng.randint(0, len(text))
        plain = bool(names._STATUS_BEFORE.search(text, max(0, start - 5), start))
        assert names.NameFinder._status_before(text, start) == plain, (text, start)


def test_the_latin_act_regex_finds_what_the_lookbehind_first_one_finds() -> None:
    from econer.annotate.rules import context
    from econer.annotate.rules.names import NameFinder

    finder = NameFinder(load_patterns())
    # as first written: the lookbehind before the first letter (re tries every position)
    plain = re.compile(r"(?<![A-Za-z0-9])" + context.LATIN_WORD
                       + finder.latin_acting.pattern[len(context.LATIN_START
                                                         + context.LATIN_REST):])
    assert plain.pattern != finder.latin_acting.pattern
    rng = random.Random(21)
    pieces = ["A", "b", "KDDI", "Co", "3", "x9", " ", ".", "-", "&", "宣布", "日前", "将与",
              "公司", "股价", "\n", "，", "的", "收购"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert [m.span() for m in finder.latin_acting.finditer(text)] == \
            [m.span() for m in plain.finditer(text)], text


def test_occurrences_by_stable_sorts_are_the_composite_sort_ones() -> None:
    from econer.annotate.rules.names import _occurrences

    def plain(text: str, names: set[str]) -> list[tuple[int, int]]:
        found = [(m.start(), m.start() + len(n)) for n in names
                 for m in re.finditer(f"(?={re.escape(n)})", text)]
        found.sort(key=lambda x: (x[0], -x[1]))
        out: list[tuple[int, int]] = []
        for start, end in found:
            if not out or start >= out[-1][1]:
                out.append((start, end))
        return out

    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice("紫建电子与aab") for _ in range(rng.randint(0, 20)))
        names = {"".join(rng.choice("紫建电子ab") for _ in range(rng.randint(1, 4)))
                 for _ in range(rng.randint(0, 5))}
        assert _occurrences(text, names) == plain(text, names), (text, names)


def test_a_trade_after_a_list_name_is_found_as_by_the_plain_loop() -> None:
    from econer.annotate.rules import context
    from econer.annotate.rules.names import NameFinder

    finder = NameFinder(load_patterns())
    brands = finder.gazetteer.brands

    def plain(text: str, end: int) -> list:
        for trade in finder.brand_trade:  # as first written: every trade word tried
            if not text.endswith(trade, 0, end):
                continue
            stop = end - len(trade)
            for size in range(4, 1, -1):
                start = stop - size
                if start >= 0 and text[start:stop] in brands and \
                        context._brand_ok(finder, text, start, stop, brands):
                    return [(start, end)]
            return []
        return []

    rng = random.Random(8)
    pieces = [*finder.brand_trade[:12], "大富豪", "起亚", "，", "宣布", "的", "海尔", "公司"]
    positives = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        for end in range(len(text) + 1):
            found = [(s, e) for s, e, *_ in context._brand_trade(finder, text, end, brands)]
            assert found == plain(text, end), (text, end)
            positives += bool(found)
    assert positives > 50  # the texts hold firms with their trade, not only misses


def test_repeated_runs_are_picked_as_by_the_plain_loop() -> None:
    from collections import Counter

    from econer.annotate.rules import context

    def plain(text: str) -> list[str]:
        """As first written: every counted run looked at in Python."""
        counts = Counter(context._REPEAT_RUN.findall(text, 0) + (
            [m.group(1)] if (m := context._FIRST_RUN.match(text)) else []))
        return [n for n, c in counts.items() if c > 1 + (len(n) == 2)
                and n[0] not in context._NOT_FIRST]

    def plain_once(text: str) -> list[str]:
        counts = Counter(context._REPEAT_RUN.findall(text, 0) + (
            [m.group(1)] if (m := context._FIRST_RUN.match(text)) else []))
        return [n for n, c in counts.items() if c == 1]

    rng = random.Random(17)
    pieces = ["，万士达", "与联胜", "。奥的斯", "的鲁花", "万士达", "联胜", "，", "。", "与", "的",
              "在", "表示", "宣布", "上市", "集团", "等", "、", "5", "于", "电子", "\n", "花", "一"]
    positives = once = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert context._repeated_runs(text) == (plain(text), plain_once(text)), text
        positives += bool(plain(text))
        once += bool(plain_once(text))
    assert positives > 500 and once > 500  # the texts repeat runs, not only miss


def test_runs_that_may_act_once_keep_every_run_that_acts_once() -> None:
    """``_acting_runs`` (the runs ending where a firm's word may start) loses no run that
    acts once: the runs of the plain filter (three characters or more, a first character
    that may open a name) that act once are those of the fast one, in the same order."""
    import json
    from pathlib import Path

    from econer.annotate.rules import context
    from econer.annotate.rules.ruler import load_rules

    finder = load_rules()._names

    def acting(runs: list[str], text: str) -> list[str]:
        return [n for n in runs if context._acts_once(finder, text, n)]

    def check(text: str) -> tuple[int, int]:
        once = context._repeated_runs(text)[1]
        plain = [n for n in once if len(n) >= 3 and n[0] not in context._NOT_FIRST]
        fast = context._acting_runs(finder, text, once)
        assert fast == [n for n in plain if n in fast], text  # a sub-list, in order
        assert acting(fast, text) == acting(plain, text), text
        return len(acting(plain, text)), len(plain) - len(fast)

    rng = random.Random(23)
    # words of the lists that overlap (公告, 发布公告; 股价, 价格), runs before them
    pieces = ["，宏远达", "与联胜科", "。奥的斯", "宏远达", "联胜科", "达董", "，", "。", "与",
              "的", "董事长", "宣布", "发布公告", "公告", "股价", "价格", "方面", "上市", "首席",
              "实际控制人", "集团", "表示", "5", "\n", "A"]
    acts = skipped = 0
    for _ in range(3000):
        found, gone = check("".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))))
        acts, skipped = acts + found, skipped + gone
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / \
        "industry-news-2011.jsonl"
    with corpus.open(encoding="utf-8") as handle:
        for line in list(handle)[:400]:
            found, gone = check(json.loads(line)["text"])
            acts, skipped = acts + found, skipped + gone
    assert acts > 300 and skipped > 3000  # runs that act, and many that cannot


def test_a_search_skipping_to_a_first_character_finds_what_re_finds() -> None:
    from econer.annotate.rules import cache

    patterns = load_patterns()
    regexes = cache.Regexes()
    sources = [rule.regex.pattern for rule in patterns.rules]
    from econer.annotate.rules import context, names  # their module regexes go through it too

    sources += [v.pattern for module in (context, names) for v in vars(module).values()
                if isinstance(v, re.Pattern)]
    sources += [r"(?<![A-Za-z])(?:\*?ST|S\*ST|SST|XD|XR|DR|PT)(?=[\u4e00-\u9fff])",
                r"(?<!x)(?:y?z|w)+", r"(?<!a)b*c", r"(?:(?<![0-9]))(?P<n>[0-9]*)元?"]
    skipping = [s for s in sources
                if cache._first_skipping_code(cache._parser.parse(s, 0), 0) is not None]
    # the amount and rate rules open with a lookbehind: they are the ones that gain
    assert {r.name for r in patterns.rules if r.regex.pattern in skipping} >= \
        {"amount.arabic", "amount.chinese", "rate.percent", "rate.points"}
    assert r"(?:(?<![0-9]))(?P<n>[0-9]*)元?" not in skipping  # it may match empty
    rng = random.Random(4)
    pieces = ["1", "2", "0", ".", ",", "，", "5", "亿", "万", "元", "美元", "%", "％", "个",
              "百分点", "百分之", "三", "十", "余", "多", "-", "~", "至", "负", "x", "yz", "w",
              "ST", "*", "吉恩", "b", "c", "a", " ", "人民币", "、", "年", "千分之"]
    for source in skipping:
        fast, plain = regexes.compile(source), re.compile(source)
        assert fast is not plain
        for _ in range(400):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
            assert [m.group(0, *range(1, plain.groups + 1)) for m in fast.finditer(text)] == \
                [m.group(0, *range(1, plain.groups + 1)) for m in plain.finditer(text)], \
                (source, text)
            assert bool(fast.match(text)) == bool(plain.match(text))


def test_kept_kind_answers_are_the_regex_answers() -> None:
    from econer.annotate.rules.names import NameFinder

    finder = NameFinder(load_patterns())
    kind, regex = finder.company_generic, finder.company_generic.regex
    rng = random.Random(6)
    pieces = ["重庆", "电子", "科技", "紫建", "公司", "有限", "中国", "市", "新", "区", "能源", ""]
    for _ in range(3000):
        name = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
        assert kind.fullmatch(name) == (regex.fullmatch(name) is not None), name
        assert kind.fullmatch(name) == (regex.fullmatch(name) is not None), name  # kept
    assert kind.fullmatch("重庆电子") and not kind.fullmatch("紫建电子")


def test_the_brand_filter_answers_exactly() -> None:
    from econer.annotate.rules.gazetteer import BrandSet

    rng = random.Random(9)
    names = {"".join(rng.choice("耐克森三洋万士达a1") for _ in range(rng.randint(1, 5)))
             for _ in range(3000)}
    brands = BrandSet.from_names(names)
    assert all(name in brands for name in names)
    others = {"".join(rng.choice("耐克森三洋万士达a1b") for _ in range(rng.randint(1, 6)))
              for _ in range(3000)} - names
    assert others and not any(name in brands for name in others)


def test_the_brand_list_by_bucket_answers_as_a_set(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from itertools import pairwise

    from econer.annotate.rules.gazetteer import _BUCKETS, BrandSet

    monkeypatch.setenv("ECONER_CACHE_DIR", str(tmp_path / "cache"))
    rng = random.Random(4)
    # more names than buckets: most buckets hold several, a few none
    names = sorted({"".join(rng.choice("耐克森三洋万士达宏远a1") for _ in range(rng.randint(2, 7)))
                    for _ in range(_BUCKETS + 20_000)})
    path = tmp_path / "brands.tsv"
    path.write_text("# header\n" + "\n".join(names[::2]) + "\n", encoding="utf-8")
    kept = set(names[::2])
    # two names side by side in the lines, joined by a line break, are no name
    order = list(BrandSet.from_names(kept))
    joined = [f"{a}\n{b}" for a, b in pairwise(order)][:5000]
    asked = [*names[:30_000], *joined, ""]
    expected = [name for name in asked if name in kept]
    for brands in (BrandSet.load(path), BrandSet.load(path)):  # derived, then cached
        assert len(brands) == len(kept) and set(brands) == kept
        assert [name in brands for name in asked] == [name in kept for name in asked]
        assert brands.having(asked) == expected
    empty = BrandSet.from_names([])
    assert len(empty) == 0 and list(empty) == [] and "耐克" not in empty


def test_the_brand_list_asked_at_once_answers_as_in() -> None:
    from econer.annotate.rules.gazetteer import BrandSet, having

    rng = random.Random(12)
    names = sorted({"".join(rng.choice("耐克森三洋万士达a1") for _ in range(rng.randint(1, 5)))
                    for _ in range(2000)})
    brands = BrandSet.from_names(names[::2])
    asked = [*names, "", *names[:50]]
    rng.shuffle(asked)
    expected = [name for name in asked if name in brands]
    assert 500 < len(expected) < len(asked)
    assert brands.having(asked) == expected
    assert having(brands, asked) == expected  # and a plain set answers the same
    assert having(frozenset(names[::2]), asked) == expected


def test_the_cached_lists_are_the_parsed_lists(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from econer.annotate.rules.gazetteer import Entry, _listed, _word_list

    monkeypatch.setenv("ECONER_CACHE_DIR", str(tmp_path / "cache"))
    listed = tmp_path / "listed.tsv"
    listed.write_text("# name\tkind\tcode\tcommon\tsources\n宏图\tshort\t600001\t0\ta:1,b:2\n"
                      "宏图\tfull\t600001\t1\ta:3\n\n万士达\tshort\t\t0\tc:4\n", encoding="utf-8")
    words = tmp_path / "words.tsv"
    words.write_text("# word\tclass\n导致\tv\n很多\tm\n", encoding="utf-8")
    for _ in range(2):  # derived, then from the cache
        assert _listed(listed) == {
            "宏图": [Entry("宏图", "short", "600001", False, ("a:1", "b:2")),
                   Entry("宏图", "full", "600001", True, ("a:3",))],
            "万士达": [Entry("万士达", "short", "", False, ("c:4",))]}
        assert _word_list(words, "t", lambda lines: dict(x.split("\t", 1) for x in lines)) \
            == {"导致": "v", "很多": "m"}
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_a_word_list_alternation_is_the_plain_one() -> None:
    from econer.annotate.rules.patterns import alternation

    def plain(words) -> str:  # noqa: ANN001 - a list or a mapping
        ordered = sorted({str(w) for w in words if str(w)}, key=lambda w: (-len(w), w))
        return "|".join(re.escape(w) for w in ordered)

    rng = random.Random(21)
    alphabet = "元美亿万a.b*|()[] -\\\n\0^$?"  # escaped characters and the separator too
    for _ in range(3000):
        words: list | dict = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5)))
                              for _ in range(rng.randint(0, 30))]
        if rng.random() < 0.2:
            words = dict.fromkeys(words, 1)
        elif rng.random() < 0.1:
            words = [*words, 5, 12]
        assert alternation(words) == plain(words), words


def test_a_word_scan_finds_what_the_alternations_finditer_finds() -> None:
    from econer.annotate.rules.names import WordScan
    from econer.annotate.rules.patterns import alternation

    rng = random.Random(33)
    alphabet = "宣布投资总裁旗下a.(|"  # overlapping words, prefixes, escaped characters
    for _ in range(2000):
        words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4)))
                 for _ in range(rng.randint(1, 12))]
        text = "".join(rng.choice(alphabet + "，的𪚥") for _ in range(rng.randint(0, 40)))
        regex = re.compile(alternation(words)) if any(words) else None
        expected = [m.span() for m in regex.finditer(text)] if regex else []
        assert WordScan(words).spans(text) == expected, (words, text)
    # and the lists the finder scans so, on the corpus's own kind of text
    from econer.annotate.rules.patterns import load_patterns

    lists = load_patterns().lists
    text = "据悉，星石投资认为，高科奶业董事长表示，奥的斯宣布在浦里新区长沙片区投资建厂"
    for names in (("PARK_HEAD",), ("COMPANY_TRIGGER",), ("CONTEXT_TRIGGER",), ("BRAND_ACTION",),
                  ("FUND_SUFFIX",), ("COMPANY_TRIGGER_BEFORE",), ("BRAND_ACTION_BEFORE",),
                  ("COMPANY_FULL_SUFFIX",), ("COMPANY_SHORT_SUFFIX",), ("PROJECT_PHASE",),
                  ("BOUNDARY", "COMPANY_BOUNDARY"), ("BOUNDARY", "PARK_BOUNDARY")):
        words = [str(w) for name in names for w in lists[name]]
        assert WordScan(words).spans(text) == \
            [m.span() for m in re.finditer(alternation(words), text)], names


def test_a_word_end_by_first_characters_is_the_regexes_answer() -> None:
    from econer.annotate.rules.names import _HAN, NameFinder
    from econer.annotate.rules.patterns import load_patterns

    finder = NameFinder(load_patterns())

    def plain(text: str, end: int) -> bool:
        return end >= len(text) or not _HAN.match(text, end) or bool(
            finder.boundary_start.match(text, end)
            or (finder.trigger is not None and finder.trigger.match(text, end)))

    rng = random.Random(5)
    lists = load_patterns().lists
    words = [str(w) for name in ("BOUNDARY", "COMPANY_TRIGGER") for w in lists[name]]
    pieces = [*rng.sample(words, 60), "宏图", "科技", "，", "A", "的", "公司"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        for end in range(len(text) + 1):
            assert finder._ends_word(text, end) == plain(text, end), (text, end)


def test_a_boundary_word_ending_here_is_the_regexes_answer() -> None:
    from econer.annotate.rules.names import NameFinder
    from econer.annotate.rules.patterns import load_patterns

    finder = NameFinder(load_patterns())
    rng = random.Random(8)
    words = [str(w) for w in load_patterns().lists["BOUNDARY"]]
    pieces = [*rng.sample(words, 60), "宏图", "科技", "，", "\n", "A", "的"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        for hi in range(len(text) + 1):
            for lo in range(max(0, hi - 6), hi + 1):
                assert finder._boundary_ends(text, lo, hi) == \
                    bool(finder.boundary_end.search(text, lo, hi)), (text, lo, hi)


def test_a_product_word_after_a_name_is_the_regexes_answer() -> None:
    from econer.annotate.rules.names import NameFinder
    from econer.annotate.rules.patterns import load_patterns

    finder = NameFinder(load_patterns())
    rng = random.Random(6)
    pieces = [*(str(w) for w in load_patterns().lists["PRODUCT_AFTER"]), "宏图", "，", "的", "A"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        for end in range(len(text) + 1):
            assert text.startswith(finder._product_words, end) == \
                bool(finder.product_after.match(text, end)), (text, end)


def test_anchor_windows_by_the_scan_are_those_by_finditer() -> None:
    from econer.annotate.rules.ruler import _anchor_scan, _windows, anchor_windows

    rng = random.Random(10)
    alphabet = "元美亿人民币%‰百分a"
    kept = 0
    for _ in range(2000):
        words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3)))
                 for _ in range(rng.randint(1, 6))]
        anchor = re.compile("|".join(words))
        scan = _anchor_scan(anchor)
        text = "".join(rng.choice(alphabet + "，5 ") for _ in range(rng.randint(0, 80)))
        before, after = rng.randint(0, 12), rng.randint(0, 6)
        if scan is not None:
            kept += 1
            assert _windows(scan.spans(text), len(text), before, after) == \
                anchor_windows(anchor, text, before, after), (words, text)
    assert kept > 500  # most random lists qualify; the rest keep finditer


def test_media_and_model_words_after_a_name_are_the_regexes_answers() -> None:
    from econer.annotate.rules.names import _MODEL, NameFinder
    from econer.annotate.rules.patterns import load_patterns

    finder = NameFinder(load_patterns())
    lists = load_patterns().lists
    rng = random.Random(7)
    pieces = [*(str(w) for n in ("MEDIA_AFTER", "ASSOCIATION_AFTER") for w in lists[n]),
              "网", "网讯", "网络", "发言", "部", "A6", "X系列", "5系", "CR-V", "宏图", "，", "1"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        for end in range(len(text) + 1):
            assert finder._media_at(text, end) == bool(finder.media_after.match(text, end))
            assert finder._model_at(text, end) == bool(_MODEL.match(text, end)), (text, end)


def test_words_grouped_by_first_character_fullmatch_as_the_plain_alternation() -> None:
    from econer.annotate.rules.names import first_grouped
    from econer.annotate.rules.patterns import alternation

    rng = random.Random(12)
    alphabet = "元美国亿万a.b*|()[] -\\\n"  # escaped characters too
    level = "[元美国]{1,4}?(?:市|县)"  # as company_generic: words or a place with its level
    for _ in range(2000):
        words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4)))
                 for _ in range(rng.randint(1, 25))]
        if not any(words):
            continue
        plain = re.compile(f"(?:{alternation(words)}|{level})+")
        grouped = re.compile(f"(?:{first_grouped(words)}|{level})+")
        for _ in range(20):
            text = "".join(rng.choice(alphabet + "市县") for _ in range(rng.randint(0, 8)))
            assert (plain.fullmatch(text) is None) == (grouped.fullmatch(text) is None), \
                (words, text)
        for word in words:  # every word and every run of two words matches
            for other in (word, rng.choice(words)):
                text = word + other
                assert (plain.fullmatch(text) is None) == (grouped.fullmatch(text) is None)


def test_the_generic_kinds_regex_answers_as_the_plain_one_on_the_corpus_cores() -> None:
    import json
    from pathlib import Path

    from econer.annotate.rules.names import NameFinder
    from econer.annotate.rules.patterns import alternation

    patterns = load_patterns()
    finder = NameFinder(patterns)
    lists = patterns.lists
    words = [str(w) for n in ("PLACE", "INDUSTRY", "GENERIC", "COMPANY_STOP_CORE")
             for w in lists.get(n) or []]
    tail = finder.company_generic.regex.pattern.rpartition("|[")[2]
    plain = re.compile(f"(?:{alternation(words)}|[{tail}")
    corpus = Path(__file__).resolve().parents[1].parent / "shared/corpus"
    texts = [json.loads(line)["text"] for path in sorted(corpus.glob("*.jsonl"))[:1]
             for line in path.open(encoding="utf-8") if line.strip()][:200]
    rng = random.Random(5)
    strings = [*words, *(a + b for a in words[:300] for b in words[:30])]
    for text in texts:  # every run of 2 to 8 characters of some texts
        for _ in range(200):
            at = rng.randrange(max(1, len(text) - 2))
            strings.append(text[at : at + rng.randint(2, 8)])
    assert sum(finder.company_generic.fullmatch(s) for s in strings) > 1000
    for s in strings:
        assert finder.company_generic.fullmatch(s) == (plain.fullmatch(s) is not None), s


def test_words_grouped_by_first_character_match_as_the_plain_alternation() -> None:
    from econer.annotate.rules.names import NameFinder, first_grouped
    from econer.annotate.rules.patterns import alternation

    rng = random.Random(13)
    alphabet = "元美国亿万a.b*|()[] -\\\n"
    for _ in range(1500):
        letters = alphabet if rng.random() < 0.5 else "元美国.("  # (words that extend others)
        words = ["".join(rng.choice(letters) for _ in range(rng.randint(0, 4)))
                 for _ in range(rng.randint(1, 25))]
        if not any(words):
            continue
        tail = rng.choice(["", "市", "(?:国|美)", "[元美]{1,3}?市"])  # backtracking into it
        form = rng.choice(["(?:(?:{}){}|[元美]{{1,4}}?县)+", "(?:{}){}"])  # as place, or once
        plain = re.compile(form.format(alternation(words), tail))
        grouped = re.compile(form.format(first_grouped(words), tail))
        for _ in range(10):
            text = "".join(rng.choice(letters + "市县") for _ in range(rng.randint(0, 12))) \
                if rng.random() < 0.5 else "".join(rng.choice(words) for _ in range(3))
            assert [m.span() for m in plain.finditer(text)] == \
                [m.span() for m in grouped.finditer(text)], (words, tail, text)
            for at in range(len(text)):
                a, b = plain.match(text, at), grouped.match(text, at)
                assert (a and a.span()) == (b and b.span()), (words, tail, text, at)
    # the place regex against its plain version, at every place of some corpus text
    patterns = load_patterns()
    finder = NameFinder(patterns)
    tail = finder.place.pattern.rpartition("|[")[2]
    plain = re.compile(f"(?:{alternation(patterns.lists.get('PLACE') or [])}|[{tail}")
    assert plain.pattern != finder.place.pattern
    text = "浙江省杭州市余杭区人民政府与北京中关村、广东深圳南山区、山西省太原市小店区及美国加州"
    for at in range(len(text)):
        for end in range(at, len(text) + 1):
            a, b = plain.match(text, at, end), finder.place.match(text, at, end)
            assert (a and a.span()) == (b and b.span()), (at, end)


def test_word_lists_scanned_together_find_what_each_finds_alone() -> None:
    from econer.annotate.rules.names import WordScan
    from econer.annotate.rules.patterns import alternation
    from econer.annotate.rules.scans import ScanGroup

    rng = random.Random(61)
    alphabet = "宣布投资总裁旗下a.(|"  # words shared by lists, prefixes of one another, escapes
    for _ in range(600):
        group = ScanGroup()
        lists = [["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4)))
                  for _ in range(rng.randint(0, 10))] for _ in range(rng.randint(1, 5))]
        scans = [group.scan(words) for words in lists]
        for _ in range(3):  # several texts in turn, each asked of every list in any order
            text = "".join(rng.choice(alphabet + "，的𪚥") for _ in range(rng.randint(0, 60)))
            for i in rng.sample(range(len(lists)), len(lists)):
                expected = [m.span() for m in re.finditer(alternation(lists[i]), text)] \
                    if any(lists[i]) else []
                assert scans[i].spans(text) == expected == WordScan(lists[i]).spans(text), \
                    (lists[i], text)
    # names searched in the same pass: every occurrence, by start, then longest; the lists as
    # alone
    for _ in range(300):
        group = ScanGroup()
        lists = [["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3)))
                  for _ in range(rng.randint(0, 6))] for _ in range(rng.randint(0, 3))]
        scans = [group.scan(words) for words in lists]
        names = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
                        for _ in range(rng.randint(0, 12))})
        group.search_names(names)
        text = "".join(rng.choice(alphabet + "，") for _ in range(rng.randint(0, 60)))
        assert group.names_in(text) == [(i, j, text[i:j]) for i in range(len(text))
                                        for j in range(len(text), i, -1)
                                        if text[i:j] in names], (names, text)
        for words, scan in zip(lists, scans, strict=True):
            assert scan.spans(text) == WordScan(words).spans(text), (words, names, text)
    # a list added after a search is searched at the next text; an equal text made anew
    group = ScanGroup()
    first = group.scan(["投资", "投"])
    assert first.spans("总投资") == [(1, 3)]
    second = group.scan(["资总", "总"])
    text = "".join(["总投资", "资总"])
    assert (first.spans(text), second.spans(text)) == ([(1, 3)], [(0, 1), (3, 5)])
    assert first.spans("旗下投资") == [(2, 4)] and second.spans("旗下投资") == []


def test_the_labellers_scans_together_are_the_scans_alone_on_the_corpus() -> None:
    import json
    from pathlib import Path

    from econer.annotate.rules.names import WordScan
    from econer.annotate.rules.ruler import load_rules

    labeller = load_rules()
    group = labeller._names.scans
    alone = [WordScan(words) for words in group._lists]
    assert len(alone) >= 10  # the finder's whole-text lists and the amount and rate anchors
    corpus = sorted((Path(__file__).resolve().parents[2] / "shared/corpus").glob("*.jsonl"))[0]
    with corpus.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()][:150]
    import ahocorasick_rs

    names = labeller._names._all_names  # the lexicon's and the gazetteer's, in the same pass
    automaton = ahocorasick_rs.AhoCorasick(names, matchkind=ahocorasick_rs.MatchKind.Standard)
    for text in texts:
        for index, scan in enumerate(alone):
            assert group.spans(text, index) == scan.spans(text)
        assert group.names_in(text) == sorted(
            ((s, e, names[i]) for i, s, e in automaton.find_matches_as_indexes(
                text, overlapping=True)), key=lambda m: (m[0], -m[1]))


def test_the_rules_version_is_the_hash_of_the_files_joined(tmp_path) -> None:  # noqa: ANN001
    import hashlib
    from pathlib import Path

    from econer.annotate.rules import patterns

    (tmp_path / "sub").mkdir()
    (tmp_path / "a.yaml").write_text("lists: {}\n", encoding="utf-8")
    (tmp_path / "sub" / "b.jsonl").write_bytes(b"\0x" * 70_000)
    (tmp_path / "c.txt").write_text("not a pattern file", encoding="utf-8")
    code = Path(patterns.__file__).parent
    joined = b"".join(str(p.relative_to(tmp_path)).encode() + b"\0" + p.read_bytes() + b"\0"
                      for p in patterns.files_of(tmp_path))
    joined += b"".join(p.name.encode() + b"\0" + p.read_bytes() + b"\0"
                       for p in sorted(code.glob("*.py")))
    assert patterns.version_of(tmp_path) == "rules-" + hashlib.sha256(joined).hexdigest()[:8]


def test_plain_numbers_values_by_float_are_the_decimal_values() -> None:
    from decimal import Decimal

    from econer.annotate.rules.numbers import (
        MINUS,
        _number,
        amount_value,
        magnitude,
        parse_number,
        rate_value,
    )

    from econer.errors import EconerError
    from econer.spans import Value

    def amount_by_decimal(number: str, mag: str) -> Value:  # amount_value as first written
        base, vague = parse_number(number)
        return Value(_number(base * magnitude(mag)), "CNY", vague)

    def rate_by_decimal(number: str, unit: str) -> Value:  # rate_value as first written
        sign = Decimal(1)
        if number[:1] in MINUS or number[:1] == "负":
            sign, number = Decimal(-1), number[1:]
        base, vague = parse_number(number)
        value = sign * base / (1000 if unit in {"‰", "千分之"} else 100)
        return Value(_number(value), "points" if "百分点" in unit else "fraction", vague)

    def answer(f, *args):  # noqa: ANN001, ANN202
        try:
            return f(*args)
        except EconerError as error:
            return str(error)

    rng = random.Random(12)
    digits = "0123456789"
    for _ in range(20_000):
        shape = rng.random()
        number = "".join(rng.choice(digits) for _ in range(rng.randint(1, 30)))
        if shape < 0.6:  # a decimal point somewhere (or at an end)
            at = rng.randint(0, len(number))
            number = number[:at] + "." + number[at:]
        elif shape < 0.7:
            number = rng.choice(["", ".", "1..5", "1,000", "１２", "٣", "²", "1e5", "1 5",
                                 "0", "0.0", "00.000", "一百"])
        mag = "".join(rng.choice("万亿千百十个余多萬億拾元") for _ in range(rng.randint(0, 3)))
        assert answer(amount_value, number, mag, "CNY") == \
            answer(amount_by_decimal, number, mag), (number, mag)
        sign = rng.choice(["", "", "-", "负", "－"])
        unit = rng.choice(["%", "‰", "千分之", "个百分点", "百分之"])
        assert answer(rate_value, sign + number, unit) == \
            answer(rate_by_decimal, sign + number, unit), (sign + number, unit)


def test_consultancy_trades_from_the_trades_are_the_regexes_trades() -> None:
    import json
    from pathlib import Path

    from econer.annotate.rules.context import CONSULTANCY_TRADES, _consultancy_trades
    from econer.annotate.rules.names import WordScan

    # the regex as first written (资讯 since round thirty)
    plain = re.compile("([\u4e00-\u9fff])(顾问|咨询|市场研究|资讯)")
    trades = WordScan(list(CONSULTANCY_TRADES))
    rng = random.Random(9)
    alphabet = ["顾问", "咨询", "市场研究", "资讯", "顾", "问", "咨", "询", "资", "讯", "市场",
                "研究", "中", "投", "，", "a", "1", "𪚥", " "]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        assert _consultancy_trades(text, trades.spans(text)) == \
            [m.span(2) for m in plain.finditer(text)], text
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / \
        "industry-news-2011.jsonl"
    for line in corpus.open(encoding="utf-8"):
        text = json.loads(line)["text"]
        assert _consultancy_trades(text, trades.spans(text)) == \
            [m.span(2) for m in plain.finditer(text)]
