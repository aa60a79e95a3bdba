"""The desk's receipt for one package: per request a match stage ("No change" leaves it out)
and a message, and the passphrase of the desk's key that signs it."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.display import escape_line
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.desk import ReceivedPackage
from acsg_desktop.core.records.receipts import RequestReply
from acsg_desktop.core.records.requests import MatchStage
from acsg_desktop.core.requests.labels import label
from acsg_desktop.gui.desk.data_view import make_table
from acsg_desktop.gui.desk.labels import country_label, stage_label
from acsg_desktop.gui.widgets.cells import text_cell
from acsg_desktop.gui.widgets.dialog_buttons import LabelledButtonBox, Standard
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.retranslate import Retranslatable

COL_ID, COL_TITLE, COL_LAST, COL_STAGE, COL_MESSAGE = range(5)


def package_requests(package: ReceivedPackage) -> list[dict[str, Any]]:
    """The requests the package holds, as the authority sent them."""
    return list(json.loads(package.document).get("requests") or [])


class ReceiptDialog(Retranslatable, QDialog):
    def __init__(self, package: ReceivedPackage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Write a receipt"))
        self.requests = package_requests(package)
        last = {int(key): value for key, value in json.loads(package.replies).items()}
        self.intro = QLabel(self._intro(package), self)
        self.intro.setWordWrap(True)
        self.table = make_table(self)
        self.table.setColumnCount(5)
        self.table.setHorizontalHeaderLabels(
            [_("Request"), _("Title"), _("Last reply"), _("Match stage"), _("Message")]
        )
        self.table.setAccessibleName(_("Requests in the package"))
        self.stages: list[QComboBox] = []
        self.messages: list[QLineEdit] = []
        self.table.setRowCount(len(self.requests))
        for row, request in enumerate(self.requests):
            self._add_row(row, request, last.get(int(request["id"]), ""))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(COL_MESSAGE, 300)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(_("Passphrase of the desk's key"))
        self.passphrase.textChanged.connect(self._check)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a11d1d")
        self.buttons = LabelledButtonBox(Standard.Ok | Standard.Cancel, self)
        self.buttons.label(Standard.Ok, _("Sign and save…"))
        self.buttons.accepted.connect(self._accept_if_complete)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("&Passphrase of the desk's key:"), self.passphrase)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.table):
            layout.addWidget(widget, 1 if widget is self.table else 0)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._check()
        self.resize(1000, 520)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The fields' tips (the other texts are set once: the dialog is modal and short)."""
        stage = _("The stage the matching of this request has reached, to tell the authority.")
        message = _("A short note for the authority on this request, e.g. the next step.")
        tips: dict[QWidget, str] = {combo: stage for combo in self.stages}
        tips.update({field: message for field in self.messages})
        tips[self.passphrase] = _("The desk's own passphrase, to sign the receipt with its key.")
        set_field_tips(tips)

    @staticmethod
    def _intro(package: ReceivedPackage) -> str:
        return _(
            "Receipt for package {sequence} of {authority} ({country}). Choose a match stage "
            'only for the requests whose stage you answer; "No change" leaves a request out '
            "of the receipt. The message goes to the authority with the stage."
        ).format(
            sequence=package.sequence,
            authority=escape_line(package.authority),
            country=country_label(package.country),
        )

    def _add_row(self, row: int, request: dict[str, Any], last: str) -> None:
        title = str((request.get("content") or {}).get("title") or "")
        for column, text in ((COL_ID, str(request["id"])), (COL_TITLE, title)):
            self.table.setItem(row, column, text_cell(text))
        self.table.setItem(row, COL_LAST, QTableWidgetItem(stage_label(last)))
        combo = QComboBox(self.table)
        combo.addItem(_("No change"), None)
        for stage in MatchStage:
            combo.addItem(label(stage), stage.value)
        combo.setAccessibleName(_("Match stage of request {id}").format(id=request["id"]))
        message = QLineEdit(self.table)
        message.setAccessibleName(_("Message on request {id}").format(id=request["id"]))
        self.table.setCellWidget(row, COL_STAGE, combo)
        self.table.setCellWidget(row, COL_MESSAGE, message)
        self.stages.append(combo)
        self.messages.append(message)

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(Standard.Ok)
        assert button is not None  # the box was made with an OK button
        return button

    def _check(self) -> None:
        self.ok_button.setEnabled(bool(self.passphrase.text()))

    def replies(self) -> dict[int, RequestReply]:
        """The requests with a stage chosen, each with its message."""
        replies = {}
        for request, combo, message in zip(self.requests, self.stages, self.messages, strict=True):
            if combo.currentData() is not None:
                number = int(request["id"])
                stage = MatchStage(str(combo.currentData()))
                replies[number] = RequestReply(number, stage, message.text().strip())
        return replies

    def passphrase_bytes(self) -> bytes:
        return self.passphrase.text().encode("utf-8")

    def _accept_if_complete(self) -> None:
        for request, combo, message in zip(self.requests, self.stages, self.messages, strict=True):
            if combo.currentData() is None and message.text().strip():
                self.error.setText(
                    _(
                        "Request {id} has a message but no match stage: choose one, or clear "
                        "the message."
                    ).format(id=request["id"])
                )
                return
        self.accept()
