"""Scrapy settings for vnnews: polite by default, since the portals are small government
servers. A source can lower its own delay in data/sources.toml (the local demo uses 0)."""

BOT_NAME = "vnnews"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Who we are and how to reach us; set VNNEWS_CONTACT to your address before a real crawl.
USER_AGENT = "vnnews/0.1 (+https://github.com/vnnews; archival crawler of public news)"

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
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024  # no news page is bigger; larger bodies are refused
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
REDIRECT_MAX_TIMES = 10  # then the page is recorded as a failure (redirect loop)

COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "WARNING"

ITEM_PIPELINES = {"crawler.pipelines.StorePipeline": 300}

# Set by vnnews crawl: the database to write and the crawl's id in it.
VNNEWS_DB = "data/news.db"
VNNEWS_CRAWL_ID = None
