"""Build the CMS-family development set: ``python tests/data/extraction_families/generate.py``.

Fourteen families, each rendered with the markup its real templates produce (element names,
classes, ids, date formats and widget shapes are facts of those platforms; every text is ours,
from ``texts.py`` and ``../extraction/articles.py``; sites, places and people are fictional):

    wp_twentytwentyone, wp_astra, wp_newspaper, joomla4, drupal_olivero, nukeviet4, dnn_easydnn,
    sharepoint2013, liferay62, liferay74, blogger, hugo_papermod, table_2000s, amp_wp

Every family gets 11 pages: four articles, one article dated only in its metadata, two short
notices of one line plus an attached document, two short posts followed by the family's
related-posts box, and two listing pages (with and without excerpts). Gold comes from the data
the templates render, never from an extractor. ``MANIFEST.json`` pins every page by SHA-256.
"""
from __future__ import annotations

import hashlib
import html
import json
import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "extraction"))

from articles import ARTICLES  # noqa: E402
from texts import NOTICES, SHORT_POSTS  # noqa: E402

OUT = HERE / "pages"
e = html.escape
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
WEEKDAYS_LOWER = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
PAGES_PER_FAMILY = 11


def when(item) -> datetime:
    return datetime.strptime(item["published"], "%Y-%m-%dT%H:%M")


def iso_local(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:00+07:00")


def iso_utc(dt: datetime) -> str:
    return (dt - timedelta(hours=7)).strftime("%Y-%m-%dT%H:%M:00+00:00")


def slug(text: str) -> str:
    import unicodedata

    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    out = "".join(c if c.isalnum() else "-" for c in text)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")[:60]


def first_sentence(text: str) -> str:
    cut = text.find(". ")
    return text if cut < 0 else text[:cut + 1]


def paras_html(paragraphs) -> str:
    return "\n".join(f"<p>{e(p)}</p>" for p in paragraphs)


class Page:
    """What a template renders for one page, and its gold."""

    def __init__(self, kind: str, key: str, title: str, dt: datetime | None, lead: str | None,
                 paragraphs: list[str], category: str, author: str | None = None,
                 attachment: tuple[str, str] | None = None, related: list | None = None,
                 show_date: bool = True, caption: str | None = None, items: list | None = None):
        self.kind, self.key, self.title, self.dt, self.lead = kind, key, title, dt, lead
        self.paragraphs, self.category, self.author = paragraphs, category, author
        self.attachment, self.related, self.show_date, self.caption = attachment, related or [], show_date, caption
        self.items = items or []


def teasers(exclude: str, n: int, start: int) -> list[dict]:
    """Other articles as a related box or a listing shows them: title, address, excerpt, date."""
    pool = [a for a in ARTICLES if a["key"] != exclude]
    out = []
    for i in range(n):
        a = pool[(start + i * 5) % len(pool)]
        out.append(dict(key=a["key"], title=a["title"], excerpt=first_sentence(a["lead"]), dt=when(a),
                        category=a["category"]))
    return out


# --- families -----------------------------------------------------------------------------------

class Family:
    name = ""
    host = ""
    site = ""
    # Whether the template shows a time beside the visible date (else the gold is the day,
    # unless the metadata carries the time).
    visible_time = True
    machine_time = False  # the page carries a machine-readable datetime (meta / JSON-LD / <time>)

    def url(self, page: Page) -> str:
        return f"https://{self.host}/{slug(page.category)}/{slug(page.title)}.html"

    def listing_url(self, n: int) -> str:
        return f"https://{self.host}/tin-tuc/trang-{n}"

    def gold_published(self, page: Page) -> str | None:
        if page.dt is None:
            return None
        if not page.show_date or self.machine_time or self.visible_time:
            return page.dt.strftime("%Y-%m-%dT%H:%M")
        return page.dt.strftime("%Y-%m-%d")

    def metadata_only_head(self, page: Page) -> str:
        """The head tags an SEO module adds; used on the page dated only in its metadata."""
        return f'<meta property="og:type" content="article">\n<meta property="article:published_time" content="{iso_local(page.dt)}">'

    def render(self, page: Page) -> str:
        raise NotImplementedError

    def render_listing(self, items: list[dict], excerpts: bool, n: int) -> str:
        raise NotImplementedError


class WPTwentyTwentyOne(Family):
    name, host, site = "wp_twentytwentyone", "xaquangtan.vn", "Xã Quảng Tân"
    machine_time = True

    def frame(self, title, head, main, body_class):
        return f"""<!doctype html>
<html lang="vi" class="no-js"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} &#8211; {self.site}</title>
<link rel='stylesheet' id='twenty-twenty-one-style-css' href='https://{self.host}/wp-content/themes/twentytwentyone/style.css?ver=1.8' media='all' />
{head}
</head>
<body class="{body_class} wp-embed-responsive is-light-theme no-js singular has-main-navigation">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Chuyển đến nội dung</a>
<header id="masthead" class="site-header has-title-and-tagline has-menu" role="banner">
<div class="site-branding"><p class="site-title"><a href="https://{self.host}/">{self.site}</a></p><p class="site-description">Trang thông tin điện tử xã Quảng Tân, huyện Đông Hà</p></div>
<nav id="site-navigation" class="primary-navigation" role="navigation" aria-label="Menu chính"><div class="primary-menu-container"><ul id="primary-menu-list" class="menu-wrapper">
<li class="menu-item"><a href="https://{self.host}/">Trang chủ</a></li><li class="menu-item"><a href="https://{self.host}/gioi-thieu/">Giới thiệu</a></li>
<li class="menu-item"><a href="https://{self.host}/tin-tuc/">Tin tức</a></li><li class="menu-item"><a href="https://{self.host}/thong-bao/">Thông báo</a></li></ul></div></nav>
</header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
{main}
</main></div></div>
<aside class="widget-area"><section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form" action="https://{self.host}/"><label for="search-form-1">Tìm kiếm&hellip;</label><input type="search" id="search-form-1" class="search-field" value="" name="s" /><input type="submit" class="search-submit" value="Tìm kiếm" /></form></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Bài viết mới</h2><nav aria-label="Bài viết mới"><ul>
<li><a href="https://{self.host}/2024/02/18/trong-cay/">Trồng 500 cây xanh dọc tuyến đê bao</a></li><li><a href="https://{self.host}/2023/11/02/sach-cu/">Quyên góp sách cũ tặng thư viện trường vùng cao</a></li></ul></nav></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Lưu trữ</h2><nav aria-label="Lưu trữ"><ul><li><a href="https://{self.host}/2024/02/">Tháng Hai 2024</a></li><li><a href="https://{self.host}/2023/11/">Tháng Mười Một 2023</a></li></ul></nav></section></aside>
<footer id="colophon" class="site-footer" role="contentinfo"><div class="site-info"><div class="site-name"><a href="https://{self.host}/">{self.site}</a></div>
<div class="powered-by">Vận hành bởi <a href="https://wordpress.org/">WordPress</a>.</div></div></footer></div>
</body></html>"""

    def entry_footer(self, page):
        date = (f'<span class="posted-on">Đăng vào <time class="entry-date published updated" datetime="{iso_local(page.dt)}">'
                f'{page.dt:%d/%m/%Y}</time></span>') if page.show_date else ""
        return (f'<footer class="entry-footer default-max-width"><div class="posted-by">{date}'
                f'<span class="byline">bởi <a href="https://{self.host}/author/bientap/" rel="author">Ban biên tập</a></span></div>'
                f'<div class="post-taxonomies"><span class="cat-links">Chuyên mục: <a href="https://{self.host}/category/{slug(page.category)}/" rel="category tag">{e(page.category)}</a></span></div></footer>')

    def related(self, page, with_excerpt):
        items = "".join(
            f'<div class="jp-relatedposts-post jp-relatedposts-post{i} jp-relatedposts-post-thumbs" data-post-id="{100 + i}" data-post-format="false">'
            f'<h4 class="jp-relatedposts-post-title"><a class="jp-relatedposts-post-a" href="https://{self.host}/{t["dt"]:%Y/%m/%d}/{slug(t["title"])}/" title="{e(t["title"])}" rel="nofollow" data-origin="{i}" data-position="{i}">{e(t["title"])}</a></h4>'
            + (f'<p class="jp-relatedposts-post-excerpt">{e(t["excerpt"])}</p>' if with_excerpt else "")
            + f'<p class="jp-relatedposts-post-date">{t["dt"]:%d/%m/%Y}</p><p class="jp-relatedposts-post-context">Trong &quot;{e(t["category"])}&quot;</p></div>'
            for i, t in enumerate(page.related))
        return (f'<div id=\'jp-relatedposts\' class=\'jp-relatedposts\' ><h3 class="jp-relatedposts-headline"><em>Liên quan</em></h3>'
                f'<div class="jp-relatedposts-items jp-relatedposts-items-visual jp-relatedposts-grid ">{items}</div></div>')

    def render(self, page):
        text = ([page.lead] if page.lead else []) + page.paragraphs
        body = paras_html(text[:1])
        if page.caption:
            body += (f'\n<figure class="wp-block-image size-large"><img src="https://{self.host}/wp-content/uploads/anh.jpg" alt="" />'
                     f'<figcaption>{e(page.caption)}</figcaption></figure>')
        body += "\n" + paras_html(text[1:])
        if page.attachment:
            href, label = page.attachment
            body += (f'\n<div class="wp-block-file"><a id="wp-block-file--media-1" href="https://{self.host}/wp-content/uploads/{href}">{e(label)}</a>'
                     f'<a href="https://{self.host}/wp-content/uploads/{href}" class="wp-block-file__button" download aria-describedby="wp-block-file--media-1">Tải xuống</a></div>')
        if page.related:
            body += "\n" + self.related(page, with_excerpt=page.key[0] in "aeiou" or len(page.key) % 2 == 0)
        head = f'<link rel="canonical" href="{self.url(page)}" />'
        if not page.show_date:
            head += "\n" + self.metadata_only_head(page)
        main = f"""<article id="post-{len(page.key) * 37}" class="post-{len(page.key) * 37} post type-post status-publish format-standard hentry category-{slug(page.category)} entry">
<header class="entry-header alignwide"><h1 class="entry-title">{e(page.title)}</h1></header>
<div class="entry-content">
{body}
</div>
{self.entry_footer(page)}
</article>
<nav class="navigation post-navigation" aria-label="Bài viết"><h2 class="screen-reader-text">Điều hướng bài viết</h2><div class="nav-links">
<div class="nav-previous"><a href="https://{self.host}/2019/09/13/trung-thu/" rel="prev"><p class="meta-nav">Bài trước</p><p class="post-title">Vui Tết Trung thu cho thiếu nhi khu dân cư</p></a></div></div></nav>"""
        return self.frame(page.title, head, main, "post-template-default single single-post single-format-standard")

    def url(self, page):
        return f"https://{self.host}/{page.dt:%Y/%m/%d}/{slug(page.title)}/"

    def render_listing(self, items, excerpts, n):
        arts = "\n".join(
            f'<article class="post type-post status-publish format-standard hentry entry"><header class="entry-header default-max-width">'
            f'<h2 class="entry-title default-max-width"><a href="https://{self.host}/{t["dt"]:%Y/%m/%d}/{slug(t["title"])}/">{e(t["title"])}</a></h2></header>'
            + (f'<div class="entry-content"><p>{e(t["excerpt"])}</p></div>' if excerpts else "")
            + f'<footer class="entry-footer default-max-width"><span class="posted-on">Đăng vào <time class="entry-date published updated" datetime="{iso_local(t["dt"])}">{t["dt"]:%d/%m/%Y}</time></span></footer></article>'
            for t in items)
        main = (f'<header class="page-header alignwide"><h1 class="page-title">Chuyên mục: <span>Tin tức</span></h1></header>\n{arts}\n'
                f'<nav class="navigation pagination" aria-label="Phân trang"><div class="nav-links"><span aria-current="page" class="page-numbers current">{n}</span><a class="page-numbers" href="https://{self.host}/tin-tuc/page/{n + 1}/">{n + 1}</a><a class="next page-numbers" href="https://{self.host}/tin-tuc/page/{n + 1}/">Trang sau</a></div></nav>')
        return self.frame("Tin tức", "", main, "archive category category-tin-tuc hfeed")


class WPAstra(Family):
    name, host, site = "wp_astra", "thitranhoabinh.vn", "Thị trấn Hòa Bình"
    machine_time = True  # Yoast SEO's article:published_time and schema graph

    def url(self, page):
        return f"https://{self.host}/{slug(page.title)}/"

    def yoast(self, page):
        graph = {"@context": "https://schema.org", "@graph": [
            {"@type": "Article", "@id": self.url(page) + "#article", "headline": page.title,
             "datePublished": iso_utc(page.dt), "dateModified": iso_utc(page.dt + timedelta(days=2)),
             "author": {"name": "Ban biên tập"}, "articleSection": [page.category], "inLanguage": "vi"},
            {"@type": "WebPage", "@id": self.url(page), "url": self.url(page), "name": f"{page.title} - {self.site}"}]}
        return (f'<meta property="og:type" content="article" />\n<meta property="og:title" content="{e(page.title)}" />\n'
                f'<meta property="article:published_time" content="{iso_utc(page.dt)}" />\n'
                f'<meta property="article:modified_time" content="{iso_utc(page.dt + timedelta(days=2))}" />\n'
                f'<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(graph, ensure_ascii=False)}</script>')

    def frame(self, title, head, main, body_class):
        return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} - {self.site}</title>
{head}
<link rel='stylesheet' id='astra-theme-css-css' href='https://{self.host}/wp-content/themes/astra/assets/css/minified/main.min.css?ver=4.6.4' media='all' />
</head>
<body itemtype='https://schema.org/Blog' itemscope='itemscope' class="{body_class} ast-desktop ast-separate-container ast-right-sidebar astra-4.6.4">
<a class="skip-link screen-reader-text" href="#content" role="link" title="Chuyển đến nội dung">Chuyển đến nội dung</a>
<div class="hfeed site" id="page">
<header class="site-header header-main-layout-1 ast-primary-menu-enabled ast-logo-title-inline ast-hide-custom-menu-mobile ast-builder-menu-toggle-icon ast-mobile-header-inline" id="masthead" itemtype="https://schema.org/WPHeader" itemscope="itemscope" itemid="#masthead">
<div id="ast-desktop-header" data-toggle-type="dropdown"><div class="ast-main-header-wrap main-header-bar-wrap"><div class="ast-primary-header-bar ast-primary-header main-header-bar site-header-focus-item" data-section="section-primary-header-builder">
<div class="site-primary-header-wrap ast-builder-grid-row-container site-header-focus-item ast-container" data-section="section-primary-header-builder">
<div class="ast-builder-layout-element ast-flex site-header-focus-item" data-section="title_tagline"><div class="site-branding ast-site-identity" itemtype="https://schema.org/Organization" itemscope="itemscope">
<span class="site-title" itemprop="name"><a href="https://{self.host}/" rel="home" itemprop="url">{self.site}</a></span></div></div>
<div class="ast-builder-menu-1 ast-builder-menu ast-flex ast-builder-menu-1-focus-item ast-builder-layout-element site-header-focus-item" data-section="section-hb-menu-1"><div class="ast-main-header-bar-alignment"><div class="main-header-bar-navigation"><nav class="site-navigation ast-flex-grow-1 navigation-accessibility site-header-focus-item" id="primary-site-navigation-desktop" aria-label="Điều hướng trang" itemtype="https://schema.org/SiteNavigationElement" itemscope="itemscope"><div class="main-navigation ast-inline-flex"><ul id="ast-hf-menu-1" class="main-header-menu ast-menu-shadow ast-nav-menu ast-flex submenu-with-border stack-on-mobile">
<li class="menu-item menu-item-type-custom"><a href="https://{self.host}/" class="menu-link">Trang chủ</a></li><li class="menu-item"><a href="https://{self.host}/tin-tuc/" class="menu-link">Tin tức - Sự kiện</a></li><li class="menu-item"><a href="https://{self.host}/van-ban/" class="menu-link">Văn bản</a></li><li class="menu-item"><a href="https://{self.host}/lien-he/" class="menu-link">Liên hệ</a></li></ul></div></nav></div></div></div>
</div></div></div></div></header>
<div id="content" class="site-content"><div class="ast-container">
<div id="primary" class="content-area primary"><main id="main" class="site-main">
{main}
</main></div>
<div class="widget-area secondary" id="secondary" itemtype="https://schema.org/WPSideBar" itemscope="itemscope"><div class="sidebar-main" >
<aside id="block-3" class="widget widget_block"><div class="wp-block-group"><div class="wp-block-group__inner-container"><h2 class="wp-block-heading">Thông tin cần biết</h2>
<p>Bộ phận tiếp nhận và trả kết quả thị trấn làm việc từ thứ Hai đến sáng thứ Bảy hằng tuần, trừ ngày lễ, Tết theo quy định của Nhà nước.</p></div></div></aside>
<aside id="block-4" class="widget widget_block"><h2 class="wp-block-heading">Đường dây nóng</h2><p>Trực ban thị trấn: 0216.3861.234</p></aside>
</div></div>
</div></div>
<footer class="site-footer" id="colophon" itemtype="https://schema.org/WPFooter" itemscope="itemscope" itemid="#colophon"><div class="site-below-footer-wrap ast-builder-grid-row-container site-footer-focus-item ast-builder-grid-row-full ast-builder-grid-row-tablet-full ast-builder-grid-row-mobile-full ast-footer-row-stack ast-footer-row-tablet-stack ast-footer-row-mobile-stack" data-section="section-below-footer-builder">
<div class="ast-builder-grid-row-container-inner"><div class="site-footer-below-section-1 site-footer-section site-footer-section-1"><div class="ast-builder-layout-element ast-flex site-footer-focus-item ast-footer-copyright" data-section="section-footer-builder"><div class="ast-footer-copyright"><p>Bản quyền &copy; 2024 {self.site} | Trang thông tin điện tử của Đảng ủy, HĐND, UBND thị trấn Hòa Bình</p></div></div></div></div></div></footer>
</div></body></html>"""

    def related(self, page):
        items = "".join(
            f'<article class="ast-related-post post-{200 + i} post type-post status-publish format-standard hentry"><div class="ast-related-posts-inner-section"><div class="ast-related-post-content">'
            f'<div class="ast-related-post-featured-section ast-no-thumb"></div><header class="entry-header related-entry-header">'
            f'<h3 class="ast-related-post-title entry-title"><a href="https://{self.host}/{slug(t["title"])}/" target="_self" rel="bookmark noopener noreferrer">{e(t["title"])}</a></h3>'
            f'<div class="entry-meta ast-related-cat-style--none ast-related-tag-style--none"><span class="posted-on"><span class="published" itemprop="datePublished"> {t["dt"]:%d/%m/%Y}</span></span></div></header>'
            f'<div class="entry-content clear"><p class="ast-related-post-excerpt entry-content clear">{e(t["excerpt"])}</p></div></div></div></article>'
            for i, t in enumerate(page.related))
        return (f'<div class="ast-single-related-posts-container ast-separate-container"><div class="ast-related-posts-title-section">'
                f'<h2 class="ast-related-posts-title">Bài viết liên quan</h2></div><div class="ast-related-posts-wrapper">{items}</div></div>')

    def render(self, page):
        text = ([page.lead] if page.lead else []) + page.paragraphs
        body = paras_html(text)
        if page.caption:
            body = paras_html(text[:1]) + (f'\n<figure class="wp-block-image size-full"><img decoding="async" src="https://{self.host}/wp-content/uploads/h1.jpg" alt="" class="wp-image-55"/>'
                                          f'<figcaption class="wp-element-caption">{e(page.caption)}</figcaption></figure>\n') + paras_html(text[1:])
        if page.attachment:
            href, label = page.attachment
            body += f'\n<p>File đính kèm: <a href="https://{self.host}/wp-content/uploads/{href}">{e(label)}</a></p>'
        date = (f'<span class="posted-on"><span class="published" itemprop="datePublished"> {page.dt:%d/%m/%Y}</span></span>'
                if page.show_date else "")
        main = f"""<article class="post-{len(page.key) * 41} post type-post status-publish format-standard hentry category-{slug(page.category)} ast-article-single" id="post-{len(page.key) * 41}" itemtype="https://schema.org/CreativeWork" itemscope="itemscope">
