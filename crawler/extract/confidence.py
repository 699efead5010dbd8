"""How sure the extractor is of one extraction (0..1), from what the page showed.

An article is certain when its title is a block the <title> / og:title names, a date is on the
page or in its metadata, the text starts right under the title, and the text is long prose.
Each missing sign lowers the score; so do the signs of a doubtful page (a notice of one line, a
conflict between the page's date and its metadata, a page cut short). Below
``SECOND_OPINION_BELOW`` the extractor asks a second opinion (``crawler.extract.second``).
"""
from __future__ import annotations

__all__ = ["article_confidence", "rejection_confidence", "SECOND_OPINION_BELOW"]

# Weights of the signs (they sum to 1).
W_BODY, W_TITLE, W_DATE, W_START, W_PROSE = 0.30, 0.25, 0.15, 0.20, 0.10
# A body this long (characters, lead included) is long enough to be sure it is the text.
SURE_BODY_CHARS = 600
# The text starting this many blocks after the title at most is "right under it" (date line,
# byline, share bar between).
SURE_START_GAP = 7
# Deduction when the title and the text share no container below <body>.
TITLE_APART = 0.3
# Deduction when the text starts above the title it was given.
TEXT_BEFORE_TITLE = 0.15
# Deductions for signs of doubt.
DOUBT = {"short_notice": 0.10, "date_conflict": 0.05, "truncated": 0.20, "related_box": 0.03,
         "no_profile": 0.0}
# Extractions scored below this get a second opinion.
SECOND_OPINION_BELOW = 0.75
# Rejections: a page kind read from the address or a listing's teasers are sure; "no main text"
# is a guess that a second opinion may overturn.
SURE_REJECTION, UNSURE_REJECTION = 0.9, 0.3


def article_confidence(*, body_chars: int, prose_chars: int, title_named: bool, title_on_page: bool,
                       date_from: str | None, start_gap: int | None, notes: dict,
                       title_with_text: bool = True) -> float:
    """The confidence of an article extraction; ``date_from`` is "page", "meta", "url" or None."""
    body = min(1.0, body_chars / SURE_BODY_CHARS)
    title = 1.0 if title_named else 0.6 if title_on_page else 0.2
    date = {"page": 1.0, "meta": 1.0, "url": 0.5}.get(date_from or "", 0.0)
    if start_gap is None:
        start = 0.3
    elif 0 < start_gap <= SURE_START_GAP:
        start = 1.0
    elif start_gap <= 0:
        start = -TEXT_BEFORE_TITLE / W_START  # a text that starts above its title: likely another box
    else:
        start = 0.5
    prose = prose_chars / body_chars if body_chars else 0.0
    score = W_BODY * body + W_TITLE * title + W_DATE * date + W_START * start + W_PROSE * prose
    score -= sum(v for k, v in DOUBT.items() if notes.get(k))
    if not title_with_text:
        score -= TITLE_APART  # the title in one column, the text in another
    return round(max(0.0, min(1.0, score)), 3)


def rejection_confidence(reason: str) -> float:
    """How sure a rejection is: guesses about the text are unsure, the rest sure."""
    return UNSURE_REJECTION if reason.startswith("no main text") else SURE_REJECTION
