"""The NLP stage: ``analyze(text, published)`` → Analysis of DATE, DOCREF, PERSON, ORG, LOC."""
import hashlib
from pathlib import Path

from .analyze import analyze
from .records import MENTION_TYPES, Analysis, Mention

__all__ = ["analyze", "Analysis", "Mention", "MENTION_TYPES", "ANALYZER_VERSION"]


def _code_version(folder: Path) -> str:
    """A digest of the analyzer's source and data files: any change gives a new version, so
    `vnnews process` re-analyses exactly what an older analyzer read."""
    digest = hashlib.sha1()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and \
                path.suffix in (".py", ".txt", ".tsv", ".json", ".crfsuite", ".bin", ".model"):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return "a-" + digest.hexdigest()[:12]


# Recorded with every analysis (articles.analyzed_with).
ANALYZER_VERSION = _code_version(Path(__file__).resolve().parent)
