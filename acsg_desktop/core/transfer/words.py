"""What a move file holds, in words, for the dialogs and the command line."""

from __future__ import annotations

from acsg_desktop.core.i18n import _, format_datetime, format_number, ngettext
from acsg_desktop.core.transfer.service import MoveSummary


def file_size(size: int) -> str:
    """A file size in the current language: ``840 KB``, ``2.1 MB`` (``2,1 Mo`` in French)."""
    if size < 1024 * 1024:
        return _("{size} KB").format(size=format_number(max(1, round(size / 1024))))
    if size < 1024**3:
        return _("{size} MB").format(size=format_number(round(size / 1024**2, 1)))
    return _("{size} GB").format(size=format_number(round(size / 1024**3, 1)))


def contents_sentence(summary: MoveSummary) -> str:
    """ "The data of <date>: N answers, N requests, N packages (the last one number N)." and
    whether the signing keys travel with it."""
    packages = ngettext("{count} package", "{count} packages", summary.packages).format(
        count=format_number(summary.packages)
    )
    if summary.packages:
        packages = _("{packages} (the last one number {number})").format(
            packages=packages, number=summary.last_package
        )
    text = _("The data as it was on {when}: {answers}, {requests}, {packages}.").format(
        when=format_datetime(summary.created_at.astimezone(), "medium"),
        answers=ngettext("{count} answer", "{count} answers", summary.answers).format(
            count=format_number(summary.answers)
        ),
        requests=ngettext("{count} request", "{count} requests", summary.requests).format(
            count=format_number(summary.requests)
        ),
        packages=packages,
    )
    keys = (
        _("The signing keys are in it (each still protected by its own passphrase).")
        if summary.with_keys
        else _("The signing keys are not in it.")
    )
    return text + " " + keys
