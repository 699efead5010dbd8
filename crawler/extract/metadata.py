"""Page metadata: <title>, meta tags, JSON-LD, canonical link, breadcrumb, attachments, page kind."""
from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit, parse_qsl

from crawler.urls import is_print_param, is_print_view

from .dates import parse_iso_datetime

__all__ = ["is_document_link", 
    "head_metadata", "split_title_tag", "breadcrumb", "breadcrumb_items", "find_attachments", "url_kind",
    "print_canonical",
]

# Separators between the parts of a <title>: "Title - Category - Site", "Title | Site".
TITLE_SEPARATORS = re.compile(r"\s+[-–—|»:>›/]\s+|\s+::\s+")
ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                 "report", "webpage"}
ATTACHMENT_EXT = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip|rar|7z)$", re.I)

_META_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "dc.date.issued", "dc.date", "date", "created", "article.published",
    "sailthru.date", "parsely-pub-date",
)
_META_MODIFIED_KEYS = ("article:modified_time", "datemodified", "og:updated_time", "lastmod", "dc.date.modified")


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _jsonld_objects(root) -> list[dict]:
    """Article-like objects from every JSON-LD script (top level, lists and @graph)."""
    found: list[dict] = []
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(found) < 20:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                types = item.get("@type")
                types = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and t.lower() in ARTICLE_TYPES for t in types):
                    found.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    # Prefer true articles over WebPage objects.
    found.sort(key=lambda o: 0 if str(o.get("@type", "")).lower() != "webpage" else 1)
    return found


def head_metadata(root) -> dict:
    """Title tag, Open Graph / article meta, JSON-LD and canonical link of a parsed page."""
    meta: dict = {}
    title_el = root.find(".//title")
    meta["title_tag"] = _text(title_el) if title_el is not None else ""
    tags: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = m.get("content")
        if key and content and key not in tags:
            tags[key] = " ".join(content.split())
    meta["tags"] = tags
    meta["og_title"] = tags.get("og:title") or tags.get("twitter:title")
    meta["description"] = tags.get("description") or tags.get("og:description")
    meta["section"] = tags.get("article:section")
    published = None
    for key in _META_DATE_KEYS:
        if key in tags:
            published = parse_iso_datetime(tags[key])
            if published:
                break
    if not published:
        # Microdata / microformats in the page: <time itemprop="datePublished" datetime>, <time
        # pubdate>, and hAtom's <abbr class="published" title="2018-03-15T08:45:00+07:00"> (Blogger).
        for el in root.xpath("//*[@itemprop or @pubdate or (self::abbr and @title and @class)]"):
            if el.tag == "abbr" and "published" in (el.get("class") or "").lower().split():
                published = parse_iso_datetime(el.get("title"))
            elif (el.get("itemprop") or "").lower() == "datepublished" or (el.tag == "time" and el.get("pubdate") is not None):
                published = parse_iso_datetime(el.get("datetime") or el.get("content") or el.get("title") or _text(el))
            if published:
                break
    meta["jsonld_types"] = []
    for obj in _jsonld_objects(root):
        kind = obj.get("@type")
        meta["jsonld_types"] += [k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]
        if not published and obj.get("datePublished"):
            published = parse_iso_datetime(str(obj.get("datePublished")))
        meta.setdefault("jsonld_headline", obj.get("headline") if isinstance(obj.get("headline"), str) else None)
        section = obj.get("articleSection")
        if isinstance(section, list):
            section = section[0] if section and isinstance(section[0], str) else None
        if section and isinstance(section, str) and not meta.get("section"):
            meta["section"] = section
    meta["published"] = published
    canonical = None
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            canonical = link.get("href").strip()
            break
    meta["canonical"] = canonical or tags.get("og:url")
    return meta


