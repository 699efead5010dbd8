"""Encodings: UTF-8, NFD, windows-1258 and the legacy TCVN3 / VNI font encodings all come out as
NFC Unicode through crawler.ingest.extract_page, and the detected encoding is stored with the page."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from crawler.extract.legacy import (decode_tcvn3, decode_vni, detect_legacy, encode_tcvn3,
                                      encode_vni, fix_legacy, is_vietnamese_syllable)
from crawler.extract.decode import decode_html
from crawler.extract.legacy import _has_legacy_signs, _unescape_latin1
from crawler.ingest import extract_page
from crawler.records import Page
from crawler.archive.store import open_store

TEMPLATE = (Path(__file__).parent / "data" / "archives" / "article.html").read_text("utf-8")
TITLE = "Phường Định Công ra quân làm sạch đường phố"
BODY_START = "Tham dự buổi lễ có đồng chí Trần Văn Thắng, Phó Chủ tịch UBND phường"
LEAD = ("Sáng ngày 12/3, Ủy ban nhân dân phường Định Công tổ chức lễ ra quân làm sạch đường phố, "
        "hưởng ứng phong trào \"Tháng thanh niên\" năm 2009.")


def cp1258_bytes(text: str, errors: str = "strict") -> bytes:
    """windows-1258 as Vietnamese Windows wrote it: base letters (with â ă ê ô ơ ư built in)
    followed by combining tone marks, since cp1258 has few precomposed toned letters."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out += base.encode("cp1258", errors) + tones.encode("cp1258", errors)
    return bytes(out)


def escape_latin1(body: bytes) -> bytes:
    """Every byte above 0x7F as a character reference, named where HTML has a name."""
    import html.entities as entities
    names = {code: name for name, code in entities.name2codepoint.items()}
    return "".join(chr(b) if b < 0x80 else f"&{names[b]};" if b in names else f"&#{b};"
                   for b in body).encode("ascii")


def html(charset: str) -> str:
    return TEMPLATE.replace("{charset}", charset)


# name, body, Content-Type header, expected pages.encoding
CASES = [
    ("utf-8", html("utf-8").encode("utf-8"), "text/html; charset=utf-8", "utf-8"),
    ("nfd", unicodedata.normalize("NFD", html("utf-8")).encode("utf-8"), "text/html", "utf-8"),
    ("windows-1258", cp1258_bytes(html("windows-1258")), "text/html", "windows-1258"),
    # TCVN3 pages declared Latin-1 in the header, in a <meta> only, or not at all
    ("tcvn3-header", encode_tcvn3(html("iso-8859-1")), "text/html; charset=iso-8859-1", "tcvn3"),
    ("tcvn3-meta", encode_tcvn3(html("windows-1252")), "text/html", "tcvn3"),
    ("tcvn3-none", encode_tcvn3(TEMPLATE.replace('<meta http-equiv="Content-Type" content="'
                                                 'text/html; charset={charset}">', "")),
     None, "tcvn3"),
    ("vni-meta", encode_vni(html("windows-1252")), "text/html", "vni"),
    ("vni-none", encode_vni(html("x-user-defined")), None, "vni"),
    # FrontPage-era pages wrote the legacy bytes as character references: Qu&copy;n
    ("tcvn3-entities", escape_latin1(encode_tcvn3(html("iso-8859-1"))), "text/html", "tcvn3"),
]


def make_page(body: bytes, content_type: str | None) -> Page:
    return Page(url="http://127.0.0.1/tin-tuc/-/view_content/12-ra-quan",
                final_url="http://127.0.0.1/tin-tuc/-/view_content/12-ra-quan", status=200,
                headers={"Content-Type": content_type} if content_type else {}, body=body,
                fetched_at="2026-11-28T00:00:00Z")


@pytest.mark.parametrize("name,body,content_type,expected", CASES, ids=[c[0] for c in CASES])
def test_every_encoding_comes_out_as_nfc(name, body, content_type, expected):
    page = make_page(body, content_type)
    article = extract_page(page)
    assert page.encoding == expected
    assert article.is_article
    for text in (article.title, article.lead, article.body):
        assert text == unicodedata.normalize("NFC", text)
    assert article.title == TITLE
    assert article.body.startswith(BODY_START)
    assert "hơn hai tấn rác đã được chuyển đến nơi xử lý" in article.body
    assert article.published == "2009-03-14T08:30"
    if name.startswith("tcvn3"):
        # VN3 has no byte for "Ủ": the .VnTime fonts typed it with the lowercase letter
        assert article.lead == LEAD.replace("Ủy", "ủy")
    else:
        assert article.lead == LEAD


