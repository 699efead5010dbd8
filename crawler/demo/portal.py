"""The bundled demo portal: three district news portals served from static files.

Each portal copies one real-world template (see /work/shared/reference/portals.md):

- ``hoangmai``  Liferay 6 (Hoàng Mai, Hà Nội): ``/hoangmai/vi/{category}/-/view_content/{id}-{slug}``,
  print copies at ``/hoangmai/vi/{category}/-/view_content/pop_up/{id}-{slug}``, listings
  ``/hoangmai/vi/{category}`` then ``?p_p_id=...&_{portlet}_cur=N``.
- ``binhthanh`` SharePoint / ASP.NET (Bình Thạnh, TP HCM): home ``/binhthanh/Pages/default.aspx``,
  listings ``/binhthanh/Pages/default.aspx?cat_id=N[&page=P]``, articles ``/binhthanh/post.aspx?ItemID=N``,
  attachments under ``/binhthanh/SiteAssets/Lists/NewsList/Attachments/{ItemID}/``.
- ``longbien``  Hanoi's 2025 platform: ``/longbien/{category}/{slug}-{14..19 digit id}.htm``,
  listings ``/longbien/{category}.htm`` then ``/longbien/{category}/trang-N.htm``.

The articles are data (``data/demo/content/{portal}.json``); :func:`load_articles` returns them
as the ground truth for tests, :func:`build_site` renders every page into ``data/demo/site/``
(``python -m crawler.demo.portal build``) and :class:`DemoPortal` serves that directory over HTTP.

File-naming rule (:func:`url_to_file`), shared by the builder and the server:
  1. take the URL path, drop the leading "/"; an empty path or one ending in "/" gets "index.html";
  2. a last segment without a "." (extension-less pages such as Liferay's) gets ".html" appended,
     so "/a/b" is the file "a/b.html" and can sit beside the directory "a/b/";
  3. a non-empty query string is appended percent-encoded: "%3F" + quote(query, safe="").
  Example: "/binhthanh/post.aspx?ItemID=651" → "binhthanh/post.aspx%3FItemID%3D651".
  No demo URL ends in ".html" itself (the server answers 404 to such paths), so the rule is
  one-to-one.
  4. Like the real portals, the server also answers a query whose parameters come in another
  order or lack/add parameters that never change content (Liferay's render-state parameters
  p_p_lifecycle=0, p_p_state, p_p_mode, p_p_col_id, p_p_col_pos, p_p_col_count; page=1 on the
  ASP.NET listings; utm_* tags):
  when no file matches exactly it looks the request up by :func:`query_key`. The Content-Type comes from the URL path's
  extension (pdf, doc, docx, png, txt); everything else is served as text/html; charset=utf-8.
"""
from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import os
import re
import shutil
import sys
import threading
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

__all__ = [
    "BOILERPLATE_MARKERS",
    "DEFAULT_CONTENT",
    "DEFAULT_SITE",
    "PORTALS",
    "DemoArticle",
    "DemoPortal",
    "build_site",
    "load_articles",
    "path_of",
    "query_key",
    "slugify",
    "url_to_file",
]

# The demo portal's data: `data/demo` of the project checkout, where `make demo` runs (the
# package itself carries no data); VNNEWS_DEMO_DIR points elsewhere.
DEMO_DIR = Path(os.environ.get("VNNEWS_DEMO_DIR") or Path("data") / "demo")
DEFAULT_CONTENT = DEMO_DIR / "content"
DEFAULT_SITE = DEMO_DIR / "site"
PORTALS = ("hoangmai", "binhthanh", "longbien")

# Listing page size: small so that every portal really paginates.
PAGE_SIZE = 5
# How many items the "Tin nổi bật" box and the related lists show.
HIGHLIGHTS = 5
RELATED = 5
# Written into the site directory so build_site never wipes a directory it did not create.
SITE_MARKER = ".demo-site"

# Strings from the widgets around articles (weather, poll, counter, links, document and
# procedure boxes, tools, footers, account line). None occurs in any article's title, lead or
# paragraphs (tests/test_demo_portal.py checks it), so none may appear in an extracted body.
BOILERPLATE_MARKERS: list[str] = [
    "thời tiết các vùng",
    "Thời tiết các vùng",
    "Bình chọn",
    "Thăm dò ý kiến",
    "Đánh giá thái độ tiếp công dân",
    "Bạn đánh giá thế nào về",
    "Xem kết quả",
    "Số lượng truy cập",
    "Đang truy cập",
    "Lượt truy cập",
    "Đang online",
    "Liên kết website",
    "-- Chọn liên kết --",
    "Văn bản mới",
    "Thủ tục hành chính",
    "Tin nổi bật",
    "Các tin khác",
    "Tin liên quan",
    "In bài viết",
    "Gửi mail",
    "In trang",
    "Gửi email",
    "Về đầu trang",
    "Đăng nhập",
    "File đính kèm",
    "Tệp đính kèm",
    "Tài liệu đính kèm",
    "admin admin",
    "khi phát hành lại thông tin",
    "Bản quyền thuộc",
    "Điện thoại:",
    "Fax:",
    "Cổng thông tin điện tử quận Hoàng Mai",
    "Cổng thông tin điện tử Quận Bình Thạnh",
    "Cổng thông tin điện tử phường Long Biên",
    "Trang chủ",
    "Tin chi tiết",
    "Xem thêm:",
    "Sơ đồ cổng",
]


# ---------------------------------------------------------------------------------------------
# Content


@dataclass
class DemoArticle:
    """One demo article as written in the content files: the truth an extractor should find.

    ``author`` and ``source_line`` are the byline and source line exactly as printed on the page
    (e.g. "Bài và ảnh: Minh Thu", "(Nguồn: Ban Tuyên giáo Quận ủy Hoàng Mai)"); ``attachments``
    are ``{"url": path, "text": link text}``; ``published`` is local time "YYYY-MM-DDTHH:MM";
    ``print_path`` is the Liferay print copy (Hoàng Mai only); ``date_style`` picks how the page
    writes the date (see data/demo/README.md); ``images`` are the photo paths, one per caption.
    """

    portal: str
    id: int
    url_path: str
    title: str
    published: str
    category: str
    category_slug: str
    lead: str
    paragraphs: list[str]
    author: str | None = None
    source_line: str | None = None
    captions: list[str] = field(default_factory=list)
    attachments: list[dict] = field(default_factory=list)
    print_path: str | None = None
    slug: str = ""
    date_style: str = ""
    images: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        """The body paragraphs joined by blank lines (lead, byline and captions excluded)."""
        return "\n\n".join(self.paragraphs)

    @property
    def when(self) -> datetime:
        return datetime.strptime(self.published, "%Y-%m-%dT%H:%M")


