"""extract(): dates in every portal form, decoding, bad input, page kinds, boilerplate, demo pages."""
from __future__ import annotations

import json
import os
import unicodedata

import pytest

from crawler.extract import decode_html, extract
from crawler.extract.dates import parse_date_text, parse_iso_datetime
from crawler.extract.metadata import url_kind
from crawler.records import Article

TITLE = "Phường Tân Mai ra quân tổng vệ sinh môi trường năm 2019"
LEAD = ("Sáng ngày 2/6, UBND phường Tân Mai phối hợp với Ủy ban MTTQ phường tổ chức lễ ra quân tổng "
        "vệ sinh môi trường, thu hút hơn 500 cán bộ, hội viên và người dân tham gia.")
PARAS = [
    "Phát biểu tại buổi lễ, đồng chí Chủ tịch UBND phường nhấn mạnh giữ gìn vệ sinh môi trường là "
    "việc làm thường xuyên, cần sự chung tay của mỗi gia đình và các cơ quan trên địa bàn.",
    "Ngay sau lễ ra quân, các lực lượng đã chia thành 12 tổ, tiến hành thu gom rác thải, nạo vét "
    "rãnh thoát nước tại các tuyến ngõ và khu vực công cộng của phường.",
    "Kết thúc buổi ra quân, các tổ đã thu gom được hơn 15 tấn rác thải và phế thải xây dựng.",
]


def page(date_line: str = "Ngày đăng 08/10/2018 | 15:54", extra_body: str = "", sidebar: bool = True,
         title_tag: str | None = None) -> str:
    """A Liferay-6-like article page with the usual widgets around it."""
    side = """<div class="col-right"><div class="portlet-title">Tin nổi bật</div>
<ul><li><a href="/vi/a/-/view_content/1-a">Hội nghị tổng kết công tác thi đua khen thưởng năm 2018</a></li>
<li><a href="/vi/a/-/view_content/2-b">Kiểm tra trật tự xây dựng trên địa bàn các phường</a></li></ul>
<div class="portlet-title">thời tiết các vùng</div><table><tr><td>Hà Nội</td><td>24°C</td></tr></table>
<div class="portlet-title">Bình chọn</div><p>Đánh giá thái độ tiếp công dân của cán bộ Một cửa quận</p>
<div class="portlet-title">Số lượng truy cập</div><p>Đang truy cập: 27 / Tổng: 4.798.809</p></div>""" if sidebar else ""
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return f"""<html><head><meta charset="utf-8"><title>{title_tag or TITLE + " - Văn hóa - Xã hội - Cổng thông tin quận"}</title></head>
<body><div id="menu"><a href="/">Trang chủ</a> <a href="/vi/tin-tuc">Tin tức</a></div>
<table><tr><td class="col-main"><div class="news-detail">
<div class="title-news">{TITLE}</div><div class="date-news">{date_line}</div>
<div class="sapo"><strong>{LEAD}</strong></div>
<div class="content">{paras}{extra_body}
<p style="text-align: right;"><strong>Phạm Linh</strong></p><p style="text-align: right;"><em>(Nguồn: Báo Hànộimới)</em></p></div>
<div class="account">admin admin</div>
<div class="tools"><a href="#">In bài viết</a> | <a href="#">Gửi mail</a></div>
<div class="other"><div>Các tin khác</div><ul><li><a href="/vi/x/-/view_content/3-c">Tập huấn nghiệp vụ hòa giải cơ sở năm 2018</a> (01/10/2018)</li></ul></div>
</div></td><td>{side}</td></tr></table>
<div id="footer"><a href="#">Về đầu trang</a> | Địa chỉ: Số 8 phố Ngọc Hồi - Điện thoại: 024.3641.2345 - Fax: 024.3641.2346
<p>Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></div></body></html>"""


URL = "http://hoangmai.hanoi.gov.vn/vi/van-hoa-xa-hoi/-/view_content/4105-ra-quan"


# --- dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Ngày đăng 13/05/2016 | 5:05 PM | View count: 889", "2016-05-13T17:05"),
    ("Ngày đăng 08/10/2018 | 15:54", "2018-10-08T15:54"),
    ("13/05/2016 | 5:05 PM", "2016-05-13T17:05"),
    ("24/08/2022 | 04:30 PM", "2022-08-24T16:30"),
    ("Ngày đăng 01/02/2015 | 12:00 AM", "2015-02-01T00:00"),
    ("12/06/2015 | 12:30 PM", "2015-06-12T12:30"),
    ("15:55 | 10/07/2026", "2026-07-10T15:55"),
    ("Thứ Ba, 25/12/2012 - 10:03", "2012-12-25T10:03"),
    ("Thứ Hai, 24/12/2012, 03:04 AM (GMT+7)", "2012-12-24T03:04"),
    ("Thứ Tư, 26/12/2012 17:14", "2012-12-26T17:14"),
    ("| 26/12/2012", "2012-12-26"),
    ("11/10/2025 10:02", "2025-10-11T10:02"),
    ("ngày 11 tháng 10 năm 2025, lúc 10:02", "2025-10-11T10:02"),
    ("Cập nhật: 5-3-2019 8h30", "2019-03-05T08:30"),
    ("04/10/2019", "2019-10-04"),  # day first, always
    ("Thứ năm, 15 Tháng 3 2018 08:45", "2018-03-15T08:45"),  # Joomla/K2 localisation
    ("Cập nhật lúc 15:55, Thứ Sáu, 10/07/2026", "2026-07-10T15:55"),
    ("10/07/2026 - 15:55 (GMT+7)", "2026-07-10T15:55"),
    ("10.07.2026 | 15:55", "2026-07-10T15:55"),
    ("08:30 AM 15/03/2018", "2018-03-15T08:30"),
    ("10:30 SA 15/03/2018", "2018-03-15T10:30"),
    ("03:15 CH 15/03/2018", "2018-03-15T15:15"),
    ("Ngày xuất bản: 26/12/2012 17:14 | Lượt xem: 20", "2012-12-26T17:14"),
])
def test_date_forms(text, expected):
    assert parse_date_text(text) == expected