def test_detected_encoding_is_stored(tmp_path):
    store = open_store(tmp_path / "news.db")
    for name, body, content_type, expected in CASES:
        page = make_page(body, content_type)
        page.url = page.final_url = f"http://127.0.0.1/{name}/-/view_content/1-a"
        store.save_page(page, extract_page(page))
    rows = dict(store.db.execute("select url, encoding from pages").fetchall())
    assert {url.split("/")[3]: enc for url, enc in rows.items()} == \
        {name: expected for name, _, _, expected in CASES}
    titles = {r[0] for r in store.db.execute("select title from articles")}
    assert titles == {TITLE}


SAMPLE = ("Ngày 18/8/2016, Quận ủy Hoàng Mai tổ chức hội nghị tổng kết công tác xây dựng Đảng; "
          "đồng chí Bí thư Quận ủy phát biểu, khen thưởng những người có thành tích xuất sắc. "
          "Ỷ lại, ẵm, khuya, quyết, Ơn, người dân, được, ngoằn ngoèo, khuỷu tay, gửi, rượu.")


@pytest.mark.parametrize("encode,decode", [(encode_tcvn3, decode_tcvn3), (encode_vni, decode_vni)])
def test_tables_round_trip(encode, decode):
    expected = SAMPLE if encode is encode_vni else SAMPLE.replace("Ỷ", "ỷ")
    assert decode(encode(SAMPLE)) == expected
    assert decode(encode(SAMPLE).decode("latin-1")) == expected


@pytest.mark.parametrize("garbage,expected,encoding", [
    ("Qu©n Hoµng Mai tæ chøc", "Quân Hoàng Mai tổ chức", "tcvn3"),
    ("ViÖt Nam, §¶ng ñy, ng\xadêi d©n", "Việt Nam, Đảng ủy, người dân", "tcvn3"),
    ("UBND QUËN HOµNG MAI TæNG KÕT", "UBND QUẬN HOÀNG MAI TỔNG KẾT", "tcvn3"),
    ("Quaän Hoaøng Mai, Vieät Nam", "Quận Hoàng Mai, Việt Nam", "vni"),
    ("ngöôøi daân ñöôïc, Ñaûng uûy", "người dân được, Đảng ủy", "vni"),
    ("HAØ NOÄI, VIEÄT NAM", "HÀ NỘI, VIỆT NAM", "vni"),
])
def test_known_garbage_is_converted(garbage, expected, encoding):
    assert fix_legacy(garbage) == (expected, encoding)


def test_too_little_evidence_is_left_alone():
    """Two garbled words are not enough evidence to rewrite a page (MIN_LEGACY_WORDS)."""
    assert fix_legacy("Qu©n Hoµng Mai") == ("Qu©n Hoµng Mai", None)


@pytest.mark.parametrize("text", [
    SAMPLE,
    unicodedata.normalize("NFC", TEMPLATE),
    # Unicode Vietnamese whose letters all lie in Latin-1: the text a legacy reading could fool
    "Thông báo: Góp ý cho dự thảo. Cán bộ, công chức tham gia các lớp học; bà con ở tổ dân "
    "phố số 5. Chào mừng quý khách. Hoá đơn, khoá học, thuê nhà, quê hương, hoà giải.",
    "The café serves crème brûlée and piña colada; a naïve résumé © 2016, Zoë and Chloë, "
    "Ångström, Müller, São Paulo, «quotes», 25°C ± 2, 50 µm, § 3 ¶ 2.",
    "Copyright © 2012 Hoàng Mai District People's Committee. All rights reserved.",
])
def test_unicode_and_english_are_left_alone(text):
    assert fix_legacy(text) == (text, None)
    assert detect_legacy(text) is None


