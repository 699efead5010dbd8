"""What the crawler may fetch for a source: the one place the scope rules live.

A URL is in scope when it is http(s), on the source's host (base_url's, or the start URLs'
when there is no base_url), under base_url's path, matches the source's ``allow`` patterns
(when given) and none of its ``deny`` patterns. Links, sitemap and feed entries
(crawler.discover), redirects and ``<meta http-equiv=refresh>`` (crawler.middlewares
.ScopeMiddleware) and start URLs (crawler.sources) are all checked here; what is refused is
counted with the reason :func:`scope_reason` gives.
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

__all__ = ["scope_reason", "in_scope", "scope_hosts", "scope_prefix", "url_problem",
           "allowed", "deny_pattern", "SCHEMES"]

SCHEMES = ("http", "https")


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be fetched at all (bad scheme, host or port), or None."""
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError past 65535 or when not a number
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if parts.scheme.lower() not in SCHEMES:
        return f"scheme '{parts.scheme or '(none)'}:' is not http or https"
    if not parts.hostname:
        return "no host name"
    if port == 0:
        return "port 0"
    return None


def scope_hosts(source) -> set[str]:
    """The host names the source lives on: base_url's, else those of its start URLs."""
    urls = [source.base_url] if source.base_url else list(source.start_urls)
    hosts = set()
    for url in urls:
        try:
            host = urlsplit(url).hostname
        except ValueError:
            continue
        if host:
            hosts.add(host)
    return hosts


def scope_prefix(source) -> str:
    """The path every fetched URL must start with: the base URL's path (its folder)."""
    base = source.base_url or (source.start_urls[0] if source.start_urls else "/")
    path = urlsplit(base).path or "/"
    return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"


@lru_cache(maxsize=256)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in patterns)


def scope_reason(url: str, source) -> str | None:
    """Why ``url`` is outside the source's scope ("another host", ...), or None when inside."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return "not a valid URL"
    if parts.scheme.lower() not in SCHEMES:
        return f"not http(s): {parts.scheme or 'no scheme'}"
    # Compare host names, not "domains": LinkExtractor's allow_domains fails on host:port.
    if parts.hostname not in scope_hosts(source):
        return "another host"
    if not (parts.path or "/").startswith(scope_prefix(source)):
        return "outside the base path"
    if source.allow and not any(p.search(url) for p in _compiled(tuple(source.allow))):
        return "not matched by allow"
    if any(p.search(url) for p in _compiled(tuple(source.deny))):
        return "matched by deny"
    return None


def in_scope(url: str, source) -> bool:
    """Inside the source's host and base path, matching its allow and deny patterns."""
    return scope_reason(url, source) is None


def allowed(url: str, source) -> bool:
    """Whether ``url`` matches one of the source's allow patterns (such a URL passes the trap
    rules: allow is how a user brings back a URL the crawler would skip)."""
    return bool(source.allow) and any(p.search(url) for p in _compiled(tuple(source.allow)))


def deny_pattern(url: str, source) -> str | None:
    """The first deny pattern of the source that matches ``url``, or None."""
    return next((p.pattern for p in _compiled(tuple(source.deny)) if p.search(url)), None)
