"""A Liferay 6.2 department portal as a website copier leaves it: static files, served by
Python's http.server, with every fault of issue 8 (see build()). The text is ours.

Markup shapes follow Liferay 6.2 as real portals print it (tests/../shared/reference/portals.md):
Asset Publisher listings whose page links carry the search form's empty fields and show a
window of page numbers, article URLs ``/vi/{section}/-/view_content/{id}-{slug}``, the same
article under several section paths, "Ngày đăng dd/mm/yyyy | h:mm AM | View count: n", a sapo
``<p class="sapo"><strong>`` beside a floated image in a wrapper div, a right-aligned byline
and the CMS account line, print views under ``/pop_up/``, an English sub-site behind a flag.

How it is served: SimpleHTTPRequestHandler, unchanged except for one thing. A copier saves a
URL with a query under a name of its own (HTTrack: the stem, a short hash of the query, the
extension); the server maps a request back to that file the way Liferay renders it, from the
parameters it renders from (page counter, page size, search words, calendar month), ignoring
the rest (``p_p_state``, ``p_p_mode``, empty fields). Without a query the stock behaviour
applies, Content-Type guessed from the extension included: the copies with no known extension
are ``application/octet-stream``, the ``.etx`` ones ``text/x-setext``, as real copies serve.
"""
from __future__ import annotations

import hashlib
import http.server
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlsplit

__all__ = ["build", "serve", "Portal", "render_key", "SOURCES_TOML"]

SITE = "Cổng thông tin điện tử Sở Thông tin và Truyền thông"
ORIGINAL = "https://sotttt.example.gov.vn"  # the host the copy was made from (rel=canonical)
PER_PAGE = 10  # the Asset Publisher's delta
WINDOW = 2  # page numbers shown on each side of the current one

# The sources entry of the issue, for this copy.
SOURCES_TOML = """[[source]]
name = "sotttt"
province = "Hà Nội"
kind = "portal"
base_url = "{base}/"
start_urls = ["{base}/vi/tin-tuc-su-kien.html"]
deny = ["/web/sotttt-eng/", "/en/", "/pop_up/", "viewMode=print"]
delay = 0
"""

# section slug -> (name, p_p_id, shows a "last page" link)
SECTIONS = {
    "tin-tuc-su-kien": ("Tin tức - Sự kiện", "101_INSTANCE_Ab12Cd", True),
    "hoat-dong-cua-so": ("Hoạt động của Sở", "101_INSTANCE_Kx7Lm2", False),
    "chuyen-doi-so": ("Chuyển đổi số", "101", True),
    "bao-chi-xuat-ban": ("Báo chí - Xuất bản", "101_INSTANCE_Pq3Rs4", False),
    "thong-bao": ("Thông báo", "101_INSTANCE_Tb90Qw", True),
}
NEWS = 180  # articles with a lead and a body
NOTICES = 14  # one-line postings with an attachment
FIRST_ID = 5001
BROKEN_IDS = (4001, 4002, 4003)  # linked from "Các tin khác", deleted from the portal
CALENDAR_MONTHS = [(y, m) for y in range(2018, 2023) for m in range(1, 13)]  # the copied months

_PLACES = ["Ba Vì", "Sóc Sơn", "Đông Anh", "Gia Lâm", "Thanh Trì", "Mê Linh", "Thạch Thất",
           "Quốc Oai", "Chương Mỹ", "Thanh Oai", "Thường Tín", "Phú Xuyên", "Ứng Hòa", "Mỹ Đức"]
_TOPICS = [
    ("triển khai nền tảng họp trực tuyến", "các phòng họp trực tuyến kết nối tới cấp xã"),
    ("tập huấn kỹ năng số cho cán bộ", "học viên thực hành ký số và gửi văn bản điện tử"),
    ("kiểm tra hoạt động bưu chính công ích", "điểm bưu điện văn hóa xã phục vụ người dân"),
    ("phủ sóng di động vùng lõm", "trạm phát sóng mới đưa tín hiệu tới các thôn xa"),
    ("đánh giá an toàn thông tin", "hệ thống được rà soát lỗ hổng và sao lưu dữ liệu"),
    ("cấp phép xuất bản bản tin", "bản tin nội bộ phải ghi rõ số giấy phép và nơi in"),
    ("thí điểm tổ công nghệ số cộng đồng", "tổ viên đến từng hộ hướng dẫn cài ứng dụng"),
    ("quản lý thông tin trên mạng xã hội", "các trang tin điện tử phải gỡ bài sai sự thật"),
    ("hội nghị sơ kết chuyển đổi số", "nhiều thủ tục đã được giải quyết hoàn toàn trực tuyến"),
    ("tuyên truyền bầu cử đại biểu", "pa-nô, áp phích được dựng tại các trục đường chính"),
]
_PEOPLE = ["Minh Châu", "Thanh Hằng", "Quang Huy", "Ngọc Lan", "Đức Anh", "Hải Yến"]
_ACCOUNTS = ["Pho Ban bien tap", "Admin Admin", "bientap01"]


