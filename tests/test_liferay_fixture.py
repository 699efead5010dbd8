"""Issue 8: a Liferay 6.2 portal copy (tests/sites/liferay62.py, served by http.server) crawled
with the sources entry a new user writes, then re-extracted by `vnnews process`. One test per
fault of the issue; the truth is what the generator wrote, never the crawler's own output."""
from __future__ import annotations

import json
import shutil
import sqlite3
from urllib.parse import urlsplit

import pytest

from crawler.discover import MAX_CALENDAR_DATES, explain, link_verdict
from crawler.sources import Source
from crawler.urls import canonical_url, url_key
from sites.crawling import VNNEWS, path_of, query, run_crawl
from sites.liferay62 import _ACCOUNTS, ORIGINAL, SOURCES_TOML, build, serve

ISSUE_DENY = ["/web/sotttt-eng/", "/en/", "/pop_up/", "viewMode=print"]


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("liferay62")
    site = build(tmp / "www")
    with serve(tmp / "www") as base:
        sources = tmp / "sources.toml"
        sources.write_text(SOURCES_TOML.format(base=base), encoding="utf-8")
        db = tmp / "news.db"
        done = run_crawl(sources, db)
        # `vnnews process` on a copy: re-extraction must keep the crawl's rows
        processed = tmp / "processed.db"
        shutil.copy(db, processed)
        from crawler.reprocess import process
        counts = process(str(processed), extract=True, analyze=False, force=True, workers=1)
        yield {"site": site, "base": base, "db": db, "processed": processed, "out": done.stdout,
               "sources": sources, "process_counts": counts}


def _articles(db, where="1"):
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(f"select * from articles where {where}")]
    finally:
        conn.close()


def _by_title(db) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for row in _articles(db):
        found.setdefault(row["title"], []).append(row)
    return found


def _stored_keys(db) -> set[str]:
    return {url_key(u) for (u,) in query(db, "select url from pages")}


# ---- fault 1: listing pages 2..N carry empty search fields ---------------------------------

def test_every_listing_page_is_followed_despite_its_empty_search_fields(portal):
    base, stored = portal["base"], _stored_keys(portal["db"])
    listings = [u for u in portal["site"].listings if "_cur=" in u]
    assert len(listings) > 30  # five sections, page-number windows, one without "last"
    missing = [u for u in listings if url_key(base + u) not in stored]
    assert missing == []


# ---- faults 3-7, 10: every article once, with title, date, lead, body -----------------------

def test_every_article_stored_exactly_once_with_title_date_lead_and_body(portal):
    rows = _by_title(portal["db"])
    expected = portal["site"].articles
    assert len(_articles(portal["db"])) == len(expected)
    for a in expected:
        assert len(rows.get(a.title, [])) == 1, a.title
        row = rows[a.title][0]
        assert row["published"] == a.published, a.title
        assert row["body"].startswith(a.paragraphs[0]), a.title
        if a.notice:
            assert row["kind"] == "notice"
        else:
            assert row["lead"] == a.lead, a.title
            assert row["body"].endswith(a.paragraphs[-1]), a.title
            assert row["kind"] == "article"


def test_one_article_under_several_section_paths_is_one_row(portal):
    db, site = portal["db"], portal["site"]
    multi = [a for a in site.articles if len(a.sections) > 1]
    assert max(len(a.sections) for a in multi) == 5
    keys = [r["article_key"] for r in _articles(db)]
    assert len(keys) == len(set(keys)) and None not in keys
    # every other section URL is stored as a page pointing at the article's row
    pages = dict(query(db, "select url, canonical_url from pages"))
    rows = {r["title"]: r["canonical_url"] for r in _articles(db)}
    for a in multi:
        for section in a.sections:
            assert pages[portal["base"] + a.path(section)] == rows[a.title], a.path(section)


def test_sapo_beside_a_floated_image_is_the_lead_not_a_caption(portal):
    rows = _by_title(portal["db"])
    beside = [a for a in portal["site"].articles if a.sapo_beside_image]
    short = [a for a in beside if len(a.lead) < 120]  # as short as a caption
    assert len(beside) > 100 and len(short) > 30
    for a in beside:
        row = rows[a.title][0]
        assert row["lead"] == a.lead
        assert a.lead not in json.loads(row["captions"])


def test_short_notices_kept_as_articles_with_their_attachment(portal):
    rows = _by_title(portal["db"])
    notices = [a for a in portal["site"].articles if a.notice]
    assert len(notices) >= 10
    for a in notices:
        row = rows[a.title][0]
        assert row["body"] == a.paragraphs[0]
        assert [urlsplit(x["url"]).path for x in json.loads(row["attachments"])] == [a.attachment]


def test_mislabelled_html_is_read_as_html(portal):
    db, base = portal["db"], portal["base"]
    odd = [a for a in portal["site"].articles if a.ext != ".html"]
    served = {}
    for a in odd:
        (headers,) = query(db, "select headers from pages where url = ?",
                           [base + a.path("tin-tuc-su-kien")])[0]
        served[a.ext] = json.loads(headers)["Content-Type"]
    assert served[""] == served[".delay"] == "application/octet-stream"
    assert served[".etx"].startswith("text/x-")
    rows = _by_title(db)
    for a in odd:
        assert len(rows[a.title]) == 1 and rows[a.title][0]["lead"] == a.lead


def test_procedure_static_and_listing_pages_are_pages_with_a_kind_not_articles(portal):
    db, base, site = portal["db"], portal["base"], portal["site"]
    kinds = dict(query(db, "select url, kind from pages"))
    for path in site.procedures:
        assert kinds[base + path] == "procedure"
    for path in site.statics:
        assert kinds[base + path] == "static"
    for path in site.listings:
        if "_cur=" in path:
            assert kinds[canonical_url(base + path)] == "listing", path
    titles = {r["title"] for r in _articles(db)}
    assert not titles & {"Thủ tục hành chính", "Giới thiệu", "Lãnh đạo Sở", "Cơ cấu tổ chức"}


