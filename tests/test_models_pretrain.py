"""MLM pre-training (econer pretrain): a folder that `econer train` takes as model.base."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import torch
from econer.models.build import pretrained_model
from econer.models.pretrain import blocks, load_pretrain_config
from test_models_train import synthetic
from transformers import BertForMaskedLM

from econer.cli import run
from econer.errors import EconerError
from econer.jsonl import write_documents
from econer.resources import config_path

HELD_OUT = "鱻龘靐齉爨麤之段"  # characters no synthetic document uses


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    """A folder of unlabelled text (JSON lines and .txt) with one held-out paragraph, and
    the SHA-1 file that holds it out."""
    root = tmp_path_factory.mktemp("mlm")
    texts = root / "texts"
    texts.mkdir()
    write_documents(texts / "news.jsonl", synthetic(5, 20, 10))
    (texts / "more.txt").write_text("\n".join(d.text.replace("\n", "") for d in
                                              synthetic(6, 10, 6)) + f"\n{HELD_OUT}\n",
                                    encoding="utf-8")
    sha1s = root / "held.sha1"
    sha1s.write_text(f"# held out\n{hashlib.sha1(HELD_OUT.encode()).hexdigest()}\n",
                     encoding="utf-8")
    return texts, sha1s


def _pretrain(corpus: tuple[Path, Path], out: Path, *extra: str) -> int:
    texts, sha1s = corpus
    return run(["pretrain", str(config_path("pretrain", "tiny.yaml")), "--out", str(out),
                "--set", f"data.corpora=[{texts}]", "--set", f"data.exclude_sha1=[{sha1s}]",
                "--set", "train.max_steps=60", "--set", "train.batch_size=16",
                "--set", "train.learning_rate=0.005", "--set", "train.log_every=10",
                "--no-progress", *extra])


def test_pretraining_learns_skips_held_out_text_and_makes_a_base_model(
        corpus, tmp_path: Path) -> None:
    out = tmp_path / "mlm"
    assert _pretrain(corpus, out) == 0
    assert {"config.json", "model.safetensors", "tokenizer.json", "run.json",
            "metrics.jsonl"} <= {p.name for p in out.iterdir()}
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert info["kind"] == "mlm" and info["steps"] == 60 and info["stopped_by"] == "max_steps"
    assert info["data"]["excluded_sha1"] == 1 and len(info["data"]["files"]) == 2
    vocab = json.loads((out / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"]
    assert not set(HELD_OUT) & set(vocab)  # the held-out paragraph was never read
    losses = [json.loads(line)["loss"] for line in
              (out / "metrics.jsonl").read_text(encoding="utf-8").splitlines()]
    # It learns: from the uniform guess (ln of the vocabulary) towards the characters'
    # frequencies; context takes a BERT far more steps than a test can spend.
    assert len(losses) == 6 and max(losses[3:]) < losses[0] - 0.1
    # A token classifier loaded from the folder starts from the pre-trained encoder.
    mlm = BertForMaskedLM.from_pretrained(out)
    tagger = pretrained_model(str(out))
    assert torch.equal(mlm.bert.embeddings.word_embeddings.weight,
                       tagger.bert.embeddings.word_embeddings.weight)
    assert torch.equal(mlm.bert.encoder.layer[0].output.dense.weight,
                       tagger.bert.encoder.layer[0].output.dense.weight)
    # ...and `econer train` fine-tunes it as model.base.
    gold = tmp_path / "gold.jsonl"
    write_documents(gold, synthetic(7, 4, 6))
    ner = tmp_path / "ner"
    assert run(["train", str(config_path("train", "tiny.yaml")), "--out", str(ner),
                "--set", f"model.base={out}", "--set", "model.architecture=null",
                "--set", "tokenizer.kind=base", "--set", f"data.gold=[{gold}]",
                "--epochs", "1", "--no-progress"]) == 0
    assert json.loads((ner / "run.json").read_text())["data"]["vocabulary"] == len(vocab)


def test_same_seed_same_pretraining(corpus, tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert _pretrain(corpus, tmp_path / name, "--set", "train.max_steps=10") == 0
    losses = [[json.loads(line)["loss"] for line in
               (tmp_path / n / "metrics.jsonl").read_text().splitlines()] for n in ("a", "b")]
    assert losses[0] == losses[1]


def test_bad_configs_and_folders_are_one_line_errors(corpus, tmp_path: Path, capsys) -> None:
    assert _pretrain(corpus, tmp_path / "x", "--set", "architecture.kind=bilstm") == 2
    err = capsys.readouterr().err.strip()
    assert "tiny.yaml" in err and "architecture.kind must be bert" in err and "\n" not in err
    with pytest.raises(EconerError, match="max_length"):
        load_pretrain_config(config_path("pretrain", "tiny.yaml"), {"data.max_length": 500})
    with pytest.raises(EconerError, match="unknown key"):
        load_pretrain_config(config_path("pretrain", "tiny.yaml"), {"train.epochs": 1})
    # A folder that is not a pre-training run is never written over.
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "notes.txt").write_text("mine", encoding="utf-8")
    assert _pretrain(corpus, taken) == 2
    assert "not a pre-training run" in capsys.readouterr().err
    assert [p.name for p in taken.iterdir()] == ["notes.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp left


def test_blocks_join_paragraphs_and_drop_the_short_tail() -> None:
    assert blocks([[1, 2], [3]], max_length=6, cls=8, sep=9) == [[8, 1, 2, 9, 3, 9]]
    assert blocks([[1, 2]], max_length=6, cls=8, sep=9) == []


def test_masked_logits_give_the_models_own_loss() -> None:
    """Scoring only the masked positions is the same mean cross-entropy as BertForMaskedLM's."""
    from econer.models.pretrain import masked_logits
    from transformers import BertConfig

    torch.manual_seed(0)
    model = BertForMaskedLM(BertConfig(vocab_size=50, hidden_size=32, num_hidden_layers=1,
                                       num_attention_heads=2, intermediate_size=64)).eval()
    ids = torch.randint(5, 50, (3, 20))
    labels = torch.full((3, 20), -100)
    chosen = torch.rand(3, 20) < 0.3
    labels[chosen] = ids[chosen]
    with torch.no_grad():
        logits, gold = masked_logits(model, ids, labels)
        ours = torch.nn.functional.cross_entropy(logits, gold)
        theirs = model(input_ids=ids, labels=labels).loss
    assert logits.shape == (int(chosen.sum()), 50)
    assert torch.allclose(ours, theirs, atol=1e-6)
