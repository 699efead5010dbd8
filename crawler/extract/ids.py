"""The CMS's own id of the article a page shows, read from its markup: a strong dedup key when
the URL names none (crawler.urls.article_key uses it).

Liferay's Web Content Display wraps the text in ``<div class="journal-content-article"
id="article_{companyId}_{groupId}_{articleId}_{version}">``; other CMSs say it in a meta tag
or a data attribute.
"""
from __future__ import annotations

import re

__all__ = ["find_article_id"]

_LIFERAY_JOURNAL = re.compile(r"^article_\d+_\d+_(\d+)_\d+(?:\.\d+)?$")
_META_NAMES = ("article:id", "articleid", "article_id", "dc.identifier", "newsid")


def find_article_id(root, region=None) -> str | None:
    """"journal:12345" (Liferay), "meta:..." (a meta tag), "data:..." or None.

    A Liferay page may hold several Web Content Display portlets (a footer, a banner: the same
    id on every page), so a journal id counts only on the element holding the article text
    (``region``), one of its ancestors or descendants."""
    if region is not None:
        around = [region, *region.iterancestors(), *region.iter("div", "article", "section")]
        for el in around:
            found = _LIFERAY_JOURNAL.match(el.get("id") or "")
            if found:
                return f"journal:{found.group(1)}"
            value = (el.get("data-article-id") or el.get("data-news-id") or "").strip()
            if value and len(value) <= 64:
                return f"data:{value}"
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").lower()
        value = (meta.get("content") or "").strip()
        if name in _META_NAMES and value and len(value) <= 64:
            return f"meta:{value}"
    return None
