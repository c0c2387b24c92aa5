"""The CPU model: partial-label masks, IOB2-constrained decoding, the BiLSTM, embeddings,
held-out text kept out of training."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest
import torch
from econer.models.bilstm import BiLstmConfig, BiLstmForTokenClassification
from econer.models.build import char_tokenizer, char_vocab
from econer.models.config import ClueNerArgs, load_config
from econer.models.data import (
    cluener_docs,
    doc_record,
    drop_excluded,
    paragraphs,
    read_external,
    read_sha1s,
    text_sha1,
)
from econer.models.embeddings import embedding_matrix, file_texts, train_vectors
from econer.models.predict import Predictor
from econer.models.tags import (
    IGNORE,
    NOT_COMPANY,
    TAG_ID,
    TAGS,
    allowed_matrix,
    ruled_out_code,
    start_allowed,
    transitions,
    viterbi,
)
from econer.models.train import partial_loss

from econer.errors import EconerError
from econer.resources import config_path
from econer.spans import Document, Span

# -- partial labels ---------------------------------------------------------------------


def test_ruled_out_codes_make_the_expected_masks():
    mask = allowed_matrix([ruled_out_code(["AMOUNT", "RATE"])])[0]
    allowed = {TAGS[i] for i in np.flatnonzero(mask)}
    assert allowed == {"O", "B-COMPANY", "I-COMPANY", "B-PARK", "I-PARK"}
    assert allowed_matrix([ruled_out_code(["COMPANY", "PARK", "AMOUNT", "RATE"])])[0].tolist() \
        == [True] + [False] * (len(TAGS) - 1)  # all ruled out: exactly O
    assert not allowed_matrix([IGNORE]).any()


def test_silver_teaches_covered_labels_only_off_its_spans():
    doc = Document.from_text("华为公司投资3亿元", id="s")
    doc = doc.with_spans([Span.at(doc.text, 6, 9, "AMOUNT")])
    text, codes = doc_record(doc, ["AMOUNT", "RATE"])
    allowed = allowed_matrix(codes)
    # the unmarked firm may be a company (unknown), but not an amount
    assert allowed[0, TAG_ID["B-COMPANY"]] and not allowed[0, TAG_ID["B-AMOUNT"]]
    assert allowed[6].tolist() == [t == "B-AMOUNT" for t in TAGS]
    # a loss that predicts COMPANY on the unknown part costs nothing, AMOUNT there costs
    logits = torch.full((1, 2, len(TAGS)), -9.0)
    logits[0, 0, TAG_ID["B-COMPANY"]] = logits[0, 1, TAG_ID["I-COMPANY"]] = 9.0
    mask = torch.from_numpy(allowed[None, :2])
    assert partial_loss(logits, mask).item() < 1e-3
    logits[0, 0] = logits[0, 1] = -9.0
    logits[0, 0, TAG_ID["B-AMOUNT"]] = logits[0, 1, TAG_ID["I-AMOUNT"]] = 9.0
    assert partial_loss(logits, mask).item() > 10


def test_gold_without_covered_is_taught_o():
    doc = Document.from_text("华为公司", id="g")
    assert doc_record(doc)[1].tolist() == [0, 0, 0, 0]


# -- constrained decoding ---------------------------------------------------------------


def _valid(tags: list[int], breaks: list[bool] | None = None) -> bool:
    prev = "O"
    for i, t in enumerate(tags):
        tag = TAGS[t]
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]
                                     or (breaks and breaks[i])):
            return False
        prev = tag
    return True


def test_viterbi_never_puts_i_after_o_or_another_label():
    rng = np.random.default_rng(0)
    for _ in range(300):
        n = int(rng.integers(1, 30))
        lp = np.log(rng.dirichlet(np.full(len(TAGS), 0.3), size=n))
        breaks = [bool(b) for b in rng.random(n) < 0.1]
        assert _valid(viterbi(lp), None)
        assert _valid(viterbi(lp, breaks), breaks)


def test_viterbi_finds_the_best_valid_sequence():
    rng = np.random.default_rng(1)
    ok, first = transitions(), start_allowed()
    for _ in range(20):
        lp = np.log(rng.dirichlet(np.ones(len(TAGS)), size=3))
        best = max((seq for seq in itertools.product(range(len(TAGS)), repeat=3)
                    if first[seq[0]] and ok[seq[0], seq[1]] and ok[seq[1], seq[2]]),
                   key=lambda seq: sum(lp[i, t] for i, t in enumerate(seq)))
        assert tuple(viterbi(lp)) == best


# -- the BiLSTM -------------------------------------------------------------------------


def test_bilstm_saves_in_float16_and_predicts_valid_offsets(tmp_path):
    texts = ["重庆千能实业有限公司投资3亿元，同比增长5%。", "华为\n在两江新区"]
    tok = char_tokenizer(char_vocab(texts, min_freq=1, max_size=200))
    torch.manual_seed(0)
    model = BiLstmForTokenClassification(BiLstmConfig(
        vocab_size=len(tok), embedding_dim=16, hidden=8, num_labels=len(TAGS),
        id2label=dict(enumerate(TAGS)), label2id={t: i for i, t in enumerate(TAGS)}))
    # padding must not change a window's logits (packed sequences)
    ids = torch.tensor([[2, 7, 8, 9, 3], [2, 7, 8, 9, 3]])
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 1, 1]])
    model.eval()
    full = model(input_ids=ids[:1, :5], attention_mask=mask[:1]).logits
    padded = model(input_ids=torch.tensor([[2, 7, 8, 9, 3, 0, 0]]),
                   attention_mask=torch.tensor([[1, 1, 1, 1, 1, 0, 0]])).logits
    assert torch.allclose(full, padded[:, :5], atol=1e-5)
    model.half().save_pretrained(tmp_path / "model")
    tok.save_pretrained(tmp_path / "model")
    (tmp_path / "labels.json").write_text(json.dumps({"tags": list(TAGS)}))
    (tmp_path / "run.json").write_text(json.dumps(
        {"name": "t", "version": "t-1", "window": {"max_length": 8, "stride": 2}}))
    predictor = Predictor.from_run(tmp_path, device="cpu")
    assert next(predictor.model.parameters()).dtype == torch.float32
    for doc in predictor.pipe([Document.from_text(t, id=str(i)) for i, t in enumerate(texts)]):
        for span in doc.spans:
            assert doc.text[span.start : span.end] == span.text
            assert "\n" not in span.text and 0 <= span.score <= 1


# -- embeddings -------------------------------------------------------------------------


def test_file_texts_reads_each_format(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x", "text": "甲乙\n丙"}) + "\n")
    (tmp_path / "b.char.bmes").write_text("华 B-ORG\n为 E-ORG\n\n好 O\n")
    (tmp_path / "c.csv").write_text("代码,简称\n600000,浦发银行\n")
    assert list(file_texts(tmp_path / "a.jsonl")) == ["甲乙", "丙"]
    assert list(file_texts(tmp_path / "b.char.bmes")) == ["华为", "好"]
    assert list(file_texts(tmp_path / "c.csv")) == ["代码", "简称", "浦发银行"]


def test_word2vec_vectors_are_cached_by_content(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = ["甲公司投资三亿元", "乙公司投资五亿元", "丙公司增长百分之五"] * 30
    (corpus / "t.txt").write_text("\n".join(lines))
    kwargs = {"dim": 8, "window": 2, "epochs": 2, "min_count": 1, "sg": False, "seed": 1}
    first, key = train_vectors([str(corpus)], cache=tmp_path / "cache", **kwargs)
    assert "公" in first and first["公"].shape == (8,)
    again, key2 = train_vectors([str(corpus)], cache=tmp_path / "cache", **kwargs)
    assert key2 == key and np.allclose(again["公"], first["公"])
    (corpus / "t.txt").write_text("\n".join(lines[:30]))
    assert train_vectors([str(corpus)], cache=tmp_path / "cache", **kwargs)[1] != key
    matrix, found = embedding_matrix(["[PAD]", "公", "未"], first, 8, seed=0)
    assert found == 1 and np.allclose(matrix[0], 0)


# -- held-out text ----------------------------------------------------------------------


def test_heldout_paragraphs_and_cluener_sentences_are_not_trained_on(tmp_path):
    record = ("第一段\n被留出的一段\n第三段", np.zeros(14, dtype=np.int64))
    listed = tmp_path / "x.sha1"
    listed.write_text(f"# comment\n{text_sha1('被留出的一段')}  # news-test\n")
    kept = drop_excluded(paragraphs(record), read_sha1s([str(listed)]))
    assert [t for t, _ in kept] == ["第一段", "第三段"]
    listed.write_text("not-a-hash\n")
    with pytest.raises(EconerError, match="x.sha1:1"):
        read_sha1s([str(listed)])
    path = tmp_path / "cluener.json"
    path.write_text("".join(json.dumps({"text": f"句子{i}", "label": {}}) + "\n"
                            for i in range(25)))
    args = ClueNerArgs(path=str(path), holdout_every=10)
    train = {d.id for d in cluener_docs(args, seed=1)}
    held = {d.id for d in cluener_docs(args, seed=1, heldout=True)}
    assert held == {"cluener-1", "cluener-11", "cluener-21"} and not train & held
    assert len(train) == 22
    sample = {d.id for d in cluener_docs(ClueNerArgs(path=str(path), holdout_every=10,
                                                     limit=5), seed=1)}
    assert len(sample) == 5 and not sample & held


def test_default_config_excludes_the_heldout_news(tmp_path):
    cfg = load_config(config_path("train", "default.yaml"))
    assert cfg.model.architecture.kind == "bilstm" and "PARK" not in cfg.data.silver_covered
    assert len(read_sha1s(cfg.data.exclude_sha1)) >= 130  # news-dev/test, news-park-dev/test
    with pytest.raises(EconerError, match="data.mix"):
        load_config(config_path("train", "default.yaml"), {"data.mix": {"gold": -1}})
    with pytest.raises(EconerError, match="silver_covered"):
        load_config(config_path("train", "default.yaml"), {"data.silver_covered": ["ORG"]})


def test_external_sources_teach_only_what_they_label():
    """data.external: CFSC/CCF are positives only (nothing taught off their names), Resume
    rules COMPANY out only where it knows; unknown names and mix keys are refused."""
    fixtures = Path(__file__).parent / "fixtures" / "datasets"
    cfsc = [doc_record(d) for d in read_external("cfsc", fixtures / "cfsc.json")]
    text, codes = cfsc[0]
    firm = text.index("贵州茅台")
    assert codes[firm] == TAGS.index("B-COMPANY")
    assert codes[firm + 3] == TAGS.index("I-COMPANY")
    assert codes[0] == IGNORE and codes[-1] == IGNORE  # 北向资金 and the rest: unknown, not O
    ccf = [doc_record(d) for d in read_external("ccf", fixtures / "ccf.csv")]
    assert all(c == IGNORE for c in ccf[-1][1])  # a text with no entity teaches nothing
    resume = list(read_external("resume", fixtures / "resume.char.bmes"))
    for doc in resume:
        codes = doc_record(doc)[1]
        outside = {i for s, e in doc.meta["partial"]["outside"] for i in range(s, e)}
        # O only on what the source knows is outside (its NAME, EDU...); elsewhere at most
        # "not COMPANY" (AMOUNT/RATE stay unknown)
        assert {i for i, c in enumerate(codes) if c == 0} <= outside
    assert any(c == NOT_COMPANY for d in resume for c in doc_record(d)[1])
    with pytest.raises(EconerError, match="unknown external source"):
        read_external("msra", fixtures / "ccf.csv")
    cfg = load_config(config_path("train", "default.yaml"))
    assert set(cfg.data.external) == {"resume", "cfsc", "ccf"}
    assert all(Path(p).is_absolute() for p in cfg.data.external.values())
    with pytest.raises(EconerError, match="data.external"):
        load_config(config_path("train", "default.yaml"), {"data.external": {"msra": "x"}})
    with pytest.raises(EconerError, match="data.mix"):
        load_config(config_path("train", "default.yaml"), {"data.mix": {"msra": 1.0}})
