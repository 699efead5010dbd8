"""WARC: `vnnews import-warc` reads WARC files made by a real `wget --warc-file` (plain, gzip and
chunked responses, redirects, 404s, images, revisit records) and `vnnews crawl --warc DIR` writes
one that imports back into the same articles."""
from __future__ import annotations

import base64
import gzip
import hashlib
import io
import shutil
import sqlite3
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARCHIVE = Path(__file__).parent / "data" / "archives" / "wayback"
WGET = shutil.which("wget") or "/usr/bin/wget"

A101 = "/vi/tin-tuc/-/view_content/101-hoi-nghi-tong-ket"
A205 = "/vi/van-hoa-xa-hoi/-/view_content/205-ngay-hoi-dai-doan-ket"
A3 = "/giao-duc/khanh-thanh-truong-mam-non-hoang-liet-20240905091500123.htm"
TITLES = {
    A101: "Hội nghị tổng kết công tác năm 2015 của UBND quận",
    A205: "Phường Tân Mai tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
    A3: "Khánh thành trường mầm non mới tại phường Hoàng Liệt",
}
HOME = f"""<html><head><meta charset="utf-8"><title>Cổng thông tin điện tử quận Hoàng Mai</title>
</head><body><div class="banner"><img src="/images/logo.png" alt="Quận Hoàng Mai"></div>
<h3>Tin nổi bật</h3><ul>
<li><a href="{A101}">{TITLES[A101]}</a></li>
<li><a href="{A205}">{TITLES[A205]}</a></li>
<li><a href="{A3}">{TITLES[A3]}</a></li>
<li><a href="/tin-cu">Tin cũ</a></li>
<li><a href="/vi/tin-tuc/-/view_content/207-ban-chua-luu">Bài đã gỡ</a></li>
</ul><div class="footer">Bản quyền thuộc UBND quận Hoàng Mai</div></body></html>""".encode()
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


class SiteHandler(BaseHTTPRequestHandler):
    """The fixture site: the home page lists three articles, served plainly (101), with chunked
    transfer in TCVN3 declared as iso-8859-1 (205) and gzip-compressed whatever the client
    asked (3); an image, a redirect to article 101 and a removed page (404)."""

    protocol_version = "HTTP/1.1"

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/":
            return self.send(200, HOME, "text/html; charset=utf-8")
        if path == A101:
            return self.send(200, (ARCHIVE / "a101-2016.html").read_bytes(),
                             "text/html; charset=utf-8")
        if path == A205:
            return self.send(200, (ARCHIVE / "a205.tcvn3").read_bytes(),
                             "text/html; charset=iso-8859-1", chunked=True)
        if path == A3:
            return self.send(200, gzip.compress((ARCHIVE / "a3.html").read_bytes(), mtime=0),
                             "text/html; charset=utf-8", extra={"Content-Encoding": "gzip"})
        if path == "/images/logo.png":
            return self.send(200, PNG, "image/png")
        if path == "/tin-cu":
            return self.send(301, b"", "text/html", extra={"Location": A101})
        self.send(404, "<html><body>Trang không tồn tại</body></html>".encode(),
                  "text/html; charset=utf-8")

    def send(self, status, body, content_type, chunked=False, extra=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(body), 500):
                part = body[i:i + 500]
                self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), SiteHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()
    server.server_close()


def wget_warc(url: str, folder: Path, name: str, *extra: str) -> Path:
    """Mirror the site with a real wget, recording a WARC file (gzip, wget's default)."""
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [WGET, "--recursive", "--level=2", "--no-verbose", "--tries=1", "--timeout=10",
         "--execute", "robots=off", "--page-requisites", "--delete-after",
         "--directory-prefix", str(folder / "files"), f"--warc-file={folder / name}", *extra,
         url + "/"], capture_output=True, text=True, timeout=60)
    assert result.returncode in (0, 8), result.stderr  # 8: some page answered an error (404)
    return folder / f"{name}.warc.gz"


def articles(db: Path) -> dict:
    conn = sqlite3.connect(db)
    rows = conn.execute("select a.url, a.title, a.published, a.body, p.capture_time, "
                        "p.encoding from articles a join pages p on p.id = a.page_id").fetchall()
    return {row[0].split(":", 2)[2].split("/", 1)[1]: row[1:] for row in rows}


def record_types(path: Path) -> list[tuple[str, str]]:
    with open(path, "rb") as fh:
        return [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI") or "")
                for r in ArchiveIterator(fh)]


