"""The portal spider: fetches the configured sources and yields Pages and FetchFailures.
What to follow is decided in crawler.discover, canonical URLs in crawler.urls, storage and
extraction in crawler.pipelines; resuming and conditional requests in crawler.middlewares."""
from __future__ import annotations


from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import (CannotResolveHostError, DownloadCancelledError,
                               DownloadConnectionRefusedError, DownloadTimeoutError,
                               IgnoreRequest, ResponseDataLossError)
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.discover import (LinkLedger, feed_links, feed_urls, found_links,
                              robots_sitemaps, sitemap_links)
from crawler.extract.limits import cap_attributes
from crawler.items import FetchFailure, Page
from crawler.middlewares import ALREADY_DONE, NOT_MODIFIED_FLAG, STORED_FLAG
from crawler.sources import Source
from crawler.records import utc_iso
from crawler.urls import canonical_url, url_key


# The reason of a URL that robots.txt disallows: counted as skipped, not failed.
ROBOTS_SKIP = "robots.txt"


def page_from_response(response, source: str) -> Page:
    first_url = response.meta.get("redirect_urls", [response.request.url
                                                    if response.request else response.url])[0]
    return Page(
        url=first_url,
        final_url=response.url,
        status=response.status,
        headers={k.decode("latin-1"): b", ".join(v).decode("latin-1")
                 for k, v in response.headers.items()},
        body=response.body,
        fetched_at=utc_iso(),
        source=source,
    )


def failure_reason(failure, max_size: int | None = None) -> str:
    """One line, its kind first (the summary groups failures by the part before ':').
    ``max_size`` is the crawl's DOWNLOAD_MAXSIZE, named when Scrapy gives no message (a body
    without Content-Length that grew past it)."""
    exc = failure.value
    if failure.check(HttpError):
        return f"HTTP {exc.response.status}"
    message = failure.getErrorMessage()
    if failure.check(IgnoreRequest):
        if "robots.txt" in message:
            return ROBOTS_SKIP
        if "DOWNLOAD_MAXSIZE" in message:  # a compressed body past it once decompressed
            return f"too large: {message}"
        if "max redirections" in message:
            return "redirect loop: more than REDIRECT_MAX_TIMES redirects"
        if message.startswith(("redirect loop", "redirect out of scope",
                               "meta refresh out of scope")):
            return message
        return f"ignored: {message}"
    if failure.check(DownloadTimeoutError) or "TimeoutError" in failure.type.__name__:
        return f"timeout: {message}"
    if failure.check(DownloadCancelledError):
        return f"too large: {message or _over_max_size(failure.request, max_size)}"
    if failure.check(ResponseDataLossError) or "DataLoss" in message or \
            "ResponseFailed" in failure.type.__name__:
        return f"truncated body: {message or 'the connection closed before Content-Length'}"
    if failure.check(DownloadConnectionRefusedError):
        return f"connection refused: {message}"
    if failure.check(CannotResolveHostError):
        return f"DNS lookup failed: {message}"
    return f"{failure.type.__name__}: {message}".strip()


