"""What the office-server dialog does: check a server, and switch the data folder's database.

A switch replaces the database every screen uses, so it runs as work with the data folder
closed (see :mod:`acsg_desktop.gui.backup.restart`): the window closes, the choice is
remembered (the address without its password), and the app opens again as at a start.
"""

from __future__ import annotations

from pathlib import Path

from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.server_url import without_password
from acsg_desktop.core.transfer.progress import Percent
from acsg_desktop.gui.backup.restart import ClosedFolderWork
from acsg_desktop.gui.settings.server_session import ServerSession


def connected_login(address: str, password: str | None) -> str:
    """Connect to ``address`` and close again, changing nothing: the login. (Using the server
    then prepares an empty one, or upgrades one behind this version after a backup.)

    Raises:
        AcsgError: a translated reason (unreachable, wrong password, not an ACSG database,
            schema too new).
    """
    from acsg_desktop.core.store.server import probe_server

    return probe_server(address, password)[0]


def switch_work(
    session: ServerSession, address: str | None, password: str | None
) -> ClosedFolderWork:
    """Open ``address`` (None: this computer's own data) from now on."""

    def run(folder: Path, _report: Percent) -> str:
        session.use(folder, address, password)
        if address is None:
            return _(
                "ACSG Desktop now opens on this computer's own data. What was saved on the "
                "office server stays there."
            )
        return _(
            "ACSG Desktop now opens on the office server {server}: what you save goes there, "
            "shared with the other officials of the office."
        ).format(server=without_password(address))

    return ClosedFolderWork(_("Office server"), _("Closing the data in use…"), run, counted=False)
