"""A portal copy on a static host (issue 15): the demo portal laid out as a static site
(crawler/demo/static.py) and served by real servers in their default configuration (Python's
http.server, nginx and Apache httpd from Debian), crawled, and mirrored by a real GNU wget
into a WARC that is imported and re-processed. Every path gives the same set of article rows
as a crawl of the plain demo portal.

The servers answer ``/a`` with a 301 to ``/a/`` (directories); the links use ``/a/``, ``/a``
and ``/a/index.html`` in turn; three articles have non-ASCII names (curly quotes, an en dash
and spaces; Vietnamese in NFC; in NFD) linked with raw characters. A soft 404 (200 with a
"not found" text) and a broken link are on the root page.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path
from urllib.parse import unquote

import pytest

from crawler.demo.portal import DemoPortal
from crawler.demo.static import BROKEN_LINK, SITE_ROOTS, SOFT_404, build_static_site, \
    static_layout
from sites.crawling import ROOT, VNNEWS, path_of, query, run_crawl, write_sources
from sites.webservers import require, served

SERVERS = ["python", "nginx", "apache"]


def article_rows(db: Path) -> set[tuple]:
    """The article rows as text: what a reader gets, whatever the URLs."""
    return set(query(db, "select title, published, lead, body, author from articles"))


@pytest.fixture(scope="module")
def plain_rows(tmp_path_factory):
    """The article rows of a crawl of the plain demo portal (data/sources.toml)."""
    db = tmp_path_factory.mktemp("plain") / "news.db"
    with DemoPortal() as portal:
        env = {**os.environ, "VNNEWS_DEMO_URL": portal.url}
        done = subprocess.run([*VNNEWS, "crawl", "--sources", str(ROOT / "data/sources.toml"),
                               "--db", str(db), "--no-progress", "--fresh"], env=env,
                              capture_output=True, text=True, timeout=300, cwd=ROOT)
        assert done.returncode == 0, done.stderr
    rows = article_rows(db)
    assert len(rows) == 48
    return rows


@pytest.fixture(scope="module")
def static_site():
    """The static layout in a world-readable folder (nginx and Apache read it as www-data,
    who cannot enter pytest's private temporary folders)."""
    folder = Path(tempfile.mkdtemp(prefix="vnnews-static-"))
    build_static_site(folder)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def crawl_static(tmp_path: Path, url: str, db: Path | None = None):
    sources = write_sources(tmp_path / "sources.toml", "static", url + "/",
                            site_roots=SITE_ROOTS)
    db = db or tmp_path / "news.db"
    return db, run_crawl(sources, db, timeout=300)


def _non_ascii_articles() -> list[str]:
    _mapping, _files, spellings = static_layout()
    return [u for u in spellings if not u.isascii()]


@pytest.mark.parametrize("server", SERVERS)
def test_crawl_from_each_server_gives_the_plain_demo_rows(tmp_path, static_site, plain_rows,
                                                          server):
    with served(server, static_site) as (url, _log):
        db, done = crawl_static(tmp_path, url)
    assert article_rows(db) == plain_rows
    # one stored page, one row, one canonical URL per article, whichever spelling was linked
    pages = query(db, "select url, final_url, canonical_url from pages where is_article = 1")
    assert len(pages) == len(plain_rows) == len({c for _u, _f, c in pages})
    assert query(db, "select count(*) from articles")[0][0] == len(plain_rows)
    assert all(c.endswith("/") for _u, _f, c in pages)
    # the trailing-slash redirects were followed, once, and are no loop
    redirected = [(u, f) for u, f, _c in pages if u != f]
    assert redirected and all(f == u + "/" for u, f in redirected)
    assert "redirect loop" not in done.stdout
    # the broken link is a counted 404, the only failure
    assert {path_of(u): r for u, r in query(db, "select url, reason from failures")} == \
        {BROKEN_LINK: "HTTP 404"}
    assert "failed 1 (HTTP 404 1)" in done.stdout
    assert f"static: HTTP 404 1: {BROKEN_LINK}" in done.stdout
    # the soft 404 is stored as a page with its reason, counted, and is no article
    ((is_article, reason),) = query(db, "select is_article, reason from pages where url = ?",
                                    [url + SOFT_404])
    assert not is_article and reason
    (summary,) = query(db, "select summary from crawls")[0]
    counts = json.loads(summary)["sources"]["static"]
    assert sum(counts["not_articles"].values()) == counts["fetched"] - counts["articles"]
    # no article URL taken for a home page by its shape
    assert "home page" not in counts["not_articles"]
    # the non-ASCII names (NFC and NFD are two files) were fetched and are articles
    fetched = {unquote(f) for _u, f, _c in pages}
    for name in _non_ascii_articles():
        assert url + name in fetched, name
    forms = {unicodedata.is_normalized("NFC", n) for n in _non_ascii_articles()}
    assert forms == {True, False}  # names in NFC and in NFD: each fetched under its own bytes


def test_nginx_validators_give_304_on_a_second_crawl(tmp_path, static_site, plain_rows):
    with served("nginx", static_site) as (url, log):
        db, first = crawl_static(tmp_path, url)
        before = log.read_text().count('" 304 ')
        db, second = crawl_static(tmp_path, url, db)
        not_modified = log.read_text().count('" 304 ') - before
    assert before == 0
    (summary,) = query(db, "select summary from crawls where id = 2")[0]
    counts = json.loads(summary)["sources"]["static"]
    assert counts.get("new", 0) == 0 and counts.get("changed", 0) == 0
    assert counts["unchanged"] == counts["fetched"] > len(plain_rows)
    # nginx's own ETag / Last-Modified: every stored HTML page answered 304 the second time
    assert not_modified >= counts["fetched"]
    assert article_rows(db) == plain_rows


def test_nginx_gzip_on_changes_nothing(tmp_path, static_site, plain_rows):
    with served("nginx", static_site, gzip=True) as (url, _log):
        check = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{content_type}",
                                "-H", "Accept-Encoding: gzip", "-D", "-", url + "/hoangmai/"],
                               capture_output=True, text=True) if shutil.which("curl") else None
        db, _done = crawl_static(tmp_path, url)
    if check is not None:
        assert "Content-Encoding: gzip" in check.stdout
    assert article_rows(db) == plain_rows


