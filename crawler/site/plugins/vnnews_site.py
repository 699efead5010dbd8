"""The vnnews site as a datasette plugin: search page, article pages, archived copies, entity
pages, charts, home page data, links in tables, and the serving rules (read-only, robots,
value cap, no absolute paths, CSV with a byte-order mark).

Every query goes through crawler.archive.store's Reader on datasette's own read-only connections,
under datasette's time limit."""
from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from urllib.parse import parse_qs, urlencode

from datasette import hookimpl
from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from crawler.site.render import (bar_chart, entity_url, marked, segments, stacked_chart,
                                 KIND_OF_TYPE)
from crawler.site.serve import VALUE_CAP_BYTES
from crawler.archive.store import (ENTITY_KINDS, MARK_CLOSE, MARK_OPEN, SEARCH_PAGE_SIZE, Reader,
                           register_search_functions)

log = logging.getLogger("vnnews.site")
ROBOTS = "User-agent: *\nDisallow: /\n"
# The raw page of an archived copy runs no script and fetches nothing: not from the portal,
# not from us. Inline styles stay, so the page looks roughly as the portal showed it.
ARCHIVE_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; "
               "form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox")
MAX_PAGE = 500  # search pages beyond this are refused: nobody reads page 10,000
BOM = b"\xef\xbb\xbf"
# Datasette's own pages about the server: their answers lose the server's file paths.
INTROSPECTION = ("/-/databases", "/-/metadata", "/-/settings", "/-/config", "/-/plugins",
                 "/-/versions", "/-/threads")


@hookimpl(trylast=True)  # after datasette's own functions: our escape_fts replaces its one
def prepare_connection(conn):
    register_search_functions(conn)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, VALUE_CAP_BYTES)


def _archive(datasette):
    """The served archive (datasette also holds an in-memory database of its own)."""
    return next(db for name, db in datasette.databases.items()
                if name not in ("_internal", "_memory"))


async def _read(datasette, fn):
    """Run fn(Reader) on one of datasette's read connections, under its time limit."""
    db = _archive(datasette)
    limit = datasette.setting("sql_time_limit_ms")

    def run(conn):
        with sqlite_timelimit(conn, limit):
            return fn(Reader(conn))

    return await db.execute_fn(run)


async def _page(datasette, request, template, status=200, **context):
    html = await datasette.render_template(template, {"db_name": _archive(datasette).name,
                                                      **context}, request=request)
    return Response.html(html, status=status)


async def _message(datasette, request, title, message, status=404, q=""):
    return await _page(datasette, request, "vn_message.html", status=status, title=title,
                       message=message, q=q)


def _int(value, default=1, top=MAX_PAGE) -> int:
    try:
        return max(1, min(top, int(value)))
    except (TypeError, ValueError):
        return default


# ---- pages -----------------------------------------------------------------------------

async def robots_txt():
    return Response.text(ROBOTS)


