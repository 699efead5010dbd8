"""DOCREF: the three numbering forms, công văn, attributes after the number."""
import pytest

from nlp import analyze


def _docs(text):
    return [(m.text, m.value, m.attrs) for m in analyze(text).of_type("DOCREF")]


@pytest.mark.parametrize("text,span,value,type_code,issuer_code,doc_type", [
    ("Thực hiện Kế hoạch 155/KH-UBND của", "Kế hoạch 155/KH-UBND", "155/KH-UBND", "KH", "UBND",
     "Kế hoạch"),
    ("theo Quyết định số 1234/QĐ-UBND,", "Quyết định số 1234/QĐ-UBND", "1234/QĐ-UBND", "QĐ",
     "UBND", "Quyết định"),
    ("theo Nghị định 30/2020/NĐ-CP", "Nghị định 30/2020/NĐ-CP", "30/2020/NĐ-CP", "NĐ", "CP",
     "Nghị định"),
    ("Nghị quyết số 15-NQ/TW của", "Nghị quyết số 15-NQ/TW", "15-NQ/TW", "NQ", "TW",
     "Nghị quyết"),
    ("công văn số 45/UBND-VP về", "công văn số 45/UBND-VP", "45/UBND-VP", None, "UBND",
     "Công văn"),
    ("Số: 155/KH-UBND", "155/KH-UBND", "155/KH-UBND", "KH", "UBND", "Kế hoạch"),
    ("Thông tư liên tịch 55/2005/TTLT-BNV-VPCP", "Thông tư liên tịch 55/2005/TTLT-BNV-VPCP",
     "55/2005/TTLT-BNV-VPCP", "TTLT", "BNV-VPCP", "Thông tư liên tịch"),
])
def test_docref_forms(text, span, value, type_code, issuer_code, doc_type):
    (s, v, a), = _docs(text)
    assert (s, v, a["type_code"], a["issuer_code"], a["doc_type"]) == (
        span, value, type_code, issuer_code, doc_type)


def test_docref_tail():
    (s, v, a), = _docs("Thực hiện Kế hoạch 155/KH-UBND ngày 18/8/2016 của UBND thành phố Hà Nội "
                      "về triển khai phong trào “Toàn dân đoàn kết” giai đoạn 2016-2020. Tiếp")
    assert a["date"] == "2016-08-18"
    assert a["issuer"] == "UBND thành phố Hà Nội"
    assert a["subject"].startswith("triển khai phong trào")
    assert a["number"] == "155" and a["year"] == 2016


def test_normative_year():
    (_, _, a), = _docs("Luật 12/2017/QH14")
    assert a["year"] == 2017
