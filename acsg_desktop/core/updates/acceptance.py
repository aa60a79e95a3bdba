"""Whether a checked update may replace what is installed: newer, unexpired, for this app.

The time an update is judged against is the highest ever seen by this data folder
(``updates.clock``), so a clock set back cannot revive an expired update or a revoked
certificate.
"""

from __future__ import annotations

from datetime import datetime

from acsg_desktop import __version__
from acsg_desktop.core.i18n import _
from acsg_desktop.core.updates.kind import UpdateKind
from acsg_desktop.core.updates.read import SignedUpdate, UpdateError


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def check_acceptable(
    update: SignedUpdate, kind: UpdateKind, installed: int, highest: datetime
) -> None:
    """Refuse ``update`` unless it is newer than ``installed``, unexpired and for this app.

    Raises:
        UpdateError: "same", "older", "expired" or "app_too_old", in the kind's words.
    """
    words = kind.words
    if update.version == installed:
        raise UpdateError("same", _(words.same).format(version=installed))
    if update.version < installed:
        raise UpdateError("older", _(words.older).format(new=update.version, old=installed))
    if update.expires < highest:
        raise UpdateError("expired", _(words.expired).format(date=update.expires.date()))
    if _version_tuple(update.min_app_version) > _version_tuple(__version__):
        raise UpdateError(
            "app_too_old", _(words.app_too_old).format(version=update.min_app_version)
        )
