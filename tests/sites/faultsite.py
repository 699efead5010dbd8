"""A small Liferay-style district portal with injected faults, served on 127.0.0.1.

Everything under /portal/ (the source's base path). What it serves, and what a correct crawl
does with it:

- home, a news listing of 4 pages (portlet counter ``_tintuc_cur=N``; page 1 links only to
  page 2 and "Cuối cùng"), articles 1–10 with ETag / Last-Modified (304 on a match);
- article 7 only in sitemap.xml (named by robots.txt), article 8 only in the RSS feed,
  article 9 only on the "Sơ đồ cổng" site-map page, article 10 only via a redirect;
- the print pop-up of every article, and links carrying jsessionid / utm_* / p_p_auth:
  never fetched on their own (canonical URL);
- an English version of article 1 (another text: its own article);
- a copy of article 5 at another URL (same text: one article);
- /flaky: 500 twice, then article 11 (stored after retries);
- /broken: always 500; /slow: answers after SLOW_SECONDS; /truncated: Content-Length larger
  than the body; /loop-a ↔ /loop-b: redirect loop; /secret/...: disallowed by robots.txt;
  /huge and /huge-stream (no Content-Length): bodies larger than the test's DOWNLOAD_MAXSIZE
  — each one failure with its reason;
- traps: a calendar with a link to the next day forever, search results, an over-long URL,
  a page outside the base path and another host: none fetched.

The text is written for these tests.
"""
from __future__ import annotations

import hashlib
import threading
import time
from contextlib import contextmanager
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

__all__ = ["FaultSite", "serve", "ARTICLES", "SLOW_SECONDS", "HUGE_BYTES"]

SLOW_SECONDS = 2.5
HUGE_BYTES = 3 * 1024 * 1024
LISTING_PAGES = 4
PER_PAGE = 2  # articles 1..8 on listing pages 1..4 (7 and 8 are also elsewhere)

_TOPICS = [
    ("ra-quan-ve-sinh-moi-truong", "Phường Tân Mai ra quân vệ sinh môi trường đầu năm",
     "Sáng Chủ nhật, hơn 300 đoàn viên, hội viên và người dân phường Tân Mai đã tham gia dọn "
     "vệ sinh các tuyến ngõ, khơi thông cống rãnh và thu gom rác thải tồn đọng ven hồ."),
    ("tap-huan-chuyen-doi-so", "Tập huấn chuyển đổi số cho cán bộ tổ dân phố",
     "Ủy ban nhân dân quận tổ chức lớp tập huấn về dịch vụ công trực tuyến và chữ ký số cho "
     "các tổ trưởng tổ dân phố, giúp người dân nộp hồ sơ không phải đến trụ sở."),
    ("kiem-tra-an-toan-thuc-pham", "Kiểm tra an toàn thực phẩm dịp Tết Nguyên đán",
     "Đoàn liên ngành của quận đã kiểm tra 42 cơ sở kinh doanh thực phẩm, nhắc nhở 9 cơ sở "
     "và tiêu hủy hàng hóa không rõ nguồn gốc xuất xứ theo quy định."),
    ("hoi-nghi-tiep-xuc-cu-tri", "Hội nghị tiếp xúc cử tri trước kỳ họp thứ năm",
     "Các đại biểu Hội đồng nhân dân thành phố đã lắng nghe cử tri phản ánh về tiến độ cải "
     "tạo chung cư cũ, trật tự vỉa hè và việc cấp giấy chứng nhận quyền sử dụng đất."),
    ("khanh-thanh-nha-van-hoa", "Khánh thành nhà văn hóa tổ dân phố số 12",
     "Công trình có tổng mức đầu tư gần ba tỷ đồng từ ngân sách phường và nguồn xã hội hóa, "
     "gồm hội trường một trăm chỗ ngồi, sân tập thể thao và khu vui chơi cho thiếu nhi."),
    ("trao-qua-gia-dinh-chinh-sach", "Trao quà cho gia đình chính sách nhân ngày 27/7",
     "Lãnh đạo quận đã thăm hỏi, tặng 250 suất quà cho thương binh, thân nhân liệt sĩ và "
     "người có công với cách mạng, mỗi suất trị giá một triệu đồng."),
    ("phong-chay-chua-chay", "Diễn tập phòng cháy chữa cháy tại khu đô thị mới",
     "Buổi diễn tập giả định đám cháy tại tầng 15 của tòa nhà chung cư, huy động lực lượng "
     "chữa cháy chuyên nghiệp, đội phòng cháy cơ sở và hơn hai trăm cư dân tham gia."),
    ("giai-chay-vi-suc-khoe", "Giải chạy vì sức khỏe cộng đồng năm nay",
     "Hơn một nghìn vận động viên phong trào đã tham gia giải chạy quanh công viên, quỹ "
     "thu được dùng để hỗ trợ học sinh có hoàn cảnh khó khăn trên địa bàn quận."),
    ("so-ket-cai-cach-hanh-chinh", "Sơ kết công tác cải cách hành chính sáu tháng",
     "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,7%, tăng so với cùng kỳ; quận tiếp tục đẩy mạnh "
     "tiếp nhận hồ sơ trực tuyến toàn trình và số hóa kết quả giải quyết thủ tục."),
    ("trong-cay-xanh", "Phát động Tết trồng cây đời đời nhớ ơn Bác Hồ",
     "Quận trồng mới 500 cây bóng mát trên các tuyến phố và trong khuôn viên trường học, "
     "giao cho các tổ dân phố chăm sóc, bảo vệ cây sau khi trồng."),
    ("thong-bao-lich-tiep-dan", "Thông báo lịch tiếp công dân của Chủ tịch UBND quận",
     "Chủ tịch Ủy ban nhân dân quận tiếp công dân định kỳ vào ngày 15 hằng tháng tại trụ sở "
     "tiếp công dân, công dân mang theo giấy tờ tùy thân và hồ sơ liên quan."),
]
ARTICLES = {i + 1: t for i, t in enumerate(_TOPICS)}
FLAKY_ARTICLE = 11  # served only at /portal/flaky, after two 500s


