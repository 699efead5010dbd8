"""Scrapy settings for vnnews: polite by default, since the portals are small government
servers. A source can lower its own delay in data/sources.toml (the local demo uses 0);
`vnnews crawl --set NAME=VALUE` overrides any of these for one run."""
import os

BOT_NAME = "vnnews"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Who we are and how to reach us: `vnnews crawl --contact ADDRESS`, or VNNEWS_CONTACT in the
# environment, puts an address in every request's User-Agent (a source's user_agent key in
# sources.toml replaces the whole header for that source).
VNNEWS_CONTACT = os.environ.get("VNNEWS_CONTACT", "https://github.com/vnnews")
USER_AGENT_TEMPLATE = "vnnews/0.1 (+{contact}; archival crawler of public news)"
USER_AGENT = USER_AGENT_TEMPLATE.format(contact=VNNEWS_CONTACT)

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2  # government servers are small: two at a time at most
DOWNLOAD_DELAY = 1.0  # seconds between requests to one host, unless the source says otherwise
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

RETRY_ENABLED = True
RETRY_TIMES = 2  # a third try after two failures on 5xx, timeouts and dropped connections
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# Pause before try n+1: RETRY_BACKOFF_BASE × 2^(n−1) seconds, at most RETRY_BACKOFF_MAX (or
# the server's Retry-After). 1 s, then 2 s: an overloaded portal gets time to recover.
RETRY_BACKOFF_BASE = 1.0
RETRY_BACKOFF_MAX = 60.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024  # no news page is bigger; larger bodies are refused
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
# CPU seconds the extractor may spend on one page; past it the page is stored with the reason
# "time limit" and the crawl goes on (crawler.extract.limits.PAGE_TIME_LIMIT).
VNNEWS_PAGE_TIME_LIMIT = 60.0
REDIRECT_MAX_TIMES = 10  # a longer chain is recorded as a failure (redirect loop)

COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "WARNING"

DOWNLOADER_MIDDLEWARES = {
    # Scrapy's RobotsTxtMiddleware (100) comes first: every request, a replayed one too,
    # waits until its host's robots.txt was read and applied (a 404, 5xx or timeout on
    # robots.txt allows everything, as Scrapy documents).
    # Then: replays pages a resumed crawl already stored, makes requests conditional (ETag /
    # Last-Modified) and turns a 304 into the stored page.
    "crawler.middlewares.StoredPagesMiddleware": 120,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
    # Redirects and meta refreshes out of the source's scope fail before the redirect
    # middleware (600) and MetaRefreshMiddleware (580) follow them.
    "crawler.middlewares.ScopeMiddleware": 640,
    # Redirects: real loops fail with their chain, trailing-slash redirects are followed.
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "crawler.middlewares.RedirectsMiddleware": 600,
}
# One fingerprint per canonical URL: session, tracking, print and trailing-slash variants
# of a page are fetched once.
REQUEST_FINGERPRINTER_CLASS = "crawler.middlewares.CanonicalFingerprinter"
EXTENSIONS = {"crawler.middlewares.IdleCloseExtension": 500}

ITEM_PIPELINES = {"crawler.pipelines.StorePipeline": 300}
# Items of one response processed concurrently. Our pipeline is synchronous (one SQLite
# transaction per page), so Scrapy's default of 100 only costs 100 asyncio tasks per response
# (a fifth of the crawl's time in bench/bench_crawl.py); 8 keeps the overlap with downloads.
CONCURRENT_ITEMS = 8

# Set by vnnews crawl: the database to write and the crawl's id in it.
VNNEWS_DB = "data/news.db"
VNNEWS_CRAWL_ID = None
VNNEWS_RESUME = False  # replay the pages this crawl already stored (resuming a killed crawl)
VNNEWS_CONDITIONAL = True  # send If-None-Match / If-Modified-Since for stored pages
VNNEWS_PROGRESS = False  # the live progress line on stderr
VNNEWS_IDLE_CLOSE = 0  # distributed mode: seconds idle before a process closes (0 = at once)
VNNEWS_REDIS_TTL = 30  # distributed mode: a killed process drops out of its run after this

# Distributed mode (vnnews crawl --redis URL) adds: SCHEDULER = scrapy_redis' Scheduler with
# a shared queue and crawler.middlewares.RedisDupeFilter; see crawler.crawl.redis_settings.
