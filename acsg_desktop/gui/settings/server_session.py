"""This run's choice of database, and the office-server passwords typed during it.

The passwords stay in memory only, for as long as the app runs: the window needs one to open
its change listener, and a switch to another server reopens the workspace with it. Nothing of
them is written to the data folder (``remember_database`` keeps the address without it).
"""

from __future__ import annotations

from pathlib import Path

from acsg_desktop.core.database_choice import LOCAL, chosen_database, remember_database
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.store.server_url import without_password


def _key(address: str) -> str:
    """The same server whether or not its address was typed with a password."""
    try:
        return without_password(address)
    except AcsgError:  # not an address: its refusal is said when it is opened
        return address


class ServerSession:
    """``given``: the address of ``--database`` (or ``local``), None to follow the settings."""

    def __init__(self, given: str | None = None) -> None:
        self._given = given
        self._passwords: dict[str, str] = {}

    def database(self, data_dir: Path) -> str | None:
        """The office server to open (None: the data folder's own file)."""
        return chosen_database(data_dir, self._given)

    def shown(self, address: str) -> str:
        """``address`` as it may be shown: without its password."""
        return _key(address)

    def password_for(self, address: str | None) -> str | None:
        """The password typed for ``address`` during this run, if any."""
        return self._passwords.get(_key(address)) if address else None

    def keep_password(self, address: str, password: str | None) -> None:
        """Hold ``password`` for ``address`` until the app quits (never written anywhere)."""
        if password:
            self._passwords[_key(address)] = password

    def use(self, data_dir: Path, address: str | None, password: str | None = None) -> None:
        """Open ``address`` (None: this computer's own data) from now on and at the next starts."""
        remember_database(data_dir, address)
        self.use_for_this_run(address)
        if address:
            self.keep_password(address, password)

    def use_for_this_run(self, address: str | None) -> None:
        """Open ``address`` (None: this computer's own data) until the app quits; the
        settings keep what they had."""
        self._given = address or LOCAL