@dataclass
class Article:
    id: int
    slug: str
    title: str
    published: str  # ISO, minute precision
    date_line: str
    lead: str | None
    paragraphs: list[str]
    sections: list[str]
    author: str | None
    account: str
    attachment: str | None = None
    ext: str = ".html"  # the copy's file extension ("" or ".delay": octet-stream)
    sapo_beside_image: bool = False

    @property
    def notice(self) -> bool:
        return self.lead is None

    def path(self, section: str) -> str:
        return f"/vi/{section}/-/view_content/{self.id}-{self.slug}{self.ext}"


@dataclass
class Portal:
    """What build() wrote: the truth the tests compare the crawl with."""
    root: Path
    articles: list[Article] = field(default_factory=list)
    procedures: list[str] = field(default_factory=list)  # paths
    statics: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)  # paths with their query
    english: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    calendar: list[str] = field(default_factory=list)
    keyword_links: list[str] = field(default_factory=list)


def _slug(n: int, topic: str, place: str) -> str:
    table = str.maketrans("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ",
                          "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd")
    words = f"{place} {topic}".lower().translate(table)
    return re.sub(r"[^a-z0-9]+", "-", words).strip("-") + f"-{n}"


def _news(k: int) -> Article:
    topic, detail = _TOPICS[k % len(_TOPICS)]
    place = _PLACES[k % len(_PLACES)]
    year = 2008 + k % 15
    day, month = k % 28 + 1, k % 12 + 1
    hour, minute = 7 + k % 10, (k * 7) % 60
    title = f"Huyện {place} {topic} năm {year} (đợt {k % 4 + 1})"
    if k % 4 == 0:  # a one-clause sapo, as short as an image caption
        lead = f"Sáng {day}/{month}, huyện {place} {topic} với {40 + k} người tham dự."
    else:
        lead = (f"Ngày {day}/{month}, Sở Thông tin và Truyền thông phối hợp với UBND huyện "
                f"{place} {topic}; {40 + k} cán bộ, công chức và người dân tham dự.")
    paragraphs = [
        f"Theo báo cáo, sau {k % 9 + 2} tháng thực hiện, {detail}. Huyện {place} đã bố trí "
        f"{k % 30 + 5} cán bộ phụ trách, lập danh sách {120 + 3 * k} hộ cần hỗ trợ và giao "
        f"chỉ tiêu cụ thể cho từng thôn, tổ dân phố.",
        f"Phát biểu tại buổi làm việc, lãnh đạo Sở đề nghị huyện tiếp tục rà soát hạ tầng, "
        f"bảo đảm kinh phí năm {year + 1} và báo cáo kết quả trước ngày {day}/{month % 12 + 1}. "
        f"Những khó khăn vượt thẩm quyền được tổng hợp gửi UBND thành phố.",
        f"Dịp này, {k % 6 + 3} tập thể và {k % 11 + 4} cá nhân có thành tích tiêu biểu được "
        f"tặng giấy khen; mã hồ sơ của đợt đánh giá là {k:04d}-{year}.",
    ]
    if k % 3 == 0:  # migrated items: 12:00 AM; others 12-hour or 24-hour clocks
        clock, hour, minute = "12:00 AM", 0, 0
    elif k % 3 == 1:
        clock = f"{(hour - 1) % 12 + 1}:{minute:02d} {'AM' if hour < 12 else 'PM'}"
    else:
        clock = f"{hour:02d}:{minute:02d}"
    date_line = f"Ngày đăng {day:02d}/{month:02d}/{year} | {clock}"
    if k % 2:
        date_line += f" | View count: {100 + 13 * k}"
    sections = ["tin-tuc-su-kien"]
    sections += [s for s, rule in (("hoat-dong-cua-so", k % 3 == 0), ("chuyen-doi-so", k % 4 == 1),
                                   ("bao-chi-xuat-ban", k % 5 == 2), ("thong-bao", k % 12 == 9))
                 if rule]
    # Bylines: a name (always with its CMS account line after it), or the account alone.
    author = None if k % 5 == 4 else _PEOPLE[k % len(_PEOPLE)]
    ext = ".html"
    if k in (17, 64, 131):
        ext = ".delay"  # copier's unfinished name: application/octet-stream
    elif k == 99:
        ext = ""  # no extension at all: application/octet-stream
    elif k in (42, 150):
        ext = ".etx"  # text/x-setext
    return Article(id=FIRST_ID + k, slug=_slug(k, topic, place), title=title,
                   published=f"{year}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}",
                   date_line=date_line, lead=lead, paragraphs=paragraphs, sections=sections,
                   author=author, account=_ACCOUNTS[k % len(_ACCOUNTS)], ext=ext,
                   sapo_beside_image=k % 4 != 3)


