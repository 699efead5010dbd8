"""One identity per thing (issue 9, item 3): organisations, documents and people keyed across
articles, through the analyzer and the real store (a SQLite file on disk).

Texts are ours. Sources carry a district and a province as in data/sources.toml.
"""
import pytest

from crawler.archive.store import document_key, open_store, organization_key
from crawler.records import Article, Page
from nlp import analyze

HANOI = ("hoangmai", "Hoàng Mai", "Hà Nội")
GIALAM = ("gialam", "Gia Lâm", "Hà Nội")
HCM = ("binhthanh", "Bình Thạnh", "Thành phố Hồ Chí Minh")


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "identity.db")
    for name, district, province in (HANOI, GIALAM, HCM):
        s.save_source(name, "portal", district, province, f"http://{name}.example/", {})
    return s


def _add(store, source, n, body, published="2021-06-10T09:00"):
    """Store one article of ``source`` and its analysis, as `vnnews process` does."""
    url = f"http://{source[0]}.example/tin/{n}"
    page = Page(url=url, final_url=url, status=200, headers={"Content-Type": "text/html"},
                body=f"<html>{n}</html>".encode(), fetched_at="2021-06-11T00:00:00Z",
                source=source[0], encoding="utf-8")
    store.save_page(page, Article(url=url, is_article=True, title=f"Tin {n}",
                                  published=published, body=body))
    [article_id] = [r["id"] for r in store.db.query(
        "select id from articles where canonical_url = ?", [url])]
    store.save_analysis(article_id, {"body": analyze(body, published)}, published, source[1])
    store.recount_entities()
    return article_id


def _rows(store, sql, params=()):
    return [tuple(r.values()) for r in store.db.query(sql, params)]


# ---- organisations --------------------------------------------------------------------------

def test_spellings_of_one_department_are_one_organisation(store):
    _add(store, HANOI, 1, "Sở TT&TT phối hợp với quận tổ chức hội nghị chuyển đổi số.")
    _add(store, HANOI, 2, "Đại diện Sở TTTT hướng dẫn cài đặt ứng dụng.")
    _add(store, HANOI, 3, "Sở Thông tin và Truyền thông (Hà Nội) kiểm tra các điểm cung cấp "
                          "dịch vụ.")
    _add(store, HANOI, 4, "Sở Thông tin và Truyền thông thành phố Hà Nội cho biết. Sở TT-TT đề "
                          "nghị các quận báo cáo.")
    rows = _rows(store, "select key, place_from, mentions from organizations")
    assert rows[0][0] == "sở thông tin và truyền thông|thành phố hà nội"
    assert len(rows) == 1 and rows[0][2] == 5
    assert {r[0] for r in _rows(store, "select distinct place_from from organizations")} <= \
        {"source", "text"}


@pytest.mark.parametrize("spellings", [
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở VH-TT&DL", "Sở VHTTDL", "Sở Văn hóa - Thể thao và Du lịch"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH", "Sở LĐTBXH"),
    ("Sở Tài nguyên và Môi trường", "Sở TN-MT", "Sở TN&MT"),
])
def test_separators_inside_abbreviations_and_names_do_not_split_a_body(store, spellings):
    for n, name in enumerate(spellings):
        _add(store, HANOI, n, f"{name} kiểm tra các cơ sở trên địa bàn.")
    assert len(_rows(store, "select key from organizations")) == 1
    assert _rows(store, "select mentions from organizations") == [(len(spellings),)]


def test_the_same_name_in_two_cities_is_two_bodies(store):
    _add(store, HANOI, 1, "Chiều 9/6, UBND Thành phố họp. Đoàn công tác của TP Hồ Chí Minh "
                          "sẽ đến thăm vào tháng sau.")
    _add(store, HCM, 2, "UBND Thành phố vừa ban hành quy chế mới.")
    keys = [r[0] for r in _rows(store, "select key from organizations order by key")]
    # the Hanoi committee is never filed under the city its article names later
    assert keys == ["ủy ban nhân dân|thành phố hà nội", "ủy ban nhân dân|thành phố hồ chí minh"]