def path_of(url: str) -> str:
    """The part of a URL that :attr:`DemoArticle.url_path` holds: path plus "?query" if any.

    ``path_of("http://127.0.0.1:8000/binhthanh/post.aspx?ItemID=651#top")`` →
    ``"/binhthanh/post.aspx?ItemID=651"`` (``urlsplit(url).path`` alone would drop the ItemID).
    """
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def slugify(text: str) -> str:
    """ASCII slug of a Vietnamese title: "Quận Hoàng Mai: Tập huấn" → "quan-hoang-mai-tap-huan"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def load_articles(content_dir: str | Path = DEFAULT_CONTENT) -> list[DemoArticle]:
    """Every demo article of every portal, in portal order then content-file order."""
    content_dir = Path(content_dir)
    articles = []
    for portal in PORTALS:
        items = json.loads((content_dir / f"{portal}.json").read_text(encoding="utf-8"))
        template = _TEMPLATES[portal]
        for item in items:
            slug = item.get("slug") or slugify(item["title"])
            art = DemoArticle(
                portal=portal,
                id=int(item["id"]),
                url_path="",
                title=item["title"],
                published=item["published"],
                category=item["category"],
                category_slug=item["category_slug"],
                lead=item["lead"],
                paragraphs=list(item["paragraphs"]),
                author=item.get("author") or None,
                source_line=item.get("source_line") or None,
                captions=list(item.get("captions") or []),
                slug=slug,
                date_style=item.get("date_style") or template.default_date_style,
            )
            art.url_path = template.article_path(art)
            art.print_path = template.print_path(art)
            art.images = [template.image_path(art, n) for n in range(1, len(art.captions) + 1)]
            art.attachments = [
                {"url": template.attachment_path(art, a["file"]), "text": a["text"]}
                for a in item.get("attachments") or []
            ]
            articles.append(art)
    return articles


# ---------------------------------------------------------------------------------------------
# Small helpers shared by the templates

e = html.escape
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def _clock12(dt: datetime, pad: bool = False) -> str:
    """12-hour clock: "5:05 PM", or "05:05 PM" with ``pad``; midnight is "12:00 AM"."""
    hour = dt.hour % 12 or 12
    return (f"{hour:02d}" if pad else str(hour)) + f":{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'}"


def _dmy(dt: datetime) -> str:
    return f"{dt:%d/%m/%Y}"


def _by_date(articles: list[DemoArticle]) -> list[DemoArticle]:
    """Newest first; ties broken by id so the order is stable."""
    return sorted(articles, key=lambda a: (a.published, a.id), reverse=True)


def _pages(items: list, size: int = PAGE_SIZE) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def _views(art: DemoArticle) -> str:
    return f"{(art.id * 7919) % 2900 + 112:,}".replace(",", ".")


def _related(art: DemoArticle, articles: list[DemoArticle]) -> list[DemoArticle]:
    """Other articles for the related list: same category first (newest first), then the rest."""
    others = [a for a in _by_date(articles) if a is not art]
    return [a for a in others if a.category_slug == art.category_slug] + \
        [a for a in others if a.category_slug != art.category_slug]


def _categories(articles: list[DemoArticle]) -> list[tuple[str, str]]:
    """(slug, name) pairs in order of first appearance in the content file."""
    seen: dict[str, str] = {}
    for art in articles:
        seen.setdefault(art.category_slug, art.category)
    return list(seen.items())


_LOGIN_FORM = """<form class="login-form" method="post" action="#">
<p><label>Tên đăng nhập <input type="text" name="login" /></label></p>
<p><label>Mật khẩu <input type="password" name="password" /></label></p>
<p><input type="submit" value="Đăng nhập" /></p>
</form>"""


# ---------------------------------------------------------------------------------------------
# Templates: one class per portal. Each yields (url, bytes) for every page it owns.


class _Template:
    key = ""
    site_name = ""
    default_date_style = ""

    def article_path(self, art: DemoArticle) -> str:
        raise NotImplementedError

    def print_path(self, art: DemoArticle) -> str | None:
        return None

    def image_path(self, art: DemoArticle, n: int) -> str:
        raise NotImplementedError

    def attachment_path(self, art: DemoArticle, filename: str) -> str:
        raise NotImplementedError

    def pages(self, articles: list[DemoArticle]):
        raise NotImplementedError

    def home_path(self) -> str:
        return f"/{self.key}/"


# --- Hoàng Mai: Liferay 6 ---------------------------------------------------------------------


class _HoangMai(_Template):
    key = "hoangmai"
    site_name = "Cổng thông tin điện tử quận Hoàng Mai"
    default_date_style = "ampm"
    portlet = "tintuc_WAR_hoangmaiportlet_INSTANCE_x9Kd"

    def article_path(self, art):
        return f"/hoangmai/vi/{art.category_slug}/-/view_content/{art.id}-{art.slug}"

    def print_path(self, art):
        return f"/hoangmai/vi/{art.category_slug}/-/view_content/pop_up/{art.id}-{art.slug}"

    def image_path(self, art, n):
        return f"/hoangmai/documents/20182/{art.id}/anh-{n}.png"

    def attachment_path(self, art, filename):
        return f"/hoangmai/documents/20182/{art.id}/{filename}"

    def listing_path(self, slug: str, page: int = 1, explicit: bool = False) -> str:
        base = f"/hoangmai/vi/{slug}"
        if page == 1 and not explicit:
            return base
        p = self.portlet
        return (f"{base}?p_p_id={p}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view"
                f"&p_p_col_id=column-1&p_p_col_count=1&_{p}_cur={page}")

    def date_line(self, art: DemoArticle) -> str:
        dt = art.when
        if art.date_style == "24h":
            return f"Ngày đăng {_dmy(dt)} | {dt:%H:%M}"
        if art.date_style == "bare":
            return f"{_dmy(dt)} | {_clock12(dt)}"
        if art.date_style == "ampm0":
            return f"Ngày đăng {_dmy(dt)} | {_clock12(dt, pad=True)} | View count: {_views(art)}"
        return f"Ngày đăng {_dmy(dt)} | {_clock12(dt)} | View count: {_views(art)}"

    # -- page chrome
    def page(self, title: str, main: str, articles, cats, popup: bool = False) -> str:
        nav = "".join(f'<li><a href="{e(self.listing_path(s))}"><span>{e(n)}</span></a></li>'
                      for s, n in cats)
        body_class = "portal-popup" if popup else "blue yui3-skin-sam controls-visible signed-out public-page site"
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html class="ltr" dir="ltr" lang="vi-VN">
<head>
<title>{e(title)}</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<link href="/hoangmai/hoangmai-theme/images/favicon.ico" rel="Shortcut Icon" />
<script type="text/javascript">var themeDisplay={{getLanguageId:function(){{return "vi_VN";}}}};</script>
</head>
<body class="{body_class}">
<a href="#main-content" id="skip-to-content">Skip to Content</a>
<div id="wrapper">
<header id="banner" role="banner">
<div id="heading"><h1 class="site-title"><a class="logo custom-logo" href="/hoangmai/" title="{e(self.site_name)}"><img alt="{e(self.site_name)}" height="120" src="/hoangmai/image/layout_set_logo?img_id=20512" width="1000" /></a></h1></div>
<nav class="sort-pages modify-pages" id="navigation" role="navigation"><ul>
<li class="selected"><a href="/hoangmai/"><span>Trang chủ</span></a></li>{nav}
</ul></nav>
</header>
<div id="content">
<div class="columns-2" id="main-content" role="main">
<table class="portlet-layout"><tr>
<td class="aui-w70 portlet-column portlet-column-first" id="column-1">
{main}
</td>
<td class="aui-w30 portlet-column portlet-column-last" id="column-2">
{self.sidebar(articles)}
</td>
</tr></table>
</div>
</div>
<footer id="footer" role="contentinfo">
<div class="footer-top"><a href="#wrapper">Về đầu trang</a> | <a href="/hoangmai/vi/so-do-cong">Sơ đồ cổng</a> | <a href="/hoangmai/c/portal/login?p_l_id=20519" rel="nofollow">Đăng nhập</a></div>
<div class="footer-info">
<p><strong>{e(self.site_name.upper())}</strong></p>
<p>Cơ quan chủ quản: Ủy ban nhân dân quận Hoàng Mai</p>
<p>Địa chỉ: Số 8, phố Ngọc Hồi, phường Hoàng Liệt, quận Hoàng Mai, Hà Nội - Điện thoại: 024.3641.2345 - Fax: 024.3641.2346</p>
<p>Ghi rõ nguồn “{e(self.site_name)}” khi phát hành lại thông tin từ website này.</p>
</div>
</footer>
</div>
</body>
</html>
"""

    def sidebar(self, articles) -> str:
        hot = "".join(f'<li><a href="{e(a.url_path)}">{e(a.title)}</a></li>'
                      for a in _by_date(articles)[:HIGHLIGHTS])
        return f"""<div class="portlet-boundary portlet-boundary_tinnoibat_WAR_hoangmaiportlet_" id="p_p_id_tinnoibat_WAR_hoangmaiportlet_">
<div class="portlet-title-default">Tin nổi bật</div>
<div class="portlet-body"><ul class="hot-news">{hot}</ul></div>
</div>
<div class="portlet-boundary portlet-boundary_vanban_WAR_hoangmaiportlet_" id="p_p_id_vanban_WAR_hoangmaiportlet_">
<div class="portlet-title-default">Văn bản mới</div>
<div class="portlet-body"><ul>
<li><a href="http://vanban.hanoi.gov.vn/hoangmai/vb/2381">Quyết định số 2381/QĐ-UBND về việc phê duyệt danh mục dịch vụ sự nghiệp công</a></li>
<li><a href="http://vanban.hanoi.gov.vn/hoangmai/vb/2377">Kế hoạch số 310/KH-UBND thực hiện công tác chuyển đổi số năm 2024</a></li>
<li><a href="http://vanban.hanoi.gov.vn/hoangmai/vb/2366">Thông báo số 95/TB-UBND về lịch tiếp công dân tháng 6/2024</a></li>
</ul></div>
</div>
<div class="portlet-boundary portlet-boundary_tthc_WAR_hoangmaiportlet_" id="p_p_id_tthc_WAR_hoangmaiportlet_">
<div class="portlet-title-default">Thủ tục hành chính</div>
<div class="portlet-body"><ul>
<li><a href="https://dichvucong.hanoi.gov.vn/linh-vuc/ho-tich">Lĩnh vực hộ tịch</a></li>
<li><a href="https://dichvucong.hanoi.gov.vn/linh-vuc/dat-dai">Lĩnh vực đất đai</a></li>
<li><a href="https://dichvucong.hanoi.gov.vn/linh-vuc/xay-dung">Lĩnh vực xây dựng</a></li>
</ul></div>
</div>
<div class="portlet-boundary portlet-boundary_thoitiet_WAR_hoangmaiportlet_" id="p_p_id_thoitiet_WAR_hoangmaiportlet_">
<div class="portlet-title-default">thời tiết các vùng</div>
<div class="portlet-body"><table class="weather">
<tr><td>Hà Nội</td><td>24°C - 31°C</td></tr>
<tr><td>Đà Nẵng</td><td>25°C - 30°C</td></tr>
<tr><td>TP Hồ Chí Minh</td><td>26°C - 33°C</td></tr>
</table></div>
</div>
<div class="portlet-boundary portlet-boundary_poll_WAR_hoangmaiportlet_" id="p_p_id_poll_WAR_hoangmaiportlet_">
<div class="portlet-title-default">Bình chọn</div>
<div class="portlet-body"><form action="/hoangmai/" method="post">
<p class="question">Đánh giá thái độ tiếp công dân của cán bộ Một cửa quận</p>
<label><input name="choice" type="radio" value="1" /> Rất hài lòng</label><br />
<label><input name="choice" type="radio" value="2" /> Hài lòng</label><br />
<label><input name="choice" type="radio" value="3" /> Chưa hài lòng</label><br />
<input type="button" value="Bình chọn" /> <input type="button" value="Xem kết quả" />
</form></div>
</div>
<div class="portlet-boundary portlet-boundary_thongke_WAR_hoangmaiportlet_" id="p_p_id_thongke_WAR_hoangmaiportlet_">
<div class="portlet-title-default">Số lượng truy cập</div>
<div class="portlet-body"><p>Đang truy cập: 27 / Tổng: 4.798.809</p></div>
</div>
<div class="portlet-boundary portlet-boundary_lienket_WAR_hoangmaiportlet_" id="p_p_id_lienket_WAR_hoangmaiportlet_">
<div class="portlet-title-default">Liên kết website</div>
<div class="portlet-body"><select onchange="if(this.value)window.open(this.value);">
<option value="">-- Chọn liên kết --</option>
<option value="http://www.chinhphu.vn">Cổng thông tin điện tử Chính phủ</option>
<option value="http://www.hanoi.gov.vn">Cổng giao tiếp điện tử Hà Nội</option>
<option value="http://dichvucong.hanoi.gov.vn">Dịch vụ công trực tuyến Hà Nội</option>
</select></div>
</div>"""

    def article_block(self, art: DemoArticle, articles, popup: bool = False) -> str:
        parts = []
        for i, para in enumerate(art.paragraphs):
            parts.append(f'<p style="text-align: justify;">&nbsp;&nbsp;&nbsp;&nbsp; {e(para)}</p>')
            if i < len(art.captions):
                parts.append(f'<p style="text-align: center;"><img alt="" src="{e(art.images[i])}" '
                             f'style="width: 500px; height: 333px;" /></p>')
                parts.append(f'<p style="text-align: center;"><em>{e(art.captions[i])}</em></p>')
        parts.append("<p>&nbsp;</p>")
        if art.author:
            parts.append(f'<p style="text-align: right;"><strong>{e(art.author)}</strong></p>')
        if art.source_line:
            parts.append(f'<p style="text-align: right;"><em>{e(art.source_line)}</em></p>')
        attach = ""
        if art.attachments:
            links = "".join(f'<li><a href="{e(a["url"])}" target="_blank">{e(a["text"])}</a></li>'
                            for a in art.attachments)
            attach = f'<div class="news-attach"><span>File đính kèm:</span><ul>{links}</ul></div>'
        print_link = ('href="javascript:window.print();"' if popup else f'href="{e(art.print_path)}" '
                      "onclick=\"window.open(this.href,'inbai','width=800,height=600,scrollbars=yes');return false;\"")
        same = _related(art, articles)
        others = "".join(f'<li><a href="{e(a.url_path)}">{e(a.title)}</a> <span class="date">({_dmy(a.when)})</span></li>'
                         for a in same[:RELATED])
        return f"""<div class="portlet-boundary portlet-boundary_tintuc_WAR_hoangmaiportlet_ portlet-borderless" id="p_p_id_{self.portlet}_">
<span id="p_{self.portlet}"></span>
<div class="portlet-body">
<div class="breadcrumb-news"><a href="/hoangmai/">Trang chủ</a> » <a href="{e(self.listing_path(art.category_slug))}">{e(art.category)}</a></div>
<div class="news-detail">
<div class="title-news" style="color: #0b5aa6; font-size: 18px; font-weight: bold;">{e(art.title)}</div>
<div class="date-news">{e(self.date_line(art))}</div>
<div class="sapo-news"><strong>{e(art.lead)}</strong></div>
<div class="journal-content-article content-news">
{chr(10).join(parts)}
</div>
{attach}
<div class="account-news">admin admin</div>
<div class="tool-news"><a {print_link}><img alt="" src="/hoangmai/hoangmai-theme/images/print.gif" /> In bài viết</a> | <a href="mailto:?subject={quote(art.title)}"><img alt="" src="/hoangmai/hoangmai-theme/images/mail.gif" /> Gửi mail</a></div>
<div class="other-news"><div class="other-news-title">Các tin khác</div><ul>{others}</ul></div>
</div>
</div>
</div>"""

    def listing_block(self, slug, name, items, page, count) -> str:
        rows = "".join(f"""<div class="news-item">
<div class="news-item-title"><a href="{e(a.url_path)}">{e(a.title)}</a></div>
<div class="news-item-date">({_dmy(a.when)})</div>
<div class="news-item-sapo">{e(a.lead)}</div>
</div>""" for a in items)

        def link(label, target, cls):
            if target == page or not 1 <= target <= count:
                return f'<span class="{cls} disabled">{label}</span>'
            return f'<a class="{cls}" href="{e(self.listing_path(slug, target, explicit=True))}">{label}</a>'

        options = "".join(f'<option value="{n}"{" selected" if n == page else ""}>{n}</option>'
                          for n in range(1, count + 1))
        base = e(self.listing_path(slug, 1, explicit=True)[:-1])
        return f"""<div class="portlet-boundary portlet-boundary_tintuc_WAR_hoangmaiportlet_" id="p_p_id_{self.portlet}_">
<div class="portlet-body">
<div class="news-list-title">{e(name)}</div>
<div class="news-list">{rows}</div>
<div class="taglib-page-iterator"><div class="search-pages">
<div class="page-selector">Trang <select onchange="location.href='{base}'+this.value;">{options}</select> của {count}</div>
<div class="page-links">{link("← Đầu tiên", 1, "first")} {link("Trước", page - 1, "previous")} {link("Tiếp", page + 1, "next")} {link("Cuối cùng →", count, "last")}</div>
</div></div>
</div>
</div>"""

    def pages(self, articles):
        cats = _categories(articles)
        for art in articles:
            title = f"{art.title} - {art.category} - {self.site_name}"
            yield art.url_path, self.page(title, self.article_block(art, articles), articles, cats)
            yield art.print_path, self.page(title, self.article_block(art, articles, popup=True), articles, cats, popup=True)
        for slug, name in cats:
            chunks = _pages(_by_date([a for a in articles if a.category_slug == slug]))
            for n, items in enumerate(chunks, 1):
                block = self.listing_block(slug, name, items, n, len(chunks))
                html_ = self.page(f"{name} - {self.site_name}", block, articles, cats)
                if n == 1:
                    yield self.listing_path(slug), html_
                yield self.listing_path(slug, n, explicit=True), html_
        blocks = []
        for slug, name in cats:
            items = _by_date([a for a in articles if a.category_slug == slug])[:3]
            lis = "".join(f'<li><a href="{e(a.url_path)}">{e(a.title)}</a> <span>({_dmy(a.when)})</span></li>'
                          for a in items)
            blocks.append(f'<div class="home-cat"><div class="home-cat-title"><a href="{e(self.listing_path(slug))}">'
                          f'{e(name)}</a></div><ul>{lis}</ul></div>')
        top = _by_date(articles)[0]
        main = (f'<div class="home-top"><div class="home-top-title"><a href="{e(top.url_path)}">{e(top.title)}</a></div>'
                f'<div class="home-top-sapo">{e(top.lead)}</div></div>' + "\n".join(blocks))
        yield self.home_path(), self.page(self.site_name, main, articles, cats)
        tree = "".join(
            f'<li><a href="{e(self.listing_path(slug))}">{e(name)}</a> '
            f'({sum(a.category_slug == slug for a in articles)} tin)</li>' for slug, name in cats)
        sitemap = (f'<div class="portlet-boundary" id="p_p_id_sitemap_WAR_hoangmaiportlet_"><div class="portlet-title-default">'
                   f'Sơ đồ cổng</div><div class="portlet-body"><ul class="sitemap"><li><a href="/hoangmai/">Trang chủ</a>'
                   f'<ul>{tree}</ul></li></ul></div></div>')
        yield "/hoangmai/vi/so-do-cong", self.page(f"Sơ đồ cổng - {self.site_name}", sitemap, articles, cats)
        yield "/hoangmai/c/portal/login?p_l_id=20519", self.page(f"Đăng nhập - {self.site_name}", _LOGIN_FORM, articles, cats)


