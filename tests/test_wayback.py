"""kind = "wayback": a CDX-compatible server on 127.0.0.1 lists the captures of a small archived
district site (tests/data/archives/wayback); `vnnews crawl` stores each article once, from its
original bytes, with its capture time."""
from __future__ import annotations

import base64
import hashlib
import json
import re
import sqlite3
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from crawler.errors import VnnewsError
from crawler.archive.wayback import (Capture, capture_time, capture_url, cdx_url, is_article_url,
                             memento_time, parse_cdx, select_captures)

ARCHIVE = Path(__file__).parent / "data" / "archives" / "wayback"
DOMAIN = "hoangmai.hanoi.gov.vn"


def surt(url: str) -> str:
    """The CDX URL key: host reversed and comma-joined, scheme and www. dropped, query sorted."""
    parts = urlsplit(url.lower())
    host = (parts.hostname or "").removeprefix("www.")
    key = ",".join(reversed(host.split("."))) + ")" + (parts.path or "/")
    if parts.query:
        key += "?" + "&".join(sorted(parts.query.split("&")))
    return key


class CdxArchive:
    """An archive answering the two Wayback APIs vnnews uses: the CDX index
    (/cdx/search/cdx, JSON output, fl, filter, collapse=urlkey, from/to, limit and
    showResumeKey/resumeKey paging) and replay of original bytes (/web/{timestamp}id_/{url},
    redirecting to the nearest capture of that URL as the real server does)."""

    def __init__(self, folder: Path):
        spec = json.loads((folder / "captures.json").read_text("utf-8"))["captures"]
        self.rows, self.bodies = [], {}
        for c in spec:
            body = (folder / c["file"]).read_bytes() if c["file"] else None
            digest = base64.b32encode(hashlib.sha1(body or b"").digest()).decode()
            row = {"urlkey": surt(c["original"]), "timestamp": c["timestamp"],
                   "original": c["original"], "mimetype": c["mimetype"],
                   "statuscode": c["statuscode"], "digest": digest}
            self.rows.append(row)
            self.bodies[(c["original"], c["timestamp"])] = (body, c["mimetype"])
        self.rows.sort(key=lambda r: (r["urlkey"], r["timestamp"]))
        self.requests: list[str] = []

    def query(self, params: dict) -> list:
        prefix = params["url"][0].rstrip("*").split("://")[-1]
        fields = params.get("fl", ["urlkey,timestamp,original,mimetype,statuscode,digest"])
        fields = fields[0].split(",")
        if params.get("matchType") == ["domain"]:  # the host and its subdomains
            rows = [r for r in self.rows if (urlsplit(r["original"]).hostname or "") == prefix
                    or (urlsplit(r["original"]).hostname or "").endswith("." + prefix)]
        else:
            rows = [r for r in self.rows
                    if r["original"].split("://", 1)[-1].startswith(prefix)]
        for f in params.get("filter", []):
            name, pattern = f.split(":", 1)
            rows = [r for r in rows if re.fullmatch(pattern, r[name])]
        if "from" in params:
            rows = [r for r in rows if r["timestamp"][:len(params["from"][0])] >= params["from"][0]]
        if "to" in params:
            rows = [r for r in rows if r["timestamp"][:len(params["to"][0])] <= params["to"][0]]
        if params.get("collapse") == ["urlkey"]:
            rows = [r for i, r in enumerate(rows) if i == 0 or rows[i - 1]["urlkey"] != r["urlkey"]]
        if "resumeKey" in params:
            after = unquote(params["resumeKey"][0])
            rows = [r for r in rows if f"{r['urlkey']} {r['timestamp']}" > after]
        limit = int(params.get("limit", ["0"])[0]) or len(rows)
        page, rest = rows[:limit], rows[limit:]
        answer = [fields] + [[r[f] for f in fields] for r in page]
        if rest and params.get("showResumeKey") == ["true"]:
            answer += [[], [f"{page[-1]['urlkey']} {page[-1]['timestamp']}"]]
        return answer

    def replay(self, timestamp: str, original: str):
        if (original, timestamp) in self.bodies:
            return 200, self.bodies[(original, timestamp)], None
        same = sorted(ts for (url, ts) in self.bodies if url == original)
        if not same:
            return 404, (b"not in archive", "text/plain"), None
        nearest = min(same, key=lambda ts: abs(int(ts) - int(timestamp)))
        return 302, (b"", "text/plain"), f"/web/{nearest}id_/{original}"


