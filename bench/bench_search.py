"""Search speed on a big archive: 100,000 articles built through the store (variants of the
demo articles), 200 mixed queries through datasette's JSON API on a real `vnnews serve`.

    .venv/bin/python bench/bench_search.py [--articles 100000] [--queries 200] [--keep DIR]

Our figure: /news/search.json (the site's search: folded, exact spelling first, excerpts,
paging). Baseline, same server and data: datasette's own table search
(/news/articles.json?_search=..., escape_fts, sorted by date, no excerpt). Issue 10 target:
p95 <= 50 ms for ours. Also printed: build time and database size.
"""
from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.demo.portal import load_articles  # noqa: E402
from crawler.records import Article, Page  # noqa: E402
from crawler.site.serve import free_port  # noqa: E402
from crawler.archive.store import fold_key, open_store  # noqa: E402

TARGET_P95_MS = 50.0
SEED = 10
DISTRICTS = ["Hoàng Mai", "Long Biên", "Bình Thạnh", "Đống Đa", "Cầu Giấy", "Thanh Xuân",
             "Hà Đông", "Gia Lâm", "Đông Anh", "Thủ Đức", "Gò Vấp", "Tân Bình", "Hải Châu"]
DOC_TYPES = [("Kế hoạch", "KH"), ("Quyết định", "QĐ"), ("Công văn", "CV"), ("Thông báo", "TB"),
             ("Báo cáo", "BC")]


def variant(rng: random.Random, bases, vocabulary, i: int) -> dict:
    """One generated article: a demo article's text mixed with another's, placed in another
    district and year, citing a document of its own, plus a sentence of demo words."""
    a, b = rng.choice(bases), rng.choice(bases)
    district = rng.choice(DISTRICTS)
    paragraphs = a.paragraphs[:] + rng.sample(b.paragraphs, k=min(2, len(b.paragraphs)))
    rng.shuffle(paragraphs)
    for name in ("Hoàng Mai", "Long Biên", "Bình Thạnh"):
        paragraphs = [p.replace(name, district) for p in paragraphs]
    doc_type, code = rng.choice(DOC_TYPES)
    number = f"{rng.randint(1, 999)}/{code}-UBND"
    paragraphs.append(f"Thực hiện {doc_type} {number} của UBND quận {district}, "
                      + " ".join(rng.choice(vocabulary) for _ in range(25)) + ".")
    year = rng.randint(2010, 2025)
    return {"url": f"http://bench.example/{i}.htm", "title": a.title.replace(
                a.title.split(":")[0], district, 1) if ":" in a.title else a.title,
            "published": f"{year}{a.published[4:]}", "category": a.category,
            "lead": a.lead.replace("Hoàng Mai", district), "body": "\n".join(paragraphs),
            "number": number}


def build(db_path: Path, count: int) -> tuple[float, list[dict]]:
    rng = random.Random(SEED)
    bases = load_articles()
    vocabulary = sorted({w for a in bases for p in a.paragraphs for w in re.findall(r"\w+", p)
                         if not w.isdigit()})
    store = open_store(db_path)
    store.save_source("bench", "portal", None, None, "http://bench.example/", {})
    made = []
    started = time.perf_counter()
    for i in range(count):
        v = variant(rng, bases, vocabulary, i)
        html = (f"<html><head><title>{v['title']}</title></head><body><h1>{v['title']}</h1>"
                f"<p>{v['lead']}</p><p>{v['body']}</p></body></html>").encode()
        page = Page(url=v["url"], final_url=v["url"], status=200,
                    headers={"Content-Type": "text/html; charset=utf-8"}, body=html,
                    fetched_at="2026-12-01T00:00:00Z", source="bench", encoding="utf-8")
        store.save_page(page, Article(url=v["url"], is_article=True, title=v["title"],
                                      published=v["published"], category=v["category"],
                                      lead=v["lead"], body=v["body"]))
        if i < 2000:
            made.append(v)
    store.close(checkpoint=True)
    return time.perf_counter() - started, made


