"""Which URLs the crawler follows from a fetched page, a sitemap, a feed or robots.txt.

Every URL found is (1) made canonical (crawler.urls), (2) kept only inside the source's host
and base path, matching its ``allow`` and none of its ``deny`` patterns, and (3) dropped when
it is a crawler trap: search results, calendars, endless parameter combinations, over-long
URLs, repeating path segments, portlet actions. Trap rules need evidence, not a parameter's
name: a search field with words in it (Liferay's listings carry their empty search fields in
every page link), a calendar walking past plausible dates or through more than
MAX_CALENDAR_DATES dates. A URL matching the source's ``allow`` patterns is never a trap.

Nothing is dropped silently: :func:`link_verdict` says why a URL is skipped, LinkLedger
counts every link a crawl found by verdict (the crawl's summary and ``crawls`` table), and
:func:`explain` answers ``vnnews crawl --explain URL``.

Listings are found by following links ("Tiếp", "Cuối cùng", page numbers) and, for portlet
page counters (``..._cur=N``, ``page=N``), by filling in every page number up to the highest
one linked, since portals often show only a window of page numbers or a dropdown.
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from crawler.scope import allowed, deny_pattern, in_scope, scope_prefix, scope_reason
from crawler.sources import Source
from crawler.urls import canonical_url, url_key

__all__ = ["links_to_follow", "in_scope", "trap_reason", "sitemap_links", "feed_links",
           "robots_sitemaps", "feed_urls", "link_verdict", "link_scope", "found_links",
           "explain", "LinkLedger", "MAX_URL_LENGTH", "MAX_QUERY_PARAMS", "MAX_LISTING_PAGES",
           "MAX_CALENDAR_DATES"]

# Real article and listing URLs of the portals we know stay under 300 characters (Liferay
# listing URLs with all portlet parameters are the longest, about 250); longer ones are
# parameter pile-ups.
MAX_URL_LENGTH = 400
# After session parameters are removed, a Liferay listing keeps p_p_id, _X_cur, _X_delta and
# perhaps a category: four. Eight leaves room; more is a combination trap (facets, sorts).
MAX_QUERY_PARAMS = 8
# A busy Liferay section has about 150 listing pages of 20 items; 1000 is a safe ceiling for
# filling in page numbers that were not linked.
MAX_LISTING_PAGES = 1000
# The same path segment three times (/a/b/a/b/a/) comes from relative links resolved wrongly.
MAX_SEGMENT_REPEATS = 2
# A calendar or date archive is followed through this many dates (two years of months, three
# weeks of days): a "next month" link goes on for ever. Archives by year alone are bounded by
# the plausible years and not counted.
MAX_CALENDAR_DATES = 24
# Dates before this year or after next year are a calendar walking out of the site's life.
FIRST_PLAUSIBLE_YEAR = 1990

# Parameters of search forms: results pages are endless and repeat the articles.
_SEARCH_PARAM = re.compile(r"(^|_)(q|query|keywords?|tukhoa|tu_khoa|search(text|key)?|kw|"
                           r"searchstring)$", re.IGNORECASE)
# Parameters that move a calendar or archive by date: every day is another page.
_DATE_PARAM = re.compile(r"(^|_)(day|month|year|date|week|ngay|thang|nam|tuan|"
                         r"fromdate|todate|tungay|denngay)$", re.IGNORECASE)
_DATE_VALUE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")
_YEAR_PARAM = re.compile(r"(^|_)(year|nam)$", re.IGNORECASE)
_YEAR_IN_VALUE = re.compile(r"(?<!\d)(\d{4})(?!\d)")
# Files that are no web page: documents and media are attachments, not pages to crawl.
_FILE_EXT = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip|rar|7z|gz|tar|jpe?g|png|gif|"
                       r"bmp|webp|svg|ico|mp3|mp4|avi|wmv|flv|mov|swf|exe|msi|apk|iso|css|js)$",
                       re.IGNORECASE)
_TRAP_PATH = re.compile(r"/(calendar|search|tim-kiem|timkiem|c/portal/(login|logout))(/|$)",
                        re.IGNORECASE)
# Portlet page counters: Liferay's _{portlet}_cur, and plain page / trang / pageindex.
_PAGE_PARAM = re.compile(r"(^|_)(cur|page|trang|pageindex|pagenum)$", re.IGNORECASE)
_SITEMAP_TEXT = re.compile(r"sơ đồ (cổng|trang|site|website)|site ?map", re.IGNORECASE)


# The scope rules' reasons (crawler.scope) as the link counts name them.
_LINK_SCOPE = {"another host": "out of scope", "outside the base path": "out of scope",
               "not matched by allow": "out of scope (matches no allow pattern)",
               "matched by deny": "denied"}


def link_scope(url: str, source: Source) -> str | None:
    """Why a link is outside the source ("not a web link", "out of scope", "denied"), or None."""
    why = scope_reason(url, source)
    if why is None:
        return None
    return _LINK_SCOPE.get(why, "not a web link")


def _this_year() -> int:
    return date.today().year


@lru_cache(maxsize=1 << 16)
def trap_reason(url: str) -> str | None:
    """Why ``url`` is a crawler trap, on the evidence of the URL alone, or None.

    Evidence, not names: a search parameter counts when it holds words, a date parameter when
    its date lies outside the site's plausible life (a calendar's "next" link run away); the
    number of dates one calendar goes through is counted by LinkLedger."""
    if len(url) > MAX_URL_LENGTH:
        return "URL too long"
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True)
    if _TRAP_PATH.search(parts.path):
        if "/c/portal/" in parts.path.lower():
            return "login page"
        if any(v.strip() for _n, v in params):
            return "search or calendar page with a query"
    segments = [s for s in parts.path.split("/") if s]
    if segments and max(segments.count(s) for s in set(segments)) > MAX_SEGMENT_REPEATS:
        return "repeating path segments"
    if len(params) > MAX_QUERY_PARAMS:
        return "too many query parameters"
    for name, value in params:
        if _SEARCH_PARAM.search(name) and value.strip():
            return "search results"
        if (_DATE_PARAM.search(name) or _DATE_VALUE.match(value)) and _implausible_date(name, value):
            return "calendar: date out of range"
        if name.lower() == "p_p_lifecycle" and value in ("1", "2"):
            return "portlet action or resource"
    return None


def _implausible_date(name: str, value: str) -> bool:
    years = [int(y) for y in _YEAR_IN_VALUE.findall(value)]
    if _YEAR_PARAM.search(name) and value.strip().isdigit():
        years = [int(value)]
    return any(y < FIRST_PLAUSIBLE_YEAR or y > _this_year() + 1 for y in years)


def calendar_template(url: str) -> tuple[str, str] | None:
    """(the URL without its date parameters, their values) for a calendar or date-archive URL,
    or None: LinkLedger counts how many dates one template walks through."""
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True)
    dated = [(n, v) for n, v in params if _DATE_PARAM.search(n) or _DATE_VALUE.match(v)]
    if not dated or all(_YEAR_PARAM.search(n) and v.isdigit() for n, v in dated):
        return None
    rest = sorted((n, v) for n, v in params if (n, v) not in dated)
    template = urlunsplit((parts.scheme, parts.netloc, parts.path,
                           urlencode(rest + [(n, "*") for n, _v in sorted(dated)]), ""))
    return template, urlencode(sorted(dated))


def link_verdict(url: str, source: Source) -> str | None:
    """None when the crawler follows ``url`` (already canonical), else why not: "not a web
    link", "out of scope", "denied", "file (not a web page)", "trap: <kind>". A URL matching
    the source's allow patterns passes the trap rules."""
    reason = link_scope(url, source)
    if reason:
        return reason
    if _FILE_EXT.search(urlsplit(url).path):
        return "file (not a web page)"
    if allowed(url, source):
        return None
    trap = trap_reason(url)
    return f"trap: {trap}" if trap else None


