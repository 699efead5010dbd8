"""A static-host copy of the demo portal: the same pages and articles as crawler.demo, laid
out as files the way static site generators, GitHub Pages exports and ``wget --mirror`` copies
of closed portals leave them, so that any web server serves it from a folder in its default
configuration (nginx, Apache httpd, Python's http.server; see scripts/webservers.sh).

The layout (:func:`static_layout`):

- every HTML page is a directory with an ``index.html``: the servers answer ``/a`` with a
  ``301`` to ``/a/``, as they do for every directory;
- articles of binhthanh and longbien sit at one-segment URLs (``/{slug}/``), those of hoangmai
  at nested ones (``/hoangmai/{category}/{slug}/``); three of them are named in non-ASCII
  (curly quotes, an en dash and spaces; Vietnamese in NFC; the same in NFD), linked with the
  raw characters as an HTML author writes them;
- the links to an article use its three spellings in turn: ``/a/``, ``/a`` and
  ``/a/index.html``;
- portal homes stay at ``/hoangmai/``, ``/binhthanh/``, ``/longbien/`` (the source's
  ``site_roots``), listings and other pages at ``/{portal}/trang/{slug}/``, print copies at
  ``/{portal}/in-bai/{slug}/``; images and attachments keep their paths;
- the root page also links a soft 404 (``/tin-da-go/``: 200 with a "not found" text) and a
  broken link (``/bai-viet-khong-con/``: no such file, a real 404).

``python -m crawler.demo.static DIR`` builds it into DIR.
"""
from __future__ import annotations

import html
import re
import shutil
import sys
import unicodedata
import zlib
from pathlib import Path
from urllib.parse import unquote, urlsplit

from crawler.demo.portal import (HTML_TYPE, PORTALS, content_type_of, load_articles, query_key,
                          site_files)

__all__ = ["build_static_site", "static_layout", "SOFT_404", "BROKEN_LINK", "SITE_ROOTS",
           "STATIC_MARKER"]

STATIC_MARKER = ".demo-static"  # build_static_site only ever replaces a folder holding it
SOFT_404 = "/tin-da-go/"
BROKEN_LINK = "/bai-viet-khong-con/"
SITE_ROOTS = [f"/{p}/" for p in PORTALS]
_HOMES = {"/hoangmai/": "/hoangmai/", "/binhthanh/Pages/default.aspx": "/binhthanh/",
          "/longbien/": "/longbien/"}
_ATTR = re.compile(r'\b(href|src|action)="([^"]*)"')
_TAG = re.compile(r"<[a-zA-Z][^>]*>")

