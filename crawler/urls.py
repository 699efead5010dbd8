"""Canonical URLs: one address per page, so the crawler fetches each page once and the
database keys each article once.

Two functions, two jobs:

- :func:`canonical_url` is the URL the crawler *fetches* and stores as ``canonical_url``: a
  real address the server answers, without session and tracking parameters, with the host in
  lower case and print / pop-up views mapped to the article view they repeat.
- :func:`url_key` is the *identity* of a page, used by the dupefilter: the canonical URL with
  its query parameters sorted and a trailing slash removed, so ``/tin-tuc/``, ``/tin-tuc`` and
  ``/tin-tuc/index.html`` are fetched once (the server answers either, perhaps with a redirect
  to the other, which crawler.middlewares.RedirectsMiddleware follows).

Language variants are kept apart on purpose: ``/vi/...`` and ``/en/...`` of a Liferay portal
carry different text (an English summary or a machine translation, often older), so they are
two pages and, when both are articles, two articles. Only exact copies of the same extracted
text are merged, by content hash, in the store.
"""
from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from urllib.parse import parse_qsl, unquote, unquote_plus, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, safe_url_string

__all__ = ["canonical_url", "url_key", "is_print_view", "is_print_param", "PRINT_PATH", "article_id", "article_key",
           "page_canonical", "SESSION_PARAMS", "TRACKING_PREFIXES"]

# Query parameters that change per visitor or per click and never change the content.
SESSION_PARAMS = frozenset({
    "jsessionid", "phpsessid", "aspsessionid", "sid", "sessionid", "session_id", "cfid",
    "cftoken", "fbclid", "gclid", "dclid", "msclkid", "yclid", "_ga", "_gl", "mc_cid", "mc_eid",
    "ref", "referer", "referrer",
    # Liferay: an authentication token and the portlet's window state / mode / column, which
    # select how a portlet is drawn, not what it shows.
    "p_p_auth", "p_p_state", "p_p_mode", "p_p_col_id", "p_p_col_pos", "p_p_col_count",
    "p_p_state_rcv", "doasuserid",
})
# Liferay public render parameter asking the Asset Publisher to reset its page counter
# (p_r_p_564233524_resetCur=false): how the link was drawn, not what it shows.
_RESET_CUR = re.compile(r"^p_r_p_\d+_resetcur$", re.IGNORECASE)
# Fields of the Asset Publisher's search form that every page link carries, at their
# defaults when no search is made: with empty keywords they select nothing.
_SEARCH_FORM_DEFAULTS = {"advancedsearch": "false", "andoperator": "true"}
# Parameters whose names start like these are tracking tags (utm_source, utm_campaign, ...).
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
# Liferay portlet parameters ending like these carry the page the visitor came from; every
# link from every page would otherwise be a new URL.
_RETURN_SUFFIXES = ("_redirect", "_backurl", "_returntofullpageurl")

# ;jsessionid=... (Java servlet containers) inside the path.
_PATH_SESSION = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)
# Liferay print / pop-up view of an article: .../-/view_content/pop_up/{id}-{slug}
_POPUP = re.compile(r"/-/view_content/pop_up/", re.IGNORECASE)
# Print views, the one rule set of the crawler and the extractor (metadata.url_kind): a path
# marker (/print/, /in-bai/ "print the article", print.aspx) or a query parameter. Flags mark
# a print view whatever their value but "0"/"false" (?print=1, ?isprint=true); choices when
# they hold a print value (?view=print, ?layout=print, ?mode=popup, ?tmpl=component: Joomla).
PRINT_PATH = re.compile(r"/pop_up/|/print/|/in-bai/|/print\.aspx|/printpreview|/print-view",
                        re.IGNORECASE)
_PRINT_FLAGS = frozenset({"print", "printable", "isprint", "printview", "popup", "pop_up"})
_PRINT_CHOICES = {"view": {"print", "printview", "popup", "pop_up"},
                  "mode": {"print", "printview", "popup", "pop_up"},
                  "layout": {"print", "printview"}, "tmpl": {"component"}, "in": {"1", "true"}}
