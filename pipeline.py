"""vnnews command line: each command parses its arguments, calls one library function,
prints the result and turns library errors into one clear line and an exit code."""
from __future__ import annotations

import argparse
import io
import os
import sys

from crawler.errors import VnnewsError
from nlp.errors import NlpError

DEFAULT_DB = "data/news.db"
DEFAULT_SOURCES = "data/sources.toml"


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return value


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB, metavar="PATH",
                        help=f"SQLite database (default: {DEFAULT_DB})")


def cmd_crawl(args) -> int:
    from crawler.crawl import crawl, parse_overrides
    from crawler.pipelines import summary_lines

    if args.explain:
        from crawler.crawl import explain_url

        for line in explain_url(args.sources, args.explain, only=args.source or None):
            print(line)
        return 0
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    summary = crawl(args.sources, args.db, only=args.source or None, verbose=args.verbose,
                    warn=lambda line: print(line, file=sys.stderr), jobdir=args.jobdir,
                    fresh=args.fresh, redis_url=args.redis, redis_run=args.redis_run,
                    progress=progress, contact=args.contact,
                    overrides={**parse_overrides(args.set),
                               **({"VNNEWS_WARC_DIR": args.warc} if args.warc else {})})
    if summary.get("resumed"):
        print(f"Resumed crawl {summary['crawl_id']}.")
    for line in summary_lines(summary):
        print(line)
    if summary.get("finish_reason") not in (None, "finished"):
        print(f"Interrupted: crawl {summary['crawl_id']} stopped ({summary['finish_reason']}); "
              "run the same command again to resume it.", file=sys.stderr)
        return 130
    return 0


def cmd_process(args) -> int:
    from crawler.reprocess import process

    counts = process(args.db, extract=not args.no_extract, force=args.all,
                     workers=args.workers, progress=sys.stderr.isatty() or args.progress)
    print(f"Re-extracted {counts['pages']} pages; analyzed {counts['articles']} articles, "
          f"{counts['mentions']} mentions ({counts['workers']} workers)")
    return 0


def cmd_serve(args) -> int:
    from crawler.site.serve import serve

    serve(args.db, host=args.host, port=args.port, immutable=args.immutable)
    return 0


def cmd_search(args) -> int:
    import json

    from crawler.archive.store import MARK_CLOSE, MARK_OPEN, open_reader

    result = open_reader(args.db).search(args.query, page=args.page, size=args.size)
    plain = lambda text: (text or "").replace(MARK_OPEN, "[").replace(MARK_CLOSE, "]")
    for row in result["results"]:
        row["excerpt"], row["title_marked"] = plain(row["excerpt"]), plain(row["title_marked"])
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    if result["message"]:
        print(result["message"], file=sys.stderr)
    if result["total"]:
        print(f"{result['total']} articles; page {result['page']}")
    for row in result["results"]:
        print(f"{row['rank']}. [{row['article_id']}] {row['title']} ({row['published'] or '?'}, "
              f"{row['source']})\n   {row['excerpt']}")
    return 0


def cmd_stats(args) -> int:
    import json

    from crawler.archive.store import open_reader

    summary = open_reader(args.db).summary()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    t = summary["totals"]
    print(f"{t['articles']} articles, {t['pages']} pages, {t['mentions']} mentions; published "
          f"{summary['first'] or '?'} to {summary['last'] or '?'}")
    print("entities: " + ", ".join(f"{t[k]} {k}" for k in ("documents", "people",
                                                            "organizations", "places")))
    print("mentions: " + ", ".join(f"{n} {kind}" for kind, n in
                                   sorted(summary["mentions_by_type"].items())))
    print(f"crawls {t['crawls']}, failures {t['failures']}")
    for s in summary["sources"]:
        print(f"  {s['name']}: {s['articles']} articles, {s['first'] or '?'} to {s['last'] or '?'}")
    return 0


def cmd_export(args) -> int:
    from crawler.site.export import export_table

    warn = lambda line: print(f"Note: {line}", file=sys.stderr)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            count = export_table(args.db, args.table, args.format, out, warn)
        print(f"Wrote {count} rows of {args.table} to {args.output}", file=sys.stderr)
    else:
        try:
            export_table(args.db, args.table, args.format, sys.stdout, warn)
        except BrokenPipeError:  # `vnnews export | head`: the reader had enough
            sys.stdout = None
    return 0


def cmd_reindex(args) -> int:
    from crawler.archive.store import open_store

    count = open_store(args.db, create=True).rebuild_search_index()
    print(f"Rebuilt the search indexes: {count} articles")
    return 0


