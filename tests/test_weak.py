"""Weak supervision: each labelling function, the precision-weighted vote (abstention stays
unknown, never O) and ``econer silver``."""

from __future__ import annotations

from pathlib import Path

import pytest
from econer.annotate.weak.aggregate import aggregate, noisy_or
from econer.annotate.weak.functions import default_names, load_functions, measure
from econer.annotate.weak.silver import make_silver

from econer.cli import run
from econer.jsonl import read_documents
from econer.labels import LABELS
from econer.partial import partial_of, ruled_out
from econer.registry import LabellingFunction
from econer.spans import Document, Span, Value

SEEDS = Path(__file__).resolve().parent.parent / "seeds" / "gold" / "seeds.jsonl"


@pytest.fixture(scope="module")
def seed_docs() -> list[Document]:
    return list(read_documents(SEEDS))


@pytest.mark.parametrize("name", default_names())
def test_each_function_votes_only_on_its_labels(name: str, seed_docs: list[Document]) -> None:
    [lf] = load_functions([name])
    assert isinstance(lf, LabellingFunction) and lf.name == name and lf.version
    for doc in seed_docs:
        spans = lf(doc)
        doc.with_spans(spans)  # valid offsets and texts, no overlaps
        for span in spans:
            assert span.label in lf.labels
            assert span.score is not None and 0 < span.score <= 1 and span.source


@pytest.mark.parametrize("name, text, want", [
    ("rules.amount", "引进投资125.8亿元", [("125.8亿元", "AMOUNT")]),
    ("rules.rate", "同比增长41%，提高3.5个百分点", [("41%", "RATE"), ("3.5个百分点", "RATE")]),
    ("rules.park", "加快建设重庆生物医药产业园", [("重庆生物医药产业园", "PARK")]),
    ("rules.company.suffix", "千能实业有限公司车间一角", [("千能实业有限公司", "COMPANY")]),
])
def test_functions_find_the_standards_examples(name: str, text: str, want: list) -> None:
    [lf] = load_functions([name])
    assert [(s.text, s.label) for s in lf(Document.from_text(text))] == want


def test_functions_abstain_where_they_have_nothing_to_say() -> None:
    doc = Document.from_text("引进投资125.8亿元")
    for lf in load_functions([n for n in default_names() if n != "rules.amount"]):
        assert lf(doc) == [], lf.name  # an abstention is no span, never an O span


def test_measure_counts_each_functions_exact_matches(seed_docs: list[Document]) -> None:
    table = measure(load_functions(["rules.amount", "rules.rate"]), seed_docs)
    gold_amounts = sum(1 for d in seed_docs for s in d.spans if s.label == "AMOUNT")
    assert 0 < table["rules.amount"]["tp"] <= min(table["rules.amount"]["n"], gold_amounts)
    assert table["rules.amount"]["weight"] == round(
        (table["rules.amount"]["tp"] + 1) / (table["rules.amount"]["n"] + 2), 4)


TEXT = "重庆紫建电子有限公司投资5亿元，增长8%"


def test_agreeing_votes_make_one_confident_span() -> None:
    votes = {"suffix": [Span.at(TEXT, 0, 10, "COMPANY", score=0.8)],
             "listed": [Span.at(TEXT, 0, 10, "COMPANY", score=0.7)],
             "short": [Span.at(TEXT, 2, 6, "COMPANY", score=0.7)],  # nested: no rival
             "amount": [Span.at(TEXT, 12, 15, "AMOUNT", score=0.9,
                                value=Value(5e8, "CNY"))]}
    silver = aggregate(Document.from_text(TEXT), votes)
    assert [(s.text, s.score) for s in silver.spans] == [
        ("重庆紫建电子有限公司", pytest.approx(noisy_or([0.8, 0.7]), abs=1e-4)),
        ("5亿元", 0.9)]
    assert silver.spans[0].source == "weak:listed+suffix"
    assert silver.spans[1].value == Value(5e8, "CNY")
    assert partial_of(silver).unknown == ()


