"""A small site whose robots.txt disallows a linked path, served on 127.0.0.1, with its own
request log (what the server saw, in arrival order: the crawler's word is not evidence).

Under /site/ (the source's base path):

- ``/site/`` links ``/site/a``, ``/site/b``, ``/site/private/secret`` (disallowed), ``/site/go``
  (a 302 into ``/site/private/moved``) and ``/site/sitemap-only`` is listed by the sitemap.xml
  that robots.txt names, beside ``/site/private/in-sitemap`` (disallowed); its RSS feed
  (``/site/rss``) lists ``/site/private/in-feed`` (disallowed);
- ``/site/private/...`` answers 200 with an article, so a crawl that ignored the rule would
  store it.

``robots`` selects what /robots.txt does: "rules" (the Disallow above), "404", "500",
"silent" (no answer until :meth:`RobotSite.release`: the crawler's timeout fires first,
whatever the machine's load) or "empty".
The text is written for these tests.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = ["RobotSite", "serve", "DISALLOWED", "ROBOTS_RULES"]

DISALLOWED = "/site/private/"
ROBOTS_RULES = "User-agent: *\nDisallow: /site/private/\nSitemap: {origin}/site/sitemap.xml\n"

_ARTICLE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
</head><body><div id="menu"><a href="/site/">Trang chủ</a> <a href="/site/a">Tin A</a>
<a href="/site/b">Tin B</a></div><div class="news-detail"><h1>{title}</h1>
<div class="date">Ngày 12/05/2021 08:30</div>{paragraphs}</div>
<div id="footer">Trang thử nghiệm của dự án, không phải cổng thông tin thật.</div></body></html>"""


def _article(title: str) -> bytes:
    paragraphs = "".join(
        f"<p>{title}: đoạn thứ {k} kể lại buổi làm việc của tổ công tác phường với các hộ dân "
        f"ven kênh về tiến độ giải phóng mặt bằng và kế hoạch trồng cây xanh.</p>"
        for k in range(1, 5))
    return _ARTICLE.format(title=title, paragraphs=paragraphs).encode()


class RobotSite:
    def __init__(self, robots: str = "rules"):
        self.robots = robots
        self.released = threading.Event()
        self.lock = threading.Lock()
        self.log: list[str] = []  # paths, in the order the server received them
        self.origin = ""

    def paths(self) -> list[str]:
        with self.lock:
            return list(self.log)

    def release(self) -> None:
        """Let a "silent" robots.txt answer (so its threads end)."""
        self.released.set()

    def clear(self) -> None:
        with self.lock:
            self.log.clear()

    def route(self, path: str):
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/robots.txt":
            if self.robots == "rules":
                return 200, {"Content-Type": "text/plain"}, \
                    ROBOTS_RULES.format(origin=self.origin).encode()
            if self.robots == "empty":
                return 200, {"Content-Type": "text/plain"}, b""
            if self.robots == "404":
                return 404, html, b"<html><body>Khong tim thay</body></html>"
            if self.robots == "500":
                return 500, html, b"<html><body>Loi may chu</body></html>"
            if self.robots == "silent":
                self.released.wait()
                return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /\n"
        if path in ("/site/", "/site"):
            links = ['<a href="/site/a">Tin A</a>', '<a href="/site/b">Tin B</a>',
                     '<a href="/site/private/secret">Nội bộ</a>', '<a href="/site/go">Chuyển</a>']
            body = ("<html><head><meta charset='utf-8'><title>Trang chủ</title><link "
                    "rel='alternate' type='application/rss+xml' href='/site/rss'></head><body>"
                    "<ul>" + "".join(f"<li>{a}</li>" for a in links) + "</ul></body></html>")
            return 200, html, body.encode()
        if path == "/site/sitemap.xml":
            locs = "".join(f"<url><loc>{self.origin}{p}</loc></url>"
                           for p in ("/site/sitemap-only", "/site/private/in-sitemap"))
            body = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.'
                    f'org/schemas/sitemap/0.9">{locs}</urlset>')
            return 200, {"Content-Type": "application/xml"}, body.encode()
        if path == "/site/rss":
            body = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                    f'<title>Tin mới</title><item><title>Nội bộ</title><link>{self.origin}'
                    '/site/private/in-feed</link></item></channel></rss>')
            return 200, {"Content-Type": "application/rss+xml"}, body.encode()
        if path == "/site/go":
            return 302, {"Location": "/site/private/moved"}, b""
        if path == "/site/a":
            return 200, html, _article("Phường ra quân làm sạch kênh tiêu")
        if path == "/site/b":
            return 200, html, _article("Tổ dân phố họp bàn trồng cây xanh")
        if path == "/site/sitemap-only":
            return 200, html, _article("Kế hoạch giải phóng mặt bằng ven kênh")
        if path.startswith(DISALLOWED):
            return 200, html, _article("Tài liệu nội bộ không công khai")
        return 404, html, b"<html><body>Khong tim thay</body></html>"


class _Handler(BaseHTTPRequestHandler):
    site: RobotSite

    def do_GET(self):
        with self.site.lock:
            self.site.log.append(self.path)
        status, headers, body = self.site.route(self.path.split("?")[0])
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the crawler gave up (timeout)
            pass

    def log_message(self, *args):
        pass


@contextmanager
def serve(robots: str = "rules"):
    """(base URL of /site/, RobotSite) on a free port; stopped on exit."""
    site = RobotSite(robots)
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.origin = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{site.origin}/site/", site
    finally:
        site.release()
        server.shutdown()
        server.server_close()
