"""Which links of a fetched page the crawler follows: inside the source's host and path,
matching its allow patterns and none of its deny patterns."""
from __future__ import annotations

from urllib.parse import urlsplit

from scrapy.linkextractors import LinkExtractor

from crawler.sources import Source

__all__ = ["links_to_follow", "in_scope"]


def _scope_prefix(source: Source) -> str:
    """The path every followed URL must start with: the base URL's path."""
    base = source.base_url or (source.start_urls[0] if source.start_urls else "/")
    path = urlsplit(base).path or "/"
    return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"


def in_scope(url: str, source: Source) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    # Compare host names, not "domains": LinkExtractor's allow_domains fails on host:port.
    return parts.hostname in source.hosts and parts.path.startswith(_scope_prefix(source))


def links_to_follow(response, source: Source) -> list[str]:
    extractor = LinkExtractor(allow=source.allow, deny=source.deny, unique=True)
    return [link.url for link in extractor.extract_links(response) if in_scope(link.url, source)]