def queries(made: list[dict], n: int) -> list[str]:
    """Mixed queries as people type them: common and rare words, phrases with and without
    diacritics, quoted phrases, document numbers (as written and in lower case), names,
    and words that occur nowhere."""
    rng = random.Random(SEED + 1)
    out = []
    kinds = ["common", "phrase", "folded", "quoted", "number", "number_lower", "word",
             "nothing", "district"]
    common = ["văn hóa", "ủy ban nhân dân", "đoàn kết", "phát triển", "kinh tế", "Đảng ủy",
              "giải phóng mặt bằng", "an toàn", "người dân", "năm 2018"]
    for i in range(n):
        kind = kinds[i % len(kinds)]
        v = rng.choice(made)
        words = re.findall(r"\w+", v["body"])
        start = rng.randrange(max(1, len(words) - 4))
        phrase = " ".join(words[start:start + rng.randint(2, 4)])
        if kind == "common":
            out.append(rng.choice(common))
        elif kind == "phrase":
            out.append(phrase)
        elif kind == "folded":
            out.append(fold_key(phrase))
        elif kind == "quoted":
            out.append(f'"{phrase}"')
        elif kind == "number":
            out.append(v["number"])
        elif kind == "number_lower":
            out.append(v["number"].lower().replace("/", " ").replace("-", " "))
        elif kind == "word":
            out.append(rng.choice(words))
        elif kind == "district":
            out.append(fold_key(rng.choice(DISTRICTS)))
        else:
            out.append(f"qzx{i}vw")
    return out


def _get(url: str) -> tuple[float, bool]:
    """Milliseconds and whether the answer was a 200 (datasette answers 400 to a query its
    time limit interrupted)."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            ok = response.status == 200
    except urllib.error.HTTPError as exc:
        exc.read()
        ok = False
    return (time.perf_counter() - started) * 1000, ok


def measure(base: str, path: str, param: str, qs: list[str], extra: dict):
    for q in qs[:10]:  # warm the page cache
        _get(f"{base}{path}?" + urllib.parse.urlencode({param: q, **extra}))
    answers = [_get(f"{base}{path}?" + urllib.parse.urlencode({param: q, **extra})) for q in qs]
    return [ms for ms, _ in answers], sum(1 for _, ok in answers if not ok)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--keep", metavar="DIR", help="build (or reuse) the database in DIR")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-search-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "news.db"
    if db.exists() and args.keep:
        print(f"reusing {db}")
        made = build_sample(db)
    else:
        seconds, made = build(db, args.articles)
        print(f"built {args.articles:,} articles through the store in {seconds:.0f} s "
              f"({args.articles / seconds:.0f} articles/s)")
    print(f"database size: {db.stat().st_size / 2**20:.0f} MB "
          f"({db.stat().st_size / args.articles / 1024:.1f} KB per article)")
    qs = queries(made, args.queries)
    port = free_port()
    server = subprocess.Popen([sys.executable, str(ROOT / "pipeline.py"), "serve", "--db",
                               str(db), "--port", str(port)], stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                _get(base + "/robots.txt")
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise SystemExit("vnnews serve did not start")
                time.sleep(0.2)
        ours, ours_failed = measure(base, "/news/search.json", "q", qs, {"_shape": "array"})
        baseline, base_failed = measure(base, "/news/articles.json", "_search", qs,
                                        {"_shape": "array", "_col": "title", "_size": "20"})
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"{len(qs)} queries, sequential, through datasette's JSON API (real HTTP):")
    for name, values, failed in (("ours (/news/search.json)", ours, ours_failed),
                                 ("baseline (table _search)", baseline, base_failed)):
        print(f"  {name:28s} p50 {pct(values, 50):6.1f} ms   p95 {pct(values, 95):6.1f} ms   "
              f"max {max(values):6.1f} ms   interrupted by the 1 s limit: {failed}")
    print(f"  ratio ours/baseline: p50 {pct(ours, 50) / pct(baseline, 50):.2f}, "
          f"p95 {pct(ours, 95) / pct(baseline, 95):.2f}")
    slow = sorted(zip(ours, qs), reverse=True)[:5]
    print("  slowest of ours: " + "; ".join(f"{q!r} {ms:.0f} ms" for ms, q in slow))
    ok = pct(ours, 95) <= TARGET_P95_MS and not ours_failed
    print(f"target p95 <= {TARGET_P95_MS:.0f} ms: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


def build_sample(db: Path) -> list[dict]:
    """Rebuild the first generated articles' texts (for the queries) without storing them."""
    rng = random.Random(SEED)
    bases = load_articles()
    vocabulary = sorted({w for a in bases for p in a.paragraphs for w in re.findall(r"\w+", p)
                         if not w.isdigit()})
    return [variant(rng, bases, vocabulary, i) for i in range(2000)]


if __name__ == "__main__":
    sys.exit(main())
