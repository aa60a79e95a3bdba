"""Buttons that cannot act now are disabled, and say why in their tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def enable_with_reason(widget: QWidget, reason: str, tooltip: str = "") -> None:
    """Enable ``widget`` when ``reason`` is empty; otherwise disable it and show ``reason`` as
    its tooltip (and accessible description, for screen readers). ``tooltip``: the one it has
    when enabled."""
    widget.setEnabled(not reason)
    widget.setToolTip(reason or tooltip)
    widget.setAccessibleDescription(reason)
