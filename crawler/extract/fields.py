"""Title, publish datetime and category of an article page, found among its text blocks.

The title: the block the <title> tag or the Open Graph / JSON-LD headline names, else a heading or
title-classed block near the body, else the block beside the date line. The datetime: a labelled
date ("Ngày đăng"), a date line near the title or at the end of the article, converted by
``dates``. The category: breadcrumb, rel="category", article:section, the <title> parts around
the title, a kicker link above it, or the label beside the date.
"""
from __future__ import annotations

import re

from . import clean as _clean
from .dates import find_dates
from .metadata import HOME_CRUMBS, TITLE_SEPARATORS, split_title_tag

__all__ = ["norm", "attr_match", "title_anchor", "choose_title", "choose_date", "choose_category",
           "is_date_line", "LINK_BLOCK", "MOSTLY_LINKS", "PLAIN_TEXT_LINKS"]

# Where to look for the title: this many blocks before the start of the main region, and after it.
TITLE_WINDOW_BEFORE = 15
TITLE_WINDOW_AFTER = 3
# Where to look for the publish date: blocks around the title.
DATE_WINDOW_BEFORE = 4
DATE_WINDOW_AFTER = 8
# Where else to look when no date sits near the title: the last blocks of the article and the
# blocks right after it.
DATE_TAIL_BLOCKS = 4
# A block holding the publish date is short ("Ngày đăng 08/10/2018 | 15:54 | Lượt xem: 12");
# longer blocks are prose that merely mentions a date.
DATE_BLOCK_MAX_CHARS = 120
# Headlines are rarely shorter than this; shorter heading blocks ("Danh mục", "Tin tức") are
# box titles, tried last.
TITLE_LIKELY_CHARS = 20
# Distance penalty (in blocks) for a title candidate after the start of the body element.
TITLE_AFTER_PENALTY = 3
# A block equal to the whole <title> counts as the title only this close to the body (in
# blocks, penalty included); farther up it is the site name in the banner.
TITLE_WHOLE_TAG_NEAR = 6
# Title length limits (characters).
TITLE_MIN_CHARS, TITLE_MAX_CHARS = 8, 350
# Link density levels: a block of links (menu item, headline), mostly links, plain text.
LINK_BLOCK = 0.9
MOSTLY_LINKS = 0.5
PLAIN_TEXT_LINKS = 0.1
# A category label is short: "Văn hóa - Xã hội", "Tin hoạt động".
CATEGORY_MAX_CHARS = 60

_TITLE_CLASS = re.compile(r"title|tieude|tieu-de|tieu_de|heading|headline|tenbai|ten-bai", re.I)


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
_QUOTE_CHARS = re.compile("[“”„‟″‘’–—]")


def norm(text: str) -> str:
    """Compare-form of a text: whitespace collapsed, lower case, typographic quotes and dashes plain."""
    text = " ".join(text.split()).lower()
    return text.translate(_QUOTES) if _QUOTE_CHARS.search(text) else text


def attr_match(block, pattern, stop=None) -> bool:
    """Whether the block's element or an ancestor (up to ``stop``) has class/id/style matching."""
    for el in block.chain:
        if el is stop:
            break
        if not isinstance(el.tag, str):
            continue
        if pattern.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            return True
    return False


def title_level(b, tt: str, heads: list[str], ignore_repeated: bool = False) -> int:
    """2: the block is part of the <title> (beside a separator) or the og/JSON-LD headline;
    1: it is the whole <title>; 0: neither."""
    if not TITLE_MIN_CHARS <= b.n <= TITLE_MAX_CHARS or b.link_density > LINK_BLOCK and b.n < TITLE_LIKELY_CHARS \
            or (b.repeated and not ignore_repeated):
        return 0
    if b.n > len(tt) + 2 and not heads and not tt.endswith(("...", "…")):
        return 0  # longer than the whole <title>: cannot be part of it
    t = b.extra.get("norm")
    if t is None:
        t = b.extra["norm"] = norm(b.text)
    if t in heads:
        return 2
    if t == tt:
        return 1
    if tt.startswith(t) and re.match(r"^\s*[-–—|:»>›/]", tt[len(t):]):
        return 2
    if tt.endswith(t) and re.search(r"[-–—|:»>›/]\s*$", tt[:-len(t)]):
        return 2
    if tt.endswith(("...", "…")) and len(tt) >= TITLE_LIKELY_CHARS and t.startswith(tt.rstrip(".… ")):
        return 2  # a <title> cut short: "Quận Hoàng Mai: Tập huấn phong trào..."
    return 0