# --- Bình Thạnh: SharePoint / ASP.NET ------------------------------------------------------------


class _BinhThanh(_Template):
    key = "binhthanh"
    site_name = "Cổng thông tin điện tử Quận Bình Thạnh"
    default_date_style = "dash"
    cat_ids = {"tin-tuc-su-kien": 1, "kinh-te": 2, "van-hoa-xa-hoi": 3, "an-ninh-quoc-phong": 4,
               "cai-cach-hanh-chinh": 5}

    def article_path(self, art):
        return f"/binhthanh/post.aspx?ItemID={art.id}"

    def image_path(self, art, n):
        return f"/binhthanh/PublishingImages/{art.when:%Y}/{art.id}_{n}.png"

    def attachment_path(self, art, filename):
        return f"/binhthanh/SiteAssets/Lists/NewsList/Attachments/{art.id}/{filename}"

    def home_path(self):
        return "/binhthanh/Pages/default.aspx"

    def listing_path(self, slug, page=1):
        cid = self.cat_ids[slug]
        return f"/binhthanh/Pages/default.aspx?cat_id={cid}" + (f"&page={page}" if page > 1 else "")

    def date_line(self, art):
        dt = art.when
        day = WEEKDAYS[dt.weekday()]
        if art.date_style == "gmt":
            return f"{day}, {_dmy(dt)}, {_clock12(dt, pad=True)} (GMT+7)"
        if art.date_style == "space":
            return f"{day}, {_dmy(dt)} {dt:%H:%M}"
        return f"{day}, {_dmy(dt)} - {dt:%H:%M}"

    def page(self, action, main, articles, cats) -> str:
        viewstate = base64.b64encode(hashlib.sha1(action.encode()).digest() * 3).decode()
        menu = " | ".join(f'<a href="{e(self.listing_path(s))}">{e(n)}</a>' for s, n in cats)
        hot = "".join(f'<tr><td class="bullet">»</td><td><a href="{e(a.url_path)}">{e(a.title)}</a></td></tr>'
                      for a in _by_date(articles)[:HIGHLIGHTS])
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Expires" content="0" /><title>
\tTin chi tiết - {e(self.site_name)}
</title><link rel="stylesheet" type="text/css" href="/binhthanh/_layouts/1066/styles/core.css" />
<script type="text/javascript" src="/binhthanh/_layouts/1066/init.js"></script>
</head>
<body scroll="yes" onload="javascript:_spBodyOnLoadWrapper();">
<form name="aspnetForm" method="post" action="{e(action)}" id="aspnetForm">
<div><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{viewstate}" /></div>
<a name="top"></a>
<table id="ctl00_tblMain" width="1000" cellpadding="0" cellspacing="0" border="0" align="center">
<tr><td colspan="3" class="BT_Banner"><a href="/binhthanh/Pages/default.aspx"><img src="/binhthanh/SiteAssets/images/banner.jpg" alt="ỦY BAN NHÂN DÂN QUẬN BÌNH THẠNH" border="0" /></a></td></tr>
<tr><td colspan="3" class="BT_Menu"><a href="/binhthanh/Pages/default.aspx">Trang chủ</a> | {menu}</td></tr>
<tr>
<td valign="top" width="200" class="BT_Left">
<table class="BT_Box" width="100%" cellpadding="2" cellspacing="0"><tr><td class="BT_BoxHeader">Thủ tục hành chính</td></tr>
<tr><td><a href="https://dichvucong.hochiminhcity.gov.vn/thutuc?linhvuc=1">Cấp giấy phép xây dựng</a><br /><a href="https://dichvucong.hochiminhcity.gov.vn/thutuc?linhvuc=2">Đăng ký hộ kinh doanh</a><br /><a href="https://dichvucong.hochiminhcity.gov.vn/thutuc?linhvuc=3">Chứng thực bản sao</a></td></tr></table>
<table class="BT_Box" width="100%" cellpadding="2" cellspacing="0"><tr><td class="BT_BoxHeader">Văn bản mới</td></tr>
<tr><td><a href="http://vbpl.hochiminhcity.gov.vn/binhthanh/vanban?id=811">Quyết định 4521/QĐ-UBND ban hành Quy chế tiếp công dân</a><br /><a href="http://vbpl.hochiminhcity.gov.vn/binhthanh/vanban?id=809">Chỉ thị 07/CT-UBND về tăng cường trật tự đô thị</a></td></tr></table>
<table class="BT_Box" width="100%" cellpadding="2" cellspacing="0"><tr><td class="BT_BoxHeader">Liên kết website</td></tr>
<tr><td><select name="ctl00$ddlLienKet" onchange="javascript:window.open(this.options[this.selectedIndex].value);"><option value="">-- Chọn liên kết --</option><option value="http://www.hochiminhcity.gov.vn">Cổng thông tin điện tử TP.HCM</option><option value="http://www.chinhphu.vn">Cổng TTĐT Chính phủ</option></select></td></tr></table>
</td>
<td valign="top" class="BT_Main">
{main}
</td>
<td valign="top" width="220" class="BT_Right">
<table class="BT_Box" width="100%" cellpadding="2" cellspacing="0"><tr><td colspan="2" class="BT_BoxHeader">Tin nổi bật</td></tr>{hot}</table>
<table class="BT_Box" width="100%" cellpadding="2" cellspacing="0"><tr><td colspan="2" class="BT_BoxHeader">Thời tiết các vùng</td></tr>
<tr><td>TP Hồ Chí Minh</td><td>27 - 34°C</td></tr><tr><td>Cần Thơ</td><td>26 - 33°C</td></tr><tr><td>Hà Nội</td><td>22 - 29°C</td></tr></table>
<table class="BT_Box" width="100%" cellpadding="2" cellspacing="0"><tr><td class="BT_BoxHeader">Thăm dò ý kiến</td></tr>
<tr><td>Bạn đánh giá thế nào về chất lượng giải quyết hồ sơ tại Bộ phận tiếp nhận và trả kết quả?<br />
<input type="radio" name="ctl00$poll" value="1" />Tốt<br /><input type="radio" name="ctl00$poll" value="2" />Khá<br /><input type="radio" name="ctl00$poll" value="3" />Chưa tốt<br />
<input type="submit" name="ctl00$btnVote" value="Bình chọn" /> <a href="javascript:__doPostBack('ctl00$lnkKetQua','')">Xem kết quả</a></td></tr></table>
<table class="BT_Box" width="100%" cellpadding="2" cellspacing="0"><tr><td class="BT_BoxHeader">Lượt truy cập</td></tr>
<tr><td>Đang online: 15<br />Tổng lượt truy cập: 2.316.054</td></tr></table>
</td>
</tr>
<tr><td colspan="3" class="BT_Footer" align="center">
<a href="#top">Về đầu trang</a> | <a href="/binhthanh/_layouts/Authenticate.aspx?Source=%2Fbinhthanh">Đăng nhập</a><br />
Bản quyền thuộc Ủy ban nhân dân Quận Bình Thạnh<br />
Địa chỉ: 6 Phan Đăng Lưu, Phường 14, Quận Bình Thạnh, TP. Hồ Chí Minh - Điện thoại: (028) 3841 2345 - Fax: (028) 3841 2346<br />
Đề nghị ghi rõ nguồn “{e(self.site_name)}” khi phát hành lại thông tin từ website này
</td></tr>
</table>
</form>
</body>
</html>
"""

    def article_block(self, art, articles) -> str:
        parts = []
        style = "font-size: 12pt; font-family: 'Times New Roman','serif'"
        for i, para in enumerate(art.paragraphs):
            parts.append(f'<p class="MsoNormal" style="text-align: justify;"><span lang="VI" style="{style}">{e(para)}</span><o:p></o:p></p>')
            if i < len(art.captions):
                parts.append(f'<table class="image" align="center" cellpadding="0" cellspacing="0"><tr><td>'
                             f'<img src="{e(art.images[i])}" width="450" border="0" alt="" /></td></tr>'
                             f'<tr><td class="image_desc">{e(art.captions[i])}</td></tr></table>')
        if art.author:
            parts.append(f'<p class="MsoNormal" align="right" style="text-align: right;"><b><span style="{style}">{e(art.author)}</span></b></p>')
        if art.source_line:
            parts.append(f'<p class="MsoNormal" align="right" style="text-align: right;"><i>{e(art.source_line)}</i></p>')
        attach = ""
        if art.attachments:
            links = "<br />".join(f'<a href="{e(a["url"])}">{e(a["text"])}</a>' for a in art.attachments)
            attach = f'<table class="attach" cellpadding="2"><tr><td valign="top"><b>Tài liệu đính kèm:</b></td><td>{links}</td></tr></table>'
        same = _related(art, articles)
        rel = "".join(f'<li><a href="{e(a.url_path)}">{e(a.title)}</a> <span class="ngay">({_dmy(a.when)})</span></li>'
                      for a in same[:RELATED])
        p = "ctl00_PlaceHolderMain_ctl01"
        return f"""<table class="ms-WPBody" width="100%" cellpadding="0" cellspacing="0"><tr><td>
