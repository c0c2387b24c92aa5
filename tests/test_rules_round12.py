"""Round twelve (issue 12): left boundaries and park titles. The durative particle 着 ends a
verb and never opens a name (spec/entities.md: a name stops at the verb before it); goods sent
to a bare 保税区 is a back-reference, not a park; a park read after 成为…的 with no place is
the title of a goal (the standard's "titles and categories" are not PARK). Sentences written
for the test from the standard; none is a corpus, dev or seed sentence."""

from __future__ import annotations

import pytest
from rule_spans import names, spans


# -- 着 ends a verb: the name starts after it ---------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("这一签约标志着恒远化工有限公司正式落户。", ["恒远化工有限公司"]),  # not 标志着恒远…
    ("这标志着公司进入新的发展阶段。", []),  # bare 公司 refers back: nothing left
    ("业内认为，这意味着华为将扩大海外投资。", ["华为"]),  # a known name after 意味着
    ("市场一直关注着新潮传媒的走向。", ["新潮传媒"]),
    ("他们紧接着宏达、远航等厂家推出新品。", ["宏达", "远航"]),  # a list's first item
])
def test_a_name_starts_after_a_verb_and_zhe(labeller, text, expected) -> None:
    assert names(labeller, text) == expected


def test_zhe_cut_keeps_the_rule_that_found_the_name(labeller) -> None:
    assert spans(labeller, "这一签约标志着恒远化工有限公司正式落户。") == [
        ("恒远化工有限公司", "company.full")]


# -- parks: goods sent to a zone, and a goal's title ------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("货物将运往保税区，再转口出口。", []),  # bare 保税区 after a move: a back-reference
    ("这批产品发往宁波保税区后转口。", ["宁波保税区"]),  # a named zone after the move stays
    ("该市计划把新区建设成为全国领先的光伏产业基地。", []),  # a goal's title, no name
    ("到2015年，将该园打造成为西部最大的重庆光电产业园。", ["重庆光电产业园"]),  # a place opens it
    ("项目落户常州的武进高新区。", ["武进高新区"]),  # 的 with no goal before it: a park
])
def test_park_moves_and_goal_titles(labeller, text, expected) -> None:
    assert names(labeller, text, "PARK") == expected
