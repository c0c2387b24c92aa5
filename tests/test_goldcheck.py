"""`econer gold check` and the checks behind it, on small gold files made for each case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from econer.annotate.gold.agreement import span_agreement
from econer.annotate.gold.check import (
    Waiver,
    consistency_problems,
    load_check_rules,
    mechanical_problems,
)

from econer.cli import run
from econer.spans import Document, Span


def _doc(doc_id: str, text: str, *marks: tuple[str, str]) -> dict:
    """A gold line; each mark is (surface, label) at the surface's first occurrence."""
    spans = []
    for surface, label in marks:
        start = text.index(surface)
        spans.append({"start": start, "end": start + len(surface), "label": label,
                      "text": surface})
    return {"id": doc_id, "text": text, "spans": spans}


def _write(path: Path, *lines: dict | str) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)
                              for x in lines) + "\n", encoding="utf-8")
    return path


def _messages(text: str, label: str, surface: str) -> list[str]:
    start = text.index(surface)
    doc = Document(id="d", text=text, spans=(Span.at(text, start, start + len(surface), label),))
    return [p.message for p in mechanical_problems(doc, load_check_rules())]


@pytest.mark.parametrize(("text", "label", "surface", "word"), [
    ("工业投资增长41%", "RATE", "增长41%", "增长"),
    ("同比8.24%", "RATE", "同比8.24%", "同比"),
    ("总投资近170亿元", "AMOUNT", "近170亿元", "近"),
    ("超60%的规上企业", "RATE", "超60%", "超"),
    ("合同引资400亿元以上", "AMOUNT", "400亿元以上", "以上"),
    ("增速30%左右", "RATE", "30%左右", "左右"),
    ("实施天致二期", "COMPANY", "天致二期", "二期"),
    ("浦里新区管委会", "PARK", "浦里新区管委会", "管委会"),
    ("*ST康美被立案调查", "COMPANY", "*ST康美", "*ST"),  # stocks: status prefixes stay out
    ("沪指午后翻红", "COMPANY", "沪指", "沪指"),          # an index is not a firm
    ("北向资金净流入", "COMPANY", "北向资金", "北向资金"),  # a flow of money is not a firm
])
def test_mechanical_rules_of_the_standard(text: str, label: str, surface: str,
                                          word: str) -> None:
    messages = _messages(text, label, surface)
    assert len(messages) == 1 and repr(word) in messages[0], messages


@pytest.mark.parametrize(("text", "label", "surface"), [
    ("工业投资增长41%", "RATE", "41%"),
    ("从2月的-26.6%回升", "RATE", "-26.6%"),
    ("提高3.5个百分点", "RATE", "3.5个百分点"),
    ("大跌3个多百分点", "RATE", "3个多百分点"),   # vague points, like 800余万元
    ("回落2多个百分点", "RATE", "2多个百分点"),
    ("分别下降0.71、0.94和0.62个百分点", "RATE", "0.71、0.94和0.62个百分点"),  # one unit
    ("增长百分之十二", "RATE", "百分之十二"),
    ("利润大增逾2，300%", "RATE", "2，300%"),
    ("营收增长1,250.5%", "RATE", "1,250.5%"),
    ("降低电费为企业减负800余万元", "AMOUNT", "800余万元"),
    ("每月降低生产成本六七万元", "AMOUNT", "六七万元"),
    ("苏州高新区投资１２０亿开展", "AMOUNT", "１２０亿"),
    ("项目投资167.6亿印度卢比", "AMOUNT", "167.6亿印度卢比"),  # rupees and roubles are money
    ("合同金额达30亿卢布", "AMOUNT", "30亿卢布"),
    ("浦里新区赵家组团全貌", "PARK", "浦里新区赵家组团"),
    ("特色建材(陶瓷)产业园", "PARK", "特色建材(陶瓷)产业园"),
])
def test_the_standards_own_examples_pass(text: str, label: str, surface: str) -> None:
    assert _messages(text, label, surface) == []


@pytest.mark.parametrize(("label", "surface"), [
    ("PARK", "高新区"), ("COMPANY", "该公司"), ("RATE", "四成"), ("AMOUNT", "1.99亿度"),
    ("RATE", "2，30%"), ("RATE", "3个多个百分点"),
])
def test_back_references_and_wrong_shapes_are_caught(label: str, surface: str) -> None:
    assert len(_messages(f"这是{surface}。", label, surface)) == 1


