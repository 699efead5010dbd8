"""Items the spiders yield: a fetched Page, or a FetchFailure saying why a URL gave nothing."""
from __future__ import annotations

from dataclasses import dataclass

from crawler.records import Page

__all__ = ["Page", "FetchFailure"]


@dataclass
class FetchFailure:
    url: str
    source: str
    reason: str  # one line: "HTTP 500", "TimeoutError: ...", "DNS lookup failed: ..."