def _notice(j: int, news: int = NEWS) -> Article:
    k = news + j
    place = _PLACES[j % len(_PLACES)]
    year = 2014 + j % 8
    day, month = j % 27 + 2, (j * 5) % 12 + 1
    plan = f"{j + 2:02d}/KH-STTTT"
    title = f"Kế hoạch số {plan} về kiểm tra đài truyền thanh cơ sở huyện {place} năm {year}"
    line = (f"Chi tiết Kế hoạch số {plan} ngày {day}/{month}/{year} của Sở Thông tin và Truyền "
            f"thông xem tại file đính kèm.")
    return Article(id=FIRST_ID + k, slug=f"ke-hoach-{j + 2}-kh-stttt-{year}", title=title,
                   published=f"{year}-{month:02d}-{day:02d}T08:00",
                   date_line=f"Ngày đăng {day:02d}/{month:02d}/{year} | 8:00 AM", lead=None,
                   paragraphs=[line], sections=["thong-bao"], author=None,
                   account=_ACCOUNTS[j % len(_ACCOUNTS)],
                   attachment=f"/documents/10180/0/KH{j + 2:02d}-STTTT-{year}.pdf")


# ---- page templates -------------------------------------------------------------------------

def _menu() -> str:
    items = [("/vi/trang-chu.html", "Trang chủ"), ("/vi/gioi-thieu.html", "Giới thiệu"),
             ("/vi/lanh-dao-so.html", "Lãnh đạo Sở"), ("/vi/co-cau-to-chuc.html", "Cơ cấu tổ chức"),
             ("/vi/chuc-nang-nhiem-vu.html", "Chức năng, nhiệm vụ"),
             ("/vi/tin-tuc-su-kien.html", "Tin tức - Sự kiện"),
             ("/vi/hoat-dong-cua-so.html", "Hoạt động của Sở"),
             ("/vi/chuyen-doi-so.html", "Chuyển đổi số"),
             ("/vi/bao-chi-xuat-ban.html", "Báo chí - Xuất bản"), ("/vi/thong-bao.html", "Thông báo"),
             ("/vi/thu-tuc-hanh-chinh.html", "Thủ tục hành chính"),
             ("/vi/lich-cong-tac.html", "Lịch công tác"), ("/vi/lien-he.html", "Liên hệ")]
    links = "".join(f'<li><a href="{h}"><span>{t}</span></a></li>' for h, t in items)
    return (f'<header id="banner" role="banner"><div id="heading"><h1 class="site-title">'
            f'<a class="logo" href="/vi/trang-chu.html" title="{SITE}"><img alt="{SITE}" '
            f'src="/sotttt-theme/images/logo.png"/></a></h1></div><div class="language">'
            f'<a href="/web/sotttt-eng/home.html" title="English"><img alt="English" '
            f'src="/html/themes/classic/images/language/en_US.png"/></a> <a href="/c/portal/login?'
            f'p_l_id=10184">Đăng nhập</a></div></header>'
            f'<nav class="sort-pages modify-pages" id="navigation" role="navigation"><ul>{links}'
            f'</ul></nav>')