def _over_max_size(request, max_size: int | None) -> str:
    limit = (request.meta.get("download_maxsize") if request is not None else None) or max_size
    return (f"the body grew past the download max size ({limit} bytes, DOWNLOAD_MAXSIZE) "
            "before it ended" if limit else "the body grew past the download max size")


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, sources: list[Source], **kwargs):
        super().__init__(**kwargs)
        self.sources = {s.name: s for s in sources}
        self.requested: dict[str, set[str]] = {}  # sources with max_pages: URL keys asked
        # Every link met, per source, counted by what became of it (crawler.discover).
        self.ledgers = {s.name: LinkLedger(s) for s in sources}

    def link_counts(self) -> dict[str, dict]:
        return {name: ledger.counts() for name, ledger in self.ledgers.items()}

    def follow(self, url: str, source: Source, **kwargs) -> scrapy.Request | None:
        """The request for a link met on a page, a sitemap or a feed, or None; every link is
        counted in the source's ledger with what became of it."""
        ledger = self.ledgers[source.name]
        canonical = ledger.judge(url)
        if canonical is None:
            return None
        request = self.request(canonical, source, **kwargs)
        if request is None:
            ledger.refused(canonical, "max_pages reached")
        return request

    async def start(self):
        for source in self.sources.values():
            for url in source.start_urls or [source.base_url]:
                request = self.request(self.ledgers[source.name].given(url), source)
                if request is not None:
                    yield request
            # Sitemaps: the ones robots.txt names, and /sitemap.xml where it exists.
            for origin in sorted({f"{urlsplit(u).scheme}://{urlsplit(u).netloc}"
                                  for u in [source.base_url, *source.start_urls] if u}):
                yield self.probe(f"{origin}/robots.txt", source, self.parse_robots,
                                 vnnews_guess=True)
                yield self.probe(f"{origin}/sitemap.xml", source, self.parse_sitemap,
                                 vnnews_guess=True)

    def request(self, url: str, source: Source, **kwargs) -> scrapy.Request | None:
        if source.max_pages is not None:  # count distinct pages, not links to them
            asked = self.requested.setdefault(source.name, set())
            key = url_key(url)
            if key not in asked:
                if len(asked) >= source.max_pages:
                    return None
                asked.add(key)
        meta = {"vnnews_source": source.name}
        if source.delay == 0:
            meta["autothrottle_dont_adjust_delay"] = True
        headers = {"User-Agent": source.user_agent} if getattr(source, "user_agent", None) \
            else None
        return scrapy.Request(canonical_url(url), callback=self.parse, errback=self.failed,
                              meta=meta, headers=headers, **kwargs)

    def probe(self, url: str, source: Source, callback, **meta) -> scrapy.Request:
        """A discovery request (robots.txt, sitemap, feed): not stored, and a 404 is no
        failure. Like every request it waits for its host's robots.txt rules (Scrapy's
        RobotsTxtMiddleware reads the file first; this copy is read for its Sitemap lines)."""
        return scrapy.Request(url, callback=callback, errback=self.failed,
                              meta={"vnnews_source": source.name, "vnnews_probe": True, **meta})

    def _source(self, response) -> Source:
        return self.sources[response.meta["vnnews_source"]]

    def parse(self, response):
        source = self._source(response)
        if NOT_MODIFIED_FLAG in response.flags:
            page = page_from_response(response, source.name)
            page.status = 304  # the pipeline marks the stored version as fetched again
            yield page
        elif STORED_FLAG not in response.flags:
            yield page_from_response(response, source.name)
        if not hasattr(response, "text"):  # binary bodies have no links to follow
            return
        capped = cap_attributes(response.text)  # libxml2 is quadratic in a tag's attributes
        if capped is not response.text:
            response = response.replace(body=capped.encode(response.encoding, "replace"))
        for url in found_links(response, source):
            request = self.follow(url, source)
            if request is not None:
                yield request
        for url in feed_urls(response, source):
            yield self.probe(url, source, self.parse_feed)

    def parse_robots(self, response):
        source = self._source(response)
        if response.status == 200 and hasattr(response, "text"):
            for url in robots_sitemaps(response.text, response.url):
                if urlsplit(url).hostname in source.hosts:  # never another site's sitemap
                    yield self.probe(url, source, self.parse_sitemap)

    def parse_sitemap(self, response):
        source = self._source(response)
        pages, nested = sitemap_links(response.body, response.url, source)
        for url in nested:
            if urlsplit(url).hostname in source.hosts:
                yield self.probe(url, source, self.parse_sitemap)
        for url in pages:
            request = self.follow(url, source)
            if request is not None:
                yield request

    def parse_feed(self, response):
        source = self._source(response)
        for url in feed_links(response.body, response.url, source):
            request = self.follow(url, source)
            if request is not None:
                yield request

    def failed(self, failure):
        request = failure.request
        reason = failure_reason(failure, self.settings.getint("DOWNLOAD_MAXSIZE"))
        if request.meta.get("vnnews_guess") or (request.meta.get("vnnews_probe") and
                                                 reason.startswith(("HTTP 4", "ignored"))):
            return  # no robots.txt, no sitemap.xml or a feed gone: no page failed
        if reason == f"ignored: {ALREADY_DONE}":
            return  # a resumed crawl met a URL it had already finished
        # The URL that was asked for, not the last hop of its redirects; for robots.txt the
        # URL that the rules disallow (perhaps a redirect's target).
        url = request.url if reason == ROBOTS_SKIP else \
            request.meta.get("redirect_urls", [request.url])[0]
        ledger = self.ledgers.get(request.meta.get("vnnews_source", ""))
        if ledger is not None and reason == ROBOTS_SKIP and not request.meta.get("vnnews_probe"):
            ledger.refused(url, "robots")
        yield FetchFailure(url=url, source=request.meta.get("vnnews_source", ""),
                           reason=reason)
