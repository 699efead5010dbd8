"""JSON-lines front end of ``analyze`` (used by ``vnnews analyze``)."""
from __future__ import annotations

import contextlib
import json
import re
import signal
import threading
from typing import IO

from .analyze import analyze

__all__ = ["analyze_lines", "parse_line"]


_UNDECODABLE = re.compile("[\udc80-\udcff]")
_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def _no_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def parse_line(line: str) -> tuple[object, str, str | None]:
    """``(id, text, published)`` of one input line; ValueError saying what is wrong."""
    if _UNDECODABLE.search(line):  # read with errors="surrogateescape": bytes not UTF-8
        raise ValueError("not UTF-8")
    try:
        record = json.loads(line, parse_constant=_no_constant)  # NaN, Infinity: not JSON
    except RecursionError:  # 100,000 nested brackets: the decoder's stack runs out
        raise ValueError("nested too deeply") from None
    if not isinstance(record, dict):
        raise ValueError("expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError('missing or non-string "text"')
    published = record.get("published")
    if published is not None and not isinstance(published, str):
        raise ValueError('"published" must be an ISO date string')
    return record.get("id"), text, published


def _dumps(result: dict) -> str:
    """One output line. Text that UTF-8 cannot carry (a lone surrogate such as "\\ud800" in an
    id) is written as JSON escapes, so the line is still written and still means the same."""
    line = json.dumps(result, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(result, ensure_ascii=True)
    # U+0085, U+2028 and U+2029 are line breaks to str.splitlines and to many JSON-lines
    # readers: escaped (they only occur inside JSON strings), one result stays one line.
    return line.translate(_LINE_BREAKS)


# CPU seconds one line may take. A 5 MB text takes about 20 s; a line past this is reported
# like a malformed one and the next line is read.
LINE_TIME_LIMIT = 300.0


REFIRE_SECONDS = 0.05  # after the limit, how soon the signal fires again (see _cpu_limit)


class LineTimeLimit(BaseException):
    """One line took longer than LINE_TIME_LIMIT (a BaseException: the analyzer's own
    ``except Exception`` fallbacks let it through)."""


@contextlib.contextmanager
def _cpu_limit(seconds: float | None):
    """Raise LineTimeLimit in the block after ``seconds`` of CPU time (main thread only)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    running = [True]

    def expired(signum, frame):
        if not running[0]:  # the block has ended: a late signal is no limit
            return
        # A signal that lands in a finaliser (__del__, a weakref callback) has its exception
        # swallowed: fire again shortly until the block really stops.
        signal.setitimer(signal.ITIMER_PROF, REFIRE_SECONDS)
        raise LineTimeLimit(f"analysis took more than {seconds:g} s of CPU time")

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        while True:  # a signal landing here must not leave the timer armed
            try:
                running[0] = False
                signal.setitimer(signal.ITIMER_PROF, 0)
                signal.signal(signal.SIGPROF, previous)
                break
            except LineTimeLimit:
                continue


def analyze_lines(lines: IO[str], out: IO[str], err: IO[str],
                  time_limit: float | None = LINE_TIME_LIMIT) -> int:
    """Read ``{"id", "text", "published"?}`` per line, write ``{"id", "mentions": [...]}``
    (plus ``"acronyms"`` when the text resolves any).

    A malformed line, or one the analyzer fails on or spends more than ``time_limit`` CPU
    seconds on, gives one error line on ``err`` naming its
    line number; processing goes on. Returns the number of such lines.
    """
    bad = 0
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record_id, text, published = parse_line(line)
        except ValueError as exc:  # json.JSONDecodeError is a ValueError
            bad += 1
            print(f"line {lineno}: malformed input: {exc}", file=err, flush=True)
            continue
        try:
            with _cpu_limit(time_limit):
                analysis = analyze(text, published)
        except LineTimeLimit as exc:
            bad += 1
            print(f"line {lineno}: time limit: {exc}", file=err, flush=True)
            continue
        except Exception as exc:  # noqa: BLE001 - one line lost, not the batch
            bad += 1
            print(f"line {lineno}: analysis failed: {type(exc).__name__}: {exc}"[:300],
                  file=err, flush=True)
            continue
        result = {"id": record_id, "mentions": [m.to_dict() for m in analysis.mentions]}
        if analysis.acronyms:  # movement acronyms resolved to their quoted long form
            result["acronyms"] = analysis.acronyms
        try:
            line_out = _dumps(result)
        except (ValueError, RecursionError) as exc:  # an id nested too deeply to write back
            bad += 1
            print(f"line {lineno}: cannot write the result: {exc}"[:300], file=err, flush=True)
            continue
        out.write(line_out + "\n")
    out.flush()
    return bad
