"""Which URLs the crawler follows from a fetched page, a sitemap, a feed or robots.txt.

Every URL found is (1) made canonical (crawler.urls), (2) kept only inside the source's host
and base path, matching its ``allow`` and none of its ``deny`` patterns, and (3) dropped when
it looks like a crawler trap: search results, calendars, endless parameter combinations,
over-long URLs, repeating path segments, portlet actions.

Listings are found by following links ("Tiếp", "Cuối cùng", page numbers) and, for portlet
page counters (``..._cur=N``, ``page=N``), by filling in every page number up to the highest
one linked, since portals often show only a window of page numbers or a dropdown.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from crawler.scope import in_scope
from crawler.sources import Source
from crawler.urls import canonical_url

__all__ = ["links_to_follow", "in_scope", "trap_reason", "sitemap_links", "feed_links",
           "robots_sitemaps", "feed_urls", "MAX_URL_LENGTH", "MAX_QUERY_PARAMS",
           "MAX_LISTING_PAGES"]

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

# Parameters of search forms: results pages are endless and repeat the articles.
_SEARCH_PARAM = re.compile(r"(^|_)(q|query|keywords?|tukhoa|tu_khoa|search(text|key)?|kw|"
                           r"searchstring)$", re.IGNORECASE)
# Parameters that move a calendar or archive by date: every day is another page.
_DATE_PARAM = re.compile(r"(^|_)(day|month|year|date|week|ngay|thang|nam|tuan|"
                         r"fromdate|todate|tungay|denngay)$", re.IGNORECASE)
_DATE_VALUE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")
_TRAP_PATH = re.compile(r"/(calendar|search|tim-kiem|timkiem|c/portal/(login|logout))(/|$)",
                        re.IGNORECASE)
# Portlet page counters: Liferay's _{portlet}_cur, and plain page / trang / pageindex.
_PAGE_PARAM = re.compile(r"(^|_)(cur|page|trang|pageindex|pagenum)$", re.IGNORECASE)
_SITEMAP_TEXT = re.compile(r"sơ đồ (cổng|trang|site|website)|site ?map", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def trap_reason(url: str) -> str | None:
    """Why ``url`` looks like a crawler trap, or None."""
    if len(url) > MAX_URL_LENGTH:
        return "URL too long"
    parts = urlsplit(url)
    if _TRAP_PATH.search(parts.path):
        return "search, calendar or login page"
    segments = [s for s in parts.path.split("/") if s]
    if segments and max(segments.count(s) for s in set(segments)) > MAX_SEGMENT_REPEATS:
        return "repeating path segments"
    params = parse_qsl(parts.query, keep_blank_values=True)
    if len(params) > MAX_QUERY_PARAMS:
        return "too many query parameters"
    for name, value in params:
        if _SEARCH_PARAM.search(name):
            return "search results"
        if _DATE_PARAM.search(name) or _DATE_VALUE.match(value):
            return "calendar or date archive"
        if name.lower() == "p_p_lifecycle" and value in ("1", "2"):
            return "portlet action or resource"
    return None


def _keep(url: str, source: Source) -> str | None:
    url = canonical_url(url)
    if in_scope(url, source) and trap_reason(url) is None:
        return url
    return None


@lru_cache(maxsize=64)
def _extractor(deny: tuple[str, ...]) -> LinkExtractor:
    # allow/deny are applied by in_scope() after canonicalisation; LinkExtractor only finds.
    return LinkExtractor(tags=("a", "area"), attrs=("href",), unique=True, deny=deny)


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


def links_to_follow(response, source: Source) -> list[str]:
    """Canonical in-scope URLs linked from an HTML page: anchors, page-counter fills,
    site-map pages first, and the page's RSS/Atom feeds (see feed_urls)."""
    links = _extractor(tuple(source.deny)).extract_links(response)
    first, rest = [], []
    for link in links:
        (first if _SITEMAP_TEXT.search(link.text or "") else rest).append(link.url)
    found = first + rest
    found += _page_fill(found)
    kept, seen = [], set()
    for url in found:
        url = _keep(url, source)
        if url and url not in seen:
            seen.add(url)
            kept.append(url)
    return kept


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
