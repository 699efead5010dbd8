"""`vnnews crawl` against the fault-injection portal (tests/sites/faultsite.py): every page
that can be fetched is stored once, every failure is recorded once with its reason, traps
are not entered, and a re-crawl is conditional and incremental."""
from __future__ import annotations

import json

import pytest

from sites.crawling import path_of, query, run_crawl, write_sources
from sites.faultsite import ARTICLES, FLAKY_ARTICLE, article_path, listing_path, serve

# What a correct crawl of the fault site stores (first URL of each page, path only).
EXPECTED_PAGES = {
    "/portal/",
    *(listing_path(n).replace("&p_p_lifecycle=0&p_p_state=normal", "") for n in range(1, 5)),
    *(article_path(n) for n in range(1, 10)),  # 7 via sitemap, 8 via RSS, 9 via site map
    "/portal/bai-cu-10",  # redirected to article 10
    "/portal/flaky",  # article 11, after two 500s
    "/portal/en/news/-/view_content/1-tan-mai-cleans-up",
    "/portal/ban-sao/bai-5",  # article 5's text again
    "/portal/so-do-cong",
    # the calendar, until it has gone through MAX_CALENDAR_DATES (24) days
    *(f"/portal/lich?day=2024-01-{d:02d}" for d in range(1, 25)),
}
EXPECTED_FAILURES = {
    "/portal/broken": "HTTP 500",
    "/portal/slow": "timeout",
    "/portal/truncated": "truncated body",
    "/portal/loop-a": "redirect loop",
    "/portal/secret/noi-bo": "robots.txt",  # skipped, not failed
    "/portal/huge": "too large",
    "/portal/huge-stream": "too large",
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """One crawl of the fault site, then a second one after article 3 changed."""
    tmp = tmp_path_factory.mktemp("faults")
    with serve() as (base, site):
        sources = write_sources(tmp / "sources.toml", "faults", base)
        db = tmp / "news.db"
        first = run_crawl(sources, db, "--contact", "mailto:archive@example.org")
        snapshot = {
            "pages": query(db, "select url, canonical_url, sha256 from pages order by id"),
            "articles": query(db, "select canonical_url, title, extracted_at from articles"),
            "requests": list(site.requests),
        }
        site.revision = 2  # article 3's text changes
        second = run_crawl(sources, db)
        yield {"db": db, "site": site, "first": first, "second": second, **snapshot}


def test_every_fetchable_page_stored_once(crawled):
    urls = [path_of(u) for u, _c, _s in crawled["pages"]]
    assert len(urls) == len(set(urls))
    assert set(urls) == EXPECTED_PAGES
    # print pop-ups, session and tracking variants were never fetched on their own
    fetched = [p for p, _h in crawled["requests"]]
    assert not [p for p in fetched if "pop_up" in p or "jsessionid" in p or "utm_" in p]
    assert crawled["site"].fetched("/portal/flaky") >= 3  # two 500s, then the page


def test_retries_back_off(crawled):
    # RETRY_BACKOFF_BASE is 0.1 s in these tests: 0.1 s before the 2nd try, 0.2 s before the 3rd
    times = [t for p, t in crawled["site"].times if p == "/portal/flaky"][:3]
    assert times[1] - times[0] >= 0.1
    assert times[2] - times[1] >= 0.2


def test_backoff_pause_honours_retry_after():
    from scrapy.http import Request, Response
    from scrapy.settings import Settings

    from crawler.middlewares import BackoffRetryMiddleware

    mw = BackoffRetryMiddleware(Settings({"RETRY_BACKOFF_BASE": 1, "RETRY_BACKOFF_MAX": 30}))
    retry = Request("http://x/", meta={"retry_times": 3})
    assert mw._pause(retry, None) == 4
    busy = Response("http://x/", status=503, headers={"Retry-After": "12"})
    assert mw._pause(retry, busy) == 12
    assert mw._pause(retry, Response("http://x/", headers={"Retry-After": "600"})) == 30


def test_every_failure_recorded_with_its_reason(crawled):
    rows = query(crawled["db"], "select url, reason from failures where crawl_id = 1")
    found = {path_of(u): r for u, r in rows}
    assert len(rows) == len(found)  # each once
    assert set(found) == set(EXPECTED_FAILURES)
    for path, kind in EXPECTED_FAILURES.items():
        assert found[path].startswith(kind), (path, found[path])


def test_traps_and_out_of_scope_links_not_followed(crawled):
    fetched = [p for p, _h in crawled["requests"]]
    for trap in ("/portal/tim-kiem", "/other/", "/portal/danh-sach"):
        assert not [p for p in fetched if p.startswith(trap)], trap
    # A calendar's dates are no evidence of a trap until it has gone through
    # MAX_CALENDAR_DATES of them: then it is cut, and the cut is counted.
    from crawler.discover import MAX_CALENDAR_DATES
    days = {p for p in fetched if p.startswith("/portal/lich")}
    assert len(days) == MAX_CALENDAR_DATES
    (skipped,) = query(crawled["db"], "select links_skipped from crawls where id = 1")[0]
    assert json.loads(skipped)[f"trap: calendar (more than {MAX_CALENDAR_DATES} dates)"] == 1


def test_canonical_url_stored_for_every_page(crawled):
    for url, canonical, _sha in crawled["pages"]:
        assert canonical and canonical.startswith("http://127.0.0.1:")
        assert "utm_" not in canonical and "pop_up" not in canonical
    by_path = {path_of(u): path_of(c) for u, c, _s in crawled["pages"]}
    assert by_path["/portal/bai-cu-10"] == article_path(10)


def test_same_text_under_two_urls_is_one_article(crawled):
    titles = [t for _c, t, _e in crawled["articles"]]
    assert titles.count(ARTICLES[5][1]) == 1
    pages = {path_of(u): path_of(c) for u, c, _s in crawled["pages"]}
    # both URLs point at the one article
    assert pages["/portal/ban-sao/bai-5"] == pages[article_path(5)]


def test_language_variant_is_its_own_article(crawled):
    canon = {path_of(c) for c, _t, _e in crawled["articles"]}
    assert "/portal/en/news/-/view_content/1-tan-mai-cleans-up" in canon
    assert article_path(1) in canon


def test_articles_found_through_sitemap_feed_and_site_map_page(crawled):
    titles = {t for _c, t, _e in crawled["articles"]}
    for n in (7, 8, 9, 10, FLAKY_ARTICLE):
        assert ARTICLES[n][1] in titles


def test_summary_printed_and_stored(crawled):
    out = crawled["first"].stdout
    assert "faults: fetched 43," in out  # 19 pages and 24 calendar days
    assert "failed 6 (" in out and "skipped 1 (robots.txt 1)" in out and "too large 2" in out
    assert "  faults: redirect loop 1: /portal/loop-a → /portal/loop-b → /portal/loop-a" in out
    (summary,) = query(crawled["db"], "select summary from crawls where id = 1")[0]
    counts = json.loads(summary)["sources"]["faults"]
    assert counts["fetched"] == 43 and counts["new"] == 43 and counts["failed"] == 6
    assert counts["failures"] == {"HTTP 500": 1, "timeout": 1, "truncated body": 1,
                                  "redirect loop": 1, "too large": 2}
    assert counts["skipped"] == 1 and counts["skips"] == {"robots.txt": 1}
    (reasons,) = query(crawled["db"], "select reasons from crawls where id = 1")[0]
    # examples come in the order the pages failed, which concurrent fetches do not fix
    (line,) = [x for x in reasons.splitlines() if x.startswith("faults: too large 2: ")]
    assert sorted(line.split(": ", 2)[2].split(", ")) == ["/portal/huge", "/portal/huge-stream"]


def test_recrawl_is_conditional_and_incremental(crawled):
    site, db = crawled["site"], crawled["db"]
    later = site.requests[len(crawled["requests"]):]
    conditional = [p for p, h in later if "if-none-match" in h]
    # every article URL served with an ETag was asked for conditionally
    assert {p for p in conditional} >= {article_path(n) for n in (1, 2, 4, 5, 6, 7, 8, 9)}
    assert "faults: fetched 43, " in crawled["second"].stdout
    (summary,) = query(db, "select summary from crawls where id = 2")[0]
    counts = json.loads(summary)["sources"]["faults"]
    assert counts.get("new", 0) == 0
    assert counts["changed"] == 1  # article 3
    assert counts["unchanged"] == 42
    # a new version of article 3 only; every other URL still has one version
    versions = query(db, "select url, count(*) from pages group by url having count(*) > 1")
    assert [path_of(u) for u, _n in versions] == [article_path(3)]
    (body,) = query(db, "select body from articles where title = ?", [ARTICLES[3][1]])[0]
    assert "Bản cập nhật số 2" in body
    # unchanged articles were not extracted again
    before = {c: e for c, _t, e in crawled["articles"]}
    after = dict(query(db, "select canonical_url, extracted_at from articles"))
    for canonical, extracted_at in before.items():
        if path_of(canonical) != article_path(3):
            assert after[canonical] == extracted_at


def test_user_agent_carries_the_contact(crawled):
    agents = {h.get("user-agent", "") for _p, h in crawled["requests"]}
    assert agents and all("mailto:archive@example.org" in a for a in agents), agents