_SOFT_404_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang</title></head>
<body><div id="header"><a href="/">Trang chủ</a></div>
<h1>Không tìm thấy trang</h1>
<p>Trang bạn tìm không tồn tại hoặc đã được gỡ xuống. Mời bạn quay lại trang chủ.</p>
</body></html>
"""


def _non_ascii_names(articles) -> dict[int, str]:
    """Three articles (by index) named in non-ASCII, as directory names."""
    chosen = [i for i, a in enumerate(articles) if a.portal == "longbien"][:3]
    names = {}
    for n, i in enumerate(chosen):
        words = articles[i].title.split()[:4]
        if n == 0:  # curly quotes, an en dash, spaces
            names[i] = f"“{' '.join(words)}” – {articles[i].id}"
        else:  # Vietnamese letters: NFC, then NFD
            name = "-".join(w.lower().strip(",.:;“”\"") for w in words) + f"-{articles[i].id}"
            names[i] = unicodedata.normalize("NFC" if n == 1 else "NFD", name)
    return names


def static_layout(articles=None) -> tuple[dict[str, str], dict[str, bytes], dict[str, list[str]]]:
    """(demo URL key → static URL, static file path → bytes, article static URL → the three
    link spellings). Demo URL keys are crawler.demo.query_key file names."""
    from crawler.demo.portal import slugify

    articles = articles if articles is not None else load_articles()
    files = site_files(articles)
    mapping: dict[str, str] = {}
    article_urls: set[str] = set()
    names = _non_ascii_names(articles)
    used: set[str] = set()
    for i, art in enumerate(articles):
        if i in names:
            url = f"/{names[i]}/"
        elif art.portal == "hoangmai":
            url = f"/hoangmai/{art.category_slug}/{art.slug}/"
        else:
            url = f"/{art.slug}/"
        if url in used:
            url = url[:-1] + f"-{art.id}/"
        used.add(url)
        mapping[_key(art.url_path)] = url
        article_urls.add(url)
        if art.print_path:
            mapping[_key(art.print_path)] = f"/{art.portal}/in-bai/{art.slug}/"
    for url in files:
        key = _key(url)
        if key in mapping:
            continue
        parts = urlsplit(url)
        if url == "/" or content_type_of(parts.path) != HTML_TYPE or url == "/robots.txt":
            mapping[key] = url  # the root, images, attachments, robots.txt: same path
        elif url in _HOMES:
            mapping[key] = _HOMES[url]
        else:
            portal, _, rest = url.lstrip("/").partition("/")
            mapping[key] = f"/{portal}/trang/{slugify(unquote(rest)) or 'index'}/"
    if len(set(mapping.values())) != len(mapping):
        raise ValueError("two demo pages map to one static URL")
    out: dict[str, bytes] = {}
    for url, body in files.items():
        target = mapping[_key(url)]
        if content_type_of(urlsplit(url).path) == HTML_TYPE and url != "/robots.txt":
            text = _rewrite(body.decode("utf-8"), url, mapping, article_urls)
            if url == "/":
                text = text.replace("</ul>", f'<li><a href="{SOFT_404}">Tin đã gỡ</a></li>\n'
                                              f'<li><a href="{BROKEN_LINK}">Bài viết cũ</a>'
                                              "</li>\n</ul>", 1)
            out[_file(target)] = text.encode("utf-8")
        else:
            out[_file(target)] = body
    out[_file(SOFT_404)] = _SOFT_404_PAGE.encode("utf-8")
    spellings = {u: [u, u.rstrip("/"), u + "index.html"] for u in article_urls}
    return mapping, out, spellings


def _key(url: str) -> str:
    parts = urlsplit(url)
    return query_key(parts.path, parts.query)


def _file(url: str) -> str:
    """The file holding static URL ``url``: directories get their index.html."""
    path = url.lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def _rewrite(text: str, page_url: str, mapping: dict[str, str], articles: set[str]) -> str:
    """Every root-relative link of a demo page pointed at its static URL; an anchor to an
    article takes one of the three spellings (/a/, /a, /a/index.html), in turn (a
    rel=canonical link keeps the one address the page declares)."""

    def tag(match):
        anchor = match.group(0).lower().startswith("<a ")
        return _ATTR.sub(lambda m: replace(m, anchor), match.group(0))

    def replace(match, anchor: bool):
        attr, raw = match.group(1), html.unescape(match.group(2))
        if not raw.startswith("/") or raw.startswith("//"):
            return match.group(0)
        path, _, fragment = raw.partition("#")
        target = mapping.get(_key(path))
        if target is None:
            return match.group(0)
        if target in articles and attr == "href" and anchor:
            form = zlib.crc32(f"{page_url} {target}".encode()) % 3
            target = [target, target.rstrip("/"), target + "index.html"][form]
        value = target + (f"#{fragment}" if fragment else "")
        return f'{attr}="{html.escape(value, quote=True)}"'

    return _TAG.sub(tag, text)


def build_static_site(out_dir: str | Path) -> int:
    """Write the static layout into ``out_dir`` (replacing an earlier build there); returns
    the number of files. The folder and its files are world-readable, since nginx and Apache
    serve them as their own unprivileged user."""
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        if not (out_dir / STATIC_MARKER).exists():
            raise ValueError(f"{out_dir} is not empty and holds no {STATIC_MARKER}: refusing "
                             "to replace it")
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / STATIC_MARKER).write_text("Generated by crawler.demo.static; do not edit.\n")
    _mapping, files, _spellings = static_layout()
    for rel, body in sorted(files.items()):
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
    for path in [out_dir, *out_dir.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return len(files)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python -m crawler.demo.static DIR", file=sys.stderr)
        sys.exit(2)
    print(f"Built {build_static_site(sys.argv[1])} files into {sys.argv[1]}")
