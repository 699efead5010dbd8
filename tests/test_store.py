"""The database module: page versions, articles, full-text search, clear errors."""
import gzip
import hashlib
import sqlite3

import pytest

from crawler.errors import VnnewsError
from crawler.records import Article, Page
from crawler.archive.store import (MAX_QUERY_CHARS, document_key, exact_form, fold_for_search,
                                   match_expression, open_store, parse_query)
from nlp.records import Analysis, Mention


def page(url="http://p/a", body=b"<html>v1</html>", source="s") -> Page:
    return Page(url=url, final_url=url, status=200, headers={"Content-Type": "text/html"},
                body=body, fetched_at="2026-11-28T07:00:00Z", source=source, encoding="utf-8")


def article(url="http://p/a", body="Hội nghị văn hoá của Đảng ủy phường", **kw) -> Article:
    return Article(url=url, is_article=True, title=kw.pop("title", "Tập huấn"),
                   published="2018-10-08T15:54", body=body, **kw)


@pytest.fixture
def store(tmp_path):
    return open_store(tmp_path / "t.db")


def test_page_versions_new_unchanged_changed(store):
    assert store.save_page(page(), article()) == "new"
    assert store.save_page(page(), article()) == "unchanged"
    assert store.save_page(page(body=b"<html>v2</html>"), article(body="khác")) == "changed"
    assert store.count("pages") == 2
    assert store.count("articles") == 1  # one article per canonical URL, updated in place
    [row] = list(store.db.query("select body from articles"))
    assert row["body"] == "khác"


def test_raw_body_is_kept_gzip_with_sha256(store):
    body = "<html>Quận Hoàng Mai</html>".encode()
    store.save_page(page(body=body), article())
    [row] = list(store.db.query("select body_gz, sha256, headers, fetched_at from pages"))
    assert gzip.decompress(row["body_gz"]) == body
    assert row["sha256"] == hashlib.sha256(body).hexdigest()
    assert '"Content-Type"' in row["headers"]
    total, pages = store.pages_to_extract(None)
    [again] = list(pages)
    assert total == 1 and again.page.body == body


def test_non_articles_store_the_page_only(store):
    store.save_page(page(url="http://p/list"),
                    Article(url="http://p/list", is_article=False, reason="listing page"))
    assert store.count("articles") == 0
    [row] = list(store.db.query("select is_article, reason from pages"))
    assert row == {"is_article": 0, "reason": "listing page"}


@pytest.mark.parametrize("query", ["văn hoá", "van hoa", "VĂN HÓA", "Đảng ủy", "dang uy",
                                   "Dang", "đang", "\"dang uy phuong\"", "ủy văn hóa"])
def test_search_with_or_without_diacritics(store, query):
    store.save_page(page(), article())
    store.save_page(page(url="http://p/b", body=b"b"),
                    article(url="http://p/b", body="Giao thông nông thôn", title="Đường"))
    sql = "select rowid from articles_fts where articles_fts match vn_match(?)"
    found = [r[0] for r in store.db.execute(sql, [query]).fetchall()]
    assert found == [1]


def test_fold_for_search_keeps_every_position():
    text = "Đảng ủy và đoàn thể"
    assert fold_for_search(text) == "Dảng ủy và doàn thể"
    assert len(fold_for_search(text)) == len(text)


def test_exact_form_ignores_case_and_tone_placement():
    assert exact_form("Hóa") == exact_form("hoá") != exact_form("hoa")
    assert exact_form("KHỎE") == exact_form("khoẻ")
    assert exact_form("văn hóa") != exact_form("vẫn hóa")


@pytest.mark.parametrize("query, groups", [
    ("155/KH-UBND", [["155", "KH", "UBND"]]),
    ("155 kh ubnd", [["155"], ["kh"], ["ubnd"]]),
    ('"toàn dân" đoàn', [["toàn", "dân"], ["đoàn"]]),
    ('"', []), ("\x00", []), ("a\x00b", [["a"], ["b"]]),
    ("NOT OR * ^ ( ) : - AND", [["NOT"], ["OR"], ["AND"]]),
])
def test_parse_query_turns_any_input_into_words(query, groups):
    assert parse_query(query) == groups


