"""Bytes → text: pick the character encoding the way a careful browser would, then NFC-normalise.

Order of evidence: byte-order mark, the HTTP ``Content-Type`` charset, the ``<meta>`` charset, then a
strict UTF-8 attempt, then windows-1258 (the Vietnamese Windows code page, which writes tone marks as
combining characters; NFC composes them). A declared charset that fails to decode strictly is not
trusted: real portals often declare one encoding and serve another.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

__all__ = ["decode_html", "normalize_text", "mostly_utf8"]

# How many leading bytes to search for a <meta charset>: the HTML spec says 1024; old portals put
# long comments and scripts first, so look further.
META_SNIFF_BYTES = 8192

# Single-byte codecs (Python names): a declaration of one of these loses to bytes that are valid,
# non-ASCII UTF-8.
_SINGLE_BYTE_PREFIXES = ("cp12", "iso8859", "ascii", "latin", "mac", "koi8", "tis", "cp874", "cp437", "cp85")

# Python codec names → the names the web uses (stored in pages.encoding).
_WEB_NAMES = {"cp1258": "windows-1258", "cp1252": "windows-1252", "iso8859-1": "iso-8859-1"}

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _canonical(name: str | None) -> str | None:
    """Python's canonical codec name, or None when unknown."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'").lower()).name
    except LookupError:
        return None


def normalize_text(text: str) -> str:
    """NFC-normalise (windows-1258 and some CMSs produce combining tone marks)."""
    return unicodedata.normalize("NFC", text)


# A UTF-8 page with a few stray bytes (a pasted fragment, a cut multi-byte character) is
# still UTF-8: it is decoded as such, each stray byte becoming U+FFFD, when its valid
# multi-byte characters outnumber the stray bytes this many times. Single-byte Vietnamese
# (windows-1258, TCVN3, VNI) read as UTF-8 gives mostly stray bytes and very few valid ones.
MIN_VALID_PER_STRAY = 20


# ... and it needs this many valid non-ASCII characters at least to be called UTF-8 at all.
MIN_UTF8_CHARS = 8


def mostly_utf8(body: bytes) -> str | None:
    """The text of ``body`` read as UTF-8 when nearly every non-ASCII sequence in it is valid
    UTF-8 (a UTF-8 page with a few stray bytes, each becoming U+FFFD), else None. The decoder
    and the legacy-font check both ask this one question, with these thresholds."""
    text = body.decode("utf-8", errors="replace")
    stray = text.count("\ufffd")
    valid = sum(1 for ch in text if ord(ch) > 127) - stray
    return text if valid >= MIN_UTF8_CHARS and valid >= MIN_VALID_PER_STRAY * stray else None


def decode_html(body: bytes | str, content_type: str | None = None) -> tuple[str, str]:
    """Decode an HTML body; return ``(text, encoding)`` with text NFC-normalised.

    >>> decode_html("<p>Hà Nội</p>".encode("utf-8"), "text/html; charset=utf-8")
    ('<p>Hà Nội</p>', 'utf-8')
    """
    if isinstance(body, str):
        return normalize_text(body), "unicode"
    if body is None:
        return "", "utf-8"
    body = bytes(body)
    for bom, name in _BOMS:
        if body.startswith(bom):
            return normalize_text(body[len(bom):].decode(name, errors="replace")), name

    candidates: list[str] = []
    if content_type:
        m = _HEADER_CHARSET.search(content_type)
        if m and _canonical(m.group(1)):
            candidates.append(_canonical(m.group(1)))
    m = _META_CHARSET.search(body[:META_SNIFF_BYTES])
    if m and _canonical(m.group(1).decode("ascii", "ignore")):
        candidates.append(_canonical(m.group(1).decode("ascii", "ignore")))

    try:
        utf8_text: str | None = body.decode("utf-8")
    except UnicodeDecodeError:
        utf8_text = mostly_utf8(body)
    # Valid multi-byte UTF-8 is almost never an accident of a single-byte encoding, while a
    # wrong single-byte declaration (server default, copied template) is common: UTF-8 wins.
    utf8_wins = utf8_text is not None and not body.isascii()

    for name in candidates:
        if utf8_wins and name.startswith(_SINGLE_BYTE_PREFIXES):
            return normalize_text(utf8_text), "utf-8"
        try:
            return normalize_text(body.decode(name)), _WEB_NAMES.get(name, name)
        except (UnicodeDecodeError, LookupError):
            continue  # declared charset is wrong: fall through to sniffing
    if utf8_text is not None:
        return normalize_text(utf8_text), "utf-8"
    return normalize_text(body.decode("cp1258", errors="replace")), "windows-1258"