<div class="ast-post-format- ast-no-thumb single-layout-1">
<header class="entry-header ast-no-thumbnail"><h1 class="entry-title" itemprop="headline">{e(page.title)}</h1>
<div class="entry-meta"><span class="cat-links"><a href="https://{self.host}/category/{slug(page.category)}/" rel="category tag">{e(page.category)}</a></span> / {date} / <span class="posted-by vcard author" itemtype="https://schema.org/Person" itemscope="itemscope" itemprop="author"><a title="Xem tất cả bài viết của Ban biên tập" href="https://{self.host}/author/bbt/" rel="author" class="url fn n" itemprop="url"><span class="author-name" itemprop="name">Ban biên tập</span></a></span></div></header>
<div class="entry-content clear" itemprop="text">
{body}
</div>
</div>
</article>
<nav class="navigation post-navigation" aria-label="Bài viết"><div class="nav-links"><div class="nav-previous"><a title="Ra mắt phố đi bộ và chợ đêm cuối tuần" href="https://{self.host}/pho-di-bo/" rel="prev"><span class="ast-left-arrow">&larr;</span> Bài trước</a></div></div></nav>
{self.related(page) if page.related else ""}"""
        head = self.yoast(page) if page.dt else ""
        return self.frame(page.title, head, main, "post-template-default single single-post single-format-standard")

    def render_listing(self, items, excerpts, n):
        arts = "\n".join(
            f'<article class="post type-post status-publish format-standard hentry ast-grid-common-col ast-full-width ast-article-post" itemtype="https://schema.org/CreativeWork" itemscope="itemscope"><div class="ast-post-format- blog-layout-1 ast-no-date-box"><div class="post-content ast-grid-common-col">'
            f'<header class="entry-header"><h2 class="entry-title" itemprop="headline"><a href="https://{self.host}/{slug(t["title"])}/" rel="bookmark">{e(t["title"])}</a></h2>'
            f'<div class="entry-meta"><span class="posted-on"><span class="published" itemprop="datePublished"> {t["dt"]:%d/%m/%Y}</span></span></div></header>'
            + (f'<div class="ast-excerpt-container ast-blog-single-element"><p>{e(t["excerpt"])}</p></div>' if excerpts else "")
            + '</div></div></article>' for t in items)
        main = (f'<section class="ast-archive-description"><h1 class="page-title ast-archive-title">Tin tức - Sự kiện</h1></section>\n{arts}\n'
                f'<div class="ast-pagination"><nav class="navigation pagination" aria-label="Phân trang"><div class="nav-links"><span aria-current="page" class="page-numbers current">{n}</span><a class="next page-numbers" href="https://{self.host}/tin-tuc/page/{n + 1}/">Trang sau &rarr;</a></div></nav></div>')
        return self.frame("Tin tức - Sự kiện", "", main, "archive category ast-archive")


class WPNewspaper(Family):
    name, host, site = "wp_newspaper", "baodongha.vn", "Báo điện tử Đông Hà"
    machine_time = True

    def url(self, page):
        return f"https://{self.host}/{slug(page.category)}/{slug(page.title)}-{len(page.key) * 111}.html"

    def frame(self, title, head, main):
        return f"""<!doctype html >
<html lang="vi"><head><title>{e(title)} | {self.site}</title><meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0">
{head}
<link rel='stylesheet' id='td-theme-css' href='https://{self.host}/wp-content/themes/Newspaper/style.css?ver=12.6.1' type='text/css' media='all' />
</head>
<body class="post-template-default single single-post td-standard-pack global-block-template-1 single_template_2 td-full-layout" itemscope="itemscope" itemtype="https://schema.org/WebPage">
<div class="td-scroll-up" style="display:none;"><i class="td-icon-menu-up"></i></div>
<div id="td-outer-wrap" class="td-theme-wrap">
<div class="tdc-header-wrap "><div class="td-header-wrap td-header-style-1"><div class="td-header-top-menu-full td-container-wrap "><div class="td-container td-header-row td-header-top-menu"><div class="top-bar-style-1"><div class="td-header-sp-top-menu"><div class="td_data_time"><div>Thứ Hai, 02/12/2024</div></div>
<div class="menu-top-container"><ul id="menu-top" class="top-header-menu"><li class="menu-item"><a href="https://{self.host}/lien-he/">Liên hệ</a></li><li class="menu-item"><a href="https://{self.host}/quang-cao/">Quảng cáo</a></li></ul></div></div></div></div></div>
<div class="td-banner-wrap-full td-logo-wrap-full td-container-wrap "><div class="td-container td-header-row td-header-header"><div class="td-header-sp-logo"><h1 class="td-logo"><a class="td-main-logo" href="https://{self.host}/"><span class="td-visual-hidden">{self.site}</span></a></h1></div></div></div>
<div class="td-header-menu-wrap-full td-container-wrap "><div class="td-header-menu-wrap td-header-gradient "><div class="td-container td-header-row td-header-main-menu"><div id="td-header-menu" role="navigation"><div class="menu-main-container"><ul id="menu-main-1" class="sf-menu">
<li class="menu-item"><a href="https://{self.host}/thoi-su/">Thời sự</a></li><li class="menu-item"><a href="https://{self.host}/kinh-te/">Kinh tế</a></li><li class="menu-item"><a href="https://{self.host}/xa-hoi/">Xã hội</a></li><li class="menu-item"><a href="https://{self.host}/van-hoa/">Văn hóa</a></li></ul></div></div></div></div></div>
</div></div>
{main}
<div class="td-footer-wrapper td-footer-container td-container-wrap "><div class="td-container"><div class="td-pb-row"><div class="td-pb-span12"><div class="td-footer-info"><div class="footer-text-wrap">Báo điện tử Đông Hà - Cơ quan của Đảng bộ, chính quyền và nhân dân thành phố. Giấy phép hoạt động báo chí điện tử số 45/GP-BTTTT. Tổng biên tập: Lê Văn Sơn.</div>
<div class="footer-email-wrap">Liên hệ: <a href="mailto:toasoan@baodongha.vn">toasoan@baodongha.vn</a></div></div></div></div></div></div>
<div class="td-sub-footer-container td-container-wrap "><div class="td-container"><div class="td-pb-row"><div class="td-pb-span td-sub-footer-copy">&copy; Bản quyền thuộc về Báo điện tử Đông Hà</div></div></div></div>
</div></body></html>"""

    def sidebar(self):
        return (f'<div class="td-pb-span4 td-main-sidebar" role="complementary"><div class="td-ss-main-sidebar"><div class="td_block_wrap td_block_1 td_block_widget tdi_2 td-pb-border-top td_block_template_1">'
                f'<div class="td-block-title-wrap"><h4 class="block-title td-block-title"><span class="td-pulldown-size">Đọc nhiều</span></h4></div><div class="td_block_inner">'
                f'<div class="td-block-span12"><div class="td_module_6 td_module_wrap td-animation-stack"><div class="item-details"><h3 class="entry-title td-module-title"><a href="https://{self.host}/xa-hoi/khai-mac-giai-bong-da.html" rel="bookmark">Khai mạc giải bóng đá thiếu niên hè</a></h3></div></div></div>'
                f'<div class="td-block-span12"><div class="td_module_6 td_module_wrap td-animation-stack"><div class="item-details"><h3 class="entry-title td-module-title"><a href="https://{self.host}/xa-hoi/tiem-chung.html" rel="bookmark">Hai sản phẩm của xã đạt chứng nhận OCOP ba sao</a></h3></div></div></div>'
                f'</div></div></div></div>')

    def related(self, page):
        items = "".join(
            f'<div class="td-related-span4"><div class="td_module_related_posts td-animation-stack td_mod_related_posts"><div class="td-module-image"><div class="td-module-thumb"><a href="https://{self.host}/tin/{slug(t["title"])}.html" rel="bookmark" class="td-image-wrap " title="{e(t["title"])}"><img class="entry-thumb" src="https://{self.host}/wp-content/uploads/r{i}.jpg" alt="" title="{e(t["title"])}"/></a></div></div>'
            f'<div class="item-details"><h3 class="entry-title td-module-title"><a href="https://{self.host}/tin/{slug(t["title"])}.html" rel="bookmark" title="{e(t["title"])}">{e(t["title"])}</a></h3></div></div></div>'
            for i, t in enumerate(page.related))
        return (f'<div class="td_block_wrap td_block_related_posts tdi_3_rand td_with_ajax_pagination td-pb-border-top td_block_template_1" data-td-block-uid="tdi_3_rand">'
                f'<h4 class="td-related-title td-block-title"><a id="tdi_4" class="td-related-left td-cur-simple-item" data-td_filter_value="" data-td_block_id="tdi_3_rand" href="#">BÀI LIÊN QUAN</a><a id="tdi_5" class="td-related-right" data-td_filter_value="td_related_more_from_author" data-td_block_id="tdi_3_rand" href="#">XEM THÊM</a></h4>'
                f'<div id=tdi_3_rand class="td_block_inner"><div class="td-related-row">{items}</div></div></div>')

    def render(self, page):
        text = ([page.lead] if page.lead else []) + page.paragraphs
        body = paras_html(text)
        if page.caption:
            body = paras_html(text[:1]) + (f'\n<figure id="attachment_9" aria-describedby="caption-attachment-9" class="wp-caption aligncenter"><img src="https://{self.host}/wp-content/uploads/a.jpg" alt="" />'
                                          f'<figcaption id="caption-attachment-9" class="wp-caption-text">{e(page.caption)}</figcaption></figure>\n') + paras_html(text[1:])
        if page.attachment:
            href, label = page.attachment
            body += f'\n<p><a href="https://{self.host}/wp-content/uploads/{href}">{e(label)}</a></p>'
        date = (f'<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{iso_local(page.dt)}" >{page.dt:%d/%m/%Y}</time></span>'
                if page.show_date else "")
        head = f'<meta property="og:title" content="{e(page.title)}" />\n<meta property="og:type" content="article" />'
        if not page.show_date:
            head += f'\n<meta property="article:published_time" content="{iso_local(page.dt)}" />'
        main = f"""<div class="td-main-content-wrap td-container-wrap"><div class="td-container td-post-template-default ">
