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
from concurrent.futures import ProcessPoolExecutor

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

from crawler.items import FetchFailure
from crawler.ingest import ingest, source_hints
from crawler.progress import Progress
from crawler.archive.store import open_store

__all__ = ["StorePipeline", "Progress", "summary_lines"]

PARENT_CHECK_SECONDS = 0.5  # how soon the storage worker notices its crawler was killed


# ---- the storage process ----------------------------------------------------------------
# Extraction and storage run in a worker process of their own, beside the crawling one: the
# reactor keeps downloading and following links while pages are extracted and written, on
# another core (bench/bench_crawl.py measures the gain). One worker, so pages are written one
# at a time, each in its own transaction, in the order they arrived.

_worker: dict = {}


def _open_worker(db_path: str, crawl_id: int | None, hints: dict) -> None:
    # Ctrl-C reaches the whole process group: the crawler stops gracefully and still needs
    # its worker to store the pages in flight, so the worker ignores it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A crawler killed with SIGKILL cannot stop its worker: the worker leaves on its own
    # when its parent is gone (it is then re-parented).
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="vnnews-parent-watch").start()
    store = open_store(db_path)
    hints = {name: source_hints(given, store.source_profile(name)) for name, given in hints.items()}
    _worker.update(store=store, crawl_id=crawl_id, hints=hints)


def _handle_item(item) -> tuple[int, int, int, int]:
    """Store one item in the worker; returns (pages, articles, unchanged, errors)."""
    store, crawl_id = _worker["store"], _worker["crawl_id"]
    if isinstance(item, FetchFailure):
        store.record_failure(crawl_id, item.source, item.url, item.reason)
        return 0, 0, 0, 1
    done = ingest(store, item, crawl_id, _worker["hints"].get(item.source))
    return 1, int(done.is_article), int(done.outcome == "unchanged"), 0


class StorePipeline:
    """Pages and failures → the database, through the storage process (see above)."""

    def __init__(self, db_path: str, crawl_id: int | None, progress: bool = False,
                 crawler=None):
        self.crawler = crawler
        self.db_path = db_path
        self.crawl_id = crawl_id
        self.progress = Progress() if progress else None
        self.started = time.monotonic()
        self.executor: ProcessPoolExecutor | None = None

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        pipeline = cls(s.get("VNNEWS_DB"), s.get("VNNEWS_CRAWL_ID"), s.getbool("VNNEWS_PROGRESS"))
        pipeline.crawler = crawler
        return pipeline

    def open_spider(self, spider=None):
        # Scrapy 2.13+ calls open_spider() without the spider: take it from the crawler
        spider = spider or getattr(getattr(self, "crawler", None), "spider", None)
        sources = getattr(spider, "sources", {})
        sources = sources.values() if isinstance(sources, dict) else sources
        hints = {s.name: s.hints for s in sources}
        open_store(self.db_path).close()  # create or migrate before the worker starts
        self.executor = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"),
            initializer=_open_worker, initargs=(self.db_path, self.crawl_id, hints))

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
        total: dict = {"failures": {}}
        for counts in per_source.values():
            for key, value in counts.items():
                if key == "failures":
                    for reason, n in value.items():
                        total["failures"][reason] = total["failures"].get(reason, 0) + n
                elif key == "links":
                    mine = total.setdefault("links", {"found": 0, "followed": 0, "skipped": {}})
                    mine["found"] += value["found"]
                    mine["followed"] += value["followed"]
                    for reason, n in value["skipped"].items():
                        mine["skipped"][reason] = mine["skipped"].get(reason, 0) + n
                else:
                    total[key] = total.get(key, 0) + value
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
                store.finish_crawl(self.crawl_id, self.summary(store))
            finally:
                store.close()


def summary_lines(summary: dict) -> list[str]:
    """The end-of-crawl report, one line per source and one for the failures' reasons."""
    lines = []
    for name, c in sorted(summary.get("sources", {}).items()):
        line = (f"{name}: fetched {c.get('fetched', 0)}, articles {c.get('articles', 0)}, "
                f"new {c.get('new', 0)}, changed {c.get('changed', 0)}, unchanged "
                f"{c.get('unchanged', 0)}, duplicates {c.get('duplicates', 0)}, failed "
                f"{c.get('failed', 0)}")
        if c.get("failures"):
            reasons = ", ".join(f"{k} {v}" for k, v in sorted(c["failures"].items()))
            line += f" ({reasons})"
        links = c.get("links")
        if links:
            skipped = links["skipped"]
            line += (f"; links found {links['found']}, followed {links['followed']}, skipped "
                     f"{sum(skipped.values())}")
            if skipped:
                line += " (" + ", ".join(f"{k} {v}" for k, v in
                                         sorted(skipped.items(), key=lambda kv: -kv[1])) + ")"
        lines.append(line)
    return lines
