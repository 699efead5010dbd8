"""WARC files: write every response of a crawl to one, and import those made by other tools.

- :class:`WarcRecorder` is a Scrapy extension: with the setting ``VNNEWS_WARC_DIR`` (``vnnews
  crawl --warc DIR``) it writes a request and a response record for every response as it came off
  the wire (before decompression and redirects), into one gzip WARC file per crawl.
- :func:`import_warc` reads WARC files (wget --warc-file, Heritrix, Browsertrix, ours) and stores
  their HTML responses through the same path as a crawl: ``crawler.ingest.ingest``.
  warcio undoes chunked transfer and gzip/deflate/brotli content encoding; revisit records are
  resolved against the payload they point to when it was read earlier, else skipped.
"""
from __future__ import annotations

import gzip
import os
import socket
import zlib
from collections import Counter
from datetime import datetime, timezone
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.warcwriter import WARCWriter

from crawler.errors import VnnewsError
from crawler.records import Page, utc_iso
from crawler.archive.wayback import capture_time, memento_time, parse_replay_url

__all__ = ["WarcRecorder", "import_warc", "import_warc_source", "warc_file_name",
           "iter_warc_pages"]

# A WARC file is closed and the next one started past this size (the IIPC's customary 1 GB);
# setting VNNEWS_WARC_MAX_SIZE.
WARC_MAX_SIZE = 1_000_000_000
# Hop-by-hop framing that no longer describes the recorded bytes (the HTTP client removed it).
_FRAMING_HEADERS = {b"transfer-encoding"}
HTML_TYPES = ("text/html", "application/xhtml+xml")


def warc_file_name(crawl_id: int | None, spider: str = "crawl", serial: int = 0,
                   when: datetime | None = None) -> str:
    """vnnews-crawl{id}-{spider}-{UTC time}-{serial}-{host}-{pid}.warc.gz: unique across the
    spiders of one crawl, the files of one spider, processes and hosts."""
    when = when or datetime.now(timezone.utc)
    host = socket.gethostname().split(".")[0] or "host"
    crawl = f"crawl{crawl_id}" if crawl_id is not None else "crawl"
    return (f"vnnews-{crawl}-{spider}-{when.strftime('%Y%m%d%H%M%S')}-{serial:05d}-{host}-"
            f"{os.getpid()}.warc.gz")


# ---- writing -----------------------------------------------------------------------------------

def _header_lines(headers) -> bytes:
    lines = b""
    for name, values in headers.items():
        if name.lower() in _FRAMING_HEADERS:
            continue
        for value in values:
            lines += name + b": " + value + b"\r\n"
    return lines