def test_cms_account_is_not_stored_as_the_author(portal):
    rows = _by_title(portal["db"])
    for a in portal["site"].articles:
        row = rows[a.title][0]
        assert row["author"] == a.author, a.title
        assert not any(acc in (row["author"] or "") for acc in _ACCOUNTS)
        assert json.loads(row["notes"]).get("cms_account") == a.account


# ---- fault 2, 8: nothing skipped silently, counts that agree --------------------------------

def test_crawl_report_accounts_for_every_link(portal):
    db = portal["db"]
    found, followed, skipped = query(db, "select links_found, links_followed, links_skipped "
                                         "from crawls")[0]
    skipped = json.loads(skipped)
    assert found == followed + sum(skipped.values())
    fetched = query(db, "select count(distinct url) from pages")[0][0]
    failed = query(db, "select count(*) from failures where reason != 'robots.txt'")[0][0]
    assert followed == fetched + failed  # every followed link was fetched or failed
    assert skipped["robots"] == 1  # /vi/hoi-dap.html
    assert skipped["trap: search results"] == len(portal["site"].keyword_links)
    assert skipped[f"trap: calendar (more than {MAX_CALENDAR_DATES} dates)"] == 1
    assert skipped["denied"] > 0 and skipped["duplicate"] > 0 and skipped["file (not a web page)"] > 0
    line = portal["out"]
    assert f"links found {found}, followed {followed}, skipped {sum(skipped.values())} (" in line
    # the summary's article count is the articles table's
    assert f"articles {len(_articles(db))}," in line


def test_broken_links_recorded_as_failures(portal):
    site, base = portal["site"], portal["base"]
    rows = dict(query(portal["db"], "select url, reason from failures"))
    broken = {base + p for p in site.broken}
    assert {u for u, r in rows.items() if r == "HTTP 404"} >= broken
    assert rows[base + "/vi/hoi-dap.html"] == "robots.txt"
    assert all(r in ("HTTP 404", "robots.txt") for r in rows.values())


def test_english_sub_site_behind_the_flag_is_denied_and_said_so(portal):
    urls = [u for (u,) in query(portal["db"], "select url from pages")]
    assert not [u for u in urls if "/en/" in u or "/web/sotttt-eng/" in u or "pop_up" in u]
    import subprocess
    flag = portal["base"] + "/web/sotttt-eng/home.html"
    done = subprocess.run([*VNNEWS, "crawl", "--sources", str(portal["sources"]), "--explain",
                           flag], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("sotttt: skip: ") and "denied" in done.stdout
    assert "'/web/sotttt-eng/'" in done.stdout


# ---- fault 4: process keeps one row per article ---------------------------------------------

def test_process_re_extracts_into_the_same_rows(portal):
    before = {r["canonical_url"] for r in _articles(portal["db"])}
    after = _articles(portal["processed"])
    assert {r["canonical_url"] for r in after} == before
    assert len(after) == len(portal["site"].articles)
    assert portal["process_counts"]["pages"] == query(portal["db"],
                                                      "select count(distinct url) from pages")[0][0]


def test_process_merges_rows_an_older_crawl_made_per_section(portal, tmp_path):
    """A database from before the fix holds one row per section URL: process merges them."""
    old = tmp_path / "old.db"
    shutil.copy(portal["db"], old)
    conn = sqlite3.connect(old)
    # undo the crawl's dedup: the duplicates become rows of their own, without keys
    dups = conn.execute("select id, url from pages where reason like 'duplicate of %'").fetchall()
    for page_id, url in dups:
        canonical = ORIGINAL + path_of(url)  # what the crawl stored before: rel=canonical
        conn.execute("insert into articles (canonical_url, url, page_id, source, title, body) "
                     "select ?, ?, ?, source, title, body from articles limit 1",
                     [canonical, url, page_id])
        conn.execute("update pages set canonical_url = ?, reason = null where id = ?",
                     [canonical, page_id])
    conn.execute("update articles set article_key = null")
    conn.commit()
    conn.close()
    assert len(_articles(old)) > len(portal["site"].articles) + 100
    from crawler.reprocess import process
    process(str(old), extract=True, analyze=False, force=True, workers=1)
    assert len(_articles(old)) == len(portal["site"].articles)


# ---- trap rules need evidence; allow overrides them -----------------------------------------

def _source(base, **kw) -> Source:
    return Source(name="sotttt", base_url=base + "/", deny=ISSUE_DENY, **kw)


def test_trap_rules_need_evidence_and_allow_overrides_them(portal):
    base, site = portal["base"], portal["site"]
    source = _source(base)
    listing = canonical_url(base + site.listings[1])
    assert "keywords" not in listing  # the empty search field is no part of the page's URL
    assert link_verdict(listing, source) is None
    search = canonical_url(base + site.keyword_links[0])
    assert link_verdict(search, source) == "trap: search results"
    assert explain(search, source).startswith("skip: ")
    allowing = _source(base, allow=[r"_keywords=", r"/vi/"])
    assert link_verdict(search, allowing) is None
    assert "allow pattern" in explain(search, allowing)
    # one calendar month is no trap; the run of months is cut after MAX_CALENDAR_DATES
    assert link_verdict(canonical_url(base + site.calendar[0]), source) is None
    months = query(portal["db"], "select url from pages where url like '%lich-cong-tac%' union "
                                 "select url from failures where url like '%lich-cong-tac%'")
    # the months followed (the one after the copied ones a 404), and the plain calendar page
    assert len(months) == MAX_CALENDAR_DATES + 1
