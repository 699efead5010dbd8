"""The archive's site (datasette + crawler/site) and the read commands on the demo archive:
one search everywhere, article, archived copy, entity pages, canned queries, charts, home
page, and the serving rules. Requests go through datasette's client, or to a real `vnnews
serve` process where the process itself is what is tested (file untouched, logs, memory)."""
from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import json
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from cdp import wait_for
from conftest import VNNEWS, run_vnnews
from crawler.site.serve import VALUE_CAP_BYTES, free_port, make_datasette
from crawler.archive.store import exact_form, open_reader, open_store
from crawler.records import Article, Page

SEED_TITLE = ("Quận Hoàng Mai: Tập huấn phong trào “Toàn dân đoàn kết xây dựng đời sống "
              "văn hóa” năm 2018")
HOSTILE = ['"', '""', "'", "\x00", "a\x00b", "NEAR(văn", "title: x", "*", "-", "^", "(((",
           "AND OR NOT", "x" * 5000, "đoàn " * 1000, "<script>alert(1)</script>", "%", "\\"]


@pytest.fixture(scope="module")
def ds(site_db):
    return make_datasette(str(site_db))


def get(ds, path, **params):
    async def fetch():
        return await ds.client.get(path, params=params or None)
    return asyncio.run(fetch())


def seed_id(site_db):
    return next(a["id"] for a in open_store(site_db, create=False).articles()
                if a["title"] == SEED_TITLE)


# ---- 1. one search everywhere ----------------------------------------------------------

def _page_ids(ds, q, page=1):
    data = get(ds, "/-/search.json", q=q, page=str(page)).json()
    return [r["article_id"] for r in data["results"]]


def _canned_ids(ds, q, page=1):
    rows = get(ds, "/news/search.json", q=q, page=str(page), _shape="array").json()
    return [r["article_id"] for r in rows]


def _cli_ids(site_db, q, page=1):
    done = run_vnnews("search", q, "--json", "--page", str(page), "--db", str(site_db))
    assert done.returncode == 0, done.stderr
    return [r["article_id"] for r in json.loads(done.stdout)["results"]]


@pytest.mark.parametrize("query", ["toan dan doan ket", "155/KH-UBND", "van hoa", "Đảng ủy"])
def test_search_page_canned_query_and_cli_agree(ds, site_db, query):
    ids = _page_ids(ds, query)
    assert ids and ids == _canned_ids(ds, query) == _cli_ids(site_db, query)


def test_table_search_box_opens_the_same_search(ds):
    response = get(ds, "/news/articles", _search="doan ket")
    assert response.status_code == 302
    assert response.headers["location"] == "/-/search?q=doan+ket"
    # the table's JSON search folds the same way (datasette's escape_fts is ours)
    rows = get(ds, "/news/articles.json", _search="toan dan doan ket", _shape="array").json()
    assert SEED_TITLE in [r["title"] for r in rows]


@pytest.mark.parametrize("query", ["toan dan doan ket", "TOÀN DÂN ĐOÀN KẾT", "\"toàn dân đoàn kết\"",
                                   "155/KH-UBND", "155 kh ubnd", "155/kh-ubnd", "tdđkxdsvh",
                                   "TDDKXDSVH"])
def test_seed_article_first(ds, site_db, query):
    assert _page_ids(ds, query)[0] == seed_id(site_db)


@pytest.mark.parametrize("query", ["doan ket", "dang uy", "vuong dinh son", "toan dan doan ket"])
def test_d_as_d_in_every_position(ds, query):
    """These unaccented phrases found nothing when only đ-words were folded."""
    data = get(ds, "/-/search.json", q=query).json()
    assert data["total"] > 0
    for row in data["results"]:
        assert "[" in row["excerpt"] or "[" in row["title_marked"]


def test_tone_placement_and_case_do_not_change_the_result(ds):
    assert _page_ids(ds, "văn hóa") == _page_ids(ds, "VĂN HOÁ") == _page_ids(ds, "văn hoá")


