"""Scrapy components of the vnnews crawler, one hook each.

- :class:`StoredPagesMiddleware` — incremental and resumable crawls: replays pages already
  stored by the crawl being resumed (no network), and sends conditional requests
  (If-None-Match / If-Modified-Since) for pages stored by earlier crawls; a 304 is answered
  with the stored body so links are still followed.
- :class:`BackoffRetryMiddleware` — Scrapy's retries on 5xx, timeouts and dropped
  connections, with an exponential pause before each new try (Scrapy retries at once).
- :class:`RedirectsMiddleware` — Scrapy's redirects, where a real loop fails with its chain
  and a trailing-slash redirect is followed once (never dropped as its own duplicate).
- :class:`ScopeMiddleware` — redirects and meta refreshes are followed only inside the
  source's scope (crawler.scope); others fail with the target and the reason.
- :class:`CanonicalFingerprinter` and :class:`RedisDupeFilter` — one fingerprint per
  canonical URL (crawler.urls.url_key), in both the local and the Redis dupefilter.
"""
from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
import uuid
from urllib.parse import urljoin

from scrapy import signals
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse, Request, Response, TextResponse
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

from crawler.urls import url_key

__all__ = ["StoredPagesMiddleware", "BackoffRetryMiddleware", "RedirectsMiddleware",
           "ScopeMiddleware",
           "CanonicalFingerprinter", "RedisDupeFilter", "IdleCloseExtension", "RedisRun",
           "STORED_FLAG",
           "NOT_MODIFIED_FLAG", "ALREADY_DONE"]

logger = logging.getLogger(__name__)

STORED_FLAG = "vnnews:stored"  # replayed from the database: nothing to store again
NOT_MODIFIED_FLAG = "vnnews:not-modified"  # the server said 304: the stored body stands in
ALREADY_DONE = "already done in this crawl"  # a resumed crawl's failed URLs: not tried again
# Headers of a stored response that must not be replayed: the body is stored decoded.
_DROP_ON_REPLAY = {b"content-encoding", b"content-length", b"transfer-encoding"}


def _replay(request: Request, stored: dict, flag: str) -> Response:
    headers = {k: v for k, v in stored["headers"].items()
               if k.lower().encode() not in _DROP_ON_REPLAY}
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    cls = HtmlResponse if "html" in content_type.lower() else (
        TextResponse if content_type.lower().startswith(("text/", "application/xml")) else
        Response)
    return cls(url=stored["final_url"] or request.url, status=200, headers=headers,
               body=stored["body"], request=request, flags=[flag])


class StoredPagesMiddleware:
    """Replays pages of the resumed crawl and makes requests conditional.

    Reads the database (through crawler.archive.store) when the spider opens: the URLs the crawl
    ``VNNEWS_RESUME_CRAWL_ID`` already finished, and the validators of every stored URL.
    """

    def __init__(self, db_path: str, crawl_id: int | None, resume: bool, conditional: bool):
        self.db_path = db_path
        self.crawl_id = crawl_id
        self.resume = resume
        self.conditional = conditional
        self.store = None
        self.done: set[str] = set()
        self.validators: dict = {}

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        if not s.get("VNNEWS_DB"):
            raise NotConfigured
        mw = cls(s.get("VNNEWS_DB"), s.get("VNNEWS_CRAWL_ID"), s.getbool("VNNEWS_RESUME"),
                 s.getbool("VNNEWS_CONDITIONAL", True))
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        mw.stats = crawler.stats
        return mw

    def spider_opened(self, spider=None):
        from crawler.archive.store import open_store

        self.store = open_store(self.db_path)
        if self.resume and self.crawl_id is not None:
            self.done = self.store.crawl_urls(self.crawl_id)
            if self.done:
                logger.info("Resuming crawl %s: %d URLs already done", self.crawl_id,
                            len(self.done))
        if self.conditional:
            self.validators = self.store.validators()

    def spider_closed(self, spider=None):
        if self.store is not None:
            self.store.close()

    def process_request(self, request: Request, spider=None):
        if request.meta.get("vnnews_probe") or request.meta.get("dont_obey_robotstxt"):
            return None  # discovery and Scrapy's own robots.txt request: always fetched
        if request.url in self.done:
            stored = self.store.stored_page(request.url)
            if stored is not None and stored["status"] == 200:
                self.stats.inc_value("vnnews/replayed")
                return _replay(request, stored, STORED_FLAG)
            raise IgnoreRequest(ALREADY_DONE)
        found = self.validators.get(request.url)
        if found:
            etag, modified = found
            if etag:
                request.headers.setdefault(b"If-None-Match", etag)
            if modified:
                request.headers.setdefault(b"If-Modified-Since", modified)
            request.meta["vnnews_conditional"] = True
        return None

    def process_response(self, request: Request, response: Response, spider=None):
        if response.status == 304 and request.meta.get("vnnews_conditional"):
            # A redirected request keeps its validators: look up the URL first asked for.
            stored = self.store.stored_page(request.meta.get("redirect_urls",
                                                             [request.url])[0])
            if stored is not None:
                self.stats.inc_value("vnnews/not_modified")
                return _replay(request, stored, NOT_MODIFIED_FLAG)
        return response