@pytest.mark.parametrize("text", ["Đang truy cập: 27 / Tổng: 4.798.809", "Covid-19", "31/02/2019", "14 ngày",
                                  "Số 155/KH-UBND", "giai đoạn 2016-2020"])
def test_not_dates(text):
    assert parse_date_text(text) is None


@pytest.mark.parametrize("value, expected", [
    ("2018-10-08T15:54:00+07:00", "2018-10-08T15:54"),
    ("2018-10-08T08:54:00Z", "2018-10-08T15:54"),
    ("2018-10-08T20:54:00+0000", "2018-10-09T03:54"),
    ("2018-10-08 15:54", "2018-10-08T15:54"),
    ("2018-10-08", "2018-10-08"),
    ("garbage", None),
])
def test_meta_datetimes_in_local_time(value, expected):
    assert parse_iso_datetime(value) == expected


@pytest.mark.parametrize("line, expected", [
    ("Ngày đăng 08/10/2018 | 15:54", "2018-10-08T15:54"),
    ("Ngày đăng 13/05/2016 | 5:05 PM | View count: 889", "2016-05-13T17:05"),
    ("15:55 | 10/07/2026", "2026-07-10T15:55"),
    ("Thứ Hai, 24/12/2012, 03:04 AM (GMT+7)", "2012-12-24T03:04"),
    ("| 26/12/2012", "2012-12-26"),
])
def test_published_from_page(line, expected):
    art = extract(page(line).encode(), URL)
    assert art.is_article and art.published == expected


def test_on_page_date_wins_over_meta_and_conflict_is_noted():
    html = page().replace("<head>", '<head><meta property="article:published_time" content="2018-10-09T09:00:00+07:00">')
    art = extract(html, URL)
    assert art.published == "2018-10-08T15:54"
    assert art.notes["date_conflict"] is True and art.notes["published_meta"] == "2018-10-09T09:00"


def test_meta_date_used_when_page_shows_none_and_adds_time_to_a_bare_day():
    html = page("").replace("<head>", '<head><script type="application/ld+json">{"@type": "NewsArticle", '
                                      '"datePublished": "2018-10-08T08:54:00Z"}</script>')
    assert extract(html, URL).published == "2018-10-08T15:54"
    html = page("| 08/10/2018").replace("<head>", '<head><meta property="article:published_time" '
                                                   'content="2018-10-08T15:54:00+07:00">')
    assert extract(html, URL).published == "2018-10-08T15:54"


# --- the article and what stays out of its body ---------------------------------------------------

def test_article_fields():
    art = extract(page().encode(), URL)
    assert isinstance(art, Article) and art.is_article, art.reason
    assert art.title == TITLE
    assert art.published == "2018-10-08T15:54"
    assert art.category == "Văn hóa - Xã hội"
    assert art.lead == LEAD
    assert art.body == "\n\n".join(PARAS)
    assert art.author == "Phạm Linh"
    assert art.source_line == "(Nguồn: Báo Hànộimới)"


@pytest.mark.parametrize("marker", ["thời tiết", "Bình chọn", "Đánh giá thái độ", "Số lượng truy cập", "Đang truy cập",
                                    "Tin nổi bật", "Các tin khác", "In bài viết", "Gửi mail", "Về đầu trang",
                                    "Địa chỉ:", "Điện thoại", "Fax", "admin admin", "Phạm Linh", "Nguồn:",
                                    "Trang chủ", "Ngày đăng"])
def test_boilerplate_stays_out_of_body(marker):
    art = extract(page(), URL)
    assert marker not in art.body and marker not in (art.lead or "")


def test_captions_and_attachments():
    extra = ('<p style="text-align:center"><img src="/a.jpg"></p><p style="text-align:center"><em>Các đại biểu '
             'tham gia thu gom rác thải</em></p><p>Tải về: <a href="/files/ke-hoach.pdf">Kế hoạch số 12/KH-UBND</a></p>'
             '<p><a href="/files/bang.xls?v=2">Bảng tổng hợp</a></p>')
    art = extract(page(extra_body=extra), URL)
    assert art.captions == ["Các đại biểu tham gia thu gom rác thải"]
    assert "Các đại biểu tham gia" not in art.body
    assert [a["text"] for a in art.attachments] == ["Kế hoạch số 12/KH-UBND", "Bảng tổng hợp"]
    assert art.attachments[0]["url"] == "http://hoangmai.hanoi.gov.vn/files/ke-hoach.pdf"


