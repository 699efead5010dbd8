"""Crawl speed and memory: our crawler (`vnnews crawl`: discovery, canonical URLs, link
accounting, extraction, SQLite storage) against a bare Scrapy spider that follows the same links
and only saves bodies, on the same static site, in the same run, at the same concurrency; then
`vnnews process` on what our crawl stored.

    .venv/bin/python bench/bench_crawl.py                    # Liferay copy, ~6,000 pages
    .venv/bin/python bench/bench_crawl.py --articles 500     # a smaller one
    .venv/bin/python bench/bench_crawl.py --site plain --pages 5000

The default site is the Liferay 6.2 portal copy of the tests (tests/sites/liferay62.py) with
3,000 articles: about 6,000 pages (articles under several sections, listings, static pages),
like the real copy of issue 8. Our source entry is the one a user writes for it, with
``concurrency = N``; the bare spider runs at CONCURRENT_REQUESTS_PER_DOMAIN = N and skips the
same denied links. Prints pages/s of both, the ratio (target >= 0.8), each crawler's resident
memory (RSS) every few seconds, and crawl + process time (target <= 4 minutes on 2 cores).
The site is served by a threaded static server in its own process. Not a test.
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
sys.path.insert(0, str(ROOT / "tests"))  # the Liferay copy's generator lives with the tests
from crawler.archive.store import open_store  # noqa: E402

PER_LISTING = 50  # links per listing page (--site plain)
TARGET_RATIO = 0.8
TARGET_CRAWL_AND_PROCESS = 240.0  # seconds, for the ~6,000-page copy on 2 cores

BARE_SPIDER = '''
import sys
from pathlib import Path
import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.linkextractors import LinkExtractor

START, OUT, CONCURRENCY = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
ROOT = START.split("/", 3)
ROOT = "/".join(ROOT[:3]) + "/"
DENY = [d for d in sys.argv[4:]]

class Bare(scrapy.Spider):
    name = "bare"
    start_urls = [START]
    links = LinkExtractor()
    count = 0

    def parse(self, response):
        self.count += 1
        (OUT / f"{self.count}.html").write_bytes(response.body)
        if not hasattr(response, "text"):
            return
        for link in self.links.extract_links(response):
            if link.url.startswith(ROOT) and not any(d in link.url for d in DENY):
                yield scrapy.Request(link.url)

process = CrawlerProcess({"ROBOTSTXT_OBEY": False, "DOWNLOAD_DELAY": 0,
                          "AUTOTHROTTLE_ENABLED": False, "CONCURRENT_REQUESTS": CONCURRENCY,
                          "CONCURRENT_REQUESTS_PER_DOMAIN": CONCURRENCY, "LOG_LEVEL": "ERROR",
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


def _serve(directory: str, port_queue, copy: bool = False) -> None:
    if copy:  # the Liferay copy: a query selects the copier's file (tests/sites/liferay62.py)
        from sites.liferay62 import CopyHandler
        handler = partial(CopyHandler, directory=directory)
    else:
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


def _site(args, www: Path) -> tuple[str, str, list[str]]:
    """Build the site; returns (start path, our sources entry with {base}, denied substrings)."""
    if args.site == "plain":
        start = build_site(www, args.pages)
        entry = ('[[source]]\nname = "bench"\nkind = "portal"\nbase_url = "{base}' + start +
                 f'"\ndelay = 0\nconcurrency = {args.concurrency}\n')
        return start, entry, []
    from sites.liferay62 import SOURCES_TOML, build
    build(www, news=args.articles)
    deny = ["/web/sotttt-eng/", "/en/", "/pop_up/", "viewMode=print"]
    return ("/vi/tin-tuc-su-kien.html", SOURCES_TOML + f"concurrency = {args.concurrency}\n",
            deny)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", choices=("liferay", "plain"), default="liferay")
    parser.add_argument("--articles", type=int, default=3000,
                        help="articles of the Liferay copy (3000: about 6,000 pages)")
    parser.add_argument("--pages", type=int, default=5000, help="pages of --site plain (5000)")
    parser.add_argument("--concurrency", type=int, default=16,
                        help="requests at a time, both crawlers (16)")
    parser.add_argument("--rounds", type=int, default=2,
                        help="runs of each crawler, alternating; the best counts (2)")
    parser.add_argument("--no-process", action="store_true", help="skip `vnnews process`")
    parser.add_argument("--every", type=float, default=3.0, help="seconds between RSS samples")
    args = parser.parse_args(argv)

    bare_runs, ours_runs = [], []
    process_seconds = None
    with tempfile.TemporaryDirectory(prefix="vnnews-bench-") as tmp:
        tmp = Path(tmp)
        start_path, entry, deny = _site(args, tmp / "www")
        ports = multiprocessing.Queue()
        server = multiprocessing.Process(target=_serve, daemon=True,
                                         args=(str(tmp / "www"), ports, args.site == "liferay"))
        server.start()
        port = ports.get(timeout=10)
        origin = f"http://127.0.0.1:{port}"
        print(f"Site: {args.site} at {origin}{start_path}; concurrency {args.concurrency}; "
              f"{os.cpu_count()} CPUs")
        (tmp / "bare.py").write_text(BARE_SPIDER)
        (tmp / "sources.toml").write_text(entry.format(base=origin))
        ours_args = [sys.executable, str(ROOT / "pipeline.py"), "crawl", "--sources",
                     str(tmp / "sources.toml"), "--db", str(tmp / "news.db"), "--no-progress",
                     "--set", "ROBOTSTXT_OBEY=false"]  # the bare spider reads no robots.txt
        try:
            for round_ in range(1, args.rounds + 1):
                print(f"Round {round_}")
                shutil.rmtree(tmp / "bodies", ignore_errors=True)
                (tmp / "bodies").mkdir()
                wall, cpu, rss = run_measured(
                    "bare Scrapy", [sys.executable, str(tmp / "bare.py"), origin + start_path,
                                    str(tmp / "bodies"), str(args.concurrency), *deny],
                    args.every)
                bare_runs.append((len(list((tmp / "bodies").iterdir())), wall, cpu, rss))

                for old in tmp.glob("news.db*"):
                    shutil.rmtree(old) if old.is_dir() else old.unlink()
                wall, cpu, rss = run_measured("vnnews crawl", ours_args, args.every)
                with open_store(tmp / "news.db", readonly=True) as store:
                    pages, articles = store.count("pages"), store.count("articles")
                ours_runs.append((pages, wall, cpu, rss))
                print(f"  vnnews: {pages} pages, {articles} articles")
            if not args.no_process:
                started = time.monotonic()
                done = subprocess.run([sys.executable, str(ROOT / "pipeline.py"), "process",
                                       "--db", str(tmp / "news.db")], cwd=ROOT,
                                      capture_output=True, text=True)
                process_seconds = time.monotonic() - started
                if done.returncode != 0:
                    raise SystemExit(f"vnnews process failed:\n{done.stderr[-3000:]}")
                print("  " + done.stdout.strip())
        finally:
            server.terminate()

    print()
    bare_rate = _summary("bare Scrapy (saves bodies)", bare_runs)
    ours_rate = _summary("vnnews crawl (canonical URLs, link ledger, extract, SQLite)", ours_runs)
    print(f"ratio: {ours_rate / bare_rate:.2f} (target >= {TARGET_RATIO})")
    rss = max(ours_runs, key=lambda r: len(r[3]))[3]
    if len(rss) >= 4:
        q = len(rss) // 4
        early = sum(m for _t, m in rss[q:2 * q]) / q
        late = sum(m for _t, m in rss[-q:]) / q
        print(f"vnnews RSS, second quarter vs last quarter of the crawl: {early:.0f} MB -> "
              f"{late:.0f} MB (flat when the crawl grows)")
    if process_seconds is not None:
        crawl_seconds = min(r[1] for r in ours_runs)
        total = crawl_seconds + process_seconds
        print(f"crawl {crawl_seconds:.0f} s + process {process_seconds:.0f} s = {total:.0f} s for "
              f"{ours_runs[-1][0]} pages (target <= {TARGET_CRAWL_AND_PROCESS:.0f} s on 2 cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
