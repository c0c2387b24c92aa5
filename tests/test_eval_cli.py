"""``econer eval`` and ``econer compare`` end to end, on hand-made files in a temp folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from econer.cli import run
from econer.jsonl import write_documents
from econer.runinfo import RunInfo, write_run_info
from econer.spans import Document, Span

TEXTS = {
    "a": "甲乙公司在丙丁园区投资3亿元，增长41%。",
    "b": "戊己集团营收增长8.5%，利润12亿元。",
    "c": "庚辛产业园引进项目20个，总投资50亿元。",
    "d": "今年一季度，全区规上工业增加值增长12%。",
}
GOLD = {
    "a": [(0, 4, "COMPANY"), (5, 9, "PARK"), (11, 14, "AMOUNT"), (17, 20, "RATE")],
    "b": [(0, 4, "COMPANY"), (8, 12, "RATE"), (15, 19, "AMOUNT")],
    "c": [(0, 5, "PARK"), (15, 19, "AMOUNT")],
    "d": [(18, 21, "RATE")],
}


def docs(spans: dict[str, list[tuple[int, int, str]]]) -> list[Document]:
    return [Document.from_text(text, id=i).with_spans(
        [Span.at(text, s, e, lab) for s, e, lab in spans.get(i, [])]) for i, text in TEXTS.items()]


def weak_spans() -> dict[str, list[tuple[int, int, str]]]:
    """Only the numbers, one of them with a boundary error."""
    out = {i: [s for s in spans if s[2] in ("AMOUNT", "RATE")] for i, spans in GOLD.items()}
    out["a"] = [(12, 14, "AMOUNT"), (17, 20, "RATE")]
    return out


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {"gold": tmp_path / "gold.jsonl", "good": tmp_path / "good.jsonl",
             "weak": tmp_path / "weak.jsonl"}
    write_documents(paths["gold"], docs(GOLD))
    write_documents(paths["good"], docs(GOLD))
    write_documents(paths["weak"], docs(weak_spans()))
    write_run_info(paths["good"], RunInfo(system="rules", version="r-1", documents=4,
                                          chars=80, seconds=0.01))
    return paths


def evaluate(files: dict[str, Path], out: Path, *extra: str) -> int:
    return run(["eval", "--gold", str(files["gold"]), "--pred", f"good={files['good']}",
                "--pred", f"weak={files['weak']}", "--out", str(out), "--samples", "200",
                *extra])


def test_eval_writes_the_three_files_with_the_figures(files: dict[str, Path], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "card"
    assert evaluate(files, out) == 0
    for name in ("scorecard.json", "scorecard.md", "scorecard.html", "f1_by_label.png"):
        assert (out / name).stat().st_size > 0, name
    card = json.loads((out / "scorecard.json").read_text(encoding="utf-8"))
    assert card["schema"] == "econer.scorecard/1"
    assert list(card["systems"]) == ["good", "weak"]
    good, weak = card["systems"]["good"], card["systems"]["weak"]
    assert good["strict"]["micro"]["f1"] == 1.0
    # weak: 5 of its 6 spans right, of 10 gold spans
    assert weak["strict"]["micro"]["tp"] == 5
    assert weak["strict"]["micro"]["precision"] == pytest.approx(5 / 6)
    assert weak["strict"]["micro"]["recall"] == pytest.approx(5 / 10)
    assert weak["strict"]["per_label"]["COMPANY"]["precision"] is None
    assert weak["errors"]["counts"]["boundary"] == 1
    assert weak["errors"]["counts"]["missed"] == 4
    assert weak["muc"]["overall"]["partial"]["par"] == 1
    assert weak["seqeval_agrees_with_span_sets"] is True
    assert good["throughput"]["chars_per_second"] == pytest.approx(8000)
    assert weak["throughput"] is None
    assert card["gold"]["documents"] == 4 and card["gold"]["spans"]["RATE"] == 3
    [cmp] = card["comparisons"]
    assert (cmp["a"], cmp["b"]) == ("good", "weak")
    assert cmp["micro_f1"]["delta"] == pytest.approx(1.0 - 2 * 5 / 16)
    md = (out / "scorecard.md").read_text(encoding="utf-8")
    assert "| **good** | 1.000 | 1.000 | 1.000" in md
    assert "【3亿元】" in md or "【3亿元】".replace("3", "") in md
    html = (out / "scorecard.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 2
    assert "good" in capsys.readouterr().out


def test_the_same_seed_reproduces_the_scorecard(files: dict[str, Path], tmp_path: Path) -> None:
    cards = []
    for name, seed in (("one", "3"), ("two", "3"), ("three", "4")):
        assert evaluate(files, tmp_path / name, "--seed", seed) == 0
        card = json.loads((tmp_path / name / "scorecard.json").read_text(encoding="utf-8"))
        card.pop("created")
        card["bootstrap"].pop("seed")
        cards.append(card)
    assert cards[0] == cards[1]
    assert cards[0] != cards[2]


@pytest.mark.parametrize("bad", ["weak.jsonl", "=weak.jsonl", "weak=", "we ak=x.jsonl"])
def test_bad_pred_syntax_is_one_line_and_exit_2(files: dict[str, Path], tmp_path: Path,
                                               capsys: pytest.CaptureFixture, bad: str) -> None:
    code = run(["eval", "--gold", str(files["gold"]), "--pred", bad, "--out",
                str(tmp_path / "x")])
    err = capsys.readouterr().err
    assert code == 2
    assert "NAME=PATH" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x").exists()


def test_a_prediction_file_missing_a_gold_document_is_refused(
        files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    short = tmp_path / "short.jsonl"
    write_documents(short, [d for d in docs(GOLD) if d.id != "c"])
    code = run(["eval", "--gold", str(files["gold"]), "--pred", f"x={short}",
                "--out", str(tmp_path / "x")])
    err = capsys.readouterr().err
    assert code == 2
    assert str(short) in err and "'c'" in err


def test_a_prediction_with_another_text_is_refused(
        files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    other = tmp_path / "other.jsonl"
    changed = [d if d.id != "b" else Document.from_text(d.text + "。", id="b")
               for d in docs(GOLD)]
    write_documents(other, changed)
    code = run(["eval", "--gold", str(files["gold"]), "--pred", f"x={other}",
                "--out", str(tmp_path / "x")])
    err = capsys.readouterr().err
    assert code == 2
    assert str(other) in err and "'b'" in err and "another text" in err


def test_a_missing_gold_file_and_a_broken_line_name_the_file(
        files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert run(["eval", "--gold", str(tmp_path / "nope.jsonl"), "--pred",
                f"x={files['good']}"]) == 2
    assert "nope.jsonl" in capsys.readouterr().err
    broken = tmp_path / "broken.jsonl"
    broken.write_text(files["good"].read_text(encoding="utf-8") + "{not json\n",
                      encoding="utf-8")
    assert run(["eval", "--gold", str(files["gold"]), "--pred", f"x={broken}",
                "--out", str(tmp_path / "x")]) == 2
    assert f"{broken}:5:" in capsys.readouterr().err


def test_empty_gold_and_empty_predictions_still_make_a_scorecard(tmp_path: Path) -> None:
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    write_documents(gold, docs({}))
    write_documents(pred, docs({}))
    assert run(["eval", "--gold", str(gold), "--pred", f"none={pred}", "--out",
                str(tmp_path / "card"), "--samples", "50"]) == 0
    card = json.loads((tmp_path / "card" / "scorecard.json").read_text(encoding="utf-8"))
    micro = card["systems"]["none"]["strict"]["micro"]
    assert micro["f1"] is None and micro["ci"]["f1"] is None
    assert "–" in (tmp_path / "card" / "scorecard.md").read_text(encoding="utf-8")


def test_compare_flags_a_big_change_and_not_a_null_one(
        files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    base, new = tmp_path / "base", tmp_path / "new"
    # the same system name, "sys", before (good) and after (weak) a change
    for out, pred in ((base, files["good"]), (new, files["weak"])):
        assert run(["eval", "--gold", str(files["gold"]), "--pred", f"sys={pred}",
                    "--out", str(out), "--samples", "200"]) == 0
    capsys.readouterr()
    md = tmp_path / "changes.md"
    assert run(["compare", str(base), str(new / "scorecard.json"), "--out", str(md)]) == 0
    printed = capsys.readouterr().out
    assert "beyond CI" in printed
    text = md.read_text(encoding="utf-8")
    assert "| COMPANY | 1.000 | 0.000 | -1.000 | [1.000, 1.000] | **▼ beyond CI** |" in text
    assert "| RATE | 1.000 | 1.000 | +0.000 | [1.000, 1.000] |  |" in text
    assert "| micro | 1.000 | 0.625 | -0.375 | [1.000, 1.000] | **▼ beyond CI** |" in text
    assert run(["compare", str(base), str(new), "--fail-on-worse"]) == 1
    capsys.readouterr()
    assert run(["compare", str(base), str(base), "--fail-on-worse", "--json",
                str(tmp_path / "same.json")]) == 0
    same = json.loads((tmp_path / "same.json").read_text(encoding="utf-8"))
    assert same["flagged"] == 0 and same["warnings"] == []
    assert all(r["delta"] in (0.0, None) for r in same["pairs"][0]["rows"])


def test_compare_does_not_flag_a_change_inside_the_interval() -> None:
    from econer.eval.compare import compare_cards

    def card(f1: float, ci: list[float], fingerprint: str = "g") -> dict:
        row = {"f1": f1, "ci": {"f1": ci}}
        return {"labels": ["RATE"], "gold": {"fingerprint": fingerprint},
                "systems": {"x": {"strict": {"per_label": {"RATE": row}, "micro": row,
                                             "macro": row}}}}

    diff = compare_cards([card(0.6, [0.4, 0.8]), card(0.7, [0.5, 0.9]),
                          card(0.85, [0.7, 0.95], "other")], ["a", "b", "c"])
    assert [r["flag"] for r in diff["pairs"][0]["rows"]] == [None, None, None]
    assert [r["flag"] for r in diff["pairs"][1]["rows"]] == ["better"] * 3
    assert diff["worse"] == 0 and diff["flagged"] == 3
    assert diff["warnings"] == ["c was scored on other gold than a: differences mix the "
                                "systems and the test sets"]


def test_compare_refuses_what_is_not_a_scorecard(tmp_path: Path,
                                                capsys: pytest.CaptureFixture) -> None:
    fake = tmp_path / "fake.json"
    fake.write_text('{"schema": "something/9"}', encoding="utf-8")
    assert run(["compare", str(fake), str(fake)]) == 2
    assert "something/9" in capsys.readouterr().err
    assert run(["compare", str(fake)]) == 2


def write_folds(tmp_path: Path) -> Path:
    write_documents(tmp_path / "gold.jsonl", docs(GOLD))
    folds = tmp_path / "folds.yaml"
    folds.write_text(
        "name: tiny\ngold: gold.jsonl\nfolds:\n"
        + "".join(f"  - name: f-{i}\n    test: [{i}]\n" for i in TEXTS), encoding="utf-8")
    return folds


def test_eval_folds_runs_the_rules_over_each_fold(tmp_path: Path) -> None:
    folds = write_folds(tmp_path)
    out = tmp_path / "cv"
    assert run(["eval", "--folds", "--folds-file", str(folds), "--no-model", "--out", str(out),
                "--samples", "50", "--no-progress"]) == 0
    card = json.loads((out / "scorecard.json").read_text(encoding="utf-8"))
    cv = card["crossval"]
    assert cv["fold_names"] == ["f-a", "f-b", "f-c", "f-d"]
    assert list(cv["systems"]) == ["rules"]
    rules = cv["systems"]["rules"]
    assert set(rules["per_fold"]) == set(cv["fold_names"])
    assert rules["mean"]["micro"] is not None and rules["std"]["micro"] is not None
    # the pooled scorecard covers every gold document
    assert card["gold"]["documents"] == 4
    assert "## Cross-validation" in (out / "scorecard.md").read_text(encoding="utf-8")


def test_eval_folds_refuses_unknown_systems_and_missing_configs(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folds = write_folds(tmp_path)
    assert run(["eval", "--folds", "--folds-file", str(folds), "--system", "bert",
                "--out", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    known = err.split("(known: ")[1].split(";")[0].split(", ")
    assert "unknown system 'bert'" in err and {"rules", "run", "train"} <= set(known)
    assert run(["eval", "--folds", "--folds-file", str(folds), "--system", "rules",
                "--system", "rules", "--out", str(tmp_path / "x")]) == 2
    assert "the name 'rules' is given twice" in capsys.readouterr().err
    assert run(["eval", "--folds", "--folds-file", str(folds), "--system", "run:" +
                str(tmp_path), "--out", str(tmp_path / "x")]) == 2
    assert "not a run folder" in capsys.readouterr().err
    assert run(["eval", "--folds", "--folds-file", str(folds), "--config",
                str(tmp_path / "missing.yaml"), "--out", str(tmp_path / "x"),
                "--no-progress"]) == 2
    assert not (tmp_path / "x").exists()


def test_eval_help_teaches_by_example(capsys: pytest.CaptureFixture) -> None:
    assert run(["eval", "--help"]) == 0
    assert "Examples:" in capsys.readouterr().out
    assert run(["compare", "--help"]) == 0
    assert "Examples:" in capsys.readouterr().out


@pytest.mark.slow
def test_eval_folds_trains_a_config_on_each_fold(repo: Path, tmp_path: Path) -> None:
    """The model path end to end: the tiny config, trained per fold on hand-made gold."""
    folds = write_folds(tmp_path)
    out = tmp_path / "cv"
    assert run(["eval", "--folds", "--folds-file", str(folds), "--config",
                str(repo / "configs" / "train" / "tiny.yaml"), "--set", "train.epochs=1",
                "--out", str(out), "--samples", "50", "--no-progress"]) == 0
    card = json.loads((out / "scorecard.json").read_text(encoding="utf-8"))
    assert list(card["systems"]) == ["rules", "tiny"]
    assert set(card["crossval"]["systems"]["tiny"]["per_fold"]) == {"f-a", "f-b", "f-c", "f-d"}
    tiny = card["systems"]["tiny"]
    assert tiny["throughput"]["documents"] == 4 and tiny["throughput"]["chars"] == sum(
        len(t) for t in TEXTS.values())
    assert [c["a"] + "-" + c["b"] for c in card["comparisons"]] == ["rules-tiny"]


def test_bad_overrides_are_refused_before_training(tmp_path: Path, repo: Path,
                                                   capsys: pytest.CaptureFixture) -> None:
    folds = write_folds(tmp_path)
    assert run(["eval", "--folds", "--folds-file", str(folds), "--config",
                str(repo / "configs" / "train" / "tiny.yaml"), "--set", "train.epochs",
                "--out", str(tmp_path / "x")]) == 2
    assert "KEY=VALUE" in capsys.readouterr().err
    assert run(["eval", "--gold", str(tmp_path / "gold.jsonl"), "--pred", "a=b.jsonl",
                "--set", "train.epochs=1"]) == 2
    assert "go with --folds" in capsys.readouterr().err


def test_an_out_that_is_a_file_is_refused_before_scoring(
        files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    taken = tmp_path / "taken"
    taken.write_text("mine", encoding="utf-8")
    assert evaluate(files, taken) == 2
    assert "not a folder" in capsys.readouterr().err
    assert taken.read_text(encoding="utf-8") == "mine"


def test_fold_scores_only_that_folds_test_documents(
        files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "f").mkdir()
    folds = write_folds(tmp_path / "f")
    out = tmp_path / "card"
    assert evaluate(files, out, "--fold", "f-a", "--folds-file", str(folds)) == 0
    card = json.loads((out / "scorecard.json").read_text(encoding="utf-8"))
    assert card["gold"]["documents"] == 1
    # document a holds weak's one boundary error: 1 of its 2 spans right, of 4 gold
    assert card["systems"]["weak"]["strict"]["micro"]["tp"] == 1
    assert card["systems"]["weak"]["strict"]["micro"]["support"] == 4
    assert evaluate(files, tmp_path / "x", "--fold", "f-z", "--folds-file", str(folds)) == 2
    assert "no such fold" in capsys.readouterr().err