def test_consistency_across_documents_and_waivers() -> None:
    a = Document(id="a", text="推动摩瑞科技落地", spans=(Span(2, 6, "COMPANY", "摩瑞科技"),))
    b = Document(id="b", text="摩瑞科技放量，摩瑞科技二期",
                 spans=(Span(0, 4, "COMPANY", "摩瑞科技"),))
    problems = consistency_problems([a, b])
    assert [(p.doc_id, p.start, p.label) for p in problems] == [("b", 7, None)]
    assert "not labelled here, but COMPANY in doc a 2-6" in str(problems[0])
    assert consistency_problems([a, b], [Waiver("摩瑞科技", "phase", docs=frozenset({"b"}))]) == []
    assert consistency_problems([a, b], [Waiver("摩瑞科技", "phase", docs=frozenset({"c"}))])


def test_inside_a_longer_span_is_consistent_but_a_number_tail_is_not_an_occurrence() -> None:
    text = "重庆德凯实业股份有限公司与德凯，增长141%与41%"
    doc = Document(id="a", text=text).with_spans([
        Span.at(text, 0, 12, "COMPANY"), Span.at(text, 13, 15, "COMPANY"),
        Span.at(text, 18, 22, "RATE"), Span.at(text, 23, 26, "RATE")])
    assert consistency_problems([doc]) == []


def test_crossing_a_span_is_reported() -> None:
    text = "开州浦里新区与浦里新区"
    doc = Document(id="a", text=text).with_spans([Span.at(text, 0, 3, "PARK"),
                                                  Span.at(text, 7, 11, "PARK")])
    (problem,) = consistency_problems([doc])
    assert (problem.start, problem.end) == (2, 6) and "crosses span 0-3" in problem.message


def test_cli_lists_every_problem_with_file_and_line(tmp_path: Path, capsys) -> None:
    gold = _write(
        tmp_path / "gold.jsonl",
        _doc("ok", "引进投资125.8亿元", ("125.8亿元", "AMOUNT")),
        _doc("bad", "工业投资增长41%，总投资近170亿元",
             ("增长41%", "RATE"), ("近170亿元", "AMOUNT")),
        "{not json",
        {"id": "off", "text": "华为", "spans": [{"start": 0, "end": 3, "label": "COMPANY",
                                                  "text": "华为"}]},
        {"id": "lab", "text": "华为", "spans": [{"start": 0, "end": 2, "label": "FIRM",
                                                  "text": "华为"}]},
        _doc("ok", "重复"),
    )
    assert run(["gold", "check", str(gold)]) == 2
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert f"{gold}:2: doc bad span 4-9 RATE '增长41%': RATE contains '增长' (the verb stays out)" \
        in lines
    assert any(x.startswith(f"{gold}:2: doc bad span 13-19 AMOUNT '近170亿元'") for x in lines)
    assert any(x.startswith(f"{gold}:3: doc ?: malformed JSON") for x in lines)
    assert any(x.startswith(f"{gold}:4: doc off span 0-3 COMPANY") and "out of range" in x
               for x in lines)
    assert any(x.startswith(f"{gold}:5: doc lab span 0-2 FIRM") and "unknown label" in x
               for x in lines)
    assert any(x.startswith(f"{gold}:6: doc ok: duplicate document id") for x in lines)
    assert len(lines) == 6
    assert "6 problem(s)" in out.err and out.err.count("\n") == 1


def test_cli_overlap_and_consistency_across_files(tmp_path: Path, capsys) -> None:
    first = _write(tmp_path / "a.jsonl", _doc("a", "华为与中兴", ("华为", "COMPANY")))
    second = _write(tmp_path / "b.jsonl", {
        "id": "b", "text": "华为手机与华为",
        "spans": [{"start": 0, "end": 2, "label": "PARK", "text": "华为"},
                  {"start": 1, "end": 4, "label": "COMPANY", "text": "为手机"}]})
    assert run(["gold", "check", str(tmp_path)]) == 2
    lines = capsys.readouterr().out.splitlines()
    assert any("span 1-4 COMPANY '为手机': overlaps span 0-2 PARK" in x for x in lines)
    assert f"{second}:1: doc b span 0-2 PARK '华为': labelled COMPANY elsewhere " \
           f"(doc a 0-2; 1 of 2 spans)" in lines
    assert any(x.startswith(f"{second}:1: doc b span 5-7 unlabelled '华为'") for x in lines)
    assert not any(x.startswith(str(first)) for x in lines)


