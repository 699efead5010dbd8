"""Shared fixtures. Crawls run `vnnews` in a subprocess, as a user would, since Twisted's
reactor cannot be restarted inside one test process."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNNEWS = [sys.executable, str(ROOT / "pipeline.py")]
# The demo portal's data, wherever pytest is started from.
os.environ.setdefault("VNNEWS_DEMO_DIR", str(ROOT / "data" / "demo"))


def run_vnnews(*args: str, env: dict | None = None, timeout: int = 300,
               cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the CLI as a user would; returns the finished process (text output)."""
    return subprocess.run([*VNNEWS, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})}, cwd=cwd)


@pytest.fixture
def vnnews():
    return run_vnnews


@pytest.fixture(scope="session")
def site_db(tmp_path_factory):
    """The demo archive built as `make demo` builds it (crawled and processed), not served;
    shared by the site's tests, which only read it."""
    db = tmp_path_factory.mktemp("site") / "news.db"
    done = run_vnnews("demo", "--no-serve", "--db", str(db))
    assert done.returncode == 0, done.stderr
    return db