class BackoffRetryMiddleware(RetryMiddleware):
    """RetryMiddleware that waits before each new try: RETRY_BACKOFF_BASE × 2^(try − 1)
    seconds, at most RETRY_BACKOFF_MAX, or the server's Retry-After when it says so."""

    def __init__(self, settings):
        super().__init__(settings)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 1.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    def _pause(self, retry: Request, response: Response | None) -> float:
        tries = retry.meta.get("retry_times", 1)
        delay = min(self.cap, self.base * 2 ** (tries - 1))
        if response is not None:
            after = response.headers.get(b"Retry-After")
            if after and after.strip().isdigit():
                delay = min(self.cap, max(delay, float(after)))
        return delay

    async def _wait(self, result, response):
        if isinstance(result, Request):
            delay = self._pause(result, response)
            if delay > 0:
                from twisted.internet import reactor

                await maybe_deferred_to_future(deferLater(reactor, delay, lambda: None))
        return result

    async def process_response(self, request, response, spider=None):
        result = super().process_response(request, response)
        return await self._wait(result, response)

    async def process_exception(self, request, exception, spider=None):
        result = super().process_exception(request, exception)
        return await self._wait(result, None)


class RedirectsMiddleware(RedirectMiddleware):
    """Scrapy's RedirectMiddleware, with two rules of ours.

    - A real loop fails the request with the reason "redirect loop" and the whole chain:
      a redirect to a URL already in the chain (A → B → A, or to the byte-identical URL),
      or a chain longer than REDIRECT_MAX_TIMES.
    - A redirect to another spelling of the same page (``/a`` → ``/a/``, ``/a/`` → ``/a``,
      as every static server sends for directories) is followed once: the dupefilter knows
      that page's URL key only from this chain, whose pages were not fetched, so the target
      must not be dropped as a duplicate.
    """

    def _redirect(self, redirected: Request, request: Request, reason) -> Request:
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if redirected.url in chain:
            self._loop(chain + [redirected.url])
        if len(chain) > self.max_redirect_times:
            self._loop(chain + [redirected.url],
                       f"more than REDIRECT_MAX_TIMES ({self.max_redirect_times}) redirects")
        result = super()._redirect(redirected, request, reason)
        if url_key(result.url) in {url_key(u) for u in chain}:
            result.dont_filter = True
        return result

    @staticmethod
    def _loop(chain: list[str], why: str = "") -> None:
        shown = " → ".join(chain)
        logger.warning("Redirect loop%s: %s", f" ({why})" if why else "", shown)
        raise IgnoreRequest(f"redirect loop: {why + ': ' if why else ''}{shown}")


class ScopeMiddleware:
    """Redirects (3xx) and ``<meta http-equiv=refresh>`` are followed only inside the source's
    scope (crawler.scope); one that leaves it fails the request with the target and the reason,
    so a closed portal that now redirects to another site writes nothing into the archive.
    Sits before RedirectMiddleware and MetaRefreshMiddleware, which would follow them."""

    _STATUSES = {301, 302, 303, 307, 308}

    def __init__(self, crawler, ignore_tags: list[str], max_delay: float):
        self.crawler = crawler
        self.ignore_tags = ignore_tags
        self.max_delay = max_delay

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        return cls(crawler, s.getlist("METAREFRESH_IGNORE_TAGS"),
                   s.getfloat("METAREFRESH_MAXDELAY"))

    def _source(self, request: Request, spider):
        spider = spider or getattr(self.crawler, "spider", None)
        sources = getattr(spider, "sources", None)
        if not isinstance(sources, dict):  # the Wayback spider: replays, not a live site
            return None
        source = sources.get(request.meta.get("vnnews_source"))
        return source if source is not None and source.kind == "portal" else None

    def process_response(self, request: Request, response: Response, spider=None):
        from scrapy.utils.response import get_meta_refresh

        from crawler.scope import scope_reason

        source = self._source(request, spider)
        if source is None or request.meta.get("dont_redirect"):
            return response
        if response.status in self._STATUSES and b"Location" in response.headers:
            target = urljoin(request.url, response.headers[b"Location"].decode("latin-1"))
            why = scope_reason(target, source)
            if why:
                raise IgnoreRequest(f"redirect out of scope: {target} ({why})")
        elif isinstance(response, HtmlResponse):
            interval, target = get_meta_refresh(response, ignore_tags=self.ignore_tags)
            if target and interval is not None and float(interval) < self.max_delay:
                why = scope_reason(target, source)
                if why:
                    raise IgnoreRequest(f"meta refresh out of scope: {target} ({why})")
        return response


