"""Round eighteen (issue 12): COMPANY recall and boundaries. A name of the lists written
together with a business of the firm (空调, 中央空调, 营养品, 金融租赁, 家居, 家电 ...),
opening a clause and before what the business does, is the firm's business acting: one span,
the bare name inside it no longer a span of its own (spec/entities.md: a brand is COMPANY where
it names the firm acting; eval/devsets/README.md: 美的中央空调, 辉瑞营养品). A brand
naming its product stays out (王老吉凉茶; a product's sales, a product in a shop, a brand among
brands). Sentences written for the test from the standard; none is a corpus, dev or seed
sentence."""

from __future__ import annotations

import pytest
from rule_spans import names, spans


# -- a firm's business, acting: one span ------------------------------------------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("海尔空调近日在泰国新建了一座工厂。", "海尔空调"),  # a time word, then its act
    ("今年，格力空调将在巴西扩大生产。", "格力空调"),
    ("飞利浦家电已经在华南建立了物流中心。", "飞利浦家电"),
    ("辉瑞营养品成功收购了一家奶粉厂。", "辉瑞营养品"),
    ("据悉，七喜电脑荣获了行业质量大奖。", "七喜电脑"),  # after a firm frame
    ("奥迪金融租赁推出了新的企业租车方案。", "奥迪金融租赁"),
    ("美的中央空调自2009年起连续投资研发中心。", "美的中央空调"),  # since a year
])
def test_a_firms_business_acting_is_one_span(labeller, text, firm) -> None:
    assert (firm, "company.brand.business") in spans(labeller, text)


# -- … after an adverb of its act, or after a year or a time word that opens the clause ------
@pytest.mark.parametrize(("text", "firm"), [
    ("在本次招标中，七喜电脑最终胜出。", "七喜电脑"),  # an adverb: 最终
    ("别家还在观望，海尔空调则率先降价。", "海尔空调"),  # 则
    ("2012年海尔空调就已进入欧洲市场。", "海尔空调"),  # a year before it
    ("除了此次飞利浦家电被约谈外，还有三家企业被点名。", "飞利浦家电"),  # 此次
])
def test_a_firms_business_after_an_adverb_or_a_time_word(labeller, text, firm) -> None:
    assert (firm, "company.brand.business") in spans(labeller, text)


@pytest.mark.parametrize(("text", "bare"), [
    ("海尔空调近日在泰国新建了一座工厂。", "海尔"),
    ("辉瑞营养品成功收购了一家奶粉厂。", "辉瑞"),
    ("奥迪金融租赁推出了新的企业租车方案。", "奥迪"),
])
def test_the_bare_name_inside_is_no_span_of_its_own(labeller, text, bare) -> None:
    assert bare not in names(labeller, text)


# -- a brand naming its product, or nothing acting: no such span -----------------------------
@pytest.mark.parametrize(("text", "word"), [
    ("王老吉凉茶已经卖到了海外。", "王老吉凉茶"),  # the standard's product: no business word
    ("格力空调销量大增。", "格力空调"),  # the product's sales: nothing acting
    ("他上周买了一台美的空调。", "美的空调"),  # a product bought: no clause opens there
    ("同方电脑与其他品牌相比价格更低。", "同方电脑"),  # a brand among brands
    ("美的空调自带除湿功能。", "美的空调"),  # 自带: the product's feature
    ("消费者崇尚家居统一风格。", "崇尚家居"),  # a word, not a name
])
def test_a_product_or_a_business_not_acting_stays_out(labeller, text, word) -> None:
    assert word not in names(labeller, text)
