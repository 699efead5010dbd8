"""The NLP stage: ``analyze(text, published)`` → Analysis of DATE, DOCREF, PERSON, ORG, LOC."""
from .analyze import analyze
from .records import MENTION_TYPES, Analysis, Mention

__all__ = ["analyze", "Analysis", "Mention", "MENTION_TYPES"]