def test_disagreement_and_weak_votes_become_unknown_not_o() -> None:
    votes = {"a": [Span.at(TEXT, 0, 6, "COMPANY", score=0.9)],
             "b": [Span.at(TEXT, 4, 10, "PARK", score=0.9)],       # crosses a: a conflict
             "weak": [Span.at(TEXT, 16, 18, "RATE", score=0.3)]}   # below the threshold
    silver = aggregate(Document.from_text(TEXT), votes)
    assert silver.spans == ()
    assert partial_of(silver).unknown == ((0, 10), (16, 18))
    out = ruled_out(silver)
    assert out[3] == frozenset() and out[17] == frozenset()  # nothing taught there


def test_abstention_on_a_label_stays_unknown() -> None:
    silver = aggregate(Document.from_text(TEXT), {})
    assert silver.spans == ()
    for labels in ruled_out(silver):       # no function fired: only the covered labels
        assert labels == frozenset({"AMOUNT", "RATE"})  # are ruled out; COMPANY, PARK unknown
    none = aggregate(Document.from_text(TEXT), {}, covered=())
    assert all(labels == frozenset() for labels in ruled_out(none))
    every = aggregate(Document.from_text(TEXT), {}, covered=LABELS)
    assert ruled_out(every)[0] == frozenset(LABELS)   # only when asked: O


def test_a_long_weak_reading_does_not_block_a_strong_short_one() -> None:
    votes = {"brand": [Span.at(TEXT, 0, 10, "COMPANY", score=0.3)],
             "short": [Span.at(TEXT, 2, 6, "COMPANY", score=0.9)]}
    silver = aggregate(Document.from_text(TEXT), votes)
    assert [s.text for s in silver.spans] == ["紫建电子"]
    assert partial_of(silver).unknown == ((0, 2), (6, 10))


def test_function_weights_stand_in_for_missing_scores() -> None:
    votes = {"x": [Span.at(TEXT, 12, 15, "AMOUNT")]}
    assert aggregate(Document.from_text(TEXT), votes, threshold=0.6).spans == ()  # 0.5 default
    silver = aggregate(Document.from_text(TEXT), votes, weights={"x": 0.95}, threshold=0.6)
    assert [s.score for s in silver.spans] == [0.95]


def test_silver_of_the_seeds_is_mostly_right(seed_docs: list[Document]) -> None:
    silver = list(make_silver(seed_docs, load_functions()))
    gold = {(d.id, s.key) for d in seed_docs for s in d.spans}
    got = [(d.id, s.key) for d in silver for s in d.spans]
    assert sum(1 for g in got if g in gold) / len(got) > 0.9  # tuned on these seeds


def test_silver_command_writes_silver_and_a_run_record(tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text("重庆紫建电子有限公司投资5亿元，同比增长8%。\n", "utf-8")
    out = tmp_path / "silver.jsonl"
    assert run(["silver", str(src), "--out", str(out), "--no-progress"]) == 0
    [doc] = read_documents(out)
    assert [s.label for s in doc.spans] == ["COMPANY", "AMOUNT", "RATE"]
    assert all(s.source.startswith("weak:") for s in doc.spans)
    assert partial_of(doc).covered == ("AMOUNT", "RATE")
    record = (tmp_path / "silver.jsonl.run.json").read_text("utf-8")
    assert '"system": "silver"' in record and '"rules.amount"' in record


def test_silver_refuses_to_write_over_an_input(tmp_path: Path, capsys) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "投资5亿元"}\n', "utf-8")
    before = src.read_bytes()
    assert run(["silver", str(src), "--out", str(src), "--no-progress"]) == 2
    assert "refusing to overwrite it" in capsys.readouterr().err
    assert src.read_bytes() == before
    assert run(["silver", str(src), "--out", str(tmp_path / "o.jsonl"), "--covered", "FIRM",
                "--no-progress"]) == 2
    assert "unknown label(s) FIRM" in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists()



