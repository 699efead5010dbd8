"""Canonical URLs, traps and discovery, offline: HtmlResponse objects built from HTML written
here, no network."""
from __future__ import annotations

import gzip

import pytest
from scrapy.http import HtmlResponse, Request

from crawler.discover import (MAX_LISTING_PAGES, feed_links, feed_urls, in_scope,
                              links_to_follow, robots_sitemaps, sitemap_links, trap_reason)
from crawler.middlewares import CanonicalFingerprinter
from crawler.sources import Source
from crawler.urls import canonical_url, is_print_view, url_key

BASE = "http://hoangmai.hanoi.gov.vn/vi/"
ARTICLE = "http://hoangmai.hanoi.gov.vn/vi/tin-tuc/-/view_content/3611-cong-bo-ket-qua"


@pytest.mark.parametrize("variant", [
    ARTICLE,
    "HTTP://HoangMai.Hanoi.GOV.vn/vi/tin-tuc/-/view_content/3611-cong-bo-ket-qua",
    "http://hoangmai.hanoi.gov.vn:80/vi/tin-tuc/-/view_content/3611-cong-bo-ket-qua",
    "http://hoangmai.hanoi.gov.vn/vi/tin-tuc/-/view_content/pop_up/3611-cong-bo-ket-qua",
    "http://hoangmai.hanoi.gov.vn/vi/tin-tuc/-/view_content/3611-cong-bo-ket-qua;jsessionid=AB12",
    ARTICLE + "?utm_source=facebook&utm_medium=social&fbclid=IwAR0",
    ARTICLE + "?p_p_auth=Zx81&p_p_state=normal&p_p_mode=view&p_p_lifecycle=0",
    ARTICLE + "?_tintuc_WAR_portlet_redirect=%2Fvi%2Ftin-tuc%3Fp%3D2",
    ARTICLE + "?PHPSESSID=0123456789abcdef",
    ARTICLE + "#comments",
])
def test_variants_share_one_canonical_url(variant):
    assert canonical_url(variant) == ARTICLE


@pytest.mark.parametrize("a, b", [
    (BASE + "tin-tuc/", BASE + "tin-tuc"),
    (BASE + "tin-tuc?b=2&a=1", BASE + "tin-tuc?a=1&b=2"),
    (ARTICLE + "?print=1", ARTICLE),
])
def test_url_key_merges_slash_and_parameter_order(a, b):
    assert url_key(a) == url_key(b)


@pytest.mark.parametrize("a, b", [
    # a language variant is another text: another page (see crawler/urls.py)
    (ARTICLE, ARTICLE.replace("/vi/", "/en/")),
    # the page counter and a category are content
    (BASE + "tin-tuc?_x_cur=1", BASE + "tin-tuc?_x_cur=2"),
    (BASE + "tin-tuc?p_p_id=a", BASE + "tin-tuc?p_p_id=b"),
    # an action URL is not the render URL
    (BASE + "x?p_p_lifecycle=1", BASE + "x"),
])
def test_url_key_keeps_what_changes_the_content(a, b):
    assert url_key(a) != url_key(b)


def test_fingerprint_follows_the_canonical_url():
    fp = CanonicalFingerprinter().fingerprint
    assert fp(Request(ARTICLE + "?utm_source=x")) == fp(Request(ARTICLE + "/"))
    assert fp(Request(ARTICLE)) != fp(Request(ARTICLE.replace("3611", "3612")))


def test_print_views_recognised():
    assert is_print_view(ARTICLE.replace("view_content/", "view_content/pop_up/"))
    assert is_print_view(ARTICLE + "?print=1")
    assert not is_print_view(ARTICLE)


@pytest.mark.parametrize("url, reason", [
    (BASE + "tim-kiem?q=ubnd", "search"),
    (BASE + "tin-tuc?_3_keywords=ubnd", "search results"),
    # a calendar's date is evidence once it leaves the site's plausible life (how many dates
    # one calendar walks through is LinkLedger's count, see test_liferay_fixture.py)
    (BASE + "lich?day=2124-01-02", "calendar: date out of range"),
    (BASE + "lich?_8_month=3&_8_year=1970", "calendar: date out of range"),
    (BASE + "van-ban?tungay=01/01/1900", "calendar: date out of range"),
    (BASE + "a/b/a/b/a/b/x", "repeating path segments"),
    (BASE + "list?" + "&".join(f"f{i}=1" for i in range(9)), "too many query parameters"),
    (BASE + "x" * 500, "URL too long"),
    (BASE + "x?p_p_lifecycle=1&p_p_id=y", "portlet action or resource"),
])
def test_traps(url, reason):
    assert reason in (trap_reason(url) or "")