def test_a_unit_named_before_scopes_the_body_in_the_text():
    [first, second] = [m for m in analyze("UBND huyện Gia Lâm họp. Sau đó UBND huyện ban "
                                          "hành kế hoạch.").mentions if m.type == "ORG"]
    assert second.value == first.value == "ủy ban nhân dân|huyện gia lâm"
    assert second.attrs["place_inferred"] is True


def test_a_district_word_in_another_districts_source_is_not_scoped():
    # a Hoàng Mai source writing about "UBND huyện": Hoàng Mai is a quận, so the district is
    # unknown rather than wrong
    key, place, place_from = organization_key("ủy ban nhân dân|huyện", {}, "Hoàng Mai", "Hà Nội")
    assert (key, place, place_from) == ("ủy ban nhân dân|huyện", "huyện", None)
    assert organization_key("ủy ban nhân dân|quận", {}, "Hoàng Mai", "Hà Nội")[0] == \
        "ủy ban nhân dân|quận hoàng mai"


# ---- documents -----------------------------------------------------------------------------

def test_yearless_symbols_of_different_years_stay_apart(store):
    _add(store, HANOI, 1, "Quận thực hiện Chỉ thị 01/CT-UBND về phòng cháy.", "2019-02-10")
    _add(store, HANOI, 2, "Quận thực hiện Chỉ thị 01/CT-UBND về công tác Tết.", "2020-01-05")
    _add(store, HANOI, 3, "Phường quán triệt Chỉ thị 01/CT-UBND về công tác Tết.", "2020-01-20")
    _add(store, HANOI, 4, "Theo Chỉ thị số 01/CT-UBND ngày 3/1/2018 của UBND quận.", "2021-03-01")
    rows = _rows(store, "select id, year, year_inferred, citations from documents order by id")
    assert rows == [("01/CT-UBND|2018|hoàng mai", 2018, 0, 1),
                    ("01/CT-UBND|2019|hoàng mai", 2019, 1, 1),
                    ("01/CT-UBND|2020|hoàng mai", 2020, 1, 2)]


def test_the_same_number_in_two_districts_is_two_documents(store):
    _add(store, HANOI, 1, "Thực hiện Kế hoạch số 112/KH-UBND ngày 2/3/2021 của UBND quận.")
    _add(store, GIALAM, 2, "Thực hiện Kế hoạch số 112/KH-UBND ngày 2/3/2021 của UBND huyện.")
    ids = [r[0] for r in _rows(store, "select id from documents order by id")]
    assert ids == ["112/KH-UBND|2021|gia lâm", "112/KH-UBND|2021|hoàng mai"]


def test_a_document_without_any_year_is_keyed_to_its_article():
    assert document_key("45/UBND-VP", {"issuer_code": "UBND"}, "Hoàng Mai", None, 7) == \
        "45/UBND-VP|?a7|hoàng mai"


def test_laws_by_name_are_national_documents(store):
    _add(store, HANOI, 1, "Căn cứ Luật Đất đai 2013, quận rà soát hồ sơ.")
    _add(store, HCM, 2, "Theo Luật Đất đai 2013, người dân được cấp giấy chứng nhận.")
    assert _rows(store, "select id, citations from documents") == [("Luật Đất đai 2013", 2)]


# ---- people --------------------------------------------------------------------------------

