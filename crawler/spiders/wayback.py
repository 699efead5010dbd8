"""The Wayback spider: lists a domain's captures through the CDX API, then fetches the original
bytes of each article capture and yields it as a Page of the original URL with its capture time.
Parsing and selection live in crawler.archive.wayback; storage in crawler.pipelines."""
from __future__ import annotations


import scrapy

from crawler.errors import VnnewsError
from crawler.items import FetchFailure
from crawler.sources import Source
from crawler.spiders.portal import failure_reason, page_from_response
from crawler.archive.wayback import (CDX_PAGE_SIZE, Capture, capture_time, capture_url, cdx_url,
                                     memento_time, parse_cdx, parse_replay_url, select_captures)



class WaybackSpider(scrapy.Spider):
    name = "wayback"

    def __init__(self, sources: list[Source], **kwargs):
        super().__init__(**kwargs)
        self.sources = sources
        self.seen: dict[str, set[str]] = {s.name: set() for s in sources}  # URL keys taken
        self.scheduled: dict[str, int] = {s.name: 0 for s in sources}

    async def start(self):
        for source in self.sources:
            yield self.index_request(source)

    def _meta(self, source: Source, **extra) -> dict:
        meta = {"vnnews_source": source.name, **extra}
        if source.delay == 0:
            meta["autothrottle_dont_adjust_delay"] = True
        return meta

    def index_request(self, source: Source, resume_key: str | None = None) -> scrapy.Request:
        page_size = self.settings.getint("VNNEWS_CDX_PAGE_SIZE", CDX_PAGE_SIZE)
        url = cdx_url(source.cdx_url, source.archived_domain, source.from_year,
                      source.to_year, resume_key=resume_key, limit=page_size)
        return scrapy.Request(url, callback=self.parse_index, errback=self.failed,
                              cb_kwargs={"source": source}, meta=self._meta(source),
                              dont_filter=True)

    def parse_index(self, response, source: Source):
        try:
            captures, resume_key = parse_cdx(response.body)
        except VnnewsError as exc:
            yield FetchFailure(url=response.url, source=source.name, reason=str(exc))
            return
        seen = self.seen[source.name]
        for capture in select_captures(captures, source.article_patterns,
                                       source.listing_patterns, seen):
            if source.max_pages is not None and self.scheduled[source.name] >= source.max_pages:
                return
            self.scheduled[source.name] += 1
            yield scrapy.Request(capture_url(source.wayback_url, capture),
                                 callback=self.parse_capture, errback=self.failed,
                                 cb_kwargs={"source": source, "capture": capture},
                                 meta=self._meta(source, vnnews_capture=capture.original))
        if resume_key:
            yield self.index_request(source, resume_key)

    def parse_capture(self, response, source: Source, capture: Capture):
        page = page_from_response(response, source.name)
        # The replay server may redirect to the nearest capture: Memento-Datetime, else the
        # final replay URL, has the real capture time.
        replay = parse_replay_url(response.url)
        page.capture_time = (memento_time(page.headers.get("Memento-Datetime"))
                             or capture_time(replay[0] if replay else capture.timestamp))
        # The archive may pass the original response headers on as X-Archive-Orig-*.
        original_type = page.headers.get("X-Archive-Orig-Content-Type")
        if original_type:
            page.headers["Content-Type"] = original_type
        page.headers["X-Vnnews-Archive-Url"] = response.url
        page.url = page.final_url = capture.original
        yield page

    def failed(self, failure):
        request = failure.request
        yield FetchFailure(url=request.meta.get("vnnews_capture", request.url),
                           source=request.meta.get("vnnews_source", ""),
                           reason=failure_reason(failure))