def title_anchor(blocks, meta: dict) -> int | None:
    """Index of the one block that the <title> / headline identify as the title (not a link),
    or None when there is none or several."""
    tt = norm(meta.get("title_tag") or "")
    heads = [norm(h) for h in (meta.get("og_title"), meta.get("jsonld_headline")) if h]
    if not tt and not heads:
        return None
    ignore = meta.get("_ignore_repeated", False)
    found = [b for b in blocks if b.link_density < MOSTLY_LINKS and title_level(b, tt, heads, ignore) == 2]
    if not found:
        return None
    longest = max(b.n for b in found)
    found = [b for b in found if b.n == longest]
    return found[0].index if len(found) == 1 else None


def choose_title(blocks, region_start: int, meta: dict, body_start: int | None = None) -> tuple[str | None, int | None]:
    """The article title and the index of the block holding it (None when not on the page).

    Passes, each tried only when the one before found nothing:
    1. near the body, the longest block that the <title> starts or ends with, followed (or
       preceded) by a separator ("Title - Category - Site", "Site > Category > Title"), or equal to
       the Open Graph / JSON-LD headline;
    2. a block equal to the whole <title>, close to the body (farther away it is the site name);
    3. near the body, a heading tag or an element with a title class;
    4. the block beside the date line;
    5. pass 1 over the whole page; then the og:title / JSON-LD headline / first part of <title>.
    """
    title_tag = meta.get("title_tag") or ""
    tt = norm(title_tag)
    body_start = region_start if body_start is None else body_start
    heads = [norm(h) for h in (meta.get("og_title"), meta.get("jsonld_headline")) if h]
    lo = max(0, min(region_start, body_start) - TITLE_WINDOW_BEFORE)
    hi = min(len(blocks), max(region_start, body_start) + TITLE_WINDOW_AFTER + 1)

    def match(b) -> int:
        return title_level(b, tt, heads)

    def distance(i: int) -> int:
        return abs(i - body_start) + (TITLE_AFTER_PENALTY if i >= body_start else 0)

    def longest(indices, level):
        found = [i for i in indices if match(blocks[i]) == level]
        return max(found, key=lambda i: (blocks[i].n, -distance(i))) if found else None

    window = range(lo, hi)
    i = longest(window, 2)
    if i is not None:
        return blocks[i].text, i

    def titleish(b) -> bool:
        return (TITLE_MIN_CHARS <= b.n <= TITLE_MAX_CHARS and b.link_density < MOSTLY_LINKS
                and not b.repeated and not is_date_line(b) and not _clean.widget_kind(b.text)
                and not b.text.rstrip().endswith((":", ";")))

    # Title-length blocks first, then nearest to where the body begins (blocks before it preferred).
    order = sorted(window, key=lambda j: (blocks[j].n < TITLE_LIKELY_CHARS, distance(j)))
    heading = next((j for j in order if titleish(blocks[j])
                    and (blocks[j].heading or attr_match(blocks[j], _TITLE_CLASS))), None)
    def last_heading_before_body(j) -> bool:
        """A heading before the body with no other title-like heading between it and the body."""
        return (blocks[j].heading and j < body_start
                and not any(blocks[k].heading and titleish(blocks[k]) for k in range(j + 1, body_start)))

    whole = longest([j for j in window if distance(j) <= TITLE_WHOLE_TAG_NEAR or last_heading_before_body(j)], 1)
    if whole is not None and (heading is None or distance(whole) <= distance(heading)
                              or last_heading_before_body(whole)):
        # (A heading equal to the whole <title>, the last heading before the body, is the title
        # even when a table of contents or a share bar stands between them; a site name in the
        # banner has the article's own heading after it.)
        return blocks[whole].text, whole
    if heading is not None:
        return blocks[heading].text, heading
    for j in sorted(window, key=distance):
        if is_date_line(blocks[j]):
            for k in (j - 1, j + 1):
                if 0 <= k < len(blocks) and titleish(blocks[k]):
                    return blocks[k].text, k
            break
    i = longest(range(len(blocks)), 2)
    if i is not None:
        return blocks[i].text, i
    for h in (meta.get("og_title"), meta.get("jsonld_headline")):
        if h:
            return " ".join(h.split()), None
    if title_tag:
        return _first_title_part(title_tag), None
    return None, None


