"""DOCREF mentions: official document numbers found in the raw (normalised) text.

Numbering forms (see shared/reference/language.md):
- administrative ``N/TYPE-ISSUER[-UNIT]``: 155/KH-UBND, 1234/QĐ-UBND; a công văn has no type
  code, the issuer comes first: 45/UBND-VP;
- legal normative ``N/YYYY/TYPE-ISSUER``: 30/2020/NĐ-CP, 55/2005/TTLT-BNV-VPCP;
- Party ``N-TYPE/ISSUER``: 15-NQ/TW, 36-HD/VPTW.

Span convention: the document-type words and "số"/"số:" directly before the number belong to
the mention ("Kế hoạch 155/KH-UBND", "Quyết định số 1234/QĐ-UBND", "công văn số 45/UBND-VP");
without type words the span is the number alone ("Số: 155/KH-UBND" → "155/KH-UBND").
A document named without a number ("Luật Đất đai năm 2013") is not a DOCREF.
The date, issuer and subject that follow are attributes, not part of the span; the date is also
its own DATE mention.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .normalize import fold

__all__ = ["DocSpan", "find_docrefs", "DOC_TYPES", "ISSUERS"]

_DATA = Path(__file__).parent / "data"


def _read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


DOC_TYPES: dict[str, str] = {}
for _code, _words in _read_tsv("doc_types.tsv"):
    DOC_TYPES.setdefault(_code, _words)
ISSUERS: dict[str, str] = {}
for _code, _words in _read_tsv("issuers.tsv"):
    ISSUERS.setdefault(_code, _words)
_DOC_WORDS = sorted((r[0] for r in _read_tsv("doc_words.txt")), key=len, reverse=True)
_TYPE_BY_WORDS = {fold(w): w for w in _DOC_WORDS}

_CODE = r"[A-ZĐ][A-Za-zĐđ]{0,11}\d{0,2}"
_CODES = _CODE + r"(?:\s?-\s?" + _CODE + r")*"
_NUM = r"\d{1,5}[a-z]?"
_NUMBER = (
    r"(?<![\w/.\-])(?:"
    r"(?P<n1>" + _NUM + r")\s?/\s?(?P<y1>(?:19|20)\d\d)\s?/\s?(?P<c1>" + _CODES + r")"
    r"|(?P<n2>" + _NUM + r")-(?P<t2>" + _CODE + r")\s?/\s?(?P<c2>" + _CODES + r")"
    r"|(?P<n3>" + _NUM + r")\s?/\s?(?P<c3>" + _CODES + r")"
    r")(?![\wÀ-ỹ/])"
)
_PREFIX = (
    r"(?:(?<!\w)(?P<words>(?i:" + "|".join(re.escape(w) for w in _DOC_WORDS) + r"))\s+"
    r"|(?<!\w)(?P<abbr>QĐ|NQ|KH|CV|CT|TB|HD|NĐ|TT|TTr|BC)\s+(?=[Ss]ố))?"
    r"(?P<so>[Ss]ố\s*:?\s*)?"
)
_NUM_RX = re.compile(_NUMBER)
# the words before a number, read backwards from it (number first: the scan is fast)
_PREFIX_RX = re.compile(_PREFIX + r"$")
_PREFIX_WINDOW = 48
_LEGISLATURE = re.compile(r"(?:QH|UBTVQH)\d*$")
_QUICK = re.compile(r"\d[/\-]\s?[A-ZĐ\d]")

_DATE_AFTER = re.compile(
    r"\s*,?\s*(?:ban hành\s+|được ban hành\s+)?(?:ngày|Ngày)\s+(?P<d>[0-3]?\d)\s*(?:[/.\-]\s*(?P<m>[01]?\d)\s*"
    r"[/.\-]\s*(?P<y>(?:19|20)\d\d)|\s+tháng\s+(?P<m2>[01]?\d)\s+năm\s+(?P<y2>(?:19|20)\d\d))"
)
_OF = re.compile(r"\s*,?\s*(?:của|do)\s+")
_ABOUT = re.compile(r"\s*,?\s*(?:về việc|về|V/v|v/v|V/V)\s*:?\s+")
_SUBJECT_END = re.compile(r"[;\n]|\.(?=\s|$)|[.:](?=\s*[\"“])|,\s+(?=(?:[A-ZĐ]|đồng chí|UBND))"
                          r"|\s\((?=\s*(?:sau đây|gọi tắt))")
# words that end an issuer name written after "của" when no ORG recogniser is given
_ISSUER_END = re.compile(
    r"\s+(?:về|nhằm|để|trên|tại|đã|sẽ|đang|đối với|theo|và các|với|hướng dẫn|quy định|ban hành|"
    r"triển khai|thực hiện|như|là|ngày|phê duyệt|chỉ đạo)\b|[,;.:()“\"\n]"
)


@dataclass
class DocSpan:
    start: int
    end: int
    value: str
    attrs: dict = field(default_factory=dict)


def _canon_code(code: str) -> str:
    return re.sub(r"\s+", "", code)


def _is_code_like(code: str) -> bool:
    """Document codes are mostly capitals: KH, QĐ, TTg, CTr, QyĐ; not "Quận", "Năm"."""
    parts = code.split("-")
    for p in parts:
        p = p.rstrip("0123456789")
        upper = sum(1 for c in p if c.isupper())
        if upper == 0 or upper * 2 < len(p):
            return False
    return True


def find_docrefs(text: str,
                 org_at: Callable[[int], int | None] | None = None) -> list[DocSpan]:
    """DOCREF spans of the normalised ``text``.

    ``org_at(pos)`` may return the end of an organisation name starting at ``pos``; it is used
    for the issuer after "của"; without it a word-based cut is used.
    """
    if not _QUICK.search(text):
        return []
    out: list[DocSpan] = []
    for m in _NUM_RX.finditer(text):
        w0 = max(0, m.start() - _PREFIX_WINDOW)
        pm = _PREFIX_RX.search(text, w0, m.start())
        words = pm["words"] if pm else None
        abbr = pm["abbr"] if pm else None
        so = pm["so"] if pm else None
        attrs: dict = {}
        if m["n1"]:
            number, year, codes = m["n1"], int(m["y1"]), _canon_code(m["c1"])
            if not _is_code_like(codes):
                continue
            type_code, _, issuer = codes.partition("-")
            if not issuer and _LEGISLATURE.match(type_code):
                type_code, issuer = None, codes  # "55/2014/QH13": a law of the 13th Assembly
            canon = f"{number}/{year}/{codes}"
        elif m["n2"]:
            number, year, codes = m["n2"], None, _canon_code(m["c2"])
            type_code, issuer = m["t2"], codes
            if not _is_code_like(type_code) or not _is_code_like(codes):
                continue
            canon = f"{number}-{type_code}/{_canon_code(codes)}"
        else:
            number, year, codes = m["n3"], None, _canon_code(m["c3"])
            if not _is_code_like(codes):
                continue
            first, _, rest = codes.partition("-")
            if first in DOC_TYPES and first not in ISSUERS:
                type_code, issuer = first, rest
            elif first in ISSUERS or rest:
                type_code, issuer = None, codes  # công văn: issuer first
            else:
                continue
            if not rest and not (words or so):
                continue  # "3/KH" alone: too weak
            canon = f"{number}/{_canon_code(codes)}"
        if not issuer and type_code is None:
            continue
        # span: type words + số + number, or the number alone
        start = pm.start("words") if words else pm.start("abbr") if abbr else m.start()
        if abbr:
            words = DOC_TYPES.get(abbr)

        end = m.end()
        if words:
            doc_type = _TYPE_BY_WORDS.get(fold(words), words)
            doc_type = doc_type[0].upper() + doc_type[1:]
        elif type_code:
            doc_type = DOC_TYPES.get(type_code)
        elif issuer and _LEGISLATURE.match(issuer):
            doc_type = None  # a law or a resolution of the Assembly: the words tell which
        else:
            doc_type = "Công văn"
        if doc_type == "Văn bản" and type_code is None:
            doc_type = "Công văn"
        issuer_code = issuer.split("-")[0] if issuer else None
        if issuer and "-" in issuer and type_code == "TTLT":
            issuer_code = issuer
        attrs["doc_type"] = doc_type
        attrs["type_code"] = type_code
        attrs["number"] = number
        attrs["year"] = year
        attrs["issuer_code"] = issuer_code
        if issuer and "-" in issuer and issuer_code != issuer:
            attrs["unit_code"] = issuer.split("-", 1)[1]
        _tail(text, end, attrs, org_at)
        if attrs["year"] is None and attrs.get("date"):
            attrs["year"] = int(attrs["date"][:4])
        out.append(DocSpan(start, end, canon, attrs))
    return out


def _tail(text: str, pos: int, attrs: dict, org_at) -> None:
    """Date ("ngày ..."), issuer ("của ...") and subject ("về ...") after a number, any order."""
    for _ in range(3):
        m = _DATE_AFTER.match(text, pos)
        if m and "date" not in attrs:
            d = int(m["d"])
            mo = int(m["m"] or m["m2"])
            y = int(m["y"] or m["y2"])
            if 1 <= mo <= 12 and 1 <= d <= 31:
                attrs["date"] = f"{y:04d}-{mo:02d}-{d:02d}"
            pos = m.end()
            continue
        m = _OF.match(text, pos)
        if m and "issuer" not in attrs:
            s = m.end()
            e = org_at(s) if org_at else None
            if e is None:
                cut = _ISSUER_END.search(text, s)
                e = cut.start() if cut else len(text)
            name = text[s:e].strip()
            if name and len(name) <= 120:
                attrs["issuer"] = name
                pos = s + len(text[s:e].rstrip())
                continue
        m = _ABOUT.match(text, pos)
        if m and "subject" not in attrs:
            s = m.end()
            cut = _SUBJECT_END.search(text, s)
            e = cut.start() if cut else len(text)
            subj = text[s:e].strip().rstrip(",")
            if subj:
                attrs["subject"] = subj[:300]
            break
        break
