"""Extraction speed: our extract() vs trafilatura on the same gold pages, in the same run.

    .venv/bin/python bench/bench_extract.py [--rounds 3]

Prints pages per second for each and the ratio (issue 3 target: ours ≥ 3× trafilatura).
Both run with metadata (title, date) on; each is timed over the best of ``--rounds`` passes,
the passes alternating between the two extractors.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler.extract.evaluate import load_gold, run_ours, run_trafilatura  # noqa: E402

TARGET_RATIO = 3.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes per extractor (best one counts)")
    parser.add_argument("--gold", default=None, help="gold directory (default: bundled)")
    args = parser.parse_args()
    pages = load_gold(args.gold)
    run_ours(pages[:5])  # warm-up: imports, regex compilation
    run_trafilatura(pages[:5])
    # Rounds alternate between the two so that a busy machine slows both alike; the best round
    # of each counts.
    ours = theirs = float("inf")
    for _ in range(args.rounds):
        ours = min(ours, run_ours(pages)[1])
        theirs = min(theirs, run_trafilatura(pages)[1])
    ours_ps, theirs_ps = len(pages) / ours, len(pages) / theirs
    ratio = ours_ps / theirs_ps
    print(f"pages: {len(pages)}  rounds: {args.rounds}")
    print(f"ours         {ours_ps:8.1f} pages/s")
    print(f"trafilatura  {theirs_ps:8.1f} pages/s")
    print(f"ratio        {ratio:8.2f}x  (target >= {TARGET_RATIO:.0f}x: {'met' if ratio >= TARGET_RATIO else 'NOT met'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
