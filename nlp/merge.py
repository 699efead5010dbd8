"""Merging the CRF's PER/ORG/LOC spans (nlp/model.py) with the rule spans.

The model saw the rule spans as features and learned, on the dev split of real news, where
they fail; the rules were written for district-portal news, where the model is out of its
domain. So:
- a model span equal to a rule span keeps the rule's value and attributes (titles,
  organisation keys, new units);
- where the two disagree on overlapping spans, the rule span stands if the model itself
  gives it a probability of at least ``KEEP_RULE`` (product of token marginals), else the
  model's spans replace it;
- a rule span the model left untagged stands (the rules find government bodies and places the
  general-news model was never shown);
- a model span the rules did not find gets a value from its text and
  ``attrs["source"] = "model"``; one that would overlap a DATE or DOCREF is dropped.
"""
from __future__ import annotations

from bisect import bisect_right

from .model import model_spans
from .normalize import fold

__all__ = ["merge_model", "KEEP_RULE"]

# a rule span the model disagrees with stands when the model gives it at least this
# probability (chosen on the dev-tune fold of the corpus; see nlp/README.md)
KEEP_RULE = 0.05
CONTAIN = True
_OURS = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
_CORPUS = {v: k for k, v in _OURS.items()}
_NAMES = ("PERSON", "ORG", "LOC")


def merge_model(t: str, spans: list[tuple]) -> list[tuple]:
    names = [x for x in spans if x[0] in _NAMES]
    fixed = [x for x in spans if x[0] not in _NAMES]
    res = model_spans(t, [(k, s, e) for k, s, e, _, _ in spans])
    blocked = _marks(len(t), fixed)
    found = sorted(((_OURS[k], s, e) for k, s, e in res.spans
                    if k in _OURS and not any(blocked[s:e])), key=lambda m: m[1])
    found_ends = [e for _, _, e in found]  # model spans never overlap: sorted by end too
    out = list(fixed)
    keep_model = set(found)
    by_span = set(found)
    for r in names:
        key = (r[0], r[1], r[2])
        if key in by_span:
            out.append(r)
            keep_model.discard(key)
            continue
        rivals = _overlapping(found, found_ends, r[1], r[2])
        if not rivals:
            out.append(r)  # the rules alone found it
            continue
        inside = all(m[0] == r[0] and r[1] <= m[1] and m[2] <= r[2] for m in rivals)
        if (inside and CONTAIN) or res.prob(_CORPUS[r[0]], r[1], r[2]) >= KEEP_RULE:
            out.append(r)
            keep_model.difference_update(rivals)
    taken = _marks(len(t), [x for x in out if x[0] in _NAMES])
    for kind, s, e in found:
        if (kind, s, e) not in keep_model or any(taken[s:e]):
            continue
        name = t[s:e]
        out.append((kind, s, e, name if kind != "ORG" else fold(name), {"source": "model"}))
        taken[s:e] = b"\x01" * (e - s)
    return out


def _marks(n: int, spans) -> bytearray:
    """One byte per character of the text, set where one of ``spans`` lies."""
    flags = bytearray(n)
    for x in spans:
        flags[x[1]:x[2]] = b"\x01" * (x[2] - x[1])
    return flags


def _overlapping(found: list[tuple], ends: list[int], s: int, e: int) -> list[tuple]:
    k = bisect_right(ends, s)
    out = []
    while k < len(found) and found[k][1] < e:
        out.append(found[k])
        k += 1
    return out