def _keep(url: str, source: Source) -> str | None:
    url = canonical_url(url)
    return url if link_verdict(url, source) is None else None


@lru_cache(maxsize=64)
def _extractor(deny: tuple[str, ...]) -> LinkExtractor:
    # allow/deny are applied by link_verdict() after canonicalisation (and counted), so
    # LinkExtractor only finds; it keeps document links too, which are counted as files.
    return LinkExtractor(tags=("a", "area"), attrs=("href",), unique=True,
                         deny_extensions=())


def _page_fill(urls: list[str]) -> list[str]:
    """Every listing page up to the highest page number linked, for portlet page counters
    (``..._cur=N``): pages the portal did not link directly (only a window of numbers, or a
    dropdown) are still found."""
    groups: dict[tuple, tuple[int, str]] = {}
    for url in urls:
        parts = urlsplit(url)
        params = parse_qsl(parts.query, keep_blank_values=True)
        for i, (name, value) in enumerate(params):
            if _PAGE_PARAM.search(name) and value.isdigit():
                key = (parts.scheme, parts.netloc, parts.path, name,
                       tuple(params[:i] + params[i + 1:]))
                best = groups.get(key)
                if best is None or int(value) > best[0]:
                    groups[key] = (int(value), url)
    filled = []
    for (scheme, netloc, path, name, rest), (highest, _url) in groups.items():
        for n in range(1, min(highest, MAX_LISTING_PAGES) + 1):
            query = urlencode([*rest, (name, str(n))])
            filled.append(urlunsplit((scheme, netloc, path, query, "")))
    return filled


