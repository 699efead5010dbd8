"""One path for a page: raw bytes → decoded text → Article → canonical URL → dedup → store.

Every way a page enters the archive goes through here: the Scrapy pipeline (a crawl, Wayback
replays included), `vnnews import-warc`, and `vnnews process` when it re-extracts stored pages.
So a page gets the same decoding, the same extraction and the same canonical URL whichever way
it came, and the same article is one row.

- :func:`extract_page` is pure (no database): it runs in worker processes.
- :func:`ingest` stores a freshly fetched page; :func:`save_extraction` stores the result of
  re-extracting a page version the archive already holds. Both leave deduplication to the store
  (crawler.archive.store.Store.save_article), which applies one rule to both.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from crawler.extract import EXTRACTOR_VERSION, extract
from crawler.extract.decode import decode_html
from crawler.extract.legacy import fix_legacy
from crawler.extract.limits import PAGE_TIME_LIMIT, PageTimeLimit, page_time_limit
from crawler.records import Article, Page
from crawler.urls import page_canonical

__all__ = ["extract_page", "decode_page", "ingest", "save_extraction", "extraction_key",
           "source_hints", "Ingested"]

# Content types that are certainly not a web page; anything else (application/octet-stream,
# text/x-..., no header at all) is looked at, since old portals and archive copies serve HTML
# under such labels.
NOT_HTML_TYPES = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
                  "application/msword", "application/vnd.", "application/x-rar",
                  "application/x-7z", "application/gzip", "application/x-gzip")


@dataclass
class Ingested:
    """What storing one page did: "new", "changed" or "unchanged", and whether it is an
    article (False for unchanged pages, which were not extracted again)."""

    outcome: str
    is_article: bool = False
    canonical_url: str | None = None  # of the article, when it is one


def source_hints(configured: dict | None, learned: list[str] | None) -> dict:
    """The extractor hints of one source: its sources.toml ``hints`` plus the block texts
    `vnnews process` learned that its pages repeat (menus, widget titles, footers). The crawl
    and `process` both take them from here, so both extract a page alike."""
    hints = dict(configured or {})
    if learned:
        given = hints.get("boilerplate") or []
        hints["boilerplate"] = sorted(set([given] if isinstance(given, str) else given) |
                                      set(learned))
    return hints


def extraction_key(hints: dict | None) -> str:
    """The version an extraction is recorded with: the extractor's code version plus the hints
    it was given (sources.toml hints and the boilerplate learned for the source). A page whose
    key differs from the current one is re-extracted by `vnnews process`."""
    if not hints:
        return EXTRACTOR_VERSION
    digest = hashlib.sha1(json.dumps(hints, sort_keys=True, ensure_ascii=False, default=str)
                          .encode("utf-8")).hexdigest()[:10]
    return f"{EXTRACTOR_VERSION}+{digest}"


def decode_page(page: Page) -> str:
    """The page's text, decoded once: declared or sniffed charset, then the TCVN3/VNI legacy
    font check on the same bytes. Records the real encoding on ``page.encoding``."""
    content_type = _content_type(page)
    text, encoding = decode_html(page.body, content_type)
    text, legacy = fix_legacy(text, page.body, encoding)
    page.encoding = legacy or encoding
    return text


def extract_page(page: Page, hints: dict | None = None,
                 time_limit: float | None = PAGE_TIME_LIMIT) -> Article:
    """The Article of one page, its canonical URL set. Never raises: a page that takes more
    than ``time_limit`` CPU seconds (in the main thread) gives a non-article whose reason says
    so, and one page never stops the batch."""
    if page.status != 200 or not page.body:
        article = Article(url=page.final_url, is_article=False,
                          reason=f"HTTP {page.status}" if page.status != 200 else "empty body")
    elif _certainly_not_html(_content_type(page)):
        article = Article(url=page.final_url, is_article=False,
                          reason=f"not HTML: {_content_type(page)}")
    else:
        try:
            with page_time_limit(time_limit):
                text = decode_page(page)
                article = extract(text, page.final_url, hints or None)
            article.notes["encoding"] = page.encoding
            served = _content_type(page)
            if served and "html" not in served.lower():  # octet-stream, text/x-...: say so
                article.notes["served_as"] = served
        except PageTimeLimit as exc:
            article = Article(url=page.final_url, is_article=False, reason=f"time limit: {exc}")
        except Exception as exc:  # a page the extractor cannot read is still kept raw, so
            # `vnnews process` can extract it after a fix; the reason says what happened
            article = Article(url=page.final_url, is_article=False,
                              reason=f"extraction failed: {type(exc).__name__}: {exc}"[:500])
    # Every page gets a canonical URL: the page's own rel=canonical, else its final URL, in
    # the one normal form of crawler.urls.canonical_url.
    # (a declared URL that differs from the fetched one only in Unicode normalisation is the
    # fetched one: crawler.urls.page_canonical)
    article.canonical_url = page_canonical(article.canonical_url, page.final_url or page.url)
    return article


def ingest(store, page: Page, crawl_id: int | None = None,
           hints: dict | None = None, time_limit: float | None = PAGE_TIME_LIMIT) -> Ingested:
    """Store one fetched page. Bytes the archive already holds for this URL (or a 304 answer)
    only move the fetch time: they are not extracted again."""
    if page.status == 304:
        store.touch_page(page.url, page.fetched_at, crawl_id)
        return Ingested("unchanged")
    sha = hashlib.sha256(page.body).hexdigest()
    if store.touch_page(page.url, page.fetched_at, crawl_id, sha):
        return Ingested("unchanged")
    article = extract_page(page, hints, time_limit)
    outcome = store.save_page(page, article, crawl_id, extracted_with=extraction_key(hints))
    return Ingested(outcome, article.is_article and outcome != "unchanged", article.canonical_url)


def save_extraction(store, page_id: int, page: Page, article: Article, key: str) -> None:
    """Store the re-extraction of a page version the archive holds (`vnnews process`)."""
    store.save_reextracted(page_id, page, article, extracted_with=key)


def _content_type(page: Page) -> str | None:
    return page.headers.get("Content-Type") or page.headers.get("content-type")


def _certainly_not_html(content_type: str | None) -> bool:
    kind = (content_type or "").split(";")[0].strip().lower()
    return bool(kind) and kind.startswith(NOT_HTML_TYPES)