def test_data_table_rows_stay_in_body():
    extra = ("<table border=1><tr><th>Trạm y tế</th><th>Ngày tiêm</th></tr>"
             "<tr><td>Phường Tân Mai</td><td>16/8/2023</td></tr></table>")
    art = extract(page(extra_body=extra), URL)
    assert "Trạm y tế | Ngày tiêm" in art.body and "Phường Tân Mai | 16/8/2023" in art.body


def test_title_when_title_tag_is_only_the_site_name():
    art = extract(page(title_tag="Tin chi tiết - Cổng thông tin quận"), URL)
    assert art.title == TITLE


def test_hints_body_selector():
    art = extract(page(), URL, {"body_selector": "div.content"})
    assert art.is_article and art.body == "\n\n".join(PARAS)


# --- page kinds ----------------------------------------------------------------------------------

def listing_html(n: int) -> str:
    items = "".join(f'<div class="item"><a href="/vi/tin/-/view_content/{i}-tin">Tiêu đề bản tin số {i} về hoạt động '
                    f'của phường</a> <span>(0{i % 9 + 1}/10/2018)</span><p>{LEAD.replace("500", str(100 + i))}</p></div>'
                    for i in range(n))
    return page().replace(page().split('<div class="news-detail">')[1].split("</td>")[0],
                          f'<div class="list">{items}<div class="paging">← Đầu tiên Trước Tiếp Cuối cùng →</div></div>')


@pytest.mark.parametrize("n", [1, 2, 5, 20])
def test_listing_pages_are_not_articles(n):
    art = extract(listing_html(n), "http://hoangmai.hanoi.gov.vn/vi/van-hoa-xa-hoi")
    assert not art.is_article and "listing" in art.reason


@pytest.mark.parametrize("url, kind", [
    ("http://h.gov.vn/vi/van-hoa/-/view_content/pop_up/4105-ra-quan", "print"),
    ("http://h.gov.vn/tin-tuc/chi-tiet-123.html?print=1", "print"),
    ("http://h.gov.vn/tim-kiem?q=ph%C6%B0%E1%BB%9Dng", "search"),
    ("https://x.gov.vn/?s=tiem+chung", "search"),
    ("http://h.gov.vn/", "home"),
    ("http://h.gov.vn/Pages/default.aspx", "home"),
    ("http://h.gov.vn/hoangmai/", "home"),
    ("https://quan3.hochiminhcity.gov.vn/web/quan3", "home"),
    ("http://h.gov.vn/Pages/default.aspx?cat_id=2&news_id=15", None),
    ("http://h.gov.vn/tin-tuc/tim-kiem-viec-lam-cho-thanh-nien-123.htm", None),
    (URL, None),
    ("https://web.archive.org/web/20181008000000id_/http://h.gov.vn/vi/a/-/view_content/pop_up/1-a", "print"),
    ("https://web.archive.org/web/2018/http://h.gov.vn/", "home"),
    ("https://web.archive.org/web/20181008000000/http://h.gov.vn/vi/a/-/view_content/1-a", None),
])
def test_url_kinds(url, kind):
    assert url_kind(url) == kind


def test_print_view_points_to_the_article():
    url = "http://hoangmai.hanoi.gov.vn/vi/van-hoa-xa-hoi/-/view_content/pop_up/4105-ra-quan"
    art = extract(page(), url)
    assert not art.is_article and "print" in art.reason
    assert art.canonical_url == URL


# --- bad input -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name, data", [
    ("empty", b""),
    ("whitespace", b" \n\t "),
    ("none", None),
    ("binary", bytes(range(256)) * 40),
    ("random", os.urandom(20000)),
    ("gzip", b"\x1f\x8b\x08\x00" + os.urandom(3000)),
    ("text", "chỉ là một dòng chữ".encode()),
    ("truncated", page().encode()[:300]),
    ("truncated-in-body", page().encode()[:page().encode().find("Kết thúc".encode())]),
    ("deep", b"<html><body>" + b"<div>" * 5000 + "Nội dung của trang và các bạn. ".encode() * 30
     + b"</div>" * 5000 + b"</body></html>"),
    ("deep-unclosed", b"<html><body>" + b"<div><span><b>" * 5000),
    ("tags-only", b"<html><head></head><body><div><p></p></div></body></html>"),
    ("not-a-str", 12345),
])
def test_bad_input_gives_reason_not_exception(name, data):
    art = extract(data, "http://x.gov.vn/a")
    assert art.is_article is False and art.reason


def test_wrong_declared_charset_still_decodes():
    html = page().replace('charset="utf-8"', 'charset="utf-8"')
    body = html.encode("utf-8")
    text, enc = decode_html(body, "text/html; charset=iso-8859-1")
    assert enc == "utf-8" and TITLE in text
    art = extract(body, URL, {"content_type": "text/html; charset=iso-8859-1"})
    assert art.title == TITLE


# --- decoding ------------------------------------------------------------------------------------

def cp1258(text: str) -> bytes:
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in d if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
            out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def test_windows_1258_decodes_to_nfc():
    html = page().replace('charset="utf-8"', 'charset="windows-1258"')
    text, enc = decode_html(cp1258(html))
    assert enc == "windows-1258"
    assert unicodedata.is_normalized("NFC", text) and TITLE in text
    art = extract(cp1258(html), URL)
    assert art.title == TITLE and art.body == "\n\n".join(PARAS)