def article_path(n: int, popup: bool = False) -> str:
    slug = ARTICLES[n][0]
    return f"/portal/vi/tin-tuc/-/view_content/{'pop_up/' if popup else ''}{n}-{slug}"


def listing_path(page: int) -> str:
    return f"/portal/vi/tin-tuc?p_p_id=tintuc&p_p_lifecycle=0&p_p_state=normal&_tintuc_cur={page}"


def _page(title: str, main: str, head: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title} - Cổng thông tin quận Thử Nghiệm</title>
{head}</head><body>
<div id="banner"><a href="/portal/">Trang chủ</a> | <a href="{listing_path(1)}">Tin tức</a> |
<a href="/portal/so-do-cong">Sơ đồ cổng</a> | <a href="/portal/tim-kiem?q=chuyen+doi+so">Tìm kiếm</a> |
<a href="/portal/lich?day=2024-01-01">Lịch công tác</a></div>
<div id="content">{main}</div>
<div id="footer">Cổng thông tin điện tử quận Thử Nghiệm. Địa chỉ: số 1 phố Thử, Hà Nội.
Ghi rõ nguồn khi phát hành lại thông tin từ cổng này.</div>
</body></html>"""


class FaultSite:
    """The site's state: request log, fault counters and the version of article 3."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests: list[tuple[str, dict]] = []  # (path?query, headers)
        self.times: list[tuple[str, float]] = []  # (path?query, time.monotonic())
        self.flaky_left = 2
        self.revision = 1  # bump to change article 3's text

    # ---- pages ------------------------------------------------------------------------

    def article_html(self, n: int, popup: bool = False) -> str:
        slug, title, lead = ARTICLES[n]
        extra = f" (Bản cập nhật số {self.revision}.)" if n == 3 and self.revision > 1 else ""
        body = "".join(
            f"<p>{lead} Đây là đoạn {k} của bài viết số {n}, nói rõ thêm kết quả, những việc "
            f"còn tồn tại và nhiệm vụ thời gian tới của các đơn vị liên quan.{extra}</p>"
            for k in range(1, 5))
        links = "" if popup else (
            f'<div class="print"><a href="{article_path(n, popup=True)}">In bài viết</a> '
            f'<a href="{article_path(n)};jsessionid=0A1B2C3D?utm_source=facebook&amp;'
            f'p_p_auth=Zx81">Chia sẻ</a></div>'
            f'<div class="other-news">Các tin khác: <a href="{article_path(n % 6 + 1)}?'
            f'utm_medium=related">{ARTICLES[n % 6 + 1][1]}</a></div>')
        main = (f'<div class="news-detail"><div class="title-news">{title}</div>'
                f'<div class="date-news">Ngày đăng 1{n % 9}/03/2019 | 9:{10 + n} AM</div>'
                f'<div class="sapo-news"><strong>{lead}</strong></div>'
                f'<div class="journal-content-article">{body}'
                f'<p style="text-align:right"><strong>Minh Anh</strong></p></div>{links}</div>')
        return _page(title, main)

    def english_html(self) -> str:
        main = ('<div class="news-detail"><div class="title-news">Tan Mai ward cleans up its '
                'streets</div><div class="date-news">Posted 10/03/2019 | 9:11 AM</div>'
                '<div class="journal-content-article">' +
                "".join(f"<p>More than 300 union members and residents of Tan Mai ward "
                        f"cleaned alleys, cleared drains and collected waste by the lake. "
                        f"Paragraph {k} adds what remains to be done next.</p>"
                        for k in range(1, 5)) + "</div></div>")
        return _page("Tan Mai ward cleans up its streets", main)

    def listing_html(self, page: int) -> str:
        items = "".join(f'<li><a href="{article_path(n)}">{ARTICLES[n][1]}</a></li>'
                        for n in range((page - 1) * PER_PAGE + 1, page * PER_PAGE + 1))
        nav = []
        if page > 1:
            nav.append(f'<a href="{listing_path(page - 1)}">Trước</a>')
        if page == 1:
            nav.append(f'<a href="{listing_path(2)}">2</a>')
        if page < LISTING_PAGES:
            nav.append(f'<a href="{listing_path(page + 1)}">Tiếp</a>')
            nav.append(f'<a href="{listing_path(LISTING_PAGES)}">Cuối cùng →</a>')
        main = f'<h2>Tin tức - Sự kiện</h2><ul class="list-news">{items}</ul>' \
               f'<div class="paging">{" ".join(nav)}</div>'
        return _page("Tin tức - Sự kiện", main)

    def home_html(self) -> str:
        links = [
            f'<a href="{listing_path(1)}">Tin tức - Sự kiện</a>',
            '<a href="/portal/en/news/-/view_content/1-tan-mai-cleans-up">English</a>',
            '<a href="/portal/ban-sao/bai-5">Bài đọc nhiều</a>',
            '<a href="/portal/flaky">Thông báo</a>', '<a href="/portal/broken">Văn bản</a>',
            '<a href="/portal/slow">Lịch tiếp dân</a>',
            '<a href="/portal/truncated">Thủ tục</a>', '<a href="/portal/loop-a">Hỏi đáp</a>',
            '<a href="/portal/secret/noi-bo">Nội bộ</a>', '<a href="/portal/huge">Ảnh</a>',
            '<a href="/portal/huge-stream">Video</a>',
            '<a href="/portal/bai-cu-10">Tin cũ</a>',
            '<a href="/portal/?utm_source=zalo">Trang chủ</a>',
            '<a href="/other/trang-ngoai">Ngoài phạm vi</a>',
            '<a href="http://example.invalid/portal/">Liên kết website</a>',
            '<a href="/portal/danh-sach?' + "&amp;".join(f"f{i}=1" for i in range(12)) +
            '">Lọc</a>',
        ]
        head = '<link rel="alternate" type="application/rss+xml" href="/portal/rss">'
        return _page("Trang chủ", "<ul>" + "".join(f"<li>{a}</li>" for a in links) + "</ul>",
                     head)

    # ---- routing ----------------------------------------------------------------------

    def route(self, path: str, query: dict, headers: dict):
        """(status, headers, body) for one GET; body bytes. None = drop the connection."""
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, (
                "User-agent: *\nDisallow: /portal/secret/\n"
                f"Sitemap: http://{headers.get('host')}/portal/sitemap.xml\n").encode()
        if path in ("/portal/", "/portal"):
            return 200, html, self.home_html().encode()
        if path == "/portal/vi/tin-tuc" and query.get("_tintuc_cur", [""])[0].isdigit():
            page = int(query["_tintuc_cur"][0])
            if 1 <= page <= LISTING_PAGES:
                return 200, html, self.listing_html(page).encode()
        if path.startswith("/portal/vi/tin-tuc/-/view_content/"):
            rest = path.rsplit("/", 1)[-1]
            n = int(rest.split("-")[0]) if rest.split("-")[0].isdigit() else 0
            if n in ARTICLES and rest == f"{n}-{ARTICLES[n][0]}":
                body = self.article_html(n, popup="/pop_up/" in path).encode()
                etag = '"%s"' % hashlib.md5(body).hexdigest()
                modified = formatdate(1552000000 + n * 3600 + self.revision * 86400 * (n == 3),
                                      usegmt=True)
                if headers.get("if-none-match") == etag:
                    return 304, {"ETag": etag}, b""
                return 200, {**html, "ETag": etag, "Last-Modified": modified}, body
        if path == "/portal/en/news/-/view_content/1-tan-mai-cleans-up":
            return 200, html, self.english_html().encode()
        if path == "/portal/ban-sao/bai-5":
            return 200, html, self.article_html(5).encode()
        if path == "/portal/bai-cu-10":
            return 301, {"Location": article_path(10)}, b""
        if path == "/portal/so-do-cong":
            main = (f'<h2>Sơ đồ cổng</h2><ul><li><a href="{listing_path(1)}">Tin tức</a></li>'
                    f'<li><a href="{article_path(9)}">{ARTICLES[9][1]}</a></li></ul>')
            return 200, html, _page("Sơ đồ cổng", main).encode()
        if path == "/portal/sitemap.xml":
            body = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.'
                    f'org/schemas/sitemap/0.9"><url><loc>http://{headers.get("host")}'
                    f'{article_path(7)}</loc></url></urlset>')
            return 200, {"Content-Type": "application/xml"}, body.encode()
        if path == "/portal/rss":
            body = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                    f'<title>Tin mới</title><item><title>{ARTICLES[8][1]}</title>'
                    f'<link>http://{headers.get("host")}{article_path(8)}</link></item>'
                    '</channel></rss>')
            return 200, {"Content-Type": "application/rss+xml"}, body.encode()
        if path == "/portal/flaky":
            with self.lock:
                fail = self.flaky_left > 0
                self.flaky_left -= int(fail)
            if fail:
                return 500, html, b"<html><body>Service temporarily unavailable</body></html>"
            return 200, html, self.article_html(FLAKY_ARTICLE, popup=True).encode()
        if path == "/portal/broken":
            return 500, html, b"<html><body>Internal error</body></html>"
        if path == "/portal/slow":
            time.sleep(SLOW_SECONDS)
            return 200, html, _page("Chậm", "<p>Trang chậm</p>").encode()
        if path == "/portal/truncated":
            return "truncated", html, self.article_html(4).encode()
        if path == "/portal/loop-a":
            return 302, {"Location": "/portal/loop-b"}, b""
        if path == "/portal/loop-b":
            return 302, {"Location": "/portal/loop-a"}, b""
        if path.startswith("/portal/secret/"):
            return 200, html, _page("Nội bộ", "<p>Không công khai</p>").encode()
        if path == "/portal/huge":
            return 200, html, b"<html><body>" + b"x" * HUGE_BYTES + b"</body></html>"
        if path == "/portal/huge-stream":  # no Content-Length: the size shows while reading
            return "stream", html, b"<html><body>" + b"x" * HUGE_BYTES + b"</body></html>"
        if path == "/portal/lich":  # a calendar: every day links to the next, forever
            day = query.get("day", ["2024-01-01"])[0]
            nxt = f"2024-01-{int(day[-2:]) % 28 + 1:02d}"
            return 200, html, _page("Lịch", f'<a href="/portal/lich?day={nxt}">Sau</a>').encode()
        if path == "/portal/tim-kiem":
            q = query.get("q", [""])[0]
            return 200, html, _page("Tìm kiếm", f'<a href="/portal/tim-kiem?q={q}+x">Tiếp</a>'
                                    ).encode()
        return 404, html, _page("Không tìm thấy", "<p>Không tìm thấy trang</p>").encode()

    def fetched(self, fragment: str) -> int:
        """How many requests asked for a path containing ``fragment``."""
        return sum(fragment in path for path, _ in self.requests)


