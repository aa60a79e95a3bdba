"""Publishing from the desk: a folder of guides or an offers.json signed with the desk's key
into a bundle or catalogue for the authorities, each kind with a version that only goes up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.errors import AcsgError, os_reason
from acsg_desktop.core.i18n import _
from acsg_desktop.gui.desk.labels import desk_actor
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.retranslate import Retranslatable

SUFFIXES = {"guides": ".acsgguides", "offers": ".acsgoffers"}


def _default_name(kind: str, version: int) -> str:
    """The suggested file name, in the user's language."""
    names = {"guides": _("acsg-guides-{version}"), "offers": _("acsg-offers-{version}")}
    return names[kind].format(version=version) + SUFFIXES[kind]


def _unreadable(error: OSError | UnicodeDecodeError) -> str:
    if isinstance(error, UnicodeDecodeError):
        return _("a file of the source is not UTF-8 text")
    return os_reason(error)


class PublishBox(Retranslatable, QGroupBox):
    def __init__(self, desk: DeskWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.buttons = {kind: QPushButton(self) for kind in SUFFIXES}
        self.buttons["guides"].clicked.connect(lambda: self.publish("guides"))
        self.buttons["offers"].clicked.connect(lambda: self.publish("offers"))
        self.message = MessageLabel(self)  # announced to screen readers
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.retranslate_ui()

    def _source(self, kind: str) -> str:
        if kind == "guides":
            return QFileDialog.getExistingDirectory(self, _("The folder of guides to publish"))
        name, _filter = QFileDialog.getOpenFileName(
            self, _("The offers to publish"), "", _("Offers (offers.json *.json)")
        )
        return name

    def publish(self, kind: str) -> None:
        """Ask for the source, the desk's passphrase and where to save; then sign."""
        source = self._source(kind)
        if not source:
            return
        passphrase, given = QInputDialog.getText(
            self, _("The desk's passphrase"), _("Passphrase:"), QLineEdit.EchoMode.Password
        )
        if not given:
            return
        version = self._desk.publisher.last_version(kind) + 1
        target, _filter = QFileDialog.getSaveFileName(
            self, _("Save as"), _default_name(kind, version), f"*{SUFFIXES[kind]}"
        )
        if not target:
            return
        try:
            published = self._desk.publisher.publish(
                kind, Path(source), passphrase.encode(), Path(target), actor=desk_actor(self._desk)
            )
        except (AcsgError, OSError, UnicodeDecodeError) as error:
            reason = error.message if isinstance(error, AcsgError) else _unreadable(error)
            show_text(self.message, _("Not published: {reason}").format(reason=reason))
            return
        show_text(
            self.message,
            _("Version {version} written to {path}").format(version=published, path=target),
        )

    def retranslate_ui(self) -> None:
        self.setTitle(_("Publish to the authorities"))
        self.explanation.setText(
            _(
                "Sign a folder of practice guides or an offers catalogue (offers.json) with the "
                "desk's key. Each publication gets the next version; authorities refuse an "
                "older one."
            )
        )
        self.buttons["guides"].setText(_("Publish g&uides…"))
        self.buttons["offers"].setText(_("Publish offe&rs…"))
