"""PERSON, ORG, LOC forms and the normalisation that keeps offsets in the original text."""
import unicodedata

import pytest

from nlp import analyze
from nlp.normalize import normalize


def _of(text, kind, published=None):
    return [m for m in analyze(text, published).mentions if m.type == kind]


# --- normalisation -----------------------------------------------------------------------------
@pytest.mark.parametrize("old,new", [("hoá", "hóa"), ("Uỷ ban", "Ủy ban"), ("thuỷ", "thủy"),
                                     ("khoẻ", "khỏe"), ("quý", "quý"), ("hoàng", "hoàng")])
def test_tone_style(old, new):
    assert normalize(old).text == new


def test_nfd_offsets_point_into_the_original():
    text = unicodedata.normalize("NFD", "Sáng ngày 18/8/2016, ông Nguyễn Văn Hùng - Chủ tịch "
                                        "UBND quận Hoàng Mai dự.")
    mentions = analyze(text).mentions
    assert {m.type for m in mentions} >= {"DATE", "PERSON", "ORG"}
    for m in mentions:
        assert text[m.start:m.end] == m.text
    (p,) = [m for m in mentions if m.type == "PERSON"]
    assert unicodedata.normalize("NFC", p.text) == "Nguyễn Văn Hùng"


def test_mixed_tone_styles_share_one_key():
    a = _of("Ủy ban nhân dân quận Hoàng Mai và Uỷ ban nhân dân Quận Hoàng Mai", "ORG")
    assert len(a) == 2 and a[0].value == a[1].value == "ủy ban nhân dân|quận hoàng mai"


# --- PERSON ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,name,honorific,titles", [
    ("có đồng chí Đinh Văn Long - Quận ủy viên - Trưởng phòng Văn hóa và Thông tin dự.",
     "Đinh Văn Long", "đồng chí", ["Quận ủy viên", "Trưởng phòng Văn hóa và Thông tin"]),
    ("Chủ tịch UBND quận Hoàng Mai Nguyễn Minh Tâm phát biểu.", "Nguyễn Minh Tâm", None,
     ["Chủ tịch UBND quận Hoàng Mai"]),
    ("Phó Chủ tịch UBND quận, đồng chí Lê Văn Bình cho biết.", "Lê Văn Bình", "đồng chí",
     ["Phó Chủ tịch UBND quận"]),
    ("Đại tá Trần Văn Cường, Trưởng Công an quận dự.", "Trần Văn Cường", None,
     ["Đại tá", "Trưởng Công an quận"]),
    ("bà Hà Thị Thu (Tổ trưởng tổ dân phố số 5) cho biết", "Hà Thị Thu", "bà",
     ["Tổ trưởng tổ dân phố số 5"]),
    ("Đ/c Vương Ngọc Anh, Bí thư Đảng ủy phường Vĩnh Tuy phát biểu", "Vương Ngọc Anh", "đ/c",
     ["Bí thư Đảng ủy phường Vĩnh Tuy"]),
    ("gia đình ông Lê Văn Tư ở tổ 5", "Lê Văn Tư", "ông", []),
    ("ông Lê Văn Tám, Phó Chủ tịch UBND quận kiêm Trưởng Công an quận, cho biết", "Lê Văn Tám",
     "ông", ["Phó Chủ tịch UBND quận", "Trưởng Công an quận"]),
    ("Thứ trưởng Bộ Nội vụ Vũ Chiến Thắng dự.", "Vũ Chiến Thắng", None,
     ["Thứ trưởng Bộ Nội vụ"]),
    ("Trung tướng Nguyễn Hải Trung, Giám đốc Công an thành phố Hà Nội", "Nguyễn Hải Trung", None,
     ["Trung tướng", "Giám đốc Công an thành phố Hà Nội"]),
])
def test_person_forms(text, name, honorific, titles):
    (p,) = _of(text, "PERSON")
    assert p.text == p.value == name
    assert p.attrs.get("honorific") == honorific
    assert p.attrs.get("titles") == titles


def test_former_holder():
    (p,) = _of("ông Nguyễn Văn Thân, nguyên Bí thư Quận ủy Hoàng Mai, dự.", "PERSON")
    assert p.attrs["former"] is True
    assert p.attrs["organization"] == "Quận ủy Hoàng Mai"


@pytest.mark.parametrize("text", [
    "do đồng chí Chủ tịch hoặc Phó chủ tịch UBND phường là trưởng ban",
    "Lễ hội xuân Giáp Thìn", "Hội thi “Vì Hoàng Mai xanh” năm nay",
    "các đồng chí trưởng, phó các phòng, ban, ngành",
])
def test_not_persons(text):
    assert _of(text, "PERSON") == []


