"""End to end on the bundled demo portal: crawl → process → database → datasette."""
from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import time
import urllib.request
from urllib.parse import urlsplit

import pytest

from conftest import VNNEWS, run_vnnews
from crawler.demo.portal import BOILERPLATE_MARKERS, DemoPortal, load_articles
from crawler.site.serve import free_port, make_datasette
from crawler.archive.store import exact_form, open_store

DEMO_SOURCES = ["demo-hoangmai", "demo-binhthanh", "demo-longbien"]
SEED_TITLE = ("Quận Hoàng Mai: Tập huấn phong trào “Toàn dân đoàn kết xây dựng đời sống "
              "văn hóa” năm 2018")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """The demo portal crawled and processed with the README's commands."""
    db = tmp_path_factory.mktemp("demo") / "news.db"
    with DemoPortal() as portal:
        env = {"VNNEWS_DEMO_URL": portal.base_url}
        crawled = run_vnnews("crawl", "--db", str(db), env=env)
        assert crawled.returncode == 0, crawled.stderr
    processed = run_vnnews("process", "--db", str(db))
    assert processed.returncode == 0, processed.stderr
    return db


@pytest.fixture(scope="session")
def stored(demo_db):
    store = open_store(demo_db, create=False)
    return {_path_and_query(row["canonical_url"]): row for row in store.articles()}


def _path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.fixture(scope="session")
def truth():
    return {a.url_path: a for a in load_articles()}


def test_every_demo_article_stored_exactly_once(stored, truth, demo_db):
    assert len(truth) >= 41
    assert sorted(stored) == sorted(truth)
    store = open_store(demo_db, create=False)
    assert store.count("articles") == len(truth)


def test_titles_and_publish_datetimes_exact(stored, truth):
    wrong = [(path, stored[path]["title"], stored[path]["published"])
             for path, a in truth.items()
             if (stored[path]["title"], stored[path]["published"]) != (a.title, a.published)]
    assert wrong == []


def test_no_boilerplate_in_any_body(stored):
    assert len(BOILERPLATE_MARKERS) >= 8
    leaks = [(path, marker) for path, row in stored.items() for marker in BOILERPLATE_MARKERS
             if marker in (row["body"] or "") or marker in (row["lead"] or "")]
    assert leaks == []


def test_bodies_hold_the_article_paragraphs(stored, truth):
    for path, a in truth.items():
        body = stored[path]["body"]
        for paragraph in a.paragraphs:
            assert paragraph.strip() in body, (path, paragraph[:60])


def test_listing_and_print_pages_are_not_articles(demo_db, stored):
    store = open_store(demo_db, create=False)
    reasons = [r["reason"] for r in store.db.query(
        "select reason from pages where is_article = 0")]
    assert len(reasons) > 10  # home pages and listings, paginated
    assert all(reasons)  # each says why it is not an article
    assert not [path for path in stored if "pop_up" in path]  # print views are duplicates
    for row in store.db.query("select sha256, body_gz, status, fetched_at, headers from pages"):
        assert len(row["sha256"]) == 64 and row["body_gz"] and row["status"] == 200
        assert row["fetched_at"].endswith("Z") and json.loads(row["headers"])


def test_seed_document_reference_and_its_date(demo_db, stored):
    [seed] = [row for row in stored.values() if row["title"] == SEED_TITLE]
    assert seed["published"] == "2018-10-08T15:54"
    store = open_store(demo_db, create=False)
    refs = list(store.db.query(
        "select field, start, end, text, attrs from mentions where article_id = ? "
        "and type = 'DOCREF' and value = '155/KH-UBND'", [seed["id"]]))
    assert refs, "155/KH-UBND not extracted"
    ref = refs[0]
    assert json.loads(ref["attrs"])["date"] == "2016-08-18"
    field_text = seed[ref["field"]]
    assert field_text[ref["start"]:ref["end"]] == ref["text"]
    acronyms = {r["acronym"]: r["long_form"] for r in store.db.query(
        "select acronym, long_form from acronyms where article_id = ?", [seed["id"]])}
    assert acronyms["TDĐKXDSVH"] == "Toàn dân đoàn kết xây dựng đời sống văn hóa"
    dates = [r["value"] for r in store.db.query(
        "select value from mentions where article_id = ? and type = 'DATE'", [seed["id"]])]
    assert "2016-08-18" in dates


def _search(db, query: str) -> list[str]:
    ds = make_datasette(str(db))

    async def get():
        response = await ds.client.get(f"/news/articles.json?_search={query}&_shape=array")
        assert response.status_code == 200, response.text
        return [row["title"] for row in response.json()]

    return asyncio.run(get())


@pytest.mark.parametrize("query", ["TDĐKXDSVH", "văn hoá", "van hoa"])
def test_datasette_search_finds_the_seed(demo_db, query):
    assert SEED_TITLE in _search(demo_db, query)


def test_datasette_search_is_selective(demo_db, stored):
    found = _search(demo_db, "TDĐKXDSVH")
    assert 0 < len(found) < len(stored)


def test_datasette_metadata_is_served(demo_db):
    ds = make_datasette(str(demo_db))

    async def get(path):
        return (await ds.client.get(path)).text

    assert "vnnews: Vietnamese local-government news archive" in asyncio.run(get("/"))
    assert "with or without diacritics" in asyncio.run(get("/news/articles"))
    assert "Most cited documents" in asyncio.run(get("/news"))


def test_vnnews_serve_answers_on_localhost(demo_db):
    port = free_port()
    server = subprocess.Popen([*VNNEWS, "serve", "--db", str(demo_db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}/news/articles.json?_search=van+hoa&_shape=array"
        deadline = time.time() + 30
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    rows = json.load(response)
                break
            except OSError:
                assert time.time() < deadline and server.poll() is None, server.stderr.read()
                time.sleep(0.2)
        assert SEED_TITLE in [r["title"] for r in rows]
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert f"http://127.0.0.1:{port}/" in server.stdout.read()


def test_vnnews_demo_without_serving_builds_the_database(tmp_path, truth):
    db = tmp_path / "news.db"
    done = run_vnnews("demo", "--no-serve", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "Demo portal at http://127.0.0.1:" in done.stdout
    assert open_store(db, create=False).count("articles") == len(truth)


def _canned_search(db, q: str) -> list[dict]:
    ds = make_datasette(str(db))

    async def get():
        response = await ds.client.get("/news/search.json", params={"q": q, "_shape": "array"})
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(get())


@pytest.mark.parametrize("query", ["155/KH-UBND", "TDĐKXDSVH", "văn hoá", "van hoa"])
def test_search_query_handles_document_numbers_and_folding(demo_db, query):
    assert SEED_TITLE in [row["title"] for row in _canned_search(demo_db, query)]


def test_search_query_ranks_exact_spelling_first(demo_db, stored):
    """Exact spelling, ignoring case and where the tone mark sits, comes first."""
    rows = _canned_search(demo_db, "văn hoá")
    by_id = {row["id"]: row for row in stored.values()}
    wanted = exact_form("văn hoá")
    exact = [wanted in exact_form(" ".join(filter(None, (by_id[r["article_id"]][f] for f in
                                                        ("title", "lead", "body")))))
             for r in rows]
    assert any(exact)
    assert exact == sorted(exact, reverse=True)
    assert all("[" in row["excerpt"] or "[" in row["title_marked"] for row in rows)
