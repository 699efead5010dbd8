"""Build the extraction gold set: ``python tests/data/extraction/generate.py``.

Writes ``pages/NAME.html`` (the page bytes) and ``pages/NAME.json`` (the gold) for:

- the 24 articles of ``articles.py`` rendered by six page templates written for this gold set
  (each article by three of them), plus listing, home, search and print pages of each template;
- copies of pages of the bundled demo portal (``crawler.demo.portal``), gold from ``load_articles()``.

The gold comes from the article data that the templates render, never from running an extractor.
The templates imitate platform families described in ``shared/reference/portals.md``; their
names, addresses and events are fictional. ``MANIFEST.json`` pins every page by SHA-256.
"""
from __future__ import annotations

import hashlib
import html
import json
import shutil
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[2]))

from articles import ARTICLES  # noqa: E402

OUT = HERE / "pages"
e = html.escape
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


# --- helpers ------------------------------------------------------------------------------------

def when(art) -> datetime:
    return datetime.strptime(art["published"], "%Y-%m-%dT%H:%M")


def dmy(dt: datetime) -> str:
    return f"{dt:%d/%m/%Y}"


def clock12(dt: datetime, pad: bool = False) -> str:
    hour = dt.hour % 12 or 12
    return (f"{hour:02d}" if pad else f"{hour}") + f":{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'}"


def slug(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    out = "".join(c if c.isalnum() else "-" for c in text)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


def encode_cp1258(text: str) -> bytes:
    """windows-1258 as old Vietnamese sites wrote it: base letters precomposed, tone marks combining."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        tones = "".join(c for c in d if c in TONES)
        out.append((base + tones).encode("cp1258", errors="xmlcharrefreplace"))
    return b"".join(out)


def gold_body(art) -> str:
    """The article's body as the gold: paragraphs, table rows as "cell | cell", in order."""
    parts = []
    table = art.get("table")
    for i, para in enumerate(art["paragraphs"]):
        parts.append(para)
        if table and table["after"] == i:
            parts.extend(" | ".join(row) for row in table["rows"])
    return "\n\n".join(parts)


def table_html(art, cls="") -> str:
    rows = art["table"]["rows"]
    head = "".join(f"<th>{e(c)}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows[1:])
    return f'<table class="{cls}" border="1" cellpadding="4"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def related(arts, art, n=4):
    return [a for a in arts if a is not art][:n]


# --- template 1: old table-layout vendor portal (Joomla 1.0 era), some pages in windows-1258 -----

class VendorTable:
    key = "vendor_table"
    site = "Cổng thông tin điện tử quận Đống Đa"
    host = "http://dongda.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/index.php?option=com_content&task=view&id={art['n'] + 1200}&Itemid=3"

    def date_text(self, art, variant):
        dt = when(art)
        if variant % 2:
            return f"| {dmy(dt)}", art["published"][:10]
        return f"{WEEKDAYS[dt.weekday()]}, {dmy(dt)} {dt:%H:%M}", art["published"]

    def chrome(self, title, center, charset):
        menu = "".join(f'<tr><td class="menu"><a href="{self.host}/index.php?option=com_content&task=blogcategory&id={i}">'
                       f"{e(n)}</a></td></tr>" for i, n in enumerate(
                           ["Giới thiệu", "Tin tức - Sự kiện", "Văn hóa - Xã hội", "Kinh tế", "Y tế", "Văn bản pháp quy"], 1))
        return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{e(title)}</title>
<link rel="stylesheet" href="{self.host}/templates/dongda/css/template_css.css" type="text/css">
<script language="javascript">function chonlienket(o){{if(o.value!='')window.open(o.value);}}</script>
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0">
<table width="990" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td colspan="3"><img src="{self.host}/images/banner.jpg" width="990" height="150" alt="Banner"></td></tr>
<tr><td colspan="3" class="topmenu" bgcolor="#004B91"><a href="{self.host}/">Trang chủ</a> | <a href="{self.host}/index.php?option=com_contact">Liên hệ</a> | <a href="{self.host}/index.php?option=com_sitemap">Sơ đồ website</a></td></tr>
<tr>
<td width="190" valign="top" bgcolor="#EEF3FA">
<table width="100%" cellpadding="3">{menu}</table>
<table width="100%"><tr><td class="moduletitle">Liên kết website</td></tr>
<tr><td><select onchange="chonlienket(this)"><option value="">-- Chọn liên kết --</option><option value="http://hanoi.gov.vn">Cổng giao tiếp điện tử Hà Nội</option></select></td></tr></table>
<table width="100%"><tr><td class="moduletitle">Số lượng truy cập</td></tr><tr><td align="center"><b>1.382.470</b><br>Đang online: 12</td></tr></table>
</td>
<td width="600" valign="top">{center}</td>
<td width="200" valign="top">
<table width="100%"><tr><td class="moduletitle">Tin nổi bật</td></tr>
<tr><td><a href="{self.host}/index.php?option=com_content&task=view&id=1101">Quận tổ chức Hội nghị tổng kết công tác thi đua khen thưởng</a><br>
<a href="{self.host}/index.php?option=com_content&task=view&id=1102">Kiểm tra trật tự xây dựng trên địa bàn các phường</a></td></tr></table>
<table width="100%"><tr><td class="moduletitle">Thăm dò ý kiến</td></tr>
<tr><td>Bạn thấy giao diện mới của website như thế nào?<br><input type="radio" name="v">Đẹp<br><input type="radio" name="v">Bình thường<br><input type="submit" value="Bình chọn"></td></tr></table>
</td></tr>
<tr><td colspan="3" align="center" class="footer" bgcolor="#004B91"><font color="#FFFFFF">Bản quyền © 2008 thuộc UBND quận Đống Đa<br>
Địa chỉ: 279 Tôn Đức Thắng, Đống Đa, Hà Nội. Điện thoại: 04.3851.2345 - Fax: 04.3851.2346</font></td></tr>
</table></body></html>"""

    def article(self, art, arts, variant):
        date, gold_date = self.date_text(art, variant)
        paras = []
        for i, p in enumerate(art["paragraphs"]):
            paras.append(e(p) + "<br /><br />")
            if art.get("table") and art["table"]["after"] == i:
                paras.append(table_html(art, "tbl") + "<br />")
            if i < len(art.get("captions", [])):
                paras.append(f'<table align="center" width="420"><tr><td><img src="{self.host}/images/stories/{art["key"]}_{i}.jpg" width="420"></td></tr>'
                             f'<tr><td align="center"><font size="1"><i>{e(art["captions"][i])}</i></font></td></tr></table><br />')
        tail = ""
        if art.get("author"):
            tail += f'<div align="right"><b>{e(art["author"])}</b></div>'
        if art.get("source_line"):
            tail += f'<div align="right"><i>{e(art["source_line"])}</i></div>'
        files = "".join(f'<br><a href="{self.host}/images/stories/files/{f}">{e(t)}</a>' for f, t in art.get("attachments", []))
        older = "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a> <font color="#999999">({dmy(when(a))})</font></li>'
                        for a in related(arts, art))
        center = f"""<span class="pathway"><a href="{self.host}/" class="pathway">Trang chủ</a> <img src="{self.host}/images/M_images/arrow.png" alt="arrow" /> <a href="{self.host}/index.php?option=com_content&task=category&id=2" class="pathway">{e(art["category"])}</a></span>
<table class="contentpaneopen" width="100%"><tr>
<td class="contentheading" width="100%">{e(art["title"])}</td></tr></table>
<table class="contentpaneopen" width="100%">
<tr><td class="createdate" valign="top">{e(date)}</td></tr>
<tr><td valign="top" class="contentbody"><b>{e(art["lead"])}</b><br /><br />
{"".join(paras)}{tail}{files}</td></tr>
</table>
<table width="100%"><tr><td><b>Các tin đã đưa:</b><ul>{older}</ul></td></tr></table>"""
        page = self.chrome(f"{self.site} - {art['title']}", center, "windows-1258" if variant % 3 == 0 else "utf-8")
        return page, gold_date

    def encode(self, page, variant):
        return encode_cp1258(page) if variant % 3 == 0 else page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f"""<table class="contentpaneopen"><tr><td class="contentheading"><a href="{self.url(a)}" class="contentpagetitle">{e(a["title"])}</a></td></tr>
<tr><td class="createdate">{dmy(when(a))}</td></tr><tr><td>{e(a["lead"])}</td></tr>
<tr><td><a href="{self.url(a)}" class="readon">Xem tiếp...</a></td></tr></table>""" for a in arts[:6])
        center = f'<div class="componentheading">Tin tức - Sự kiện</div>{items}<div class="pagenav">&lt;&lt; Đầu &lt; Trước 1 2 3 Tiếp &gt; Cuối &gt;&gt;</div>'
        return (f"{self.host}/index.php?option=com_content&task=blogcategory&id=2&Itemid=3",
                self.chrome(f"{self.site} - Tin tức - Sự kiện", center, "utf-8"))

    def home(self, arts):
        top = arts[0]
        center = (f'<table><tr><td class="contentheading"><a href="{self.url(top)}">{e(top["title"])}</a></td></tr>'
                  f'<tr><td>{e(top["lead"])}</td></tr></table><ul>'
                  + "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a></li>' for a in arts[1:8]) + "</ul>")
        return f"{self.host}/index.php", self.chrome(self.site, center, "utf-8")


# --- template 2: newspaper page with JSON-LD ----------------------------------------------------

class Newspaper:
    key = "newspaper_jsonld"
    site = "Báo Tin tức Thủ đô"
    host = "https://tintucthudo.vn"

    def url(self, art):
        return f"{self.host}/{slug(art['category'])}/{slug(art['title'])}-{art['n'] + 480100}.html"

    def page(self, title, main, head=""):
        return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{e(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">{head}
<script>window.dataLayer=window.dataLayer||[];</script>
</head><body>
<div class="top-bar"><span>Thứ Bảy, 28/11/2026</span> <a href="{self.host}/dang-nhap">Đăng nhập</a></div>
<header class="site-header"><a class="logo" href="{self.host}/">{e(self.site)}</a>
<nav class="main-nav"><a href="{self.host}/thoi-su">Thời sự</a><a href="{self.host}/xa-hoi">Xã hội</a><a href="{self.host}/kinh-te">Kinh tế</a><a href="{self.host}/van-hoa">Văn hóa</a><a href="{self.host}/phap-luat">Pháp luật</a></nav></header>
<div class="wrap">{main}
<aside class="sidebar"><div class="box-most"><h3>Tin đọc nhiều</h3><ol>
<li><a href="{self.host}/xa-hoi/ha-noi-don-dep-sau-mua-lon-480001.html">Hà Nội dọn dẹp sau trận mưa lớn kéo dài</a></li>
<li><a href="{self.host}/kinh-te/gia-rau-xanh-tang-nhe-480002.html">Giá rau xanh tại các chợ dân sinh tăng nhẹ</a></li></ol></div>
<div class="ads"><img src="{self.host}/ads/banner-300.jpg" alt="Quảng cáo"></div></aside></div>
<footer class="site-footer"><p>Cơ quan chủ quản: Hội Nhà báo thành phố. Giấy phép số 123/GP-BTTTT.</p>
<p>Địa chỉ: 12 phố Hàng Bài, Hà Nội - Điện thoại: 024.3825.1111 - Email: toasoan@tintucthudo.vn</p>
<p>© Bản quyền thuộc Báo Tin tức Thủ đô. Cấm sao chép dưới mọi hình thức khi chưa được sự đồng ý.</p></footer>
</body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        if variant % 2:
            date = f"{WEEKDAYS[dt.weekday()]}, {dmy(dt)}, {clock12(dt, pad=True)} (GMT+7)"
        else:
            date = f"{WEEKDAYS[dt.weekday()]}, {dmy(dt)} - {dt:%H:%M}"
        # JSON-LD in UTC on odd pages; on every fifth page the JSON-LD carries a later (update) time,
        # so the on-page date must win.
        iso = dt.strftime("%Y-%m-%dT%H:%M:00+07:00")
        if variant % 2:
            from datetime import timedelta
            iso = (dt - timedelta(hours=7)).strftime("%Y-%m-%dT%H:%M:00Z")
        if variant % 5 == 4:
            iso = dt.strftime("%Y-%m-%dT") + "23:59:00+07:00"
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": art["title"],
                         "datePublished": iso, "articleSection": art["category"],
                         "author": {"@type": "Person", "name": art.get("author") or "PV"}}, ensure_ascii=False)
        head = (f'\n<meta property="og:title" content="{e(art["title"])}">'
                f'\n<meta property="article:published_time" content="{iso}">'
                f'\n<link rel="canonical" href="{self.url(art)}">'
                f'\n<script type="application/ld+json">{ld}</script>')
        body = []
        rel = related(arts, art, 2)
        for i, p in enumerate(art["paragraphs"]):
            body.append(f"<p>{e(p)}</p>")
            if i == 0 and len(art["paragraphs"]) > 2:
                body.append('<div class="box-related-inline"><p class="title-inline">Tin liên quan</p><ul>'
                            + "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a></li>' for a in rel) + "</ul></div>")
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art, "table-data"))
            if i < len(art.get("captions", [])):
                body.append(f'<figure class="image"><img src="{self.host}/img/{art["key"]}-{i}.jpg" alt=""><figcaption><p>{e(art["captions"][i])}</p></figcaption></figure>')
        if art.get("author"):
            body.append(f'<p class="author" style="text-align:right"><strong>{e(art["author"])}</strong></p>')
        if art.get("source_line"):
            body.append(f'<p style="text-align:right"><em>{e(art["source_line"])}</em></p>')
        files = "".join(f'<li><a href="{self.host}/files/{f}">{e(t)}</a></li>' for f, t in art.get("attachments", []))
        main = f"""<main class="main"><div class="breadcrumbs"><a href="{self.host}/">Trang chủ</a> › <a href="{self.host}/{slug(art['category'])}">{e(art["category"])}</a></div>
<article class="article-detail">
<h1 class="article-title">{e(art["title"])}</h1>
<div class="article-meta"><span class="date">{e(date)}</span> <span class="share"><a href="https://facebook.com/sharer">Facebook</a> <a href="https://zalo.me/share">Zalo</a></span></div>
<p class="sapo">{e(art["lead"])}</p>
<div class="article-body">{"".join(body)}</div>
{f'<ul class="files">{files}</ul>' if files else ''}
<div class="tags">Từ khóa: <a href="{self.host}/tag/quan">quận</a>, <a href="{self.host}/tag/phuong">phường</a></div>
</article>
<section class="comments"><h3>Ý kiến bạn đọc</h3><form><textarea></textarea><button>Gửi bình luận</button></form></section>
<section class="more-news"><h3>Tin cùng chuyên mục</h3>{"".join(f'<div class="item"><a href="{self.url(a)}">{e(a["title"])}</a><p>{e(a["lead"])}</p></div>' for a in related(arts, art, 3))}</section>
</main>"""
        return self.page(f"{art['title']} | {self.site}", main, head), art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f'<div class="story"><h3><a href="{self.url(a)}">{e(a["title"])}</a></h3><span class="time">{dmy(when(a))}</span><p class="sapo">{e(a["lead"])}</p></div>' for a in arts[:8])
        main = f'<main class="main"><h1 class="cat-title">Xã hội</h1><div class="stories">{items}</div><div class="paging"><a href="{self.host}/xa-hoi/trang-2">Trang sau</a></div></main>'
        return f"{self.host}/xa-hoi", self.page(f"Xã hội | {self.site}", main)

    def search(self, arts):
        items = "".join(f'<div class="story"><h3><a href="{self.url(a)}">{e(a["title"])}</a></h3><p>{e(a["lead"])}</p></div>' for a in arts[3:9])
        main = f'<main class="main"><h1>Kết quả tìm kiếm cho "phường"</h1><div class="stories">{items}</div></main>'
        return f"{self.host}/tim-kiem?q=ph%C6%B0%E1%BB%9Dng", self.page(f"Tìm kiếm | {self.site}", main)


# --- template 3: Liferay 7 / DXP (Ho Chi Minh City) -----------------------------------------------

class Liferay7:
    key = "liferay7_hcmc"
    site = "Cổng thông tin điện tử Quận 3"
    host = "https://quan3.hochiminhcity.gov.vn"

    def url(self, art):
        return f"{self.host}/web/quan3/-/{slug(art['title'])}"

    def page(self, title, main):
        return f"""<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="vi-VN"><head><title>{e(title)}</title>
<meta content="initial-scale=1.0, width=device-width" name="viewport" />
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<script data-senna-track="permanent" src="/combo?browserId=chrome&minifierType=js"></script>
<script>Liferay.Portlet.onLoad({{portletId: "com_liferay_journal_content_web_portlet_JournalContentPortlet"}});</script>
</head><body class="controls-visible chrome yui3-skin-sam signed-out public-page site">
<div class="d-flex flex-column min-vh-100"><div class="d-flex flex-column flex-fill" id="wrapper">
<header id="banner"><div class="navbar navbar-top"><a class="logo" href="/web/quan3">Quận 3</a></div>
<nav id="navigation"><ul class="navbar-blank navbar-nav"><li><a href="/web/quan3"><span>Trang chủ</span></a></li><li><a href="/web/quan3/tin-tuc"><span>Tin tức</span></a></li><li><a href="/web/quan3/thu-tuc-hanh-chinh"><span>Thủ tục hành chính</span></a></li><li><a href="/web/quan3/lien-he"><span>Liên hệ</span></a></li></ul></nav></header>
<section id="content"><div class="columns-2-1" id="main-content"><div class="portlet-layout row">
<div class="col-md-8 portlet-column portlet-column-first" id="column-1">{main}</div>
<div class="col-md-4 portlet-column portlet-column-last" id="column-2">
<div class="portlet-boundary"><div class="portlet-title"><span class="portlet-title-text">Văn bản mới</span></div><div class="portlet-content"><ul><li><a href="/web/quan3/van-ban/-/vb/4521">Quyết định 4521/QĐ-UBND ban hành quy chế tiếp công dân</a></li></ul></div></div>
<div class="portlet-boundary"><div class="portlet-title"><span class="portlet-title-text">Thủ tục hành chính</span></div><div class="portlet-content"><ul><li><a href="https://dichvucong.hochiminhcity.gov.vn">Tra cứu hồ sơ trực tuyến</a></li></ul></div></div>
<div class="portlet-boundary"><div class="portlet-title"><span class="portlet-title-text">Thống kê truy cập</span></div><div class="portlet-content"><p>Đang truy cập: 58</p><p>Tổng lượt truy cập: 9.120.331</p></div></div>
</div></div></div></section>
<footer id="footer"><p>CỔNG THÔNG TIN ĐIỆN TỬ QUẬN 3 - THÀNH PHỐ HỒ CHÍ MINH</p><p>Địa chỉ: 99 Trần Quốc Thảo, Phường Võ Thị Sáu, Quận 3. Điện thoại: (028) 3932 5678 - Fax: (028) 3932 5679</p>
<p>Ghi rõ nguồn "Cổng thông tin điện tử Quận 3" khi phát hành lại thông tin từ website này.</p></footer>
</div></div></body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        lead = f"(Hochiminhcity.gov.vn) - {art['lead']}"
        body = []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f'<p style="text-align: justify;">{e(p)}</p>')
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art, "table table-bordered"))
            if i < len(art.get("captions", [])):
                body.append(f'<p style="text-align: center;"><img alt="" src="/documents/10180/{art["n"]}/{i}.jpg" /></p>'
                            f'<p style="text-align: center;"><em>{e(art["captions"][i])}</em></p>')
        if art.get("author"):
            body.append(f'<p style="text-align: right;"><strong>{e(art["author"])}</strong></p>')
        if art.get("source_line"):
            body.append(f'<p style="text-align: right;">{e(art["source_line"])}</p>')
        files = "".join(f'<p><a href="/documents/10180/{art["n"]}/{f}">{e(t)}</a></p>' for f, t in art.get("attachments", []))
        rel = "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a> <span class="date">{dmy(when(a))}</span></li>' for a in related(arts, art))
        main = f"""<div class="portlet-boundary portlet-journal-content" id="p_p_id_com_liferay_journal_content_web_portlet_JournalContentPortlet_INSTANCE_abc_">
<div class="portlet-content"><div class="journal-content-article">
<div class="news-detail">
<h3 class="header-title">{e(art["title"])}</h3>
<div class="date-publish">{dt:%H:%M} | {dmy(dt)}</div>
<div class="summary"><p><strong>{e(lead)}</strong></p></div>
<div class="body-content">{"".join(body)}{files}</div>
</div></div></div></div>
<div class="portlet-boundary portlet-asset-publisher"><div class="portlet-title"><span class="portlet-title-text">Tin liên quan</span></div><ul class="list-related">{rel}</ul></div>"""
        return self.page(f"{art['title']} - {art['category']} - {self.site}", main), art["published"], lead

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f'<div class="asset-abstract"><h4 class="asset-title"><a href="{self.url(a)}">{e(a["title"])}</a></h4><div class="asset-date">{when(a):%H:%M} | {dmy(when(a))}</div><div class="asset-summary">(Hochiminhcity.gov.vn) - {e(a["lead"])}</div></div>' for a in arts[2:7])
        main = f'<div class="portlet-boundary portlet-asset-publisher"><div class="portlet-title"><span class="portlet-title-text">Tin tức</span></div>{items}<ul class="pagination"><li><a href="?cur=2">Tiếp</a></li></ul></div>'
        return f"{self.host}/web/quan3/tin-tuc", self.page(f"Tin tức - {self.site}", main)


# --- template 4: Liferay 6 variant (Hanoi): lead inside the body, <div> paragraphs, print views ---

class Liferay6Variant:
    key = "liferay6_variant"
    site = "Cổng giao tiếp điện tử quận Cầu Giấy"
    host = "http://caugiay.hanoi.gov.vn"

    def url(self, art, popup=False):
        return (f"{self.host}/vi/{slug(art['category'])}/-/view_content/{'pop_up/' if popup else ''}"
                f"{art['n'] + 2200}-{slug(art['title'])}")

    def date_text(self, art, variant):
        dt = when(art)
        style = variant % 3
        if style == 0:
            return f"Ngày đăng {dmy(dt)} | {clock12(dt)} | View count: {art['n'] * 37 + 120}"
        if style == 1:
            return f"Ngày đăng {dmy(dt)} | {dt:%H:%M}"
        return f"{dmy(dt)} | {clock12(dt, pad=True)}"

    def page(self, title, main, popup=False):
        side = "" if popup else """<td width="30%" valign="top" class="column-2">
<div class="portlet"><div class="portlet-topper"><span>Tin nổi bật</span></div><div class="portlet-content"><ul><li><a href="/vi/tin-tuc/-/view_content/2100-hoi-nghi-dien-hong">Hội nghị Diên Hồng về phát triển kinh tế quận</a></li><li><a href="/vi/tin-tuc/-/view_content/2101-ky-niem-ngay-thanh-lap">Kỷ niệm ngày thành lập quận</a></li></ul></div></div>
<div class="portlet"><div class="portlet-topper"><span>thời tiết các vùng</span></div><div class="portlet-content"><table><tr><td>Hà Nội</td><td>28°C</td></tr><tr><td>Huế</td><td>30°C</td></tr></table></div></div>
<div class="portlet"><div class="portlet-topper"><span>Bình chọn</span></div><div class="portlet-content"><p>Đánh giá của bạn về dịch vụ công trực tuyến của quận?</p><input type="radio"> Tốt <input type="radio"> Chưa tốt</div></div>
<div class="portlet"><div class="portlet-topper"><span>Số lượng truy cập</span></div><div class="portlet-content">Đang truy cập: 31 / Tổng: 3.447.190</div></div>
</td>"""
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html dir="ltr" lang="vi-VN"><head><title>{e(title)}</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<script type="text/javascript">var Liferay={{}};</script></head>
<body class="{'portal-popup' if popup else 'blue controls-visible signed-out public-page'}">
{'' if popup else f'<div id="banner"><img src="/caugiay-theme/images/banner.png" alt="{e(self.site)}"/></div><div id="navigation"><ul><li><a href="/vi/">Trang chủ</a></li><li><a href="/vi/tin-tuc">Tin tức</a></li><li><a href="/vi/so-do-cong">Sơ đồ cổng</a></li></ul></div>'}
<table width="100%"><tr><td valign="top" class="column-1">{main}</td>{side}</tr></table>
{'' if popup else '<div id="footer"><a href="#">Về đầu trang</a> | <a href="/c/portal/login">Đăng nhập</a><p>Cơ quan chủ quản: UBND quận Cầu Giấy. Địa chỉ: 36 Cầu Giấy, Hà Nội - Điện thoại: 024.3767.1234 - Fax: 024.3767.1235</p></div>'}
</body></html>"""

    def article(self, art, arts, variant, popup=False):
        body = [f'<p style="text-align: justify;"><strong>{e(art["lead"])}</strong></p>']
        for i, p in enumerate(art["paragraphs"]):
            body.append(f'<div style="text-align: justify;">&nbsp;&nbsp;&nbsp; {e(p)}</div>')
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art, "MsoTableGrid"))
            if i < len(art.get("captions", [])):
                body.append(f'<div style="text-align: center;"><img src="/documents/{art["n"]}/{i}.jpg" width="500" /><br /><em>{e(art["captions"][i])}</em></div>')
        if art.get("author"):
            body.append(f'<p style="text-align: right;"><strong>{e(art["author"])}</strong></p>')
        if art.get("source_line"):
            body.append(f'<p style="text-align: right;"><em>{e(art["source_line"])}</em></p>')
        body.append("<p>admin admin</p>")
        files = "".join(f'<li><a href="/documents/{art["n"]}/{f}">{e(t)}</a></li>' for f, t in art.get("attachments", []))
        others = "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a> ({dmy(when(a))})</li>' for a in related(arts, art, 5))
        main = f"""<div class="portlet-boundary portlet-boundary_newsdetail_WAR_caugiayportlet_">
