"""Fuzz suite (issue 12): generated hostile input for the extractor, the analyzer, the sources
loader and the WARC reader. No input may crash a batch or pass the per-item CPU limit.

`make test` runs it with a fixed seed (derandomized) and a small budget. A longer, random run:

    VNNEWS_FUZZ=long .venv/bin/python -m pytest tests/test_fuzz.py -q

(``VNNEWS_FUZZ_EXAMPLES=N`` sets the examples per property of that run; default 2000).
"""
from __future__ import annotations

import io
import json
import os
import tomllib
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.warcwriter import WARCWriter

from crawler.errors import ConfigError
from crawler.extract.limits import PageTimeLimit, page_time_limit
from crawler.ingest import extract_page
from crawler.records import Article, Page
from crawler.sources import load_sources
from crawler.archive.warc import import_warc
from nlp.jsonl import analyze_lines

settings.register_profile(
    "ci", max_examples=int(os.environ.get("VNNEWS_FUZZ_EXAMPLES", 100)), derandomize=True,
    database=None,  # the same examples on every machine: nothing replayed from earlier runs
    deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture])
settings.register_profile(
    "long", max_examples=int(os.environ.get("VNNEWS_FUZZ_EXAMPLES", 2000)), deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture])
settings.load_profile("long" if os.environ.get("VNNEWS_FUZZ") == "long" else "ci")

# CPU seconds one generated item may take (extracting a page, analysing a line, loading a
# file, importing a WARC). Generated items are small: the real limits (PAGE_TIME_LIMIT) are far
# above; this one catches a pathological slowdown.
ITEM_CPU_LIMIT = 20.0


def within_limit(call, *args, **kwargs):
    try:
        with page_time_limit(ITEM_CPU_LIMIT):
            return call(*args, **kwargs)
    except PageTimeLimit:
        pytest.fail(f"{call.__name__} took more than {ITEM_CPU_LIMIT} s of CPU on one item")


# ---- generated text: Vietnamese, markup, controls, surrogates' neighbours, legacy bytes ---------
_WORDS = ["Ủy", "ban", "nhân", "dân", "phường", "Tân", "Mai", "ngày", "15/3/2024", "Quyết",
          "định", "số", "123/QĐ-UBND", "Chủ", "tịch", "Nguyễn", "Văn", "An", "Qu©n", "Quaän",
          "(", ")", "[", "]", "{", "}", "\"", "'", "<", ">", "&amp;", "&#", ";", "\n", "\t",
          "\x00", "\ufffd", "\u200b", "\u0301", "ﬁ", "🇻🇳"]
texts = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=12)), max_size=60).map(
    " ".join)
_TAGS = ["div", "p", "a", "span", "table", "tr", "td", "h1", "h2", "ul", "li", "img", "br",
         "script", "style", "article", "section", "font", "b", "i", "meta", "title", "iframe",
         "svg", "math", "template", "noscript", "x-y"]
attrs = st.dictionaries(
    st.sampled_from(["class", "id", "style", "href", "src", "hidden", "align", "content",
                     "name", "property", "rel", "itemprop", "data-x", "on", "x"]),
    st.one_of(texts, st.sampled_from(["display:none", "d-none", "/files/a.pdf",
                                      "javascript:alert(1)", "text-align:center", "og:title",
                                      "canonical", "article:published_time", "2024-03-15"])),
    max_size=5)


def _element(children):
    return st.tuples(st.sampled_from(_TAGS), attrs, st.lists(children, max_size=6)).map(
        lambda t: f"<{t[0]}" + "".join(f' {k}="{v}"' for k, v in t[1].items()) + ">" +
        "".join(t[2]) + (f"</{t[0]}>" if t[0] not in ("img", "br", "meta") else ""))


html_docs = st.recursive(texts, _element, max_leaves=40).map(
    lambda body: f"<html><head><title>Tin tức</title></head><body>{body}</body></html>")
page_bodies = st.one_of(
    html_docs.map(lambda h: h.encode("utf-8")),
    html_docs.map(lambda h: h.encode("utf-8", "replace")[: len(h) // 2]),  # cut anywhere
    html_docs.map(lambda h: h.encode("cp1258", "replace")),
    st.binary(max_size=4000),
    st.tuples(st.integers(1, 3000), st.sampled_from(["<div>", "<table><tr><td>", "<b>"])).map(
        lambda t: (t[1] * t[0]).encode()),  # deep nesting
)


@given(body=page_bodies, content_type=st.sampled_from(
    [None, "text/html", "text/html; charset=utf-8", "text/html; charset=windows-1258",
     "text/html; charset=x-nonsense", "application/pdf"]))
def test_fuzz_extractor_never_crashes(body, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    page = Page(url="http://x.vn/tin/1", final_url="http://x.vn/tin/1", status=200,
                headers=headers, body=body, fetched_at="2026-01-01T00:00:00Z", source="x")
    article = within_limit(extract_page, page, time_limit=None)
    assert isinstance(article, Article)
    assert article.is_article or article.reason
    json.dumps(article.to_dict(), ensure_ascii=False)  # storable


# ---- the analyzer, through its JSON-lines front end ---------------------------------------------
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), texts),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=5), inner, max_size=4)),
    max_leaves=10)
