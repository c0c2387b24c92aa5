"""The Label Studio round trip against a real server: push, annotate through the API, pull."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from econer.annotate.labelstudio.client import LabelStudioClient
from econer.annotate.labelstudio.tasks import task_doc_id
from econer.annotate.rules.ruler import load_rules

from econer.cli import run
from econer.ingest import iter_documents
from econer.jsonl import read_documents, write_documents
from econer.labels import LABELS
from econer.spans import Document, Span

pytestmark = pytest.mark.labelstudio

REPO = Path(__file__).resolve().parents[2]


def _tasks(client: LabelStudioClient, title: str) -> dict[str, dict[str, Any]]:
    return {task_doc_id(t): t for t in client.export_tasks(client.project(title))}


def _gold(doc: Document, spans: list[Span]) -> Document:
    """What pull must give: the corrected spans, marked gold, without scores."""
    return doc.with_spans([Span.at(doc.text, s.start, s.end, s.label, source="gold")
                           for s in spans])


def _free_gap(text: str, spans: list[Span], width: int = 2) -> int:
    """A start where ``width`` non-space characters overlap no span."""
    for start in range(len(text) - width):
        piece = text[start : start + width]
        if piece.strip() == piece and all(start + width <= s.start or start >= s.end
                                          for s in spans):
            return start
    raise AssertionError("no free gap")


def _edit(doc: Document) -> list[Span]:
    """An annotator's corrections: relabel one span, move a boundary, delete one, add one."""
    spans = list(doc.spans)
    relabel = 0
    rebound = next(i for i, s in enumerate(spans) if i != relabel and s.end - s.start >= 2)
    delete = next(i for i in range(len(spans)) if i not in (relabel, rebound))
    first, second = spans[relabel], spans[rebound]
    other = next(label for label in LABELS if label != first.label)
    spans[relabel] = Span.at(doc.text, first.start, first.end, other)
    spans[rebound] = Span.at(doc.text, second.start, second.end - 1, second.label)
    del spans[delete]
    start = _free_gap(doc.text, list(doc.spans))  # away from every predicted span
    spans.append(Span.at(doc.text, start, start + 2, "COMPANY"))
    return sorted(spans, key=lambda s: s.start)


def test_seed_round_trip(ls_client: LabelStudioClient, ls_args: list[str], project_title: str,
                         tmp_path: Path, browser_region: Any, capsys: pytest.CaptureFixture[str]
                         ) -> None:
    seeds = REPO / "seeds"
    labeller = load_rules()
    predicted = [labeller(d) for d in iter_documents([seeds])]
    assert len(predicted) == 5
    assert run(["ls", "push", str(seeds), "--rules", *ls_args]) == 0
    assert "5 tasks created" in capsys.readouterr().out

    tasks = _tasks(ls_client, project_title)
    assert set(tasks) == {d.id for d in predicted}
    edited = max(predicted, key=lambda d: len(d.spans))
    assert len(edited.spans) >= 4
    expected = []
    for doc in predicted:
        task = tasks[doc.id]
        assert task["data"]["text"] == doc.text
        [prediction] = task["predictions"]
        assert prediction["model_version"] == labeller.version
        assert len(prediction["result"]) == len(doc.spans)
        spans = _edit(doc) if doc is edited else list(doc.spans)
        result = [browser_region(doc.text, s.start, s.end, s.label, i)
                  for i, s in enumerate(spans)]
        ls_client.annotate(task["id"], result)
        expected.append(_gold(doc, spans))

    gold, report = tmp_path / "gold.jsonl", tmp_path / "report.json"
    capsys.readouterr()
    assert run(["ls", "pull", "--out", str(gold), "--report", str(report), *ls_args]) == 0
    assert "wrote 5 gold documents" in capsys.readouterr().out
    assert list(read_documents(gold)) == expected
    changes = json.loads(report.read_text(encoding="utf-8"))["changes"]
    total = sum(len(d.spans) for d in predicted)
    assert changes["totals"] == {"kept": total - 3, "relabelled": 1, "rebounded": 1,
                                 "relabelled_rebounded": 0, "deleted": 1, "added": 1}
    deleted = [s for s in edited.spans if not any(
        max(s.start, g.start) < min(s.end, g.end) for g in expected[predicted.index(edited)].spans)]
    assert len(deleted) == 1
    assert changes["by_rule"][deleted[0].source]["deleted"] == 1
    assert changes["by_rule"]["(none)"]["added"] == 1
    assert changes["by_label"][edited.spans[0].label]["relabelled"] == 1