def test_windows_1258_declared_as_utf8_falls_back():
    text, enc = decode_html(cp1258(page()))  # meta says utf-8, bytes are windows-1258
    assert enc == "windows-1258" and TITLE in text


@pytest.mark.parametrize("body, ctype, enc", [
    ("Hà Nội".encode("utf-8"), "text/html; charset=UTF-8", "utf-8"),
    (b"\xef\xbb\xbf" + "Hà Nội".encode("utf-8"), None, "utf-8"),
    ("Hà Nội".encode("utf-16-le"), None, "utf-16"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=utf-8">Hà Nội'.encode(), None, "utf-8"),
    (unicodedata.normalize("NFD", "Hà Nội").encode("utf-8"), None, "utf-8"),
    ("Hà Nội".encode("utf-8"), "text/html; charset=windows-1258", "utf-8"),  # wrong header
])
def test_decode_html(body, ctype, enc):
    if enc == "utf-16":
        body = b"\xff\xfe" + body
    text, got = decode_html(body, ctype)
    assert got.startswith(enc) and "Hà Nội" in text and unicodedata.is_normalized("NFC", text)


# --- the demo portal: every page, exact ----------------------------------------------------------

def test_every_demo_page_exact():
    demo = pytest.importorskip("crawler.demo.portal")
    arts = demo.load_articles()
    files = demo.site_files(arts)
    by_path = {a.url_path: a for a in arts}
    base = "http://127.0.0.1:8000"
    problems = []
    for path, body in files.items():
        if not isinstance(body, bytes) or path.rsplit("/", 1)[-1].rsplit(".", 1)[-1] in ("pdf", "doc", "docx", "png", "txt"):
            continue
        got = extract(body, base + path)
        want = by_path.get(path)
        if want is None:
            if got.is_article:
                problems.append(f"{path}: not an article, extracted as one")
            continue
        checks = {"is_article": (got.is_article, True), "title": (got.title, want.title),
                  "published": (got.published, want.published), "lead": (got.lead, want.lead),
                  "body": (got.body, want.body), "category": (got.category, want.category)}
        problems += [f"{path}: {k} {a!r} != {b!r}"[:300] for k, (a, b) in checks.items() if a != b]
        problems += [f"{path}: boilerplate {m!r} in body" for m in demo.BOILERPLATE_MARKERS if m in got.body]
    assert not problems, "\n".join(problems[:20])


# --- the CLI -------------------------------------------------------------------------------------

def test_cli_extract_jsonl(tmp_path, vnnews):
    f = tmp_path / "page.html"
    f.write_text(page(), encoding="utf-8")
    proc = vnnews("extract", str(f), "--jsonl")
    assert proc.returncode == 0, proc.stderr
    item = json.loads(proc.stdout.splitlines()[0])
    assert set(item) >= {"url", "is_article", "title", "published", "category", "lead", "body", "author",
                         "source_line", "captions", "attachments"}
    assert item["title"] == TITLE and item["published"] == "2018-10-08T15:54"


def test_cli_extract_missing_file_is_one_line_error(vnnews):
    proc = vnnews("extract", "/no/such/page.html")
    assert proc.returncode == 1 and proc.stderr.startswith("Error: no such file")


# --- layouts the gold templates do not cover -----------------------------------------------------

def simple_page(head_title: str, before_body: str, after_body: str = "", banner: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in [LEAD, *PARAS])
    return (f"<html><head><title>{head_title}</title></head><body>{banner}"
            f'<div class="menu"><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></div>'
            f'<div class="main">{before_body}<div class="noidung">{paras}</div>{after_body}</div>'
            f'<div class="footer">Bản quyền thuộc UBND phường. Điện thoại: 024.3333.4444</div></body></html>')


def test_site_name_banner_is_not_the_title():
    html = simple_page("Cổng thông tin điện tử phường Tân Mai",
                       f'<h2 class="tieude">{TITLE}</h2><p>Thứ Tư, 26/12/2012 17:14</p>',
                       banner='<h1 class="logo">Cổng thông tin điện tử phường Tân Mai</h1>')
    art = extract(html, "http://tanmai.gov.vn/tin/123")
    assert art.title == TITLE and art.published == "2012-12-26T17:14"


def test_date_under_the_body():
    html = simple_page(f"{TITLE} - Tin tức", f"<h1>{TITLE}</h1>",
                       '<p class="date">Ngày đăng: 08/10/2018 15:54</p>')
    art = extract(html, "http://tanmai.gov.vn/tin/123")
    assert art.published == "2018-10-08T15:54" and "Ngày đăng" not in art.body


def test_year_first_date_on_the_page():
    html = simple_page(f"{TITLE} - Tin tức", f"<h1>{TITLE}</h1><span>Cập nhật: 2018-10-08 15:54:00</span>")
    assert extract(html, "http://tanmai.gov.vn/tin/123").published == "2018-10-08T15:54"


def test_byline_above_the_body():
    html = simple_page(f"{TITLE} - Tin tức", f"<h1>{TITLE}</h1><p>08/10/2018 15:54</p><p>Tác giả: Minh Châu</p>")
    art = extract(html, "http://tanmai.gov.vn/tin/123")
    assert art.author == "Tác giả: Minh Châu" and "Minh Châu" not in art.body


def test_inline_related_box_between_paragraphs():
    box = '<div class="box"><p>Tin liên quan</p><ul><li><a href="/a">Một bản tin khác về môi trường của phường</a></li></ul></div>'
    html = page().replace(f"<p>{PARAS[0]}</p>", f"<p>{PARAS[0]}</p>{box}")
    art = extract(html, URL)
    assert art.body == "\n\n".join(PARAS)


def test_short_notice_beside_a_long_sidebar_text():
    intro = ("Phường Tân Mai được thành lập năm 1982 trên cơ sở một phần xã Hoàng Văn Thụ, có diện tích tự nhiên "
             "hơn 60 ha với 21 tổ dân phố. Những năm qua, Đảng bộ, chính quyền và nhân dân phường đã đoàn kết, "
             "phát huy truyền thống cách mạng, đạt được nhiều thành tựu quan trọng trong phát triển kinh tế - xã "
             "hội, giữ vững an ninh chính trị, trật tự an toàn xã hội và xây dựng đời sống văn hóa ở khu dân cư. ") * 2
    notice = ("UBND phường Tân Mai thông báo lịch tiếp công dân tháng 6 năm 2024 vào sáng thứ Năm hằng tuần tại "
              "trụ sở UBND phường. Công dân đến mang theo giấy tờ tùy thân.")
    html = (f"<html><head><title>Thông báo lịch tiếp công dân tháng 6 - Thông báo - Phường Tân Mai</title></head><body>"
            f'<table><tr><td class="left"><div class="gioithieu"><h3>Giới thiệu chung</h3><p>{intro}</p></div></td>'
            f'<td class="center"><div class="tieude">Thông báo lịch tiếp công dân tháng 6</div><div>28/05/2024 08:00</div>'
            f'<div class="nd"><p>{notice}</p></div></td></tr></table></body></html>')
    art = extract(html, "http://tanmai.gov.vn/thong-bao/55")
    assert art.is_article, art.reason
    assert art.body == notice and art.published == "2024-05-28T08:00"


def test_learned_site_boilerplate_stays_out_of_the_body():
    from crawler.extract import learn_boilerplate

    # A template that puts a site notice inside the article container, on every page.
    notice = "<p>Cổng thông tin đang chạy thử nghiệm, mời bạn đọc góp ý về giao diện mới của trang.</p>"
    pages = []
    for d in range(1, 6):  # five different articles of the same site
        html = page(f"Ngày đăng 0{d}/10/2018 | 15:54", extra_body=notice)
        for text in (*PARAS, LEAD, TITLE):
            html = html.replace(text, f"{text} (bài {d})")
        pages.append(html)
    learned = learn_boilerplate(p.encode() for p in pages)
    assert "Cổng thông tin đang chạy thử nghiệm, mời bạn đọc góp ý về giao diện mới của trang." in learned
    assert not any(text.startswith(p) for text in learned for p in (*PARAS, LEAD, TITLE))
    assert "thử nghiệm" in extract(pages[0], URL).body
    art = extract(pages[0], URL, {"boilerplate": learned})
    assert "thử nghiệm" not in art.body and art.author == "Phạm Linh"


def test_wayback_toolbar_is_ignored():
    toolbar = ('<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id="wm-ipp"><a href="/web/">The Wayback Machine</a> '
               '<span>08/10/2018 01:02</span> 12 captures 01 Jan 2015 - 31 Dec 2020</div><!-- END WAYBACK TOOLBAR INSERT -->')
    art = extract(page().replace("<body>", "<body>" + toolbar), "https://web.archive.org/web/20181008000000/" + URL)
    assert art.title == TITLE and art.published == "2018-10-08T15:54" and "Wayback" not in art.body


def test_headline_with_line_break_and_cut_title_tag():
    first, rest = TITLE.split(" ra ", 1)
    html = simple_page(TITLE[:30] + "...", f"<h1>{first}<br/>ra {rest}</h1><p>08/10/2018 15:54</p>")
    art = extract(html, "http://tanmai.gov.vn/tin/123")
    assert art.title == TITLE


def test_related_list_inside_the_body_element_does_not_make_a_listing():
    related = ('<p><strong>Tin liên quan:</strong></p>' + "".join(
        f'<p><a href="/tin/{i}">Bản tin liên quan số {i} về công tác vệ sinh môi trường của phường</a></p>' for i in range(6))
        + '<p><a href="/files/van-ban-cu.pdf">Văn bản cũ của một tin khác</a></p>')
    art = extract(page(extra_body=related).replace('<p style="text-align: right;"><strong>Phạm Linh', '<p><strong>Phạm Linh'), URL)
    assert art.is_article, art.reason
    assert art.body == "\n\n".join(PARAS) and art.attachments == []


def test_article_inside_deeply_nested_layout_tables():
    html = "<table><tr><td>" * 150 + page() + "</td></tr></table>" * 150
    art = extract(html, URL)
    assert art.is_article and art.title == TITLE and art.body == "\n\n".join(PARAS)


@pytest.mark.parametrize("prefix", ['<?xml version="1.0" encoding="utf-8"?>\n', '\ufeff<?xml version="1.0"?>'])
def test_xhtml_declaration(prefix):
    assert extract(prefix + page(), URL).title == TITLE
    assert extract((prefix + page()).encode("utf-8"), URL).title == TITLE


def test_lead_from_meta_description_and_curly_quotes_in_title():
    title = "Phát động Tết trồng cây “Đời đời nhớ ơn Bác Hồ” năm 2024"
    html = simple_page(f'Phát động Tết trồng cây "Đời đời nhớ ơn Bác Hồ" năm 2024 - Tin tức - Phường',
                       f"<div>{title}</div><p>20/02/2024 08:15</p>")
    html = html.replace("<head>", f'<head><meta name="description" content="{LEAD[:90]}...">')
    art = extract(html, "http://tanmai.gov.vn/tin/123")
    assert art.title == title
    assert art.lead == LEAD and art.body == "\n\n".join(PARAS)


def test_linked_source_line():
    html = page().replace('<p style="text-align: right;"><em>(Nguồn: Báo Hànộimới)</em></p>',
                          '<p>Nguồn: <a href="http://hanoimoi.com.vn/tin/1">Báo Hànộimới</a></p>')
    art = extract(html, URL)
    assert art.source_line == "Nguồn: Báo Hànộimới" and art.body == "\n\n".join(PARAS)


def test_tag_soup_of_a_2005_portal():
    paras = "".join(f"<P ALIGN=justify><FONT FACE=Arial SIZE=2>{p}" for p in PARAS)  # never closed
    html = f"""<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=utf-8">
<TITLE>UBND QUAN HOANG MAI</TITLE></HEAD><BODY BGCOLOR=#FFFFFF>
<MARQUEE>Tin mới: Hội nghị tổng kết năm 2005 * Lịch tiếp công dân tháng 1 *</MARQUEE>
<TABLE WIDTH=780 BORDER=0><TR><TD WIDTH=160 VALIGN=top><A HREF=/gioithieu.asp>Giới thiệu</A><BR><A HREF=/tintuc.asp>Tin tức</A><BR>
<A HREF=/vanban.asp>Văn bản</A><TD VALIGN=top><CENTER><FONT COLOR=#CC0000 SIZE=4><B>{TITLE}</B></FONT></CENTER>
<FONT SIZE=1 COLOR=gray>Cập nhật: 26/12/2005 9:15</FONT><BR><BR>
<B><I>{LEAD}</I></B>{paras}
<P ALIGN=right><B>Phạm Linh</B>
<HR><FONT SIZE=1>Các tin khác:</FONT><BR><A HREF=/tin.asp?id=1>Hội nghị tổng kết công tác năm 2005 của quận</A>
</TABLE><CENTER><FONT SIZE=1>Bản quyền 2005 UBND quận Hoàng Mai. Điện thoại: 04.8641234</FONT></CENTER></BODY></HTML>"""
    art = extract(html.encode("utf-8"), "http://hoangmai.hanoi.gov.vn/tin.asp?id=77")
    assert art.is_article, art.reason
    assert art.title == TITLE and art.published == "2005-12-26T09:15"
    assert art.lead == LEAD and art.body == "\n\n".join(PARAS) and art.author == "Phạm Linh"


def test_caption_in_the_image_paragraph():
    extra = '<p><img src="/a.jpg"><br>Quang cảnh buổi lễ ra quân tại phường Tân Mai</p>'
    art = extract(page(extra_body=extra), URL)
    assert art.captions == ["Quang cảnh buổi lễ ra quân tại phường Tân Mai"] and art.body == "\n\n".join(PARAS)


def test_short_paragraph_starting_with_a_floated_image_stays_in_body():
    para = ("Sau lễ ra quân, phường tiếp tục duy trì hoạt động vệ sinh môi trường vào sáng thứ Bảy hằng tuần. "
            "Các tổ dân phố phân công lực lượng tham gia.")
    art = extract(page(extra_body=f'<p><img src="/thumb.jpg" align="left">{para}</p>'), URL)
    assert para in art.body and not art.captions


def test_layout_cell_starting_with_an_image_is_body():
    para = ("Sau lễ ra quân, phường tiếp tục duy trì hoạt động vệ sinh môi trường vào sáng thứ Bảy hằng tuần, "
            "các tổ dân phố phân công lực lượng tham gia đầy đủ")
    html = simple_page(f"{TITLE} - Tin tức", f"<h1>{TITLE}</h1><p>08/10/2018 15:54</p>")
    html = html.replace('<div class="noidung">', f'<table><tr><td><img src="/a.jpg"><br>{para}<br><br>{LEAD}<br><br>'
                                                 + "<br><br>".join(PARAS) + '</td></tr></table><div class="x">')
    art = extract(html, "http://tanmai.gov.vn/tin/123")
    assert art.body.startswith(para) and not art.captions


@pytest.mark.parametrize("line, kind", [
    ("Phạm Linh", "author"), ("Bài và ảnh: Minh Anh", "author"), ("Đặng Vân (tổng hợp)", "author"),
    ("(tổng hợp)", "author"), ("(Nguồn: Báo Hànộimới)", "source"), ("Theo TTXVN", "source"),
    ("admin admin", "account"), ("Theo kế hoạch, chương trình kéo dài đến hết tháng 12", None),
    ("Hội nghị kết thúc tốt đẹp.", None), ("Kết quả cụ thể như sau:", None),
])
def test_closing_line_kinds(line, kind):
    from crawler.extract.clean import byline_kind

    assert byline_kind(line) == kind


def test_text_to_speech_player_and_font_buttons_before_the_body():
    player = '<div class="tts"><span>Nghe đọc bài viết</span><span>Giọng nữ miền Bắc</span></div><div>A- A A+</div>'
    art = extract(page().replace('<div class="content">', f'<div class="content">{player}'), URL)
    assert art.body == "\n\n".join(PARAS)


def test_short_subheadings_stay_in_the_body():
    extra = (f"<p><strong>Kết quả</strong></p><p>{PARAS[0]} Thêm một câu.</p>"
             f"<p><strong>Trở về quê hương</strong></p><p>{PARAS[1]} Thêm câu nữa.</p>")
    art = extract(page(extra_body=extra), URL)
    assert "Kết quả\n\n" in art.body and "Trở về quê hương" in art.body and art.body.endswith("Thêm câu nữa.")


@pytest.mark.parametrize("url", [None, "", "page.html", "file:///tmp/page.html"])
def test_unknown_address_leaves_it_to_the_content(url):
    art = extract(page(), url)
    assert art.is_article and art.title == TITLE


def test_article_with_many_attached_documents_is_not_a_listing():
    docs = "".join(f'<p><a href="/files/van-ban-{i}.pdf">Văn bản hướng dẫn số {i} về công tác vệ sinh môi trường</a></p>'
                   for i in range(6))
    art = extract(page(extra_body=docs), URL)
    assert art.is_article, art.reason
    assert len(art.attachments) == 6 and art.body == "\n\n".join(PARAS)


# --- rules added with the fourth to sixth blind sets of the gold (README of the gold set) ------------

@pytest.mark.parametrize("text, expected", [
    ("Wednesday, June 5, 2019 07:40", "2019-06-05T07:40"),
    ("Posted on 5 June 2019, 5:05 PM", "2019-06-05T17:05"),
    ("Mar. 3rd, 2020", "2020-03-03"),
    ("15/03/2018 8:45:00 SA", "2018-03-15T08:45"),
    ("Ngày 17 tháng 10 năm 2017 - 12 giờ 00", "2017-10-17T12:00"),
])
def test_more_date_forms(text, expected):
    assert parse_date_text(text) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://xa.dongnai.gov.vn/2020/03/15/tap-huan/", "2020-03-15"),
    ("https://web.archive.org/web/20170412093015/http://x.gov.vn/2016/05/13/tin", "2016-05-13"),
    ("https://web.archive.org/web/20170412093015/http://x.gov.vn/vi/-/view_content/12-tin", None),
    ("https://x.gov.vn/2020/13/01/tin/", None),
])
def test_date_from_url(url, expected):
    from crawler.extract.dates import date_from_url

    assert date_from_url(url) == expected


