"""Per-source politeness: a source with `delay = 0` in sources.toml (a local mirror, the
demo portal) is fetched without delay. AutoThrottle would otherwise raise its slot back to
DOWNLOAD_DELAY on the first response it sees, such as robots.txt, which the spider does not
request itself."""
from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["UnthrottledHostsMiddleware"]


class UnthrottledHostsMiddleware:
    def __init__(self, hosts: set[str]):
        self.hosts = hosts

    @classmethod
    def from_crawler(cls, crawler):
        return cls(set(crawler.settings.getlist("VNNEWS_UNTHROTTLED_HOSTS")))

    def process_request(self, request, spider=None):
        if urlsplit(request.url).hostname in self.hosts:
            request.meta["autothrottle_dont_adjust_delay"] = True
        return None
