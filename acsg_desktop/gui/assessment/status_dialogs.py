"""The two questions asked before an assessment changes status: complete it, or reopen it."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from acsg_desktop.core.i18n import _


def confirm_completion(parent: QWidget) -> bool:
    """Ask before marking the assessment completed (buttons named in the user's language)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Mark as completed"))
    box.setText(_("Mark this assessment as completed?"))
    box.setInformativeText(
        _(
            "Its answers can then be sent in a package. Only a reviewer or a signatory can "
            "reopen it afterwards."
        )
    )
    complete = box.addButton(_("Mark as completed"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(_("Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is complete


def ask_reopen_reason(parent: QWidget) -> str | None:
    """The reason for reopening a completed assessment, or None when the user cancels."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(_("Reopen the assessment"))
    dialog.setLabelText(
        _("Why is this completed assessment reopened? The reason is kept in the audit log.")
    )
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dialog.setOkButtonText(_("Reopen"))
    dialog.setCancelButtonText(_("Keep it completed"))
    if not dialog.exec():
        return None
    return dialog.textValue()
