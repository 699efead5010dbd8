"""The NLP stage's user-facing error: the CLI prints its message as one line, no traceback.
(nlp depends on nothing of crawler/, so it has its own.)"""

__all__ = ["NlpError"]


class NlpError(Exception):
    """Bad input to the NLP tools (a gold file that is missing or malformed, ...)."""
