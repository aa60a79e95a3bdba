"""The main window's link to the office server: File > Office server…, the status bar saying
which server and login the data goes to, and other officials' changes shown as they happen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMenu, QWidget

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.store.server_url import parse_address
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.backup.restart import WorkAfterClose
from acsg_desktop.gui.settings.live_changes import LiveChanges, refresh_pages
from acsg_desktop.gui.settings.server_session import ServerSession

STATUS_TABLES = frozenset({"person", "authority_profile"})


class ServerLink(QObject):
    """Built by the main window; ``pages`` gives the areas shown so far, ``status_changed``
    re-reads the window's own status line (the profile or the people changed)."""

    def __init__(
        self,
        window: QMainWindow,
        workspace: Workspace,
        session: ServerSession,
        menu: QMenu,
        work: WorkAfterClose,
    ) -> None:
        super().__init__(window)
        self._window, self._workspace, self._session, self._work = window, workspace, session, work
        self.pages: Callable[[], list[QWidget]] = list
        self.status_changed: Callable[[], None] = lambda: None
        self.action = QAction(window)
        self.action.triggered.connect(self.open_dialog)
        first = next((a for a in menu.actions() if a.isSeparator()), None)
        menu.insertAction(first, self.action) if first else menu.addAction(self.action)
        self.status = QLabel(window)
        self.live: LiveChanges | None = None
        self._live_problem = ""
        if workspace.database.is_server:
            window.statusBar().addPermanentWidget(self.status)
            self._listen()
        else:  # not in any layout: shown, it would sit over the menu bar's first titles
            self.status.hide()
        window.installEventFilter(self)
        self.retranslate_ui()

    def _listen(self) -> None:
        from acsg_desktop.core.store.change_listener import ChangeListener

        location = self._workspace.database.location
        try:
            listener = ChangeListener(location, self._session.password_for(location))
        except AcsgError as error:
            self._lost(error.message)
            return
        self.live = LiveChanges(listener, self)
        self.live.changed.connect(self.show_changes)
        self.live.lost.connect(self._lost)

    def show_changes(self, tables: set[str]) -> None:
        refresh_pages(self.pages(), tables)
        if tables & STATUS_TABLES:
            self.status_changed()

    def _lost(self, reason: str) -> None:
        self._live_problem = reason
        self.live = None
        self.retranslate_ui()

    def open_dialog(self) -> None:
        from acsg_desktop.gui.settings.server_dialog import ServerDialog

        database = self._workspace.database
        current = database.location if database.is_server else None
        dialog = ServerDialog(self._workspace.data_dir, self._session, current, self._window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.work is not None:
            self._work.ask_for(dialog.work)
            self._window.close()

    def close(self) -> None:
        if self.live is not None:
            self.live.close()
            self.live = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate_ui()
            elif event.type() == QEvent.Type.Close:
                self.close()
        return False

    def retranslate_ui(self) -> None:
        self.action.setText(_("Office &server…"))
        database = self._workspace.database
        if not database.is_server:
            return
        host, name = server_parts(database.location)
        self.status.setText(
            _("Office server: {database} on {host} · login {login}").format(
                database=name, host=host, login=getattr(database, "login", "")
            )
        )
        tip = _("What you save goes to this server, under this login.")
        if self._live_problem:
            tip = _("Other officials' changes are not shown as they happen: {reason}").format(
                reason=self._live_problem
            )
        self.status.setToolTip(f"{database.location}\n{tip}")


def server_parts(address: str) -> tuple[str, str]:
    """The server's host (or socket folder) and the database's name, to show briefly."""
    url = parse_address(address)
    host = url.host or str(url.query.get("host", "")) or "localhost"
    return host if url.port is None else f"{host}:{url.port}", url.database or ""