<div class="duongdan"><a href="/binhthanh/Pages/default.aspx">Trang chủ</a> &gt; <a href="{e(self.listing_path(art.category_slug))}">{e(art.category)}</a></div>
<span id="{p}_lblTitle" class="tieude">{e(art.title)}</span><br />
<span id="{p}_lblDate" class="ngaythang">{e(self.date_line(art))}</span>
<div id="{p}_divSummary" class="tomtat"><b>{e(art.lead)}</b></div>
<div id="{p}_divContent" class="noidung">
{chr(10).join(parts)}
</div>
{attach}
<div class="tienich"><a href="javascript:window.print();">In trang</a> | <a href="mailto:?subject={quote(art.title)}">Gửi email</a></div>
<div class="tinlienquan"><span class="tieude_tlq">Tin liên quan</span><ul>{rel}</ul></div>
</td></tr></table>"""

    def listing_block(self, slug, name, items, page, count) -> str:
        rows = "".join(f"""<tr><td class="tieude_ds"><a href="{e(a.url_path)}">{e(a.title)}</a> <span class="ngay">({_dmy(a.when)})</span></td></tr>
<tr><td class="tomtat_ds">{e(a.lead)}</td></tr>""" for a in items)
        pager = " ".join(f"<b>[{n}]</b>" if n == page else f'<a href="{e(self.listing_path(slug, n))}">{n}</a>'
                         for n in range(1, count + 1))
        if page < count:
            pager += f' <a href="{e(self.listing_path(slug, page + 1))}">»</a>'
        return f"""<table class="ms-WPBody" width="100%" cellpadding="0" cellspacing="0">