@pytest.fixture
def archive_server():
    archive = CdxArchive(ARCHIVE)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            archive.requests.append(self.path)
            parts = urlsplit(self.path)
            if parts.path == "/cdx/search/cdx":
                body = json.dumps(archive.query(parse_qs(parts.query))).encode()
                return self.send(200, body, "application/json")
            found = re.match(r"/web/(\d{14})id_/(.+)", self.path)
            if found:
                status, (body, mimetype), location = archive.replay(*found.groups())
                if body is None:
                    return self.send(404, b"capture missing", "text/plain")
                headers = {}
                if status == 200:  # as the Wayback Machine: capture time, original headers
                    when = datetime.strptime(found.group(1), "%Y%m%d%H%M%S")
                    headers["Memento-Datetime"] = when.strftime("%a, %d %b %Y %H:%M:%S GMT")
                    if b"charset=iso-8859-1" in body:
                        headers["X-Archive-Orig-Content-Type"] = "text/html; charset=iso-8859-1"
                return self.send(status, body, mimetype, location, headers)
            self.send(404, b"not found", "text/plain")

        def send(self, status, body, mimetype, location=None, headers=None):
            self.send_response(status)
            self.send_header("Content-Type", mimetype)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            if location:
                self.send_header("Location", location)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.archive = archive
    server.url = f"http://127.0.0.1:{server.server_port}"
    yield server
    server.shutdown()
    server.server_close()


def write_sources(path: Path, server_url: str, extra: str = "") -> Path:
    path.write_text(f'''
[[source]]
name = "hoangmai-wayback"
district = "Hoàng Mai"
province = "Hà Nội"
kind = "wayback"
domain = "{DOMAIN}"
cdx_url = "{server_url}/cdx/search/cdx"
wayback_url = "{server_url}/web/"
delay = 0
{extra}
''', encoding="utf-8")
    return path


ARTICLES = {
    "http://hoangmai.hanoi.gov.vn/vi/tin-tuc/-/view_content/101-hoi-nghi-tong-ket":
        ("2016-01-09T07:15:00Z", "Hội nghị tổng kết công tác năm 2015 của UBND quận", "utf-8"),
    "http://hoangmai.hanoi.gov.vn/vi/van-hoa-xa-hoi/-/view_content/205-ngay-hoi-dai-doan-ket":
        ("2017-11-20T09:30:00Z", "Phường Tân Mai tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
         "tcvn3"),
    "http://hoangmai.hanoi.gov.vn/giao-duc/"
    "khanh-thanh-truong-mam-non-hoang-liet-20240905091500123.htm":
        ("2024-09-06T02:03:04Z", "Khánh thành trường mầm non mới tại phường Hoàng Liệt", "utf-8"),
}


def test_crawl_stores_each_archived_article_once(tmp_path, archive_server, vnnews):
    sources = write_sources(tmp_path / "sources.toml", archive_server.url)
    db = tmp_path / "news.db"
    result = vnnews("crawl", "--sources", str(sources), "--source", "hoangmai-wayback",
                    "--db", str(db), timeout=120)
    assert result.returncode == 0, result.stderr

    conn = sqlite3.connect(db)
    pages = conn.execute("select url, capture_time, encoding, source, status from pages "
                         "order by url").fetchall()
    assert {p[0]: (p[1], p[2]) for p in pages} == \
        {url: (when, enc) for url, (when, _, enc) in ARTICLES.items()}
    assert {p[3] for p in pages} == {"hoangmai-wayback"} and {p[4] for p in pages} == {200}
    titles = dict(conn.execute("select url, title from articles").fetchall())
    assert titles == {url: title for url, (_, title, _) in ARTICLES.items()}
    headers = json.loads(conn.execute("select headers from pages where encoding = 'tcvn3'"
                                      ).fetchone()[0])
    assert headers["Content-Type"] == "text/html; charset=iso-8859-1"  # X-Archive-Orig-
    replay = archive_server.url + "/web/20171120093000id_/"
    assert headers["X-Vnnews-Archive-Url"].startswith(replay)
    body = conn.execute("select body from articles where title like 'Phường Tân Mai%'").fetchone()
    assert "Mặt trận Tổ quốc Việt Nam" in body[0]  # TCVN3 bytes came out as Unicode
    # the capture missing from the archive is recorded with its reason
    failures = conn.execute("select url, reason from failures").fetchall()
    assert failures == [("http://hoangmai.hanoi.gov.vn/vi/tin-tuc/-/view_content/"
                         "207-ban-chua-luu", "HTTP 404")]
    # only the CDX index and article captures were fetched: no print view, image, listing,
    # 404 capture or second capture of the same URL key
    replays = sorted(p for p in archive_server.archive.requests if p.startswith("/web/"))
    assert len(replays) == 4, replays
    assert not any("pop_up" in p or "logo" in p or "206-" in p for p in replays)
    cdx = [p for p in archive_server.archive.requests if p.startswith("/cdx/")]
    assert len(cdx) == 1 and "collapse=urlkey" in cdx[0] and "filter=statuscode:200" in cdx[0]

    # a second crawl finds the same bytes: nothing new is stored
    again = vnnews("crawl", "--sources", str(sources), "--source", "hoangmai-wayback",
                   "--db", str(db), timeout=120)
    assert again.returncode == 0, again.stderr
    assert conn.execute("select count(*) from pages").fetchone()[0] == 3
    assert conn.execute("select count(*) from articles").fetchone()[0] == 3


