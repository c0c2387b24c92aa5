"""The annotator's loop in a real Chromium against a real Label Studio: push, correct, pull.

Four documents are pushed with hand-made pre-labels (model version ``hand-1``). Two are
accepted as they are (plain Chinese; a line break inside the paragraph). On the two others
a company region is deleted with the keyboard and one drawn with a mouse drag after pressing
the label's hot key: after an emoji, over the wrongly bounded company; and, with a CJK
Extension B character (𪚥) before the name and inside it, the false company 𪚥记 deleted and
the missed 龙𪚥实业有限公司 drawn. Then ``econer ls pull`` must give back every span at the
code-point offsets of the characters the mouse went over, and count the corrections.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from chromium import HIGHLIGHT, drag_over, highlights, login, open_task, submit, wait_for_region
from econer.annotate.labelstudio.client import LabelStudioClient
from econer.annotate.labelstudio.server import LocalServer
from econer.annotate.labelstudio.tasks import task_doc_id

from econer.cli import run
from econer.jsonl import read_documents, write_documents
from econer.labels import LABEL_HOTKEYS
from econer.spans import Document, Span

pytestmark = [pytest.mark.browser, pytest.mark.labelstudio]

VERSION = "hand-1"
SOURCE = "hand"
Marks = Sequence[tuple[str, str]]  # (surface, label); each surface occurs once in its text


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    pre: Marks  # the pre-labels pushed
    delete: str | None = None  # the pre-label surface the annotator deletes
    draw: tuple[str, str] | None = None  # the (surface, label) drawn instead

    @property
    def gold(self) -> list[tuple[str, str]]:
        kept = [m for m in self.pre if m[0] != self.delete]
        return sorted([*kept, *([self.draw] if self.draw else [])],
                      key=lambda m: self.text.index(m[0]))


CASES = [
    Case("plain", "重庆千能实业有限公司在开州高新区投资12亿元，同比增长8.5%。",
         [("重庆千能实业有限公司", "COMPANY"), ("开州高新区", "PARK"), ("12亿元", "AMOUNT"),
          ("8.5%", "RATE")]),
    Case("line-break",
         "两江新区今年引进长安汽车股份有限公司等企业，\n全年工业投资20亿元，增长15%。",
         [("两江新区", "PARK"), ("长安汽车股份有限公司", "COMPANY"), ("20亿元", "AMOUNT"),
          ("15%", "RATE")]),
    Case("emoji", "😀紫建电子有限公司宣布扩产，新增投资3亿元。",
         [("电子有限公司", "COMPANY"), ("3亿元", "AMOUNT")],
         delete="电子有限公司", draw=("紫建电子有限公司", "COMPANY")),
    Case("ext-b", "𪚥记：龙𪚥实业有限公司入驻万州经开区，总投资5亿元。",
         [("𪚥记", "COMPANY"), ("万州经开区", "PARK"), ("5亿元", "AMOUNT")],
         delete="𪚥记", draw=("龙𪚥实业有限公司", "COMPANY")),
]
SCORES = [0.87, 0.95, 0.99]  # pre-label scores; the prediction's score is the lowest


def _spans(text: str, marks: Marks) -> list[Span]:
    return [Span.at(text, text.index(s), text.index(s) + len(s), label)
            for s, label in marks]


def check_gold(gold: Sequence[Document], cases: Sequence[Case]) -> None:
    """Every pulled span is exactly one expected (surface, label), at the surface's offsets."""
    by_id = {doc.id: doc for doc in gold}
    assert sorted(by_id) == sorted(c.id for c in cases)
    for case in cases:
        doc = by_id[case.id]
        assert doc.text == case.text
        for span in doc.spans:
            assert doc.text[span.start : span.end] == span.text, (case.id, span)
        got = [(doc.text[s.start : s.end], s.label, s.start) for s in doc.spans]
        want = [(surface, label, case.text.index(surface)) for surface, label in case.gold]
        assert got == want, case.id
        assert {s.source for s in doc.spans} == {"gold"}


@dataclass
class Loop:
    url: str
    token: str
    title: str
    project_id: int
    tasks: dict[str, dict[str, Any]]
    seen: dict[str, list[tuple[str, str]]]  # the regions each task showed on opening
    submitted: dict[str, list[tuple[str, str]]]  # and showed when submitted
    page_text: str  # the first task's page, as text
    gold: list[Document]
    report: dict[str, Any]


def pull(loop_url: str, token: str, title: str, out: Path) -> tuple[int, Path]:
    report = out.with_suffix(".report.json")
    code = run(["ls", "pull", "--out", str(out), "--report", str(report), "--url", loop_url,
                "--token", token, "--project", title])
    return code, report


