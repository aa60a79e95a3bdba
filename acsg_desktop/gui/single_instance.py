"""A second start on the same data folder brings the running window forward (local socket)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

WAIT_MS = 1000


def server_name(data_dir: Path) -> str:
    """One name per data folder (and per user, as local sockets are)."""
    return "acsg-desktop-" + hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]


class InstanceServer(QLocalServer):
    """Listens for later starts and brings ``window`` to the front when one knocks."""

    def __init__(self, data_dir: Path, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        name = server_name(data_dir)
        QLocalServer.removeServer(name)  # a stale name left by a crash
        self.newConnection.connect(self._knocked)
        self.listen(name)

    def _knocked(self) -> None:
        connection = self.nextPendingConnection()
        if connection is not None:
            connection.disconnectFromServer()
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()


def bring_forward(data_dir: Path) -> bool:
    """Ask the running instance to show its window; True when it answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    reached = socket.waitForConnected(WAIT_MS)
    socket.disconnectFromServer()
    return reached
