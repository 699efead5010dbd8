"""Scrapy item pipeline: every Page is extracted and stored (one transaction per page),
every FetchFailure recorded with its reason, and the crawl's per-source summary written to
the crawls table when the spider closes.

A page whose bytes are already stored (or that the server answered with 304 Not Modified)
only has its fetch time moved: it is not extracted again. Extraction and storage run in a
worker process (see _open_worker).
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from urllib.parse import urlsplit
from concurrent.futures import ProcessPoolExecutor

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

from crawler.extract.limits import PAGE_TIME_LIMIT
from crawler.items import FetchFailure
from crawler.extract import SourceProfiles
from crawler.ingest import ingest, source_hints
from crawler.progress import Progress
from crawler.archive.store import EXAMPLES_PER_REASON, open_store

__all__ = ["StorePipeline", "Progress", "summary_lines", "reason_lines", "merge_counts"]

PARENT_CHECK_SECONDS = 0.5  # how soon the storage worker notices its crawler was killed


# ---- the storage process ----------------------------------------------------------------
# Extraction and storage run in a worker process of their own, beside the crawling one: the
# reactor keeps downloading and following links while pages are extracted and written, on
# another core (bench/bench_crawl.py measures the gain). One worker, so pages are written one
# at a time, each in its own transaction, in the order they arrived.

_worker: dict = {}


def _open_worker(db_path: str, crawl_id: int | None, hints: dict, parent: int,
                 time_limit: float | None = PAGE_TIME_LIMIT) -> None:
    # Ctrl-C reaches the whole process group: the crawler stops gracefully and still needs
    # its worker to store the pages in flight, so the worker ignores it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A crawler killed with SIGKILL cannot stop its worker: the worker leaves on its own
    # when its parent is gone. ``parent`` is the crawler's PID as the crawler itself gave it:
    # reading os.getppid() here instead would, when the crawler died while this process was
    # still starting, read the PID of whoever adopted it and wait forever.
    _exit_with_parent(parent)
    store = open_store(db_path)
    # What each source repeats keeps its chrome out of bodies and titles. A source that
    # `vnnews process` has profiled: its stored profile, the evidence process uses. A source
    # without one (its first crawl): what its pages repeat, learned as they arrive, the way
    # `vnnews extract` learns from a batch of files (crawler.extract.SourceProfiles).
    learned = {name: store.source_profile(name) for name in hints}
    _worker.update(store=store, crawl_id=crawl_id, time_limit=time_limit,
                   hints={name: source_hints(given, learned[name]) for name, given in hints.items()
                          if learned[name] is not None},
                   growing=SourceProfiles(hints))


def _exit_with_parent(parent: int) -> None:
    """Exit this process as soon as ``parent`` is no longer its parent process."""
    _ask_kernel_for_parent_death_signal()
    if os.getppid() != parent:
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="vnnews-parent-watch").start()


def _ask_kernel_for_parent_death_signal() -> None:
    """Linux: SIGKILL this process when its parent dies (prctl PR_SET_PDEATHSIG), at once and
    even while its main thread is busy; the watch thread covers other systems."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _handle_item(item) -> tuple[int, int, int, int]:
    """Store one item in the worker; returns (pages, articles, unchanged, errors)."""
    store, crawl_id = _worker["store"], _worker["crawl_id"]
    if isinstance(item, FetchFailure):
        store.record_failure(crawl_id, item.source, item.url, item.reason)
        return 0, 0, 0, 1
    done = ingest(store, item, crawl_id, _crawl_hints(item), time_limit=_worker["time_limit"])
    return 1, int(done.is_article), int(done.outcome == "unchanged"), 0


def _crawl_hints(item) -> dict:
    """The hints a fetched page is extracted with (see _open_worker)."""
    hints = _worker["hints"].get(item.source)
    if hints is not None:
        return hints
    growing = _worker["growing"]
    headers = item.headers or {}
    content_type = headers.get("Content-Type") or headers.get("content-type") or "html"
    if item.status == 200 and item.body and "html" in content_type.lower():
        growing.observe(item.source, item.body)
    return growing.hints(item.source)


