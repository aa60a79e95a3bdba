"""Asking for a passphrase: never shown, never stored (Electrum's "protected" idea).

The dialog says what was wrong with the last try (a wrong passphrase, two that differ, one too
short) and asks again; Cancel always cancels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.i18n import _
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.retranslate import Retranslatable

PROBLEM_STYLE = "color: #b00020; font-weight: bold;"


class PassphraseDialog(Retranslatable, QDialog):
    """One passphrase field, or two for a new passphrase (``confirm``), which must match and be
    long enough before the dialog closes; ``problem`` is said above the fields in red."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        prompt: str,
        problem: str = "",
        *,
        confirm: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.setAccessibleName(_("Problem"))
        self.fields = [QLineEdit(self) for _field in range(2 if confirm else 1)]
        form = QFormLayout()
        prompts = [prompt, _("Type the passphrase again:")]
        for field, text in zip(self.fields, prompts, strict=False):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMinimumWidth(280)
            label = QLabel(text, self)
            label.setBuddy(field)
            field.setAccessibleName(text.rstrip(": \u00a0"))
            form.addRow(label, field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.say(problem)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """The fields' tips (the other texts are set once: the dialog is modal and short)."""
        tips = [
            _("The passphrase that protects the key; it is never shown or stored."),
            _("The same passphrase once more, to be sure it has no typo."),
        ]
        set_field_tips(dict(zip(self.fields, tips, strict=False)))

    def say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.fields[0].setFocus()

    def passphrase(self) -> bytes:
        return self.fields[0].text().encode("utf-8")

    def accept(self) -> None:
        """Close only on an answer that can be used; otherwise say why and stay open."""
        from acsg_desktop.core.package.identities import MIN_PASSPHRASE  # slow: cryptography

        texts = [field.text() for field in self.fields]
        if not texts[0]:
            self.say(_("Type the passphrase, or choose Cancel."))
        elif len(texts) == 2 and len(texts[0]) < MIN_PASSPHRASE:
            self.say(
                _("Choose a passphrase of at least {count} characters.").format(
                    count=MIN_PASSPHRASE
                )
            )
        elif len(texts) == 2 and texts[0] != texts[1]:
            self.fields[1].clear()
            self.say(_("The two passphrases differ; type them again."))
        else:
            super().accept()


def ask_passphrase(parent: QWidget, title: str, prompt: str, problem: str = "") -> bytes | None:
    """The passphrase typed by the user, or None when cancelled."""
    dialog = PassphraseDialog(parent, title, prompt, problem)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.passphrase() if accepted else None


def ask_new_passphrase(parent: QWidget) -> bytes | None:
    """A new passphrase, typed twice; None when cancelled."""
    dialog = PassphraseDialog(
        parent,
        _("New passphrase"),
        _("Choose a passphrase (at least 10 characters):"),
        confirm=True,
    )
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.passphrase() if accepted else None