def _first_title_part(title_tag: str) -> str:
    parts = TITLE_SEPARATORS.split(title_tag)
    return parts[0].strip() if parts else title_tag


def choose_date(blocks, title_idx: int | None, region_blocks) -> tuple[str | None, int | None]:
    """The on-page publish datetime and the index of its block.

    Candidates: short blocks near the title, and date lines at the end of the article and just
    after it ("Ngày xuất bản: ..." under the body on some portals). Ranked: a date labelled as
    the publication ("Ngày đăng", "Xuất bản"); a date line near the title; a date line at the
    end; an update date line ("Cập nhật: ..."); another short block near the title. Then a date
    with a time before a bare day, then the nearest to the title. Link blocks never count.
    """
    if title_idx is not None:
        lo = max(0, title_idx - DATE_WINDOW_BEFORE)
        hi = min(len(blocks), title_idx + DATE_WINDOW_AFTER + 1)
        near = [blocks[i] for i in range(lo, hi) if i != title_idx]
    else:
        near = region_blocks[:DATE_WINDOW_AFTER]
    tail: list = []
    if region_blocks:
        end = region_blocks[-1].index
        after = []
        for b in blocks[end + 1:]:
            if len(after) >= DATE_TAIL_BLOCKS:
                break
            if b.link_density <= MOSTLY_LINKS:  # links (a related list) do not use up the window
                after.append(b)
        tail = [b for b in region_blocks[-DATE_TAIL_BLOCKS:] + after if b not in near]
    candidates = []
    for where, window in ((0, near), (1, tail)):
        for b in window:
            if b.n > DATE_BLOCK_MAX_CHARS:
                continue
            if b.link_density > MOSTLY_LINKS or b.repeated:
                continue  # "Tin khác" headlines carry other articles' dates
            prev = blocks[b.index - 1] if b.index > 0 else None
            if (prev is not None and prev.n >= TITLE_LIKELY_CHARS and prev.link_density >= LINK_BLOCK
                    and b.owner.getparent() in prev.chain[1:3]):
                continue  # the date under a link to another article, in its item, is that article's
            line = is_date_line(b)
            if where == 1 and not line:
                continue
            for hit in find_dates(b.text):
                if hit.labelled:
                    rank = 0
                elif hit.update:
                    rank = 3 if line else 5  # old portals show only "Cập nhật: ..."
                elif line:
                    rank = 1 + where
                else:
                    rank = 4
                distance = abs(b.index - title_idx) if title_idx is not None else b.index
                candidates.append((rank, not hit.has_time, distance, hit.value, b.index))
    if not candidates:
        return None, None
    candidates.sort()
    return candidates[0][3], candidates[0][4]


_CATEGORY_SPLIT = re.compile(r"\s*[|]\s*")
_TRAIL_SPLIT = re.compile(r"\s+[>»›]+\s+")
_CATEGORY_LABEL = re.compile(r"^(?:chuyên\s*mục|danh\s*mục|đăng\s*trong|thuộc\s*chuyên\s*mục|category)\s*:?\s+(\S.*)$", re.I)


