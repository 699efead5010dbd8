"""analyze() never fails and keeps offsets exact on odd input: fragments, NFD, CRLF, case."""
import json
import random
import unicodedata

import pytest

from nlp import analyze
from nlp.evaluate import DEFAULT_GOLD

EDGE = ["", " ", "\n\n", "“", "”“", "(", "số", "Số:", "ngày", "UBND", "ông", "Nguyễn", "1/",
        "/KH-UBND", "từ ngày 1/9 đến", "quận", "TP.", "Đ/c", "\r\n\r\n", "1/1/2000 " * 200,
        "Chủ tịch", "Phó", "Ban", "Ủy ban", "đồng chí Nguyễn", "Quận ủy", "Nguyên",
        "phòng, chống", "ông A (", "Kế hoạch số"]


@pytest.mark.parametrize("text", EDGE)
def test_edge_inputs(text):
    for m in analyze(text, "2020-01-01").mentions:
        assert text[m.start:m.end] == m.text


def test_random_fragments():
    rng = random.Random(4)
    texts = [json.loads(line)["text"] for line in DEFAULT_GOLD.open(encoding="utf-8")]
    for _ in range(300):
        t = rng.choice(texts)
        i = rng.randrange(len(t))
        s = t[i:i + rng.randrange(1, 300)]
        s = rng.choice([s, unicodedata.normalize("NFD", s), s.upper(), s.lower(),
                        s.replace("\n", "\r\n").replace(" ", "  ")])
        for m in analyze(s, rng.choice([None, "2018-10-08", "bad", ""])).mentions:
            assert s[m.start:m.end] == m.text and m.start < m.end
