"""Load and validate data/sources.toml: the portals to crawl, as data.

Every mistake is reported as one ConfigError naming the file, the entry's line, the key and
the fix. Values may use ${VARIABLE} to take a part from the environment (the demo portal's
address is one); an entry whose variable is unset is skipped with a warning.
"""
from __future__ import annotations

import math
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from crawler.errors import ConfigError
from crawler.scope import scope_hosts, scope_reason, url_problem

__all__ = ["Source", "load_sources", "SOURCE_KINDS", "extract_hints", "site_root_paths"]

SOURCE_KINDS = ("portal", "wayback", "warc")
# Requests at a time to one host: more than this is no longer crawling a portal but loading it.
MAX_CONCURRENCY = 64
_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")

# key -> (types accepted, description used in error messages)
_KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "name": ((str,), "a unique short name, e.g. \"hoangmai\""),
    "district": ((str,), "the district's name, e.g. \"Hoàng Mai\""),
    "province": ((str,), "the province or city, e.g. \"Hà Nội\""),
    "kind": ((str,), f"one of {', '.join(SOURCE_KINDS)}"),
    "enabled": ((bool,), "true or false"),
    "base_url": ((str,), "the portal's root URL, e.g. \"https://hoangmai.hanoi.gov.vn/\""),
    "start_urls": ((list,), "a list of URLs to start from"),
    "allow": ((list,), "a list of regular expressions: only matching URLs are followed, and "
                       "they are never taken for traps"),
    "deny": ((list,), "a list of regular expressions: matching URLs are never followed"),
    "article_patterns": ((list,), "a list of regular expressions matching article URLs"),
    "listing_patterns": ((list,), "a list of regular expressions matching listing URLs"),
    "delay": ((int, float), "seconds between requests to this host, e.g. 1.0"),
    "concurrency": ((int,), f"requests at a time to this source's hosts, 1 to "
                            f"{MAX_CONCURRENCY} (default 2, polite; a local copy or a WARC "
                            f"replay can take 16), e.g. concurrency = 16"),
    "max_pages": ((int,), "stop after this many pages, e.g. 5000"),
    "hints": ((dict,), "extractor hints, e.g. {body_selector = \"div.journal-content\"}"),
    "file": ((str, list), "a WARC file path or a list of them (kind = \"warc\")"),
    "site_roots": ((list,), "a list of the paths (or URLs) where a site of this source has its "
                            "home page, e.g. [\"/hoangmai/\", \"/en/\"] (the host's \"/\" and "
                            "base_url's path always are)"),
    "user_agent": ((str,), "the User-Agent header for this source, with a contact, e.g. "
                           "\"vnnews/0.1 (+mailto:you@example.org)\""),
    "domain": ((str,), "the archived host (and path) to list, e.g. \"hoangmai.hanoi.gov.vn\", "
                       "or \"*.hoangmai.hanoi.gov.vn\" with its subdomains (kind = "
                       "\"wayback\"; default: base_url's host)"),
    "cdx_url": ((str,), "a Wayback CDX endpoint, e.g. "
                        "\"https://web.archive.org/cdx/search/cdx\""),
    "wayback_url": ((str,), "a Wayback replay prefix, e.g. \"https://web.archive.org/web/\""),
    "from_year": ((int, str), "the first capture year (or YYYYMMDD...) to list, e.g. 2012"),
    "to_year": ((int, str), "the last capture year (or YYYYMMDD...) to list, e.g. 2025"),
}
_REQUIRED = ("name", "kind")


@dataclass
class Source:
    name: str
    kind: str = "portal"
    district: str | None = None
    province: str | None = None
    enabled: bool = True
    base_url: str | None = None
    start_urls: list[str] = field(default_factory=list)
    allow: list[str] = field(default_factory=list)
    deny: list[str] = field(default_factory=list)
    article_patterns: list[str] = field(default_factory=list)
    listing_patterns: list[str] = field(default_factory=list)
    delay: float | None = None
    concurrency: int | None = None  # requests at a time per host (None: CONCURRENT_REQUESTS_PER_DOMAIN)
    max_pages: int | None = None
    hints: dict = field(default_factory=dict)
    file: str | list | None = None
    site_roots: list[str] = field(default_factory=list)  # home pages besides "/" and base_url
    user_agent: str | None = None  # replaces the default User-Agent for this source
    domain: str | None = None  # kind = "wayback": what to list in the CDX index
    cdx_url: str = "https://web.archive.org/cdx/search/cdx"
    wayback_url: str = "https://web.archive.org/web/"
    from_year: int | str | None = None
    to_year: int | str | None = None
    line: int = 0  # where the entry starts in the file, for messages

    @property
    def hosts(self) -> set[str]:
        """The hosts in scope (crawler.scope): base_url's, else the start URLs'."""
        return scope_hosts(self)

    @property
    def fetch_hosts(self) -> set[str]:
        """The hosts the crawler contacts: the archive's for a wayback source."""
        if self.kind == "wayback":
            return {urlsplit(u).hostname for u in (self.cdx_url, self.wayback_url)}
        return self.hosts

    @property
    def archived_domain(self) -> str:
        """kind = "wayback": the host (and path) whose captures are listed."""
        if self.domain:
            return self.domain.split("://")[-1].rstrip("/")
        parts = urlsplit(self.base_url or self.start_urls[0])
        return (parts.netloc + parts.path).rstrip("/")

    def extract_hints(self) -> dict:
        """The extractor's hints for this source's pages: its ``hints`` and its site roots."""
        return extract_hints(self.config())

    def config(self) -> dict:
        keys = [k for k in _KEYS if k != "name"]
        return {k: getattr(self, k) for k in keys}


