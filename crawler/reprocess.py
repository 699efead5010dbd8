"""`vnnews process`: bring the archive up to date with the current extractor and analyzer.

Incremental: only page versions whose extraction is not current (new, changed, or read by an
older extractor version or other hints; pages.extracted_with) are extracted, and only articles
whose analysis is not current (new or changed text, or an older analyzer; articles.analyzed_with)
are analysed. ``force`` (`--all`) redoes everything. A run over an unchanged archive does no
extraction or analysis work.

Parallel: ``workers`` processes extract and analyse; this process is the one writer, and
stores the results in the order the rows were read, so the outcome (which of two identical
texts is the article, which its duplicate) does not depend on the number of workers.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor

from crawler.archive.store import open_store
from crawler.extract import learn_boilerplate
from crawler.ingest import decode_page, extract_page, extraction_key, save_extraction, source_hints
from crawler.progress import Progress

__all__ = ["process", "ANALYZED_FIELDS", "BOILERPLATE_SAMPLE"]

# The article fields the NLP stage reads; mention spans are offsets into one of them.
ANALYZED_FIELDS = ("title", "lead", "body")
# Pages per source read to learn what the site repeats on every page: enough for a share of
# "most pages" to mean something, few enough to cost a second on a big source.
BOILERPLATE_SAMPLE = 60
# Tasks handed to the pool ahead of the writer, per worker: enough to keep every worker busy,
# few enough that memory stays flat however big the archive is.
IN_FLIGHT_PER_WORKER = 8


def process(db_path: str, extract: bool = True, analyze: bool = True, force: bool = False,
            workers: int | None = None, progress: bool = False) -> dict:
    """Re-extract and re-analyse what is not current; return counts of the work done."""
    workers = max(1, workers or os.cpu_count() or 1)
    counts = {"pages": 0, "articles": 0, "mentions": 0, "workers": workers}
    if not force and _up_to_date(db_path, extract, analyze):
        return counts  # planned on a read-only connection: the file was not touched
    store = open_store(db_path, create=False)
    store.ensure_schema()
    try:
        with _pool(workers) as pool:
            if extract:
                counts["pages"] = _extract_stale(store, pool, workers, force, progress)
            if analyze:
                counts["articles"], counts["mentions"] = _analyze_stale(
                    store, pool, workers, force, progress)
        # refresh the canonical tables' counters when anything changed
        if counts["pages"] or counts["articles"]:
            store.recount_entities()
    finally:
        store.close()
    return counts


def _current_keys(store, relearn: bool) -> tuple[dict, dict]:
    """Per source: the extractor hints (sources.toml + learned boilerplate) and the
    extraction key they give."""
    hints = {name: source_hints(config.get("hints"), _profile(store, name, relearn))
             for name, config in store.source_configs().items()}
    return hints, {name: extraction_key(h) for name, h in hints.items()}


def _up_to_date(db_path: str, extract: bool, analyze: bool) -> bool:
    """True when nothing needs extracting or analysing, found out without writing."""
    from nlp import ANALYZER_VERSION

    with open_store(db_path, readonly=True) as store:
        if not store.schema_current():
            return False
        if extract:
            configs = store.source_configs()
            if any(store.source_profile(name) is None for name in configs):
                return False  # a boilerplate profile to learn
            _, current = _current_keys(store, relearn=False)
            if store.pages_to_extract(current, extraction_key(None))[0]:
                return False
        return not (analyze and store.articles_to_analyze(ANALYZER_VERSION)[0])


def _extract_stale(store, pool, workers: int, force: bool, progress: bool) -> int:
    # 1. per source: its sources.toml hints plus the texts its pages repeat (site chrome),
    #    learned once and kept (source_profiles); --all learns them again
    hints, current = _current_keys(store, relearn=force)
    # 2. every page version whose extraction is not current, through the extractor
    total, pages = store.pages_to_extract(None if force else current, extraction_key(None))
    report = Progress(total=total, unit="pages", label="extract") if progress else None
    tasks = ((_extract_task, (stored.page, hints.get(stored.page.source)), stored)
             for stored in pages)
    for stored, (page, article) in _ordered(pool, workers, tasks):
        save_extraction(store, stored.page_id, page, article,
                        current.get(page.source, extraction_key(None)))
        if report:
            report.advance()
    if report:
        report.close()
    return total


def _analyze_stale(store, pool, workers: int, force: bool, progress: bool) -> tuple[int, int]:
    from nlp import ANALYZER_VERSION

    # 3. every article whose analysis is not current: title, lead and body through the NLP stage
    districts = {name: config.get("district") for name, config in store.source_configs().items()}
    total, articles = store.articles_to_analyze(None if force else ANALYZER_VERSION)
    report = Progress(total=total, unit="articles", label="analyze") if progress else None
    mentions = 0
    tasks = ((_analyze_task, ({f: getattr(a, f) or "" for f in ANALYZED_FIELDS}, a.published),
              (article_id, a)) for article_id, a in articles)
    for (article_id, article), analyses in _ordered(pool, workers, tasks):
        mentions += store.save_analysis(article_id, analyses, article.published,
                                        districts.get(article.notes.get("source")),
                                        analyzed_with=ANALYZER_VERSION)
        if report:
            report.advance()
    if report:
        report.close()
    return total, mentions


def _profile(store, source: str, relearn: bool) -> list[str]:
    """The boilerplate texts of ``source``: learned from a sample of its stored pages on the
    first run (or with --all), then kept, so later runs extract with the same hints."""
    learned = None if relearn else store.source_profile(source)
    if learned is None:
        sample = store.page_sample(source, limit=BOILERPLATE_SAMPLE)
        learned = sorted(learn_boilerplate(decode_page(page) for page in sample))
        store.save_source_profile(source, learned, len(sample))
    return learned


# ---- the work done in worker processes ----------------------------------------------------

def _extract_task(page, hints):
    article = extract_page(page, hints)
    return page, article  # the page comes back with its detected encoding


def _analyze_task(fields: dict, published: str | None) -> dict:
    from nlp import analyze  # loaded once per worker, on first use

    return {name: analyze(text, published) for name, text in fields.items()}


class _Inline(Executor):
    """One worker: run tasks in this process (no pool to start, no pickling)."""

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future: Future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def _pool(workers: int) -> Executor:
    if workers == 1:
        return _Inline()
    return ProcessPoolExecutor(max_workers=workers,
                               mp_context=multiprocessing.get_context("spawn"))


def _ordered(pool: Executor, workers: int, tasks):
    """Run ``(fn, args, tag)`` tasks on the pool, a bounded number ahead; yield
    ``(tag, result)`` in the order the tasks came."""
    window: deque = deque()
    limit = workers * IN_FLIGHT_PER_WORKER
    for fn, args, tag in tasks:
        window.append((tag, pool.submit(fn, *args)))
        if len(window) >= limit:
            tag, future = window.popleft()
            yield tag, future.result()
    while window:
        tag, future = window.popleft()
        yield tag, future.result()