def test_match_expression_is_never_an_fts_error(store):
    store.save_page(page(), article())
    hostile = ['"', '""', "'", "\x00", "NEAR(", "title:", "*", "-", "a" * 5000,
               "đ " * 3000, "(((", "AND OR NOT", "\ud800".encode("utf-8", "surrogatepass")
               .decode("utf-8", "replace")]
    for query in hostile:
        sql = "select count(*) from articles_fts where articles_fts match vn_match(?)"
        store.db.execute(sql, [query]).fetchone()
        assert len(match_expression(query)) < 2 * MAX_QUERY_CHARS + 200


def test_search_index_follows_updates(store):
    store.save_page(page(), article())
    store.save_page(page(body=b"v2"), article(body="Phong trào đoàn kết mới"))
    sql = "select rowid from articles_fts where articles_fts match vn_match(?)"
    assert [r[0] for r in store.db.execute(sql, ["doan ket"])] == [1]
    assert [r[0] for r in store.db.execute(sql, ["van hoa"])] == []
    exact = "select rowid from articles_exact where articles_exact match vn_exact(?)"
    assert [r[0] for r in store.db.execute(exact, ["Đoàn kết"])] == [1]
    assert store.db.execute("insert into articles_fts(articles_fts) values "
                            "('integrity-check')") is not None


def test_a_page_reextracted_as_no_article_takes_its_article_row_with_it(store):
    store.save_page(page(), article())
    store.save_analysis(1, {"body": Analysis(text="x", mentions=[
        Mention("DATE", "18/8/2016", 0, 9, "2016-08-18")])})
    (page_id,) = store.db.execute("select id from pages").fetchone()
    listing = Article(url="http://p/a", is_article=False, reason="listing page (9 teasers)")
    store.save_reextracted(page_id, page(), listing, extracted_with="v2")
    assert store.db.execute("select count(*) from articles").fetchone()[0] == 0
    assert store.db.execute("select count(*) from mentions").fetchone()[0] == 0
    sql = "select rowid from articles_fts where articles_fts match vn_match(?)"
    assert list(store.db.execute(sql, ["van hoa"])) == []
    assert store.db.execute("select is_article, reason from pages").fetchone() == \
        (0, "listing page (9 teasers)")
    store.db.execute("insert into articles_fts(articles_fts) values ('integrity-check')")


def test_reindex_on_update_keeps_one_fts_row(store):
    store.save_page(page(), article())
    store.save_page(page(body=b"v2"), article(body="mới"))
    assert store.db.execute("select count(*) from articles_fts").fetchone()[0] == 1


def test_mentions_replace_per_article(store):
    store.save_page(page(), article())
    analysis = Analysis(text="x", mentions=[Mention("DATE", "18/8/2016", 0, 9, "2016-08-18",
                                                    {"granularity": "day"})])
    assert store.save_analysis(1, {"body": analysis}) == 1
    assert store.save_analysis(1, {"body": analysis, "title": analysis}) == 2
    rows = list(store.db.query("select field, value, attrs from mentions order by field"))
    assert [r["field"] for r in rows] == ["body", "title"]
    assert rows[0]["attrs"] == '{"granularity": "day"}'


def test_missing_directory_is_one_clear_error(tmp_path):
    with pytest.raises(VnnewsError, match="directory .* does not exist"):
        open_store(tmp_path / "nope" / "x.db")


def test_directory_as_database(tmp_path):
    with pytest.raises(VnnewsError, match="is a directory"):
        open_store(tmp_path)


def test_not_a_database_file(tmp_path):
    path = tmp_path / "x.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(VnnewsError, match="cannot use database .*not a database"):
        open_store(path)


def test_serve_needs_existing_database(tmp_path):
    with pytest.raises(VnnewsError, match="does not exist"):
        open_store(tmp_path / "x.db", create=False)


def test_wal_mode(store):
    assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert isinstance(store.db.conn, sqlite3.Connection)


