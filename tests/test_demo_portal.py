"""The bundled demo portal: content truth, the committed static site, and the HTTP server."""
from __future__ import annotations

import html
import re
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from crawler.demo.portal import (
    BOILERPLATE_MARKERS,
    DEFAULT_CONTENT,
    DEFAULT_SITE,
    PORTALS,
    DemoPortal,
    build_site,
    load_articles,
    site_files,
    url_to_file,
)

SEED = Path("/work/shared/seed/000_7fc05cc1201b0305.txt")

# Widget texts every portal page carries (home, listings, articles, print views, login).
COMMON_WIDGETS = ["Liên kết website", "Văn bản mới", "Thủ tục hành chính", "Tin nổi bật", "Về đầu trang",
                  "Đăng nhập", "Địa chỉ:", "Điện thoại:", "Fax:", "khi phát hành lại thông tin"]
PORTAL_WIDGETS = {
    "hoangmai": ["thời tiết các vùng", "Bình chọn", "Số lượng truy cập", "Đang truy cập: 27 / Tổng: 4.798.809"],
    "binhthanh": ["Thời tiết các vùng", "Thăm dò ý kiến", "Lượt truy cập", "Đang online"],
    "longbien": ["thời tiết các vùng", "Thăm dò ý kiến", "Bình chọn", "Số lượng truy cập", "Đang truy cập"],
}
ARTICLE_WIDGETS = {
    "hoangmai": ["Các tin khác", "In bài viết", "Gửi mail", "admin admin"],
    "binhthanh": ["Tin liên quan", "In trang", "Gửi email"],
    "longbien": ["Tin liên quan", "In trang", "Gửi email"],
}
# Pages that are not portal pages: the root index and SharePoint's redirect stub.
NOT_PORTAL_PAGES = {"/", "/robots.txt", "/binhthanh/"}


@pytest.fixture(scope="module")
def articles():
    return load_articles()


@pytest.fixture(scope="module")
def files(articles):
    return site_files(articles)


@pytest.fixture(scope="module")
def portal():
    with DemoPortal() as server:
        yield server


def fetch(url: str, method: str = "GET") -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read()


def html_pages(files):
    for url, data in files.items():
        if url in NOT_PORTAL_PAGES or url_to_file(urlsplit(url).path).endswith((".png", ".pdf", ".doc", ".docx")):
            continue
        yield url, data.decode("utf-8")


# --- content --------------------------------------------------------------------------------


def test_three_portals_and_enough_articles(articles):
    per_portal = Counter(a.portal for a in articles)
    assert set(per_portal) == set(PORTALS)
    assert len(articles) >= 43
    assert min(per_portal.values()) >= 12


def test_ids_and_urls_are_unique(articles):
    assert len({a.url_path for a in articles}) == len(articles)
    assert len({(a.portal, a.id) for a in articles}) == len(articles)


def test_dates_span_2016_to_2025(articles):
    years = {a.when.year for a in articles}
    assert min(years) == 2016 and max(years) == 2025
    assert {a.when.year for a in articles if a.portal == "longbien"} <= {2024, 2025}


def test_seed_article_is_in_hoangmai(articles):
    seed = next(a for a in articles if a.portal == "hoangmai" and a.id == 3452)
    text = SEED.read_text(encoding="utf-8")
    assert seed.title in text and seed.lead in text
    assert all(p in text for p in seed.paragraphs) and len(seed.paragraphs) == 3
    assert seed.lead.startswith("Thực hiện Kế hoạch 155/KH-UBND")
    assert (seed.published, seed.category) == ("2018-10-08T15:54", "Văn hóa - Xã hội")


def test_article_lengths(articles):
    for art in articles:
        size = len(art.lead) + sum(len(p) for p in art.paragraphs)
        assert 800 <= size <= 3000, (art.url_path, size)


@pytest.mark.parametrize("marker", BOILERPLATE_MARKERS)
def test_markers_never_occur_in_article_text(articles, marker):
    for art in articles:
        for text in [art.title, art.lead, *art.paragraphs]:
            assert marker not in text, (marker, art.url_path)


def test_url_shapes(articles):
    shapes = {
        "hoangmai": r"/hoangmai/vi/[a-z-]+/-/view_content/\d+-[a-z0-9-]+",
        "binhthanh": r"/binhthanh/post\.aspx\?ItemID=\d+",
        "longbien": r"/longbien/[a-z-]+/[a-z0-9-]+-\d{14,19}\.htm",
    }
    for art in articles:
        assert re.fullmatch(shapes[art.portal], art.url_path), art.url_path


# --- the static site -------------------------------------------------------------------------