def http_request_bytes(request) -> bytes:
    parts = urlsplit(request.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    head = f"{request.method} {target} HTTP/1.1\r\n".encode("latin-1")
    headers = request.headers.copy()
    if b"Host" not in headers:
        headers[b"Host"] = parts.netloc.encode("idna")
    return head + _header_lines(headers) + b"\r\n" + (request.body or b"")


def http_response_bytes(response) -> bytes:
    try:
        reason = HTTPStatus(response.status).phrase
    except ValueError:
        reason = ""
    protocol = getattr(response, "protocol", None) or "HTTP/1.1"
    if not protocol.upper().startswith("HTTP/"):
        protocol = "HTTP/1.1"
    head = f"{protocol} {response.status} {reason}\r\n".encode("latin-1")
    return head + _header_lines(response.headers) + b"\r\n" + response.body


class WarcRecorder:
    """Scrapy extension writing a request/response record pair per downloaded response."""

    def __init__(self, directory: str, crawl_id: int | None, max_size: int = WARC_MAX_SIZE):
        self.directory = Path(directory)
        self.crawl_id = crawl_id
        self.max_size = max_size
        self.path: Path | None = None
        self.paths: list[Path] = []
        self.records = 0
        self.spider_name = "crawl"
        self._fh = None
        self._writer = None

    @classmethod
    def from_crawler(cls, crawler):
        directory = crawler.settings.get("VNNEWS_WARC_DIR")
        if not directory:
            raise NotConfigured("VNNEWS_WARC_DIR is not set")
        recorder = cls(directory, crawler.settings.get("VNNEWS_CRAWL_ID"),
                       crawler.settings.getint("VNNEWS_WARC_MAX_SIZE", WARC_MAX_SIZE))
        crawler.signals.connect(recorder.open, signal=signals.spider_opened)
        crawler.signals.connect(recorder.record, signal=signals.response_downloaded)
        crawler.signals.connect(recorder.close, signal=signals.spider_closed)
        return recorder

    def open(self, spider=None) -> None:
        if self._writer is not None:
            return
        self.spider_name = getattr(spider, "name", None) or self.spider_name
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            self.path = self.directory / warc_file_name(self.crawl_id, self.spider_name,
                                                        len(self.paths))
            self._fh = open(self.path, "wb")
        except OSError as exc:
            raise VnnewsError(f"cannot write WARC files to {self.directory}: {exc}") from None
        self.paths.append(self.path)
        self._writer = WARCWriter(self._fh, gzip=True)
        info = {"software": "vnnews (Scrapy, warcio)", "format": "WARC File Format 1.0",
                "crawl-id": str(self.crawl_id)}
        self._writer.write_record(self._writer.create_warcinfo_record(self.path.name, info))

    def record(self, response, request, spider=None) -> None:
        if self._writer is None:
            self.open(spider)
        date = utc_iso()
        warc_headers = {"WARC-Date": date}
        ip = getattr(response, "ip_address", None)
        if ip is not None:
            warc_headers["WARC-IP-Address"] = str(ip)
        resp_bytes = http_response_bytes(response)
        resp = self._writer.create_warc_record(
            response.url, "response", payload=BytesIO(resp_bytes), length=len(resp_bytes),
            warc_headers_dict=dict(warc_headers))
        req_bytes = http_request_bytes(request)
        req = self._writer.create_warc_record(
            request.url, "request", payload=BytesIO(req_bytes), length=len(req_bytes),
            warc_headers_dict={"WARC-Date": date})
        self._writer.write_request_response_pair(req, resp)
        self.records += 1
        if self._fh.tell() >= self.max_size:  # the next response starts a new file
            self.close()

    def close(self, spider=None, reason=None) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = self._writer = None


# ---- reading -----------------------------------------------------------------------------------

class TruncatedWarc(Exception):
    """A WARC file ends inside a record."""


BLOCK = 1 << 16


def _check_warc_start(fileobj) -> None:
    """Raise ArchiveLoadFailed unless the stream starts with a WARC record (gzip or not);
    warcio itself reads many other files as if they were records."""
    head = fileobj.read(2)
    fileobj.seek(0)
    try:
        if head == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=fileobj) as gz:
                first = gz.read(5)
        else:
            first = fileobj.read(5)
    except (OSError, EOFError) as exc:
        raise ArchiveLoadFailed(f"broken gzip data: {exc}") from None
    finally:
        fileobj.seek(0)
    if first != b"WARC/":
        shown = first.decode("latin-1").encode("unicode_escape").decode("ascii")
        raise ArchiveLoadFailed(f"it starts with {shown!r}, not 'WARC/'")


def _check_gzip_complete(fileobj) -> None:
    """Raise TruncatedWarc when a gzip WARC ends inside a gzip member (warcio takes a member
    cut short for the end of the file)."""
    fileobj.seek(0)
    if fileobj.read(2) != b"\x1f\x8b":
        return
    fileobj.seek(0)
    member, fed = zlib.decompressobj(31), False
    while True:
        chunk = fileobj.read(BLOCK)
        if not chunk:
            break
        while chunk:
            try:
                member.decompress(chunk)
            except zlib.error as exc:
                raise TruncatedWarc(f"broken gzip data ({exc})") from None
            fed = True
            if not member.eof:
                break
            chunk = member.unused_data
            member, fed = zlib.decompressobj(31), False
    if fed:
        raise TruncatedWarc("the file ends inside a record (truncated download or copy?)")


