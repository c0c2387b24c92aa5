"""Round thirty-one: what six more readings of corpus paragraphs outside the test articles found
missed (docs/rules-rounds.md): a name read whole in a text is the firm at its other mentions
after a verb too; a firm's holdings and controllers license a name of the lists; firms written
in latin script; a firm's initialism in brackets is its gloss; a firm's kind before its name;
two names joined by 和 before their count. Sentences written from the standard, not from the
seeds or a test set."""

from __future__ import annotations

import pytest
from rule_spans import names, spans


# -- a name read whole is the firm at its other mentions, after any word ---------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("华为宣布扩产。此前爱立信追上华为成为第一", ["华为", "爱立信", "华为"]),
    ("三星宣布扩产，苹果担心三星抢走订单", ["三星", "苹果", "三星"]),
    ("宝马宣布召回，追上宝马，直逼奔驰", ["宝马", "宝马"]),
])
def test_a_name_read_once_is_the_firm_after_a_verb(labeller, text: str,
                                                   expected: list[str]) -> None:
    assert names(labeller, text) == expected


@pytest.mark.parametrize("text", [
    "宝马宣布召回，高端车品牌宝马的销量",     # called a brand: the product
    "宝马宣布召回，广大宝马用户",             # its users: the product's
    "日产宣布扩产，工厂生产日产Altima轿车",   # a model's name follows
    "东风日产宣布扩产，日产宣布",             # 东风|日产: inside a longer firm's name
])
def test_a_repeat_after_a_word_stops_at_a_brand_a_product_or_a_longer_name(labeller,
                                                                         text: str) -> None:
    found = spans(labeller, text)
    assert [n for n, rule in found if rule == "company.repeat"] == []


# -- a firm's holdings and controllers -----------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("宏远公司宣布，收购泰达股权", ["泰达"]),
    ("华联控股对华森股权进行收购", ["华联控股", "华森"]),
])
def test_a_stake_in_a_name_of_the_lists_names_the_firm(labeller, text: str,
                                                       expected: list[str]) -> None:
    assert names(labeller, text) == expected


# -- firms written in latin script -----------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("据Gartner统计，全球出货量下降", ["Gartner"]),
    ("Google与RIM争夺专利", ["Google", "RIM"]),
    ("UBS首席经济学家表示", ["UBS"]),
])
def test_a_latin_firm_of_the_known_list(labeller, text: str, expected: list[str]) -> None:
    assert names(labeller, text) == expected


def test_a_purchasing_managers_index_is_no_firm(labeller) -> None:
    assert names(labeller, "欧元区1月Markit制造业PMI终值为59.6") == []
    assert names(labeller, "Markit公布的报告显示") == ["Markit"]


def test_a_firms_latin_initialism_in_brackets_is_its_gloss(labeller) -> None:
    # one span, as 高德纳(Gartner); a ticker in brackets stays out (英特尔(INTC))
    assert names(labeller, "瑞银集团(UBS)首席经济学家表示") == ["瑞银集团(UBS)"]
    assert names(labeller, "英特尔(INTC)股价下跌") == ["英特尔"]


# -- a firm's kind right before its name --------------------------------------------------------
@pytest.mark.parametrize("text", ["美国投行高盛称", "投资银行高盛表示"])
def test_a_firms_kind_before_a_known_name(labeller, text: str) -> None:
    assert names(labeller, text) == ["高盛"]


# -- two names joined by 和 before their count --------------------------------------------------
def test_two_names_joined_before_their_count_are_firms(labeller) -> None:
    assert names(labeller, "公司引进杭州宏远和南京泰达两家投资方") == ["宏远", "泰达"]
    # the count must match: a place and a place are no firms
    assert names(labeller, "由中国和美国两家企业合作") == []


# -- fund management firms ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("投资者赎回后去认购兴全新基金", ["兴全"]),                  # the firm's new fund
    ("购买华宝中证军工指数分级基金B", ["华宝"]),                  # FUND_FIRMS: its product
    ("民生加银表示，权益类产品平均收益为正", ["民生加银"]),      # a distinctive fund firm
    ("现任前海开源基金董事总经理", ["前海开源基金"]),            # its officer: the whole name
])
def test_a_fund_firm_by_its_short_name(labeller, text: str, expected: list[str]) -> None:
    assert names(labeller, text) == expected