def _register_site(sub) -> None:
    se = sub.add_parser(
        "search", help="search the articles as the site does (ranked, with excerpts)",
        description="Words or a \"quoted phrase\", with or without diacritics; document "
                    "numbers as typed. Example: vnnews search \"toan dan doan ket\" --db "
                    "data/news.db")
    se.add_argument("query", help="the search, e.g. \"155/KH-UBND\" or \"van hoa\"")
    se.add_argument("--json", action="store_true", help="print the result page as JSON")
    se.add_argument("--page", type=int, default=1, help="result page (default 1)")
    se.add_argument("--size", type=int, default=20, help="results per page (default 20)")
    _add_db(se)
    se.set_defaults(func=cmd_search)
    st = sub.add_parser("stats", help="what the archive holds: counts, sources, date range",
                        description="Example: vnnews stats --db data/news.db")
    st.add_argument("--json", action="store_true", help="print the figures as JSON")
    _add_db(st)
    st.set_defaults(func=cmd_stats)
    ex = sub.add_parser(
        "export", help="write a table as CSV (with BOM, for Excel) or JSON lines",
        description="Example: vnnews export articles --format csv --output articles.csv "
                    "--db data/news.db")
    ex.add_argument("table", nargs="?", default="articles", help="table (default articles)")
    ex.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    ex.add_argument("--output", metavar="PATH", help="file to write (default: stdout)")
    _add_db(ex)
    ex.set_defaults(func=cmd_export)
    ri = sub.add_parser("reindex", help="rebuild the search indexes of a database",
                        description="Needed once for a database made by an older vnnews. "
                                    "Example: vnnews reindex --db data/news.db")
    _add_db(ri)
    ri.set_defaults(func=cmd_reindex)


def cmd_demo(args) -> int:
    from crawler.demo.job import run_demo

    run_demo(args.db, args.sources, serve_db=not args.no_serve, port=args.port)
    return 0


def cmd_import_warc(args) -> int:
    from crawler.archive.warc import import_warc, import_warc_source

    if args.sources:
        summary = import_warc_source(args.sources, args.db, args.source, args.files)
    elif args.files:
        summary = import_warc(args.files, args.db, source=args.source)
    else:
        raise VnnewsError("import-warc: give WARC files, or --sources PATH --source NAME for a "
                          "kind = \"warc\" entry")
    for path, counts in summary["files"].items():
        skipped = ", ".join(f"{n} {why}" for why, n in sorted(counts["skipped"].items()))
        print(f"{path}: pages {counts.get('fetched', 0)}, articles {counts.get('articles', 0)}, "
              f"new {counts.get('new', 0)}, changed {counts.get('changed', 0)}, unchanged "
              f"{counts.get('unchanged', 0)}" + (f"; skipped {skipped}" if skipped else ""))
    for line in summary.get("reasons", []):  # one line per reason, with example URLs
        print(f"  {line}")
    for line in summary["errors"]:
        print(f"Error: {line}", file=sys.stderr)
    return 1 if summary["errors"] else 0


def _register_warc(sub) -> None:
    imp = sub.add_parser(
        "import-warc", help="store the HTML pages of WARC files (wget, Heritrix, Browsertrix)",
        description="Read WARC files (gzip or not) made by any crawler and store their HTML "
                    "responses as pages and articles, with the capture time from WARC-Date. "
                    "Example: vnnews import-warc crawl.warc.gz --db data/news.db --source "
                    "hoangmai-warc; or the files of a kind = \"warc\" entry: vnnews "
                    "import-warc --sources data/sources.toml --source hoangmai-warc")
    imp.add_argument("files", nargs="*", metavar="FILE", help="WARC files (.warc or .warc.gz)")
    imp.add_argument("--source", default="warc", metavar="NAME",
                     help="source name recorded on the pages (default: warc)")
    imp.add_argument("--sources", metavar="PATH",
                     help="sources file whose kind = \"warc\" entry --source names the files "
                          "and extractor hints")
    _add_db(imp)
    imp.set_defaults(func=cmd_import_warc)