<div class="td-crumb-container"><div class="entry-crumbs"><span><a title="" class="entry-crumb" href="https://{self.host}/">Trang chủ</a></span> <i class="td-icon-right td-bread-sep"></i> <span><a title="Xem tất cả bài viết trong {e(page.category)}" class="entry-crumb" href="https://{self.host}/{slug(page.category)}/">{e(page.category)}</a></span></div></div>
<div class="td-pb-row"><div class="td-pb-span8 td-main-content" role="main"><div class="td-ss-main-content">
<article id="post-{len(page.key) * 111}" class="post-{len(page.key) * 111} post type-post status-publish format-standard has-post-thumbnail category-{slug(page.category)}">
<div class="td-post-header"><ul class="td-category"><li class="entry-category"><a href="https://{self.host}/{slug(page.category)}/">{e(page.category)}</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">{e(page.title)}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">Bởi</div> <a href="https://{self.host}/author/pv/">{e(page.author or "PV")}</a><div class="td-author-line"> - </div></div>{date}<div class="td-post-comments"><a href="#respond"><i class="td-icon-comments"></i>0</a></div><div class="td-post-views"><i class="td-icon-views"></i><span class="td-nr-views-{len(page.key)}">{len(page.title) * 7}</span></div></div></header></div>
<div class="td-post-sharing-top"><div class="td-post-sharing td-ps-bg td-ps-notext td-post-sharing-style1 "><div class="td-post-sharing-visible"><a class="td-social-sharing-button td-social-sharing-button-js td-social-network td-social-facebook" href="https://www.facebook.com/sharer.php?u={self.url(page)}" title="Facebook"><div class="td-social-but-icon"><i class="td-icon-facebook"></i></div><div class="td-social-but-text">Facebook</div></a><a class="td-social-sharing-button td-social-sharing-button-js td-social-network td-social-zalo" href="#" title="Zalo"><div class="td-social-but-text">Zalo</div></a></div></div></div>
<div class="td-post-content tagdiv-type">
{body}
</div>
<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>TAGS</span></li><li><a href="https://{self.host}/tag/{slug(page.category)}/">{e(page.category)}</a></li></ul></div></footer>
</article>
{self.related(page) if page.related else ""}
</div></div>
{self.sidebar()}
</div></div></div>"""
        return self.frame(page.title, head, main)

    def render_listing(self, items, excerpts, n):
        mods = "\n".join(
            f'<div class="td-block-span6"><div class="td_module_1 td_module_wrap td-animation-stack"><h3 class="entry-title td-module-title"><a href="https://{self.host}/tin/{slug(t["title"])}.html" rel="bookmark" title="{e(t["title"])}">{e(t["title"])}</a></h3>'
            f'<div class="td-module-meta-info"><span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{iso_local(t["dt"])}" >{t["dt"]:%d/%m/%Y}</time></span></div>'
            + (f'<div class="td-excerpt">{e(t["excerpt"])}</div>' if excerpts else "") + '</div></div>' for t in items)
        main = (f'<div class="td-main-content-wrap td-container-wrap"><div class="td-container"><div class="td-crumb-container"><div class="entry-crumbs"><span><a class="entry-crumb" href="https://{self.host}/">Trang chủ</a></span> <i class="td-icon-right td-bread-sep td-bred-no-url-last"></i> <span class="td-bred-no-url-last">Xã hội</span></div></div>'
                f'<div class="td-pb-row"><div class="td-pb-span8 td-main-content"><div class="td-ss-main-content"><div class="td-page-header"><h1 class="entry-title td-page-title"><span>Xã hội</span></h1></div>{mods}'
                f'<div class="page-nav td-pb-padding-side"><span class="current">{n}</span><a href="https://{self.host}/xa-hoi/page/{n + 1}/" class="page" title="{n + 1}">{n + 1}</a></div></div></div>{self.sidebar()}</div></div></div>')
        return self.frame("Xã hội", '<meta property="og:type" content="website" />', main)


class Joomla4(Family):
    name, host, site = "joomla4", "phuongdonghai.gov.vn", "Cổng thông tin điện tử phường Đông Hải"
    machine_time = True

    def url(self, page):
        return f"https://{self.host}/index.php/tin-tuc/{len(page.key) * 13}-{slug(page.title)}"

    def frame(self, title, main, view):
        return f"""<!DOCTYPE html>
<html lang="vi-vn" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Joomla! - Open Source Content Management"><title>{e(title)}</title>
<link href="/media/templates/site/cassiopeia/css/template.min.css?4.4.2" rel="stylesheet" />
</head>
<body class="site com_content wrapper-static view-{view} no-layout no-task itemid-101 has-sidebar-right">
<header class="header container-header full-width"><div class="grid-child"><div class="navbar-brand"><a class="brand-logo" href="/"><span title="{self.site}">{self.site}</span></a></div></div>
<div class="grid-child container-nav"><ul class="mod-menu mod-list nav "><li class="nav-item item-101 default current active"><a href="/" aria-current="location">Trang chủ</a></li><li class="nav-item item-102"><a href="/index.php/tin-tuc">Tin tức</a></li><li class="nav-item item-103"><a href="/index.php/thu-tuc-hanh-chinh">Thủ tục hành chính</a></li></ul>
<div class="container-search"><form class="mod-finder js-finder-searchform form-search" action="/index.php/tim-kiem" method="get" role="search"><label for="mod-finder-searchword" class="visually-hidden finder">Tìm kiếm</label><input type="text" name="q" id="mod-finder-searchword" class="js-finder-search-query form-control" value="" placeholder="Tìm kiếm ..."></form></div></div></header>
<div class="site-grid">
<div class="grid-child container-component">
<nav class="mod-breadcrumbs__wrapper" aria-label="Breadcrumbs"><ol itemscope itemtype="https://schema.org/BreadcrumbList" class="mod-breadcrumbs breadcrumb px-3 py-2"><li class="mod-breadcrumbs__here float-start">Bạn đang ở: &#160;</li>
<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem" class="mod-breadcrumbs__item breadcrumb-item"><a itemprop="item" href="/" class="pathway"><span itemprop="name">Trang chủ</span></a><meta itemprop="position" content="1"></li>
<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem" class="mod-breadcrumbs__item breadcrumb-item"><a itemprop="item" href="/index.php/tin-tuc" class="pathway"><span itemprop="name">Tin tức</span></a><meta itemprop="position" content="2"></li></ol></nav>
<div id="system-message-container" aria-live="polite"></div>
<main>
{main}
</main>
</div>
<div class="grid-child container-sidebar-right"><div class="sidebar-right card "><h3 class="card-header ">Tin mới</h3><div class="card-body"><ul class="mod-articleslatest latestnews mod-list">
<li itemscope itemtype="https://schema.org/Article"><a href="/index.php/tin-tuc/12-khai-truong-thu-vien-so" itemprop="url"><span itemprop="name">Khai trương thư viện số tại nhà văn hóa xã</span></a></li>
<li itemscope itemtype="https://schema.org/Article"><a href="/index.php/tin-tuc/11-trong-cay" itemprop="url"><span itemprop="name">Trồng 500 cây xanh dọc tuyến đê bao</span></a></li></ul></div></div>
<div class="sidebar-right card "><h3 class="card-header ">Thống kê truy cập</h3><div class="card-body"><div class="mod-stats"><dl class="stats-module"><dt>Người dùng</dt><dd>3</dd><dt>Bài viết</dt><dd>1.482</dd><dt>Lượt xem nội dung</dt><dd>2.315.904</dd></dl></div></div></div></div>
</div>
<footer class="container-footer footer full-width"><div class="grid-child"><div class="mod-custom custom"><p>Cơ quan chủ quản: UBND phường Đông Hải. Địa chỉ: 18 đường Trần Phú, phường Đông Hải. Điện thoại: 0225.3741.222.</p></div></div></footer>
<a href="#top" id="back-top" class="back-to-top-link" aria-label="Về đầu trang"><span class="icon-arrow-up icon-fw" aria-hidden="true"></span></a>
</body></html>"""

    def render(self, page):
        text = ([page.lead] if page.lead else []) + page.paragraphs
        body = paras_html(text)
        if page.caption:
            body = paras_html(text[:1]) + (f'\n<p style="text-align: center;"><img src="/images/tin-tuc/anh.jpg" alt="" width="600" height="400" /></p>'
                                          f'\n<p style="text-align: center;"><em>{e(page.caption)}</em></p>\n') + paras_html(text[1:])
        if page.attachment:
            href, label = page.attachment
            body += f'\n<p><a href="/images/tai-lieu/{href}" target="_blank" rel="noopener">{e(label)}</a></p>'
        info = ""
        if page.show_date:
            info = (f'<dd class="published"><span class="icon-calendar icon-fw" aria-hidden="true"></span>'
                    f'<time datetime="{iso_local(page.dt)}" itemprop="datePublished">Ngày đăng: {page.dt:%d} Tháng {page.dt.month} {page.dt:%Y}</time></dd>')
        related = ""
        if page.related:
            related = ('<div class="main-bottom card "><h3 class="card-header ">Bài viết liên quan</h3><div class="card-body"><ul class="mod-relateditems relateditems mod-list">'
                       + "".join(f'<li><a href="/index.php/tin-tuc/{i + 30}-{slug(t["title"])}">{e(t["title"])}</a></li>' for i, t in enumerate(page.related))
                       + '</ul></div></div>')
        meta = f'<meta itemprop="datePublished" content="{iso_local(page.dt)}">' if not page.show_date else ""
        main = f"""<div class="com-content-article item-page" itemscope itemtype="https://schema.org/Article">
<meta itemprop="inLanguage" content="vi-VN">{meta}
<div class="page-header"><h1 itemprop="headline">{e(page.title)}</h1></div>
<dl class="article-info text-muted"><dt class="article-info-term">Chi tiết</dt>
<dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Person"><span class="icon-user icon-fw" aria-hidden="true"></span>Viết bởi: <span itemprop="name">Quản trị viên</span></dd>
<dd class="category-name"><span class="icon-folder-open icon-fw" aria-hidden="true"></span>Danh mục: <a href="/index.php/tin-tuc" itemprop="genre">Tin tức</a></dd>
{info}
<dd class="hits"><span class="icon-eye icon-fw" aria-hidden="true"></span><meta itemprop="interactionCount" content="UserPageVisits:{len(page.title)}">Lượt xem: {len(page.title)}</dd></dl>
<div itemprop="articleBody" class="com-content-article__body">
{body}
</div>
<nav class="pagenavigation" aria-label="Điều hướng trang"><span class="pagination ms-0"><a class="btn btn-sm btn-secondary previous" href="/index.php/tin-tuc/9-vui-tet-trung-thu" rel="prev"><span class="visually-hidden">Bài trước: Vui Tết Trung thu cho thiếu nhi khu dân cư</span><span class="icon-chevron-left" aria-hidden="true"></span> <span aria-hidden="true">Trước</span></a></span></nav>
</div>
{related}"""
        return self.frame(page.title, main, "article")

    def render_listing(self, items, excerpts, n):
        rows = "\n".join(
            f'<div class="com-content-category-blog__item blog-item" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting"><div class="item-content">'
            f'<div class="page-header"><h2 itemprop="name"><a href="/index.php/tin-tuc/{i + 40}-{slug(t["title"])}" itemprop="url">{e(t["title"])}</a></h2></div>'
            f'<dl class="article-info text-muted"><dd class="published"><time datetime="{iso_local(t["dt"])}" itemprop="datePublished">Ngày đăng: {t["dt"]:%d} Tháng {t["dt"].month} {t["dt"]:%Y}</time></dd></dl>'
            + (f'<p>{e(t["excerpt"])}</p><p class="readmore"><a class="btn btn-secondary" href="/index.php/tin-tuc/{i + 40}-{slug(t["title"])}" aria-label="Xem thêm: {e(t["title"])}"><span class="icon-chevron-right" aria-hidden="true"></span>Xem thêm: {e(t["title"][:30])}...</a></p>' if excerpts else "")
            + '</div></div>' for i, t in enumerate(items))
        main = (f'<div class="com-content-category-blog blog" itemscope itemtype="https://schema.org/Blog"><div class="page-header"><h1>Tin tức</h1></div>'
                f'<div class="com-content-category-blog__items blog-items ">{rows}</div>'
                f'<div class="com-content-category-blog__navigation w-100"><p class="com-content-category-blog__counter counter float-end pt-3 pe-2">Trang {n} của 9</p></div></div>')
        return self.frame("Tin tức", main, "category")


class DrupalOlivero(Family):
    name, host, site = "drupal_olivero", "huyenyenthanh.gov.vn", "Huyện Yên Thành"

    def url(self, page):
        return f"https://{self.host}/vi/tin-tuc/{slug(page.title)}"

    def frame(self, title, head, main):
        return f"""<!DOCTYPE html>
<html lang="vi" dir="ltr" style="--color--primary-hue:202;--color--primary-saturation:79%;--color--primary-lightness:50"><head>
<meta charset="utf-8" /><meta name="Generator" content="Drupal 10 (https://www.drupal.org)" /><meta name="MobileOptimized" content="width" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
{head}
<title>{e(title)} | {self.site}</title>
</head>
<body class="path-node page-node-type-article">
<a href="#main-content" class="visually-hidden focusable skip-link">Chuyển đến nội dung chính</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas><div id="page-wrapper" class="page-wrapper"><div id="page">
<header id="header" class="site-header" data-drupal-selector="site-header" role="banner"><div class="site-header__fixable" data-drupal-selector="site-header-fixable"><div class="site-header__initial"><button class="sticky-header-toggle" data-drupal-selector="sticky-header-toggle" role="switch" aria-controls="site-header__inner" aria-label="Đầu trang cố định" aria-checked="false"><span class="sticky-header-toggle__icon"><span></span><span></span><span></span></span></button></div>
<div id="site-header__inner" class="site-header__inner" data-drupal-selector="site-header-inner"><div class="container site-header__inner__container">
<div id="block-olivero-site-branding" class="site-branding--bg-gray site-branding block block-system block-system-branding-block"><div class="site-branding__inner"><div class="site-branding__text"><div class="site-branding__name"><a href="/vi" title="Trang chủ" rel="home">{self.site}</a></div></div></div></div>
<div class="header-nav-overlay" data-drupal-selector="header-nav-overlay"></div><div class="mobile-buttons" data-drupal-selector="mobile-buttons"><button class="mobile-nav-button" data-drupal-selector="mobile-nav-button" aria-label="Menu chính" aria-controls="header-nav" aria-expanded="false"><span class="mobile-nav-button__label">Menu</span></button></div>
<div id="header-nav" class="header-nav" data-drupal-selector="header-nav"><nav  id="block-olivero-main-menu" class="primary-nav block block-menu navigation menu--main" aria-labelledby="block-olivero-main-menu-menu" role="navigation"><h2 class="visually-hidden block__title" id="block-olivero-main-menu-menu">Điều hướng chính</h2>
<ul class="menu primary-nav__menu primary-nav__menu--level-1" data-drupal-selector="primary-nav-menu--level-1"><li class="primary-nav__menu-item primary-nav__menu-item--link primary-nav__menu-item--level-1"><a href="/vi" class="primary-nav__menu-link primary-nav__menu-link--link primary-nav__menu-link--level-1" data-drupal-selector="primary-nav-menu-link-has-children"><span class="primary-nav__menu-link-inner primary-nav__menu-link-inner--level-1">Trang chủ</span></a></li>
<li class="primary-nav__menu-item primary-nav__menu-item--link primary-nav__menu-item--level-1"><a href="/vi/tin-tuc" class="primary-nav__menu-link primary-nav__menu-link--link primary-nav__menu-link--level-1"><span class="primary-nav__menu-link-inner primary-nav__menu-link-inner--level-1">Tin tức</span></a></li>
<li class="primary-nav__menu-item primary-nav__menu-item--link primary-nav__menu-item--level-1"><a href="/vi/cong-khai" class="primary-nav__menu-link primary-nav__menu-link--link primary-nav__menu-link--level-1"><span class="primary-nav__menu-link-inner primary-nav__menu-link-inner--level-1">Công khai ngân sách</span></a></li></ul></nav></div>
</div></div></div></header>
<div id="main-wrapper" class="layout-main-wrapper layout-container"><div id="main" class="layout-main"><div class="main-content"><a id="main-content" tabindex="-1"></a>
{main}
</div></div>
<div class="social-bar"><div class="social-bar__inner fixable"><div class="rotate"><div id="block-olivero-syndicate" role="complementary" class="block block-node block-node-syndicate-block"><div class="block-content"><a href="/vi/rss.xml" class="feed-icon">RSS feed</a></div></div></div></div></div>
</div>
<footer class="site-footer"><div class="site-footer__inner container"><div class="region region--footer-top grid-full"><div class="region--footer_top__inner"><div id="block-olivero-footer" class="block block-block-content"><div class="block-content"><div class="text-content clearfix field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>Trang thông tin điện tử huyện Yên Thành. Chịu trách nhiệm nội dung: Văn phòng HĐND và UBND huyện. Địa chỉ: khối 4, thị trấn Yên Thành.</p></div></div></div></div></div>
<div class="region region--footer-bottom grid-full"><div id="block-olivero-powered" class="block block-system block-system-powered-by-block"><span>Vận hành bởi <a href="https://www.drupal.org">Drupal</a></span></div></div></div></footer>
<div class="overlay" data-drupal-selector="overlay"></div></div></div>
</body></html>"""

    def render(self, page):
        text = ([page.lead] if page.lead else []) + page.paragraphs
        body = paras_html(text)
        if page.caption:
            body = paras_html(text[:1]) + (f'\n<figure role="group" class="caption caption-img"><img src="/sites/default/files/inline-images/anh.jpg" data-entity-uuid="3b1e" data-entity-type="file" width="800" height="500" loading="lazy" />'
                                          f'<figcaption>{e(page.caption)}</figcaption></figure>\n') + paras_html(text[1:])
        files = ""
        if page.attachment:
            href, label = page.attachment
            files = (f'<div class="field field--name-field-tep-dinh-kem field--type-file field--label-above"><div class="field__label">Tệp đính kèm</div><div class="field__items">'
                     f'<div class="field__item"><span class="file file--mime-application-pdf file--application-pdf"><a href="https://{self.host}/sites/default/files/{page.dt:%Y-%m}/{href}" type="application/pdf" title="{e(href)}">{e(label)}</a></span><span>(245.8 KB)</span></div></div></div>')
        meta = (f'<div class="node__meta"><span><span class="field field--name-uid field--type-entity-reference field--label-hidden"><span>Ban biên tập</span></span></span>'
                f'<span class="node__meta-date">{WEEKDAYS[page.dt.weekday()]}, {page.dt:%d/%m/%Y - %H:%M}</span></div>') if page.show_date else ""
        related = ""
        if page.related:
            rows = "".join(f'<div class="views-row"><div class="views-field views-field-title"><span class="field-content"><a href="/vi/tin-tuc/{slug(t["title"])}" hreflang="vi">{e(t["title"])}</a></span></div>'
                           f'<div class="views-field views-field-body"><div class="field-content">{e(t["excerpt"])}</div></div></div>' for t in page.related)
            related = (f'<div class="views-element-container block block-views block-views-blockbai-lien-quan-block-1" id="block-olivero-views-block-bai-lien-quan-block-1">'
                       f'<h2 class="block__title">Bài viết liên quan</h2><div class="block__content"><div><div class="view view-bai-lien-quan view-id-bai_lien_quan view-display-id-block_1 js-view-dom-id-9f1c">'
                       f'<div class="view-content">{rows}</div></div></div></div></div>')
        head = f'<link rel="canonical" href="{self.url(page)}" />'
        if not page.show_date:
            head += "\n" + self.metadata_only_head(page)
        main = f"""<div class="region region--highlighted grid-full layout--pass--content-medium"><div data-drupal-messages-fallback class="hidden messages-list"></div></div>