def choose_category(root, crumbs, meta, title, blocks, title_idx, date_idx) -> str | None:
    """Breadcrumb, rel="category" link, article:section / JSON-LD, the <title> parts around the
    title, a kicker link just above the title, or the label beside the date ("Tin tức | 26/12/2012")."""
    if crumbs:
        items = [c for c in crumbs if title is None or norm(c) != norm(title)]
        if items:
            return items[-1]
    for a in root.iter("a"):
        if "category" in (a.get("rel") or "").lower().split():
            text = " ".join("".join(a.itertext()).split())
            if text:
                return text
    if meta.get("section"):
        return meta["section"]
    for b in blocks:
        m = _CATEGORY_LABEL.match(b.text)
        if m and len(m.group(1)) <= CATEGORY_MAX_CHARS:
            return m.group(1).strip()
    title_tag = meta.get("title_tag") or ""
    if title and title_tag:
        tt, t = norm(title_tag), norm(title)
        if tt.startswith(t):
            parts = split_title_tag(title_tag, title)
            if len(parts) >= 2:
                return " - ".join(parts[:-1])
        elif tt.endswith(t) and len(title_tag) > len(title):
            parts = split_title_tag(title_tag[:len(title_tag) - len(title)], None)
            if len(parts) >= 2:
                return " - ".join(parts[1:])
    if title_idx is not None and title_idx > 0:
        kicker = blocks[title_idx - 1]
        trail = _TRAIL_SPLIT.split(kicker.text)
        if (len(trail) >= 2 and norm(trail[0]) in HOME_CRUMBS and kicker.link_density >= MOSTLY_LINKS
                and 0 < len(trail[-1].strip()) <= CATEGORY_MAX_CHARS):
            return trail[-1].strip()  # a breadcrumb without a class: "Trang chủ » Giáo dục"
        if kicker.n <= CATEGORY_MAX_CHARS and kicker.link_density >= LINK_BLOCK and not _clean.widget_kind(kicker.text):
            return kicker.text
    if date_idx is not None:
        b = blocks[date_idx]
        hits = find_dates(b.text)
        if hits:
            label = _CATEGORY_SPLIT.split(b.text[:hits[0].start].strip())[0].strip(" |-")
            if 2 < len(label) <= CATEGORY_MAX_CHARS and not _DATE_LABELS.fullmatch(label) \
                    and not re.search(r"\d", label) and not _DATE_LABELS.match(label):
                return label
    return None


_DATE_LABELS = re.compile(
    r"ngày\s*đăng|đăng\s*ngày|đăng\s*lúc|cập\s*nhật(\s*lúc)?|xuất\s*bản|lượt\s*xem|view\s*count|"
    r"thứ\s*(hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s*nhật|gmt|\bam\b|\bpm\b|\blúc\b|\bđăng\b|ngày|"
    r"in\s*trang|in\s*bài(\s*viết)?|gửi\s*(e-?mail|mail)|chia\s*sẻ|facebook|zalo|twitter|"
    r"posted|published|updated",
    re.I,
)
# Letters left after removing the date and its labels: a date line keeps a word or two at most.
DATE_LINE_MAX_LEFT = 20


def _multi_cell_row(el) -> bool:
    """A data-table row of several cells (one block "cell | cell"): not a date line."""
    return el.tag == "tr" and sum(1 for c in el if c.tag in ("td", "th")) > 1


def is_date_line(b) -> bool:
    """A short line that is a date with labels ("Ngày đăng 08/10/2018 | 15:54 | Lượt xem: 12")."""
    cached = b.extra.get("date_line")
    if cached is None:
        cached = b.extra["date_line"] = _date_line(b)
    return cached


def _date_line(b) -> bool:
    if b.n > DATE_BLOCK_MAX_CHARS or b.link_density > MOSTLY_LINKS or _multi_cell_row(b.owner):
        return False
    hits = find_dates(b.text)
    if not hits:
        return False
    rest = b.text
    for h in reversed(hits):
        rest = rest[:h.start] + rest[h.end:]
    rest = _DATE_LABELS.sub(" ", rest)
    return len(re.sub(r"[\W\d_]+", "", rest)) <= DATE_LINE_MAX_LEFT
