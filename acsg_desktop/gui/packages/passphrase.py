"""Asking for a passphrase: never shown, never stored (Electrum's "protected" idea)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from acsg_desktop.core.i18n import _


def ask_passphrase(parent: QWidget, title: str, prompt: str) -> bytes | None:
    """The passphrase typed by the user, or None when cancelled."""
    text, accepted = QInputDialog.getText(parent, title, prompt, QLineEdit.EchoMode.Password)
    return text.encode("utf-8") if accepted and text else None


def ask_new_passphrase(parent: QWidget) -> bytes | None:
    """A new passphrase typed twice; None when cancelled or the two differ."""
    first = ask_passphrase(
        parent, _("New passphrase"), _("Choose a passphrase (at least 10 characters):")
    )
    if first is None:
        return None
    second = ask_passphrase(parent, _("New passphrase"), _("Type the passphrase again:"))
    return first if second == first else None