def test_mixed_page_converts_only_the_legacy_text():
    legacy = encode_tcvn3("Hội nghị tổng kết công tác năm 2016 của UBND quận Hoàng Mai"
                          ).decode("latin-1")
    page = ("<html><title>Trang chủ - Cổng thông tin điện tử quận Hoàng Mai</title>"
            "<div>Tin tức sự kiện | Liên hệ | Góp ý | Thông báo</div>"
            f"<div class=\"content\">{legacy}</div><p>Bản quyền © 2008</p></html>")
    text, encoding = fix_legacy(page)
    assert encoding == "tcvn3"
    assert text == page.replace(legacy, "Hội nghị tổng kết công tác năm 2016 của UBND quận "
                                        "Hoàng Mai")


def test_windows_1258_bytes_are_read_exactly():
    """TCVN3 bytes decoded as windows-1258 merge into combining marks; the raw bytes fix it."""
    body = encode_tcvn3("Hội nghị tổng kết: nhiều người dân được khen thưởng")
    as_1258 = unicodedata.normalize("NFC", body.decode("cp1258"))
    assert fix_legacy(as_1258, body, "windows-1258") == (
        "Hội nghị tổng kết: nhiều người dân được khen thưởng", "tcvn3")


@pytest.mark.parametrize("word,ok", [
    ("người", True), ("nghiêng", True), ("khuỷu", True), ("quyết", True), ("giữa", True),
    ("Đảng", True), ("héi", False), ("cỏc", False), ("naïve", False), ("qu©n", False),
    ("hoá", True), ("xoong", True), ("tiếng", True), ("phf", False),
])
def test_syllable_check(word, ok):
    assert is_vietnamese_syllable(word) is ok


ROOT = Path(__file__).resolve().parent.parent
# Every Unicode page and text the project holds: the demo portal and the extraction and NLP gold.
CORPUS = sorted([*ROOT.glob("data/demo/site/**/*.htm*"),
                 *ROOT.glob("tests/data/extraction/**/*.htm*"),
                 *ROOT.glob("tests/data/nlp/**/*.txt")])


def test_the_unicode_corpus_is_left_alone_and_its_legacy_copies_are_converted():
    assert len(CORPUS) >= 100
    tcvn3 = vni = 0
    step = max(1, len(CORPUS) // 100)  # legacy copies of about 100 of them: a few seconds
    for index, path in enumerate(CORPUS):
        try:
            text = unicodedata.normalize("NFC", path.read_text("utf-8"))
        except UnicodeDecodeError:  # the extraction gold's windows-1258 pages: left alone too
            body = path.read_bytes()
            text, encoding = decode_html(body, None)
            assert encoding == "windows-1258"
            assert fix_legacy(text, body, encoding) == (text, None), path
            continue
        if index % step:
            continue
        # windows-1258 bytes labelled iso-8859-1 (a common server default) are no legacy font
        mislabeled = cp1258_bytes(text, errors="replace")
        decoded, encoding = decode_html(mislabeled, "text/html; charset=iso-8859-1")
        assert fix_legacy(decoded, mislabeled, encoding)[1] is None, path
        assert fix_legacy(text) == (text, None), path
        # one stray byte makes the page invalid UTF-8 (decode_html then reads windows-1258):
        # still not a legacy font encoding
        broken = path.read_bytes() + b"\xff"
        decoded, encoding = decode_html(broken, None)
        assert fix_legacy(decoded, broken, encoding)[1] is None, path
        for encode, decode, name in ((encode_tcvn3, decode_tcvn3, "tcvn3"),
                                     (encode_vni, decode_vni, "vni")):
            try:
                body = encode(text)
            except UnicodeEncodeError:  # a character the font encoding cannot write
                continue
            converted, found = fix_legacy(body.decode("latin-1"), body, "iso-8859-1")
            assert found == name, path
            # the whole page, as the tables read it (all-caps words come out in capitals; the
            # page's own &copy; references are legacy bytes too, as the font showed them)
            expected = decode(_unescape_latin1(body.decode("latin-1")))
            assert converted.lower() == expected.lower(), path
            tcvn3 += name == "tcvn3"
            vni += name == "vni"
    assert tcvn3 >= 80 and vni >= 80


def test_unicode_pages_take_the_fast_path():
    """Most Unicode pages never reach the word-by-word test (it costs ~5 ms a page)."""
    fast = sum(not _has_legacy_signs(p.read_bytes().decode("utf-8", "replace")) for p in CORPUS)
    assert fast >= 0.9 * len(CORPUS)
