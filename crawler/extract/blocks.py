"""The page as a sequence of text blocks, and the generic choice of the main-text region.

``linearize`` walks the cleaned tree once (iteratively: deeply nested pages cannot exhaust the
Python stack) and cuts the text at every block-level tag and ``<br>``. Each block remembers how
much of it was link text, bold, italic or inside a caption, whether an image came right before it,
and the chain of its ancestor elements.

``choose_region`` scores every block (length, link density, share of Vietnamese function words,
repetition), adds the scores to the block's nearest ancestors (the readability idea), takes the
best-scoring element and adds the sibling elements that hold prose (a lead paragraph in its own
``div``, a second body ``div``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

__all__ = ["Block", "linearize", "score_blocks", "choose_region", "function_word_share"]

BLOCK_TAGS = frozenset(
    "p div td th li h1 h2 h3 h4 h5 h6 blockquote pre section article header footer figure "
    "figcaption table tr tbody thead tfoot ul ol dl dt dd center form address main aside nav "
    "fieldset legend caption hr br body html".split()
)
_ROW_BREAKERS = BLOCK_TAGS - {"td", "th", "br"}
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
BOLD_TAGS = frozenset(("b", "strong"))
ITALIC_TAGS = frozenset(("i", "em"))

# Vietnamese function words: prose has many of them (about 15–30 % of syllables), menus, link
# lists, counters and footers almost none. Chosen from the frequent words of the seed article.
FUNCTION_WORDS = frozenset(
    "của và các được trong cho với đã là những có này về để một người tại không theo từ đến "
    "khi như cũng đó nhằm ra sẽ đang vào thì nhiều năm trên do bị nên mà hơn còn ngày tháng "
    "qua sau trước cùng nhưng hoặc hay ấy nào rất vẫn đều chỉ lại lên xuống số việc nhất "
    "ngoài dưới đồng thời bằng".split()
)

# --- block scoring -----------------------------------------------------------------------------
# A block shorter than this says nothing about where the article is (labels, buttons, dates).
MIN_SCORED_CHARS = 25
# Length saturates: one long paragraph must not outweigh a run of normal ones.
MAX_SCORED_CHARS = 800
# Teasers (prose right under a headline link) keep this share of their score; a headline is a
# link block at least this long; a date between them has no letters and is at most this long.
TEASER_WEIGHT = 0.3
TEASER_HEADLINE_MIN_CHARS = 20
TEASER_HEADLINE_LINK_DENSITY = 0.7
TEASER_DATE_MAX_CHARS = 30
# Function-word share at which a block counts as fully prose-like (seed article: about 0.2).
PROSE_FW_SHARE = 0.12
# Weight left to a block with no function words at all (names lists, addresses).
NO_FW_WEIGHT = 0.2
# A block counts as prose for sibling inclusion with at least this many characters, at most this
# link density and at least this function-word share.
PROSE_MIN_CHARS = 60
PROSE_MAX_LINK_DENSITY = 0.25
PROSE_MIN_FW_SHARE = 0.03
# How much of a block's score each ancestor receives: the block's own element, its parent, ...
ANCESTOR_WEIGHTS = (1.0, 1.0, 0.5, 0.33, 0.25)
# Class/id words that make an element likelier (or unlikelier) to be the article container.
POSITIVE_CLASS = re.compile(
    r"article|content|detail|chitiet|chi-tiet|noidung|noi-dung|body|entry|post|news|main|journal|story|text",
    re.I,
)
NEGATIVE_CLASS = re.compile(
    r"comment|footer|foot|sidebar|side-bar|menu|nav|banner|widget|related|share|social|advert|ads\b|"
    r"quangcao|weather|thoitiet|poll|binhchon|counter|thongke|lienket|link|tinkhac|other|hotnews|"
    r"marquee|header|logo|copyright|search",
    re.I,
)
POSITIVE_CLASS_FACTOR = 1.25
NEGATIVE_CLASS_FACTOR = 0.3
# Title anchoring: the article text starts at most this many blocks after its title (date line,
# author, share bar, lead in between), and an element there must score at least this much.
ANCHOR_GAP = 8
ANCHOR_MIN_SCORE = 1.0
# A heading at least this long, followed by a date line, is another article's headline.
OTHER_HEADLINE_MIN_CHARS = 20
# A sibling of the best element joins the region when its score reaches this share of the best's.
SIBLING_SCORE_RATIO = 0.2

_CAPTION_CLASS = re.compile(r"caption|chuthich|chu-thich|chu_thich|(?:img|image|photo|pic|anh)[_-]?(?:desc|note|text)|desc[_-]?(?:img|image|photo|pic|anh)", re.I)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(bold|[6-9]00)", re.I)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.I)
_WORD = re.compile(r"\w+")


@dataclass(eq=False)
class Block:
    """A run of text between two block boundaries."""

    index: int
    text: str
    owner: object  # the lxml element that opened the block
    chain: tuple  # owner and its ancestors, innermost first
    link_chars: int = 0
    bold_chars: int = 0
    italic_chars: int = 0
    caption_chars: int = 0
    heading: bool = False
    after_img: bool = False
    score: float = 0.0
    fw_share: float = 0.0
    prose: bool = False
    repeated: bool = False  # found on most pages of the source (hints["boilerplate"])
    extra: dict = field(default_factory=dict)

    n: int = 0
    link_density: float = 0.0

    def __post_init__(self) -> None:
        self.n = len(self.text)
        self.link_density = self.link_chars / max(1, self.n)


def function_word_share(text: str) -> float:
    """Share of the words of ``text`` that are Vietnamese function words."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in FUNCTION_WORDS) / len(words)


