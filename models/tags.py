"""BIO tags: spans to per-character targets, token targets to spans, and decoding.

Training targets are integer codes, one a character (and then one a token):

* ``>= 0``: exactly this tag (an index into :data:`TAGS`);
* ``IGNORE`` (-100, PyTorch's ``ignore_index``): teaches nothing;
* ``-1`` to ``-15``: a *partial* label, the negated bit mask of the labels ruled out there
  (:func:`ruled_out_code`): any tag but B-/I- of those labels. ``NOT_COMPANY`` (-1): CLUENER2020
  marks companies but not parks, amounts or rates, so outside its company spans we know only
  that a character is not a company (see :mod:`econer.models.data`); rule silver that marks
  AMOUNT and RATE exhaustively but companies only where a rule fired rules out those two.

Decoding is IOB2-constrained: :func:`viterbi` picks the most probable tag sequence in which
an ``I-X`` only follows ``B-X`` or ``I-X``, so a model never emits an entity that starts
inside itself or changes label half-way.

>>> TAGS[:3]
('O', 'B-COMPANY', 'I-COMPANY')
>>> text = "投资125.8亿元"
>>> codes = char_codes(len(text), [(2, 9, "AMOUNT")])
>>> [TAGS[c] for c in codes][1:4]
['O', 'B-AMOUNT', 'I-AMOUNT']
>>> [(s.start, s.end, s.label, s.text) for s in decode(text, [(0, 2), (2, 5), (5, 6), (6, 7),
...     (7, 8), (8, 9)], [TAGS.index(t) for t in ("O", "B-AMOUNT", "I-AMOUNT", "I-AMOUNT",
...     "I-AMOUNT", "I-AMOUNT")], [0.9, 0.8, 0.7, 0.9, 0.9, 0.9])]
[(2, 9, 'AMOUNT', '125.8亿元')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from econer.labels import LABELS
from econer.spans import Span

TAGS: tuple[str, ...] = ("O", *(f"{p}-{label}" for label in LABELS for p in ("B", "I")))
TAG_ID: dict[str, int] = {t: i for i, t in enumerate(TAGS)}
IGNORE = -100
NOT_COMPANY = -1


def ruled_out_code(labels: Iterable[str]) -> int:
    """The target code of a character where exactly ``labels`` are ruled out.

    >>> ruled_out_code(["COMPANY"]) == NOT_COMPANY, ruled_out_code(["AMOUNT", "RATE"])
    (True, -12)
    >>> ruled_out_code(LABELS), ruled_out_code([])   # all ruled out: O; none: nothing taught
    (0, -100)
    """
    mask = sum(1 << LABELS.index(label) for label in set(labels))
    if mask == (1 << len(LABELS)) - 1:
        return 0
    return -mask if mask else IGNORE


def _ruled_out_labels(code: int) -> list[str]:
    return [label for i, label in enumerate(LABELS) if -code & (1 << i)]


def char_codes(
    length: int, spans: Iterable[tuple[int, int, str]], outside: int = 0
) -> np.ndarray:
    """Per-character target codes: B-/I- inside ``spans``, ``outside`` elsewhere."""
    codes = np.full(length, outside, dtype=np.int64)
    for start, end, label in spans:
        codes[start] = TAG_ID[f"B-{label}"]
        codes[start + 1 : end] = TAG_ID[f"I-{label}"]
    return codes


def token_codes(codes: np.ndarray, offsets: Sequence[tuple[int, int]]) -> list[int]:
    """One target a token from the character targets under it.

    A token inside an entity takes its tag (B- if it holds a character tagged B-); a token
    that only partly covers an entity still joins it, so the entity is not lost, only
    widened to token edges. Otherwise the token takes its first character's code.

    >>> c = char_codes(6, [(1, 3, "COMPANY")])  # "xABcd!" with the span "AB" inside "xABcd"
    >>> [TAGS[t] for t in token_codes(c, [(0, 5), (5, 6)])]
    ['B-COMPANY', 'O']
    """
    out: list[int] = []
    for start, end in offsets:
        window = codes[start:end]
        entity = [int(c) for c in window if c > 0]
        if not entity:
            out.append(int(window[0]) if len(window) else IGNORE)
            continue
        begins = [c for c in entity if TAGS[c].startswith("B-")]
        out.append(begins[0] if begins else entity[0])
    return out


def allowed_matrix(codes: Sequence[int]) -> np.ndarray:
    """``(tokens, tags)`` booleans: which tags each token's target allows (none: no loss).

    >>> allowed_matrix([0, NOT_COMPANY, IGNORE]).astype(int).tolist()[1]
    [1, 0, 0, 1, 1, 1, 1, 1, 1]
    """
    allowed = np.zeros((len(codes), len(TAGS)), dtype=bool)
    for i, code in enumerate(codes):
        if code >= 0:
            allowed[i, code] = True
        elif -(1 << len(LABELS)) < code < 0:
            allowed[i] = True
            for label in _ruled_out_labels(code):
                allowed[i, [TAG_ID[f"B-{label}"], TAG_ID[f"I-{label}"]]] = False
    return allowed


def transitions(names: Sequence[str] = TAGS) -> np.ndarray:
    """``(tags, tags)`` booleans: which tag may follow which under IOB2 (``I-X`` only after
    ``B-X`` or ``I-X``); :func:`start_allowed` says which may open a sequence."""
    index = {t: i for i, t in enumerate(names)}
    ok = np.ones((len(names), len(names)), dtype=bool)
    for j, tag in enumerate(names):
        if tag.startswith("I-"):
            ok[:, j] = False
            ok[index["B-" + tag[2:]], j] = ok[j, j] = True
    return ok


def start_allowed(names: Sequence[str] = TAGS) -> np.ndarray:
    return np.array([not t.startswith("I-") for t in names])


def viterbi(log_probs: np.ndarray, breaks: Sequence[bool] | None = None,
            names: Sequence[str] = TAGS) -> list[int]:
    """The most probable IOB2-valid tag sequence for ``(tokens, tags)`` log-probabilities.

    ``breaks[i]`` true: token ``i`` may not continue an entity (a line break before it).
    ``names``: the tags by column (a run's ``labels.json``; default this install's).

    >>> lp = np.log(np.full((3, len(TAGS)), 0.01))
    >>> lp[0, TAG_ID["O"]] = lp[1, TAG_ID["I-RATE"]] = lp[2, TAG_ID["I-RATE"]] = np.log(0.9)
    >>> lp[1, TAG_ID["B-RATE"]] = np.log(0.05)       # argmax would say O I-RATE I-RATE
    >>> [TAGS[t] for t in viterbi(lp)]
    ['O', 'B-RATE', 'I-RATE']
    """
    n = len(log_probs)
    if n == 0:
        return []
    trans = np.where(transitions(names), 0.0, -np.inf)
    opening = np.where(start_allowed(names), 0.0, -np.inf)
    score = log_probs[0] + opening
    back = np.zeros((n, len(names)), dtype=np.int64)
    for i in range(1, n):
        step = trans if not (breaks and breaks[i]) else opening[None, :] + np.zeros_like(trans)
        cand = score[:, None] + step  # from -> to
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + log_probs[i]
    tags = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        tags.append(int(back[i, tags[-1]]))
    return tags[::-1]


def decode(
    text: str,
    offsets: Sequence[tuple[int, int]],
    tags: Sequence[int],
    probs: Sequence[float],
    source: str | None = None,
    names: Sequence[str] = TAGS,
) -> list[Span]:
    """Spans from per-token tags (indices into ``names``, a run's ``labels.json`` tags),
    repaired into valid BIO.

    An I- that does not continue an entity of its label starts one; an entity never runs
    across a line break. The score is the mean probability of the entity's tokens.

    >>> t = "甲公司\\n乙"
    >>> [s.text for s in decode(t, [(0, 1), (1, 2), (2, 3), (4, 5)], [1, 2, 2, 2], [1, 1, 1, 1])]
    ['甲公司', '乙']
    """
    spans: list[Span] = []
    current: list[int] = []  # token indices of the open entity
    label = ""

    def close() -> None:
        if current:
            start, end = offsets[current[0]][0], offsets[current[-1]][1]
            score = float(np.mean([probs[i] for i in current]))
            spans.append(Span.at(text, start, end, label, score=score, source=source))
            current.clear()

    for i, tag_id in enumerate(tags):
        tag = names[tag_id]
        if tag == "O":
            close()
            continue
        prefix, tag_label = tag.split("-", 1)
        gap = text[offsets[current[-1]][1] : offsets[i][0]] if current else ""
        joined = prefix == "I" and current and tag_label == label and "\n" not in gap
        if not joined:
            close()
            label = tag_label
        current.append(i)
    close()
    return spans
