"""Train the tiny config end to end, predict, and check windows, stitching and CLUENER."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import torch
import yaml
from econer.models.build import char_tokenizer, char_vocab
from econer.models.config import ClueNerArgs, load_config
from econer.models.data import read_cluener
from econer.models.predict import Predictor
from econer.models.tags import NOT_COMPANY, TAG_ID, TAGS
from econer.models.train import partial_loss, read_metrics, train
from econer.models.windows import best_window, windows

from econer.cli import run
from econer.jsonl import read_documents, write_documents
from econer.resources import config_path
from econer.spans import Document, Span

COMPANIES = ["千能实业有限公司", "紫建电子有限公司", "长安跨越集团", "华为", "摩瑞科技", "达望曲轴"]
PARKS = ["浦里新区", "开州高新区", "重庆生物医药产业园", "西部信息安全谷"]
OPENERS = ["据悉，", "今年以来，", "记者了解到，", "", "与此同时，"]


def _document(rng: random.Random, sentences: int, doc_id: str) -> Document:
    """Templated economic news: every sentence holds one entity of each label."""
    text, spans = "", []
    for i in range(sentences):
        amount = f"{rng.randint(1, 999)}{rng.choice(['', f'.{rng.randint(1, 99)}'])}" \
                 f"{rng.choice(['亿元', '万元'])}"
        rate = f"{rng.choice(['', '-'])}{rng.randint(1, 60)}.{rng.randint(0, 9)}%"
        for piece, label in [(rng.choice(OPENERS), None), (rng.choice(COMPANIES), "COMPANY"),
                             ("在", None), (rng.choice(PARKS), "PARK"), ("投资", None),
                             (amount, "AMOUNT"), ("，同比增长", None), (rate, "RATE"),
                             ("。", None)]:
            if label:
                spans.append(Span.at(text + piece, len(text), len(text) + len(piece), label))
            text += piece
        if i % 3 == 2:
            text += "\n"
    return Document.from_text(text, id=doc_id).with_spans(spans)


def synthetic(seed: int, docs: int, sentences: int) -> list[Document]:
    rng = random.Random(seed)
    return [_document(rng, sentences, f"s{seed}-{i}") for i in range(docs)]


@pytest.fixture(scope="module")
def gold_files(tmp_path_factory) -> tuple[Path, Path]:
    """A gold file (12 train + 3 dev documents) and a folds file naming the dev ones."""
    root = tmp_path_factory.mktemp("gold")
    train_docs, dev_docs = synthetic(1, 12, 8), synthetic(2, 3, 8)
    write_documents(root / "gold.jsonl", train_docs + dev_docs)
    (root / "folds.yaml").write_text(yaml.safe_dump({
        "name": "synthetic", "gold": str(root / "gold.jsonl"),
        "folds": [{"name": "dev", "test": [d.id for d in dev_docs]}]}), encoding="utf-8")
    return root / "gold.jsonl", root / "folds.yaml"


@pytest.fixture(scope="module")
def trained(gold_files, tmp_path_factory) -> Path:
    gold, folds = gold_files
    out = tmp_path_factory.mktemp("runs") / "tiny"
    code = run(["train", str(config_path("train", "tiny.yaml")), "--out", str(out),
                "--set", f"data.gold=[{gold}]", "--set", f"data.folds={folds}",
                "--fold", "dev", "--epochs", "6", "--no-progress"])
    assert code == 0
    return out


def test_run_folder_explains_itself(trained: Path, gold_files) -> None:
    assert sorted(p.name for p in trained.iterdir()) == [
        "config.resolved.yaml", "labels.json", "metrics.jsonl", "model", "run.json"]
    resolved = yaml.safe_load((trained / "config.resolved.yaml").read_text(encoding="utf-8"))
    assert resolved["train"]["epochs"] == 6 and resolved["data"]["fold"] == "dev"
    assert json.loads((trained / "labels.json").read_text())["tags"] == list(TAGS)
    info = json.loads((trained / "run.json").read_text(encoding="utf-8"))
    gold = str(gold_files[0])
    assert info["data"]["files"][gold] == hashlib.sha256(Path(gold).read_bytes()).hexdigest()
    assert len(info["data"]["dev_documents"]) == 3
    assert len(info["timings"]["epoch_s"]) == 6
    assert len(info["code"]["commit"]) == 40
    assert info["versions"]["torch"].startswith("2.")
    metrics = read_metrics(trained)
    assert [m["epoch"] for m in metrics] == [1, 2, 3, 4, 5, 6]
    assert metrics[-1]["train_loss"] < metrics[0]["train_loss"]
    # The templates are easy: even two layers of 64 find a good part of the entities.
    assert metrics[-1]["dev"]["f1"] > 0.2


def test_predict_cli_writes_valid_spans_and_run_record(trained: Path, tmp_path: Path,
                                                       capsys) -> None:
    docs = synthetic(3, 2, 30)  # ~1,200 characters each: many windows of 30 tokens
    src = tmp_path / "in.jsonl"
    write_documents(src, [d.with_spans([]) for d in docs])
    out = tmp_path / "pred.jsonl"
    assert run(["predict", str(trained), str(src), "--out", str(out), "-b", "4",
                "--no-progress"]) == 0
    pred = list(read_documents(out))  # read_documents checks every offset and overlap
    assert [d.id for d in pred] == [d.id for d in docs]
    assert [d.text for d in pred] == [d.text for d in docs]
    spans = [s for d in pred for s in d.spans]
    assert spans and all(s.source == f"model:{trained.name}" for s in spans)
    assert all(0 < s.score <= 1 for s in spans)
    assert all("\n" not in s.text for s in spans)
    record = json.loads((tmp_path / "pred.jsonl.run.json").read_text())
    assert record["system"] == "model" and record["chars"] == sum(len(d.text) for d in docs)
    assert record["version"] == json.loads((trained / "run.json").read_text())["version"]


def test_predictions_do_not_depend_on_batching(trained: Path) -> None:
    docs = synthetic(4, 3, 12)
    p = Predictor.from_run(trained)
    one = [p(d).spans for d in docs]
    batched = [d.spans for d in p.pipe(docs, batch_size=5)]
    assert [[s.key for s in spans] for spans in one] == [[s.key for s in b] for b in batched]


def test_same_seed_same_model(gold_files, tmp_path: Path) -> None:
    gold, _ = gold_files
    docs = list(read_documents(gold))
    cfg = load_config(config_path("train", "tiny.yaml"), {"train.epochs": 2})
    runs = [train(cfg, tmp_path / f"r{i}", train_docs=docs[:6], dev_docs=docs[12:],
                  progress=False) for i in range(2)]
    metrics = [[{k: v for k, v in m.items() if k != "seconds"} for m in read_metrics(r)]
               for r in runs]
    assert metrics[0] == metrics[1]
    versions = [json.loads((r / "run.json").read_text())["version"] for r in runs]
    assert versions[0] == versions[1]


def test_a_redrawn_mix_shows_other_records_each_epoch_and_repeats_with_its_seed(
        gold_files, tmp_path: Path) -> None:
    """data.redraw_mix: epoch 1 draws the run-once half of the gold; later epochs see
    another half (another model), the same one for the same seed."""
    docs = list(read_documents(gold_files[0]))
    over = {"train.epochs": 3, "data.mix": {"gold": 0.5}}
    runs = [train(load_config(config_path("train", "tiny.yaml"),
                              {**over, "data.redraw_mix": redraw}),
                  tmp_path / f"r{i}", train_docs=docs[:12], dev_docs=docs[12:], progress=False)
            for i, redraw in enumerate([False, True, True])]
    losses = [[m["train_loss"] for m in read_metrics(r)] for r in runs]
    infos = [json.loads((r / "run.json").read_text())["data"] for r in runs]
    assert [i["mix_redrawn_each_epoch"] for i in infos] == [False, True, True]
    assert losses[0] != losses[1] and losses[1] == losses[2]
    assert infos[0]["examples_per_epoch"][0] == infos[1]["examples_per_epoch"][0]
    versions = [json.loads((r / "run.json").read_text())["version"] for r in runs]
    assert versions[0] != versions[1] == versions[2]


class LookupTagger(torch.nn.Module):
    """A context-free tagger: each token id always gets the same tag, whatever window it
    is in, so any duplicate or cut span comes from windowing alone."""

    def __init__(self, table: torch.Tensor) -> None:
        super().__init__()
        self.table = torch.nn.Parameter(table)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> SimpleNamespace:
        return SimpleNamespace(logits=self.table[input_ids])


def test_long_document_spans_across_window_borders_come_back_once_and_whole() -> None:
    doc = synthetic(5, 1, 60)[0]  # ~2,400 characters, 240 entities
    tok = char_tokenizer(char_vocab([doc.text], 1, 5000))
    # Each entity character's id gets the tag it last had in the gold (not always right, as
    # 1 can begin or continue an amount, which does not matter: windowing must not change it).
    table = torch.full((len(tok), len(TAGS)), -5.0)
    table[:, 0] = 5.0
    for span in doc.spans:
        for i, ch in enumerate(span.text):
            tag = TAG_ID[("B-" if i == 0 else "I-") + span.label]
            tid = tok.convert_tokens_to_ids(ch.lower())
            table[tid] = -5.0
            table[tid, tag] = 5.0
    expected = _expected_with_table(doc, tok, table)
    for max_length, stride in [(12, 3), (20, 9), (64, 0), (512, 16)]:
        p = Predictor(LookupTagger(table), tok, max_length=max_length, stride=stride,
                      version="lookup", source="lookup")
        got = p(doc)
        assert [s.key for s in got.spans] == expected, (max_length, stride)


def _expected_with_table(doc: Document, tok, table: torch.Tensor) -> list[tuple[int, int, str]]:
    """What the lookup tagger yields without any windowing at all."""
    p = Predictor(LookupTagger(table), tok, max_length=100_000, stride=0, version="x",
                  source="x")
    spans = p(doc).spans
    assert len(spans) > 100
    return [s.key for s in spans]


def test_best_window_prefers_the_window_centre() -> None:
    spans = windows(100, size=20, stride=8)
    choice = best_window(100, spans)
    for t, w in enumerate(choice):
        start, end = spans[w]
        margin = min(t - start if start else 100, end - 1 - t if end < 100 else 100)
        for other, (s, e) in enumerate(spans):
            if s <= t < e and other != w:
                assert min(t - s if s else 100, e - 1 - t if e < 100 else 100) <= margin


def test_cluener_masks_what_it_does_not_annotate(shared: Path) -> None:
    path = shared / "datasets" / "cluener2020" / "train.json"
    records = read_cluener(ClueNerArgs(path=str(path), limit=300), seed=1)
    assert len(records) == 300
    first = json.loads(path.read_text(encoding="utf-8").split("\n", 1)[0])
    companies = [c for r in records for c in r[1] if c in (TAG_ID["B-COMPANY"],
                                                          TAG_ID["I-COMPANY"])]
    assert companies  # company spans teach COMPANY
    codes = np.concatenate([r[1] for r in records])
    # Nothing outside company and safe spans is ever taught O or another label.
    assert set(np.unique(codes)) <= {NOT_COMPANY, 0, TAG_ID["B-COMPANY"], TAG_ID["I-COMPANY"]}
    assert "company" in first["label"]


def test_partial_loss_is_cross_entropy_for_one_tag_and_ignores_the_unknown() -> None:
    logits = torch.randn(1, 3, len(TAGS))
    allowed = torch.zeros(1, 3, len(TAGS), dtype=torch.bool)
    allowed[0, 0, TAG_ID["B-AMOUNT"]] = True  # exact
    ce = torch.nn.functional.cross_entropy(logits[0, :1], torch.tensor([TAG_ID["B-AMOUNT"]]))
    assert partial_loss(logits, allowed).item() == pytest.approx(ce.item(), rel=1e-5)
    # "Not a company": the loss is -log(1 - P(B-COMPANY) - P(I-COMPANY)), blind to AMOUNT.
    allowed[0, 1] = True
    allowed[0, 1, [TAG_ID["B-COMPANY"], TAG_ID["I-COMPANY"]]] = False
    probs = logits[0, 1].softmax(-1)
    not_company = -torch.log(1 - probs[TAG_ID["B-COMPANY"]] - probs[TAG_ID["I-COMPANY"]])
    assert partial_loss(logits, allowed).item() == pytest.approx(
        (ce.item() + not_company.item()) / 2, rel=1e-5)


def test_a_local_model_folder_is_a_base_model(trained: Path, gold_files, tmp_path: Path) -> None:
    """A run's model/ folder (like a downloaded bert-base-chinese) fine-tunes further."""
    gold, folds = gold_files
    out = tmp_path / "again"
    assert run(["train", str(config_path("train", "tiny.yaml")), "--out", str(out),
                "--set", f"model.base={trained / 'model'}", "--set", "model.architecture=null",
                "--set", "tokenizer.kind=base", "--set", f"data.gold=[{gold}]",
                "--set", f"data.folds={folds}", "--fold", "dev", "--epochs", "1",
                "--no-progress"]) == 0
    # It starts from the trained weights: its first epoch's loss is far below a fresh start's.
    assert read_metrics(out)[0]["train_loss"] < read_metrics(trained)[0]["train_loss"] / 2
    info = json.loads((out / "run.json").read_text())
    assert info["data"]["vocabulary"] == json.loads((trained / "run.json").read_text())[
        "data"]["vocabulary"]


