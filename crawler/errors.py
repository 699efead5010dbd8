"""Errors that the CLI turns into one clear line and a non-zero exit code."""

__all__ = ["VnnewsError", "ConfigError"]


class VnnewsError(Exception):
    """A user-facing failure: the message is printed as is, without a traceback."""


class ConfigError(VnnewsError):
    """A configuration mistake: the message names the file, the key and the fix."""
