"""Tokenizers and models: a hub id, a local folder, or built from a config.

No pretrained Chinese weights are at hand here, so the default is a BERT built from an
architecture with a character vocabulary counted from named corpora. A hub id is tried only
when the hub answers (or its files are in the local cache); otherwise the error says so and
suggests a local folder. Nothing falls back silently.

>>> vocab = char_vocab(["投资125.8亿元", "ABC公司"], min_freq=1, max_size=100)
>>> vocab[:5], len(vocab)
(['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'], 19)
>>> "##2" in vocab, "2" in vocab
(True, False)
>>> tok = char_tokenizer(vocab)
>>> tok.convert_ids_to_tokens(tok("125.8亿元")["input_ids"])
['[CLS]', '1', '##2', '##5', '.', '8', '亿', '元', '[SEP]']
"""

from __future__ import annotations

import os
import socket
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from econer.models.config import ArchitectureArgs
from econer.models.tags import TAGS

from econer.errors import EconerError

SPECIALS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")


def char_vocab(texts: Iterable[str], min_freq: int, max_size: int,
               lowercase: bool = True) -> list[str]:
    """A character WordPiece vocabulary: each character, and ``##``-continuations of the
    characters that follow another inside a Latin or digit run, most frequent first.

    Runs are split into single characters, so every character has its own token and span
    edges inside ``125.8亿元`` or ``ABC公司`` never fall inside a token.
    """
    from tokenizers.normalizers import BertNormalizer
    from tokenizers.pre_tokenizers import BertPreTokenizer

    norm = BertNormalizer(clean_text=True, handle_chinese_chars=True, strip_accents=False,
                          lowercase=lowercase)
    pre = BertPreTokenizer()
    counts: Counter[str] = Counter()
    for text in texts:
        for word, _ in pre.pre_tokenize_str(norm.normalize_str(text)):
            counts[word[0]] += 1
            counts.update("##" + c for c in word[1:])
    ranked = sorted((c for c, n in counts.items() if n >= min_freq),
                    key=lambda c: (-counts[c], c))
    return [*SPECIALS, *ranked[: max(0, max_size - len(SPECIALS))]]


def char_tokenizer(vocab: list[str], lowercase: bool = True) -> Any:
    """A ``BertTokenizerFast`` over ``vocab`` (a fast tokenizer, so offsets work)."""
    from transformers import BertTokenizerFast

    return BertTokenizerFast(vocab={t: i for i, t in enumerate(vocab)}, do_lower_case=lowercase,
                             strip_accents=False, tokenize_chinese_chars=True)


def hub_reachable(timeout: float = 3.0) -> bool:
    """Whether the Hugging Face hub answers (False at once when HF_HUB_OFFLINE is set)."""
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on"):
        return False
    from huggingface_hub import constants

    host = urlparse(constants.ENDPOINT).hostname or "huggingface.co"
    try:
        socket.create_connection((host, 443), timeout=timeout).close()
    except OSError:
        return False
    return True


def from_pretrained(name: str, loader: Callable[..., Any], **kwargs: Any) -> Any:
    """``loader(name)`` for a local folder or a hub id, with one clear error when neither
    the folder nor the hub (nor its local cache) has it."""
    if Path(name).is_dir():
        try:
            return loader(name, **kwargs)
        except (OSError, ValueError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise EconerError(f"cannot load a model from {name!r}: {first}") from None
    online = hub_reachable()
    try:
        # Offline, only the local cache of that very hub id may serve it.
        return loader(name, local_files_only=not online, **kwargs)
    except (OSError, ValueError):
        if online:
            raise EconerError(f"cannot load {name!r} from the Hugging Face hub (is the id "
                              "right?); give a local directory with its files as model.base"
                              ) from None
        raise EconerError(f"cannot download {name!r} from the Hugging Face hub (offline?); "
                          "give a local directory with its files as model.base, or build a "
                          "model from model.architecture") from None


def pretrained_tokenizer(name: str) -> Any:
    from transformers import AutoTokenizer

    tok = from_pretrained(name, AutoTokenizer.from_pretrained)
    if not getattr(tok, "is_fast", False):
        raise EconerError(f"{name!r} has no fast tokenizer; offsets need one")
    return tok


def label_maps() -> dict[str, Any]:
    return {"num_labels": len(TAGS), "id2label": dict(enumerate(TAGS)),
            "label2id": {t: i for i, t in enumerate(TAGS)}}


def pretrained_model(name: str) -> Any:
    from transformers import AutoModelForTokenClassification

    return from_pretrained(name, AutoModelForTokenClassification.from_pretrained,
                           ignore_mismatched_sizes=True, **label_maps())


def architecture_model(arch: ArchitectureArgs, tokenizer: Any,
                       embedding_dim: int | None = None) -> Any:
    """A randomly initialised ``BertForTokenClassification`` or, with ``kind: bilstm``, a
    :class:`~econer.models.bilstm.BiLstmForTokenClassification` of the given shape."""
    from transformers import BertConfig, BertForTokenClassification

    if arch.kind == "bilstm":
        from econer.models.bilstm import BiLstmConfig, BiLstmForTokenClassification

        dim = arch.embedding_dim or embedding_dim or arch.hidden
        return BiLstmForTokenClassification(BiLstmConfig(
            vocab_size=len(tokenizer), embedding_dim=dim, hidden=arch.hidden,
            layers=arch.layers, dropout=arch.dropout, pad_token_id=tokenizer.pad_token_id,
            **label_maps()))

    if arch.hidden % arch.heads:
        raise EconerError(f"model.architecture: hidden {arch.hidden} is not a multiple of "
                          f"heads {arch.heads}")
    config = BertConfig(
        vocab_size=len(tokenizer), hidden_size=arch.hidden, num_hidden_layers=arch.layers,
        num_attention_heads=arch.heads, intermediate_size=arch.intermediate or 4 * arch.hidden,
        max_position_embeddings=arch.max_positions, hidden_dropout_prob=arch.dropout,
        attention_probs_dropout_prob=arch.dropout, pad_token_id=tokenizer.pad_token_id,
        **label_maps(),
    )
    return BertForTokenClassification(config)


def init_embeddings(model: Any, matrix: Any) -> None:
    """Copy pre-trained rows into the model's input embeddings (shapes must agree)."""
    import torch

    weight = model.get_input_embeddings().weight
    if tuple(weight.shape) != tuple(matrix.shape):
        raise EconerError(f"pre-trained embeddings are {tuple(matrix.shape)}, the model's "
                          f"input embeddings {tuple(weight.shape)}: set model.embeddings.dim "
                          "to the model's embedding width")
    with torch.no_grad():
        weight.copy_(torch.from_numpy(matrix))