def _ancestors(el) -> tuple:
    chain = []
    while el is not None:
        chain.append(el)
        el = el.getparent()
    return tuple(chain)


# Inline elements that templates line up as separate entries (spaced by CSS, not by text).
_ENTRY_TAGS = frozenset(("span", "time", "abbr"))
_COUNTED = ("link", "bold", "italic", "caption", "heading")
_ACC_RESET = {"link": 0, "bold": 0, "italic": 0, "caption": 0, "heading": 0, "after_img": False, "has_text": False}


def linearize(root) -> list[Block]:
    """Cut the tree under ``root`` into text blocks in document order."""
    blocks: list[Block] = []
    parts: list[str] = []
    counts = {"link": 0, "bold": 0, "italic": 0, "caption": 0, "heading": 0}
    acc = {"link": 0, "bold": 0, "italic": 0, "caption": 0, "heading": 0, "after_img": False, "has_text": False}
    owners: list = [root]
    pending_img = [False]
    # Per element: which counters it raised (so the end event lowers the same ones).
    raised: dict = {}
    chains: dict = {}  # element → (element, parent, ..., root)

    def add(text: str) -> None:
        if not text:
            return
        parts.append(text)
        if text.isspace():
            return
        if not acc["has_text"]:
            acc["has_text"] = True
            if pending_img[0]:
                acc["after_img"] = True
            pending_img[0] = False
        if counts["link"] or counts["bold"] or counts["italic"] or counts["caption"] or counts["heading"]:
            n = len(" ".join(text.split()))
            for k in _COUNTED:
                if counts[k]:
                    acc[k] += n

    def flush() -> None:
        if not parts:
            return
        text = " ".join("".join(parts).split())
        if text and owners[-1] in flat_rows:
            # Empty cells at either end of a row (print / e-mail icons beside a title cell) leave
            # bare separators: "Title | |" is "Title".
            text = text.strip(" |")
        if text:
            owner = owners[-1]
            chain = chains.get(owner)
            if chain is None:
                parent = owner.getparent()
                chain = chains[owner] = (owner,) + (chains[parent] if parent in chains else _ancestors(parent))
            n = len(text)
            blocks.append(Block(
                index=len(blocks), text=text, owner=owner, chain=chain,
                link_chars=min(n, acc["link"]), bold_chars=min(n, acc["bold"]),
                italic_chars=min(n, acc["italic"]), caption_chars=min(n, acc["caption"]),
                heading=acc["heading"] > 0 or (isinstance(owner.tag, str) and owner.tag in HEADING_TAGS),
                after_img=acc["after_img"],
            ))
        parts.clear()
        acc.update(_ACC_RESET)

    # Rows of data tables (cells without block content) become one block "cell | cell | cell";
    # cells of layout tables stay blocks of their own.
    flat_rows: set = set()
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if event == "start":
            if tag is None:
                continue
            # (A row of one cell is not a data row: its cell, with its class and style, is the block.)
            if tag == "tr" and sum(1 for c in el if c.tag in ("td", "th")) > 1 \
                    and not any(isinstance(d.tag, str) and d.tag.lower() in _ROW_BREAKERS
                                for d in el.iterdescendants()):
                flat_rows.add(el)
            if tag in ("td", "th") and el.getparent() in flat_rows:
                if el.getprevious() is not None:
                    add(" | ")
            elif tag == "br" and counts["heading"]:
                add(" ")  # a line break inside a headline does not split it
            elif tag in BLOCK_TAGS:
                flush()
                owners.append(el)
            elif tag in _ENTRY_TAGS and el.get("class") and parts and not parts[-1][-1:].isspace():
                prev = el.getprevious()
                if prev is not None and prev.tag in _ENTRY_TAGS and prev.get("class") and not prev.tail:
                    add(" ")  # "<span class=date>05/04/21</span><span class=views>12 Lượt xem</span>"
            up = []
            if tag == "a" and el.get("href") is not None:
                up.append("link")
            style = el.get("style") or ""
            if tag in BOLD_TAGS or (style and _BOLD_STYLE.search(style)):
                up.append("bold")
            if tag in ITALIC_TAGS or (style and _ITALIC_STYLE.search(style)):
                up.append("italic")
            if tag in HEADING_TAGS:
                up.append("heading")
            if tag == "figcaption":
                up.append("caption")
            else:
                cls, ident = el.get("class"), el.get("id")
                if (cls or ident) and _CAPTION_CLASS.search(f"{cls or ''} {ident or ''}"):
                    up.append("caption")
            if up:
                raised[el] = up
                for k in up:
                    counts[k] += 1
            if tag == "img":
                pending_img[0] = True
            if el.text:
                add(el.text)
        else:
            if tag is not None:
                if tag in ("td", "th") and el.getparent() in flat_rows or tag == "br" and counts["heading"]:
                    pass
                elif tag in BLOCK_TAGS:
                    flush()
                    if len(owners) > 1:
                        owners.pop()
                for k in raised.pop(el, ()):
                    counts[k] -= 1
            if el.tail:
                add(el.tail)
    flush()
    return blocks


