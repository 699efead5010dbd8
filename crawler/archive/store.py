"""The database: schema, upserts, full-text search and datasette metadata.

This module is the only place that writes SQL. Every other stage hands it records
(Page, Article, Analysis) and gets ids back.
"""
from __future__ import annotations

import fcntl
import gzip
import hashlib
import json
import os
import re
import sqlite3
import unicodedata
from contextlib import contextmanager

from pathlib import Path
from typing import Iterator

import sqlite_utils

from crawler.errors import VnnewsError
from crawler.records import Article, Page, StoredPage, utc_iso
from crawler.urls import article_key

__all__ = ["Store", "open_store", "fold_for_search", "datasette_metadata", "utc_now",
           "reason_kind", "SKIP_REASONS", "EXAMPLES_PER_REASON"]

# Reasons a URL was not fetched on purpose: counted as skipped, not as failed.
SKIP_REASONS = frozenset({"robots.txt"})
# Example URLs kept per reason in a crawl's summary: enough to see the pattern.
EXAMPLES_PER_REASON = 3


def reason_kind(reason: str | None) -> str:
    """The kind of a failure or page reason, for counting: the part before ':' without a
    parenthesised detail ("listing page (12 teasers)" → "listing page"), and "duplicate" for
    "duplicate of URL"."""
    text = (reason or "").strip()
    if text.startswith("duplicate of "):
        return "duplicate"
    kind = text.split(":")[0].strip()
    return re.sub(r"\s*\([^)]*\)$", "", kind) or text

# unicode61 with remove_diacritics 2 folds every Vietnamese mark except đ/Đ, which Unicode
# treats as a letter of its own; fold_for_search() adds the đ→d spellings in a column of their own.
FTS_TOKENIZE = "unicode61 remove_diacritics 2"
FTS_COLUMNS = ("title", "lead", "body", "folded")

_D_WORD = re.compile(r"\w*[đĐ]\w*")


def utc_now() -> str:
    return utc_iso()


def fold_for_search(*texts: str | None) -> str:
    """Words spelled with đ/Đ, rewritten with d/D, so "dang uy" finds "Đảng ủy"."""
    words = []
    for text in texts:
        for word in _D_WORD.findall(text or ""):
            words.append(word.replace("đ", "d").replace("Đ", "D"))
    return " ".join(words)


# Texts shorter than this are not merged by hash: "Đang cập nhật" is no article's identity.
MIN_DEDUP_CHARS = 200


def _body_hash(body: str | None) -> str | None:
    """sha256 of an article's text with whitespace collapsed, or None when too short."""
    text = " ".join((body or "").split())
    if len(text) < MIN_DEDUP_CHARS:
        return None
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Issuers whose numbers are unique nationwide for a year: the Party centre, the Government,
# the Prime Minister, the National Assembly. Ministries (codes starting with B) likewise.
NATIONAL_ISSUERS = {"TW", "VPTW", "BCT", "BBT", "CP", "TTg", "QH", "UBTVQH", "VPCP", "BCĐTW"}
_PLACE = re.compile(r"\b(?:thành phố|tỉnh|quận|huyện|thị xã|phường|xã|thị trấn)\s+(\S.*)$",
                    re.IGNORECASE)


def document_key(number_id: str, attrs: dict, district: str | None = None,
                 province: str | None = None, article_id: int | None = None) -> str:
    """The documents table's key: (type, number, year, issuer). Numbers of normative
    documents (30/2020/NĐ-CP) hold their year and are unique; laws cited by name are keyed by
    name and year ("Luật Đất đai 2013"). Local bodies restart numbering each year, and every
    district's UBND has its own 112/KH-UBND, so those keys add the year and the issuing place:
    "112/KH-UBND|2016|hoàng mai". The year comes from the number, the document's date, or
    the publish date (the analyzer flags that ``year_inferred``); a document with no year at
    all is keyed to its article ("?a12"): two years are never merged."""
    if re.search(r"/\d{4}/", number_id):
        return number_id
    if attrs.get("name") and not attrs.get("number"):
        return number_id  # a law by name: its value holds the name and, when given, the year
    year = attrs.get("year") or (attrs.get("date") or "")[:4].strip("-") or None
    if not year:
        year = f"?a{article_id}" if article_id is not None else "?"
    parts = [number_id, str(year)]
    code = attrs.get("issuer_code") or ""
    if code not in NATIONAL_ISSUERS and not re.fullmatch(r"B[A-ZĐ]+", code):
        issuer = unicodedata.normalize("NFC", attrs.get("issuer") or "")
        found = _PLACE.search(issuer)
        if found:
            place = found.group(1)
        elif province and re.search(r"(?i)\b(?:thành phố|tỉnh|TP)\s*$", issuer):
            place = _bare_name(province)  # "UBND Thành phố" in a Hanoi source: Hà Nội's
        else:
            place = district or "?"
        parts.append(unicodedata.normalize("NFC", place).lower())
    return "|".join(parts)


def _bare_name(place: str) -> str:
    """"Thành phố Hồ Chí Minh" → "Hồ Chí Minh"."""
    return re.sub(r"(?i)^(?:thành phố|tỉnh|quận|huyện|thị xã|tp\.?)\s+", "", place.strip())


_DISTRICT_UNITS = ("quận", "huyện", "thị xã")
_PROVINCE_UNITS = ("thành phố", "tỉnh")
# bodies named without a place whose place is the source's province or district
_PROVINCE_BODIES = ("sở ", "thành ủy", "tỉnh ủy", "thành đoàn", "tỉnh đoàn")
_DISTRICT_BODIES = {"quận ủy": "quận", "huyện ủy": "huyện", "thị ủy": "thị xã",
                    "quận đoàn": "quận", "huyện đoàn": "huyện"}


