"""The database: schema, upserts, full-text search and datasette metadata.

This module is the only place that writes SQL. Every other stage hands it records
(Page, Article, Analysis) and gets ids back.
"""
from __future__ import annotations

import fcntl
import functools
import gzip
import hashlib
import json
import os
import re
import sqlite3
import unicodedata
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import sqlite_utils

from crawler.errors import VnnewsError
from crawler.records import Article, Page

__all__ = ["Store", "open_store", "fold_for_search", "exact_form", "fold_key", "parse_query",
           "match_expression", "register_search_functions", "utc_now"]

# Search. unicode61 with remove_diacritics 2 folds every Vietnamese mark except đ/Đ, which
# Unicode treats as a letter of its own. articles_fts therefore indexes the text with đ→d
# (fold_for_search, one character for one, so the index's token positions are those of the
# stored text) and reads its content from the articles table: snippets and highlights show the
# text as written while "doan ket" finds "đoàn kết". Queries are folded the same way
# (match_expression). articles_exact indexes the text lowercased with the tone mark moved to
# the end of each word (exact_form), so "hóa" and "hoá" are one spelling there: an article
# holding the query exactly as typed, but for case and tone placement, ranks first.
FTS_TOKENIZE = "unicode61 remove_diacritics 2"
FTS_COLUMNS = ("title", "lead", "body")
EXACT_TOKENIZE = "unicode61 remove_diacritics 0"
# Bumped whenever fold_for_search or exact_form change: an index built by another version is
# rebuilt by ensure_schema (crawl, process, reindex), since FTS5 deletes need the indexed text.
SEARCH_INDEX_VERSION = 2
# A search is a few words; longer input is cut so that 5,000 characters of noise cost nothing.
MAX_QUERY_CHARS = 300
MAX_QUERY_TERMS = 24
# Tables of named things searchable with the same folding: (table, folded columns).
ENTITY_SEARCH = {"people": ("name",), "organizations": ("name", "abbreviation", "key"),
                 "places": ("name", "key"), "documents": ("number_id", "doc_type", "issuer",
                                                          "subject")}

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng (combining)
_TOKEN = re.compile(r"[^\W_]+")


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def fold_for_search(text: str | None) -> str:
    """The text as articles_fts indexes it: đ/Đ written d/D, nothing else changed (the
    tokenizer folds case and the other marks), so "dang uy" finds "Đảng ủy"."""
    return (text or "").replace("đ", "d").replace("Đ", "D")


@functools.lru_cache(maxsize=1 << 16)
def _exact_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(c for c in decomposed if c in _TONES)
    if not tones:
        return word
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES) + tones)


def exact_form(text: str | None) -> str:
    """The text as articles_exact indexes it: lowercase, NFC, each word's tone mark moved to
    the word's end, so that "Hóa" and "hoá" (two placements of one spelling) are equal.
    Words repeat: each is worked out once (cached)."""
    text = unicodedata.normalize("NFC", (text or "").lower())
    return _TOKEN.sub(lambda m: _exact_word(m.group()), text)


_COMBINING = re.compile("[\u0300-\u036f]+")


def fold_key(text: str | None) -> str:
    """A name folded for comparison: no case, no marks, đ as d, punctuation as spaces
    ("Kế hoạch 155/KH-UBND" → "ke hoach 155 kh ubnd")."""
    decomposed = unicodedata.normalize("NFD", fold_for_search(text).lower())
    return " ".join(_TOKEN.findall(_COMBINING.sub("", decomposed)))


def parse_query(query: str | None) -> list[list[str]]:
    """A user's search as groups of tokens, each group a phrase that must occur: text in
    double quotes is one phrase, and so is each unquoted word written without spaces
    ("155/KH-UBND" is the phrase 155 KH UBND); every other word is a group of its own.
    Operators, NUL, unbalanced quotes and the like are no syntax: they separate words."""
    text = unicodedata.normalize("NFC", (query or "").replace("\x00", " "))[:MAX_QUERY_CHARS]
    groups, terms = [], 0
    for i, part in enumerate(text.split('"')):
        chunks = [part] if i % 2 else part.split()
        for chunk in chunks:
            tokens = _TOKEN.findall(chunk)[:MAX_QUERY_TERMS - terms]
            if tokens:
                groups.append(tokens)
                terms += len(tokens)
    return groups


# Matches nothing and is no FTS5 syntax error: what an empty search becomes.
NO_MATCH = '""'


def _phrase(tokens, form) -> str:
    return '"' + " ".join(form(t) for t in tokens) + '"'


def match_expression(query: str | None) -> str:
    """FTS5 MATCH for articles_fts (and the entity tables): every group as a phrase, folded."""
    groups = parse_query(query)
    return " AND ".join(_phrase(g, fold_for_search) for g in groups) if groups else NO_MATCH


def phrase_expression(query: str | None) -> str:
    """The whole query as one folded phrase: articles holding the words in a row rank first."""
    tokens = [t for g in parse_query(query) for t in g]
    return _phrase(tokens, fold_for_search) if tokens else NO_MATCH