def test_predict_from_a_folder_that_is_no_run_is_one_line(tmp_path: Path, capsys) -> None:
    src = tmp_path / "a.txt"
    src.write_text("重庆紫建电子有限公司", encoding="utf-8")
    assert run(["predict", str(tmp_path), str(src), "--out", str(tmp_path / "o.jsonl")]) == 2
    err = capsys.readouterr().err.strip()
    assert "not a run folder" in err and err.count("\n") == 0
    assert not (tmp_path / "o.jsonl").exists()


def test_a_long_document_is_predicted_in_segments_and_comes_back_whole(trained: Path) -> None:
    # Memory stays bounded by the segment (issue 10): the document's spans are its segments'.
    from econer.models.predict import segments

    predictor = Predictor.from_run(trained, device="cpu")
    predictor.segment = 300
    doc = synthetic(7, 1, 40)[0]
    doc = Document.from_text(doc.text.replace("\n", ""), id="long")  # one line, ~1,700 chars
    bounds = segments(doc.text, 300)
    assert len(bounds) > 3 and all(doc.text[b - 1] == "。" for _, b in bounds)
    whole = predictor(doc)
    assert whole.id == "long" and whole.text == doc.text
    expected = [Span(s.start + a, s.end + a, s.label, s.text, s.score, s.source, s.value)
                for a, b in bounds for s in predictor(Document("p", doc.text[a:b])).spans]
    assert list(whole.spans) == expected and expected
