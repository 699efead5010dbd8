"""DATE mentions: a regular grammar over the normalised text.

Span conventions (the gold set follows them):
- The span covers the whole temporal expression including its own unit words: "ngày 18/8/2016",
  "ngày 18 tháng 8 năm 2016", "tháng 8/2016", "năm 2018", "quý III/2018",
  "6 tháng đầu năm 2018", "giai đoạn 2016-2020", "năm học 2018-2019".
- Words around it are not part of it: weekdays ("thứ Hai,"), parts of the day ("sáng", "chiều"),
  prepositions ("vào", "trong"); a bare numeric date "18/8/2016" is its own span.
- A range is one mention: "từ ngày 1/9 đến ngày 30/9/2018", "ngày 18 và 19/8/2018",
  "từ năm 2016 đến năm 2020" (value = start, attrs.end = end, granularity "period").

Values are ISO: "2016-08-18", "2016-08", "2018-Q3", "2018"; periods give their start as value and
their end in ``attrs["end"]`` ("6 tháng đầu năm 2018" → "2018-01" … "2018-06").

Never dates: bare numbers, durations ("14 ngày", "6 tháng"), "Covid-19", document numbers
(DOCREF spans win over dates), weekdays alone, times ("15:54").
"""
from __future__ import annotations

import datetime as _dt
import re

from .records import Span

__all__ = ["find_dates", "parse_published", "FAR_FROM_PUBLISHED_DAYS"]

# An event date this many days before (or twice as many after) the publish date is flagged
# ``far_from_published``: local-government news reports events of the past weeks; the seed
# article (published 2018-10-08) dates its event "27/8/2017", a typo for 2018 (407 days).
# Dates that belong to a cited document ("Kế hoạch ... ngày 18/8/2016") are never flagged.
FAR_FROM_PUBLISHED_DAYS = 180

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

_D = r"(?P<d>[0-3]?\d)"
_M = r"(?P<m>[01]?\d)"
_Y = r"(?P<y>(?:19|20)\d\d)"
_NB = r"(?<![\w/.\-–])"  # not glued to a preceding word or number
_NA = r"(?![\w/–]|[.\-]\d)"  # not followed by more number or word

_DASH = r"\s*[-–—]\s*"


def parse_published(published: str | None) -> _dt.date | None:
    """The date of an ISO publish date or datetime ("2018-10-08", "2018-10-08T15:54"); a
    date/datetime object is accepted too; anything else gives None."""
    if not published:
        return None
    if isinstance(published, (_dt.date, _dt.datetime)):
        return published if type(published) is _dt.date else published.date()
    if not isinstance(published, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", published)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _valid(y: int, m: int, d: int | None = None) -> bool:
    if not (1 <= m <= 12):
        return False
    if d is None:
        return True
    try:
        _dt.date(y, m, d)
        return True
    except ValueError:
        return False


def infer_year(m: int, d: int, pub: _dt.date | None) -> int | None:
    """Year of a day-month: the one of pub.year-1 … pub.year+1 closest to the publish date."""
    if pub is None:
        return None
    best = None
    for y in (pub.year, pub.year - 1, pub.year + 1):
        if not _valid(y, m, d):
            continue
        dist = abs((_dt.date(y, m, d) - pub).days)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else None


def _infer_year_month(m: int, pub: _dt.date | None) -> int | None:
    if pub is None:
        return None
    return infer_year(m, 15 if m != pub.month else pub.day, pub)


def _iso(y: int | None, m: int | None = None, d: int | None = None) -> str:
    """ISO 8601; without a year (no publish date to take it from) the truncated forms
    "--MM-DD" and "--MM"."""
    if y is None:
        return f"--{m:02d}-{d:02d}" if d is not None else f"--{m:02d}"
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _last_day(y: int, m: int) -> int:
    nxt = _dt.date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - _dt.timedelta(days=1)).day


