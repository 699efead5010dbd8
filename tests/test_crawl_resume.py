"""A crawl killed with SIGKILL and resumed ends with the same articles as an uninterrupted
one, without fetching finished pages again or duplicating rows; the progress line."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import time

import pytest

from sites.crawling import ROOT, crawl_args, path_of, query, run_crawl, write_sources
from sites.pagedsite import PagedSite, serve

ARTICLES = 80  # 8 listing pages; about 4 s at 0.1 s a response, two at a time


def _articles(db):
    return set(query(db, "select canonical_url, title, body from articles"))


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "Ctrl-C"])
def test_killed_crawl_resumes_with_the_same_articles(tmp_path, stop):
    with serve(PagedSite(articles=ARTICLES, latency=0.1)) as (base, site):
        sources = write_sources(tmp_path / "sources.toml", "paged", base)
        reference = tmp_path / "reference.db"
        run_crawl(sources, reference)
        expected = _articles(reference)
        assert len(expected) == ARTICLES

        db = tmp_path / "news.db"
        # The site answers 40 more requests, then holds the rest until released: the crawl
        # cannot finish before it is interrupted, however the machine is loaded (a race
        # between this loop and a 4 s crawl used to fail on a busy machine). Held requests
        # must not time out meanwhile.
        site.hold(after=40)
        proc = subprocess.Popen(crawl_args(sources, db, settings={"DOWNLOAD_TIMEOUT": "600"}),
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        stored, hang_guard = 0, time.monotonic() + 600
        while stored < 25:  # a condition the held site guarantees (about 34 pages come)
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < hang_guard, f"only {stored} pages stored"
            if db.exists():
                try:
                    stored = query(db, "select count(*) from pages")[0][0]
                except Exception:  # the schema is being created
                    stored = 0
            time.sleep(0.05)
        os.kill(proc.pid, stop)
        site.release()  # a graceful stop waits for the requests in flight
        _out, err = proc.communicate(timeout=300)
        if stop == signal.SIGINT:  # a graceful stop says how to go on
            assert proc.returncode == 130
            assert b"run the same command again to resume" in err
        done_before = {path_of(u) for (u,) in query(db, "select url from pages")}
        assert 25 <= len(done_before) < ARTICLES
        asked_before = len(site.requests)

        resumed = run_crawl(sources, db)
        assert "Resumed crawl 1." in resumed.stdout

        # nothing stored before the kill was fetched again
        asked_after = site.requests[asked_before:]
        assert not done_before & set(asked_after)
        # no duplicated rows, same articles as the uninterrupted crawl
        urls = [u for (u,) in query(db, "select url from pages")]
        assert len(urls) == len(set(urls)) == ARTICLES + site.pages + 1
        assert _articles(db) == expected
        rows = query(db, "select id, finished_at, summary from crawls")
        assert len(rows) == 1 and rows[0][1]
        assert f"paged: fetched {ARTICLES + site.pages + 1}, articles {ARTICLES}" in \
            resumed.stdout
        assert not (tmp_path / "news.db-job").exists()  # finished: no job state left


def test_fresh_ignores_an_interrupted_crawl(tmp_path):
    with serve(PagedSite(articles=5, latency=0)) as (base, _site):
        sources = write_sources(tmp_path / "sources.toml", "paged", base)
        db = tmp_path / "news.db"
        run_crawl(sources, db)
        # a job state as a killed crawl leaves it
        job = tmp_path / "news.db-job"
        job.mkdir()
        (job / "state.json").write_text('{"crawl_id": 1, "sources": ["paged"], "clean": false}')
        done = run_crawl(sources, db, "--fresh")
        assert "Resumed" not in done.stdout
        assert query(db, "select count(*) from crawls")[0][0] == 2


def test_progress_line_at_most_once_a_second(tmp_path):
    with serve(PagedSite(articles=30, latency=0.05)) as (base, _site):
        sources = write_sources(tmp_path / "sources.toml", "paged", base)
        args = [a for a in crawl_args(sources, tmp_path / "news.db") if a != "--no-progress"]
        started = time.monotonic()
        done = subprocess.run(args + ["--progress"], capture_output=True, cwd=ROOT,
                              timeout=120)  # bytes: text mode would turn \r into \n
        elapsed = time.monotonic() - started
        stderr = done.stderr.decode("utf-8")
        assert done.returncode == 0, stderr
        updates = re.findall(r"\r\x1b\[K(\d+) pages \(([\d.]+)/s\), (\d+) articles, \d+ "
                             r"unchanged, (\d+) errors", stderr)
        assert updates
        assert len(updates) <= elapsed + 2  # one a second, plus the final line
        assert updates[-1][0] == "34" and updates[-1][2] == "30" and updates[-1][3] == "0"
        # not on a pipe unless asked
        quiet = subprocess.run(crawl_args(sources, tmp_path / "other.db"), capture_output=True,
                               text=True, cwd=ROOT, timeout=120)
        assert "pages (" not in quiet.stderr
