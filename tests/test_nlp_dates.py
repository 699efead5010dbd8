"""DATE forms, one case per form, and the never-a-date cases."""
import pytest

from nlp import analyze

PUB = "2018-10-08T15:54"


def _dates(text, published=PUB):
    return [(m.text, m.value, m.attrs) for m in analyze(text, published).of_type("DATE")]


@pytest.mark.parametrize("text,span,value,gran", [
    ("Ngày 18/8/2016, hội nghị", "Ngày 18/8/2016", "2016-08-18", "day"),
    ("vào 18-8-2016 quận", "18-8-2016", "2016-08-18", "day"),
    ("vào 18.8.2016 quận", "18.8.2016", "2016-08-18", "day"),
    ("ngày 18 tháng 8 năm 2016 tại", "ngày 18 tháng 8 năm 2016", "2016-08-18", "day"),
    ("trong tháng 8/2016 có", "tháng 8/2016", "2016-08", "month"),
    ("trong tháng 8 năm 2016 có", "tháng 8 năm 2016", "2016-08", "month"),
    ("kết quả năm 2018 đạt", "năm 2018", "2018", "year"),
    ("trong quý III/2018 có", "quý III/2018", "2018-Q3", "quarter"),
    ("kết quả 6 tháng đầu năm 2018 cho thấy", "6 tháng đầu năm 2018", "2018-01", "period"),
    ("giai đoạn 2016-2020 trên", "giai đoạn 2016-2020", "2016", "period"),
    ("từ ngày 1/9 đến ngày 30/9/2018 quận", "từ ngày 1/9 đến ngày 30/9/2018", "2018-09-01",
     "period"),
    ("năm học 2018 - 2019 các trường", "năm học 2018 - 2019", "2018", "period"),
    ("Sáng ngày mùng 2/9, tại", "ngày mùng 2/9", "2018-09-02", "day"),
    ("chiều 20-10, quận", "20-10", "2018-10-20", "day"),
    ("Sáng nay (8/10), quận", "8/10", "2018-10-08", "day"),
    ("nhiệm kỳ 2016-2021 của", "nhiệm kỳ 2016-2021", "2016", "period"),
    ("từ tháng 3 đến tháng 5/2019 có", "từ tháng 3 đến tháng 5/2019", "2019-03", "period"),
    ("Trong 2 ngày 25 và 26/3/2018, hội", "25 và 26/3/2018", "2018-03-25", "period"),
])
def test_date_forms(text, span, value, gran):
    found = _dates(text)
    assert [(s, v) for s, v, _ in found] == [(span, value)]
    assert found[0][2]["granularity"] == gran


def test_period_ends():
    (_, _, a), = _dates("6 tháng đầu năm 2018")
    assert a["end"] == "2018-06"
    (_, _, a), = _dates("giai đoạn 2016-2020")
    assert a["end"] == "2020"
    (_, _, a), = _dates("quý III/2018")
    assert a["end"] == "2018-09-30"


def test_year_from_published():
    (span, value, attrs), = _dates("Sáng ngày 26/7, tại", "2018-07-27")
    assert (span, value, attrs.get("inferred_year")) == ("ngày 26/7", "2018-07-26", True)
    # late December in a January article is last year
    (_, value, _), = _dates("ngày 28/12 vừa qua", "2019-01-05")
    assert value == "2018-12-28"


def test_far_from_published_flag():
    (_, _, attrs), = _dates("Ngày 27/8/2017, tại Trung tâm", "2018-10-08")
    assert attrs.get("far_from_published") is True
    (_, _, attrs), = _dates("Ngày 27/8/2018, tại Trung tâm", "2018-10-08")
    assert "far_from_published" not in attrs


@pytest.mark.parametrize("text", [
    "hơn 1000 đồng chí", "trong 14 ngày", "dịch Covid-19", "Nghị định 30/2020/NĐ-CP",
    "vào thứ Hai", "lúc 15:54", "3/4 số hộ", "6 tháng", "quý khách", "12.000 người",
    "số 155/KH-UBND", "Nghị quyết 15-NQ/TW", "trong 2018", "đạt 12/12 chỉ tiêu",
    "thương binh hạng 1/4", "(tức 23 tháng 2 năm Giáp Thìn)", "Cách mạng tháng Tám",
    "gọi 0243.8686.115", "biển số 29A-123.45",
])
def test_not_dates(text):
    assert _dates(text) == []
