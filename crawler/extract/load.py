"""Read a page for ``vnnews extract``: a local file or an http(s) URL."""
from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit
from typing import Iterable, Iterator

from crawler.errors import VnnewsError
from crawler.records import Article

from .limits import PAGE_TIME_LIMIT, PageTimeLimit, page_time_limit

__all__ = ["read_target", "extract_targets", "OUTPUT_KEYS"]

# The keys `vnnews extract` prints, in this order (issue 3).
OUTPUT_KEYS = ("url", "is_article", "reason", "title", "published", "category", "lead", "body",
               "author", "source_line", "captions", "attachments", "confidence", "method")
FETCH_TIMEOUT_S = 20
USER_AGENT = "vnnews-extract/0.1 (+https://github.com/)"


def read_target(target: str) -> tuple[bytes, str, str | None]:
    """``(body, url, content_type)`` of a file path or an http(s) URL; VnnewsError when unreadable."""
    if target.startswith(("http://", "https://")):
        req = urllib.request.Request(target, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(req, timeout=FETCH_TIMEOUT_S) as resp:
                return resp.read(), resp.geturl(), resp.headers.get("Content-Type")
        except OSError as exc:
            raise VnnewsError(f"cannot fetch {target}: {exc}") from exc
    path = Path(target)
    if not path.is_file():
        raise VnnewsError(f"no such file: {target} (give an HTML file or an http(s) URL)")
    # A gold page's sidecar JSON may give the page's original URL.
    url = path.resolve().as_uri()
    sidecar = path.with_suffix(".json")
    if sidecar.is_file():
        try:
            url = json.loads(sidecar.read_text(encoding="utf-8")).get("url") or url
        except (ValueError, OSError):
            pass
    return path.read_bytes(), url, None


def source_of(url: str) -> str:
    """Which source a page belongs to, for learning what a source repeats: the site (host) of
    its address; a local file without a known address belongs with the files of its folder."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return "file:" + parts.path.rsplit("/", 1)[0]
    return parts.netloc.lower()


def extract_targets(targets: Iterable[str], failed=None,
                    time_limit: float | None = PAGE_TIME_LIMIT) -> Iterator[dict]:
    """Extract every target; yield the printed fields of each Article.

    The targets are read first: pages of one site in the batch teach what the site repeats
    (``SourceProfiles``, as the crawl and ``vnnews process`` learn it from stored pages), so a
    short notice does not get the site's footer as its body. A target that cannot be read is
    passed to ``failed(target, message)`` and the others are still extracted (without
    ``failed``, the VnnewsError is raised). A page past ``time_limit`` CPU seconds gives a
    non-article with that reason."""
    from . import SourceProfiles, extract

    from .decode import decode_html

    try:  # TCVN3 / VNI font encodings, as the crawler's process step converts them
        from crawler.extract.legacy import fix_legacy
    except ImportError:  # pragma: no cover - optional module
        fix_legacy = None

    pages = []
    profiles = SourceProfiles()
    for target in targets:
        try:
            body, url, content_type = read_target(target)
        except VnnewsError as exc:
            if failed is None:
                raise
            failed(target, str(exc))
            continue
        try:
            with page_time_limit(time_limit):
                text, encoding = decode_html(body, content_type)
                if fix_legacy is not None:
                    text, _legacy = fix_legacy(text, body, encoding)
        except PageTimeLimit as exc:
            pages.append((None, url, f"time limit: {exc}"))
            continue
        pages.append((text, url, source_of(url)))
        profiles.observe(source_of(url), text)
    for text, url, source in pages:
        if text is None:
            art = Article(url=url, is_article=False, reason=source)
        else:
            try:
                with page_time_limit(time_limit):
                    art: Article = extract(text, url, profiles.hints(source))
            except PageTimeLimit as exc:
                art = Article(url=url, is_article=False, reason=f"time limit: {exc}")
        data = art.to_dict()
        yield {k: data.get(k) for k in OUTPUT_KEYS}
