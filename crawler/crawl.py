"""`vnnews crawl`: run the portal spider over the configured sources into the database."""
from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import warnings
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import ScrapyDeprecationWarning
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings

from crawler.errors import ConfigError, VnnewsError
from crawler.middlewares import RedisRun
from crawler.sources import Source, load_sources
from crawler.spiders.portal import PortalSpider
from crawler.spiders.wayback import WaybackSpider
from crawler.archive.store import open_store

__all__ = ["crawl", "crawl_settings", "redis_settings", "parse_overrides", "CrawlLock",
           "explain_url"]

# Distributed mode: seconds a crawler process waits with nothing to do before it closes (the
# other processes may still be adding requests to the shared queue).
REDIS_IDLE_CLOSE = 10.0


def crawl_settings(db_path: str, crawl_id: int, sources: list[Source],
                   verbose: bool = False) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("VNNEWS_DB", db_path)
    settings.set("VNNEWS_CRAWL_ID", crawl_id)
    # A source's own delay and concurrency apply to its hosts (Scrapy download slots are per
    # host); the polite defaults (settings.py) to every other.
    slots = {}
    for source in sources:
        slot = {}
        if source.delay is not None:
            slot["delay"] = float(source.delay)
        if source.concurrency is not None:
            slot["concurrency"] = source.concurrency
        if slot:
            for host in source.fetch_hosts:
                port = {urlsplit(u).port for u in [source.base_url, *source.start_urls] if u}
                for p in port:
                    slots[f"{host}:{p}" if p else host] = dict(slot)
                slots[host] = dict(slot)
    settings.set("DOWNLOAD_SLOTS", slots)
    # Room for every source's slots at once.
    wanted = sum(s.concurrency or settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
                 for s in sources)
    if wanted > settings.getint("CONCURRENT_REQUESTS"):
        settings.set("CONCURRENT_REQUESTS", wanted, priority="project")
    unthrottled = {h for s in sources if s.delay == 0 for h in s.fetch_hosts}
    settings.set("VNNEWS_UNTHROTTLED_HOSTS", sorted(unthrottled))
    settings.set("DOWNLOADER_MIDDLEWARES", {**settings.getdict("DOWNLOADER_MIDDLEWARES"),
                                            "crawler.throttle.UnthrottledHostsMiddleware": 50})
    # `crawl --warc DIR` (VNNEWS_WARC_DIR): every response also goes to a WARC file.
    settings.set("EXTENSIONS", {**settings.getdict("EXTENSIONS"),
                                "crawler.archive.warc.WarcRecorder": 100})
    if verbose:
        settings.set("LOG_LEVEL", "INFO")
    return settings


