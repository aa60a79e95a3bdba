"""Connect to an office server…: its address, the password, a CA file, a test, then the switch.

Accepted with ``work`` set once the server answered: the app closes the data folder, remembers
the address (never the password) and opens again on the server. "Use this computer's own data"
goes back to the data folder's own file the same way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.server_ca import split_ca_file, with_ca_file
from acsg_desktop.core.store.server_url import parse_address, without_password
from acsg_desktop.gui.backup.restart import ClosedFolderWork
from acsg_desktop.gui.settings.server_session import ServerSession
from acsg_desktop.gui.settings.server_work import connected_login, switch_work
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.workers import run_in_background

Role = QDialogButtonBox.ButtonRole


class ServerDialog(Retranslatable, QDialog):
    """``current``: the server in use now (None: this computer's own data)."""

    def __init__(
        self,
        data_dir: Path,
        session: ServerSession,
        current: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir, self._session, self._current = data_dir, session, current
        self.work: ClosedFolderWork | None = None
        self.intro = QLabel(self, wordWrap=True)
        self.address = QLineEdit(self)
        self.password = QLineEdit(self, echoMode=QLineEdit.EchoMode.Password)
        self.password_hint = QLabel(self, wordWrap=True)
        self.ca_file = QLineEdit(self)
        self.ca_button = QPushButton(self)
        self.ca_button.clicked.connect(self.choose_ca_file)
        self.test_button = QPushButton(self)
        self.test_button.clicked.connect(lambda: self._check(then_use=False))
        self.outcome = MessageLabel(self)
        self.outcome.setWordWrap(True)
        self.outcome.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)  # a long refusal
        self.buttons = QDialogButtonBox(self)
        self.use_button = self.buttons.addButton("", Role.AcceptRole)
        self.use_button.clicked.connect(lambda: self._check(then_use=True))
        self.local_button = self.buttons.addButton("", Role.ActionRole)
        self.local_button.clicked.connect(self.use_local)
        self.local_button.setVisible(current is not None)
        self.cancel_button = self.buttons.addButton("", Role.RejectRole)
        self.cancel_button.clicked.connect(self.reject)
        self._lay_out()
        self._fill(current)
        self.setMinimumWidth(620)
        self.retranslate_ui()

    def _lay_out(self) -> None:
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_button)
        self.form = QFormLayout()
        self.address_label, self.password_label = QLabel(self), QLabel(self)
        self.ca_label = QLabel(self)
        for label, field in (
            (self.address_label, self.address),
            (self.password_label, self.password),
            (self.ca_label, self.ca_file),
        ):
            label.setBuddy(field)
        self.form.addRow(self.address_label, self.address)
        self.form.addRow(self.password_label, self.password)
        self.form.addRow("", self.password_hint)
        self.form.addRow(self.ca_label, ca_row)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addLayout(test_row)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _fill(self, current: str | None) -> None:
        if current:
            address, ca_file = split_ca_file(current)
            self.address.setText(address)
            self.ca_file.setText(ca_file)

    def choose_ca_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            _("The office's CA file"),
            "",
            _("Certificates (*.pem *.crt *.cer)") + ";;" + _("All files (*)"),  # Qt's separator
        )
        if chosen:
            self.ca_file.setText(chosen)

    def typed(self) -> tuple[str, str | None]:
        """The address (without password, with the CA file) and the password to use.

        Raises:
            AcsgError: the address is empty or not an office server address.
        """
        text = self.address.text().strip()
        if not text:
            raise AcsgError(_("Type the office server's address first (postgresql://…)."))
        password = self.password.text() or parse_address(text).password or None
        address = with_ca_file(without_password(text), self.ca_file.text().strip())
        return address, password

    def _check(self, then_use: bool) -> None:
        """Connect in the background (10 s at most); say how it went, then switch if asked."""
        try:
            address, password = self.typed()
        except AcsgError as error:
            self.outcome.say(error.message, error=True)
            return
        self._busy(True)
        self.outcome.say(_("Connecting to {server}…").format(server=address))
        run_in_background(
            lambda: connected_login(address, password),
            lambda login: self._connected(str(login), address, password, then_use),
            self._refused,
        )

    def _connected(self, login: str, address: str, password: str | None, then_use: bool) -> None:
        self._busy(False)
        self.outcome.say(_("Connected as {login}.").format(login=login))
        if then_use:
            self.work = switch_work(self._session, address, password)
            self.accept()

    def _refused(self, error: AcsgError) -> None:
        self._busy(False)
        self.outcome.say(error.message, error=True)

    def _busy(self, busy: bool) -> None:
        for widget in (self.test_button, self.use_button, self.local_button):
            widget.setEnabled(not busy)

    def use_local(self) -> None:
        self.work = switch_work(self._session, None, None)
        self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Office server"))
        self.intro.setText(
            _(
                "On an office server, the officials of the office share one database: each "
                "signs in with their own login, and every change is recorded under it. Your IT "
                "officer gives you the address, your login and, for a secure connection, the "
                "office's CA file."
            )
        )
        self.address_label.setText(_("&Address:"))
        self.address.setPlaceholderText(_("postgresql://login@server:5432/database"))
        self.address.setToolTip(
            _(
                "postgresql://, then your login, @, the server's name or address, :port (5432 "
                "unless told otherwise), / and the database's name."
            )
        )
        self.password_label.setText(_("&Password:"))
        self.password.setToolTip(
            _("The password of your login on the office server, as your IT officer gave it.")
        )
        self.password_hint.setText(
            _(
                "Kept in memory until ACSG Desktop quits, never written to disk. Leave it "
                "empty when your ~/.pgpass or a service file gives it."
            )
        )
        self.ca_label.setText(_("&CA file:"))
        self.ca_file.setPlaceholderText(_("None: the connection is not checked"))
        self.ca_file.setToolTip(
            _(
                "With the office's CA file, the connection is encrypted and the server must "
                "prove it is the one in the address (sslmode=verify-full)."
            )
        )
        self.ca_button.setText(_("C&hoose…"))
        self.test_button.setText(_("&Test the connection"))
        self.use_button.setText(_("&Use this server"))
        self.local_button.setText(_("Use this computer's &own data"))
        self.cancel_button.setText(_("Cancel"))
