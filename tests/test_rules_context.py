"""COMPANY and PARK on new text: the gazetteer's context rules, document-level consistency
and boundaries, each pinned by an example written from the standard (spec/entities.md)."""

from __future__ import annotations

import pytest

from econer.cli import run
from econer.spans import Document


def spans(labeller, text: str, label: str = "COMPANY") -> list[tuple[str, str]]:
    return [(s.text, (s.source or "").removeprefix("rules:"))
            for s in labeller(Document.from_text(text)).spans if s.label == label]


def names(labeller, text: str, label: str = "COMPANY") -> list[str]:
    return [name for name, _ in spans(labeller, text, label)]


# -- stocks and listed names (the standard's decision) -----------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("贵州茅台涨停，市场情绪回暖", ["贵州茅台"]),          # the spec's own example
    ("午后中国平安股价走高", ["中国平安"]),                # the spec's own example
    ("万科A发布公告称，销售额增长", ["万科"]),             # share-class letter stays out
    ("昨日，*ST康美公告称将申请重整", ["康美"]),           # status prefix stays out
    ("招商证券、兴业证券等券商下调评级", ["招商证券", "兴业证券"]),
    ("五矿发展与云南白药均发布业绩预告", ["五矿发展", "云南白药"]),
])
def test_listed_names_are_companies(labeller, text: str, expected: list[str]) -> None:
    assert names(labeller, text) == expected


@pytest.mark.parametrize("text", [
    "沪指收涨1.2%，创业板指跌0.5%", "科创板个股普涨", "汽车板块领涨，券商股走弱",
    "北向资金净流入30亿元",
])
def test_indices_boards_sectors_and_flows_are_not_companies(labeller, text: str) -> None:
    assert names(labeller, text) == []


def test_a_listed_name_followed_by_a_sector_word_is_the_sector(labeller) -> None:
    assert names(labeller, "贵州茅台板块走强") == []


# -- ambiguous names need a trigger or an earlier full mention --------------------------------
def test_a_listed_name_that_is_a_common_word_needs_a_trigger(labeller) -> None:
    assert names(labeller, "台风在太平洋上空生成") == []
    assert spans(labeller, "太平洋股价大涨") == [("太平洋", "company.listed.trigger")]
    assert spans(labeller, "拟收购太平洋") == [("太平洋", "company.listed.trigger")]


def test_a_trigger_farther_away_is_not_enough(labeller) -> None:
    # 龙头公司, 明星股票: a company word after a common word names a category
    assert names(labeller, "太平洋沿岸的港口公司") == []


def test_a_listed_name_that_is_an_industry_needs_the_full_name_first(labeller) -> None:
    assert names(labeller, "中国石油行业的利润") == []
    assert names(labeller, "中国石油表示") == []  # generic: not with a speech verb
    # (round six: only its shares or its code after it make it the firm, as the standard's
    # 中国平安股价 does: test_rules_round6)
    text = "中国石油天然气股份有限公司发布年报。中国石油表示，炼化业务增长"
    assert spans(labeller, text) == [("中国石油天然气股份有限公司", "company.listed.full"),
                                     ("中国石油", "company.listed.mention")]


def test_a_listed_name_is_not_read_inside_a_longer_word(labeller) -> None:
    assert names(labeller, "支持我国新能源汽车产业") == []


def test_the_short_name_list_is_only_a_weak_signal(labeller) -> None:
    # 耐世特 is on the 267K list of short names and brands: alone it is no span
    assert names(labeller, "耐世特在当地建厂") == []
    assert spans(labeller, "耐世特总裁表示将扩产") == [("耐世特", "company.brand.trigger")]


# -- document-level consistency ----------------------------------------------------------------
def test_a_full_name_licenses_its_short_forms_later(labeller) -> None:
    text = "浙江鸿远精密机械制造有限公司投产。鸿远精密表示，订单已排满"
    assert spans(labeller, text) == [("浙江鸿远精密机械制造有限公司", "company.full"),
                                     ("鸿远精密", "company.alias")]


def test_a_specific_short_form_before_its_full_name_is_labelled_too(labeller) -> None:
    text = "鸿远精密投产。浙江鸿远精密机械制造有限公司称，订单已排满"
    assert names(labeller, text) == ["鸿远精密", "浙江鸿远精密机械制造有限公司"]
    # a two-character short form is licensed after the full name; once labelled there,
    # consistency labels its earlier mention too
    text = "鸿远投产。浙江鸿远电子有限公司称，鸿远已满产"
    assert spans(labeller, text) == [("鸿远", "company.repeat"),
                                     ("浙江鸿远电子有限公司", "company.full"),
                                     ("鸿远", "company.alias")]


