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

from pathlib import Path
from typing import Iterator

import sqlite_utils

from crawler.errors import VnnewsError
from crawler.records import Article, Page, StoredPage, utc_iso
from crawler.urls import article_key
from nlp.places import bare_place_name, place_after_unit

__all__ = ["Store", "open_store", "fold_for_search", "exact_form", "fold_key", "parse_query",
           "match_expression", "register_search_functions", "utc_now", "reason_kind",
           "SKIP_REASONS", "EXAMPLES_PER_REASON"]

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
    return utc_iso()


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
        found = place_after_unit(issuer)
        if found:
            place = found
        elif province and re.search(r"(?i)\b(?:thành phố|tỉnh|TP)\s*$", issuer):
            place = bare_place_name(province)  # "UBND Thành phố" in a Hanoi source: Hà Nội's
        else:
            place = district or "?"
        parts.append(unicodedata.normalize("NFC", place).lower())
    return "|".join(parts)




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
        candidate = f"{unit} {bare_place_name(district).lower()}"
        if strip_key(candidate) in gazetteer().districts:
            scoped = unicodedata.normalize("NFC", candidate)
    elif unit in _PROVINCE_UNITS and province:
        scoped = canonical_place(province if place or not body.startswith(_PROVINCE_BODIES)
                                 else bare_place_name(province))
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
        return f"{name}|{bare_place_name(district).lower()}", "source"
    return f"{name}|?", "none"


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

    def close(self, checkpoint: bool = False) -> None:
        """Close the connection; ``checkpoint`` first folds the write-ahead log into the
        file (its size is then the database's own: what a benchmark reports)."""
        if checkpoint:
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
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
            self._delete_article(article_id)

    def _drop_articles_of_page(self, page_id: int) -> None:
        for (article_id,) in self.db.execute("select id from articles where page_id = ?",
                                             [page_id]).fetchall():
            self._delete_article(article_id)

    def _delete_article(self, article_id: int) -> None:
        """An article row and what hangs on it: mentions, entity rows, index entries."""
        self._forget_article_entities(article_id)
        self.db.execute("delete from mentions where article_id = ?", [article_id])
        self._unindex_article(self.db["articles"].get(article_id))
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
        record.update(_year_month(article.published))
        existing = self.db.execute(
            "select id, title, lead, body, published from articles where canonical_url = ?",
            [canonical]).fetchone()
        if existing:
            article_id = existing[0]
            if tuple(existing[1:]) != (article.title, article.lead, article.body,
                                       article.published):
                record["analyzed_with"] = None  # new text: its analysis is out of date
            self._unindex_article(self.db["articles"].get(article_id))
            self.db["articles"].update(article_id, record)
        else:
            article_id = self.db["articles"].insert(record).last_pk
        self._index_article({"id": article_id, **record})
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

    # ---- search index ---------------------------------------------------------------------

    def _ensure_search_index(self) -> None:
        """Create the search indexes, or rebuild them when another version built them."""
        db = self.db
        if "meta" not in db.table_names():
            db["meta"].create({"key": str, "value": str}, pk="key")
        for column in (*FTS_COLUMNS, "published"):  # what the indexes and facets read
            if column not in db["articles"].columns_dict:  # (a database older than them)
                db["articles"].add_column(column, str)
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
        """Replace the extraction result of a stored page version (same dedup as a crawl). A
        page that is no article any more (a better extractor knows a listing) takes the article
        row it had made with it, mentions and index entries included."""
        canonical = article.canonical_url or page.final_url or page.url
        with self.db.conn:
            if not article.is_article:
                self._drop_articles_of_page(page_id)
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
        """Refresh the citation and mention counters of the canonical tables, and their
        search tables."""
        with self.db.conn:
            self._index_entities()
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
ENTITY_KINDS = {"person": ("PERSON", "people", "key"),
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

    def close(self) -> None:
        self.conn.close()

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
            "select m.id, m.field, m.type, m.start, m.end, m.text, m.value, m.entity, m.attrs, "
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
            # the mention's row in its canonical table (older analyses: its value)
            where = f"m.type = '{mention_type}' and coalesce(m.entity, m.value) = ?"
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