def test_paging(ds):
    first = get(ds, "/-/search.json", q="van hoa").json()
    assert first["total"] > first["size"]  # the demo has more than one page of these
    second = _page_ids(ds, "van hoa", page=2)
    assert second and not set(second) & set(_page_ids(ds, "van hoa"))
    assert len(first["results"]) + len(second) == min(first["total"], 2 * first["size"])
    html = get(ds, "/-/search", q="van hoa").text
    assert 'rel="next"' in html


@pytest.mark.parametrize("query", HOSTILE)
def test_any_input_gives_a_page_with_the_search_box(ds, query):
    response = get(ds, "/-/search", q=query)
    assert response.status_code == 200
    assert 'class="vn-search"' in response.text and "<script>alert" not in response.text
    assert get(ds, "/-/search.json", q=query).status_code == 200
    assert get(ds, "/news/search.json", q=query).status_code == 200
    assert get(ds, "/news/articles.json", _search=query).status_code == 200


def test_friendly_messages(ds):
    assert "Type a word or a phrase" in get(ds, "/-/search", q='"').text
    assert "No article holds these words" in get(ds, "/-/search", q="qwzxqwzx").text
    assert "first 300 characters" in get(ds, "/-/search", q="x " * 2500).text


def test_exact_spelling_first_ignoring_case_and_tone_placement(tmp_path):
    """Four spellings that all fold to "van hoa": those written as the query (any case, any
    tone placement) come before the others."""
    store = open_store(tmp_path / "news.db")
    texts = ["Nhà vân hoa mới", "Nhà Văn Hóa mới", "Nhà vấn hoà mới", "Nhà văn hoá mới",
             "Nhà van hoa mới"]
    for i, text in enumerate(texts):
        url = f"http://p/{i}"
        store.save_page(Page(url=url, final_url=url, status=200, headers={}, body=text.encode(),
                             fetched_at="2026-01-01T00:00:00Z", source="s"),
                        Article(url=url, is_article=True, title=f"Tin {i}", body=text,
                                published="2020-01-01T00:00"))
    reader = open_reader(tmp_path / "news.db")
    ranked = [texts[r["article_id"] - 1] for r in reader.search("văn hoá")["results"]]
    assert len(ranked) == 5
    assert set(ranked[:2]) == {"Nhà Văn Hóa mới", "Nhà văn hoá mới"}
    ranked = [texts[r["article_id"] - 1] for r in reader.search("van hoa")["results"]]
    assert ranked[0] == "Nhà van hoa mới"
    assert exact_form("Hóa") == exact_form("hoá")


# ---- 2-3. article page and archived copy ------------------------------------------------

def test_article_page(ds, site_db):
    html = get(ds, f"/-/article/{seed_id(site_db)}").text
    assert SEED_TITLE.split(":")[0] in html and "2018-10-08T15:54" in html
    assert "demo-hoangmai" in html and "Văn hóa - Xã hội" in html
    assert re.search(r'<a class="ent ent-DOCREF" href="/-/document\?key=155%2FKH-UBND[^"]*"'
                     r'[^>]*><mark class="ent-DOCREF">Kế hoạch 155/KH-UBND</mark></a>', html)
    # a person's key is the name and the body (or place) the name is known by
    assert re.search(r'href="/-/person\?key=%C4%90inh\+V%C4%83n\+Long(%7C[^"]*)?"', html)
    # the people beside the text carry the titles the article gives them
    assert re.search(r">Đinh Văn Long</a>: [^<]*Trưởng phòng Văn hóa và Thông tin", html)
    for heading in ("Documents cited", "People", "Organisations", "Places", "Dates"):
        assert f"<h2>{heading}</h2>" in html
    assert "2016-08-18" in html  # a date of the text, normalised
    assert 'id="vn-archived"' in html and "Wayback" not in html  # the portal still had it
    assert get(ds, "/-/article/999999").status_code == 404


