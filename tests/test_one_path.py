"""One path for a page (issue 11): a page crawled and the same page re-extracted by
`vnnews process` give identical rows, on the demo portal, the fault site and a site in legacy
font encodings; `process` is incremental (an unchanged archive means no work, and the file is
not touched) and gives the same rows with one worker or two."""
from __future__ import annotations

import hashlib
import re
import shutil
import socket
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import run_vnnews
from crawler.archive.store import open_store
from crawler.demo.portal import DemoPortal
from crawler.extract.legacy import encode_tcvn3, encode_vni
from sites.crawling import query, run_crawl, write_sources
from sites.faultsite import serve as serve_fault_site

ARTICLE_COLUMNS = ("canonical_url", "url", "source", "title", "published", "category", "lead",
                   "body", "author", "source_line", "captions", "attachments")
PAGE_COLUMNS = ("url", "canonical_url", "final_url", "encoding", "is_article", "reason")

# A small portal typed in the legacy fonts (text written for this test).
LEGACY_STORIES = [
    ("tcvn3", "Phường Thanh Trì ra quân làm sạch kênh mương",
     "Sáng ngày 14/4/2012, UBND phường Thanh Trì tổ chức ra quân nạo vét kênh mương nội đồng. "
     "Hơn hai trăm đoàn viên thanh niên và hội viên phụ nữ đã tham gia dọn rác, khơi thông "
     "dòng chảy trước mùa mưa bão. Chủ tịch UBND phường đề nghị các tổ dân phố duy trì việc "
     "kiểm tra hằng tuần."),
    ("tcvn3", "Hội nghị sơ kết công tác dân số quý I",
     "Chiều ngày 20/4/2012, Ban chỉ đạo công tác dân số phường tổ chức hội nghị sơ kết quý I. "
     "Các cộng tác viên báo cáo kết quả tuyên truyền tại cơ sở, đồng thời thống nhất kế hoạch "
     "khám sức khỏe sinh sản miễn phí cho phụ nữ trong độ tuổi sinh đẻ vào tháng năm."),
    ("vni", "Tuyên truyền phòng chống cháy nổ tại khu dân cư",
     "Ngày 25/4/2012, Công an phường phối hợp với các tổ dân phố tuyên truyền kiến thức phòng "
     "cháy chữa cháy cho các hộ kinh doanh. Cán bộ hướng dẫn người dân sử dụng bình chữa cháy "
     "và kiểm tra hệ thống điện trong nhà, nhất là các hộ có nhiều tầng."),
    ("vni", "Trao học bổng cho học sinh nghèo vượt khó",
     "Sáng ngày 2/5/2012, Hội Khuyến học phường trao ba mươi suất học bổng cho học sinh có hoàn "
     "cảnh khó khăn vươn lên trong học tập. Mỗi suất gồm tiền mặt, sách vở và đồ dùng học tập, "
     "do các doanh nghiệp trên địa bàn phường ủng hộ."),
]


def legacy_page(encoding: str, title: str, text: str, n: int) -> bytes:
    encode = encode_tcvn3 if encoding == "tcvn3" else encode_vni
    font = ".VnTime" if encoding == "tcvn3" else "VNI-Times"
    html = (f'<html><head><meta http-equiv="Content-Type" content="text/html; '
            f'charset=iso-8859-1"><title>{title}</title></head><body>'
            f'<table><tr><td><a href="/">Trang chủ</a> | <a href="/tin-tuc.html">Tin tức</a>'
            f'</td></tr><tr><td><font face="{font}"><h2>{title}</h2>'
            f'<p>Ngày đăng: 0{n + 1}/05/2012</p><p>{text}</p>'
            f'<p>{text.split(".")[0]}, các ngành liên quan sẽ tiếp tục theo dõi và báo cáo.</p>'
            f'</font></td></tr></table></body></html>')
    return encode(html)


