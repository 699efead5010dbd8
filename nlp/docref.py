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
from typing import Callable

from .dates import infer_year, parse_published
from .lexicon import read_tsv
from .normalize import fold
from .records import Span

__all__ = ["find_docrefs", "DOC_TYPES", "ISSUERS"]

DOC_TYPES: dict[str, str] = {}
for _code, _words in read_tsv("doc_types.tsv"):
    DOC_TYPES.setdefault(_code, _words)
ISSUERS: dict[str, str] = {}
for _code, _words in read_tsv("issuers.tsv"):
    ISSUERS.setdefault(_code, _words)
_DOC_WORDS = sorted((r[0] for r in read_tsv("doc_words.txt")), key=len, reverse=True)
_TYPE_BY_WORDS = {fold(w): w for w in _DOC_WORDS}

_CODE = r"[A-ZĐ][A-Za-zĐđ]{0,11}\d{0,2}"
# codes joined by "-", or by "_" as some portals type it ("46/KH_UBND")
_CODES = _CODE + r"(?:\s?[-_]\s?" + _CODE + r")*"
_NUM = r"\d{1,5}[a-z]?"
_NUMBER = (
    r"(?<![\w/.\-])(?:"
    # "30/2020/NĐ-CP", and "72/2013NĐ-CP" with the second slash left out
    r"(?P<n1>" + _NUM + r")\s?/\s?(?P<y1>(?:19|20)\d\d)(?:\s?/\s?|(?=[A-ZĐ]))(?P<c1>" + _CODES + r")"
    # "15-NQ/TW", and "05 - CT/TW" with spaces around the hyphen
    r"|(?P<n2>" + _NUM + r")\s?-\s?(?P<t2>" + _CODE + r")\s?/\s?(?P<c2>" + _CODES + r")"
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
_QUICK = re.compile(r"\d\s?[/\-]\s?[A-ZĐ\d]")

# what follows a number stays on its line: a date on the next line is another sentence's
_DATE_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:ban hành[ \t]+|được ban hành[ \t]+)?(?:ngày|Ngày)[ \t]+(?P<d>[0-3]?\d)[ \t]*"
    r"(?:[/.\-][ \t]*(?P<m>[01]?\d)(?:[ \t]*[/.\-][ \t]*(?P<y>(?:19|20)\d\d))?"
    r"|[ \t]+tháng[ \t]+(?P<m2>[01]?\d)(?:[ \t]+năm[ \t]+(?P<y2>(?:19|20)\d\d))?)(?![\d/])"
)
_OF = re.compile(r"[ \t]*,?[ \t]*(?:của|do)[ \t]+")
_ABOUT = re.compile(r"[ \t]*,?[ \t]*(?:về việc|về|V/v|v/v|V/V)[ \t]*:?[ \t]+")
# the subject ends with its clause: a full stop, a semicolon, a line break, a quotation, a
# new clause after a comma ("…, trong đó yêu cầu …", "…, đồng thời …", "…, UBND quận …") or
# a purpose ("… nhằm …")
_CLAUSE_WORDS = (r"trong đó|theo đó|đồng thời|qua đó|tuy nhiên|nhằm|với mục|góp phần|yêu cầu|"
                 r"đề nghị|giao|chỉ đạo|nhưng|song|do đó|vì vậy|bởi|khi|sau khi|trước khi|"
                 r"đến nay|hiện nay|từ đó|cụ thể|ngoài ra|bên cạnh đó|căn cứ|thực hiện|tiếp tục|"
                 r"đây là|kế hoạch|quyết định|văn bản")
_SUBJECT_END = re.compile(r"[;\n]|\.(?=\s|$)|[.:](?=\s*[\"“])|,\s+(?=(?:[A-ZĐ]|đồng chí|UBND))"
                          r"|\s\((?=\s*(?:sau đây|gọi tắt))"
                          r"|,\s+(?=(?:" + _CLAUSE_WORDS + r")\b)"
                          r"|\s+(?=(?:nhằm|để|với mục tiêu|với mục đích|trong đó|theo đó|"
                          r"đồng thời)\s)")
