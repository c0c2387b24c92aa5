"""Round twenty-two (issue 12): COMPANY recall on a firm named before 的 and what only a firm
has. A name of the lists (listed, known as a firm, or a name of the 267K list that is no
common word) that opens a word, right before 的 and a thing only a firm has (its
shareholders, board, officers, staff, accounts, market value, patents, supply chain,
subsidiaries, plants, shops, investors, creditors, clients: ``FIRM_POSSESSION``), is the firm
(spec/entities.md: a brand or short name that names the firm acting or owning is COMPANY; a
product is not; a place is not). A name and its business (苹果电脑) before the same is the
firm too, as round eighteen reads it acting; a name that is a common word too (苹果) only
before its shares, board or accounts (股价, 市值, 董事会, 股东, 净利润, 财报 …). Sentences
written for the test from the standard; none is a corpus, dev or seed sentence."""

from __future__ import annotations

import pytest
from rule_spans import spans

RULE = "company.brand.possession"


# -- a name of the lists before 的 and what only a firm has -----------------------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("分析师指出，江口醇的债权人将在下月开会。", "江口醇"),  # 267K list, uncommon
    ("据悉，横滨轮胎的董事会已批准该方案。", "横滨轮胎"),
    ("业内认为，华鼎的净利润仍将下滑。", "华鼎"),  # a listed short name that needs a cue
    ("市场人士称，亿帆的市值已超过百亿元。", "亿帆"),
])
def test_a_name_before_what_only_a_firm_has(labeller, text, firm) -> None:
    assert (firm, RULE) in spans(labeller, text)


# -- a name that is a common word too, before its shares, board or accounts only -----------
@pytest.mark.parametrize(("text", "firm"), [
    ("他说，苹果的股价今年翻了一番。", "苹果"),
    ("截至上周，长城的控股股东已减持三次。", "长城"),
])
def test_a_common_name_before_its_shares_or_board(labeller, text, firm) -> None:
    assert (firm, RULE) in spans(labeller, text)


# -- a name and its business before the same --------------------------------------------------
@pytest.mark.parametrize(("text", "firm"), [
    ("消息称，苹果电脑的供应链正在向东南亚转移。", "苹果电脑"),
    ("据了解，七喜电脑的员工已超过千人。", "七喜电脑"),  # (not a name of the lexicons)
])
def test_a_name_and_its_business_before_what_a_firm_has(labeller, text, firm) -> None:
    assert (firm, RULE) in spans(labeller, text)


# -- no firm: a place, a common word, a time word, an index, a product, mid-word -------------
@pytest.mark.parametrize(("text", "word"), [
    ("近年来，上海的工厂大多迁往郊区。", "上海"),  # a place
    ("他说，苹果的客户主要在南方。", "苹果"),  # a common word (the fruit too): shares only
    ("几乎所有公司今年中期的净利润都下降了。", "中期"),  # a time word, a listed short name too
    ("没有企业愿意建一家全新的工厂。", "全新"),
    ("截至昨日，恒生指数的市值有所回落。", "恒生指数"),  # an index, no firm
    ("据悉，横滨轮胎的产品远销海外。", "横滨轮胎"),  # a product is the brand's
    ("老板李华鼎的员工都很年轻。", "华鼎"),  # read mid-word: a person's name
])
def test_no_firm_before_de(labeller, text, word) -> None:
    assert (word, RULE) not in spans(labeller, text)