TRICKY = [
    "重庆紫建电子有限公司😀投资12亿元，增长41%。\r\n第二行：开州高新区「园区」👍🏽𠀀科技公司",
    "《报告》指出：千能实业（开州）有限公司——总投资229.91亿元！\r\n\r\n同比增长3.5个百分点…",
]


def _mark(text: str, *marks: tuple[str, str]) -> list[Span]:
    spans = []
    for surface, label in marks:
        start = text.index(surface)
        spans.append(Span.at(text, start, start + len(surface), label))
    return spans


def test_cjk_punctuation_emoji_and_crlf(ls_client: LabelStudioClient, ls_args: list[str],
                                        project_title: str, tmp_path: Path,
                                        browser_region: Any) -> None:
    a, b = TRICKY
    docs = [
        Document.from_text(a, id="tricky-a").with_spans(_mark(
            a, ("重庆紫建电子有限公司", "COMPANY"), ("12亿元", "AMOUNT"), ("41%", "RATE"),
            ("开州高新区", "PARK"))),
        Document.from_text(b, id="tricky-b").with_spans(_mark(
            b, ("千能实业（开州）有限公司", "COMPANY"), ("229.91亿元", "AMOUNT"))),
    ]
    source = tmp_path / "tricky.jsonl"
    write_documents(source, docs)
    assert run(["ls", "push", str(source), "--model-version", "hand-1", *ls_args]) == 0
    tasks = _tasks(ls_client, project_title)
    assert tasks["tricky-a"]["data"]["text"] == a  # \r\n, emoji and astral characters intact

    # The annotator stretches the company over the emoji, marks a park across the line break
    # (stored as a literal \n by the editor), and adds the rate after the blank lines.
    emoji_end = a.index("😀") + 1
    corrected_a = _mark(a, ("12亿元", "AMOUNT"), ("41%", "RATE"), ("开州高新区「园区」", "PARK"),
                        ("𠀀科技公司", "COMPANY"))
    corrected_a.insert(0, Span.at(a, 0, emoji_end, "COMPANY"))
    crossing = b.index("！")
    corrected_b = [*_mark(b, ("千能实业（开州）有限公司", "COMPANY")),
                   Span.at(b, crossing, crossing + 6, "PARK"),
                   *_mark(b, ("3.5个百分点", "RATE"))]
    assert "\\n" in browser_region(b, crossing, crossing + 6, "PARK")["value"]["text"]
    for doc, spans in zip(docs, [corrected_a, corrected_b], strict=True):
        result = [browser_region(doc.text, s.start, s.end, s.label, i)
                  for i, s in enumerate(spans)]
        ls_client.annotate(tasks[doc.id]["id"], result)

    gold = tmp_path / "gold.jsonl"
    assert run(["ls", "pull", "--out", str(gold), *ls_args]) == 0
    pulled = list(read_documents(gold))
    assert pulled == [_gold(docs[0], corrected_a), _gold(docs[1], corrected_b)]
    assert pulled[0].spans[0].text == "重庆紫建电子有限公司😀"
    assert pulled[1].spans[1].text == "！\r\n\r\n同"


