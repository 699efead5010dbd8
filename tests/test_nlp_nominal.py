"""Nominal references to bodies (issue 9): "UBND tỉnh", "Công an huyện", "Chính phủ".

A body named only by its common noun and level words points at a body the context gives,
not at a name. The archive keeps it as an ORG (keyed by the place the source gives) and marks
it ``attrs["nominal"]``; the real-text score, which counts names as the corpus annotates them,
leaves such mentions out of its "ours" row and counts them in a second row.
"""
import json

import pytest

from nlp import analyze
from nlp.evaluate import NOMINAL_COUNTED, evaluate_corpus
from nlp.merge import _domestic


def _orgs(text):
    return {m.text: m.attrs for m in analyze(text).mentions if m.type == "ORG"}


@pytest.mark.parametrize("text, name", [
    ("Sáng nay, UBND tỉnh đã ban hành kế hoạch phòng dịch.", "UBND tỉnh"),
    ("Ban Thường vụ Quận ủy giao nhiệm vụ cho các chi bộ.", "Ban Thường vụ Quận ủy"),
    ("Người dân đã báo tin cho Công an huyện ngay trong đêm.", "Công an huyện"),
    ("Trạm Y tế (TYT) xã Tân Lập có 6 cán bộ. Hiện TYT đang quản lý 120 người bệnh.", "TYT"),
])
def test_a_body_named_by_its_common_noun_is_nominal(text, name):
    orgs = _orgs(text)
    assert name in orgs, orgs
    assert orgs[name].get("nominal") is True


@pytest.mark.parametrize("text, name", [
    ("UBND quận Hoàng Mai tổ chức hội nghị tổng kết.", "UBND quận Hoàng Mai"),
    ("Văn phòng Chính phủ có văn bản gửi các bộ.", "Văn phòng Chính phủ"),
    ("Bộ Chính trị ban hành nghị quyết mới.", "Bộ Chính trị"),
    ("Sở Tài chính thẩm định dự toán.", "Sở Tài chính"),
])
def test_a_named_body_is_not_nominal(text, name):
    orgs = _orgs(text)
    assert name in orgs, orgs
    assert not orgs[name].get("nominal")


@pytest.mark.parametrize("place, domestic", [
    ("tỉnh thái nguyên", True), ("quận hoàng mai", True), ("hà nội", True), ("tỉnh", True),
    ("canada", False), ("thái bình dương", False), ("hàn quốc", False),
])
def test_only_vietnamese_places_make_a_body_stand_against_the_model(place, domestic):
    assert _domestic(place) is domestic


def test_the_corpus_score_leaves_nominal_references_out_and_shows_them(tmp_path):
    text = "Chiều qua, UBND tỉnh làm việc với Công ty Sao Mai tại Đà Nẵng."
    ents = []
    for kind, word in (("ORG", "Công ty Sao Mai"), ("LOC", "Đà Nẵng")):
        s = text.index(word)
        ents.append({"type": kind, "start": s, "end": s + len(word), "text": word, "depth": 0})
    path = tmp_path / "c.jsonl"
    # ids chosen so that the split puts some documents in test
    docs = [{"id": f"n{k}", "text": text, "entities": ents} for k in range(12)]
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n",
                    encoding="utf-8")
    r = evaluate_corpus(path, "test", baseline=False)
    n = r["gold"]["articles"]
    assert n > 0
    assert r["ours"]["nominal_left_out"] == n
    assert r["ours"]["ORG"]["p"] == 1.0 and r["ours"]["ORG"]["n_pred"] == n
    assert r[NOMINAL_COUNTED]["ORG"]["n_pred"] == 2 * n
    assert r[NOMINAL_COUNTED]["ORG"]["p"] == 0.5