def test_wayback_link_when_the_original_is_gone(site_db, tmp_path):
    copy = tmp_path / "news.db"
    shutil.copy(site_db, copy)
    store = open_store(copy)
    seed = store.db["articles"].get(seed_id(site_db))
    store.record_failure(None, seed["source"], seed["url"], "HTTP 404")
    store.db.conn.close()
    html = get(make_datasette(str(copy)), f"/-/article/{seed['id']}").text
    assert "gone from the portal" in html
    assert re.search(r'href="https://web\.archive\.org/web/\d{14}/http://127\.0\.0\.1', html)


def test_archived_copy_is_served_back_in_a_sandbox(ds, site_db):
    page_id = open_store(site_db, create=False).db["articles"].get(seed_id(site_db))["page_id"]
    html = get(ds, f"/-/archived/{page_id}").text
    row = open_store(site_db, create=False).db["pages"].get(page_id)
    assert row["sha256"] in html and row["fetched_at"] in html
    assert "matches the stored bytes" in html and 'sandbox=""' in html
    raw = get(ds, f"/-/archived/{page_id}/raw")
    assert hashlib.sha256(raw.content).hexdigest() == row["sha256"]  # the bytes as fetched
    csp = raw.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "sandbox" in csp and "script-src" not in csp
    assert raw.headers["x-content-type-options"] == "nosniff"


# ---- 4. entity pages, entity tables, canned queries -------------------------------------

@pytest.mark.parametrize("kind, typed, name", [
    ("person", "ta minh khoa", "Tạ Minh Khoa"),
    ("document", "Kế hoạch 155/kh-ubnd", "155/KH-UBND"),
    ("organization", "uy ban nhan dan|quan hoang mai", None),
    ("place", "QUAN HOANG MAI", None),
])
def test_entity_pages(ds, kind, typed, name):
    found = get(ds, f"/-/{kind}", key=typed)
    assert found.status_code == 302  # to the entity's own key
    page = get(ds, found.headers["location"].split("?")[0],
               key=urllib.parse.parse_qs(found.headers["location"].split("?")[1])["key"][0])
    html = page.text
    assert page.status_code == 200
    if name:
        assert f'<h1 id="vn-entity">{name}</h1>' in html
    counts = re.search(r'id="vn-counts">(\d+) in (\d+) article', html)
    assert counts and int(counts[1]) >= int(counts[2]) >= 1
    for label in ("First seen", "Last seen", "Written as", "Mentions over time"):
        assert label in html
    assert "<svg" in html and "<rect" in html
    contexts = re.findall(r"…[^<]*<mark>[^<]+</mark>[^<]*…", html)
    assert len(contexts) == int(counts[1]) or len(contexts) == 200
    assert "/-/article/" in html


def test_unknown_entity_is_a_friendly_page(ds):
    response = get(ds, "/-/person", key="không có ai")
    assert response.status_code == 404 and 'class="vn-search"' in response.text


@pytest.mark.parametrize("table, typed, expected", [
    ("people", "ta minh khoa", "Tạ Minh Khoa"), ("people", "ĐINH VĂN LONG", "Đinh Văn Long"),
    ("places", "hoang mai", None), ("organizations", "uy ban nhan dan", None),
    ("documents", "155/kh-ubnd", None),
])
def test_entity_tables_search_with_the_same_folding(ds, table, typed, expected):
    rows = get(ds, f"/news/{table}.json", _search=typed, _shape="array").json()
    assert rows
    if expected:
        assert expected in [r["name"] for r in rows]


