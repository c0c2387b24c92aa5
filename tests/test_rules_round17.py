"""Round seventeen (issue 12): listed and known names acting with cues the rules did not take,
and latin firm names acting (spec/entities.md: any enterprise in short form is COMPANY; a listed
firm's short name is COMPANY where the text speaks of it or its shares; stock sectors are not).

- a listed name made of a place and a trade (贵州燃气, 上海汽车) is an item of a 、-list of firms
  like any listed name; a trade alone (电子, 有色) stays a sector; a list may close on its own
  count (…这两只股票, …三家公司);
- such a name before a deal with a party (已与, 将与, …与X签署) is the firm;
- a date or a part of the day may stand between a firm of the 267K list and its act
  (乐视网2月2日晚间公告);
- a latin name before 计划 with a time of its own, or before its bid, acts as a firm
  (…计划明年, …的出价); a repeat of a latin name stops before any latin word after a space;
  a latin name after a trade's role may end where a verb, adverb or time word opens
  (运营商X提供), not a term (Capex, VIP);
- a firm the text names (一家名为X的公司) is the firm.

Sentences written for the test from the standard; none is a corpus, dev or seed sentence."""

from __future__ import annotations

import pytest
from rule_spans import names, spans


# -- a place's listed firm in a list of firms -------------------------------------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("万科、深圳机场这两只股票今天双双涨停。", "深圳机场"),
    ("格力电器、上海汽车等公司都发布了年报。", "上海汽车"),
    ("分析师看好华森制药、福建水泥三家公司。", "福建水泥"),
])
def test_a_place_and_trade_listed_name_in_a_list_of_firms(labeller, text, firm) -> None:
    assert firm in names(labeller, text)


@pytest.mark.parametrize(("text", "sector"), [
    ("格力电器、电子等板块今天走强。", "电子"),
    ("万科、有色这两个方向值得关注。", "有色"),
])
def test_a_trade_alone_in_a_list_stays_a_sector(labeller, text, sector) -> None:
    assert sector not in names(labeller, text)


def test_a_list_of_trades_with_a_count_stays_out(labeller) -> None:
    assert names(labeller, "食品、电子这两只行业基金表现最好。") == []


# -- a place's listed firm making a deal ------------------------------------------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("上周，深圳机场已与香港一家物流商达成合作意向。", "深圳机场"),
    ("中国石化将与当地政府合资建设一座炼厂。", "中国石化"),
    ("昨天，上海汽车与一家德国零部件商签署了供货协议。", "上海汽车"),
])
def test_a_place_and_trade_listed_name_making_a_deal(labeller, text, firm) -> None:
    assert (firm, "company.listed.trigger") in spans(labeller, text)


@pytest.mark.parametrize("text", [
    "今年中国石化需求增长放缓。",  # the industry
    "中国石油与天然气价格同步上涨。",  # no deal, no party
])
def test_a_place_and_trade_listed_name_without_a_deal_stays_out(labeller, text) -> None:
    assert names(labeller, text) == []


# -- a date between a firm and its act --------------------------------------------------------
@pytest.mark.parametrize("text", [
    "乐视网3月5日晚间公告，公司股票将继续停牌。",
    "乐视网2017年3月5日公告称，公司已收到问询函。",
    "乐视网12日宣布，将出售旗下一家子公司。",
    "乐视网晚间发布公告称，控股股东的股份已被冻结。",
])
def test_a_dated_act_of_a_firm(labeller, text) -> None:
    assert ("乐视网", "company.brand.action") in spans(labeller, text)


def test_a_dated_act_of_a_place_is_no_firm(labeller) -> None:
    assert names(labeller, "北京3月5日晚间宣布，将限制新车上牌。") == []


# -- latin firms acting -----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("Zentrix计划明年在越南新建两座工厂。", "Zentrix"),
    ("NORVELL计划今年关闭欧洲的三家门店。", "NORVELL"),
    ("分析人士认为，Brightwave的出价明显偏低。", "Brightwave"),
])
def test_a_latin_firm_acting(labeller, text, firm) -> None:
    assert (firm, "company.latin") in spans(labeller, text)


@pytest.mark.parametrize("text", [
    "HDPE计划6月份投产。",  # a product's plan
    "国内企业参与ITER计划的采购。",  # a programme
])
def test_a_latin_product_or_programme_planning_is_no_firm(labeller, text) -> None:
    assert names(labeller, text) == []


def test_a_latin_repeat_stops_before_a_longer_latin_name(labeller) -> None:
    text = "Corvin的收购价高于市场预期。另一买家Corvin foods则选择退出。"
    assert names(labeller, text) == ["Corvin"]


# -- a firm the text names --------------------------------------------------------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("一家名为Lumetra的公司起诉了这家工厂。", "Lumetra"),
    ("他成立了一家名为“云帆”的投资公司。", "云帆"),
    ("当地一家名叫Oakfield的企业承接了这项工程。", "Oakfield"),
])
def test_a_firm_the_text_names(labeller, text, firm) -> None:
    assert (firm, "company.named") in spans(labeller, text)


@pytest.mark.parametrize("text", [
    "一家名为环保科技的公司。",  # a kind, no name
    "一个名为“风暴小组”的项目组。",  # no firm
])
def test_a_named_kind_or_group_is_no_firm(labeller, text) -> None:
    assert "company.named" not in [rule for _, rule in spans(labeller, text)]


# -- a latin name after a trade's role, a verb or time word after it --------------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("日本运营商Telnova提供了全部设备。", "Telnova"),
    ("美国市场研究公司Quantix今天发布报告称，销量将下滑。", "Quantix"),
])
def test_a_latin_name_after_a_role_before_a_verb(labeller, text, firm) -> None:
    assert (firm, "company.latin") in spans(labeller, text)


@pytest.mark.parametrize("text", [
    "运营商Capex下滑的问题值得关注。",  # capital spending
    "机构VIP通道可以优先卖出。",  # a service
    "全球第二大啤酒集团SAB米勒出资收购。",  # the latin part of a longer name
])
def test_a_term_or_a_name_part_after_a_role_is_no_latin_firm(labeller, text) -> None:
    assert "company.latin" not in [rule for _, rule in spans(labeller, text)]