def redis_settings(settings: Settings, redis_url: str, run: str) -> None:
    """Distributed mode through scrapy-redis 0.9.1: one request queue and one dupefilter in
    Redis, shared by every crawler process of run ``run``.

    scrapy-redis' RedisSpider start path (start_requests) is never called by Scrapy 2.13+,
    so our own spider yields its start URLs into the shared queue (the first process seeds
    it; the others' are filtered as duplicates). Its scheduler deletes the queue when a
    process closes unless SCHEDULER_PERSIST, so the keys are persisted and the last process
    of the run deletes them (see crawler.middlewares.RedisRun). Processes close after
    REDIS_IDLE_CLOSE idle seconds, like scrapy-redis' MAX_IDLE_TIME_BEFORE_CLOSE, through our spider_idle handler.
    """
    settings.set("SCHEDULER", "scrapy_redis.scheduler.Scheduler", priority="cmdline")
    settings.set("DUPEFILTER_CLASS", "crawler.middlewares.RedisDupeFilter", priority="cmdline")
    settings.set("SCHEDULER_PERSIST", True, priority="cmdline")
    settings.set("SCHEDULER_QUEUE_KEY", f"vnnews:{run}:requests", priority="cmdline")
    settings.set("SCHEDULER_DUPEFILTER_KEY", f"vnnews:{run}:dupefilter", priority="cmdline")
    settings.set("REDIS_URL", redis_url, priority="cmdline")
    if settings.getfloat("VNNEWS_IDLE_CLOSE") <= 0:
        settings.set("VNNEWS_IDLE_CLOSE", REDIS_IDLE_CLOSE, priority="cmdline")
    # A process takes requests from the shared queue as long as it has room for them
    # (CONCURRENT_REQUESTS), then waits on its per-host slots: with the default 16 one
    # process would hold a small portal's whole queue. Take only what the hosts' slots can
    # download now (--set CONCURRENT_REQUESTS=N still wins).
    hosts = max(1, settings.getint("VNNEWS_HOSTS", 1))
    settings.set("CONCURRENT_REQUESTS",
                 settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") * hosts, priority="project")
    # scrapy-redis 0.9.1 passes spider= to StatsCollector.inc_value, deprecated in Scrapy 2.19.
    warnings.filterwarnings("ignore", category=ScrapyDeprecationWarning, module="scrapy_redis")


def parse_overrides(pairs: list[str] | None) -> dict:
    """NAME=VALUE pairs (from --set) → settings; values are JSON when they parse as JSON."""
    found = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ConfigError(f"--set {pair}: expected NAME=VALUE, e.g. --set DOWNLOAD_TIMEOUT=5")
        try:
            found[name.strip()] = json.loads(value)
        except ValueError:
            found[name.strip()] = value
    return found


def explain_url(sources_path: str, url: str, only: list[str] | None = None) -> list[str]:
    """`vnnews crawl --explain URL`: one line per source covering the URL's host (or per
    source named in ``only``) saying whether the crawler would follow it, and why."""
    from crawler.discover import explain

    sources = load_sources(sources_path, only=only, warn=lambda _line: None)
    host = urlsplit(url).hostname
    chosen = sources if only else [s for s in sources if host in s.hosts]
    if not chosen:
        raise ConfigError(f"{sources_path}: no enabled source crawls host {host!r}; pass "
                          "--source NAME to judge the URL with that source's rules")
    return [f"{s.name}: {explain(url, s)}" for s in chosen]


def _job_state(jobdir: Path) -> dict:
    try:
        return json.loads((jobdir / "state.json").read_text())
    except (OSError, ValueError):
        return {}


def _start_or_resume(store, portals: list[Source], db_path: str, jobdir: Path,
                     fresh: bool) -> tuple[int, bool]:
    """The crawl id to run and whether it resumes a killed or stopped crawl.

    Resuming is driven by the database, not by Scrapy's JOBDIR queue: Scrapy writes its
    disk queue's index only on a clean close and buffers its seen-list, so after SIGKILL
    its queue is lost while requests it had seen are filtered, and pages are missed. The
    database commits each page, so the resumed crawl starts again from the start URLs,
    replays the pages this crawl already stored (no network, links followed) and fetches
    the rest (crawler.middlewares.StoredPagesMiddleware). It is also faster: Scrapy's
    disk queue pickles every request (about 15 % of bench/bench_crawl.py's time)."""
    names = [s.name for s in portals]
    state = _job_state(jobdir)
    row = None
    if state and not fresh and state.get("sources") == names:
        try:
            row = store.crawl(state["crawl_id"])
        except Exception:  # the database was replaced: start over
            row = None
    if row is not None:
        return row["id"], True
    return store.start_crawl(names), False


def _write_state(jobdir: Path, state: dict) -> None:
    jobdir.mkdir(parents=True, exist_ok=True)
    tmp = jobdir / "state.json.tmp"
    tmp.write_text(json.dumps(state))
    tmp.replace(jobdir / "state.json")


def _unreachable(summary: dict, sources: list[Source], store) -> list[str]:
    """Sources that gave no page at all, with the first failure's reason."""
    problems = []
    for source in sources:
        counts = summary.get("sources", {}).get(source.name, {})
        if counts.get("fetched", 0) == 0:
            last = store.last_failure(source.name)
            reason = f"{last[0]}: {last[1]}" if last else "no page could be fetched"
            problems.append(f"source '{source.name}' unreachable ({reason})")
    return problems


class CrawlLock:
    """One crawl per database at a time: an flock on ``DB-crawl.lock``, holding who took it.

    The kernel drops the lock when its process dies, however it dies, so a crawl that was
    killed never blocks the next one (which then resumes it). The processes of a distributed
    crawl (``--redis``) share the database on purpose: they take the lock shared, which still
    keeps a local crawl out while they run, and them out while it runs."""

    def __init__(self, db_path: str, shared: bool = False):
        self.path = Path(f"{db_path}-crawl.lock")
        self.db_path = db_path
        self.shared = shared
        self.fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if self.shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._holder(fd)
            os.close(fd)
            raise VnnewsError(f"{self.db_path} is being crawled by another vnnews crawl "
                              f"({holder}); wait for it to finish, or stop it, then run this "
                              "command again") from None
        self.fd = fd

    def record(self, crawl_id: int) -> None:
        """Say who holds the lock, for the message another crawl gets."""
        started = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        info = json.dumps({"pid": os.getpid(), "crawl_id": crawl_id, "started": started})
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, info.encode(), 0)

    @staticmethod
    def _holder(fd: int) -> str:
        try:
            info = json.loads(os.pread(fd, 4096, 0) or b"{}")
            return (f"crawl {info['crawl_id']}, pid {info['pid']}, started {info['started']}")
        except (ValueError, KeyError, OSError):
            return "starting"

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing releases the flock
            self.fd = None


