"""vnnews command line: each command parses its arguments, calls one library function,
prints the result and turns library errors into one clear line and an exit code."""
from __future__ import annotations

import argparse
import sys

from crawler.errors import VnnewsError

DEFAULT_DB = "data/news.db"
DEFAULT_SOURCES = "data/sources.toml"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnnews",
        description="Vietnamese local-government news portals → searchable archive.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    # Each command registers itself here: add_parser(...) then set_defaults(func=cmd_x).
    # `vnnews eval WHAT` groups the evaluation gates (eval extract, eval nlp).
    evaluate = sub.add_parser("eval", help="measure a stage on its gold set against a baseline")
    eval_sub = evaluate.add_subparsers(dest="what", required=True, metavar="WHAT")
    _ = eval_sub
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args) or 0
    except VnnewsError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