def score_blocks(blocks: list[Block]) -> None:
    """Give every block a content score (0 for short, link-heavy or repeated blocks: twice on
    the page, or on most pages of the source)."""
    seen: dict[str, int] = {}
    for b in blocks:
        seen[b.text] = seen.get(b.text, 0) + 1
    for b in blocks:
        b.fw_share = function_word_share(b.text)
        ld = b.link_density
        b.prose = b.n >= PROSE_MIN_CHARS and ld <= PROSE_MAX_LINK_DENSITY and b.fw_share >= PROSE_MIN_FW_SHARE
        if b.n < MIN_SCORED_CHARS or seen[b.text] > 1 or b.repeated:
            b.score = 0.0
            continue
        fw_weight = NO_FW_WEIGHT + (1 - NO_FW_WEIGHT) * min(1.0, b.fw_share / PROSE_FW_SHARE)
        b.score = min(b.n, MAX_SCORED_CHARS) / 100 * (1 - ld) ** 2 * fw_weight
        if _after_headline(blocks, b.index):
            # A teaser (an excerpt under a link to another page) tells where a listing or a
            # related-posts box is, not where this page's article is.
            b.score *= TEASER_WEIGHT


def _after_headline(blocks, i: int) -> bool:
    """The nearest block before ``i`` (short date-only blocks skipped) is a headline link."""
    j = i - 1
    while j >= 0 and blocks[j].n <= TEASER_DATE_MAX_CHARS and blocks[j].link_density < 0.5 \
            and not any(c.isalpha() for c in blocks[j].text.replace("ngày", "")):
        j -= 1
    return (j >= 0 and blocks[j].n >= TEASER_HEADLINE_MIN_CHARS
            and blocks[j].link_density >= TEASER_HEADLINE_LINK_DENSITY)


def _class_factor(el) -> float:
    if not isinstance(el.tag, str):
        return 1.0
    cls, ident = el.get("class"), el.get("id")
    if not cls and not ident:
        return 1.0
    return _name_factor(f"{cls or ''} {ident or ''}")