def test_permalink_date_only_when_the_page_shows_none():
    html = page(date_line="")
    art = extract(html, "https://xa.gov.vn/2019/06/05/ra-quan/")
    assert art.published == "2019-06-05" and art.notes.get("published_from") == "url"
    assert extract(page(), "https://xa.gov.vn/2019/06/05/ra-quan/").published == "2018-10-08T15:54"


def test_hidden_mobile_copy_is_dropped():
    hidden = f'<div style="display: none"><h2>{TITLE}</h2><p>{LEAD}</p>' + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>"
    art = extract(page().replace("<body>", "<body>" + hidden), URL)
    assert art.title == TITLE and art.lead == LEAD and art.body == "\n\n".join(PARAS)


def test_page_hidden_until_scripts_run_is_still_read():
    art = extract(page().replace("<body>", '<body><div style="visibility:hidden">'), URL)
    assert art.is_article and art.body == "\n\n".join(PARAS)


def test_self_printing_page_is_a_print_view():
    art = extract(page().replace("<body>", '<body onload="window.print()">'), "http://x.gov.vn/TinTuc/InTin.asp?ID=5")
    assert not art.is_article and art.reason.startswith("print view")


def test_comment_heading_with_a_count_ends_the_article():
    comments = ('<div class="cmt"><h4>Bình luận (2)</h4><p>Tôi rất hoan nghênh cách làm này của phường, mong rằng '
                'các hoạt động như vậy được duy trì thường xuyên và công khai kết quả.</p></div>')
    art = extract(page().replace('<div class="account">', comments + '<div class="account">'), URL)
    assert "hoan nghênh" not in art.body


