"""The rules behind issue 8, one by one and offline: Liferay canonical URLs, article keys, trap
evidence and the link ledger, content sniffing, CMS accounts, page kinds."""
from __future__ import annotations

import pytest
from lxml import etree

from crawler.discover import MAX_CALENDAR_DATES, LinkLedger, explain, link_verdict
from crawler.extract.clean import byline_kind
from crawler.extract.ids import find_article_id
from crawler.extract.kinds import is_procedure_page, is_static_page
from crawler.sources import Source
from crawler.urls import article_key, canonical_url, page_canonical

HOST = "http://sotttt.hanoi.gov.vn"
AP = "101_INSTANCE_ab12"
LISTING = (f"{HOST}/vi/tin-tuc-su-kien?p_p_id={AP}&p_p_lifecycle=0&p_p_state=normal"
           f"&p_p_mode=view&p_p_col_id=column-1&p_p_col_count=1&_{AP}_delta=20&_{AP}_keywords="
           f"&_{AP}_advancedSearch=false&_{AP}_andOperator=true&p_r_p_564233524_resetCur=false"
           f"&_{AP}_cur=2")


def test_liferay_listing_keeps_what_it_shows_and_drops_how_it_is_drawn():
    assert canonical_url(LISTING) == (f"{HOST}/vi/tin-tuc-su-kien?p_p_id={AP}&_{AP}_delta=20"
                                      f"&_{AP}_cur=2")
    # the instance part may be absent
    short = f"{HOST}/vi/x?p_p_id=101&_101_keywords=&_101_advancedSearch=false&_101_cur=3"
    assert canonical_url(short) == f"{HOST}/vi/x?p_p_id=101&_101_cur=3"


def test_a_real_search_keeps_its_form_fields():
    search = LISTING.replace(f"_{AP}_keywords=", f"_{AP}_keywords=chuyen+doi+so")
    kept = canonical_url(search)
    assert f"_{AP}_keywords=chuyen+doi+so" in kept and "advancedSearch=false" in kept
    assert "p_p_state" not in kept


def test_page_counter_delta_and_portlet_are_content():
    assert canonical_url(LISTING) != canonical_url(LISTING.replace("_cur=2", "_cur=3"))
    assert canonical_url(LISTING) != canonical_url(LISTING.replace("_delta=20", "_delta=50"))
    other = LISTING.replace(AP, "101_INSTANCE_zz99")
    assert canonical_url(LISTING) != canonical_url(other)


@pytest.mark.parametrize("a, b", [
    (f"{HOST}/vi/tin-tuc-su-kien/-/view_content/5012-hop-ban", f"{HOST}/vi/thong-bao/-/view_content/5012-hop-ban"),
    (f"{HOST}/vi/a/-/view_content/5012-x.html", f"{HOST}/vi/b/-/view_content/pop_up/5012-x.html"),
    (f"{HOST}/vi/a/-/view_content/5012-x?p_p_state=normal", f"{HOST}/vi/c/d/-/view_content/5012-y"),
])
def test_one_cms_article_id_is_one_key(a, b):
    assert article_key(a) == article_key(b) is not None


@pytest.mark.parametrize("a, b", [
    (f"{HOST}/vi/a/-/view_content/5012-x", f"{HOST}/vi/a/-/view_content/5013-x"),
    (f"{HOST}/vi/a/-/view_content/5012-x", f"{HOST}/en/a/-/view_content/5012-x"),  # another text
])
def test_other_ids_and_languages_are_other_keys(a, b):
    assert article_key(a) != article_key(b)


def test_article_key_shapes_of_other_cms_and_the_page_fallback():
    assert article_key("https://hanoi.gov.vn/van-hoa/le-hoi-1234567890123456.htm") == \
        "hanoi2025:1234567890123456"
    assert article_key("http://q1.gov.vn/Pages/post.aspx?ItemID=651") == "itemid:651"
    assert article_key(f"{HOST}/vi/gioi-thieu") is None
    assert article_key(f"{HOST}/vi/gioi-thieu", "journal:10301") == "page:journal:10301"


def test_page_canonical_is_one_rule_for_crawl_and_process():
    declared = f"{HOST}/vi/a/-/view_content/pop_up/5012-x?utm_source=fb"
    assert page_canonical(declared, "http://127.0.0.1/x") == f"{HOST}/vi/a/-/view_content/5012-x"
    assert page_canonical(None, LISTING) == canonical_url(LISTING)


def _root(html: str):
    return etree.fromstring(html, etree.HTMLParser())


def test_journal_id_counts_only_around_the_article_text():
    page = _root('<html><body><div class="journal-content-article" id="article_1_2_999_1.0">'
                 '<p>Chân trang</p></div><div id="news"><div class="journal-content-article" '
                 'id="article_1_2_5012_1.0"><p id="t">Bài</p></div></div></body></html>')
    text = page.xpath('//*[@id="t"]')[0]
    assert find_article_id(page, text) == "journal:5012"
    footer_only = _root('<html><body><div id="article_1_2_999_1.0">Chân trang</div>'
                        '<div><p id="t">Bài</p></div></body></html>')
    assert find_article_id(footer_only, footer_only.xpath('//*[@id="t"]')[0]) is None


def _source(**kw) -> Source:
    return Source(name="s", base_url=HOST + "/", **kw)