def _register_core(sub) -> None:
    crawl = sub.add_parser(
        "crawl", help="crawl the configured portals into the database",
        description="Crawl the enabled sources of a sources file. Example: "
                    "vnnews crawl --sources data/sources.toml --db data/news.db")
    crawl.add_argument("--sources", default=DEFAULT_SOURCES, metavar="PATH",
                       help=f"sources file (default: {DEFAULT_SOURCES})")
    crawl.add_argument("--source", action="append", metavar="NAME",
                       help="crawl only this source (repeatable; enabled or not)")
    crawl.add_argument("--verbose", action="store_true", help="show Scrapy's log")
    crawl.add_argument("--jobdir", metavar="DIR",
                       help="where a killed or stopped crawl is resumed from (default: "
                            "DB-job beside the database)")
    crawl.add_argument("--fresh", action="store_true",
                       help="start a new crawl even if the last one was interrupted")
    crawl.add_argument("--redis", metavar="URL",
                       help="distributed mode: share the request queue and dupefilter of "
                            "several crawler processes in Redis, e.g. redis://127.0.0.1:6379")
    crawl.add_argument("--redis-run", metavar="NAME",
                       help="name of the distributed crawl the process joins (default: "
                            "derived from the sources)")
    crawl.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                       help="live progress line on stderr (default: when stderr is a terminal)")
    crawl.add_argument("--contact", metavar="ADDRESS",
                       help="contact put in the User-Agent, e.g. mailto:you@example.org "
                            "(default: $VNNEWS_CONTACT)")
    crawl.add_argument("--set", action="append", metavar="NAME=VALUE",
                       help="override a Scrapy setting for this run, e.g. --set "
                            "DOWNLOAD_TIMEOUT=5 (repeatable)")
    crawl.add_argument("--explain", metavar="URL",
                       help="fetch nothing: say whether and why the crawl would follow URL "
                            "(with the rules of --source NAME, or of the source for its host)")
    crawl.add_argument("--warc", metavar="DIR",
                       help="also write every response to a gzip WARC file in DIR (one file "
                            "per crawl), e.g. --warc data/warc")
    _add_db(crawl)
    crawl.set_defaults(func=cmd_crawl)

    proc = sub.add_parser(
        "process", help="re-extract stored pages and run the NLP stage, incrementally",
        description="Extract the stored raw pages and analyze the articles that are new, "
                    "changed, or were last processed by an older extractor or analyzer; "
                    "--all redoes everything. Example: vnnews process --db data/news.db")
    proc.add_argument("--no-extract", action="store_true",
                      help="keep the stored extraction; only run the NLP stage")
    proc.add_argument("--all", action="store_true",
                      help="re-extract and re-analyze everything, current or not")
    proc.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                      help="worker processes (default: the number of cores)")
    proc.add_argument("--progress", action="store_true",
                      help="show progress (rate, ETA) even when stderr is not a terminal")
    _add_db(proc)
    proc.set_defaults(func=cmd_process)

    srv = sub.add_parser(
        "serve", help="serve the database in datasette on 127.0.0.1",
        description="Start datasette with vnnews metadata and search. Example: "
                    "vnnews serve --db data/news.db --port 8001")
    srv.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    srv.add_argument("--port", type=int, default=8001, help="port (default 8001; 0 = any)")
    srv.add_argument("--immutable", action="store_true",
                     help="the file will not change while served (no crawl writes it): "
                          "faster, and SQLite takes no locks")
    _add_db(srv)
    srv.set_defaults(func=cmd_serve)

    demo = sub.add_parser(
        "demo", help="serve the demo portal, crawl it, process it, serve datasette",
        description="The main job on the bundled demo portal. Example: "
                    "vnnews demo --db data/news.db --no-serve")
    demo.add_argument("--sources", default=DEFAULT_SOURCES, metavar="PATH",
                      help=f"sources file with the demo entries (default: {DEFAULT_SOURCES})")
    demo.add_argument("--no-serve", action="store_true", help="stop before serving datasette")
    demo.add_argument("--port", type=int, default=8001, help="datasette port (default 8001)")
    _add_db(demo)
    demo.set_defaults(func=cmd_demo)


def cmd_analyze(args) -> int:
    from nlp.jsonl import analyze_lines

    # Bytes that are not UTF-8 reach analyze_lines as lone surrogates: that line is reported,
    # the others are still read.
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="surrogateescape")
    bad = analyze_lines(stdin, sys.stdout, sys.stderr)
    return 1 if bad else 0


def cmd_eval_nlp(args) -> int:
    from nlp.evaluate import evaluate_cli

    print(evaluate_cli(args.gold, as_json=args.json, baseline=not args.no_baseline,
                       corpus=args.corpus))
    return 0