@pytest.mark.parametrize("query, params", [
    ("roles_of_person", {"person": "ta minh khoa"}),
    ("articles_citing", {"document": "155/kh-ubnd"}),
    ("articles_citing", {"document": "Kế hoạch 155/KH-UBND"}),
    ("mentions_of", {"name": "dinh van long"}),
])
def test_canned_queries_ignore_case_and_marks_and_link(ds, query, params):
    rows = get(ds, f"/news/{query}.json", _shape="array", **params).json()
    assert rows, (query, params)
    html = get(ds, f"/news/{query}", **params).text
    assert 'href="/-/article/' in html
    assert "Example:" in html
    assert "<textarea" not in html  # SQL hidden by default


def test_most_cited_documents_link_to_their_pages(ds):
    html = get(ds, "/news/documents_by_citations").text
    assert 'href="/-/document?key=' in html


# ---- 5-6. charts, facets, home page -------------------------------------------------------

def test_charts_and_facets(ds):
    html = get(ds, "/-/charts").text
    assert html.count("<rect") > 10 and "demo-hoangmai" in html
    data = get(ds, "/news/articles.json", _facet="year", _facet_2="month", _size="0").json()
    years = {f["value"] for f in data["facet_results"]["year"]["results"]}
    assert {"2016", "2018", "2025"} <= years
    months = {f["value"] for f in data["facet_results"]["month"]["results"]}
    assert "2018-10" in months


def test_home_page_order(ds):
    html = get(ds, "/").text
    box, holds, index = (html.index('class="vn-search"'), html.index("What the archive holds"),
                         html.index("<h2>Indexes</h2>"))
    assert box < holds < index
    assert re.search(r"48 articles from 3 sources, published 2016-04-18 to 2025-11-18", html)
    for table in ("people", "organizations", "places", "documents"):
        assert f'href="/news/{table}"' in html


# ---- 7. serving rules ---------------------------------------------------------------------

def test_post_is_refused_not_a_500(ds):
    async def post(path):
        return await ds.client.post(path, data={"q": "x"})
    for path in ("/news/search", "/news/articles", "/-/search", "/news"):
        assert asyncio.run(post(path)).status_code == 405


def test_no_absolute_paths_and_robots(ds, site_db):
    for path in ("/-/databases.json", "/-/databases", "/-/metadata.json", "/-/settings.json"):
        text = get(ds, path).text
        assert str(site_db.parent) not in text and "/tmp/" not in text, path
    assert get(ds, "/robots.txt").text == "User-agent: *\nDisallow: /\n"


def test_datasette_csv_has_a_byte_order_mark(ds):
    for params in ({}, {"_dl": "1"}):
        body = get(ds, "/news/articles.csv", _col="title", _size="3", **params).content
        assert body.startswith(b"\xef\xbb\xbfid,title")


def _vm_peak_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        return int(next(line for line in status if line.startswith("VmHWM")).split()[1])


