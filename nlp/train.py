"""Train the CRF of nlp/model.py on the dev split of the VLSP 2018 corpus.

    .venv/bin/python -m nlp.train ../shared/corpora/vlsp2018-ner-train.jsonl [--out nlp/data/ner.crf]

Deterministic: documents in file order (dev split only, nlp/corpus.py), OWL-QN (L-BFGS with
L1) with fixed penalties and iterations. Labels: BIO of the outermost PER/ORG/LOC/MISC spans.
Writes the model and, beside it, the two word lists it reads (nlp/model.py).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .analyze import rule_spans
from .corpus import bucket, load_corpus
from .model import (COMMON_FILE, LABEL_TYPES, MAX_NAME_TOKENS, MODEL_PATH, NAMES_FILE,
                    clear_caches, doc_context, features, known_names, rule_tags, spans_by_line, tokens,
                    with_known_orgs)
from .normalize import normalize

# L1 keeps the model small (most feature weights become 0), L2 smooths the rest
C1 = 0.05
C2 = 0.01
MAX_ITERATIONS = 150
# features seen fewer times in dev are dropped before training (keeps the file a few MB)
MIN_FEATURE_COUNT = 3


def gold_labels(line, norm, gold: list[tuple[str, int, int]]) -> list[str]:
    """BIO label of each token (tokens of the normalised text, gold in original offsets)."""
    labels = []
    for s, e, _ in line:
        os_, oe = norm.span(s, e)
        lab = "O"
        for kind, gs, ge in gold:
            if gs <= os_ and oe <= ge:
                prev_inside = labels and labels[-1] != "O" and labels[-1][2:] == kind and \
                    _prev_in(line, len(labels), norm, gs, ge)
                lab = ("I-" if prev_inside else "B-") + kind
                break
        labels.append(lab)
    return labels


def _prev_in(line, k, norm, gs, ge) -> bool:
    s, e, _ = line[k - 1]
    os_, oe = norm.span(s, e)
    return gs <= os_ and oe <= ge


def common_words(docs: list[dict]) -> list[str]:
    """Syllables seen in lower case; marked "\tc" when written lower case at least as often
    as capitalised (not first in a line or after a full stop) and at least twice."""
    lower: dict[str, int] = {}
    upper: dict[str, int] = {}
    for d in docs:
        for line in tokens(normalize(d["text"]).text):
            for k, (_, _, w) in enumerate(line):
                if not w[0].isalpha():
                    continue
                if w.islower():
                    lower[w] = lower.get(w, 0) + 1
                elif k and line[k - 1][2] not in (".", "!", "?", ":", "\"", "“", "-"):
                    upper[w.lower()] = upper.get(w.lower(), 0) + 1
    return sorted(w + ("\tc" if c >= 2 and c >= upper.get(w, 0) else "") for w, c in lower.items())


def names_of(docs: list[dict]) -> dict[str, str]:
    """Outermost names of the documents (folded tokens joined by spaces) → most frequent type."""
    counts: dict[str, dict[str, int]] = {}
    for d in docs:
        text = d["text"]
        for e in d["entities"]:
            if e.get("depth", 0) or e["type"] not in LABEL_TYPES:
                continue
            toks = [t[2].lower() for line in tokens(normalize(text[e["start"]:e["end"]]).text)
                    for t in line]
            if not toks or len(toks) > MAX_NAME_TOKENS or not text[e["start"]].isupper():
                continue
            c = counts.setdefault(" ".join(toks), {})
            c[e["type"]] = c.get(e["type"], 0) + 1
    return {k: max(sorted(v), key=v.get) for k, v in counts.items()}


def doc_sequences(docs: list[dict], directory: Path):
    """Per document: (lines, features, labels) of its lines. The known-name feature of a
    document comes from the names of the other half of the documents (two folds by id hash),
    so the model does not learn to trust a list that always holds the answer."""
    halves = [[d for d in docs if bucket(d["id"]) % 2 == h] for h in (0, 1)]
    fold_names = [with_known_orgs(names_of(halves[1])), with_known_orgs(names_of(halves[0]))]
    out = []
    for d in docs:
        names = fold_names[bucket(d["id"]) % 2]
        norm = normalize(d["text"])
        t = norm.text
        gold = [(e["type"], e["start"], e["end"]) for e in d["entities"]
                if e.get("depth", 0) == 0 and e["type"] in LABEL_TYPES]
        spans, _ = rule_spans(t)
        rs = [(k, s, e) for k, s, e, _, _ in spans]
        lines, feats, labels = [], [], []
        toks = tokens(t)
        tags = [rule_tags(line, inside) for line, inside in zip(toks, spans_by_line(toks, rs))]
        doc = doc_context(toks, tags, directory)
        for line, rt in zip(toks, tags):
            lines.append(line)
            feats.append(features(line, rt, names, directory, doc))
            labels.append(gold_labels(line, norm, gold))
        out.append((d["id"], lines, feats, labels))
    return out


def _prune(X, min_count: int):
    counts: dict[str, int] = {}
    for seq in X:
        for f in seq:
            for a in f:
                counts[a] = counts.get(a, 0) + 1
    return [[[a for a in f if counts[a] >= min_count] for f in seq] for seq in X]


def _fit(X, y, c1: float, c2: float, iterations: int):
    from underthesea_core import CRFTrainer
    trainer = CRFTrainer()
    trainer.set_l1_penalty(c1)
    trainer.set_l2_penalty(c2)
    trainer.set_max_iterations(iterations)
    return trainer.train(X, y)


def train(corpus: str, out: str, c1: float = C1, c2: float = C2,
          iterations: int = MAX_ITERATIONS, split: str = "dev",
          min_count: int = MIN_FEATURE_COUNT) -> dict:
    """Train the model on ``split`` of the corpus; write it to ``out`` and the word lists it
    reads beside it."""
    t0 = time.perf_counter()
    docs = load_corpus(corpus, split)
    directory = Path(out).parent
    (directory / COMMON_FILE).write_text("\n".join(common_words(docs)) + "\n", encoding="utf-8")
    names = names_of(docs)
    (directory / NAMES_FILE).write_text(
        "".join(f"{k}\t{v}\n" for k, v in sorted(names.items())), encoding="utf-8")
    clear_caches()
    seqs = doc_sequences(docs, directory)
    X = _prune([f for _, _, feats, _ in seqs for f in feats], min_count)
    y = [lab for _, _, _, labels in seqs for lab in labels]
    t1 = time.perf_counter()
    model = _fit(X, y, c1, c2, iterations)
    model.save(str(out))
    return {"documents": len(docs), "sequences": len(X), "tokens": sum(map(len, X)),
            "features_s": round(t1 - t0, 1), "train_s": round(time.perf_counter() - t1, 1),
            "attributes": model.num_attributes}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Train nlp/data/ner.crf on the dev split.")
    p.add_argument("corpus", help="VLSP 2018 JSONL (e.g. ../shared/corpora/vlsp2018-ner-train.jsonl)")
    p.add_argument("--out", default=str(MODEL_PATH), help="model file (default: %(default)s)")
    p.add_argument("--c1", type=float, default=C1)
    p.add_argument("--c2", type=float, default=C2)
    p.add_argument("--iterations", type=int, default=MAX_ITERATIONS)
    p.add_argument("--split", default="dev", choices=("dev", "dev-train"),
                   help="dev (the shipped model) or dev-train (while tuning on dev-tune)")
    a = p.parse_args(argv)
    print(train(a.corpus, a.out, a.c1, a.c2, a.iterations, a.split))
    return 0


if __name__ == "__main__":
    sys.exit(main())
