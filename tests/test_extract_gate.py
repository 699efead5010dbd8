"""The extraction gate: our scores on the gold set must not fall below the pinned minimums.

Runs our extractor only (fast); `vnnews eval extract` adds trafilatura side by side. The gold
pages are pinned by SHA-256 in MANIFEST.json so a silent edit of a page cannot move the scores.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from conftest import ROOT
from crawler.extract.evaluate import evaluate, load_gold, shingle_match, body_scores

GOLD_DIR = ROOT / "tests" / "data" / "extraction"

# Pinned minimums: issue 3 asks body F1 >= 0.97 and title/date accuracy >= 0.98; the extractor
# scores 1.00 on all three (November 2026), so the pins sit just under that. Raise them when the
# extractor improves, never lower them.
MIN_BODY_F1 = 0.99
MIN_TITLE_ACC = 0.99
MIN_DATE_ACC = 0.99
MAX_FALSE_ARTICLES = 0
# Size of the gold set (issue 3: at least 80 pages over at least 6 templates).
MIN_PAGES, MIN_TEMPLATES = 80, 6


@pytest.fixture(scope="module")
def scores():
    return evaluate(GOLD_DIR, baseline=False)


def test_gold_set_size(scores):
    assert scores["gold"]["pages"] >= MIN_PAGES
    assert scores["gold"]["templates"] >= MIN_TEMPLATES


def test_gold_pages_pinned_by_hash():
    manifest = json.loads((GOLD_DIR / "MANIFEST.json").read_text(encoding="utf-8"))
    pages = {p.name.split("/", 1)[-1]: p for p in load_gold(GOLD_DIR)}
    assert set(manifest) == set(pages), "regenerate: python tests/data/extraction/generate.py"
    for name, digest in manifest.items():
        assert hashlib.sha256(pages[name].html).hexdigest() == digest, name


def test_body_f1(scores):
    assert scores["ours"]["body_f1"] >= MIN_BODY_F1, scores["ours"]


def test_title_accuracy(scores):
    assert scores["ours"]["title_acc"] >= MIN_TITLE_ACC, scores["ours"]


def test_date_accuracy(scores):
    assert scores["ours"]["date_acc"] >= MIN_DATE_ACC, scores["ours"]


def test_no_false_articles(scores):
    assert scores["ours"]["false_articles"] <= MAX_FALSE_ARTICLES


@pytest.mark.parametrize("true, pred, expected", [
    ("a b c d e", "a b c d e", (1.0, 1.0)),
    ("a b c d e", "", (0.0, 0.0)),
    ("a b c d e f", "a b c d e", (1.0, 2 / 3)),
    ("a b c d", "x a b c d", (0.5, 1.0)),
])
def test_shingle_metric(true, pred, expected):
    p, r, _ = body_scores([shingle_match(true, pred)])
    assert (round(p, 4), round(r, 4)) == tuple(round(x, 4) for x in expected)


def test_eval_cli_json(vnnews):
    proc = vnnews("eval", "extract", "--json", "--no-baseline")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data["ours"]) >= {"body_p", "body_r", "body_f1", "title_acc", "date_acc", "false_articles", "pages_per_s"}


def test_generic_without_class_and_id_attributes():
    """The method must not depend on a template's class names: with every class and id
    attribute removed from the gold pages, body, title and date scores hold."""
    import re

    from crawler.extract import extract
    from crawler.extract.decode import decode_html
    from crawler.extract.evaluate import Result, _score

    pages = load_gold(GOLD_DIR)
    results = []
    for page in pages:
        text, _ = decode_html(page.html)
        art = extract(re.sub(r"\s(?:class|id)=\"[^\"]*\"", "", text), page.url)
        results.append(Result(art.is_article, art.title, art.published,
                              "\n\n".join(t for t in (art.lead, art.body) if t) if art.is_article else ""))
    scores = _score(pages, results, 1.0)
    assert scores["body_f1"] >= MIN_BODY_F1 and scores["title_acc"] >= MIN_TITLE_ACC
    assert scores["date_acc"] >= MIN_DATE_ACC and scores["false_articles"] <= MAX_FALSE_ARTICLES
