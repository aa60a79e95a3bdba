"""Form errors tied to their fields: the message under the field is also the field's accessible
description (read with its name), and after a failed save the focus goes to the first field that
needs work, so a screen reader says which field and why."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from acsg_desktop.gui.widgets.live_text import show_text


def tie_error(field: QWidget, label: QLabel, message: str) -> None:
    """Show ``message`` under ``field`` (hide it when empty) and make it the field's
    description; a group of controls passes it to each of them."""
    show_text(label, message)
    label.setHidden(not message)
    proxy = field.focusProxy()
    for widget in (field, proxy) if proxy is not None else (field,):
        widget.setAccessibleDescription(message)


def show_field_errors(
    fields: Mapping[str, QWidget],
    labels: Mapping[str, QLabel],
    problems: Mapping[str, str],
    focus: bool = True,
) -> None:
    """One message per field of ``problems`` (the others cleared); with ``focus``, the keyboard
    goes to the first field, in the order of ``fields``, that has one."""
    for name, label in labels.items():
        if name in fields:
            tie_error(fields[name], label, problems.get(name, ""))
    first = next((fields[name] for name in fields if name in problems), None)
    if focus and first is not None:
        first.setFocus(Qt.FocusReason.OtherFocusReason)
