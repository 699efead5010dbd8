"""Normalisation for matching: NFC, one tone-mark style, whitespace — with an offset map back
into the original text.

Every matcher works on ``Normalized.text``; ``Normalized.span(a, b)`` turns a span of the
normalised copy into the span of the original text, so ``original[s:e]`` is exactly what the
reader saw (NFD, old tone style and odd spaces included).

Rules:
1. NFC, cluster by cluster (a base character and its combining marks), so NFD input maps back.
2. Tone marks on the "new" position for open syllables oa/oe/uy: hoá → hóa, khoẻ → khỏe,
   uỷ → ủy, thuỷ → thủy (not after q: "quý" stays). Both styles are correct Vietnamese;
   we pick the one the official spelling rules (Decision 1989/QĐ-BGDĐT, 2018) use.
3. Whitespace: any run of whitespace becomes one space, or one newline when the run holds a
   line break (paragraph boundaries stop names and titles from running across lines).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Normalized", "normalize", "fold", "tone_style", "key"]

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook above, tilde, dot below


def _build_tone_map() -> dict[str, str]:
    """Two-character replacements oá→óa, uỷ→ủy, ... (both cases); lengths are preserved."""
    pairs: dict[str, str] = {}
    for first, seconds in (("o", "ae"), ("u", "y")):
        for second in seconds:
            for tone in _TONES:
                for f, s in ((first, second), (first.upper(), second.upper()),
                             (first.upper(), second)):
                    old = unicodedata.normalize("NFC", f + s + tone)
                    new = unicodedata.normalize("NFC", f + tone + s)
                    if len(old) == 2 and len(new) == 2:
                        pairs[old] = new
    return pairs


_TONE_MAP = _build_tone_map()
# an old-style pair closing a syllable (no letter after it), not the "u" of "qu"
_TONE_RE = re.compile(
    "(?<![qQ])(" + "|".join(sorted(_TONE_MAP, key=len, reverse=True)) + r")(?!\w)"
)


def tone_style(text: str) -> str:
    """Move tone marks to the new-style position (hoá → hóa); same length as the input."""
    return _TONE_RE.sub(lambda m: _TONE_MAP[m.group(1)], text)


@dataclass
class Normalized:
    """A normalised copy of a text plus, per character, where it came from."""

    original: str
    text: str
    starts: list[int]  # original start offset of the cluster behind normalised char i
    ends: list[int]  # original end offset of that cluster

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised span [start, end)."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def orig(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.original[s:e]


_WS = re.compile(r"\s+")
# same-length look-alikes: Icelandic eth for Đ (common on Vietnamese sites), typographic dashes
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u2013": "-",
                             "\u2014": "-", "\u2010": "-", "\u2011": "-"})


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching and keep the offset map (see module docstring)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    simple = unicodedata.is_normalized("NFC", text)
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            run = text[i:j]
            out.append("\n" if ("\n" in run or "\r" in run or "\u2028" in run) else " ")
            starts.append(i)
            ends.append(j)
            i = j
            continue
        if simple:
            # fast path: copy up to the next whitespace in one go
            m = _WS.search(text, i)
            j = m.start() if m else n
            out.append(text[i:j])
            starts.extend(range(i, j))
            ends.extend(range(i + 1, j + 1))
            i = j
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", text[i:j])
        for c in cluster:
            out.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    norm = tone_style("".join(out)).translate(_LOOKALIKES)
    return Normalized(text, norm, starts, ends)


_FOLD_TABLE = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case comparison form: NFC, new tone style, single spaces, straight quotes."""
    t = unicodedata.normalize("NFC", text)
    t = tone_style(t)
    t = _WS.sub(" ", t).strip().translate(_FOLD_TABLE)
    return t.lower()


def key(text: str) -> str:
    """Alias of :func:`fold` used for canonical keys."""
    return fold(text)
