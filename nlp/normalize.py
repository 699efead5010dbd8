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
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Normalized", "normalize", "fold", "tone_style", "key", "unaccented"]

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
    """A normalised copy of a text plus the way back to the original offsets.

    NFC input (the common case) keeps a short list of breakpoints where the offset shift
    changes (collapsed whitespace runs); NFD input keeps one entry per character.
    """

    original: str
    text: str
    starts: list[int] | None = None  # per char: original start of its cluster (NFD path)
    ends: list[int] | None = None
    bp_norm: list[int] | None = None  # breakpoints: from norm index bp_norm[k] on,
    bp_delta: list[int] | None = None  # original = norm + bp_delta[k]
    ws_end: dict | None = None  # norm index of a collapsed whitespace run → its original end

    def _orig(self, i: int) -> int:
        k = bisect_right(self.bp_norm, i) - 1
        return i + self.bp_delta[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalised span [start, end)."""
        if self.starts is not None:
            if end <= start:
                pos = self.starts[start] if start < len(self.starts) else len(self.original)
                return pos, pos
            return self.starts[start], self.ends[end - 1]
        if end <= start:
            pos = self._orig(start) if start < len(self.text) else len(self.original)
            return pos, pos
        last = end - 1
        e = self.ws_end.get(last) if self.ws_end else None
        return self._orig(start), (e if e is not None else self._orig(last) + 1)

    def orig(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.original[s:e]


_WS = re.compile(r"\s+")
# same-length look-alikes: Icelandic eth for Đ (common on Vietnamese sites), typographic dashes
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u2013": "-",
                             "\u2014": "-", "\u2010": "-", "\u2011": "-"})


def normalize(text: str) -> Normalized:
    """Normalise ``text`` for matching and keep the offset map (see module docstring)."""
    if unicodedata.is_normalized("NFC", text):
        return _normalize_nfc(text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            out.append(_ws_char(text[i:j]))
            starts.append(i)
            ends.append(j)
            i = j
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        for c in unicodedata.normalize("NFC", text[i:j]):
            out.append(c)
            starts.append(i)
            ends.append(j)
        i = j
    norm = tone_style("".join(out)).translate(_LOOKALIKES)
    return Normalized(text, norm, starts, ends)


def _ws_char(run: str) -> str:
    return "\n" if ("\n" in run or "\r" in run or "\u2028" in run) else " "


def _normalize_nfc(text: str) -> Normalized:
    """NFC input: only whitespace runs change length; record where the shift changes."""
    pieces: list[str] = []
    bp_norm, bp_delta = [0], [0]
    ws_end: dict[int, int] = {}
    pos = 0  # original position copied so far
    k = 0  # normalised length so far
    for m in _WS.finditer(text):
        run = m.group()
        if run == " ":
            continue
        seg = text[pos:m.start()]
        pieces.append(seg)
        k += len(seg)
        pieces.append(_ws_char(run))
        if m.start() - k != bp_delta[-1]:
            bp_norm.append(k)
            bp_delta.append(m.start() - k)
        ws_end[k] = m.end()
        k += 1
        pos = m.end()
        bp_norm.append(k)
        bp_delta.append(pos - k)
    pieces.append(text[pos:])
    norm = tone_style("".join(pieces)).translate(_LOOKALIKES)
    return Normalized(text, norm, bp_norm=bp_norm, bp_delta=bp_delta, ws_end=ws_end)


_FOLD_TABLE = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case comparison form: NFC, new tone style, single spaces, straight quotes."""
    t = unicodedata.normalize("NFC", text)
    t = tone_style(t)
    t = _WS.sub(" ", t).strip().translate(_FOLD_TABLE)
    return t.lower()


def unaccented(text: str) -> str:
    """Letters without tone or vowel marks, "đ" as "d": "Nguyễn" → "Nguyen"."""
    return "".join(c for c in unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
                   if not unicodedata.combining(c))


def key(text: str) -> str:
    """Alias of :func:`fold` used for canonical keys."""
    return fold(text)