def _get_url(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
    except OSError:  # not listening yet
        return 0, b""


def test_serve_writes_nothing_logs_no_error_and_one_query_cannot_hold_it(site_db, tmp_path):
    db = tmp_path / "news.db"
    shutil.copy(site_db, db)
    before = hashlib.sha256(db.read_bytes()).hexdigest(), db.stat().st_size, db.stat().st_mtime
    port = free_port()
    server = subprocess.Popen([*VNNEWS, "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: server.poll() is not None or _get_url(base + "/robots.txt")[0] == 200,
                 what="vnnews serve")
        for path in ("/", "/-/search?q=van+hoa", "/news/articles?_facet=year", "/-/charts",
                     "/news/search?q=%22", "/news.json?sql=select+*+from+nowhere",
                     "/news/articles.json?_search=%22"):
            assert _get_url(base + path)[0] in (200, 400), path
        # one hostile query beside an ordinary one: refused at once, the other answered
        peak = _vm_peak_kb(server.pid)
        started = time.monotonic()
        status, body = _get_url(base + "/news.json?sql=select+randomblob(1000000000)")
        assert status == 400 and b"too big" in body
        assert _get_url(base + "/-/search.json?q=doan+ket")[0] == 200
        assert time.monotonic() - started < 10
        assert _vm_peak_kb(server.pid) - peak < 2 * VALUE_CAP_BYTES // 1024
        # a long-running query is interrupted by the time limit, not left to run
        status, body = _get_url(base + "/news.json?sql=" + urllib.parse.quote(
            "with recursive n(i) as (select 1 union all select i + 1 from n) "
            "select count(*) from n"))
        assert status == 400 and (b"interrupted" in body.lower() or b"too long" in body.lower())
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=20)
    assert "ERROR" not in stderr and "Traceback" not in stderr, stderr
    after = hashlib.sha256(db.read_bytes()).hexdigest(), db.stat().st_size, db.stat().st_mtime
    assert after == before


# ---- the read commands --------------------------------------------------------------------

def test_export_csv_with_bom_and_jsonl(site_db, tmp_path):
    out = tmp_path / "articles.csv"
    done = run_vnnews("export", "articles", "--format", "csv", "--output", str(out),
                      "--db", str(site_db))
    assert done.returncode == 0, done.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 48 and SEED_TITLE in [r["title"] for r in rows]
    done = run_vnnews("export", "pages", "--format", "jsonl", "--db", str(site_db))
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == 74 and "body_gz" not in lines[0]
    assert "left out binary column(s) body_gz" in done.stderr
    done = run_vnnews("export", "nope", "--db", str(site_db))
    assert done.returncode == 1 and done.stderr.startswith("Error: no table 'nope'")


def test_stats(site_db):
    done = run_vnnews("stats", "--db", str(site_db))
    assert done.returncode == 0, done.stderr
    assert "48 articles, 74 pages" in done.stdout and "demo-hoangmai: 18 articles" in done.stdout
    figures = json.loads(run_vnnews("stats", "--json", "--db", str(site_db)).stdout)
    assert figures["totals"]["articles"] == 48


def test_read_commands_leave_the_file_alone(site_db):
    before = hashlib.sha256(site_db.read_bytes()).hexdigest()
    for args in (["stats"], ["search", "van hoa"], ["export", "people"]):
        assert run_vnnews(*args, "--db", str(site_db)).returncode == 0
    assert hashlib.sha256(site_db.read_bytes()).hexdigest() == before


def test_old_database_gets_one_clear_line(tmp_path, site_db):
    copy = tmp_path / "news.db"
    shutil.copy(site_db, copy)
    store = open_store(copy)
    store.db.execute("drop table articles_exact")
    store.db.conn.close()
    done = run_vnnews("search", "van hoa", "--db", str(copy))
    assert done.returncode == 1 and "vnnews reindex" in done.stderr
    assert run_vnnews("reindex", "--db", str(copy)).returncode == 0
    assert run_vnnews("search", "van hoa", "--db", str(copy)).returncode == 0


def test_immutable_serving(site_db):
    ds = make_datasette(str(site_db), immutable=True)
    assert _page_ids(ds, "toan dan doan ket")[0] == seed_id(site_db)
    databases = get(ds, "/-/databases.json").json()
    assert [d["is_mutable"] for d in databases if d["name"] == "news"] == [False]


@pytest.mark.parametrize("path, link", [
    ("/news/people", r'href="/-/person\?key=T%E1%BA%A1\+Minh\+Khoa(%7C[^"]*)?"'),
    ("/news/mentions?type=PERSON", r'href="/-/article/\d+">[^<{]+</a>'),
    ("/news/documents", r'href="/-/document\?key=155%2FKH-UBND'),
    ("/news/places", r'href="/-/place\?key='),
    ("/news/organizations", r'href="/-/organization\?key='),
    ("/news/pages", r'href="/-/archived/\d+"'),
    ("/news/articles", r'href="/-/article/\d+"'),
])
def test_tables_link_to_the_site_pages(ds, path, link):
    assert re.search(link, get(ds, path, _size="max").text)