def organization_key(value: str, attrs: dict, district: str | None = None,
                     province: str | None = None) -> tuple[str, str | None, str | None]:
    """(key, place, where the place came from) of an organisation mention.

    The analyzer's value is "body|place", spellings and abbreviations already one key ("Sở
    TT&TT", "Sở TTTT", "Sở Thông tin và Truyền thông (Hà Nội)"). A body named with its place
    keeps it ("text"; "inferred" when the analyzer took it from a unit named earlier in the
    text). A body named by a unit word alone ("UBND quận", "UBND Thành phố") or with no place
    ("Sở Y tế", "Quận ủy") is scoped by the source's district or province ("source"), and
    only when the source's district is a unit of that kind: a Hanoi committee is never filed
    under another city."""
    from nlp.org import canonical_place
    from nlp.places import gazetteer, strip_key

    body, _, place = value.partition("|")
    if place and place not in _DISTRICT_UNITS + _PROVINCE_UNITS:
        return value, place, "inferred" if attrs.get("place_inferred") else "text"
    unit = place or _DISTRICT_BODIES.get(body) or (
        "thành phố" if body.startswith(_PROVINCE_BODIES) else None)
    scoped = None
    if unit in _DISTRICT_UNITS and district:
        candidate = f"{unit} {_bare_name(district).lower()}"
        if strip_key(candidate) in gazetteer().districts:
            scoped = unicodedata.normalize("NFC", candidate)
    elif unit in _PROVINCE_UNITS and province:
        scoped = canonical_place(province if place or not body.startswith(_PROVINCE_BODIES)
                                 else _bare_name(province))
        if not scoped.startswith(unit) and place:
            scoped = None  # "UBND tỉnh" in a city's source names another province
    if scoped:
        return f"{body}|{scoped}", scoped, "source"
    return value, place or None, None


