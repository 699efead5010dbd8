"""The CRF's document-level features (nlp/model.py, ``doc_context``): what the whole text says
about a capitalised syllable is a feature of its every occurrence, so a name the text once
gives with an honorific ("ông Pogba") is read as one where it stands alone."""
from nlp.model import doc_context, features, tokens


def _doc_features(text, line_no, token_no):
    lines = tokens(text)
    tags = [["O"] * len(line) for line in lines]
    doc = doc_context(lines, tags)
    return [f for f in features(lines[line_no], tags[line_no], doc=doc)[token_no]
            if f.split("=")[0] in ("dh", "dm", "dr", "dp")]


def test_an_honorific_elsewhere_in_the_text_marks_a_bare_mention():
    text = "Hôm qua ông Haaland ghi hai bàn.\nHaaland nói rằng cả đội đã chơi tốt."
    assert "dh" in _doc_features(text, 1, 0)
    # capitalised inside a sentence in line 1, so the sentence-initial one is a name too
    assert "dm" in _doc_features(text, 1, 0)


def test_a_word_capitalised_only_at_sentence_starts_gets_no_document_features():
    text = "Hôm qua trời mưa to.\nHôm nay trời nắng."
    assert _doc_features(text, 1, 0) == []


def test_rule_types_anywhere_in_the_text_are_features():
    text = "Ông Lê Văn Tám đến thăm.\nTám cho biết năm nay mưa nhiều."
    lines = tokens(text)
    tags = [["O"] * len(line) for line in lines]
    tags[0][1:4] = ["B-PER", "I-PER", "I-PER"]
    doc = doc_context(lines, tags)
    assert any(f.startswith("dr=PER") for f in features(lines[1], tags[1], doc=doc)[0])
