"""Crawl speed and memory: our crawler (`vnnews crawl`: discovery, canonical URLs, extraction,
SQLite storage) against a bare Scrapy spider that follows links and only saves bodies, on the
same generated static site, in the same run, politeness off for both.

    .venv/bin/python bench/bench_crawl.py            # 5,000 pages (the issue's target)
    .venv/bin/python bench/bench_crawl.py --pages 1000

Prints pages/s of both, the ratio (target ≥ 0.8) and each crawler's resident memory (RSS)
every few seconds. The site is written to a temporary directory and served by a threaded
static server in its own process, so server and crawler do not share an interpreter.
Not a test: it takes about a minute per crawler.
"""
from __future__ import annotations

import argparse
import http.server
import multiprocessing
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from crawler.archive.store import open_store  # noqa: E402

PER_LISTING = 50  # links per listing page

BARE_SPIDER = '''
import sys
from pathlib import Path
import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.linkextractors import LinkExtractor

START, OUT = sys.argv[1], Path(sys.argv[2])

class Bare(scrapy.Spider):
    name = "bare"
    start_urls = [START]
    links = LinkExtractor()
    count = 0

    def parse(self, response):
        self.count += 1
        (OUT / f"{self.count}.html").write_bytes(response.body)
        for link in self.links.extract_links(response):
            if link.url.startswith(START):
                yield scrapy.Request(link.url)

process = CrawlerProcess({"ROBOTSTXT_OBEY": False, "DOWNLOAD_DELAY": 0,
                          "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": 16,
                          "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "LOG_LEVEL": "ERROR",
                          "TELNETCONSOLE_ENABLED": False, "COOKIES_ENABLED": False})
process.crawl(Bare)
process.start()
'''

_PLACES = ["Tân Mai", "Giáp Bát", "Lĩnh Nam", "Thịnh Liệt", "Vĩnh Hưng", "Yên Sở", "Đại Kim"]
_EVENTS = ["ra quân dọn vệ sinh môi trường", "tổ chức hội nghị tiếp xúc cử tri",
           "khánh thành nhà văn hóa", "tập huấn phòng cháy chữa cháy", "trao học bổng"]


def _article(n: int) -> str:
    place, event = _PLACES[n % len(_PLACES)], _EVENTS[n % len(_EVENTS)]
    title = f"Phường {place} {event} (bài {n})"
    paragraphs = "".join(
        f"<p>Ngày {n % 28 + 1}/5, phường {place} {event} với sự tham gia của {50 + n} "
        f"người dân, cán bộ và đoàn viên. Đoạn {k} nêu kết quả đạt được, những tồn tại, hạn "
        f"chế và nhiệm vụ trọng tâm thời gian tới của các tổ dân phố.</p>" for k in range(6))
    menu = "".join(f'<li><a href="/site/tin-tuc/{k}.html">Chuyên mục {k}</a></li>'
                   for k in range(1, 6))
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title} - '
            f'Cổng thông tin</title></head><body><div id="banner"><ul>{menu}</ul></div>'
            f'<div class="news-detail"><div class="title-news">{title}</div>'
            f'<div class="date-news">Ngày đăng {n % 28 + 1:02d}/05/2019 | 9:{n % 60:02d} AM'
            f'</div><div class="sapo-news"><strong>Phường {place} vừa {event}.</strong></div>'
            f'<div class="journal-content-article">{paragraphs}<p style="text-align:right">'
            f'<strong>Minh Anh</strong></p></div></div><div id="footer">Cổng thông tin điện '
            f'tử quận. Địa chỉ: số 1 phố Thử, Hà Nội. Điện thoại: 024 0000 0000.</div>'
            f'</body></html>')