<tr><td class="BT_CatHeader">{e(name)}</td></tr>
{rows}
<tr><td class="BT_Pager">Trang: {pager}</td></tr>
</table>"""

    def pages(self, articles):
        cats = _categories(articles)
        for art in articles:
            yield art.url_path, self.page(art.url_path.rsplit("/", 1)[1], self.article_block(art, articles), articles, cats)
        for slug, name in cats:
            chunks = _pages(_by_date([a for a in articles if a.category_slug == slug]))
            for n, items in enumerate(chunks, 1):
                path = self.listing_path(slug, n)
                yield path, self.page(path.rsplit("/", 1)[1], self.listing_block(slug, name, items, n, len(chunks)), articles, cats)
        blocks = []
        for slug, name in cats:
            items = _by_date([a for a in articles if a.category_slug == slug])[:3]
            rows = "".join(f'<tr><td>» <a href="{e(a.url_path)}">{e(a.title)}</a></td></tr>' for a in items)
            blocks.append(f'<table class="ms-WPBody" width="100%"><tr><td class="BT_CatHeader">'
                          f'<a href="{e(self.listing_path(slug))}">{e(name)}</a></td></tr>{rows}</table>')
        yield self.home_path(), self.page("default.aspx", "\n".join(blocks), articles, cats)
        login = "/binhthanh/_layouts/Authenticate.aspx?Source=%2Fbinhthanh"
        yield login, self.page(login.rsplit("/", 1)[1], _LOGIN_FORM, articles, cats)
        # SharePoint sends the site root to Pages/default.aspx; a static file can only say so.
        yield "/binhthanh/", (
            '<!DOCTYPE html>\n<html><head><meta charset="utf-8" />'
            '<meta http-equiv="refresh" content="0; url=/binhthanh/Pages/default.aspx" />'
            '<title>Quận Bình Thạnh</title></head>\n<body><a href="/binhthanh/Pages/default.aspx">'
            "Quận Bình Thạnh</a></body></html>\n")


# --- Long Biên: Hanoi's 2025 platform -----------------------------------------------------------


class _LongBien(_Template):
    key = "longbien"
    site_name = "Cổng thông tin điện tử phường Long Biên"
    default_date_style = "datetime"

    def article_path(self, art):
        return f"/longbien/{art.category_slug}/{art.slug}-{art.id}.htm"

    def image_path(self, art, n):
        return f"/longbien/uploads/images/{art.when:%Y/%m/%d}/{art.id}-{n}.png"

    def attachment_path(self, art, filename):
        return f"/longbien/uploads/files/{art.when:%Y/%m/%d}/{filename}"

    def listing_path(self, slug, page=1):
        return f"/longbien/{slug}.htm" if page == 1 else f"/longbien/{slug}/trang-{page}.htm"

    def date_line(self, art):
        dt = art.when
        if art.date_style == "time_first":
            return f"{dt:%H:%M} | {_dmy(dt)}"
        return f"{_dmy(dt)} {dt:%H:%M}"

    def page(self, title, main, articles, cats, head_extra="") -> str:
        menu = "".join(f'<li><a href="{e(self.listing_path(s))}">{e(n)}</a></li>' for s, n in cats)
        hot = "".join(f'<li><a href="{e(a.url_path)}">{e(a.title)}</a></li>' for a in _by_date(articles)[:HIGHLIGHTS])
        return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title>
{head_extra}<link rel="stylesheet" href="/longbien/static/css/main.css">
</head>
<body>
<div id="top"></div>
<header class="header">
<div class="header__top"><a class="header__logo" href="/longbien/"><img src="/longbien/static/images/logo.png" alt="{e(self.site_name)}"></a>
<form class="header__search" action="/longbien/tim-kiem.htm"><input type="text" name="q" placeholder="Tìm kiếm"></form></div>
<nav class="menu"><ul><li><a href="/longbien/">Trang chủ</a></li>{menu}</ul></nav>
</header>
<main class="container">
<div class="layout">
<div class="layout__main">
{main}
</div>
<aside class="layout__side">
<section class="box box--hot"><h3 class="box__title">Tin nổi bật</h3><ul>{hot}</ul></section>
<section class="box"><h3 class="box__title">Văn bản mới</h3><ul>
<li><a href="https://vanban.hanoi.gov.vn/longbien/ke-hoach-so-214-kh-ubnd">Kế hoạch số 214/KH-UBND về tổ chức các hoạt động hè năm 2025</a></li>
<li><a href="https://vanban.hanoi.gov.vn/longbien/quyet-dinh-so-1876-qd-ubnd">Quyết định số 1876/QĐ-UBND về kiện toàn tổ công tác</a></li>
</ul></section>
<section class="box"><h3 class="box__title">Thủ tục hành chính</h3><ul>
<li><a href="https://dichvucong.hanoi.gov.vn">Tra cứu hồ sơ</a></li><li><a href="https://dichvucong.gov.vn">Nộp hồ sơ trực tuyến</a></li>
</ul></section>
<section class="box box--weather"><h3 class="box__title">Dự báo thời tiết các vùng</h3>
<div class="weather"><span class="weather__city">Hà Nội</span> <span class="weather__temp">23°C</span></div>
<div class="weather"><span class="weather__city">Hải Phòng</span> <span class="weather__temp">24°C</span></div>
<div class="weather"><span class="weather__city">Đà Nẵng</span> <span class="weather__temp">27°C</span></div>
</section>
<section class="box box--poll"><h3 class="box__title">Thăm dò ý kiến</h3>
<p>Bạn đánh giá thế nào về việc giải quyết thủ tục tại Trung tâm Phục vụ hành chính công?</p>
<ul class="poll"><li><label><input type="radio" name="poll" value="1"> Rất hài lòng</label></li><li><label><input type="radio" name="poll" value="2"> Hài lòng</label></li><li><label><input type="radio" name="poll" value="3"> Không hài lòng</label></li></ul>
<button type="button">Bình chọn</button> <button type="button">Xem kết quả</button></section>
<section class="box box--stats"><h3 class="box__title">Số lượng truy cập</h3><p>Đang truy cập: 41</p><p>Tổng: 1.207.533</p></section>
<section class="box"><h3 class="box__title">Liên kết website</h3><select onchange="window.open(this.value)"><option value="">-- Chọn liên kết --</option><option value="https://hanoi.gov.vn">Cổng TTĐT thành phố Hà Nội</option><option value="https://chinhphu.vn">Cổng TTĐT Chính phủ</option></select></section>
</aside>
</div>
</main>
<footer class="footer">
<div class="footer__links"><a href="#top">Về đầu trang</a> | <a href="/longbien/dang-nhap.htm" rel="nofollow">Đăng nhập</a></div>
<p class="footer__name">{e(self.site_name.upper())}</p>
<p>Địa chỉ: Số 1 phố Vạn Hạnh, phường Long Biên, thành phố Hà Nội. Điện thoại: 024.3872.5678 - Fax: 024.3872.5679</p>
<p>Ghi rõ nguồn “{e(self.site_name)}” khi phát hành lại thông tin từ website này.</p>
</footer>
</body>
</html>
"""

    def article_block(self, art, articles) -> str:
        parts = []
        # Every other article carries an inline "Xem thêm" box after its second paragraph,
        # as the platform's editors insert them: links inside the body that are not body text.
        inline = _related(art, articles)[:2] if articles.index(art) % 2 == 0 and len(art.paragraphs) >= 3 else []
        for i, para in enumerate(art.paragraphs):
            parts.append(f"<p>{e(para)}</p>")
            if i == 1 and inline:
                links = "".join(f'<li><a href="{e(a.url_path)}">{e(a.title)}</a></li>' for a in inline)
                parts.append(f'<div class="box-inline-related"><p class="box-inline-related__title">Xem thêm:</p><ul>{links}</ul></div>')
            if i < len(art.captions):
                parts.append(f'<figure class="detail__image"><img src="{e(art.images[i])}" alt="{e(art.captions[i])}">'
                             f"<figcaption>{e(art.captions[i])}</figcaption></figure>")
        if art.author:
            parts.append(f'<p style="text-align: right;"><strong>{e(art.author)}</strong></p>')
        if art.source_line:
            parts.append(f'<p style="text-align: right;">{e(art.source_line)}</p>')
        attach = ""
        if art.attachments:
            links = "".join(f'<li><a href="{e(a["url"])}" download>{e(a["text"])}</a></li>' for a in art.attachments)
            attach = f'<div class="detail__files"><p>Tệp đính kèm:</p><ul>{links}</ul></div>'
        same = _related(art, articles)
        rel = "".join(f'<li><a href="{e(a.url_path)}">{e(a.title)}</a></li>' for a in same[:RELATED])
        return f"""<ul class="breadcrumb"><li><a href="/longbien/">Trang chủ</a></li><li><a href="{e(self.listing_path(art.category_slug))}">{e(art.category)}</a></li></ul>
<article class="detail">
<h1 class="detail__title">{e(art.title)}</h1>
<div class="detail__meta"><span class="detail__time">{e(self.date_line(art))}</span>
<span class="detail__tools"><a href="javascript:window.print()">In trang</a> <a href="mailto:?subject={quote(art.title)}">Gửi email</a></span></div>
<h2 class="detail__sapo">{e(art.lead)}</h2>
<div class="detail__content">
{chr(10).join(parts)}
</div>
{attach}
</article>
<section class="related"><h3 class="related__title">Tin liên quan</h3><ul>{rel}</ul></section>"""

    def head(self, art) -> str:
        published = f"{art.published}:00+07:00"
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": art.title,
                         "datePublished": published, "articleSection": art.category,
                         "publisher": {"@type": "Organization", "name": self.site_name}},
                        ensure_ascii=False)
        return (f'<meta name="description" content="{e(art.lead)}">\n'
                f'<meta property="og:type" content="article">\n'
                f'<meta property="og:title" content="{e(art.title)}">\n'
                f'<meta property="article:published_time" content="{published}">\n'
                f'<link rel="canonical" href="{e(art.url_path)}">\n'
                f'<script type="application/ld+json">{ld}</script>\n')

    def listing_block(self, slug, name, items, page, count) -> str:
        rows = "".join(f"""<div class="story"><h3 class="story__title"><a href="{e(a.url_path)}">{e(a.title)}</a></h3>
<span class="story__time">{e(self.date_line(a))}</span><p class="story__sapo">{e(a.lead)}</p></div>""" for a in items)
        pager = "".join(f'<li class="active"><span>{n}</span></li>' if n == page
                        else f'<li><a href="{e(self.listing_path(slug, n))}">{n}</a></li>'
                        for n in range(1, count + 1))
        return f"""<ul class="breadcrumb"><li><a href="/longbien/">Trang chủ</a></li><li><span>{e(name)}</span></li></ul>
<h2 class="cate-title">{e(name)}</h2>
<div class="list-stories">{rows}</div>
<ul class="pagination">{pager}</ul>"""

    def pages(self, articles):
        cats = _categories(articles)
        for art in articles:
            yield art.url_path, self.page(art.title, self.article_block(art, articles), articles, cats, self.head(art))
        for slug, name in cats:
            chunks = _pages(_by_date([a for a in articles if a.category_slug == slug]))
            for n, items in enumerate(chunks, 1):
                title = f"{name} - {self.site_name}" + (f" - Trang {n}" if n > 1 else "")
                yield self.listing_path(slug, n), self.page(title, self.listing_block(slug, name, items, n, len(chunks)), articles, cats)
        blocks = []
        for slug, name in cats:
            items = _by_date([a for a in articles if a.category_slug == slug])[:3]
            lis = "".join(f'<li><a href="{e(a.url_path)}">{e(a.title)}</a></li>' for a in items)
            blocks.append(f'<section class="home-cate"><h2><a href="{e(self.listing_path(slug))}">{e(name)}</a></h2><ul>{lis}</ul></section>')
        yield self.home_path(), self.page(self.site_name, "\n".join(blocks), articles, cats)
        yield "/longbien/dang-nhap.htm", self.page(f"Đăng nhập - {self.site_name}", _LOGIN_FORM, articles, cats)


