"""Why a receipt was refused (light: the app's start imports the receipts service, not the
signature code that reads a receipt)."""

from __future__ import annotations

from acsg_desktop.core.errors import AcsgError


class ReceiptError(AcsgError):
    """The receipt was refused; ``reason`` is a stable code. Nothing was imported."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