def exact_expression(query: str | None) -> str:
    """The whole query as one phrase for articles_exact (case and tone placement ignored)."""
    tokens = [t for g in parse_query(query) for t in g]
    return _phrase(tokens, exact_form) if tokens else NO_MATCH


def _fold_table() -> dict[int, str]:
    """Every Latin letter with marks, and đ, to its bare lowercase letter: one character for
    one, so offsets in the folded text are offsets in the text."""
    table = {ord("đ"): "d", ord("Đ"): "d"}
    table.update({code: chr(code + 32) for code in range(0x41, 0x5B)})
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii() and base.isalpha():
            table[code] = base.lower()
        elif char.isupper() and len(char.lower()) == 1:
            table[code] = char.lower()
    return table


_FOLD_CHARS = _fold_table()
_B, _E = r"(?<![^\W_])", r"(?![^\W_])"  # token boundaries, as the tokenizer sees them


def fold_chars(text: str | None) -> str:
    """The text folded character by character (case, marks, đ): same length, same offsets."""
    return (text or "").translate(_FOLD_CHARS)


def _letter_classes() -> dict[str, str]:
    """Bare letter → a regex class of every character that folds to it (a → [aàá…ẬẶ])."""
    variants: dict[str, set[str]] = {}
    for code, base in _FOLD_CHARS.items():
        variants.setdefault(base, {base}).add(chr(code))
    return {base: "[" + "".join(sorted(chars)) + "]" for base, chars in variants.items()}


_LETTER_CLASSES = _letter_classes()


def _folding_regex(token: str) -> str:
    return "".join(_LETTER_CLASSES.get(ch, re.escape(ch)) for ch in fold_chars(token))


@functools.lru_cache(maxsize=256)
def _query_patterns(query: str | None):
    """(the whole query as a phrase, any of its words) as regular expressions that match the
    text as written, whatever its case and marks, or None for a query without words."""
    tokens = [unicodedata.normalize("NFC", t) for g in parse_query(query) for t in g]
    if not tokens:
        return None
    phrase = re.compile(_B + r"[\W_]+".join(map(_folding_regex, tokens)) + _E)
    alternatives = "|".join(_folding_regex(t) for t in
                            sorted(set(map(fold_chars, tokens)), key=len, reverse=True))
    return phrase, re.compile(f"{_B}(?:{alternatives}){_E}")


def _mark(text: str, pattern, start: int, end: int, open_mark: str, close_mark: str) -> str:
    out, pos = [], start
    for m in pattern.finditer(text, start, end):
        out += [text[pos:m.start()], open_mark, text[m.start():m.end()], close_mark]
        pos = m.end()
    out.append(text[pos:end])
    return "".join(out)


# An excerpt: this many characters before the first match and after it; the first match is
# looked for in the opening EXCERPT_SCAN characters of the body, lead and title first.
EXCERPT_BEFORE, EXCERPT_AFTER, EXCERPT_SCAN = 80, 200, 1500


def mark_matches(text: str | None, query: str | None, open_mark: str = "[",
                 close_mark: str = "]") -> str:
    """The whole text with the query's phrase (else its words) marked."""
    text, patterns = text or "", _query_patterns(query)
    if not patterns:
        return text
    pattern = patterns[0] if patterns[0].search(text) else patterns[1]
    return _mark(text, pattern, 0, len(text), open_mark, close_mark)


def _window(text: str, pattern, found, open_mark: str, close_mark: str) -> str:
    start = max(0, found.start() - EXCERPT_BEFORE)
    start = text.find(" ", start, found.start()) + 1 if start else 0
    end = min(len(text), found.end() + EXCERPT_AFTER)
    cut = text.rfind(" ", found.end(), end) if end < len(text) else -1
    end = cut if cut > 0 else end
    return ("… " if start else "") + _mark(text, pattern, start, end, open_mark, close_mark) + \
        (" …" if end < len(text) else "")


def excerpt(title: str | None, lead: str | None, body: str | None, query: str | None,
            open_mark: str = "[", close_mark: str = "]") -> str:
    """A window of the body (else the lead, else the title) around the first match of the
    query's phrase, else of its words, with every match in it marked. Plain Python over one
    article: asking FTS5 for a snippet costs a doclist seek per article."""
    patterns = _query_patterns(query)
    texts = [t for t in (body, lead, title) if t]
    if not patterns or not texts:
        return (texts or [""])[0][:EXCERPT_BEFORE + EXCERPT_AFTER]
    # the opening EXCERPT_SCAN characters of each text first (most matches are there), then
    # the rest of the texts that are longer
    tries = [(text, pattern, 0, EXCERPT_SCAN) for text in texts for pattern in patterns]
    tries += [(text, pattern, EXCERPT_SCAN - 100, len(text)) for text in texts
              for pattern in patterns if len(text) > EXCERPT_SCAN]
    for text, pattern, begin, limit in tries:
        found = pattern.search(text, begin, limit)
        if found:
            return _window(text, pattern, found, open_mark, close_mark)
    return texts[0][:EXCERPT_BEFORE + EXCERPT_AFTER]


@functools.lru_cache(maxsize=256)
def _query_words(query: str | None) -> str:
    return fold_key(" ".join(t for g in parse_query(query) for t in g))