_TEMPLATES: dict[str, _Template] = {t.key: t for t in (_HoangMai(), _BinhThanh(), _LongBien())}


# ---------------------------------------------------------------------------------------------
# Building the static site


def url_to_file(path: str, query: str = "") -> str:
    """The site-relative file name for a request path and query (see the module docstring).

    Returns "" for paths that cannot be served (".." segments, empty segments).
    """
    path = unquote(path)
    rel = path.lstrip("/")
    segments = rel.split("/")
    if any(s in (".", "..") for s in segments) or "//" in path or "\\" in path:
        return ""
    if segments[-1].endswith(".html"):
        return ""  # no demo URL ends in ".html": such paths would alias rule 2's files
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    elif "." not in segments[-1]:
        rel += ".html"
    if query:
        rel += "%3F" + quote(unquote(query), safe="")
    return rel


# Query parameters a portal ignores when choosing what to show (see rule 4 above).
_PRESENTATION_PARAMS = frozenset({"p_p_state", "p_p_mode", "p_p_col_id", "p_p_col_pos", "p_p_col_count"})
# Parameters at their default value: Liferay's render phase, an ASP.NET listing's first page.
_DEFAULT_VALUES = frozenset({("p_p_lifecycle", "0"), ("page", "1")})


def query_key(path: str, query: str = "") -> str:
    """The file name for ``path`` with the query reduced to what selects content, sorted."""
    params = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True)
              if k not in _PRESENTATION_PARAMS and not k.startswith("utm_")
              and (k, v) not in _DEFAULT_VALUES]
    return url_to_file(path, urlencode(sorted(params)))