# --- ORG ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,span,key", [
    ("của UBND thành phố Hà Nội về", "UBND thành phố Hà Nội", "ủy ban nhân dân|thành phố hà nội"),
    ("tại Trung tâm Bồi dưỡng chính trị Quận Hoàng Mai, Ban", "Trung tâm Bồi dưỡng chính trị "
     "Quận Hoàng Mai", "trung tâm bồi dưỡng chính trị|quận hoàng mai"),
    ("Ban Thường vụ Quận ủy họp", "Ban Thường vụ Quận ủy", "ban thường vụ quận ủy"),
    ("Phòng Giáo dục và Đào tạo quận phối hợp", "Phòng Giáo dục và Đào tạo quận",
     "phòng giáo dục và đào tạo|quận"),
    ("Hội Liên hiệp Phụ nữ phường Láng Hạ tổ chức", "Hội Liên hiệp Phụ nữ phường Láng Hạ",
     "hội liên hiệp phụ nữ|phường láng hạ"),
    ("Đội Cảnh sát giao thông Công an quận Ba Đình phối hợp",
     "Đội Cảnh sát giao thông Công an quận Ba Đình",
     "đội cảnh sát giao thông công an|quận ba đình"),
])
def test_org_forms(text, span, key):
    orgs = _of(text, "ORG")
    assert [o.text for o in orgs] == [span]
    assert orgs[0].value == key


def test_bare_abbreviation_takes_the_full_name():
    orgs = _of("Ban chỉ đạo phong trào “Toàn dân đoàn kết” quận Hoàng Mai họp. BCĐ ban hành "
               "kế hoạch.", "ORG")
    assert [o.text for o in orgs][-1] == "BCĐ"
    assert orgs[-1].value == orgs[0].value


@pytest.mark.parametrize("text", [
    "lãnh đạo UBND các phường", "Chủ tịch UBND phường cho biết", "Hội nghị tập huấn",
    "đại biểu HĐND các cấp", "bộ máy tổ chức", "trụ sở làm việc",
])
def test_not_orgs(text):
    assert _of(text, "ORG") == []


def test_acronym_with_a_missing_letter():
    a = analyze("phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” và phong trào "
                "“TDĐKXDSVH” của quận")
    assert a.acronyms == {"TDĐKXDSVH": "Toàn dân đoàn kết xây dựng đời sống văn hóa"}
    assert a.of_type("ORG") == []  # a movement, not an organisation


# --- LOC ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,span,value,unit_type", [
    ("tại phường Hoàng Liệt, quận Hoàng Mai", "phường Hoàng Liệt", "phường Hoàng Liệt", "ward"),
    ("người dân TP Hồ Chí Minh", "TP Hồ Chí Minh", "thành phố Hồ Chí Minh", "city"),
    ("mở rộng đường Tam Trinh", "đường Tam Trinh", "đường Tam Trinh", "street"),
    ("ở tổ dân phố số 7", "tổ dân phố số 7", "tổ dân phố số 7", "residential_group"),
    ("khách đến từ Nhật Bản", "Nhật Bản", "Nhật Bản", "place"),
    ("ở quận Hai Bà Trưng", "quận Hai Bà Trưng", "quận Hai Bà Trưng", "district"),
])
def test_loc_forms(text, span, value, unit_type):
    (loc,) = _of(text, "LOC")[:1]
    assert (loc.text, loc.value, loc.attrs["unit_type"]) == (span, value, unit_type)


def test_new_units_after_july_2025():
    locs = {m.text: m.attrs for m in _of("phường Hoàng Liệt, quận Hoàng Mai; tỉnh Hà Giang",
                                        "LOC")}
    assert locs["phường Hoàng Liệt"]["new_unit"] == "Phường Hoàng Liệt, Thành phố Hà Nội"
    assert locs["tỉnh Hà Giang"]["new_unit"] == "Tỉnh Tuyên Quang"
    assert "new_unit" not in locs["quận Hoàng Mai"]  # districts were abolished


def test_place_inside_an_org_is_not_a_loc():
    assert _of("UBND quận Hoàng Mai tổ chức", "LOC") == []


def test_unit_word_alone_takes_the_named_unit():
    orgs = _of("UBND quận Hoàng Mai họp. Phòng Nội vụ quận báo cáo; Chủ tịch UBND quận phát "
               "biểu.", "ORG")
    assert [o.value for o in orgs] == ["ủy ban nhân dân|quận hoàng mai",
                                       "phòng nội vụ|quận hoàng mai",
                                       "ủy ban nhân dân|quận hoàng mai"]
    assert orgs[1].attrs["place_inferred"] is True


def test_learned_abbreviation():
    orgs = _of("Tập đoàn Điện lực Việt Nam (EVN) cho biết. Theo EVN, giá điện tăng.", "ORG")
    assert [o.text for o in orgs] == ["Tập đoàn Điện lực Việt Nam", "EVN", "EVN"]
    assert len({o.value for o in orgs}) == 1