def _side() -> str:
    popular = ["chuyển đổi số", "dịch vụ công trực tuyến", "báo chí"]
    tags = " ".join(f'<a href="{_keyword_url(w)}">{w}</a>' for w in popular)
    return (f'<div class="portlet-column portlet-column-last span4" id="column-2">'
            f'<div class="portlet-boundary portlet-boundary_3_"><div class="portlet-title">'
            f'Tìm kiếm nhiều</div><div class="portlet-body">{tags}</div></div>'
            f'<div class="portlet-boundary"><div class="portlet-body"><a href="/vi/hoi-dap.html">'
            f'Hỏi đáp trực tuyến</a></div></div>'
            f'<div class="portlet-boundary"><div class="portlet-title">Liên kết website</div>'
            f'<div class="portlet-body"><a href="https://dichvucong.example.gov.vn/">Cổng dịch '
            f'vụ công</a></div></div></div>')


def _footer() -> str:
    return ('<footer id="footer" role="contentinfo"><p>Cơ quan chủ quản: Sở Thông tin và '
            'Truyền thông. Địa chỉ: số 1 phố Thử Nghiệm, Hà Nội. Điện thoại: 024 0000 0000. '
            'Email: sotttt@example.gov.vn</p></footer>')


def _page(title_tag: str, column1: str, canonical: str | None = None) -> str:
    link = f'<link href="{ORIGINAL}{canonical}" rel="canonical" />' if canonical else ""
    return (f'<!DOCTYPE html><html class="aui ltr" dir="ltr" lang="vi-VN"><head>'
            f'<title>{title_tag}</title><meta content="initial-scale=1.0, width=device-width" '
            f'name="viewport" /><meta content="text/html; charset=UTF-8" '
            f'http-equiv="content-type" />{link}<link href="/sotttt-theme/css/main.css" '
            f'rel="stylesheet" type="text/css" /><script type="text/javascript">var Liferay = '
            f'{{}};</script></head><body class="yui3-skin-sam controls-visible guest-site '
            f'signed-out public-page site"><div class="container-fluid" id="wrapper">{_menu()}'
            f'<div id="content"><div class="portlet-layout row-fluid"><div class="portlet-column '
            f'portlet-column-first span8" id="column-1">{column1}</div>{_side()}</div></div>'
            f'{_footer()}</div></body></html>')


def _listing_query(section: str, page: int) -> str:
    _name, ppid, _last = SECTIONS[section]
    ns = f"_{ppid}_"
    return (f"p_p_id={ppid}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&p_p_col_id=column-1"
            f"&p_p_col_count=1&{ns}delta={PER_PAGE}&{ns}keywords=&{ns}advancedSearch=false"
            f"&{ns}andOperator=true&p_r_p_564233524_resetCur=false&{ns}cur={page}")


def _listing_url(section: str, page: int) -> str:
    return f"/vi/{section}.html?{_listing_query(section, page)}"


def _keyword_url(words: str) -> str:
    ppid = SECTIONS["tin-tuc-su-kien"][1]
    query = _listing_query("tin-tuc-su-kien", 1).replace(f"_{ppid}_keywords=",
                                                         f"_{ppid}_keywords={quote(words)}")
    return f"/vi/tin-tuc-su-kien.html?{query}"


def _page_links(section: str, page: int, pages: int) -> str:
    _name, _ppid, last = SECTIONS[section]
    parts = []
    if page > 1:
        parts.append(f'<li><a href="{_listing_url(section, 1)}">← Đầu tiên</a></li>')
        parts.append(f'<li><a href="{_listing_url(section, page - 1)}">Trước</a></li>')
    for n in range(max(1, page - WINDOW), min(pages, page + WINDOW) + 1):
        if n == page:
            parts.append(f'<li class="active"><span>{n}</span></li>')
        else:
            parts.append(f'<li><a href="{_listing_url(section, n)}">{n}</a></li>')
    if page < pages:
        parts.append(f'<li><a href="{_listing_url(section, page + 1)}">Tiếp</a></li>')
        if last:
            parts.append(f'<li><a href="{_listing_url(section, pages)}">Cuối cùng →</a></li>')
    return (f'<div class="taglib-page-iterator"><div class="search-results">Hiển thị '
            f'{(page - 1) * PER_PAGE + 1} - {min(page * PER_PAGE, pages * PER_PAGE)}</div>'
            f'<div class="pagination"><ul>{"".join(parts)}</ul></div></div>')