def _root_pages() -> list[tuple[str, str]]:
    links = "\n".join(f'<li><a href="{e(t.home_path())}">{e(t.site_name)}</a></li>' for t in _TEMPLATES.values())
    index = f"""<!DOCTYPE html>
<html lang="vi">
<head><meta charset="utf-8"><title>vnnews - cổng tin tức mẫu</title></head>
<body>
<h1>Cổng tin tức mẫu của vnnews</h1>
<p>Ba cổng thông tin quận, huyện dựng lại theo ba mẫu giao diện thật, dùng để thử bộ thu thập.</p>
<ul>
{links}
</ul>
</body>
</html>
"""
    return [("/", index), ("/robots.txt", "User-agent: *\nAllow: /\n")]


def _pdf(text: str) -> bytes:
    """A minimal one-page PDF showing ``text`` (ASCII), with a correct cross-reference table."""
    stream = f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _docx(text: str) -> bytes:
    """A minimal Word document, zipped with fixed timestamps so rebuilds are byte-identical."""
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p><w:r><w:t>{html.escape(text)}</w:t></w:r></w:p></w:body></w:document>",
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, content)
    return out.getvalue()


def _png() -> bytes:
    """A 1×1 grey PNG standing in for every news photo."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00\x99", 9)) + chunk(b"IEND", b"")


def _attachment_bytes(url: str, text: str) -> bytes:
    ascii_text = slugify(text).replace("-", " ") or "tai lieu"
    if url.endswith(".pdf"):
        return _pdf(f"Tai lieu dinh kem (ban mo phong): {ascii_text}")
    if url.endswith(".docx"):
        return _docx(f"Tài liệu đính kèm (bản mô phỏng): {text}")
    return f"Tài liệu đính kèm (bản mô phỏng): {text}\n".encode("utf-8")


def site_files(articles: list[DemoArticle]) -> dict[str, bytes]:
    """Every file of the site, keyed by URL (path plus query), in a stable order."""
    files: dict[str, bytes] = {}
    for url, text in _root_pages():
        files[url] = text.encode("utf-8")
    for portal in PORTALS:
        own = [a for a in articles if a.portal == portal]
        for url, text in _TEMPLATES[portal].pages(own):
            if url in files:
                raise ValueError(f"two pages for {url}")
            files[url] = text.encode("utf-8")
        for art in own:
            for img in art.images:
                files[img] = _png()
            for att in art.attachments:
                files[att["url"]] = _attachment_bytes(att["url"], att["text"])
    return files


def build_site(content_dir: str | Path = DEFAULT_CONTENT, out_dir: str | Path = DEFAULT_SITE) -> int:
    """Render every page into ``out_dir`` (replacing a previous build) and return the file count."""
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        if not (out_dir / SITE_MARKER).exists():
            raise ValueError(f"{out_dir} is not empty and holds no {SITE_MARKER}: refusing to replace it")
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / SITE_MARKER).write_text("Generated by `python -m crawler.demo.portal build`; do not edit.\n")
    files = site_files(load_articles(content_dir))
    for url in sorted(files):
        parts = urlsplit(url)
        target = out_dir / url_to_file(parts.path, parts.query)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[url])
    return len(files)


# ---------------------------------------------------------------------------------------------
# Serving it

CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".png": "image/png",
    ".txt": "text/plain; charset=utf-8",
}
HTML_TYPE = "text/html; charset=utf-8"


def content_type_of(path: str) -> str:
    last = path.rsplit("/", 1)[-1]
    ext = "." + last.rsplit(".", 1)[-1].lower() if "." in last else ""
    return CONTENT_TYPES.get(ext, HTML_TYPE)


def _aliases(root: Path) -> dict[str, str]:
    """query_key → file name, for every file of the site (rule 4 of the naming rule)."""
    aliases = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_file() and not rel.startswith(SITE_MARKER):
            base, _, query = rel.partition("%3F")
            url = "/" + (base[:-len("index.html")] if base.endswith("index.html") else
                         base[:-len(".html")] if base.endswith(".html") else base)
            aliases.setdefault(query_key(url, unquote(query)), rel)
    return aliases


class _Handler(BaseHTTPRequestHandler):
    root: Path = DEFAULT_SITE
    aliases: dict[str, str] = {}
    server_version = "Microsoft-IIS/7.5"
    sys_version = ""

    def do_GET(self):
        self._answer(with_body=True)

    def do_HEAD(self):
        self._answer(with_body=False)

    def _answer(self, with_body: bool):
        parts = urlsplit(self.path)
        rel = url_to_file(parts.path, parts.query)
        if rel and not (self.root / rel).is_file():
            rel = self.aliases.get(query_key(parts.path, parts.query), rel)
        target = self.root / rel if rel else None
        if target is None or not target.is_file() or rel.startswith(SITE_MARKER):
            status, ctype = 404, HTML_TYPE
            data = b"<!DOCTYPE html><html><head><title>404</title></head><body><h1>404 Not Found</h1></body></html>\n"
        else:
            status, ctype, data = 200, content_type_of(parts.path), target.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if with_body:
            self.wfile.write(data)

    def log_message(self, format, *args):  # noqa: A002 - quiet: tests and crawls stay readable
        pass


class DemoPortal:
    """A threaded HTTP server for the built demo site.

    >>> with DemoPortal() as portal:          # doctest: +SKIP
    ...     urllib.request.urlopen(portal.url + "/hoangmai/")
    """

    def __init__(self, root: str | Path = DEFAULT_SITE, host: str = "127.0.0.1", port: int = 0):
        self.root = Path(root)
        self.host = host
        self.port = port
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("DemoPortal is not started")
        return f"http://{self.host}:{self._server.server_address[1]}"

    base_url = url  # alias: ``portal.base_url`` reads the same as ``portal.url``

    def start(self) -> str:
        """Start serving in a background thread and return the base URL "http://HOST:PORT"."""
        if self._server is None:
            handler = type("DemoHandler", (_Handler,), {"root": self.root, "aliases": _aliases(self.root)})
            self._server = ThreadingHTTPServer((self.host, self.port), handler)
            self._server.daemon_threads = True
            self._thread = threading.Thread(target=self._server.serve_forever, name="demo-portal", daemon=True)
            self._thread.start()
        return self.url

    def wait(self) -> None:
        """Block until the server stops (the CLI waits here until Ctrl-C)."""
        while self._thread is not None and self._thread.is_alive():
            self._thread.join(0.5)

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
            self._thread = None

    def __str__(self) -> str:
        return self.url

    def __enter__(self) -> "DemoPortal":
        """``with DemoPortal() as portal:`` starts it; ``portal.url`` (or ``str(portal)``) is the base URL."""
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["build"]:
        count = build_site(DEFAULT_CONTENT, DEFAULT_SITE)
        print(f"Built {count} files into {DEFAULT_SITE}")
        return 0
    print("usage: python -m crawler.demo.portal build", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
