"""Limits that keep one hostile page from stalling a crawl or `vnnews process`.

- :func:`cap_attributes` cuts tags with absurdly many attributes before lxml sees them.
- :func:`page_time_limit` stops the extraction of one page after PAGE_TIME_LIMIT seconds of CPU
  time; the page is then recorded with that reason (crawler.ingest.extract_page).
"""
from __future__ import annotations

import contextlib
import re
import signal
import threading

__all__ = ["cap_attributes", "page_time_limit", "PageTimeLimit", "MAX_TAG_ATTRIBUTES",
           "PAGE_TIME_LIMIT"]

# libxml2 checks each attribute of a tag against all the earlier ones: 100,000 attributes on one
# tag take minutes inside the parser (C code, where no time limit can stop it). No real tag has
# more than a few dozen; those past this many are dropped before parsing.
MAX_TAG_ATTRIBUTES = 200
_ATTRIBUTE = r"""\s++[^\s"'<>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'<>]*+))?+"""
# Possessive quantifiers: a failed match never backtracks, so the scan stays linear.
_MANY_ATTRIBUTES = re.compile(r"<[a-zA-Z][^\s/<>]*+(?:%s){%d}" % (_ATTRIBUTE, MAX_TAG_ATTRIBUTES))
_MORE_ATTRIBUTES = re.compile(r"(?:%s|\s++|/)*+" % _ATTRIBUTE)

# CPU seconds one page may take in the extractor. The slowest real page of the gold sets takes
# well under a second and a 16 MB page of 100,000 document links about 10 s; a page past this is
# hostile or hits a bug, and is recorded as a failure instead of holding up the batch.
PAGE_TIME_LIMIT = 60.0


# After the limit, how soon the signal fires again if its exception was swallowed.
REFIRE_SECONDS = 0.05


class PageTimeLimit(BaseException):
    """The extraction of one page took longer than its time limit. A BaseException, like
    KeyboardInterrupt, so the extractor's own ``except Exception`` fallbacks let it through."""


def cap_attributes(text: str) -> str:
    """``text`` with every tag cut to its first MAX_TAG_ATTRIBUTES attributes."""
    out, pos = [], 0
    for match in _MANY_ATTRIBUTES.finditer(text):
        if match.start() < pos:  # inside the attributes just dropped
            continue
        out.append(text[pos:match.end()])
        pos = _MORE_ATTRIBUTES.match(text, match.end()).end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


@contextlib.contextmanager
def page_time_limit(seconds: float | None = PAGE_TIME_LIMIT):
    """Raise PageTimeLimit inside the block once it has used ``seconds`` of CPU time.

    CPU time (ITIMER_PROF), not wall time: a loaded machine does not make a page fail. Python
    code and regular expressions are interrupted; a single call into C that does not return
    (none is known: the parser is linear once attributes are capped) is not. Signals reach only
    the main thread, so elsewhere the block runs without a limit.
    """
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
        raise PageTimeLimit(f"extraction took more than {seconds:g} s of CPU time")

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
            except PageTimeLimit:
                continue