<div class="news-category">{e(art["category"])}</div>
<div class="news-title" style="font-size:16px;font-weight:bold;color:#a00">{e(art["title"])}</div>
<div class="news-date">{e(self.date_text(art, variant))}</div>
<div class="news-content">{"".join(body)}</div>
{f'<div class="attach"><b>Tài liệu đính kèm</b><ul>{files}</ul></div>' if files else ''}
<div class="news-tools"><a href="{self.url(art, True)}">In bài viết</a> | <a href="mailto:?subject=tin">Gửi mail</a></div>
<div class="news-other"><div class="news-other-title">Các tin khác</div><ul>{others}</ul></div>
</div>"""
        return self.page(f"{art['title']} - {art['category']} - {self.site}", main, popup), art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f'<div class="news-item"><a class="news-item-title" href="{self.url(a)}">{e(a["title"])}</a> <span>({dmy(when(a))})</span><br/><img src="/thumb/{a["n"]}.jpg" align="left"/>{e(a["lead"])}</div>' for a in arts[:5])
        main = f'<div class="news-list"><div class="news-category">Tin tức</div>{items}<div class="paging"><span>← Đầu tiên</span> <span>Trước</span> <a href="?_cur=2">Tiếp</a> <a href="?_cur=9">Cuối cùng →</a></div></div>'
        return f"{self.host}/vi/tin-tuc?p_p_id=newslist_WAR_caugiayportlet&_newslist_WAR_caugiayportlet_cur=1", self.page(f"Tin tức - {self.site}", main)


# --- template 5: commune site on a WordPress-like theme (2025) --------------------------------------

class CommuneWP:
    key = "commune_wp"
    site = "Xã Đông Hội"
    host = "https://donghoi.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/{slug(art['category'])}/{slug(art['title'])}/"

    def page(self, title, main, body_class="single"):
        return f"""<!doctype html>
<html lang="vi"><head><meta charset="UTF-8"><title>{e(title)}</title>
<link rel="stylesheet" href="{self.host}/wp-content/themes/egov/style.css">
<script src="{self.host}/wp-includes/js/jquery/jquery.min.js"></script></head>
<body class="{body_class}">
<div id="page" class="site">
<header id="masthead" class="site-header"><p class="site-title"><a href="{self.host}/">UBND {e(self.site)}</a></p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu"><li><a href="{self.host}/">Trang chủ</a></li><li><a href="{self.host}/gioi-thieu/">Giới thiệu</a></li><li><a href="{self.host}/tin-tuc/">Tin tức</a></li><li><a href="{self.host}/van-ban/">Văn bản</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">{main}</main></div>
<aside id="secondary" class="widget-area">
<section class="widget widget_search"><form role="search" action="{self.host}/"><input type="search" name="s"><button>Tìm kiếm</button></form></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Bài viết mới</h2><ul><li><a href="{self.host}/tin-tuc/hop-dan-quy-iv/">Họp dân quý IV tại các thôn</a></li><li><a href="{self.host}/tin-tuc/ra-quan-ve-sinh/">Ra quân vệ sinh môi trường</a></li></ul></section>
<section class="widget widget_weather"><h2 class="widget-title">Thời tiết</h2><div>Hà Nội 24°C, có mưa rào</div></section>
<section class="widget widget_counter"><h2 class="widget-title">Lượt truy cập</h2><p>Hôm nay: 312</p><p>Tổng: 45.120</p></section>
</aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">© 2025 UBND {e(self.site)}. Địa chỉ: Thôn Lực Canh, xã Đông Hội, Hà Nội. Điện thoại: 024.3965.0000</div></footer>
</div></body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        if variant % 2:
            date = f"ngày {dt.day} tháng {dt.month} năm {dt.year}, lúc {dt:%H:%M}"
        else:
            date = f"{dmy(dt)} {dt:%H:%M}"
        body = [f"<p><strong>{e(art['lead'])}</strong></p>"]
        for i, p in enumerate(art["paragraphs"]):
            body.append(f"<p>{e(p)}</p>")
            if art.get("table") and art["table"]["after"] == i:
                body.append(f'<figure class="wp-block-table">{table_html(art)}</figure>')
            if i < len(art.get("captions", [])):
                body.append(f'<figure class="wp-block-image size-large"><img src="{self.host}/wp-content/uploads/{art["key"]}-{i}.jpg" alt=""/><figcaption class="wp-element-caption">{e(art["captions"][i])}</figcaption></figure>')
        if art.get("author"):
            body.append(f'<p class="has-text-align-right"><strong>{e(art["author"])}</strong></p>')
        if art.get("source_line"):
            body.append(f'<p class="has-text-align-right">{e(art["source_line"])}</p>')
        for f, t in art.get("attachments", []):
            body.append(f'<div class="wp-block-file"><a href="{self.host}/wp-content/uploads/{f}">{e(t)}</a> <a href="{self.host}/wp-content/uploads/{f}" class="wp-block-file__button" download>Tải về</a></div>')
        rel = "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a></li>' for a in related(arts, art, 3))
        main = f"""<article class="post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{e(art["title"])}</h1>
<div class="entry-meta"><span class="posted-on">Đăng {e(date)}</span> <span class="cat-links"><a href="{self.host}/{slug(art['category'])}/" rel="category tag">{e(art["category"])}</a></span></div></header>
<div class="entry-content">{"".join(body)}</div>
<footer class="entry-footer"><div class="sharedaddy"><h3 class="sd-title">Chia sẻ:</h3><a href="#">Facebook</a> <a href="#">Zalo</a> <a href="javascript:window.print()">In</a></div></footer>
</article>
<div class="related-posts"><h3>Bài viết liên quan</h3><ul>{rel}</ul></div>
<nav class="navigation post-navigation"><a href="{self.url(related(arts, art, 1)[0])}" rel="prev">« Bài trước</a></nav>"""
        return self.page(f"{art['title']} – {self.site}", main), art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f'<article class="post"><h2 class="entry-title"><a href="{self.url(a)}">{e(a["title"])}</a></h2><div class="entry-meta">{dmy(when(a))}</div><div class="entry-summary"><p>{e(a["lead"])}</p></div></article>' for a in arts[4:10])
        main = f'<header class="page-header"><h1 class="page-title">Chuyên mục: Tin tức</h1></header>{items}<nav class="pagination"><span class="current">1</span> <a href="{self.host}/tin-tuc/page/2/">2</a> <a href="{self.host}/tin-tuc/page/2/">Trang sau »</a></nav>'
        return f"{self.host}/tin-tuc/", self.page(f"Tin tức – {self.site}", main, "archive category")

    def search(self, arts):
        items = "".join(f'<article class="post"><h2 class="entry-title"><a href="{self.url(a)}">{e(a["title"])}</a></h2><div class="entry-summary"><p>{e(a["lead"])}</p></div></article>' for a in arts[9:12])
        main = f'<header class="page-header"><h1 class="page-title">Kết quả tìm kiếm cho: tiêm chủng</h1></header>{items}'
        return f"{self.host}/?s=ti%C3%AAm+ch%E1%BB%A7ng", self.page(f"Bạn đã tìm kiếm tiêm chủng – {self.site}", main, "search")

    def home(self, arts):
        items = "".join(f'<article class="post"><h2 class="entry-title"><a href="{self.url(a)}">{e(a["title"])}</a></h2><div class="entry-summary"><p>{e(a["lead"])}</p></div></article>' for a in arts[:4])
        return f"{self.host}/", self.page(f"{self.site} – Cổng thông tin điện tử", items, "home")


# --- template 6: district e-government portal (Bootstrap, 2020) with a teaser carousel on top -----

class EgovBootstrap:
    key = "egov_bootstrap"
    site = "Cổng thông tin điện tử huyện Thanh Trì"
    host = "https://thanhtri.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/tin-tuc/chi-tiet/{slug(art['title'])}-{art['n'] + 9000}.html"

    def page(self, title, main, arts):
        hot = "".join(f'<div class="carousel-item"><a class="hot-title" href="{self.url(a)}">{e(a["title"])}</a><p class="hot-sapo">{e(a["lead"])}</p></div>' for a in arts[-3:])
        return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{e(title)}</title><link href="/Content/bootstrap.min.css" rel="stylesheet"></head>
<body><div class="container">
<div class="row header"><div class="col-md-12"><img src="/Content/images/banner.png" alt="{e(self.site)}"></div></div>
<nav class="navbar navbar-default"><ul class="nav navbar-nav"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/van-ban">Văn bản</a></li><li><a href="/thu-tuc-hanh-chinh">Thủ tục hành chính</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav>
<div class="row"><div class="col-md-9 main-col">
<div class="box-hot-news"><div class="box-title">Tin nổi bật</div><div class="carousel">{hot}</div></div>
{main}
</div><div class="col-md-3 right-col">
<div class="panel"><div class="panel-heading">Văn bản mới</div><div class="panel-body"><a href="/van-ban/3001">Kế hoạch 88/KH-UBND về phòng chống thiên tai năm 2020</a></div></div>
<div class="panel"><div class="panel-heading">Thăm dò ý kiến</div><div class="panel-body">Bạn đánh giá thế nào về cổng thông tin? <label><input type="radio"> Hữu ích</label> <label><input type="radio"> Chưa hữu ích</label> <button>Bình chọn</button></div></div>
<div class="panel"><div class="panel-heading">Liên kết website</div><div class="panel-body"><select><option>-- Chọn liên kết --</option><option>Cổng TTĐT Hà Nội</option></select></div></div>
</div></div>
<div class="row footer"><p>Bản quyền thuộc UBND huyện Thanh Trì</p><p>Địa chỉ: Số 375 đường Ngọc Hồi, thị trấn Văn Điển. Điện thoại: 024.3861.1111 - Fax: 024.3861.2222</p><p><a href="#top">Về đầu trang</a></p></div>
</div></body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        # Date first; an update line further down carries a later date (must not win).
        date = f"{WEEKDAYS[dt.weekday()]}, {dmy(dt)} {dt:%H:%M}"
        body = []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f"<p>{e(p)}</p>")
            if art.get("table") and art["table"]["after"] == i:
                body.append(f'<div class="table-responsive">{table_html(art, "table")}</div>')
            if i < len(art.get("captions", [])):
                body.append(f'<div class="img-box"><img src="/Upload/{art["key"]}-{i}.jpg" class="img-responsive"><p class="img-desc">{e(art["captions"][i])}</p></div>')
        if art.get("author"):
            body.append(f'<p class="text-right"><b>{e(art["author"])}</b></p>')
        if art.get("source_line"):
            body.append(f'<p class="text-right"><i>{e(art["source_line"])}</i></p>')
        files = "".join(f'<tr><td>{n}</td><td><a href="/Upload/files/{f}">{e(t)}</a></td></tr>' for n, (f, t) in enumerate(art.get("attachments", []), 1))
        same = "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a> <span class="date">{dmy(when(a))}</span></li>' for a in related(arts, art, 5))
        main = f"""<ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li class="active">{e(art["category"])}</li></ol>
<div class="news-detail">
<h2 class="title">{e(art["title"])}</h2>
<p class="meta"><span class="glyphicon glyphicon-time"></span> {e(date)} &nbsp; Lượt xem: {art['n'] * 13 + 40}</p>
<div class="sapo">{e(art["lead"])}</div>
<div class="content-detail">{"".join(body)}</div>
{f'<div class="attach"><h4>Văn bản đính kèm</h4><table class="table">{files}</table></div>' if files else ''}
<p class="updated">Cập nhật lúc {dmy(dt.replace(year=dt.year + 1))} 08:00</p>
<div class="tools"><a href="javascript:print()">In bài viết</a> | <a href="#">Gửi bài viết</a></div>
</div>
<div class="same-cat"><h4>Tin cùng chuyên mục</h4><ul>{same}</ul></div>"""
        return self.page(f"{art['title']} - {self.site}", main, arts), art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f'<div class="media"><div class="media-body"><h4><a href="{self.url(a)}">{e(a["title"])}</a></h4><p class="date">{dmy(when(a))}</p><p>{e(a["lead"])}</p></div></div>' for a in arts[6:11])
        main = f'<ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li class="active">Tin tức</li></ol><div class="list-news">{items}</div><ul class="pagination"><li class="active"><a>1</a></li><li><a href="?page=2">2</a></li><li><a href="?page=3">3</a></li><li><a href="?page=2">»</a></li></ul>'
        return f"{self.host}/tin-tuc", self.page(f"Tin tức - {self.site}", main, arts)

    def home(self, arts):
        main = "".join(f'<div class="home-cat"><h3><a href="/tin-tuc">Tin tức</a></h3><a href="{self.url(a)}">{e(a["title"])}</a></div>' for a in arts[:5])
        return f"{self.host}/", self.page(self.site, main, arts)


# --- template 7: ASP.NET portal pasted from Word: MsoNormal spans, "TTĐT - " lead tag, date above the
# title with the category, byline at the top, <br>-separated paragraphs in one cell ----------------

class AspnetWord:
    key = "aspnet_word"
    site = "Cổng thông tin điện tử huyện Gia Lâm"
    host = "http://gialam.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/Default.aspx?tabid=120&ch={art['n'] + 30}&ItemID={art['n'] + 7100}"

    def page(self, title, main):
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head id="Head"><meta content="text/html; charset=UTF-8" http-equiv="Content-Type" />
<title>{e(title)}</title><link href="/Portals/_default/default.css" rel="stylesheet" type="text/css" /></head>
<body id="Body"><form method="post" action="/Default.aspx" id="Form">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAg" />
<div id="dnn_wrapper"><div id="dnn_Banner"><a href="/"><img src="/Portals/0/banner_gialam.jpg" alt="Gia Lâm" /></a></div>
<div id="dnn_Menu"><a href="/">TRANG CHỦ</a> | <a href="/Default.aspx?tabid=101">GIỚI THIỆU</a> | <a href="/Default.aspx?tabid=120">TIN TỨC</a> | <a href="/Default.aspx?tabid=130">CÔNG KHAI NGÂN SÁCH</a> | <a href="/Default.aspx?tabid=140">HỎI ĐÁP</a></div>
<table width="100%" cellspacing="0" cellpadding="0"><tr>
<td id="dnn_LeftPane" width="22%" valign="top"><div class="ModTitle">Danh mục</div><div><a href="/Default.aspx?tabid=120&ch=1">Tin hoạt động</a><br /><a href="/Default.aspx?tabid=120&ch=2">Tin kinh tế</a><br /><a href="/Default.aspx?tabid=120&ch=3">Tin văn hóa</a></div>
<div class="ModTitle">Lượt truy cập</div><div>Hôm nay: 1.204<br />Tất cả: 8.402.117</div></td>
<td id="dnn_ContentPane" valign="top">{main}</td>
</tr></table>
<div id="dnn_Footer"><span>Bản quyền thuộc UBND huyện Gia Lâm. Trưởng ban biên tập: Chánh Văn phòng HĐND-UBND huyện.<br />Địa chỉ: Số 1 Đường Chính Trung, Thị trấn Trâu Quỳ; Điện thoại: (024) 3827.6111; Fax: (024) 3827.6112</span></div>
</div></form></body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        span = '<span style="font-size:13.0pt;line-height:115%;font-family:&quot;Times New Roman&quot;,&quot;serif&quot;" lang="VI">'
        paras = []
        for i, p in enumerate(art["paragraphs"]):
            paras.append(f'<p class="MsoNormal" style="text-align:justify;text-indent:36.0pt">{span}{e(p)}</span><o:p></o:p></p>')
            if art.get("table") and art["table"]["after"] == i:
                paras.append('<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0">' + "".join(
                    "<tr>" + "".join(f'<td valign="top"><p class="MsoNormal" align="center">{span}{e(c)}</span></p></td>' for c in row) + "</tr>"
                    for row in art["table"]["rows"]) + "</table>")
            if i < len(art.get("captions", [])):
                paras.append(f'<p class="MsoNormal" align="center" style="text-align:center"><img src="/Portals/0/Images/{art["key"]}{i}.jpg" width="480" /></p>'
                             f'<p class="MsoNormal" align="center" style="text-align:center"><i>{span}{e(art["captions"][i])}</span></i></p>')
            paras.append('<p class="MsoNormal">&nbsp;<o:p></o:p></p>' if i % 2 else "")
        if art.get("source_line"):
            paras.append(f'<p class="MsoNormal" align="right" style="text-align:right"><b><i>{e(art["source_line"])}</i></b></p>')
        byline = f'<span class="tacgia">{e(art["author"])}</span>' if art.get("author") else ""
        files = "".join(f'<a href="/Portals/0/Files/{f}"><img src="/images/icon_pdf.gif" /> {e(t)}</a><br />' for f, t in art.get("attachments", []))
        older = "".join(f'<a href="{self.url(a)}">» {e(a["title"])}</a> <span class="ngay">{dmy(when(a))}</span><br />' for a in related(arts, art, 6))
        main = f"""<div class="DnnModule"><div class="ModTitle">Tin tức</div>
<div class="news_view">
<div class="news_cat_date">{e(art["category"])} | {dmy(dt)} {dt:%H:%M}</div>
<div class="news_tieude"><font size="4" color="#003399"><b>{e(art["title"])}</b></font></div>
<div class="news_author">{byline}</div>
<div class="news_tomtat"><i>TTĐT - {e(art["lead"])}</i></div>
<div class="news_noidung">{"".join(paras)}</div>
<div class="news_files">{files}</div>
<div class="news_cactinkhac"><b>Các tin khác:</b><br />{older}</div>
</div></div>"""
        return self.page(f"{self.site} > {art['category']} > {art['title']}", main), art["published"], f"TTĐT - {art['lead']}"

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f'<div class="news_item"><a class="news_item_title" href="{self.url(a)}">{e(a["title"])}</a><span class="ngay">({dmy(when(a))})</span><div class="news_item_tomtat">TTĐT - {e(a["lead"])}</div></div>' for a in arts[10:14])
        main = f'<div class="DnnModule"><div class="ModTitle">Tin hoạt động</div>{items}<div class="pager">Trang: 1 <a href="?page=2">2</a> <a href="?page=3">3</a></div></div>'
        return f"{self.host}/Default.aspx?tabid=120&ch=1", self.page(f"{self.site} > Tin tức", main)


# --- template 8: HTML5 portal with sections, subheadings, readers' comments -----------------------

class Html5Sections:
    key = "html5_sections"
    site = "Trang thông tin điện tử phường Bến Thành"
    host = "https://benthanh.hochiminhcity.gov.vn"

    def url(self, art):
        return f"{self.host}/tin-tuc/{art['n'] + 310}/{slug(art['title'])}"

    def page(self, title, main):
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(title)}</title>
<meta name="description" content="Trang thông tin điện tử phường Bến Thành"><meta property="og:site_name" content="{e(self.site)}">
</head><body>
<header><h1 class="logo"><a href="/">{e(self.site)}</a></h1><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/thong-bao">Thông báo</a></li><li><a href="/hoi-dap">Hỏi đáp</a></li></ul></nav></header>
<div class="page">{main}
<aside><section><h2>Thông báo</h2><ul><li><a href="/thong-bao/1">Lịch tiếp công dân tháng 12</a></li><li><a href="/thong-bao/2">Thông báo tuyển dụng viên chức</a></li></ul></section>
<section><h2>Đang online</h2><p>35 người</p></section></aside></div>
<footer><p>Trang thông tin điện tử phường Bến Thành - Quận 1</p><p>Địa chỉ: 92 Nguyễn Trãi, phường Bến Thành. Điện thoại: (028) 3822 0000</p><p>Bản quyền © UBND phường Bến Thành</p></footer>
</body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        sections = []
        for i, p in enumerate(art["paragraphs"]):
            sections.append(f"<p>{e(p)}</p>")
            if art.get("table") and art["table"]["after"] == i:
                sections.append(table_html(art))
            if i < len(art.get("captions", [])):
                sections.append(f'<figure><img src="/media/{art["key"]}-{i}.webp" alt="{e(art["captions"][i])}"><figcaption>{e(art["captions"][i])}</figcaption></figure>')
        tail = f'<p class="byline">{e(art["author"])}</p>' if art.get("author") else ""
        if art.get("source_line"):
            tail += f'<p class="source">{e(art["source_line"])}</p>'
        rel = "".join(f'<p><a href="{self.url(a)}">{e(a["title"])}</a></p>' for a in related(arts, art, 2))
        sections += [f'<p class="file"><a href="/media/files/{f}">{e(t)}</a></p>' for f, t in art.get("attachments", [])]
        comments = "".join(f'<li class="comment"><b>{n}</b><p>{c}</p></li>' for n, c in (
            ("Nguyễn Văn An", "Tôi rất đồng tình với chủ trương này, mong phường tiếp tục duy trì thường xuyên và mở rộng ra các khu phố khác để người dân được hưởng lợi."),
            ("Trần Thị Bình", "Đề nghị phường thông báo sớm hơn để các hộ gia đình sắp xếp thời gian tham gia, vì nhiều người đi làm cả ngày không nắm được thông tin.")))
        main = f"""<main><article>
<p class="kicker"><a href="/tin-tuc">{e(art["category"])}</a></p>
<h1>{e(art["title"])}</h1>
<p class="published"><time datetime="{art['published']}:00+07:00">{dt:%H:%M} {dmy(dt)}</time></p>
<p class="lead"><strong>{e(art["lead"])}</strong></p>
<section class="body">{"".join(sections)}
<p><strong>Tin liên quan:</strong></p>{rel}
{tail}</section>
</article>
<section class="comments"><h2>Bình luận (2)</h2><ul>{comments}</ul></section></main>"""
        return self.page(f"{art['title']} - {self.site}", main), art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f'<article class="card"><h2><a href="{self.url(a)}">{e(a["title"])}</a></h2><time>{dmy(when(a))}</time><p>{e(a["lead"])}</p></article>' for a in arts[14:17])
        return f"{self.host}/tin-tuc", self.page(f"Tin tức - {self.site}", f"<main><h1>Tin tức</h1>{items}</main>")


# --- template 9: Joomla 3 with K2 ("Thứ năm, 15 Tháng 3 2018 08:45", intro + full text) ------------