def _listing(section: str, items: list[Article], page: int, pages: int) -> str:
    name, ppid, _last = SECTIONS[section]
    rows = []
    for a in items:
        summary = a.lead or a.paragraphs[0]
        rows.append(f'<div class="asset-abstract"><h3 class="asset-title"><a href="'
                    f'{a.path(section)}">{a.title}</a></h3><div class="asset-metadata"><span '
                    f'class="metadata-entry metadata-publish-date">{a.published[8:10]}/'
                    f'{a.published[5:7]}/{a.published[:4]}</span></div><div class="asset-summary">'
                    f'{summary[:160]}</div></div>')
    body = (f'<div class="portlet-boundary portlet-boundary_101_ portlet-asset-publisher" '
            f'id="p_p_id_{ppid}_"><div class="portlet-title">{name}</div><div '
            f'class="portlet-body">{"".join(rows)}{_page_links(section, page, pages)}</div></div>')
    return _page(f"{name} - {SITE}", body)


def _article_page(a: Article, section: str, others: list[Article], broken: int | None) -> str:
    name = SECTIONS[section][0]
    image = f'<img alt="" src="/documents/10180/0/anh-{a.id}.jpg" style="float: left; width: 220px; margin: 0 10px 5px 0;" />'
    if a.notice:
        text = (f'<p style="text-align: justify;">{a.paragraphs[0]}</p><p>File đính kèm: '
                f'<a href="{a.attachment}">{a.attachment.rsplit("/", 1)[1]}</a></p>')
    else:
        if a.sapo_beside_image:
            # some editors' sapo has no class, only the bold
            sapo = '<p class="sapo">' if a.id % 8 != 1 else '<p style="text-align: justify;">'
            lead = (f'<div class="news-image-wrapper" style="overflow: hidden;">{image}'
                    f'{sapo}<strong>{a.lead}</strong></p></div>')
        else:
            lead = f'<p class="sapo"><strong>{a.lead}</strong></p>'
        text = lead + "".join(f'<p style="text-align: justify;">{p}</p>' for p in a.paragraphs)
    if a.author:
        text += f'<p style="text-align: right;"><strong>{a.author}</strong></p>'
    text += f'<p>{a.account}</p>'
    other = "".join(f'<li><a href="{o.path(section)}">{o.title}</a> ({o.published[8:10]}/'
                    f'{o.published[5:7]}/{o.published[:4]})</li>' for o in others)
    if broken:
        other += (f'<li><a href="/vi/{section}/-/view_content/{broken}-tin-da-go.html">Tin đã '
                  f'gỡ khỏi cổng</a> (01/01/2015)</li>')
    pop = f"/vi/{section}/-/view_content/pop_up/{a.id}-{a.slug}{a.ext}"
    body = (f'<div class="portlet-boundary portlet-boundary_newsdetail_WAR_sotttportlet_">'
            f'<div class="news-category">{name}</div><div class="news-title" style="font-size: '
            f'16px; font-weight: bold; color: #004a8f;">{a.title}</div><div class="news-date">'
            f'{a.date_line}</div><div class="journal-content-article" '
            f'id="article_10155_10180_{a.id}_1.0">{text}</div><div class="news-tools"><a '
            f'href="{pop}">In bài viết</a> | <a href="{a.path(section).split("?")[0]}?viewMode='
            f'print">Bản in</a> | <a href="mailto:?subject=tin">Gửi mail</a></div><div '
            f'class="news-other"><div class="news-other-title">Các tin khác</div><ul>{other}'
            f'</ul></div></div>')
    return _page(f"{a.title} - {name} - {SITE}", body, canonical=a.path(section))


_LEGAL = ["Luật Viễn thông ngày 23/11/2009", "Luật Báo chí ngày 05/4/2016",
          "Nghị định số 25/2011/NĐ-CP ngày 06/4/2011 của Chính phủ",
          "Thông tư số 18/2016/TT-BTTTT ngày 28/6/2016"]