def test_wayback_crawl_to_warc_and_back(tmp_path, archive_server, vnnews):
    """crawl --warc records the replays; import-warc maps them back to the original URLs and
    capture times."""
    sources = write_sources(tmp_path / "sources.toml", archive_server.url)
    crawled, imported = tmp_path / "crawl.db", tmp_path / "import.db"
    result = vnnews("crawl", "--sources", str(sources), "--source", "hoangmai-wayback",
                    "--db", str(crawled), "--warc", str(tmp_path / "warc"), timeout=120)
    assert result.returncode == 0, result.stderr
    files = list((tmp_path / "warc").glob("vnnews-crawl*-wayback-*.warc.gz"))
    assert len(files) == 1
    result = vnnews("import-warc", *map(str, files), "--db", str(imported),
                    "--source", "hoangmai-wayback")
    assert result.returncode == 0, result.stderr
    query = ("select p.url, p.capture_time, p.encoding, a.title from pages p join articles a "
             "on a.page_id = p.id order by p.url")
    rows = sqlite3.connect(imported).execute(query).fetchall()
    assert rows == sqlite3.connect(crawled).execute(query).fetchall()
    assert [r[:3] for r in rows] == sorted((url, when, enc)
                                            for url, (when, _, enc) in ARTICLES.items())


def test_one_crawl_runs_portal_and_wayback_sources(tmp_path, archive_server, vnnews):
    """Both kinds in one `vnnews crawl`: a live portal (here the archive's copy of the home
    page, served as a site) and the wayback source, each by its own spider."""
    home = f"{archive_server.url}/web/20160110083000id_/http://{DOMAIN}/"
    sources = write_sources(tmp_path / "sources.toml", archive_server.url, f'''
[[source]]
name = "hoangmai-live"
kind = "portal"
base_url = "{home}"
delay = 0
''')
    db = tmp_path / "news.db"
    result = vnnews("crawl", "--sources", str(sources), "--db", str(db), timeout=120)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    by_source = dict(conn.execute("select source, count(*) from pages group by source"))
    assert by_source == {"hoangmai-wayback": 3, "hoangmai-live": 1}
    assert "hoangmai-wayback" in result.stdout and "hoangmai-live" in result.stdout
    assert not (tmp_path / "news.db.job").exists()  # both spiders finished: no job state left


def test_cdx_paging_and_year_range(tmp_path, archive_server, vnnews):
    """Resume-key paging (two rows a page) and from/to years select the same captures."""
    sources = write_sources(tmp_path / "sources.toml", archive_server.url,
                            "from_year = 2016\nto_year = 2017")
    db = tmp_path / "news.db"
    result = vnnews("crawl", "--sources", str(sources), "--source", "hoangmai-wayback",
                    "--db", str(db), "--set", "VNNEWS_CDX_PAGE_SIZE=2", timeout=120)
    assert result.returncode == 0, result.stderr
    cdx = [p for p in archive_server.archive.requests if p.startswith("/cdx/")]
    assert len(cdx) >= 3 and all("from=2016" in p and "to=2017" in p for p in cdx)
    assert sum("resumeKey=" in p for p in cdx) == len(cdx) - 1
    urls = {r[0] for r in sqlite3.connect(db).execute("select url from pages")}
    assert urls == {u for u, (when, _, _) in ARTICLES.items() if when < "2018"}


def test_unreachable_cdx_server_is_one_clear_error(tmp_path, vnnews):
    sources = write_sources(tmp_path / "sources.toml", "http://127.0.0.1:9")
    result = vnnews("crawl", "--sources", str(sources), "--source", "hoangmai-wayback",
                    "--db", str(tmp_path / "news.db"), "--set", "RETRY_ENABLED=false",
                    timeout=120)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("Error: source 'hoangmai-wayback' unreachable"), result.stderr