async def search_page(request, datasette):
    q = request.args.get("q", "")
    page = _int(request.args.get("page"))
    try:
        result = await _read(datasette, lambda r: r.search(q, page))
    except sqlite3.OperationalError as exc:
        log.info("search %r refused: %s", q[:100], exc)
        result = {"query": q, "page": page, "size": SEARCH_PAGE_SIZE, "total": 0,
                  "ranked": 0, "more": False, "results": [], "message": "This search took too long; try fewer or more "
                                            "specific words."}
    if request.path.endswith(".json"):
        plain = {k: v for k, v in result.items() if k != "results"}
        plain["results"] = [{**row, "excerpt": _brackets(row["excerpt"]),
                             "title_marked": _brackets(row["title_marked"])}
                            for row in result["results"]]
        return Response.json(plain)
    pages = -(-result["ranked"] // result["size"]) if result["ranked"] else 0
    return await _page(datasette, request, "vn_search.html", q=q, result=result,
                       pages=min(pages, MAX_PAGE), marked=marked,
                       page_url=lambda n: "/-/search?" + urlencode({"q": q, "page": n}))


def _brackets(text):
    return (text or "").replace(MARK_OPEN, "[").replace(MARK_CLOSE, "]")


async def article_page(request, datasette):
    article_id = int(request.url_vars["id"])
    article = await _read(datasette, lambda r: r.article(article_id))
    if article is None:
        return await _message(datasette, request, "No such article",
                              f"There is no article {article_id} in this archive.")
    by_field = {}
    for m in article["mentions"]:
        m["url"] = entity_url(m)
        by_field.setdefault(m["field"], []).append(m)
    fields = {f: segments(article.get(f), by_field.get(f, [])) for f in ("title", "lead", "body")}
    listed = _listed_entities(article["mentions"])
    return await _page(datasette, request, "vn_article.html", a=article, fields=fields,
                       listed=listed, wayback=_wayback_url(article))


def _listed_entities(mentions):
    """Distinct entities of an article by kind, in order of first mention."""
    listed = {"PERSON": {}, "ORG": {}, "LOC": {}, "DATE": {}}
    for m in mentions:
        if m["type"] in listed and m["value"]:
            # one entry per canonical row (two namesakes are two people), else per value
            key = m.get("entity") or m["value"]
            entry = listed[m["type"]].setdefault(key, {"value": m["value"], "key": key,
                                                       "text": m["text"], "url": m["url"],
                                                       "n": 0})
            entry["n"] += 1
    return {kind: list(entries.values()) for kind, entries in listed.items()}


def _wayback_url(article) -> str:
    page = article.get("page") or {}
    stamp = "".join(ch for ch in (page.get("fetched_at") or "") if ch.isdigit())[:14]
    return f"https://web.archive.org/web/{stamp or '*'}/{article['url']}"


async def archived_page(request, datasette):
    page_id = int(request.url_vars["id"])
    page = await _read(datasette, lambda r: r.raw_page(page_id))
    if page is None:
        return await _message(datasette, request, "No such page",
                              f"There is no stored page {page_id} in this archive.")
    page.pop("body")
    return await _page(datasette, request, "vn_archived.html", p=page)


async def archived_raw(request, datasette):
    page_id = int(request.url_vars["id"])
    page = await _read(datasette, lambda r: r.raw_page(page_id))
    if page is None:
        return Response.text("no such page", status=404)
    headers = {k.lower(): v for k, v in page["headers"].items()}
    content_type = headers.get("content-type") or "text/html"
    if "html" not in content_type.lower():
        content_type = "text/plain"  # never let a stored file be run as something else
    return Response(page["body"], content_type=content_type, headers={
        "Content-Security-Policy": ARCHIVE_CSP, "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "SAMEORIGIN", "Referrer-Policy": "no-referrer",
        "Cache-Control": "private, max-age=3600"})


async def entity_page(request, datasette):
    kind = request.url_vars["kind"]
    key = request.args.get("key", "")
    found = await _read(datasette, lambda r: r.find_entity(kind, key)) if key else None
    if found is None:
        return await _message(datasette, request, f"No such {kind}",
                              f"No {kind} named {key!r} in this archive; try the search.", q=key)
    if found != key:
        return Response.redirect(f"/-/{kind}?{urlencode({'key': found})}")
    entity = await _read(datasette, lambda r: r.entity(kind, key))
    chart = bar_chart(entity["timeline"], f"mentions of {entity['name']} per month")
    return await _page(datasette, request, "vn_entity.html", e=entity, chart=chart,
                       table=ENTITY_KINDS[kind][1])


async def charts_page(request, datasette):
    rows = await _read(datasette, lambda r: r.articles_per_month())
    return await _page(datasette, request, "vn_charts.html",
                       chart=stacked_chart(rows, "articles per month by source"), rows=rows)


@hookimpl
def register_routes():
    return [
        (r"^/robots\.txt$", robots_txt),
        (r"^/-/search(\.json)?$", search_page),
        (r"^/-/article/(?P<id>\d{1,18})$", article_page),
        (r"^/-/archived/(?P<id>\d{1,18})$", archived_page),
        (r"^/-/archived/(?P<id>\d{1,18})/raw$", archived_raw),
        (r"^/-/(?P<kind>person|organization|place|document)$", entity_page),
        (r"^/-/charts$", charts_page),
    ]


@hookimpl
def extra_template_vars(view_name, datasette):
    async def home():
        if view_name != "index":
            return {}
        summary = await _read(datasette, lambda r: r.summary())
        return {"archive": summary, "db_name": _archive(datasette).name}

    return home


# ---- links in tables and canned queries -------------------------------------------------

def _link(url, value):
    return Markup(f'<a href="{escape(url)}">{escape(str(value))}</a>')


def _entity(kind, key, value):
    return _link(f"/-/{kind}?{urlencode({'key': key})}", value)


# The canonical tables: the count column of each row links to the entity page (the key
# column itself is the row's primary key, which datasette links to the row).
COUNT_LINKS = {"people": ("person", "key", "mentions"),
               "organizations": ("organization", "key", "mentions"),
               "places": ("place", "key", "mentions"),
               "documents": ("document", "id", "citations")}


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    label = value
    if isinstance(value, dict):  # a foreign key, expanded by datasette to value and label
        value, label = value.get("value"), value.get("label") or value.get("value")
    if value is None or isinstance(value, bytes):
        return None
    keys = list(row.keys()) if hasattr(row, "keys") else []
    if column == "article_id" or (table == "articles" and column == "title"):
        target = row["id"] if table == "articles" else value
        return _link(f"/-/article/{target}", label)
    if table in COUNT_LINKS and column == COUNT_LINKS[table][2]:
        kind, pk, _ = COUNT_LINKS[table]
        return _entity(kind, row[pk], f"{value} → page")
    if column == "document_id" or (table == "documents" and column == "number_id"):
        return _entity("document", row["id"] if table == "documents" else value, label)
    if table == "people" and column == "name":
        return _entity("person", row["key"], label)
    if column == "person":  # person_roles.person: the person's key
        return _entity("person", value, label)
    if table in ("organizations", "places") and column == "name":
        return _entity("organization" if table == "organizations" else "place", row["key"],
                       label)
    if column == "org_key":
        return _entity("organization", value, label)
    if column == "value" and "type" in keys and row["type"] in KIND_OF_TYPE \
            and row["type"] != "DOCREF":
        entity = row["entity"] if "entity" in keys else None  # the canonical row's key
        return _entity(KIND_OF_TYPE[row["type"]], entity or value, label)
    if table == "pages" and column == "url" and "id" in keys:
        return _link(f"/-/archived/{row['id']}", label)
    return None


# ---- serving rules ----------------------------------------------------------------------

async def _send_simple(send, status, text, headers=()):
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})