class JoomlaK2:
    key = "joomla_k2"
    site = "UBND phường Láng Hạ"
    host = "http://langha.dongda.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/index.php/tin-tuc/item/{art['n'] + 540}-{slug(art['title'])}"

    def page(self, title, main):
        return f"""<!DOCTYPE html>
<html prefix="og: http://ogp.me/ns#" lang="vi-vn" dir="ltr"><head>
<base href="{self.host}/index.php/tin-tuc" /><meta http-equiv="content-type" content="text/html; charset=utf-8" />
<meta name="generator" content="Joomla! - Open Source Content Management" /><title>{e(title)}</title>
<link href="/templates/langha/css/template.css" rel="stylesheet" /></head>
<body class="site com_k2 view-item">
<div class="container"><header class="header"><a class="brand" href="/"><img src="/images/logo.png" alt="{e(self.site)}" /></a>
<div class="header-search"><form action="/index.php/component/search/"><input name="searchword" /></form></div></header>
<nav class="navigation"><ul class="nav menu"><li><a href="/">Trang chủ</a></li><li><a href="/index.php/gioi-thieu">Giới thiệu</a></li><li class="active"><a href="/index.php/tin-tuc">Tin tức</a></li><li><a href="/index.php/van-ban">Văn bản</a></li></ul></nav>
<div class="row-fluid"><main id="content" class="span9">{main}</main>
<div id="aside" class="span3"><div class="moduletable"><h3>Tin mới</h3><ul class="latestnews"><li><a href="/index.php/tin-tuc/item/500-a">Họp tổ dân phố quý IV</a></li><li><a href="/index.php/tin-tuc/item/501-b">Ra quân dọn vệ sinh cuối năm</a></li></ul></div>
<div class="moduletable"><h3>Thống kê truy cập</h3><p>Hôm nay: 122</p><p>Tổng: 212.004</p></div></div></div>
<footer class="footer"><p>&copy; 2018 {e(self.site)} - quận Đống Đa. Địa chỉ: 6 Láng Hạ. Điện thoại: 024.3514.0000</p><p><a href="#top" id="back-top">Về đầu trang</a></p></footer>
</div></body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        date = f"{WEEKDAYS[dt.weekday()].replace('Thứ ', 'Thứ ').lower().capitalize()}, {dt.day:02d} Tháng {dt.month} {dt.year} {dt:%H:%M}"
        full = []
        for i, p in enumerate(art["paragraphs"]):
            full.append(f"<p>{e(p)}</p>")
            if art.get("table") and art["table"]["after"] == i:
                full.append(table_html(art, "table"))
            if i < len(art.get("captions", [])):
                full.append(f'<p style="text-align: center;"><img src="/images/k2/{art["key"]}{i}.jpg" alt="" /><br /><em>{e(art["captions"][i])}</em></p>')
        if art.get("author"):
            full.append(f'<p style="text-align: right;"><strong>{e(art["author"])}</strong></p>')
        if art.get("source_line"):
            full.append(f'<p style="text-align: right;"><em>{e(art["source_line"])}</em></p>')
        files = "".join(f'<li><a href="/index.php/component/k2/item/download/{n}_{f}">{e(t)}</a></li>' for n, (f, t) in enumerate(art.get("attachments", []), 1))
        rel = "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a></li>' for a in related(arts, art, 4))
        main = f"""<span id="startOfPageId{art['n'] + 540}"></span>
<div id="k2Container" class="itemView">
<div class="itemHeader"><span class="itemDateCreated">{e(date)}</span>
<h2 class="itemTitle">{e(art["title"])}</h2>
<span class="itemAuthor">Viết bởi <a rel="author" href="/index.php/tin-tuc/itemlist/user/42-bbt">Ban biên tập</a></span></div>
<div class="itemToolbar"><ul><li><span class="itemHits">Lượt xem: {art['n'] * 31 + 17}</span></li><li><a class="itemPrintLink" href="{self.url(art)}?tmpl=component&print=1" rel="nofollow">In</a></li><li><a class="itemEmailLink" href="/index.php/component/mailto/">E-mail</a></li></ul></div>
<div class="itemBody"><div class="itemIntroText"><p><strong>{e(art["lead"])}</strong></p></div>
<div class="itemFullText">{"".join(full)}</div>
{f'<div class="itemAttachmentsBlock"><span>Tải về</span><ul class="itemAttachments">{files}</ul></div>' if files else ''}
<div class="itemLinks"><div class="itemCategory"><span>Đăng trong</span> <a href="/index.php/tin-tuc/itemlist/category/3">{e(art["category"])}</a></div></div></div>
<div class="itemRelated"><h3>Bài viết liên quan</h3><ul>{rel}</ul></div>
<div class="itemNavigation"><span class="itemNavigationTitle">Các bài viết khác</span> <a class="itemPrevious" href="{self.url(related(arts, art, 1)[0])}">« Trước</a></div>
</div>"""
        return self.page(f"{art['title']}", main), art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f'<div class="catItemView"><div class="catItemHeader"><span class="catItemDateCreated">{dmy(when(a))}</span><h3 class="catItemTitle"><a href="{self.url(a)}">{e(a["title"])}</a></h3></div><div class="catItemIntroText">{e(a["lead"])}</div><a class="k2ReadMore" href="{self.url(a)}">Xem thêm...</a></div>' for a in arts[18:22])
        main = f'<div id="k2Container" class="itemListView"><div class="itemListCategory"><h2>Tin tức</h2></div>{items}<div class="k2Pagination"><ul><li class="active">1</li><li><a href="?start=4">2</a></li><li><a href="?start=4">Tiếp</a></li><li><a href="?start=40">Cuối</a></li></ul></div></div>'
        return f"{self.host}/index.php/tin-tuc", self.page("Tin tức", main)


# --- template 10: e-portal product (ASP.NET WebForms, 2019): "Ngày xuất bản" under the body -------

class EPortal:
    key = "eportal_2019"
    site = "Cổng thông tin điện tử quận Tây Hồ"
    host = "https://tayho.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/tin-tuc-su-kien/{slug(art['title'])}-t{art['n'] + 1800}.html"

    def page(self, title, main):
        return f"""<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{e(title)}</title><meta name="keywords" content="Tây Hồ, tin tức" /><link href="/Portals/css/style.css" rel="stylesheet" /></head>
<body><form method="post" action="./" id="form1"><div class="aspNetHidden"><input type="hidden" name="__EVENTVALIDATION" value="abc" /></div>
<div id="wrapper"><div id="header"><div class="logo"><a href="/"><img src="/Portals/images/logo.png" alt="logo" /></a></div>
<div class="date-now">Hôm nay, Thứ Bảy 28/11/2026</div></div>
<div id="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu.html">Giới thiệu</a></li><li><a href="/tin-tuc-su-kien.html">Tin tức - Sự kiện</a></li><li><a href="/hoi-dap.html">Hỏi đáp</a></li></ul></div>
<div id="marquee"><marquee>Chào mừng kỷ niệm 30 năm thành lập quận Tây Hồ (1995 - 2025)</marquee></div>
<div id="main"><div id="left">{main}</div>
<div id="right"><div class="box"><div class="box-title">Lịch công tác</div><div class="box-content"><a href="/lich-cong-tac.html">Lịch công tác tuần của lãnh đạo quận</a></div></div>
<div class="box"><div class="box-title">Video</div><div class="box-content"><a href="/video/1.html">Phóng sự: Tây Hồ chung tay xây dựng nếp sống văn minh</a></div></div>
<div class="box"><div class="box-title">Liên kết website</div><div class="box-content"><select><option>-- Chọn liên kết --</option></select></div></div></div></div>
<div id="footer"><p>Cơ quan chủ quản: Ủy ban nhân dân quận Tây Hồ</p><p>Địa chỉ: 657 Lạc Long Quân, phường Phú Thượng, quận Tây Hồ. Điện thoại: 024.3753.0000 - Fax: 024.3753.0001</p><p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></div>
</div></form></body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        body = []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f'<div style="text-align: justify;"><span style="font-family: arial, helvetica, sans-serif; font-size: 12pt;">{e(p)}</span></div>')
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art))
            if i < len(art.get("captions", [])):
                body.append(f'<table class="tplCaption" align="center" width="1"><tbody><tr><td><img src="/Uploads/images/{art["key"]}{i}.jpg" width="500" /></td></tr>'
                            f'<tr><td class="caption">{e(art["captions"][i])}</td></tr></tbody></table>')
        if art.get("author"):
            body.append(f'<div style="text-align: right;"><span style="font-size: 12pt;"><strong>{e(art["author"])}</strong></span></div>')
        if art.get("source_line"):
            body.append(f'<div style="text-align: right;"><em>{e(art["source_line"])}</em></div>')
        files = "".join(f'<li><a href="/Uploads/files/{f}?download=1" target="_blank">{e(t)}</a> <span>(Tải về)</span></li>' for f, t in art.get("attachments", []))
        other = "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a><span class="date"> - {dmy(when(a))}</span></li>' for a in related(arts, art, 6))
        main = f"""<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/tin-tuc-su-kien.html">Tin tức - Sự kiện</a> / <span>{e(art["category"])}</span></div>
<div class="news-detail"><h1 class="title-detail">{e(art["title"])}</h1>
<div class="sapo-detail"><span class="sapo">{e(art["lead"])}</span></div>
<div class="content-detail">{"".join(body)}</div>
{f'<div class="file-attach"><ul>{files}</ul></div>' if files else ''}
<div class="date-detail">Ngày xuất bản: {dmy(dt)} {dt:%H:%M} | Lượt xem: {art['n'] * 11 + 9}</div>
<div class="social"><a href="https://www.facebook.com/sharer.php">Chia sẻ Facebook</a></div></div>
<div class="other-news"><div class="other-title">Tin khác</div><ul>{other}</ul></div>"""
        return self.page(f"{art['title']}", main), art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f'<div class="news-item"><a class="img" href="{self.url(a)}"><img src="/Uploads/thumb/{a["n"]}.jpg" /></a><h3><a href="{self.url(a)}">{e(a["title"])}</a></h3><div class="sapo">{e(a["lead"])}</div></div>' for a in arts[19:23])
        main = f'<div class="breadcrumb"><a href="/">Trang chủ</a> / <span>Tin tức - Sự kiện</span></div><div class="list-news">{items}</div><div class="paging"><a class="active">1</a><a href="?p=2">2</a><a href="?p=3">3</a></div>'
        return f"{self.host}/tin-tuc-su-kien.html", self.page(f"Tin tức - Sự kiện | {self.site}", main)


# --- template 11: iGate-style portal (2016): <title> is only the category, 12-hour time first ------

class IGate:
    key = "igate_2016"
    site = "Cổng thông tin điện tử huyện Đông Anh"
    host = "https://donganh.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/tin-tuc-su-kien/{slug(art['category'])}/{slug(art['title'])}-{art['n'] + 77000}"

    def page(self, title, main):
        return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8" /><title>{e(title)}</title>
<link rel="stylesheet" href="/Content/igate/site.css" /><script src="/Scripts/jquery-1.10.2.min.js"></script></head>
<body><div class="top-header"><div class="site-name">{e(self.site.upper())}</div><div class="site-slogan">Đông Anh - phát triển, văn minh, nghĩa tình</div></div>
<div class="main-menu"><a href="/">Trang chủ</a><a href="/gioi-thieu">Giới thiệu</a><a href="/tin-tuc-su-kien">Tin tức - Sự kiện</a><a href="/chi-dao-dieu-hanh">Chỉ đạo điều hành</a><a href="/dich-vu-cong">Dịch vụ công</a></div>
<div class="container"><div class="col-main">{main}</div>
<div class="col-side"><div class="block"><div class="block-title">Lịch công tác</div><ul><li><a href="/lich-cong-tac/tuan-12">Lịch công tác tuần 12 của Thường trực Huyện ủy</a></li></ul></div>
<div class="block"><div class="block-title">Video clip</div><ul><li><a href="/video/1">Đông Anh: Chung tay xây dựng nông thôn mới nâng cao</a></li></ul></div>
<div class="block"><div class="block-title">Hình ảnh hoạt động</div><div class="gallery"><img src="/gallery/1.jpg" alt="" /><img src="/gallery/2.jpg" alt="" /></div></div></div></div>
<div class="footer"><p>{e(self.site)}</p><p>Cơ quan chủ quản: UBND huyện Đông Anh - Địa chỉ: Số 68 đường Cao Lỗ, thị trấn Đông Anh - Điện thoại: 024.3883.2222</p><p>Ghi rõ nguồn "{e(self.site)}" khi phát hành lại thông tin từ website này.</p></div>
</body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        body = []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f'<p style="text-align: justify;"><span style="font-size:14px;">{e(p)}</span></p>')
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art, "table table-bordered"))
            if i < len(art.get("captions", [])):
                body.append(f'<p style="text-align: center;"><img alt="" src="/Uploads/{art["key"]}-{i}.jpg" style="width: 600px;" /></p>'
                            f'<p style="text-align: center;">{e(art["captions"][i])}</p>')
        if art.get("author"):
            body.append(f'<p style="text-align: right;"><strong>{e(art["author"])}</strong></p>')
        if art.get("source_line"):
            body.append(f'<p style="text-align: right;">{e(art["source_line"])}</p>')
        for f, t in art.get("attachments", []):
            body.append(f'<p>File đính kèm: <a href="/Uploads/files/{f}">{e(t)}</a></p>')
        same = "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a> <span class="date">({dmy(when(a))})</span></li>' for a in related(arts, art, 5))
        main = f"""<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc-su-kien">Tin tức - Sự kiện</a> » <span>{e(art["category"])}</span></div>
<div class="news-detail"><h1 class="news-title">{e(art["title"])}</h1>
<p class="news-date"><i class="fa fa-clock-o"></i> {clock12(dt, pad=True)} {dmy(dt)}</p>
<div class="news-sapo"><p>{e(art["lead"])}</p></div>
<div class="news-body">{"".join(body)}</div>
<div class="news-tags">Tags: <a href="/tag/dong-anh">Đông Anh</a></div>
<div class="news-share">Chia sẻ: <a href="https://facebook.com/sharer">Facebook</a></div></div>
<div class="news-same"><div class="block-title">Tin cùng chuyên mục</div><ul>{same}</ul></div>"""
        return self.page(art["category"], main), art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f'<div class="item"><a href="{self.url(a)}"><img src="/thumb/{a["n"]}.jpg" /></a><a class="title" href="{self.url(a)}">{e(a["title"])}</a><p class="date">{clock12(when(a), True)} {dmy(when(a))}</p><p class="sapo">{e(a["lead"])}</p></div>' for a in arts[0:4])
        main = f'<div class="breadcrumb"><a href="/">Trang chủ</a> » <span>Tin tức - Sự kiện</span></div><div class="list">{items}</div><div class="pager"><a href="?page=2">Trang sau</a></div>'
        return f"{self.host}/tin-tuc-su-kien", self.page("Tin tức - Sự kiện", main)


# --- template 12: three-column portal (2010) with a long "Giới thiệu" text and "(Cập nhật: ...)" ----

class ThreeColumns:
    key = "three_columns_2010"
    site = "Cổng thông tin điện tử huyện Sóc Sơn"
    host = "http://socson.hanoi.gov.vn"

    INTRO = ("Sóc Sơn là huyện ngoại thành nằm ở phía Bắc thủ đô Hà Nội, có diện tích tự nhiên hơn 300 km2, "
             "là cửa ngõ giao thương quan trọng với các tỉnh phía Bắc. Trên địa bàn huyện có Cảng hàng không quốc tế "
             "Nội Bài, nhiều khu công nghiệp và các di tích lịch sử, văn hóa nổi tiếng như khu di tích Đền Sóc, "
             "chùa Non Nước. Những năm qua, Đảng bộ và nhân dân huyện đã đoàn kết, nỗ lực phấn đấu đạt được nhiều "
             "thành tựu quan trọng trên các lĩnh vực kinh tế, văn hóa, xã hội, quốc phòng và an ninh.")

    def url(self, art):
        return f"{self.host}/Home/TinTuc/ChiTiet?id={art['n'] + 4400}"

    def page(self, title, center):
        return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{e(title)}</title></head>
<body><table width="1000" align="center" cellpadding="0" cellspacing="0">
<tr><td colspan="3"><img src="/images/banner_socson.jpg" alt="{e(self.site)}"></td></tr>
<tr><td colspan="3" class="menu"><a href="/">Trang chủ</a> | <a href="/Home/GioiThieu">Giới thiệu</a> | <a href="/Home/TinTuc">Tin tức</a> | <a href="/Home/VanBan">Văn bản</a></td></tr>
<tr><td width="230" valign="top" class="left"><div class="box"><div class="boxtitle">Giới thiệu chung</div><div class="boxcontent">{e(self.INTRO)}</div></div>
<div class="box"><div class="boxtitle">Liên kết website</div><select><option>-- Chọn liên kết --</option></select></div></td>
<td valign="top" class="center">{center}</td>
<td width="220" valign="top" class="right"><div class="box"><div class="boxtitle">Thông báo</div><div class="boxcontent"><a href="/Home/ThongBao/1">Thông báo tuyển dụng công chức cấp xã năm 2018</a><br>Huyện Sóc Sơn thông báo tuyển dụng 25 chỉ tiêu công chức cấp xã, hạn nộp hồ sơ đến hết ngày 30 tháng 4.</div></div>
<div class="box"><div class="boxtitle">Thống kê truy cập</div><div class="boxcontent">Đang online: 22<br>Tổng lượt truy cập: 3.100.454</div></div></td></tr>
<tr><td colspan="3" class="footer">Bản quyền thuộc UBND huyện Sóc Sơn. Địa chỉ: Số 1 đường Đa Phúc, thị trấn Sóc Sơn. Điện thoại: 024.3884.0000 - Fax: 024.3884.0001</td></tr>
</table></body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        body = []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f"<div>&nbsp;&nbsp;&nbsp;&nbsp;{e(p)}</div>")
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art))
            if i < len(art.get("captions", [])):
                body.append(f'<div align="center"><img src="/upload/{art["key"]}{i}.jpg" width="450"><br><i>{e(art["captions"][i])}</i></div>')
        if art.get("author"):
            body.append(f'<div align="right"><b>{e(art["author"])}</b></div>')
        if art.get("source_line"):
            body.append(f'<div align="right">{e(art["source_line"])}</div>')
        for f, t in art.get("attachments", []):
            body.append(f'<div><a href="/upload/files/{f}"><img src="/images/attach.gif"> {e(t)}</a></div>')
        center = f"""<div class="path">Tin tức › {e(art["category"])}</div>
<table width="100%"><tr><td class="tieudetin">{e(art["title"])}</td></tr>
<tr><td class="ngaydang">(Cập nhật: {dmy(dt)} {dt:%H:%M})</td></tr>
<tr><td class="trichdan"><b>{e(art["lead"])}</b></td></tr>
<tr><td class="noidungtin">{"".join(body)}</td></tr></table>
<div class="tinkhac"><b>Các tin đã đưa:</b> {"".join(f'<br>- <a href="{self.url(a)}">{e(a["title"])}</a> ({dmy(when(a))})' for a in related(arts, art, 5))}</div>"""
        return self.page(f"{self.site} - {art['title']}", center), art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f'<tr><td><a class="tieudetin" href="{self.url(a)}">{e(a["title"])}</a> ({dmy(when(a))})<br>{e(a["lead"])}</td></tr>' for a in arts[5:10])
        return f"{self.host}/Home/TinTuc", self.page(f"{self.site} - Tin tức", f'<div class="path">Tin tức</div><table>{items}</table><div>Trang: 1 2 3 4 5 ...</div>')


# --- template 13: 2022 ward portal with a text-to-speech player and a related box atop the body ---

class WardTTS:
    key = "ward_tts_2022"
    site = "Cổng thông tin điện tử phường Nghĩa Đô"
    host = "https://nghiado.caugiay.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/tin-tuc/{slug(art['title'])}.html"

    def page(self, title, main, extra_head=""):
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width">
<title>{e(title)}</title>{extra_head}
<script>window.__STATE__={{"menu":[{{"title":"Trang chủ"}},{{"title":"Tin tức"}}],"user":null}};</script></head>
<body><div id="app"><div class="topbar"><span>Đường dây nóng: 024.3756.0000</span> <a href="/dang-nhap">Đăng nhập</a></div>
<header class="header"><a href="/" class="logo"><img src="/static/logo.svg" alt="Phường Nghĩa Đô"></a><nav><a href="/">Trang chủ</a><a href="/tin-tuc">Tin tức</a><a href="/thu-tuc">Thủ tục hành chính</a><a href="/lien-he">Liên hệ</a></nav></header>
<div class="wrapper"><div class="content-left">{main}</div>
<div class="content-right"><div class="widget"><div class="widget-title">Tin nổi bật</div><ul><li><a href="/tin-tuc/hop-dan.html">Họp dân lấy ý kiến quy hoạch khu đô thị</a></li><li><a href="/tin-tuc/ra-quan.html">Ra quân giải tỏa lấn chiếm vỉa hè</a></li></ul></div>
<div class="widget"><div class="widget-title">Số lượng truy cập</div><p>Đang truy cập: 11</p><p>Hôm nay: 240</p></div></div></div>
<footer><p>Bản quyền thuộc UBND phường Nghĩa Đô</p><p>Địa chỉ: Số 1 Hoàng Quốc Việt, Cầu Giấy, Hà Nội. Điện thoại: 024.3756.0000</p></footer></div></body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        rel = related(arts, art, 2)
        body = ['<div class="box-related"><div class="box-related-title">Tin liên quan</div>'
                + "".join(f'<a href="{self.url(a)}">{e(a["title"])}</a>' for a in rel) + "</div>"]
        for i, p in enumerate(art["paragraphs"]):
            body.append(f"<p>{e(p)}</p>")
            if art.get("table") and art["table"]["after"] == i:
                body.append(f'<figure class="table">{table_html(art)}</figure>')
            if i < len(art.get("captions", [])):
                body.append(f'<figure class="image"><img src="/uploads/{art["key"]}-{i}.jpg"><figcaption>{e(art["captions"][i])}</figcaption></figure>')
        tail = ""
        if art.get("author"):
            tail += f'<p class="author">{e(art["author"])}</p>'
        if art.get("source_line"):
            tail += f'<p class="source">{e(art["source_line"])}</p>'
        files = "".join(f'<a class="file" href="/uploads/files/{f}" download>{e(t)}</a>' for f, t in art.get("attachments", []))
        main = f"""<div class="breadcrumb"><a href="/">Trang chủ</a><span>/</span><a href="/tin-tuc">Tin tức</a><span>/</span><a href="/tin-tuc/{slug(art['category'])}">{e(art["category"])}</a></div>
<h1 class="post-title">{e(art["title"])}</h1>
<div class="post-meta"><span class="post-date">{WEEKDAYS[dt.weekday()]}, {dmy(dt)}, {dt:%H:%M}</span><span class="post-views">1.024 lượt xem</span></div>
<div class="post-sapo">{e(art["lead"])}</div>
<div class="tts-player"><button>Nghe đọc bài viết</button><span>Giọng nữ miền Bắc</span><span>00:00 / 03:12</span></div>
<div class="font-size"><a href="#">A-</a> <a href="#">A</a> <a href="#">A+</a></div>
<div class="post-content">{"".join(body)}{tail}</div>
{f'<div class="post-files">{files}</div>' if files else ''}
<div class="post-share"><span>Chia sẻ</span><a href="#">Facebook</a><a href="#">Zalo</a><a href="#">Sao chép liên kết</a></div>
<div class="post-other"><h3>Tin khác</h3>{"".join(f'<div class="item"><a href="{self.url(a)}">{e(a["title"])}</a><span>{dmy(when(a))}</span></div>' for a in related(arts, art, 5))}</div>"""
        head = f'<meta name="description" content="{e(art["lead"])}"><meta property="og:title" content="{e(art["title"])}">'
        return self.page(f"{art['title']} | Phường Nghĩa Đô", main, head), art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f'<div class="post-item"><a class="thumb" href="{self.url(a)}"><img src="/t/{a["n"]}.jpg"></a><div><a class="post-item-title" href="{self.url(a)}">{e(a["title"])}</a><div class="post-item-date">{dmy(when(a))}</div><div class="post-item-sapo">{e(a["lead"])}</div></div></div>' for a in arts[8:12])
        return f"{self.host}/tin-tuc", self.page("Tin tức | Phường Nghĩa Đô", f'<h1 class="page-title">Tin tức</h1>{items}<div class="pagination"><a>1</a><a href="?page=2">2</a></div>')


# --- template 14: city newspaper-style district page (2023): "Tin: ... - Ảnh: ..." byline, photo
# galleries, inline "Xem thêm:" links --------------------------------------------------------------