# longer subjects are cut at the last comma or space before this many characters
MAX_SUBJECT_CHARS = 200
# words that end an issuer name written after "của" when no ORG recogniser is given
_ISSUER_END = re.compile(
    r"\s+(?:về|nhằm|để|trên|tại|đã|sẽ|đang|đối với|theo|và các|với|hướng dẫn|quy định|ban hành|"
    r"triển khai|thực hiện|như|là|ngày|phê duyệt|chỉ đạo)\b|[,;.:()“\"\n]"
)


def _canon_code(code: str) -> str:
    return re.sub(r"\s+", "", code).replace("_", "-")


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
                 org_at: Callable[[int], int | None] | None = None,
                 published: str | None = None,
                 org_before: Callable[[int], int | None] | None = None) -> list[Span]:
    """DOCREF spans of the normalised ``text``.

    ``org_at(pos)`` may return the end of an organisation name starting at ``pos``; it is used
    for the issuer after "của"; without it a word-based cut is used. ``org_before(pos)`` may
    return the start of an organisation name ending at ``pos`` (the issuer written before the
    number: "UBND Thành phố ban hành Kế hoạch số 170/KH-UBND"). ``published`` (ISO date)
    gives the year of a document whose number and date do not (``attrs["year_inferred"]``).
    """
    out = _numbered(text, org_at) if _QUICK.search(text) else []
    if _LAW_QUICK.search(text):
        out = _laws(text, out)
    if _BARE_QUICK.search(text):
        out += _bare_numbers(text, out, org_at)
    out.sort(key=lambda d: d.start)
    pub = parse_published(published)
    for d in out:
        _before(text, d, org_before)
        _resolve_date(d.attrs, pub)
        _infer_doc_year(d.attrs, pub)
    _link_short_mentions(out)
    return out


# laws, codes and ordinances cited by name: "Luật Đất đai 2013", "Bộ luật Hình sự",
# "Pháp lệnh Ưu đãi người có công với cách mạng", "Hiến pháp năm 2013"
_LAW_QUICK = re.compile(r"Luật|luật|Pháp lệnh|Hiến pháp")
_LAW_HEAD = re.compile(r"(?<![\wÀ-ỹ])(?P<head>Bộ luật|Luật|Pháp lệnh|Hiến pháp)(?![\wÀ-ỹ])")
_LAW_ISSUER = {"Luật": "QH", "Bộ luật": "QH", "Hiến pháp": "QH", "Pháp lệnh": "UBTVQH"}
_WORD_AT = re.compile(r"[ \t]+([^\W\d_]+)")
_LAW_COMMA = re.compile(r",[ \t]*(?=(?:chống|chữa|bổ sung|phòng|cứu)\b)")
# words that end a law's name (verbs, function words, time words)
_LAW_STOP = set("""quy có được đã sẽ là của về cho với năm số ban sửa hiện mới này đó tại trong
theo thì nhằm để các những đến từ khi vào do bởi nêu hướng thi ngày trên đối giữa đang cũng đều
không chưa vẫn nay cần phải như mà nên thông thực triển quán áp ra qua hết nhưng hay hoặc
tháng quý bị xử vi tổ kiểm chỉ giao phát yêu đề tiến diễn gồm""".split())
# "Trường Đại học Luật", "Khoa Luật", "cử nhân Luật", "ngành Luật": a school or a subject
_NOT_LAW_AFTER = {"học", "khoa", "viện", "trường", "ngành", "nhân", "sĩ", "viên", "lớp", "môn",
                  "chuyên"}
# phrases holding such words that belong to names ("Pháp lệnh Ưu đãi người có công với
# cách mạng", "Luật Ban hành văn bản quy phạm pháp luật", "Luật Thi hành án dân sự")
_LAW_KEEP = ("người có công với cách mạng", "người có công", "quy hoạch", "thông tin",
             "hành chính", "xử lý vi phạm hành chính", "thực hành", "thi hành án",
             "ban hành văn bản quy phạm pháp luật", "quy phạm pháp luật", "thông qua", "vi phạm")
_LAW_YEAR = re.compile(r"[ \t]+((?:19|20)\d\d)(?![\d/\-])")
_LAW_NAMED_YEAR = re.compile(r"[ \t]+năm[ \t]+((?:19|20)\d\d)(?![\d/\-])")
_LAW_NUMBER = re.compile(r"[ \t]+(?:số[ \t]*:?[ \t]*)?")
_LAW_MAX_WORDS = 12