# --- the grammar ------------------------------------------------------------------------------
_NGAY = r"(?:ngày|Ngày|NGÀY)\s+(?:mùng\s+|mồng\s+)?"
_THANG = r"(?:tháng|Tháng|THÁNG)"
_NAM = r"(?:năm|Năm|NĂM)"

# day-month(-year) numeric with one separator kind
_DMY_NUM = _D + r"(?P<s>[/.\-])" + _M + r"(?:(?P=s)" + _Y + r")?"
_DMY_WORDS = _D + r"\s+" + _THANG + r"\s+" + _M + r"(?:\s*,?\s+" + _NAM + r"\s+" + _Y + r")?"

_PATTERNS: list[tuple[str, re.Pattern]] = []


def _p(name: str, pattern: str) -> None:
    _PATTERNS.append((name, re.compile(pattern)))


# ranges first (longest), then single expressions
# two full dates joined by a dash, spaces or not, are two dates (an anniversary, like the year
# pair below): "(21/6/1925-21/6/2020)", "(2/9/1945 - 2/9/2020)"
_p("date_pair",
   _NB + r"(?P<d1>[0-3]?\d)(?P<s1>[/.])(?P<m1>[01]?\d)(?P=s1)(?P<y1>(?:19|20)\d\d)\s*[-–—]\s*"
   r"(?P<d2>[0-3]?\d)(?P<s2>[/.])(?P<m2>[01]?\d)(?P=s2)(?P<y2>(?:19|20)\d\d)" + _NA)
# a list of days sharing one month: "ngày 06, 13, 20, 27/11/2012"
_p("list_day",
   r"(?:" + _NGAY + r")(?P<ds>(?:[0-3]?\d\s*,\s*)+[0-3]?\d\s*(?:,\s*|\s+và\s+))(?P<d>[0-3]?\d)"
   r"(?P<s>[/.\-])"
   r"(?P<m>[01]?\d)(?:(?P=s)(?P<y>(?:19|20)\d\d))?" + _NA)
_p("range_day",
   r"(?:[Tt]ừ\s+)?(?:" + _NGAY + r")?" + _NB + r"(?P<d1>[0-3]?\d)(?:(?P<s1>[/.\-])(?P<m1>[01]?\d)"
   r"(?:(?P=s1)(?P<y1>(?:19|20)\d\d))?)?"
   r"(?:\s+đến\s+(?:hết\s+)?(?:" + _NGAY + r")?|\s*[-–—]\s*|\s+và\s+|\s*,\s*)"
   r"(?<![\w/.])(?P<d2>[0-3]?\d)(?P<s2>[/.\-])(?P<m2>[01]?\d)(?:(?P=s2)(?P<y2>(?:19|20)\d\d))?" + _NA)
_p("range_month",
   r"(?:[Tt]ừ\s+)" + _THANG + r"\s+(?P<m1>[01]?\d)(?:\s*[/\-]\s*(?P<y1>(?:19|20)\d\d)|\s+" + _NAM
   + r"\s+(?P<y1b>(?:19|20)\d\d))?\s+(?:đến|tới)\s+(?:hết\s+)?" + _THANG + r"\s+(?P<m2>[01]?\d)"
   r"(?:\s*[/\-]\s*(?P<y2>(?:19|20)\d\d)|\s+" + _NAM + r"\s+(?P<y2b>(?:19|20)\d\d))?" + _NA)
_p("range_year",
   r"(?:(?:[Tt]ừ\s+)" + _NAM + r"\s+(?P<y1>(?:19|20)\d\d)\s+(?:đến|tới)\s+(?:hết\s+)?" + _NAM
   + r"\s+(?P<y2>(?:19|20)\d\d)"
   r"|(?P<kw>(?:[Gg]iai\s+đoạn|[Nn]hiệm\s+kỳ|[Nn]ăm\s+học|[Nn]iên\s+(?:khóa|học)|[Tt]hời\s+kỳ"
   r"|[Nn]ăm)\s+)"
   r"(?P<y1b>(?:19|20)\d\d)\s*[-–—/]\s*(?P<y2b>(?:19|20)\d\d))" + _NA)