def _scrubbing_send(send, secrets: list[bytes]):
    """Buffer one response and remove the server's file paths from it."""
    state = {"start": None, "body": b""}

    async def scrub(message):
        if message["type"] == "http.response.start":
            state["start"] = message
            return
        state["body"] += message.get("body", b"")
        if message.get("more_body"):
            return
        body = state["body"]
        for secret in secrets:
            body = body.replace(secret, b"")
        start = dict(state["start"])
        start["headers"] = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
        start["headers"].append((b"content-length", str(len(body)).encode()))
        await send(start)
        await send({"type": "http.response.body", "body": body})

    return scrub


def _bom_send(send, is_csv: bool):
    """Prefix a CSV response with a UTF-8 byte-order mark, so Excel reads Vietnamese."""
    state = {"csv": is_csv, "first": True}

    async def with_bom(message):
        if message["type"] == "http.response.start":
            headers = dict((k.lower(), v) for k, v in message["headers"])
            state["csv"] = state["csv"] or headers.get(b"content-type",
                                                       b"").startswith(b"text/csv")
            if state["csv"] and b"content-length" in headers:
                length = int(headers[b"content-length"]) + len(BOM)
                message = {**message, "headers": [
                    (k, str(length).encode() if k.lower() == b"content-length" else v)
                    for k, v in message["headers"]]}
        elif state["csv"] and state["first"]:
            state["first"] = False
            message = {**message, "body": BOM + message.get("body", b"")}
        await send(message)

    return with_bom


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def site(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            if scope["method"] not in ("GET", "HEAD"):
                return await _send_simple(send, 405, "This archive is read-only: it answers "
                                          "GET requests only.\n", [(b"allow", b"GET, HEAD")])
            path = scope["path"]
            args = parse_qs(scope.get("query_string", b"").decode("utf-8", "replace"))
            db = _archive(datasette)
            if path == f"/{db.name}/articles" and args.get("_search") and \
                    set(args) <= {"_search", "_sort", "_sort_desc"}:
                # the table's search box: the same search, ranked, with excerpts
                target = "/-/search?" + urlencode({"q": args["_search"][0]})
                return await _send_simple(send, 302, target, [(b"location", target.encode())])
            if path.startswith(INTROSPECTION):
                full = Path(db.path).resolve()
                secrets = sorted({str(full.parent).encode() + b"/", str(full.parent).encode(),
                                  json.dumps(str(full.parent))[1:-1].encode()}, key=len,
                                 reverse=True)
                send = _scrubbing_send(send, secrets)
            return await app(scope, receive, _bom_send(send, path.endswith(".csv")))

        return site

    return wrap