<div class="region region--breadcrumb grid-full layout--pass--content-medium"><div id="block-olivero-breadcrumbs" class="block block-system block-system-breadcrumb-block"><div class="block__content"><nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2><div class="breadcrumb__content"><ol class="breadcrumb__list"><li class="breadcrumb__item"><a href="/vi" class="breadcrumb__link">Trang chủ</a></li><li class="breadcrumb__item"><a href="/vi/tin-tuc" class="breadcrumb__link">Tin tức</a></li></ol></div></nav></div></div></div>
<div class="region region--content-above grid-full layout--pass--content-medium"><div id="block-olivero-page-title" class="block block-core block-page-title-block"><h1 class="title page-title"><span class="field field--name-title field--type-string field--label-hidden">{e(page.title)}</span></h1></div></div>
<div class="region region--content grid-full layout--pass--content-medium" id="content"><div id="block-olivero-content" class="block block-system block-system-main-block"><div class="block__content">
<article data-history-node-id="{len(page.key) * 17}" role="article" about="/vi/tin-tuc/{slug(page.title)}" class="node node--type-article node--promoted node--view-mode-full">
<header class="">{meta}</header>
<div class="node__content">
<div class="text-content clearfix field field--name-body field--type-text-with-summary field--label-hidden field__item">{body}</div>
{files}
<div class="field field--name-field-tags field--type-entity-reference field--label-above field--tags"><h3 class="field__label field--tags__label">Tags</h3><ul class="links field__items field--tags__items"><li class="field--tags__item"><a href="/vi/taxonomy/term/3" hreflang="vi">{e(page.category)}</a></li></ul></div>
</div>
</article>
</div></div>
{related}
</div>"""
        return self.frame(page.title, head, main)

    def render_listing(self, items, excerpts, n):
        rows = "\n".join(
            f'<div class="views-row"><article role="article" class="node node--type-article node--view-mode-teaser text-content"><header><h2 class="node__title"><a href="/vi/tin-tuc/{slug(t["title"])}" rel="bookmark"><span class="field field--name-title field--type-string field--label-hidden">{e(t["title"])}</span></a></h2>'
            f'<div class="node__meta"><span class="node__meta-date">{WEEKDAYS[t["dt"].weekday()]}, {t["dt"]:%d/%m/%Y - %H:%M}</span></div></header>'
            + (f'<div class="node__content"><div class="text-content clearfix field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>{e(t["excerpt"])}</p></div>'
               f'<ul class="links inline"><li><a href="/vi/tin-tuc/{slug(t["title"])}" rel="tag" title="{e(t["title"])}" hreflang="vi">Xem thêm<span class="visually-hidden"> về {e(t["title"])}</span></a></li></ul></div>' if excerpts else "")
            + '</article></div>' for t in items)
        main = (f'<div class="region region--content-above grid-full layout--pass--content-medium"><div class="block block-core block-page-title-block"><h1 class="title page-title">Tin tức</h1></div></div>'
                f'<div class="region region--content grid-full layout--pass--content-medium" id="content"><div class="views-element-container"><div class="view view-frontpage view-id-tin_tuc view-display-id-page_1"><div class="view-content">{rows}</div>'
                f'<nav class="pager" role="navigation" aria-labelledby="pagination-heading"><h4 id="pagination-heading" class="visually-hidden">Phân trang</h4><ul class="pager__items js-pager__items"><li class="pager__item pager__item--next"><a href="?page={n}" title="Đến trang sau" rel="next"><span class="visually-hidden">Trang sau</span></a></li></ul></nav></div></div></div>')
        return self.frame("Tin tức", "", main)


class NukeViet4(Family):
    name, host, site = "nukeviet4", "xaphuson.gov.vn", "Cổng thông tin điện tử xã Phú Sơn"

    def url(self, page):
        return f"https://{self.host}/news/{slug(page.category)}/{slug(page.title)}-{len(page.key) * 19}.html"

    def frame(self, title_tag, head, main):
        return f"""<!DOCTYPE html>