def test_committed_site_equals_a_fresh_build(tmp_path):
    build_site(DEFAULT_CONTENT, tmp_path / "site")
    fresh = {p.relative_to(tmp_path / "site"): p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    committed = {p.relative_to(DEFAULT_SITE): p.read_bytes() for p in DEFAULT_SITE.rglob("*") if p.is_file()}
    assert sorted(fresh) == sorted(committed), "run `python -m crawler.demo.portal build`"
    assert all(fresh[k] == committed[k] for k in fresh), "run `python -m crawler.demo.portal build`"


def test_build_refuses_a_foreign_directory(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(ValueError):
        build_site(DEFAULT_CONTENT, tmp_path)
    assert (tmp_path / "keep.txt").exists()


@pytest.mark.parametrize("url, expected", [
    ("/", "index.html"),
    ("/hoangmai/", "hoangmai/index.html"),
    ("/hoangmai/vi/van-hoa-xa-hoi", "hoangmai/vi/van-hoa-xa-hoi.html"),
    ("/hoangmai/vi/van-hoa-xa-hoi?a=1&_x_cur=2", "hoangmai/vi/van-hoa-xa-hoi.html%3Fa%3D1%26_x_cur%3D2"),
    ("/binhthanh/post.aspx?ItemID=651", "binhthanh/post.aspx%3FItemID%3D651"),
    ("/longbien/van-hoa-xa-hoi/trang-2.htm", "longbien/van-hoa-xa-hoi/trang-2.htm"),
    ("/robots.txt", "robots.txt"),
    ("/../etc/passwd", ""),
    ("/hoangmai/index.html", ""),
])
def test_url_to_file(url, expected):
    parts = urlsplit(url)
    assert url_to_file(parts.path, parts.query) == expected


def test_every_portal_page_carries_the_widgets(files, articles):
    article_urls = {a.url_path: a for a in articles}
    print_urls = {a.print_path: a for a in articles if a.print_path}
    checked = Counter()
    for url, text in html_pages(files):
        portal = url.split("/")[1]
        for widget in COMMON_WIDGETS + PORTAL_WIDGETS[portal]:
            assert widget in text, (url, widget)
        if url in article_urls or url in print_urls:
            for widget in ARTICLE_WIDGETS[portal]:
                assert widget in text, (url, widget)
        checked[portal] += 1
    assert set(checked) == set(PORTALS)


def test_article_pages_hold_the_article(files, articles):
    for art in articles:
        text = files[art.url_path].decode("utf-8")
        for part in [art.title, art.lead, *art.paragraphs, *art.captions]:
            assert html.escape(part) in text, (art.url_path, part[:40])
        for att in art.attachments:
            assert att["url"] in files
        if art.print_path:
            assert art.print_path in text and art.print_path in files


def test_listings_paginate(files):
    assert any("_cur=2" in url for url in files if url.startswith("/hoangmai/"))
    assert any("&page=2" in url for url in files if url.startswith("/binhthanh/"))
    assert any("/trang-2.htm" in url for url in files if url.startswith("/longbien/"))


# --- the server ------------------------------------------------------------------------------


def test_server_answers_every_article(portal, articles):
    for art in articles:
        status, ctype, body = fetch(portal.url + art.url_path)
        assert status == 200 and ctype == "text/html; charset=utf-8", art.url_path
        assert html.escape(art.title) in body.decode("utf-8")


@pytest.mark.parametrize("path", ["/nope", "/hoangmai/vi/", "/hoangmai/vi/khong-co", "/.demo-site",
                                  "/binhthanh/post.aspx?ItemID=999999", "/hoangmai/index.html", "/%2e%2e/etc/passwd"])
def test_server_404(portal, path):
    status, ctype, _ = fetch(portal.url + path)
    assert status == 404 and ctype.startswith("text/html")


def test_server_types_and_head(portal, articles):
    assert fetch(portal.url + "/robots.txt")[1] == "text/plain; charset=utf-8"
    assert b"Allow: /" in fetch(portal.url + "/robots.txt")[2]
    kinds = set()
    for art in articles:
        for att in art.attachments:
            status, ctype, body = fetch(portal.url + att["url"])
            assert status == 200 and body
            kinds.add(ctype)
    assert "application/pdf" in kinds
    status, _, body = fetch(portal.url + "/hoangmai/", method="HEAD")
    assert status == 200 and body == b""


def test_every_article_is_reachable_and_no_internal_link_is_broken(portal, articles):
    """Follow every <a href> on the server from "/": all articles found, no 404 on the way."""
    base = portal.url
    seen, queue, broken = set(), ["/"], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, ctype, body = fetch(base + url)
        if status != 200:
            broken.append(url)
            continue
        if not ctype.startswith("text/html"):
            continue
        for href in re.findall(r'<a [^>]*href="([^"#][^"]*)"', body.decode("utf-8")):
            target = urljoin(base + url, html.unescape(href))
            if target.startswith(base + "/"):
                queue.append(target[len(base):])
    assert not broken
    assert {a.url_path for a in articles} <= seen


@pytest.mark.parametrize("query, status", [
    ("p_p_id={p}&_{p}_cur=2", 200),                          # render-state parameters dropped
    ("_{p}_cur=2&p_p_lifecycle=0&p_p_id={p}", 200),           # and reordered
    ("p_p_id={p}&_{p}_cur=9", 404),                           # a page that does not exist
    ("p_p_state=normal&utm_source=zalo", 200),                # only ignorable parameters
])
def test_server_matches_queries_like_the_portal(portal, query, status):
    p = "tintuc_WAR_hoangmaiportlet_INSTANCE_x9Kd"
    assert fetch(f"{portal.url}/hoangmai/vi/tin-tuc-su-kien?{query.format(p=p)}")[0] == status


def test_server_ignores_aspnet_parameter_order(portal):
    status, _, body = fetch(portal.url + "/binhthanh/Pages/default.aspx?page=2&cat_id=1")
    assert status == 200 and body == fetch(portal.url + "/binhthanh/Pages/default.aspx?cat_id=1&page=2")[2]
    first = fetch(portal.url + "/binhthanh/Pages/default.aspx?cat_id=1&page=1")
    assert first[0] == 200 and first[2] == fetch(portal.url + "/binhthanh/Pages/default.aspx?cat_id=1")[2]


def test_path_of_keeps_the_query(articles):
    from crawler.demo.portal import path_of

    assert path_of("http://127.0.0.1:1/binhthanh/post.aspx?ItemID=651#top") == "/binhthanh/post.aspx?ItemID=651"
    assert all(path_of("http://h" + a.url_path) == a.url_path for a in articles)