def test_a_name_labelled_once_is_labelled_at_its_other_mentions(labeller) -> None:
    text = "太平洋股价大涨。太平洋表示，经纪业务回暖"
    assert spans(labeller, text) == [("太平洋", "company.listed.trigger"),
                                     ("太平洋", "company.repeat")]


def test_consistency_does_not_label_a_product_or_a_word_inside_another(labeller) -> None:
    text = "太平洋股价大涨。太平洋岛国，太平洋沿岸"
    assert names(labeller, text) == ["太平洋"]


# -- boundaries ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("认购华联集团增发的股份", "华联集团"),          # a purchase verb stays out
    ("竞购加拿大北方矿业公司", "加拿大北方矿业公司"),  # a country before a full name stays in
    ("我市鸿达集团今年扩产", "鸿达集团"),            # place pronouns stay out
    ("该市宏远集团今年扩产", "宏远集团"),
    ("加上有华星重工集团参与", "华星重工集团"),
    ("三十余家鸿达公司", "鸿达公司"),                # a count in Chinese numerals stays out
])
def test_company_names_stop_at_verbs_place_pronouns_and_counts(labeller, text: str,
                                                               expected: str) -> None:
    assert names(labeller, text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("王明率滨江工业园招商团赴沪", "滨江工业园"),
    ("我区滨江工业园新增企业", "滨江工业园"),
])
def test_park_names_stop_at_their_left_context(labeller, text: str, expected: str) -> None:
    assert names(labeller, text, "PARK") == [expected]


def test_a_park_head_across_a_word_is_no_park(labeller) -> None:
    assert names(labeller, "与集团区域总裁平级", "PARK") == []
    assert names(labeller, "所谓的技术园区遍地开花", "PARK") == []


# -- --explain names the rule --------------------------------------------------------------------
def test_explain_names_the_gazetteer_rule(capsys) -> None:
    assert run(["rules", "explain", "太平洋股价大涨，贵州茅台涨停"]) == 0
    out = capsys.readouterr().out
    assert "rules:company.listed.trigger" in out
    assert "rules:company.listed " in out


def test_a_listed_name_at_the_end_of_a_longer_reading_decides_its_start(labeller) -> None:
    assert names(labeller, "落实金风科技的订单") == ["金风科技"]
    assert names(labeller, "我欠中信银行的本金") == ["中信银行"]
    # a place before it stays in a full name, as the standard says
    assert names(labeller, "上海浦东发展银行") == ["上海浦东发展银行"]


def test_a_firms_production_base_is_the_firm_not_a_park(labeller) -> None:
    text = "格力电器西南产业基地开工"
    assert names(labeller, text) == ["格力电器"]
    assert names(labeller, text, "PARK") == []


def test_a_listed_financial_firm_named_by_place_and_kind_is_a_firm(labeller) -> None:
    assert names(labeller, "市政府给西南证券定下目标") == ["西南证券"]
    assert names(labeller, "2008年招行信用卡收入") == ["招行"]


def test_a_firms_regional_arm_is_one_span_as_a_branch_is(labeller) -> None:
    assert spans(labeller, "联想亚太区总裁表示") == [("联想亚太区", "company.branch")]
    assert names(labeller, "他出任华为中国副总裁") == ["华为中国"]
    assert names(labeller, "华为中国市场份额上升") == ["华为"]  # the country, not an arm


def test_calibration_counts_only_the_labels_a_document_covers(labeller) -> None:
    from econer.annotate.rules.calibrate import calibrate

    from econer.partial import Partial, with_partial

    text = "鸿达集团投资5亿元"
    doc = Document.from_text(text, id="g").with_spans([])
    company_only = with_partial(doc, Partial(covered=("COMPANY",)))
    table = calibrate(labeller, [company_only])
    assert table["company.suffix"]["n"] == 1 and table["company.suffix"]["tp"] == 0
    assert "amount.arabic" not in table  # no AMOUNT gold here: neither right nor wrong


def test_a_registered_name_of_place_and_trade_words_is_a_firm(labeller) -> None:
    assert names(labeller, "上海进出口机械贸易有限公司表示") == ["上海进出口机械贸易有限公司"]
    assert names(labeller, "科技有限公司") == []  # no place, no name
    assert names(labeller, "上海电子有限公司") == []  # too little besides the place


def test_a_model_after_a_brand_makes_it_the_product(labeller) -> None:
    assert names(labeller, "国产车型只有奥迪A6") == []
    assert names(labeller, "华为2010年营收增长") == ["华为"]  # a year is no model