class CanonicalFingerprinter:
    """Request fingerprints from the canonical URL key (method + key + body), so session,
    tracking, print and trailing-slash variants of a page are one request."""

    @classmethod
    def from_crawler(cls, crawler):
        return cls()

    def fingerprint(self, request: Request) -> bytes:
        data = {"method": request.method, "url": url_key(request.url),
                "body": (request.body or b"").hex()}
        return hashlib.sha1(json.dumps(data, sort_keys=True).encode()).digest()


try:  # distributed mode only: scrapy-redis is imported when installed
    from scrapy_redis.dupefilter import RFPDupeFilter as _RedisRFPDupeFilter
except ImportError:  # pragma: no cover - the module must still import without it
    _RedisRFPDupeFilter = object


class RedisDupeFilter(_RedisRFPDupeFilter):
    """scrapy-redis' shared dupefilter, fingerprinting canonical URL keys like
    CanonicalFingerprinter (scrapy-redis 0.9.1 hashes w3lib's canonicalize_url instead)."""

    def request_fingerprint(self, request: Request) -> str:
        return CanonicalFingerprinter().fingerprint(request).hex()


class IdleCloseExtension:
    """Distributed mode: keep a crawler process alive while the shared Redis queue may still
    receive requests from the other processes, and close it after VNNEWS_IDLE_CLOSE seconds
    with nothing to do (scrapy-redis' MAX_IDLE_TIME_BEFORE_CLOSE, for any spider)."""

    def __init__(self, crawler, idle_close: float):
        self.crawler = crawler
        self.idle_close = idle_close
        self.idle_since: float | None = None

    @classmethod
    def from_crawler(cls, crawler):
        idle = crawler.settings.getfloat("VNNEWS_IDLE_CLOSE", 0)
        if idle <= 0:
            raise NotConfigured
        ext = cls(crawler, idle)
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.request_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        return ext

    def request_scheduled(self, request=None, spider=None):
        self.idle_since = None

    def response_received(self, response=None, request=None, spider=None):
        self.idle_since = None

    def spider_idle(self, spider=None):
        from scrapy.exceptions import DontCloseSpider

        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.idle_close:
            raise DontCloseSpider


class RedisRun:
    """The processes of one distributed crawl ``run``, as keys in Redis.

    Each process holds a key ``vnnews:RUN:worker:ID`` that expires unless refreshed (so a
    process killed with SIGKILL drops out by itself). The first process of a run — no live
    worker key — clears what a dead run left (its queue lost the requests in flight, so its
    dupefilter would hide pages forever); the last one out deletes the queue and dupefilter.
    A run killed as a whole is crawled again from its start URLs, cheaply: stored pages are
    fetched conditionally.
    """

    def __init__(self, redis_url: str, run: str, ttl: float = 30):
        import redis

        self.server = redis.Redis.from_url(redis_url)
        self.ttl = max(1, round(ttl))  # seconds a worker key lives without a refresh
        self.prefix = f"vnnews:{run}"
        self.key = f"{self.prefix}:worker:{uuid.uuid4().hex}"
        self.stop = threading.Event()

    def _live(self) -> list[bytes]:
        mine = self.key.encode()
        return [k for k in self.server.scan_iter(f"{self.prefix}:worker:*") if k != mine]

    def join(self) -> bool:
        """Register this process; returns True when it cleared a dead run's leftovers."""
        lock = self.server.lock(f"{self.prefix}:lock", timeout=10, blocking_timeout=30)
        with lock:
            cleared = False
            if not self._live():
                cleared = bool(self.server.delete(f"{self.prefix}:requests",
                                                  f"{self.prefix}:dupefilter"))
            self.server.set(self.key, "1", ex=self.ttl)
        threading.Thread(target=self._refresh, daemon=True, name="vnnews-redis-run").start()
        return cleared

    def _refresh(self) -> None:
        while not self.stop.wait(self.ttl / 3):
            self.server.set(self.key, "1", ex=self.ttl)

    def leave(self) -> None:
        """Unregister; the last process of the run deletes the shared queue and dupefilter."""
        self.stop.set()
        with self.server.lock(f"{self.prefix}:lock", timeout=10, blocking_timeout=30):
            self.server.delete(self.key)
            if not self._live():
                self.server.delete(f"{self.prefix}:requests", f"{self.prefix}:dupefilter")
