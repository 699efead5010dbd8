"""Score our extractor and trafilatura side by side on the gold pages (``vnnews eval extract``).

Gold format (``tests/data/extraction/``, see its README): one ``NAME.html`` (the page bytes) and one
``NAME.json`` per page with ``url``, ``template``, ``is_article`` and, for articles, ``title``,
``published``, ``category``, ``lead`` and ``body`` (paragraphs joined by blank lines).

Body metric: the word-shingle matching of scrapinghub's article-extraction-benchmark. Texts are cut
into ``\\w+`` tokens; the shingles are the runs of 4 consecutive tokens, counted as multisets; per
page tp/fp/fn are normalised by their sum; precision is averaged over the pages where something was
extracted or expected (tp + fp > 0), recall over the pages with a gold text (tp + fn > 0), and F1 is
computed from the two averages. The compared text is lead + body for both tools (trafilatura does
not separate the lead). Only article pages count for the body, title and date scores; non-article
pages count for ``false_articles`` (for trafilatura: a non-article page from which it returns text).
"""
from __future__ import annotations

import json
import re
import statistics
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from crawler.errors import VnnewsError

__all__ = ["GoldPage", "load_gold", "shingle_match", "body_scores", "evaluate", "format_table",
           "evaluate_cli", "run_ours", "run_trafilatura", "GOLD_DIR"]

# The project's gold set, relative to the repository root (where `vnnews eval` runs).
GOLD_DIR = Path("tests") / "data" / "extraction"
SHINGLE_N = 4  # as in the article-extraction-benchmark
_TOKEN = re.compile(r"\w+")
WARM_UP_PAGES = 5
KEYS = ("body_p", "body_r", "body_f1", "title_acc", "date_acc", "false_articles", "pages_per_s")


@dataclass
class GoldPage:
    name: str
    url: str
    html: bytes
    template: str
    is_article: bool
    title: str | None = None
    published: str | None = None
    category: str | None = None
    lead: str | None = None
    body: str = ""

    @property
    def text(self) -> str:
        return "\n\n".join(t for t in (self.lead, self.body) if t)


def load_gold(directory: str | Path | None = None) -> list[GoldPage]:
    """Every gold page of ``directory`` (default: the bundled set), sorted by name."""
    directory = Path(directory) if directory else GOLD_DIR
    if not directory.is_dir():
        raise VnnewsError(f"gold directory not found: {directory}")
    pages = []
    for meta_path in sorted(directory.glob("**/*.json")):
        html_path = meta_path.with_suffix(".html")
        if not html_path.is_file():
            continue  # manifest and other JSON files
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise VnnewsError(f"{meta_path}: invalid JSON ({exc})") from exc
        pages.append(GoldPage(
            name=str(meta_path.relative_to(directory).with_suffix("")), url=meta["url"],
            html=html_path.read_bytes(), template=meta.get("template", ""),
            is_article=bool(meta["is_article"]), title=meta.get("title"),
            published=meta.get("published"), category=meta.get("category"),
            lead=meta.get("lead"), body=meta.get("body") or "",
        ))
    if not pages:
        raise VnnewsError(f"no gold pages (NAME.html + NAME.json) in {directory}")
    return pages


def _shingles(text: str) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + SHINGLE_N]) for i in range(max(1, len(tokens) - SHINGLE_N + 1))
                   if tokens[i:i + SHINGLE_N])