def crawl(sources_path: str, db_path: str, only: list[str] | None = None,
          verbose: bool = False, warn=print, *, jobdir: str | None = None, fresh: bool = False,
          redis_url: str | None = None, redis_run: str | None = None,
          progress: bool = False, contact: str | None = None,
          overrides: dict | None = None) -> dict:
    """Crawl the enabled sources of ``sources_path`` into ``db_path``; return the summary.

    A crawl that was killed or stopped resumes from ``jobdir`` (default: ``DB-job`` beside
    the database) unless ``fresh``: pages it already stored are not fetched again. With
    ``redis_url`` the crawl runs in distributed mode (see redis_settings). ``overrides`` are
    Scrapy settings for this run. Raises VnnewsError when the configuration is wrong or a
    source could not be reached.
    """
    store = open_store(db_path)  # a database that cannot be written fails first
    skipped: list[str] = []
    sources = load_sources(sources_path, only=only, warn=skipped.append)
    portals = [s for s in sources if s.kind in ("portal", "wayback")]
    if not portals:
        why = f" ({len(skipped)} skipped: {skipped[0]})" if skipped else ""
        raise ConfigError(f"{sources_path}: no enabled portal or wayback source to crawl{why}; "
                          "set enabled = true on an entry or pass --source NAME")
    for line in skipped:
        warn(line)
    for s in portals:
        store.save_source(s.name, s.kind, s.district, s.province, s.base_url, s.config())
    lock = CrawlLock(db_path, shared=bool(redis_url))
    lock.acquire()  # before resuming: two crawls would both resume the same one
    try:
        return _crawl_locked(store, lock, portals, db_path, verbose, jobdir=jobdir, fresh=fresh,
                             redis_url=redis_url, redis_run=redis_run, progress=progress,
                             contact=contact, overrides=overrides)
    finally:
        lock.release()


def _crawl_locked(store, lock: CrawlLock, portals: list[Source], db_path: str, verbose: bool,
                  *, jobdir, fresh, redis_url, redis_run, progress, contact, overrides) -> dict:
    names = [s.name for s in portals]
    names = [s.name for s in portals]
    if redis_url:
        crawl_id, resumed = store.start_crawl(names), False
        run = redis_run or hashlib.sha1(",".join(sorted(names)).encode()).hexdigest()[:12]
    else:
        job = Path(jobdir) if jobdir else Path(f"{db_path}-job")
        crawl_id, resumed = _start_or_resume(store, portals, db_path, job, fresh)
        _write_state(job, {"crawl_id": crawl_id, "sources": names})
    lock.record(crawl_id)

    settings = crawl_settings(db_path, crawl_id, portals, verbose)
    settings.set("VNNEWS_HOSTS", len({h for s in portals for h in s.hosts}))
    settings.set("VNNEWS_RESUME", resumed)
    settings.set("VNNEWS_PROGRESS", progress)
    if contact:
        settings.set("USER_AGENT", settings.get("USER_AGENT_TEMPLATE").format(contact=contact))
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    if redis_url:
        redis_settings(settings, redis_url, run)
        # The engine looks for new requests every 5 s once idle; in distributed mode other
        # processes fill the shared queue, so look every second (a class attribute of
        # Scrapy 2.19's ExecutionEngine).
        from scrapy.core.engine import ExecutionEngine
        if hasattr(ExecutionEngine, "_SLOT_HEARTBEAT_INTERVAL"):
            ExecutionEngine._SLOT_HEARTBEAT_INTERVAL = 1.0
        members = RedisRun(redis_url, run, ttl=settings.getfloat("VNNEWS_REDIS_TTL", 30))
        members.join()

    process = CrawlerProcess(settings)
    if not verbose:
        # Every fetch failure is recorded in the failures table and summed up at the end, so
        # Scrapy's per-request warnings stay out of the way; errors in our own code
        # (pipelines, spider callbacks) still show.
        logging.getLogger("scrapy").setLevel(logging.CRITICAL)
        for name in ("scrapy.core.scraper", "scrapy.core.engine", "crawler"):
            logging.getLogger(name).setLevel(logging.ERROR)
    live = [s for s in portals if s.kind == "portal"]
    archived = [s for s in portals if s.kind == "wayback"]  # Wayback Machine captures
    crawler = process.create_crawler(PortalSpider if live else WaybackSpider)
    closed = {}

    def on_closed(spider, reason):
        closed.setdefault("reason", reason)

    crawler.signals.connect(on_closed, signal=signals.spider_closed)  # a weak reference:
    # on_closed must stay referenced until the crawl ends (it does: this frame holds it)
    process.crawl(crawler, sources=live or archived)
    if live and archived:  # both kinds: the captures in a second spider, its own job state
        extra = settings.copy()
        if extra.get("JOBDIR"):
            extra.set("JOBDIR", f"{extra.get('JOBDIR')}-wayback", priority="cmdline")
        process.crawl(Crawler(WaybackSpider, extra), sources=archived)
    try:
        process.start()
    finally:
        if redis_url:
            members.leave()
    reason = closed.get("reason")
    if not redis_url:
        if reason == "finished":
            shutil.rmtree(job, ignore_errors=True)
        # else stopped (Ctrl-C) or killed: the state stays, the next run resumes

    row = store.crawl(crawl_id)
    summary = json.loads(row["summary"] or "{}")
    if not summary.get("sources"):
        # Stopped before the pipeline could write its summary (a second Ctrl-C): the pages
        # and failures stored so far still tell what happened.
        summary["sources"] = store.crawl_counts(crawl_id)
    summary["crawl_id"] = crawl_id
    summary["resumed"] = resumed
    summary["finish_reason"] = reason
    if redis_url or reason != "finished":  # another process may have fetched every page
        return summary  # of a source; a stopped crawl is not over
    problems = _unreachable(summary, portals, store)
    if problems:
        raise VnnewsError("; ".join(problems))
    return summary