# ---- the library, offline ------------------------------------------------------------------

def test_parse_cdx_pages_through_resume_keys():
    archive = CdxArchive(ARCHIVE)
    seen, keys, chosen = set(), None, []
    pages = 0
    while True:
        query = parse_qs(urlsplit(cdx_url("http://x/cdx", DOMAIN, resume_key=keys,
                                          limit=3)).query)
        captures, keys = parse_cdx(json.dumps(archive.query(query)))
        chosen += select_captures(captures, seen=seen)
        pages += 1
        if not keys:
            break
    assert pages == 3  # 8 URL keys with a 200 capture under the domain, 3 a page
    missing = "http://hoangmai.hanoi.gov.vn/vi/tin-tuc/-/view_content/207-ban-chua-luu"
    assert [c.original for c in chosen] == sorted([*ARTICLES, missing], key=surt)


def test_subdomains_with_a_star():
    archive = CdxArchive(ARCHIVE)
    url = cdx_url("http://x/cdx", "*.hanoi.gov.vn")
    assert "url=hanoi.gov.vn&matchType=domain" in url
    captures, _ = parse_cdx(json.dumps(archive.query(parse_qs(urlsplit(url).query))))
    hosts = {urlsplit(c.original).hostname for c in select_captures(captures)}
    assert hosts == {"hoangmai.hanoi.gov.vn", "longbien.hanoi.gov.vn"}


def test_select_captures_dedups_and_filters():
    rows = [
        Capture("k1", "20160101000000", "http://h/vi/a/-/view_content/1-a", "text/html", "200"),
        Capture("k1", "20170101000000", "https://h/vi/a/-/view_content/1-a", "text/html", "200"),
        Capture("k2", "20160101000000", "http://h/vi/a/-/view_content/2-b", "text/html", "404"),
        Capture("k3", "20160101000000", "http://h/vi/a/-/view_content/pop_up/1-a", "text/html",
                "200"),
        Capture("k4", "20160101000000", "http://h/logo.png", "image/png", "200"),
        Capture("k5", "20160101000000", "http://h/vi/tin-tuc", "text/html", "200"),
        Capture("k6", "20160101000000", "http://h/tin/ok-12345678901234.htm", "text/html", "200"),
    ]
    assert [c.urlkey for c in select_captures(rows)] == ["k1", "k6"]
    assert [c.urlkey for c in select_captures(rows, listing_patterns=[r"/vi/tin-tuc$"])] == \
        ["k1", "k5", "k6"]
    assert [c.urlkey for c in select_captures(rows, article_patterns=[r"/tin/"])] == ["k6"]


@pytest.mark.parametrize("url,ok", [
    ("https://badinh.hanoi.gov.vn/vi/tin-tuc/-/view_content/4521-le-khai-giang", True),
    ("https://quan1.hochiminhcity.gov.vn/web/quan1/-/ra-quan-he-2023", True),
    ("http://longbien.hanoi.gov.vn/Pages/post.aspx?ItemID=651", True),
    ("https://hanoi.gov.vn/van-hoa-xa-hoi/le-hoi-mua-xuan-4250110103512345.htm", True),
    ("https://badinh.hanoi.gov.vn/vi/tin-tuc/-/view_content/pop_up/4521-le-khai-giang", False),
    ("https://badinh.hanoi.gov.vn/vi/tin-tuc", False),
    ("https://badinh.hanoi.gov.vn/", False),
])
def test_platform_article_shapes(url, ok):
    assert is_article_url(url) is ok


def test_capture_urls_and_times():
    capture = Capture("k", "20160513170502", "http://h/vi/a/-/view_content/1-a")
    assert capture_url("https://web.archive.org/web/", capture) == \
        "https://web.archive.org/web/20160513170502id_/http://h/vi/a/-/view_content/1-a"
    assert capture_time("20160513170502") == "2016-05-13T17:05:02Z"
    assert capture_time("2016") == "2016-01-01T00:00:00Z"
    assert capture_time("201605") == "2016-05-01T00:00:00Z"
    assert memento_time("Fri, 13 May 2016 17:05:02 GMT") == "2016-05-13T17:05:02Z"
    assert memento_time("13/05/2016") is None


@pytest.mark.parametrize("answer", ["<html>blocked</html>", '{"error": 1}', "[[1, 2]]"])
def test_bad_cdx_answers_raise(answer):
    with pytest.raises(VnnewsError):
        parse_cdx(answer)
