"""A live one-line progress report on stderr: count, rate, and an ETA when the total is known."""
from __future__ import annotations

import sys
import time

__all__ = ["Progress", "PROGRESS_INTERVAL"]

PROGRESS_INTERVAL = 1.0  # seconds between two progress lines, at least


class Progress:
    """``Progress(total=N, unit="pages")``; call ``advance()`` per item, ``close()`` at the end.
    The crawl's storage pipeline also sets the named counters (articles, unchanged, errors)."""

    def __init__(self, stream=None, interval: float = PROGRESS_INTERVAL,
                 total: int | None = None, unit: str = "pages", label: str = ""):
        self.stream = stream or sys.stderr
        self.interval = interval
        self.total = total
        self.unit = unit
        self.label = label
        self.started = time.monotonic()
        self.last = 0.0
        self.pages = self.articles = self.errors = self.unchanged = 0
        self.shown = False

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.pages / elapsed
        head = f"{self.label}: " if self.label else ""
        if self.total is not None:  # `vnnews process`: n of N, rate, ETA
            left = max(self.total - self.pages, 0)
            eta = f", ETA {_clock(left / rate)}" if rate > 0 and left else ""
            return (f"{head}{self.pages}/{self.total} {self.unit} ({rate:.1f}/s{eta}), "
                    f"{elapsed:.0f}s")
        return (f"{head}{self.pages} {self.unit} ({rate:.1f}/s), {self.articles} articles, "
                f"{self.unchanged} unchanged, {self.errors} errors, {elapsed:.0f}s")

    def advance(self, n: int = 1) -> None:
        self.pages += n
        self.update()

    def update(self, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self.last >= self.interval:
            self.last = now
            self.stream.write("\r\033[K" + self.line())
            self.stream.flush()
            self.shown = True

    def close(self) -> None:
        if self.shown:
            self.update(force=True)
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"
