"""Records of the NLP stage: a Span per finding of a matcher (on the normalised text), one
Mention per entity found (on the text as given), one Analysis per text."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

__all__ = ["Span", "TokenSpan", "Mention", "Analysis", "MENTION_TYPES"]

MENTION_TYPES = ("DATE", "PERSON", "ORG", "LOC", "DOCREF")


@dataclass
class Span:
    """What a matcher found: characters [start, end) of the normalised text, the normalised
    value and its attributes; analyze() maps it back to the text as given (a Mention)."""
    start: int
    end: int
    value: str = ""
    attrs: dict = field(default_factory=dict)


@dataclass
class TokenSpan(Span):
    """A Span of the name finders, which also keep its token range [i, j)."""
    i: int = 0
    j: int = 0


@dataclass
class Mention:
    type: str  # one of MENTION_TYPES
    text: str  # surface text exactly as in the analysed text: text[start:end]
    start: int  # character offsets into the text as given (not the normalised copy)
    end: int
    value: str | None = None  # normalised value: ISO date, canonical doc id, org key, name
    attrs: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Analysis:
    text: str
    published: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    # acronyms resolved to the quoted long form they abbreviate ("TDĐKXDSVH" → "Toàn dân ...")
    acronyms: dict = field(default_factory=dict)

    def of_type(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.type == kind]