def _law_name_end(text: str, pos: int) -> int:
    """End of a law's name whose head ends at ``pos`` (``pos`` when no name follows)."""
    end = i = pos
    words: list[str] = []
    while len(words) < _LAW_MAX_WORDS:
        m = _WORD_AT.match(text, i)
        if not m:
            c = _LAW_COMMA.match(text, i)
            if c and words:  # "Luật Phòng, chống tham nhũng"
                w2 = re.compile(r"[^\W\d_]+").match(text, c.end())
                words.append(w2.group().lower())
                i = end = w2.end()
                continue
            break
        w = m.group(1)
        low = w.lower()
        if not words:
            if not w[0].isupper():
                break
        elif low == "và":
            nxt = _WORD_AT.match(text, m.end())
            if not nxt or nxt.group(1)[0].isupper() or nxt.group(1).lower() in _LAW_STOP:
                break
            words.append(low)
            i = m.end()
            continue
        else:
            keep = next((k for k in _LAW_KEEP if k != "thông qua" and
                         text[m.start(1):m.start(1) + len(k)].lower() == k and
                         not text[m.start(1) + len(k):m.start(1) + len(k) + 1].isalpha()), None)
            if keep is not None:
                words.extend(keep.split())
                i = end = m.start(1) + len(keep)
                continue
            if low in _LAW_STOP or text[m.start(1):m.start(1) + 8].lower() in (
                    "tham gia", "tham dự"):
                break
        words.append(low)
        i = end = m.end()
    return end


def _laws(text: str, numbered: list[Span]) -> list[Span]:
    """Laws by name; a name followed by its number joins that number's mention."""
    by_start = {d.start: d for d in numbered}
    out = list(numbered)
    taken = [(d.start, d.end) for d in numbered]
    for m in _LAW_HEAD.finditer(text):
        head = m["head"]
        if head == "Luật" and m.start() >= 4 and text[m.start() - 4:m.start()] == "Bộ l":
            continue
        if any(s <= m.start() < e for s, e in taken):
            continue
        before = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, m.start() - 20):m.start()])
        if before and before.group(1).lower() in _NOT_LAW_AFTER:
            continue
        end = _law_name_end(text, m.end())
        if end == m.end() and head != "Hiến pháp":
            continue  # "Luật" alone, "Luật sư": no law named
        name = head + re.sub(r"\s+", " ", text[m.end():end])
        attrs = {"doc_type": head, "type_code": None, "number": None, "year": None,
                 "issuer_code": _LAW_ISSUER[head], "name": name}
        span_end = end
        y = _LAW_YEAR.match(text, end)
        if y:
            attrs["year"] = int(y.group(1))
            span_end = y.end()  # "Luật Đất đai 2013": the year is part of the citation
        else:
            y = _LAW_NAMED_YEAR.match(text, end)
            if y:
                attrs["year"] = int(y.group(1))  # "năm 2013" stays a DATE of its own
        after = _LAW_NUMBER.match(text, span_end)
        joined = by_start.get(after.end()) if after else None
        if joined is not None:
            joined.start = m.start()  # "Luật Phòng cháy và chữa cháy số 27/2001/QH10"
            joined.attrs["name"] = name
            continue
        value = name + (f" {attrs['year']}" if attrs["year"] else "")
        out.append(Span(m.start(), span_end, value, attrs))
        taken.append((m.start(), span_end))
    return out


# a number without its code ("Quyết định số 284") and a short re-mention ("Chỉ thị 25")
_BARE_QUICK = re.compile(r"\d")
# (numbers first, then the words before them read backwards: the scan is fast)
_BARE_NUM = re.compile(r"(?<![\w/.\-])(?P<n>\d{1,5})(?![\w/]|[.,]\d|[ \t]?[-–][ \t]?[A-ZĐ\d])")
_BARE_PREFIX = re.compile(
    r"(?<![\wÀ-ỹ])(?P<words>(?i:" + "|".join(re.escape(w) for w in _DOC_WORDS) + r"))"
    r"[ \t]+(?P<so>[Ss]ố[ \t]*:?[ \t]*)?$")