<html lang="vi" xmlns="http://www.w3.org/1999/xhtml" prefix="og: http://ogp.me/ns#"><head>
<title>{e(title_tag)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="generator" content="NukeViet v4.5">
{head}
<link rel="StyleSheet" href="/themes/default/css/nukeviet.css">
</head>
<body>
<noscript><div class="alert alert-danger">Trình duyệt của bạn đã tắt chức năng hỗ trợ JavaScript.</div></noscript>
<div class="body-bg"><div class="wraper">
<header><div class="container"><div id="header" class="row"><div class="logo col-xs-24 col-sm-24 col-md-8"><a title="{self.site}" href="/"><img src="/uploads/logo.png" alt="{self.site}"></a><span class="site_name">{self.site}</span><span class="site_description">Huyện Lương Sơn, tỉnh Hòa Bình</span></div></div></div></header>
<nav class="second-nav" id="menusite"><div class="container"><div class="row"><div class="bg box-shadow"><div class="navbar navbar-default navbar-static-top" role="navigation"><div class="collapse navbar-collapse" id="menu-site-default"><ul class="nav navbar-nav">
<li><a class="home" title="Trang nhất" href="/"><em class="fa fa-lg fa-home">&nbsp;</em><span class="visible-xs-inline-block"> Trang nhất</span></a></li>
<li class="dropdown"><a title="Tin Tức" href="/news/">Tin Tức</a></li><li><a title="Văn bản" href="/laws/">Văn bản</a></li><li><a title="Liên hệ" href="/contact/">Liên hệ</a></li></ul></div></div></div></div></div></nav>
<section><div class="container" id="body"><nav class="third-nav"><div class="row"><div class="bg"><div class="clearfix"><div class="col-xs-24 col-sm-18 col-md-18"><div class="breadcrumbs-wrap"><div class="display"><a class="show-subs-breadcrumbs hidden" href="#" onclick="showSubBreadcrumbs(this, event);"><em class="fa fa-lg fa-angle-right"></em></a>
<ul class="breadcrumbs list-none"></ul></div><ul class="subs-breadcrumbs"></ul><ul class="temp-breadcrumbs hidden" itemscope itemtype="https://schema.org/BreadcrumbList"><li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a href="/" itemprop="item" title="Trang nhất"><span itemprop="name">Trang nhất</span></a><i class="hidden" itemprop="position" content="1"></i></li><li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a href="/news/" itemprop="item" title="Tin Tức"><span class="txt" itemprop="name">Tin Tức</span></a><i class="hidden" itemprop="position" content="2"></i></li></ul></div></div></div></div></div></nav>
<div class="row"><div class="col-sm-16 col-md-18">
{main}
</div>
<div class="col-sm-8 col-md-6"><div class="panel panel-primary"><div class="panel-heading">Tin xem nhiều</div><div class="panel-body"><ul class="block_tophits list-none list-items">
<li class="clearfix"><a class="show" href="/news/tin-tuc/ra-mat-mo-hinh-tiet-kiem-14.html" title="Hội Phụ nữ ra mắt mô hình tiết kiệm vì phụ nữ nghèo">Hội Phụ nữ ra mắt mô hình tiết kiệm vì phụ nữ nghèo</a></li>
<li class="clearfix"><a class="show" href="/news/tin-tuc/tien-dua-thanh-nien-15.html" title="Tiễn đưa thanh niên lên đường nhập ngũ">Tiễn đưa thanh niên lên đường nhập ngũ</a></li></ul></div></div>
<div class="panel panel-primary"><div class="panel-heading">Thống kê truy cập</div><div class="panel-body"><ul class="counter list-none display-table"><li><span><em class="fa fa-bolt fa-fw"></em>Đang truy cập</span><span>{len(title_tag) % 40 + 3}</span></li><li><span><em class="fa fa-filter fa-fw"></em>Hôm nay</span><span>{len(title_tag) * 9}</span></li><li><span><em class="fa fa-bar-chart fa-fw"></em>Tổng lượt truy cập</span><span>1.{len(title_tag) * 13}.804</span></li></ul></div></div></div>
</div></div></section>
<footer id="footer" class="footer"><div class="wraper"><div class="container"><div class="row"><div class="col-xs-24 col-sm-24 col-md-12"><div class="company_info"><h3 class="company_name"><span>UBND XÃ PHÚ SƠN</span></h3>
<ul class="company_info list-none"><li class="company_address"><em class="fa fa-map-marker"></em><span>Địa chỉ: Thôn Đồng Chanh, xã Phú Sơn, huyện Lương Sơn, tỉnh Hòa Bình</span></li><li><em class="fa fa-phone"></em><span>Điện thoại: <a href="tel:02183825555">0218.3825.555</a></span></li></ul></div></div>
<div class="col-xs-24 col-sm-24 col-md-12"><div class="copyright"><span>&copy;&nbsp;Bản quyền thuộc về <a href="/">UBND xã Phú Sơn</a>.&nbsp; Mọi quyền được bảo lưu.</span><br><span>Mã nguồn <a href="https://nukeviet.vn/">NukeViet CMS</a>.</span></div></div></div></div></div></footer>
</div></div>
</body></html>"""

    def render(self, page):
        text = list(page.paragraphs)
        body = paras_html(text)
        if page.caption:
            body = paras_html(text[:1]) + (f'\n<div style="text-align:center"><figure class="image"><img alt="" height="400" src="/uploads/news/2024_01/anh.jpg" width="600" />'
                                          f'<figcaption>{e(page.caption)}</figcaption></figure></div>\n') + paras_html(text[1:])
        hometext = f'<div class="hometext m-bottom">{e(page.lead)}</div>' if page.lead else ""
        files = ""
        if page.attachment:
            href, label = page.attachment
            files = (f'<div class="news_column panel panel-default"><div class="panel-body"><h3 class="newh3"><em class="fa fa-download">&nbsp;</em>Tải file đính kèm</h3>'
                     f'<div class="list-group news-download-file"><div class="list-group-item"><span class="badge"><a role="button" data-toggle="collapse" href="#file-1" aria-expanded="false"><i class="fa fa-eye" data-rel="tooltip" data-content="Xem trước"></i></a></span>'
                     f'<a href="/news/{slug(page.category)}/{slug(page.title)}-{len(page.key) * 19}.html?download=1&amp;id=1" title="{e(href)}">{e(label)}</a></div></div></div></div>')
        date = (f'<div class="row margin-bottom-lg"><div class="col-md-12"><span class="h5">{WEEKDAYS_LOWER[page.dt.weekday()]} - {page.dt:%d/%m/%Y %H:%M}</span></div>'
                f'<div class="col-md-12"><ul class="list-inline text-right"><li><a class="dimgray" rel="nofollow" title="Gửi bài viết qua email" href="javascript:void(0);"><em class="fa fa-envelope fa-lg">&nbsp;</em></a></li><li><a class="dimgray" rel="nofollow" title="In ấn" href="javascript:void(0);"><em class="fa fa-print fa-lg">&nbsp;</em></a></li></ul></div></div>'
                ) if page.show_date else ""
        author = (f'<div class="margin-bottom-lg"><p class="h5 text-right"><strong>Tác giả bài viết: </strong>{e(page.author)}</p></div>' if page.author else "")
        related = ""
        if page.related:
            newer = "".join(f'<li><em class="fa fa-angle-right">&nbsp;</em><a class="list-inline" href="/news/tin-tuc/{slug(t["title"])}.html" title="{e(t["title"])}">{e(t["title"])}</a><em> ({t["dt"]:%d/%m/%Y})</em></li>' for t in page.related)
            related = (f'<div class="news_column panel panel-default"><div class="panel-body other-news"><p class="h3"><strong>Những tin mới hơn</strong></p>'
                       f'<div class="clearfix"><ul class="related list-items">{newer}</ul></div></div></div>')
        head = f'<meta property="og:title" content="{e(page.title)}">\n<meta property="og:type" content="website">'
        if not page.show_date:
            head += f'\n<meta property="article:published_time" content="{iso_local(page.dt)}">'
        main = f"""<div class="news_column panel panel-default" itemtype="http://schema.org/NewsArticle" itemscope><div class="panel-body">
<h1 class="title margin-bottom-lg" itemprop="headline">{e(page.title)}</h1>
{date}
<div class="clearfix">{hometext}</div>
<div id="news-bodyhtml" class="bodytext margin-bottom-lg">
{body}
</div>
{author}
</div></div>
{files}
<div class="news_column panel panel-default"><div class="panel-body"><div class="h5 clearfix"><p class="pull-left">Tổng số điểm của bài viết là: 0 trong 0 đánh giá</p></div><div class="clearfix"><div class="h5 pull-left"><p>Click để đánh giá bài viết</p></div></div></div></div>
{related}"""
        return self.frame(f"{page.title} - {page.category} - {self.site}", head, main)

    def render_listing(self, items, excerpts, n):
        rows = "\n".join(
            f'<div class="news_column panel panel-default"><div class="panel-body"><h3><a href="/news/tin-tuc/{slug(t["title"])}.html" title="{e(t["title"])}">{e(t["title"])}</a></h3>'
            f'<div class="text-muted"><ul class="list-unstyled list-inline"><li><em class="fa fa-clock-o">&nbsp;</em> {WEEKDAYS_LOWER[t["dt"].weekday()]}, {t["dt"]:%d/%m/%Y %H:%M}</li></ul></div>'
            + (f'<p>{e(t["excerpt"])}</p>' if excerpts else "") + '</div></div>' for t in items)
        pages = f'<div class="text-center"><ul class="pagination"><li class="active"><a href="#">{n}</a></li><li><a href="/news/tin-tuc/page-{n + 1}/">{n + 1}</a></li></ul></div>'
        return self.frame(f"Tin Tức - {self.site}", "", rows + pages)


class DNNEasyDNN(Family):
    name, host, site = "dnn_easydnn", "thanhphovinhyen.gov.vn", "Cổng thông tin điện tử thành phố Vĩnh Yên"

    def url(self, page):
        return f"https://{self.host}/tin-tuc/ArticleID/{len(page.key) * 23}/{slug(page.title)}"

    def frame(self, title, head, main):
        return f"""<!DOCTYPE html>
<html lang="vi-VN"><head id="Head"><meta content="text/html; charset=UTF-8" http-equiv="Content-Type" />
<title>{e(title)}</title>
{head}
<link href="/Portals/_default/skins/xcillion/skin.css?cdv=95" type="text/css" rel="stylesheet"/>
</head>
<body id="Body">
<form method="post" action="/tin-tuc" id="Form" enctype="multipart/form-data">
<div class="aspNetHidden"><input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" /><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="b2mX0yWk9Zs" /></div>
<div id="siteWrapper">
<div id="userControls" class="wrapper"><div class="container"><div class="row-fluid"><div class="span2 hidden-phone"></div><div class="span10 pull-right"><div id="search-top" class="pull-right"><span id="dnn_dnnSearch_ClassicSearch"><input name="dnn$dnnSearch$txtSearch" type="text" maxlength="255" size="20" id="dnn_dnnSearch_txtSearch" class="NormalTextBox" aria-label="Search" autocomplete="off" placeholder="Tìm kiếm..." /><a id="dnn_dnnSearch_cmdSearch" class="SearchButton" href="javascript:__doPostBack(&#39;dnn$dnnSearch$cmdSearch&#39;,&#39;&#39;)">Tìm</a></span></div></div></div></div></div>
<div id="siteHeadouter"><div id="siteHeadinner" class="container"><div class="navbar"><div class="navbar-inner"><span class="brand visible-desktop"><a id="dnn_dnnLOGO_hypLogo" title="{self.site}" aria-label="{self.site}" href="https://{self.host}/"><img id="dnn_dnnLOGO_imgLogo" src="/Portals/0/logo.png" alt="{self.site}" /></a></span>
<div id="navbar" class="nav-collapse collapse pull-right"><ul class="nav nav-pills"><li class="active"><a href="https://{self.host}/">Trang chủ</a></li><li class=""><a href="https://{self.host}/tin-tuc">Tin tức</a></li><li class=""><a href="https://{self.host}/van-ban">Văn bản chỉ đạo điều hành</a></li></ul></div></div></div></div></div>
<div id="contentWrapper"><div class="container"><div class="row dnnpane"><div id="dnn_HeaderPane" class="span12 HeaderPane DNNEmptyPane"></div></div>
<div class="row dnnpane"><div id="dnn_ContentPane" class="span8 contentPane">
<div class="DnnModule DnnModule-EasyDNNnews DnnModule-{len(title) + 400}"><a name="{len(title) + 400}"></a><div class="DNNContainer_noTitle"><div id="dnn_ctr{len(title) + 400}_ContentPane"><div id="dnn_ctr{len(title) + 400}_ModuleContent" class="DNNModuleContent ModEasyDNNnewsC">
{main}
</div></div></div></div>
</div>
<div id="dnn_RightPane" class="span4 RightPane"><div class="DnnModule DnnModule-DNN_HTML DnnModule-388"><a name="388"></a><div class="c_container c_head_grey"><div class="c_head"><h2 class="c_title"><span id="dnn_ctr388_dnnTITLE_titleLabel" class="TitleHead">Liên kết</span></h2></div><div class="c_content"><div id="dnn_ctr388_ContentPane" class="Normal"><div id="dnn_ctr388_ModuleContent" class="DNNModuleContent ModDNNHTMLC"><div id="dnn_ctr388_HtmlModule_lblContent" class="Normal">
<p><a href="http://vinhphuc.gov.vn">Cổng thông tin điện tử tỉnh Vĩnh Phúc</a></p><p><a href="http://dichvucong.gov.vn">Cổng Dịch vụ công quốc gia</a></p></div></div></div></div></div></div></div>
</div></div></div>
<div id="footer" class="wrapper"><div class="container"><div class="row dnnpane"><div id="dnn_footer_left" class="span6 footer-left"><div class="DnnModule DnnModule-DNN_HTML DnnModule-389"><div id="dnn_ctr389_HtmlModule_lblContent" class="Normal"><p>Cơ quan chủ quản: UBND thành phố Vĩnh Yên. Trưởng ban biên tập: Chánh Văn phòng HĐND và UBND thành phố. Số giấy phép 12/GP-TTĐT.</p></div></div></div></div>
<div class="row dnnpane copyright"><div class="span12"><span id="dnn_dnnCopyright_lblCopyright" class="SkinObject">Bản quyền 2024 UBND thành phố Vĩnh Yên</span> | <a id="dnn_dnnTerms_hypTerms" class="SkinObject" rel="nofollow" href="https://{self.host}/Terms">Điều khoản sử dụng</a></div></div></div></div>
</div>
</form></body></html>"""

    def render(self, page):
        text = list(page.paragraphs)
        body = paras_html(text)
        if page.caption:
            body = paras_html(text[:1]) + (f'\n<p style="text-align: center;"><img alt="" src="/Portals/0/EasyDNNnews/{len(page.key)}/anh.jpg" style="width: 600px; height: 400px;" /><br />'
                                          f'<em>{e(page.caption)}</em></p>\n') + paras_html(text[1:])
        summary = f'<div class="edn_articleSummary"><p>{e(page.lead)}</p></div>' if page.lead else ""
        docs = ""
        if page.attachment:
            href, label = page.attachment
            docs = (f'<div class="edn_articleDocuments"><h3 class="edn_documentsTitle">Tài liệu đính kèm</h3><ul class="edn_articleDocumentsList">'
                    f'<li><a class="edn_docLink" href="/DesktopModules/EasyDNNNews/DocumentDownload.ashx?portalid=0&amp;moduleid={len(page.key)}&amp;articleid=1&amp;documentid=2/{e(href)}">{e(label)}</a></li></ul></div>')
        date = (f'<div class="edn_metaDetails"><span class="edn_articleDate">{WEEKDAYS_LOWER[page.dt.weekday()]}, {page.dt:%d %m %Y %H:%M}</span>'
                f'<span class="edn_articleViews"> Lượt xem: {len(page.title) * 3}</span></div>') if page.show_date else ""
        related = ""
        if page.related:
            related = ('<div class="edn_relatedArticles"><h3 class="edn_relatedTitle">Tin liên quan</h3><ul>'
                       + "".join(f'<li><a href="https://{self.host}/tin-tuc/ArticleID/{i + 70}/{slug(t["title"])}">{e(t["title"])}</a> <span class="edn_date">({t["dt"]:%d/%m/%Y})</span></li>' for i, t in enumerate(page.related))
                       + '</ul></div>')
        head = f'<meta id="MetaDescription" name="DESCRIPTION" content="{e(page.lead or page.title)}" />'
        if not page.show_date:
            head += f'\n<meta property="og:type" content="article" /><meta property="article:published_time" content="{iso_local(page.dt)}" />'
        main = f"""<div class="eds_news_Ozone eds_subCollection_news eds_styleSwitchCriteria_module-{len(page.key)} eds_template_Details_Article_Default">
<div class="edn_article edn_articleDetails">
<h1 class="edn_articleTitle">{e(page.title)}</h1>
{date}
{summary}
<div class="edn_articleContent">
{body}
</div>
{docs}
<div class="edn_socialPrintWrapper"><a class="edn_printButton" href="https://{self.host}/tin-tuc/ArticleID/1/Print" target="_blank">In bài</a></div>
{related}
</div></div>"""
        return self.frame(page.title, head, main)

    def render_listing(self, items, excerpts, n):
        rows = "\n".join(
            f'<div class="edn_article edn_clearFix"><h2 class="edn_articleTitle"><a href="https://{self.host}/tin-tuc/ArticleID/{i + 90}/{slug(t["title"])}">{e(t["title"])}</a></h2>'
            f'<div class="edn_metaDetails"><span class="edn_articleDate">{WEEKDAYS_LOWER[t["dt"].weekday()]}, {t["dt"]:%d %m %Y %H:%M}</span></div>'
            + (f'<div class="edn_articleSummary"><p>{e(t["excerpt"])}</p></div><a class="edn_readMore edn_readMoreButton" href="https://{self.host}/tin-tuc/ArticleID/{i + 90}/{slug(t["title"])}">Xem tiếp</a>' if excerpts else "")
            + '</div>' for i, t in enumerate(items))
        main = (f'<div class="eds_news_Ozone eds_subCollection_news eds_template_List_Article_Default"><div class="edn_articleList">{rows}</div>'
                f'<div class="article_pager"><a class="active" href="#">{n}</a><a class="page" href="https://{self.host}/tin-tuc/PgrID/1/PageID/{n + 1}">{n + 1}</a><a class="next" href="https://{self.host}/tin-tuc/PgrID/1/PageID/{n + 1}">Sau</a></div></div>')
        return self.frame("Tin tức", "", main)


class SharePoint2013(Family):
    name, host, site = "sharepoint2013", "quanthanhxuan.gov.vn", "Cổng giao tiếp điện tử quận Thanh Xuân"
    visible_time = True

    def url(self, page):
        return f"https://{self.host}/Pages/tin-tuc-su-kien.aspx?ItemID={len(page.key) * 29}"

    def webpart(self, title, content, n):
        return (f'<div class="ms-webpart-zone ms-fullWidth"><div id="MSOZoneCell_WebPartWPQ{n}" class="s4-wpcell-plain ms-webpartzone-cell ms-webpart-cell-vertical ms-fullWidth ">'
                f'<div class="ms-webpart-chrome ms-webpart-chrome-vertical ms-webpart-chrome-fullWidth ">'
                + (f'<div class="ms-webpart-chrome-title" id="WebPartWPQ{n}_ChromeTitle"><span title="{e(title)}" id="WebPartTitleWPQ{n}" class="js-webpart-titleCell"><h2 class="ms-webpart-titleText"><nobr><span>{e(title)}</span><span id="WebPartCaptionWPQ{n}"></span></nobr></h2></span></div>' if title else "")
                + f'<div WebPartID="{n}a1b2" HasPers="false" id="WebPartWPQ{n}" width="100%" class="ms-WPBody noindex " allowDelete="false" style="" >{content}</div></div></div></div>')

    def frame(self, title, main, right):
        return f"""<!DOCTYPE html >
<html dir="ltr" lang="vi-VN"><head><meta http-equiv="X-UA-Compatible" content="IE=10" /><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Content-type" content="text/html; charset=utf-8" />
<title>
	{e(title)}
</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/corev15.css?rev=2bpHeX9U8DH09TB5zpJcsQ%3D%3D"/>
</head>
<body><div id="imgPrefetch" style="display:none"><img src="/_layouts/15/images/spcommon.png?rev=23" /></div>
<form method="post" action="./tin-tuc-su-kien.aspx" onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">
<div class="aspNetHidden"><input type="hidden" name="_wpcmWpid" id="_wpcmWpid" value="" /><input type="hidden" name="__REQUESTDIGEST" id="__REQUESTDIGEST" value="0x9C1F" /></div>
<div id="ms-designer-ribbon"><div id="s4-ribbonrow" style="visibility:hidden;display:none"></div></div>
<div id="s4-workspace" class="ms-core-overlay"><div id="s4-bodyContainer">
<div class="header-portal"><div class="banner"><a href="/"><img src="/PublishingImages/banner.jpg" alt="{self.site}" /></a></div>
<div class="menu-top"><ul class="root static"><li class="static"><a class="static menu-item" href="/Pages/default.aspx"><span class="menu-item-text">Trang chủ</span></a></li><li class="static"><a class="static menu-item" href="/Pages/gioi-thieu.aspx"><span class="menu-item-text">Giới thiệu</span></a></li><li class="static"><a class="static menu-item" href="/Pages/tin-tuc-su-kien.aspx"><span class="menu-item-text">Tin tức - Sự kiện</span></a></li><li class="static"><a class="static menu-item" href="/Pages/van-ban.aspx"><span class="menu-item-text">Văn bản</span></a></li></ul></div></div>
<div id="contentRow"><div id="contentBox" aria-live="polite" aria-relevant="all"><div id="DeltaPlaceHolderMain"><a id="mainContent" name="mainContent" tabindex="-1"></a>
<table class="layout-table" width="100%" cellpadding="0" cellspacing="0"><tr><td class="col-left" valign="top">
{main}
</td><td class="col-right" valign="top" width="280">
{right}
</td></tr></table>
</div></div></div>
<div class="footer-portal"><div class="footer-content"><p>CỔNG GIAO TIẾP ĐIỆN TỬ QUẬN THANH XUÂN</p><p>Cơ quan chủ quản: Ủy ban nhân dân quận Thanh Xuân. Địa chỉ: số 9 phố Khương Đình. Điện thoại: 024.3858.1234. Email: ubnd_thanhxuan@hanoi.gov.vn</p></div></div>
</div></div>
</form></body></html>"""

    def right(self):
        links = ('<ul class="dfwp-column dfwp-list" style="width:100%"><li class="dfwp-item"><div class="link-item"><a href="/Pages/lich-cong-tac.aspx" title="">Lịch công tác tuần</a></div></li>'
                 '<li class="dfwp-item"><div class="link-item"><a href="/Pages/hoi-dap.aspx" title="">Hỏi đáp trực tuyến</a></div></li></ul>')
        counter = '<div class="counter"><span>Số lượt truy cập: </span><span class="count">2.418.557</span></div>'
        return self.webpart("Tiện ích", links, 4) + self.webpart("Thống kê truy cập", counter, 5)

    def render(self, page):
        text = list(page.paragraphs)
        body = paras_html(text)
        if page.caption:
            body = paras_html(text[:1]) + (f'\n<p style="text-align:center"><img src="/PublishingImages/tin-tuc/{page.key}.jpg" alt="" style="margin:5px;width:600px" /></p>'
                                          f'\n<p style="text-align:center"><em>{e(page.caption)}</em></p>\n') + paras_html(text[1:])
        if page.attachment:
            href, label = page.attachment
            body += f'\n<p><strong>Văn bản đính kèm: </strong><a href="/Documents/{href}" target="_blank">{e(label)}</a></p>'
        date = f'<div class="Date">{page.dt:%d/%m/%Y} {page.dt.hour % 12 or 12}:{page.dt:%M} {"SA" if page.dt.hour < 12 else "CH"}</div>' if page.show_date else ""
        summary = f'<div class="Summary">{e(page.lead)}</div>' if page.lead else ""
        detail = f"""<div class="ArticleDetail">
<div class="Title">{e(page.title)}</div>
{date}
{summary}
<div class="Content"><div class="ExternalClass{len(page.key) * 1234567:X}">
{body}
</div></div>
<div class="Author">{e(page.author) if page.author else ""}</div>
</div>"""
        if not page.show_date:
            detail = detail.replace('<div class="ArticleDetail">', f'<div class="ArticleDetail"><meta itemprop="datePublished" content="{iso_local(page.dt)}" />')
        main = self.webpart("", detail, 2)
        if page.related:
            items = "".join(f'<li class="dfwp-item"><div class="item"><div class="link-item"><a href="/Pages/tin-tuc-su-kien.aspx?ItemID={i + 300}" title="">{e(t["title"])}</a>'
                            f'<div class="description">({t["dt"]:%d/%m/%Y})</div></div></div></li>' for i, t in enumerate(page.related))
            main += self.webpart("Tin khác", f'<ul class="dfwp-column dfwp-list" style="width:100%">{items}</ul>', 3)
        return self.frame(page.title, main, self.right())

    def render_listing(self, items, excerpts, n):
        rows = "".join(
            f'<li class="dfwp-item"><div class="item"><div class="link-item"><a href="/Pages/tin-tuc-su-kien.aspx?ItemID={i + 500}" title="">{e(t["title"])}</a>'
            f'<div class="date">{t["dt"]:%d/%m/%Y}</div>' + (f'<div class="description">{e(t["excerpt"])}</div>' if excerpts else "") + '</div></div></li>'
            for i, t in enumerate(items))
        main = self.webpart("Tin tức - Sự kiện", f'<ul class="dfwp-column dfwp-list" style="width:100%">{rows}</ul><div class="paging"><a href="?Page={n + 1}">Trang sau</a></div>', 2)
        return self.frame("Tin tức - Sự kiện", main, self.right())


class Liferay62(Family):
    name, host, site = "liferay62", "sotuphap.camau.gov.vn", "Sở Tư pháp"
    visible_time = False  # the asset publisher shows the day only ("05/04/21")

    def url(self, page):
        return f"https://{self.host}/web/guest/tin-tuc/-/asset_publisher/Xy7aBcD/content/{slug(page.title)}"

    def frame(self, title, main):
        return f"""<!DOCTYPE html>
<html class="aui ltr" dir="ltr" lang="vi-VN"><head><title>{e(title)} - {self.site}</title>
<meta content="initial-scale=1.0, width=device-width" name="viewport" /><meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<link href="https://{self.host}/html/themes/classic/css/main.css?browserId=other&amp;themeId=classic&amp;minifierType=css&amp;languageId=vi_VN&amp;b=6205&amp;t=1" rel="stylesheet" type="text/css" />
</head>
<body class="yui3-skin-sam controls-visible guest-site signed-out public-page site">
<a href="#main-content" id="skip-to-content">Nhảy đến nội dung</a>
<div class="container-fluid" id="wrapper">
<header id="banner" role="banner"><div id="heading"><h1 class="site-title"><a class="logo custom-logo" href="https://{self.host}/web/guest/trang-chu" title="Đi đến {self.site}"><img alt="{self.site}" height="90" src="/image/company_logo?img_id=1" width="960" /></a></h1></div>
<nav class="sort-pages modify-pages navbar site-navigation" id="navigation" role="navigation"><div class="navbar-inner"><div class="collapse nav-collapse"><ul aria-label="Trang web" class="nav nav-collapse" role="menubar">
<li class="lfr-nav-item" id="layout_1" role="presentation"><a aria-labelledby="layout_1" href="https://{self.host}/web/guest/trang-chu" role="menuitem"><span> Trang chủ</span></a></li>
<li class="selected active lfr-nav-item" id="layout_2" role="presentation"><a aria-labelledby="layout_2" aria-haspopup="true" href="https://{self.host}/web/guest/tin-tuc" role="menuitem"><span> Tin tức</span></a></li>
<li class="lfr-nav-item" id="layout_3" role="presentation"><a aria-labelledby="layout_3" href="https://{self.host}/web/guest/pho-bien-phap-luat" role="menuitem"><span> Phổ biến pháp luật</span></a></li></ul></div></div></nav></header>
<div id="content"><div class="portlet-layout row-fluid">
<div class="portlet-column portlet-column-first span8" id="column-1"><div class="portlet-dropzone portlet-column-content portlet-column-content-first" id="layout-column_column-1">
{main}
</div></div>
<div class="portlet-column portlet-column-last span4" id="column-2"><div class="portlet-dropzone portlet-column-content portlet-column-content-last" id="layout-column_column-2">
<div class="portlet-boundary portlet-boundary_56_ portlet-static portlet-static-end portlet-journal-content" id="p_p_id_56_INSTANCE_lienket_"><span id="p_56_INSTANCE_lienket"></span><section class="portlet" id="portlet_56_INSTANCE_lienket"><header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">Liên kết website</span></h1></header>
<div class="portlet-content"><div class=" portlet-content-container" style=""><div class="portlet-body"><div class="journal-content-article"><p><a href="http://moj.gov.vn">Bộ Tư pháp</a></p><p><a href="http://camau.gov.vn">Cổng thông tin điện tử tỉnh Cà Mau</a></p></div></div></div></div></section></div>
<div class="portlet-boundary portlet-boundary_56_ portlet-static portlet-static-end portlet-journal-content" id="p_p_id_56_INSTANCE_truycap_"><section class="portlet" id="portlet_56_INSTANCE_truycap"><header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">Thống kê truy cập</span></h1></header>
<div class="portlet-content"><div class=" portlet-content-container" style=""><div class="portlet-body"><p>Đang truy cập: {len(title) % 30 + 4}</p><p>Tổng lượt: {len(title) * 997}</p></div></div></div></section></div>
</div></div></div></div>
<footer id="footer" role="contentinfo"><p class="powered-by">SỞ TƯ PHÁP TỈNH CÀ MAU - Địa chỉ: số 12 Lưu Tấn Tài, phường 5, thành phố Cà Mau. Điện thoại: 0290.3831.555. Ghi rõ nguồn "Sở Tư pháp Cà Mau" khi phát hành lại thông tin.</p></footer>
</div>
</body></html>"""

    def portlet(self, inner):
        return (f'<div class="portlet-boundary portlet-boundary_101_ portlet-static portlet-static-end portlet-asset-publisher" id="p_p_id_101_INSTANCE_Xy7aBcD_"><span id="p_101_INSTANCE_Xy7aBcD"></span>'
                f'<section class="portlet" id="portlet_101_INSTANCE_Xy7aBcD"><header class="portlet-topper"><h1 class="portlet-title"><span class="portlet-title-text">Tin tức</span></h1></header>'
                f'<div class="portlet-content"><div class=" portlet-content-container" style=""><div class="portlet-body">{inner}</div></div></div></section></div>')

    def render(self, page):
        text = ([page.lead] if page.lead else []) + page.paragraphs
        body = "".join(f'<p style="text-align: justify;">{e(p)}</p>' for p in text)
        if page.caption:
            body = f'<p style="text-align: justify;">{e(text[0])}</p>' + (f'<p style="text-align: center;"><img alt="" src="/documents/10180/0/{page.key}.jpg/uuid" style="width: 500px; height: 333px;" /></p>'
                                                                        f'<p style="text-align: center;"><em>{e(page.caption)}</em></p>') + "".join(f'<p style="text-align: justify;">{e(p)}</p>' for p in text[1:])
        if page.attachment:
            href, label = page.attachment
            body += f'<p><a href="/documents/10180/0/{href}/5f3c2a1e-77aa-4c1b-9d2e-0123456789ab">{e(label)}</a></p>'
        if page.author:
            body += f'<p style="text-align: right;"><strong>{e(page.author)}</strong></p>'
        meta = (f'<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{page.dt:%d/%m/%y}</span>'
                f'<span class="vertical-separator"></span><span class="metadata-entry metadata-view-count">{len(page.title) * 2} Lượt xem</span></div>') if page.show_date else ""
        links = ""
        if page.related:
            links = ('<div class="asset-links"><h2 class="asset-links-title">Nội dung liên quan</h2><ul class="asset-links-list">'
                     + "".join(f'<li class="asset-links-list-item"><a class="asset-title" href="https://{self.host}/web/guest/tin-tuc/-/asset_publisher/Xy7aBcD/content/{slug(t["title"])}">{e(t["title"])}</a></li>' for t in page.related)
                     + '</ul></div>')
        inner = f"""<div class="asset-full-content default-asset-publisher show-asset-title">
<div class="taglib-header "><span class="header-back-to"><a class="icon-circle-arrow-left previous-level" href="https://{self.host}/web/guest/tin-tuc" title="Quay lại"><span class="helper-hidden-accessible">Quay lại</span></a></span><h3 class="header-title"><span>{e(page.title)}</span></h3></div>
<div class="asset-content" id="_101_INSTANCE_Xy7aBcD_{len(page.key) * 31}"><div class="journal-content-article">{body}</div>
<div class="entry-links">{links}</div></div>
<div class="asset-ratings"></div>
{meta}
</div>"""
        html_ = self.frame(page.title, self.portlet(inner))
        if not page.show_date:
            html_ = html_.replace("</title>", f'</title>\n<meta property="article:published_time" content="{iso_local(page.dt)}" />', 1)
        return html_

    def gold_published(self, page):
        if not page.show_date:
            return page.dt.strftime("%Y-%m-%dT%H:%M")
        return page.dt.strftime("%Y-%m-%d")

    def render_listing(self, items, excerpts, n):
        rows = "".join(
            f'<div class="asset-abstract default-asset-publisher"><h3 class="asset-title"><a href="https://{self.host}/web/guest/tin-tuc/-/asset_publisher/Xy7aBcD/content/{slug(t["title"])}">{e(t["title"])}</a></h3>'
            + (f'<div class="asset-content"><div class="asset-summary">{e(t["excerpt"])}</div><div class="asset-more"><a href="https://{self.host}/web/guest/tin-tuc/-/asset_publisher/Xy7aBcD/content/{slug(t["title"])}">Đọc thêm &raquo; <span class="hide-accessible">về {e(t["title"])}</span></a></div></div>' if excerpts else "")
            + f'<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{t["dt"]:%d/%m/%y}</span></div></div>' for t in items)
        pager = f'<div class="taglib-page-iterator"><div class="search-results">Hiển thị {6 * n - 5} - {6 * n} trong 84 kết quả.</div><div class="pagination"><ul><li class="active"><a href="#">{n}</a></li><li><a href="?p={n + 1}">{n + 1}</a></li></ul></div></div>'
        return self.frame("Tin tức", self.portlet(rows + pager))


class Liferay74(Family):
    name, host, site = "liferay74", "ubndquan3.hochiminhcity.gov.vn", "Ủy ban nhân dân Quận 3"

    def url(self, page):
        return f"https://{self.host}/w/{slug(page.title)}"

    def frame(self, title, head, main):
        return f"""<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="vi-VN"><head><title>{e(title)} - {self.site}</title>
<meta content="initial-scale=1.0, width=device-width" name="viewport" /><meta content="text/html; charset=UTF-8" http-equiv="content-type" />
{head}
<link data-senna-track="temporary" href="https://{self.host}/w/{slug(title)}" rel="canonical" />
<link class="lfr-css-file" data-senna-track="temporary" href="https://{self.host}/o/classic-theme/css/clay.css?browserId=other&amp;themeId=classic_WAR_classictheme&amp;languageId=vi_VN" id="liferayAUICSS" rel="stylesheet" type="text/css" />
</head>
<body class="controls-visible has-control-menu yui3-skin-sam guest-site signed-out public-page site">
<nav aria-label="Liên kết nhanh" class="quick-access-nav" id="ikxf_quickAccessNav"><ul><li><a href="#main-content">Chuyển đến nội dung chính</a></li></ul></nav>
<div class="d-flex flex-column min-vh-100"><div class="d-flex flex-column flex-fill position-relative" id="wrapper">
<header id="banner"><div class="navbar navbar-classic navbar-top py-3"><div class="container user-personal-bar"><div class="align-items-center autofit-row"><a class="logo custom-logo align-items-center d-flex mr-4" href="https://{self.host}/" title="Đi đến {self.site}"><img alt="" class="mr-2" height="56" src="/image/layout_set_logo?img_id=3" width="56" /><h2 class="font-weight-bold h2 mb-0 text-dark" role="heading" aria-level="1">{self.site}</h2></a></div></div></div>
<div class="navbar navbar-classic navbar-expand-md navbar-light pb-3"><div class="container"><nav id="navbar_com_liferay_site_navigation_menu_web_portlet_SiteNavigationMenuPortlet"><ul aria-label="Trang web" class="navbar-blank navbar-nav navbar-site" role="menubar">
<li class="lfr-nav-item nav-item" id="layout_1" role="presentation"><a class="nav-link text-truncate" href="https://{self.host}/trang-chu" role="menuitem"><span class="text-truncate">Trang chủ</span></a></li>
<li class="lfr-nav-item nav-item selected active" id="layout_2" role="presentation"><a class="nav-link text-truncate" href="https://{self.host}/tin-tuc" role="menuitem"><span class="text-truncate">Tin tức - Sự kiện</span></a></li>
<li class="lfr-nav-item nav-item" id="layout_3" role="presentation"><a class="nav-link text-truncate" href="https://{self.host}/thu-tuc-hanh-chinh" role="menuitem"><span class="text-truncate">Thủ tục hành chính</span></a></li></ul></nav></div></div></header>
<section class="container pt-4" id="content"><div class="columns-2" id="main-content" role="main"><div class="portlet-layout row">
<div class="col-md-8 portlet-column portlet-column-first" id="column-1"><div class="portlet-dropzone portlet-column-content portlet-column-content-first" id="layout-column_column-1">
{main}
</div></div>
<div class="col-md-4 portlet-column portlet-column-last" id="column-2"><div class="portlet-dropzone portlet-column-content portlet-column-content-last" id="layout-column_column-2">
<div class="portlet-boundary portlet-boundary_com_liferay_journal_content_web_portlet_JournalContentPortlet_ portlet-static portlet-static-end portlet-decorate portlet-journal-content" id="p_p_id_com_liferay_journal_content_web_portlet_JournalContentPortlet_INSTANCE_hotline_"><div class="portlet-content"><div class="autofit-float autofit-row portlet-header"><div class="autofit-col autofit-col-expand"><h2 class="portlet-title-text">Đường dây nóng</h2></div></div>
<div class="portlet-content-container"><div class="portlet-body"><div class="journal-content-article"><p>Tiếp nhận phản ánh, kiến nghị của người dân và doanh nghiệp 24/7 qua tổng đài 1022.</p></div></div></div></div></div>
</div></div></div></div></section>
<footer id="footer" role="contentinfo"><div class="container"><div class="row"><div class="col-md-12 text-center"><p>Cổng thông tin điện tử Quận 3 - Địa chỉ: 185 Cách Mạng Tháng Tám, Phường 4, Quận 3. Chịu trách nhiệm chính: Chánh Văn phòng UBND Quận 3.</p></div></div></div></footer>
</div></div>
</body></html>"""

    def portlet(self, inner):
        pid = "com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_tintuc"
        return (f'<div class="portlet-boundary portlet-boundary_com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_ portlet-static portlet-static-end portlet-decorate portlet-asset-publisher" id="p_p_id_{pid}_">'
                f'<span id="p_{pid}"></span><section class="portlet" id="portlet_{pid}"><div class="portlet-content"><div class="autofit-float autofit-row portlet-header"><div class="autofit-col autofit-col-expand"><h2 class="portlet-title-text">Tin tức - Sự kiện</h2></div></div>'
                f'<div class=" portlet-content-container"><div class="portlet-body">{inner}</div></div></div></section></div>')

    def render(self, page):
        text = ([page.lead] if page.lead else []) + page.paragraphs
        body = paras_html(text)
        if page.caption:
            body = paras_html(text[:1]) + (f'\n<p style="text-align:center"><img alt="" src="/documents/d/guest/{page.key}" /></p><p style="text-align:center"><em>{e(page.caption)}</em></p>\n') + paras_html(text[1:])
        if page.attachment:
            href, label = page.attachment
            body += f'<p><a href="/documents/20126/0/{href}/8a7b6c5d-0000-1111-2222-333344445555?t=1700000000000" target="_blank">{e(label)}</a></p>'
        if page.author:
            body += f'<p style="text-align:right"><strong>{e(page.author)}</strong></p>'
        meta = (f'<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{page.dt:%H:%M %d/%m/%Y}</span></div>') if page.show_date else ""
        links = ""
        if page.related:
            links = ('<div class="asset-links mb-4"><h2 class="asset-links-title">Nội dung liên quan</h2><ul class="list-group">'
                     + "".join(f'<li class="list-group-item list-group-item-flex"><div class="autofit-col autofit-col-expand"><p class="list-group-title text-truncate"><a class="asset-title" href="https://{self.host}/w/{slug(t["title"])}">{e(t["title"])}</a></p>'
                               f'<p class="list-group-subtext">{e(t["excerpt"])}</p></div></li>' for t in page.related)
                     + '</ul></div>')
        inner = f"""<div class="asset-full-content clearfix mb-5 default-asset-publisher show-asset-title" tabindex="0">
<div class="align-items-center d-flex mb-2"><p class="component-title h4"><span class="asset-title d-inline">{e(page.title)}</span></p></div>
{meta}
<div class="asset-content mb-3"><div class="journal-content-article " data-analytics-asset-id="{len(page.key) * 3001}" data-analytics-asset-title="{e(page.title)}" data-analytics-asset-type="web-content">{body}</div></div>
{links}
</div>"""
        head = f'<meta property="og:title" content="{e(page.title)}" />\n<meta property="og:type" content="website" />'
        if not page.show_date:
            head += f'\n<meta property="article:published_time" content="{iso_utc(page.dt)}" />'
        return self.frame(page.title, head, self.portlet(inner))

    def render_listing(self, items, excerpts, n):
        rows = "".join(
            f'<div class="asset-abstract mb-5"><div class="autofit-row"><div class="autofit-col autofit-col-expand"><h4 class="component-title"><a href="https://{self.host}/w/{slug(t["title"])}">{e(t["title"])}</a></h4>'
            f'<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{t["dt"]:%H:%M %d/%m/%Y}</span></div>'
            + (f'<div class="asset-summary mb-2">{e(t["excerpt"])}</div>' if excerpts else "") + '</div></div></div>' for t in items)
        pager = f'<div class="pagination-bar"><ul class="pagination"><li class="page-item active"><a class="page-link" href="#">{n}</a></li><li class="page-item"><a class="page-link" href="?cur={n + 1}">{n + 1}</a></li></ul></div>'
        return self.frame("Tin tức - Sự kiện", "", self.portlet(rows + pager))


class Blogger(Family):
    name, host, site = "blogger", "doanxaminhtan.blogspot.com", "Đoàn xã Minh Tân"
    machine_time = True

    def url(self, page):
        return f"https://{self.host}/{page.dt:%Y/%m}/{slug(page.title)[:40]}.html"

    def frame(self, title, main):
        return f"""<!DOCTYPE html>
<html class='v2' dir='ltr' lang='vi' xmlns='http://www.w3.org/1999/xhtml' xmlns:b='http://www.google.com/2005/gml/b' xmlns:data='http://www.google.com/2005/gml/data' xmlns:expr='http://www.google.com/2005/gml/expr'>
<head><meta content='width=1100' name='viewport'/><meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/><meta content='blogger' name='generator'/>
<title>{self.site}: {e(title)}</title>
</head>
<body class='loading variant-simplysimple'>
<div class='content'><div class='content-outer'><div class='content-cap-top cap-top'></div><div class='fauxborder-left content-fauxborder-left'><div class='content-inner'>
<header><div class='header-outer'><div class='region-inner header-inner'><div class='header section' id='header' name='Tiêu đề'><div class='widget Header' data-version='1' id='Header1'><div id='header-inner'><div class='titlewrapper'><h1 class='title'><a href='https://{self.host}/'>{self.site}</a></h1></div>
<div class='descriptionwrapper'><p class='description'><span>Tuổi trẻ Minh Tân xung kích, tình nguyện vì cộng đồng</span></p></div></div></div></div></div></div></header>
<div class='tabs-outer'><div class='region-inner tabs-inner'><div class='tabs section' id='crosscol' name='Cột chéo'><div class='widget PageList' data-version='1' id='PageList1'><div class='widget-content'><ul><li class='selected'><a href='https://{self.host}/'>Trang chủ</a></li><li><a href='https://{self.host}/p/gioi-thieu.html'>Giới thiệu</a></li></ul></div></div></div></div></div>
<div class='main-outer'><div class='main-cap-top cap-top'></div><div class='fauxcolumns'></div><div class='region-inner main-inner'><div class='columns fauxcolumns'><div class='columns-inner'>
<div class='column-center-outer'><div class='column-center-inner'><div class='main section' id='main' name='Chính'><div class='widget Blog' data-version='1' id='Blog1'><div class='blog-posts hfeed'>
{main}
</div></div></div></div></div>
<div class='column-right-outer'><div class='column-right-inner'><aside><div class='sidebar section' id='sidebar-right-1'><div class='widget BlogArchive' data-version='1' id='BlogArchive1'><h2>Lưu trữ Blog</h2><div class='widget-content'><div id='ArchiveList'><div id='BlogArchive1_ArchiveList'><ul class='hierarchy'><li class='archivedate expanded'><a class='toggle' href='javascript:void(0)'><span class='zippy toggle-open'>&#9660;&#160;</span></a><a class='post-count-link' href='https://{self.host}/2024/'>2024</a> <span class='post-count' dir='ltr'>(14)</span></li></ul></div></div></div></div>
<div class='widget Profile' data-version='1' id='Profile1'><h2>Giới thiệu về tôi</h2><div class='widget-content'><dl class='profile-datablock'><dt class='profile-data'><a class='profile-name-link g-profile' href='https://www.blogger.com/profile/1' rel='author'>Ban Chấp hành Đoàn xã</a></dt></dl><a class='profile-link' href='https://www.blogger.com/profile/1' rel='author'>Xem hồ sơ hoàn chỉnh của tôi</a></div></div>
</div></aside></div></div>
</div></div></div></div>
<footer><div class='footer-outer'><div class='region-inner footer-inner'><div class='foot section' id='footer-3' name='Chân trang'><div class='widget Attribution' data-version='1' id='Attribution1'><div class='widget-content' style='text-align: center;'>Chủ đề Đơn giản. Được tạo bởi <a href='https://www.blogger.com' target='_blank'>Blogger</a>.</div></div></div></div></div></footer>
</div></div></div></div>
</body></html>"""

    def post(self, page, full=True, excerpt=None):
        text = ([page.lead] if page.lead else []) + page.paragraphs
        body = "<br />\n<br />\n".join(e(p) for p in text) if full else e(excerpt or "")
        if full and page.caption:
            body = (e(text[0]) + '<br />\n<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container" style="margin-left: auto; margin-right: auto;"><tbody><tr><td style="text-align: center;">'
                    f'<a href="https://blogger.googleusercontent.com/img/b/R29vZ2xl/{page.key}.jpg" style="margin-left: auto; margin-right: auto;"><img border="0" data-original-height="720" data-original-width="1080" height="213" src="https://blogger.googleusercontent.com/img/b/R29vZ2xl/{page.key}-s320.jpg" width="320" /></a></td></tr>'
                    f'<tr><td class="tr-caption" style="text-align: center;">{e(page.caption)}</td></tr></tbody></table>\n' + "<br />\n<br />\n".join(e(p) for p in text[1:]))
        if full and page.attachment:
            href, label = page.attachment
            body += f'<br />\n<br />\n<a href="https://drive.google.com/file/d/1AbC{len(page.key)}/view?usp=sharing/{href}" target="_blank">{e(label)}</a>'
        related = ""
        if full and page.related:
            related = ("<div id='related-posts'><h4>Bài đăng liên quan</h4><ul class='related-list'>"
                       + "".join(f"<li><a href='https://{self.host}/{t['dt']:%Y/%m}/{slug(t['title'])[:40]}.html'>{e(t['title'])}</a><div class='related-summary'>{e(t['excerpt'])}</div></li>" for t in page.related)
                       + "</ul></div>")
        title_link = f"<a href='{self.url(page)}'>{e(page.title)}</a>" if not full else e(page.title)
        timestamp = (f"<span class='post-timestamp'>vào lúc <meta content='{self.url(page)}' itemprop='url'/><a class='timestamp-link' href='{self.url(page)}' rel='bookmark' title='permanent link'>"
                     f"<abbr class='published' itemprop='datePublished' title='{iso_local(page.dt)}'>{page.dt:%H:%M}</abbr></a></span>")
        date_header = (f"<h2 class='date-header'><span>{WEEKDAYS[page.dt.weekday()]}, {page.dt.day} tháng {page.dt.month}, {page.dt:%Y}</span></h2>"
                       if page.show_date else "")
        if not page.show_date:
            timestamp = (f"<span class='post-timestamp'><meta content='{self.url(page)}' itemprop='url'/><a class='timestamp-link' href='{self.url(page)}' rel='bookmark' title='permanent link'>"
                         f"<abbr class='published' itemprop='datePublished' title='{iso_local(page.dt)}'></abbr></a></span>")
        return f"""<div class="date-outer">{date_header}<div class="date-posts"><div class='post-outer'>
<div class='post hentry uncustomized-post-template' itemprop='blogPost' itemscope='itemscope' itemtype='http://schema.org/BlogPosting'>
<meta content='https://blogger.googleusercontent.com/img/b/R29vZ2xl/{page.key}.jpg' itemprop='image_url'/><meta content='123456789' itemprop='blogId'/><meta content='{len(page.key) * 98765}' itemprop='postId'/>
<a name='{len(page.key) * 98765}'></a>
<h3 class='post-title entry-title' itemprop='name'>{title_link}</h3>
<div class='post-header'><div class='post-header-line-1'></div></div>
<div class='post-body entry-content' id='post-body-{len(page.key) * 98765}' itemprop='description articleBody'>
<div dir="ltr" style="text-align: left;" trbidi="on">{body}</div>
<div style='clear: both;'></div>
</div>
{related}
<div class='post-footer'><div class='post-footer-line post-footer-line-1'><span class='post-author vcard'>Đăng bởi <span class='fn' itemprop='author' itemscope='itemscope' itemtype='http://schema.org/Person'><meta content='https://www.blogger.com/profile/1' itemprop='url'/><a class='g-profile' href='https://www.blogger.com/profile/1' rel='author' title='author profile'><span itemprop='name'>Ban Chấp hành Đoàn xã</span></a></span></span>
{timestamp}
<span class='post-comment-link'><a class='comment-link' href='{self.url(page)}#comment-form' onclick=''>Không có nhận xét nào:</a></span></div>
<div class='post-footer-line post-footer-line-2'><span class='post-labels'>Nhãn: <a href='https://{self.host}/search/label/{e(page.category)}' rel='tag'>{e(page.category)}</a></span></div></div>
</div></div></div></div>"""

    def render(self, page):
        main = self.post(page) + ("\n<div class='comments' id='comments'><a name='comments'></a><h4>Không có nhận xét nào:</h4><div id='Blog1_comments-block-wrapper'><dl class='avatar-comment-indent' id='comments-block'></dl></div>"
                                  "<p class='comment-footer'><a href='https://www.blogger.com/comment/fullpage/post/1/2' onclick=''>Đăng nhận xét</a></p></div>"
                                  f"\n<div class='blog-pager' id='blog-pager'><span id='blog-pager-newer-link'><a class='blog-pager-newer-link' href='https://{self.host}/' id='Blog1_blog-pager-newer-link' title='Bài đăng Mới hơn'>Bài đăng Mới hơn</a></span>"
                                  f"<a class='home-link' href='https://{self.host}/'>Trang chủ</a></div>")
        return self.frame(page.title, main)

    def render_listing(self, items, excerpts, n):
        posts = []
        for t in items:
            p = Page("listing-item", t["key"], t["title"], t["dt"], None, [], t["category"])
            posts.append(self.post(p, full=False, excerpt=t["excerpt"] if excerpts else ""))
        pager = (f"<div class='blog-pager' id='blog-pager'><span id='blog-pager-older-link'><a class='blog-pager-older-link' href='https://{self.host}/search?updated-max=2023-01-01T00:00:00%2B07:00&amp;max-results=6' title='Bài đăng cũ hơn'>Bài đăng cũ hơn</a></span>"
                 f"<a class='home-link' href='https://{self.host}/'>Trang chủ</a></div>")
        return self.frame(f"Nhãn {n}", "\n".join(posts) + pager)

    def listing_url(self, n):
        return f"https://{self.host}/search/label/Tin%20ho%E1%BA%A1t%20%C4%91%E1%BB%99ng?max-results={6 * n}"


class HugoPaperMod(Family):
    name, host, site = "hugo_papermod", "hoikhuyenhoc-anphu.org.vn", "Hội Khuyến học xã An Phú"
    machine_time = True

    def url(self, page):
        return f"https://{self.host}/posts/{slug(page.title)}/"

    def frame(self, title, head, main):
        return f"""<!DOCTYPE html>
<html lang="vi" dir="auto"><head><meta charset="utf-8"><meta http-equiv="X-UA-Compatible" content="IE=edge"><meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no"><meta name="robots" content="index, follow">
<title>{e(title)} | {self.site}</title>
<meta name="generator" content="Hugo 0.121.1">
{head}
<link crossorigin="anonymous" href="/assets/css/stylesheet.b609c58d5c11bb90b1a54e04005d74ad1ddf22165eb79f5533967e57df9c3b50.css" integrity="sha256-tgnFjVwRu5Cx" rel="preload stylesheet" as="style">
</head>
<body class="" id="top">
<header class="header"><nav class="nav"><div class="logo"><a href="https://{self.host}/" accesskey="h" title="{self.site} (Alt + H)">{self.site}</a><div class="logo-switches"><button id="theme-toggle" accesskey="t" title="(Alt + T)"><svg id="moon" xmlns="http://www.w3.org/2000/svg" width="24" height="18"></svg></button></div></div>
<ul id="menu"><li><a href="https://{self.host}/posts/" title="Bài viết"><span>Bài viết</span></a></li><li><a href="https://{self.host}/gioi-thieu/" title="Giới thiệu"><span>Giới thiệu</span></a></li><li><a href="https://{self.host}/search/" title="Tìm kiếm (Alt + /)" accesskey=/><span>Tìm kiếm</span></a></li></ul></nav></header>
<main class="main">
{main}
</main>
<footer class="footer"><span>&copy; 2024 <a href="https://{self.host}/">{self.site}</a></span> &middot; <span>Được tạo bởi <a href="https://gohugo.io/" rel="noopener noreferrer" target="_blank">Hugo</a> &amp; <a href="https://github.com/adityatelange/hugo-PaperMod/" rel="noopener" target="_blank">PaperMod</a></span></footer>
<a href="#top" aria-label="go to top" title="Go to Top (Alt + G)" class="top-link" id="top-link" accesskey="g"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 12 6" fill="currentColor"><path d="M12 6H0l6-6z" /></svg></a>
</body></html>"""

    def render(self, page):
        text = ([page.lead] if page.lead else []) + page.paragraphs
        body = paras_html(text)
        if page.caption:
            body = paras_html(text[:1]) + (f'\n<figure class="align-center"><img loading="lazy" src="/images/{page.key}.jpg" alt="{e(page.caption)}"/><figcaption>{e(page.caption)}</figcaption></figure>\n') + paras_html(text[1:])
        if page.attachment:
            href, label = page.attachment
            body += f'\n<p>Tệp đính kèm: <a href="/files/{href}">{e(label)}</a></p>'
        ld = {"@context": "https://schema.org", "@type": "BlogPosting", "headline": page.title, "name": page.title,
              "description": page.lead or page.paragraphs[0][:150], "articleBody": " ".join(text)[:200],
              "wordCount": len(" ".join(text).split()), "inLanguage": "vi", "datePublished": iso_local(page.dt),
              "dateModified": iso_local(page.dt), "author": {"@type": "Person", "name": "Ban Thường vụ Hội"},
              "mainEntityOfPage": {"@type": "WebPage", "@id": self.url(page)}}
        head = (f'<meta name="description" content="{e(page.lead or page.paragraphs[0][:150])}">\n<link rel="canonical" href="{self.url(page)}">\n'
                f'<meta property="og:title" content="{e(page.title)}" />\n<meta property="og:type" content="article" />\n'
                f'<meta property="article:section" content="posts" />\n<meta property="article:published_time" content="{iso_local(page.dt)}" />\n'
                f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
        meta = (f'<div class="post-meta"><span title=\'{page.dt:%Y-%m-%d %H:%M:%S} +0700 +07\'>{page.dt:%d/%m/%Y}</span>&nbsp;·&nbsp;1 phút&nbsp;·&nbsp;Ban Thường vụ Hội</div>'
                if page.show_date else '<div class="post-meta">1 phút&nbsp;·&nbsp;Ban Thường vụ Hội</div>')
        related = ""
        if page.related:
            related = ('<aside class="related-posts"><h3>Bài liên quan</h3><ul>'
                       + "".join(f'<li><a href="/posts/{slug(t["title"])}/">{e(t["title"])}</a> <time datetime="{t["dt"]:%Y-%m-%d}">{t["dt"]:%d/%m/%Y}</time><p>{e(t["excerpt"])}</p></li>' for t in page.related)
                       + '</ul></aside>')
        main = f"""<article class="post-single">
<header class="post-header"><div class="breadcrumbs"><a href="https://{self.host}/">Trang chủ</a>&nbsp;»&nbsp;<a href="https://{self.host}/posts/">Bài viết</a></div>
<h1 class="post-title entry-hint-parent">{e(page.title)}</h1>
{meta}
</header>
<div class="post-content">{body}</div>
{related}
<footer class="post-footer"><ul class="post-tags"><li><a href="https://{self.host}/tags/{slug(page.category)}/">{e(page.category)}</a></li></ul>
<nav class="paginav"><a class="prev" href="https://{self.host}/posts/khai-truong-thu-vien-so/"><span class="title">« Trang trước</span><br><span>Khai trương thư viện số tại nhà văn hóa xã</span></a></nav></footer>
</article>"""
        return self.frame(page.title, head, main)

    def render_listing(self, items, excerpts, n):
        rows = "\n".join(
            f'<article class="post-entry"><header class="entry-header"><h2 class="entry-hint-parent">{e(t["title"])}</h2></header>'
            + (f'<div class="entry-content"><p>{e(t["excerpt"])}</p></div>' if excerpts else "")
            + f'<footer class="entry-footer"><span title=\'{t["dt"]:%Y-%m-%d %H:%M:%S} +0700 +07\'>{t["dt"]:%d/%m/%Y}</span>&nbsp;·&nbsp;1 phút</footer>'
            f'<a class="entry-link" aria-label="post link to {e(t["title"])}" href="https://{self.host}/posts/{slug(t["title"])}/"></a></article>' for t in items)
        main = (f'<header class="page-header"><div class="breadcrumbs"><a href="https://{self.host}/">Trang chủ</a></div><h1>Bài viết</h1></header>\n{rows}\n'
                f'<footer class="page-footer"><nav class="pagination"><a class="next" href="https://{self.host}/posts/page/{n + 1}/">Tiếp&nbsp;&nbsp;»</a></nav></footer>')
        return self.frame("Bài viết", '<meta property="og:type" content="website" />', main)

    def listing_url(self, n):
        return f"https://{self.host}/posts/page/{n}/"


class Table2000s(Family):
    name, host, site = "table_2000s", "www.huyenthachha.gov.vn", "UBND huyện Thạch Hà"
    visible_time = False

    def url(self, page):
        return f"http://{self.host}/tin_chitiet.asp?id={len(page.key) * 101}&cat=2"

    def listing_url(self, n):
        return f"http://{self.host}/tin_danhmuc.asp?cat=2&page={n}"

    def frame(self, title, main):
        return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{self.site} - {e(title)}</title>
<link href="css/style.css" rel="stylesheet" type="text/css">
<script language="JavaScript" src="js/menu.js"></script>
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<table width="780" border="0" cellpadding="0" cellspacing="0" align="center">
<tr><td colspan="3"><img src="images/banner.jpg" width="780" height="120" alt=""></td></tr>
<tr><td colspan="3" bgcolor="#003399" height="25" class="menu"><a href="default.asp" class="menu">Trang chủ</a> | <a href="gioithieu.asp" class="menu">Giới thiệu</a> | <a href="tin_danhmuc.asp?cat=2" class="menu">Tin tức</a> | <a href="vanban.asp" class="menu">Văn bản</a> | <a href="lienhe.asp" class="menu">Liên hệ</a></td></tr>
<tr><td width="180" valign="top" bgcolor="#E6EEF8">
<table width="100%" border="0" cellspacing="0" cellpadding="3"><tr><td class="tieude_box" background="images/bg_box.gif"><b>DANH MỤC</b></td></tr>
<tr><td class="danhmuc">&raquo; <a href="tin_danhmuc.asp?cat=1">Tin hoạt động</a></td></tr><tr><td class="danhmuc">&raquo; <a href="tin_danhmuc.asp?cat=2">Tin địa phương</a></td></tr><tr><td class="danhmuc">&raquo; <a href="tin_danhmuc.asp?cat=3">Thông báo</a></td></tr></table>
<table width="100%" border="0" cellspacing="0" cellpadding="3"><tr><td class="tieude_box" background="images/bg_box.gif"><b>SỐ LƯỢT TRUY CẬP</b></td></tr><tr><td align="center"><font color="#CC0000"><b>{len(title) * 4711:07d}</b></font></td></tr></table>
</td>
<td width="5"></td>
<td width="595" valign="top">
{main}
</td></tr>
<tr><td colspan="3" bgcolor="#003399" height="2"></td></tr>
<tr><td colspan="3" align="center" class="footer"><font face="Arial" size="1" color="#333333">Bản quyền thuộc UBND huyện Thạch Hà - Tỉnh Hà Tĩnh<br>Địa chỉ: Thị trấn Thạch Hà. Điện thoại: 039.3845.xxx<br>Thiết kế bởi Trung tâm Tin học tỉnh</font></td></tr>
</table>
</body></html>"""

    def render(self, page):
        text = ([page.lead] if page.lead else []) + page.paragraphs
        body = "<br><br>\n".join(e(p) for p in text)
        if page.caption:
            body = (e(text[0]) + '<br><br>\n<table align="center" border="0" cellpadding="2" cellspacing="0" width="400"><tr><td align="center"><img src="upload/anh/'
                    f'{page.key}.jpg" width="400" border="0"></td></tr><tr><td align="center" class="chuthich"><i>{e(page.caption)}</i></td></tr></table><br>\n'
                    + "<br><br>\n".join(e(p) for p in text[1:]))
        if page.attachment:
            href, label = page.attachment
            body += f'<br><br>\n<img src="images/icon_pdf.gif" border="0"> <a href="upload/vanban/{href}" target="_blank">{e(label)}</a>'
        if page.author:
            body += f'<br><div align="right"><b>{e(page.author)}</b></div>'
        date = f'<tr><td class="ngaydang"><font color="#666666" size="1">Ngày {page.dt:%d/%m/%Y}</font></td></tr>' if page.show_date else ""
        others = ""
        if page.related:
            others = ('<tr><td class="tieude_tinkhac"><b>Các tin khác:</b></td></tr>'
                      + "".join(f'<tr><td class="tinkhac"><img src="images/arrow.gif" border="0"> <a href="tin_chitiet.asp?id={i + 900}&cat=2">{e(t["title"])}</a> <font color="#999999">({t["dt"]:%d/%m/%Y})</font></td></tr>' for i, t in enumerate(page.related)))
        main = f"""<table width="100%" border="0" cellspacing="0" cellpadding="5">
<tr><td class="tieude_tin"><font color="#003399" size="3"><b>{e(page.title)}</b></font></td></tr>
{date}
<tr><td class="noidung_tin" align="justify"><font face="Arial" size="2">{body}</font></td></tr>
<tr><td align="right"><a href="javascript:window.print()"><img src="images/print.gif" border="0"> In trang</a> | <a href="javascript:history.back()">Quay lại</a></td></tr>
{others}
</table>"""
        html_ = self.frame(page.title, main)
        if not page.show_date:
            html_ = html_.replace("<title>", f'<meta name="pubdate" content="{page.dt:%Y-%m-%d %H:%M}">\n<title>', 1)
        return html_

    def gold_published(self, page):
        return page.dt.strftime("%Y-%m-%dT%H:%M") if not page.show_date else page.dt.strftime("%Y-%m-%d")

    def render_listing(self, items, excerpts, n):
        rows = "".join(
            f'<tr><td class="tieude_danhsach"><img src="images/arrow.gif" border="0"> <a href="tin_chitiet.asp?id={i + 700}&cat=2"><b>{e(t["title"])}</b></a> <font color="#999999" size="1">({t["dt"]:%d/%m/%Y})</font></td></tr>'
            + (f'<tr><td class="trichdan">{e(t["excerpt"])}</td></tr>' if excerpts else "") for i, t in enumerate(items))
        main = (f'<table width="100%" border="0" cellspacing="0" cellpadding="4"><tr><td class="tieude_danhmuc"><b>TIN ĐỊA PHƯƠNG</b></td></tr>{rows}'
                f'<tr><td align="center">Trang: <b>{n}</b> <a href="tin_danhmuc.asp?cat=2&page={n + 1}">{n + 1}</a> <a href="tin_danhmuc.asp?cat=2&page={n + 2}">{n + 2}</a></td></tr></table>')
        return self.frame("Tin địa phương", main)


class AmpWP(Family):
    name, host, site = "amp_wp", "tinhdoanquangtri.vn", "Tỉnh Đoàn Quảng Trị"
    machine_time = True

    def url(self, page):
        return f"https://{self.host}/{slug(page.title)}/amp/"

    def listing_url(self, n):
        return f"https://{self.host}/chuyen-muc/tin-tuc/amp/page/{n}/"

    def frame(self, title, head, main):
        return f"""<!doctype html>
<html amp lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<script async custom-element="amp-sidebar" src="https://cdn.ampproject.org/v0/amp-sidebar-0.1.js"></script>
<title>{e(title)} &#8211; {self.site}</title>
{head}
<style amp-boilerplate>body{{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}}</style><noscript><style amp-boilerplate>body{{-webkit-animation:none;animation:none}}</style></noscript>
<style amp-custom>.amp-wp-article{{color:#353535;font-weight:400;margin:1.5em auto;max-width:840px}}.amp-wp-header{{background-color:#0a89c0}}</style>
</head>
<body class="">
<header id="top" class="amp-wp-header"><div><a href="https://{self.host}/"><span class="amp-site-title">{self.site}</span></a></div></header>
<amp-sidebar id="sidebar" layout="nodisplay" side="left"><ul><li><a href="https://{self.host}/">Trang chủ</a></li><li><a href="https://{self.host}/chuyen-muc/tin-tuc/">Tin tức</a></li></ul></amp-sidebar>
{main}
<footer class="amp-wp-footer"><div><h2>{self.site}</h2><a href="#top" class="back-to-top">Về đầu trang</a></div></footer>
</body></html>"""

    def render(self, page):
        text = ([page.lead] if page.lead else []) + page.paragraphs
        body = paras_html(text)
        if page.caption:
            body = paras_html(text[:1]) + (f'\n<figure class="wp-block-image size-large"><amp-img src="https://{self.host}/wp-content/uploads/{page.key}.jpg" width="1024" height="683" layout="intrinsic"></amp-img>'
                                          f'<figcaption>{e(page.caption)}</figcaption></figure>\n') + paras_html(text[1:])
        if page.attachment:
            href, label = page.attachment
            body += f'\n<div class="wp-block-file"><a href="https://{self.host}/wp-content/uploads/{href}">{e(label)}</a></div>'
        ld = {"@context": "http://schema.org", "publisher": {"@type": "Organization", "name": self.site},
              "@type": "BlogPosting", "mainEntityOfPage": self.url(page).replace("amp/", ""), "headline": page.title,
              "datePublished": iso_utc(page.dt), "dateModified": iso_utc(page.dt + timedelta(hours=5)),
              "author": {"@type": "Person", "name": "Văn phòng Tỉnh Đoàn"}}
        head = (f'<link rel="canonical" href="{self.url(page).replace("amp/", "")}" />\n'
                f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
        posted = (f'<div class="amp-wp-meta amp-wp-posted-on"><time datetime="{iso_utc(page.dt)}">{page.dt:%d/%m/%Y}</time></div>' if page.show_date
                  else f'<div class="amp-wp-meta amp-wp-posted-on"><time datetime="{iso_utc(page.dt)}">{3 + len(page.key) % 5} ngày trước</time></div>')
        related = ""
        if page.related:
            related = ('<div class="amp-related-posts"><h2 class="amp-related-posts-title">Bài viết liên quan</h2><ul>'
                       + "".join(f'<li><a href="https://{self.host}/{slug(t["title"])}/amp/"><span class="related-title">{e(t["title"])}</span></a><p class="related-excerpt">{e(t["excerpt"])}</p></li>' for t in page.related)
                       + '</ul></div>')
        main = f"""<article class="amp-wp-article">
<header class="amp-wp-article-header"><h1 class="amp-wp-title">{e(page.title)}</h1>
<div class="amp-wp-meta amp-wp-byline"><span class="amp-wp-author author vcard">Văn phòng Tỉnh Đoàn</span></div>
{posted}
</header>
<div class="amp-wp-article-content">
{body}
</div>
{related}
<footer class="amp-wp-article-footer"><div class="amp-wp-meta amp-wp-tax-category">Chuyên mục: <a href="https://{self.host}/chuyen-muc/{slug(page.category)}/" rel="category tag">{e(page.category)}</a></div>
<div class="amp-wp-meta amp-wp-comments-link"><a href="{self.url(page).replace("amp/", "")}#respond">Để lại bình luận</a></div></footer>
</article>"""
        return self.frame(page.title, head, main)

    def render_listing(self, items, excerpts, n):
        rows = "\n".join(
            f'<article class="amp-wp-article amp-archive-item"><h2 class="amp-wp-title"><a href="https://{self.host}/{slug(t["title"])}/amp/">{e(t["title"])}</a></h2>'
            f'<div class="amp-wp-meta amp-wp-posted-on"><time datetime="{iso_utc(t["dt"])}">{t["dt"]:%d/%m/%Y}</time></div>'
            + (f'<div class="amp-wp-article-content"><p>{e(t["excerpt"])}</p></div>' if excerpts else "") + '</article>' for t in items)
        return self.frame("Tin tức", "", f'<h1 class="amp-archive-title">Chuyên mục: Tin tức</h1>\n{rows}\n<div class="amp-pagination"><a href="https://{self.host}/chuyen-muc/tin-tuc/amp/page/{n + 1}/">Trang sau</a></div>')


FAMILIES = [WPTwentyTwentyOne(), WPAstra(), WPNewspaper(), Joomla4(), DrupalOlivero(), NukeViet4(), DNNEasyDNN(),
            SharePoint2013(), Liferay62(), Liferay74(), Blogger(), HugoPaperMod(), Table2000s(), AmpWP()]


# --- pages of one family ---------------------------------------------------------------------------

def article_pages(fi: int) -> list[Page]:
    """The nine article pages of family number ``fi``: each family takes other articles."""
    pages = []
    n = len(ARTICLES)
    for j in range(5):
        a = ARTICLES[(fi * 5 + j * 3) % n]
        caption = a["captions"][0] if a.get("captions") and j % 2 == 0 else None
        pages.append(Page("article" if j < 4 else "metaonly", a["key"], a["title"], when(a), a["lead"],
                          list(a["paragraphs"]), a["category"], author=a.get("author"), caption=caption,
                          show_date=j < 4))
    for j in range(2):
        t = NOTICES[(fi + j * 7) % len(NOTICES)]
        pages.append(Page("notice", t["key"], t["title"], when(t), None, [t["text"]], "Thông báo",
                          attachment=(t["file"], t["file_text"])))
    for j in range(2):
        s = SHORT_POSTS[(fi + j * 5) % len(SHORT_POSTS)]
        pages.append(Page("related", s["key"], s["title"], when(s), None, list(s["paragraphs"]), "Tin hoạt động",
                          related=teasers(s["key"], 3 + (fi + j) % 2, start=fi + j)))
    return pages


def gold_for(family: Family, page: Page, url: str) -> dict:
    return {
        "url": url, "template": family.name, "kind": page.kind, "is_article": True,
        "title": page.title, "published": family.gold_published(page), "category": page.category,
        "lead": None, "body": "\n\n".join(([page.lead] if page.lead else []) + page.paragraphs),
        "author": page.author, "captions": [page.caption] if page.caption else [],
        "attachments": [page.attachment[1]] if page.attachment else [],
    }


def build() -> dict[str, str]:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    manifest = {}

    def write(name: str, html_text: str, gold: dict) -> None:
        data = html_text.encode("utf-8")
        (OUT / f"{name}.html").write_bytes(data)
        (OUT / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        manifest[name] = hashlib.sha256(data).hexdigest()

    for fi, family in enumerate(FAMILIES):
        pages = article_pages(fi)
        for page in pages:
            url = family.url(page)
            write(f"{family.name}__{page.kind}_{page.key}", family.render(page), gold_for(family, page, url))
        for n, excerpts in ((1, True), (2, False)):
            items = teasers("", 6, start=fi * 3 + n * 7)
            url = family.listing_url(n)
            write(f"{family.name}__listing_{n}", family.render_listing(items, excerpts, n),
                  {"url": url, "template": family.name, "kind": "listing", "is_article": False})
        assert len(pages) + 2 == PAGES_PER_FAMILY
    (HERE / "MANIFEST.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


if __name__ == "__main__":
    built = build()
    print(f"{len(built)} pages in {OUT} ({len(FAMILIES)} families)")
