"""The Wayback Machine as a source: list a domain's captures through the CDX API, keep one
capture per URL key that looks like an article, and fetch its original bytes (``id_`` URLs).

Library code only (no network here): the Scrapy spider in crawler.spiders.wayback builds its
requests with :func:`cdx_url` and :func:`capture_url` and reads answers with :func:`parse_cdx`.

CDX API (https://github.com/internetarchive/wayback/tree/master/wayback-cdx-server): a JSON
answer is a list of rows whose first row names the fields; with ``showResumeKey=true`` and a
``limit``, a page that stops early ends with an empty row and a row holding the resume key to
pass as ``resumeKey`` for the next page.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlencode, urlsplit

from crawler.errors import VnnewsError
from crawler.records import utc_iso

__all__ = ["Capture", "cdx_url", "parse_cdx", "capture_url", "parse_replay_url", "capture_time", "memento_time",
           "select_captures",
           "is_article_url", "CDX_FIELDS", "DEFAULT_CDX_URL", "DEFAULT_WAYBACK_URL",
           "CDX_PAGE_SIZE"]

DEFAULT_CDX_URL = "https://web.archive.org/cdx/search/cdx"
DEFAULT_WAYBACK_URL = "https://web.archive.org/web/"
CDX_FIELDS = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest")
# Rows per CDX request: the public server answers 5,000 rows in a few seconds; smaller pages
# make a killed crawl lose less, larger ones mean fewer requests.
CDX_PAGE_SIZE = 5000

# Article URL shapes of the platforms district portals ran on (see portals.md), used when a
# source gives no article_patterns of its own.
PLATFORM_ARTICLE_PATTERNS = (
    r"/-/view_content/\d+",  # Liferay 6: /vi/{category}/-/view_content/{id}-{slug}
    r"/web/[^/]+/-/[^/?#]+",  # Liferay 7 / DXP (Ho Chi Minh City)
    r"[?&](?:ItemID|news_id|NewsID|id)=\d+",  # SharePoint / ASP.NET: post.aspx?ItemID=651
    r"/SiteAssets/Lists/NewsList/",  # SharePoint news lists
    r"-\d{14,19}\.html?$",  # Hanoi's 2025 platform: /{category}/{slug}-{id}.htm
    r"/[a-z0-9-]+-\d{4,}\.html?$",  # vendor portals: /tin-tuc/{slug}-{id}.html
)
# Views that repeat an article stored elsewhere: never fetched from the archive.
DUPLICATE_VIEWS = (r"/-/view_content/pop_up/", r"[?&](?:print|in)=")
HTML_TYPES = ("text/html", "application/xhtml+xml", "unk", "")


@dataclass(frozen=True)
class Capture:
    """One row of a CDX index."""

    urlkey: str
    timestamp: str  # 14 digits, UTC: 20160513170500
    original: str  # the URL the archive fetched
    mimetype: str = ""
    statuscode: str = ""
    digest: str = ""


def cdx_url(base: str, domain: str, from_: str | int | None = None,
            to: str | int | None = None, resume_key: str | None = None,
            limit: int = CDX_PAGE_SIZE) -> str:
    """The CDX query listing every successful capture under ``domain``, one per URL key.
    ``*.host`` also lists the host's subdomains (commune sites: {commune}.{district}.hanoi...)."""
    if domain.startswith("*."):
        where = [("url", domain[2:]), ("matchType", "domain")]
    else:
        where = [("url", f"{domain}/*")]
    params = [*where, ("output", "json"), ("fl", ",".join(CDX_FIELDS)),
              ("filter", "statuscode:200"), ("collapse", "urlkey")]
    if from_:
        params.append(("from", str(from_)))
    if to:
        params.append(("to", str(to)))
    params += [("limit", str(limit)), ("showResumeKey", "true")]
    if resume_key:
        params.append(("resumeKey", resume_key))
    return f"{base}?{urlencode(params, safe='/*:,')}"