_p("part_year",
   r"(?P<n>[1-9]|1[01])\s+" + _THANG + r"\s+(?P<pos>đầu|cuối|)\s*" + _NAM + r"\s+" + _Y + _NA)
_p("part_year2",
   r"(?P<n>[1-9]|1[01])\s+" + _THANG + r"\s+(?P<pos>đầu|cuối)\s+" + _NAM + r"(?!\s+\d)")
_p("dmy_words", r"(?:" + _NGAY + r")?" + _NB + _DMY_WORDS + _NA)
_p("dmy_num", r"(?:(?P<kw>" + _NGAY + r"))?" + _NB + _DMY_NUM + _NA)
_p("quarter",
   r"(?:[Qq]uý|QUÝ)\s+(?P<q>IV|I{1,3}|[1-4])(?:\s*[/\-]\s*" + _Y + r"|\s+" + _NAM + r"\s+"
   + _Y.replace("<y>", "<yb>") + r")?(?![\w/])")
_p("month",
   r"(?<!\d )" + _THANG + r"\s+" + _M + r"(?:\s*[/\-]\s*" + _Y + r"|\s*,?\s+" + _NAM + r"\s+"
   + _Y.replace("<y>", "<yb>") + r")?" + r"(?![\w/]|\s+(?:năm|tháng)\s+\d|[.\-]\d)")
_p("year", _NAM + r"\s+" + _Y + r"(?![\w/]|\s*[-–]\s*\d)")
# anniversaries in parentheses: "(1930 - 2016)" → two years
_p("year_pair", r"(?<=\()\s*(?P<y>1\d\d\d|20\d\d)\s*[-–]\s*(?P<y2>1\d\d\d|20\d\d)\s*(?=\))")

# a bare day-month without year needs a cue before it
_DM_CUE = re.compile(r"(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|từ|đến|tới|vào|hạn|trước|sau|dịp|"
                     r"khánh|đợt|lễ|mùng|mồng|niệm)\s+$", re.IGNORECASE)
_TODAY_PAREN = re.compile(r"(?:nay|qua|mai)\s*\(\s*$", re.IGNORECASE)  # "sáng nay (5/9)"
_PART_OF_DAY = re.compile(r"(?:sáng|chiều|tối|trưa|đêm|ngày)\s+$", re.IGNORECASE)
# "ngày 21/4 hàng năm", "trước ngày 25/11 của năm": a date that comes back every year
_RECURRING_AFTER = re.compile(r"\s*,?\s*(?:(?:hàng|hằng|mỗi)\s+năm|của\s+(?:mỗi\s+|hàng\s+|hằng\s+)?"
                              r"năm(?!\s+(?:19|20)\d\d)(?!\s+(?:nay|qua|sau|trước|tới|học)))")
# after a cue, a dash date is a date unless an amount follows: "kỷ niệm 24-7" (but "từ 2-3 ngày")
_AMOUNT_AFTER = re.compile(r"\s*(?:ngày|tháng|năm|giờ|tuần|người|lần|phút|%|triệu|tỷ|km|m\b|ha\b|"
                           r"bàn|điểm|hộ|xe|tầng|cây|con|suất|chiếc|cái|mét)")
_DOC_CUE = re.compile(r"(?:/[A-ZĐ][\w\-]*|[A-ZĐ]{2,}[\w\-]*)\s+$")


def _headline_date(m: re.Match, text: str) -> bool:
    """"20/11: Thầy cô vùng cao ...": a day-month opening a line and followed by a colon."""
    return (m.start() == 0 or text[m.start() - 1] == "\n") and \
        text[m.end():m.end() + 2].lstrip(" ").startswith(":")


