"""Round seven (issue 12): changes meant to carry over to text nobody tuned on. A firm acting
with a time word between its name and its act; a person holding firms is no firm. Sentences
written for the test from spec/entities.md ("与华为共同推出 → 华为": a firm acting is
COMPANY; "Not COMPANY: … people"); none is a corpus, dev or seed sentence."""

from __future__ import annotations

import pytest
from rule_spans import spans


# -- a time word between a firm of the 267K list and its act (company.brand.action) --------
@pytest.mark.parametrize("text", [
    "据悉，固铂近日宣布将在华扩产。",
    "固铂日前斥资十亿元收购一家工厂。",
    "记者获悉，固铂正式宣布在华扩产。",
])
def test_a_firm_acting_after_a_time_word_is_a_firm(labeller, text) -> None:
    assert spans(labeller, text) == [("固铂", "company.brand.action")]


def test_a_time_word_does_not_let_a_clause_act(labeller) -> None:
    # 员工 is no name of the list: the time word only moves where a name must end
    assert spans(labeller, "该厂员工近日宣布罢工。") == []


def test_a_one_character_adverb_does_not_stand_between(labeller) -> None:
    # 也 and 将 would let any clause's last word act: only two-character time words stand
    # between a name and its act
    assert spans(labeller, "据悉，固铂也宣布扩产。") == []


# -- a person holding firms (company.context) ----------------------------------------------
def test_a_person_before_qixia_is_no_firm(labeller) -> None:
    # a three-character name opening with a surname before 旗下 is a person's holdings
    assert spans(labeller, "刘大同旗下的宏达控股集团公司近日增持。") == [
        ("宏达控股集团公司", "company.suffix")]
    assert spans(labeller, "据了解，林大同旗下有三家工厂。林大同近日表示。") == []


def test_a_person_named_as_one_elsewhere_is_no_firm_before_qixia(labeller) -> None:
    # 鞠 is no common surname, so only 自然人 (a natural person) says the name is a person's
    text = "据了解，鞠振宇旗下的宏达集团公司增持。"
    assert ("鞠振宇", "company.context") in spans(labeller, text)
    assert spans(labeller, "公司实际控制人为自然人鞠振宇。" + text) == [
        ("宏达集团公司", "company.suffix")]


def test_a_firm_of_no_list_before_qixia_is_still_a_firm(labeller) -> None:
    # four characters (a firm's name of no list): company.context as before
    assert spans(labeller, "据了解，宏远奶业旗下有三家工厂。") == [("宏远奶业", "company.context")]


# -- a latin name that runs on into capitalised latin words (the longer reading) -----------
def test_a_latin_name_running_on_is_the_whole_name(labeller) -> None:
    # the standard keeps the longer, more specific reading: LG Display is the firm, not LG
    text = "据悉，友达、三星、LG Display都将扩产。"
    assert ("LG Display", "company.lexicon") in spans(labeller, text)
    assert "LG" not in [n for n, _ in spans(labeller, text)]


def test_a_repeat_does_not_cut_a_longer_latin_name(labeller) -> None:
    # Acme is a firm here (its chief executive); Acme Sugar is another name: no repeat there
    text = "Acme首席执行官表示，Acme Sugar的股东反对收购。"
    assert spans(labeller, text) == [("Acme", "company.context")]


# -- a name right before its stock code (company.code) -------------------------------------
@pytest.mark.parametrize(("text", "names"), [
    ("港股方面，宏图纸业（02314）大涨。", ["宏图纸业"]),        # a name of no list
    ("今日，宏图能源(01234.HK)公布业绩。", ["宏图能源"]),
    ("个股方面，*ST宏远科(600123)跌停。", ["宏远科"]),          # the status prefix stays out
    ("据悉，看好宏图纸业（02314）。", ["宏图纸业"]),            # a verb before it stays out
    ("相关个股：中国通信服务（00552）。", ["中国通信服务"]),    # a place and a trade, with its code
])
def test_a_name_before_its_stock_code_is_the_listed_firm(labeller, text, names) -> None:
    assert [(n, r) for n, r in spans(labeller, text)] == [(n, "company.code") for n in names]


def test_a_brokers_call_before_a_stock_stays_out_of_its_name(labeller) -> None:
    # a headline's "broker + verb + stock (code)": the broker is its own firm
    assert spans(labeller, "※ 高盛料宏远科（02314）目标价") == [
        ("高盛", "company.lexicon"), ("宏远科", "company.code")]


@pytest.mark.parametrize("text", [
    "创业板50ETF（159949）净申购。",     # a fund's code
    "房地产指数（886057）上涨。",        # an index's code
    "见《经济形势报告（2018）》。",       # a year in brackets
])
def test_funds_indices_and_years_in_brackets_are_no_firm(labeller, text) -> None:
    assert spans(labeller, text) == []
