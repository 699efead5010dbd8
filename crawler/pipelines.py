"""Scrapy item pipeline: every Page is extracted and stored, every FetchFailure recorded,
and the crawl's per-source summary is written when the spider closes."""
from __future__ import annotations

from collections import Counter, defaultdict

from crawler.items import FetchFailure, Page
from crawler.process import extract_page
from crawler.store import open_store


class StorePipeline:
    def __init__(self, db_path: str, crawl_id: int | None):
        self.db_path = db_path
        self.crawl_id = crawl_id
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.failures: dict[str, Counter] = defaultdict(Counter)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("VNNEWS_DB"), crawler.settings.get("VNNEWS_CRAWL_ID"))

    def open_spider(self, spider=None):
        self.store = open_store(self.db_path)
        self.hints = {s.name: s.hints for s in getattr(spider, "sources", [])}

    def process_item(self, item, spider=None):
        if isinstance(item, FetchFailure):
            self.store.record_failure(self.crawl_id, item.source, item.url, item.reason)
            self.counts[item.source]["failed"] += 1
            self.failures[item.source][item.reason.split(":")[0]] += 1
        elif isinstance(item, Page):
            article = extract_page(item, self.hints.get(item.source))
            outcome = self.store.save_page(item, article, self.crawl_id)
            counts = self.counts[item.source]
            counts["fetched"] += 1
            counts[outcome] += 1
            counts["articles"] += int(article.is_article)
        return item

    def summary(self) -> dict:
        per_source = {}
        total: Counter = Counter()
        all_failures: Counter = Counter()
        for name in sorted(set(self.counts) | set(self.failures)):
            per_source[name] = dict(self.counts[name], failures=dict(self.failures[name]))
            total.update(self.counts[name])
            all_failures.update(self.failures[name])
        return {"sources": per_source, "total": dict(total, failures=dict(all_failures))}

    def close_spider(self, spider=None):
        if self.crawl_id is not None:
            self.store.finish_crawl(self.crawl_id, self.summary())
        self.store.db.conn.close()