def _hit_dmy_num(m: re.Match, text: str, pub):
    d, mo, y = int(m["d"]), int(m["m"]), m["y"]
    attrs = {"granularity": "day"}
    if y is None:
        # "26/7" needs "ngày"/a cue; otherwise it may be a score, a ratio, a number
        alone_in_parens = text[max(0, m.start() - 1):m.start()] == "(" and \
            text[m.end():m.end() + 1] == ")"  # "Hội nghị tổng kết (15-9)"
        if not m["kw"] and not _DM_CUE.search(text, max(0, m.start() - 12), m.start()) and \
                not _TODAY_PAREN.search(text, max(0, m.start() - 12), m.start()) and \
                not _headline_date(m, text) and not alone_in_parens:
            return None
        if m["s"] != "/" and not m["kw"] and not _PART_OF_DAY.search(
                text, max(0, m.start() - 8), m.start()):
            # "chiều 20-10", "kỷ niệm 24-7", "(24-7)" are dates; a bare "20-10" may be a score
            dash_date = m["s"] == "-" and not _AMOUNT_AFTER.match(text, m.end()) and (
                _DM_CUE.search(text, max(0, m.start() - 12), m.start()) or alone_in_parens)
            if not dash_date:
                return None
        if _RECURRING_AFTER.match(text, m.end()):
            if not _valid(2000, mo, d):
                return None
            return _iso(None, mo, d), {"granularity": "day", "recurring": True}
        yi = infer_year(mo, d, pub)
        if yi is not None:
            attrs["inferred_year"] = True
        if not _valid(yi or 2000, mo, d):
            return None
        return _iso(yi, mo, d), attrs
    yi = int(y)
    if not _valid(yi, mo, d):
        return None
    return _iso(yi, mo, d), attrs


def _hit_dmy_words(m: re.Match, text: str, pub):
    d, mo = int(m["d"]), int(m["m"])
    attrs = {"granularity": "day"}
    if m["y"]:
        yi = int(m["y"])
    elif _RECURRING_AFTER.match(text, m.end()):
        if not _valid(2000, mo, d):
            return None
        return _iso(None, mo, d), {"granularity": "day", "recurring": True}
    else:
        yi = infer_year(mo, d, pub)
        if yi is not None:
            attrs["inferred_year"] = True
    if not _valid(yi or 2000, mo, d):
        return None
    return _iso(yi, mo, d), attrs


def _hit_month(m: re.Match, text: str, pub):
    mo = int(m["m"])
    if not 1 <= mo <= 12:
        return None
    attrs = {"granularity": "month"}
    if m["y"] or m["yb"]:
        yi = int(m["y"] or m["yb"])
    elif _RECURRING_AFTER.match(text, m.end()):
        return _iso(None, mo), {"granularity": "month", "recurring": True}
    else:
        yi = _infer_year_month(mo, pub)
        if yi is not None:
            attrs["inferred_year"] = True
    return _iso(yi, mo), attrs


def _hit_year(m: re.Match, text: str, pub):
    return m["y"], {"granularity": "year"}


def _hit_quarter(m: re.Match, text: str, pub):
    q = m["q"].lower()
    qn = _ROMAN.get(q) or int(q)
    attrs = {"granularity": "quarter"}
    if m["y"] or m["yb"]:
        yi = int(m["y"] or m["yb"])
    elif pub is not None:
        yi = pub.year
        attrs["inferred_year"] = True
    else:
        yi = None
    attrs["quarter"] = qn
    if not yi:
        return None, attrs  # "quý III" with no year anywhere: the quarter is in attrs
    attrs["end"] = _iso(yi, qn * 3, _last_day(yi, qn * 3))
    return f"{yi:04d}-Q{qn}", attrs


def _hit_part_year(m: re.Match, text: str, pub):
    n = int(m["n"])
    if m.groupdict().get("y"):
        yi = int(m["y"])
        attrs = {"granularity": "period"}
    elif pub is not None:
        yi = pub.year
        attrs = {"granularity": "period", "inferred_year": True}
    else:
        return None
    if m["pos"] == "cuối":
        first, last = 13 - n, 12
    else:
        first, last = 1, n
    attrs["end"] = _iso(yi, last)
    return _iso(yi, first), attrs