_PROCEDURES = ["Cấp giấy phép xuất bản bản tin", "Cấp giấy phép hoạt động in",
               "Cấp phép thiết lập trang thông tin điện tử tổng hợp",
               "Cấp giấy phép nhập khẩu xuất bản phẩm không kinh doanh",
               "Đăng ký hoạt động cơ sở in", "Cấp giấy phép triển lãm xuất bản phẩm",
               "Thông báo thay đổi thông tin trang thông tin điện tử",
               "Cấp giấy phép thiết lập mạng viễn thông dùng riêng"]


def _procedure_page(n: int, name: str) -> str:
    legal = "".join(f"<li>{law};</li>" for law in _LEGAL[n % 2:n % 2 + 3])
    rows = [("Tên thủ tục", name), ("Lĩnh vực", "Báo chí, xuất bản, viễn thông"),
            ("Trình tự thực hiện", "Bước 1: tổ chức chuẩn bị hồ sơ theo quy định. Bước 2: nộp "
             "hồ sơ tại Bộ phận một cửa của Sở. Bước 3: nhận kết quả theo giấy hẹn."),
            ("Cách thức thực hiện", "Nộp trực tiếp, qua dịch vụ bưu chính hoặc trực tuyến."),
            ("Thành phần, số lượng hồ sơ", "Đơn đề nghị theo mẫu; bản sao quyết định thành "
             "lập; mẫu trình bày. Số lượng: 01 bộ."),
            ("Thời hạn giải quyết", f"{10 + n} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ."),
            ("Đối tượng thực hiện", "Tổ chức"), ("Cơ quan thực hiện", "Sở Thông tin và Truyền "
                                                 "thông"),
            ("Lệ phí", "Không"), ("Căn cứ pháp lý", f"<ul>{legal}</ul>")]
    table = "".join(f"<tr><td><strong>{k}</strong></td><td>{v}</td></tr>" for k, v in rows)
    body = (f'<div class="portlet-boundary portlet-boundary_tthc_WAR_sotttportlet_"><div '
            f'class="news-title">Thủ tục hành chính</div><table class="tthc-detail">{table}'
            f'</table></div>')
    return _page(f"Thủ tục hành chính - {SITE}", body)


_STATIC = {
    "gioi-thieu": ("Giới thiệu", [
        "Sở Thông tin và Truyền thông là cơ quan chuyên môn thuộc UBND thành phố, tham mưu "
        "quản lý nhà nước về báo chí, xuất bản, bưu chính, viễn thông và công nghệ thông tin.",
        "Sở được thành lập năm 2008 trên cơ sở tổ chức lại các phòng chuyên môn của nhiều cơ "
        "quan; trụ sở đặt tại số 1 phố Thử Nghiệm."]),
    "lanh-dao-so": ("Lãnh đạo Sở", [
        "Giám đốc Sở: ông Trần Văn Thử, phụ trách chung, công tác tổ chức cán bộ và tài chính.",
        "Phó Giám đốc Sở: bà Lê Thị Mẫu, phụ trách lĩnh vực báo chí, xuất bản và thông tin cơ sở.",
        "Phó Giám đốc Sở: ông Phạm Văn Khung, phụ trách lĩnh vực viễn thông và chuyển đổi số."]),
    "co-cau-to-chuc": ("Cơ cấu tổ chức", [
        "Văn phòng Sở; Thanh tra Sở; Phòng Báo chí - Xuất bản; Phòng Bưu chính - Viễn thông; "
        "Phòng Công nghệ thông tin; Trung tâm Công nghệ thông tin và Truyền thông trực thuộc.",
        "Tổng số công chức, viên chức và người lao động của Sở là 96 người."]),
    "chuc-nang-nhiem-vu": ("Chức năng, nhiệm vụ", [
        "Trình UBND thành phố dự thảo quyết định, chỉ thị, kế hoạch dài hạn và hằng năm về "
        "thông tin và truyền thông; hướng dẫn, kiểm tra việc thực hiện sau khi được phê duyệt.",
        "Cấp, sửa đổi, thu hồi các loại giấy phép trong lĩnh vực được giao theo quy định."]),
    "lien-he": ("Liên hệ", [
        "Sở Thông tin và Truyền thông, số 1 phố Thử Nghiệm, Hà Nội. Điện thoại văn phòng: "
        "024 0000 0000; thư điện tử của bộ phận một cửa: motcua@example.gov.vn."]),
}