lines = st.one_of(
    st.fixed_dictionaries({"id": json_values, "text": texts},
                          optional={"published": st.one_of(texts, st.sampled_from(
                              ["2024-03-15", "2024-02-30", "9999-99-99T99:99", ""]))}).map(
        lambda r: json.dumps(r)),
    json_values.map(lambda v: json.dumps(v)),
    st.text(max_size=80),
    st.integers(1, 5000).map(lambda n: "[" * n + "]" * n),
)


@given(batch=st.lists(lines, min_size=1, max_size=8))
def test_fuzz_analyzer_reports_or_analyses_every_line(batch):
    stdin = io.StringIO("".join(line.replace("\n", " ") + "\n" for line in batch))
    out, err = io.StringIO(), io.StringIO()
    bad = within_limit(analyze_lines, stdin, out, err)
    nonblank = [line for line in batch if line.replace("\n", " ").strip()]
    results = out.getvalue().splitlines()
    assert len(results) + bad == len(nonblank)  # every line analysed or reported, once
    assert len(err.getvalue().splitlines()) == bad
    for result in results:
        record = json.loads(result)
        assert set(record) <= {"id", "mentions", "acronyms"}
        result.encode("utf-8")  # always writable


# ---- the sources loader -------------------------------------------------------------------------
_KEYS = ["name", "kind", "base_url", "start_urls", "delay", "max_pages", "enabled", "allow",
         "deny", "hints", "file", "user_agent", "domain", "from_year", "to_year", "district",
         "colour"]
toml_values = st.one_of(
    st.text(max_size=20), st.integers(-10**6, 10**12), st.floats(), st.booleans(),
    st.sampled_from(["http://x.vn/", "https://x.vn/p/", "http://[::1/x/", "http://x.vn:99999/",
                     "file:///etc/passwd", "ftp://x.vn/", "${UNSET_VARIABLE}/x/", "(["]),
    st.lists(st.sampled_from(["http://x.vn/p/a", "http://y.vn/", "file:///", "(", ".*"]),
             max_size=3))


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return {"inf": "inf", "-inf": "-inf", "nan": "nan"}.get(str(value), repr(value))
    if isinstance(value, list):
        return "[" + ", ".join(json.dumps(v) for v in value) + "]"
    return json.dumps(value)


entries = st.lists(st.dictionaries(st.sampled_from(_KEYS), toml_values, max_size=8),
                   max_size=3)
source_files = st.one_of(
    entries.map(lambda es: "".join(
        "[[source]]\n" + "".join(f"{k} = {_toml_value(v)}\n" for k, v in e.items())
        for e in es).encode("utf-8", "surrogatepass")),
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


@given(data=source_files)
def test_fuzz_sources_loader_accepts_or_names_the_mistake(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("src") / "sources.toml"
    path.write_bytes(data)
    try:
        sources = within_limit(load_sources, path, warn=lambda line: None)
    except ConfigError as exc:
        message = str(exc)
        assert message.startswith(str(path)) and "\n" not in message
        return
    for source in sources:  # what loads can be crawled: http(s), finite delay, a scope
        assert source.delay is None or 0 <= source.delay <= 3600
        assert source.max_pages is None or source.max_pages >= 1
        if source.kind == "portal":
            assert source.hosts
    try:
        tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        pytest.fail("an invalid file was accepted")


# ---- the WARC reader ----------------------------------------------------------------------------
records = st.lists(st.tuples(
    st.sampled_from(["response", "request", "resource", "metadata", "revisit"]),
    st.sampled_from(["http://x.vn/a", "http://x.vn/b?c=1", "dns:x.vn", "ftp://x/", ""]),
    st.sampled_from([b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n",
                     b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n",
                     b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n",
                     b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n",
                     b"HTTP/1.1 301 Moved\r\nLocation: http://y/\r\n", b"HTTP/1.1 \r\n", b""]),
    st.one_of(html_docs.map(lambda h: h.encode()), st.binary(max_size=2000),
              st.integers(0, 20).map(lambda n: zlib.compress(bytes(n << 16), 9)))),
    min_size=1, max_size=5)


def _warc_bytes(recs, gzip_records: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip_records)
    for kind, uri, head, body in recs:
        payload = head + b"\r\n" + body
        try:
            record = writer.create_warc_record(
                uri, kind, payload=io.BytesIO(payload), length=len(payload),
                warc_headers_dict={"WARC-Date": "2026-11-28T07:40:00Z"})
        except Exception:  # noqa: BLE001 - warcio cannot write this one (the test's input)
            continue
        writer.write_record(record)
    return buf.getvalue()


@given(recs=records, gzip_records=st.booleans(), cut=st.one_of(st.none(), st.integers(0, 5000)),
       flip=st.one_of(st.none(), st.integers(0, 5000)))
def test_fuzz_warc_import_never_crashes(tmp_path_factory, recs, gzip_records, cut, flip):
    data = bytearray(_warc_bytes(recs, gzip_records))
    if flip is not None and data:
        data[flip % len(data)] ^= 0x5A  # one corrupted byte
    if cut is not None:
        data = data[:cut]  # a truncated download
    folder = tmp_path_factory.mktemp("warc")
    (folder / "f.warc.gz").write_bytes(bytes(data))
    summary = within_limit(import_warc, [str(folder / "f.warc.gz")], str(folder / "n.db"))
    assert set(summary["files"]) == {str(folder / "f.warc.gz")}
    for line in summary["errors"]:  # a broken file is one line, and keeps what it read
        assert "\n" not in line and line.startswith(str(folder / "f.warc.gz"))