def site_root_paths(config: dict) -> list[str]:
    """The site roots a source's configuration names: base_url's path and site_roots."""
    roots = [urlsplit(config["base_url"]).path or "/"] if config.get("base_url") else []
    for root in config.get("site_roots") or []:
        roots.append(urlsplit(root).path if "://" in root else root)
    return sorted(set(roots))


def extract_hints(config: dict) -> dict:
    """Extractor hints of a source configuration (a Source.config() dict, perhaps read back
    from the database): its ``hints`` plus ``site_roots``."""
    hints = dict(config.get("hints") or {})
    roots = site_root_paths(config)
    if roots:
        hints["site_roots"] = roots
    return hints


def _entry_lines(text: str) -> list[int]:
    """Line numbers (1-based) of each [[source]] header, in order."""
    return [i for i, line in enumerate(text.splitlines(), 1)
            if line.strip().startswith("[[source]]")]


def _expand(value, missing: set[str]):
    if isinstance(value, str):
        def repl(match):
            name = match.group(1)
            if name not in os.environ:
                missing.add(name)
                return match.group(0)
            return os.environ[name].rstrip("/")
        return _VAR.sub(repl, value)
    if isinstance(value, list):
        return [_expand(v, missing) for v in value]
    return value


def _check_entry(raw: dict, where: str) -> None:
    for key, value in raw.items():
        if key not in _KEYS:
            known = ", ".join(_KEYS)
            raise ConfigError(f"{where}: unknown key '{key}'; remove it or use one of: {known}")
        types, help_text = _KEYS[key]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise ConfigError(f"{where}: key '{key}' has the wrong type; expected {help_text}")
        if isinstance(value, list) and key != "file":
            if not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: key '{key}' must list strings; expected {help_text}")
    for key in _REQUIRED:
        if key not in raw:
            raise ConfigError(f"{where}: missing key '{key}'; add {key} = ... "
                              f"({_KEYS[key][1]})")
    if raw["kind"] not in SOURCE_KINDS:
        raise ConfigError(f"{where}: key 'kind' is '{raw['kind']}'; use one of "
                          f"{', '.join(SOURCE_KINDS)}")
    for key in ("allow", "deny", "article_patterns", "listing_patterns"):
        for pattern in raw.get(key, []):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ConfigError(f"{where}: key '{key}': invalid regular expression "
                                  f"{pattern!r} ({exc}); fix the pattern") from None
    if "concurrency" in raw and not 1 <= raw["concurrency"] <= MAX_CONCURRENCY:
        raise ConfigError(f"{where}: key 'concurrency' is {raw['concurrency']}; expected "
                          f"{_KEYS['concurrency'][1]}")
    if "delay" in raw and raw["delay"] < 0:
        raise ConfigError(f"{where}: key 'delay' is {raw['delay']}; expected seconds between "
                          "requests, 0 or more, e.g. 1.0")
    if raw["kind"] == "wayback" and not (raw.get("domain") or raw.get("base_url") or
                                         raw.get("start_urls")):
        raise ConfigError(f"{where}: a wayback source needs domain or base_url; add "
                          "domain = \"hoangmai.hanoi.gov.vn\"")
    if raw["kind"] == "portal" and not (raw.get("start_urls") or raw.get("base_url")):
        raise ConfigError(f"{where}: a {raw['kind']} source needs base_url or start_urls; "
                          "add base_url = \"https://...\"")
    for root in raw.get("site_roots", []):
        if not (root.startswith("/") or re.match(r"https?://", root)):
            raise ConfigError(f"{where}: key 'site_roots': {root!r} is neither a path nor a URL; "
                              "write a path from the host's root, e.g. \"/hoangmai/\"")
    if raw["kind"] == "warc" and not raw.get("file"):
        raise ConfigError(f"{where}: a warc source needs file = \"path/to/file.warc.gz\"")