def test_a_short_name_does_not_start_inside_a_demonstrative(labeller) -> None:
    assert names(labeller, "在这种高科技电容器上") == []


# -- media are not COMPANY (the standard: "Media, news agencies ... are not") ------------------
@pytest.mark.parametrize("text, outlet, kept", [
    ("据新浪财经报道，万科净利润增长", "新浪", "万科"),    # the outlet, by its channel
    ("记者从网易新闻获悉，腾讯股价上涨", "网易", "腾讯"),
    ("新华网北京3月5日电，国家电网宣布", "新华网", "国家电网"),  # a news agency's dateline
    ("腾讯网讯，阿里巴巴昨日发布财报", "腾讯", "阿里巴巴"),  # a firm's news site: the site
])
def test_a_media_outlet_is_not_a_company(labeller, text: str, outlet: str, kept: str) -> None:
    found = names(labeller, text)
    assert outlet not in found and kept in found


def test_a_firm_whose_name_goes_on_into_a_network_word_stays(labeller) -> None:
    # 网络, 网点: not a website; the firm before them is still found
    assert "中国联通" in names(labeller, "中国联通网络覆盖全省，中国联通网点增加")


# -- 、-lists spread along their items ---------------------------------------------------------
def test_listed_names_in_a_list_beside_a_firm_are_firms_item_by_item(labeller) -> None:
    # each of 浦发/民生/华夏 alone is ambiguous (a listed short name of two characters); in a
    # 、-list that holds a firm found otherwise, each licenses its neighbour
    text = "发卡量居前的有招商银行、浦发、民生、华夏，均超千万张"
    assert names(labeller, text) == ["招商银行", "浦发", "民生", "华夏"]
    assert ("民生", "company.listed.list") in spans(labeller, text)
    # no firm found in the list: nothing spreads
    assert names(labeller, "口号是民生、华夏、和谐") == []


def test_a_firms_spokesman_is_the_firm_not_its_news(labeller) -> None:
    assert names(labeller, "光明乳业新闻发言人表示，产品已召回") == ["光明乳业"]


def test_a_latin_name_in_a_list_beside_a_firm_is_a_firm(labeller) -> None:
    found = spans(labeller, "参与竞标的西门子、Valeo、Schneider，都已报价")
    assert ("Valeo", "company.enumeration.latin") in found
    assert ("Schneider", "company.enumeration.latin") in found
    # the end of a longer latin name is no item of its own
    assert "Analytics" not in names(labeller, "资料来源：美联储、Haver Analytics、高盛全球研究")


# -- a name read leftwards stops at a bank or a company it runs into --------------------------
@pytest.mark.parametrize("text, expected", [
    ("全资子公司华润北药投资有限公司", ["华润北药投资有限公司"]),
    # a branch keeps its bank; a bracketed or bare place after the bank stays in
    ("记者从招商银行北京分行获悉", ["招商银行北京分行"]),
    ("渣打银行（中国）有限公司表示", ["渣打银行（中国）有限公司"]),
])
def test_a_name_does_not_run_across_another_firm(labeller, text: str,
                                                 expected: list[str]) -> None:
    assert [n for n in names(labeller, text) if n != "华润"] == expected


def test_a_bank_is_not_swallowed_by_the_name_after_it(labeller) -> None:
    found = names(labeller, "外界关注招商银行投资永隆银行一事")
    assert "招商银行" in found and not any("招商银行" in n and n != "招商银行" for n in found)


# -- a city's own bank (the standard: banks are COMPANY) ---------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("会上，洛阳商业银行与本地企业签约", ["洛阳商业银行"]),
    ("据悉，洛阳商业银行许昌分行已开业", ["洛阳商业银行许昌分行"]),
    ("各商业银行应执行新规，农村商业银行也不例外", []),   # kinds of bank, no place of their own
    ("中国商业银行的不良率下降", []),
])
def test_a_named_place_and_a_kind_of_bank_is_a_bank(labeller, text: str,
                                                   expected: list[str]) -> None:
    assert names(labeller, text) == expected


def test_a_firms_own_national_name_is_one_span(labeller) -> None:
    # 中国银联 is the firm's own name, not a place before the short name 银联
    assert names(labeller, "这一点从中国银联最新统计显示") == ["中国银联"]


def test_an_association_named_after_a_firm_is_not_the_firm(labeller) -> None:
    # the standard: associations are not COMPANY
    assert names(labeller, "会议由中国建材联合会主办，中国建材高管出席") == ["中国建材"]
