"""A name of the 267K short-name list met twice in a text (company.brand.repeat) and the
common-word list the gazetteer build writes for it (annotate/rules/context.py, gazetteer.py).

The sentences are written for the test from the standard (spec/entities.md: a brand is
COMPANY where it names the firm acting); none is a seed or corpus sentence. The names are
entries of the shipped brand list (configs/rules/gazetteer/brands.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest
from econer.annotate.rules import gazetteer

from econer.spans import Document


def spans(labeller, text: str) -> list[tuple[str, str]]:
    return [(s.text, (s.source or "").removeprefix("rules:"))
            for s in labeller(Document.from_text(text)).spans if s.label == "COMPANY"]


def test_a_list_name_met_twice_near_a_firm_word_is_a_firm(labeller) -> None:
    text = "去年，巴宝莉的营收有所下滑。分析师认为，与巴宝莉合作的代工厂也受到影响。"
    assert spans(labeller, text) == [("巴宝莉", "company.brand.repeat")] * 2


def test_met_once_it_is_left_to_the_other_rules(labeller) -> None:
    # (round twenty-two: the other rules take it, a name before 的 and its revenue)
    assert spans(labeller, "去年，巴宝莉的营收有所下滑。") == [
        ("巴宝莉", "company.brand.possession")]


def test_no_firm_word_near_any_mention_no_firm(labeller) -> None:
    assert spans(labeller, "傍晚，巴宝莉的歌声响起。人们说，与巴宝莉同行的日子很美。") == []


@pytest.mark.parametrize("text", [
    "总统贝莱德今天访问了工厂。随后，贝莱德的车队驶向公司总部。",   # a title before one mention
    "贝莱德：这轮下跌与上市公司业绩有关。贝莱德：我看好龙头企业。",  # a speaker
    "今年，苹果的产量大增，果农说，苹果的收购价也涨了。",            # a common word too
])
def test_a_person_a_speaker_or_a_common_word_is_no_firm(labeller, text) -> None:
    assert ("贝莱德", "company.brand.repeat") not in spans(labeller, text)
    assert ("苹果", "company.brand.repeat") not in spans(labeller, text)


def test_a_two_character_name_needs_three_mentions(labeller) -> None:
    twice = "近日，汉王的营收下滑。同时，汉王的股价走低。"
    thrice = twice + "此外，汉王的员工减少。"
    assert ("汉王", "company.brand.repeat") not in spans(labeller, twice)
    assert spans(labeller, thrice).count(("汉王", "company.brand.repeat")) == 3


def test_an_index_or_a_model_after_the_name_is_no_end(labeller) -> None:
    # 标普500 is an index: a digit or a latin letter right after the name is no word end
    text = "昨日，巴宝莉500的成分股上涨。公司称，巴宝莉500的权重股领涨。"
    assert ("巴宝莉", "company.brand.repeat") not in spans(labeller, text)


def test_the_build_writes_the_brand_names_that_are_common_words(tmp_path: Path) -> None:
    brands = {"苹果": 4, "巴宝莉": 5}
    paths = gazetteer.write(tmp_path, [], brands)
    common = tmp_path / "gazetteer" / gazetteer.BRANDS_COMMON_FILE
    assert common in paths
    assert common.read_text(encoding="utf-8").splitlines()[1:] == ["苹果"]
    loaded = gazetteer.Gazetteer.load(tmp_path)
    assert loaded.common_brand("苹果") and not loaded.common_brand("巴宝莉")


@pytest.mark.parametrize("text", ["、" * 200_000, "a" * 200_000, "与" * 200_000])
def test_runs_of_openers_or_letters_are_read_in_one_pass(labeller, text) -> None:
    # the repeat and latin regexes start only at a run's last opener and a word's first
    # letter: on these texts a regex tried at every place of a run would not finish
    assert spans(labeller, text) == []
