"""The real-text gate (issue 9): our analyzer on the test split of the VLSP 2018 corpus.

The corpus lives outside the repository, at ../shared/corpora relative to the repository
root (CI has it there; ``VNNEWS_CORPORA=DIR`` points elsewhere, e.g. from a worktree). When
it is absent the gate is skipped with a message saying so (pytest's summary lists it). The test
split is scored once per session (a few seconds).

The floors below are issue 9's targets (PER >= 0.88, ORG >= 0.75, LOC >= 0.82), which today's
figures (rules, the hand list of organisations and the CRF of nlp/model.py) meet. The "ours"
row leaves nominal references ("UBND tỉnh") out, as the corpus does; the ORG floor with them
counted keeps that row from hiding a drop.
"""
import json
import os
from pathlib import Path

import pytest

from conftest import ROOT, run_vnnews
from nlp.corpus import load_corpus, split_of
from nlp.evaluate import NOMINAL_COUNTED, evaluate_corpus

# exact outermost spans on the test split: issue 9's targets (today PER 0.893, ORG 0.755,
# LOC 0.868; ORG 0.746 with nominal references counted), so that a change that loses
# real-text accuracy below them fails
MIN_F1 = {"PER": 0.88, "ORG": 0.75, "LOC": 0.82}
MIN_ORG_NOMINAL_COUNTED = 0.74
CORPUS_NAME = "vlsp2018-ner-train.jsonl"


def corpus_path() -> Path:
    base = os.environ.get("VNNEWS_CORPORA") or (ROOT.parent / "shared" / "corpora")
    return Path(base) / CORPUS_NAME


def _need_corpus() -> Path:
    path = corpus_path()
    if path.is_file():
        return path
    message = (f"corpus gate SKIPPED: {path} not found (CI has it at ../shared/corpora; "
               f"set VNNEWS_CORPORA=DIR to run it elsewhere)")
    print("\n" + message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def corpus_scores():
    return evaluate_corpus(_need_corpus(), "test", baseline=False)


@pytest.mark.parametrize("kind", sorted(MIN_F1))
def test_corpus_test_split_f1(corpus_scores, kind):
    got = corpus_scores["ours"][kind]
    assert got["f1"] >= MIN_F1[kind], got


def test_corpus_org_with_nominal_references_counted(corpus_scores):
    got = corpus_scores[NOMINAL_COUNTED]["ORG"]
    assert got["f1"] >= MIN_ORG_NOMINAL_COUNTED, got
    assert corpus_scores["ours"]["nominal_left_out"] == got["n_pred"] - \
        corpus_scores["ours"]["ORG"]["n_pred"]


def test_split_is_the_recorded_one():
    """The split is fixed: 607 dev and 174 test documents (nlp/README.md)."""
    docs = load_corpus(_need_corpus())
    test = [d for d in docs if split_of(d["id"]) == "test"]
    assert (len(docs) - len(test), len(test)) == (607, 174)
    assert len(load_corpus(corpus_path(), "test")) == 174


def _tiny_corpus(path: Path) -> None:
    """Six one-sentence documents of our own text (the split puts some in test)."""
    docs = []
    for doc_id in ("t1", "t2", "t3", "t4", "t5", "t6"):
        text = f"Bà Trần Thị Mai ({doc_id}) làm việc tại Công ty Hoa Sen ở Đà Nẵng."
        ents = []
        for kind, word in (("PER", "Trần Thị Mai"), ("ORG", "Công ty Hoa Sen"),
                           ("LOC", "Đà Nẵng")):
            s = text.index(word)
            ents.append({"type": kind, "start": s, "end": s + len(word), "text": word,
                         "depth": 0})
        docs.append({"id": doc_id, "category": "test", "text": text, "entities": ents})
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n",
                    encoding="utf-8")


def test_eval_nlp_corpus_cli(tmp_path):
    path = tmp_path / "tiny.jsonl"
    _tiny_corpus(path)
    n_test = sum(split_of(f"t{k}") == "test" for k in range(1, 7))
    assert n_test >= 1
    done = run_vnnews("eval", "nlp", "--corpus", str(path), "--json", "--no-baseline",
                      timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["gold"]["articles"] == n_test
    assert set(result["ours"]) >= {"PER", "ORG", "LOC"}
    assert result["ours"]["PER"]["n_gold"] == n_test
    table = run_vnnews("eval", "nlp", "--corpus", str(path), "--no-baseline", timeout=120)
    assert table.returncode == 0 and "PER" in table.stdout and "test split" in table.stdout


def test_eval_nlp_corpus_missing_file(tmp_path):
    done = run_vnnews("eval", "nlp", "--corpus", str(tmp_path / "none.jsonl"))
    assert done.returncode == 1
    assert done.stderr.startswith("Error: corpus not found")
    assert len(done.stderr.strip().splitlines()) == 1


def test_eval_nlp_corpus_malformed(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "1", "text": "x"}\n', encoding="utf-8")
    done = run_vnnews("eval", "nlp", "--corpus", str(path), "--no-baseline")
    assert done.returncode == 1
    assert f"{path}:1" in done.stderr and len(done.stderr.strip().splitlines()) == 1

