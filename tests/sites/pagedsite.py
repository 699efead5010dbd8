"""A plain paginated news site on 127.0.0.1, with a little latency per response, for the
resume (SIGKILL) and distributed (Redis) tests: long enough to be interrupted or shared,
short enough to finish in seconds.

/site/ → listing pages /site/tin-tuc?_news_cur=1..P (PER_PAGE articles each, "Tiếp" links)
→ articles /site/bai/{n}-{slug}, each with its own text. The text is written for the tests.
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

__all__ = ["PagedSite", "serve"]

PER_PAGE = 10
_PLACES = ["Tân Mai", "Giáp Bát", "Lĩnh Nam", "Thịnh Liệt", "Vĩnh Hưng", "Yên Sở",
           "Đại Kim", "Định Công", "Hoàng Liệt", "Mai Động"]
_EVENTS = ["ra quân dọn vệ sinh", "tổ chức hội nghị cử tri", "khánh thành sân chơi",
           "tập huấn phòng cháy", "trao học bổng", "kiểm tra trật tự đô thị",
           "phát động trồng cây", "tuyên dương gia đình văn hóa"]


class PagedSite:
    def __init__(self, articles: int = 60, latency: float = 0.05):
        self.articles = articles
        self.latency = latency
        self.lock = threading.Lock()
        self.requests: list[str] = []
        self.agents: set[str] = set()  # User-Agent headers seen
        # hold(n): requests after the next n wait until release(), so a test can interrupt
        # a crawl at a known point however fast or slow the machine is
        self.hold_at: int | None = None
        self.released = threading.Event()

    def hold(self, after: int) -> None:
        with self.lock:
            self.released.clear()
            self.hold_at = len(self.requests) + after

    def release(self) -> None:
        self.hold_at = None
        self.released.set()

    @property
    def pages(self) -> int:
        return (self.articles + PER_PAGE - 1) // PER_PAGE

    def title(self, n: int) -> str:
        return (f"Phường {_PLACES[n % len(_PLACES)]} {_EVENTS[n % len(_EVENTS)]} "
                f"(tin số {n})")

    def article(self, n: int) -> str:
        text = "".join(
            f"<p>Bản tin số {n}: phường {_PLACES[n % len(_PLACES)]} {_EVENTS[n % len(_EVENTS)]}"
            f" với sự tham gia của {100 + n * 7} người dân và cán bộ. Đoạn {k} ghi lại kết "
            f"quả, những việc còn tồn tại và kế hoạch tháng tới.</p>" for k in range(1, 4))
        return (f'<html lang="vi"><head><meta charset="utf-8"><title>{self.title(n)}</title>'
                f'</head><body><div class="menu"><a href="/site/">Trang chủ</a></div>'
                f'<div class="news-detail"><div class="title-news">{self.title(n)}</div>'
                f'<div class="date-news">Ngày đăng {n % 28 + 1:02d}/04/2020 | 08:{n % 60:02d}'
                f'</div><div class="journal-content-article">{text}<p style="text-align:'
                f'right"><strong>Thu Hà</strong></p></div></div></body></html>')

    def listing(self, page: int) -> str:
        first = (page - 1) * PER_PAGE + 1
        items = "".join(f'<li><a href="/site/bai/{n}-tin">{self.title(n)}</a></li>'
                        for n in range(first, min(first + PER_PAGE, self.articles + 1)))
        nxt = (f'<a href="/site/tin-tuc?_news_cur={page + 1}">Tiếp</a>'
               if page < self.pages else "")
        return (f'<html lang="vi"><head><meta charset="utf-8"><title>Tin tức</title></head>'
                f'<body><ul>{items}</ul>{nxt}</body></html>')

    def route(self, path: str, query: dict) -> tuple[int, str]:
        if path in ("/site/", "/site"):
            return 200, ('<html><head><meta charset="utf-8"><title>Trang chủ</title></head>'
                         '<body><a href="/site/tin-tuc?_news_cur=1">Tin tức</a></body></html>')
        if path == "/site/tin-tuc":
            page = query.get("_news_cur", ["1"])[0]
            if page.isdigit() and 1 <= int(page) <= self.pages:
                return 200, self.listing(int(page))
        if path.startswith("/site/bai/"):
            n = path.rsplit("/", 1)[-1].split("-")[0]
            if n.isdigit() and 1 <= int(n) <= self.articles:
                return 200, self.article(int(n))
        return 404, "<html><body>Không tìm thấy</body></html>"


class _Handler(BaseHTTPRequestHandler):
    site: PagedSite
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = urlsplit(self.path)
        with self.site.lock:
            self.site.requests.append(self.path)
            self.site.agents.add(self.headers.get("User-Agent", ""))
            held = self.site.hold_at is not None and len(self.site.requests) > self.site.hold_at
        if held:
            self.site.released.wait(timeout=600)
        if parts.path == "/robots.txt":
            status, body = 200, "User-agent: *\nAllow: /\n"
        else:
            time.sleep(self.site.latency)
            status, body = self.site.route(parts.path, parse_qs(parts.query))
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


@contextmanager
def serve(site: PagedSite | None = None):
    """Serve ``site`` on 127.0.0.1; yields (base URL of /site/, site)."""
    site = site or PagedSite()
    handler = type("Handler", (_Handler,), {"site": site})
    server_cls = type("Server", (ThreadingHTTPServer,), {"request_queue_size": 128,
                                                         "daemon_threads": True})
    server = server_cls(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/site/", site
    finally:
        server.shutdown()
        server.server_close()