def test_wget_warc_of_nginx_imported_and_processed(tmp_path, static_site, plain_rows, vnnews):
    wget = require("wget")
    with served("nginx", static_site) as (url, _log):
        mirrored = subprocess.run(
            [wget, "--recursive", "--level=inf", "--no-parent", "--no-verbose", "--tries=1",
             "--timeout=10", "--delete-after", "--directory-prefix", str(tmp_path / "files"),
             f"--warc-file={tmp_path / 'site'}", url + "/"],
            capture_output=True, text=True, timeout=300)
    assert mirrored.returncode in (0, 8), mirrored.stderr[-2000:]  # 8: the broken link's 404
    db = tmp_path / "news.db"
    imported = vnnews("import-warc", str(tmp_path / "site.warc.gz"), "--db", str(db),
                      "--source", "static")
    assert imported.returncode == 0, imported.stderr
    assert "HTTP 301" in imported.stdout  # wget followed the directory redirects
    # the summary says what each reason cost, with examples, and so does the crawls table
    assert f"articles {len(plain_rows)}," in imported.stdout
    assert f"  static: HTTP 404 " in imported.stdout and BROKEN_LINK in imported.stdout
    (reasons,) = query(db, "select reasons from crawls")[0]
    assert any(line.startswith("static: HTTP 301 ") for line in reasons.splitlines())
    assert article_rows(db) == plain_rows
    assert query(db, "select count(*) from articles")[0][0] == len(plain_rows)
    processed = vnnews("process", "--db", str(db))
    assert processed.returncode == 0, processed.stderr
    assert article_rows(db) == plain_rows
    assert query(db, "select count(*) from articles")[0][0] == len(plain_rows)
