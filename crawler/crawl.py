"""`vnnews crawl`: run the portal spider over the configured sources into the database."""
from __future__ import annotations

import json
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.errors import ConfigError, VnnewsError
from crawler.sources import Source, load_sources
from crawler.spiders.portal import PortalSpider
from crawler.store import open_store

__all__ = ["crawl", "crawl_settings"]


def crawl_settings(db_path: str, crawl_id: int, sources: list[Source],
                   verbose: bool = False) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("VNNEWS_DB", db_path)
    settings.set("VNNEWS_CRAWL_ID", crawl_id)
    # A source's own delay applies to its hosts (Scrapy download slots are per host).
    slots = {}
    for source in sources:
        if source.delay is not None:
            for host in source.hosts:
                port = {urlsplit(u).port for u in [source.base_url, *source.start_urls] if u}
                for p in port:
                    slots[f"{host}:{p}" if p else host] = {"delay": float(source.delay)}
                slots[host] = {"delay": float(source.delay)}
    settings.set("DOWNLOAD_SLOTS", slots)
    if verbose:
        settings.set("LOG_LEVEL", "INFO")
    return settings


def _unreachable(summary: dict, sources: list[Source], store) -> list[str]:
    """Sources that gave no page at all, with the first failure's reason."""
    problems = []
    for source in sources:
        counts = summary.get("sources", {}).get(source.name, {})
        if counts.get("fetched", 0) == 0:
            row = store.db.execute(
                "select url, reason from failures where source = ? order by id desc limit 1",
                [source.name]).fetchone()
            reason = f"{row[0]}: {row[1]}" if row else "no page could be fetched"
            problems.append(f"source '{source.name}' unreachable ({reason})")
    return problems


def crawl(sources_path: str, db_path: str, only: list[str] | None = None,
          verbose: bool = False, warn=print) -> dict:
    """Crawl the enabled sources of ``sources_path`` into ``db_path``; return the summary.

    Raises VnnewsError when the configuration is wrong or a source could not be reached.
    """
    sources = load_sources(sources_path, only=only, warn=warn)
    portals = [s for s in sources if s.kind == "portal"]
    if not portals:
        raise ConfigError(f"{sources_path}: no enabled portal source to crawl; set "
                          "enabled = true on an entry or pass --source NAME")
    store = open_store(db_path)
    for s in portals:
        store.save_source(s.name, s.kind, s.district, s.province, s.base_url, s.config())
    crawl_id = store.start_crawl([s.name for s in portals])

    process = CrawlerProcess(crawl_settings(db_path, crawl_id, portals, verbose))
    process.crawl(PortalSpider, sources=portals)
    process.start()

    row = store.crawl(crawl_id)
    summary = json.loads(row["summary"] or "{}")
    summary["crawl_id"] = crawl_id
    problems = _unreachable(summary, portals, store)
    if problems:
        raise VnnewsError("; ".join(problems))
    return summary
