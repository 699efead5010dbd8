"""Repetition across pages of one site: texts that every page repeats are the site's chrome.

``learn_boilerplate`` reads a sample of pages of one source and returns the block texts found on
most of them (menus, widget titles, footers, "Tin nổi bật" items that stay for weeks). Passed as
``extract(..., hints={"boilerplate": texts})`` they score zero and never enter a body, even when a
template puts them inside the article's container.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from lxml import etree

from .blocks import linearize
from .decode import decode_html

__all__ = ["learn_boilerplate"]

# A text is site chrome when it appears on at least this share of the sampled pages...
MIN_PAGE_SHARE = 0.5
# ...and on at least this many pages (two pages sharing a paragraph may be two versions of one story).
MIN_PAGES = 3
# Article paragraphs are long and unique; chrome texts are short. Longer texts are never learned.
MAX_CHARS = 300


def learn_boilerplate(pages: Iterable[bytes | str]) -> set[str]:
    """Block texts repeated on most of ``pages`` (HTML of one site)."""
    from . import _DROP_TAGS, _parse  # the extractor's own parsing, so blocks match exactly

    counts: Counter = Counter()
    n_pages = 0
    for html in pages:
        text, _ = decode_html(html) if isinstance(html, (bytes, bytearray)) else decode_html(str(html))
        try:
            root = _parse(text)
        except (etree.ParserError, ValueError):
            continue
        if root is None:
            continue
        etree.strip_elements(root, *_DROP_TAGS, with_tail=True)
        body = root.find("body")
        n_pages += 1
        counts.update({b.text for b in linearize(body if body is not None else root) if b.n <= MAX_CHARS})
    if n_pages < MIN_PAGES:
        return set()
    need = max(MIN_PAGES, MIN_PAGE_SHARE * n_pages)
    return {text for text, c in counts.items() if c >= need}