# --- forms added with the held-out batches articles_17-19 --------------------------------------
@pytest.mark.parametrize("text,spans", [
    ("Đoàn khách nghỉ ở Hồ Tây rồi về Tam Đảo.", ["Hồ Tây", "Tam Đảo"]),
    ("Hàng hóa đi Hải Phòng, Quảng Ninh và Lạng Sơn.", ["Hải Phòng", "Quảng Ninh", "Lạng Sơn"]),
    ("Mưa lớn ở Thanh Oai, Chương Mỹ và Hà Nội.", ["Thanh Oai", "Chương Mỹ", "Hà Nội"]),
    ("Tàu chạy ra Hòn Khoai mỗi sáng.", ["Hòn Khoai"]),
    # an urban area named without a unit word is still a place (the CRF learned such names)
    ("Khách nghỉ tại Ecopark, rồi đi Bắc Ninh.", ["Ecopark", "Bắc Ninh"]),
    ("Người dân ở Văn Quán và Mộ Lao được hỗ trợ.", ["Văn Quán", "Mộ Lao"]),
    ("Cấm xe các tuyến Kim Mã, Nguyễn Thái Học trong ngày.", ["Kim Mã", "Nguyễn Thái Học"]),
    ("Tại đặc khu Côn Đảo, du khách tăng mạnh.", ["đặc khu Côn Đảo"]),
])
def test_places_without_unit_words(text, spans):
    assert [m.text for m in _of(text, "LOC")] == spans


@pytest.mark.parametrize("text,name", [
    ("Bị can Lê Văn K. đã bị tạm giam.", "Lê Văn K."),
    ("Đối tượng Hoàng Thị M. khai nhận hành vi.", "Hoàng Thị M."),
    ("Bệnh nhân là cháu P.V.A (8 tuổi).", "P.V.A"),
    ("Cô Ksor H'Hen dạy lớp 3.", "Ksor H'Hen"),
    ("Già làng Đinh Văn Hmưch phát biểu.", "Đinh Văn Hmưch"),
    ("(Ảnh: Minh Đức)", "Minh Đức"),
])
def test_person_initials_and_credits(text, name):
    assert [m.text for m in _of(text, "PERSON")] == [name]


@pytest.mark.parametrize("text,span", [
    ("Ban Quản lý dự án đầu tư xây dựng công trình giao thông và thủy lợi tỉnh Bình Định "
     "họp.", "Ban Quản lý dự án đầu tư xây dựng công trình giao thông và thủy lợi tỉnh "
             "Bình Định"),
    ("Công ty Cổ phần Sản xuất, Thương mại Hòa Bình trúng thầu.",
     "Công ty Cổ phần Sản xuất, Thương mại Hòa Bình"),
    ("Công ty TNHH Lương thực Sông Hậu thu mua lúa.", "Công ty TNHH Lương thực Sông Hậu"),
    ("Đồn Biên phòng cửa khẩu Lào Cai bắt giữ 2 đối tượng.", "Đồn Biên phòng cửa khẩu Lào Cai"),
])
def test_long_org_names(text, span):
    assert span in [m.text for m in _of(text, "ORG")]


def test_branch_name_is_not_a_place():
    text = "Agribank chi nhánh Nghệ An cho vay 20 tỷ đồng."
    assert _of(text, "LOC") == []


def test_headline_day_month():
    (d,) = _of("5/9: Học sinh cả nước khai giảng\n\nSáng nay các trường khai giảng.", "DATE",
               published="2025-09-05")
    assert d.text == "5/9" and d.value == "2025-09-05"


def test_time_before_day_is_not_a_duration():
    (d,) = _of("Lễ mít tinh bắt đầu lúc 7h30 ngày 19/8.", "DATE", published="2025-08-10")
    assert d.text == "ngày 19/8"


def test_initial_that_looks_like_a_unit_abbreviation():
    assert [m.text for m in _of("Đối tượng Trần Thị Q. (SN 1990) bị bắt.", "PERSON")] == \
        ["Trần Thị Q."]


def test_quoted_speech_holds_places():
    text = "Ông nói: “Năm ngoái bà con Thanh Hóa cũng giúp chúng tôi”."
    assert [m.text for m in _of(text, "LOC")] == ["Thanh Hóa"]


def test_company_name_ends_before_its_verb():
    text = "Hàng do Công ty TNHH Thương mại Hoàng Long vận chuyển miễn phí, từ sáng sớm."
    assert [m.text for m in _of(text, "ORG")] == ["Công ty TNHH Thương mại Hoàng Long"]


def test_single_syllable_city_and_cu_lao():
    text = "Tàu rời Huế, neo gần Cù Lao Xanh."
    assert [m.text for m in _of(text, "LOC")] == ["Huế", "Cù Lao Xanh"]
