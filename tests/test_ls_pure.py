"""The Label Studio conversions and reports that need no server: regions, plans, changes."""

from __future__ import annotations

from typing import Any

import pytest
from econer.annotate.labelstudio.changes import ChangeReport, compare_spans
from econer.annotate.labelstudio.config import config_problems, labelling_config
from econer.annotate.labelstudio.pull import pull_tasks, shown_prediction
from econer.annotate.labelstudio.push import plan_push
from econer.annotate.labelstudio.server import find_label_studio
from econer.annotate.labelstudio.tasks import result_spans, task_payload

from econer.errors import EconerError
from econer.labels import LABEL_COLOURS, LABEL_HOTKEYS, LABELS
from econer.spans import Document, Span

TEXT = "千能实业投资12亿元，\r\n增长41%😀"


def _region(start: Any, end: Any, *labels: str, **extra: Any) -> dict[str, Any]:
    return {"type": "labels", "value": {"start": start, "end": end, "labels": list(labels)},
            **extra}


def test_config_offers_every_label_with_colour_and_hotkey() -> None:
    xml = labelling_config()
    for label in LABELS:
        assert (f'<Label value="{label}" background="{LABEL_COLOURS[label]}" '
                f'hotkey="{LABEL_HOTKEYS[label]}"/>') in xml
    assert xml.count("<Labels ") == 1 and config_problems(xml) == []


@pytest.mark.parametrize("region, message", [
    (_region(0, 4, "COMPANY", "PARK"), "exactly one label"),
    (_region(0, 4, "BRAND"), "unknown label"),
    (_region(0, 99, "COMPANY"), "out of range"),
    (_region(4, 4, "COMPANY"), "out of range"),
    (_region("0", 4, "COMPANY"), "integers"),
    (_region(0, 4.0, "COMPANY"), "integers"),
])
def test_bad_regions_are_refused(region: dict[str, Any], message: str) -> None:
    with pytest.raises(EconerError, match=message):
        result_spans(TEXT, [region])


def test_overlapping_regions_are_refused() -> None:
    with pytest.raises(EconerError, match="overlaps"):
        result_spans(TEXT, [_region(0, 4, "COMPANY"), _region(2, 6, "COMPANY")])


def test_regions_other_than_labels_and_repeats_are_dropped() -> None:
    result = [_region(6, 10, "AMOUNT"), _region(6, 10, "AMOUNT"),
              {"type": "relation", "from_id": "a", "to_id": "b"},
              {"type": "textarea", "value": {"text": ["note"]}}]
    assert [s.text for s in result_spans(TEXT, result)] == ["12亿元"]


def test_line_breaks_written_as_backslash_n_still_match() -> None:
    start = TEXT.index("，")
    region = _region(start, start + 4, "RATE")
    region["value"]["text"] = "，\\n增"
    [span] = result_spans(TEXT, [region])
    assert span.text == "，\r\n增"  # the string comes from the task text


def test_gold_source_drops_prediction_scores_and_rules() -> None:
    region = _region(6, 10, "AMOUNT", score=0.7, econer_source="rules:amount")
    assert result_spans(TEXT, [region])[0].source == "rules:amount"
    [gold] = result_spans(TEXT, [region], source="gold")
    assert (gold.source, gold.score) == ("gold", None)


def _doc(doc_id: str = "a", text: str = TEXT) -> Document:
    return Document.from_text(text, id=doc_id).with_spans(
        [Span.at(text, 6, 10, "AMOUNT", score=0.8, source="rules:amount")])


def test_plan_refuses_a_changed_text_and_a_repeated_id() -> None:
    there = [{"id": 1, **task_payload(_doc(), "v1")}]
    with pytest.raises(EconerError, match="text differs"):
        plan_push([_doc(text=TEXT + "。")], there, "v1")
    with pytest.raises(EconerError, match="given twice"):
        plan_push([_doc(), _doc()], [], "v1")


def test_plan_matches_the_oldest_of_duplicated_tasks() -> None:
    there = [{"id": 9, **task_payload(_doc(), None)}, {"id": 4, **task_payload(_doc(), "v1")}]
    plan = plan_push([_doc()], there, "v1")
    assert (plan.new_tasks, plan.new_predictions, plan.unchanged) == ([], [], 1)


def test_compare_pairs_a_split_span_with_its_bigger_half() -> None:
    text = "开州高新区赵家组团"
    predicted = [Span.at(text, 0, 9, "PARK", source="rules:park")]
    corrected = [Span.at(text, 0, 2, "PARK"), Span.at(text, 2, 9, "PARK")]
    kinds = [(c.kind, c.corrected.text if c.corrected else None)
             for c in compare_spans(predicted, corrected)]
    assert kinds == [("added", "开州"), ("rebounded", "高新区赵家组团")]
    report = ChangeReport()
    report.add(compare_spans(predicted, corrected))
    assert report.costly_rules() == [("rules:park", 1, 1)]
    assert report.to_dict()["by_rule"]["(none)"]["added"] == 1


def test_the_annotation_is_compared_with_the_prediction_it_started_from() -> None:
    old = {"id": 1, "model_version": "v1", "created_at": "2026-01-01", "result": []}
    new = {"id": 2, "model_version": "v2", "created_at": "2026-03-01", "result": []}
    task = {"predictions": [old, new]}
    assert shown_prediction(task, {"created_at": "2026-02-01"}) is old
    assert shown_prediction(task, {"created_at": "2026-04-01"}) is new
    assert shown_prediction(task, {"created_at": "2026-04-01", "parent_prediction": 1}) is old


def test_skipped_annotations_do_not_make_gold() -> None:
    task = {"id": 3, "data": {"text": TEXT, "doc_id": "a"}, "annotations": [
        {"id": 1, "completed_by": 5, "was_cancelled": True, "result": [_region(0, 4, "PARK")]}]}
    result = pull_tasks([task])
    assert (result.gold, result.annotated, result.unannotated) == ([], 0, 1)


def test_label_studio_is_looked_for_where_told(tmp_path: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ECONER_LABEL_STUDIO", str(tmp_path / "missing"))
    with pytest.raises(EconerError, match=r"\$ECONER_LABEL_STUDIO .*make setup-ls"):
        find_label_studio()
    fake = tmp_path / "label-studio"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    assert find_label_studio(fake) == fake.resolve()