def split_title_tag(title_tag: str, title: str | None) -> list[str]:
    """The parts of the <title> left after the article title: ["Category", "Site name"]."""
    if not title_tag:
        return []
    rest = title_tag
    if title and title_tag.lower().startswith(title.lower()):
        rest = title_tag[len(title):]
    parts = [p.strip() for p in TITLE_SEPARATORS.split(" " + rest + " ") if p.strip()]
    return parts


_BREADCRUMB_CLASS = re.compile(r"breadcrumb|duongdan|duong-dan|path|crumb|vitri|vi-tri|navigation-bar", re.I)
HOME_CRUMBS = {"trang chủ", "home", "trang nhất", "trang chính", "english"}


def breadcrumb_items(root) -> list[str]:
    """Texts of the first breadcrumb trail on the page, "Trang chủ" dropped."""
    return breadcrumb(root)[0]


def breadcrumb(root) -> tuple[list[str], object | None]:
    """(texts, element) of the first breadcrumb trail on the page, "Trang chủ" dropped."""
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        name = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not _BREADCRUMB_CLASS.search(name):
            continue
        text = _text(el)
        if not text or len(text) > 300:
            continue
        links = [_text(a) for a in el.iter("a") if _text(a)]
        items = links if links else [p.strip() for p in re.split(r"[>»›|]|\s/\s", text) if p.strip()]
        # Trailing plain text after the links (the current category) counts too.
        if links and re.search(r"[>»›]|\s/\s", text):
            tail = re.split(r"[>»›]|\s/\s", text)[-1].strip()
            if tail and tail not in items:
                items.append(tail)
        elif links:
            # <li> trails: the last item may be plain text (the current page).
            lis = [_text(li) for li in el.iter("li") if _text(li)]
            if lis and lis[-1] not in items:
                items.append(lis[-1])
        items = [i.strip(" >»›/|") for i in items if i.strip(" >»›/|").lower() not in HOME_CRUMBS]
        if items:
            return items, el
    return [], None


_DOC_IN_PATH = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip|rar|7z)(?:/|$)", re.I)
_DOWNLOAD = re.compile(r"download|tai-?ve|taive|getfile|attachment|dinh-?kem", re.I)
_DOWNLOAD_HANDLER = re.compile(r"^(?:\w*download\w*|getfile|taive|tai-ve|\w*attachment\w*)(?:\.\w{2,4})?$", re.I)
_DOC_HOSTS = re.compile(r"^(?:drive|docs)\.google\.com$|^(?:www\.)?dropbox\.com$|^onedrive\.live\.com$", re.I)


