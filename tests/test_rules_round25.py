"""Round twenty-five's precision fixes from the dev sets (sentences written from the standard)."""

from __future__ import annotations

import pytest
from rule_spans import names


@pytest.mark.parametrize("text", [
    "本次招标包括设备采购及运输、维护等相关服务项目。",  # items that are verbs: no firms
    "对其外观、配置、售后等项目进行评比。",
])
def test_a_list_of_acts_before_projects_names_no_firm(labeller, text: str) -> None:
    assert names(labeller, text) == []


def test_a_trade_alone_before_a_company_word_is_a_kind(labeller) -> None:
    # 酒业 is a trade (like 白酒, 啤酒): 酒业公司 names a kind; a name before it stays a name
    assert names(labeller, "银行并不认为酒业公司的品牌可作担保。") == []
    assert names(labeller, "湖北白云边酒业公司宣布扩产。") == ["湖北白云边酒业公司"]
