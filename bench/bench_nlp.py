"""NLP speed and memory: analyze() vs underthesea word_tokenize and ner(), same texts, one run.

    .venv/bin/python bench/bench_nlp.py [--rounds 3] [--memory 10000] [--traced 1000] [--no-ner]

Texts: the gold articles (tests/data/nlp/gold.jsonl), whole articles. Issue 4 targets (kept
by issue 9, whose CRF runs inside analyze):
analyze within 2x word_tokenize's time, and at least 20x faster than ner() (run sentence by
sentence, as the evaluation does). Memory: RSS before/after ``--memory`` analyses (articles
cycled) and the traced Python heap over ``--traced`` more must stay flat.
"""
from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nlp import analyze  # noqa: E402
from nlp.evaluate import sentences, load_gold  # noqa: E402

MAX_RATIO_TOKENIZE = 2.0
MIN_SPEEDUP_NER = 20.0


def _time(fn, texts, rounds: int) -> float:
    best = None
    for _ in range(rounds):
        t0 = time.perf_counter()
        for t, pub in texts:
            fn(t, pub)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best


def _rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes (best one counts)")
    parser.add_argument("--memory", type=int, default=10000, help="analyses for the memory check")
    parser.add_argument("--traced", type=int, default=1000,
                        help="analyses under tracemalloc (0 = skip)")
    parser.add_argument("--no-ner", action="store_true", help="skip ner() (slow)")
    parser.add_argument("--gold", default=None, help="gold JSONL (default: bundled)")
    args = parser.parse_args()

    from underthesea import ner, word_tokenize

    texts = [(d["text"], d.get("published")) for d in load_gold(args.gold)]
    chars = sum(len(t) for t, _ in texts)
    # warm-up: models, word lists, gazetteer, regex compilation
    for t, pub in texts[:3]:
        analyze(t, pub)
        word_tokenize(t)
    # rounds alternate (ours, theirs, ours, ...) so a busy machine slows both alike
    ours = tok = float("inf")
    for _ in range(args.rounds):
        ours = min(ours, _time(analyze, texts, 1))
        tok = min(tok, _time(lambda t, _p: word_tokenize(t), texts, 1))
    rules = min(_time(lambda t, p: analyze(t, p, model=False), texts, 1)
                for _ in range(args.rounds))
    print(f"texts: {len(texts)} articles, {chars} characters, rounds: {args.rounds}")
    print(f"analyze (ours)          {ours * 1000:9.1f} ms  {chars / ours / 1e6:6.2f} M chars/s")
    print(f"  of which rules alone  {rules * 1000:9.1f} ms  (the CRF adds the rest)")
    print(f"underthesea tokenize    {tok * 1000:9.1f} ms  {chars / tok / 1e6:6.2f} M chars/s")
    r_tok = ours / tok
    print(f"ratio ours/tokenize     {r_tok:9.2f}x  (target <= {MAX_RATIO_TOKENIZE:.0f}x: "
          f"{'met' if r_tok <= MAX_RATIO_TOKENIZE else 'NOT met'})")
    if not args.no_ner:
        def by_sentence(t, _p):
            for _, s in sentences(t):
                if s.strip():
                    ner(s)
        ner(texts[0][0][:200])
        ner_t = _time(by_sentence, texts, 1)
        speedup = ner_t / ours
        print(f"underthesea ner()       {ner_t * 1000:9.1f} ms  (sentence by sentence)")
        print(f"speed-up vs ner()       {speedup:9.1f}x  (target >= {MIN_SPEEDUP_NER:.0f}x: "
              f"{'met' if speedup >= MIN_SPEEDUP_NER else 'NOT met'})")

    # memory: RSS before/after n analyses of cycled articles (no tracer: full speed), then
    # the traced Python heap over a shorter run (tracemalloc slows analyze() about 10x)
    n = args.memory
    for i in range(min(n, 500)):  # settle caches (lru caches, interned strings)
        t, pub = texts[i % len(texts)]
        analyze(t, pub)
    gc.collect()
    rss0 = _rss_mb()
    t0 = time.perf_counter()
    for i in range(n):
        t, pub = texts[i % len(texts)]
        analyze(t, pub)
    dt = time.perf_counter() - t0
    gc.collect()
    rss1 = _rss_mb()
    print(f"memory: {n} analyses in {dt:.1f} s; RSS {rss0:.1f} -> {rss1:.1f} MB "
          f"({rss1 - rss0:+.1f} MB)")
    if args.traced:
        tracemalloc.start()
        snap0 = tracemalloc.take_snapshot()
        for i in range(args.traced):
            t, pub = texts[i % len(texts)]
            analyze(t, pub)
        gc.collect()
        snap1 = tracemalloc.take_snapshot()
        tracemalloc.stop()
        grown = sum(s.size_diff for s in snap1.compare_to(snap0, "filename"))
        print(f"traced: {args.traced} analyses, Python heap {grown / 1024:+.1f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
