"""The extractor: one page (bytes or text) → one ``Article``.

``extract`` reads top to bottom as numbered steps, like trafilatura's orchestrator; each step is a
small function in a sibling module:

1. decode and parse (``decode``); broken input gives ``is_article=False`` with a reason
2. head metadata: <title>, meta tags, JSON-LD, canonical link (``metadata``)
3. page kind from the URL: print views, search pages, site roots (``metadata.url_kind``); a
   site root whose content is an article (title, date, main text) is an article
4. blocks: the cleaned page cut into text blocks (``blocks.linearize``)
5. main-text region: generic block scoring, no per-site selectors, anchored right after the title
   the <title> tag identifies (``blocks.choose_region``)
6. title, publish datetime, category (``fields``, ``dates``, ``metadata``)
7. body: widgets, footers, bylines, source lines, CMS accounts and captions taken out (``clean``)
8. page kind from the content: listing pages and pages without main text
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import etree

from crawler.records import Article
from crawler.urls import article_id  # the URL shapes of article ids live with the URLs

from . import blocks as _blocks
from . import clean as _clean
from .dates import date_from_url, find_dates, parse_iso_datetime
from .confidence import SECOND_OPINION_BELOW, article_confidence, rejection_confidence
from .decode import decode_html
from .limits import cap_attributes
from .fields import (MOSTLY_LINKS, PLAIN_TEXT_LINKS, attr_match, choose_category, choose_date,
                     choose_title, is_date_line, norm, title_anchor)
from .ids import find_article_id
from .kinds import is_procedure_page, is_static_page
from .repetition import LINK_MARK, SourceProfile, SourceProfiles, learn_boilerplate, profile_hints, repeat_key
from .metadata import (ATTACHMENT_EXT, breadcrumb, is_document_link, find_attachments, head_metadata, print_canonical,
                       url_kind)

__all__ = ["extract", "decode_html", "learn_boilerplate", "SourceProfile", "SourceProfiles", "profile_hints",
           "EXTRACTOR_VERSION"]


def _code_version(folder: Path) -> str:
    """A digest of the extractor's own source files: any change to the code gives a new
    version, so `vnnews process` re-extracts exactly what an older extractor read."""
    digest = hashlib.sha1()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and \
                path.suffix in (".py", ".txt", ".tsv", ".json"):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return "x-" + digest.hexdigest()[:12]


# Recorded with every extraction (pages.extracted_with).
EXTRACTOR_VERSION = _code_version(Path(__file__).resolve().parent)

# --- thresholds --------------------------------------------------------------------------------
# Fewer characters of body (lead included) than this is not an article (a stub, a listing, an
# error page). The shortest real notices on district portals are two or three sentences.
MIN_ARTICLE_CHARS = 120
# ...unless the text announces an attached document ("Thông báo ... (tệp đính kèm)"): a notice
# that is one sentence and a link to the file is still an article, from this length.
NOTICE_MIN_CHARS = 15
# Share of replacement / control characters above which the input is not text at all.
MAX_GARBAGE_SHARE = 0.05
# Listing pages: at least this many headline links (link-only blocks of headline length) inside
# the chosen region, and at least as many as prose blocks (lists of titles without summaries;
# listings with summaries are caught as teasers below).
LISTING_MIN_HEADLINES = 4
LISTING_HEADLINE_PER_PROSE = 1.0
HEADLINE_MIN_CHARS = 20
HEADLINE_MIN_LINK_DENSITY = 0.7
# Share of the region's prose blocks that are teasers (prose right under a headline link) from
# which the page is a listing; an article may quote one linked title, not half its paragraphs.
LISTING_TEASER_SHARE = 0.5
# Listing items: looked for this many levels up from the chosen element; together they hold at
# least this share of their container's text.
LISTING_ITEM_LEVELS = 3
LISTING_ITEMS_SHARE = 0.6
# A related-posts box closing an article holds at least this many teasers (a lone "headline link,
# then prose" is the last link of an inline box followed by the article's next paragraph).
RELATED_BOX_MIN_TEASERS = 2
# An article header: the text starts at most this many blocks after the title (the date line and
# a kicker or share bar between them).
ARTICLE_HEADER_SPAN = 4
# A lead (sapo) is at least this long.
LEAD_MIN_CHARS = 40
# The first paragraph is the lead when it starts with the page's meta description (CMSs fill it
# with the sapo, sometimes cut short): compared on this many characters.
LEAD_DESCRIPTION_PREFIX = 100
# Attachments are looked for this many levels above the body element (a download panel beside it).
ATTACHMENT_SCOPE_LEVELS = 3
# After an inline widget inside the body, body text resumes with a block at least this long.
INLINE_RESUME_CHARS = 60
# Bylines: how many closing blocks to examine.
TAIL_BLOCKS = 4
# Share of a block's text that must be bold / italic / in a caption element for the flag to count.
STYLE_SHARE = 0.8
# Body blocks with more link text than this are link lists ("Xem thêm: ..."), not paragraphs.
BODY_MAX_LINK_DENSITY = 0.6
# The article text has started once a block this long was taken (shorter ones are labels);
# widget headings only end the article after that.
BODY_START_CHARS = 40
# "Ảnh: ..." / "Ảnh minh họa" lines are captions up to this length even without an image before.
STANDALONE_CAPTION_MAX_CHARS = 120
# A machine-readable publish date before this year is impossible (a CMS default such as 1970 or
# 2000-01-01); so is one after the page was fetched.
MIN_PUBLISH_YEAR = 1995
# How many leading characters to check for binary garbage.
GARBAGE_SNIFF_CHARS = 20000

DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
              "select", "option", "textarea", "button", "input", "head", "map", "audio", "video",
              "math", "link", "meta")
# A block in an element of one of these classes is the lead, never a caption, even when it is
# as short as one beside the floated image it sits next to (Liferay's p.sapo in a wrapper div).
_SAPO_CLASS = re.compile(r"(?:^|[\s_-])(?:sapo|lead|summary|tomtat|tom-tat|tom_tat|chapeau|trichdan|"
                         r"trich-dan)(?:$|[\s_-])", re.I)
# A short posting ("... xem tại file đính kèm") with a title, a date and an attachment is a
# notice archivists want, however short: at least this many characters of text.
_LEAD_CLASS = re.compile(r"sapo|lead|summary|tomtat|tom-tat|trichdan|trich-dan|intro|abstract|teaser|chapeau|"
                         r"mota|mo-ta|description|desc|short|quote|excerpt|summ", re.I)
_SOURCE_TAG = re.compile(r"^\((?:[\w.\- ]{2,40})\)\s*[-–—]\s*")
_RIGHT = re.compile(r"text-align\s*:\s*right", re.I)
_CENTER = re.compile(r"text-align\s*:\s*center", re.I)
_WAYBACK_TOOLBAR = re.compile(r"<!--\s*BEGIN WAYBACK TOOLBAR INSERT\s*-->.*?<!--\s*END WAYBACK TOOLBAR INSERT\s*-->", re.S)
_XML_DECL = re.compile(r"^[\s\ufeff]*<\?xml[^>]*\?>", re.I)
_PAGINATION = re.compile(r"^(?:[«‹←]?\s*(?:đầu tiên|trước|tiếp|sau|cuối cùng|trang sau|trang trước|next|prev|previous|first|last)\s*[»›→]?\s*|\d+(?:\s+\d+){2,}.*)$", re.I)
_PUNCT_ONLY = re.compile(r"^[\W_]+$")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDING_CLASSES = frozenset(("d-none", "hidden", "hide", "sr-only", "visually-hidden", "invisible",
                             "print-only", "visible-print", "visible-print-block"))
_SHOWN_AGAIN = re.compile(r"^d-(?:sm|md|lg|xl|xxl)-(?!none)\w+$")
# Hidden elements are dropped only while they hold at most this share of the page's text.
HIDDEN_MAX_SHARE = 0.5
_PRINT_ON_LOAD = re.compile(r"\bprint\s*\(", re.I)
_LETTER = re.compile(r"[^\W\d_]")
_GARBAGE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")
_CLOSING = re.compile(r"</(?:html|body)\s*>", re.I)
# How far from the end of the page to look for </body> or </html>.
TAIL_SNIFF_CHARS = 4096


def _fail(url: str, reason: str, **kw) -> Article:
    return Article(url=url, is_article=False, reason=reason, method="ours",
                   confidence=rejection_confidence(reason), **kw)


_TEXT_ALIGN = re.compile(r"text-align\s*:\s*([a-z-]+)", re.I)


def _aligned(block, pattern, align: str, stop=None) -> bool:
    """Whether the block's text is aligned ``align``: the nearest element that sets an alignment
    decides ("justify" on the paragraph overrides a centred container). ``align`` on a <table>
    places the table on the page, not the text of its cells, so it does not count."""
    for el in block.chain:
        if el is stop:
            break
        style = el.get("style") or ""
        m = _TEXT_ALIGN.search(style) if "align" in style else None
        value = m.group(1).lower() if m else None
        if value is None and el.tag != "table":
            value = (el.get("align") or "").lower() or ("center" if el.tag == "center" else None)
        if value:
            return value == align
        if el.tag in ("p", "div", "td"):
            # Alignment is set on the paragraph or its cell; higher containers rarely matter.
            if el.getparent() is not None and el.getparent().tag in ("body", "html"):
                break
    return False


def _image_beside(el) -> bool:
    """The element holds an image, or its previous sibling element is (or holds) one."""
    if el.find(".//img") is not None:
        return True
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    return prev is not None and (prev.tag == "img" or prev.find(".//img") is not None)


def _drop_hidden(root) -> int:
    """Remove what the page hides from readers with inline CSS or the ``hidden`` attribute (a
    second, mobile copy of the article; closed menus), unless it is most of the page's text (some
    pages hide everything until a script has run)."""
    hidden = [el for el in root.xpath("//*[@hidden or contains(@style, 'none') or contains(@style, 'hidden')"
                                      " or contains(@class, 'none') or contains(@class, 'hid')"
                                      " or contains(@class, 'only') or contains(@class, 'invisible') or contains(@class, 'print')]")
              if el.tag not in ("body", "html")
              and (el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or "")
                   or _hidden_by_class(el.get("class")))]
    if not hidden:
        return 0
    hidden = [el for el in hidden if not any(a in hidden for a in el.iterancestors())]
    hidden_chars = sum(len("".join(el.itertext()).strip()) for el in hidden)
    if hidden_chars > HIDDEN_MAX_SHARE * len("".join(root.itertext()).strip()):
        return 0
    for el in hidden:
        parent = el.getparent()
        if parent is not None:
            if el.tail:  # the text after the element stays
                prev = el.getprevious()
                if prev is not None:
                    prev.tail = (prev.tail or "") + el.tail
                else:
                    parent.text = (parent.text or "") + el.tail
            parent.remove(el)
    return hidden_chars


def _hidden_by_class(cls: str | None) -> bool:
    """Utility classes that hide an element on screen ("d-none", "hidden", "sr-only", print-only
    copies), unless a responsive class shows it again on larger screens ("d-none d-md-block")."""
    if not cls:
        return False
    tokens = cls.lower().split()
    return (any(t in _HIDING_CLASSES for t in tokens)
            and not any(_SHOWN_AGAIN.match(t) for t in tokens))


def _in_region(block, region: set) -> bool:
    return any(el in region for el in block.chain)


# huge_tree lifts libxml2's default depth limit (256), which table-layout portals nesting tables in
# tables can reach; deeper than its own limit the parse stops and the page has no text.
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, recover=True, no_network=True,
                           huge_tree=True)


def parse_html(text: str):
    text = cap_attributes(_XML_DECL.sub("", text, count=1))
    if "WAYBACK TOOLBAR" in text:  # captures saved with the archive's banner
        text = _WAYBACK_TOOLBAR.sub("", text)
    # Plain lxml.etree elements: lxml.html's element classes cost a lookup per node.
    return etree.fromstring(text, parser=_PARSER)


_AUTHOR_CLASS = re.compile(r"author|tacgia|tac-gia|tac_gia|byline|writer|nguoiviet", re.I)


def _is_top_byline(b) -> bool:
    """"Tác giả: Minh Anh" / "Bài: ..." or a name in an author element, above the body."""
    if b.n > _clean.BYLINE_MAX_CHARS:
        return False
    if _clean._AUTHOR_PREFIX.match(b.text):
        return True
    return attr_match(b, _AUTHOR_CLASS) and _clean.byline_kind(b.text, True) == "author"


def _byline_near_title(blocks, title_idx) -> str | None:
    if title_idx is None:
        return None
    for b in blocks[max(0, title_idx - 2):title_idx + 4]:
        if b.index != title_idx and _is_top_byline(b):
            return b.text
    return None


def _in_image_table(b) -> bool:
    """The block is a cell of a small table framing an image (an image and its caption)."""
    if b.owner.tag not in ("td", "th", "tr"):  # a one-cell row is linearised as its row
        return False
    table = next((el for el in b.chain if el.tag == "table"), None)
    return (table is not None and table.find(".//img") is not None
            and len("".join(table.itertext()).strip()) <= _clean.CAPTION_MAX_CHARS)


def _bylines_below(blocks, last_index) -> tuple[str | None, str | None]:
    """(author, source line) among the few blocks right after the article text, before any widget."""
    author = source = None
    for b in blocks[last_index + 1:last_index + 1 + TAIL_BLOCKS]:
        if _clean.widget_kind(b.text) or b.link_density > MOSTLY_LINKS or b.n > _clean.BYLINE_MAX_CHARS:
            break
        kind = _clean.byline_kind(b.text, attr_match(b, _AUTHOR_CLASS))
        if kind == "source" and source is None:
            source = b.text
        elif kind == "author" and author is None and (_is_top_byline(b) or attr_match(b, _AUTHOR_CLASS)):
            author = b.text
    return author, source


def _bylines_after(widget, region_blocks, best) -> list:
    """Byline-shaped short blocks inside the body element after a closing widget (a related
    list put before the author's name); they go through the usual byline classification."""
    found = []
    for b in region_blocks:
        if b.index <= widget.index or best not in b.chain or b.link_density > MOSTLY_LINKS:
            continue
        if b.n > _clean.BYLINE_MAX_CHARS or _clean.widget_kind(b.text):
            break
        found.append(b)
    return found if all(_clean.byline_kind(b.text, True) for b in found) else []


def _attachments(root, blocks, best, paragraphs, url) -> list[dict]:
    """Document links near the article (in its container, or a panel of its own beside the
    body, as NukeViet's "Tải file đính kèm"), from the article's start up to the first widget
    after its text ("Các tin khác", a footer) or the first text the source repeats."""
    scope = best
    for _ in range(ATTACHMENT_SCOPE_LEVELS):
        parent = scope.getparent()
        if parent is None or parent.tag in ("body", "html", "form"):
            break
        scope = parent
    found = find_attachments([scope], url)
    if not found or not paragraphs:
        return found
    order = {el: i for i, el in enumerate(root.iter())}
    start = order.get(paragraphs[0].owner, 0)
    end = None
    for b in blocks[paragraphs[-1].index + 1:]:
        if (_clean.widget_kind(b.text) == _clean.END and not _clean.is_attachment_label(b.text)) \
                or (b.repeated and b.n >= INLINE_RESUME_CHARS):
            end = order.get(b.owner)
            break
    keep = set()  # a set: pages listing thousands of documents stay linear
    for a in scope.iter("a"):
        pos = order.get(a, -1)
        if pos >= start and (end is None or pos < end):
            keep.add(urljoin(url, (a.get("href") or "").strip()))
    return [f for f in found if f["url"] in keep]


def _links_documents(el) -> bool:
    """Whether the element links to a document (.pdf, .doc, ...): an attachment, not a headline."""
    return any(is_document_link((a.get("href") or "").strip(), a.get("title")) for a in el.iter("a"))


def _more_text_after(widget, region_blocks, best) -> bool:
    """Whether plain body text (not links) follows ``widget`` inside ``best``."""
    for b in region_blocks:
        if b.index <= widget.index or best not in b.chain:
            continue
        if b.n >= INLINE_RESUME_CHARS and b.link_density < PLAIN_TEXT_LINKS and not _clean.widget_kind(b.text):
            return True
    return False


def _widget_box(marker, region_blocks, best):
    """The element of an inline widget: the highest ancestor of its heading, below ``best``,
    that holds no plain body text."""
    box = marker.owner
    for el in marker.chain[1:]:
        if el is best:
            break
        if any(el in b.chain and b.n >= INLINE_RESUME_CHARS and b.link_density < PLAIN_TEXT_LINKS
               and not _clean.widget_kind(b.text) for b in region_blocks):
            break
        box = el
    return box


def _repeated_inside_text(paragraphs, repeated, title_idx) -> list:
    """Put back the repeated blocks that stand inside the article's own text: a subheading or a
    table's header row that several articles of the source share, between two of its own
    paragraphs; a lead right under the title that a "Tin nổi bật" box repeats on every page.
    Repeated blocks before or after the text (a notice the template adds, the footer) stay out."""
    own = [p.index for p in paragraphs if p.prose]
    if not own:
        return paragraphs
    first, last = own[0], own[-1]
    back = [b for b in repeated
            if first < b.index < last
            or (b.prose and b.index < first and title_idx is not None
                and title_idx < b.index <= title_idx + ARTICLE_HEADER_SPAN)]
    return sorted(paragraphs + back, key=lambda b: b.index) if back else paragraphs


def _repeat_keys(texts) -> set[str]:
    """The keys to compare blocks with: learned keys as they are; a text given in sources.toml
    matches as plain text and as a link."""
    keys = set()
    for t in texts:
        if not isinstance(t, str):
            continue
        keys.add(t)
        if not t.startswith(LINK_MARK):
            key = repeat_key(t)
            if key is not None:
                keys.update((key, LINK_MARK + key))
    return keys


def _machine_date(meta: dict, blocks, date_idx, region) -> str | None:
    """The machine-readable publish datetime: meta tags, JSON-LD, microdata; else the
    ``<time datetime>`` of the chosen date line, or the first one inside the article region."""
    if meta.get("published"):
        return meta["published"]
    candidates = []
    if date_idx is not None:
        candidates += [el for el in blocks[date_idx].owner.iter("time")]
        candidates += [el for el in blocks[date_idx].chain[:2] if el.tag == "time"]
    for el in region:
        if isinstance(el.tag, str):
            candidates += list(el.iter("time"))
            # the <article> element around the text (its header or footer holds the time)
            outer = next((a for a in el.iterancestors("article")), None)
            if outer is not None:
                candidates += [t for t in outer.iter("time") if t not in candidates]
    for el in candidates:
        value = parse_iso_datetime(el.get("datetime"))
        if value:
            return value
    return None


def _possible_date(value: str, hints: dict) -> bool:
    """A publish date can be neither before the first portals nor after the page was fetched."""
    from datetime import datetime, timedelta

    try:
        year = int(value[:4])
    except ValueError:
        return False
    if not MIN_PUBLISH_YEAR <= year:
        return False
    fetched = (hints.get("fetched_at") or "")[:10]
    limit = fetched or (datetime.now() + timedelta(days=1)).strftime("%Y-%m-%d")
    return value[:10] <= limit


def _decide_date(on_page: str | None, machine: str | None, hints: dict, notes: dict) -> str | None:
    """The machine-readable publish date wins over the date read in the text, unless it is
    impossible; on the same day, the page's minute stands when the metadata gives another time
    (a later update time, a 23:59 placeholder) or none."""
    if machine and not _possible_date(machine, hints):
        notes["published_meta_rejected"] = machine
        machine = None
    if not machine:
        return on_page
    if not on_page:
        notes["published_from"] = "meta"
        return machine
    if machine[:10] != on_page[:10]:
        notes["published_page"] = on_page
        notes["date_conflict"] = True
        notes["published_from"] = "meta"
        return machine
    if len(machine) > len(on_page):
        return machine  # same day; the metadata adds the time
    if machine != on_page[:len(machine)]:
        notes["published_meta"] = machine
    return on_page


def _repeated_items(best) -> int:
    """Number of listing items around the chosen element: sibling elements of one kind (same tag
    and class) that each hold a heading, together most of their container's text (a listing
    whose headings are not links, the link being an overlay). 0 when there are none."""
    el = best
    for _ in range(LISTING_ITEM_LEVELS):
        if el is None or el.tag in ("body", "html"):
            break
        groups: dict = {}
        for child in el:
            if isinstance(child.tag, str) and child.tag not in _HEADING_TAGS:
                groups.setdefault((child.tag, child.get("class") or ""), []).append(child)
        total = len("".join(el.itertext()).strip()) or 1
        for members in groups.values():
            if len(members) < LISTING_MIN_HEADLINES:
                continue
            with_heading = [m for m in members if any(True for _ in m.iter(*_HEADING_TAGS))]
            chars = sum(len("".join(m.itertext()).strip()) for m in with_heading)
            if len(with_heading) >= LISTING_MIN_HEADLINES and chars >= LISTING_ITEMS_SHARE * total:
                return len(with_heading)
        el = el.getparent()
    return 0


_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _is_headline(b) -> bool:
    """A link to another page with headline-length text (document links do not count)."""
    return (b.n >= HEADLINE_MIN_CHARS and b.link_density >= HEADLINE_MIN_LINK_DENSITY
            and not _links_documents(b.owner))


def _teaser_pairs(blocks, candidates) -> list[tuple[int, object]]:
    """(headline index, prose block) of the teasers among ``candidates``: prose whose nearest
    preceding block (dates skipped) is a headline link, the shape of every listing item
    ("<a>Title</a> (08/10/2018) / summary"). In an article, prose follows prose, the title or
    the date line, never a link to another page."""
    pairs = []
    for b in candidates:
        if b.n < _blocks.PROSE_MIN_CHARS or b.link_density > _blocks.PROSE_MAX_LINK_DENSITY:
            continue
        j = b.index - 1
        while j >= 0 and (is_date_line(blocks[j]) or not blocks[j].text.strip()):
            j -= 1
        if j >= 0 and _is_headline(blocks[j]):
            pairs.append((j, b))
    return pairs


def _count_teasers(blocks, candidates) -> tuple[int, int, int]:
    """(teasers, prose blocks, characters of teaser text) among ``candidates``."""
    n_prose = sum(1 for b in candidates
                  if b.n >= _blocks.PROSE_MIN_CHARS and b.link_density <= _blocks.PROSE_MAX_LINK_DENSITY)
    pairs = _teaser_pairs(blocks, candidates)
    return len(pairs), n_prose, sum(b.n for _, b in pairs)


_ARTICLE_TYPES = frozenset(("article", "newsarticle", "blogposting", "reportagenewsarticle", "report",
                            "analysisnewsarticle", "socialmediaposting", "liveblogposting"))


def _says_article(meta: dict) -> bool:
    """The page's metadata calls it one article (og:type, JSON-LD @type, a publish time)."""
    tags = meta.get("tags") or {}
    return ((tags.get("og:type") or "").lower() == "article" or bool(meta.get("published"))
            or any(t.lower() in _ARTICLE_TYPES for t in meta.get("jsonld_types") or ()))


def _closing_teaser_box(blocks, considered, paragraphs, title_idx, date_idx, meta, named=False) -> int | None:
    """Index of the first headline of a box of teasers that closes an article ("Bài viết liên
    quan" with excerpts, with or without a heading), or None.

    It is one when the page is an article (its metadata says so, its <title> names the title
    block, or a title, its date line and the text follow each other), the article's own prose
    comes before the first teaser,
    and none comes after it: a listing's items start right under its heading."""
    pairs = _teaser_pairs(blocks, considered)
    if len(pairs) < RELATED_BOX_MIN_TEASERS or not paragraphs:
        return None
    first = min(j for j, _ in pairs)
    teaser_ids = {id(b) for _, b in pairs}
    own = [b for b in paragraphs if b.prose and id(b) not in teaser_ids]
    if not own or own[0].index > first or any(b.index > first for b in own):
        return None
    headed = (title_idx is not None and date_idx is not None
              and title_idx < date_idx < own[0].index <= title_idx + ARTICLE_HEADER_SPAN + 2)
    return first if headed or named or _says_article(meta) else None


# Words that accompany a date line: labels, weekdays, counters, share buttons.
def extract(html: bytes | str, url: str, hints: dict | None = None) -> Article:
    """Extract the article of one page. Never raises: bad input gives ``is_article=False``.

    ``hints`` (optional, from sources.toml): ``body_selector`` (CSS selector of the article text),
    ``boilerplate`` (texts seen on every page of the site), ``content_type`` (HTTP header),
    ``site_roots`` (paths of the source's site roots: their home pages; see metadata.url_kind).
    """
    url = url if isinstance(url, str) else ""
    try:
        art = _extract(html, url, hints or {})
        if art.confidence is not None and art.confidence < SECOND_OPINION_BELOW and html is not None:
            art = _second_opinion(art, html, url, hints or {})
        if not art.is_article and (art.reason or "").startswith("listing page"):
            art.kind = "listing"
        return art
    except RecursionError:
        return _fail(url, "page too deeply nested to parse")
    except Exception as exc:  # noqa: BLE001 - the contract is "never raises"
        return _fail(url, f"extraction failed: {type(exc).__name__}: {exc}"[:300])


# The second opinion's retries, in order, as readability retries with its flags turned off:
# the text nearest under the title the <title> tag names, even when a longer text elsewhere
# scores higher; without class and id weights (a template whose class names mislead); under the
# title again, keeping hidden elements (the rest of a text behind a "Đọc tiếp" button).
# Dropping the source's repetition evidence is no retry: its text is chrome by that evidence,
# however confident a retry would be.
_RETRIES = (("under-title", {"prefer_anchored": True}), ("no-class-weights", {"class_weights": False}),
            ("keep-hidden", {"drop_hidden": False, "prefer_anchored": True}))
# A retry overturns a rejection only with at least this confidence; an article is replaced by a
# retry that is more confident by at least this margin.
OVERTURN_REJECTION_CONFIDENCE = 0.75
BETTER_BY = 0.1


def _retry_applies(name: str, first: Article) -> bool:
    """Whether a retry can change the first result: the region retries when the text stood
    away from its title or nothing was found; keeping hidden elements when some were dropped."""
    if name == "keep-hidden":
        return bool(first.notes.get("hidden_dropped"))
    return not first.is_article or bool(first.notes.get("text_away_from_title"))


def _second_opinion(first: Article, html, url: str, hints: dict) -> Article:
    """When ``first`` is doubtful, extract again with each retry and keep the most confident
    result; the kept one records its method ("ours:no-class-weights") and the first
    confidence in its notes."""
    best = first
    for name, flags in _RETRIES:
        if not _retry_applies(name, first):
            continue
        try:
            other = _extract(html, url, hints, **flags)
        except Exception:  # noqa: BLE001 - a failed retry leaves the first result
            continue
        if other.confidence is None:
            continue
        if not best.is_article:
            if other.is_article and other.confidence >= OVERTURN_REJECTION_CONFIDENCE:
                best, best.method = other, f"ours:{name}"
        elif other.is_article and other.confidence >= best.confidence + BETTER_BY:
            best, best.method = other, f"ours:{name}"
    if best is not first:
        best.notes["first_opinion"] = {"confidence": first.confidence, "reason": first.reason}
    else:
        first.notes["second_opinion"] = "kept"
    return best


def _extract(html: bytes | str, url: str, hints: dict, profile: bool = True,
             class_weights: bool = True, drop_hidden: bool = True, prefer_anchored: bool = False) -> Article:
    # 1. decode and parse
    if html is None:
        return _fail(url, "empty page")
    if isinstance(html, (bytes, bytearray, memoryview)):
        text, encoding = decode_html(bytes(html), hints.get("content_type"))
    elif isinstance(html, str):
        text, encoding = decode_html(html)
    else:
        return _fail(url, f"not HTML: got {type(html).__name__}")
    if not text.strip():
        return _fail(url, "empty page")
    sample = text[:GARBAGE_SNIFF_CHARS]
    garbage = len(_GARBAGE.findall(sample))
    if garbage > MAX_GARBAGE_SHARE * len(sample):
        return _fail(url, "not HTML: binary or undecodable content")
    if "<" not in sample:
        return _fail(url, "not HTML: no markup")
    try:
        root = parse_html(text)
    except (etree.ParserError, ValueError, TypeError) as exc:
        return _fail(url, f"unparseable HTML: {exc}"[:200])
    if root is None:
        return _fail(url, "unparseable HTML")

    # 2. head metadata
    meta = head_metadata(root)
    notes: dict = {"encoding": encoding}

    # 3. page kind from the URL
    kind = url_kind(url, hints.get("site_roots") or ())
    home_by_url = kind == "home"  # a site root: a home page unless its content is an article
    if kind == "print":
        return _fail(url, "print view of another page",
                     canonical_url=print_canonical(url, meta.get("canonical")), title=None)
    if kind == "search":
        return _fail(url, "search page")
    canonical = urljoin(url, meta["canonical"]) if meta.get("canonical") else None
    body_tag = root.find("body")
    if body_tag is not None and _PRINT_ON_LOAD.search(body_tag.get("onload") or ""):
        # A page that prints itself when opened is a print view, whatever its address says.
        return _fail(url, "print view of another page", canonical_url=canonical, title=None)

    # 4. blocks
    crumbs, crumb_el = breadcrumb(root)
    crumb_text = norm("".join(crumb_el.itertext())) if crumb_el is not None else ""
    etree.strip_elements(root, *DROP_TAGS, with_tail=True)
    if drop_hidden:
        hidden_chars = _drop_hidden(root)
        if hidden_chars:
            notes["hidden_dropped"] = hidden_chars
    body_el = root.find("body")
    if body_el is None:
        body_el = root
    blocks = _blocks.linearize(body_el)
    if not blocks:
        if any("depth" in str(err.message).lower() for err in _PARSER.error_log):
            return _fail(url, "page too deeply nested to parse")
        return _fail(url, "no text on the page")
    boilerplate = (hints.get("boilerplate") or ()) if profile else ()
    boilerplate = {boilerplate} if isinstance(boilerplate, str) else set(boilerplate)
    if boilerplate:
        # Texts that most pages of the source repeat: never region, body, title or date.
        keys = _repeat_keys(boilerplate)
        for b in blocks:
            key = repeat_key(b.text, b.link_density)
            b.repeated = key is not None and key in keys
        own = title_anchor(blocks, {**meta, "_ignore_repeated": True})
        if own is not None and blocks[own].repeated:
            # The title the <title> tag names is itself repeated on most pages of the source:
            # the others repeat this page's article (a "next article" or featured box), so by
            # that evidence nothing here is the source's chrome.
            for b in blocks:
                b.repeated = False
    _blocks.score_blocks(blocks)

    # 5. main-text region
    best = None
    region: set = set()
    selector = hints.get("body_selector")
    if selector:
        try:
            from lxml.cssselect import CSSSelector
            found = CSSSelector(selector)(body_el)
            if found:
                best, region = found[0], {found[0]}
        except Exception:  # noqa: BLE001 - a bad hint falls back to scoring
            best = None
    anchor = title_anchor(blocks, meta)
    if best is None:
        best, region, _stats = _blocks.choose_region(blocks, anchor, class_weights, prefer_anchored)
    if best is None:
        return _fail(url, "no main text found")
    region_blocks = [b for b in blocks if _in_region(b, region)]
    if not region_blocks:
        return _fail(url, "no main text found")
    region_start = region_blocks[0].index
    cms_id = find_article_id(root, best)

    # 6. title, publish datetime, category
    inside = [b.index for b in region_blocks if best in b.chain]
    title, title_idx = choose_title(blocks, region_start, meta, inside[0] if inside else region_start)
    published, date_idx = choose_date(blocks, title_idx, region_blocks)
    if published and date_idx is not None and not is_date_line(blocks[date_idx]) and date_from_url(url):
        # A date mentioned in a short sentence is weaker evidence than the permalink's day.
        notes["published_text"] = published
        published, date_idx = None, None
    published = _decide_date(published, _machine_date(meta, blocks, date_idx, region), hints, notes)
    if date_idx is not None and blocks[date_idx].prose and not is_date_line(blocks[date_idx]):
        date_idx = None  # a sentence that names a date is text, not the date line: it stays in the body
    if not published:
        # Last resort: the day a "/yyyy/mm/dd/" permalink names (themes that print no date).
        published = date_from_url(url)
        if published:
            notes["published_from"] = "url"
    category = choose_category(root, crumbs, meta, title, blocks, title_idx, date_idx)
    if is_procedure_page(b.text for b in blocks):
        return _fail(url, "administrative procedure page, not news", kind="procedure", title=title,
                     category=category)
    on_page_date = published if notes.get("published_from") is None else None
    # (a site root is judged as a home page below, whatever its title)
    if not home_by_url and is_static_page(title, on_page_date, article_id(url) is not None,
                                          has_teasers=_count_teasers(blocks, blocks)[0] > 0):
        return _fail(url, "static page (a menu page, not news)", kind="static", title=title,
                     category=category)

    # 7. body
    skip_texts = {norm(t) for t in (title, category) if t}
    skip_texts.update(norm(c) for c in crumbs)
    skip_max = max((len(t) for t in skip_texts), default=0) + 2
    paragraphs: list = []
    captions: list[str] = []
    started = False  # a block of text was taken (the lead counts)
    in_body = False  # a block of text inside the body element was taken
    author = top_author = None
    inline_widget = None  # the "Tin liên quan" box placed between body paragraphs, if any
    considered: list = []  # region blocks before the end of the article
    late_bylines: list = []  # bylines placed after a closing "Tin liên quan" list
    repeated: list = []  # region blocks found on most pages of the source
    for b in region_blocks:
        if b.index == title_idx or b.index == date_idx:
            continue
        kind = _clean.widget_kind(b.text)
        if kind == _clean.END and started:
            # A widget nested inside the body element, with body text after it, is an inline
            # box ("Tin liên quan" between paragraphs): skip it. Anywhere else it ends the article.
            if best in b.chain[1:] and b.owner is not best and _more_text_after(b, region_blocks, best):
                inline_widget = _widget_box(b, region_blocks, best)
                continue
            late_bylines = _bylines_after(b, region_blocks, best)
            break
        if kind:
            continue
        if inline_widget is not None:
            if inline_widget in b.chain:
                continue
            inline_widget = None
        considered.append(b)
        if (b.n <= skip_max and norm(b.text) in skip_texts) or _PUNCT_ONLY.match(b.text) \
                or (crumb_el is not None and (crumb_el in b.chain or norm(b.text) == crumb_text)) \
                or (not started and is_date_line(b)):
            continue
        if not started and _is_top_byline(b):
            top_author = b.text
            continue
        if not in_body and b.n < BODY_START_CHARS and not b.heading:
            # Short bits before the text begins: players, font-size buttons, labels.
            notes.setdefault("dropped", []).append(b.text)
            continue
        if b.link_density > BODY_MAX_LINK_DENSITY and _clean.byline_kind(b.text) != "source" \
                or _PAGINATION.match(b.text):
            continue  # (a linked "Nguồn: Báo ..." line stays, for the source line)
        if b.n >= LEAD_MIN_CHARS and (attr_match(b, _SAPO_CLASS, best) or (
                not started and b.bold_chars >= STYLE_SHARE * b.n and not b.italic_chars
                and b.caption_chars < STYLE_SHARE * b.n and not _clean.looks_like_caption(b.text))):
            pass  # the sapo (a sapo class, or the bold first text), whatever image floats beside it
        elif b.caption_chars >= STYLE_SHARE * b.n or (
            b.after_img and b.n <= _clean.CAPTION_MAX_CHARS
            and (b.italic_chars >= STYLE_SHARE * b.n or _aligned(b, _CENTER, "center", best)
                 or _in_image_table(b) or _clean.looks_like_caption(b.text)
                 or (b.n <= STANDALONE_CAPTION_MAX_CHARS and ". " not in b.text
                     and _image_beside(b.owner)))  # <p><img><br>caption</p>, <div><img></div><div>caption</div>
        ) or (_clean.looks_like_caption(b.text) and b.n <= STANDALONE_CAPTION_MAX_CHARS):
            captions.append(b.text)
            continue
        if b.repeated and _clean.byline_kind(b.text) is None:
            repeated.append(b)  # on most pages of the source: kept only inside the text (below)
            continue
        paragraphs.append(b)
        if b.n >= BODY_START_CHARS:
            started = True
            in_body = in_body or best in b.chain

    # A related-posts box closing the text (teasers after the article's own prose) is not part
    # of the body, and does not make the page a listing.
    if repeated:
        paragraphs = _repeated_inside_text(paragraphs, repeated, title_idx)
    box = _closing_teaser_box(blocks, considered, paragraphs, title_idx, date_idx, meta,
                              named=title_idx is not None and title_idx == anchor)
    if box is not None:
        paragraphs = [p for p in paragraphs if p.index < box]
        while len(paragraphs) > 1 and paragraphs[-1].n < BODY_START_CHARS and paragraphs[-1].heading:
            paragraphs.pop()  # the box's heading ("Liên quan")
        considered = [b for b in considered if b.index < box]
        notes["related_box"] = True
    text_start = paragraphs[0].index if paragraphs else None  # the lead or first paragraph
    # Bylines, source line, CMS account at the end.
    source_line = None
    paragraphs.extend(late_bylines)
    for _ in range(TAIL_BLOCKS + len(late_bylines)):
        if len(paragraphs) < 2:
            break
        b = paragraphs[-1]
        if not _LETTER.search(b.text) and b.owner.tag != "tr":
            # Counters left by a viewer or player below the text ("1 / 4 100%"): no words at all.
            paragraphs.pop()
            notes.setdefault("dropped", []).append(b.text)
            continue
        if is_date_line(b) and any(h.update or h.labelled for h in find_dates(b.text)):
            # "Cập nhật lúc 15/03/2019 08:00" after the byline
            paragraphs.pop()
            notes.setdefault("dropped", []).append(b.text)
            continue
        emphasised = (b.bold_chars >= STYLE_SHARE * b.n or _aligned(b, _RIGHT, "right", best)
                      or attr_match(b, _AUTHOR_CLASS, best))
        what = _clean.byline_kind(b.text, emphasised)
        if what is None:
            break
        paragraphs.pop()
        if what == "author":
            author = b.text if author is None else f"{b.text}; {author}"
        elif what == "source":
            source_line = b.text if source_line is None else f"{b.text}; {source_line}"
        else:
            notes["cms_account"] = b.text

    if author is None:
        author = top_author or _byline_near_title(blocks, title_idx)
    if paragraphs and (author is None or source_line is None):
        # Bylines printed after the body element ("<p class="author">" below the content).
        late_author, late_source = _bylines_below(blocks, max(paragraphs[-1].index, region_blocks[-1].index))
        author = author or late_author
        source_line = source_line or late_source

    # Lead: a summary element, a bold or source-tagged first paragraph, or a first paragraph
    # that sits outside the element holding the rest of the body.
    lead = None
    if len(paragraphs) >= 2:
        first = paragraphs[0]
        outside = best not in first.chain and all(best in p.chain for p in paragraphs[1:])
        description = norm(meta.get("description") or "").rstrip(".… ")[:LEAD_DESCRIPTION_PREFIX]
        if first.n >= LEAD_MIN_CHARS and (
            attr_match(first, _LEAD_CLASS, best.getparent())
            or first.bold_chars >= STYLE_SHARE * first.n
            or _SOURCE_TAG.match(first.text)
            or outside
            or (len(description) >= LEAD_MIN_CHARS and norm(first.text).startswith(description))
        ):
            lead = first.text
            paragraphs = paragraphs[1:]

    body = "\n\n".join(p.text for p in paragraphs)

    # 8. page kind from the content
    headlines = sum(1 for b in considered if _is_headline(b))
    prose = sum(1 for b in paragraphs if b.prose)
    teasers, n_prose, _ = _count_teasers(blocks, considered)
    if n_prose and teasers >= LISTING_TEASER_SHARE * n_prose:
        return _fail(url, f"listing page ({teasers} teasers)", title=title, category=category)
    # Teasers elsewhere on the page outweighing the chosen text, and no <title> naming a headline
    # on the page: the "article" is a side box of a listing page.
    page_teasers, _, teaser_chars = _count_teasers(blocks, blocks)
    # An article header (a plain-text title, then its date line, right above the text) marks the
    # text as the page's article even beside a column of teasers.
    headed = (title_idx is not None and date_idx is not None and text_start is not None
              and title_idx < date_idx < text_start <= title_idx + ARTICLE_HEADER_SPAN
              and blocks[title_idx].link_density < MOSTLY_LINKS)
    if (anchor is None and not headed and page_teasers >= LISTING_MIN_HEADLINES
            and teaser_chars >= sum(b.n for b in paragraphs) + len(lead or "")):
        return _fail(url, f"listing page ({page_teasers} teasers beside a side text)", title=title, category=category)
    items = _repeated_items(best)
    if items:
        return _fail(url, f"listing page ({items} items of one kind, each with a heading)", title=title, category=category)
    if headlines >= LISTING_MIN_HEADLINES and headlines >= LISTING_HEADLINE_PER_PROSE * max(1, prose):
        return _fail(url, f"listing page ({headlines} headline links)", title=title, category=category)
    # A page cut off inside its article (no closing tags, nothing after the text) is incomplete.
    if not _CLOSING.search(text[-TAIL_SNIFF_CHARS:]):
        notes["truncated"] = True
        if paragraphs and paragraphs[-1].index >= len(blocks) - 1:
            return _fail(url, "truncated page: it ends inside the article text", title=title)
    attachments = _attachments(root, blocks, best, paragraphs, url)
    kind = "article"
    short = len(body) + len(lead or "") < MIN_ARTICLE_CHARS
    if short and attachments and title and len(body) + len(lead or "") >= NOTICE_MIN_CHARS:
        notes["short_notice"] = True  # a line of text and the document it announces
        kind = "notice"  # a document posting, kept
    elif short:
        if page_teasers >= 1:  # the page has teasers and no text of its own
            return _fail(url, f"listing page ({page_teasers} teasers, no main text)", title=title, category=category)
        return _fail(url, "no main text found (too short)", title=title, category=category)
    # a site root is a home page unless its content says article (meta) or has a title and date
    if home_by_url and not (_says_article(meta) or (title and published)):
        return _fail(url, "home page", title=title, category=category)
    date_from = notes.get("published_from") or ("page" if published else None)
    together = title_idx is None or _share_container(blocks[title_idx], best)
    if not together or (title_idx is not None and text_start is not None and text_start <= title_idx):
        notes["text_away_from_title"] = True  # what the retries of a second opinion address
    confidence = article_confidence(
        body_chars=len(body) + len(lead or ""),
        prose_chars=sum(p.n for p in paragraphs if p.prose) + len(lead or ""),
        title_named=title_idx is not None and (title_idx == anchor or _title_named(blocks[title_idx], meta)),
        title_on_page=title_idx is not None, date_from=date_from,
        start_gap=(text_start - title_idx) if title_idx is not None and text_start is not None else None,
        title_with_text=together, notes=notes)
    return Article(
        url=url, is_article=True, canonical_url=canonical, title=title, published=published,
        category=category, lead=lead, body=body, author=author, source_line=source_line,
        captions=captions, attachments=attachments, notes=notes, confidence=confidence, method="ours",
        kind=kind, cms_id=cms_id,
    )


def _share_container(title_block, best) -> bool:
    """The title and the text sit in one container below the page's <body> (an article's
    element, a table): a title in the main column over a text in the side column does not."""
    for el in title_block.chain:
        if el.tag in ("body", "html", "form"):
            return False
        if el is best or best in el.iterdescendants():
            return True
    return False


def _title_named(block, meta: dict) -> bool:
    """The <title> tag or the og / JSON-LD headline names the title block."""
    from .fields import title_level

    heads = [norm(h) for h in (meta.get("og_title"), meta.get("jsonld_headline")) if h]
    return title_level(block, norm(meta.get("title_tag") or ""), heads) >= 1