def test_canonical_tables_from_mentions_survive_reprocessing(store):
    store.save_page(page(), article())
    mentions = [
        Mention("DOCREF", "Kế hoạch 155/KH-UBND", 0, 20, "155/KH-UBND",
                {"doc_type": "Kế hoạch", "type_code": "KH", "number": "155", "year": 2016,
                 "issuer_code": "UBND", "issuer": "UBND thành phố Hà Nội",
                 "date": "2016-08-18"}),
        Mention("ORG", "UBND thành phố Hà Nội", 30, 51, "ủy ban nhân dân|thành phố hà nội",
                {"name": "Ủy ban nhân dân thành phố Hà Nội", "abbreviation": "UBND"}),
        Mention("PERSON", "Đinh Văn Long", 60, 73, "Đinh Văn Long",
                {"titles": ["Quận ủy viên", "Trưởng phòng Văn hóa và Thông tin"],
                 "honorific": "đồng chí"}),
        Mention("LOC", "quận Hoàng Mai", 80, 94, "quận hoàng mai", {"unit_type": "quận"}),
    ]
    for _ in range(2):  # processing twice must not duplicate anything
        store.save_analysis(1, {"body": Analysis(text="", mentions=mentions)}, "2018-10-08T15:54")
        store.recount_entities()
    [doc] = list(store.db.query("select * from documents"))
    assert (doc["id"], doc["number_id"], doc["issuer"], doc["issued_on"], doc["citations"]) == \
        ("155/KH-UBND|2016|hà nội", "155/KH-UBND", "UBND thành phố Hà Nội", "2016-08-18", 1)
    roles = list(store.db.query("select person, title, as_of from person_roles order by title"))
    # a person's key is the name plus the body, else the first title (tests/test_identity.py)
    assert roles == [
        {"person": "Đinh Văn Long|quận ủy viên", "title": "Quận ủy viên", "as_of": "2018-10-08"},
        {"person": "Đinh Văn Long|quận ủy viên", "title": "Trưởng phòng Văn hóa và Thông tin",
         "as_of": "2018-10-08"}]
    assert [r["mentions"] for r in store.db.query("select mentions from organizations")] == [1]
    assert [r["mentions"] for r in store.db.query("select mentions from places")] == [1]
    assert store.count("mentions") == 4


@pytest.mark.parametrize("number, attrs, district, key", [
    ("30/2020/NĐ-CP", {"issuer_code": "CP"}, None, "30/2020/NĐ-CP"),
    ("15-NQ/TW", {"issuer_code": "TW", "year": 2018}, "Hoàng Mai", "15-NQ/TW|2018"),
    ("01/CT-BNV", {"issuer_code": "BNV", "date": "2019-01-02"}, None, "01/CT-BNV|2019"),
    ("112/KH-UBND", {"issuer_code": "UBND", "year": 2016, "issuer": "UBND quận"}, "Hoàng Mai",
     "112/KH-UBND|2016|hoàng mai"),
    ("112/KH-UBND", {"issuer_code": "UBND", "year": 2016, "issuer": "UBND quận Long Biên"},
     "Hoàng Mai", "112/KH-UBND|2016|long biên"),
    ("45/UBND-VP", {"issuer_code": "UBND"}, None, "45/UBND-VP|?|?"),
])
def test_document_keys_tell_local_documents_apart(number, attrs, district, key):
    assert document_key(number, attrs, district) == key


def test_processes_creating_one_database_at_once(tmp_path):
    """Distributed crawls start several processes on one new database."""
    import subprocess
    import sys
    code = "import sys; from crawler.archive.store import open_store; open_store(sys.argv[1])"
    for trial in range(3):
        db = tmp_path / f"race{trial}.db"
        procs = [subprocess.Popen([sys.executable, "-c", code, str(db)], stderr=subprocess.PIPE,
                                  text=True) for _ in range(5)]
        errors = [p.communicate(timeout=60)[1] for p in procs]
        assert [p.returncode for p in procs] == [0] * 5, errors
        assert open_store(db, create=False).count("articles") == 0
