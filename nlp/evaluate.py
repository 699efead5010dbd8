"""Score the NLP stage on the gold set (tests/data/nlp/gold.jsonl), ours and underthesea's.

Per type: precision, recall and F1 on exact spans (same type, same start and end) and on
overlapping spans (same type, character ranges intersect; each gold span matched once).
For officials (gold persons with titles): the share whose predicted person has the same span
and the same titles (compared folded: case, tone-mark style, spaces, quotes).

The baseline is ``underthesea.ner`` (9.5, CRF), run sentence by sentence on the same texts;
its PER/ORG/LOC map to PERSON/ORG/LOC and its word spans are aligned back to characters.
It has no DATE or DOCREF, so those rows score 0 for it.

``evaluate_corpus`` scores both on the test split of the real annotated news (VLSP 2018,
nlp/corpus.py): exact outermost spans of PER, ORG and LOC (our PERSON/ORG/LOC mapped).
The corpus annotates names, not nominal references: a body named only by its common noun and
level words ("UBND tỉnh", "Thành ủy", "Chính phủ"; ``attrs["nominal"]``, nlp/org.py) is
untagged there, and the archive keeps it on purpose. Such mentions are left out of the
"ours" row and scored as well in the "ours, nominal counted" row, so both figures show.
"""
from __future__ import annotations

import json
import re
import time
from pathlib import Path

from nlp.errors import NlpError

from .analyze import analyze
from .corpus import SCORED_TYPES, TYPE_OF, CorpusError, load_corpus, outermost
from .normalize import fold
from .records import MENTION_TYPES

__all__ = ["load_gold", "evaluate", "evaluate_cli", "score_spans", "DEFAULT_GOLD",
           "evaluate_corpus", "score_exact"]

# The project's gold set, relative to the repository root (where `vnnews eval` runs).
DEFAULT_GOLD = Path("tests") / "data" / "nlp" / "gold.jsonl"
# the corpus table's row that scores our nominal references ("UBND tỉnh") too
NOMINAL_COUNTED = "ours, nominal counted"
_NER_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
_SENT_SPLIT = re.compile(r"(?<=[.!?;])\s+(?=\S)|\n+")