def test_an_ambiguous_fund_firm_needs_its_fund(labeller) -> None:
    # 长城 is a wall and a car maker: a fund firm only before a fund's name
    assert names(labeller, "游客登上长城远眺") == []


# -- left edges: a verb, a person, a time word before a full name stays out -------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("史先生介绍，除天齐公司职工医院外", ["天齐公司"]),
    ("记者联系泰安京日食品工业有限公司多位负责人", ["泰安京日食品工业有限公司"]),
    ("张总代表中石油集团公司致辞", ["中石油集团公司"]),
    ("不少客户反应宏远基金公司的客服电话打不进去", ["宏远基金公司"]),
])
def test_a_word_before_a_full_name_stays_out(labeller, text: str, expected: list[str]) -> None:
    assert names(labeller, text) == expected


@pytest.mark.parametrize("text", [
    "预计标普500成分股公司盈利将整体增长6%",   # a kind of firm: the index's members
    "高盛、瑞银这两家顶尖证券公司",           # a grade: the firms are named before it
    "除中长纯债基金外，其余基金均有加仓",     # a kind of fund
])
def test_a_kind_before_a_company_word_is_no_name(labeller, text: str) -> None:
    found = names(labeller, text)
    assert not any(n.endswith(("公司", "基金")) for n in found)


def test_a_listed_firms_branch_is_one_span(labeller) -> None:
    # the standard: 中国电信重庆分公司 is one span; a listed parent's branch as well
    assert names(labeller, "中国石化广东分公司的产能") == ["中国石化广东分公司"]


# -- a rival after a comparison or a contest --------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("它的汽车价格通常比丰田低10%", ["丰田"]),
    ("份额超过戴尔，成为老二", ["戴尔"]),
    ("减持了除腾讯之外的其他股票", ["腾讯"]),
])
def test_a_known_name_after_a_comparison_opens_a_word(labeller, text: str,
                                                      expected: list[str]) -> None:
    assert names(labeller, text) == expected


# -- stocks: a code after a longer name than a known one; a lockup's end; a run of limit moves --
def test_a_code_reads_the_whole_stock_name_before_a_known_tail(labeller) -> None:
    # 环球 and 光学 end longer names here: the code vouches for the whole stock's name
    assert names(labeller, "思捷环球（00330.HK）表示") == ["思捷环球"]
    assert names(labeller, "长飞光纤（6869.HK），舜宇光学（2382.HK）") == ["长飞光纤", "舜宇光学"]
    assert names(labeller, "买吉利（0175.HK）") == ["吉利"]


@pytest.mark.parametrize(("text", "expected"), [
    ("投资者抓到了众安解禁的行情", ["众安"]),
    ("其中乐视网连续5个跌停", ["乐视网"]),
])
def test_a_stocks_events_name_the_firm(labeller, text: str, expected: list[str]) -> None:
    assert names(labeller, text) == expected


def test_a_run_of_moves_needs_a_name_before_it(labeller) -> None:
    assert names(labeller, "公募连续五季减持创业板") == []


# -- trade words that end a short name only after a name of the lists ---------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("全时网络近日推出了云计算服务", ["全时网络"]),
    ("据了解，泓达房地产是于2009年成立的", ["泓达房地产"]),
    ("不仅是全友卫浴开始注重设计", ["全友卫浴"]),
])
def test_a_list_name_and_a_trade_word_is_a_short_name(labeller, text: str,
                                                      expected: list[str]) -> None:
    assert names(labeller, text) == expected


@pytest.mark.parametrize("text", [
    "对海洋食品来说是历史性的机遇",   # a word of the dictionary: a kind of food
    "立体交通网络格局",               # a network of roads
    "开户购买鹏华地产分级基金",       # a fund's name: 鹏华 is the fund firm
])
def test_a_trade_word_after_a_word_is_no_name(labeller, text: str) -> None:
    found = names(labeller, text)
    assert not any(n.endswith(("食品", "网络", "地产")) for n in found)


def test_research_firms_in_latin_script(labeller) -> None:
    assert names(labeller, "根据IDC的报告，一季度出货量下降") == ["IDC"]
    assert names(labeller, "建设IDC机房") == []  # the facility
    assert names(labeller, "Strategy Analytics的报告显示") == ["Strategy Analytics"]
