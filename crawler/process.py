"""The processing orchestrator: raw page → Article → Analysis → database.

`vnnews crawl` calls extract_page() on each fetched page; `vnnews process` re-runs both
stages over what is stored, so a better extractor or analyzer needs no re-crawl.
"""
from __future__ import annotations

from crawler.extract import extract, learn_boilerplate
from crawler.extract.decode import decode_html, is_html
from crawler.legacy_encodings import fix_legacy
from crawler.records import Article, Page
from crawler.store import open_store
from crawler.urls import page_canonical

__all__ = ["extract_page", "process", "ANALYZED_FIELDS"]

# The article fields the NLP stage reads; mention spans are offsets into one of them.
ANALYZED_FIELDS = ("title", "lead", "body")
# Pages per source read to learn what the site repeats on every page: enough for a share of
# "most pages" to mean something, few enough to cost a second on a big source.
BOILERPLATE_SAMPLE = 60


def extract_page(page: Page, hints: dict | None = None) -> Article:
    """Decode the page (recording the encoding on it) and extract its article."""
    if page.status != 200 or not page.body:
        return Article(url=page.final_url, is_article=False,
                       reason=f"HTTP {page.status}" if page.status != 200 else "empty body")
    content_type = page.headers.get("Content-Type") or page.headers.get("content-type")
    if not is_html(page.body, content_type):
        return Article(url=page.final_url, is_article=False, reason=f"not HTML: {content_type}")
    sniffed = content_type is not None and "html" not in content_type.lower()
    text, encoding = decode_html(page.body, content_type)
    text, legacy = fix_legacy(text, page.body, encoding)  # TCVN3 / VNI font encodings
    page.encoding = legacy or encoding
    article = extract(text, page.final_url, hints or None)
    if sniffed:  # served as octet-stream / text/x-...: say so, the body was HTML
        article.notes["served_as"] = content_type
    return article


def process(db_path: str, reextract: bool = True, analyze: bool = True,
            progress=None) -> dict:
    """Re-extract every stored page (newest version of each URL), then analyze every
    article. Returns counts."""
    store = open_store(db_path, create=False)
    store.ensure_schema()
    counts = {"pages": 0, "articles": 0, "mentions": 0}
    if reextract:
        # 1. per source: its sources.toml hints plus the texts its pages repeat (site chrome)
        hints = {name: source_hints(store, name, config)
                 for name, config in store.source_configs().items()}
        # 2. every stored page through the extractor again
        for row in store.iter_pages():
            page = Page(url=row["url"], final_url=row["final_url"] or row["url"],
                        status=row["status"], headers=row["headers"], body=row["body"],
                        fetched_at=row["fetched_at"], source=row["source"] or "",
                        encoding=row["encoding"], capture_time=row["capture_time"])
            article = extract_page(page, hints.get(page.source))
            # The crawl's canonical URL rules (crawler.pipelines does the same), so a page
            # keeps its key and its article its row.
            article.canonical_url = page_canonical(article.canonical_url, page.final_url)
            store.save_reextracted(row, article)
            counts["pages"] += 1
    if analyze:
        # 3. every article's title, lead and body through the NLP stage
        from nlp import analyze as analyze_text  # loaded once, only when needed

        districts = {name: config.get("district")
                     for name, config in store.source_configs().items()}
        for row in store.articles():
            analyses = {f: analyze_text(row[f] or "", row["published"]) for f in ANALYZED_FIELDS}
            counts["mentions"] += store.save_analysis(row["id"], analyses, row["published"],
                                                      districts.get(row["source"]))
            counts["articles"] += 1
            if progress:
                progress(counts)
        # 4. citation and mention counters of the canonical tables
        store.recount_entities()
    return counts


def source_hints(store, source: str, config: dict) -> dict:
    """Extractor hints for one source: those of sources.toml, plus the block texts found on
    most of a sample of its stored pages (menus, widget titles, footers), which never belong
    to an article."""
    hints = dict(config.get("hints") or {})
    repeated = learn_boilerplate(store.page_bodies(source, limit=BOILERPLATE_SAMPLE))
    if repeated:
        given = hints.get("boilerplate") or []
        hints["boilerplate"] = sorted(set([given] if isinstance(given, str) else given) |
                                      repeated)
    return hints