def test_cli_accepts_clean_gold_with_a_summary(tmp_path: Path, capsys) -> None:
    gold = _write(tmp_path / "gold.jsonl",
                  _doc("a", "引进投资125.8亿元，增长41%", ("125.8亿元", "AMOUNT"), ("41%", "RATE")))
    assert run(["gold", "check", str(gold)]) == 0
    assert capsys.readouterr().out.strip() == (
        "ok: 1 documents in 1 file(s), 2 spans (COMPANY 0, PARK 0, AMOUNT 1, RATE 1)")


def test_cli_exceptions_file_waives_and_needs_reasons(tmp_path: Path, capsys) -> None:
    gold = _write(tmp_path / "gold.jsonl",
                  _doc("a", "天致药业与天致药业", ("天致药业", "COMPANY")))
    assert run(["gold", "check", str(gold)]) == 2
    waived = tmp_path / "exceptions.yaml"
    waived.write_text("exceptions:\n  - text: 天致药业\n    reason: a test\n", encoding="utf-8")
    assert run(["gold", "check", str(gold), "--exceptions", str(waived)]) == 0
    waived.write_text("exceptions:\n  - text: 天致药业\n", encoding="utf-8")
    capsys.readouterr()
    assert run(["gold", "check", str(gold), "--exceptions", str(waived)]) == 2
    assert "exceptions.yaml:2: exceptions[0] needs 'reason'" in capsys.readouterr().err


def test_cli_missing_input_is_one_line(tmp_path: Path, capsys) -> None:
    assert run(["gold", "check", str(tmp_path / "nope.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.jsonl" in err


def test_agreement_and_stats_commands(tmp_path: Path, capsys) -> None:
    a = _write(tmp_path / "a.jsonl",
               _doc("d", "开州高新区与华为", ("开州高新区", "PARK"), ("华为", "COMPANY")))
    b = _write(tmp_path / "b.jsonl",
               _doc("d", "开州高新区与华为", ("高新区", "PARK"), ("华为", "COMPANY")))
    assert run(["gold", "agree", str(a), str(b), "--show"]) == 0
    out = capsys.readouterr().out
    assert "| PARK | 1 | 1 | 0 | 0.000 | 0.000 | 0.000 |" in out
    assert "| micro | 2 | 2 | 1 | 0.500 | 0.500 | 0.500 |" in out
    assert "A only: doc d span 0-5 PARK '开州高新区'" in out
    assert "B only: doc d span 2-5 PARK '高新区'" in out
    assert run(["gold", "stats", str(a)]) == 0
    assert "| d | 1 | 1 | 0 | 0 | 2 |" in capsys.readouterr().out


def test_span_agreement_pairs_documents_by_id() -> None:
    text = "增长41%"
    a = [Document(id="x", text=text, spans=(Span.at(text, 2, 5, "RATE"),)),
         Document(id="y", text=text, spans=(Span.at(text, 2, 5, "RATE"),))]
    b = [Document(id="y", text=text, spans=(Span.at(text, 2, 5, "RATE"),))]
    scores = span_agreement(a, b)
    assert scores["RATE"]["precision"] == 1.0 and scores["RATE"]["recall"] == 0.5
    assert span_agreement(b, a)["RATE"]["recall"] == 1.0
    assert scores["COMPANY"]["f1"] == 1.0  # neither side has any: full agreement


def test_waiver_within_a_longer_string(tmp_path: Path) -> None:
    text = "华为推出华为手机"
    doc = Document(id="a", text=text).with_spans([Span.at(text, 0, 2, "COMPANY")])
    (problem,) = consistency_problems([doc])
    assert problem.start == 4
    assert consistency_problems([doc], [Waiver("华为", "product", within="华为手机")]) == []
    assert consistency_problems([doc], [Waiver("华为", "product", within="华为平板")])


def test_value_must_fit_the_label() -> None:
    from econer.spans import Value

    text = "增长41%"
    doc = Document(id="d", text=text, spans=(
        Span.at(text, 2, 5, "RATE", value=Value(0.41, "CNY")),))
    (message,) = [p.message for p in mechanical_problems(doc, load_check_rules())]
    assert message == "value unit 'CNY' does not fit a RATE span"


def test_cli_rejects_a_text_file(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("开州高新区", encoding="utf-8")
    assert run(["gold", "check", str(notes)]) == 2
    assert "expected a .jsonl gold file" in capsys.readouterr().err