@pytest.mark.parametrize("url", [
    ARTICLE, BASE + "tin-tuc?p_p_id=tintuc&_tintuc_cur=37",
    "http://hoangmai.hanoi.gov.vn/van-hoa-xa-hoi/le-hoi-2025-1234567890123456.htm",
    # no evidence, only names: an empty search field, one calendar month, a year archive
    BASE + "tin-tuc?p_p_id=101&_101_keywords=&_101_cur=2",
    BASE + "lich?_8_month=3&_8_year=2019", BASE + "van-ban?tungay=01/01/2019",
    BASE + "tim-kiem",
])
def test_real_pages_are_not_traps(url):
    assert trap_reason(url) is None


def _source(**kw) -> Source:
    return Source(name="hm", base_url=BASE, **kw)


def test_scope_host_base_path_allow_deny():
    source = _source(deny=[r"/vi/hoi-dap"])
    assert in_scope(ARTICLE, source)
    assert not in_scope("http://hoangmai.hanoi.gov.vn/en/news", source)  # outside /vi/
    assert not in_scope("http://badinh.hanoi.gov.vn/vi/tin-tuc", source)  # other host
    assert not in_scope(BASE + "hoi-dap/1", source)
    assert not in_scope("mailto:a@b.vn", source)
    only = _source(allow=[r"/vi/tin-tuc"])
    assert in_scope(ARTICLE, only) and not in_scope(BASE + "gioi-thieu", only)


def _response(url: str, html: str) -> HtmlResponse:
    return HtmlResponse(url=url, body=html.encode("utf-8"), encoding="utf-8")


def test_listing_page_numbers_filled_up_to_the_last():
    page = (f'<a href="{BASE}tin-tuc?p_p_id=t&_t_cur=2">2</a> '
            f'<a href="{BASE}tin-tuc?p_p_id=t&_t_cur=2">Tiếp</a> '
            f'<a href="{BASE}tin-tuc?p_p_id=t&_t_cur=9">Cuối cùng →</a>')
    found = links_to_follow(_response(BASE + "tin-tuc?p_p_id=t&_t_cur=1", page), _source())
    pages = {url_key(u) for u in found}
    assert pages == {url_key(f"{BASE}tin-tuc?p_p_id=t&_t_cur={n}") for n in range(1, 10)}
    assert MAX_LISTING_PAGES >= 150  # a busy section has about 150 pages


def test_links_made_canonical_in_scope_and_site_map_first():
    page = (f'<a href="{ARTICLE};jsessionid=X?utm_source=a">Bài</a>'
            f'<a href="{ARTICLE.replace("view_content/", "view_content/pop_up/")}">In</a>'
            f'<a href="/vi/so-do-cong">Sơ đồ cổng</a>'
            f'<a href="http://other.gov.vn/vi/x">Ngoài</a>'
            f'<a href="/vi/tim-kiem?q=x">Tìm</a>')
    found = links_to_follow(_response(BASE, page), _source())
    assert found == [BASE + "so-do-cong", ARTICLE]


def test_sitemap_index_feed_and_robots():
    robots = "User-agent: *\nDisallow: /admin\nSitemap: /sitemap_index.xml\nsitemap: http://x/s.xml\n"
    assert robots_sitemaps(robots, BASE) == ["http://hoangmai.hanoi.gov.vn/sitemap_index.xml",
                                             "http://x/s.xml"]
    index = (b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
             b'sitemap/0.9"><sitemap><loc>http://hoangmai.hanoi.gov.vn/s1.xml.gz</loc></sitemap>'
             b'</sitemapindex>')
    assert sitemap_links(index, BASE, _source()) == (
        [], ["http://hoangmai.hanoi.gov.vn/s1.xml.gz"])
    urlset = gzip.compress(
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + f"<url><loc>{ARTICLE}?utm_source=sm</loc></url>".encode()
        + b"<url><loc>http://elsewhere.vn/vi/x</loc></url></urlset>")
    assert sitemap_links(urlset, BASE, _source()) == ([ARTICLE], [])
    rss = (f'<rss version="2.0"><channel><item><link>{ARTICLE}</link></item>'
           f'<item><link> {BASE}tin-tuc/-/view_content/2-b </link></item></channel></rss>')
    assert feed_links(rss.encode(), BASE, _source()) == [
        ARTICLE, BASE + "tin-tuc/-/view_content/2-b"]
    atom = (f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="{ARTICLE}"/></entry>'
            f'</feed>')
    assert feed_links(atom.encode(), BASE, _source()) == [ARTICLE]
    head = '<html><head><link rel="alternate" type="application/rss+xml" href="/vi/rss"></head>'
    assert feed_urls(_response(BASE, head), _source()) == [BASE + "rss"]
    assert sitemap_links(b"not xml at all", BASE, _source()) == ([], [])


