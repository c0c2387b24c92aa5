"""Round nine (issue 12): recall that generalises. Car joint ventures named by their Chinese
partner and foreign maker, consultancies named by a coined name and their trade (spec/entities.md:
"Law firms, consultancies, brokers, banks … are COMPANY"), and a firm before its deputy
officers as before its officers. Sentences written for the test from the standard; none is a
corpus, dev or seed sentence."""

from __future__ import annotations

import pytest
from rule_spans import names, spans


# -- a car joint venture: partner (group or plant city) and foreign maker --------------------
@pytest.mark.parametrize("text, expected", [
    ("今年一季度，北京现代的销量同比增长两成。", ["北京现代"]),
    ("上海通用表示，新工厂将于明年投产。", ["上海通用"]),
    ("东风悦达起亚计划扩大产能。", ["东风悦达起亚"]),
    ("长安福特与供应商签订了长期合同。", ["长安福特"]),
    ("据悉，北京现代相关负责人表示，产能不受影响。", ["北京现代"]),  # a kind word after it
    ("今年东风日产几乎贡献了一半的销量。", ["东风日产"]),  # an adverb after it
])
def test_a_car_joint_venture_is_one_firm(labeller, text, expected) -> None:
    # the joint venture is the firm acting, not its Chinese partner nor the foreign maker
    assert spans(labeller, text) == [(name, "company.joint.car") for name in expected]


def test_a_plant_city_before_a_joint_venture_stays_out(labeller) -> None:
    # a place before a short name stays out of it (长沙中联重科 → 中联重科)
    assert names(labeller, "佛山一汽丰田的经销商表示，货源紧张。") == ["一汽丰田"]


@pytest.mark.parametrize("text, not_a_name", [
    ("北京现代化建设步伐加快。", "北京现代"),  # a word running on: 现代化
    ("他买了一辆东风本田CRV，花了二十万元。", "东风本田"),  # a model: the car, not the firm
    ("他买了一辆广汽本田雅阁。", "广汽本田"),  # a model's name, a word of no class
    ("日本丰田宣布召回部分车辆。", "日本丰田"),  # a country is no partner: the maker, place out
])
def test_no_joint_venture_where_the_pair_is_no_firms_name(labeller, text, not_a_name) -> None:
    assert not_a_name not in names(labeller, text)


# -- a consultancy: a coined name and 顾问 / 咨询 / 市场研究 -----------------------------------
@pytest.mark.parametrize("text, expected", [
    ("奥信咨询发布报告称，彩电价格将回落。", "奥信咨询"),
    ("据中研顾问统计，行业利润下降。", "中研顾问"),
    ("朗维市场研究公司的报告显示，需求回暖。", "朗维市场研究公司"),  # its full name
])
def test_a_consultancy_is_a_firm(labeller, text, expected) -> None:
    assert spans(labeller, text) == [(expected, "company.consultancy")]


@pytest.mark.parametrize("text", [
    "公司聘请了财务顾问和法律顾问。",  # roles
    "投资咨询机构认为，市场仍将震荡。",  # a kind
    "王明顾问认为，市场仍将震荡。",  # a person's title
    "行业中的咨询企业越来越多。",  # a clause
    "权威市场研究公司的数据显示，销量下滑。",  # an adjective, not a name
])
def test_roles_kinds_and_people_are_no_consultancy(labeller, text) -> None:
    assert names(labeller, text) == []


def test_a_consultancy_mentioned_again_is_the_firm(labeller) -> None:
    text = "奥信咨询发布报告称，彩电价格将回落。奥信咨询认为，降价仍将持续。"
    assert names(labeller, text) == ["奥信咨询", "奥信咨询"]


# -- deputies: a name of the 267K list before 副总经理 as before 总经理 -------------------------
@pytest.mark.parametrize("text, expected", [
    ("威力达副总经理李明表示，订单增加。", "威力达"),
    ("艾诗丽副董事长李明表示，订单增加。", "艾诗丽"),
    ("德克力副总裁李明表示，订单增加。", "德克力"),
])
def test_a_brand_before_a_deputy_officer_is_the_firm(labeller, text, expected) -> None:
    assert names(labeller, text) == [expected]


# -- names of a list between two firms chosen in it (company.list.between) --------------------
@pytest.mark.parametrize("text, expected", [
    ("宏图科技与卓越纳米、恒昌稀土以及宁远开发有限公司签署了协议。",
     ["宏图科技", "卓越纳米", "恒昌稀土", "宁远开发有限公司"]),
    ("报告点名了宏图科技、朗坤A、宁远开发有限公司三家。",
     ["宏图科技", "朗坤", "宁远开发有限公司"]),  # a share-class letter stays out (万科A → 万科)
])
def test_names_of_a_list_between_two_firms_are_firms(labeller, text, expected) -> None:
    assert names(labeller, text) == expected


@pytest.mark.parametrize("text, item", [
    ("宏图科技在采购、生产、检测等环节与宁远开发有限公司合作。", "生产"),  # a verb
    ("宏图科技、广西宜州市和宁远开发有限公司", "广西宜州市"),  # a place
])
def test_no_list_item_that_is_a_verb_or_a_place(labeller, text, item) -> None:
    assert item not in names(labeller, text)


# -- a latin name before its analyst or economist (company.latin.analyst) ----------------------
@pytest.mark.parametrize("text, expected", [
    ("Northbrook Research首席经济学家表示，通胀仍将回落。", "Northbrook Research"),
    ("Zentara资深分析师认为，面板价格见底。", "Zentara"),
    ("Kelvora的利率策略主管认为，收益率仍将上行。", "Kelvora"),
    ("Vantrix Advisory驻伦敦首席分析师指出，金价承压。", "Vantrix Advisory"),  # a post: 驻
    ("Lumeno银行首席经济学家表示，欧元区复苏放缓。", "Lumeno银行"),  # its full name
])
def test_a_latin_name_before_its_analyst_is_the_firm(labeller, text, expected) -> None:
    assert spans(labeller, text) == [(expected, "company.latin.analyst")]


@pytest.mark.parametrize("text", [
    "包括Daniel Morgan在内的分析师都认为，金价仍将上涨。",  # a person in a clause
    "该公司Q2财报分析师会议将于下周举行。",  # a term with a digit
    "据贵金属资讯网站Goldora分析师称，金价承压。",  # a medium
])
def test_no_firm_where_the_latin_name_is_a_person_a_term_or_a_medium(labeller, text) -> None:
    assert [n for n, rule in spans(labeller, text) if rule == "company.latin.analyst"] == []