def test_centred_layout_table_does_not_make_a_lead_a_caption():
    html = page().replace("<table><tr><td class=\"col-main\">", '<table align="center"><tr><td class="col-main"><img src="/i.gif">')
    art = extract(html, URL)
    assert art.lead == LEAD and not art.captions


def test_title_cell_beside_icon_cells():
    html = page().replace(f'<div class="title-news">{TITLE}</div>',
                          f'<table><tr><td style="font-weight:bold">{TITLE}</td><td><img src="/print.png"></td><td><img src="/mail.png"></td></tr></table>')
    assert extract(html, URL).title == TITLE


def test_cldr_short_month_and_ad_placeholder_and_agency_byline():
    assert parse_date_text("5 thg 6, 2019 07:40") == "2019-06-05T07:40"
    from crawler.extract.clean import byline_kind

    assert byline_kind("Phòng Lao động - Thương binh và Xã hội quận", True) == "author"
    assert byline_kind("Phòng Lao động - Thương binh và Xã hội quận", False) is None
    art = extract(page(extra_body="<div><div>Quảng cáo</div></div>"), URL)
    assert art.body == "\n\n".join(PARAS)


def test_next_article_below_a_short_one_is_not_taken():
    nxt = ('<div class="next"><div>Bài tiếp theo</div><h2>Quận tổ chức hội nghị tổng kết công tác thi đua khen thưởng</h2>'
           '<div>Thứ Hai, 07/10/2018 09:00</div>'
           + "".join(f"<p>{p} {p}</p>" for p in PARAS) + "</div>")
    art = extract(page().replace('<div class="account">', '</div>' + nxt + '<div><div class="account">'), URL)
    assert art.title == TITLE and art.body == "\n\n".join(PARAS)


