"""Errors the user is shown: each carries a message already in the user's language."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class AcsgError(Exception):
    """An expected failure with a clear message for the user (already translated)."""

    exit_status = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConflictError(AcsgError):
    """Someone changed the record after it was read; nothing was saved, the edit is kept."""

    def __init__(self, who: str, when: str) -> None:
        from acsg_desktop.core.i18n import _

        super().__init__(
            _(
                "{who} changed this at {when}, after you opened it. Nothing was saved: "
                "reload to see their change, then make yours again."
            ).format(who=who or _("someone else"), when=when)
        )
        self.who = who


class DataFolderError(AcsgError):
    """The data folder cannot be used (read-only, not a folder, ...)."""


# Libraries whose own words ("btreeInitPage() returns error code 11") are never shown as they
# are: they go to the log, and the user reads a sentence.
DATABASE_LIBRARIES = ("sqlite3", "sqlalchemy")


def said_to_user(error: BaseException) -> str:
    """What the user may read about ``error``: a typed error's own translated message; for an
    error of the database library itself, a sentence pointing to the log; otherwise "" (it
    was unexpected, and is said to be so)."""
    if isinstance(error, AcsgError):
        return error.message
    if type(error).__module__.split(".")[0] in DATABASE_LIBRARIES:
        from acsg_desktop.core.i18n import _

        return _("The database could not be read or written. The details are in the log.")
    return ""


def os_reason(error: OSError) -> str:
    """Why a file operation failed, in the user's language (the system's text is English)."""
    import errno

    from acsg_desktop.core.i18n import _

    reasons = {
        errno.ENOENT: _("there is no such file or folder"),
        errno.EACCES: _("permission denied"),
        errno.EPERM: _("permission denied"),
        errno.ENOSPC: _("the disk is full"),
        errno.EROFS: _("the disk is read-only"),
        errno.EISDIR: _("it is a folder, not a file"),
        errno.ENOTDIR: _("a part of the path is a file, not a folder"),
        errno.EIO: _("the disk could not be read or written (input/output error)"),
    }
    return reasons.get(error.errno or 0) or error.strerror or str(error)


class NotThisLoginError(AcsgError):
    """On an office server, a change was to be recorded under someone the login is not."""


@contextmanager
def keys_written(folder: Path) -> Iterator[None]:
    """Say in words that the disk refused to write signing keys in ``folder`` (the files are
    written all or none, so nothing of them was kept)."""
    try:
        yield
    except OSError as error:
        from acsg_desktop.core.i18n import _

        raise AcsgError(
            _(
                "The signing key could not be written in {folder}: {reason}. Nothing of it was "
                "kept; free some space or choose another disk, then try again."
            ).format(folder=folder, reason=os_reason(error))
        ) from error