def test_import_wget_warc(tmp_path, site, vnnews):
    warc = wget_warc(site.url, tmp_path / "wget", "site")
    kinds = record_types(warc)
    assert ("response", site.url + A205) in kinds and ("request", site.url + A3) in kinds

    db = tmp_path / "news.db"
    result = vnnews("import-warc", str(warc), "--db", str(db), "--source", "hoangmai-wget")
    assert result.returncode == 0, result.stderr
    found = articles(db)
    assert {"/" + path: row[0] for path, row in found.items()} == TITLES
    for path, (title, published, body, capture_time, encoding) in found.items():
        assert capture_time and capture_time.endswith("Z") and capture_time[:4] >= "2026"
    assert found[A205[1:]][4] == "tcvn3"  # chunked + TCVN3, decoded to Unicode
    assert "Mặt trận Tổ quốc Việt Nam" in found[A205[1:]][2]
    assert found[A3[1:]][1] == "2024-09-05T09:15"  # gzip content encoding undone
    assert found[A101[1:]][1] == "2016-01-08T15:20"
    conn = sqlite3.connect(db)
    assert {r[0] for r in conn.execute("select distinct source from pages")} == {"hoangmai-wget"}
    urls = {r[0] for r in conn.execute("select url from pages")}
    assert urls == {site.url + p for p in ["/", A101, A205, A3]}  # no image, 301 or 404
    assert "skipped" in result.stdout and "1 not HTML" in result.stdout
    # the menu links of the articles and the removed page answer 404; /tin-cu redirects
    assert "5 HTTP 404" in result.stdout and "1 HTTP 301" in result.stdout

    # importing the same file again stores nothing new
    again = vnnews("import-warc", str(warc), "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert conn.execute("select count(*) from pages").fetchone()[0] == 4
    assert conn.execute("select count(*) from articles").fetchone()[0] == 3


def test_revisit_records_resolve_against_earlier_files(tmp_path, site, vnnews):
    """A second wget run deduplicated against the first (--warc-dedup) writes revisit records:
    they resolve when the first file is imported with them, and are skipped alone."""
    first = wget_warc(site.url, tmp_path / "w1", "first", "--warc-cdx")
    second = wget_warc(site.url, tmp_path / "w2", "second",
                       f"--warc-dedup={tmp_path / 'w1' / 'first.cdx'}")
    revisits = [uri for kind, uri in record_types(second) if kind == "revisit"]
    assert site.url + A101 in revisits

    alone = tmp_path / "alone.db"
    result = vnnews("import-warc", str(second), "--db", str(alone))
    assert result.returncode == 0, result.stderr
    assert "revisit of a record not in these files" in result.stdout
    assert articles(alone) == {}

    both = tmp_path / "both.db"
    result = vnnews("import-warc", str(first), str(second), "--db", str(both))
    assert result.returncode == 0, result.stderr
    assert {"/" + p for p in articles(both)} == set(TITLES)
    second_line = [line for line in result.stdout.splitlines() if "second" in line][0]
    # same bytes as the first file's: nothing new, nothing left unresolved
    assert "new 0" in second_line and "unchanged 5" in second_line, result.stdout
    assert "revisit of a record not in these files" not in second_line


def test_import_a_warc_source_entry(tmp_path, site, vnnews):
    """A kind = "warc" entry of sources.toml names its files (relative to the sources file)."""
    wget_warc(site.url, tmp_path / "archive", "hoangmai")
    sources = tmp_path / "sources.toml"
    sources.write_text('''
[[source]]
name = "hoangmai-warc"
district = "Hoàng Mai"
province = "Hà Nội"
kind = "warc"
file = ["archive/hoangmai.warc.gz"]
''', encoding="utf-8")
    db = tmp_path / "news.db"
    result = vnnews("import-warc", "--sources", str(sources), "--source", "hoangmai-warc",
                    "--db", str(db), cwd=Path(__file__).parent)
    assert result.returncode == 0, result.stderr
    assert {"/" + p for p in articles(db)} == set(TITLES)
    conn = sqlite3.connect(db)
    assert conn.execute("select kind, district from sources").fetchall() == [("warc", "Hoàng Mai")]
    assert {r[0] for r in conn.execute("select source from pages")} == {"hoangmai-warc"}

    wrong = vnnews("import-warc", "--sources", str(sources), "--source", "nowhere",
                   "--db", str(db))
    assert wrong.returncode == 1 and "no source named 'nowhere'" in wrong.stderr


def test_not_a_warc_is_one_clear_error_and_keeps_the_rest(tmp_path, site, vnnews):
    warc = wget_warc(site.url, tmp_path / "wget", "site")
    bogus = tmp_path / "notes.warc.gz"
    bogus.write_text("Đây không phải là tệp WARC\n", encoding="utf-8")
    truncated = tmp_path / "truncated.warc.gz"
    truncated.write_bytes(warc.read_bytes()[: warc.stat().st_size * 2 // 3])
    whole = tmp_path / "whole.warc.gz"  # gzipped at once, not record by record: still read
    whole.write_bytes(gzip.compress(gzip.decompress(warc.read_bytes())))
    db = tmp_path / "news.db"
    result = vnnews("import-warc", str(warc), str(bogus), str(truncated),
                    str(tmp_path / "missing.warc"), str(whole), "--db", str(db))
    assert result.returncode == 1
    assert f"{whole}: pages 5, articles 0, new 0, changed 0, unchanged 5" in result.stdout
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3, result.stderr
    assert errors[0].startswith(f"Error: {bogus}: not a WARC file")
    assert errors[1].startswith(f"Error: {truncated}: ")
    assert errors[2].startswith(f"Error: {tmp_path / 'missing.warc'}: cannot read")
    assert "Traceback" not in result.stderr
    assert len(articles(db)) == 3  # the good file's articles were kept


def test_crawl_warc_round_trip(tmp_path, site, vnnews):
    sources = tmp_path / "sources.toml"
    sources.write_text(f'''
[[source]]
name = "hoangmai-live"
kind = "portal"
base_url = "{site.url}/"
delay = 0
''', encoding="utf-8")
    crawled = tmp_path / "crawl.db"
    warc_dir = tmp_path / "warc"
    result = vnnews("crawl", "--sources", str(sources), "--db", str(crawled), "--warc",
                    str(warc_dir), timeout=120)
    assert result.returncode == 0, result.stderr
    files = list(warc_dir.glob("vnnews-*.warc.gz"))
    assert len(files) == 1
    # warcio's own checker recomputes every block and payload digest
    check = subprocess.run([str(Path(sys.executable).parent / "warcio"), "check", "-v",
                            str(files[0])], capture_output=True, text=True, timeout=60)
    assert check.returncode == 0 and "digest pass" in check.stdout, check.stdout + check.stderr
    kinds = record_types(files[0])
    assert kinds[0][0] == "warcinfo"
    assert ("response", site.url + A3) in kinds and ("request", site.url + A3) in kinds
    assert ("response", site.url + "/tin-cu") in kinds  # redirects are recorded too
    with open(files[0], "rb") as fh:  # the raw bytes: still gzip-encoded on the wire
        for record in ArchiveIterator(fh):
            if record.rec_type == "response" and record.rec_headers.get_header(
                    "WARC-Target-URI") == site.url + A3:
                assert record.http_headers.get_header("Content-Encoding") == "gzip"
                assert b"<html" in record.content_stream().read()

    imported = tmp_path / "import.db"
    result = vnnews("import-warc", str(files[0]), "--db", str(imported))
    assert result.returncode == 0, result.stderr
    live, again = articles(crawled), articles(imported)
    assert set(live) == {p[1:] for p in TITLES}
    assert {p: row[:3] + row[4:] for p, row in again.items()} == \
        {p: row[:3] + row[4:] for p, row in live.items()}


def test_crawl_warc_files_rotate(tmp_path, site, vnnews):
    """Past VNNEWS_WARC_MAX_SIZE bytes the next response starts a new file; together the
    files hold the whole crawl."""
    sources = tmp_path / "sources.toml"
    sources.write_text(f'''
[[source]]
name = "hoangmai-live"
kind = "portal"
base_url = "{site.url}/"
delay = 0
''', encoding="utf-8")
    warc_dir = tmp_path / "warc"
    result = vnnews("crawl", "--sources", str(sources), "--db", str(tmp_path / "crawl.db"),
                    "--warc", str(warc_dir), "--set", "VNNEWS_WARC_MAX_SIZE=3000", timeout=120)
    assert result.returncode == 0, result.stderr
    files = sorted(warc_dir.glob("vnnews-*.warc.gz"))
    assert len(files) >= 3
    assert [f.name.split("-")[4] for f in files] == [f"{i:05d}" for i in range(len(files))]
    for path in files:
        assert record_types(path)[0][0] == "warcinfo"
    imported = tmp_path / "import.db"
    result = vnnews("import-warc", *map(str, files), "--db", str(imported))
    assert result.returncode == 0, result.stderr
    assert {"/" + p for p in articles(imported)} == set(TITLES)


def heritrix_style_warc(path: Path, gzip_records: bool, version: str) -> None:
    """A WARC laid out the way Heritrix and Browsertrix write theirs (we cannot run them
    here): DNS records, raw chunked payloads, request/metadata/resource records, revisits by
    payload digest and "server-not-modified" revisits, non-HTML responses."""
    host = "http://hoangmai.hanoi.gov.vn"
    a101 = (ARCHIVE / "a101-2016.html").read_bytes()
    chunked = b"".join(f"{len(a101[i:i + 700]):x}\r\n".encode() + a101[i:i + 700] + b"\r\n"
                       for i in range(0, len(a101), 700)) + b"0\r\n\r\n"
    digest = "sha1:" + base64.b32encode(hashlib.sha1(chunked).digest()).decode()
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip_records, warc_version=version)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "Heritrix"}))

        def write(uri, kind, payload=b"", date="2016-01-09T07:15:00Z", http=None, **headers):
            record = writer.create_warc_record(
                uri, kind, payload=io.BytesIO(payload), length=len(payload),
                warc_headers_dict={"WARC-Date": date, **headers}, http_headers=http)
            writer.write_record(record)

        write("dns:hoangmai.hanoi.gov.vn", "response", b"20160109071500\nhoangmai A 10.0.0.1\n",
              warc_content_type="text/dns")
        write(host + A101, "request", f"GET {A101} HTTP/1.1\r\nHost: h\r\n\r\n".encode(),
              **{"Content-Type": "application/http; msgtype=request"})
        write(host + A101, "response",
              b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
              b"Transfer-Encoding: chunked\r\n\r\n" + chunked,
              **{"Content-Type": "application/http; msgtype=response",
                 "WARC-Payload-Digest": digest})
        write(host + A101, "metadata", b"outlinks: 3\n", **{"Content-Type": "text/anvl"})
        write("urn:pageinfo:" + host + A101, "resource", b'{"title": "x"}',
              **{"Content-Type": "application/json"})
        write(host + "/van-ban/ke-hoach.pdf", "response",
              b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4",
              **{"Content-Type": "application/http; msgtype=response"})
        write(host + A205, "response",
              b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
              + (ARCHIVE / "a205.tcvn3").read_bytes(),
              date="2017-11-20T09:30:00Z", **{"Content-Type": "application/http; msgtype=response"})
        # the same payload at another URL, and the same URL a year later, "not modified"
        same = writer.create_revisit_record(
            host + A101 + "?p_p_state=normal", digest, host + A101, "2016-01-09T07:15:00Z",
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                          protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": "2016-02-01T00:00:00Z"})
        writer.write_record(same)
        later = writer.create_revisit_record(
            host + A101, digest, host + A101, "2016-01-09T07:15:00Z",
            http_headers=StatusAndHeaders("304 Not Modified", [], protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": "2017-01-09T07:15:00Z"})
        later.rec_headers.replace_header(
            "WARC-Profile", "http://netpreserve.org/warc/1.0/revisit/server-not-modified")
        writer.write_record(later)


@pytest.mark.parametrize("gzip_records,version", [(False, "WARC/1.0"), (True, "WARC/1.1")])
def test_import_heritrix_and_browsertrix_layouts(tmp_path, vnnews, gzip_records, version):
    warc = tmp_path / ("crawl.warc.gz" if gzip_records else "crawl.warc")
    heritrix_style_warc(warc, gzip_records, version)
    db = tmp_path / "news.db"
    result = vnnews("import-warc", str(warc), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "1 not HTML" in result.stdout and "1 not http" in result.stdout
    conn = sqlite3.connect(db)
    pages = conn.execute("select url, capture_time, encoding from pages order by id").fetchall()
    host = "http://hoangmai.hanoi.gov.vn"
    assert pages == [
        (host + A101, "2016-01-09T07:15:00Z", "utf-8"),  # chunked payload undone
        (host + A205, "2017-11-20T09:30:00Z", "tcvn3"),
        (host + A101 + "?p_p_state=normal", "2016-02-01T00:00:00Z", "utf-8"),  # revisit
    ]
    # the "not modified" revisit moved the fetch time of the stored version, nothing more
    fetched = conn.execute("select fetched_at from pages where url = ?", [host + A101]).fetchone()
    assert fetched == ("2017-01-09T07:15:00Z",)
    titles = {r[0] for r in conn.execute("select title from articles")}
    assert titles == {TITLES[A101], TITLES[A205]}
