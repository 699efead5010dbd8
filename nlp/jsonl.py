"""JSON-lines front end of ``analyze`` (used by ``vnnews analyze``)."""
from __future__ import annotations

import json
from typing import IO

from .analyze import analyze

__all__ = ["analyze_lines"]


def analyze_lines(lines: IO[str], out: IO[str], err: IO[str]) -> int:
    """Read ``{"id", "text", "published"?}`` per line, write ``{"id", "mentions": [...]}``
    (plus ``"acronyms"`` when the text resolves any).

    A malformed line gives one error line on ``err`` naming its line number; processing goes
    on. Returns the number of malformed lines.
    """
    bad = 0
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("expected a JSON object")
            text = record.get("text")
            if not isinstance(text, str):
                raise ValueError('missing or non-string "text"')
            published = record.get("published")
            if published is not None and not isinstance(published, str):
                raise ValueError('"published" must be an ISO date string')
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            bad += 1
            print(f"line {lineno}: malformed input: {exc}", file=err, flush=True)
            continue
        analysis = analyze(text, published)
        result = {"id": record.get("id"),
                  "mentions": [m.to_dict() for m in analysis.mentions]}
        if analysis.acronyms:  # movement acronyms resolved to their quoted long form
            result["acronyms"] = analysis.acronyms
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    out.flush()
    return bad
