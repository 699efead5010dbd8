"""The records passed between stages: Page (fetched bytes) → Article (extracted text).

The NLP stage adds nlp.records.Analysis. Records are plain dataclasses so every stage can be
called and tested on its own.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone

__all__ = ["Page", "Article", "StoredPage", "UTC_FORMAT", "utc_iso"]

# Every time the archive records (fetched_at, WARC-Date, capture times): ISO 8601, UTC, seconds.
UTC_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def utc_iso(when: datetime | None = None) -> str:
    """``when`` (default: now) in UTC_FORMAT; a naive datetime is taken as UTC."""
    when = when or datetime.now(timezone.utc)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).strftime(UTC_FORMAT)


@dataclass
class Page:
    """One HTTP response as fetched (or as read back from an archive)."""

    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str  # ISO 8601, UTC, seconds precision
    source: str = ""  # name of the sources.toml entry
    encoding: str | None = None  # detected character encoding of body
    capture_time: str | None = None  # archive captures: when the archive fetched it


@dataclass
class Article:
    """What the extractor read from one page. ``is_article`` is False for listings,
    home pages, print duplicates and broken pages, with ``reason`` saying why."""

    url: str
    is_article: bool
    reason: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 local time, minute precision: 2018-10-08T15:54
    category: str | None = None
    lead: str | None = None
    body: str = ""
    author: str | None = None
    source_line: str | None = None
    captions: list[str] = field(default_factory=list)
    attachments: list[dict] = field(default_factory=list)  # {"url": ..., "text": ...}
    notes: dict = field(default_factory=dict)  # e.g. {"published_meta": ..., "date_conflict": True}
    confidence: float | None = None  # 0..1: how sure the extractor is of title, date and text
    method: str | None = None  # "ours", or the second opinion's name when it was taken
    # What the page is: "article" (news), "notice" (a short posting with attachments, still an
    # article), or, with is_article False, "listing", "procedure" (an administrative
    # procedure), "static" (a menu page: Giới thiệu, Lãnh đạo Sở); None when unknown.
    kind: str | None = None
    cms_id: str | None = None  # the CMS's id of the article, read from the page (extract.ids)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class StoredPage:
    """A page version as the archive holds it: its row id, the Page, and the extractor version
    that last read it (None: never extracted)."""

    page_id: int
    page: Page
    extracted_with: str | None = None