def test_hatom_published_adds_the_time_to_a_bare_day():
    html = page(date_line="Thứ Hai, 8 tháng 10, 2018").replace(
        '<div class="account">', '<div class="account"><abbr class="published" title="2018-10-08T15:54:00+07:00">15:54</abbr> ')
    assert extract(html, URL).published == "2018-10-08T15:54"


def test_whole_title_heading_beyond_a_table_of_contents():
    toc = '<div class="toc"><p>Mục lục</p><ol>' + "".join(f'<li><a href="#m{i}">{i}. Phần {i}</a></li>' for i in range(1, 5)) + "</ol></div>"
    body = "".join(f'<h2 id="m{i}">{i}. Phần thứ {i} của báo cáo</h2><p>{p}</p>' for i, p in enumerate(PARAS, 1))
    html = (f'<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body><div class="logo">Cổng thông tin</div>'
            f'<div class="main"><h1>{TITLE}</h1><div>Đăng ngày: 08/10/2018 - 15:54</div><p><b>{LEAD}</b></p>{toc}'
            f'<div class="text">{body}</div></div><div class="footer">Địa chỉ: 8 Ngọc Hồi. Điện thoại: 024.3641.2345</div></body></html>')
    art = extract(html, URL)
    assert art.title == TITLE and art.published == "2018-10-08T15:54"