_DEFAULT_PORTS = {"http": 80, "https": 443}
# The index file static servers (nginx, Apache, GitHub Pages, http.server) answer for a
# directory: ".../a/index.html" and ".../a/" are one page.
_INDEX_FILE = re.compile(r"/index\.html?$", re.IGNORECASE)


def _drop_param(name: str, value: str) -> bool:
    lower = name.lower()
    if lower in SESSION_PARAMS or lower.startswith(TRACKING_PREFIXES):
        return True
    if lower.endswith(_RETURN_SUFFIXES) or (_RESET_CUR.match(lower) and value.lower() == "false"):
        return True
    if lower == "p_p_lifecycle" and value == "0":  # "render", the default; 1 and 2 differ
        return True
    return is_print_param(lower, value)


def is_print_param(name: str, value: str) -> bool:
    """Whether the query parameter ``name=value`` asks for a print view."""
    name, value = name.lower(), value.lower()
    if name in _PRINT_FLAGS:
        return value not in ("0", "false")
    return value in _PRINT_CHOICES.get(name, ())


def _drop_empty_portlet_fields(params: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Liferay portlet parameters (``_{p_p_id}_name``) that select nothing: empty fields and,
    when no keywords are given, the search form's default switches. The page counter, page
    size and the portlet id stay: they choose what the page shows."""
    ids = [v for k, v in params if k.lower() == "p_p_id" and v]
    if not ids:
        return params
    prefixes = tuple(f"_{pid}_" for pid in ids)
    searched = any(k.startswith(prefixes) and k[len(_owner(k, prefixes)):].lower() == "keywords"
                   and v.strip() for k, v in params)
    kept = []
    for name, value in params:
        owner = _owner(name, prefixes)
        if owner:
            field = name[len(owner):].lower()
            if value == "" or (not searched and _SEARCH_FORM_DEFAULTS.get(field) == value.lower()):
                continue
        kept.append((name, value))
    return kept


def _owner(name: str, prefixes: tuple[str, ...]) -> str:
    """The portlet namespace ``_{p_p_id}_`` that ``name`` belongs to, or ''."""
    return next((p for p in prefixes if name.startswith(p)), "")


def is_print_view(url: str) -> bool:
    """True for print / pop-up views that repeat an article shown at another URL."""
    parts = urlsplit(url)
    if PRINT_PATH.search(parts.path):
        return True
    return any(is_print_param(name, value)
               for name, value in parse_qsl(parts.query, keep_blank_values=True))


def _netloc(parts) -> str:
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    if port and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        return f"{host}:{port}"
    return host


def _keep_params(query: str) -> str:
    """The query without session, tracking, return-address and print parameters, and without
    Liferay portlet fields that select nothing; what stays is kept byte for byte, in its order
    (a name is decoded only to be looked at)."""
    pieces = []
    for piece in query.split("&"):
        if not piece:
            continue
        name, _, value = piece.partition("=")
        name, value = unquote_plus(name), unquote_plus(value)
        if not _drop_param(name, value):
            pieces.append((piece, (name, value)))
    selecting = set(_drop_empty_portlet_fields([pair for _, pair in pieces]))
    return "&".join(piece for piece, pair in pieces if pair in selecting)


@lru_cache(maxsize=1 << 16)  # menus repeat the same links on every page
def canonical_url(url: str) -> str:
    """The fetchable canonical form of ``url`` (see the module docstring).

    Characters a URL cannot hold (non-ASCII letters, curly quotes, dashes, spaces) are
    percent-encoded as browsers do (the WHATWG URL standard, through w3lib's
    safe_url_string): as UTF-8, the letters as they are written (an NFD link stays NFD, as
    a file name on disk does), escapes already there kept. w3lib's canonicalize_url then
    gives each path one spelling (unreserved escapes decoded, hex in upper case, ``.`` and
    ``..`` segments resolved), without ever decoding an escape that is not UTF-8 text.

    >>> canonical_url("HTTP://HoangMai.Hanoi.gov.vn:80/vi/tin-tuc/-/view_content/pop_up/"
    ...               "123-abc;jsessionid=F00?utm_source=fb&p_p_auth=x#top")
    'http://hoangmai.hanoi.gov.vn/vi/tin-tuc/-/view_content/123-abc'
    """
    url = safe_url_string(url.strip())
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return url
    path = _PATH_SESSION.sub("", parts.path) or "/"
    path = _POPUP.sub("/-/view_content/", path)
    # "/a/index.html" is the page static servers answer at "/a/" (their default index file)
    path = _INDEX_FILE.sub("/", path)
    netloc = _netloc(parts)
    path = urlsplit(canonicalize_url(urlunsplit((scheme, netloc, path, "", "")))).path
    return urlunsplit((scheme, netloc, path, _keep_params(parts.query), ""))


@lru_cache(maxsize=1 << 16)
def url_key(url: str) -> str:
    """The identity of a page: its canonical URL with sorted query parameters (w3lib's
    canonicalize_url) and no trailing slash (except the root), so ``/a``, ``/a/`` and
    ``/a/index.html`` are one page. Two URLs with one key are one page."""
    parts = urlsplit(canonicalize_url(canonical_url(url)))
    path = parts.path
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


# ---- article identity -----------------------------------------------------------------------
# Shapes of the article id that CMSs put in the URL. The same article linked from several
# sections has one id: /vi/a/-/view_content/5012-x and /vi/b/-/view_content/5012-x are one.
_ID_IN_PATH = (
    ("liferay", re.compile(r"/-/view_content/(?:pop_up/)?(\d+)(?:-|$|/|\.)", re.IGNORECASE)),
    # Hanoi's 2025 platform: /{category}/{slug}-{14 to 19 digits}.htm
    ("hanoi2025", re.compile(r"-(\d{14,19})\.html?$", re.IGNORECASE)),
)
# Query parameters that hold an article id (SharePoint ItemID, vendor news_id, a
# Liferay portlet's articleId or entryId).
_ID_PARAM = re.compile(r"^(?:itemid|news_?id|newsid|articleid|article_id|_\w+_(?:articleid|"
                       r"entryid))$", re.IGNORECASE)


# A language segment (/vi/, /en/, /en_US/) before the id: one id, two texts (see the module
# docstring).
_LANGUAGE = re.compile(r"^[a-z]{2}(?:[_-][a-z]{2})?$", re.IGNORECASE)


def _language(path_before_id: str) -> str:
    found = [s.lower() for s in path_before_id.split("/") if _LANGUAGE.match(s)]
    return found[-1] if found else ""


def article_id(url: str) -> str | None:
    """The CMS's article id named by ``url`` ("liferay:5012", "liferay:en:5012" for the
    English copy of a Liferay article: one id, another text), or None."""
    parts = urlsplit(url)
    for kind, pattern in _ID_IN_PATH:
        found = pattern.search(parts.path)
        if found:
            lang = _language(parts.path[:found.start()])
            return f"{kind}:{lang + ':' if lang and lang != 'vi' else ''}{found.group(1)}"
    for name, value in parse_qsl(parts.query):
        if _ID_PARAM.match(name) and value.isdigit():
            return f"{name.lower().lstrip('_').rsplit('_', 1)[-1]}:{value}"
    return None


def article_key(url: str, page_id: str | None = None) -> str | None:
    """The strong dedup key of an article: the id its URL names, else the id its page holds
    (crawler.extract.ids); None when neither says. Two URLs of one source with one key are
    one article, whatever section path they come under."""
    found = article_id(url) or article_id(canonical_url(url))
    if found:
        return found
    return f"page:{page_id}" if page_id else None


def page_canonical(declared: str | None, fetched: str) -> str:
    """The canonical URL of a fetched page: the one it declares (rel=canonical), else the
    URL it was fetched at, in canonical form. A declared URL that differs from the fetched
    one only in Unicode normalisation (the extractor reads the page as NFC; the server's file
    may be named in NFD) is the fetched one: the declared spelling would be another file."""
    if declared:
        declared, fetched_form = canonical_url(declared), canonical_url(fetched)
        if _nfc(declared) != _nfc(fetched_form) or declared == fetched_form:
            return declared
    return canonical_url(fetched)


def _nfc(url: str) -> str:
    return unicodedata.normalize("NFC", unquote(url))