def _static_page(title: str, paragraphs: list[str]) -> str:
    text = "".join(f'<p style="text-align: justify;">{p}</p>' for p in paragraphs)
    body = (f'<div class="portlet-boundary portlet-boundary_56_"><div class="portlet-title">'
            f'{title}</div><div class="journal-content-article">{text}</div></div>')
    return _page(f"{title} - {SITE}", body)


def _calendar_page(i: int) -> str:
    year, month = CALENDAR_MONTHS[i]

    def url(y, m):
        return (f"/vi/lich-cong-tac.html?p_p_id=8&p_p_lifecycle=0&p_p_state=normal&_8_tabs1=month"
                f"&_8_month={m - 1}&_8_day=1&_8_year={y}")
    prev = (year - 1, 12) if month == 1 else (year, month - 1)
    nxt = (year + 1, 1) if month == 12 else (year, month + 1)
    body = (f'<div class="portlet-boundary portlet-boundary_8_"><div class="portlet-title">Lịch '
            f'công tác tháng {month}/{year}</div><table class="calendar"><tr><td>Thứ hai</td>'
            f'<td>Giao ban</td></tr></table><a href="{url(*prev)}">« Tháng trước</a> <a '
            f'href="{url(*nxt)}">Tháng sau »</a></div>')
    return _page(f"Lịch công tác - {SITE}", body)


def _calendar_url(i: int) -> str:
    year, month = CALENDAR_MONTHS[i]
    return (f"/vi/lich-cong-tac.html?p_p_id=8&p_p_lifecycle=0&p_p_state=normal&_8_tabs1=month"
            f"&_8_month={month - 1}&_8_day=1&_8_year={year}")


# ---- what the server renders a query from --------------------------------------------------

_RENDER_PARAM = re.compile(r"^(p_p_id|_.+_(cur|delta|keywords|month|year))$")


def render_key(query: str) -> str:
    """The parameters Liferay renders a page from, as one string (empty: the plain page)."""
    pairs = sorted((k, v) for k, v in parse_qsl(query, keep_blank_values=True)
                   if _RENDER_PARAM.match(k) and v != "")
    if all(k == "p_p_id" for k, _v in pairs):  # the portlet alone: its first page
        return ""
    # page 1 of a listing is the plain page
    pairs = [(k, v) for k, v in pairs if not (k.endswith("_cur") and v == "1")]
    if all(k == "p_p_id" or k.endswith("_delta") for k, _v in pairs):
        return ""
    return "&".join(f"{k}={v}" for k, v in pairs)


def copy_name(path: str, query: str) -> str:
    """The copier's file for ``path?query``: the stem, a hash of what renders, the extension."""
    key = render_key(query)
    if not key:
        return path
    stem, dot, ext = path.rpartition(".")
    digest = hashlib.sha1(key.encode()).hexdigest()[:8]
    return f"{stem}~{digest}.{ext}" if dot else f"{path}~{digest}"


class CopyHandler(http.server.SimpleHTTPRequestHandler):
    """SimpleHTTPRequestHandler; a query selects the copier's file for it (see copy_name)."""

    def translate_path(self, path):
        parts = urlsplit(path)
        if parts.query:
            path = quote(copy_name(parts.path, parts.query), safe="/~%")
        return super().translate_path(path)

    def log_message(self, *args):
        pass


# ---- the site -------------------------------------------------------------------------------

def _write(root: Path, path: str, html: str) -> None:
    target = root / path.lstrip("/")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


