"""Pieces of the site's pages that are plain Python: marked excerpts, an article's text cut
into entity spans, entity links, and small inline SVG charts (no JavaScript, no outside
files: the charts are part of the page)."""
from __future__ import annotations

from html import escape
from urllib.parse import urlencode

from markupsafe import Markup

from crawler.archive.store import MARK_CLOSE, MARK_OPEN

__all__ = ["marked", "segments", "entity_url", "bar_chart", "stacked_chart", "PALETTE"]

# mention type → entity page kind; dates have no page of their own
KIND_OF_TYPE = {"PERSON": "person", "ORG": "organization", "LOC": "place",
                "DOCREF": "document"}
# One colour per series (sources), readable on white and by most colour-blind readers.
PALETTE = ["#1b6ca8", "#e07b00", "#2a9d55", "#c2362f", "#7d4fb3", "#8c5a3c", "#d45fa6",
           "#6b6b6b"]


def marked(text: str | None) -> Markup:
    """Text with the search's match markers turned into <mark>, everything else escaped."""
    safe = escape(text or "")
    return Markup(safe.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>"))


def entity_url(mention: dict) -> str | None:
    kind = KIND_OF_TYPE.get(mention.get("type"))
    key = mention.get("document_id") if kind == "document" else \
        (mention.get("entity") or mention.get("value"))  # its canonical row, else its value
    if not kind or not key:
        return None
    return f"/-/{kind}?{urlencode({'key': key})}"


def segments(text: str | None, mentions: list[dict]) -> list[tuple[str, dict | None]]:
    """The text cut into (piece, mention or None). Mentions are spans into this text; one
    that overlaps an earlier one, or whose span no longer holds its text (a re-extracted
    article not yet re-analysed), is shown as plain text."""
    text = text or ""
    pieces, pos = [], 0
    for m in sorted(mentions, key=lambda m: (m["start"], m["start"] - m["end"])):
        start, end = m["start"], m["end"]
        if start < pos or end > len(text) or text[start:end] != m["text"]:
            continue
        if start > pos:
            pieces.append((text[pos:start], None))
        pieces.append((text[start:end], m))
        pos = end
    if pos < len(text):
        pieces.append((text[pos:], None))
    return pieces


def _months(first: str, last: str) -> list[str]:
    """Every month from first to last (YYYY-MM), so gaps show as gaps."""
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def stacked_chart(rows: list[dict], label: str, series_key: str = "source",
                  value_key: str = "n", height: int = 180) -> Markup:
    """Monthly bars stacked by series (articles per month by source) as inline SVG."""
    rows = [r for r in rows if r.get("month")]
    if not rows:
        return Markup("<p>No dated rows.</p>")
    months = _months(min(r["month"] for r in rows), max(r["month"] for r in rows))
    series = sorted({r[series_key] or "?" for r in rows})
    colour = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(series)}
    cells = {(r["month"], r[series_key] or "?"): r[value_key] for r in rows}
    totals = {m: sum(cells.get((m, s), 0) for s in series) for m in months}
    top = max(totals.values()) or 1
    bar = max(3, min(24, 900 // len(months)))
    width = max(360, 40 + bar * len(months))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
             f'aria-label="{escape(label)}" width="{width}" height="{height + 40}" '
             f'viewBox="0 0 {width} {height + 40}">',
             f'<text x="0" y="12" font-size="11">{top}</text>',
             f'<line x1="36" y1="{height}" x2="{width}" y2="{height}" stroke="#999"/>']
    for i, month in enumerate(months):
        x, y = 40 + i * bar, height
        for s in series:
            n = cells.get((month, s), 0)
            if not n:
                continue
            h = n * (height - 16) / top
            y -= h
            parts.append(f'<rect x="{x}" y="{y:.1f}" width="{bar - 1}" height="{h:.1f}" '
                         f'fill="{colour[s]}"><title>{escape(month)} · {escape(s)}: {n}'
                         '</title></rect>')
        if i == 0 or (month.endswith("-01") and len(months) > 12):
            label = month if len(months) <= 12 else month[:4]
            parts.append(f'<text x="{x}" y="{height + 14}" font-size="10">{label}</text>')
    legend_x = 40
    for s in series if len(series) > 1 else []:
        parts.append(f'<rect x="{legend_x}" y="{height + 24}" width="10" height="10" '
                     f'fill="{colour[s]}"/><text x="{legend_x + 14}" y="{height + 33}" '
                     f'font-size="11">{escape(s)}</text>')
        legend_x += 24 + 7 * len(s)
    parts.append("</svg>")
    return Markup("".join(parts))


def bar_chart(rows: list[dict], label: str, value_key: str = "n") -> Markup:
    """One series of monthly bars (an entity's mentions over time) as inline SVG."""
    return stacked_chart([{**r, "series": label} for r in rows], label, series_key="series",
                         value_key=value_key, height=120)
