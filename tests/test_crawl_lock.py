"""Issue 12, items 4 and 9: one crawl per database (a second one gets one line naming the
running crawl; a killed crawl's lock does not block), and a killed crawl never leaves its
storage worker behind, even when it dies while the worker is still starting."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sites.crawling import ROOT, crawl_args, query, run_crawl, write_sources
from sites.pagedsite import PagedSite, serve

HANG_GUARD = 300  # seconds: only against a hang, far above any expected wait


def _alive(pid: int) -> bool:
    """Running, and not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def _wait_until(condition, what: str) -> None:
    guard = time.monotonic() + HANG_GUARD
    while not condition():
        assert time.monotonic() < guard, f"still waiting for {what}"
        time.sleep(0.05)


def _lock_holder(db: Path) -> str:
    path = Path(f"{db}-crawl.lock")
    return path.read_text() if path.exists() else ""


def test_second_crawl_of_a_database_is_refused_and_a_killed_ones_lock_is_not(tmp_path):
    with serve(PagedSite(articles=20, latency=0)) as (base, site):
        sources = write_sources(tmp_path / "sources.toml", "paged", base)
        db = tmp_path / "news.db"
        site.hold(after=5)  # the first crawl stays running until released
        first = subprocess.Popen(crawl_args(sources, db, settings={"DOWNLOAD_TIMEOUT": "600"}),
                                 cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _wait_until(lambda: f'"pid": {first.pid}' in _lock_holder(db), "the first crawl")
        second = subprocess.run(crawl_args(sources, db), cwd=ROOT, capture_output=True,
                                text=True, timeout=HANG_GUARD)
        assert second.returncode == 1
        [line] = second.stderr.splitlines()
        assert line.startswith(f"Error: {db} is being crawled by another vnnews crawl "
                               f"(crawl 1, pid {first.pid}, started 20")
        assert line.endswith("wait for it to finish, or stop it, then run this command again")
        assert query(db, "select count(*) from crawls") == [(1,)]  # nothing started
        # killed: the kernel dropped its lock; the next crawl resumes it
        first.kill()
        first.communicate(timeout=HANG_GUARD)
        site.release()
        resumed = run_crawl(sources, db)
        assert "Resumed crawl 1." in resumed.stdout
        assert "paged: fetched 23, articles 20" in resumed.stdout


_KILL_WHILE_WORKER_STARTS = """
import os, signal, sys
sys.path.insert(0, {root!r})
from crawler.pipelines import StorePipeline
pipeline = StorePipeline({db!r}, None)
pipeline.open_spider(None)
pipeline.executor.submit(os.getpid)  # starts the worker process
print(" ".join(str(pid) for pid in pipeline.executor._processes), flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # long before the worker has imported anything
"""


def test_a_crawl_killed_while_its_worker_starts_leaves_no_worker(tmp_path):
    leftovers = []
    for attempt in range(3):
        script = _KILL_WHILE_WORKER_STARTS.format(root=str(ROOT), db=str(tmp_path / "n.db"))
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              timeout=HANG_GUARD)
        assert done.returncode == -signal.SIGKILL, done.stderr
        workers = [int(pid) for pid in done.stdout.split()]
        assert workers
        leftovers += workers
    started = time.monotonic()
    _wait_until(lambda: not any(_alive(pid) for pid in leftovers), "the orphaned workers")
    print(f"3 orphaned storage workers gone {time.monotonic() - started:.1f} s after the "
          "kills")
    assert os.getpid()  # (the workers were never this process's children)