@pytest.fixture(scope="module")
def loop(ls_server: LocalServer, ls_client: LabelStudioClient, page: Any,
         tmp_path_factory: pytest.TempPathFactory, screenshots: Path | None) -> Loop:
    """Push the cases, correct them in the browser, submit, and pull (once for the module)."""
    tmp = tmp_path_factory.mktemp("annotator")
    title = "browser-loop"
    docs = [Document.from_text(c.text, id=c.id).with_spans(
        [Span.at(c.text, s.start, s.end, s.label, score=SCORES[i % len(SCORES)], source=SOURCE)
         for i, s in enumerate(_spans(c.text, c.pre))]) for c in CASES]
    write_documents(tmp / "pre.jsonl", docs)
    args = ["--url", ls_server.url, "--token", ls_server.token, "--project", title]
    assert run(["ls", "push", str(tmp / "pre.jsonl"), "--model-version", VERSION, *args]) == 0
    project_id = ls_client.project(title)
    tasks = {task_doc_id(t) or "": t for t in ls_client.export_tasks(project_id)}

    login(page, ls_server.url, ls_server.creds.username, ls_server.creds.password)
    seen, submitted, page_text = {}, {}, ""
    for case in CASES:
        open_task(page, ls_server.url, project_id, tasks[case.id]["id"])
        seen[case.id] = highlights(page)
        page_text = page_text or page.inner_text("body")
        if screenshots is not None and case.id == "line-break":
            page.screenshot(path=str(screenshots / "annotator-prelabels.png"))
        if case.delete is not None:
            page.locator(HIGHLIGHT, has_text=case.delete).first.click()
            page.keyboard.press("Backspace")
            wait_for_region(page, case.delete, present=False)
            page.keyboard.press("Escape")
        if case.draw is not None:
            surface, label = case.draw
            page.keyboard.press(LABEL_HOTKEYS[label])
            drag_over(page, surface)
            wait_for_region(page, surface)
        submitted[case.id] = highlights(page)
        submit(page)

    code, report = pull(ls_server.url, ls_server.token, title, tmp / "gold.jsonl")
    assert code == 0
    return Loop(ls_server.url, ls_server.token, title, project_id, tasks, seen, submitted,
                page_text,
                list(read_documents(tmp / "gold.jsonl")),
                json.loads(report.read_text(encoding="utf-8")))


def test_pushed_pre_labels_show_on_the_page(loop: Loop) -> None:
    for case in CASES:
        assert loop.seen[case.id] == list(case.pre), case.id
        assert loop.submitted[case.id] == case.gold, case.id  # the edits took on the page
    # The prediction's tab names its model version and score (the lowest span score).
    assert VERSION in loop.page_text
    assert f"{min(SCORES):.2%}" in loop.page_text


def test_accepted_and_drawn_regions_come_back_at_their_characters(loop: Loop) -> None:
    check_gold(loop.gold, CASES)


def test_change_report_counts_the_corrections(loop: Loop) -> None:
    # emoji: the company re-drawn over the deleted one is a re-bounded span; ext-b: the
    # false company is deleted and the missed one drawn elsewhere.
    changes = loop.report["changes"]
    predicted = sum(len(c.pre) for c in CASES)
    assert changes["totals"] == {"kept": predicted - 2, "relabelled": 0, "rebounded": 1,
                                 "relabelled_rebounded": 0, "deleted": 1, "added": 1}
    assert changes["by_label"]["COMPANY"] == {"kept": 2, "relabelled": 0, "rebounded": 1,
                                              "relabelled_rebounded": 0, "deleted": 1,
                                              "added": 1}
    assert changes["by_rule"][SOURCE] == {"kept": predicted - 2, "relabelled": 0,
                                          "rebounded": 1, "relabelled_rebounded": 0,
                                          "deleted": 1, "added": 0}
    assert changes["by_rule"]["(none)"]["added"] == 1


def _shifted(result: list[dict[str, Any]], text: str, surface: str,
             keep_text: bool) -> list[dict[str, Any]]:
    """The browser's result with the region over ``surface`` one code point to the right."""
    out = json.loads(json.dumps(result))
    [region] = [r for r in out if r["value"].get("text") == surface]
    value = region["value"]
    value["start"] += 1
    value["end"] += 1
    if not keep_text:
        value["text"] = text[value["start"] : value["end"]]
    return out


def test_a_shifted_offset_fails(loop: Loop, ls_client: LabelStudioClient, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    """A page that put a region one character off (as one counting UTF-16 units would after
    𪚥) is caught: by the pull when the region's text no longer fits, else by check_gold."""
    case = next(c for c in CASES if c.id == "ext-b")
    assert case.draw is not None
    task = next(t for t in ls_client.export_tasks(loop.project_id) if task_doc_id(t) == case.id)
    [browser_made] = task["annotations"]
    task_id = task["id"]

    ls_client.annotate(task_id, _shifted(browser_made["result"], case.text, case.draw[0],
                                         keep_text=True))
    out = tmp_path / "gold.jsonl"
    capsys.readouterr()
    code, _ = pull(loop.url, loop.token, loop.title, out)
    assert code == 2 and not out.exists()
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("econer: error: ") and "does not match" in line

    ls_client.annotate(task_id, _shifted(browser_made["result"], case.text, case.draw[0],
                                         keep_text=False))
    code, _ = pull(loop.url, loop.token, loop.title, out)
    assert code == 0
    with pytest.raises(AssertionError, match="ext-b"):
        check_gold(list(read_documents(out)), CASES)