@lru_cache(maxsize=4096)
def _name_factor(name: str) -> float:
    if NEGATIVE_CLASS.search(name) and not POSITIVE_CLASS.search(name):
        return NEGATIVE_CLASS_FACTOR
    if POSITIVE_CLASS.search(name) and not NEGATIVE_CLASS.search(name):
        return POSITIVE_CLASS_FACTOR
    return 1.0


def choose_region(blocks: list[Block], anchor: int | None = None,
                  class_weights: bool = True, prefer_anchored: bool = False) -> tuple[object | None, set, dict]:
    """Return ``(best element, region elements, stats)``; the region is the best element plus
    its siblings holding plain text (long blocks, few links): a lead in its own element, a second
    body element. ``stats`` maps each element to [score, chars, link chars, plain chars, first
    block index, final score].

    ``anchor`` is the index of the block holding the title when the <title> tag identified it:
    the article text starts right after its title, so when the best element starts elsewhere
    (a long "Giới thiệu" box beside a short notice) the best element starting within
    ``ANCHOR_GAP`` blocks after the title is taken instead, if it scores at all."""
    stats: dict = {}
    for b in blocks:
        for depth, el in enumerate(b.chain):
            st = stats.get(el)
            if st is None:
                st = stats[el] = [0.0, 0, 0, 0, b.index, 0.0]
            if depth < len(ANCESTOR_WEIGHTS):
                st[0] += b.score * ANCESTOR_WEIGHTS[depth]
            st[1] += b.n
            st[2] += b.link_chars
            if b.n >= PROSE_MIN_CHARS and b.link_density <= PROSE_MAX_LINK_DENSITY:
                st[3] += b.n  # plain text: a lead may have few function words
    best, best_score = None, 0.0
    anchored, anchored_score = None, 0.0
    # Elements holding another article's header (a headline followed by its date line: the next
    # article of an "infinite scroll" page) cannot be the body that follows the anchored title.
    other_headers: set = set()
    later_headlines: list[int] = []  # indices of such headlines after the anchored title
    if anchor is not None:
        from .fields import is_date_line

        for b in blocks:
            if (b.heading and b.index != anchor and b.n >= OTHER_HEADLINE_MIN_CHARS
                    and any(is_date_line(n) for n in blocks[b.index + 1:b.index + 3])):
                other_headers.update(b.chain)
                if b.index > anchor:
                    later_headlines.append(b.index)
    for el, st in stats.items():
        if not isinstance(el.tag, str) or el.tag in ("html", "body") or st[0] <= 0:
            continue
        ld = st[2] / max(1, st[1])
        final = st[0] * (1 - ld) * (_class_factor(el) if class_weights else 1.0)
        st[5] = final
        if final > best_score:
            best, best_score = el, final
        if anchor is not None and anchor < st[4] <= anchor + ANCHOR_GAP and el not in other_headers:
            if prefer_anchored:
                # the text nearest under the title (the retry of the second opinion)
                if final >= ANCHOR_MIN_SCORE and (anchored is None or (st[4], -final) < (stats[anchored][4], -anchored_score)):
                    anchored, anchored_score = el, final
            elif final > anchored_score:
                anchored, anchored_score = el, final
    if best is None:
        return None, set(), stats
    # The best element belongs to another article when it holds that article's header or starts
    # after it.
    foreign = best in other_headers or any(h < stats[best][4] for h in later_headlines)
    if (anchored is not None and anchored is not best and anchored_score >= ANCHOR_MIN_SCORE
            and (foreign or prefer_anchored or not anchor < stats[best][4] <= anchor + ANCHOR_GAP)):
        best, best_score = anchored, anchored_score
    region = {best}
    # Siblings are looked for beside the best element, or beside the highest ancestor that holds
    # nothing else (a body cell alone in its table row: the lead sits in the row above).
    base = best
    while (base.getparent() is not None and base.getparent().tag not in ("body", "html")
           and all(c is base or stats.get(c, (0, 0))[1] == 0 for c in base.getparent())):
        base = base.getparent()
    parent = base.getparent()
    if parent is not None:
        for sib in parent:
            if sib is base or sib not in stats:
                continue
            st = stats[sib]
            ld = st[2] / max(1, st[1])
            if ld > PROSE_MAX_LINK_DENSITY:
                continue
            if st[5] >= SIBLING_SCORE_RATIO * best_score or (st[3] >= PROSE_MIN_CHARS and st[3] >= 0.5 * st[1]):
                region.add(sib)
    return best, region, stats