def test_short_article_with_a_header_beside_a_teaser_column():
    teasers = "".join(f'<div><a href="/tin/{i}">Tin số {i}: hội nghị triển khai nhiệm vụ công tác năm mới của phường</a>'
                      f"<div>(0{i}/10/2018)</div><div>{LEAD} {PARAS[2]}</div></div>" for i in range(1, 7))
    html = (f'<html><head><meta charset="utf-8"><title>UBND phường Kim Liên</title></head><body><div id="menu"><a href="/">Trang chủ</a></div>'
            f'<div class="left"><div class="tieude">{TITLE}</div><div>(08/10/2018 15:54)</div><div><b>{LEAD}</b></div>'
            f'<div class="noidung"><p>{PARAS[0]}</p><p>{PARAS[1]}</p></div></div><div class="right"><div>Tin mới</div>{teasers}</div>'
            f'<div>Địa chỉ: số 1 Phạm Ngọc Thạch. Điện thoại: 024.3852.0000</div></body></html>')
    art = extract(html, "http://kimlien.gov.vn/Tin-tuc/640/ra-quan.aspx")
    assert art.is_article, art.reason
    assert art.title == TITLE and art.lead == LEAD and art.published == "2018-10-08T15:54"


@pytest.mark.parametrize("cls, dropped", [
    ("d-none d-print-block", True), ("hidden", True), ("sr-only", True), ("visible-print-block", True),
    ("d-none d-md-block", False), ("d-print-block", False), ("hidden-xs", False), ("content", False),
])
def test_copies_hidden_by_utility_classes(cls, dropped):
    copy = f'<div class="{cls}"><p>Bản in: {PARAS[0]}</p></div>'
    art = extract(page().replace('<div class="account">', copy + '<div class="account">'), URL)
    assert ("Bản in:" not in art.body) is dropped


STRAY_TEXT = ("<p>Ủy ban nhân dân quận Hoàng Mai tổ chức hội nghị tổng kết công tác năm 2023, "
              "triển khai nhiệm vụ trọng tâm năm 2024 với sự tham dự của đại biểu các phường.</p>")


def test_utf8_page_with_a_stray_byte_stays_utf8():
    from crawler.extract.decode import decode_html
    body = STRAY_TEXT.encode("utf-8").replace(b"2023", b"20\xff23")
    decoded, encoding = decode_html(body, "text/html; charset=utf-8")
    assert encoding == "utf-8"
    assert "Ủy ban nhân dân quận Hoàng Mai" in decoded and "20\ufffd23" in decoded


def test_windows_1258_is_not_taken_for_damaged_utf8():
    from crawler.extract.decode import decode_html
    decoded, encoding = decode_html(cp1258(STRAY_TEXT))
    assert encoding == "windows-1258" and decoded == STRAY_TEXT
