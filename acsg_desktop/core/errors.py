"""Errors the user is shown: each carries a message already in the user's language."""

from __future__ import annotations


class AcsgError(Exception):
    """An expected failure with a clear message for the user (already translated)."""

    exit_status = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DataFolderError(AcsgError):
    """The data folder cannot be used (read-only, not a folder, ...)."""
