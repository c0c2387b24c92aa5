"""Character BIO <-> tokens through the fast tokenizer's offsets, and back to spans."""

from __future__ import annotations

import numpy as np
import pytest
from econer.models.build import char_tokenizer, char_vocab
from econer.models.tags import IGNORE, NOT_COMPANY, TAG_ID, TAGS, char_codes, decode, token_codes
from econer.models.windows import encode

from econer.spans import Span


def _roundtrip(tokenizer, text: str, spans: list[tuple[int, int, str]]) -> list[Span]:
    """Gold spans -> character codes -> token tags -> decoded spans."""
    ids, offsets = encode(tokenizer, text)
    tags = token_codes(char_codes(len(text), spans), offsets)
    assert IGNORE not in tags
    return decode(text, offsets, tags, [1.0] * len(tags))


@pytest.fixture(scope="module")
def chars():
    return char_tokenizer(char_vocab(["投资125.8亿元，ABC公司增长41%。"], 1, 1000))


@pytest.fixture(scope="module")
def wordpieces():
    """A Chinese-BERT-like vocabulary where digit and Latin runs are multi-character pieces
    (bert-base-chinese has 125, ##8, abc ...)."""
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "125", ".", "8", "##8", "41", "%",
             "abc", "##d", "投", "资", "亿", "元", "公", "司", "增", "长", "，", "。"]
    return char_tokenizer(vocab)


TEXT = "投资125.8亿元，ABC公司增长41%。"
GOLD = [(2, 9, "AMOUNT"), (10, 15, "COMPANY"), (17, 20, "RATE")]


@pytest.mark.parametrize("tok", ["chars", "wordpieces"])
def test_amount_latin_and_rate_come_back_exactly(tok, request) -> None:
    tokenizer = request.getfixturevalue(tok)
    spans = _roundtrip(tokenizer, TEXT, GOLD)
    assert [(s.start, s.end, s.label, s.text) for s in spans] == [
        (2, 9, "AMOUNT", "125.8亿元"), (10, 15, "COMPANY", "ABC公司"), (17, 20, "RATE", "41%")]


def test_multi_character_pieces_are_really_multi_character(wordpieces) -> None:
    ids, offsets = encode(wordpieces, TEXT)
    assert wordpieces.convert_ids_to_tokens(ids)[2:4] == ["125", "."]
    assert offsets[2] == (2, 5)


def test_span_inside_a_piece_widens_to_the_piece(wordpieces) -> None:
    # "BC公司" starts inside the piece "abc": the token joins the entity, whole.
    spans = _roundtrip(wordpieces, TEXT, [(11, 15, "COMPANY")])
    assert [s.text for s in spans] == ["ABC公司"]


def test_emoji_and_unknown_characters_keep_their_offsets(chars) -> None:
    text = "😀鑫磊公司投资5亿元"
    ids, offsets = encode(chars, text)
    tokens = chars.convert_ids_to_tokens(ids)
    assert tokens[:3] == ["[UNK]", "[UNK]", "[UNK]"]  # 😀 鑫 磊 are not in the vocabulary
    assert offsets[:3] == [(0, 1), (1, 2), (2, 3)]
    spans = _roundtrip(chars, text, [(1, 5, "COMPANY"), (7, 10, "AMOUNT")])
    assert [s.text for s in spans] == ["鑫磊公司", "5亿元"]


def test_crlf_gives_no_tokens_and_spans_never_cross_a_line(chars) -> None:
    text = "ABC公司\r\n增长41%"
    ids, offsets = encode(chars, text)
    assert all(text[s:e].strip() for s, e in offsets)
    # A model that tags the whole text as one company still yields no span across the break.
    tags = [TAG_ID["B-COMPANY"]] + [TAG_ID["I-COMPANY"]] * (len(ids) - 1)
    spans = decode(text, offsets, tags, [0.5] * len(ids))
    assert [s.text for s in spans] == ["ABC公司", "增长41%"]
    assert all("\n" not in s.text and "\r" not in s.text for s in spans)


def test_invalid_bio_is_repaired() -> None:
    text = "甲乙丙丁戊"
    offsets = [(i, i + 1) for i in range(5)]
    tags = [TAG_ID[t] for t in ("I-PARK", "I-PARK", "I-RATE", "O", "I-AMOUNT")]
    spans = decode(text, offsets, tags, [0.9, 0.7, 0.8, 0.9, 0.6])
    assert [(s.text, s.label, s.score) for s in spans] == [
        ("甲乙", "PARK", pytest.approx(0.8)), ("丙", "RATE", 0.8), ("戊", "AMOUNT", 0.6)]


def test_partial_codes_survive_token_alignment() -> None:
    codes = np.array([NOT_COMPANY, NOT_COMPANY, TAG_ID["B-COMPANY"], TAG_ID["I-COMPANY"], 0])
    assert token_codes(codes, [(0, 2), (2, 3), (3, 4), (4, 5)]) == [
        NOT_COMPANY, TAG_ID["B-COMPANY"], TAG_ID["I-COMPANY"], 0]
    assert TAGS[0] == "O"