# ---- non-ASCII links, index files, redirects (issue 15) -----------------------------------

@pytest.mark.parametrize("url, expected", [
    # WHATWG percent-encoding (w3lib safe_url_string): UTF-8 bytes, spaces as %20
    ("http://h/tin tức/“Ngày hội” – 2025", "http://h/tin%20t%E1%BB%A9c/"
     "%E2%80%9CNg%C3%A0y%20h%E1%BB%99i%E2%80%9D%20%E2%80%93%202025"),
    # NFD letters stay NFD: a file named in NFD is another file than its NFC twin
    ("http://h/Vi\u0065\u0323\u0302t", "http://h/Vie%CC%A3%CC%82t"),
    ("http://h/Vi\u1ec7t", "http://h/Vi%E1%BB%87t"),
    # one spelling per escape: unreserved decoded, hex upper case
    ("http://h/%7Euser/%e1%bb%87", "http://h/~user/%E1%BB%87"),
    # escapes that are not UTF-8 text, and an escaped slash, are kept as they are (the old
    # unquote/quote rule turned %E9 into %EF%BF%BD and %2F into a path separator)
    ("http://h/caf%E9/a%2Fb", "http://h/caf%E9/a%2Fb"),
    ("http://h/x/./y/../z", "http://h/x/z"),
    # the query keeps its order and bytes, without tracking parameters
    ("http://h/p?b=2&a=t%E9&utm_source=x", "http://h/p?b=2&a=t%E9"),
    # a directory's index file is the directory
    ("http://h/bai-viet/index.html", "http://h/bai-viet/"),
    ("http://h/index.htm", "http://h/"),
])
def test_canonical_url_encodes_like_browsers(url, expected):
    assert canonical_url(url) == expected


def test_slash_and_index_file_variants_are_one_key():
    keys = {url_key(u) for u in ("http://h/bai-viet", "http://h/bai-viet/",
                                 "http://h/bai-viet/index.html", "http://h/bai-viet/index.htm")}
    assert keys == {"http://h/bai-viet"}
    assert url_key("http://h/p?b=2&a=1") == url_key("http://h/p?a=1&b=2")


def _redirect(mw, url: str, location: str, chain: list[str] = ()):
    from scrapy.http import Response

    request = Request(url, meta={"redirect_urls": list(chain)} if chain else {})
    if chain:
        request.meta["redirect_times"] = len(chain)
    response = Response(url, status=301, headers={"Location": location}, request=request)
    return mw.process_response(request, response)


@pytest.fixture
def redirects():
    from scrapy.utils.test import get_crawler

    from crawler.middlewares import RedirectsMiddleware

    return RedirectsMiddleware.from_crawler(get_crawler(settings_dict={"REDIRECT_MAX_TIMES": 3}))


@pytest.mark.parametrize("url, location", [("http://h/a", "/a/"), ("http://h/a/", "/a"),
                                           ("http://h/a/index.html", "/a/")])
def test_trailing_slash_redirect_is_followed_not_deduplicated(redirects, url, location):
    followed = _redirect(redirects, url, location)
    assert followed.url == "http://h" + location
    # the dupefilter holds this page's key only from the redirecting URL: not a duplicate
    assert followed.dont_filter


def test_redirect_to_another_page_keeps_the_dupefilter(redirects):
    assert not _redirect(redirects, "http://h/old", "/new/").dont_filter


@pytest.mark.parametrize("url, location, chain, shown", [
    ("http://h/a", "/a", [], "http://h/a → http://h/a"),
    ("http://h/b", "/a", ["http://h/a"], "http://h/a → http://h/b → http://h/a"),
    ("http://h/a/", "/a", ["http://h/a"], "http://h/a → http://h/a/ → http://h/a"),
    ("http://h/4", "/5", ["http://h/1", "http://h/2", "http://h/3"], "more than"),
])
def test_real_redirect_loops_fail_with_their_chain(redirects, url, location, chain, shown):
    from scrapy.exceptions import IgnoreRequest

    with pytest.raises(IgnoreRequest) as raised:
        _redirect(redirects, url, location, chain)
    assert str(raised.value).startswith("redirect loop: ") and shown in str(raised.value)
