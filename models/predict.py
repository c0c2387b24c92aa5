"""Prediction: documents in, documents with model spans out.

Each document is tokenised once and cut into overlapping windows; windows of many documents
are batched together; each token's tag comes from the window where it is farthest from an
edge (:mod:`econer.models.windows`); the IOB2-valid tag sequence of highest probability is
chosen (:func:`econer.models.tags.viterbi`) and decoded into spans with a confidence
(:func:`econer.models.tags.decode`). Spans never cross a line and always index the text.

    >>> p = Predictor.from_run("runs/small")             # doctest: +SKIP
    >>> p(Document.from_text("重庆紫建电子有限公司投资125.8亿元")).spans  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from econer.models.tags import TAGS, decode, viterbi
from econer.models.windows import best_window, encode, windows

from econer.errors import EconerError
from econer.spans import Document, Span


@dataclass
class _Pending:
    doc: Document
    offsets: list[tuple[int, int]]
    spans: list[tuple[int, int]]  # token windows
    first: int  # index of its first window in the batch


def pick_device(name: str = "auto") -> Any:
    import torch

    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    if name == "cuda" and not torch.cuda.is_available():
        raise EconerError("device 'cuda' asked for, but torch sees no GPU")
    return torch.device(name)


@dataclass(frozen=True)
class TokenProbs:
    """A document's tag probabilities: ``rows[i]`` (over ``tags``) for the token at
    character range ``offsets[i]``."""

    offsets: np.ndarray | Sequence[tuple[int, int]]  # (tokens, 2) character ranges
    rows: np.ndarray
    tags: list[str]


# The shipped default model (``make model`` writes it; package data of econer.models).
DEFAULT_RUN = Path(__file__).resolve().parent / "default"


def resolve_run(run: str | Path) -> Path:
    """A run folder: ``run`` itself when it is a folder, else ``default`` is the shipped model.

    >>> resolve_run("no/such/run")
    Traceback (most recent call last):
    ...
    econer.errors.EconerError: no/such/run: no such run folder (made by econer train), ...
    """
    path = Path(run)
    if path.is_dir():
        return path
    if str(run) == "default":
        if not (DEFAULT_RUN / "run.json").is_file():
            raise EconerError("the default model is not installed here (make model builds it)",
                              path=DEFAULT_RUN)
        return DEFAULT_RUN
    raise EconerError("no such run folder (made by econer train), and not 'default'", path=path)


def model_version(model_dir: Path) -> str:
    """A short hash of the saved weights: two runs with equal weights share it."""
    h = hashlib.sha256()
    for path in sorted(model_dir.glob("*.safetensors")) or sorted(model_dir.glob("*.bin")):
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def run_tags(run_dir: str | Path) -> list[str]:
    """The BIO tags a run was trained with, by output index (its ``labels.json``)."""
    path = Path(run_dir) / "labels.json"
    try:
        tags = json.loads(path.read_text(encoding="utf-8"))["tags"]
    except FileNotFoundError:
        raise EconerError("not a run folder: no labels.json", path=path.parent) from None
    except (ValueError, KeyError, TypeError):
        raise EconerError("labels.json: expected {\"tags\": [...]}", path=path) from None
    if not isinstance(tags, list) or not tags or tags[0] != "O" or not all(
            isinstance(t, str) and (t == "O" or t[:2] in ("B-", "I-")) for t in tags):
        raise EconerError(f"labels.json: tags must be 'O' then B-/I- tags, got {tags!r}",
                          path=path)
    return tags


# Documents longer than this many characters are predicted a segment at a time.
SEGMENT = 20_000
_SENTENCE_ENDS = "\n。！？；!?;"


def segments(text: str, size: int = SEGMENT) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of ``text`` of at most ``size`` characters, each cut just after
    the last sentence end (or line break) in its second half; a piece without one is cut at
    ``size`` (a run-on line: an entity there could be cut in two).

    >>> segments("甲乙。丙丁戊己庚。辛", size=5)
    [(0, 3), (3, 8), (8, 10)]
    >>> segments("短文", size=5)
    [(0, 2)]
    """
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = max(text.rfind(ch, start + size // 2, start + size) for ch in _SENTENCE_ENDS) + 1
        if end <= start:  # no sentence end in the second half
            end = start + size
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


class Predictor:
    """A trained token classifier that adds spans to documents."""

    segment = SEGMENT  # characters of a long document predicted at a time

    def __init__(self, model: Any, tokenizer: Any, *, max_length: int, stride: int,
                 version: str, source: str, device: Any = None, batch_size: int = 32,
                 tags: Sequence[str] = TAGS) -> None:
        self.model = model.eval()
        self.tags = list(tags)  # BIO tags by output index: the run's labels.json
        self.tokenizer = tokenizer
        self.max_length, self.stride = max_length, stride
        self.version, self.source = version, source
        self.device = device or next(model.parameters()).device
        self.model.to(self.device)
        self.batch_size = batch_size

    @classmethod
    def from_run(cls, run_dir: str | Path, device: str = "auto",
                 batch_size: int = 32) -> Predictor:
        """The model of a run folder made by ``econer train``."""
        import econer.models.bilstm  # noqa: F401  (registers the BiLSTM with Auto*)
        from transformers import AutoModelForTokenClassification, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()

        run = resolve_run(run_dir)
        model_dir = run / "model"
        info_path = run / "run.json"
        if not model_dir.is_dir() or not info_path.is_file():
            raise EconerError("not a run folder (no model/ or run.json; made by econer train?)",
                              path=run)
        info = json.loads(info_path.read_text(encoding="utf-8"))
        tokenizer = AutoTokenizer.from_pretrained(model_dir)
        # float32 on the CPU: a shipped model may be saved in float16 to stay small.
        model = AutoModelForTokenClassification.from_pretrained(model_dir).float()
        tags = run_tags(run)
        labels = [model.config.id2label[i] for i in range(model.config.num_labels)]
        if labels != tags:
            raise EconerError(f"the model's labels {labels} are not labels.json's tags {tags}",
                              path=model_dir)
        window = info["window"]
        return cls(model, tokenizer, max_length=window["max_length"], stride=window["stride"],
                   version=info["version"], source=f"model:{info.get('name', run.name)}",
                   device=pick_device(device), batch_size=batch_size, tags=tags)

    def __call__(self, doc: Document) -> Document:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Document], batch_size: int | None = None,
             on_doc: Callable[[Document], None] | None = None,
             on_probs: Callable[[TokenProbs], None] | None = None) -> Iterator[Document]:
        """Documents with their spans replaced by the model's, in input order.

        A document longer than :data:`SEGMENT` characters goes through in segments cut after
        a sentence end (:func:`segments`) and comes back whole, so memory stays bounded by
        the segment, not the document (one 5 MB line took 1.7 GB when tokenised at once).
        ``on_probs`` gets each document's :class:`TokenProbs` just before it is yielded
        (the hybrid asks the model about names its spans left out).
        """
        # what each piece is: (its document, its offset there, the document's last piece?)
        pieces: deque[tuple[Document, int, bool]] = deque()

        def cut() -> Iterator[Document]:
            for doc in docs:
                bounds = segments(doc.text, self.segment)
                for k, (a, b) in enumerate(bounds):
                    pieces.append((doc, a, k == len(bounds) - 1))
                    yield doc if len(bounds) == 1 else Document(doc.id, doc.text[a:b])

        found: list[Span] = []
        # (arrays, not lists of tuples: a 5 MB line has five million tokens)
        offsets: list[np.ndarray] = []
        rows: list[np.ndarray] = []
        for predicted, piece_offsets, piece_rows in self._pipe(cut(), batch_size):
            doc, offset, last = pieces.popleft()
            found += [replace(s, start=s.start + offset, end=s.end + offset) if offset else s
                      for s in predicted.spans]
            if on_probs:
                offsets.append(np.asarray(piece_offsets, dtype=np.int64).reshape(-1, 2) + offset)
                rows.append(piece_rows)
            if last:
                whole = predicted if offset == 0 else doc.with_spans(found)
                found = []
                if on_probs:
                    on_probs(TokenProbs(np.concatenate(offsets), np.concatenate(rows),
                                        self.tags))
                    offsets, rows = [], []
                if on_doc:
                    on_doc(whole)
                yield whole

    def _pipe(self, docs: Iterable[Document], batch_size: int | None
              ) -> Iterator[tuple[Document, list[tuple[int, int]], np.ndarray]]:
        size = batch_size or self.batch_size
        pending: list[_Pending] = []
        ids: list[list[int]] = []
        for doc in docs:
            tok_ids, offsets = encode(self.tokenizer, doc.text)
            spans = windows(len(tok_ids), self.max_length - 2, self.stride)
            pending.append(_Pending(doc, offsets, spans, len(ids)))
            ids += [tok_ids[s:e] for s, e in spans]
            if len(ids) >= size:
                yield from self._finish(pending, ids, size)
                pending, ids = [], []
        if pending:
            yield from self._finish(pending, ids, size)

    def _finish(self, pending: list[_Pending], ids: list[list[int]], size: int
                ) -> Iterator[tuple[Document, list[tuple[int, int]], np.ndarray]]:
        probs = self.window_probs(ids, size)
        for p in pending:
            n = len(p.offsets)
            choice = best_window(n, p.spans)
            rows = (np.stack([probs[p.first + w][t - p.spans[w][0]] for t, w in enumerate(choice)])
                    if n else np.zeros((0, len(self.tags))))
            text, offsets = p.doc.text, p.offsets
            breaks = [i > 0 and "\n" in text[offsets[i - 1][1] : offsets[i][0]]
                      for i in range(n)]
            tags = viterbi(np.log(np.clip(rows, 1e-12, None)), breaks, self.tags)
            conf = [float(rows[i, t]) for i, t in enumerate(tags)]
            yield (p.doc.with_spans(decode(p.doc.text, p.offsets, tags, conf, self.source,
                                           self.tags)), p.offsets, rows)

    def window_probs(self, ids: Sequence[list[int]], size: int) -> list[np.ndarray]:
        """Tag probabilities ``(tokens, tags)`` for each window of token ids."""
        import torch

        tok = self.tokenizer
        out: list[np.ndarray] = []
        # Longest first keeps padding low; results go back to input order.
        order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
        results: dict[int, np.ndarray] = {}
        with torch.inference_mode():
            for b in range(0, len(order), size):
                batch = order[b : b + size]
                width = max(len(ids[i]) for i in batch) + 2
                input_ids = torch.full((len(batch), width), tok.pad_token_id, dtype=torch.long)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for row, i in enumerate(batch):
                    seq = [tok.cls_token_id, *ids[i], tok.sep_token_id]
                    input_ids[row, : len(seq)] = torch.tensor(seq)
                    mask[row, : len(seq)] = 1
                logits = self.model(input_ids=input_ids.to(self.device),
                                    attention_mask=mask.to(self.device)).logits
                probs = torch.softmax(logits.float(), dim=-1).cpu().numpy()
                for row, i in enumerate(batch):
                    results[i] = probs[row, 1 : 1 + len(ids[i])]
        out = [results[i] for i in range(len(ids))]
        return out
