"""`vnnews demo`: the main job on the bundled demo portal, start to finish.

1. serve the demo portal (data/demo/site) on 127.0.0.1, on a free port
2. crawl the demo sources of data/sources.toml into the database
3. process: re-extract and analyze the stored articles
4. serve the database in datasette (unless serve=False)
"""
from __future__ import annotations

import os

from crawler.crawl import crawl
from crawler.demo import DemoPortal
from crawler.process import process
from crawler.site.serve import serve

__all__ = ["run_demo", "DEMO_SOURCES"]

DEMO_SOURCES = ["demo-hoangmai", "demo-binhthanh", "demo-longbien"]


def run_demo(db_path: str, sources_path: str, serve_db: bool = True, port: int = 8001,
             say=print) -> dict:
    portal = DemoPortal()
    base_url = portal.start()
    try:
        say(f"Demo portal at {base_url}/")
        os.environ["VNNEWS_DEMO_URL"] = base_url
        summary = crawl(sources_path, db_path, only=DEMO_SOURCES, warn=say)
        total = summary["total"]
        say(f"Crawled {total.get('fetched', 0)} pages, {total.get('articles', 0)} articles, "
            f"{total.get('failed', 0)} failures into {db_path}")
    finally:
        portal.stop()
    counts = process(db_path, reextract=False)
    say(f"Analyzed {counts['articles']} articles: {counts['mentions']} mentions")
    if serve_db:
        serve(db_path, port=port, announce=say)
    return summary