def load_gold(path: str | Path | None = None) -> list[dict]:
    path = Path(path) if path else DEFAULT_GOLD
    if not path.exists():
        raise NlpError(f"gold set not found: {path} (build it: python "
                          f"tests/data/nlp/build_gold.py)")
    docs = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.strip():
                try:
                    docs.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise NlpError(f"{path}:{lineno}: bad JSON: {exc}") from exc
    return docs


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else (1.0 if not ngold else 0.0)
    r = tp / ngold if ngold else (1.0 if not npred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_spans(pred: list[tuple], gold: list[tuple]) -> dict:
    """pred/gold: lists of (doc_index, type, start, end). Returns per-type scores."""
    out = {}
    for kind in MENTION_TYPES:
        g = [x for x in gold if x[1] == kind]
        p = [x for x in pred if x[1] == kind]
        gs = set(g)
        tp = sum(1 for x in set(p) if x in gs)
        # overlap: greedy one-to-one
        used = set()
        otp = 0
        by_doc: dict[int, list[tuple]] = {}
        for x in g:
            by_doc.setdefault(x[0], []).append(x)
        for x in p:
            for y in by_doc.get(x[0], []):
                if y not in used and x[2] < y[3] and y[2] < x[3]:
                    used.add(y)
                    otp += 1
                    break
        pr, rc, f1 = _prf(tp, len(p), len(g))
        opr, orc, of1 = _prf(otp, len(p), len(g))
        out[kind] = {"p": round(pr, 4), "r": round(rc, 4), "f1": round(f1, 4),
                     "overlap_f1": round(of1, 4), "n_gold": len(g), "n_pred": len(p)}
    return out


def _title_key(titles: list[str]) -> list[str]:
    return sorted(re.sub(r"[\s\"“”'(),.;:-]+", " ", fold(t)).strip() for t in titles)


def _ours(docs: list[dict]) -> tuple[list[tuple], dict[tuple, list[str]], float]:
    pred, titles = [], {}
    t0 = time.perf_counter()
    for k, d in enumerate(docs):
        for m in analyze(d["text"], d.get("published")).mentions:
            pred.append((k, m.type, m.start, m.end))
            if m.type == "PERSON":
                titles[(k, m.start, m.end)] = m.attrs.get("titles", [])
    return pred, titles, time.perf_counter() - t0


def sentences(text: str):
    pos = 0
    for m in _SENT_SPLIT.finditer(text):
        if m.start() > pos:
            yield pos, text[pos:m.start()]
        pos = m.end()
    if pos < len(text):
        yield pos, text[pos:]


def _align(sentence: str, words: list[str]) -> list[tuple[int, int] | None]:
    """Character span of each word in the sentence (None where it cannot be found)."""
    spans, cur = [], 0
    for w in words:
        idx = sentence.find(w, cur)
        if idx == -1 or idx - cur > 20:
            # underthesea may rewrite a word (spacing, tone marks): try a loose pattern
            pat = r"\s*".join(re.escape(c) for c in w.replace(" ", ""))
            m = re.compile(pat).search(sentence, cur)
            if m is None or m.start() - cur > 20:
                spans.append(None)
                continue
            spans.append((m.start(), m.end()))
            cur = m.end()
            continue
        spans.append((idx, idx + len(w)))
        cur = idx + len(w)
    return spans


def _underthesea(docs: list[dict]) -> tuple[list[tuple], float]:
    try:
        from underthesea import ner
    except ImportError as exc:  # pragma: no cover - underthesea is a dependency
        raise NlpError(f"underthesea is not installed: {exc}") from exc
    pred = []
    t0 = time.perf_counter()
    for k, d in enumerate(docs):
        for off, sent in sentences(d["text"]):
            if not sent.strip():
                continue
            try:
                rows = ner(sent)
            except Exception:  # noqa: BLE001 - a crash on one sentence loses that sentence
                continue
            spans = _align(sent, [r[0] for r in rows])
            cur = None
            for (word, *_rest), span in zip(rows, spans):
                tag = _rest[-1] if _rest else "O"
                kind = _NER_TYPES.get(tag[2:]) if len(tag) > 2 else None
                if span is None or kind is None or tag.startswith("B-") or \
                        (cur is not None and cur[0] != kind):
                    if cur is not None:
                        pred.append((k, cur[0], off + cur[1], off + cur[2]))
                        cur = None
                if span is not None and kind is not None:
                    if cur is None:
                        cur = [kind, span[0], span[1]]
                    else:
                        cur[2] = span[1]
            if cur is not None:
                pred.append((k, cur[0], off + cur[1], off + cur[2]))
    return pred, time.perf_counter() - t0


def evaluate(gold_path: str | Path | None = None, baseline: bool = True) -> dict:
    """Scores of our analyzer (and underthesea ner) on the gold set."""
    docs = load_gold(gold_path)
    gold = [(k, e["type"], e["start"], e["end"]) for k, d in enumerate(docs)
            for e in d["entities"]]
    pred, titles, secs = _ours(docs)
    result: dict = {"ours": score_spans(pred, gold)}
    officials = [(k, e) for k, d in enumerate(docs) for e in d["entities"]
                 if e["type"] == "PERSON" and e.get("titles")]
    right = sum(1 for k, e in officials
                if _title_key(titles.get((k, e["start"], e["end"]), [])) ==
                _title_key(e["titles"]))
    result["ours"]["person_title_accuracy"] = round(right / len(officials), 4) \
        if officials else 1.0
    result["ours"]["seconds"] = round(secs, 3)
    if baseline:
        upred, usecs = _underthesea(docs)
        result["underthesea"] = score_spans(upred, gold)
        result["underthesea"]["person_title_accuracy"] = 0.0
        result["underthesea"]["seconds"] = round(usecs, 3)
    result["gold"] = {"articles": len(docs), "entities": len(gold), "officials": len(officials),
                      "path": str(Path(gold_path) if gold_path else DEFAULT_GOLD)}
    return result


def format_table(result: dict) -> str:
    systems = [s for s in ("ours", "underthesea") if s in result]
    lines = [f"Gold: {result['gold']['articles']} articles, {result['gold']['entities']} "
             f"entities, {result['gold']['officials']} officials with titles", ""]
    head = f"{'type':<8}" + "".join(f"| {s:^34} " for s in systems)
    sub = f"{'':<8}" + "".join(f"| {'P':>6} {'R':>6} {'F1':>6} {'ovl F1':>7} {'n':>5} "
                               for _ in systems)
    lines += [head, sub, "-" * len(sub)]
    for kind in MENTION_TYPES:
        row = f"{kind:<8}"
        for s in systems:
            v = result[s][kind]
            row += (f"| {v['p']:>6.3f} {v['r']:>6.3f} {v['f1']:>6.3f} {v['overlap_f1']:>7.3f}"
                    f" {v['n_pred']:>5} ")
        lines.append(row)
    lines.append("")
    lines.append(f"Right title for officials (ours): {result['ours']['person_title_accuracy']:.3f}")
    lines.append("Time: " + ", ".join(f"{s} {result[s]['seconds']:.2f} s" for s in systems))
    return "\n".join(lines)


def score_exact(pred: list[tuple], gold: list[tuple], types=SCORED_TYPES) -> dict:
    """pred/gold: (doc_index, type, start, end). Exact-span P/R/F1 per type."""
    out = {}
    for kind in types:
        g = {x for x in gold if x[1] == kind}
        p = {x for x in pred if x[1] == kind}
        pr, rc, f1 = _prf(len(p & g), len(p), len(g))
        out[kind] = {"p": round(pr, 4), "r": round(rc, 4), "f1": round(f1, 4),
                     "n_gold": len(g), "n_pred": len(p)}
    return out


def evaluate_corpus(corpus_path: str | Path, split: str = "test", baseline: bool = True,
                    model: bool = True) -> dict:
    """Ours (and underthesea ner) on one split of the VLSP 2018 corpus at ``corpus_path``."""
    try:
        docs = load_corpus(corpus_path, split)
    except CorpusError as exc:
        raise NlpError(str(exc)) from exc
    gold = [(k, *g) for k, d in enumerate(docs) for g in outermost(d)]
    names, nominal = [], []
    t0 = time.perf_counter()
    for k, d in enumerate(docs):
        for m in analyze(d["text"], model=model).mentions:
            if m.type in TYPE_OF:
                span = (k, TYPE_OF[m.type], m.start, m.end)
                (nominal if m.attrs.get("nominal") else names).append(span)
    seconds = round(time.perf_counter() - t0, 3)
    result: dict = {"ours": score_exact(names, gold),
                    NOMINAL_COUNTED: score_exact(names + nominal, gold)}
    result["ours"]["seconds"] = result[NOMINAL_COUNTED]["seconds"] = seconds
    result["ours"]["nominal_left_out"] = len(nominal)
    if baseline:
        upred, usecs = _underthesea(docs)
        result["underthesea"] = score_exact(
            [(k, TYPE_OF[t], s, e) for k, t, s, e in upred], gold)
        result["underthesea"]["seconds"] = round(usecs, 3)
    result["gold"] = {"corpus": str(corpus_path), "split": split, "articles": len(docs),
                      "entities": len(gold)}
    return result


def format_corpus_table(result: dict) -> str:
    systems = [s for s in ("ours", NOMINAL_COUNTED, "underthesea") if s in result]
    g = result["gold"]
    lines = [f"Corpus: {g['corpus']}, {g['split']} split: {g['articles']} articles, "
             f"{g['entities']} outermost PER/ORG/LOC (exact spans)", ""]
    head = f"{'type':<6}" + "".join(f"| {s:^26} " for s in systems)
    sub = f"{'':<6}" + "".join(f"| {'P':>6} {'R':>6} {'F1':>6} {'n':>5} " for _ in systems)
    lines += [head, sub, "-" * len(sub)]
    for kind in SCORED_TYPES:
        row = f"{kind:<6}"
        for s in systems:
            v = result[s][kind]
            row += f"| {v['p']:>6.3f} {v['r']:>6.3f} {v['f1']:>6.3f} {v['n_pred']:>5} "
        lines.append(row)
    lines.append("")
    lines.append(f"ours: names only; {result['ours']['nominal_left_out']} nominal references "
                 f"(\"UBND tỉnh\", \"Chính phủ\"; untagged in the corpus) left out, counted in "
                 f"\"{NOMINAL_COUNTED}\"")
    lines.append("Time: " + ", ".join(f"{s} {result[s]['seconds']:.2f} s" for s in systems
                                      if s != NOMINAL_COUNTED))
    return "\n".join(lines)


def evaluate_cli(gold_path: str | None = None, as_json: bool = False,
                 baseline: bool = True, corpus: str | None = None) -> str:
    """What ``vnnews eval nlp`` prints (``corpus``: score the VLSP test split instead)."""
    if corpus:
        result = evaluate_corpus(corpus, baseline=baseline)
        return json.dumps(result, ensure_ascii=False, indent=2) if as_json else \
            format_corpus_table(result)
    result = evaluate(gold_path, baseline=baseline)
    if as_json:
        return json.dumps(result, ensure_ascii=False, indent=2)
    return format_table(result)
