"""Helpers for the crawl tests: a sources file for a fixture site, `vnnews crawl` as a
subprocess with test-sized timeouts, and read-only looks into the resulting database."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VNNEWS = [sys.executable, str(ROOT / "pipeline.py")]

# Test-sized politeness: no delay, short timeout, short backoff; the fault site's /huge
# (3 MB) is over this DOWNLOAD_MAXSIZE.
FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "false", "DOWNLOAD_TIMEOUT": "1.5",
        "DOWNLOAD_MAXSIZE": "1000000", "RETRY_BACKOFF_BASE": "0.1"}


def write_sources(path: Path, name: str, base_url: str, **extra) -> Path:
    lines = ["[[source]]", f'name = "{name}"', 'kind = "portal"', f'base_url = "{base_url}"',
             "delay = 0"]
    lines += [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in extra.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def crawl_args(sources: Path, db: Path, *extra: str, settings: dict | None = None) -> list[str]:
    args = [*VNNEWS, "crawl", "--sources", str(sources), "--db", str(db), "--no-progress"]
    for name, value in {**FAST, **(settings or {})}.items():
        args += ["--set", f"{name}={value}"]
    return args + list(extra)


def run_crawl(sources: Path, db: Path, *extra: str, settings: dict | None = None,
              timeout: int = 120) -> subprocess.CompletedProcess:
    done = subprocess.run(crawl_args(sources, db, *extra, settings=settings),
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done


def query(db: Path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def path_of(url: str) -> str:
    """'/portal/x?y' of 'http://127.0.0.1:PORT/portal/x?y'."""
    return "/" + url.split("/", 3)[3]
