"""Character embeddings pre-trained on unlabelled text: cheap pre-training for 2 CPU cores.

gensim's word2vec learns a vector for each token of the character vocabulary
(:func:`econer.models.build.char_vocab`'s tokens: a CJK character, the first character of a
Latin or digit run, ``##`` continuations) from every text it is given: the corpus, the
external datasets, the lexicons. A few minutes once, then cached under ``.cache/embeddings``
by a hash of the input files and the settings; the run record keeps that hash.

What counts as text in a file (:func:`file_texts`): ``.jsonl``/``.json`` the string values of
``text`` keys; ``.bmes`` the characters of each sentence; ``.csv`` every cell with a CJK
character; ``.txt`` each line. Other files (``SOURCE.md``, licences) are skipped.

>>> sorted(texts_of({"text": "甲", "labels": [{"text": "乙"}], "id": "x"}))
['乙', '甲']
>>> tokens("投资125.8亿元")
['投', '资', '1', '##2', '##5', '.', '8', '亿', '元']
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from econer.errors import EconerError
from econer.jsonl import read_text

CACHE = Path(".cache/embeddings")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def texts_of(obj: Any) -> Iterator[str]:
    """The strings under ``text`` keys anywhere in a JSON value."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key == "text" and isinstance(value, str):
                yield value
            else:
                yield from texts_of(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from texts_of(item)


def file_texts(path: Path) -> Iterator[str]:
    """The texts of one file (see the module docstring), a paragraph at a time."""
    name = path.name.lower()
    if name.endswith(".jsonl"):
        for line in read_text(path).splitlines():
            if line.strip():
                for text in texts_of(json.loads(line)):
                    yield from text.split("\n")
    elif name.endswith(".json"):
        raw = read_text(path)
        try:
            values = [json.loads(raw)]
        except json.JSONDecodeError:  # CLUENER's .json is JSON lines
            values = [json.loads(line) for line in raw.splitlines() if line.strip()]
        for text in texts_of(values):
            yield from text.split("\n")
    elif name.endswith(".bmes"):
        chars: list[str] = []
        for line in read_text(path).splitlines():
            if line.strip():
                chars.append(line.split()[0])
            elif chars:
                yield "".join(chars)
                chars = []
        if chars:
            yield "".join(chars)
    elif name.endswith(".csv"):
        for row in csv.reader(io.StringIO(read_text(path).lstrip("\ufeff"))):
            yield from (cell for cell in row if _CJK.search(cell))
    elif name.endswith(".txt"):
        yield from read_text(path).splitlines()


def corpus_files(corpora: Sequence[str]) -> list[Path]:
    files: list[Path] = []
    for item in corpora:
        p = Path(item)
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.is_file())
        elif p.is_file():
            files.append(p)
        else:
            raise EconerError("embedding corpus not found", path=p)
    return files


def _normaliser() -> tuple[Any, Any]:
    from tokenizers.normalizers import BertNormalizer
    from tokenizers.pre_tokenizers import BertPreTokenizer

    return (BertNormalizer(clean_text=True, handle_chinese_chars=True, strip_accents=False,
                           lowercase=True), BertPreTokenizer())


def tokens(text: str, _tools: tuple[Any, Any] | None = None) -> list[str]:
    """The character vocabulary's tokens of a text (as :func:`build.char_vocab` counts them)."""
    norm, pre = _tools or _normaliser()
    out: list[str] = []
    for word, _ in pre.pre_tokenize_str(norm.normalize_str(text)):
        out.append(word[0])
        out += ["##" + c for c in word[1:]]
    return out


def embeddings_key(files: Sequence[Path], dim: int, window: int, epochs: int, min_count: int,
                   sg: bool, seed: int) -> str:
    """A hash of the input files' bytes and the settings: the cache key and the record."""
    h = hashlib.sha256(json.dumps([dim, window, epochs, min_count, sg, seed]).encode())
    for f in files:
        h.update(f.name.encode())
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def train_vectors(corpora: Sequence[str], *, dim: int, window: int, epochs: int,
                  min_count: int, sg: bool, seed: int,
                  cache: Path = CACHE) -> tuple[dict[str, np.ndarray], str]:
    """``(token -> vector, key)``: word2vec over the corpora's tokens, cached by key."""
    files = corpus_files(corpora)
    key = embeddings_key(files, dim, window, epochs, min_count, sg, seed)
    path = cache / f"{key[:16]}.npz"
    if path.is_file():
        data = np.load(path, allow_pickle=False)
        return dict(zip(data["tokens"].tolist(), data["vectors"], strict=True)), key
    from gensim.models import Word2Vec

    tools = _normaliser()
    sentences = [tokens(t, tools) for f in files for t in file_texts(f) if t.strip()]
    model = Word2Vec(sentences, vector_size=dim, window=window, min_count=min_count,
                     sg=int(sg), epochs=epochs, seed=seed, workers=2)
    words = list(model.wv.index_to_key)
    vectors = np.stack([model.wv[w] for w in words]).astype(np.float32)
    cache.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, tokens=np.array(words), vectors=vectors)
    tmp.replace(path)
    return dict(zip(words, vectors, strict=True)), key


def embedding_matrix(vocab: Sequence[str], vectors: dict[str, np.ndarray], dim: int,
                     seed: int) -> tuple[np.ndarray, int]:
    """``(matrix, found)``: one row a vocabulary token, pre-trained where word2vec saw it,
    small random values elsewhere; rows scaled so the pre-trained ones have std 0.1.

    >>> m, found = embedding_matrix(["[PAD]", "甲", "乙"], {"甲": np.ones(4)}, 4, seed=0)
    >>> m.shape, found, bool(np.allclose(m[0], 0))
    ((3, 4), 1, True)
    """
    rng = np.random.default_rng(seed)
    known = [vectors[t] for t in vocab if t in vectors]
    scale = 0.1 / (float(np.std(known)) if known and np.std(known) > 0 else 1.0)
    matrix = rng.normal(0, 0.1, (len(vocab), dim)).astype(np.float32)
    found = 0
    for i, tok in enumerate(vocab):
        if tok in vectors:
            matrix[i] = vectors[tok] * scale
            found += 1
    matrix[0] = 0.0  # [PAD]
    return matrix, found