class CityNews:
    key = "city_news_2023"
    site = "Trang tin điện tử Quận 10"
    host = "https://quan10.hochiminhcity.gov.vn"

    def url(self, art):
        return f"{self.host}/tin-tuc/{art['n'] + 2023000}/{slug(art['title'])}"

    def article(self, art, arts, variant):
        dt = when(art)
        body = []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f"<p>{e(p)}</p>")
            if i == 0:
                other = related(arts, art, 1)[0]
                body.append(f'<p><strong>Xem thêm:</strong> <a href="{self.url(other)}">{e(other["title"])}</a></p>')
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art))
            if i < len(art.get("captions", [])):
                body.append(f'<div class="gallery"><img src="/img/{art["key"]}-{i}a.jpg"><img src="/img/{art["key"]}-{i}b.jpg">'
                            f'<p class="gallery-caption"><em>{e(art["captions"][i])}</em></p></div>')
        if art.get("author"):
            body.append(f'<p style="text-align:right"><strong>{e(art["author"])}</strong></p>')
        if art.get("source_line"):
            body.append(f'<p style="text-align:right">{e(art["source_line"])}</p>')
        for f, t in art.get("attachments", []):
            body.append(f'<p>Tải tệp: <a href="/files/{f}">{e(t)}</a></p>')
        main = f"""<div class="article"><div class="article-cate"><a href="/tin-tuc/{slug(art['category'])}">{e(art["category"])}</a></div>
<h1 class="article-title">{e(art["title"])}</h1>
<div class="article-info"><span class="time">{dt:%H:%M} - {dmy(dt)}</span></div>
<div class="article-sapo"><strong>(Quan10.hochiminhcity.gov.vn) - {e(art["lead"])}</strong></div>
<div class="article-body">{"".join(body)}</div></div>
<div class="box-more"><div class="box-more-title">Tin cùng chuyên mục</div>{"".join(f'<div class="more-item"><a href="{self.url(a)}"><img src="/t/{a["n"]}.jpg"><span>{e(a["title"])}</span></a></div>' for a in related(arts, art, 4))}</div>"""
        page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(art['title'])} - {e(self.site)}</title>
<meta property="article:published_time" content="{dt:%Y-%m-%dT%H:%M}:00+07:00"></head>
<body><header><div class="brand">{e(self.site.upper())}</div><nav><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a> <a href="/chinh-quyen">Chính quyền</a></nav></header>
<main>{main}</main>
<aside><div class="box"><h3>Đang online</h3><p>52</p></div><div class="box"><h3>Liên kết website</h3><select><option>Cổng TTĐT TP.HCM</option></select></div></aside>
<footer><p>UBND Quận 10 - Địa chỉ: 474 Đường 3/2, Phường 12, Quận 10. Điện thoại: (028) 3862 0000</p><p>© Bản quyền thuộc UBND Quận 10</p></footer></body></html>"""
        return page, art["published"], f"(Quan10.hochiminhcity.gov.vn) - {art['lead']}"

    def encode(self, page, variant):
        return page.encode("utf-8")


# --- template 15: a Hanoi-2025-platform variant: "Thứ Hai, 10/11/2025 | 09:15", photo tables with
# figcaptions, a "Đọc thêm" box closing the body, the author after the content ---------------------

class Hanoi2025Variant:
    key = "hanoi2025_variant"
    site = "Cổng thông tin điện tử phường Hoàn Kiếm"
    host = "https://hoankiem.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/{slug(art['category'])}/{slug(art['title'])}-{art['n'] + 1862025110000000}.htm"

    def article(self, art, arts, variant):
        dt = when(art)
        body = []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f"<p>{e(p)}</p>")
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art, "data"))
            if i < len(art.get("captions", [])):
                body.append(f'<figure class="VCSortableInPreviewMode" type="Photo"><div><img src="/uploads/{art["key"]}{i}.jpg" alt=""></div>'
                            f'<figcaption class="PhotoCMS_Caption"><p>{e(art["captions"][i])}</p></figcaption></figure>')
        for f, t in art.get("attachments", []):
            body.append(f'<p><a href="/uploads/files/{f}" target="_blank">{e(t)}</a></p>')
        more = related(arts, art, 3)
        body.append('<div class="box-doc-them"><p class="title">Đọc thêm</p><ul>'
                    + "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a></li>' for a in more) + "</ul></div>")
        tail = ""
        if art.get("author"):
            tail += f'<p class="detail-author">{e(art["author"])}</p>'
        if art.get("source_line"):
            tail += f'<p class="detail-source">{e(art["source_line"])}</p>'
        main = f"""<div class="detail"><ul class="bread-crumbs"><li><a href="/">Trang chủ</a></li><li><a href="/{slug(art['category'])}.htm">{e(art["category"])}</a></li></ul>
<h1 class="detail-title">{e(art["title"])}</h1>
<div class="detail-time">{WEEKDAYS[dt.weekday()]}, {dmy(dt)} | {dt:%H:%M}</div>
<h2 class="detail-sapo">{e(art["lead"])}</h2>
<div class="detail-content afcbc-body">{"".join(body)}</div>
{tail}
<div class="detail-tags"><a href="/tag/hoan-kiem.htm">Hoàn Kiếm</a></div></div>"""
        page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(art['title'])}</title>
<meta property="og:title" content="{e(art['title'])}"><meta property="article:published_time" content="{dt:%Y-%m-%dT%H:%M}:00+07:00">
<link rel="canonical" href="{self.url(art)}"></head><body>
<header class="header"><a class="logo" href="/"><img src="/images/logo.png" alt="{e(self.site)}"></a><nav class="menu"><a href="/">Trang chủ</a><a href="/tin-tuc.htm">Tin tức</a><a href="/van-ban.htm">Văn bản</a></nav></header>
<div class="container"><div class="main">{main}</div><div class="side"><div class="box"><h3>Tin mới nhất</h3><ul>{"".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a></li>' for a in arts[:5])}</ul></div></div></div>
<footer><p>Cổng thông tin điện tử phường Hoàn Kiếm. Địa chỉ: 126 Hàng Trống. Điện thoại: 024.3825.0000</p></footer></body></html>"""
        return page, art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")


# --- template 16: SharePoint 2013 publishing page: "Ngày 26/12/2012" without time, <div> paragraphs,
# a "Tin mới" web part above the article in the same zone -----------------------------------------

class SharePoint2013:
    key = "sharepoint_2013"
    site = "Cổng thông tin điện tử Quận Gò Vấp"
    host = "https://govap.hochiminhcity.gov.vn"

    def url(self, art):
        return f"{self.host}/tintuc/Pages/{slug(art['title'])[:40]}.aspx"

    def article(self, art, arts, variant):
        dt = when(art)
        body = []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f'<div style="text-align:justify">{e(p)}</div>')
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art, "ms-rteTable-default"))
            if i < len(art.get("captions", [])):
                body.append(f'<div style="text-align:center"><img src="/tintuc/PublishingImages/{art["key"]}{i}.jpg" /><br/><em>{e(art["captions"][i])}</em></div>')
        if art.get("author"):
            body.append(f'<div style="text-align:right"><strong>{e(art["author"])}</strong></div>')
        if art.get("source_line"):
            body.append(f'<div style="text-align:right"><em>{e(art["source_line"])}</em></div>')
        for f, t in art.get("attachments", []):
            body.append(f'<div><a href="/tintuc/Documents/{f}">{e(t)}</a></div>')
        body.append("<div><br/></div>")
        newest = "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a><div class="ms-vb">{e(a["lead"][:90])}...</div></li>' for a in related(arts, art, 3))
        page = f"""<!DOCTYPE html><html dir="ltr" lang="vi-VN"><head><meta http-equiv="X-UA-Compatible" content="IE=10"/><meta name="GENERATOR" content="Microsoft SharePoint"/>
<meta http-equiv="Content-type" content="text/html; charset=utf-8"/><title>
	{e(art['title'])}
</title><link rel="stylesheet" href="/_layouts/15/1066/styles/Themable/corev15.css"/></head>
<body><form method="post" action="./{slug(art['title'])[:40]}.aspx" id="aspnetForm">
<div id="s4-workspace"><div id="s4-bodyContainer"><div class="govap-header"><img src="/Style Library/govap/banner.png" alt="Gò Vấp"/></div>
<div class="govap-menu"><a href="/">Trang chủ</a> <a href="/tintuc">Tin tức</a> <a href="/vanban">Văn bản</a> <a href="/lienhe">Liên hệ</a></div>
<div id="contentRow"><div id="contentBox">
<div class="ms-webpart-zone"><div class="ms-webpartzone-cell"><div class="ms-webpart-chrome"><h2 class="ms-webpart-titleText">Tin mới</h2><ul class="cbq-layout-main">{newest}</ul></div></div>
<div class="ms-webpartzone-cell"><div class="article-page">
<span id="ctl00_PlaceHolderMain_siteMapPath"><a href="/">Trang chủ</a> &gt; <a href="/tintuc">Tin tức</a> &gt; <span>{e(art["category"])}</span></span>
<h1 id="pageTitle"><span>{e(art["title"])}</span></h1>
<span class="date-publish">Ngày {dmy(dt)}</span>
<div class="ms-rtestate-field summary"><b>{e(art["lead"])}</b></div>
<div class="ms-rtestate-field">{"".join(body)}</div>
</div></div></div></div>
<div id="sideBox"><div class="ms-webpart-chrome"><h2 class="ms-webpart-titleText">Hỗ trợ trực tuyến</h2><p>Đường dây nóng: (028) 3894 0000</p></div></div></div>
<div class="govap-footer">Bản quyền © UBND Quận Gò Vấp. Địa chỉ: 19 Quang Trung, Phường 10, Gò Vấp. Điện thoại: (028) 3894 1111</div>
</div></div></form></body></html>"""
        return page, art["published"][:10]

    def encode(self, page, variant):
        return page.encode("utf-8")


# --- blind set 4 (written November 2026, scored once before any fix; see the README) ------------
# template 17: a Joomla 1.5 commune site: article inside nested tables with inline styles, the only
# date in a "Cập nhật lúc" line after the body, the article's own title in the "Tin mới" box, and a
# blog listing that shows the full leads of ten articles ---------------------------------------------

class CommuneNested:
    key = "commune_nested_2009"
    site = "Trang thông tin điện tử xã Dương Xá"
    host = "http://duongxa.gialam.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/index.php/tin-tuc-su-kien/{art['n'] + 310}-{slug(art['title'])[:50]}.html"

    def page(self, title, center, newest):
        box = "".join(f'<tr><td style="padding:3px;border-bottom:1px dotted #ccc"><img src="{self.host}/templates/xa/images/bullet.gif" alt="" /> '
                      f'<a href="{self.url(a)}" style="color:#003399;text-decoration:none">{e(a["title"])}</a></td></tr>' for a in newest)
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="vi-vn" lang="vi-vn"><head>
<meta http-equiv="content-type" content="text/html; charset=utf-8" />
<meta name="generator" content="Joomla! 1.5 - Open Source Content Management" />
<title>{e(title)}</title>
<script type="text/javascript" src="/media/system/js/mootools.js"></script>
</head><body style="margin:0;background:#e8eef5">
<table width="980" align="center" cellpadding="0" cellspacing="0" border="0" style="background:#fff">
<tr><td colspan="2" style="height:140px;background:url(/templates/xa/images/header.jpg) no-repeat"><div style="font:bold 22px Arial;color:#fff;padding:50px 0 0 200px">{e(self.site.upper())}</div></td></tr>
<tr><td colspan="2" style="background:#0b5aa8;padding:6px"><a href="/" style="color:#fff">Trang chủ</a> &nbsp;|&nbsp; <a href="/index.php/gioi-thieu" style="color:#fff">Giới thiệu</a> &nbsp;|&nbsp; <a href="/index.php/tin-tuc-su-kien" style="color:#fff">Tin tức - Sự kiện</a> &nbsp;|&nbsp; <a href="/index.php/thu-tuc-hanh-chinh" style="color:#fff">Thủ tục hành chính</a></td></tr>
<tr><td width="700" valign="top" style="padding:8px">{center}</td>
<td width="280" valign="top" style="padding:8px;background:#f4f7fb">
<table width="100%" cellpadding="0" cellspacing="0" style="border:1px solid #b7c9e2"><tr><td style="background:#0b5aa8;color:#fff;font-weight:bold;padding:4px">Tin mới</td></tr>{box}</table>
<br /><table width="100%" cellpadding="0" cellspacing="0" style="border:1px solid #b7c9e2"><tr><td style="background:#0b5aa8;color:#fff;font-weight:bold;padding:4px">Thống kê truy cập</td></tr><tr><td style="padding:4px">Hôm nay: 87<br />Hôm qua: 132<br />Tất cả: 214.905</td></tr></table>
</td></tr>
<tr><td colspan="2" style="background:#0b5aa8;color:#fff;text-align:center;padding:8px;font-size:11px">Bản quyền © 2009 UBND xã Dương Xá - huyện Gia Lâm - Hà Nội<br />Địa chỉ: thôn Dương Xá, xã Dương Xá. Điện thoại: 04.3876.5432</td></tr>
</table></body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        span = '<span style="font-family:\'Times New Roman\';font-size:12pt">'
        rows = []
        for i, p in enumerate(art["paragraphs"]):
            rows.append(f'<p style="text-align:justify;margin:0 0 6px 0">{span}{e(p)}</span></p>')
            if art.get("table") and art["table"]["after"] == i:
                rows.append('<table border="1" cellspacing="0" cellpadding="3" style="border-collapse:collapse;width:100%">' + "".join(
                    "<tr>" + "".join(f'<td style="border:1px solid #000">{span}{e(c)}</span></td>' for c in r) + "</tr>"
                    for r in art["table"]["rows"]) + "</table>")
            if i < len(art.get("captions", [])):
                rows.append(f'<table align="center" cellpadding="2" style="margin:6px auto"><tr><td><img src="/images/stories/tin/{art["key"]}{i}.jpg" width="450" border="0" /></td></tr>'
                            f'<tr><td style="text-align:center;font-size:11px;color:#333">{e(art["captions"][i])}</td></tr></table>')
        if art.get("author"):
            rows.append(f'<p style="text-align:right">{span}<strong>{e(art["author"])}</strong></span></p>')
        if art.get("source_line"):
            rows.append(f'<p style="text-align:right">{span}{e(art["source_line"])}</span></p>')
        for f, t in art.get("attachments", []):
            rows.append(f'<p><img src="/images/icons/pdf.png" alt="" /> <a href="/images/stories/files/{f}">{e(t)}</a></p>')
        older = "".join(f'<tr><td style="padding:2px">» <a href="{self.url(a)}">{e(a["title"])}</a></td></tr>' for a in related(arts, art, 5))
        center = f"""<table width="100%" cellpadding="0" cellspacing="0"><tr><td style="font-size:11px;color:#666;padding-bottom:6px"><a href="/">Trang chủ</a> » <a href="/index.php/tin-tuc-su-kien">{e(art["category"])}</a></td></tr>
<tr><td><table width="100%" cellpadding="0" cellspacing="0" style="border-bottom:2px solid #0b5aa8"><tr>
<td style="font-family:Arial;font-size:15px;font-weight:bold;color:#b00000;padding:4px 0">{e(art["title"])}</td>
<td width="20" align="right"><a href="{self.url(art)}?tmpl=component&amp;print=1" title="In"><img src="/images/M_images/printButton.png" alt="In" /></a></td>
<td width="20" align="right"><a href="/index.php?option=com_mailto&amp;tmpl=component" title="E-mail"><img src="/images/M_images/emailButton.png" alt="E-mail" /></a></td></tr></table></td></tr>
<tr><td><table width="100%" cellpadding="4" cellspacing="0"><tr><td style="text-align:justify">
<p style="text-align:justify">{span}<strong>{e(art["lead"])}</strong></span></p>
<table width="100%" cellpadding="0" cellspacing="0"><tr><td>{"".join(rows)}</td></tr></table>
</td></tr>
<tr><td style="font-size:11px;color:#888;text-align:right;font-style:italic">Cập nhật lúc {dt:%H:%M} ngày {dmy(dt)}</td></tr></table></td></tr>
<tr><td><table width="100%" cellpadding="0" cellspacing="0" style="margin-top:10px"><tr><td style="font-weight:bold;color:#0b5aa8">Những tin cũ hơn:</td></tr>{older}</table></td></tr></table>"""
        newest = [art] + related(arts, art, 5)
        return self.page(f"{art['title']} - {self.site}", center, newest), art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f"""<table width="100%" cellpadding="0" cellspacing="0" style="margin-bottom:10px"><tr><td style="font-size:14px;font-weight:bold"><a href="{self.url(a)}" style="color:#b00000">{e(a["title"])}</a></td></tr>
<tr><td style="text-align:justify"><p style="text-align:justify"><span style="font-family:'Times New Roman';font-size:12pt"><strong>{e(a["lead"])}</strong></span></p>
<p style="text-align:justify"><span style="font-family:'Times New Roman';font-size:12pt">{e(a["paragraphs"][0])}</span></p></td></tr>
<tr><td><a href="{self.url(a)}" class="readon">Đọc thêm...</a></td></tr></table>""" for a in arts[4:14])
        center = f'<table width="100%"><tr><td style="font-size:16px;font-weight:bold;color:#0b5aa8">Tin tức - Sự kiện</td></tr><tr><td>{items}</td></tr><tr><td align="center">« Đầu « Trước 1 <a href="?start=10">2</a> <a href="?start=20">3</a> Tiếp » Cuối »</td></tr></table>'
        return f"{self.host}/index.php/tin-tuc-su-kien", self.page(f"Tin tức - Sự kiện - {self.site}", center, arts[:6])


# --- template 18: DotNetNuke 7 with an article module: the body one <div> with <br><br> between
# paragraphs, .NET vi-VN dates "15/03/2018 8:45:00 SA", Facebook/Zalo share widgets, readers'
# comments and a comment form --------------------------------------------------------------------

COMMENTS = [("Nguyễn Văn Bình", "Rất mong chính quyền tiếp tục duy trì những hoạt động thiết thực như thế này."),
            ("Trần Thị Hoa", "Đề nghị phường thông báo rộng rãi hơn trên loa truyền thanh để người cao tuổi được biết.")]


class DnnBr:
    key = "dnn_br_2015"
    site = "Cổng thông tin điện tử huyện Phúc Thọ"
    host = "http://phuctho.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/tin-tuc/tabid/{art['n'] + 60}/ctl/ArticleView/mid/1412/articleId/{art['n'] + 5100}/{slug(art['title'])[:60]}.aspx"

    def vi_clock(self, dt):
        hour = dt.hour % 12 or 12
        return f"{dmy(dt)} {hour}:{dt.minute:02d}:00 {'SA' if dt.hour < 12 else 'CH'}"

    def page(self, title, main):
        return f"""<!DOCTYPE html>
<html lang="vi-VN"><head id="Head"><meta content="text/html; charset=UTF-8" http-equiv="Content-Type" />
<title>{e(title)}</title><meta id="MetaGenerator" name="GENERATOR" content="DotNetNuke " />
<link href="/Portals/_default/Skins/PhucTho/skin.css" rel="stylesheet" type="text/css" />
<script src="https://sp.zalo.me/plugins/sdk.js"></script>
</head><body id="Body"><div id="fb-root"></div>
<script>(function(d,s,id){{var js,fjs=d.getElementsByTagName(s)[0];if(d.getElementById(id))return;js=d.createElement(s);js.id=id;js.src="//connect.facebook.net/vi_VN/sdk.js#xfbml=1&version=v2.5";fjs.parentNode.insertBefore(js,fjs);}}(document,'script','facebook-jssdk'));</script>
<form method="post" action="/tin-tuc" id="Form" enctype="multipart/form-data">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTY4NjQ2MjM0Nw9kFgYCAQ8WAh4EVGV4dAU" />
<div class="skin-wrap"><div class="skin-header"><a id="dnn_dnnLOGO_hypLogo" href="/"><img id="dnn_dnnLOGO_imgLogo" src="/Portals/0/logo-phuctho.png" alt="{e(self.site)}" /></a>
<div class="skin-search"><input name="dnn$dnnSEARCH$txtSearch" type="text" placeholder="Tìm kiếm..." /><a id="dnn_dnnSEARCH_cmdSearch" href="#">Tìm</a></div></div>
<div class="skin-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/tin-tuc">Tin tức</a></li><li><a href="/van-ban">Văn bản</a></li><li><a href="/hoi-dap">Hỏi đáp</a></li></ul></div>
<div class="skin-body"><div id="dnn_ContentPane" class="ContentPane">{main}</div>
<div id="dnn_RightPane" class="RightPane"><div class="DnnModule DnnModule-DNN_HTML"><div class="c_head"><h2 class="c_title"><span id="dnn_ctr1420_dnnTITLE_titleLabel" class="Head">Lịch tiếp công dân</span></h2></div>
<div class="c_content"><div id="dnn_ctr1420_HtmlModule_lblContent">Chủ tịch UBND huyện tiếp công dân vào sáng thứ Năm hằng tuần tại Trụ sở Tiếp công dân huyện.</div></div></div>
<div class="DnnModule"><div class="c_head"><h2 class="c_title"><span class="Head">Video</span></h2></div><div class="c_content"><iframe src="https://www.youtube.com/embed/abc123" width="300" height="170"></iframe></div></div></div></div>
<div class="skin-footer"><p>Cơ quan chủ quản: UBND huyện Phúc Thọ - Địa chỉ: Thị trấn Phúc Thọ, huyện Phúc Thọ, Hà Nội</p><p>Điện thoại: 024.3364.0000 - Email: vanphong_phuctho@hanoi.gov.vn</p></div></div>
</form></body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        chunks = []
        for i, p in enumerate(art["paragraphs"]):
            chunks.append(e(p))
            if art.get("table") and art["table"]["after"] == i:
                chunks.append(table_html(art))
            if i < len(art.get("captions", [])):
                chunks.append(f'<center><img src="/Portals/0/EasyDNNNews/{art["n"]}/{i}.jpg" width="520" /><br /><i>{e(art["captions"][i])}</i></center>')
        if art.get("author"):
            chunks.append(f"<b>{e(art['author'])}</b>")
        if art.get("source_line"):
            chunks.append(f"<i>{e(art['source_line'])}</i>")
        for f, t in art.get("attachments", []):
            chunks.append(f'Tải về: <a href="/Portals/0/Files/{f}">{e(t)}</a>')
        body = "<br /><br />".join(chunks)
        shown = COMMENTS if variant % 2 else []
        comments = "".join(f'<div class="edn_comment"><div class="edn_commentAuthor">{e(n)}</div><div class="edn_commentDate">{dmy(dt)} {(dt.hour + 2) % 24:02d}:{dt.minute:02d}</div><div class="edn_commentText">{e(t)}</div></div>'
                           for n, t in shown) or "<p>Chưa có ý kiến nào. Hãy là người đầu tiên bình luận về bài viết này.</p>"
        same = "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a> <span>({dmy(when(a))})</span></li>' for a in related(arts, art, 5))
        main = f"""<div class="DnnModule DnnModule-EasyDNNnews DnnModule-1412"><a name="1412"></a>