def shingle_match(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of the 4-token shingle multisets of two texts."""
    t, p = _shingles(true), _shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp, fp, fn) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp, fp, fn) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def body_scores(matches: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """(precision, recall, F1) averaged over pages as the benchmark does."""
    ps = [_precision(*m) for m in matches if m[0] + m[1] > 0]
    rs = [_recall(*m) for m in matches if m[0] + m[2] > 0]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _same_text(a: str | None, b: str | None) -> bool:
    norm = lambda s: " ".join(unicodedata.normalize("NFC", s or "").split())  # noqa: E731
    return bool(a) and norm(a) == norm(b)


def _same_date(gold: str | None, got: str | None) -> bool:
    """Minute precision: "2018-10-08T15:54"; a gold date without time compares the day only."""
    if not gold or not got:
        return gold == got
    if "T" in gold:
        return got[:16] == gold[:16]
    return got[:10] == gold[:10]


@dataclass
class Result:
    is_article: bool
    title: str | None
    published: str | None
    text: str
    category: str | None = None


def run_ours(pages: list[GoldPage]) -> tuple[list[Result], float]:
    """Our extractor on every page; returns the results and the elapsed seconds."""
    from crawler.extract import extract

    out = []
    start = time.perf_counter()
    for page in pages:
        art = extract(page.html, page.url)
        out.append(Result(art.is_article, art.title, art.published,
                          "\n\n".join(t for t in (art.lead, art.body) if t) if art.is_article else "",
                          art.category))
    return out, time.perf_counter() - start


def _import_trafilatura():
    try:
        import trafilatura  # noqa: F401 - lazy: a test/bench extra
    except ImportError as exc:
        raise VnnewsError("trafilatura is not installed: pip install -e '.[test]' "
                          "(it needs lxml_html_clean beside lxml 6)") from exc
    return trafilatura


def run_trafilatura(pages: list[GoldPage]) -> tuple[list[Result], float]:
    """trafilatura's bare_extraction (text, title, date) on every page, timed the same way."""
    trafilatura = _import_trafilatura()
    out = []
    start = time.perf_counter()
    for page in pages:
        try:
            doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
        except Exception:  # noqa: BLE001 - a crash counts as nothing extracted
            doc = None
        if doc is None:
            out.append(Result(False, None, None, ""))
            continue
        get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
        text = get("text") or ""
        categories = get("categories")
        category = categories[0] if isinstance(categories, list) and categories else None
        out.append(Result(bool(text.strip()), get("title"), get("date"), text, category))
    return out, time.perf_counter() - start


def _score(pages: list[GoldPage], results: list[Result], seconds: float) -> dict:
    arts = [(g, r) for g, r in zip(pages, results) if g.is_article]
    others = [(g, r) for g, r in zip(pages, results) if not g.is_article]
    p, r, f1 = body_scores([shingle_match(g.text, res.text) for g, res in arts])
    n = max(1, len(arts))
    return {
        "body_p": round(p, 4), "body_r": round(r, 4), "body_f1": round(f1, 4),
        "title_acc": round(sum(_same_text(g.title, res.title) for g, res in arts) / n, 4),
        "date_acc": round(sum(_same_date(g.published, res.published) for g, res in arts) / n, 4),
        "false_articles": sum(1 for _, res in others if res.is_article),
        # Not issue-3 targets, shown for information: the day alone (trafilatura gives no time)
        # and the category.
        "date_day_acc": round(sum(bool(g.published and res.published and g.published[:10] == res.published[:10])
                                  for g, res in arts) / n, 4),
        "category_acc": round(sum(_same_text(g.category, res.category) for g, res in arts) / n, 4),
        "pages_per_s": round(len(pages) / seconds, 1) if seconds > 0 else 0.0,
    }


def page_report(pages: list[GoldPage], results: list[Result]) -> list[dict]:
    """Per-page scores of one tool (for finding what to fix)."""
    rows = []
    for g, res in zip(pages, results):
        row = {"name": g.name, "template": g.template, "is_article": g.is_article, "got_article": res.is_article}
        if g.is_article:
            row["f1"] = round(body_scores([shingle_match(g.text, res.text)])[2], 4)
            row["title_ok"] = _same_text(g.title, res.title)
            row["date_ok"] = _same_date(g.published, res.published)
        rows.append(row)
    return rows


def evaluate(gold_dir: str | Path | None = None, baseline: bool = True) -> dict:
    """Both tools on the same gold pages in one run: ``{"ours": {...}, "trafilatura": {...}}``."""
    pages = load_gold(gold_dir)
    run_ours(pages[:WARM_UP_PAGES])  # first calls pay for imports and caches: not timed
    ours, t_ours = run_ours(pages)
    result = {"ours": _score(pages, ours, t_ours)}
    if baseline:
        run_trafilatura(pages[:WARM_UP_PAGES])
        theirs, t_theirs = run_trafilatura(pages)
        result["trafilatura"] = _score(pages, theirs, t_theirs)
    result["gold"] = {"pages": len(pages), "articles": sum(p.is_article for p in pages),
                      "templates": len({p.template for p in pages})}
    result["_pages"] = page_report(pages, ours)
    return result


def format_table(result: dict) -> str:
    """The side-by-side table printed by ``vnnews eval extract``."""
    gold = result["gold"]
    lines = [f"Gold set: {gold['pages']} pages ({gold['articles']} articles, {gold['templates']} templates)",
             "",
             f"{'extractor':<12} {'body P':>7} {'body R':>7} {'body F1':>8} {'title':>6} {'date':>6} "
             f"{'false art.':>10} {'pages/s':>8}   {'(day':>5} {'category)':>9}"]
    for name in ("ours", "trafilatura"):
        if name not in result:
            continue
        s = result[name]
        lines.append(f"{name:<12} {s['body_p']:>7.3f} {s['body_r']:>7.3f} {s['body_f1']:>8.3f} "
                     f"{s['title_acc']:>6.3f} {s['date_acc']:>6.3f} {s['false_articles']:>10d} {s['pages_per_s']:>8.1f}"
                     f"   {s['date_day_acc']:>5.3f} {s['category_acc']:>9.3f}")
    weak = [row for row in result.get("_pages", [])
            if (row["is_article"] and (row.get("f1", 1) < 0.95 or not row["title_ok"] or not row["date_ok"]))
            or row["is_article"] != row["got_article"]]
    if weak:
        lines += ["", "Our weakest pages:"]
        for row in weak[:10]:
            lines.append(f"  {row['name']}: " + ", ".join(f"{k}={v}" for k, v in row.items() if k != "name"))
    return "\n".join(lines)


def evaluate_cli(gold_dir: str | None = None, as_json: bool = False, baseline: bool = True) -> str:
    result = evaluate(gold_dir, baseline=baseline)
    if as_json:
        return json.dumps({k: v for k, v in result.items() if k in ("ours", "trafilatura")}, ensure_ascii=False)
    return format_table(result)
