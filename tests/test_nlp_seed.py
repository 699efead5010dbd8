"""The seed article (a real district-portal page): what an archivist must find in it."""
from pathlib import Path

import pytest

from nlp import analyze

SEED = Path(__file__).parent / "data" / "nlp" / "src" / "seed_000_7fc05cc1201b0305.txt"


@pytest.fixture(scope="module")
def seed():
    text = SEED.read_text(encoding="utf-8")
    return text, analyze(text, "2018-10-08T15:54")


def test_offsets_point_into_the_original(seed):
    text, a = seed
    assert a.mentions == sorted(a.mentions, key=lambda m: (m.start, -m.end))
    for m in a.mentions:
        assert text[m.start:m.end] == m.text


def test_plan_155(seed):
    _, a = seed
    (doc,) = [m for m in a.of_type("DOCREF") if m.value == "155/KH-UBND"]
    assert doc.text == "Kế hoạch 155/KH-UBND"
    assert doc.attrs["date"] == "2016-08-18"
    assert doc.attrs["issuer"] == "UBND thành phố Hà Nội"
    assert doc.attrs["doc_type"] == "Kế hoạch" and doc.attrs["type_code"] == "KH"
    assert doc.attrs["issuer_code"] == "UBND"
    assert doc.attrs["subject"].startswith("triển khai thực hiện phong trào")


def test_officials_with_titles(seed):
    _, a = seed
    people = {m.value: m.attrs for m in a.of_type("PERSON")}
    assert set(people) == {"Vũ Đức Hải", "Đinh Văn Long"}
    hai = people["Vũ Đức Hải"]
    assert hai["honorific"] == "đồng chí" and hai["former"] is True
    assert hai["titles"][0].startswith("Nguyên phó Chánh Văn phòng Thường trực Ban chỉ đạo")
    long_ = people["Đinh Văn Long"]
    assert long_["titles"][:2] == ["Quận ủy viên", "Trưởng phòng Văn hóa và Thông tin"]
    assert long_["former"] is False
    assert long_["organization"] == "phòng Văn hóa và Thông tin"


def test_acronym_resolved(seed):
    _, a = seed
    assert a.acronyms == {"TDĐKXDSVH": "Toàn dân đoàn kết xây dựng đời sống văn hóa"}


def test_steering_committee_is_one_organisation(seed):
    _, a = seed
    keys = {m.value for m in a.of_type("ORG") if "chỉ đạo" in (m.attrs.get("name") or "").lower()
            and m.attrs.get("place") == "quận hoàng mai"}
    # "Ban chỉ đạo ... văn hoá” Quận Hoàng Mai" and "BCĐ ... văn hóa” quận Hoàng Mai"
    assert keys == {"ban chỉ đạo phong trào toàn dân đoàn kết xây dựng đời sống văn hóa"
                    "|quận hoàng mai"}
    (city,) = [m for m in a.of_type("ORG") if m.text == "UBND thành phố Hà Nội"]
    assert city.value == "ủy ban nhân dân|thành phố hà nội"
    assert city.attrs["abbreviation"] == "UBND"


def test_event_date_flagged(seed):
    _, a = seed
    (d,) = [m for m in a.of_type("DATE") if m.text == "Ngày 27/8/2017"]
    assert d.attrs["far_from_published"] is True
    (doc_date,) = [m for m in a.of_type("DATE") if m.text == "ngày 18/8/2016"]
    assert "far_from_published" not in doc_date.attrs


def test_places(seed):
    _, a = seed
    locs = [m.text for m in a.of_type("LOC")]
    assert locs[0] == "Quận Hoàng Mai"
    assert {"Hà Nội", "Đà Nẵng", "TP Hồ Chí Minh"} <= set(locs)