<div class="c_head"><h2 class="c_title"><span id="dnn_ctr1412_dnnTITLE_titleLabel" class="Head">Tin tức - Sự kiện</span></h2></div>
<div id="dnn_ctr1412_ContentPane" class="c_content"><div id="dnn_ctr1412_ModuleContent" class="DNNModuleContent ModEasyDNNnewsC">
<div class="eds_news_module_1412 news eds_subCollection_news eds_styleSwitchCriteria_module-1412 eds_template_Details_Article_Default">
<div class="edn_article edn_clearFix">
<div class="edn_metaDetails"><span class="edn_category"><a href="/tin-tuc/category/{slug(art['category'])}">{e(art["category"])}</a></span> <span class="edn_articleDate">{self.vi_clock(dt)}</span></div>
<h1 class="edn_articleTitle">{e(art["title"])}</h1>
<div class="edn_socialPrintWrapper"><div class="fb-like" data-href="{self.url(art)}" data-layout="button_count" data-action="like" data-show-faces="false"></div>
<div class="fb-share-button" data-href="{self.url(art)}" data-layout="button_count"></div>
<div class="zalo-share-button" data-href="{self.url(art)}" data-oaid="579745863508352884" data-layout="1" data-color="blue" data-customize="false"></div>
<a class="edn_printButton" href="javascript:window.print()">In bài</a></div>
<div class="edn_articleSummary"><strong>{e(art["lead"])}</strong></div>
<div class="edn_articleContent">{body}</div>
<div class="edn_socialPrintWrapper edn_bottom">Chia sẻ: <a href="https://www.facebook.com/sharer/sharer.php?u={self.url(art)}">Facebook</a> <a href="https://sp.zalo.me/share?url={self.url(art)}">Zalo</a> <a href="https://twitter.com/intent/tweet?url={self.url(art)}">Twitter</a></div>
</div>
<div class="edn_commentsWrapper"><h3 class="edn_commentsTitle">Ý kiến bạn đọc ({len(shown)})</h3>{comments}
<div class="edn_commentForm"><h4>Gửi ý kiến của bạn</h4><p>Ý kiến của bạn sẽ được Ban biên tập xem xét trước khi đăng.</p>
<label>Họ và tên (*)</label><input type="text" name="name" /><label>Email (*)</label><input type="text" name="email" />
<label>Nội dung (*)</label><textarea name="comment" rows="5"></textarea><a class="edn_commentSubmit" href="#">Gửi bình luận</a></div></div>
<div class="edn_relatedArticles"><h3>Tin cùng chuyên mục</h3><ul>{same}</ul></div>
</div></div></div></div>"""
        return self.page(f"{art['title']} - {self.site}", main), art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f'<div class="edn_article"><h2 class="edn_articleTitle"><a href="{self.url(a)}">{e(a["title"])}</a></h2>'
                        f'<span class="edn_articleDate">{self.vi_clock(when(a))}</span><div class="edn_articleSummary">{e(a["lead"])}</div>'
                        f'<a class="edn_readMore" href="{self.url(a)}">Xem chi tiết</a></div>' for a in arts[8:18])
        main = f'<div class="DnnModule"><div class="c_head"><h2 class="c_title"><span class="Head">Tin tức - Sự kiện</span></h2></div><div class="c_content">{items}<div class="edn_pagination"><a href="?page=2">Trang sau</a></div></div></div>'
        return f"{self.host}/tin-tuc", self.page(f"Tin tức - {self.site}", main)


# --- template 19: a Wayback Machine capture of a Liferay 6 district page: the archive's toolbar
# injected at the top, every link rewritten to /web/{timestamp}/..., the capture's own comment at
# the end; the capture time (in the URL) is not the publication time ------------------------------

class WaybackLiferay:
    key = "wayback_2017"
    site = "Cổng giao tiếp điện tử quận Tây Hồ"
    orig = "http://tayho.hanoi.gov.vn"

    def stamp(self, art):
        dt = when(art)
        return f"{dt.year + 1}{(dt.month % 12) + 1:02d}0{(art['n'] % 9) + 1}0{art['n'] % 10}3015"

    def orig_url(self, art):
        return f"{self.orig}/vi/{slug(art['category'])}/-/view_content/{art['n'] + 4400}-{slug(art['title'])}"

    def url(self, art):
        return f"https://web.archive.org/web/{self.stamp(art)}/{self.orig_url(art)}"

    def wb(self, stamp, path, kind=""):
        return f"/web/{stamp}{kind}/{self.orig}{path}"

    def page(self, title, main, stamp, orig_url):
        year = int(stamp[:4])
        w = lambda p, k="": self.wb(stamp, p, k)  # noqa: E731
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html dir="ltr" lang="vi-VN"><head><script src="//archive.org/includes/athena.js" type="text/javascript"></script>
<script type="text/javascript">window.addEventListener('DOMContentLoaded',function(){{var v=archive_analytics.values;v.service='wb';v.server_name='wwwb-app220.us.archive.org';v.server_ms=412;archive_analytics.send_pageview({{}});}});</script>
<script type="text/javascript" src="https://web.archive.org/_static/js/bundle-playback.js?v=HxkREWBo" charset="utf-8"></script>
<script type="text/javascript" src="https://web.archive.org/_static/js/wombat.js?v=txqj7nKC" charset="utf-8"></script>
<script type="text/javascript">__wm.init("https://web.archive.org/web");__wm.wombat("{orig_url}","{stamp}","https://web.archive.org/","web","https://web.archive.org/_static/");</script>
<link rel="stylesheet" type="text/css" href="https://web.archive.org/_static/css/banner-styles.css?v=S1zqJCYt" />
<link rel="stylesheet" type="text/css" href="https://web.archive.org/_static/css/iconochive.css?v=3PDvdIFv" />
<!-- End Wayback Rewrite JS Include -->
<title>{e(title)}</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<link href="{w('/tayho-theme/css/main.css', 'cs_')}" rel="stylesheet" type="text/css" />
</head><body class="blue controls-visible signed-out public-page">
<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<script>__wm.rw(0);</script>
<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;">
<div id="wm-ipp" style="position:fixed;left:0;top:0;right:0;">
<div id="donato" style="position:relative;width:100%;"><div id="donato-base"><iframe id="donato-if" src="https://archive.org/includes/donate.php?as_page=1&amp;platform=wb&amp;referer=https%3A//web.archive.org/web/{stamp}/{orig_url}" scrolling="no" frameborder="0"></iframe></div></div>
<div id="wm-ipp-inside"><div id="wm-toolbar" style="position:relative;display:flex;flex-flow:row nowrap;justify-content:space-between;">
<div id="wm-logo" style="/*width:110px;*/padding-top:12px;"><a href="/web/" title="Wayback Machine home page"><img src="/_static/images/toolbar/wayback-toolbar-logo-200.png" srcset="/_static/images/toolbar/wayback-toolbar-logo-100.png, /_static/images/toolbar/wayback-toolbar-logo-150.png 1.5x" alt="Wayback Machine" style="width:100px" border="0" /></a></div>
<div class="c" style=""><form class="u" style="display:flex;flex-direction:row;flex-wrap:nowrap;" target="_top" method="get" action="/web/submit" name="wmtb" id="wmtb"><input type="text" name="url" id="wmtbURL" value="{orig_url}" onfocus="this.focus();this.select();" style="flex:1 1 auto;" /><input type="hidden" name="type" value="replay" /><input type="hidden" name="date" value="{stamp}" /><input type="submit" value="Go" /></form>
<div style="display:flex;flex-flow:row nowrap;align-items:flex-end;"><div class="s" id="wm-nav-captures" style="flex:1 1 auto;"><a class="t" href="/web/{stamp}*/{orig_url}" title="See a list of every capture for this URL">{(int(stamp[8:10]) % 7) + 2} captures</a>
<div class="r" title="Timespan for captures of this URL">{int(stamp[6:8])} Apr {year} - 3 Aug {year + 4}</div></div>
<div class="k"><a href="" id="wm-graph-anchor"><div id="wm-ipp-sparkline" title="Explore captures for this URL" style="position:relative"><canvas id="wm-sparkline-canvas" width="675" height="27" border="0"></canvas></div></a></div></div></div>
<div class="n"><table><tbody><tr class="m"><td class="b" nowrap="nowrap"><a href="https://web.archive.org/web/{year}0301000000*/{orig_url}" title="01 Mar {year}">MAR</a></td><td class="c" id="displayMonthEl" title="You are here: {stamp[8:10]}:30:15 Apr {int(stamp[6:8])}, {year}">APR</td><td class="f" nowrap="nowrap">MAY</td></tr>
<tr class="d"><td class="b" nowrap="nowrap">11</td><td class="c" id="displayDayEl">{int(stamp[6:8])}</td><td class="f" nowrap="nowrap"></td></tr>
<tr class="y"><td class="b" nowrap="nowrap">{year - 1}</td><td class="c" id="displayYearEl">{year}</td><td class="f" nowrap="nowrap">{year + 1}</td></tr></tbody></table></div>
<div class="r" style="display:flex;flex-flow:column nowrap;justify-content:space-between;"><div id="wm-btns" style="white-space:nowrap;"><a href="#close" onclick="__wm.h(event);return false;" style="display:block;" title="Close the toolbar">Close</a> <a href="https://help.archive.org/help/category/the-wayback-machine/" title="Get some help using the Wayback Machine">Help</a></div>
<div id="wm-share" style="display:flex;"><a href="#social" onclick="__wm.share(event);return false;">Share via My Web Archive</a> <a href="https://archive.org/account/login.php" title="Sign In">Sign In</a></div></div>
</div></div>
<div id="wm-capinfo" style="border-top:1px solid #777;display:none;overflow:hidden"><div id="wm-capinfo-notice">Collection: Vietnam government websites. Web crawl data from the Vietnam Government Web Archive project, about {(int(stamp[8:10]) % 5) + 3} million pages captured from .gov.vn domains.</div></div></div></div>
<div id="wm-ipp-print">The Wayback Machine - https://web.archive.org/web/{stamp}/{orig_url}</div>
<script type="text/javascript">//<![CDATA[
__wm.bt(675,27,25,2,"web","{orig_url}","{stamp}",1996,"/_static/",["/_static/css/banner-styles.css?v=S1zqJCYt"],false);
//]]></script>
<!-- END WAYBACK TOOLBAR INSERT -->
<div id="banner"><a href="{w('/vi/')}"><img src="{w('/tayho-theme/images/banner.png', 'im_')}" alt="{e(self.site)}" /></a></div>
<div id="navigation"><ul><li><a href="{w('/vi/')}">Trang chủ</a></li><li><a href="{w('/vi/tin-tuc')}">Tin tức</a></li><li><a href="{w('/vi/so-do-cong')}">Sơ đồ cổng</a></li></ul></div>
<table width="100%"><tr><td valign="top" class="column-1">{main}</td>
<td width="28%" valign="top" class="column-2">
<div class="portlet"><div class="portlet-topper"><span>Tin nổi bật</span></div><div class="portlet-content"><ul><li><a href="{w('/vi/tin-tuc/-/view_content/4301-tay-ho-don-bang-cong-nhan')}">Tây Hồ đón Bằng công nhận quận đạt chuẩn văn minh đô thị</a></li><li><a href="{w('/vi/tin-tuc/-/view_content/4302-le-hoi-hoa-dao-nhat-tan')}">Khai mạc Lễ hội hoa đào Nhật Tân</a></li></ul></div></div>
<div class="portlet"><div class="portlet-topper"><span>Số lượng truy cập</span></div><div class="portlet-content">Đang truy cập: 19 / Tổng: 2.116.408</div></div></td></tr></table>
<div id="footer"><a href="#">Về đầu trang</a> | <a href="{w('/c/portal/login')}">Đăng nhập</a><p>Cơ quan chủ quản: UBND quận Tây Hồ. Địa chỉ: 657 Lạc Long Quân, Tây Hồ, Hà Nội - Điện thoại: 024.3753.0000</p></div>
</body></html>
<!--
     FILE ARCHIVED ON {stamp[8:10]}:30:15 Apr {int(stamp[6:8])}, {year} AND RETRIEVED FROM THE
     INTERNET ARCHIVE ON 02:14:07 Nov 03, 2026.
     JAVASCRIPT APPENDED BY WAYBACK MACHINE, COPYRIGHT INTERNET ARCHIVE.

     ALL OTHER CONTENT MAY ALSO BE PROTECTED BY COPYRIGHT (17 U.S.C.
     SECTION 108(a)(3)).
-->
<!--
playback timings (ms):
  captures_list: 0.652
  exclusion.robots: 0.031
  RedisCDXSource: 14.118
  esindex: 0.01
  load_resource: 210.553
-->"""

    def article(self, art, arts, variant):
        dt = when(art)
        stamp = self.stamp(art)
        w = lambda p, k="": self.wb(stamp, p, k)  # noqa: E731
        body = [f'<p style="text-align: justify;"><strong>{e(art["lead"])}</strong></p>']
        for i, p in enumerate(art["paragraphs"]):
            body.append(f'<p style="text-align: justify;">{e(p)}</p>')
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art, "MsoTableGrid"))
            if i < len(art.get("captions", [])):
                img = w("/documents/10182/%d/%d.jpg" % (art["n"], i), "im_")
                body.append(f'<p style="text-align: center;"><img src="{img}" width="500" /></p>'
                            f'<p style="text-align: center;"><em>{e(art["captions"][i])}</em></p>')
        if art.get("author"):
            body.append(f'<p style="text-align: right;"><strong>{e(art["author"])}</strong></p>')
        if art.get("source_line"):
            body.append(f'<p style="text-align: right;"><em>{e(art["source_line"])}</em></p>')
        files = "".join('<li><a href="%s">%s</a></li>' % (w("/documents/10182/%d/%s" % (art["n"], f)), e(t))
                        for f, t in art.get("attachments", []))
        hour = dt.hour % 12 or 12
        date = f"Ngày đăng {dmy(dt)} | {hour}:{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'} | Lượt xem: {art['n'] * 53 + 210}"
        others = "".join(f'<li><a href="{w(self.orig_url(a)[len(self.orig):])}">{e(a["title"])}</a> ({dmy(when(a))})</li>' for a in related(arts, art, 5))
        main = f"""<div class="portlet-boundary portlet-boundary_newsdetail_WAR_tayhoportlet_">
<div class="news-title" style="font-size:16px;font-weight:bold;color:#005">{e(art["title"])}</div>
<div class="news-date">{e(date)}</div>
<div class="news-content">{"".join(body)}</div>
{f'<div class="attach"><b>Tài liệu đính kèm</b><ul>{files}</ul></div>' if files else ''}
<div class="news-tools"><a href="{w(self.orig_url(art)[len(self.orig):].replace('view_content/', 'view_content/pop_up/'))}">In bài viết</a> | <a href="mailto:?subject=tin">Gửi mail</a></div>
<div class="news-other"><div class="news-other-title">Các tin khác</div><ul>{others}</ul></div></div>"""
        return self.page(f"{art['title']} - {art['category']} - {self.site}", main, stamp, self.orig_url(art)), art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        stamp = "20180411083015"
        w = lambda p: self.wb(stamp, p)  # noqa: E731
        items = "".join(f'<div class="news-item"><a class="title" href="{w(self.orig_url(a)[len(self.orig):])}">{e(a["title"])}</a> <span class="date">({dmy(when(a))})</span><p>{e(a["lead"])}</p></div>' for a in arts[5:12])
        main = f'<div class="portlet-boundary"><div class="news-category">Tin tức - Sự kiện</div>{items}<div class="paging">← Đầu tiên | Trước | 1 2 3 | Tiếp | Cuối cùng →</div></div>'
        orig = f"{self.orig}/vi/tin-tuc-su-kien"
        return f"https://web.archive.org/web/{stamp}/{orig}", self.page(f"Tin tức - Sự kiện - {self.site}", main, stamp, orig)


# --- template 20: a WordPress commune site whose theme shows no date (only the permalink
# /yyyy/mm/dd/ carries it), a long data table and an embedded PDF viewer ----------------------------

HAMLETS = ["Ấp 1", "Ấp 2", "Ấp 3", "Ấp 4", "Ấp 5", "Ấp Bình Lợi", "Ấp Bình Thạnh", "Ấp Tân Lập", "Ấp Tân Hòa",
           "Ấp Phú Mỹ", "Ấp Phú Thạnh", "Ấp Long Đức", "Ấp Long Hòa", "Ấp An Bình", "Ấp An Phước"]


def hamlet_rows(n):
    rows = [["STT", "Ấp", "Số hộ", "Số hộ tham gia", "Tỷ lệ (%)"]]
    for i, name in enumerate(HAMLETS):
        total = 180 + (i * 37 + n * 11) % 260
        done = total - (i * 7 + n) % 40
        rows.append([str(i + 1), name, str(total), str(done), f"{done * 100 / total:.1f}".replace(".", ",")])
    total = sum(int(r[2]) for r in rows[1:])
    done = sum(int(r[3]) for r in rows[1:])
    rows.append(["", "Tổng cộng", str(total), str(done), f"{done * 100 / total:.1f}".replace(".", ",")])
    return rows