def found_links(response, source: Source) -> list[str]:
    """Every URL linked from an HTML page, site-map pages first, then the listing pages
    filled in between linked page numbers (see _page_fill); not yet canonical or judged."""
    links = _extractor(()).extract_links(response)
    first, rest = [], []
    for link in links:
        (first if _SITEMAP_TEXT.search(link.text or "") else rest).append(link.url)
    found = first + rest
    kept = [canonical_url(u) for u in found]
    return found + _page_fill([u for u in kept if link_verdict(u, source) is None])


def links_to_follow(response, source: Source) -> list[str]:
    """Canonical in-scope URLs linked from an HTML page: anchors, page-counter fills,
    site-map pages first."""
    kept, seen = [], set()
    for url in found_links(response, source):
        url = _keep(url, source)
        if url and url not in seen:
            seen.add(url)
            kept.append(url)
    return kept


class LinkLedger:
    """Every link one source's crawl met, counted once per distinct URL by what became of it:
    followed, or skipped with its reason (out of scope, denied, file, trap: kind, duplicate —
    another URL of the same page was followed —, robots). found = followed + skipped.
    It holds every distinct URL met (about 100 bytes each: a 100,000-page portal with a
    million links costs some 100 MB)."""

    def __init__(self, source: Source):
        self.source = source
        self.verdicts: dict[str, str | None] = {}  # URL as found → None (followed) or reason
        self.followed_keys: set[str] = set()
        self.calendar_dates: dict[str, set[str]] = {}
        self.skipped: dict[str, int] = {}
        self.followed = 0

    @property
    def found(self) -> int:
        return len(self.verdicts)

    def judge(self, url: str) -> str | None:
        """The canonical URL to request for ``url`` (first sight of a new page), or None; the
        link is counted either way."""
        if url in self.verdicts:
            return None  # met before: counted then
        canonical = canonical_url(url)
        reason = link_verdict(canonical, self.source)
        if reason is None:
            reason = self._calendar_reason(canonical)
        if reason is None:
            key = url_key(canonical)
            if key in self.followed_keys:
                reason = "duplicate"
            else:
                self.followed_keys.add(key)
        self.verdicts[url] = reason
        if reason is None:
            self.followed += 1
            return canonical
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
        return None

    def given(self, url: str) -> str:
        """A start URL: followed whatever the rules say (the user named it), and counted."""
        canonical = canonical_url(url)
        if url not in self.verdicts:
            self.verdicts[url] = None
            self.followed_keys.add(url_key(canonical))
            self.followed += 1
        return canonical

    def _calendar_reason(self, url: str) -> str | None:
        found = calendar_template(url)
        if found is None or (allowed(url, self.source)):
            return None
        template, value = found
        dates = self.calendar_dates.setdefault(template, set())
        if value not in dates and len(dates) >= MAX_CALENDAR_DATES:
            return f"trap: calendar (more than {MAX_CALENDAR_DATES} dates)"
        dates.add(value)
        return None

    def refused(self, url: str, reason: str) -> None:
        """A followed URL refused before download (robots.txt): skipped, not followed."""
        self.followed -= 1
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def counts(self) -> dict:
        return {"found": self.found, "followed": self.followed, "skipped": dict(self.skipped)}


