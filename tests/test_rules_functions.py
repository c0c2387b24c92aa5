"""The rule families as registered labelling functions (the weak-supervision voters)."""

from __future__ import annotations

import econer.annotate.rules.functions as functions

from econer.registry import LabellingFunction, labelling_functions
from econer.spans import Document

TEXT = "浙江鼎力机械股份有限公司在湖州经济开发区投资3亿元，产值增长12.5%。"


def test_every_family_is_registered_and_follows_the_protocol() -> None:
    for name in ["rules", *functions.FAMILIES]:
        lf = labelling_functions.get(name)()
        assert isinstance(lf, LabellingFunction)
        assert lf.name == name
        assert lf.version.startswith("rules-")


def test_a_family_only_votes_on_its_labels_and_rules() -> None:
    doc = Document.from_text(TEXT, id="d")
    votes = {name: labelling_functions.get(name)()(doc) for name in functions.FAMILIES}
    assert [s.text for s in votes["rules.amount"]] == ["3亿元"]
    assert [s.text for s in votes["rules.rate"]] == ["12.5%"]
    assert [s.text for s in votes["rules.park"]] == ["湖州经济开发区"]
    assert [s.text for s in votes["rules.company.suffix"]] == ["浙江鼎力机械股份有限公司"]
    for name, spans in votes.items():
        labels = functions.FAMILIES[name][0]
        assert all(s.label in labels for s in spans), name
        assert all(s.source and s.score is not None for s in spans), name


def test_the_whole_rules_function_matches_the_labeller() -> None:
    doc = Document.from_text(TEXT, id="d")
    lf = labelling_functions.get("rules")()
    assert lf(doc) == list(functions.shared_labeller()(doc).spans)