def title_rank(title: str | None, query: str | None) -> int:
    """2 when the title holds the query's words in a row, 1 when it holds them all, else 0
    (case, marks and đ ignored)."""
    words = _query_words(query)
    if not words:
        return 0
    have = fold_key(title)
    if f" {words} " in f" {have} ":
        return 2
    return 1 if set(words.split()) <= set(have.split()) else 0


def register_search_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the search queries use (our connections and datasette's). Datasette's
    own table search calls escape_fts(): it gets our folding too, so the table box, the
    search page and `vnnews search` agree."""
    for name, fn in (("vn_match", match_expression), ("vn_phrase", phrase_expression),
                     ("vn_exact", exact_expression), ("vn_key", fold_key),
                     ("escape_fts", match_expression)):
        conn.create_function(name, 1, fn, deterministic=True)
    conn.create_function("vn_title_rank", 2, title_rank, deterministic=True)
    conn.create_function("vn_mark", 4, mark_matches, deterministic=True)
    conn.create_function("vn_excerpt", 6, excerpt, deterministic=True)


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


def document_key(number_id: str, attrs: dict, district: str | None = None) -> str:
    """The documents table's key. Numbers of normative documents (30/2020/NĐ-CP) are unique;
    local bodies restart numbering each year, and every district's UBND has its own 112/KH-UBND,
    so those keys add the year and the issuing place: "112/KH-UBND|2016|hoàng mai"."""
    if re.search(r"/\d{4}/", number_id):
        return number_id
    year = attrs.get("year") or (attrs.get("date") or "")[:4] or None
    parts = [number_id, str(year) if year else "?"]
    code = attrs.get("issuer_code") or ""
    if code not in NATIONAL_ISSUERS and not re.fullmatch(r"B[A-ZĐ]+", code):
        found = _PLACE.search(unicodedata.normalize("NFC", attrs.get("issuer") or ""))
        place = found.group(1) if found else (district or "?")
        parts.append(unicodedata.normalize("NFC", place).lower())
    return "|".join(parts)


def _year_month(published: str | None) -> dict:
    """The year and month facets of a publish date ("2018-10-08T15:54" → 2018, 2018-10)."""
    ok = bool(published and re.match(r"\d{4}-\d{2}", published))
    return {"year": published[:4] if ok else None, "month": published[:7] if ok else None}


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Store:
    """A vnnews database. Open with :func:`open_store`."""

    def __init__(self, db: sqlite_utils.Database, path: str):
        self.db = db
        self.path = path

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
        self._ensure_search_index()

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
        if "organizations" not in tables:
            db["organizations"].create(
                {"key": str, "name": str, "abbreviation": str, "mentions": int}, pk="key")
        if "people" not in tables:
            db["people"].create({"name": str, "mentions": int}, pk="name")
        if "person_roles" not in tables:
            db["person_roles"].create(
                {"person": str, "title": str, "organization": str, "org_key": str,
                 "former": int, "as_of": str, "article_id": int, "mention_id": int},
                pk=("mention_id", "title"),
                foreign_keys=[("person", "people", "name"), ("article_id", "articles", "id"),
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

    def finish_crawl(self, crawl_id: int, summary: dict) -> None:
        totals = summary.get("total", {})
        self.db["crawls"].update(crawl_id, {
            "finished_at": utc_now(),
            "fetched": totals.get("fetched", 0), "articles": totals.get("articles", 0),
            "new": totals.get("new", 0), "changed": totals.get("changed", 0),
            "unchanged": totals.get("unchanged", 0), "failed": totals.get("failed", 0),
            "failures": _json(totals.get("failures", {})), "summary": _json(summary),
        })

    def crawl(self, crawl_id: int) -> dict:
        return self.db["crawls"].get(crawl_id)

    def record_failure(self, crawl_id: int | None, source: str, url: str, reason: str) -> None:
        with self.db.conn:
            self.db["failures"].insert({"crawl_id": crawl_id, "source": source, "url": url,
                                        "failed_at": utc_now(), "reason": reason})

    def _ensure_crawl_columns(self) -> None:
        """Columns added for incremental crawls: what the last fetch of a page version found
        (new / changed / unchanged), and a hash of each article's text for dedup."""
        if "outcome" not in self.db["pages"].columns_dict:
            self.db["pages"].add_column("outcome", str)
        if "body_sha256" not in self.db["articles"].columns_dict:
            self.db["articles"].add_column("body_sha256", str)
        self.db["articles"].create_index(["body_sha256"], if_not_exists=True)
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
        wrote (so a resumed crawl and several processes report correctly)."""
        per: dict[str, dict] = {}
        for source, outcome, is_article, dup, n in self.db.execute(
                "select source, coalesce(outcome, 'new'), is_article, "
                "coalesce(reason, '') like 'duplicate of %', count(*) from pages "
                "where crawl_id = ? group by 1, 2, 3, 4", [crawl_id]):
            c = per.setdefault(source or "", {"failures": {}})
            c["fetched"] = c.get("fetched", 0) + n
            c[outcome] = c.get(outcome, 0) + n
            if is_article:
                c["articles"] = c.get("articles", 0) + n
            if dup:
                c["duplicates"] = c.get("duplicates", 0) + n
        for source, reason, n in self.db.execute(
                "select source, reason, count(*) from failures where crawl_id = ? "
                "group by 1, 2", [crawl_id]):
            c = per.setdefault(source or "", {"failures": {}})
            c["failed"] = c.get("failed", 0) + n
            kind = (reason or "").split(":")[0]
            c["failures"][kind] = c["failures"].get(kind, 0) + n
        return per

    # ---- pages and articles ---------------------------------------------------------------

    def save_page(self, page: Page, article: Article, crawl_id: int | None = None) -> str:
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
                    "outcome": "changed" if known else "new",
                }).last_pk
                outcome = "changed" if known else "new"
            if article.is_article and outcome != "unchanged":
                first = self._same_text(canonical, article.body)
                if first:  # the same article under another URL: keep the first one
                    self.db["pages"].update(page_id, {"canonical_url": first,
                                                      "reason": f"duplicate of {first}"})
                else:
                    self._upsert_article(page_id, page.source, canonical, article)
        return outcome

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
                        article: Article) -> int:
        record = {
            "canonical_url": canonical, "url": article.url, "page_id": page_id,
            "source": source, "title": article.title, "published": article.published,
            "category": article.category, "lead": article.lead, "body": article.body,
            "author": article.author, "source_line": article.source_line,
            "captions": _json(article.captions), "attachments": _json(article.attachments),
            "notes": _json(article.notes), "extracted_at": utc_now(),
            "body_sha256": _body_hash(article.body),
        }
        record.update(_year_month(article.published))
        existing = self.db.execute("select id from articles where canonical_url = ?",
                                   [canonical]).fetchone()
        if existing:
            article_id = existing[0]
            self._unindex_article(self.db["articles"].get(article_id))
            self.db["articles"].update(article_id, record)
        else:
            article_id = self.db["articles"].insert(record).last_pk
        self._index_article({"id": article_id, **record})
        return article_id

    # ---- search index ---------------------------------------------------------------------

    def _ensure_search_index(self) -> None:
        """Create the search indexes, or rebuild them when another version built them."""
        db = self.db
        if "meta" not in db.table_names():
            db["meta"].create({"key": str, "value": str}, pk="key")
        if "year" not in db["articles"].columns_dict:  # year and month facets
            db["articles"].add_column("year", str)
            db["articles"].add_column("month", str)
            db.execute("update articles set year = substr(published, 1, 4), "
                       "month = substr(published, 1, 7) where published is not null")
        row = db.execute("select value from meta where key = 'search_index'").fetchone()
        if row is None or row[0] != str(SEARCH_INDEX_VERSION):
            self.rebuild_search_index()

    def rebuild_search_index(self) -> int:
        """Drop and rebuild every search index from the tables; returns the articles indexed."""
        db = self.db
        cols = ", ".join(FTS_COLUMNS)
        with db.conn:
            for table in ("articles_fts", "articles_exact",
                          *(f"{t}_fts" for t in ENTITY_SEARCH)):
                db.execute(f"drop table if exists {table}")
            db.execute(f'CREATE VIRTUAL TABLE articles_fts USING fts5({cols}, content="articles", '
                       f"content_rowid=\"id\", tokenize='{FTS_TOKENIZE}')")
            db.execute(f"CREATE VIRTUAL TABLE articles_exact USING fts5({cols}, content='', "
                       f"tokenize='{EXACT_TOKENIZE}')")
            for table, columns in ENTITY_SEARCH.items():
                db.execute(f"CREATE VIRTUAL TABLE {table}_fts USING fts5({', '.join(columns)}, "
                           f"tokenize='{FTS_TOKENIZE}')")
            count = 0
            for row in db.execute(f"select id, {cols} from articles").fetchall():
                self._index_article(dict(zip(("id", *FTS_COLUMNS), row)))
                count += 1
            self._index_entities()
            db["meta"].upsert({"key": "search_index", "value": str(SEARCH_INDEX_VERSION)},
                              pk="key")
        return count

    def _index_article(self, row: dict) -> None:
        self._fts_write("articles_fts", row["id"], row, fold_for_search)
        self._fts_write("articles_exact", row["id"], row, exact_form)

    def _unindex_article(self, row: dict) -> None:
        """FTS5 deletes from an external-content or contentless index need the indexed text."""
        self._fts_write("articles_fts", row["id"], row, fold_for_search, delete=True)
        self._fts_write("articles_exact", row["id"], row, exact_form, delete=True)

    def _fts_write(self, table: str, rowid: int, row: dict, form, delete: bool = False) -> None:
        values = [form(row.get(c)) for c in FTS_COLUMNS]
        if delete:
            self.db.execute(f"insert into {table}({table}, rowid, {', '.join(FTS_COLUMNS)}) "
                            "values ('delete', ?, ?, ?, ?)", [rowid, *values])
        else:
            self.db.execute(f"insert into {table}(rowid, {', '.join(FTS_COLUMNS)}) "
                            "values (?, ?, ?, ?)", [rowid, *values])

    def _index_entities(self) -> None:
        """Refill the small search tables of people, organisations, places and documents."""
        for table, columns in ENTITY_SEARCH.items():
            self.db.execute(f"delete from {table}_fts")
            rows = self.db.execute(f"select rowid, {', '.join(columns)} from {table}").fetchall()
            self.db.conn.executemany(
                f"insert into {table}_fts(rowid, {', '.join(columns)}) values "
                f"(?{', ?' * len(columns)})",
                [(r[0], *(fold_for_search(v) if isinstance(v, str) else v for v in r[1:]))
                 for r in rows])

    def iter_pages(self) -> Iterator[dict]:
        """The newest stored version of every URL, body decompressed."""
        ids = [r[0] for r in self.db.execute(
            "select max(id) from pages group by url order by max(id)").fetchall()]
        for page_id in ids:  # fetched one by one: callers write while iterating
            row = self.db["pages"].get(page_id)
            row["body"] = gzip.decompress(row.pop("body_gz")) if row["body_gz"] else b""
            row["headers"] = json.loads(row["headers"] or "{}")
            yield row

    def save_reextracted(self, page: dict, article: Article) -> None:
        """Update the extraction result of an already stored page version."""
        canonical = article.canonical_url or page["final_url"] or page["url"]
        with self.db.conn:
            self.db["pages"].update(page["id"], {"is_article": int(article.is_article),
                                                 "reason": article.reason,
                                                 "canonical_url": canonical})
            if article.is_article:
                self._upsert_article(page["id"], page["source"], canonical, article)

    def source_configs(self) -> dict[str, dict]:
        """Name → configuration (sources.toml keys, district included) of known sources."""
        configs = {}
        for row in self.db["sources"].rows:
            config = json.loads(row["config"] or "{}")
            config.setdefault("district", row["district"])
            configs[row["name"]] = config
        return configs

    def page_bodies(self, source: str, limit: int) -> list[bytes]:
        """Raw bodies of up to ``limit`` stored HTML pages of one source (newest versions),
        spread over the whole crawl rather than its first pages."""
        ids = [r[0] for r in self.db.execute(
            "select max(id) from pages where source = ? and status = 200 group by url",
            [source]).fetchall()]
        step = max(1, len(ids) // limit) if limit else 1
        chosen = sorted(ids)[::step][:limit]
        return [gzip.decompress(r[0]) for r in self.db.execute(
            f"select body_gz from pages where id in ({','.join('?' * len(chosen))})",
            chosen).fetchall() if r[0]]

    def articles(self) -> Iterator[dict]:
        """Every article, fetched one by one so that callers may write while iterating."""
        ids = [r[0] for r in self.db.execute("select id from articles order by id").fetchall()]
        for article_id in ids:
            yield self.db["articles"].get(article_id)

    def count(self, table: str) -> int:
        return self.db[table].count

    # ---- mentions -------------------------------------------------------------------------

    def save_analysis(self, article_id: int, analyses: dict, published: str | None = None,
                      district: str | None = None) -> int:
        """Replace the mentions of one article, and its rows in the canonical tables.
        ``analyses`` maps a field name (title, lead, body) to its nlp Analysis; spans are
        offsets into that field's text. ``published`` dates the people's roles; ``district``
        (the source's) tells apart local documents that name no place ("UBND quận")."""
        with self.db.conn:
            self._forget_article_entities(article_id)
            self.db.execute("delete from mentions where article_id = ?", [article_id])
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
                    self._save_entity(article_id, mention_id, m, published, district)
                    count += 1
            self.db["articles"].update(article_id, {"analyzed_at": utc_now()})
        return count

    def _forget_article_entities(self, article_id: int) -> None:
        for table in ("document_citations", "person_roles", "acronyms"):
            self.db.execute(f"delete from {table} where article_id = ?", [article_id])

    def _save_entity(self, article_id: int, mention_id: int, m, published: str | None,
                     district: str | None = None) -> None:
        a = m.attrs or {}
        if not m.value:
            return
        if m.type == "DOCREF":
            doc_id = document_key(m.value, a, district)
            self.db["documents"].upsert(
                {"id": doc_id, "number_id": m.value,
                 **{k: a.get(k) for k in ("doc_type", "type_code", "number",
                                                         "year", "issuer_code")},
                 **{k: v for k, v in (("issuer", a.get("issuer")),
                                      ("issued_on", a.get("date")),
                                      ("subject", a.get("subject"))) if v}},
                pk="id")
            self.db["document_citations"].insert(
                {"document_id": doc_id, "article_id": article_id, "mention_id": mention_id,
                 "published": published}, replace=True)
        elif m.type == "ORG":
            self.db["organizations"].upsert(
                {"key": m.value, "name": a.get("name") or m.text,
                 **({"abbreviation": a["abbreviation"]} if a.get("abbreviation") else {})},
                pk="key")
        elif m.type == "PERSON":
            self.db["people"].upsert({"name": m.value}, pk="name")
            for title in a.get("titles") or []:
                self.db["person_roles"].insert(
                    {"person": m.value, "title": title, "organization": a.get("organization"),
                     "org_key": a.get("org_key"), "former": int(bool(a.get("former"))),
                     "as_of": (published or "")[:10] or None, "article_id": article_id,
                     "mention_id": mention_id}, replace=True)
        elif m.type == "LOC":
            self.db["places"].upsert(
                {"key": m.value, "name": a.get("name") or m.text,
                 "unit_type": a.get("unit_type"), "new_unit": a.get("new_unit")}, pk="key")

    def recount_entities(self) -> None:
        """Refresh the citation and mention counters of the canonical tables, and their
        search tables."""
        with self.db.conn:
            self._index_entities()
            self.db.execute("update documents set citations = (select count(*) from "
                            "document_citations c where c.document_id = documents.id)")
            for table, pk, kind in (("organizations", "key", "ORG"),
                                    ("people", "name", "PERSON"), ("places", "key", "LOC")):
                self.db.execute(f"update {table} set mentions = (select count(*) from mentions "
                                f"m where m.type = '{kind}' and m.value = {table}.{pk})")


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


def open_store(path: str | os.PathLike, create: bool = True) -> Store:
    """Open (and create or migrate) the database at ``path``.

    Raises VnnewsError with one clear line when the path cannot be written or read.
    """
    path = str(path)
    parent = Path(path).resolve().parent
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
        conn = sqlite3.connect(path, timeout=30)
        register_search_functions(conn)
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




# ---- reading: search and the pages of the site --------------------------------------------

def open_reader(path: str | os.PathLike) -> "Reader":
    """Open an existing database read-only (search, stats, export): nothing is written, not
    even sqlite-utils' probe, so the file's checksum stays as it is."""
    path = str(path)
    if not Path(path).is_file():
        raise VnnewsError(f"database {path} does not exist: run `vnnews crawl --db {path}` first")
    with _translate_sqlite_errors(path):
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        conn.row_factory = sqlite3.Row
        register_search_functions(conn)
        reader = Reader(conn)
        reader.check()
    return reader


# Ranked search, one page of it. Three tiers of hits: 1 the exact spelling (articles_exact),
# 2 the words in a row, 3 all the words. Each tier holds its SEARCH_CANDIDATES most recently
# stored hits: FTS5 reads doclists newest first and stops there, so a common word costs the
# same in a big archive as in a small one (a rare phrase of common words still reads the
# doclists of its words once). An article keeps its best tier. Order: exact spelling first,
# then the words in a row in the title, then all of them in the title, then the tiers, then
# newest first. bm25 is not used: it reads every doclist of the query in full for its word
# statistics, which at 100,000 articles cost 50-400 ms a query. Only the page's rows get an
# excerpt (excerpt(): from the body, else the lead, else the title, whichever holds a match;
# FTS5's snippet() would cost a doclist seek per row). {open} and {close} mark the matched
# words; `hits` is the number of ranked articles and `more` whether
# there are more matches than that.
SEARCH_CANDIDATES = 200
SEARCH_SQL = """with
e as materialized (select rowid as id from articles_exact
  where articles_exact match vn_exact(:q) order by rowid desc limit {cand}),
p as materialized (select rowid as id from articles_fts
  where articles_fts match vn_phrase(:q) order by rowid desc limit {cand}),
r as materialized (select id from p where vn_match(:q) = vn_phrase(:q)
  union all select id from (select rowid as id from articles_fts
    where vn_match(:q) != vn_phrase(:q) and articles_fts match vn_match(:q)
    order by rowid desc limit {cand})),
hits as materialized (select h.id, min(h.tier) as tier, vn_title_rank(a.title, :q) as in_title
  from (select id, 1 as tier from e union all select id, 2 from p union all select id, 3 from r)
    as h join articles a on a.id = h.id group by h.id),
page as (select id, tier, count(*) over () as hits, row_number() over (
    order by tier > 1, in_title desc, tier, id desc) as rank
  from hits order by rank limit {size}
  offset ({size} * (max(1, coalesce(cast(nullif(:page, '') as integer), 1)) - 1)))
select page.rank, a.id as article_id, a.title, a.published, a.source, a.category,
  vn_mark(a.title, :q, {open}, {close}) as title_marked,
  vn_excerpt(a.title, a.lead, a.body, :q, {open}, {close}) as excerpt,
  page.hits, (select count(*) >= {cand} from r) as more
from page join articles a on a.id = page.id
order by page.rank"""
# Whether any article matches (a page past the last one says so rather than "no article").
SEARCH_ANY_SQL = "select 1 from articles_fts where articles_fts match vn_match(:q) limit 1"
# Markers of matched words for the HTML page (control characters never occur in our text).
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"
SEARCH_PAGE_SIZE = 20


def search_sql(open_mark: str = "'['", close_mark: str = "']'",
               size: int = SEARCH_PAGE_SIZE) -> str:
    return SEARCH_SQL.format(open=open_mark, close=close_mark, size=size,
                             cand=SEARCH_CANDIDATES)


# Entity kinds of the site: mention type, canonical table and its key column.
ENTITY_KINDS = {"person": ("PERSON", "people", "name"),
                "organization": ("ORG", "organizations", "key"),
                "place": ("LOC", "places", "key"),
                "document": ("DOCREF", "documents", "id")}
# Mentions shown in context on an entity page (the counts cover them all).
ENTITY_PAGE_MENTIONS = 200
CONTEXT_CHARS = 90


class Reader:
    """Read-only queries behind the site and the read commands. Works on any connection
    with the search functions registered: open_reader()'s, or one of datasette's."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def _rows(self, sql: str, params=()) -> list[dict]:
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _one(self, sql: str, params=()) -> dict | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def check(self) -> None:
        """One clear error for a database the site cannot serve."""
        names = {r["name"] for r in self._rows("select name from sqlite_master")}
        if "articles" not in names:
            raise VnnewsError("the database has no articles table: is it a vnnews archive?")
        if "articles_exact" not in names:
            raise VnnewsError("the database's search index is of an older version: run "
                              "`vnnews reindex --db PATH` once")

    # -- search --

    def search(self, query: str, page: int = 1, size: int = SEARCH_PAGE_SIZE) -> dict:
        """One page of results: {query, page, size, total, results, message}. Marks are
        MARK_OPEN/MARK_CLOSE around matched words in title_marked and excerpt."""
        groups = parse_query(query)
        result = {"query": query, "page": page, "size": size, "total": 0, "more": False,
                  "ranked": 0, "results": [], "message": None}
        if not groups:
            result["message"] = ("Type a word or a phrase: letters or digits, with or without "
                                 "diacritics." if (query or "").strip() else None)
            return result
        if len(query or "") > MAX_QUERY_CHARS:
            result["message"] = f"Only the first {MAX_QUERY_CHARS} characters were searched."
        params = {"q": query, "page": str(page)}
        rows = self._rows(search_sql("char(2)", "char(3)", size), params)
        result["results"] = rows
        if rows:
            result["total"] = result["ranked"] = rows[0]["hits"]
            result["more"] = bool(rows[0]["more"])
        elif self._one(SEARCH_ANY_SQL, params):
            result["message"] = "No more results: this page is past the last one."
        else:
            result["message"] = "No article holds these words."
        if result["more"]:
            result["message"] = (f"Many articles hold these words: the {SEARCH_CANDIDATES} most "
                                 "recently archived, and every one with the exact spelling, "
                                 "are ranked. Add words or \"quote a phrase\" to narrow it "
                                 "down.")
        return result

    # -- articles --

    def article(self, article_id: int) -> dict | None:
        """An article with its page, mentions, entities and archive state."""
        article = self._one("select * from articles where id = ?", [article_id])
        if article is None:
            return None
        article["page"] = self._one(
            "select id, url, final_url, source, fetched_at, capture_time, status, sha256, "
            "encoding from pages where id = ?", [article["page_id"]])
        article["mentions"] = self._rows(
            "select m.id, m.field, m.type, m.start, m.end, m.text, m.value, m.attrs, "
            "c.document_id from mentions m left join document_citations c on c.mention_id = "
            "m.id where m.article_id = ? order by m.field, m.start", [article_id])
        article["documents"] = self._rows(
            "select d.id, d.number_id, d.doc_type, d.issuer, d.issued_on, d.subject, "
            "count(*) as times from document_citations c join documents d on d.id = "
            "c.document_id where c.article_id = ? group by d.id order by min(c.mention_id)",
            [article_id])
        article["roles"] = self._rows(
            "select person, title, organization, former, as_of from person_roles where "
            "article_id = ? order by mention_id", [article_id])
        article["source_row"] = self._one("select * from sources where name = ?",
                                          [article["source"]])
        article["original_gone"] = self.original_gone(article["url"], article["page"])
        return article

    def original_gone(self, url: str, page: dict | None) -> bool:
        """Whether the portal no longer serves the article: its newest fetch was no 200,
        or a crawl failed on it after the last good fetch."""
        newest = self._one("select status, fetched_at from pages where url = ? order by id "
                           "desc limit 1", [url])
        if newest and newest["status"] != 200:
            return True
        good = max(filter(None, [(newest or {}).get("fetched_at"),
                                 (page or {}).get("fetched_at")]), default="")
        failed = self._one("select 1 from failures where url = ? and failed_at > ? limit 1",
                           [url, good])
        return failed is not None

    def raw_page(self, page_id: int) -> dict | None:
        """A stored page with its body decompressed and its sha256 checked."""
        row = self._one("select id, url, final_url, source, fetched_at, capture_time, status, "
                        "headers, sha256, encoding, body_gz from pages where id = ?", [page_id])
        if row is None:
            return None
        row["body"] = gzip.decompress(row.pop("body_gz")) if row["body_gz"] else b""
        row["sha256_ok"] = hashlib.sha256(row["body"]).hexdigest() == row["sha256"]
        row["headers"] = json.loads(row["headers"] or "{}")
        row["article_id"] = (self._one("select id from articles where page_id = ?",
                                       [page_id]) or {}).get("id")
        return row

    # -- entities --

    def find_entity(self, kind: str, key: str) -> str | None:
        """The key of the entity ``key`` names, ignoring case, marks and punctuation (a
        document also by its number alone): the exact key, or the most mentioned match."""
        mention_type, table, pk = ENTITY_KINDS[kind]
        if self._one(f"select 1 from {table} where {pk} = ?", [key]):
            return key
        count, other = ("citations", "number_id") if kind == "document" else ("mentions", "name")
        # a document named with its type ("Kế hoạch 155/KH-UBND"): its number is in the name
        inside = (" or ' ' || vn_key(:key) || ' ' like '% ' || vn_key(number_id) || ' %'"
                  if kind == "document" else "")
        row = self._one(f"select {pk} as k from {table} where vn_key({pk}) = vn_key(:key) or "
                        f"vn_key({other}) = vn_key(:key){inside} order by {count} desc, "
                        f"length({other}) desc limit 1", {"key": key})
        return row["k"] if row else None

    def entity(self, kind: str, key: str) -> dict | None:
        mention_type, table, pk = ENTITY_KINDS[kind]
        row = self._one(f"select * from {table} where {pk} = ?", [key])
        if row is None:
            return None
        if kind == "document":
            where = "m.id in (select mention_id from document_citations where document_id = ?)"
        else:
            where = f"m.type = '{mention_type}' and m.value = ?"
        stats = self._one(
            f"select count(*) as mention_count, count(distinct m.article_id) as article_count, "
            f"min(a.published) as first_seen, max(a.published) as last_seen from mentions m "
            f"join articles a on a.id = m.article_id where {where}", [key])
        variants = self._rows(f"select m.text, count(*) as n from mentions m where {where} "
                              "group by m.text order by n desc, m.text", [key])
        timeline = self._rows(
            f"select substr(a.published, 1, 7) as month, count(*) as n from mentions m join "
            f"articles a on a.id = m.article_id where {where} and a.published is not null "
            "group by month order by month", [key])
        mentions = self._rows(
            f"select m.id, m.article_id, m.field, m.start, m.end, m.text, a.title, a.published, "
            f"a.source, substr(case m.field when 'title' then a.title when 'lead' then a.lead "
            f"else a.body end, max(1, m.start + 1 - {CONTEXT_CHARS}), "
            f"min(m.start, {CONTEXT_CHARS})) as before, substr(case m.field when 'title' then "
            f"a.title when 'lead' then a.lead else a.body end, m.end + 1, {CONTEXT_CHARS}) as "
            f"after from mentions m join articles a on a.id = m.article_id where {where} "
            f"order by a.published desc, m.article_id, m.start limit {ENTITY_PAGE_MENTIONS}",
            [key])
        entity = {"kind": kind, "key": key, "row": row, **stats, "variants": variants,
                  "timeline": timeline, "mentions": mentions,
                  "name": row.get("name") or row.get("number_id") or key}
        if kind == "person":
            entity["roles"] = self._rows(
                "select r.as_of, r.title, r.organization, r.former, r.article_id, a.title as "
                "article from person_roles r join articles a on a.id = r.article_id where "
                "r.person = ? order by r.as_of, r.title", [key])
        names = [entity["name"]] + [v["text"] for v in variants]
        entity["acronyms"] = self._rows(
            "select acronym, long_form, count(*) as articles from acronyms where vn_key("
            f"long_form) in ({', '.join('vn_key(?)' for _ in names)}) or acronym = ? "
            "group by acronym, long_form", [*names, row.get("abbreviation") or ""])
        return entity

    # -- the archive as a whole --

    def summary(self) -> dict:
        """What the archive holds: per source and in total (home page, `vnnews stats`)."""
        sources = self._rows(
            "select s.name, s.district, s.province, s.base_url, count(a.id) as articles, "
            "min(a.published) as first, max(a.published) as last from sources s left join "
            "articles a on a.source = s.name group by s.name order by articles desc, s.name")
        totals = {}
        for table in ("articles", "pages", "mentions", "documents", "people", "organizations",
                      "places", "crawls", "failures"):
            totals[table] = self.conn.execute(f"select count(*) from {table}").fetchone()[0]
        span = self._one("select min(published) as first, max(published) as last from articles")
        kinds = {r["type"]: r["n"] for r in self._rows(
            "select type, count(*) as n from mentions group by type")}
        return {"sources": sources, "totals": totals, "first": span["first"],
                "last": span["last"], "mentions_by_type": kinds}

    def articles_per_month(self) -> list[dict]:
        return self._rows("select month, source, count(*) as n from articles where month is "
                          "not null group by month, source order by month, source")

    def table_rows(self, table: str) -> tuple[list[str], Iterator[tuple], dict[str, str]]:
        """Column names, rows and declared column types of one table (export); an unknown
        table, or one of the search index's own, is an error naming the tables there are."""
        names = {r["name"] for r in self._rows(
            "select name from sqlite_master where type in ('table', 'view') and name not "
            "like '%\\_fts%' escape '\\' and name not like 'articles\\_exact%' escape '\\'")}
        if table not in names:
            raise VnnewsError(f"no table {table!r}; tables: {', '.join(sorted(names))}")
        types = {r["name"]: r["type"] or "" for r in self._rows(
            "select name, type from pragma_table_info(?)", [table])}
        cursor = self.conn.execute(f'select * from "{table}"')
        return [d[0] for d in cursor.description], iter(cursor), types
