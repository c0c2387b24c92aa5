"""PARK precision on general news (issue 12, round four): business districts, verbs and
quantities before a park head. Sentences written for the test from the standard
(spec/entities.md: PARK names industrial zones; a business district or a region is none)."""

from __future__ import annotations

import pytest

from econer.spans import Document


def parks(labeller, text: str) -> list[str]:
    return [s.text for s in labeller(Document.from_text(text)).spans if s.label == "PARK"]


@pytest.mark.parametrize("text", [
    "该公司的主要资产是杭州钱江新城的一栋写字楼",     # a CBD, with its city
    "写字楼租金在珠江新城一带回落",                    # a CBD alone
    "研发团队将从美国硅谷迁至国内",                    # a region abroad
    "下游厂商近年来多次组团到外地采购原料",            # 组团 the verb
])
def test_business_districts_regions_and_verbs_are_no_park(labeller, text) -> None:
    assert parks(labeller, text) == []


def test_a_quantity_before_the_park_stays_out(labeller) -> None:
    # 600亩左右: an area and 左右 (about) end the left scan
    assert parks(labeller, "另有300亩左右宏图工业园待建") == ["宏图工业园"]


def test_a_new_town_run_as_a_park_stays_park(labeller) -> None:
    # the standard's own example: each is the complete name of a park cluster
    assert "永桐新城" in parks(labeller, "新增永桐新城、安穩、扶欢3个园区组团")