def build(root: Path, news: int = NEWS, notices: int = NOTICES) -> Portal:
    """Write the portal under ``root`` (``news`` articles and ``notices`` short postings; the
    benchmark builds a bigger one); returns what it holds."""
    portal = Portal(root=root)
    count = news
    news = [_news(k) for k in range(count)]
    notices = [_notice(j, count) for j in range(notices)]
    portal.articles = news + notices
    members = {s: [a for a in portal.articles if s in a.sections] for s in SECTIONS}
    # listings
    for section, items in members.items():
        pages = (len(items) + PER_PAGE - 1) // PER_PAGE
        for page in range(1, pages + 1):
            html = _listing(section, items[(page - 1) * PER_PAGE:page * PER_PAGE], page, pages)
            query = _listing_query(section, page)
            _write(root, copy_name(f"/vi/{section}.html", query), html)
            portal.listings.append(f"/vi/{section}.html?{query}")
    # articles, under every section that lists them, with their print views
    broken = iter(BROKEN_IDS)
    for a in portal.articles:
        for section in a.sections:
            peers = members[section]
            i = peers.index(a)
            others = [peers[(i + d) % len(peers)] for d in (1, 2, 3) if len(peers) > d]
            dead = next(broken, None) if section == "tin-tuc-su-kien" and a.id % 50 == 0 else None
            if dead:
                portal.broken.append(f"/vi/{section}/-/view_content/{dead}-tin-da-go.html")
            html = _article_page(a, section, others, dead)
            _write(root, a.path(section), html)
            _write(root, f"/vi/{section}/-/view_content/pop_up/{a.id}-{a.slug}{a.ext}", html)
    # keyword-search links of the side column: real searches (non-empty words)
    for words in ("chuyển đổi số", "dịch vụ công trực tuyến", "báo chí"):
        url = _keyword_url(words)
        portal.keyword_links.append(url)
        path, _, query = url.partition("?")
        _write(root, copy_name(path, query), _listing("tin-tuc-su-kien", news[:3], 1, 1))
    # administrative procedures: a list page and one page each
    links = []
    for n, name in enumerate(_PROCEDURES):
        path = f"/vi/thu-tuc-hanh-chinh/-/view_content/{9001 + n}-thu-tuc-{n + 1}.html"
        _write(root, path, _procedure_page(n, name))
        portal.procedures.append(path)
        links.append(f'<li><a href="{path}">{name}</a></li>')
    _write(root, "/vi/thu-tuc-hanh-chinh.html",
           _page(f"Thủ tục hành chính - {SITE}", f'<div class="portlet-title">Thủ tục hành chính'
                 f'</div><ul class="tthc-list">{"".join(links)}</ul>'))
    portal.listings.append("/vi/thu-tuc-hanh-chinh.html")
    # static menu pages
    for slug, (title, paragraphs) in _STATIC.items():
        _write(root, f"/vi/{slug}.html", _static_page(title, paragraphs))
        portal.statics.append(f"/vi/{slug}.html")
    # calendar: every month links the months before and after, beyond the copied ones too
    _write(root, "/vi/lich-cong-tac.html", _calendar_page(len(CALENDAR_MONTHS) - 1))
    for i in range(len(CALENDAR_MONTHS)):
        url = _calendar_url(i)
        path, _, query = url.partition("?")
        _write(root, copy_name(path, query), _calendar_page(i))
        portal.calendar.append(url)
    # home page, and the English sub-site behind the flag
    latest = "".join(f'<li><a href="{a.path("tin-tuc-su-kien")}">{a.title}</a></li>'
                     for a in news[:8])
    _write(root, "/vi/trang-chu.html", _page(SITE, f'<div class="portlet-title">Tin mới</div>'
                                                   f'<ul>{latest}</ul>'))
    _write(root, "/index.html", '<html><head><meta http-equiv="refresh" content="0; url=/vi/'
                                'trang-chu.html"></head><body></body></html>')
    for n in range(3):
        path = f"/en/news/-/view_content/{7001 + n}-department-news-{n + 1}.html"
        _write(root, path, _page(f"Department news {n + 1} - Department of Information and "
                                 f"Communications", f'<div class="news-title">Department news '
                                 f'{n + 1}</div><p>The department held a meeting on digital '
                                 f'transformation with {n + 12} districts.</p>'))
        portal.english.append(path)
    en_links = "".join(f'<li><a href="{p}">News {i + 1}</a></li>' for i, p in enumerate(portal.english))
    _write(root, "/web/sotttt-eng/home.html", _page("Department of Information and Communications",
                                                     f"<ul>{en_links}</ul>"))
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /c/portal/\n"
                                     "Disallow: /documents/\nDisallow: /vi/hoi-dap\n", encoding="utf-8")
    return portal


@contextmanager
def serve(root: Path):
    """Serve ``root`` on 127.0.0.1 with CopyHandler; yields the base URL (no trailing /)."""
    handler = partial(CopyHandler, directory=str(root))
    server_cls = type("Server", (http.server.ThreadingHTTPServer,),
                      {"request_queue_size": 256, "daemon_threads": True})
    server = server_cls(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
