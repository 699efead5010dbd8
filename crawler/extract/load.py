"""Read a page for ``vnnews extract``: a local file or an http(s) URL."""
from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Iterable, Iterator

from crawler.errors import VnnewsError
from crawler.records import Article

__all__ = ["read_target", "extract_targets", "OUTPUT_KEYS"]

# The keys `vnnews extract` prints, in this order (issue 3).
OUTPUT_KEYS = ("url", "is_article", "reason", "title", "published", "category", "lead", "body",
               "author", "source_line", "captions", "attachments")
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


def extract_targets(targets: Iterable[str]) -> Iterator[dict]:
    """Extract every target; yield the printed fields of each Article."""
    from . import extract

    from .decode import decode_html

    try:  # TCVN3 / VNI font encodings, as the crawler's process step converts them
        from crawler.extract.legacy import fix_legacy
    except ImportError:  # pragma: no cover - optional module
        fix_legacy = None

    for target in targets:
        body, url, content_type = read_target(target)
        text, encoding = decode_html(body, content_type)
        if fix_legacy is not None:
            text, _legacy = fix_legacy(text, body, encoding)
        art: Article = extract(text, url)
        data = art.to_dict()
        yield {k: data.get(k) for k in OUTPUT_KEYS}
