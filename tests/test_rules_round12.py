"""Round twelve (issue 12): park titles. Goods sent to a bare 保税区 is a back-reference, not
a park; a park read after 成为…的 with no place is the title of a goal (the standard's
"titles and categories" are not PARK). Sentences written
for the test from the standard; none is a corpus, dev or seed sentence."""

from __future__ import annotations

import pytest

from econer.spans import Document


def spans(labeller, text: str, label: str = "COMPANY") -> list[tuple[str, str]]:
    return [(s.text, s.source.removeprefix("rules:"))
            for s in labeller(Document.from_text(text)).spans if s.label == label]


def names(labeller, text: str, label: str = "COMPANY") -> list[str]:
    return [name for name, _ in spans(labeller, text, label)]


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
