"""Scrapy item pipeline: every Page is extracted and stored (one transaction per page),
every FetchFailure recorded with its reason, and the crawl's per-source summary written to
the crawls table when the spider closes.

A page whose bytes are already stored (or that the server answered with 304 Not Modified)
only has its fetch time moved: it is not extracted again.
"""
from __future__ import annotations

import hashlib
import sys
import time

from crawler.items import FetchFailure, Page
from crawler.store import open_store

__all__ = ["StorePipeline", "Progress", "summary_lines"]

PROGRESS_INTERVAL = 1.0  # seconds between two progress lines, at least


class Progress:
    """A live one-line progress report on stderr: pages/s, articles, errors."""

    def __init__(self, stream=None, interval: float = PROGRESS_INTERVAL):
        self.stream = stream or sys.stderr
        self.interval = interval
        self.started = time.monotonic()
        self.last = 0.0
        self.pages = self.articles = self.errors = self.unchanged = 0
        self.shown = False

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        return (f"{self.pages} pages ({self.pages / elapsed:.1f}/s), {self.articles} articles, "
                f"{self.unchanged} unchanged, {self.errors} errors, {elapsed:.0f}s")

    def update(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self.last >= self.interval:
            self.last = now
            self.stream.write("\r\033[K" + self.line())
            self.stream.flush()
            self.shown = True

    def close(self) -> None:
        if self.shown:
            self.update(force=True)
            self.stream.write("\n")
            self.stream.flush()


class StorePipeline:
    def __init__(self, db_path: str, crawl_id: int | None, progress: bool = False):
        self.db_path = db_path
        self.crawl_id = crawl_id
        self.progress = Progress() if progress else None
        self.started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler):
        s = crawler.settings
        return cls(s.get("VNNEWS_DB"), s.get("VNNEWS_CRAWL_ID"), s.getbool("VNNEWS_PROGRESS"))

    def open_spider(self, spider=None):
        self.store = open_store(self.db_path)
        sources = getattr(spider, "sources", {})
        sources = sources.values() if isinstance(sources, dict) else sources
        self.hints = {s.name: s.hints for s in sources}

    def process_item(self, item, spider=None):
        if isinstance(item, FetchFailure):
            self.store.record_failure(self.crawl_id, item.source, item.url, item.reason)
            self._tick(errors=1)
        elif isinstance(item, Page):
            self._save(item)
        return item

    def _save(self, page: Page) -> None:
        if page.status == 304:  # not modified: the newest stored version stands
            self.store.touch_page(page.url, page.fetched_at, self.crawl_id)
            self._tick(unchanged=1)
            return
        sha = hashlib.sha256(page.body).hexdigest()
        if self.store.touch_page(page.url, page.fetched_at, self.crawl_id, sha):
            self._tick(unchanged=1)  # same bytes as a stored version: no re-extraction
            return
        from crawler.process import extract_page  # the extractor loads on first use
        from crawler.urls import canonical_url

        article = extract_page(page, self.hints.get(page.source))
        # Every URL seen gets a canonical URL: the extractor's (rel=canonical), else ours.
        article.canonical_url = canonical_url(article.canonical_url or page.final_url)
        self.store.save_page(page, article, self.crawl_id)
        self._tick(articles=int(article.is_article))

    def _tick(self, articles: int = 0, errors: int = 0, unchanged: int = 0) -> None:
        if self.progress is None:
            return
        p = self.progress
        p.pages += 0 if errors else 1
        p.articles += articles
        p.errors += errors
        p.unchanged += unchanged
        p.update()

    def summary(self) -> dict:
        """Per-source and total counts of this crawl, read back from the database."""
        per_source = self.store.crawl_counts(self.crawl_id) if self.crawl_id is not None else {}
        total: dict = {"failures": {}}
        for counts in per_source.values():
            for key, value in counts.items():
                if key == "failures":
                    for reason, n in value.items():
                        total["failures"][reason] = total["failures"].get(reason, 0) + n
                else:
                    total[key] = total.get(key, 0) + value
        elapsed = time.monotonic() - self.started
        total["seconds"] = round(elapsed, 1)
        total["pages_per_second"] = round(total.get("fetched", 0) / elapsed, 1) if elapsed else 0
        return {"sources": per_source, "total": total}

    def close_spider(self, spider=None):
        if self.progress is not None:
            self.progress.close()
        if self.crawl_id is not None:
            self.store.finish_crawl(self.crawl_id, self.summary())
        self.store.db.conn.close()


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
        lines.append(line)
    return lines
