"""Repetition across pages of one source: texts that many of its pages repeat are the site's chrome.

A ``SourceProfile`` reads pages of one source (stored pages for ``vnnews process`` and the crawl,
the batch of files given to ``vnnews extract``) and keeps, for every block text, on how many pages
it appears. The texts found on most pages (menus, widget headings such as a visitor counter, the
footer's paragraph about the district, "Tin nổi bật" items that stay for weeks) become
``hints["boilerplate"]``: such a block scores zero for the main-text region and is never a body
paragraph, a title or a date line, even when a template puts it inside the article's container.

Texts are compared by ``repeat_key``: counters change on every page ("Đang trực tuyến: 31",
"Tổng lượt truy cập: 1.234.567"), so the digits of a short block without a date are folded.
A date line is compared exactly: every article page has one, each with its own date.

The three paths that extract (``vnnews extract``, the crawl's storage worker, ``vnnews process``)
all build their hints with ``profile_hints``: the same evidence, used the same way.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from lxml import etree

from .blocks import linearize
from .decode import decode_html

__all__ = ["LINK_MARK", "SourceProfile", "SourceProfiles", "learn_boilerplate", "profile_hints", "repeat_key", "PROFILE_SAMPLE"]

# A text is site chrome when it appears on at least this share of the sampled pages...
MIN_PAGE_SHARE = 0.5
# ...and on at least this many pages (two pages sharing a paragraph may be two versions of one story).
MIN_PAGES = 3
# Longer texts are not counted: an article paragraph is unique and a site's footer, even a long
# paragraph about the district, stays under this.
MAX_CHARS = 2000
# Digits are folded in blocks up to this length (counters, "Lượt xem: 12"), not in longer text.
FOLD_DIGITS_MAX_CHARS = 120
# Pages of a source read to learn what it repeats: enough for a share of "most pages" to mean
# something, few enough to cost a second on a big source.
PROFILE_SAMPLE = 60

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
# What any date find_dates reads contains (a cheap test before the full one).
_DATEISH = re.compile(r"\d\s?[/.\- ]\s?\d|\d{4}-\d|tháng|thg|[a-z]{3}\w*\.? \d", re.I)
# A counter: a label, a colon (or nothing), a number ("Đang trực tuyến: 31", "Tổng: 1.234.567",
# "1.234.567"), possibly twice ("Hôm nay: 12 | Tổng: 3.456"). Titles that differ only by a
# number ("Lịch tiếp công dân tháng 4" / "tháng 5") have no colon and are never folded.
_COUNTER = re.compile(r"^(?:[^\d:|]{0,40}:\s*)?\d+(?:[.,]\d+)*(?:\s*[|\-–]\s*[^\d:|]{0,40}:\s*\d+(?:[.,]\d+)*)*\s*$")


# A block with this share of link text is a link (a headline in a "Tin nổi bật" box, a menu).
LINK_SHARE = 0.5
LINK_MARK = "\u2192"  # prefix of the key of a link block


def repeat_key(text: str, link_density: float = 0.0) -> str | None:
    """The form in which blocks are compared across pages: the text (digits of counters folded),
    marked when it is a link: an article's headline repeated as a link in a box on every page
    is chrome there, not on the article's own page where it is plain text. None for a short
    text holding a date: a date line is the page's own even when several pages were
    published the same day."""
    mark = LINK_MARK if link_density > LINK_SHARE else ""
    if len(text) > FOLD_DIGITS_MAX_CHARS or not _DIGITS.search(text):
        return mark + text
    if _COUNTER.match(text):
        return mark + _DIGITS.sub("0", text)
    if _DATEISH.search(text):
        from .dates import find_dates

        if find_dates(text):
            return None
    return mark + text


class SourceProfile:
    """What the pages of one source repeat, learned page by page (``add``)."""

    def __init__(self) -> None:
        self.pages = 0
        self.counts: Counter = Counter()

    def add(self, html: bytes | str) -> None:
        """Count the block texts of one page of the source (unreadable pages are skipped)."""
        keys = _page_keys(html)
        if keys is not None:
            self.pages += 1
            self.counts.update(keys)

    def boilerplate(self) -> set[str]:
        """Keys (``repeat_key``) of the texts found on most of the pages read so far."""
        if self.pages < MIN_PAGES:
            return set()
        need = max(MIN_PAGES, MIN_PAGE_SHARE * self.pages)
        return {key for key, c in self.counts.items() if c >= need}


def _page_keys(html: bytes | str) -> set[str] | None:
    from . import DROP_TAGS, parse_html  # the extractor's own parsing, so blocks match exactly

    text, _ = decode_html(html) if isinstance(html, (bytes, bytearray)) else decode_html(str(html))
    try:
        root = parse_html(text)
    except (etree.ParserError, ValueError):
        return None
    if root is None:
        return None
    etree.strip_elements(root, *DROP_TAGS, with_tail=True)
    body = root.find("body")
    keys = {repeat_key(b.text, b.link_density) for b in linearize(body if body is not None else root) if b.n <= MAX_CHARS}
    keys.discard(None)
    return keys


def learn_boilerplate(pages: Iterable[bytes | str]) -> set[str]:
    """Keys of the block texts repeated on most of ``pages`` (HTML of one site)."""
    profile = SourceProfile()
    for html in pages:
        profile.add(html)
    return profile.boilerplate()


def profile_hints(hints: dict | None, profile: SourceProfile | set | None) -> dict:
    """Extractor hints for one source: those given (sources.toml), plus what its pages repeat."""
    hints = dict(hints or {})
    repeated = profile.boilerplate() if isinstance(profile, SourceProfile) else set(profile or ())
    if repeated:
        given = hints.get("boilerplate") or []
        given = [given] if isinstance(given, str) else list(given)
        hints["boilerplate"] = sorted(set(given) | repeated)  # given texts: see extract's _repeat_keys
    return hints


class SourceProfiles:
    """The profiles of several sources and the hints they give: one object used the same way
    by ``vnnews extract`` (the batch of files given), the crawl's storage worker (pages stored
    before, then the pages as they arrive) and ``vnnews process`` (stored pages).

    ``base`` maps a source to its configured hints (sources.toml); ``seed(source)``, when given,
    yields stored pages of the source, read once, the first time the source is met.
    """

    def __init__(self, base: dict[str, dict] | None = None, seed=None, sample: int = PROFILE_SAMPLE):
        self.base = dict(base or {})
        self.seed = seed
        self.sample = sample
        self.profiles: dict[str, SourceProfile] = {}
        self._hints: dict[str, tuple[int, dict]] = {}

    def profile(self, source: str) -> SourceProfile:
        profile = self.profiles.get(source)
        if profile is None:
            profile = self.profiles[source] = SourceProfile()
            if self.seed is not None:
                for html in self.seed(source):
                    profile.add(html)
        return profile

    def observe(self, source: str, html: bytes | str) -> None:
        """Count one more page of ``source``, until the sample is full."""
        profile = self.profile(source)
        if profile.pages < self.sample:
            profile.add(html)

    def hints(self, source: str) -> dict:
        """The hints for extracting a page of ``source`` (cached until the profile grows)."""
        profile = self.profile(source)
        cached = self._hints.get(source)
        if cached is None or cached[0] != profile.pages:
            cached = self._hints[source] = (profile.pages, profile_hints(self.base.get(source), profile))
        return cached[1]
