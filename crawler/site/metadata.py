"""Datasette metadata of the site: titles, descriptions, search settings, facets, and the
canned queries (queries/*.sql, each with a header of `-- key: value` lines)."""
from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import urlencode

from crawler.archive.store import SEARCH_PAGE_SIZE, search_sql

__all__ = ["datasette_metadata", "canned_queries"]

QUERIES_DIR = Path(__file__).resolve().parent / "queries"


def _read_query(path: Path) -> dict:
    header, sql = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-- ") and ":" in line and not sql:
            key, _, value = line[3:].partition(":")
            header[key.strip()] = value.strip()
        else:
            sql.append(line)
    query = {"title": header.get("title", path.stem), "sql": "\n".join(sql).strip(),
             "hide_sql": True}
    description = html.escape(header.get("description", ""))
    if header.get("example"):
        name, _, value = header["example"].partition("=")
        link = f"?{urlencode({name: value})}"
        description += (f' Example: <a href="{html.escape(link)}">{html.escape(name)} = '
                        f"{html.escape(value)}</a>.")
    query["description_html"] = description
    return query


def canned_queries() -> dict:
    queries = {
        "search": {
            "title": "Search articles",
            "description_html": (
                "Words or a \"quoted phrase\", with or without diacritics, either tone "
                "placement (hóa, hoá), đ as d; document numbers as typed (155/KH-UBND). "
                "Articles holding the words exactly as typed (case and tone placement aside) "
                "come first, then the words in a row in the title, all of them in the title, "
                "in a row anywhere, then all the words, newest first; matched words are in "
                "[brackets]. "
                f"{SEARCH_PAGE_SIZE} per page (page = 2, 3, ...). The search page with "
                'excerpts: <a href="/-/search">/-/search</a>. Example: '
                '<a href="?q=toan+dan+doan+ket&amp;page=1">toan dan doan ket</a>.'),
            "sql": search_sql(),
            "hide_sql": True,
        },
    }
    for path in sorted(QUERIES_DIR.glob("*.sql")):
        queries[path.stem] = _read_query(path)
    return queries


def datasette_metadata(database: str) -> dict:
    """Titles, descriptions and search settings for `vnnews serve`; ``database`` is
    datasette's name for the file (its stem)."""
    articles = {
        "title": "Articles",
        "description": "One row per news article, boilerplate removed. The search box finds "
                       "words and phrases with or without diacritics (van hoa finds văn hoá; "
                       "doan ket finds đoàn kết) and opens the search page, ranked with "
                       "excerpts. Facets by source, year and month.",
        "fts_table": "articles_fts",
        "fts_pk": "id",
        "sort_desc": "published",
        "facets": ["source", "year", "month"],
        "columns": {
            "canonical_url": "The article's URL with session and print-view variants removed",
            "published": "Publish date and time as shown on the page (local time, ISO 8601)",
            "lead": "The lead paragraph (sapo)",
            "body": "The article text, without widgets, byline or captions",
            "page_id": "The raw page this article was extracted from",
            "year": "Year of publication (facet)",
            "month": "Month of publication, YYYY-MM (facet)",
            "confidence": "How sure the extractor is of title, date and text (0..1); "
                          "sort ascending to review doubtful extractions",
            "method": "Which extraction produced the text: ours, or the second opinion "
                      "taken when ours was doubtful",
            "kind": "article (news) or notice (a short posting with its attachments)",
            "article_key": "The CMS's article id (liferay:5012): one row per id and source",
        },
    }

    def entity_table(title, description, fts, sort):
        return {"title": title, "description": description, "fts_table": fts,
                "fts_pk": "rowid", "sort_desc": sort}

    tables = {
        "articles": articles,
        "pages": {"title": "Pages",
                  "description": "Every fetched page: URL, fetch time, status, headers, "
                                 "sha256 and the gzip-compressed raw body (each article page "
                                 "links to its archived copy).",
                  "columns": {"body_gz": "Raw response body, gzip-compressed",
                              "reason": "Why the page is not an article (listing, print "
                                        "view, ...)"}},
        "mentions": {"title": "Mentions",
                     "description": "Dates, people, organisations, places and document "
                                    "references found in articles, with their character "
                                    "span in the article field and a normalised value.",
                     "facets": ["type"]},
        "crawls": {"title": "Crawls", "description": "One row per crawl, with its summary."},
        "failures": {"title": "Failures",
                     "description": "Pages that could not be fetched, with the reason."},
        "sources": {"title": "Sources", "description": "The configured portals."},
        "documents": entity_table(
            "Documents", "Official documents cited by the articles, by canonical number "
            "(155/KH-UBND, 30/2020/NĐ-CP, 15-NQ/TW), with type, issuer and date when the text "
            "gives them. Searchable without diacritics.", "documents_fts", "citations"),
        "document_citations": {"title": "Document citations",
                               "description": "Which article cites which document, and where "
                                              "(the mention row holds the span)."},
        "organizations": entity_table(
            "Organisations", "Organisations named in the articles, one row per canonical key "
            "(abbreviations expanded). Searchable without diacritics.", "organizations_fts",
            "mentions"),
        "people": entity_table("People", "Named people, one row per person: the name plus "
                               "the body the person holds a title in (else the title, else "
                               "the source's district); evidence says which. Searchable "
                               "without diacritics (ta minh khoa).", "people_fts", "mentions"),
        "person_roles": {"title": "Roles of people",
                         "description": "The titles a person held, as of the date of the "
                                        "article that names them.",
                         "facets": ["title"]},
        "acronyms": {"title": "Acronyms",
                     "description": "Acronyms resolved to the quoted long form they abbreviate "
                                    "in the same article (TDĐKXDSVH → Toàn dân đoàn kết xây "
                                    "dựng đời sống văn hóa), letters missing or added allowed."},
        "places": entity_table("Places", "Administrative units and places; new_unit is the "
                               "unit after the July 2025 reform where known. Searchable "
                               "without diacritics.", "places_fts", "mentions"),
    }
    return {
        "title": "vnnews: Vietnamese local-government news archive",
        "description": "District news portals, crawled and analysed: who did what, when, under "
                       "which official document.",
        "databases": {database: {"tables": tables, "queries": canned_queries()}},
    }
