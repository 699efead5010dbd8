"""`vnnews process` speed: a full run with 1 and with 2 workers, and a second run with nothing
new, on one archive built for the purpose; all measured in one run.

    .venv/bin/python bench/bench_process.py [--articles 5000]

The archive: the demo portal's article pages, each stored ``--articles / 48`` times under
other URLs with a paragraph of its own (so no two texts are equal and none is a duplicate),
through crawler.ingest like a crawl. Issue 11 targets: 2 workers faster than 1, and a second
run over an unchanged archive under 5% of a full run's time (it should do no work at all).
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("VNNEWS_DEMO_DIR", str(ROOT / "data" / "demo"))

from crawler.archive.store import open_store  # noqa: E402
from crawler.demo.portal import DEFAULT_SITE, load_articles, url_to_file  # noqa: E402
from crawler.ingest import ingest  # noqa: E402
from crawler.records import Page, utc_iso  # noqa: E402
from crawler.reprocess import process  # noqa: E402

MAX_UNCHANGED_SHARE = 0.05


def with_paragraph(page: bytes, first_paragraph: str, extra: str) -> bytes:
    """``page`` with ``extra`` right after the article's first paragraph (inside the body)."""
    page = page.replace(b'rel="canonical"', b'rel="alternate"')  # each copy is its own article
    at = page.find(first_paragraph[:24].encode("utf-8"))
    end = page.find(b"</p>", at if at >= 0 else 0)
    end = end + 4 if end >= 0 else len(page)
    return page[:end] + extra.encode("utf-8") + page[end:]


def build_archive(db: Path, n: int) -> float:
    """``n`` article pages into a new archive at ``db``; returns the seconds it took."""
    started = time.perf_counter()
    demo = [(a, (DEFAULT_SITE / url_to_file(*(a.url_path.split("?", 1) + [""])[:2]))
             .read_bytes()) for a in load_articles()]
    with open_store(db) as store:
        store.save_source("bench", "portal", "Hoàng Mai", "Hà Nội", "http://bench.example/", {})
        for i in range(n):
            article, body = demo[i % len(demo)]
            own = (f"<p>Bản tin số {i}: các tổ dân phố tiếp tục triển khai nội dung trên "
                   f"và báo cáo kết quả về UBND phường trước ngày {i % 28 + 1}/12.</p>")
            body = with_paragraph(body, article.paragraphs[0], own)
            # the copy's number last: "-{14 to 19 digits}.htm" is a Hanoi 2025 article id, and
            # two URLs naming one id are one article (crawler.urls.article_key)
            url = f"http://bench.example/tin-tuc/{article.id}-{i}.html"
            ingest(store, Page(url=url, final_url=url, status=200,
                               headers={"Content-Type": "text/html; charset=utf-8"}, body=body,
                               fetched_at=utc_iso(), source="bench"))
    return time.perf_counter() - started


def timed(db: Path, **kwargs) -> tuple[float, dict]:
    started = time.perf_counter()
    counts = process(str(db), **kwargs)
    return time.perf_counter() - started, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "news.db"
        built = build_archive(db, args.articles)
        size = db.stat().st_size / 1e6
        print(f"archive: {args.articles} article pages built in {built:.1f} s, {size:.1f} MB")
        results = {}
        for workers in (1, 2):
            copy = Path(tmp) / f"w{workers}.db"
            shutil.copy(db, copy)
            seconds, counts = timed(copy, force=True, workers=workers)
            results[workers] = seconds
            print(f"full process, {workers} worker(s): {seconds:.1f} s "
                  f"({counts['pages']} pages re-extracted, {counts['articles']} articles "
                  f"analysed, {counts['articles'] / seconds:.1f} articles/s)")
        again, counts = timed(Path(tmp) / "w2.db", workers=2)
        print(f"second run, nothing new: {again:.2f} s ({counts['pages']} pages, "
              f"{counts['articles']} articles)")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of this process (the writer): {rss:.0f} MB")
        speedup = results[1] / results[2]
        share = again / results[2]
        print(f"ratio 1 worker / 2 workers: {speedup:.2f}x (cores: {multiprocessing.cpu_count()})")
        print(f"ratio second run / full run: {share:.4f} (target < {MAX_UNCHANGED_SHARE})")
        return 0 if share < MAX_UNCHANGED_SHARE and counts["pages"] == 0 and \
            counts["articles"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