def person_key(name: str, attrs: dict, org_key: str | None, district: str | None = None
               ) -> tuple[str, str]:
    """(key, evidence) of a person: the name plus the body the person holds a title in
    ("Nguyễn Văn An|ủy ban nhân dân|quận hoàng mai"), else the title held, else the source's
    district: two officials with one name in different districts or bodies are two people."""
    if org_key:
        return f"{name}|{org_key}", "organization"
    titles = attrs.get("titles") or []
    if titles:
        return f"{name}|{unicodedata.normalize('NFC', titles[0]).lower()}", "title"
    if district:
        return f"{name}|{_bare_name(district).lower()}", "source"
    return f"{name}|?", "none"


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Store:
    """A vnnews database. Open with :func:`open_store`."""

    def __init__(self, db: sqlite_utils.Database, path: str):
        self.db = db
        self.path = path

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- schema ---------------------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create what is missing. Several crawler processes may start on one new database
        at once (distributed mode): a table or column that another process created between
        our check and our DDL is not an error, so the check runs again."""
        for attempt in range(5):
            try:
                return self._ensure_schema()
            except sqlite3.OperationalError as exc:
                message = str(exc)
                if attempt == 4 or not ("already exists" in message or
                                        "duplicate column" in message):
                    raise
                self.db.conn.rollback()

    def _ensure_schema(self) -> None:
        db = self.db
        db.execute("PRAGMA journal_mode=WAL")
        # WAL + NORMAL: a commit is safe against a crashed or killed process (the crawler's
        # resume relies on that) and skips one fsync per page; only a power cut can lose the
        # last commits. SQLite recommends NORMAL with WAL.
        db.execute("PRAGMA synchronous=NORMAL")
        tables = set(db.table_names())
        if "sources" not in tables:
            db["sources"].create(
                {"name": str, "kind": str, "district": str, "province": str, "base_url": str,
                 "config": str},
                pk="name",
            )
        if "crawls" not in tables:
            db["crawls"].create(
                {"id": int, "started_at": str, "finished_at": str, "sources": str,
                 "fetched": int, "articles": int, "new": int, "changed": int,
                 "unchanged": int, "failed": int, "failures": str, "summary": str},
                pk="id",
            )
        if "pages" not in tables:
            db["pages"].create(
                {"id": int, "url": str, "canonical_url": str, "final_url": str, "source": str,
                 "crawl_id": int, "fetched_at": str, "capture_time": str, "status": int,
                 "headers": str, "sha256": str, "body_gz": bytes, "encoding": str,
                 "is_article": int, "reason": str},
                pk="id",
            )
            db["pages"].create_index(["url", "sha256"], unique=True)
            db["pages"].create_index(["canonical_url"])
        if "failures" not in tables:
            db["failures"].create(
                {"id": int, "crawl_id": int, "source": str, "url": str, "failed_at": str,
                 "reason": str},
                pk="id",
            )
        if "articles" not in tables:
            db["articles"].create(
                {"id": int, "canonical_url": str, "url": str, "page_id": int, "source": str,
                 "title": str, "published": str, "category": str, "lead": str, "body": str,
                 "author": str, "source_line": str, "captions": str, "attachments": str,
                 "notes": str, "extracted_at": str, "analyzed_at": str},
                pk="id",
                foreign_keys=[("page_id", "pages", "id")],
            )
            db["articles"].create_index(["canonical_url"], unique=True)
            db["articles"].create_index(["published"])
        if "articles_fts" not in tables:
            cols = ", ".join(FTS_COLUMNS)
            db.execute(f"CREATE VIRTUAL TABLE articles_fts USING fts5({cols}, "
                       f"tokenize='{FTS_TOKENIZE}')")
        if "mentions" not in tables:
            db["mentions"].create(
                {"id": int, "article_id": int, "field": str, "type": str, "start": int,
                 "end": int, "text": str, "value": str, "attrs": str},
                pk="id",
                foreign_keys=[("article_id", "articles", "id")],
            )
            db["mentions"].create_index(["article_id"])
            db["mentions"].create_index(["type", "value"])
        self._ensure_crawl_columns()
        self._ensure_entity_tables(set(db.table_names()))

    def _rekey_people(self) -> None:
        """Databases made when people were keyed by name alone: each name becomes the key
        "name|?" (unscoped) until `vnnews process` re-analyses its articles; roles follow."""
        db = self.db
        db["people"].add_column("key", str)
        for column in ("organization", "org_key", "evidence"):
            db["people"].add_column(column, str)
        db.execute("update people set key = name || '|?', evidence = 'none'")
        db["people"].transform(pk="key")
        if "person_roles" in db.table_names():
            db.execute("update person_roles set person = person || '|?'")
            db["person_roles"].transform(drop_foreign_keys=["person"])
            db["person_roles"].add_foreign_key("person", "people", "key")

    def _ensure_entity_tables(self, tables: set[str]) -> None:
        """Canonical tables built from mentions: one row per document, organisation, person
        and place, plus which article cites or names them (rebuilt per article)."""
        db = self.db
        if "documents" not in tables:
            db["documents"].create(
                {"id": str, "number_id": str, "doc_type": str, "type_code": str, "number": str, "year": int,
                 "issuer_code": str, "issuer": str, "issued_on": str, "subject": str,
                 "citations": int},
                pk="id",
            )
        elif "number_id" not in db["documents"].columns_dict:  # databases made before keys
            db["documents"].add_column("number_id", str)
        if "document_citations" not in tables:
            db["document_citations"].create(
                {"document_id": str, "article_id": int, "mention_id": int, "published": str},
                pk=("document_id", "mention_id"),
                foreign_keys=[("document_id", "documents", "id"),
                              ("article_id", "articles", "id"),
                              ("mention_id", "mentions", "id")],
            )
        if "year_inferred" not in db["documents"].columns_dict:
            db["documents"].add_column("year_inferred", int)
        if "organizations" not in tables:
            db["organizations"].create(
                {"key": str, "name": str, "abbreviation": str, "place": str, "place_from": str,
                 "mentions": int}, pk="key")
        for column in ("place", "place_from"):
            if column not in db["organizations"].columns_dict:
                db["organizations"].add_column(column, str)
        if "entity" not in db["mentions"].columns_dict:
            db["mentions"].add_column("entity", str)  # the row's key in its canonical table
            db["mentions"].create_index(["type", "entity"], if_not_exists=True)
        if "people" in tables and "key" not in db["people"].columns_dict:
            self._rekey_people()
            tables = set(db.table_names())
        if "people" not in tables:
            db["people"].create({"key": str, "name": str, "organization": str, "org_key": str,
                                 "evidence": str, "mentions": int}, pk="key")
        if "person_roles" not in tables:
            db["person_roles"].create(
                {"person": str, "title": str, "organization": str, "org_key": str,
                 "former": int, "as_of": str, "article_id": int, "mention_id": int},
                pk=("mention_id", "title"),
                foreign_keys=[("person", "people", "key"), ("article_id", "articles", "id"),
                              ("mention_id", "mentions", "id")],
            )
        if "acronyms" not in tables:
            db["acronyms"].create(
                {"article_id": int, "acronym": str, "long_form": str},
                pk=("article_id", "acronym"),
                foreign_keys=[("article_id", "articles", "id")],
            )
        if "places" not in tables:
            db["places"].create(
                {"key": str, "name": str, "unit_type": str, "new_unit": str, "mentions": int},
                pk="key")

    # ---- sources and crawls ---------------------------------------------------------------

    def save_source(self, name: str, kind: str, district: str | None, province: str | None,
                    base_url: str | None, config: dict) -> None:
        self.db["sources"].upsert(
            {"name": name, "kind": kind, "district": district, "province": province,
             "base_url": base_url, "config": _json(config)},
            pk="name",
        )

    def start_crawl(self, sources: list[str]) -> int:
        table = self.db["crawls"]
        table.insert({"started_at": utc_now(), "sources": _json(sources), "fetched": 0,
                      "articles": 0, "new": 0, "changed": 0, "unchanged": 0, "failed": 0})
        return table.last_pk

    def finish_crawl(self, crawl_id: int, summary: dict, reasons: str | None = None) -> None:
        """Close a crawl (or import) with its summary; ``reasons`` is the printed
        one-line-per-reason report (with example URLs)."""
        totals = summary.get("total", {})
        self.db["crawls"].update(crawl_id, {
            "finished_at": utc_now(),
            "fetched": totals.get("fetched", 0), "articles": totals.get("articles", 0),
            "new": totals.get("new", 0), "changed": totals.get("changed", 0),
            "unchanged": totals.get("unchanged", 0), "failed": totals.get("failed", 0),
            "failures": _json(totals.get("failures", {})), "summary": _json(summary),
            "skipped": totals.get("skipped", 0), "reasons": reasons,
            "links_found": totals.get("links", {}).get("found", 0),
            "links_followed": totals.get("links", {}).get("followed", 0),
            "links_skipped": _json(totals.get("links", {}).get("skipped", {})),
        })

    def crawl(self, crawl_id: int) -> dict:
        return self.db["crawls"].get(crawl_id)

    def record_failure(self, crawl_id: int | None, source: str, url: str, reason: str) -> None:
        """Record that ``url`` failed (or was skipped) in a crawl, once: a resumed crawl that
        meets the same URL with the same reason again (robots.txt) adds no second row."""
        with self.db.conn:
            if crawl_id is not None and self.db.execute(
                    "select 1 from failures where crawl_id = ? and url = ? and reason = ? "
                    "limit 1", [crawl_id, url, reason]).fetchone():
                return
            self.db["failures"].insert({"crawl_id": crawl_id, "source": source, "url": url,
                                        "failed_at": utc_now(), "reason": reason})

    def schema_current(self) -> bool:
        """True when the database has every table and column this version writes (so a
        reader can plan work without migrating it first)."""
        tables = set(self.db.table_names())
        return {"pages", "articles", "source_profiles"} <= tables and \
            "extracted_with" in self.db["pages"].columns_dict and \
            "analyzed_with" in self.db["articles"].columns_dict

    def _ensure_crawl_columns(self) -> None:
        """Columns added for incremental crawls: what the last fetch of a page version found
        (new / changed / unchanged), and a hash of each article's text for dedup."""
        if "outcome" not in self.db["pages"].columns_dict:
            self.db["pages"].add_column("outcome", str)
        crawl_columns = self.db["crawls"].columns_dict
        if "skipped" not in crawl_columns:  # robots.txt: skipped on purpose, not failed
            self.db["crawls"].add_column("skipped", int)
        if "reasons" not in crawl_columns:  # one line per reason, with example URLs
            self.db["crawls"].add_column("reasons", str)
        if "body_sha256" not in self.db["articles"].columns_dict:
            self.db["articles"].add_column("body_sha256", str)
        # What a page is (article, notice, listing, procedure, static) and the CMS's article id
        # ("liferay:5012"), the strong dedup key of crawler.urls.article_key.
        if "kind" not in self.db["pages"].columns_dict:
            self.db["pages"].add_column("kind", str)
        for column in ("kind", "article_key"):
            if column not in self.db["articles"].columns_dict:
                self.db["articles"].add_column(column, str)
        self.db["articles"].create_index(["source", "article_key"], if_not_exists=True)
        # Links of each crawl: found, followed, skipped by reason (crawler.discover).
        for column, kind in (("links_found", int), ("links_followed", int),
                             ("links_skipped", str)):
            if column not in self.db["crawls"].columns_dict:
                self.db["crawls"].add_column(column, kind)
        # The extractor and analyzer versions that produced a row: `vnnews process` redoes
        # exactly the rows an older version (or none) produced.
        if "extracted_with" not in self.db["pages"].columns_dict:
            self.db["pages"].add_column("extracted_with", str)
        if "analyzed_with" not in self.db["articles"].columns_dict:
            self.db["articles"].add_column("analyzed_with", str)
        if "source_profiles" not in self.db.table_names():
            self.db["source_profiles"].create(
                {"source": str, "learned_at": str, "pages": int, "boilerplate": str}, pk="source")
        self.db["articles"].create_index(["body_sha256"], if_not_exists=True)
        # issue 16: how sure the extractor is (0..1) and which method produced the text
        for column, kind in (("confidence", float), ("method", str)):
            if column not in self.db["articles"].columns_dict:
                self.db["articles"].add_column(column, kind)
        self.db["pages"].create_index(["crawl_id"], if_not_exists=True)
        self.db["failures"].create_index(["crawl_id"], if_not_exists=True)

    def validators(self) -> dict[str, tuple[str | None, str | None]]:
        """URL → (ETag, Last-Modified) of the newest stored version, for conditional
        requests; URLs stored without either are left out."""
        found = {}
        for url, headers in self.db.execute(
                "select url, headers from pages where id in "
                "(select max(id) from pages where status = 200 group by url)"):
            h = {k.lower(): v for k, v in json.loads(headers or "{}").items()}
            if h.get("etag") or h.get("last-modified"):
                found[url] = (h.get("etag"), h.get("last-modified"))
        return found

    def stored_page(self, url: str) -> dict | None:
        """The newest stored version of ``url`` (final URL, headers, body), or None."""
        row = self.db.execute(
            "select id, final_url, status, headers, body_gz from pages where url = ? "
            "order by id desc limit 1", [url]).fetchone()
        if row is None:
            return None
        return {"id": row[0], "final_url": row[1], "status": row[2],
                "headers": json.loads(row[3] or "{}"),
                "body": gzip.decompress(row[4]) if row[4] else b""}

    def touch_page(self, url: str, fetched_at: str, crawl_id: int | None,
                   sha: str | None = None) -> bool:
        """Mark the stored version of ``url`` (with body hash ``sha``, or the newest) as
        fetched again and unchanged. Returns False when there is no such version."""
        if sha is None:
            row = self.db.execute("select max(id) from pages where url = ?", [url]).fetchone()
        else:
            row = self.db.execute("select id from pages where url = ? and sha256 = ?",
                                  [url, sha]).fetchone()
        if row is None or row[0] is None:
            return False
        with self.db.conn:
            self.db["pages"].update(row[0], {"fetched_at": fetched_at, "crawl_id": crawl_id,
                                             "outcome": "unchanged"})
        return True

    def crawl_urls(self, crawl_id: int) -> set[str]:
        """URLs already stored or failed in crawl ``crawl_id`` (what a resumed crawl skips)."""
        urls = {r[0] for r in self.db.execute("select url from pages where crawl_id = ?",
                                               [crawl_id])}
        urls |= {r[0] for r in self.db.execute("select final_url from pages where "
                                                "crawl_id = ? and final_url is not null",
                                                [crawl_id])}
        urls |= {r[0] for r in self.db.execute("select url from failures where crawl_id = ?",
                                                [crawl_id])}
        return urls

    def crawl_counts(self, crawl_id: int) -> dict:
        """Per-source counts of crawl ``crawl_id``, read back from the pages and failures it
        wrote (so a resumed crawl and several processes report correctly).

        Failures count under "failed" / "failures", URLs skipped on purpose (robots.txt) under
        "skipped" / "skips", stored pages that are no article under "not_articles", each by
        reason kind, with up to EXAMPLES_PER_REASON example URLs per kind in "examples"."""
        per: dict[str, dict] = {}

        def counts(source) -> dict:
            return per.setdefault(source or "", {"failures": {}})

        def example(c: dict, kind: str, text: str) -> None:
            shown = c.setdefault("examples", {}).setdefault(kind, [])
            if len(shown) < EXAMPLES_PER_REASON and text not in shown:
                shown.append(text)

        for source, outcome, is_article, dup, n in self.db.execute(
                "select source, coalesce(outcome, 'new'), is_article, "
                "coalesce(reason, '') like 'duplicate of %', count(*) from pages "
                "where crawl_id = ? group by 1, 2, 3, 4", [crawl_id]):
            c = counts(source)
            c["fetched"] = c.get("fetched", 0) + n
            c[outcome] = c.get(outcome, 0) + n
            if is_article and not dup:  # the rows this crawl gave the articles table
                c["articles"] = c.get("articles", 0) + n
            if dup:
                c["duplicates"] = c.get("duplicates", 0) + n
        for source, reason, url in self.db.execute(
                "select source, reason, url from pages where crawl_id = ? and is_article = 0 "
                "order by id", [crawl_id]):
            c, kind = counts(source), reason_kind(reason) or "no reason given"
            table = c.setdefault("not_articles", {})
            table[kind] = table.get(kind, 0) + 1
            example(c, kind, url)
        for source, reason, url in self.db.execute(
                "select source, reason, url from failures where crawl_id = ? order by id",
                [crawl_id]):
            c, kind = counts(source), reason_kind(reason)
            if kind in SKIP_REASONS:
                c["skipped"] = c.get("skipped", 0) + 1
                table = c.setdefault("skips", {})
                table[kind] = table.get(kind, 0) + 1
            else:
                c["failed"] = c.get("failed", 0) + 1
                c["failures"][kind] = c["failures"].get(kind, 0) + 1
            # a redirect loop shows its chain, anything else the URL
            detail = (reason or "").partition(": ")[2]
            example(c, kind, detail if "→" in detail else url)
        return per

    # ---- pages and articles ---------------------------------------------------------------

    def save_page(self, page: Page, article: Article, crawl_id: int | None = None,
                  extracted_with: str | None = None) -> str:
        """Store one fetched page and what was extracted from it, in one transaction.

        Returns "new" (first version of this URL), "changed" (a new version of a known URL)
        or "unchanged" (same bytes as already stored: only the fetch time moves).
        """
        sha = hashlib.sha256(page.body).hexdigest()
        canonical = article.canonical_url or page.final_url or page.url
        with self.db.conn:
            if not self.db.conn.in_transaction:  # take the write lock before reading, so
                self.db.execute("BEGIN IMMEDIATE")  # crawler processes never race
            row = self._page_version(page.url, sha)
            if row is not None:
                self.db["pages"].update(row["id"], {"fetched_at": page.fetched_at,
                                                    "crawl_id": crawl_id,
                                                    "outcome": "unchanged"})
                outcome, page_id = "unchanged", row["id"]
            else:
                known = self.db.execute("select 1 from pages where url = ? limit 1",
                                        [page.url]).fetchone()
                page_id = self.db["pages"].insert({
                    "url": page.url, "canonical_url": canonical, "final_url": page.final_url,
                    "source": page.source, "crawl_id": crawl_id, "fetched_at": page.fetched_at,
                    "capture_time": page.capture_time, "status": page.status,
                    "headers": _json(page.headers), "sha256": sha,
                    "body_gz": gzip.compress(page.body, mtime=0), "encoding": page.encoding,
                    "is_article": int(article.is_article), "reason": article.reason,
                    "outcome": "changed" if known else "new", "extracted_with": extracted_with,
                    "kind": article.kind,
                }).last_pk
                outcome = "changed" if known else "new"
            if article.is_article and outcome != "unchanged":
                self._save_article(page_id, page.source, canonical, article,
                                   page.final_url or page.url)
        return outcome

    def _save_article(self, page_id: int, source: str, canonical: str, article: Article,
                      url: str) -> None:
        """The article of a stored page version, unless it repeats one already stored: the
        same CMS article id in this source (the same article under another section path,
        crawler.urls.article_key) or exactly the same text. Then the page is marked as that
        article's duplicate (the first one stays) and a row an older run made for it goes.
        The crawl and `vnnews process` both come here: one article, one row."""
        key = article_key(url, article.cms_id)
        first = self._duplicate_of(source, canonical, key, article.body)
        if first:
            self.db["pages"].update(page_id, {"canonical_url": first,
                                              "reason": f"duplicate of {first}"})
            self._drop_article(canonical, page_id, keep=first)
        else:
            self._upsert_article(page_id, source, canonical, article, key)

    def _duplicate_of(self, source: str, canonical: str, key: str | None,
                      body: str) -> str | None:
        """The canonical URL of the article this one repeats: one with the same CMS article
        id in this source, else one with exactly this text."""
        if key:
            row = self.db.execute("select canonical_url from articles where source = ? and "
                                  "article_key = ? and canonical_url != ? order by id limit 1",
                                  [source, key, canonical]).fetchone()
            if row:
                return row[0]
        return self._same_text(canonical, body)

    def _drop_article(self, canonical: str, page_id: int, keep: str) -> None:
        """Delete the article rows of ``canonical`` or made from page ``page_id`` (now a
        duplicate of ``keep``), with what hangs on them."""
        rows = self.db.execute("select id from articles where (canonical_url = ? or page_id = ?)"
                               " and canonical_url != ?", [canonical, page_id, keep]).fetchall()
        for (article_id,) in rows:
            self._forget_article_entities(article_id)
            self.db.execute("delete from mentions where article_id = ?", [article_id])
            self.db.execute("delete from articles_fts where rowid = ?", [article_id])
            self.db.execute("delete from articles where id = ?", [article_id])

    def _same_text(self, canonical: str, body: str) -> str | None:
        """The canonical URL of another article with exactly this text, if any."""
        digest = _body_hash(body)
        if digest is None:
            return None
        row = self.db.execute("select canonical_url from articles where body_sha256 = ? and "
                              "canonical_url != ? order by id limit 1",
                              [digest, canonical]).fetchone()
        return row[0] if row else None

    def _page_version(self, url: str, sha: str) -> dict | None:
        rows = list(self.db["pages"].rows_where("url = ? and sha256 = ?", [url, sha], limit=1))
        return rows[0] if rows else None

    def _upsert_article(self, page_id: int, source: str, canonical: str,
                        article: Article, key: str | None = None) -> int:
        record = {
            "canonical_url": canonical, "url": article.url, "page_id": page_id,
            "source": source, "title": article.title, "published": article.published,
            "category": article.category, "lead": article.lead, "body": article.body,
            "author": article.author, "source_line": article.source_line,
            "captions": _json(article.captions), "attachments": _json(article.attachments),
            "notes": _json(article.notes), "extracted_at": utc_now(),
            "body_sha256": _body_hash(article.body),
            "confidence": article.confidence, "method": article.method,
            "kind": article.kind, "article_key": key,
        }
        existing = self.db.execute(
            "select id, title, lead, body, published from articles where canonical_url = ?",
            [canonical]).fetchone()
        if existing:
            article_id = existing[0]
            if tuple(existing[1:]) != (article.title, article.lead, article.body,
                                       article.published):
                record["analyzed_with"] = None  # new text: its analysis is out of date
            self.db["articles"].update(article_id, record)
            self.db.execute("delete from articles_fts where rowid = ?", [article_id])
        else:
            article_id = self.db["articles"].insert(record).last_pk
        self.db.execute(
            "insert into articles_fts(rowid, title, lead, body, folded) values (?, ?, ?, ?, ?)",
            [article_id, article.title, article.lead, article.body,
             fold_for_search(article.title, article.lead, article.body)],
        )
        return article_id

    def pages_to_extract(self, current: dict[str, str] | None,
                         default: str = "") -> tuple[int, Iterator[StoredPage]]:
        """The newest stored version of every URL whose extraction is not current: its
        extracted_with differs from ``current[source]`` (``default`` for other sources).
        ``current=None`` selects them all. Returns (how many, the pages, read one by one so
        the caller may write while iterating)."""
        todo = [page_id for page_id, source, key in self.db.execute(
                    "select p.id, p.source, p.extracted_with from pages p join (select max(id) "
                    "as id from pages group by url) newest on newest.id = p.id order by p.id")
                if current is None or key != current.get(source or "", default)]
        return len(todo), (self._stored_page(page_id) for page_id in todo)

    def _stored_page(self, page_id: int) -> StoredPage:
        row = self.db["pages"].get(page_id)
        page = Page(url=row["url"], final_url=row["final_url"] or row["url"],
                    status=row["status"], headers=json.loads(row["headers"] or "{}"),
                    body=gzip.decompress(row["body_gz"]) if row["body_gz"] else b"",
                    fetched_at=row["fetched_at"], source=row["source"] or "",
                    encoding=row["encoding"], capture_time=row["capture_time"])
        return StoredPage(page_id, page, row["extracted_with"])

    def save_reextracted(self, page_id: int, page: Page, article: Article,
                         extracted_with: str | None = None) -> None:
        """Replace the extraction result of a stored page version (same dedup as a crawl)."""
        canonical = article.canonical_url or page.final_url or page.url
        with self.db.conn:
            self.db["pages"].update(page_id, {"is_article": int(article.is_article),
                                              "reason": article.reason,
                                              "canonical_url": canonical,
                                              "encoding": page.encoding,
                                              "extracted_with": extracted_with,
                                              "kind": article.kind})
            if article.is_article:
                self._save_article(page_id, page.source, canonical, article,
                                   page.final_url or page.url)

    def source_profile(self, source: str) -> list[str] | None:
        """The boilerplate texts learned for ``source`` (None: not learned yet)."""
        row = self.db.execute("select boilerplate from source_profiles where source = ?",
                              [source]).fetchone()
        return json.loads(row[0]) if row else None

    def save_source_profile(self, source: str, boilerplate: list[str], pages: int) -> None:
        with self.db.conn:
            self.db["source_profiles"].upsert(
                {"source": source, "learned_at": utc_now(), "pages": pages,
                 "boilerplate": _json(sorted(boilerplate))}, pk="source")

    def last_failure(self, source: str) -> tuple[str, str] | None:
        """(url, reason) of the newest recorded failure of ``source``."""
        row = self.db.execute("select url, reason from failures where source = ? "
                              "order by id desc limit 1", [source]).fetchone()
        return (row[0], row[1]) if row else None

    def source_configs(self) -> dict[str, dict]:
        """Name → configuration (sources.toml keys, district included) of known sources."""
        configs = {}
        for row in self.db["sources"].rows:
            config = json.loads(row["config"] or "{}")
            config.setdefault("district", row["district"])
            configs[row["name"]] = config
        return configs

    def page_sample(self, source: str, limit: int) -> list[Page]:
        """Up to ``limit`` stored pages of one source answered with 200 (newest versions),
        spread over the whole crawl rather than its first pages."""
        ids = [r[0] for r in self.db.execute(
            "select max(id) from pages where source = ? and status = 200 group by url",
            [source]).fetchall()]
        step = max(1, len(ids) // limit) if limit else 1
        return [self._stored_page(page_id).page for page_id in sorted(ids)[::step][:limit]]

    def articles(self) -> Iterator[dict]:
        """Every article, fetched one by one so that callers may write while iterating."""
        ids = [r[0] for r in self.db.execute("select id from articles order by id").fetchall()]
        for article_id in ids:
            yield self.db["articles"].get(article_id)

    def articles_to_analyze(self, version: str | None) -> tuple[int, Iterator[tuple[int, Article]]]:
        """Articles not analysed by analyzer ``version`` (None: all of them), as (id, Article)
        with the source's name in ``Article.notes["source"]``; read one by one."""
        if version is None:
            ids = [r[0] for r in self.db.execute("select id from articles order by id")]
        else:
            ids = [r[0] for r in self.db.execute(
                "select id from articles where analyzed_with is null or analyzed_with != ? "
                "order by id", [version])]
        return len(ids), ((i, self._article(i)) for i in ids)

    def _article(self, article_id: int) -> Article:
        row = self.db["articles"].get(article_id)
        return Article(url=row["url"], is_article=True, canonical_url=row["canonical_url"],
                       title=row["title"], published=row["published"],
                       category=row["category"], lead=row["lead"], body=row["body"] or "",
                       author=row["author"], source_line=row["source_line"],
                       captions=json.loads(row["captions"] or "[]"),
                       attachments=json.loads(row["attachments"] or "[]"),
                       notes={**json.loads(row["notes"] or "{}"), "source": row["source"]})

    def count(self, table: str) -> int:
        return self.db[table].count

    # ---- mentions -------------------------------------------------------------------------

    def save_analysis(self, article_id: int, analyses: dict, published: str | None = None,
                      district: str | None = None, analyzed_with: str | None = None) -> int:
        """Replace the mentions of one article, and its rows in the canonical tables.
        ``analyses`` maps a field name (title, lead, body) to its nlp Analysis; spans are
        offsets into that field's text. ``published`` dates the people's roles; ``district``
        (the source's) tells apart local documents that name no place ("UBND quận")."""
        with self.db.conn:
            self._forget_article_entities(article_id)
            self.db.execute("delete from mentions where article_id = ?", [article_id])
            scope = self._article_scope(article_id, district)
            people = self._people_of_article(analyses, scope)
            count = 0
            for field_name, analysis in analyses.items():
                for acronym, long_form in (getattr(analysis, "acronyms", None) or {}).items():
                    self.db["acronyms"].insert({"article_id": article_id, "acronym": acronym,
                                                "long_form": long_form}, replace=True)
                for m in analysis.mentions:
                    mention_id = self.db["mentions"].insert({
                        "article_id": article_id, "field": field_name, "type": m.type,
                        "start": m.start, "end": m.end, "text": m.text, "value": m.value,
                        "attrs": _json(m.attrs)}).last_pk
                    entity = self._save_entity(article_id, mention_id, m, published, scope,
                                               people)
                    if entity is not None:
                        self.db["mentions"].update(mention_id, {"entity": entity})
                    count += 1
            self.db["articles"].update(article_id, {"analyzed_at": utc_now(),
                                                    "analyzed_with": analyzed_with})
        return count

    def _forget_article_entities(self, article_id: int) -> None:
        for table in ("document_citations", "person_roles", "acronyms"):
            self.db.execute(f"delete from {table} where article_id = ?", [article_id])

    def _article_scope(self, article_id: int, district: str | None) -> dict:
        """The district and province of the source an article comes from (sources.toml)."""
        row = self.db.execute("select s.district, s.province from articles a join sources s "
                              "on s.name = a.source where a.id = ?", [article_id]).fetchone()
        return {"district": district or (row[0] if row else None),
                "province": row[1] if row else None}

    def _people_of_article(self, analyses: dict, scope: dict) -> dict[str, tuple[str, str]]:
        """Name → (key, evidence) for the people of one article. A name is one person within
        an article: its mentions without a title take the key of a titled one, and a given
        name alone ("ông An") that of the one full name ending with it."""
        found: dict[str, tuple[str, str]] = {}
        for analysis in analyses.values():
            for m in analysis.mentions:
                if m.type != "PERSON" or not m.value:
                    continue
                a = m.attrs or {}
                org_key = None
                if a.get("org_key"):
                    org_key = organization_key(a["org_key"], {}, scope["district"],
                                               scope["province"])[0]
                key = person_key(m.value, a, org_key, scope["district"])
                rank = {"organization": 0, "title": 1, "source": 2, "none": 3}
                if m.value not in found or rank[key[1]] < rank[found[m.value][1]]:
                    found[m.value] = key
        for name in list(found):
            if " " not in name:
                full = [f for f in found if " " in f and f.split()[-1] == name]
                if len(full) == 1:
                    found[name] = found[full[0]]
        return found

    def _save_entity(self, article_id: int, mention_id: int, m, published: str | None,
                     scope: dict, people: dict) -> str | None:
        """Upsert the canonical row a mention names; returns its key."""
        a = m.attrs or {}
        if not m.value:
            return None
        if m.type == "DOCREF":
            doc_id = document_key(m.value, a, scope["district"], scope["province"], article_id)
            inferred = int(bool(a.get("year_inferred")))
            known = self.db.execute("select year_inferred from documents where id = ?",
                                    [doc_id]).fetchone()
            if known is not None and known[0] == 0:
                inferred = 0  # another citation gives the year: it is no longer a guess
            self.db["documents"].upsert(
                {"id": doc_id, "number_id": m.value,
                 **{k: a.get(k) for k in ("doc_type", "type_code", "number",
                                          "year", "issuer_code")},
                 "year_inferred": inferred,
                 **{k: v for k, v in (("issuer", a.get("issuer")),
                                      ("issued_on", a.get("date")),
                                      ("subject", a.get("subject"))) if v}},
                pk="id")
            self.db["document_citations"].insert(
                {"document_id": doc_id, "article_id": article_id, "mention_id": mention_id,
                 "published": published}, replace=True)
            return doc_id
        if m.type == "ORG":
            key, place, place_from = organization_key(m.value, a, scope["district"],
                                                      scope["province"])
            self.db["organizations"].upsert(
                {"key": key, "name": a.get("name") or m.text, "place": place,
                 "place_from": place_from,
                 **({"abbreviation": a["abbreviation"]} if a.get("abbreviation") else {})},
                pk="key")
            return key
        if m.type == "PERSON":
            key, evidence = people.get(m.value) or person_key(m.value, a, None,
                                                                 scope["district"])
            org_key = key[len(m.value) + 1:] if evidence == "organization" else None
            self.db["people"].upsert(
                {"key": key, "name": m.value, "evidence": evidence,
                 **({"org_key": org_key, "organization": a.get("organization")}
                    if org_key and a.get("organization") else {})}, pk="key")
            for title in a.get("titles") or []:
                self.db["person_roles"].insert(
                    {"person": key, "title": title, "organization": a.get("organization"),
                     "org_key": a.get("org_key"), "former": int(bool(a.get("former"))),
                     "as_of": (published or "")[:10] or None, "article_id": article_id,
                     "mention_id": mention_id}, replace=True)
            return key
        if m.type == "LOC":
            self.db["places"].upsert(
                {"key": m.value, "name": a.get("name") or m.text,
                 "unit_type": a.get("unit_type"), "new_unit": a.get("new_unit")}, pk="key")
            return m.value
        return None

    def recount_entities(self) -> None:
        """Refresh the citation and mention counters of the canonical tables."""
        with self.db.conn:
            self.db.execute("update documents set citations = (select count(*) from "
                            "document_citations c where c.document_id = documents.id)")
            for table, pk, kind in (("organizations", "key", "ORG"),
                                    ("people", "key", "PERSON"), ("places", "key", "LOC")):
                self.db.execute(f"update {table} set mentions = (select count(*) from mentions "
                                f"m where m.type = '{kind}' and coalesce(m.entity, m.value) = "
                                f"{table}.{pk})")


@contextmanager
def _schema_lock(path: str):
    """Processes that open one database at once (distributed crawls) create its schema one
    after the other. The lock is a file of its own (DB-lock): closing any descriptor of the
    database file itself would drop every POSIX lock SQLite holds on it in this process, and
    two processes would then write at once ("file is not a database")."""
    fd = os.open(f"{path}-lock", os.O_RDONLY | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the flock


@contextmanager
def _translate_sqlite_errors(path: str):
    try:
        yield
    except sqlite3.Error as exc:
        raise VnnewsError(f"cannot use database {path}: {exc}") from None


def open_store(path: str | os.PathLike, create: bool = True, readonly: bool = False) -> Store:
    """Open (and create or migrate) the database at ``path``. ``create=False``: it must exist.
    ``readonly=True``: it must exist and is opened read-only, so reading it never changes the
    file (no schema check, no scratch table): the archive's fixity stays as it was.

    Raises VnnewsError with one clear line when the path cannot be written or read.
    """
    path = str(path)
    parent = Path(path).resolve().parent
    if readonly:
        create = False
    if not Path(path).exists():
        if not create:
            raise VnnewsError(f"database {path} does not exist: run `vnnews crawl --db {path}` "
                              "first")
        if not parent.is_dir():
            raise VnnewsError(f"cannot create database {path}: directory {parent} does not "
                              "exist")
        if not os.access(parent, os.W_OK):
            raise VnnewsError(f"cannot create database {path}: directory {parent} is not "
                              "writable")
    elif Path(path).is_dir():
        raise VnnewsError(f"cannot use database {path}: it is a directory")
    elif create and not os.access(path, os.W_OK):
        raise VnnewsError(f"cannot write database {path}: permission denied")
    with _translate_sqlite_errors(path):
        if readonly:
            conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True,
                                   timeout=30)
            store = Store(sqlite_utils.Database(conn), path)
            store.db.execute("select count(*) from sqlite_master").fetchone()
            return store
        conn = sqlite3.connect(path, timeout=30)
        store = Store(sqlite_utils.Database(conn), path)
        if not create:  # an existing database (serve, process): no schema to create
            store.db.execute("select count(*) from sqlite_master").fetchone()
            _ = store.db.supports_on_conflict  # see below
            return store
        with _schema_lock(path):
            # sqlite-utils probes upsert support by writing a scratch table on first use:
            # probe now, outside any transaction (never while a cursor holds a table) and
            # while no other process is creating the schema.
            _ = store.db.supports_on_conflict
            store.ensure_schema()
    return store


# The phrase is quoted for FTS5 (so 155/KH-UBND is no syntax error); an article that holds
# it exactly as typed ranks before one that only matches once diacritics are folded.
SEARCH_SQL = """select a.id, a.title, a.published, a.canonical_url,
  snippet(articles_fts, -1, '[', ']', ' … ', 16) as excerpt
from articles_fts join articles a on a.id = articles_fts.rowid
where articles_fts match '"' || replace(:q, '"', '""') || '"'
order by instr(a.title || ' ' || coalesce(a.lead, '') || ' ' || a.body, :q) = 0,
  bm25(articles_fts, 10.0, 3.0, 1.0, 1.0)
limit 100"""


def datasette_metadata(database: str) -> dict:
    """Titles, descriptions and search settings for `vnnews serve` (datasette metadata);
    ``database`` is datasette's name for the file (its stem)."""
    articles = {
        "title": "Articles",
        "description": "One row per news article, boilerplate removed. Search by title and "
                       "text, with or without diacritics (van hoa finds văn hoá).",
        "fts_table": "articles_fts",
        "fts_pk": "id",
        "sort_desc": "published",
        "columns": {
            "canonical_url": "The article's URL with session and print-view variants removed",
            "published": "Publish date and time as shown on the page (local time, ISO 8601)",
            "lead": "The lead paragraph (sapo)",
            "body": "The article text, without widgets, byline or captions",
            "page_id": "The raw page this article was extracted from",
            "confidence": "How sure the extractor is of title, date and text (0..1); "
                          "sort ascending to review doubtful extractions",
            "method": "Which extraction produced the text: ours, or the second opinion "
                      "taken when ours was doubtful",
            "kind": "article (news) or notice (a short posting with its attachments)",
            "article_key": "The CMS's article id (liferay:5012): one row per id and source",
        },
    }
    tables = {
        "articles": articles,
        "pages": {"title": "Pages",
                  "description": "Every fetched page: URL, fetch time, status, headers, "
                                 "sha256 and the gzip-compressed raw body.",
                  "columns": {"body_gz": "Raw response body, gzip-compressed",
                              "reason": "Why the page is not an article (listing, print "
                                        "view, ...)",
                              "kind": "article, notice, listing, procedure (administrative "
                                      "procedure) or static (a menu page)"}},
        "mentions": {"title": "Mentions",
                     "description": "Dates, people, organisations, places and document "
                                    "references found in articles, with their character "
                                    "span in the article field and a normalised value.",
                     "facets": ["type"]},
        "crawls": {"title": "Crawls", "description": "One row per crawl, with its summary.",
                   "columns": {"links_skipped": "Links not followed, by reason (out of scope, "
                                                "denied, trap: kind, duplicate, robots)"}},
        "failures": {"title": "Failures",
                     "description": "Pages that could not be fetched, with the reason."},
        "sources": {"title": "Sources", "description": "The configured portals."},
        "documents": {"title": "Documents",
                      "description": "Official documents cited by the articles, by canonical "
                                     "number (155/KH-UBND, 30/2020/NĐ-CP, 15-NQ/TW), with type, "
                                     "issuer and date when the text gives them.",
                      "sort_desc": "citations"},
        "document_citations": {"title": "Document citations",
                               "description": "Which article cites which document, and where "
                                              "(the mention row holds the span)."},
        "organizations": {"title": "Organisations",
                          "description": "Organisations named in the articles, one row per "
                                         "canonical key (abbreviations expanded).",
                          "sort_desc": "mentions"},
        "people": {"title": "People",
                   "description": "Named people, one row per person: the name plus the body "
                                  "the person holds a title in (else the title, else the "
                                  "source's district); evidence says which.",
                   "sort_desc": "mentions"},
        "person_roles": {"title": "Roles of people",
                         "description": "The titles a person held, as of the date of the "
                                        "article that names them.",
                         "facets": ["title"]},
        "acronyms": {"title": "Acronyms",
                     "description": "Acronyms resolved to the quoted long form they abbreviate "
                                    "in the same article (TDĐKXDSVH → Toàn dân đoàn kết xây "
                                    "dựng đời sống văn hóa), letters missing or added allowed."},
        "places": {"title": "Places",
                   "description": "Administrative units and places; new_unit is the unit "
                                  "after the July 2025 reform where known."},
    }
    queries = {
        "search": {
            "title": "Search articles, exact spelling first",
            "description": "Finds the phrase with or without diacritics (van hoa finds văn "
                           "hoá and văn hóa); articles holding it exactly as typed come first, "
                           "then by relevance, titles weighing most.",
            "sql": SEARCH_SQL,
        },
        "documents_by_citations": {
            "title": "Most cited documents",
            "sql": "select d.number_id, d.doc_type, d.issuer, d.issued_on, d.id, "
                   "count(*) as articles "
                   "from documents d join document_citations c on c.document_id = d.id "
                   "group by d.id order by articles desc, d.id limit 100",
        },
        "articles_citing": {
            "title": "Articles citing a document",
            "sql": "select a.id, a.title, a.published, a.canonical_url, m.field, m.start, "
                   "m.end, m.text from document_citations c join articles a on a.id = "
                   "c.article_id join mentions m on m.id = c.mention_id where c.document_id "
                   "= :document or c.document_id in (select id from documents where number_id = "
                   ":document) order by a.published",
        },
        "roles_of_person": {
            "title": "Titles held by a person, over time",
            "sql": "select r.as_of, r.title, r.organization, r.former, a.title as article, "
                   "a.canonical_url from person_roles r join articles a on a.id = "
                   "r.article_id where r.person = :person or r.person in (select key from "
                   "people where name = :person) order by r.as_of",
        },
    }
    return {
        "title": "vnnews: Vietnamese local-government news archive",
        "description": "District news portals, crawled and analysed: who did what, when, under "
                       "which official document.",
        "databases": {database: {"tables": tables, "queries": queries}},
    }
