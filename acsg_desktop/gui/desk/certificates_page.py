"""The desk's certificates: its own (the one authorities trust, with its fingerprint to read
aloud), certifying an authority's key from its request, and revoking what it issued."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.desk.known_keys import SecondKeyError
from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.display import escape_line
from acsg_desktop.core.errors import AcsgError, os_reason
from acsg_desktop.core.fileio import write_bytes_atomically
from acsg_desktop.core.i18n import _, format_date, format_datetime
from acsg_desktop.core.records.desk import IssuedCertificate
from acsg_desktop.core.signing.keys import certificate_pem, fingerprint, subject_text
from acsg_desktop.gui.desk.certify_dialog import CertifyDialog
from acsg_desktop.gui.desk.data_view import fill_table, make_table
from acsg_desktop.gui.desk.labels import country_label, desk_actor
from acsg_desktop.gui.desk.publish_box import PublishBox
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.retranslate import Retranslatable


def _details_text(issued: IssuedCertificate | None) -> str:
    if issued is None:
        return _("Choose a certificate to see its subject and fingerprint.")
    lines = [issued.subject, _("Fingerprint: {fingerprint}").format(fingerprint=issued.fingerprint)]
    if issued.revoked_at is not None:
        words = (
            _("Revoked on {date}: {reason}")
            if issued.revoked_by(_now())
            else _("Revoked from {date} (still valid until then): {reason}")
        )
        lines.append(
            words.format(
                date=format_datetime(issued.revoked_at, "short"),
                reason=escape_line(issued.revocation_reason),
            )
        )
    return "\n".join(lines)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # naive UTC, as the desk stores times


class CertificatesPage(Retranslatable, QWidget):
    def __init__(self, desk: DeskWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.issued: list[IssuedCertificate] = []
        self.title = make_page_title(self)
        self.own_box = QGroupBox(self)
        self.subject = QLabel(self.own_box)
        self.subject.setTextFormat(Qt.TextFormat.PlainText)
        self.fingerprint = QLabel(self.own_box)
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation = QLabel(self.own_box)
        self.explanation.setWordWrap(True)
        self.buttons = {name: QPushButton(self) for name in ("save", "certify", "revoke")}
        self.buttons["save"].clicked.connect(self.save_certificate)
        self.buttons["certify"].clicked.connect(self.certify)
        self.buttons["revoke"].clicked.connect(self.revoke)
        self.issued_heading = QLabel(self)
        self.table = make_table(self)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.details = QLabel(self)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = MessageLabel(self)  # announced to screen readers
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.publish_box = PublishBox(desk, self)
        self._lay_out()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        own = QVBoxLayout(self.own_box)
        for widget in (self.subject, self.fingerprint, self.explanation):
            own.addWidget(widget)
        own.addWidget(self.buttons["save"], 0, Qt.AlignmentFlag.AlignLeft)
        actions = QHBoxLayout()
        actions.addWidget(self.issued_heading, 1)
        actions.addWidget(self.buttons["certify"])
        actions.addWidget(self.buttons["revoke"])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.own_box)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        layout.addWidget(self.publish_box)

    def refresh(self) -> None:
        certificate = self._desk.trust.certificate()
        self.subject.setText(subject_text(certificate))
        self.fingerprint.setText(fingerprint(certificate))
        self.issued = sorted(
            self._desk.trust.certificates(), key=lambda c: c.issued_at, reverse=True
        )
        rows = [
            [
                c.serial,
                country_label(c.country),
                escape_line(c.authority),
                format_datetime(c.issued_at, "short"),
                format_date(c.not_after.date()),
                format_date(c.revoked_at.date()) if c.revoked_at else "",
            ]
            for c in self.issued
        ]
        fill_table(self.table, self._headers(), rows, stretch=2)
        self._selection_changed()

    @staticmethod
    def _headers() -> list[str]:
        return [
            _("Serial"),
            _("Country"),
            _("Authority"),
            _("Issued"),
            _("Valid until"),
            _("Revoked"),
        ]

    def selected(self) -> IssuedCertificate | None:
        rows = self.table.selectionModel().selectedRows()
        return self.issued[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.buttons["revoke"].setEnabled(chosen is not None and chosen.revocable_now(_now()))
        self.details.setText(_details_text(chosen))

    def save_certificate(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the desk certificate"),
            _("acsg-secretariat.pem"),
            _("Certificates (*.pem)"),
        )
        if not name:
            return
        try:
            write_bytes_atomically(Path(name), certificate_pem(self._desk.trust.certificate()))
        except OSError as error:
            show_text(self.message, _("Not saved: {reason}").format(reason=os_reason(error)))
            return
        show_text(
            self.message,
            _("Saved to {path}. Authorities put it in their trust folder.").format(path=name),
        )

    def certify(self) -> None:
        """Read a CSR, ask for how long and the passphrase, save the issued certificate."""
        from acsg_desktop.core.signing.ca import read_request

        source, _filter = QFileDialog.getOpenFileName(
            self,
            _("Certify a request"),
            "",
            _("Certificate requests (*.csr *.pem)") + ";;" + _("All files (*)"),
        )
        if not source:
            return
        try:
            request_pem = Path(source).read_bytes()
            subject = escape_line(read_request(request_pem).subject.rfc4514_string())
        except (AcsgError, OSError) as error:
            self._say_not_certified(error)
            return
        dialog = CertifyDialog(subject, self)
        if dialog.exec() != CertifyDialog.DialogCode.Accepted:
            return
        target, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the issued certificate"),
            _("authority-certificate.pem"),
            _("Certificates (*.pem)"),
        )
        if not target:
            return
        try:
            issued = self._issue(request_pem, dialog)
            if issued is None:
                show_text(self.message, _("Not certified: the second key was not confirmed."))
                return
            Path(target).write_text(issued.pem, "ascii")
        except (AcsgError, OSError) as error:
            self._say_not_certified(error)
            return
        show_text(
            self.message,
            _("Certificate {serial} for {subject} written to {path}").format(
                serial=issued.serial, subject=issued.subject, path=target
            ),
        )
        self.refresh()

    def _issue(self, request_pem: bytes, dialog: CertifyDialog) -> IssuedCertificate | None:
        """The certificate, once the officer has confirmed a second active key (None if not)."""
        confirmed = False
        while True:
            try:
                return self._desk.trust.certify(
                    request_pem,
                    dialog.passphrase_bytes(),
                    actor=desk_actor(self._desk),
                    days=dialog.days.value(),
                    second_key_confirmed=confirmed,
                )
            except SecondKeyError as error:
                answer = QMessageBox.question(
                    self,
                    _("Certify a second key?"),
                    error.message + "\n\n" + _("Has the authority confirmed this request?"),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return None
                confirmed = True

    def _say_not_certified(self, error: AcsgError | OSError) -> None:
        reason = error.message if isinstance(error, AcsgError) else os_reason(error)
        show_text(self.message, _("Not certified: {reason}").format(reason=reason))

    def revoke(self) -> None:
        chosen = self.selected()
        if chosen is None or not chosen.revocable_now(_now()):
            return
        reason, given = QInputDialog.getText(
            self,
            _("Revoke certificate {serial}").format(serial=chosen.serial),
            _("Why? Packages signed with it from now on are refused."),
        )
        if not given:
            return
        if not reason.strip():
            show_text(self.message, _("Not revoked: say why."))
            return
        try:
            self._desk.trust.revoke(chosen.serial, reason, actor=desk_actor(self._desk))
        except AcsgError as error:
            show_text(self.message, _("Not revoked: {reason}").format(reason=error.message))
            return
        show_text(self.message, _("Certificate {serial} revoked.").format(serial=chosen.serial))
        self.refresh()

    def retranslate_ui(self) -> None:
        self.title.setText(_("Certificates"))
        self.own_box.setTitle(_("The desk's certificate"))
        self.explanation.setText(
            _(
                "Authorities trust the desk by putting this certificate in their trust folder. "
                "Read them its fingerprint by another channel so they can check the file."
            )
        )
        self.fingerprint.setAccessibleName(_("Fingerprint"))
        self.buttons["save"].setText(_("&Save the desk certificate…"))
        self.buttons["certify"].setText(_("&Certify a request (CSR)…"))
        self.buttons["revoke"].setText(_("Re&voke…"))
        self.issued_heading.setText(_("Certificates issued by the desk"))
        self.table.setAccessibleName(_("Certificates issued by the desk"))
        self.refresh()