class _Handler(BaseHTTPRequestHandler):
    site: FaultSite
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # the crawler gave up on a slow or
            pass  # oversized page: expected here

    def do_GET(self):
        parts = urlsplit(self.path)
        headers = {k.lower(): v for k, v in self.headers.items()}
        with self.site.lock:
            self.site.requests.append((self.path, headers))
            self.site.times.append((self.path, time.monotonic()))
        status, head, body = self.site.route(parts.path, parse_qs(parts.query), headers)
        if status == "stream":
            self.send_response(200)
            for k, v in head.items():
                self.send_header(k, v)
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            try:
                for start in range(0, len(body), 65536):
                    self.wfile.write(body[start:start + 65536])
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if status == "truncated":
            self.send_response(200)
            for k, v in head.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body) + 5000))
            self.end_headers()
            self.wfile.write(body[:300])
            self.wfile.flush()
            self.close_connection = True
            return
        self.send_response(status)
        for k, v in head.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


@contextmanager
def serve(site: FaultSite | None = None):
    """Serve ``site`` on 127.0.0.1 (a free port); yields (base URL of /portal/, site)."""
    site = site or FaultSite()
    handler = type("Handler", (_Handler,), {"site": site})
    server_cls = type("Server", (ThreadingHTTPServer,), {"request_queue_size": 128})
    server = server_cls(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/portal/", site
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":  # python tests/sites/faultsite.py: serve it to look at
    with serve() as (base, _site):
        print(f"Serving {base} (Ctrl-C to stop)")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
