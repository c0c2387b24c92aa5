"""Round twenty-six: a firm's latin name in brackets joins its span (sentences written from the
standard and the devsets' decisions, not from the seeds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rule_spans import names

from econer.resources import config_path
from econer.spans import Document


@pytest.mark.parametrize(("text", "expected"), [
    ("日本瑞穗银行(Mizuho Bank)宣布上调贷款利率。", ["日本瑞穗银行(Mizuho Bank)"]),
    ("据高德纳公司（Gartner）统计，出货量下降。", ["高德纳公司（Gartner）"]),
    ("苹果公司已与联咏科技 (Novatek Microelectronics Corp.)签约。",
     ["苹果公司", "联咏科技 (Novatek Microelectronics Corp.)"]),
])
def test_a_latin_gloss_in_brackets_is_part_of_the_name(labeller, text: str,
                                                      expected: list[str]) -> None:
    assert names(labeller, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("英特尔(INTC)股价上涨2%。", ["英特尔"]),  # a ticker stays out
    ("獐子岛(SZ.002069)发布公告。", ["獐子岛"]),  # a stock code stays out
    ("三一重工(600031.SH)公告称", ["三一重工"]),
    ("烟台万华(MDI)产能扩大。", ["烟台万华"]),  # all capitals: an initialism or a product
    ("尚德电力控股有限公司(STP.NYSE，下称尚德电力)宣布", ["尚德电力控股有限公司"]),
])
def test_codes_and_initialisms_in_brackets_stay_out(labeller, text: str,
                                                    expected: list[str]) -> None:
    assert names(labeller, text)[:1] == expected


def test_a_later_mention_still_finds_the_bare_name(labeller) -> None:
    # the repeat and alias rules read the name without its gloss
    text = "瑞萨电子(Renesas Electronics)受到地震影响。瑞萨电子表示将恢复生产。"
    assert names(labeller, text) == ["瑞萨电子(Renesas Electronics)", "瑞萨电子"]


# -- lexicon/company-known.jsonl: well-known firms by the name business news writes -----------

def _known_names() -> set[str]:
    path = config_path("rules", "lexicon", "company-known.jsonl")
    return {json.loads(line)["pattern"] for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("{")}


def test_the_known_firms_hold_no_seed_name_and_no_listed_name() -> None:
    repo = Path(__file__).resolve().parents[1]
    seeds = "".join(p.read_text(encoding="utf-8") for p in (repo / "seeds").glob("*.txt"))
    gold = [json.loads(line) for line in
            (repo / "seeds" / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()]
    seed_names = {s["text"] for doc in gold for s in doc["spans"]}
    listed = {line.split("\t")[0] for line in config_path("rules", "gazetteer", "listed.tsv")
              .read_text(encoding="utf-8").splitlines() if not line.startswith("#")}
    names = _known_names()
    assert len(names) > 200
    assert not {n for n in names if n in seeds} and not names & seed_names
    assert not names & listed  # the listed gazetteer's own rule reads those


@pytest.mark.parametrize(("text", "expected"), [
    ("电梯制造商奥的斯并未公开表态。", ["奥的斯"]),
    ("埃森哲将接收部分员工。", ["埃森哲"]),
    ("宏碁与华硕的平板电脑出货量下降。", ["宏碁", "华硕"]),
    ("KDDI计划推出新一代网络。", ["KDDI"]),
])
def test_a_known_firm_is_found_by_its_short_name(labeller, text: str,
                                                 expected: list[str]) -> None:
    assert names(labeller, text) == expected


@pytest.mark.parametrize("text", [
    "CBRES指数上升。",  # a known latin name inside a longer latin word
    "其中信息技术行业增长较快。",  # no chance substring across words (中信 is no entry)
])
def test_no_known_firm_inside_a_longer_word(labeller, text: str) -> None:
    assert names(labeller, text) == []


# -- amount.bare_wan: a bare 万 after a word of money ------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("这家公司的注册资本不过2300万，员工不足百人。", ["2300万"]),
    ("该厂已投入资金近6000万进行技术改造。", ["6000万"]),
    ("去年实现净利润850万，同比下降。", ["850万"]),
    ("当时楼面价大概3万左右。", ["3万"]),
])
def test_a_bare_wan_after_a_money_word_is_an_amount(labeller, text: str,
                                                    expected: list[str]) -> None:
    assert names(labeller, text, "AMOUNT") == expected


@pytest.mark.parametrize("text", [
    "本周新增投资者数量30.41万，环比下降。",  # investors, not money
    "股东拟增持不超过1000万股。",  # shares
    "净利润分别为-1161万和-402万。",  # a loss with its sign: no span rather than a wrong one
    "该项目投入资金建设年产100万~200万吨的生产线。",  # a range of tonnes
    "全市汽车保有量达到300万。",  # no money word
])
def test_a_bare_wan_without_money_is_no_amount(labeller, text: str) -> None:
    assert names(labeller, text, "AMOUNT") == []


# -- round twenty-seven: a second batch of known firms, one level below the most famous ------

@pytest.mark.parametrize(("text", "expected"), [
    ("邦吉和路易达孚均表示有意竞购。", ["邦吉", "路易达孚"]),
    ("该项目的双离合器技术来自博格华纳。", ["博格华纳"]),
])
def test_a_second_batch_known_firm_is_found(labeller, text: str, expected: list[str]) -> None:
    assert names(labeller, text) == expected


@pytest.mark.parametrize("text", [
    "德国前总理施罗德上任后访问中国。",  # a person's name: no entry
    "桑坦德竞技本轮客场作战。",  # a football club and a city: no entry
])
def test_names_that_are_people_or_places_too_are_no_entry(labeller, text: str) -> None:
    assert names(labeller, text) == []


# -- round twenty-eight: a hundredth of a currency, and futures quotes with a fraction --------

@pytest.mark.parametrize(("text", "surface", "number", "unit"), [
    ("原油期货结算价上涨45美分。", "45美分", 0.45, "USD"),
    ("每股派发末期股息12港仙。", "12港仙", 0.12, "HKD"),
    ("大豆期货收跌3 1/4美分。", "3 1/4美分", 0.0325, "USD"),
    ("玉米期货报收于6.52 1/2美元/蒲式耳。", "6.52 1/2美元", 6.525, "USD"),
])
def test_cents_and_quoted_fractions_are_amounts(labeller, text: str, surface: str,
                                                number: float, unit: str) -> None:
    [span] = [s for s in labeller(Document.from_text(text)).spans if s.label == "AMOUNT"]
    assert (span.text, span.value.unit) == (surface, unit)
    assert span.value.number == pytest.approx(number)