class StorePipeline:
    """Pages and failures → the database, through the storage process (see above)."""

    def __init__(self, db_path: str, crawl_id: int | None, progress: bool = False,
                 time_limit: float | None = PAGE_TIME_LIMIT):
        self.crawler = None  # set by from_crawler: the spider's link counts come from it
        self.db_path = db_path
        self.crawl_id = crawl_id
        self.time_limit = time_limit
        self.progress = Progress() if progress else None
        self.started = time.monotonic()
        self.executor: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        pipeline = cls(s.get("VNNEWS_DB"), s.get("VNNEWS_CRAWL_ID"), s.getbool("VNNEWS_PROGRESS"),
                       s.getfloat("VNNEWS_PAGE_TIME_LIMIT", PAGE_TIME_LIMIT))
        pipeline.crawler = crawler
        return pipeline

    def open_spider(self, spider=None):
        # Scrapy 2.13+ calls open_spider() without the spider: take it from the crawler
        spider = spider or getattr(getattr(self, "crawler", None), "spider", None)
        sources = getattr(spider, "sources", {})
        sources = sources.values() if isinstance(sources, dict) else sources
        hints = {s.name: s.extract_hints() for s in sources}  # hints and site roots
        open_store(self.db_path).close()  # create or migrate before the worker starts
        self.executor = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"),
            initializer=_open_worker,
            initargs=(self.db_path, self.crawl_id, hints, os.getpid(), self.time_limit))

    async def process_item(self, item, spider=None):
        from twisted.internet import reactor

        done: Deferred = Deferred()

        def finished(future):  # in the executor's thread: hand the result to the reactor
            error = future.exception()
            if error is not None:
                reactor.callFromThread(done.errback, error)
            else:
                reactor.callFromThread(done.callback, future.result())

        self.executor.submit(_handle_item, item).add_done_callback(finished)
        self._tick(await maybe_deferred_to_future(done))
        return item

    def _tick(self, counts: tuple[int, int, int, int]) -> None:
        if self.progress is None:
            return
        p = self.progress
        pages, articles, unchanged, errors = counts
        p.pages += pages
        p.articles += articles
        p.unchanged += unchanged
        p.errors += errors
        p.update()

    def summary(self, store) -> dict:
        """Per-source and total counts of this crawl, read back from the database."""
        per_source = store.crawl_counts(self.crawl_id) if self.crawl_id is not None else {}
        spider = getattr(self.crawler, "spider", None)
        links = spider.link_counts() if hasattr(spider, "link_counts") else {}
        for name, counts in links.items():
            per_source.setdefault(name, {"failures": {}})["links"] = counts
        total = merge_counts(per_source.values())
        elapsed = time.monotonic() - self.started
        total["seconds"] = round(elapsed, 1)
        total["pages_per_second"] = round(total.get("fetched", 0) / elapsed, 1) if elapsed else 0
        return {"sources": per_source, "total": total}

    def close_spider(self, spider=None):
        if self.executor is not None:
            self.executor.shutdown(wait=True)  # every item was already awaited by Scrapy
        if self.progress is not None:
            self.progress.close()
        if self.crawl_id is not None:
            store = open_store(self.db_path)
            try:
                summary = self.summary(store)
                store.finish_crawl(self.crawl_id, summary, "\n".join(reason_lines(summary)))
            finally:
                store.close()


def merge_counts(per_source) -> dict:
    """The counts of several sources added up (reason tables merged, examples capped)."""
    total: dict = {"failures": {}}
    for counts in per_source:
        _add_counts(total, counts)
    return total


def _add_counts(total: dict, counts: dict) -> None:
    for key, value in counts.items():
        if key == "examples":
            merged = total.setdefault("examples", {})
            for kind, urls in value.items():
                shown = merged.setdefault(kind, [])
                shown += [u for u in urls if u not in shown][:EXAMPLES_PER_REASON - len(shown)]
        elif isinstance(value, dict):  # a reason table, or the link counts and their table
            _add_counts(total.setdefault(key, {}), value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            total[key] = total.get(key, 0) + value


def _reasons(table: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(table.items()))


def _short(text: str) -> str:
    """An example without the origin its URLs share with the first one: "/a → /a/" for
    "http://host/a → http://host/a/" (a URL on another host keeps its host)."""
    urls = text.split(" → ")
    origin = urlsplit(urls[0]).netloc
    shown = []
    for url in urls:
        parts = urlsplit(url)
        if parts.netloc and parts.netloc == origin:
            shown.append((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
        else:
            shown.append(url)
    return " → ".join(shown)


def reason_lines(summary: dict) -> list[str]:
    """One line per reason and source, with its count and up to EXAMPLES_PER_REASON example
    URLs: "name: redirect loop 2: /a → /b → /a, /c → /c"."""
    lines = []
    for name, c in sorted(summary.get("sources", {}).items()):
        examples = c.get("examples", {})
        for table in ("failures", "skips", "not_articles"):
            for kind, n in sorted(c.get(table, {}).items(), key=lambda kv: (-kv[1], kv[0])):
                shown = [_short(u) for u in examples.get(kind, [])]
                more = " …" if n > len(shown) else ""
                lines.append(f"{name}: {kind} {n}: {', '.join(shown)}{more}".rstrip(": "))
    return lines


def summary_lines(summary: dict) -> list[str]:
    """The end-of-crawl report: one line per source, then one line per reason (with example
    URLs) of what failed, was skipped or was stored as no article."""
    lines = []
    for name, c in sorted(summary.get("sources", {}).items()):
        line = (f"{name}: fetched {c.get('fetched', 0)}, articles {c.get('articles', 0)}, "
                f"new {c.get('new', 0)}, changed {c.get('changed', 0)}, unchanged "
                f"{c.get('unchanged', 0)}, duplicates {c.get('duplicates', 0)}, failed "
                f"{c.get('failed', 0)}")
        if c.get("failures"):
            line += f" ({_reasons(c['failures'])})"
        if c.get("skipped"):
            line += f", skipped {c['skipped']} ({_reasons(c.get('skips', {}))})"
        links = c.get("links")
        if links:
            skipped = links["skipped"]
            line += (f"; links found {links['found']}, followed {links['followed']}, skipped "
                     f"{sum(skipped.values())}")
            if skipped:
                line += " (" + ", ".join(f"{k} {v}" for k, v in
                                         sorted(skipped.items(), key=lambda kv: -kv[1])) + ")"
        lines.append(line)
    return lines + ["  " + line for line in reason_lines(summary)]
