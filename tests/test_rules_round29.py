"""Round twenty-nine: a known firm's name takes in a trade word that ends it (和硕|电子之前 →
和硕电子); latin names ending in a legal form; a role before a firm ends the name read leftwards;
a firm's China arm acting is one span; more industry words end a short name; a two-character
known name after a verb; the ringgit by either name. Sentences written from the standard and the
devsets' conventions, not from the seeds or a test set."""

from __future__ import annotations

import pytest
from rule_spans import names

from econer.spans import Document


@pytest.mark.parametrize(("text", "expected"), [
    ("富士通半导体将关闭两家工厂。", ["富士通半导体"]),  # a verb after the trade word
    ("据悉，塔塔汽车宣布推出新车型。", ["塔塔汽车"]),
    ("华硕电脑的股价下跌。", ["华硕电脑"]),  # 的 ends the name
    ("同方电脑认为，市场仍有空间。", ["同方电脑"]),
    ("富士通半导体(Fujitsu Semiconductor)仍为日本最大的厂商之一。",
     ["富士通半导体(Fujitsu Semiconductor)"]),  # the gloss joins the fuller name
])
def test_a_trade_word_that_ends_the_name_joins_a_known_firm(labeller, text: str,
                                                            expected: list[str]) -> None:
    assert names(labeller, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("晶澳太阳能电池组件出货量增长。", ["晶澳"]),  # 太阳能电池: a longer word goes on
    ("华硕电脑城开业。", ["华硕"]),  # 电脑城: a place, not the firm
    ("海尔电子产品销量增长。", ["海尔"]),  # 电子产品: the goods
])
def test_a_trade_word_that_opens_a_longer_word_stays_out(labeller, text: str,
                                                         expected: list[str]) -> None:
    assert names(labeller, text) == expected


def test_shares_held_stay_out_of_the_name(labeller) -> None:
    # 持有…股份: the firm's shares, the name alone is the firm
    assert names(labeller, "该基金持有海尔股份。") == ["海尔"]


# -- company.latin.legal: latin words that end in a legal form or a company word ---------------
@pytest.mark.parametrize(("text", "expected"), [
    ("据悉，Foxconn Technology Group将在印度建厂。", ["Foxconn Technology Group"]),
    ("BASF SE表示将提高价格。", ["BASF SE"]),
    ("汽车零部件供应商Acme Industries Inc.公司日前表示", ["Acme Industries Inc.公司"]),  # X公司
    ("投资经理来自Hodges Capital Management的团队。", ["Hodges Capital Management"]),
])
def test_latin_words_ending_in_a_legal_form_are_a_firm(labeller, text: str,
                                                       expected: list[str]) -> None:
    assert names(labeller, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("全部美股、NYSE和NASDAQ的市盈率", []),  # a single word: an exchange, no legal form
    ("经纪公司Verdence Capital Advisors CEO Leo Kelly表示", ["Verdence Capital Advisors"]),
    ("瑞萨电子(Renesas Electronics)恢复生产。", ["瑞萨电子(Renesas Electronics)"]),  # a gloss
])
def test_a_legal_form_ends_the_name_and_a_gloss_stays_the_gloss(labeller, text: str,
                                                                expected: list[str]) -> None:
    assert names(labeller, text) == expected


# -- a role before the firm that holds it ends the name read leftwards --------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("破产重整管理人上海市汇丰律师事务所表示", ["上海市汇丰律师事务所"]),
    ("本次发行的保荐机构鼎信证券股份有限公司称", ["鼎信证券股份有限公司"]),
])
def test_a_role_before_a_firm_stays_out(labeller, text: str, expected: list[str]) -> None:
    assert names(labeller, text) == expected


# -- a firm's China arm, acting: one span, as a branch is (诺基亚中国) --------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("宝马中国召回部分进口车。", ["宝马中国"]),
    ("辉瑞中国有关负责人表示，将继续投资。", ["辉瑞中国"]),
    ("据悉，西门子中国将裁员。", ["西门子中国"]),  # an adverb, then the act
    ("西门子中国的员工表示不知情。", ["西门子中国"]),
])
def test_a_firms_china_arm_acting_is_one_span(labeller, text: str,
                                              expected: list[str]) -> None:
    assert names(labeller, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("宝马中国市场销量增长。", ["宝马"]),  # the firm's market in China
    ("西门子中国工厂停产。", ["西门子"]),  # its plant in China
    ("宝马在中国召回部分进口车。", ["宝马"]),
])
def test_china_before_a_market_or_a_plant_stays_out(labeller, text: str,
                                                    expected: list[str]) -> None:
    assert names(labeller, text) == expected


# -- more industry words end a short name: 半导体, 太阳能, 水泥, 航运 -----------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("以南岭水泥、东湖水泥为代表的企业纷纷提价。", ["南岭水泥", "东湖水泥"]),
    ("据悉，金海航运和万川航运继续入榜。", ["金海航运", "万川航运"]),
    ("今年春运民航运输需求旺盛。", []),  # 运输: the word goes on
])
def test_more_industry_words_end_a_short_name(labeller, text: str,
                                              expected: list[str]) -> None:
    assert names(labeller, text) == expected


def test_a_product_after_the_industry_word_stays_out(labeller) -> None:
    # 太阳能电池, 水泥熟料: the industry word opens a product, no firm ends there
    assert names(labeller, "东岭太阳能电池组件和南岭水泥熟料价格上涨。") == []


# -- a known name of two characters right after a verb, where the name ends a word -------------
@pytest.mark.parametrize(("text", "expected"), [
    ("本田已经联合丰田、日产一起研发芯片。", ["本田", "丰田", "日产"]),
    ("该公司联合海尔旗下的物流公司推出服务。", ["海尔"]),
])
def test_a_two_character_name_after_a_verb(labeller, text: str, expected: list[str]) -> None:
    assert names(labeller, text)[: len(expected)] == expected


@pytest.mark.parametrize("text", [
    "要把这种精神发扬光大就过于乐观了。",  # an idiom: 发扬光大
    "这一轮基金热销浪潮，也是监管层关注的。",  # a common word: 浪潮
])
def test_a_two_character_name_inside_an_idiom_or_a_word_stays_out(labeller, text: str) -> None:
    assert names(labeller, text) == []


def test_the_ringgit_by_either_name_is_money(labeller) -> None:
    found = [(s.text, s.value.unit) for s in labeller(Document.from_text(
        "棕榈油报3,438林吉特，上周为3,400令吉。")).spans if s.label == "AMOUNT"]
    assert found == [("3,438林吉特", "MYR"), ("3,400令吉", "MYR")]
