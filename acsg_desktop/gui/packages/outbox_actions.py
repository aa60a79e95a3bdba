"""What the outbox does with the Secretariat: import its signed receipt for a package, and
write an encrypted copy of a package for e-mail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.guides.service import trusted_certificates
from acsg_desktop.core.i18n import _, ngettext
from acsg_desktop.core.workspace import Workspace


def import_receipt(workspace: Workspace, parent: QWidget) -> str | None:
    """Ask for a receipt file and import it; the message to show, or None when cancelled.

    Raises:
        AcsgError: the receipt was refused (nothing changed).
    """
    name, _filter = QFileDialog.getOpenFileName(
        parent, _("Import a receipt from the Secretariat"), "", _("ACSG receipts (*.acsgreceipt)")
    )
    if not name:
        return None
    receipt = workspace.receipts.import_receipt(
        Path(name), trusted_certificates(workspace.data_dir), actor=workspace.current_user
    )
    count = len(receipt.requests)
    return ngettext(
        "Receipt imported: the Secretariat answered on {count} request.",
        "Receipt imported: the Secretariat answered on {count} requests.",
        count,
    ).format(count=count)


def encrypt_copy(package: Path, parent: QWidget) -> str | None:
    """Ask for the Secretariat's encryption certificate and write ``package``.p7m beside it."""
    from acsg_desktop.core.fileio import write_bytes_atomically
    from acsg_desktop.core.signing.cms import load_certificates
    from acsg_desktop.core.signing.confidential import ENCRYPTED_SUFFIX, encrypt_for

    name, _filter = QFileDialog.getOpenFileName(
        parent,
        _("The Secretariat's encryption certificate"),
        "",
        _("Certificates (*.pem *.crt)"),
    )
    if not name:
        return None
    try:
        certificates = load_certificates(Path(name).read_bytes())
        data = package.read_bytes()
    except OSError as error:
        raise AcsgError(str(error.strerror or error)) from error
    if not certificates:
        raise AcsgError(_("{path} holds no PEM certificate.").format(path=name))
    out = package.with_name(package.name + ENCRYPTED_SUFFIX)
    write_bytes_atomically(out, encrypt_for(data, certificates[0]))
    return _("Encrypted copy for the Secretariat: {path}").format(path=out)