def test_repush_is_idempotent_and_new_versions_add_predictions(
        ls_client: LabelStudioClient, ls_args: list[str], project_title: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    text = "开州高新区引进千能实业有限公司，投资12亿元。"
    docs = [Document.from_text(f"{i}：{text}", id=f"doc-{i}").with_spans(
        _mark(f"{i}：{text}", ("12亿元", "AMOUNT"))) for i in range(30)]
    source = tmp_path / "docs.jsonl"
    write_documents(source, docs)
    push = ["ls", "push", str(source), *ls_args]

    assert run([*push, "--model-version", "v1"]) == 0
    # The first push stores the predictions inside the new tasks, and says so.
    assert "30 tasks created, 30 predictions added, 0 unchanged" in capsys.readouterr().out
    assert run([*push, "--model-version", "v1"]) == 0
    assert "0 tasks created, 0 predictions added, 30 unchanged" in capsys.readouterr().out
    assert run([*push, "--model-version", "v2"]) == 0
    assert "0 tasks created, 30 predictions added, 0 unchanged" in capsys.readouterr().out

    tasks = ls_client.export_tasks(ls_client.project(project_title))
    assert len(tasks) == 30
    assert sorted(len(t["predictions"]) for t in tasks) == [2] * 30
    assert run(["ls", "status", *ls_args]) == 0
    out = capsys.readouterr().out
    assert "30 tasks, 0 annotated" in out
    assert "predictions v1: 30" in out and "predictions v2: 30" in out
    assert run(["ls", "pull", "--out", str(tmp_path / "gold.jsonl"), *ls_args]) == 0
    assert "wrote 0 gold documents" in capsys.readouterr().out
    assert (tmp_path / "gold.jsonl").read_text(encoding="utf-8") == ""

    # A document whose text changed under the same id is refused, nothing is imported.
    changed = tmp_path / "changed.jsonl"
    write_documents(changed, [Document.from_text(text + "改", id="doc-3")])
    assert run(["ls", "push", str(changed), "--model-version", "v3", *ls_args]) == 2
    assert "doc-3" in capsys.readouterr().err
    assert len(ls_client.export_tasks(ls_client.project(project_title))) == 30


def test_several_annotators(ls_client: LabelStudioClient, ls_args: list[str],
                            project_title: str, tmp_path: Path, browser_region: Any) -> None:
    texts = ["千能实业投资12亿元，增长41%", "开州高新区引进华为，投资5亿元"]
    docs = [Document.from_text(t, id=f"multi-{i}") for i, t in enumerate(texts)]
    source = tmp_path / "docs.jsonl"
    write_documents(source, docs)
    assert run(["ls", "push", str(source), *ls_args]) == 0
    tasks = _tasks(ls_client, project_title)
    ann1 = ls_client.user("ann1@localhost")
    ann2 = ls_client.user("ann2@localhost")
    t0, t1 = texts

    def regions(text: str, *marks: tuple[str, str]) -> list[dict[str, Any]]:
        return [browser_region(text, s.start, s.end, s.label, i)
                for i, s in enumerate(_mark(text, *marks))]

    # Task 0: both annotators; they agree on AMOUNT and RATE, disagree on the company.
    ls_client.annotate(tasks["multi-0"]["id"], regions(
        t0, ("千能实业", "COMPANY"), ("12亿元", "AMOUNT"), ("41%", "RATE")), ann1)
    ls_client.annotate(tasks["multi-0"]["id"], regions(
        t0, ("千能", "COMPANY"), ("12亿元", "AMOUNT"), ("41%", "RATE")), ann2)
    # Task 1: ann1 only, twice: the later annotation is the one that counts.
    ls_client.annotate(tasks["multi-1"]["id"], regions(t1, ("5亿元", "AMOUNT")), ann1)
    ls_client.annotate(tasks["multi-1"]["id"], regions(
        t1, ("开州高新区", "PARK"), ("华为", "COMPANY"), ("5亿元", "AMOUNT")), ann1)

    gold, report = tmp_path / "gold.jsonl", tmp_path / "report.json"
    assert run(["ls", "pull", "--out", str(gold), "--report", str(report), *ls_args]) == 0
    pulled = {d.id: d for d in read_documents(gold)}
    assert [s.text for s in pulled["multi-1"].spans] == ["开州高新区", "华为", "5亿元"]
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["annotators"] == {"ann1@localhost": 2, "ann2@localhost": 1}
    [pair] = data["agreement"]
    assert (pair["a"], pair["b"]) == ("ann1@localhost", "ann2@localhost")
    scores = pair["scores"]
    assert scores["AMOUNT"]["f1"] == scores["RATE"]["f1"] == 1.0
    assert scores["COMPANY"]["f1"] == 0.0
    assert scores["micro"]["f1"] == pytest.approx(2 / 3)

    only = tmp_path / "ann2.jsonl"
    assert run(["ls", "pull", "--out", str(only), "--annotator", "ann2@localhost",
                *ls_args]) == 0
    [doc] = read_documents(only)
    assert doc.id == "multi-0" and [s.text for s in doc.spans] == ["千能", "12亿元", "41%"]
    assert doc.meta["annotation"]["annotator"] == "ann2@localhost"