def is_document_link(href: str, title: str | None = None) -> bool:
    """Whether a link points to a document file: an extension at the end of the path or of a
    path segment (Liferay's "/documents/10180/0/file.pdf/uuid"), in a query value, in the link's
    title; a download handler ("DocumentDownload.ashx?...", "?download=1"); a file on a document
    host (Google Drive, Dropbox, OneDrive)."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    if _DOC_IN_PATH.search(parts.path):
        return True
    if parts.query and (any(ATTACHMENT_EXT.search(v) for _, v in parse_qsl(parts.query)) or
                        _DOC_IN_PATH.search(parts.query) or _DOWNLOAD.search(parts.query)):
        return True
    if _DOWNLOAD_HANDLER.match(parts.path.rsplit("/", 1)[-1]):
        return True
    if title and ATTACHMENT_EXT.search(title.strip()):
        return True
    return bool(_DOC_HOSTS.match(parts.netloc or "")) and "/d/" in parts.path


def find_attachments(elements, base_url: str) -> list[dict]:
    """Links to documents (.pdf, .doc, .docx, .xls, ...) under the given elements."""
    seen: set[str] = set()
    out: list[dict] = []
    for root in elements:
        for a in root.iter("a"):
            href = (a.get("href") or "").strip()
            if not href:
                continue
            path = urlsplit(href).path
            if not is_document_link(href, a.get("title")):
                continue
            url = urljoin(base_url, href)
            if url in seen:
                continue
            seen.add(url)
            out.append({"url": url, "text": _text(a) or a.get("title") or path.rsplit("/", 1)[-1]})
    return out


_SEARCH_SEGMENTS = {"search", "tim-kiem", "timkiem", "tim_kiem", "ket-qua-tim-kiem", "search.aspx",
                    "tim-kiem.html", "timkiem.aspx", "searchresults.aspx", "osssearchresults.aspx"}
_SEARCH_KEYS = {"keyword", "keywords", "q", "s", "tukhoa", "searchtext", "k", "query", "search"}
_HOME_PATHS = {"", "/", "/vi", "/vi/", "/en", "/en/", "/index.html", "/index.htm", "/index.php",
               "/default.aspx", "/pages/default.aspx", "/home", "/trang-chu", "/trang-chu.html",
               "/web/guest", "/web/guest/", "/portal", "/portal/", "/vi/home", "/vi/trang-chu"}
# What may follow a site root on its home page: nothing, a language, an index page.
_HOME_SUFFIXES = {p.rstrip("/").lower() for p in _HOME_PATHS}


_ARCHIVE_URL = re.compile(r"^https?://(?:web\.)?archive\.org/web/\d{1,14}[a-z_]*/(.+)$", re.I)


def original_url(url: str) -> str:
    """The archived page's own URL inside a Wayback Machine URL, else ``url`` unchanged."""
    m = _ARCHIVE_URL.match(url or "")
    if not m:
        return url
    inner = m.group(1)
    return inner if re.match(r"^https?://", inner, re.I) else "http://" + inner


def _root_path(root: str) -> str:
    """A configured site root ("/hoangmai/" or a full URL) as a path ending in "/"."""
    path = urlsplit(root).path if "://" in root else root
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def url_kind(url: str, site_roots=()) -> str | None:
    """"print", "search" or "home" when the URL alone says so, else None.

    "home" only for a site root: the host's "/" or a path of ``site_roots`` (the source's
    base_url path and its site_roots key), with a language segment or index page of its own
    ("/vi/", "/hoangmai/index.html"), or a Liferay site ("/web/{site}"). A path's shape
    alone (one segment ending in "/") says nothing: static hosts and WordPress give every
    article such a URL. The content still decides (crawler.extract).
    """
    url = original_url(url)
    try:
        parts = urlsplit(url or "")
    except ValueError:
        return None
    path = parts.path or "/"
    query = parse_qsl(parts.query, keep_blank_values=True)
    if is_print_view(url):  # crawler.urls: the crawler's own print-view rules
        return "print"
    segments = {s.lower() for s in path.split("/") if s}
    if segments & _SEARCH_SEGMENTS or any(k.lower() in _SEARCH_KEYS and v for k, v in query):
        return "search"
    if not parts.netloc or parts.query:
        return None  # no address known (a file, a test), or a query: the content decides
    lower = path.lower()
    for root in {"/", *(_root_path(r).lower() for r in site_roots or ())}:
        if lower.startswith(root) or lower == root.rstrip("/"):
            rest = "/" + lower[len(root):]
            if rest.rstrip("/") in _HOME_SUFFIXES:
                return "home"
    if re.fullmatch(r"/web/[\w-]+/?", path):
        return "home"
    return None


def print_canonical(url: str, canonical: str | None) -> str | None:
    """The article URL a print view duplicates: the canonical link, else the URL without its print marker."""
    if canonical and canonical != url and url_kind(canonical) != "print":
        return urljoin(url, canonical)
    parts = urlsplit(url)
    path = re.sub(r"/pop_up/", "/", parts.path, flags=re.I)
    path = re.sub(r"/(print|in-bai|print-view|printpreview)/", "/", path, flags=re.I)
    query = "&".join(
        f"{k}={v}" if v else k for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not is_print_param(k, v)
    )
    return parts._replace(path=path, query=query).geturl()
