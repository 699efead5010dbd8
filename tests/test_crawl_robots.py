"""robots.txt is read and applied before any other request to its host (issue 13), checked
against the fixture server's own request log (tests/sites/robotsite.py), not the crawler's.

The disallowed path is linked from the home page, named as a start URL, listed in the
sitemap and the RSS feed, and the target of a redirect; none of these may reach the server, in any of 20
crawls in a row at delay 0 and full concurrency. Each disallowed URL is counted as skipped
with the reason "robots.txt".

A robots.txt that answers 404 or 5xx, or does not answer, is handled as Scrapy does: the body
of any answer is parsed as rules (an error page holds none, so all is allowed) and a download
error allows all; in each case the file is asked for first and nothing else leaves before
that request ended.
"""
from __future__ import annotations

import json

import pytest

from sites.crawling import path_of, query, run_crawl, write_sources
from sites.robotsite import DISALLOWED, serve

CRAWLS = 20
FULL_SPEED = {"CONCURRENT_REQUESTS": "32", "CONCURRENT_REQUESTS_PER_DOMAIN": "32"}
ALLOWED_PAGES = {"/site/", "/site/a", "/site/b", "/site/sitemap-only"}  # /site/go: its
# target is disallowed
SKIPPED = {"/site/private/start", "/site/private/secret", "/site/private/moved",
           "/site/private/in-sitemap", "/site/private/in-feed"}


def _sources(tmp_path, base: str):
    # a start URL inside the disallowed path, beside the site's home page
    return write_sources(tmp_path / "sources.toml", "robots", base,
                         start_urls=[base, base + "private/start"])


def _before_first_page(log: list[str]) -> list[str]:
    """The paths the server received before the first one that is not robots.txt."""
    first = next(i for i, p in enumerate(log) if p != "/robots.txt")
    return log[:first]


def test_disallowed_path_never_requested_in_twenty_crawls(tmp_path):
    with serve() as (base, site):
        sources = _sources(tmp_path, base)
        for n in range(CRAWLS):
            # odd runs re-crawl the same database (conditional requests), even runs are fresh
            db = tmp_path / f"news-{n // 2}.db"
            site.clear()
            done = run_crawl(sources, db, settings=FULL_SPEED)
            log = site.paths()
            assert not [p for p in log if p.startswith(DISALLOWED)], (n, log)
            assert log[0] == "/robots.txt", (n, log)
            crawl_id = query(db, "select max(id) from crawls")[0][0]
            skipped = query(db, "select url, reason from failures where crawl_id = ?",
                            [crawl_id])
            assert {path_of(u) for u, _r in skipped} == SKIPPED, n
            assert {r for _u, r in skipped} == {"robots.txt"}
            assert f"skipped {len(SKIPPED)} (robots.txt {len(SKIPPED)})" in done.stdout, n
            assert "failed 0" in done.stdout, done.stdout
        stored = {path_of(u) for (u,) in query(db, "select url from pages")}
        assert stored == ALLOWED_PAGES
        (summary,) = query(db, "select summary from crawls where id = ?", [crawl_id])[0]
        counts = json.loads(summary)["sources"]["robots"]
        assert counts["skips"] == {"robots.txt": len(SKIPPED)} and counts.get("failed", 0) == 0


def test_resumed_crawl_applies_robots_before_replaying(tmp_path):
    """A crawl resumed after robots.txt changed: its stored pages are replayed from the
    database only once the rules were read, and a now-disallowed one is skipped."""
    from crawler.crawl import _write_state

    with serve(robots="empty") as (base, site):
        sources = _sources(tmp_path, base)
        db = tmp_path / "news.db"
        run_crawl(sources, db)
        assert "/site/private/secret" in site.paths()  # allowed then
        # the crawl is resumed as if it had been killed: same job state, same crawl id
        _write_state(tmp_path / "news.db-job", {"crawl_id": 1, "sources": ["robots"]})
        site.robots = "rules"
        site.clear()
        done = run_crawl(sources, db)
        assert "Resumed crawl 1." in done.stdout
        log = site.paths()
        assert log and log[0] == "/robots.txt", log
        assert not [p for p in log if p.startswith(DISALLOWED)], log
        skipped = query(db, "select url from failures where crawl_id = 1 and reason = ?",
                        ["robots.txt"])
        assert {path_of(u) for (u,) in skipped} >= {"/site/private/secret"}
        # resumed once more: each skipped URL stays counted once
        _write_state(tmp_path / "news.db-job", {"crawl_id": 1, "sources": ["robots"]})
        run_crawl(sources, db)
        again = query(db, "select url from failures where crawl_id = 1 and reason = ?",
                      ["robots.txt"])
        assert sorted(again) == sorted(skipped)


@pytest.mark.parametrize("mode", ["404", "500", "silent"])
def test_robots_errors_handled_as_scrapy_does(tmp_path, mode):
    with serve(robots=mode) as (base, site):
        sources = _sources(tmp_path, base)
        db = tmp_path / "news.db"
        try:
            # RETRY_TIMES 0: a robots.txt that never answers fails once, at DOWNLOAD_TIMEOUT
            run_crawl(sources, db, settings={**FULL_SPEED, "RETRY_TIMES": "0"})
        finally:
            site.release()
        log = site.paths()
        assert log[0] == "/robots.txt"
        # Scrapy's robots.txt request came first and ended before anything else left; our
        # own copy (for its Sitemap lines) may follow at once.
        assert set(_before_first_page(log)) == {"/robots.txt"}
        stored = {path_of(u) for (u,) in query(db, "select url from pages")}
        assert "/site/private/secret" in stored and "/site/a" in stored  # all allowed
        assert not query(db, "select url from failures where reason = 'robots.txt'")
