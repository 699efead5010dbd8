"""Real annotated news (VLSP 2018 NER, ``../shared/corpora``): reading it and its one split.

The corpus is never copied into the project: its path is always an argument. Each line is
``{"id", "category", "text", "entities": [{"type", "start", "end", "text", "depth"}]}``.

The split, made once and never changed (issue 9): a document is in **test** when the first
8 bytes of SHA-256 of its id (UTF-8), read as a big-endian integer, modulo 100 are >= 80;
otherwise in **dev**. On the 781 documents of ``vlsp2018-ner-train.jsonl`` that gives
607 dev and 174 test documents (ids listed by ``python -m nlp.corpus PATH``). Training and
tuning use dev only; test is scored as it comes. While tuning, dev itself is split once more
(``tuning_fold``): "dev-train" (buckets 0-59) and "dev-tune" (60-79).
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

__all__ = ["split_of", "load_corpus", "outermost", "SCORED_TYPES", "TYPE_OF", "CorpusError",
           "TEST_PERCENT", "tuning_fold", "bucket"]

TEST_PERCENT = 20  # share of documents in the test split
SCORED_TYPES = ("PER", "ORG", "LOC")  # MISC is not scored (we have no such type)
TYPE_OF = {"PERSON": "PER", "ORG": "ORG", "LOC": "LOC"}  # our mention types → corpus types


class CorpusError(ValueError):
    """The corpus file is missing or malformed (the message names the file and line)."""


def bucket(doc_id: str) -> int:
    """0-99 from the id's hash: the split and its tuning fold are ranges of it."""
    return int.from_bytes(hashlib.sha256(str(doc_id).encode("utf-8")).digest()[:8], "big") % 100


def split_of(doc_id: str) -> str:
    """"dev" or "test" for a document id (deterministic, independent of file order)."""
    return "test" if bucket(doc_id) >= 100 - TEST_PERCENT else "dev"


def tuning_fold(doc_id: str) -> bool:
    """Inside dev, the documents held out while choosing features and penalties (bucket
    60-79: a quarter of dev); the shipped model is then trained on all of dev."""
    return 100 - 2 * TEST_PERCENT <= bucket(doc_id) < 100 - TEST_PERCENT


def load_corpus(path: str | Path, split: str | None = None) -> list[dict]:
    """Documents of the corpus at ``path``; only those of ``split`` ("dev"/"test") if given."""
    path = Path(path)
    if not path.is_file():
        raise CorpusError(f"corpus not found: {path} (give the VLSP 2018 JSONL file, e.g. "
                          f"../shared/corpora/vlsp2018-ner-train.jsonl)")
    if split not in (None, "dev", "test", "dev-train", "dev-tune"):
        raise CorpusError(f"unknown split {split!r} (use dev or test)")
    docs = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                doc_id, text, ents = str(d["id"]), d["text"], d["entities"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise CorpusError(f"{path}:{lineno}: not a corpus document: {exc}") from exc
            if split is None or split_of(doc_id) == split or (
                    split.startswith("dev-") and split_of(doc_id) == "dev" and
                    tuning_fold(doc_id) == (split == "dev-tune")):
                docs.append({"id": doc_id, "text": text, "entities": ents})
    return docs


def outermost(doc: dict) -> list[tuple[str, int, int]]:
    """Scored gold spans of a document: outermost (depth 0) PER, ORG and LOC."""
    return [(e["type"], e["start"], e["end"]) for e in doc["entities"]
            if e.get("depth", 0) == 0 and e["type"] in SCORED_TYPES]


def main(argv: list[str]) -> int:
    """``python -m nlp.corpus PATH``: the split's counts and its test ids."""
    if len(argv) != 1:
        print("usage: python -m nlp.corpus CORPUS.jsonl", file=sys.stderr)
        return 2
    docs = load_corpus(argv[0])
    test = sorted(d["id"] for d in docs if split_of(d["id"]) == "test")
    print(f"{len(docs)} documents: {len(docs) - len(test)} dev, {len(test)} test")
    print("test ids:", " ".join(test))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
