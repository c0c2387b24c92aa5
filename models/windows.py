"""Long documents as overlapping token windows, and predictions stitched back.

A document is tokenised once (offsets into its own text), then cut into windows of at most
``size`` tokens that overlap by ``stride`` tokens (Hugging Face's meaning of stride). Each
token's prediction is taken from the window where it lies farthest from an edge, so an
entity across a window border comes back once, whole, from the window that saw it best.

>>> windows(10, size=4, stride=2)
[(0, 4), (2, 6), (4, 8), (6, 10)]
>>> best_window(10, windows(10, size=4, stride=2))
[0, 0, 0, 1, 1, 2, 2, 3, 3, 3]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from econer.errors import EconerError


def windows(n_tokens: int, size: int, stride: int) -> list[tuple[int, int]]:
    """``(start, end)`` token ranges covering ``n_tokens`` (none for an empty document)."""
    if size < 1 or not 0 <= stride < size:
        raise EconerError(f"window: need 0 <= stride < size, got size {size}, stride {stride}")
    if n_tokens == 0:
        return []
    out: list[tuple[int, int]] = []
    start = 0
    while True:
        end = min(start + size, n_tokens)
        out.append((start, end))
        if end == n_tokens:
            return out
        start += size - stride


def best_window(n_tokens: int, spans: Sequence[tuple[int, int]]) -> list[int]:
    """For each token, the index of the window where it is farthest from an edge.

    Ties go to the earlier window; the document's own ends count as no edge, so the first
    and last tokens are not penalised for sitting at a window's start or end.
    """
    best = [-1] * n_tokens
    margin = [-1] * n_tokens
    for w, (start, end) in enumerate(spans):
        for t in range(start, end):
            left = t - start if start > 0 else n_tokens
            right = end - 1 - t if end < n_tokens else n_tokens
            m = min(left, right)
            if m > margin[t]:
                best[t], margin[t] = w, m
    return best


def encode(tokenizer: Any, text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Token ids and character offsets of a whole text, without special tokens.

    Goes to the fast tokenizer's backend, so a long text raises no length warning and the
    offsets are ``str`` indices into ``text`` (whitespace gives no token).
    """
    enc = tokenizer.backend_tokenizer.encode(text, add_special_tokens=False)
    # `enc.ids` builds a new list on every access: read it once (per token was quadratic).
    ids, pairs = enc.ids, [(int(s), int(e)) for s, e in enc.offsets]
    keep = [i for i, (s, e) in enumerate(pairs) if e > s]
    return [ids[i] for i in keep], [pairs[i] for i in keep]