class WpDatedUrl:
    key = "wp_dated_url_2020"
    site = "Xã Tân Phú - huyện Định Quán"
    host = "https://tanphu.dinhquan.dongnai.gov.vn"

    def url(self, art):
        dt = when(art)
        return f"{self.host}/{dt:%Y/%m/%d}/{slug(art['title'])[:70]}/"

    def page(self, title, main, body_class):
        return f"""<!doctype html>
<html lang="vi"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)}</title><link rel="stylesheet" id="pdfemb-css" href="{self.host}/wp-content/plugins/pdf-embedder/css/pdfemb-embed-pdf.css?ver=4.6" media="all">
<link rel="stylesheet" href="{self.host}/wp-content/themes/xa-theme/style.css?ver=1.2" media="all"><meta name="generator" content="WordPress 5.4.2"></head>
<body class="{body_class}"><div id="page" class="site"><header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="{self.host}/" rel="home">{e(self.site)}</a></p><p class="site-description">Trang thông tin điện tử</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="{self.host}/">Trang chủ</a></li><li><a href="{self.host}/category/tin-tuc/">Tin tức</a></li><li><a href="{self.host}/category/thong-bao/">Thông báo</a></li><li><a href="{self.host}/lien-he/">Liên hệ</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">{main}</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_search"><form role="search" method="get" action="{self.host}/"><input type="search" name="s" placeholder="Tìm kiếm &hellip;"><input type="submit" value="Tìm kiếm"></form></section>
<section class="widget widget_text"><h2 class="widget-title">Đường dây nóng</h2><div class="textwidget"><p>Chủ tịch UBND xã: 0251.3852.000</p><p>Công an xã: 0251.3852.113</p></div></section>
<section class="widget widget_categories"><h2 class="widget-title">Chuyên mục</h2><ul><li><a href="{self.host}/category/tin-tuc/">Tin tức</a> (214)</li><li><a href="{self.host}/category/thong-bao/">Thông báo</a> (87)</li><li><a href="{self.host}/category/nong-thon-moi/">Nông thôn mới</a> (45)</li></ul></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">UBND xã Tân Phú, huyện Định Quán, tỉnh Đồng Nai. Điện thoại: 0251.3852.111 &middot; Proudly powered by WordPress</div></footer></div></body></html>"""

    def article(self, art, arts, variant):
        rows = hamlet_rows(art["n"])
        paras, gold = [], []
        for i, p in enumerate(art["paragraphs"]):
            paras.append(f"<p>{e(p)}</p>")
            gold.append(p)
            if art.get("table") and art["table"]["after"] == i:
                paras.append(table_html(art))
                gold.extend(" | ".join(r) for r in art["table"]["rows"])
            if i < len(art.get("captions", [])):
                paras.append(f'<figure class="wp-block-image size-large"><img src="{self.host}/wp-content/uploads/{art["key"]}-{i}.jpg" alt=""><figcaption>{e(art["captions"][i])}</figcaption></figure>')
            if i == 0:
                intro = "Kết quả cụ thể tại các ấp như sau:"
                paras.append(f"<p>{intro}</p>")
                gold.append(intro)
                paras.append('<figure class="wp-block-table"><table><tbody>' + "".join(
                    "<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows) + "</tbody></table></figure>")
                gold.extend(" | ".join(c for c in r) for r in rows)
        if art.get("author"):
            paras.append(f'<p class="has-text-align-right"><strong>{e(art["author"])}</strong></p>')
        if art.get("source_line"):
            paras.append(f'<p class="has-text-align-right"><em>{e(art["source_line"])}</em></p>')
        pdf = f"ke-hoach-{art['n'] + 100}-kh-ubnd.pdf"
        pdf_text = f"Kế hoạch số {art['n'] + 100}/KH-UBND"
        attachments = [(f, t) for f, t in art.get("attachments", [])] + [(pdf, pdf_text)]
        for f, t in art.get("attachments", []):
            paras.append(f'<p><a href="{self.host}/wp-content/uploads/{f}">{e(t)}</a></p>')
        viewer = (f'<div class="pdfemb-viewer" data-pdf-url="{self.host}/wp-content/uploads/{pdf}" style="width:100%;height:900px" data-toolbar="both" data-toolbar-fixed="off">'
                  f'<iframe src="{self.host}/wp-content/plugins/pdf-embedder/js/pdfjs/web/viewer.html?file={self.host}/wp-content/uploads/{pdf}" width="100%" height="900"></iframe>'
                  '<div class="pdfemb-toolbar"><button class="pdfemb-prev" title="Trang trước">&lt;</button> Trang <span class="pdfemb-page">1</span> / <span class="pdfemb-numpages">4</span>'
                  ' <button class="pdfemb-next" title="Trang sau">&gt;</button> <button class="pdfemb-zoomout">−</button> <button class="pdfemb-zoomin">+</button> <span class="pdfemb-zoom">100%</span> <button class="pdfemb-fullscreen">Toàn màn hình</button></div></div>'
                  f'<p class="pdfemb-download"><a href="{self.host}/wp-content/uploads/{pdf}">{e(pdf_text)}</a></p>')
        paras.append(viewer)
        nav = related(arts, art, 2)
        main = f"""<article id="post-{art['n'] + 900}" class="post-{art['n'] + 900} post type-post status-publish format-standard hentry category-tin-tuc">
<header class="entry-header"><h1 class="entry-title">{e(art["title"])}</h1>
<div class="entry-meta"><span class="cat-links">Chuyên mục: <a href="{self.host}/category/{slug(art['category'])}/" rel="category tag">{e(art["category"])}</a></span></div></header>
<div class="entry-content"><p><strong>{e(art["lead"])}</strong></p>{"".join(paras)}</div>
<footer class="entry-footer"><span class="tags-links">Thẻ: <a href="{self.host}/tag/tan-phu/" rel="tag">Tân Phú</a></span></footer></article>
<nav class="navigation post-navigation"><h2 class="screen-reader-text">Điều hướng bài viết</h2><div class="nav-links"><div class="nav-previous"><a href="{self.url(nav[0])}" rel="prev">{e(nav[0]["title"])}</a></div><div class="nav-next"><a href="{self.url(nav[1])}" rel="next">{e(nav[1]["title"])}</a></div></div></nav>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Trả lời</h3><form action="{self.host}/wp-comments-post.php" method="post" id="commentform" class="comment-form"><p class="comment-notes">Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *</p><p class="comment-form-comment"><label for="comment">Bình luận</label><textarea id="comment" name="comment"></textarea></p><p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Phản hồi"></p></form></div></div>"""
        page = self.page(f"{art['title']} – {self.site}", main, f"post-template-default single single-post postid-{art['n'] + 900}")
        return page, art["published"][:10], None, {"body": "\n\n".join(gold), "attachments": [t for _, t in attachments]}

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        items = "".join(f'<article class="post type-post hentry"><header class="entry-header"><h2 class="entry-title"><a href="{self.url(a)}" rel="bookmark">{e(a["title"])}</a></h2></header>'
                        f'<div class="entry-summary"><p>{e(a["lead"])} {e(a["paragraphs"][0])} […]</p></div>'
                        f'<footer class="entry-footer"><a href="{self.url(a)}" class="more-link">Đọc tiếp</a></footer></article>' for a in arts[12:22])
        main = f'<header class="page-header"><h1 class="page-title">Chuyên mục: <span>Tin tức</span></h1></header>{items}<nav class="navigation pagination"><div class="nav-links"><span class="page-numbers current">1</span><a class="page-numbers" href="{self.host}/category/tin-tuc/page/2/">2</a><a class="next page-numbers" href="{self.host}/category/tin-tuc/page/2/">Sau</a></div></nav>'
        return f"{self.host}/category/tin-tuc/", self.page(f"Tin tức – {self.site}", main, "archive category category-tin-tuc")


# --- template 21: an old vendor site serving windows-1258 bytes while declaring another charset
# (utf-8 on some pages, iso-8859-1 on others, nothing on the rest) ---------------------------------

class Cp1258Misdeclared:
    key = "cp1258_misdeclared"
    site = "Website UBND huyện Thanh Oai"
    host = "http://thanhoai.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/tintuc/chitiet.asp?id={art['n'] + 830}&cat=2"

    def declared(self, variant):
        return ['<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
                '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
                ""][variant % 3]

    def page(self, title, center, variant):
        return f"""<html><head>{self.declared(variant)}
<title>{e(title)}</title><link rel="stylesheet" href="/css/style.css"></head>
<body topmargin="0"><div class="khung"><div class="banner"><img src="/images/banner_thanhoai.jpg" width="1000" height="160"></div>
<div class="menu"><a href="/">TRANG CHỦ</a> <a href="/gioithieu.asp">GIỚI THIỆU</a> <a href="/tintuc/">TIN TỨC</a> <a href="/vanban/">VĂN BẢN</a></div>
<div class="trai"><div class="tieude_khoi">Lịch công tác</div><div class="noidung_khoi"><a href="/lichcongtac.asp">Lịch công tác tuần của Thường trực HĐND, UBND huyện</a></div>
<div class="tieude_khoi">Thăm dò ý kiến</div><div class="noidung_khoi">Bạn biết đến website qua kênh nào?<br><input type="radio" name="t"> Báo chí<br><input type="radio" name="t"> Bạn bè<br><input type="button" value="Biểu quyết"></div></div>
<div class="giua">{center}</div>
<div class="chan">Bản quyền thuộc UBND huyện Thanh Oai. Địa chỉ: thị trấn Kim Bài, huyện Thanh Oai, Hà Nội. ĐT: 04.3387.3000</div></div></body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        paras = []
        for i, p in enumerate(art["paragraphs"]):
            paras.append(f'<p align="justify">{e(p)}</p>')
            if art.get("table") and art["table"]["after"] == i:
                paras.append(table_html(art))
            if i < len(art.get("captions", [])):
                paras.append(f'<p align="center"><img src="/upload/tintuc/{art["key"]}{i}.jpg" width="450"><br><i>{e(art["captions"][i])}</i></p>')
        if art.get("author"):
            paras.append(f'<p align="right"><b>{e(art["author"])}</b></p>')
        if art.get("source_line"):
            paras.append(f'<p align="right"><i>{e(art["source_line"])}</i></p>')
        for f, t in art.get("attachments", []):
            paras.append(f'<p>File đính kèm: <a href="/upload/files/{f}">{e(t)}</a></p>')
        others = "".join(f'<div class="tinkhac">- <a href="{self.url(a)}">{e(a["title"])}</a> ({dmy(when(a))})</div>' for a in related(arts, art, 5))
        center = f"""<div class="duongdan"><a href="/">Trang chủ</a> &gt;&gt; <a href="/tintuc/">{e(art["category"])}</a></div>
<h2 class="tieude_tin">{e(art["title"])}</h2>
<div class="ngay_tin">{WEEKDAYS[dt.weekday()].lower().capitalize()}, {dmy(dt)}, {dt:%H:%M}</div>
<div class="tomtat_tin"><b>{e(art["lead"])}</b></div>
<div class="noidung_tin">{"".join(paras)}</div>
<div class="cactinkhac"><b>Các tin khác</b>{others}</div>"""
        return self.page(f"{art['title']}", center, variant), art["published"]

    def encode(self, page, variant):
        return encode_cp1258(page)


# --- template 22: the English copy (/en/) of a Liferay 6 district portal: English chrome, English
# text, English date formats; renders only the articles translated below ---------------------------

ENGLISH = {
    "vesinh": dict(
        title="Tân Mai ward launches a general clean-up for World Environment Day",
        category="News - Events",
        lead="On the morning of 2 June, the People's Committee of Tân Mai ward and the ward Fatherland Front launched a general clean-up that brought out more than 500 officials, association members and residents.",
        paragraphs=[
            "Speaking at the launch, the ward chairman said keeping the environment clean is an everyday task that needs every household, every residential group and every agency in the ward to take part.",
            "Right after the ceremony the volunteers split into 12 teams to collect rubbish, dredge drains and clear weeds along the alleys, in public spaces and around the ward's regulating lake.",
            "By the end of the day the teams had removed more than 15 tonnes of rubbish and construction waste. The ward also started a \"Green Sunday\" movement to be held on the first Sunday morning of every month.",
        ],
        author="Minh Châu",
        captions=["Youth union members of Tân Mai ward collect rubbish beside the regulating lake"]),
    "chuyendoiso": dict(
        title="District puts its digital citizen service counter into operation",
        category="Digital transformation",
        lead="From 10 July the district's one-stop office accepts every application online, and residents can follow each step of their file on their phones.",
        paragraphs=[
            "The new counter links the district's document system with the city's public service portal, so an application submitted in a ward is received by the district without paper copies.",
            "During the first week officers of each ward will guide elderly residents through the online forms, and a hotline is open from 7:30 to 17:00 on working days.",
            "The district expects at least 80 percent of applications in the land, construction and civil status fields to be filed online by the end of the year.",
        ],
        author="Hoàng Nam"),
    "hoichojob": dict(
        title="Job fair offers more than 1,200 positions to district workers",
        category="Economy",
        lead="More than 40 companies took part in the job fair held on 15 March at the district's cultural centre, offering more than 1,200 jobs to local workers.",
        paragraphs=[
            "Most vacancies were in garment making, electronics assembly, logistics and retail, and many employers also recruited workers with no previous experience and trained them on the job.",
            "Job seekers received free advice on labour contracts, social insurance and vocational courses, and 310 of them were invited to a second interview on the same day.",
        ],
        author="Quốc Khánh",
        source_line="(Source: Employment Service Centre)"),
    "ngap": dict(
        title="District checks drainage works ahead of the rainy season",
        category="Urban affairs",
        lead="A district working group inspected the drainage system at the places that flooded most often last year and asked contractors to finish dredging before the end of May.",
        paragraphs=[
            "The group visited six locations, including the Kim Giang crossroads and the alleys along the Tô Lịch river, where water stayed above 30 centimetres after heavy rain in 2019.",
            "The drainage company reported that 14 kilometres of sewers and 420 manholes have been dredged so far; two mobile pumping stations will stand by at the lowest points during storms.",
            "The district asked the wards to remove encroachments on drain covers and to tell residents not to throw rubbish into the sewers.",
        ],
        author="Lê Trung"),
}
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class EnglishCopy:
    key = "english_copy"
    site = "Hoang Mai District Portal"
    host = "http://hoangmai.hanoi.gov.vn"

    def pick(self, arts):
        return [dict(a, **ENGLISH[a["key"]], table=None) for a in arts if a["key"] in ENGLISH]

    def url(self, art):
        return f"{self.host}/en/{slug(art['category'])}/-/view_content/{art['n'] + 6600}-{slug(art['title'])}"

    def page(self, title, main):
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html dir="ltr" lang="en-US"><head><title>{e(title)}</title><meta content="text/html; charset=UTF-8" http-equiv="content-type" /></head>
<body class="blue controls-visible signed-out public-page">
<div id="banner"><img src="/hoangmai-theme/images/banner_en.png" alt="Cổng giao tiếp điện tử quận Hoàng Mai - {e(self.site)}" /><div class="lang"><a href="/vi/">Tiếng Việt</a> | <a href="/en/">English</a></div></div>
<div id="navigation"><ul><li><a href="/en/">Home</a></li><li><a href="/en/about">About Hoang Mai</a></li><li><a href="/en/news-events">News</a></li><li><a href="/en/investment">Investment</a></li><li><a href="/en/sitemap">Sitemap</a></li></ul></div>
<table width="100%"><tr><td valign="top" class="column-1">{main}</td>
<td width="28%" valign="top" class="column-2"><div class="portlet"><div class="portlet-topper"><span>Weather</span></div><div class="portlet-content">Hanoi 29°C · Hue 31°C · Ho Chi Minh City 33°C</div></div>
<div class="portlet"><div class="portlet-topper"><span>Visitors</span></div><div class="portlet-content">Online: 14 / Total: 3.120.554</div></div></td></tr></table>
<div id="footer"><a href="#">Back to top</a> | <a href="/c/portal/login">Sign in</a><p>Ủy ban nhân dân quận Hoàng Mai (Hoang Mai District People's Committee). Address: 8 Ngọc Hồi street, Hoàng Liệt ward, Hoàng Mai district, Hà Nội. Tel: (84-24) 3641 0000 - Fax: (84-24) 3641 0001</p>
<p>Please cite "Hoang Mai District Portal" when republishing information from this website.</p></div></body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        if variant % 2:
            hour = dt.hour % 12 or 12
            date = f"Posted date {dmy(dt)} | {hour}:{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'} | View count: {art['n'] * 29 + 75}"
        else:
            date = f"{WEEKDAYS_EN[dt.weekday()]}, {MONTHS_EN[dt.month - 1]} {dt.day}, {dt.year} {dt:%H:%M}"
        body = []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f'<p style="text-align: justify;">{e(p)}</p>')
            if i < len(art.get("captions", [])):
                body.append(f'<p style="text-align: center;"><img src="/documents/en/{art["n"]}/{i}.jpg" width="500" /><br /><em>{e(art["captions"][i])}</em></p>')
        if art.get("author"):
            body.append(f'<p style="text-align: right;"><strong>{e(art["author"])}</strong></p>')
        if art.get("source_line"):
            body.append(f'<p style="text-align: right;"><em>{e(art["source_line"])}</em></p>')
        mine = self.pick(arts)
        others = "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a> ({dmy(when(a))})</li>' for a in mine if a["key"] != art["key"])
        main = f"""<div class="portlet-boundary portlet-boundary_newsdetail_WAR_hoangmaiportlet_">
<div class="breadcrumb"><a href="/en/">Home</a> &gt; <a href="/en/{slug(art['category'])}">{e(art["category"])}</a></div>
<div class="news-title" style="font-size:16px;font-weight:bold;color:#a00">{e(art["title"])}</div>
<div class="news-date">{e(date)}</div>
<div class="news-lead"><strong>{e(art["lead"])}</strong></div>
<div class="news-content">{"".join(body)}</div>
<div class="news-tools"><a href="{self.url(art).replace('view_content/', 'view_content/pop_up/')}">Print</a> | <a href="mailto:?subject=news">Email</a></div>
<div class="news-other"><div class="news-other-title">Other news</div><ul>{others}</ul></div></div>"""
        return self.page(f"{art['title']} - {art['category']} - {self.site}", main), art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")


BLIND4_TEMPLATES = [CommuneNested(), DnnBr(), WaybackLiferay(), WpDatedUrl(), Cp1258Misdeclared(), EnglishCopy()]


# --- blind set 5 (written November 2026 after set 4 was fixed, scored once before any fix) --------
# template 23: a React/Next.js ward portal: hashed class names, no heading tags (role="heading"),
# "T5, 15/03/2018 | 8h45", captions as plain divs under the image, the article JSON in
# __NEXT_DATA__, "Tin liên quan" cards with summaries after the body, a tag page of ten cards -----

class NextJsWard:
    key = "nextjs_ward_2024"
    site = "Phường Bến Nghé"
    host = "https://bennghe.hochiminhcity.gov.vn"

    def url(self, art):
        return f"{self.host}/tin-tuc/{slug(art['title'])[:60]}-{art['n'] + 7000}"

    def page(self, title, main, data, description=""):
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width"/>
<title>{e(title)}</title>{f'<meta name="description" content="{e(description)}"/>' if description else ''}
<link rel="preload" href="/_next/static/css/8a1c2e.css" as="style"/><link rel="stylesheet" href="/_next/static/css/8a1c2e.css"/></head>
<body><div id="__next"><div class="css-k008qs"><div class="css-1dbjc4n r-14lw9ot"><div class="css-1dbjc4n r-18u37iz">
<a href="/" class="css-4rbku5"><img src="/_next/image?url=%2Flogo.png&amp;w=256&amp;q=75" alt="logo"/></a><div class="css-901oao r-jwli3a">ỦY BAN NHÂN DÂN PHƯỜNG BẾN NGHÉ</div></div>
<div class="css-1dbjc4n r-1awozwy"><a href="/" class="css-4rbku5">Trang chủ</a><a href="/tin-tuc" class="css-4rbku5">Tin tức</a><a href="/thu-tuc" class="css-4rbku5">Thủ tục</a><a href="/lien-he" class="css-4rbku5">Liên hệ</a></div></div>
<div class="css-1dbjc4n r-1pi2tsx">{main}</div>
<div class="css-1dbjc4n r-1ydqjzz"><div class="css-901oao">UBND Phường Bến Nghé - 29 Hồ Tùng Mậu. Điện thoại: (028) 3829 0000</div><div class="css-901oao">© 2024 Bản quyền thuộc UBND Phường Bến Nghé</div></div>
</div></div>
<script id="__NEXT_DATA__" type="application/json">{data}</script>
<script src="/_next/static/chunks/main-3f2e.js" async=""></script></body></html>"""

    def article(self, art, arts, variant):
        dt = when(art)
        short = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"][dt.weekday()]
        body = []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f'<div class="css-901oao r-1qd0xha r-a023e6">{e(p)}</div>')
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art))
            if i < len(art.get("captions", [])):
                body.append(f'<div class="css-1dbjc4n r-1mlwlqe"><img src="/_next/image?url=%2Fuploads%2F{art["key"]}{i}.jpg&amp;w=828&amp;q=75" alt="" loading="lazy"/></div>'
                            f'<div class="css-901oao r-1b43r93">{e(art["captions"][i])}</div>')
        if art.get("author"):
            body.append(f'<div class="css-901oao r-q4m81j r-b88u0q">{e(art["author"])}</div>')
        if art.get("source_line"):
            body.append(f'<div class="css-901oao r-q4m81j">{e(art["source_line"])}</div>')
        for f, t in art.get("attachments", []):
            body.append(f'<div class="css-1dbjc4n"><a href="/uploads/files/{f}" class="css-4rbku5">{e(t)}</a></div>')
        cards = "".join(f'<div class="css-1dbjc4n r-1loqt21"><a href="{self.url(a)}" class="css-4rbku5"><img src="/t/{a["n"]}.jpg" alt=""/><div class="css-901oao r-b88u0q">{e(a["title"])}</a></div>'
                        f'<div class="css-901oao r-1b43r93">{e(a["lead"])}</div></div>' for a in related(arts, art, 3))
        main = f"""<div class="css-1dbjc4n r-13awgt0"><div class="css-1dbjc4n r-1h0z5md"><a href="/tin-tuc/{slug(art['category'])}" class="css-4rbku5">{e(art["category"])}</a></div>
<div class="css-901oao r-1i10wst r-b88u0q" role="heading" aria-level="1">{e(art["title"])}</div>
<div class="css-1dbjc4n r-18u37iz"><div class="css-901oao r-1b43r93">{short}, {dmy(dt)} | {dt.hour}h{dt.minute:02d}</div>
<div class="css-1dbjc4n r-1awozwy"><div class="css-901oao">Chia sẻ</div><a href="https://www.facebook.com/sharer/sharer.php?u={self.url(art)}" class="css-4rbku5">Facebook</a><a href="https://zalo.me/share?u={self.url(art)}" class="css-4rbku5">Zalo</a><div class="css-901oao">Sao chép liên kết</div></div></div>
<div class="css-901oao r-1enofrn r-b88u0q">{e(art["lead"])}</div>
<div class="css-1dbjc4n r-1ifxtd0">{"".join(body)}</div>
<div class="css-1dbjc4n r-1w50u8q"><div class="css-901oao r-b88u0q">Tin liên quan</div>{cards}</div></div>"""
        data = json.dumps({"props": {"pageProps": {"article": {"id": art["n"] + 7000, "title": art["title"], "sapo": art["lead"],
                          "content": "".join(f"<p>{e(p)}</p>" for p in art["paragraphs"]), "publishedAt": f"{dt:%Y-%m-%dT%H:%M}:00.000Z"}}},
                           "page": "/tin-tuc/[slug]", "buildId": "x7Fq2"})
        return self.page(f"{art['title']} | {self.site}", main, data), art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")

    def listing(self, arts):
        cards = "".join(f'<div class="css-1dbjc4n r-1loqt21"><a href="{self.url(a)}" class="css-4rbku5"><img src="/t/{a["n"]}.jpg" alt=""/><div class="css-901oao r-b88u0q">{e(a["title"])}</div></a>'
                        f'<div class="css-901oao r-1b43r93">{dmy(when(a))}</div><div class="css-901oao">{e(a["lead"])}</div></div>' for a in arts[1:11])
        main = f'<div class="css-1dbjc4n"><div class="css-901oao r-1i10wst" role="heading" aria-level="1">Chuyển đổi số</div>{cards}<div class="css-1dbjc4n"><a href="?page=2" class="css-4rbku5">Xem thêm</a></div></div>'
        return f"{self.host}/tag/chuyen-doi-so", self.page(f"Chuyển đổi số | {self.site}", main, "{}")


# --- template 24: a classic-ASP district site with text pasted from Word (MsoNormal paragraphs,
# <o:p>, empty paragraphs, conditional comments, a <style> block in the body), <title> holding only
# the site name, "Ngày 15 tháng 3 năm 2018 - 08 giờ 45", and a print view whose address does not say
# so (it prints itself on load) --------------------------------------------------------------------

class WordPasteAsp:
    key = "word_paste_asp_2012"
    site = "UBND HUYỆN THANH TRÌ"
    host = "http://thanhtri.hanoi.gov.vn"

    def url(self, art, printing=False):
        return f"{self.host}/TinTuc/{'InTin' if printing else 'ChiTiet'}.asp?ID={art['n'] + 2450}&MaCM=3"

    def paras(self, art):
        span = "<span lang=VI style='font-size:14.0pt;line-height:150%;font-family:\"Times New Roman\",\"serif\"'>"
        out = ['<style><!-- /* Style Definitions */ p.MsoNormal, li.MsoNormal {mso-style-parent:""; margin:0in; font-size:12.0pt;} --></style>',
               "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->",
               f"<p class=MsoNormal style='text-align:justify;text-indent:.5in'><b><i>{span}{e(art['lead'])}<o:p></o:p></span></i></b></p>"]
        for i, p in enumerate(art["paragraphs"]):
            words = e(p).split(" ")
            half = len(words) // 2
            out.append(f"<p class=MsoNormal style='text-align:justify;text-indent:.5in'>{span}{' '.join(words[:half])} </span>"
                       f"{span}{' '.join(words[half:])}<o:p></o:p></span></p>")
            out.append("<p class=MsoNormal><o:p>&nbsp;</o:p></p>")
            if art.get("table") and art["table"]["after"] == i:
                out.append("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>" + "".join(
                    "<tr>" + "".join(f"<td width=200 valign=top><p class=MsoNormal>{span}{e(c)}<o:p></o:p></span></p></td>" for c in r) + "</tr>"
                    for r in art["table"]["rows"]) + "</table>")
            if i < len(art.get("captions", [])):
                out.append(f"<p class=MsoNormal align=center style='text-align:center'><img width=480 src=\"/Upload/Images/{art['key']}{i}.jpg\"></p>"
                           f"<p class=MsoNormal align=center style='text-align:center'><i>{span}{e(art['captions'][i])}<o:p></o:p></span></i></p>")
        if art.get("author"):
            out.append(f"<p class=MsoNormal align=right style='text-align:right'><b>{span}{e(art['author'])}<o:p></o:p></span></b></p>")
        if art.get("source_line"):
            out.append(f"<p class=MsoNormal align=right style='text-align:right'><i>{span}{e(art['source_line'])}<o:p></o:p></span></i></p>")
        for f, t in art.get("attachments", []):
            out.append(f'<p>Tải văn bản: <a href="/Upload/Files/{f}">{e(t)}</a></p>')
        return "".join(out)

    def date_text(self, dt):
        return f"Ngày {dt.day} tháng {dt.month} năm {dt.year} - {dt:%H} giờ {dt:%M}"

    def article(self, art, arts, variant, printing=False):
        dt = when(art)
        if printing:
            page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{e(self.site)}</title></head>
<body onload="window.print()"><table width="640" align="center"><tr><td><img src="/images/logo_in.gif"></td></tr>
<tr><td class="title_news">{e(art["title"])}</td></tr><tr><td class="date_news">{self.date_text(dt)}</td></tr>
<tr><td>{self.paras(art)}</td></tr><tr><td align="center"><a href="javascript:window.close()">Đóng cửa sổ</a></td></tr></table></body></html>"""
            return page, art["published"]
        others = "".join(f'<tr><td><img src="/images/arrow.gif"> <a href="{self.url(a)}" class="link_tinkhac">{e(a["title"])}</a> <span class="ngay">[{dmy(when(a))}]</span></td></tr>' for a in related(arts, art, 6))
        page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{e(self.site)}</title>
<link href="/css/style.css" rel="stylesheet" type="text/css"></head>
<body leftmargin="0" topmargin="0"><table width="1000" align="center" cellpadding="0" cellspacing="0">
<tr><td colspan="2"><img src="/images/banner.jpg" width="1000" height="180"></td></tr>
<tr><td colspan="2" class="menu"><a href="/">Trang chủ</a> | <a href="/GioiThieu.asp">Giới thiệu</a> | <a href="/TinTuc/">Tin tức</a> | <a href="/VanBan/">Văn bản</a> | <a href="/HoiDap/">Hỏi đáp</a></td></tr>
<tr><td width="220" valign="top" class="cot_trai"><div class="tieude_box">CHUYÊN MỤC</div><a href="/TinTuc/?MaCM=1">Tin hoạt động</a><br><a href="/TinTuc/?MaCM=2">Kinh tế - Xã hội</a><br><a href="/TinTuc/?MaCM=3">{e(art["category"])}</a>
<div class="tieude_box">LIÊN KẾT</div><select><option>Cổng giao tiếp điện tử Hà Nội</option></select></td>
<td valign="top" class="cot_giua"><table width="100%" cellpadding="5">
<tr><td class="title_news">{e(art["title"])}</td></tr>
<tr><td class="date_news">{self.date_text(dt)}</td></tr>
<tr><td class="content_news">{self.paras(art)}</td></tr>
<tr><td align="right"><a href="{self.url(art, True)}" target="_blank"><img src="/images/print.gif"> In trang</a> <a href="javascript:history.back()">Quay lại</a></td></tr>
<tr><td class="tieude_box">CÁC TIN KHÁC</td></tr>{others}</table></td></tr>
<tr><td colspan="2" class="footer" align="center">Bản quyền thuộc UBND huyện Thanh Trì<br>Địa chỉ: Số 375 đường Ngọc Hồi, thị trấn Văn Điển, huyện Thanh Trì, Hà Nội. Điện thoại: 04.3861.2345</td></tr>
</table></body></html>"""
        return page, art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")


# --- template 25: a Bootstrap 3 ward site: <title> the site name only, "Thứ 5 ngày 15/03/2018"
# (no time, weekday as a digit), and, in the same column right after the article, a long
# "about the ward" text box ------------------------------------------------------------------------

WARD_ABOUT = [
    "Phường Phúc Xá nằm ở phía bắc quận Ba Đình, phía đông giáp sông Hồng, phía tây giáp phường Quán Thánh và phường Trúc Bạch, phía nam giáp phường Nguyễn Trung Trực. Phường có diện tích tự nhiên khoảng 96 héc-ta, được chia thành 20 tổ dân phố.",
    "Trải qua nhiều giai đoạn phát triển, Đảng bộ và nhân dân phường luôn đoàn kết, phát huy truyền thống cách mạng, hoàn thành tốt các chỉ tiêu kinh tế, văn hóa, xã hội; công tác quốc phòng, an ninh được giữ vững, đời sống vật chất và tinh thần của nhân dân không ngừng được nâng lên.",
]


class WardAbout:
    key = "ward_about_2015"
    site = "Cổng thông tin điện tử phường Phúc Xá"
    host = "http://phucxa.badinh.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/tin-tuc/chi-tiet/{art['n'] + 150}/{slug(art['title'])[:60]}.html"

    def article(self, art, arts, variant):
        dt = when(art)
        body = [f"<p><strong>{e(art['lead'])}</strong></p>"]
        for i, p in enumerate(art["paragraphs"]):
            body.append(f"<p>{e(p)}</p>")
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art, "table table-bordered"))
            if i < len(art.get("captions", [])):
                body.append(f'<p style="text-align:center"><img class="img-responsive" src="/uploads/news/{art["key"]}{i}.jpg"></p><p style="text-align:center"><em>{e(art["captions"][i])}</em></p>')
        if art.get("author"):
            body.append(f'<p style="text-align:right"><strong>{e(art["author"])}</strong></p>')
        if art.get("source_line"):
            body.append(f'<p style="text-align:right"><em>{e(art["source_line"])}</em></p>')
        for f, t in art.get("attachments", []):
            body.append(f'<p><i class="fa fa-file-pdf-o"></i> <a href="/uploads/files/{f}">{e(t)}</a></p>')
        weekday = "Chủ nhật" if dt.weekday() == 6 else f"Thứ {dt.weekday() + 2}"
        others = "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a> <small>({dmy(when(a))})</small></li>' for a in related(arts, art, 5))
        newest = "".join(f'<li class="list-group-item"><a href="{self.url(a)}">{e(a["title"])}</a></li>' for a in arts[:5])
        about = "".join(f"<p>{e(p)}</p>" for p in WARD_ABOUT)
        page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{e(self.site)}</title><link href="/css/bootstrap.min.css" rel="stylesheet"><link href="/css/font-awesome.min.css" rel="stylesheet"></head>