def build_legacy_site(root: Path) -> None:
    links = []
    for n, (encoding, title, text) in enumerate(LEGACY_STORIES):
        name = f"tin-{n + 1}.html"
        (root / name).write_bytes(legacy_page(encoding, title, text, n))
        links.append(f'<li><a href="/{name}">{title}</a></li>')
    listing = ("<html><head><meta charset='utf-8'><title>Tin tức</title></head><body><ul>"
               + "".join(links) + "</ul></body></html>")
    (root / "index.html").write_text(listing, encoding="utf-8")
    (root / "tin-tuc.html").write_text(listing, encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def http_server(root: Path):
    """Python's http.server in its default configuration, on a free 127.0.0.1 port."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind",
                               "127.0.0.1", "--directory", str(root)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):  # until it accepts connections (bounded by count, not time)
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError("http.server exited")
                subprocess.run([sys.executable, "-c", "import time; time.sleep(0.05)"])
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=30)


def rows(db: Path) -> dict:
    return {
        "articles": sorted(query(db, f"select {', '.join(ARTICLE_COLUMNS)} from articles")),
        "pages": sorted(query(db, f"select {', '.join(PAGE_COLUMNS)} from pages where id in "
                                  "(select max(id) from pages group by url)"), key=repr),
    }


@contextmanager
def demo_portal(tmp: Path):
    """Yields crawl(db): `vnnews crawl` of the demo portal (one server for every crawl)."""
    with DemoPortal() as portal:
        def crawl(db: Path) -> None:
            done = run_vnnews("crawl", "--db", str(db), "--no-progress",
                              env={"VNNEWS_DEMO_URL": portal.base_url})
            assert done.returncode == 0, done.stderr
        yield crawl


@contextmanager
def fault_site(tmp: Path):
    with serve_fault_site() as (base, _site):
        sources = write_sources(tmp / "sources.toml", "faults", base)
        yield lambda db: run_crawl(sources, db)


@contextmanager
def legacy_site(tmp: Path):
    root = tmp / "legacy-site"
    root.mkdir()
    build_legacy_site(root)
    with http_server(root) as base:
        sources = write_sources(tmp / "sources.toml", "legacy", base)
        yield lambda db: run_crawl(sources, db)


def crawl_once(site, tmp: Path, db: Path) -> None:
    with site(tmp) as crawl:
        crawl(db)


def process(db: Path, *args: str) -> str:
    done = run_vnnews("process", "--db", str(db), *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def file_digest(db: Path) -> str:
    """The archive file's sha256, after checking that no write waits in its WAL (a reader may
    leave an empty -wal and the -shm index beside it; neither holds data)."""
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "a write is pending in the WAL"
    return hashlib.sha256(db.read_bytes()).hexdigest()


@pytest.mark.parametrize("site", [demo_portal, fault_site, legacy_site],
                         ids=["demo", "faults", "legacy-fonts"])
def test_crawl_and_reextraction_give_identical_rows(tmp_path, site):
    """A: crawled, then `process` learns each source's boilerplate and re-extracts every page.
    B: crawled from scratch with those learned hints already known. The crawl path (B) and
    the re-extract path (A) must give the same rows, and agree that nothing is left to do."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = tmp_path / "a" / "news.db", tmp_path / "b" / "news.db"
    with site(tmp_path) as crawl:
        crawl(a)
        assert rows(a)["articles"], "the crawl stored no article"
        process(a, "--all", "--workers", "1")
        reextracted = rows(a)
        with open_store(a, readonly=True) as store_a, open_store(b) as store_b:
            for name in store_a.source_configs():
                store_b.save_source_profile(name, store_a.source_profile(name), 0)
        crawl(b)
    assert rows(b) == reextracted
    assert process(b).startswith("Re-extracted 0 pages"), "the crawl's extraction is current"
    if site is legacy_site:  # the real encodings are recorded, and the text is right
        encodings = {e for (e,) in query(b, "select encoding from pages where url like '%/tin-_.html'")}
        assert encodings == {"tcvn3", "vni"}
        titles = {t for (t,) in query(b, "select title from articles")}
        assert titles == {title for _, title, _ in LEGACY_STORIES}


def test_process_is_incremental_and_parallel(tmp_path):
    db = tmp_path / "news.db"
    crawl_once(demo_portal, tmp_path, db)
    first = process(db, "--workers", "2")
    assert first.startswith("Re-extracted 74 pages; analyzed 48 articles"), first
    done = rows(db)
    analysed = query(db, "select count(*) from mentions")[0][0]
    assert analysed > 0
    # nothing new: no extraction, no analysis, and the archive file is not touched
    before = file_digest(db)
    again = process(db, "--workers", "2")
    assert again.startswith("Re-extracted 0 pages; analyzed 0 articles, 0 mentions"), again
    assert file_digest(db) == before
    # one page read by an older extractor: that page alone is extracted again
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    conn_rows = query(copy, "select id from pages where is_article = 1 order by id limit 1")
    import sqlite3
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute("update pages set extracted_with = 'x-older' where id = ?", conn_rows[0])
    conn.close()
    assert process(copy).startswith("Re-extracted 1 pages; analyzed 0 articles")
    # --all with one worker gives the rows two workers gave
    process(copy, "--all", "--workers", "1")
    assert rows(copy) == done
    assert query(copy, "select count(*) from mentions")[0][0] == analysed


def test_process_shows_rate_and_eta(tmp_path):
    db = tmp_path / "news.db"
    crawl_once(legacy_site, tmp_path, db)
    done = run_vnnews("process", "--db", str(db), "--all", "--workers", "1", "--progress")
    assert done.returncode == 0, done.stderr
    assert "extract: " in done.stderr and "/s" in done.stderr
    assert "analyze: " in done.stderr


def test_opening_for_reading_never_writes(tmp_path):
    db = tmp_path / "news.db"
    crawl_once(legacy_site, tmp_path, db)
    before = file_digest(db)
    with open_store(db, readonly=True) as store:
        assert store.count("articles") == len(LEGACY_STORIES)
        total, _pages = store.pages_to_extract(None)
        assert total > 0
    assert file_digest(db) == before


def test_make_demo_builds_what_crawl_and_a_full_process_build(tmp_path):
    """`make demo` (vnnews demo) must show what a user's crawl + `process` produce."""
    demo_db = tmp_path / "demo.db"
    done = run_vnnews("demo", "--no-serve", "--db", str(demo_db))
    assert done.returncode == 0, done.stderr
    user_db = tmp_path / "user.db"
    crawl_once(demo_portal, tmp_path, user_db)
    process(user_db, "--all")

    def content(db: Path) -> dict:
        def local(value):  # the two runs serve the portal on different ports
            return re.sub(r"http://127\.0\.0\.1:\d+/", "/", value) if isinstance(value, str) \
                else value
        articles = sorted(tuple(map(local, r)) for r in query(
            db, f"select {', '.join(ARTICLE_COLUMNS)} from articles"))
        mentions = sorted(query(db, "select a.title, m.field, m.type, m.start, m.end, m.value "
                                    "from mentions m join articles a on a.id = m.article_id"))
        return {"articles": articles, "mentions": mentions,
                "pages": sorted(local(u) for (u,) in query(db, "select url from pages"))}

    assert content(demo_db) == content(user_db)