def _hit_range_year(m: re.Match, text: str, pub):
    y1 = int(m["y1"] or m["y1b"])
    y2 = int(m["y2"] or m["y2b"])
    if not (y1 < y2 <= y1 + 30):
        return None
    return f"{y1:04d}", {"granularity": "period", "end": f"{y2:04d}"}


def _hit_range_month(m: re.Match, text: str, pub):
    m1, m2 = int(m["m1"]), int(m["m2"])
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12):
        return None
    y2 = m["y2"] or m["y2b"]
    y1 = m["y1"] or m["y1b"]
    attrs = {"granularity": "period"}
    if y2 is None:
        y2i = _infer_year_month(m2, pub)
        if y2i is not None:
            attrs["inferred_year"] = True
    else:
        y2i = int(y2)
    y1i = int(y1) if y1 else (y2i - (m1 > m2) if y2i else None)
    attrs["end"] = _iso(y2i, m2)
    return _iso(y1i, m1), attrs


def _hit_range_day(m: re.Match, text: str, pub):
    d1, d2, m2 = int(m["d1"]), int(m["d2"]), int(m["m2"])
    m1 = int(m["m1"]) if m["m1"] else m2
    # a plain "18 - 19/8" without "ngày"/"từ" is too ambiguous
    head = text[m.start():m.start("d1")]
    if not head.strip():
        if not _DM_CUE.search(text, max(0, m.start() - 12), m.start()):
            return None
    attrs = {"granularity": "period"}
    if m["y2"]:
        y2 = int(m["y2"])
    else:
        # without a year anywhere, the second part still needs a separator-free context
        y2 = infer_year(m2, d2, pub)
        if y2 is not None:
            attrs["inferred_year"] = True
    y1 = int(m["y1"]) if m["y1"] else (y2 - ((m1, d1) > (m2, d2)) if y2 else None)
    if not _valid(y1 or 2000, m1, d1) or not _valid(y2 or 2000, m2, d2):
        return None
    if y1 and y2 and _dt.date(y1, m1, d1) >= _dt.date(y2, m2, d2):
        return None
    attrs["end"] = _iso(y2, m2, d2)
    return _iso(y1, m1, d1), attrs


def _date_pair(m: re.Match) -> list[Span] | None:
    """The two dates of "21/6/1925-21/6/2020", each a mention of its own."""
    y1, m1, d1 = int(m["y1"]), int(m["m1"]), int(m["d1"])
    y2, m2, d2 = int(m["y2"]), int(m["m2"]), int(m["d2"])
    if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
        return None
    if _dt.date(y1, m1, d1) >= _dt.date(y2, m2, d2):
        return None
    return [Span(m.start("d1"), m.end("y1"), _iso(y1, m1, d1), {"granularity": "day"}),
            Span(m.start("d2"), m.end("y2"), _iso(y2, m2, d2), {"granularity": "day"})]


def _hit_list_day(m: re.Match, text: str, pub):
    """Several days of one month: value the first, ``attrs["dates"]`` all, ``end`` the last."""
    mo = int(m["m"])
    days = [int(x) for x in re.findall(r"\d+", m["ds"])] + [int(m["d"])]
    if days != sorted(set(days)):
        return None
    attrs = {"granularity": "list"}
    if m["y"]:
        yi = int(m["y"])
    else:
        yi = infer_year(mo, days[-1], pub)
        if yi is not None:
            attrs["inferred_year"] = True
    if not all(_valid(yi or 2000, mo, d) for d in days):
        return None
    attrs["dates"] = [_iso(yi, mo, d) for d in days]
    attrs["end"] = attrs["dates"][-1]
    return attrs["dates"][0], attrs