def test_trap_needs_evidence_and_allow_overrides_it():
    source = _source()
    assert link_verdict(canonical_url(LISTING), source) is None
    search = canonical_url(LISTING.replace(f"_{AP}_keywords=", f"_{AP}_keywords=abc"))
    assert link_verdict(search, source) == "trap: search results"
    assert link_verdict(search, _source(allow=["keywords=abc", "/vi/"])) is None
    assert link_verdict(f"{HOST}/vi/x?p_p_id=8&_8_year=2019&_8_month=3", source) is None
    assert link_verdict(f"{HOST}/vi/x?p_p_id=8&_8_year=1899&_8_month=3", source).startswith("trap")
    assert link_verdict(f"{HOST}/documents/10180/0/KH.pdf", source) == "file (not a web page)"
    assert link_verdict("http://other.gov.vn/vi/x", source) == "out of scope"
    assert link_verdict(f"{HOST}/en/x", _source(deny=["/en/"])) == "denied"
    assert "deny pattern '/en/'" in explain(f"{HOST}/en/x", _source(deny=["/en/"]))


def test_ledger_counts_every_link_once_and_cuts_an_endless_calendar():
    ledger = LinkLedger(_source(deny=["/en/"]))
    assert ledger.given(f"{HOST}/vi/") == f"{HOST}/vi/"
    article = f"{HOST}/vi/a/-/view_content/5012-x"
    assert ledger.judge(article) == article
    assert ledger.judge(article + "?utm_source=fb") is None  # another spelling: duplicate
    assert ledger.judge(article) is None  # met again: counted once
    assert ledger.judge(f"{HOST}/en/a") is None
    months = [f"{HOST}/vi/lich?p_p_id=8&_8_month={m % 12}&_8_year={2000 + m // 12}"
              for m in range(MAX_CALENDAR_DATES + 5)]
    followed = [u for u in months if ledger.judge(u)]
    assert len(followed) == MAX_CALENDAR_DATES
    ledger.refused(article, "robots")
    counts = ledger.counts()
    assert counts["found"] == 4 + len(months)
    assert counts["found"] == counts["followed"] + sum(counts["skipped"].values())
    assert counts["skipped"] == {"duplicate": 1, "denied": 1, "robots": 1,
                                 f"trap: calendar (more than {MAX_CALENDAR_DATES} dates)": 5}


_NOTICE_PAGE = ("<!DOCTYPE html><html><head><title>Thông báo lịch tiếp công dân - Sở</title></head>"
                "<body><div class='news-title'>Thông báo lịch tiếp công dân</div><div>Ngày đăng "
                "12/03/2019 | 8:00 AM</div><div class='content'><p>Sở Thông tin và Truyền thông "
                "thông báo lịch tiếp công dân định kỳ của lãnh đạo Sở trong quý II năm 2019 tại "
                "trụ sở cơ quan; công dân đến đúng giờ, mang theo giấy tờ tùy thân và hồ sơ "
                "liên quan.</p></div></body></html>").encode("utf-8")


@pytest.mark.parametrize("content_type, article", [
    ("application/octet-stream", True), ("text/x-setext", True), ("text/plain", True),
    (None, True), ("image/png", False), ("application/pdf", False),
])
def test_mislabelled_html_is_read_as_html(content_type, article):
    from crawler.ingest import extract_page
    from crawler.records import Page

    headers = {"Content-Type": content_type} if content_type else {}
    page = Page(url="http://h/vi/a/-/view_content/1-x", final_url="http://h/vi/a/-/view_content/1-x",
                status=200, headers=headers, body=_NOTICE_PAGE, fetched_at="2019-03-12T01:00:00Z")
    found = extract_page(page)
    assert found.is_article is article, found.reason
    if article and content_type and "html" not in content_type:
        assert found.notes["served_as"] == content_type


@pytest.mark.parametrize("line, kind", [
    ("Pho Ban bien tap", "account"), ("Admin Admin", "account"), ("admin admin", "account"),
    ("bientap01", "account"), ("Minh Anh", "author"), ("Thanh Hằng", "author"),
])
def test_cms_accounts_are_no_authors(line, kind):
    assert byline_kind(line, True) == kind


def test_procedure_pages_by_their_fields_not_a_mention():
    fields = ["Trình tự thực hiện: Bước 1 ...", "Cách thức thực hiện: trực tiếp",
              "Thành phần, số lượng hồ sơ: 01 bộ", "Thời hạn giải quyết: 10 ngày",
              "Căn cứ pháp lý: Luật Viễn thông ngày 23/11/2009"]
    assert is_procedure_page(fields)
    news = ["Sáng 12/3, Sở tổ chức hội nghị.", "Về thời hạn giải quyết, Sở đề nghị rút ngắn.",
            "Căn cứ pháp lý của kế hoạch là Luật Báo chí."]
    assert not is_procedure_page(news)


@pytest.mark.parametrize("title, published, has_id, static", [
    ("Giới thiệu", None, False, True),
    ("Lãnh đạo Sở", "2016-05-13T17:05", False, True),
    ("Chức năng, nhiệm vụ", None, False, True),
    ("Giới thiệu sách mới về chuyển đổi số cho cán bộ cơ sở", "2016-05-13T17:05", True, False),
    ("Hội nghị sơ kết", None, True, False),  # an undated article with its id in the URL
])
def test_static_pages_by_their_whole_title(title, published, has_id, static):
    assert is_static_page(title, published, has_id) is static


def test_explain_cli_names_the_missing_source(tmp_path):
    import subprocess

    from sites.crawling import VNNEWS, write_sources

    sources = write_sources(tmp_path / "sources.toml", "s", HOST + "/", deny=["/en/"])
    done = subprocess.run([*VNNEWS, "crawl", "--sources", str(sources), "--explain",
                           "http://other.gov.vn/vi/x"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode != 0
    assert done.stderr.startswith("Error: ") and "no enabled source crawls host" in done.stderr
    done = subprocess.run([*VNNEWS, "crawl", "--sources", str(sources), "--source", "s",
                           "--explain", LISTING], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("s: follow: ")