# A delay longer than this between two requests to one host is a typo (an hour); `inf` would
# hang the crawl without a word.
MAX_DELAY = 3600.0
_NAME = re.compile(r"^[\w.-]+$")
_YEAR = re.compile(r"^\d{4}(\d{2}){0,5}$")  # YYYY, YYYYMM, ... YYYYMMDDhhmmss
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _check_values(raw: dict, where: str) -> None:
    """Values of the right type that still cannot work (before ${VARIABLE} expansion)."""
    name = raw["name"]
    if not _NAME.match(name):
        raise ConfigError(f"{where}: key 'name' is {name!r}; use letters, digits, '-', '_' or "
                          "'.' (no spaces), e.g. name = \"hoangmai\"")
    delay = raw.get("delay")
    if delay is not None and not (math.isfinite(delay) and 0 <= delay <= MAX_DELAY):
        raise ConfigError(f"{where}: key 'delay' is {delay}; use a number of seconds from 0 to "
                          f"{MAX_DELAY:g}, e.g. delay = 1.0")
    max_pages = raw.get("max_pages")
    if max_pages is not None and max_pages < 1:
        raise ConfigError(f"{where}: key 'max_pages' is {max_pages}; use 1 or more, or remove "
                          "the key for no limit")
    for key in ("from_year", "to_year"):
        value = raw.get(key)
        if value is not None and not _YEAR.match(str(value)):
            raise ConfigError(f"{where}: key '{key}' is {value!r}; use a year such as 2012 (or "
                              "a timestamp prefix YYYYMMDD...)")
    for key in ("name", "user_agent", "domain", "district", "province"):
        if isinstance(raw.get(key), str) and (_CONTROL.search(raw[key]) or
                                              (key == "domain" and not raw[key].strip())):
            raise ConfigError(f"{where}: key '{key}' holds a control character or is empty; "
                              "write it on one line")
    files = raw.get("file")
    if isinstance(files, list) and not all(isinstance(f, str) and f for f in files):
        raise ConfigError(f"{where}: key 'file' must list file paths (strings); expected "
                          f"{_KEYS['file'][1]}")


def _check_urls(source: Source, where: str) -> None:
    """After ${VARIABLE} expansion: only http(s) URLs, start URLs inside base_url."""
    for key in ("base_url", "cdx_url", "wayback_url"):
        url = getattr(source, key)
        if url is None or (key != "base_url" and source.kind != "wayback"):
            continue
        problem = url_problem(url)
        if problem:
            raise ConfigError(f"{where}: key '{key}' = {url!r}: {problem}; use an http:// or "
                              "https:// URL, e.g. \"https://hoangmai.hanoi.gov.vn/\"")
    for url in source.start_urls:
        problem = url_problem(url)
        if problem:
            raise ConfigError(f"{where}: key 'start_urls' has {url!r}: {problem}; use http:// or "
                              "https:// URLs on the portal")
        why = scope_reason(url, source) if source.kind == "portal" else None
        if why and why not in ("not matched by allow", "matched by deny"):
            raise ConfigError(f"{where}: key 'start_urls' has {url!r} ({why}: base_url is "
                              f"{source.base_url or source.start_urls[0]!r}); list only URLs "
                              "inside base_url, or widen base_url")


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ConfigError(f"{path}:{line}: not UTF-8 (byte 0x{data[exc.start]:02x}); save the "
                          "file as UTF-8") from None


def load_sources(path: str | os.PathLike, only: list[str] | None = None,
                 warn=print) -> list[Source]:
    """Read, validate and return the enabled sources of a sources.toml file.

    ``only`` restricts to the named sources (enabled or not). ``warn`` receives one line per
    skipped entry.
    """
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: sources file not found; pass --sources PATH or create it "
                          "(see data/sources.toml)")
    text = _read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}; fix the syntax at that line") from None
    extra = set(data) - {"source"}
    if extra:
        raise ConfigError(f"{path}: unknown top-level key '{sorted(extra)[0]}'; every entry "
                          "must be a [[source]] table")
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: 'source' must be an array of tables: write [[source]]")
    lines = _entry_lines(text)
    sources, names = [], set()
    for index, raw in enumerate(entries):
        line = lines[index] if index < len(lines) else 0
        where = f"{path}:{line}: source #{index + 1}"
        _check_entry(raw, where)
        _check_values(raw, where)
        if raw["name"] in names:
            raise ConfigError(f"{where}: name '{raw['name']}' is used twice; names must be "
                              "unique")
        names.add(raw["name"])
        missing: set[str] = set()
        expanded = {k: _expand(v, missing) for k, v in raw.items()}
        source = Source(**expanded, line=line)
        if not missing:
            _check_urls(source, where)
        if only is not None:
            if source.name not in only:
                continue
        elif not source.enabled:
            continue
        if missing:
            warn(f"Skipping source '{source.name}' ({path}:{line}): environment variable "
                 f"{', '.join(sorted(missing))} is not set")
            continue
        sources.append(source)
    if only is not None:
        unknown = set(only) - names
        if unknown:
            raise ConfigError(f"{path}: no source named '{sorted(unknown)[0]}'; known: "
                              f"{', '.join(sorted(names))}")
    return sources
