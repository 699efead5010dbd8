"""A district portal that tries to take the crawler off its host, stall it or exhaust it,
served on 127.0.0.1 (issue 12). Everything the source owns is under /portal/.

- /portal/ links to articles 1-3 and to each hostile page below;
- /portal/to-other-host: 302 to the same server under the name ``localhost`` (another host);
- /portal/to-other-path: 301 to /elsewhere/ (same host, outside base_url's path);
- /portal/to-inside: 302 to article 3 (inside: followed);
- /portal/refresh-other-host and /portal/refresh-inside: the same with a
  <meta http-equiv=refresh> (the inside one to another address of article 3);
- /portal/chunked-huge: a chunked body (no Content-Length) larger than the crawl's
  DOWNLOAD_MAXSIZE;
- /portal/bomb: a gzip-encoded body of 40 KB that expands to 40 MB;
- /portal/documents: an article with DOCUMENT_LINKS links to PDF files (slow to extract).

The text is written for these tests.
"""
from __future__ import annotations

import threading
import zlib
from contextlib import contextmanager
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

__all__ = ["HostileSite", "serve", "bomb", "DOCUMENT_LINKS", "BOMB_BYTES"]

DOCUMENT_LINKS = 30_000
_TOPICS = {
    1: ("Phường Mai Động tổng kết công tác dân vận năm nay",
        "Hội nghị đánh giá kết quả vận động nhân dân tham gia giữ gìn vệ sinh ngõ xóm, xây "
        "dựng khu dân cư văn minh và hỗ trợ các hộ có hoàn cảnh khó khăn trên địa bàn."),
    2: ("Ra mắt mô hình tổ tự quản an ninh trật tự",
        "Mô hình gồm mười hai thành viên do tổ trưởng tổ dân phố phụ trách, tuần tra vào buổi "
        "tối và phối hợp với công an phường tiếp nhận phản ánh của người dân."),
    3: ("Khai giảng lớp học bơi miễn phí cho thiếu nhi",
        "Lớp học kéo dài ba tuần tại bể bơi của trung tâm văn hóa quận, dành cho một trăm em "
        "học sinh tiểu học, có huấn luyện viên và nhân viên y tế túc trực."),
}


BOMB_BYTES = 40 * 1024 * 1024  # what /portal/bomb expands to: past every page limit (16 MB)


@lru_cache(maxsize=1)
def bomb() -> bytes:
    """About 40 KB of gzip that expands to BOMB_BYTES of spaces."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b" " * (1 << 20)
    return b"".join(packer.compress(block) for _ in range(BOMB_BYTES >> 20)) + packer.flush()


def _page(title: str, main: str, head: str = "") -> str:
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
            f'{head}</head><body><div id="menu"><a href="/portal/">Trang chủ</a></div>'
            f'<div id="content">{main}</div><div id="footer">Cổng thông tin phường Thử Nghiệm'
            f'</div></body></html>')


def article_html(n: int) -> str:
    title, lead = _TOPICS[n]
    body = "".join(f"<p>{lead} Đoạn {k} của bài số {n} nói thêm về kết quả và kế hoạch "
                   "thời gian tới.</p>" for k in range(1, 4))
    return _page(title, f'<div class="news-detail"><h1>{title}</h1><div class="date">Ngày '
                        f'1{n}/04/2024</div><div class="content">{body}</div></div>')


def documents_html() -> str:
    links = "".join(f'<li><a href="/portal/files/van-ban-{i}.pdf">Văn bản số {i}/UBND</a></li>'
                    for i in range(DOCUMENT_LINKS))
    title = "Danh mục văn bản của Ủy ban nhân dân phường"
    return _page(title, f'<div class="news-detail"><h1>{title}</h1><p>{_TOPICS[1][1]}</p>'
                        f'<ul>{links}</ul></div>')


def refresh_html(target: str) -> str:
    return _page("Đang chuyển trang", "<p>Cổng thông tin đã chuyển sang địa chỉ mới.</p>",
                 head=f'<meta http-equiv="refresh" content="0; url={target}">')


class HostileSite:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str]] = []  # (Host header, path)
        self.port = 0
        self.huge_bytes = 2_000_000  # over the test crawls' DOWNLOAD_MAXSIZE (1 MB)

    def other_host(self, path: str) -> str:
        return f"http://localhost:{self.port}{path}"

    def home_html(self) -> str:
        links = [f"/portal/tin-{n}" for n in (1, 2)] + [
            "/portal/to-other-host", "/portal/to-other-path", "/portal/to-inside",
            "/portal/refresh-other-host", "/portal/refresh-inside", "/portal/chunked-huge",
            "/portal/bomb", "/portal/documents"]
        items = "".join(f'<li><a href="{u}">Tin {i}</a></li>' for i, u in enumerate(links))
        return _page("Trang chủ", f"<ul>{items}</ul>")

    def route(self, path: str):
        """(status, headers, body); status "chunked" streams ``body`` in chunks."""
        html = {"Content-Type": "text/html; charset=utf-8"}
        if path == "/portal/":
            return 200, html, self.home_html().encode()
        for n in _TOPICS:
            if path == f"/portal/tin-{n}":
                return 200, html, article_html(n).encode()
        if path.startswith("/elsewhere/"):
            return 200, html, article_html(1).replace("Mai Động", "Nơi Khác").encode()
        redirects = {"/portal/to-other-host": (302, self.other_host("/portal/tin-1")),
                     "/portal/to-other-path": (301, "/elsewhere/tin-1"),
                     "/portal/to-inside": (302, "/portal/tin-3")}
        if path in redirects:
            status, target = redirects[path]
            return status, {"Location": target}, b""
        if path == "/portal/refresh-other-host":
            return 200, html, refresh_html(self.other_host("/portal/tin-2")).encode()
        if path == "/portal/refresh-inside":
            return 200, html, refresh_html("/portal/tin-3?ban=moi").encode()
        if path == "/portal/chunked-huge":
            return "chunked", html, b"<p>" + b"x" * self.huge_bytes + b"</p>"
        if path == "/portal/bomb":
            return 200, {**html, "Content-Encoding": "gzip"}, bomb()
        if path == "/portal/documents":
            return 200, html, documents_html().encode()
        return 404, html, _page("Không tìm thấy", "<p>Không có trang này.</p>").encode()

    def asked(self, host: str | None = None, path: str | None = None) -> int:
        with self.lock:
            return sum((host is None or h.split(":")[0] == host) and
                       (path is None or p.startswith(path)) for h, p in self.requests)


class _Handler(BaseHTTPRequestHandler):
    site: HostileSite
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # the crawler gave up on a page
            pass

    def do_GET(self):
        path = urlsplit(self.path).path
        with self.site.lock:
            self.site.requests.append((self.headers.get("Host", ""), path))
        status, head, body = self.site.route(path)
        if status == "chunked":
            self.send_response(200)
            for k, v in head.items():
                self.send_header(k, v)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for start in range(0, len(body), 65536):
                piece = body[start:start + 65536]
                self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
            return
        self.send_response(status)
        for k, v in head.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(site: HostileSite | None = None):
    """Serve ``site`` on 127.0.0.1 (a free port); yields (base URL of /portal/, site)."""
    site = site or HostileSite()
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.port = server.server_port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/portal/", site
    finally:
        server.shutdown()
        server.server_close()