# a number followed by these is an amount or a duration: "Kế hoạch 5 năm", "Chương trình 135 xã"
_AMOUNT_AFTER = re.compile(r"[ \t]*(?:năm|tháng|ngày|tuần|giờ|người|hộ|xã|phường|huyện|tỉnh|"
                           r"điểm|nội dung|nhiệm vụ|mục|điều|khoản|%|triệu|tỷ|nghìn|đồng|lần|"
                           r"bước|giải pháp|dự án|công trình|km|ha|m)\b")
# short re-mentions without "số" stand alone only for these types (commonly cited by number)
_SHORT_TYPES = {"Nghị quyết", "Nghị định", "Chỉ thị", "Quyết định", "Thông tư", "Công điện"}
_CODE_BY_TYPE = {}
for _code, _words in DOC_TYPES.items():
    _CODE_BY_TYPE.setdefault(_words, _code)


def _bare_numbers(text: str, found: list[Span], org_at) -> list[Span]:
    taken = [(d.start, d.end) for d in found]
    full_by_type_number = {}
    for d in found:
        if d.attrs.get("number") and d.attrs.get("doc_type"):
            full_by_type_number.setdefault((fold(d.attrs["doc_type"]), d.attrs["number"]), d)
    out = []
    for num in _BARE_NUM.finditer(text):
        m = _BARE_PREFIX.search(text, max(0, num.start() - _PREFIX_WINDOW), num.start())
        if m is None:
            continue
        s, e = m.start(), num.end()
        if any(a < e and s < b for a, b in taken):
            continue
        if _AMOUNT_AFTER.match(text, e):
            continue
        if m.start("words") > 0 and text[m.start("words") - 1] in "“\"":
            continue
        doc_type = _TYPE_BY_WORDS.get(fold(m["words"]), m["words"])
        doc_type = doc_type[0].upper() + doc_type[1:]
        number = num["n"].lstrip("0") or "0"
        full = full_by_type_number.get((fold(doc_type), num["n"])) or \
            full_by_type_number.get((fold(doc_type), number))
        if full is None and not m["so"] and doc_type not in _SHORT_TYPES:
            continue
        if not m["so"] and not m["words"][0].isupper():
            continue  # "quyết định 3": a verb and a number
        attrs = {"doc_type": doc_type, "type_code": _CODE_BY_TYPE.get(doc_type),
                 "number": num["n"], "year": None, "issuer_code": None, "partial": True}
        value = f"{doc_type} số {num['n']}"
        if full is not None:
            # "Chỉ thị 25" after "Chỉ thị số 25-CT/TW": the same document
            value = full.value
            attrs = dict(full.attrs)
            attrs["refers_to"] = full.value
        else:
            _tail(text, e, attrs, org_at)
        out.append(Span(s, e, value, attrs))
    return out


def _link_short_mentions(docs: list[Span]) -> None:
    """A yearless law ("Luật Đất đai") takes the year of the same law cited with its year in
    the same text; partial numbers are linked by :func:`_bare_numbers`."""
    years: dict[str, Span] = {}
    for d in docs:
        if d.attrs.get("name") and d.attrs.get("year") and not d.attrs.get("number"):
            years.setdefault(d.attrs["name"], d)
    for d in docs:
        name = d.attrs.get("name")
        if name and not d.attrs.get("number") and not d.attrs.get("year") and name in years:
            full = years[name]
            d.attrs["year"] = full.attrs["year"]
            d.attrs["refers_to"] = full.value
            d.value = full.value


# the date and the issuer written before the number, in the same sentence: "Ngày 20/9, UBND
# Thành phố ban hành Kế hoạch số 170/KH-UBND"
_SENTENCE_BREAK = re.compile(r"[.;!?](?=\s)|\n")
_ISSUED_BEFORE = re.compile(r"[ \t]+(?:(?:đã|vừa|mới)[ \t]+)?(?:ký[ \t]+)?(?:ban hành|phát hành|"
                            r"có|gửi|ra)[ \t]+$")
