"""Distributed mode: two `vnnews crawl --redis` processes share one request queue and one
dupefilter in a real redis-server on 127.0.0.1 and feed one database: every page is stored
once, and both processes take part."""
from __future__ import annotations

import json
import socket
import subprocess
import time

from sites.crawling import ROOT, crawl_args, query, write_sources
from sites.pagedsite import PagedSite, serve
from sites.redisserver import redis_server

ARTICLES = 60


def _keys(url: str) -> list[bytes]:
    host, port = url.rsplit("/", 1)[-1].split(":")
    with socket.create_connection((host, int(port)), timeout=2) as conn:
        conn.sendall(b"KEYS *\r\n")
        time.sleep(0.1)
        return conn.recv(65536).split(b"\r\n")


def test_two_processes_store_each_page_once(tmp_path):
    with redis_server(tmp_path) as url, \
            serve(PagedSite(articles=ARTICLES, latency=0.15)) as (base, site):
        sources = write_sources(tmp_path / "sources.toml", "paged", base)
        db = tmp_path / "news.db"
        args = crawl_args(sources, db, "--redis", url, settings={"VNNEWS_IDLE_CLOSE": "2"})
        procs = [subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(2)]
        outputs = [p.communicate(timeout=120) for p in procs]
        for proc, (_out, err) in zip(procs, outputs):
            assert proc.returncode == 0, err
            assert "Traceback" not in err

        total = ARTICLES + site.pages + 1  # articles, listing pages, home
        urls = [u for (u,) in query(db, "select url from pages")]
        assert len(urls) == len(set(urls)) == total
        assert query(db, "select count(*) from articles")[0][0] == ARTICLES
        # every page was downloaded once across both processes
        fetched = [p for p in site.requests if p != "/robots.txt" and p != "/sitemap.xml"]
        assert len(fetched) == len(set(fetched)) == total
        # both processes worked, each in its own crawl row
        counts = [json.loads(s)["total"].get("fetched", 0)
                  for (s,) in query(db, "select summary from crawls order by id")]
        assert len(counts) == 2 and sum(counts) == total and min(counts) > 0, counts
        # the last process out cleared the shared queue and dupefilter
        assert not [k for k in _keys(url) if k.startswith(b"vnnews:")]


def test_run_killed_as_a_whole_is_crawled_again_completely(tmp_path):
    """A distributed run whose only process was killed leaves a queue that lost its requests
    in flight and a dupefilter that would hide them: the next run's first process clears
    both, and every page ends up stored once."""
    with redis_server(tmp_path) as url, \
            serve(PagedSite(articles=ARTICLES, latency=0.1)) as (base, site):
        sources = write_sources(tmp_path / "sources.toml", "paged", base)
        db = tmp_path / "news.db"
        settings = {"VNNEWS_IDLE_CLOSE": "1", "VNNEWS_REDIS_TTL": "2"}
        first = subprocess.Popen(crawl_args(sources, db, "--redis", url, settings=settings),
                                 cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and first.poll() is None:
            if db.exists():
                try:
                    if query(db, "select count(*) from pages")[0][0] >= 15:
                        break
                except Exception:  # the schema is being created
                    pass
            time.sleep(0.05)
        assert first.poll() is None, "the crawl ended before it could be killed"
        first.kill()
        first.wait()
        assert [k for k in _keys(url) if k.startswith(b"vnnews:")]  # leftovers
        time.sleep(2.5)  # the killed worker's key expires

        again = subprocess.run(crawl_args(sources, db, "--redis", url, settings=settings),
                               cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert again.returncode == 0, again.stderr
        total = ARTICLES + site.pages + 1
        urls = [u for (u,) in query(db, "select url from pages")]
        assert len(urls) == len(set(urls)) == total
        assert query(db, "select count(*) from articles")[0][0] == ARTICLES
        assert not [k for k in _keys(url) if k.startswith(b"vnnews:")]