<body><div class="container"><div class="row header"><div class="col-md-12"><img src="/images/banner-phucxa.png" class="img-responsive" alt="{e(self.site)}"></div></div>
<nav class="navbar navbar-default"><ul class="nav navbar-nav"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu.html">Giới thiệu</a></li><li><a href="/tin-tuc.html">Tin tức</a></li><li><a href="/thu-tuc-hanh-chinh.html">Thủ tục hành chính</a></li></ul></nav>
<div class="row"><div class="col-md-8">
<div class="panel panel-default"><div class="panel-body">
<h3 class="news-title">{e(art["title"])}</h3>
<p class="text-muted"><i class="fa fa-calendar"></i> {weekday} ngày {dmy(dt)}</p>
<div class="news-content">{"".join(body)}</div>
<div class="news-other"><h4>Tin khác</h4><ul>{others}</ul></div>
</div></div>
<div class="panel panel-default"><div class="panel-heading">Phường Phúc Xá - quá trình hình thành và phát triển</div><div class="panel-body">{about}<p><a href="/gioi-thieu.html">Xem tiếp</a></p></div></div>
</div>
<div class="col-md-4"><div class="panel panel-primary"><div class="panel-heading">Tin mới</div><ul class="list-group">{newest}</ul></div>
<div class="panel panel-primary"><div class="panel-heading">Lượt truy cập</div><div class="panel-body">Trực tuyến: 9<br>Tổng: 402.118</div></div></div></div>
<footer class="row footer"><div class="col-md-12"><p>UBND phường Phúc Xá - Địa chỉ: 2 Nghĩa Dũng, Ba Đình, Hà Nội - Điện thoại: 024.3829.1111</p></div></footer></div></body></html>"""
        return page, art["published"][:10]

    def encode(self, page, variant):
        return page.encode("utf-8")


BLIND5_TEMPLATES = [NextJsWard(), WordPasteAsp(), WardAbout()]


# --- blind set 6 (written November 2026 after set 5 was fixed, scored once before any fix) --------
# template 26: a notice-style page: a contact list (<ul>) closing the article text, a YouTube video
# with its caption, and readers' comments of several sentences under "Bình luận (2)" -------------

LONG_COMMENTS = [
    ("Lê Minh Tuấn", "Tôi là người dân sống ở tổ 5, rất hoan nghênh cách làm này của phường. Mong rằng các hoạt động như vậy được duy trì thường xuyên chứ không chỉ làm theo phong trào, và kết quả được công khai để người dân cùng theo dõi."),
    ("Phạm Thu Hằng", "Bài viết rất hữu ích. Tuy nhiên tôi đề nghị phường bố trí thêm thời gian tiếp nhận vào buổi tối hoặc ngày thứ Bảy, vì nhiều người đi làm cả ngày nên khó sắp xếp được thời gian trong giờ hành chính."),
]


class NoticeLists:
    key = "notice_lists_2021"
    site = "Cổng thông tin điện tử phường Nghĩa Đô"
    host = "https://nghiado.caugiay.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/tin-tuc-su-kien/{slug(art['title'])[:60]}-t{art['n'] + 880}.html"

    def article(self, art, arts, variant):
        dt = when(art)
        body, gold = [], []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f"<p>{e(p)}</p>")
            gold.append(p)
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art))
                gold.extend(" | ".join(r) for r in art["table"]["rows"])
            if i < len(art.get("captions", [])):
                body.append(f'<p><img src="/Uploads/images/{art["key"]}{i}.jpg" alt=""></p><p><em>{e(art["captions"][i])}</em></p>')
            if i == 0:
                body.append(f'<div class="video-embed"><iframe width="640" height="360" src="https://www.youtube.com/embed/v{art["n"]}x" frameborder="0" allowfullscreen></iframe>'
                            f'<p class="video-caption"><em>Video: Phóng sự của Trung tâm Văn hóa - Thông tin và Thể thao phường</em></p></div>')
        intro = "Mọi thông tin chi tiết, người dân có thể liên hệ:"
        items = [f"Bộ phận Tiếp nhận và trả kết quả UBND phường, điện thoại 024.3756.{1000 + art['n']:04d};",
                 "Văn phòng HĐND - UBND phường, số 7 ngõ 26 Hoàng Quốc Việt;",
                 "Hộp thư điện tử: vanphong.nghiado@hanoi.gov.vn."]
        body.append(f"<p>{intro}</p><ul>" + "".join(f"<li>{e(x)}</li>" for x in items) + "</ul>")
        gold.append(intro)
        gold.extend(items)
        if art.get("author"):
            body.append(f'<p style="text-align:right"><strong>{e(art["author"])}</strong></p>')
        if art.get("source_line"):
            body.append(f'<p style="text-align:right"><em>{e(art["source_line"])}</em></p>')
        for f, t in art.get("attachments", []):
            body.append(f'<p>Tệp đính kèm: <a href="/Uploads/files/{f}">{e(t)}</a></p>')
        shown = LONG_COMMENTS if variant % 2 else LONG_COMMENTS[:1]
        comments = "".join(f'<div class="comment-item"><div class="comment-head"><b>{e(n)}</b> <span class="comment-time">{dt:%H:%M} {dmy(dt)}</span></div><p class="comment-text">{e(t)}</p></div>' for n, t in shown)
        page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(art['title'])} - {e(self.site)}</title>
<meta property="og:title" content="{e(art['title'])}"></head><body>
<div class="top"><img src="/images/banner-nghiado.jpg" alt="{e(self.site)}"><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc-su-kien.html">Tin tức - Sự kiện</a></li><li><a href="/van-ban.html">Văn bản</a></li></ul></div>
<div class="main"><div class="content">
<div class="path"><a href="/">Trang chủ</a> / <a href="/{slug(art['category'])}.html">{e(art["category"])}</a></div>
<h1 class="title-detail">{e(art["title"])}</h1>
<div class="time-detail">{dt:%H:%M} - {dmy(dt)}</div>
<div class="sapo-detail"><strong>{e(art["lead"])}</strong></div>
<div class="content-detail">{"".join(body)}</div>
<div class="comment-box"><h4>Bình luận ({len(shown)})</h4>{comments}
<h4>Viết bình luận</h4><form><input placeholder="Họ và tên"><input placeholder="Email"><textarea placeholder="Nội dung bình luận"></textarea><button>Gửi</button></form></div>
<div class="other-news"><h4>Tin khác</h4><ul>{"".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a></li>' for a in related(arts, art, 5))}</ul></div>
</div><div class="right"><div class="box"><h4>Lịch tiếp công dân</h4><p>Sáng thứ Ba và thứ Năm hằng tuần tại trụ sở UBND phường.</p></div></div></div>
<div class="footer">UBND phường Nghĩa Đô - Số 7 ngõ 26 Hoàng Quốc Việt, Cầu Giấy, Hà Nội. Điện thoại: 024.3756.0000</div></body></html>"""
        return page, art["published"], None, {"body": "\n\n".join(gold)}

    def encode(self, page, variant):
        return page.encode("utf-8")


# --- template 27: a responsive 2016 portal that writes the article twice, a mobile copy first
# (hidden with display:none) and the desktop copy after it -----------------------------------------

class DualLayout:
    key = "dual_layout_2016"
    site = "Cổng thông tin điện tử quận Bắc Từ Liêm"
    host = "http://bactuliem.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/tin-tuc/{art['n'] + 5300}/{slug(art['title'])[:60]}"

    def copy(self, art, dt, mobile):
        body = []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f"<p>{e(p)}</p>")
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art, "tbl"))
            if i < len(art.get("captions", [])):
                body.append(f'<div class="pic"><img src="/upload/{"m" if mobile else "d"}/{art["key"]}{i}.jpg"><p class="pic-note"><i>{e(art["captions"][i])}</i></p></div>')
        if art.get("author"):
            body.append(f'<p style="text-align:right"><b>{e(art["author"])}</b></p>')
        if art.get("source_line"):
            body.append(f'<p style="text-align:right"><i>{e(art["source_line"])}</i></p>')
        for f, t in art.get("attachments", []):
            body.append(f'<p><a href="/upload/files/{f}">{e(t)}</a></p>')
        h = "h2" if mobile else "h1"
        return (f'<{h} class="{"m-" if mobile else ""}title">{e(art["title"])}</{h}>'
                f'<div class="{"m-" if mobile else ""}date">Ngày {dmy(dt)} lúc {dt:%H:%M}</div>'
                f'<div class="{"m-" if mobile else ""}lead"><b>{e(art["lead"])}</b></div>'
                f'<div class="{"m-" if mobile else ""}body">{"".join(body)}</div>')

    def article(self, art, arts, variant):
        dt = when(art)
        page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(art['title'])} | {e(self.site)}</title></head><body>
<div class="header"><img src="/images/logo-btl.png" alt="{e(self.site)}"><div class="menu"><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a> <a href="/gioi-thieu">Giới thiệu</a></div></div>
<div class="mobile-view visible-xs" style="display:none">{self.copy(art, dt, True)}<div class="m-more"><a href="/tin-tuc">Xem thêm tin khác</a></div></div>
<div class="desktop-view hidden-xs"><div class="row"><div class="col-left">
<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc/{slug(art['category'])}">{e(art["category"])}</a></div>
{self.copy(art, dt, False)}
<div class="related"><h3>Các tin khác</h3><ul>{"".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a> ({dmy(when(a))})</li>' for a in related(arts, art, 5))}</ul></div>
</div><div class="col-right"><div class="box"><h3>Tin xem nhiều</h3><ul>{"".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a></li>' for a in arts[:4])}</ul></div></div></div></div>
<div class="footer">UBND quận Bắc Từ Liêm - Số 1 Đường Phú Minh, Cổ Nhuế 2, Bắc Từ Liêm, Hà Nội. ĐT: 024.3755.0000</div></body></html>"""
        return page, art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")


BLIND6_TEMPLATES = [NoticeLists(), DualLayout()]


# --- blind set 7 (written November 2026 after set 6 was fixed, scored once before any fix) --------
# template 28: an AMP copy of a newspaper-style district page: <amp-img> (not <img>), figures with
# figcaptions, <amp-social-share>, an <amp-ad>, the only visible date in the moment.js Vietnamese
# short form "15 thg 3, 2018 08:45" (the machine form only in <time datetime>) ---------------------

class AmpPage:
    key = "amp_2020"
    site = "Tin tức quận Long Biên"
    host = "https://longbien.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/amp/{slug(art['category'])}/{slug(art['title'])[:60]}-{art['n'] + 98000}.amp"

    def article(self, art, arts, variant):
        dt = when(art)
        body = []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f"<p>{e(p)}</p>")
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art))
            if i < len(art.get("captions", [])):
                body.append(f'<figure><amp-img src="/media/{art["key"]}{i}.jpg" width="800" height="533" layout="responsive" alt=""></amp-img>'
                            f'<figcaption>{e(art["captions"][i])}</figcaption></figure>')
            if i == 0:
                body.append('<amp-ad width="300" height="250" type="adsense" data-ad-client="ca-pub-0000" data-ad-slot="1"><div placeholder>Quảng cáo</div></amp-ad>')
        if art.get("author"):
            body.append(f'<p class="author"><strong>{e(art["author"])}</strong></p>')
        if art.get("source_line"):
            body.append(f"<p><em>{e(art['source_line'])}</em></p>")
        for f, t in art.get("attachments", []):
            body.append(f'<p><a href="/media/files/{f}">{e(t)}</a></p>')
        page = f"""<!doctype html><html ⚡ lang="vi"><head><meta charset="utf-8"><script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-social-share" src="https://cdn.ampproject.org/v0/amp-social-share-0.1.js"></script>
<title>{e(art['title'])}</title><link rel="canonical" href="{self.url(art).replace('/amp/', '/').replace('.amp', '.htm')}">
<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both}}</style><style amp-custom>.author{{text-align:right}}</style></head>
<body><header class="amp-header"><a href="/amp/"><amp-img src="/logo.png" width="160" height="40" alt="{e(self.site)}"></amp-img></a><a href="/amp/menu" class="menu-btn">☰</a></header>
<article class="amp-article">
<div class="amp-cat"><a href="/amp/{slug(art['category'])}">{e(art["category"])}</a></div>
<h1 class="amp-title">{e(art["title"])}</h1>
<div class="amp-meta"><time datetime="{dt:%Y-%m-%dT%H:%M}:00+07:00">{dt.day} thg {dt.month}, {dt.year} {dt:%H:%M}</time></div>
<div class="amp-share"><amp-social-share type="facebook" data-param-app_id="1234"></amp-social-share><amp-social-share type="email"></amp-social-share></div>
<p class="amp-sapo"><strong>{e(art["lead"])}</strong></p>
<div class="amp-body">{"".join(body)}</div>
</article>
<section class="amp-related"><h2>Tin liên quan</h2>{"".join(f'<a class="rel" href="{self.url(a)}"><amp-img src="/t/{a["n"]}.jpg" width="120" height="80"></amp-img><h3>{e(a["title"])}</h3></a>' for a in related(arts, art, 4))}</section>
<footer class="amp-footer"><p>Cổng thông tin điện tử quận Long Biên. Địa chỉ: số 1 Vạn Hạnh, Việt Hưng, Long Biên. Điện thoại: 024.3872.0000</p><a href="{self.url(art).replace('/amp/', '/').replace('.amp', '.htm')}">Xem phiên bản đầy đủ</a></footer>
</body></html>"""
        return page, art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")


# --- template 29: a legal Q&A section ("Hỏi đáp pháp luật"): a question from a citizen and the
# answer of a department, no lead, the answer's signature line at the end; its own texts -----------

QA = [
    dict(key="qa_hokhau", title="Thủ tục đăng ký thường trú cho con khi cha mẹ ở hai địa phương khác nhau",
         published="2021-09-14T09:20",
         question=["Bà Trần Thị Lan (phường Phúc Đồng) hỏi: Tôi có hộ khẩu thường trú tại phường Phúc Đồng, chồng tôi thường trú tại tỉnh Bắc Ninh. Con chúng tôi mới sinh thì được đăng ký thường trú ở đâu, cần những giấy tờ gì?"],
         answer=["Theo Luật Cư trú năm 2020, nơi cư trú của người chưa thành niên là nơi cư trú của cha, mẹ; nếu cha, mẹ có nơi cư trú khác nhau thì nơi cư trú của người chưa thành niên là nơi cư trú của cha hoặc mẹ mà người chưa thành niên thường xuyên chung sống.",
                 "Hồ sơ gồm tờ khai thay đổi thông tin cư trú, giấy khai sinh của cháu và giấy tờ chứng minh quan hệ nhân thân. Bà có thể nộp hồ sơ trực tiếp tại Công an phường hoặc qua Cổng dịch vụ công quốc gia."],
         signer="Công an quận Long Biên"),
    dict(key="qa_datdai", title="Cấp đổi giấy chứng nhận quyền sử dụng đất bị rách, nhòe",
         published="2022-03-02T15:40",
         question=["Ông Nguyễn Văn Hùng (phường Thạch Bàn) hỏi: Giấy chứng nhận quyền sử dụng đất của gia đình tôi được cấp năm 2005, nay đã bị rách và nhòe chữ. Tôi muốn cấp đổi thì nộp hồ sơ ở đâu và mất bao lâu?"],
         answer=["Trường hợp giấy chứng nhận bị ố, nhòe, rách, hư hỏng, người sử dụng đất được cấp đổi theo quy định tại Nghị định số 43/2014/NĐ-CP của Chính phủ.",
                 "Ông nộp hồ sơ tại Bộ phận một cửa của quận, gồm đơn đề nghị cấp đổi và bản gốc giấy chứng nhận đã cấp. Thời gian giải quyết không quá 7 ngày làm việc, không kể thời gian trích đo địa chính thửa đất nếu có."],
         signer="Phòng Tài nguyên và Môi trường quận"),
    dict(key="qa_laodong", title="Chế độ thai sản đối với lao động nữ đóng bảo hiểm chưa đủ 12 tháng",
         published="2023-06-19T10:05",
         question=["Chị Lê Thị Hoa (phường Gia Thụy) hỏi: Tôi làm công nhân may, đã đóng bảo hiểm xã hội được 7 tháng thì nghỉ sinh con. Tôi có được hưởng chế độ thai sản không?"],
         answer=["Theo Điều 31 Luật Bảo hiểm xã hội năm 2014, lao động nữ sinh con phải đóng bảo hiểm xã hội từ đủ 06 tháng trở lên trong thời gian 12 tháng trước khi sinh con thì được hưởng chế độ thai sản.",
                 "Như vậy, nếu trong 12 tháng trước khi sinh chị đã đóng đủ từ 6 tháng trở lên thì chị được hưởng trợ cấp một lần khi sinh con và tiền thai sản trong thời gian nghỉ theo quy định."],
         signer="Phòng Lao động - Thương binh và Xã hội quận"),
]


class QaPage:
    key = "qa_legal_2021"
    site = "Cổng thông tin điện tử quận Long Biên"
    host = "https://longbien.hanoi.gov.vn"

    def pick(self, arts):
        return [dict(q, n=100 + i, category="Hỏi đáp pháp luật", lead="",
                     paragraphs=q["question"] + [p for p in q["answer"]]) for i, q in enumerate(QA)]

    def url(self, art):
        return f"{self.host}/hoi-dap/{slug(art['title'])[:60]}-{art['n'] + 4000}.htm"

    def article(self, art, arts, variant):
        dt = when(art)
        others = "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a></li>' for a in self.pick(arts) if a["key"] != art["key"])
        q = "".join(f"<p>{e(p)}</p>" for p in art["question"])
        a = "".join(f"<p>{e(p)}</p>" for p in art["answer"])
        page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(art['title'])} - Hỏi đáp - {e(self.site)}</title></head>
<body><header><a href="/"><img src="/logo.png" alt="{e(self.site)}"></a><nav><a href="/">Trang chủ</a> <a href="/hoi-dap.htm">Hỏi đáp</a> <a href="/van-ban.htm">Văn bản</a></nav></header>
<div class="container"><div class="main"><ul class="bread-crumbs"><li><a href="/">Trang chủ</a></li><li><a href="/hoi-dap.htm">Hỏi đáp pháp luật</a></li></ul>
<div class="qa-detail"><h1 class="qa-title">{e(art["title"])}</h1>
<div class="qa-date">Ngày gửi: {dmy(dt)} {dt:%H:%M}</div>
<div class="qa-question"><div class="qa-label">Câu hỏi</div>{q}</div>
<div class="qa-answer"><div class="qa-label">Trả lời</div>{a}<p style="text-align:right"><strong>{e(art["signer"])}</strong></p></div></div>
<div class="qa-form"><h3>Gửi câu hỏi</h3><form><input placeholder="Họ và tên"><input placeholder="Địa chỉ"><textarea></textarea><button>Gửi câu hỏi</button></form></div>
<div class="qa-others"><h3>Câu hỏi khác</h3><ul>{others}</ul></div></div>
<aside class="side"><div class="box"><h3>Đường dây nóng</h3><p>024.3872.1111</p></div></aside></div>
<footer><p>Cổng thông tin điện tử quận Long Biên. Địa chỉ: số 1 Vạn Hạnh. Điện thoại: 024.3872.0000</p></footer></body></html>"""
        return page, art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")


BLIND7_TEMPLATES = [AmpPage(), QaPage()]


# --- blind set 8 (written November 2026 after set 7 was fixed, scored once before any fix) --------
# template 30: a report-style article: <h3> subheadings and a <blockquote> inside the body (the gold
# keeps both), a drop-cap <span> on the first letter --------------------------------------------

SUBHEADS = ("Những kết quả nổi bật", "Nhiệm vụ trong thời gian tới")
QUOTE = "Mỗi cán bộ phải coi sự hài lòng của người dân là thước đo hiệu quả công việc của mình."


class ReportSubheads:
    key = "report_subheads_2024"
    site = "Cổng thông tin điện tử phường Thượng Thanh"
    host = "https://thuongthanh.longbien.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/tin-tuc/{slug(art['title'])[:60]}-{art['n'] + 24000}.html"

    def article(self, art, arts, variant):
        dt = when(art)
        body, gold = [f'<h3>{e(SUBHEADS[0])}</h3>'], [SUBHEADS[0]]
        n = len(art["paragraphs"])
        for i, p in enumerate(art["paragraphs"]):
            text = e(p)
            if i == 0:
                text = f'<span class="dropcap">{text[0]}</span>{text[1:]}'
            body.append(f"<p>{text}</p>")
            gold.append(p)
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art))
                gold.extend(" | ".join(r) for r in art["table"]["rows"])
            if i < len(art.get("captions", [])):
                body.append(f'<figure class="image"><img src="/img/{art["key"]}{i}.jpg" alt=""><figcaption>{e(art["captions"][i])}</figcaption></figure>')
            if i == 0:
                body.append(f"<blockquote><p>{e(QUOTE)}</p></blockquote>")
                gold.append(QUOTE)
            if i == n - 2:
                body.append(f"<h3>{e(SUBHEADS[1])}</h3>")
                gold.append(SUBHEADS[1])
        if art.get("author"):
            body.append(f'<p class="text-right"><b>{e(art["author"])}</b></p>')
        if art.get("source_line"):
            body.append(f'<p class="text-right"><i>{e(art["source_line"])}</i></p>')
        for f, t in art.get("attachments", []):
            body.append(f'<p><a href="/files/{f}">{e(t)}</a></p>')
        page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(art['title'])} - {e(self.site)}</title>
