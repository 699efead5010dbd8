"""Readers never see a lock error while a crawl writes (issue 12's guarantee "concurrent
readers"): datasette searches run against the database the whole time pages are stored."""
from __future__ import annotations

import asyncio
import subprocess
import threading
import time

from crawler.site.serve import make_datasette
from sites.crawling import ROOT, crawl_args, query, write_sources
from sites.pagedsite import PagedSite, serve

HANG_GUARD = 600


def _articles(db) -> int:
    try:
        return query(db, "select count(*) from articles")[0][0]
    except Exception:  # not created yet
        return 0


def test_searches_while_a_crawl_writes_see_no_lock_error(tmp_path):
    with serve(PagedSite(articles=80, latency=0.05)) as (base, site):
        sources = write_sources(tmp_path / "sources.toml", "paged", base)
        db = tmp_path / "news.db"
        site.hold(after=40)  # the crawl cannot end before the searches have started
        crawl = subprocess.Popen(crawl_args(sources, db, settings={"DOWNLOAD_TIMEOUT": "600"}),
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        guard = time.monotonic() + HANG_GUARD
        while _articles(db) < 5:
            assert crawl.poll() is None and time.monotonic() < guard
            time.sleep(0.05)
        ds = make_datasette(str(db))
        seen: list[tuple[int, int]] = []  # (HTTP status, articles stored at that moment)
        stop = threading.Event()

        def search() -> None:
            async def run():
                while not stop.is_set():
                    response = await ds.client.get(
                        "/news/articles.json?_search=ph%C6%B0%E1%BB%9Dng&_shape=array")
                    seen.append((response.status_code, _articles(db)))
            asyncio.run(run())

        reader = threading.Thread(target=search)
        reader.start()
        while len(seen) < 20:
            assert time.monotonic() < guard
            time.sleep(0.05)
        site.release()  # the crawl writes the rest while the searches go on
        out, err = crawl.communicate(timeout=HANG_GUARD)
        stop.set()
        reader.join(HANG_GUARD)
        assert crawl.returncode == 0, err
    assert b"paged: fetched 89, articles 80" in out
    statuses = {status for status, _ in seen}
    assert statuses == {200}, seen
    during = [n for _, n in seen if n < 80]
    print(f"{len(seen)} searches, {len(during)} of them while the crawl was writing: all 200")
