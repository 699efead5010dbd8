"""The NLP orchestrator: one normalised copy, one pass per mention type, offsets mapped back.

Steps (each matcher works on the normalised text and returns spans into it):
1. normalise (NFC, one tone-mark style, whitespace) and keep the offset map;
2. DOCREF first: document numbers are blocked for every later matcher (no dates inside them);
3. DATE over the rest, with the publish date for year-less dates;
4. ORG, PERSON (with titles) and LOC — see their modules for span conventions;
5. the CRF (nlp/model.py), given the rule spans as features, re-reads PERSON/ORG/LOC and the
   two are merged (nlp/merge.py);
6. map every span back to the original text, sort by start.
"""
from __future__ import annotations

from .dates import find_dates
from .docref import find_docrefs
from .entities import Doc
from .normalize import normalize
from .records import Analysis, Mention

__all__ = ["analyze", "rule_spans"]


def rule_spans(t: str, published: str | None = None):
    """Spans of the rule matchers on the normalised text ``t``: (kind, start, end, value,
    attrs) lists, and the Doc (for its acronyms)."""
    spans: list[tuple[str, int, int, str | None, dict]] = []
    # 1-2. document numbers (the issuer after "của" is read with the organisation finder)
    doc = Doc(t)
    docs = find_docrefs(t, doc.org_end_at, published, doc.org_start_before)
    blocked = [(d.start, d.end) for d in docs]
    for d in docs:
        spans.append(("DOCREF", d.start, d.end, d.value, d.attrs))
    # 3. dates
    for d in find_dates(t, published, blocked):
        spans.append(("DATE", d.start, d.end, d.value, d.attrs))
    # 4. names
    taken = [(s, e) for _, s, e, _, _ in spans]
    spans.extend(doc.find(taken))
    return spans, doc


def analyze(text: str, published: str | None = None, model: bool = True) -> Analysis:
    """Find DATE, DOCREF, PERSON, ORG and LOC mentions in ``text``.

    ``published`` is the article's ISO publish date ("2018-10-08" or "2018-10-08T15:54"); it
    supplies the year of day-month dates ("ngày 26/7") and flags implausibly far event dates.
    ``model=False`` runs the rules alone (no CRF). Offsets point into ``text`` as given:
    ``text[m.start:m.end] == m.text``.
    """
    norm = normalize(text or "")
    t = norm.text
    spans, doc = rule_spans(t, published)
    if model:
        from .merge import merge_model
        from .person import person_vetoes
        spans = merge_model(t, spans, person_vetoes(doc.toks))

    mentions = []
    for kind, s, e, value, attrs in spans:
        os_, oe = norm.span(s, e)
        mentions.append(Mention(kind, text[os_:oe], os_, oe, value, attrs))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return Analysis(text=text, published=published, mentions=mentions,
                    acronyms=dict(doc.acronyms))