def build_site(root: Path, pages: int) -> str:
    """Write the site: home → listing pages (PER_LISTING articles each) → articles; returns
    the start path. ``pages`` counts every HTML page."""
    site = root / "site"
    (site / "bai").mkdir(parents=True)
    (site / "tin-tuc").mkdir()
    listings = max(1, round(pages / (PER_LISTING + 1)))
    articles = pages - listings - 1
    for n in range(1, articles + 1):
        (site / "bai" / f"{n}.html").write_text(_article(n), encoding="utf-8")
    for page in range(1, listings + 1):
        first = (page - 1) * PER_LISTING + 1
        last = articles if page == listings else min(articles, page * PER_LISTING)
        items = "".join(f'<li><a href="/site/bai/{n}.html">Bài {n}</a></li>'
                        for n in range(first, last + 1))
        nxt = f'<a href="/site/tin-tuc/{page + 1}.html">Tiếp</a>' if page < listings else ""
        (site / "tin-tuc" / f"{page}.html").write_text(
            f'<html lang="vi"><head><meta charset="utf-8"><title>Tin tức trang {page}</title>'
            f'</head><body><ul>{items}</ul>{nxt}</body></html>', encoding="utf-8")
    links = "".join(f'<a href="/site/tin-tuc/{p}.html">{p}</a> ' for p in range(1, listings + 1))
    (site / "index.html").write_text(
        f'<html lang="vi"><head><meta charset="utf-8"><title>Trang chủ</title></head>'
        f'<body>{links}</body></html>', encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    return "/site/"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass


def _serve(directory: str, port_queue) -> None:
    handler = partial(_Quiet, directory=directory)
    server_cls = type("Server", (http.server.ThreadingHTTPServer,),
                      {"request_queue_size": 256, "daemon_threads": True})
    server = server_cls(("127.0.0.1", 0), handler)
    port_queue.put(server.server_port)
    server.serve_forever()


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its descendants (our storage worker process), MB."""
    total = 0.0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return total
    return total + sum(rss_mb(int(child)) for child in children)


def run_measured(name: str, args: list[str], every: float,
                 env=None) -> tuple[float, float, list]:
    """Run one crawler; returns (wall seconds, CPU seconds, [(t, RSS MB), ...])."""
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    samples = []
    out: list = []
    ended: list = []

    def wait():
        out.extend(proc.communicate())
        ended.append(time.monotonic())

    reader = threading.Thread(target=wait, daemon=True)
    reader.start()
    next_sample = started + every
    while not ended:
        time.sleep(0.05)
        if time.monotonic() >= next_sample and not ended:
            next_sample += every
            mb = rss_mb(proc.pid)
            if mb:
                samples.append((round(time.monotonic() - started), round(mb)))
                print(f"  {name}: {samples[-1][0]:4d}s RSS {samples[-1][1]} MB", flush=True)
    reader.join()
    elapsed = ended[0] - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed:\n{out[1][-3000:] if len(out) > 1 else ''}")
    if out and out[0].strip():
        print("  " + out[0].strip().replace("\n", "\n  "))
    return elapsed, cpu, samples


def _summary(name: str, runs: list[tuple[int, float, float, list]]) -> float:
    """Print one crawler's best run; returns its pages/s."""
    pages, wall, cpu, rss = min(runs, key=lambda r: r[1])
    rate = pages / wall
    tries = ", ".join(f"{r[0] / r[1]:.1f}" for r in runs)
    print(f"{name}: {pages} pages in {wall:.1f} s = {rate:.1f} pages/s (runs: {tries}); "
          f"CPU {1000 * cpu / pages:.1f} ms/page; RSS max {max((m for _t, m in rss), default=0)}"
          f" MB")
    return rate


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5000, help="pages in the site (5000)")
    parser.add_argument("--rounds", type=int, default=2,
                        help="runs of each crawler, alternating; the best counts (2)")
    parser.add_argument("--every", type=float, default=3.0, help="seconds between RSS samples")
    args = parser.parse_args(argv)

    bare_runs, ours_runs = [], []
    with tempfile.TemporaryDirectory(prefix="vnnews-bench-") as tmp:
        tmp = Path(tmp)
        start_path = build_site(tmp / "www", args.pages)
        ports = multiprocessing.Queue()
        server = multiprocessing.Process(target=_serve, args=(str(tmp / "www"), ports),
                                         daemon=True)
        server.start()
        port = ports.get(timeout=10)
        base = f"http://127.0.0.1:{port}{start_path}"
        print(f"Site: {args.pages} pages at {base}; {os.cpu_count()} CPUs")
        (tmp / "bare.py").write_text(BARE_SPIDER)
        (tmp / "sources.toml").write_text(
            f'[[source]]\nname = "bench"\nkind = "portal"\nbase_url = "{base}"\ndelay = 0\n')
        ours_args = [sys.executable, str(ROOT / "pipeline.py"), "crawl", "--sources",
                     str(tmp / "sources.toml"), "--db", str(tmp / "news.db"), "--no-progress"]
        for setting in ("ROBOTSTXT_OBEY=false", "DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=false",
                        "CONCURRENT_REQUESTS=16", "CONCURRENT_REQUESTS_PER_DOMAIN=16"):
            ours_args += ["--set", setting]
        try:
            for round_ in range(1, args.rounds + 1):
                print(f"Round {round_}")
                shutil.rmtree(tmp / "bodies", ignore_errors=True)
                (tmp / "bodies").mkdir()
                wall, cpu, rss = run_measured(
                    "bare Scrapy", [sys.executable, str(tmp / "bare.py"), base,
                                    str(tmp / "bodies")], args.every)
                bare_runs.append((len(list((tmp / "bodies").iterdir())), wall, cpu, rss))

                for old in tmp.glob("news.db*"):
                    shutil.rmtree(old) if old.is_dir() else old.unlink()
                wall, cpu, rss = run_measured("vnnews crawl", ours_args, args.every)
                with open_store(tmp / "news.db", readonly=True) as store:
                    pages = store.count("pages")
                ours_runs.append((pages, wall, cpu, rss))
        finally:
            server.terminate()

    print()
    bare_rate = _summary("bare Scrapy (saves bodies)", bare_runs)
    ours_rate = _summary("vnnews crawl (canonical URLs, extract, SQLite)", ours_runs)
    print(f"ratio: {ours_rate / bare_rate:.2f} (target >= 0.8)")
    rss = max(ours_runs, key=lambda r: len(r[3]))[3]
    if len(rss) >= 4:
        q = len(rss) // 4
        early = sum(m for _t, m in rss[q:2 * q]) / q
        late = sum(m for _t, m in rss[-q:]) / q
        print(f"vnnews RSS, second quarter vs last quarter of the crawl: {early:.0f} MB -> "
              f"{late:.0f} MB (flat when the crawl grows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
