"""Publish dates as Vietnamese portals write them, and as meta tags / JSON-LD carry them.

Every form in ``shared/reference/portals.md`` is covered: a day-first date (``08/10/2018``,
``8-10-2018``, ``08.10.2018``, ``ngày 8 tháng 10 năm 2018``) with an optional time before or after it,
12- or 24-hour (``5:05 PM``, ``15:54``, ``10h30``), an optional weekday prefix (``Thứ Ba,``) and
separators ``|``, ``-``, ``,``. Results are ISO 8601 local time with minute precision
(``2018-10-08T15:54``), or just the day (``2012-12-26``) when the page gives no time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

__all__ = ["DateHit", "date_from_url", "find_dates", "parse_date_text", "parse_iso_datetime", "LOCAL_TZ"]

LOCAL_TZ = timezone(timedelta(hours=7))  # Vietnam, no daylight saving

# Plausible publication years: portals started in the late 1990s; anything else is a number, not a date.
MIN_YEAR, MAX_YEAR = 1995, 2100

# How far (in characters) a time may sit from its date: "08/10/2018 | 15:54", "15:55 | 10/07/2026".
TIME_WINDOW = 34

_NUMERIC_DATE = re.compile(
    r"(?<![\d/.-])(?P<d>\d{1,2})\s?(?P<s>[/.-])\s?(?P<m>\d{1,2})\s?(?P=s)\s?(?P<y>\d{4})(?![\d/])"
)
# Day, month and year separated by spaces only ("Thứ Năm, 08 08 2019 08:52", some themes' date
# format "d m Y"): taken only after a weekday or a date label, or alone at the start of a text,
# where three numbers can mean nothing else.
_SPACED_DATE = re.compile(r"(?<![\d/.,-])(?P<d>\d{1,2}) (?P<m>\d{1,2}) (?P<y>\d{4})(?![\d/.,])")
_SPACED_CONTEXT = re.compile(
    r"(?:(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|ngày(?:\s*đăng)?|đăng\s*ngày|cập\s*nhật(?:\s*lúc)?|"
    r"xuất\s*bản|posted|published|updated|mon|tue|wed|thu|fri|sat|sun)[a-z]*\s*[,:|\-–—]?\s*|^[\s|\-–—:]*)$", re.I)
# A two-digit year ("05/04/21", Liferay 6.2's short publish date in Vietnamese): read only when
# the text is that date alone (with its time and labels), where it can be nothing else.
_SHORT_YEAR_DATE = re.compile(r"(?<![\d/.-])(?P<d>\d{1,2})(?P<s>[/.-])(?P<m>\d{1,2})(?P=s)(?P<y>\d{2})(?![\d/.-])")
SHORT_YEAR_TEXT_MAX_CHARS = 40
# Year-first dates written on the page ("2018-10-08 15:54:00"): unambiguous, so accepted too.
_ISO_TEXT_DATE = re.compile(r"(?<![\d/.-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d/-])")
# "ngày 8 tháng 10 năm 2018", the Joomla/K2 localisation "08 Tháng 10 2018" and the moment.js /
# CLDR short form "15 thg 3, 2018".
_WORD_DATE = re.compile(
    r"(?:ngày\s+)?(?<!\d)(?P<d>\d{1,2})\s+(?:tháng|thg)\s+(?P<m>\d{1,2})\s*(?:,\s*|\s+)(?:năm\s+)?(?P<y>\d{4})(?!\d)", re.I
)
# English copies of portals (/en/) and English-locale CMSs: "June 5, 2019", "5 June 2019",
# "Jun 5, 2019", with an optional weekday before and a time after.
_EN_MONTHS = {m: i for i, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")], 1) for m in names}
_EN_MONTH = r"(?P<mn>" + "|".join(sorted(_EN_MONTHS, key=len, reverse=True)) + r")\.?"
_EN_DATE = re.compile(
    r"(?<![\w])(?:" + _EN_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+" + _EN_MONTH.replace("mn", "mn2") + r",?\s+(?P<y2>\d{4}))(?!\d)", re.I
)
_TIME = r"(?P<H>\d{1,2})\s?(?::|h|giờ)\s?(?P<M>\d{2})(?::\d{2})?(?:\s?(?P<ap>[AaPp]\.?\s?[Mm]\.?|SA|CH)(?![\w]))?"
_TIME_AFTER = re.compile(r"^\s*(?:[|,\-–—]|lúc|vào lúc)?\s*(?:lúc\s*)?" + _TIME)
_TIME_BEFORE = re.compile(
    _TIME + r"\s*(?:[|,\-–—]|ngày)?\s*(?:(?:thứ\s*\w+|chủ\s*nhật)\s*[,|\-–—]?\s*)?(?:ngày\s*)?$", re.I
)

# Labels that mark the publication date among several dates ("Ngày đăng", "Cập nhật", ...).
_PUBLISH_LABEL = re.compile(r"(ngày\s*đăng|đăng\s*ngày|đăng\s*lúc|xuất\s*bản|ngày\s*tạo|posted|published)", re.I)
_UPDATE_LABEL = re.compile(r"(cập\s*nhật|sửa\s*đổi|updated|modified)", re.I)


_EN_HINT = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)

# Dates in the address: WordPress-style permalinks "/2020/03/15/slug/" (some themes print no date).
_URL_DATE = re.compile(r"/(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?:/|$)")


def date_from_url(url: str) -> str | None:
    """The day a "/yyyy/mm/dd/" path names (ISO, day precision), or None."""
    from urllib.parse import urlsplit

    path = urlsplit(url or "").path
    if path.startswith("/web/"):  # a Wayback Machine address: read the archived page's own path
        path = urlsplit(path.split("/", 3)[-1]).path if path.count("/") >= 3 else ""
    m = _URL_DATE.search(path)
    if not m:
        return None
    try:
        day = datetime(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    return day.strftime("%Y-%m-%d") if MIN_YEAR <= day.year <= MAX_YEAR else None


@dataclass
class DateHit:
    """One date found in a text: its ISO value, whether it carried a time, where it was."""

    value: str
    has_time: bool
    start: int
    end: int
    labelled: bool = False  # preceded by "Ngày đăng" and the like
    update: bool = False  # preceded by "Cập nhật" and the like


def _to_24h(hour: int, ampm: str | None) -> int | None:
    if not ampm:
        return hour if 0 <= hour <= 23 else None
    ap = ampm.replace(".", "").replace(" ", "").upper()
    if not 1 <= hour <= 12:
        return None
    if ap in ("AM", "SA"):
        return 0 if hour == 12 else hour
    return 12 if hour == 12 else hour + 12


def _time_from(m: re.Match) -> tuple[int, int] | None:
    hour = _to_24h(int(m.group("H")), m.group("ap"))
    minute = int(m.group("M"))
    if hour is None or minute > 59:
        return None
    return hour, minute


def find_dates(text: str) -> list[DateHit]:
    """All day-first dates in ``text``, each with its neighbouring time when there is one."""
    hits: list[DateHit] = []
    matches = (list(_NUMERIC_DATE.finditer(text)) + list(_WORD_DATE.finditer(text))
               + list(_ISO_TEXT_DATE.finditer(text)))
    if len(text) <= SHORT_YEAR_TEXT_MAX_CHARS and not matches:
        short = list(_SHORT_YEAR_DATE.finditer(text))
        if len(short) == 1 and len(re.findall(r"\d+", text)) <= 5:
            matches += short
    if " " in text:
        matches += [m for m in _SPACED_DATE.finditer(text)
                    if _SPACED_CONTEXT.search(text[max(0, m.start() - 30):m.start()])]
    if _EN_HINT.search(text):
        matches += list(_EN_DATE.finditer(text))
    for m in matches:
        try:
            if m.re is _EN_DATE:
                day, year = int(m.group("d") or m.group("d2")), int(m.group("y") or m.group("y2"))
                month = _EN_MONTHS[(m.group("mn") or m.group("mn2")).lower()]
            else:
                day, month, year = int(m.group("d")), int(m.group("m")), int(m.group("y"))
                if m.re is _SHORT_YEAR_DATE:
                    year += 2000 if year <= datetime.now().year % 100 + 1 else 1900
            if not MIN_YEAR <= year <= MAX_YEAR:
                continue
            date = datetime(year, month, day)
        except ValueError:
            continue
        start, end = m.start(), m.end()
        hm = None
        after = _TIME_AFTER.match(text[end:end + TIME_WINDOW].replace("T", " ", 1) if text[end:end + 1] == "T" else text[end:end + TIME_WINDOW])
        if after and _time_from(after):
            hm = _time_from(after)
            end += after.end()
        else:
            before_text = text[max(0, start - TIME_WINDOW):start]
            before = _TIME_BEFORE.search(before_text)
            if before and _time_from(before):
                hm = _time_from(before)
                start -= len(before_text) - before.start()
        if hm:
            value = date.replace(hour=hm[0], minute=hm[1]).strftime("%Y-%m-%dT%H:%M")
        else:
            value = date.strftime("%Y-%m-%d")
        prefix = text[max(0, start - 30):start]
        hits.append(DateHit(value, hm is not None, start, end,
                            labelled=bool(_PUBLISH_LABEL.search(prefix)),
                            update=bool(_UPDATE_LABEL.search(prefix))))
    hits.sort(key=lambda h: h.start)
    return hits


def parse_date_text(text: str) -> str | None:
    """The first date (with its time) written in ``text``, as ISO 8601 local time, or None.

    >>> parse_date_text("Ngày đăng 13/05/2016 | 5:05 PM | View count: 889")
    '2016-05-13T17:05'
    """
    hits = find_dates(text)
    return hits[0].value if hits else None


_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)


def parse_iso_datetime(value: str | None) -> str | None:
    """A meta-tag or JSON-LD datetime → local (UTC+7) ISO 8601 at minute precision.

    Values with an offset are converted to Vietnam time; values without one are taken as local.
    Day-first text values (some portals put "08/10/2018 15:54" in meta tags) are accepted too.
    """
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    m = _ISO.search(value)
    if not m:
        return parse_date_text(value)
    try:
        dt = datetime(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    if m.group("H") is None:
        return dt.strftime("%Y-%m-%d")
    try:
        dt = dt.replace(hour=int(m.group("H")), minute=int(m.group("M")))
    except ValueError:
        return None
    tz = m.group("tz")
    if tz:
        if tz == "Z":
            offset = timedelta(0)
        else:
            sign = 1 if tz[0] == "+" else -1
            digits = tz[1:].replace(":", "")
            offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        dt = (dt.replace(tzinfo=timezone(offset))).astimezone(LOCAL_TZ).replace(tzinfo=None)
    return dt.strftime("%Y-%m-%dT%H:%M")