def parse_cdx(text: str | bytes) -> tuple[list[Capture], str | None]:
    """Rows of a CDX JSON answer and the resume key for the next page (None on the last page).

    Raises VnnewsError when the answer is not a CDX JSON index."""
    try:
        rows = json.loads(text or "[]")
    except ValueError:
        raise VnnewsError("the CDX server did not answer JSON (is cdx_url right?)") from None
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise VnnewsError("the CDX answer is not a list of rows (is cdx_url right?)")
    if not rows:
        return [], None
    resume_key = None
    if len(rows) >= 2 and rows[-2] == [] and len(rows[-1]) == 1:
        resume_key = rows[-1][0]
        rows = rows[:-2]
    header, body = rows[0], [r for r in rows[1:] if r]
    if "original" not in header or "timestamp" not in header:
        raise VnnewsError(f"the CDX answer has no original/timestamp fields: {header}")
    index = {name: header.index(name) for name in CDX_FIELDS if name in header}
    captures = []
    for row in body:
        values = {name: row[i] if i < len(row) else "" for name, i in index.items()}
        values.setdefault("urlkey", values["original"])
        captures.append(Capture(**values))
    return captures, resume_key


# A replay of a capture's original bytes: {replay prefix}/{14-digit timestamp}id_/{original URL}
_REPLAY = re.compile(r"/(\d{14})id_/(https?://.+)$")


def capture_url(wayback: str, capture: Capture) -> str:
    """The capture's original bytes, without the archive's banner or rewritten links."""
    return f"{wayback.rstrip('/')}/{capture.timestamp}id_/{capture.original}"


def parse_replay_url(url: str) -> tuple[str, str] | None:
    """(timestamp, original URL) of a replay URL made by :func:`capture_url`, else None."""
    found = _REPLAY.search(url)
    return (found.group(1), found.group(2)) if found else None


def capture_time(timestamp: str) -> str:
    """A 14-digit Wayback timestamp (shorter ones are padded) → ISO 8601 UTC."""
    ts = re.sub(r"\D", "", timestamp)[:14]
    ts += "00000101000000"[len(ts):]  # a missing month or day is the first
    return f"{ts[:4]}-{ts[4:6]}-{ts[6:8]}T{ts[8:10]}:{ts[10:12]}:{ts[12:14]}Z"


def memento_time(value: str | None) -> str | None:
    """A Memento-Datetime header (RFC 1123: "Sat, 09 Jan 2016 07:15:00 GMT") → ISO 8601 UTC."""
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return utc_iso(parsed)


def _matches(url: str, patterns) -> bool:
    return any(re.search(p, url) for p in patterns)


def is_article_url(url: str, article_patterns=(), listing_patterns=()) -> bool:
    """True when ``url`` should be fetched: an article (the source's patterns, else the known
    platform shapes) or a listing the source asks for, and not a print/pop-up duplicate."""
    if _matches(url, DUPLICATE_VIEWS):
        return False
    if _matches(url, listing_patterns):
        return True
    return _matches(url, article_patterns or PLATFORM_ARTICLE_PATTERNS)


def select_captures(captures, article_patterns=(), listing_patterns=(),
                    seen: set[str] | None = None) -> list[Capture]:
    """The captures worth fetching: status 200, HTML, one per URL key (the first listed, as
    ``collapse=urlkey`` does), article or wanted listing URLs. ``seen`` carries the URL keys
    already taken across CDX pages and is updated."""
    seen = set() if seen is None else seen
    chosen = []
    for capture in captures:
        if capture.statuscode not in ("200", "") or capture.urlkey in seen:
            continue
        if capture.mimetype.split(";")[0].strip().lower() not in HTML_TYPES:
            continue
        if urlsplit(capture.original).scheme not in ("http", "https"):
            continue
        if not is_article_url(capture.original, article_patterns, listing_patterns):
            continue
        seen.add(capture.urlkey)
        chosen.append(capture)
    return chosen