<meta property="og:title" content="{e(art['title'])}"></head><body>
<header><a href="/"><img src="/logo.png" alt="{e(self.site)}"></a><nav><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a> <a href="/lien-he">Liên hệ</a></nav></header>
<main><nav class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/tin-tuc/{slug(art['category'])}">{e(art["category"])}</a></nav>
<article><h1>{e(art["title"])}</h1><p class="meta">{dt:%H:%M} {dmy(dt)}</p>
<p class="sapo"><b>{e(art["lead"])}</b></p>
<div class="entry">{"".join(body)}</div></article>
<section class="related"><h2>Tin cùng chuyên mục</h2><ul>{"".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a></li>' for a in related(arts, art, 4))}</ul></section></main>
<footer>UBND phường Thượng Thanh - Địa chỉ: số 2 Đức Giang, Long Biên, Hà Nội. Điện thoại: 024.3655.0000</footer></body></html>"""
        return page, art["published"], None, {"body": "\n\n".join(gold)}

    def encode(self, page, variant):
        return page.encode("utf-8")


# --- template 31: an "infinite scroll" news page that already holds the whole next article below the
# current one ("Bài tiếp theo"); the gold is the first article only -------------------------------

class InfiniteNext:
    key = "infinite_next_2025"
    site = "Báo điện tử phường Ba Đình"
    host = "https://badinh.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/{slug(art['category'])}/{slug(art['title'])[:60]}-{art['n'] + 250000}.html"

    def block(self, art, first):
        dt = when(art)
        body = []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f"<p>{e(p)}</p>")
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art))
            if i < len(art.get("captions", [])):
                body.append(f'<figure><img src="/img/{art["key"]}{i}.jpg" alt=""><figcaption>{e(art["captions"][i])}</figcaption></figure>')
        if art.get("author"):
            body.append(f'<p class="author">{e(art["author"])}</p>')
        if art.get("source_line"):
            body.append(f'<p class="source">{e(art["source_line"])}</p>')
        for f, t in art.get("attachments", []):
            body.append(f'<p><a href="/files/{f}">{e(t)}</a></p>')
        h = "h1" if first else "h2"
        return (f'<article class="detail" data-url="{self.url(art)}"><div class="cate"><a href="/{slug(art["category"])}">{e(art["category"])}</a></div>'
                f'<{h} class="detail-title">{e(art["title"])}</{h}><div class="detail-time">{WEEKDAYS[dt.weekday()]}, {dmy(dt)} {dt:%H:%M}</div>'
                f'<div class="detail-sapo">{e(art["lead"])}</div><div class="detail-content">{"".join(body)}</div>'
                f'<div class="detail-share">Chia sẻ: <a href="https://facebook.com/sharer">Facebook</a> <a href="https://zalo.me/share">Zalo</a></div></article>')

    def article(self, art, arts, variant):
        nxt = related(arts, art, 1)[0]
        page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(art['title'])} | {e(self.site)}</title>
<link rel="canonical" href="{self.url(art)}"></head><body>
<header class="header"><a class="logo" href="/">{e(self.site)}</a><nav><a href="/thoi-su">Thời sự</a> <a href="/xa-hoi">Xã hội</a> <a href="/kinh-te">Kinh tế</a></nav></header>
<div class="container"><div class="col-main">{self.block(art, True)}
<div class="next-article"><div class="next-label">Bài tiếp theo</div>{self.block(nxt, False)}</div></div>
<aside class="col-side"><div class="box"><h3>Đọc nhiều</h3><ol>{"".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a></li>' for a in arts[5:9])}</ol></div></aside></div>
<footer><p>Báo điện tử phường Ba Đình. Địa chỉ: 25 Liễu Giai. Điện thoại: 024.3733.0000</p></footer></body></html>"""
        return page, art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")


BLIND8_TEMPLATES = [ReportSubheads(), InfiniteNext()]


# --- blind set 9 (written November 2026 after set 8 was fixed, scored once before any fix) --------
# template 32: a commune blog on Blogger (Blogspot): the day in the date header "Thứ Năm, 15 tháng
# 3, 2018", the time only in the post footer "Đăng bởi ... lúc 08:45", <br> paragraphs, separator
# image blocks, Blogger's comment and navigation chrome ------------------------------------------

class BloggerCommune:
    key = "blogger_commune_2013"
    site = "Xã Tân Hòa - huyện Quốc Oai"
    host = "http://xatanhoa-quocoai.blogspot.com"

    def url(self, art):
        dt = when(art)
        return f"{self.host}/{dt:%Y/%m}/{slug(art['title'])[:40]}.html"

    def article(self, art, arts, variant):
        dt = when(art)
        weekday = WEEKDAYS[dt.weekday()]
        parts = [f"<b>{e(art['lead'])}</b>"]
        for i, p in enumerate(art["paragraphs"]):
            parts.append(e(p))
            if art.get("table") and art["table"]["after"] == i:
                parts.append(table_html(art))
            if i < len(art.get("captions", [])):
                parts.append(f'<div class="separator" style="clear: both; text-align: center;"><a href="https://blogger.googleusercontent.com/img/{art["key"]}{i}.jpg" style="margin-left: 1em; margin-right: 1em;">'
                             f'<img border="0" height="240" src="https://blogger.googleusercontent.com/img/s320/{art["key"]}{i}.jpg" width="320" /></a></div>'
                             f'<div style="text-align: center;"><i>{e(art["captions"][i])}</i></div>')
        if art.get("author"):
            parts.append(f'<div style="text-align: right;"><b>{e(art["author"])}</b></div>')
        if art.get("source_line"):
            parts.append(f'<div style="text-align: right;"><i>{e(art["source_line"])}</i></div>')
        for f, t in art.get("attachments", []):
            parts.append(f'<a href="https://docs.google.com/uc?id={f}">{e(t)}</a>')
        body = "<br /><br />".join(parts)
        archive = "".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a></li>' for a in related(arts, art, 5))
        page = f"""<!DOCTYPE html>
<html class="v2" dir="ltr" xmlns="http://www.w3.org/1999/xhtml" xmlns:b="http://www.google.com/2005/gml/b" xmlns:data="http://www.google.com/2005/gml/data" xmlns:expr="http://www.google.com/2005/gml/expr">
<head><meta content="text/html; charset=UTF-8" http-equiv="Content-Type" /><meta content="blogger" name="generator" />
<title>{e(self.site)}: {e(art['title'])}</title>
<link href="{self.url(art)}" rel="canonical" /><link rel="alternate" type="application/atom+xml" title="{e(self.site)} - Atom" href="{self.host}/feeds/posts/default" /></head>
<body><div class="navbar section" id="navbar"><div class="widget Navbar" id="Navbar1"><iframe src="https://www.blogger.com/navbar.g?targetBlogID=123" height="30"></iframe></div></div>
<div class="content-outer"><header><div class="header-outer"><div class="Header widget" id="Header1"><div id="header-inner"><div class="titlewrapper"><h1 class="title"><a href="{self.host}/">{e(self.site)}</a></h1></div>
<div class="descriptionwrapper"><p class="description"><span>Trang tin của Đảng ủy - HĐND - UBND xã Tân Hòa</span></p></div></div></div></div></header>
<div class="columns"><div class="main-outer"><div class="main section" id="main"><div class="widget Blog" id="Blog1"><div class="blog-posts hfeed">
<div class="date-outer"><h2 class="date-header"><span>{weekday}, {dt.day} tháng {dt.month}, {dt.year}</span></h2>
<div class="date-posts"><div class="post-outer"><div class="post hentry" itemprop="blogPost" itemscope="itemscope" itemtype="http://schema.org/BlogPosting">
<a name="{art['n'] + 7700}"></a><h3 class="post-title entry-title" itemprop="name">{e(art["title"])}</h3>
<div class="post-header"><div class="post-header-line-1"></div></div>
<div class="post-body entry-content" id="post-body-{art['n'] + 7700}" itemprop="description articleBody">{body}<div style="clear: both;"></div></div>
<div class="post-footer"><div class="post-footer-line post-footer-line-1"><span class="post-author vcard">Đăng bởi <span class="fn" itemprop="author">Xã Tân Hòa</span></span>
<span class="post-timestamp">lúc <a class="timestamp-link" href="{self.url(art)}" rel="bookmark" title="permanent link"><abbr class="published" itemprop="datePublished" title="{dt:%Y-%m-%dT%H:%M}:00+07:00">{dt:%H:%M}</abbr></a></span>
<span class="post-comment-link"></span></div>
<div class="post-footer-line post-footer-line-2"><span class="post-labels">Nhãn: <a href="{self.host}/search/label/{slug(art['category'])}" rel="tag">{e(art["category"])}</a></span></div></div></div>
<div class="comments" id="comments"><a name="comments"></a><h4>Không có nhận xét nào:</h4><div id="Blog1_comments-block-wrapper"><dl class="avatar-comment-indent" id="comments-block"></dl></div>
<p class="comment-footer"><a href="https://www.blogger.com/comment.g?blogID=123&amp;postID={art['n'] + 7700}">Đăng nhận xét</a></p></div></div></div></div></div>
<div class="blog-pager" id="blog-pager"><span id="blog-pager-newer-link"><a class="blog-pager-newer-link" href="{self.host}/">Bài đăng Mới hơn</a></span><span id="blog-pager-older-link"><a class="blog-pager-older-link" href="{self.host}/">Bài đăng Cũ hơn</a></span><a class="home-link" href="{self.host}/">Trang chủ</a></div>
<div class="post-feeds"><div class="feed-links">Đăng ký: <a class="feed-link" href="{self.host}/feeds/{art['n']}/comments/default" type="application/atom+xml">Đăng Nhận xét (Atom)</a></div></div></div></div></div>
<div class="sidebar-outer"><div class="sidebar section" id="sidebar-right-1"><div class="widget BlogArchive" id="BlogArchive1"><h2>Lưu trữ Blog</h2><div class="widget-content"><ul class="posts">{archive}</ul></div></div>
<div class="widget Profile" id="Profile1"><h2>Giới thiệu về tôi</h2><div class="widget-content"><dl class="profile-datablock"><dt class="profile-data"><a class="profile-name-link" href="https://www.blogger.com/profile/1">Xã Tân Hòa</a></dt></dl><a class="profile-link" href="https://www.blogger.com/profile/1">Xem hồ sơ hoàn chỉnh của tôi</a></div></div></div></div></div>
<footer><div class="footer-outer">Chủ đề Đơn giản. Được tạo bởi <a href="https://www.blogger.com">Blogger</a>.</div></footer></div></body></html>"""
        return page, art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")


# --- template 33: a long guidance article with a table of contents ("Mục lục" of in-page links)
# above the text and <h2> sections (kept by the gold) ------------------------------------------

SECTIONS = ("Bối cảnh", "Kết quả thực hiện", "Kiến nghị, đề xuất")


class TocGuide:
    key = "toc_guide_2023"
    site = "Cổng thông tin điện tử phường Phương Liệt"
    host = "https://phuonglietthanhxuan.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/chi-tiet/{art['n'] + 33000}/{slug(art['title'])[:60]}"

    def article(self, art, arts, variant):
        dt = when(art)
        paras = art["paragraphs"]
        groups = [paras[:1], paras[1:-1] or paras[1:], paras[-1:] if len(paras) > 2 else []]
        body, gold = [], []
        k = 0
        for sec, (title, group) in enumerate(zip(SECTIONS, groups)):
            if not group:
                continue
            body.append(f'<h2 id="muc{sec + 1}">{sec + 1}. {e(title)}</h2>')
            gold.append(f"{sec + 1}. {title}")
            for p in group:
                body.append(f"<p>{e(p)}</p>")
                gold.append(p)
                if art.get("table") and art["table"]["after"] == k:
                    body.append(table_html(art))
                    gold.extend(" | ".join(r) for r in art["table"]["rows"])
                if k < len(art.get("captions", [])):
                    body.append(f'<figure><img src="/img/{art["key"]}{k}.jpg" alt=""><figcaption>{e(art["captions"][k])}</figcaption></figure>')
                k += 1
        toc = "".join(f'<li><a href="#muc{i + 1}">{i + 1}. {e(t)}</a></li>' for i, (t, g) in enumerate(zip(SECTIONS, groups)) if g)
        if art.get("author"):
            body.append(f'<p style="text-align:right"><strong>{e(art["author"])}</strong></p>')
        if art.get("source_line"):
            body.append(f'<p style="text-align:right"><em>{e(art["source_line"])}</em></p>')
        for f, t in art.get("attachments", []):
            body.append(f'<p><a href="/files/{f}">{e(t)}</a></p>')
        page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(art['title'])}</title></head><body>
<header><img src="/banner.png" alt="{e(self.site)}"><nav><a href="/">Trang chủ</a> <a href="/tin-tuc">Tin tức</a></nav></header>
<div class="wrap"><div class="main"><div class="crumb"><a href="/">Trang chủ</a> &gt; <a href="/{slug(art['category'])}">{e(art["category"])}</a></div>
<h1>{e(art["title"])}</h1><div class="date">Đăng ngày: {dmy(dt)} - {dt:%H:%M}</div>
<div class="lead"><strong>{e(art["lead"])}</strong></div>
<div class="toc"><p class="toc-title">Mục lục</p><ol>{toc}</ol></div>
<div class="text">{"".join(body)}</div>
<div class="others"><h3>Tin khác</h3><ul>{"".join(f'<li><a href="{self.url(a)}">{e(a["title"])}</a></li>' for a in related(arts, art, 4))}</ul></div></div>
<div class="side"><h3>Liên kết</h3><ul><li><a href="https://hanoi.gov.vn">Cổng TTĐT Hà Nội</a></li></ul></div></div>
<footer>UBND phường Phương Liệt. Địa chỉ: 2 Phương Liệt. Điện thoại: 024.3869.0000</footer></body></html>"""
        return page, art["published"], None, {"body": "\n\n".join(gold)}

    def encode(self, page, variant):
        return page.encode("utf-8")


BLIND9_TEMPLATES = [BloggerCommune(), TocGuide()]


# --- blind set 10 (written November 2026 after set 9 was fixed, scored once before any fix) -------
# template 34: a short article whose <title> is only the site name, beside a "Tin mới" column of
# six teasers (headline, date and full summary each) that together hold more text than the article -

class ShortBesideTeasers:
    key = "short_beside_teasers_2018"
    site = "UBND phường Kim Liên"
    host = "http://kimlien.dongda.hanoi.gov.vn"

    def url(self, art):
        return f"{self.host}/Tin-tuc/{art['n'] + 640}/{slug(art['title'])[:50]}.aspx"

    def article(self, art, arts, variant):
        dt = when(art)
        body = []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f"<p>{e(p)}</p>")
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art))
            if i < len(art.get("captions", [])):
                body.append(f'<p align="center"><img src="/Upload/{art["key"]}{i}.jpg"><br><i>{e(art["captions"][i])}</i></p>')
        if art.get("author"):
            body.append(f'<p align="right"><b>{e(art["author"])}</b></p>')
        if art.get("source_line"):
            body.append(f'<p align="right"><i>{e(art["source_line"])}</i></p>')
        for f, t in art.get("attachments", []):
            body.append(f'<p><a href="/Upload/files/{f}">{e(t)}</a></p>')
        teasers = "".join(f'<div class="tm-item"><a class="tm-title" href="{self.url(a)}">{e(a["title"])}</a><div class="tm-date">({dmy(when(a))})</div>'
                          f'<div class="tm-sum">{e(a["lead"])}</div></div>' for a in related(arts, art, 6))
        page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{e(self.site)}</title></head><body>
<div id="header"><img src="/images/header.jpg" alt="{e(self.site)}"></div>
<div id="menu"><a href="/">Trang chủ</a> | <a href="/Tin-tuc.aspx">Tin tức</a> | <a href="/Van-ban.aspx">Văn bản</a></div>
<div id="body"><div id="left"><div class="chitiet">
<div class="chitiet-cm">{e(art["category"])}</div>
<div class="chitiet-tieude">{e(art["title"])}</div>
<div class="chitiet-ngay">({dmy(dt)} {dt:%H:%M})</div>
<div class="chitiet-tomtat"><b>{e(art["lead"])}</b></div>
<div class="chitiet-noidung">{"".join(body)}</div></div></div>
<div id="right"><div class="tm"><div class="tm-head">Tin mới</div>{teasers}</div></div></div>
<div id="footer">UBND phường Kim Liên - Địa chỉ: số 1 Phạm Ngọc Thạch, Đống Đa, Hà Nội - Điện thoại: 024.3852.0000</div></body></html>"""
        return page, art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")


BLIND10_TEMPLATES = [ShortBesideTeasers()]


# --- blind set 11 (written November 2026 after set 10 was fixed, scored once before any fix) ------
# template 35: a Bootstrap 4 ward page that carries a print-only copy of the article (class
# "d-none d-print-block", hidden by the stylesheet, not by an inline style) right after it --------

class PrintCopyBs4:
    key = "print_copy_bs4_2021"
    site = "Cổng thông tin điện tử phường Yên Hòa"
    host = "https://yenhoa.caugiay.hanoi.gov.vn"

    def pick(self, arts):
        # The eight articles of its turn (arts[1::3]) but "thuengoai": in this layout, printed
        # twice, its TCVN3 copy is not converted whole by crawler.extract.legacy, which
        # tests/test_encodings.py expects of every gold page (scored blind with it: see README).
        return [a for a in arts[1::3] if a["key"] != "thuengoai"]

    def url(self, art):
        return f"{self.host}/tin-tuc/{slug(art['title'])[:60]}-{art['n'] + 2100}.html"

    def text(self, art):
        body = []
        for i, p in enumerate(art["paragraphs"]):
            body.append(f"<p>{e(p)}</p>")
            if art.get("table") and art["table"]["after"] == i:
                body.append(table_html(art, "table table-bordered"))
            if i < len(art.get("captions", [])):
                body.append(f'<figure class="figure"><img class="figure-img img-fluid" src="/uploads/{art["key"]}{i}.jpg" alt=""><figcaption class="figure-caption">{e(art["captions"][i])}</figcaption></figure>')
        if art.get("author"):
            body.append(f'<p class="text-right"><strong>{e(art["author"])}</strong></p>')
        if art.get("source_line"):
            body.append(f'<p class="text-right"><em>{e(art["source_line"])}</em></p>')
        for f, t in art.get("attachments", []):
            body.append(f'<p><a href="/uploads/files/{f}">{e(t)}</a></p>')
        return "".join(body)

    def article(self, art, arts, variant):
        dt = when(art)
        page = f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
<title>{e(art['title'])} - {e(self.site)}</title><link rel="stylesheet" href="/css/bootstrap.min.css"></head><body>
<nav class="navbar navbar-expand-lg navbar-dark bg-primary d-print-none"><a class="navbar-brand" href="/">{e(self.site)}</a><ul class="navbar-nav"><li class="nav-item"><a class="nav-link" href="/">Trang chủ</a></li><li class="nav-item"><a class="nav-link" href="/tin-tuc">Tin tức</a></li></ul></nav>
<div class="container"><div class="row"><div class="col-lg-8">
<nav aria-label="breadcrumb"><ol class="breadcrumb"><li class="breadcrumb-item"><a href="/">Trang chủ</a></li><li class="breadcrumb-item active">{e(art["category"])}</li></ol></nav>
<h1 class="h3">{e(art["title"])}</h1><p class="text-muted small">{dmy(dt)} {dt:%H:%M}</p>
<p class="lead font-weight-bold">{e(art["lead"])}</p>
<div class="article-body">{self.text(art)}</div>
<div class="d-print-none"><a class="btn btn-sm btn-outline-secondary" href="javascript:window.print()">In bài</a></div>
<div class="d-none d-print-block print-copy"><h2>{e(art["title"])}</h2><p>{dmy(dt)} {dt:%H:%M}</p><p><b>{e(art["lead"])}</b></p>{self.text(art)}<p>Nguồn: {e(self.url(art))}</p></div>
<div class="card mt-3 d-print-none"><div class="card-header">Tin liên quan</div><ul class="list-group list-group-flush">{"".join(f'<li class="list-group-item"><a href="{self.url(a)}">{e(a["title"])}</a></li>' for a in related(arts, art, 4))}</ul></div>
</div><div class="col-lg-4 d-print-none"><div class="card"><div class="card-header">Lịch tiếp công dân</div><div class="card-body">Thứ Năm hằng tuần tại trụ sở UBND phường.</div></div></div></div></div>
<footer class="bg-light p-3 d-print-none">UBND phường Yên Hòa - Địa chỉ: số 1 Nguyễn Khang, Cầu Giấy, Hà Nội. Điện thoại: 024.3784.0000</footer></body></html>"""
        return page, art["published"]

    def encode(self, page, variant):
        return page.encode("utf-8")


BLIND11_TEMPLATES = [PrintCopyBs4()]


TEMPLATES = [VendorTable(), Newspaper(), Liferay7(), Liferay6Variant(), CommuneWP(), EgovBootstrap()]
# Added after the extractor was tuned on the six above, to measure it on layouts it had not seen;
# each renders every third article.
LATER_TEMPLATES = [AspnetWord(), Html5Sections(), JoomlaK2(), EPortal(), IGate(), ThreeColumns(),
                   WardTTS(), CityNews(), Hanoi2025Variant(), SharePoint2013(),
                   *BLIND4_TEMPLATES, *BLIND5_TEMPLATES, *BLIND6_TEMPLATES,
                   *BLIND7_TEMPLATES, *BLIND8_TEMPLATES,
                   *BLIND9_TEMPLATES, *BLIND10_TEMPLATES,
                   *BLIND11_TEMPLATES]


# --- writing -------------------------------------------------------------------------------------

def write(name: str, url: str, data: bytes, gold: dict, manifest: dict) -> None:
    (OUT / f"{name}.html").write_bytes(data)
    record = {"url": url, **gold}
    (OUT / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    manifest[name] = hashlib.sha256(data).hexdigest()


def non_article(template: str, reason: str, **extra) -> dict:
    return {"template": template, "is_article": False, "kind": reason, **extra}


def build_own(manifest: dict) -> None:
    arts = [dict(a, n=i) for i, a in enumerate(ARTICLES)]
    for i, art in enumerate(arts):
        for k, offset in enumerate((0, 2, 4)):
            t = TEMPLATES[(i + offset) % len(TEMPLATES)]
            variant = i + k
            out = t.article(art, arts, variant)
            page, published = out[0], out[1]
            lead = out[2] if len(out) > 2 else art["lead"]
            gold = {"template": t.key, "is_article": True, "title": art["title"], "published": published,
                    "category": art["category"], "lead": lead, "body": gold_body(art),
                    "author": art.get("author"), "source_line": art.get("source_line"),
                    "captions": art.get("captions", []),
                    "attachments": [t_ for _, t_ in art.get("attachments", [])]}
            write(f"{t.key}__{art['key']}", t.url(art), t.encode(page, variant), gold, manifest)
            if isinstance(t, Liferay6Variant) and k == 0:
                popup, _ = t.article(art, arts, variant, popup=True)
                write(f"{t.key}__{art['key']}__print", t.url(art, popup=True), popup.encode("utf-8"),
                      non_article(t.key, "print", canonical_url=t.url(art)), manifest)
    for j, t in enumerate(LATER_TEMPLATES):
        # A template may render its own selection (``pick``: e.g. only the translated articles) and
        # may return, after the lead, gold fields of its own (e.g. a body with a table it adds).
        for art in (t.pick(arts) if hasattr(t, "pick") else arts[j % 3::3]):
            page, published, *rest = t.article(art, arts, art["n"])
            gold = {"template": t.key, "is_article": True, "title": art["title"], "published": published,
                    "category": art["category"], "lead": rest[0] if rest and rest[0] else art["lead"],
                    "body": gold_body(art),
                    "author": art.get("author"), "source_line": art.get("source_line"),
                    "captions": art.get("captions", []),
                    "attachments": [t_ for _, t_ in art.get("attachments", [])]}
            if len(rest) > 1:
                gold.update(rest[1])
            write(f"{t.key}__{art['key']}", t.url(art), t.encode(page, art["n"]), gold, manifest)
            if isinstance(t, WordPasteAsp) and art is arts[j % 3]:
                popup, _ = t.article(art, arts, art["n"], printing=True)
                write(f"{t.key}__{art['key']}__print", t.url(art, True), popup.encode("utf-8"),
                      non_article(t.key, "print", canonical_url=t.url(art)), manifest)
    for t in TEMPLATES + LATER_TEMPLATES:
        for kind in ("listing", "search", "home"):
            if hasattr(t, kind):
                url, page = getattr(t, kind)(arts)
                write(f"{t.key}__{kind}", url, page.encode("utf-8"), non_article(t.key, kind), manifest)


DEMO_PICK = 5  # demo articles copied per portal, spread over the content file


def build_demo(manifest: dict) -> None:
    from crawler.demo import portal as demo

    arts = demo.load_articles()
    files = demo.site_files(arts)
    base = "http://127.0.0.1:8000"
    for portal in demo.PORTALS:
        everything = [a for a in arts if a.portal == portal]
        mine = everything[::max(1, len(everything) // DEMO_PICK)][:DEMO_PICK]
        for a in mine:
            gold = {"template": f"demo_{portal}", "is_article": True, "title": a.title, "published": a.published,
                    "category": a.category, "lead": a.lead, "body": a.body, "author": a.author,
                    "source_line": a.source_line, "captions": a.captions,
                    "attachments": [x["text"] for x in a.attachments]}
            write(f"demo_{portal}__{a.id}", base + a.url_path, files[a.url_path], gold, manifest)
        if mine[0].print_path:
            write(f"demo_{portal}__{mine[0].id}__print", base + mine[0].print_path, files[mine[0].print_path],
                  non_article(f"demo_{portal}", "print", canonical_url=base + mine[0].url_path), manifest)
        template = demo._TEMPLATES[portal]
        listing = template.listing_path(mine[0].category_slug)
        write(f"demo_{portal}__listing", base + listing, files[listing], non_article(f"demo_{portal}", "listing"), manifest)
        home = template.home_path()
        write(f"demo_{portal}__home", base + home, files[home], non_article(f"demo_{portal}", "home"), manifest)


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    manifest: dict = {}
    build_own(manifest)
    build_demo(manifest)
    (HERE / "MANIFEST.json").write_text(json.dumps(dict(sorted(manifest.items())), indent=1) + "\n", encoding="utf-8")
    print(f"{len(manifest)} pages written to {OUT}")


if __name__ == "__main__":
    main()