def _warc_time(value: str | None) -> str | None:
    """WARC-Date (2026-11-28T07:40:00Z, maybe with fractions) → ISO 8601 UTC, seconds."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return utc_iso(parsed)


def _is_html(content_type: str | None, body: bytes) -> bool:
    if content_type:
        return content_type.split(";")[0].strip().lower() in HTML_TYPES
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def iter_warc_pages(fileobj, source: str, skipped: Counter, seen: dict | None = None):
    """Pages of the HTML responses of a WARC stream, in file order. ``skipped`` counts what was
    left out and why; ``seen`` keeps the payloads read so far (pass the same dict for several
    files) to resolve revisit records, which carry headers but no payload. Raises warcio's
    ArchiveLoadFailed when the stream is not a WARC."""
    seen = {} if seen is None else seen
    payloads = seen.setdefault("digest", {})  # WARC-Payload-Digest → payload
    by_target = seen.setdefault("target", {})  # (URI, WARC-Date) → payload
    _check_warc_start(fileobj)
    for record in ArchiveIterator(fileobj):
        page = _page_of(record, source, skipped, payloads, by_target)
        # warcio stops quietly at a truncated record: its declared length was not all there
        while record.raw_stream.read(BLOCK):
            pass
        missing = getattr(record.raw_stream, "limit", 0)
        if missing:
            uri = record.rec_headers.get_header("WARC-Target-URI") or record.rec_type
            raise TruncatedWarc(f"truncated record ({uri}: {missing} bytes missing)")
        if page is not None:
            yield page
    _check_gzip_complete(fileobj)


def _page_of(record, source: str, skipped: Counter, payloads: dict, by_target: dict):
    """The Page of one WARC record, or None (counted in ``skipped`` with the reason)."""
    kind = record.rec_type
    if kind not in ("response", "revisit"):
        return None  # request, metadata, warcinfo, resource records
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    if not uri.startswith(("http://", "https://")):
        skipped["not http"] += 1
        return None
    http = record.http_headers
    if http is None:
        skipped["no HTTP headers"] += 1
        return None
    date = record.rec_headers.get_header("WARC-Date")
    digest = record.rec_headers.get_header("WARC-Payload-Digest")
    status = int(http.get_statuscode() or 0)
    if kind == "revisit":
        profile = record.rec_headers.get_header("WARC-Profile") or ""
        if status == 304 and profile.endswith("server-not-modified"):
            status = 200  # Heritrix: the server said "not modified", the earlier bytes stand
        if status not in (0, 200):
            skipped[f"HTTP {status}"] += 1
            return None
        declared = http.get_header("Content-Type")
        if declared and not _is_html(declared, b""):
            skipped["not HTML"] += 1
            return None
        target = (record.rec_headers.get_header("WARC-Refers-To-Target-URI") or uri,
                  record.rec_headers.get_header("WARC-Refers-To-Date") or "")
        earlier = payloads.get(digest) if digest else None
        if earlier is None:
            earlier = by_target.get(target)
        if earlier is None:
            skipped["revisit of a record not in these files"] += 1
            return None
        body = gzip.decompress(earlier)
        status = status or 200
    else:
        body = record.content_stream().read()
        if status == 200 and _is_html(http.get_header("Content-Type"), body):
            # kept (compressed) for the revisit records that point to it
            packed = gzip.compress(body, compresslevel=1, mtime=0)
            if digest:
                payloads[digest] = packed
            by_target[(uri, date or "")] = packed
    if status != 200:
        skipped[f"HTTP {status}"] += 1
        return None
    content_type = http.get_header("Content-Type")
    if not _is_html(content_type, body):
        skipped["not HTML"] += 1
        return None
    headers = {name: value for name, value in http.headers
               if name.lower() not in ("transfer-encoding", "content-encoding")}
    when = _warc_time(date)
    captured = when
    replay = parse_replay_url(uri)
    if replay:  # fetched from a Wayback Machine (crawl --warc of a wayback source)
        timestamp, uri = replay
        captured = memento_time(http.get_header("Memento-Datetime")) or capture_time(timestamp)
    return Page(url=uri, final_url=uri, status=status, headers=headers, body=body,
                fetched_at=when or utc_iso(), source=source,
                capture_time=captured)


def import_warc(paths: list[str], db_path: str, source: str = "warc",
                hints: dict | None = None, entry=None) -> dict:
    """Store the HTML responses of WARC files in the database; return counts per file.

    Every page is stored in its own transaction, so a file that breaks half-way keeps what
    was read before the break. Files that are missing or not WARC files are reported in
    ``summary["errors"]`` (one line each) and the others are still imported."""
    from crawler.archive.store import open_store
    from crawler.ingest import ingest, source_hints

    store = open_store(db_path)
    if entry is not None:  # the sources.toml entry (crawler.sources.Source) being imported
        store.save_source(entry.name, entry.kind, entry.district, entry.province,
                          entry.base_url, entry.config())
    else:
        store.save_source(source, "warc", None, None, None, {"file": [str(p) for p in paths]})
    hints = source_hints(hints, store.source_profile(source))
    crawl_id = store.start_crawl([source])
    totals: Counter = Counter()
    files, errors, seen = {}, [], {}
    for path in paths:
        counts: Counter = Counter()
        skipped: Counter = Counter()
        def read(fh):
            for page in iter_warc_pages(fh, source, skipped, seen):
                counts["fetched"] += 1
                done = ingest(store, page, crawl_id, hints)
                counts[done.outcome] += 1
                counts["articles"] += int(done.is_article)

        try:
            try:
                with open(path, "rb") as fh:
                    read(fh)
            except ArchiveLoadFailed as exc:
                if "non-chunked gzip" not in str(exc):
                    raise
                # the whole file gzipped at once (`gzip crawl.warc`), not record by record:
                # read it as one stream from the start (pages already stored are touched)
                counts.clear()
                skipped.clear()
                with gzip.open(path, "rb") as fh:
                    read(fh)
        except OSError as exc:
            errors.append(f"{path}: cannot read: {exc.strerror or exc}")
        except ArchiveLoadFailed as exc:
            what = "not a WARC file" if not counts and not skipped else "unreadable record"
            errors.append(f"{path}: {what} ({_one_line(exc)}); {counts['fetched']} pages "
                          "read before it were kept")
        except Exception as exc:  # truncated gzip member, broken chunking, ...
            errors.append(f"{path}: unreadable after {counts['fetched']} pages "
                          f"({type(exc).__name__}: {_one_line(exc)}); the pages before it were "
                          "kept")
        files[str(path)] = dict(counts, skipped=dict(skipped))
        totals.update(counts)
    summary = {"sources": {source: dict(totals, failures={})},
               "total": dict(totals, failed=len(errors), failures={}),
               "files": files, "errors": errors, "crawl_id": crawl_id}
    store.finish_crawl(crawl_id, summary)
    store.close()
    return summary


def import_warc_source(sources_path: str, db_path: str, name: str,
                       files: list[str] | None = None) -> dict:
    """Import the WARC files of the kind = "warc" entry ``name`` of a sources file (its
    ``file`` key, paths relative to the sources file's folder or the current one), or
    ``files`` under that entry's name and extractor hints."""
    from crawler.errors import ConfigError
    from crawler.sources import load_sources

    source = load_sources(sources_path, only=[name])[0]
    if source.kind != "warc":
        raise ConfigError(f"{sources_path}:{source.line}: source '{name}' has kind = "
                          f"\"{source.kind}\"; import-warc reads kind = \"warc\" entries (or "
                          "pass the WARC files with --source to name their pages)")
    if not files:
        listed = [source.file] if isinstance(source.file, str) else list(source.file or [])
        base = Path(sources_path).resolve().parent
        files = [str(p if Path(p).is_absolute() or Path(p).exists() else base / p)
                 for p in listed]
    return import_warc(files, db_path, source=name, hints=source.hints or None, entry=source)


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__