def _register_nlp(sub, eval_sub) -> None:
    an = sub.add_parser(
        "analyze", help="find dates, documents, people, organisations, places in JSON lines",
        description='Read {"id", "text", "published"?} per line on stdin, write {"id", '
                    '"mentions": [{"type", "text", "start", "end", "value", "attrs"}]} per line; '
                    "a malformed line is reported on stderr with its number and skipped. "
                    "Example: vnnews analyze < articles.jsonl > mentions.jsonl")
    an.set_defaults(func=cmd_analyze)
    ev = eval_sub.add_parser(
        "nlp", help="precision/recall/F1 of the NLP stage (and underthesea ner) on the gold set",
        description="Score analyze() and underthesea ner() on tests/data/nlp, or with --corpus "
                    "on the test split of the VLSP 2018 corpus (exact outermost PER/ORG/LOC). "
                    "Example: vnnews eval nlp --json")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--no-baseline", action="store_true", help="skip underthesea ner() (fast)")
    ev.add_argument("--gold", default=None, metavar="PATH", help="gold JSONL (default: bundled)")
    ev.add_argument("--corpus", default=None, metavar="PATH",
                    help="VLSP 2018 JSONL (../shared/corpora/vlsp2018-ner-train.jsonl): score "
                         "its test split instead of the gold set")
    ev.set_defaults(func=cmd_eval_nlp)


def cmd_extract(args) -> int:
    import json

    from crawler.extract.load import extract_targets

    failures = []

    def failed(target: str, message: str) -> None:  # reported at once, the rest goes on
        failures.append(target)
        print(f"Error: {message}", file=sys.stderr, flush=True)

    for item in extract_targets(args.targets, failed=failed):
        print(json.dumps(item, ensure_ascii=False, indent=None if args.jsonl else 2))
    return 1 if failures else 0


def cmd_eval_extract(args) -> int:
    from crawler.extract.evaluate import evaluate_cli

    print(evaluate_cli(args.gold, as_json=args.json, baseline=not args.no_baseline))
    return 0


def _register_extract(sub, eval_sub) -> None:
    ex = sub.add_parser(
        "extract", help="extract the article (title, date, lead, body, ...) of HTML pages",
        description="Print one JSON object per page (url, is_article, reason, title, published, "
                    "category, lead, body, author, source_line, captions, attachments). Example: "
                    "vnnews extract page.html https://example.gov.vn/tin-1.htm --jsonl")
    ex.add_argument("targets", nargs="+", metavar="PATH_OR_URL", help="HTML file or http(s) URL")
    ex.add_argument("--jsonl", action="store_true", help="one compact JSON object per line")
    ex.set_defaults(func=cmd_extract)
    ev = eval_sub.add_parser(
        "extract", help="body P/R/F1, title/date accuracy, speed: ours vs trafilatura",
        description="Score extract() and trafilatura on tests/data/extraction in one run. Example: "
                    "vnnews eval extract --json")
    ev.add_argument("--json", action="store_true", help='print {"ours": {...}, "trafilatura": {...}}')
    ev.add_argument("--no-baseline", action="store_true", help="skip trafilatura (fast)")
    ev.add_argument("--gold", default=None, metavar="DIR", help="gold directory (default: bundled)")
    ev.set_defaults(func=cmd_eval_extract)


def cmd_demo_portal(args) -> int:
    from crawler.demo.portal import DemoPortal

    portal = DemoPortal(port=args.port)
    url = portal.start()
    print(f"Demo portal at {url}/ (hoangmai, binhthanh, longbien); Ctrl-C to stop", flush=True)
    try:
        portal.wait()
    finally:
        portal.stop()
    return 0


def _register_demo_portal(sub) -> None:
    dp = sub.add_parser(
        "demo-portal", help="serve the bundled demo portal (three district sites) until Ctrl-C",
        description="Serve data/demo/site over HTTP on 127.0.0.1 and print its URL. Example: "
                    "vnnews demo-portal --port 8000")
    dp.add_argument("--port", type=int, default=0, help="port (default 0 = any free port)")
    dp.set_defaults(func=cmd_demo_portal)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnnews",
        description="Vietnamese local-government news portals → searchable archive.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    # Each command registers itself here: add_parser(...) then set_defaults(func=cmd_x).
    _register_core(sub)
    _register_warc(sub)
    _register_site(sub)
    _register_demo_portal(sub)
    # `vnnews eval WHAT` groups the evaluation gates (eval extract, eval nlp).
    evaluate = sub.add_parser("eval", help="measure a stage on its gold set against a baseline")
    eval_sub = evaluate.add_subparsers(dest="what", required=True, metavar="WHAT")
    _ = eval_sub
    _register_nlp(sub, eval_sub)
    _register_extract(sub, eval_sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args) or 0
    except (VnnewsError, NlpError) as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped reading (`vnnews extract f | head -1`): stop quietly, as cat does.
        # stdout goes to /dev/null so the interpreter's last flush finds no broken pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, the shell's status for a command stopped by a closed pipe


if __name__ == "__main__":
    sys.exit(main())