def test_repeats_and_the_merged_labeller_are_not_default_voters() -> None:
    assert "weak.company.repeat" not in default_names() and "rules" not in default_names()
    [lf] = load_functions(["weak.company.repeat"])
    text = "引进甲乙丙、丁戊己等3家企业，丁戊己表示"  # a listed name, then alone
    assert [(s.start, s.text, s.source) for s in lf(Document.from_text(text))] == [
        (15, "丁戊己", "rules:company.repeat")]


def test_dataset_names_mark_known_firms_and_skip_kinds_media_exchanges() -> None:
    from econer.annotate.weak.gazetteer import DatasetNames

    lf = DatasetNames(["宁波银行", "上市公司", "商业银行", "新浪财经", "纳斯达克", "某律师事务所",
                       "东风日产", "日产"], generic=["上市"])
    assert sorted(lf.names) == ["东风日产", "宁波银行"]  # 日产: shorter than four characters
    text = "上市公司东风日产与宁波银行在纳斯达克"
    assert [(s.text, s.source) for s in lf(Document.from_text(text))] == [
        ("东风日产", "datasets.names"), ("宁波银行", "datasets.names")]


def test_dataset_names_are_read_from_the_shared_datasets(tmp_path: Path, monkeypatch) -> None:
    import shutil

    from econer.annotate.weak import gazetteer

    from econer.errors import EconerError

    fixtures = Path(__file__).parent / "fixtures" / "datasets"
    layout = {"cluener2020/train.json": "cluener.json", "cfsc-ner/val.json": "cfsc.json",
              "ccf-bdci2019/train.csv": "ccf.csv", "resume-ner/train.char.bmes":
              "resume.char.bmes", "resume-ner/dev.char.bmes": "resume.char.bmes"}
    for rel, name in layout.items():
        (tmp_path / "datasets" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(fixtures / name, tmp_path / "datasets" / rel)
    monkeypatch.setenv("ECONER_SHARED", str(tmp_path))
    with pytest.raises(EconerError, match="resume-ner/test.char.bmes"):
        gazetteer.datasets_names()
    shutil.copy(fixtures / "resume.char.bmes", tmp_path / "datasets/resume-ner/test.char.bmes")
    lf = gazetteer.datasets_names()
    want = {"浙商银行", "华为公司", "兰州瑞德集团", "贵州茅台", "度小满金融", "米袋理财"}
    assert want <= lf.names
    assert lf.name in default_names()


def test_gazetteer_candidates_make_names_the_rules_reject_unknown_not_o() -> None:
    from econer.annotate.weak.candidates import WEIGHT, GazetteerCandidates

    lf = GazetteerCandidates(["海尔", "TCL"], ["东风日产", "日产", "三一"])
    text = "东风日产与海尔合作，三一未入选，XTCL8型号"
    votes = lf(Document.from_text(text))
    # leftmost-longest; two-character short-list names and names inside a latin run are no vote
    assert [(s.text, s.score) for s in votes] == [("东风日产", WEIGHT), ("海尔", WEIGHT)]
    rule = Span.at(text, 5, 7, "COMPANY", score=0.9)  # a rule confirmed 海尔
    silver = aggregate(Document.from_text(text), {"rules": [rule], "candidates": votes},
                       covered=("COMPANY", "AMOUNT", "RATE"))
    assert [s.text for s in silver.spans] == ["海尔"]  # a weak vote alone makes no span
    assert silver.meta["partial"]["unknown"] == [[0, 4]]  # ... but is unknown, not O
    out = ruled_out(silver)
    assert out[0] == frozenset() and "COMPANY" in out[10]  # 三一: plain text, not a company
    assert "gazetteer.candidates" not in default_names()