def test_namesakes_in_two_districts_are_two_people(store):
    _add(store, HANOI, 1, "Chủ tịch UBND quận Hoàng Mai Nguyễn Văn Hùng dự lễ khai giảng.")
    _add(store, GIALAM, 2, "Chủ tịch UBND huyện Gia Lâm Nguyễn Văn Hùng kiểm tra đê.")
    _add(store, HANOI, 3, "Ông Nguyễn Văn Hùng, Chủ tịch UBND quận, trao quà cho học sinh.")
    rows = _rows(store, "select key, evidence, mentions from people order by key")
    assert rows == [
        ("Nguyễn Văn Hùng|ủy ban nhân dân|huyện gia lâm", "organization", 1),
        ("Nguyễn Văn Hùng|ủy ban nhân dân|quận hoàng mai", "organization", 2)]
    roles = _rows(store, "select person, title from person_roles order by article_id")
    assert [r[0] for r in roles] == ["Nguyễn Văn Hùng|ủy ban nhân dân|quận hoàng mai",
                                     "Nguyễn Văn Hùng|ủy ban nhân dân|huyện gia lâm",
                                     "Nguyễn Văn Hùng|ủy ban nhân dân|quận hoàng mai"]


def test_namesakes_in_two_bodies_of_one_district_are_two_people(store):
    _add(store, HANOI, 1, "Trưởng Công an quận Lê Minh Tuấn chủ trì. Giám đốc Trung tâm Y tế "
                          "quận Phạm Thu Hà báo cáo.")
    _add(store, HANOI, 2, "Bí thư Đoàn phường Lê Minh Tuấn phát động phong trào.")
    keys = [r[0] for r in _rows(store, "select key from people where name = 'Lê Minh Tuấn'")]
    assert len(keys) == 2


def test_one_name_is_one_person_within_an_article(store):
    _add(store, HANOI, 1, "Phó Chủ tịch UBND quận Hoàng Mai Trần Thị Lan kiểm tra. Bà Trần Thị "
                          "Lan đề nghị các phường khẩn trương. Bà Lan cũng lưu ý về an toàn.")
    rows = _rows(store, "select key, mentions from people")
    assert rows == [("Trần Thị Lan|ủy ban nhân dân|quận hoàng mai", 3)]


def test_an_untitled_name_is_scoped_by_its_source(store):
    _add(store, HANOI, 1, "Gia đình ông Đỗ Văn Khải nhận nhà tình nghĩa.")
    _add(store, GIALAM, 2, "Gia đình ông Đỗ Văn Khải nhận nhà tình nghĩa.")
    rows = _rows(store, "select key, evidence from people order by key")
    assert rows == [("Đỗ Văn Khải|gia lâm", "source"), ("Đỗ Văn Khải|hoàng mai", "source")]


def test_old_databases_keyed_people_by_name(tmp_path):
    """A database made before people had keys opens, its people become "name|?"."""
    import sqlite3
    path = tmp_path / "old.db"
    s = open_store(path)
    s.db["people"].drop()
    s.db["person_roles"].drop()
    s.db.conn.commit()
    s.db.conn.close()
    conn = sqlite3.connect(path)
    conn.execute("create table people (name text primary key, mentions integer)")
    conn.execute("create table person_roles (person text references people(name), title text, "
                 "organization text, org_key text, former integer, as_of text, article_id "
                 "integer, mention_id integer, primary key (mention_id, title))")
    conn.execute("insert into people values ('Vũ Văn Bình', 2)")
    conn.execute("insert into person_roles values ('Vũ Văn Bình', 'Chủ tịch', null, null, 0, "
                 "null, 1, 1)")
    conn.commit()
    conn.close()
    again = open_store(path)
    assert _rows(again, "select key, name from people") == [("Vũ Văn Bình|?", "Vũ Văn Bình")]
    assert _rows(again, "select person from person_roles") == [("Vũ Văn Bình|?",)]


def test_a_year_given_by_one_citation_is_no_longer_inferred(store):
    _add(store, HANOI, 1, "Quận thực hiện Kế hoạch 56/KH-UBND ngày 4/2/2021 của UBND quận.",
         "2021-02-10")
    _add(store, HANOI, 2, "Các phường triển khai Kế hoạch 56/KH-UBND của UBND quận.",
         "2021-03-01")
    assert _rows(store, "select id, year_inferred, citations from documents") == [
        ("56/KH-UBND|2021|hoàng mai", 0, 2)]