_DATE_BEFORE = re.compile(r"(?:^|[\s,(])(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa)[ \t]+"
                          r"(?:ngày[ \t]+)?(?P<d>[0-3]?\d)[ \t]*[/.\-][ \t]*(?P<m>[01]?\d)"
                          r"(?:[ \t]*[/.\-][ \t]*(?P<y>(?:19|20)\d\d))?[ \t]*,?[ \t]*$")
_BEFORE_WINDOW = 160


def _before(text: str, d: Span, org_before) -> None:
    if d.attrs.get("issuer") and d.attrs.get("date"):
        return
    lo = max(0, d.start - _BEFORE_WINDOW)
    seg_start = lo
    for b in _SENTENCE_BREAK.finditer(text, lo, d.start):
        seg_start = b.end()
    before = text[seg_start:d.start]
    v = _ISSUED_BEFORE.search(before)
    if not v:
        return
    who_end = seg_start + v.start()
    who_start = org_before(who_end) if org_before else None
    if who_start is None or who_start < seg_start:
        return
    if "issuer" not in d.attrs:
        d.attrs["issuer"] = text[who_start:who_end]
        d.attrs["issuer_before"] = True
    dm = _DATE_BEFORE.search(text, seg_start, who_start)
    if dm and "date" not in d.attrs:
        day, month = int(dm["d"]), int(dm["m"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            d.attrs["date"] = f"{int(dm['y']):04d}-{month:02d}-{day:02d}" if dm["y"] else \
                f"--{month:02d}-{day:02d}"


def _resolve_date(attrs: dict, pub) -> None:
    """A document date written without its year ("ngày 20/9") takes the year from the
    publish date (the closest of the year before, that year and the next)."""
    date = attrs.get("date")
    if not date or not date.startswith("--"):
        return
    month, day = int(date[2:4]), int(date[5:7])
    year = infer_year(month, day, pub)
    if year is None:
        return
    # a document is issued before it is cited: never a date after the publish date
    if pub is not None and (year, month, day) > (pub.year, pub.month, pub.day):
        year -= 1
    attrs["date"] = f"{year:04d}-{month:02d}-{day:02d}"
    attrs["date_inferred_year"] = True


def _infer_doc_year(attrs: dict, pub) -> None:
    """The year of a document: from its number, else from its date in the text, else (flagged
    ``year_inferred``) the year of the publish date: local bodies restart numbering every
    year, so a yearless "01/CT-UBND" never joins the ones of other years."""
    if attrs.get("year") or (attrs.get("name") and not attrs.get("number")):
        return  # a law by name has a year only when the text gives it
    date = attrs.get("date")
    if date and not date.startswith("--"):
        attrs["year"] = int(date[:4])
        if attrs.get("date_inferred_year"):
            attrs["year_inferred"] = True
    elif pub is not None:
        attrs["year"] = pub.year
        attrs["year_inferred"] = True


def _numbered(text: str, org_at) -> list[Span]:
    """Documents cited by their number (the three numbering forms)."""
    out: list[Span] = []
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
            elif (words or so) and len(first) >= 2 and first.isupper():
                type_code, issuer = first, None  # "Kết luận Thanh tra số 270/KLTTR"
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
        out.append(Span(start, end, canon, attrs))
    return out


def _tail(text: str, pos: int, attrs: dict, org_at) -> None:
    """Date ("ngày ..."), issuer ("của ...") and subject ("về ...") after a number, any order."""
    for _ in range(3):
        m = _DATE_AFTER.match(text, pos)
        if m and "date" not in attrs:
            d = int(m["d"])
            mo = int(m["m"] or m["m2"])
            y = m["y"] or m["y2"]
            if 1 <= mo <= 12 and 1 <= d <= 31:
                # without its year ("ngày 20/9") the year comes from the publish date later
                attrs["date"] = f"{int(y):04d}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}"
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
            if len(subj) > MAX_SUBJECT_CHARS:
                cut_at = subj.rfind(",", 0, MAX_SUBJECT_CHARS)
                if cut_at < MAX_SUBJECT_CHARS // 2:
                    cut_at = subj.rfind(" ", 0, MAX_SUBJECT_CHARS)
                subj = subj[:cut_at].rstrip(" ,")
                attrs["subject_cut"] = True  # longer than a subject: cut, and said so
            if subj:
                attrs["subject"] = subj
            break
        break