_HANDLERS = {
    "date_pair": None,
    "list_day": _hit_list_day,
    "range_day": _hit_range_day,
    "range_month": _hit_range_month,
    "range_year": _hit_range_year,
    "part_year": _hit_part_year,
    "part_year2": _hit_part_year,
    "dmy_words": _hit_dmy_words,
    "dmy_num": _hit_dmy_num,
    "quarter": _hit_quarter,
    "month": _hit_month,
    "year": _hit_year,
    "year_pair": None,
}
_DURATION_BEFORE = re.compile(r"(?<![\w:.])\d{1,3} $")  # "2 ngày", not "6h30 ngày"
_LUNAR_BEFORE = re.compile(r"(?:tức|Tức)\s+(?:ngày\s+)?$")
_LUNAR_AFTER = re.compile(
    r"\s*(?:âm lịch|AL\b|\(âm lịch\)|(?:,\s*)?năm\s+(?:Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý)"
    r"\s+(?:Tý|Sửu|Dần|Mão|Thìn|Tỵ|Tị|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi))")

_QUICK = re.compile(r"\d")


def find_dates(text: str, published: str | None = None, blocked: list[tuple[int, int]] = ()
               ) -> list[Span]:
    """All DATE spans of the normalised ``text`` (offsets into it), longest match wins.

    ``blocked`` spans (document numbers) never yield a date.
    """
    if not _QUICK.search(text):
        return []
    pub = parse_published(published)
    # One flag per character of what is taken: an overlap test costs the span's length, not
    # the number of dates found so far (a list of spans made long texts quadratic).
    taken = bytearray(len(text))
    for ts, te in blocked:
        taken[ts:te] = b"\x01" * len(taken[ts:te])
    out: list[Span] = []
    for name, rx in _PATTERNS:
        handler = _HANDLERS[name]
        for m in rx.finditer(text):
            s, e = m.span()
            if name == "date_pair":
                pair = _date_pair(m)
                if pair and taken.find(1, s, e) < 0:
                    out.extend(pair)
                    taken[s:e] = b"\x01" * (e - s)
                continue
            if handler is None:  # year pair: two year mentions
                y1, y2 = int(m["y"]), int(m["y2"])
                if y1 < y2 and taken.find(1, s, e) < 0:
                    for g in ("y", "y2"):
                        out.append(Span(m.start(g), m.end(g), m[g], {"granularity": "year"}))
                    taken[s:e] = b"\x01" * (e - s)
                continue
            if taken.find(1, s, e) >= 0:
                continue
            # "Covid-19", "QĐ-12/..."; a letter glued before the first digit
            if s > 0 and text[s - 1] in "-–/" and s > 1 and text[s - 2].isalnum():
                continue
            if _LUNAR_BEFORE.search(text, max(0, s - 6), s) or _LUNAR_AFTER.match(text, e):
                continue  # "(tức 23 tháng 2 năm Giáp Thìn)", "15/8 âm lịch": lunar calendar
            res = handler(m, text, pub)
            if res is None:
                continue
            value, attrs = res
            # "2 ngày 25 và 26/3": "ngày" belongs to the duration "2 ngày"
            if text.startswith(("ngày ", "Ngày "), s) and _DURATION_BEFORE.search(
                    text, max(0, s - 8), s):
                s += 5
            out.append(Span(s, e, value, attrs))
            taken[s:e] = b"\x01" * (e - s)
    out.sort(key=lambda d: d.start)
    for d in out:
        _flag_far(d, text, pub)
    return out


def _flag_far(d: Span, text: str, pub) -> None:
    if pub is None or d.attrs.get("granularity") != "day" or d.attrs.get("inferred_year"):
        return
    try:
        when = _dt.date.fromisoformat(d.value)
    except ValueError:
        return
    # a date right after a document reference is the document's date, not an event's
    if _DOC_CUE.search(text, max(0, d.start - 40), d.start):
        return
    delta = (when - pub).days
    if delta < -FAR_FROM_PUBLISHED_DAYS or delta > 2 * FAR_FROM_PUBLISHED_DAYS:
        d.attrs["far_from_published"] = True
