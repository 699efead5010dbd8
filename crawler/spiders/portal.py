"""The portal spider: fetches the configured sources and yields Pages. Parsing, extraction
and storage happen in library code (crawler.extract, crawler.pipelines)."""
from __future__ import annotations

from datetime import datetime, timezone

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.discover import links_to_follow
from crawler.items import FetchFailure, Page
from crawler.sources import Source


def page_from_response(response, source: str) -> Page:
    first_url = response.meta.get("redirect_urls", [response.url])[0]
    return Page(
        url=first_url,
        final_url=response.url,
        status=response.status,
        headers={k.decode("latin-1"): b", ".join(v).decode("latin-1")
                 for k, v in response.headers.items()},
        body=response.body,
        fetched_at=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        source=source,
    )


def failure_reason(failure) -> str:
    if failure.check(HttpError):
        return f"HTTP {failure.value.response.status}"
    return f"{failure.type.__name__}: {failure.getErrorMessage()}".strip()


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, sources: list[Source], **kwargs):
        super().__init__(**kwargs)
        self.sources = sources

    async def start(self):
        for source in self.sources:
            for url in source.start_urls or [source.base_url]:
                yield self.request(url, source)

    def request(self, url: str, source: Source) -> scrapy.Request:
        meta = {"vnnews_source": source.name}
        if source.delay == 0:
            meta["autothrottle_dont_adjust_delay"] = True
        return scrapy.Request(url, callback=self.parse, errback=self.failed,
                              cb_kwargs={"source": source}, meta=meta)

    def parse(self, response, source: Source):
        yield page_from_response(response, source.name)
        if not hasattr(response, "text"):  # binary bodies have no links to follow
            return
        for url in links_to_follow(response, source):
            yield self.request(url, source)

    def failed(self, failure):
        request = failure.request
        yield FetchFailure(url=request.url, source=request.meta.get("vnnews_source", ""),
                           reason=failure_reason(failure))