def explain(url: str, source: Source) -> str:
    """One line: whether the crawler would follow ``url`` for ``source``, and why."""
    canonical = canonical_url(url)
    shown = f"{url} (canonical: {canonical})" if canonical != url else url
    reason = link_verdict(canonical, source)
    if reason is None:
        why = ("it matches an allow pattern" if allowed(canonical, source)
               else "it is in scope and no trap rule applies")
        calendar = calendar_template(canonical)
        if calendar and not (allowed(canonical, source)):
            why += f"; as a calendar date it counts towards the {MAX_CALENDAR_DATES} followed"
        return f"follow: {shown}: {why}"
    denied_by = deny_pattern(canonical, source) or ""
    hint = {"denied": f"deny pattern {denied_by!r} matches it",
            "out of scope": f"only {', '.join(sorted(h for h in source.hosts if h))} under "
                            f"{scope_prefix(source)} is crawled"}.get(reason, "")
    if reason.startswith("trap"):
        hint = "add an allow pattern matching it to follow it anyway"
    return f"skip: {shown}: {reason}" + (f" ({hint})" if hint else "")


def feed_urls(response, source: Source) -> list[str]:
    """RSS / Atom feeds announced by ``<link rel="alternate">`` in the page head."""
    hrefs = response.xpath(
        '//link[@rel="alternate"][contains(@type, "rss") or contains(@type, "atom")]/@href'
    ).getall()
    kept = [_keep(urljoin(response.url, h), source) for h in hrefs]
    return [u for u in kept if u]


def robots_sitemaps(text: str, base_url: str) -> list[str]:
    """The ``Sitemap:`` lines of a robots.txt."""
    found = []
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "sitemap" and value.strip():
            found.append(urljoin(base_url, value.strip()))
    return found


def sitemap_links(body: bytes, url: str, source: Source) -> tuple[list[str], list[str]]:
    """(pages, nested sitemaps) listed by a sitemap.xml (or .xml.gz, or a sitemap index)."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gunzip(body, max_size=64 * 1024 * 1024)
        except OSError:
            return [], []
    try:
        sitemap = Sitemap(body)
    except Exception:  # not XML: lxml raises several kinds
        return [], []
    pages, nested = [], []
    for entry in sitemap:
        loc = entry.get("loc")
        if not loc:
            continue
        if sitemap.type == "sitemapindex":
            nested.append(urljoin(url, loc))
        else:
            kept = _keep(urljoin(url, loc), source)
            if kept:
                pages.append(kept)
    return pages, nested


def feed_links(body: bytes, url: str, source: Source) -> list[str]:
    """Item links of an RSS 2.0 or Atom feed."""
    try:
        root = etree.fromstring(body, parser=etree.XMLParser(recover=True,
                                                            resolve_entities=False))
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    hrefs = root.xpath("//item/link/text()")
    hrefs += root.xpath("//*[local-name()='entry']/*[local-name()='link']/@href")
    kept = [_keep(urljoin(url, h.strip()), source) for h in hrefs]
    return [u for u in kept if u]
