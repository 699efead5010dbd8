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

__all__ = ["canonical_url", "url_key", "page_canonical", "is_print_view", "SESSION_PARAMS", "TRACKING_PREFIXES"]

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
# Parameters whose names start like these are tracking tags (utm_source, utm_campaign, ...).
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
# Liferay portlet parameters ending like these carry the page the visitor came from; every
# link from every page would otherwise be a new URL.
_RETURN_SUFFIXES = ("_redirect", "_backurl", "_returntofullpageurl")

# ;jsessionid=... (Java servlet containers) inside the path.
_PATH_SESSION = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)
# Liferay print / pop-up view of an article: .../-/view_content/pop_up/{id}-{slug}
_POPUP = re.compile(r"/-/view_content/pop_up/", re.IGNORECASE)
# Other print views: ?print=1, ?view=print, ?layout=print, ?tmpl=component (Joomla)
_PRINT_PARAMS = {"print": None, "printable": None, "view": "print",
                 "layout": "print", "tmpl": "component"}
_DEFAULT_PORTS = {"http": 80, "https": 443}
# The index file static servers (nginx, Apache, GitHub Pages, http.server) answer for a
# directory: ".../a/index.html" and ".../a/" are one page.
_INDEX_FILE = re.compile(r"/index\.html?$", re.IGNORECASE)


def _drop_param(name: str, value: str) -> bool:
    lower = name.lower()
    if lower in SESSION_PARAMS or lower.startswith(TRACKING_PREFIXES):
        return True
    if lower.endswith(_RETURN_SUFFIXES):
        return True
    if lower == "p_p_lifecycle" and value == "0":  # "render", the default; 1 and 2 differ
        return True
    if lower in _PRINT_PARAMS and (_PRINT_PARAMS[lower] is None
                                   or value.lower() == _PRINT_PARAMS[lower]):
        return True
    return False


def is_print_view(url: str) -> bool:
    """True for print / pop-up views that repeat an article shown at another URL."""
    parts = urlsplit(url)
    if _POPUP.search(parts.path):
        return True
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        lower = name.lower()
        if lower in _PRINT_PARAMS and (_PRINT_PARAMS[lower] is None
                                       or value.lower() == _PRINT_PARAMS[lower]):
            return True
    return False


def _netloc(parts) -> str:
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    if port and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        return f"{host}:{port}"
    return host


def _keep_params(query: str) -> str:
    """The query without session, tracking, return-address and print parameters; what stays
    is kept byte for byte, in its order (a name is decoded only to be looked at)."""
    kept = []
    for piece in query.split("&"):
        if not piece:
            continue
        name, _, value = piece.partition("=")
        if not _drop_param(unquote_plus(name), unquote_plus(value)):
            kept.append(piece)
    return "&".join(kept)


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
