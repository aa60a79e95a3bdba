"""What the outbox does with a package and the Secretariat: open its report or its folder,
import the Secretariat's signed receipt, write an encrypted copy for e-mail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.guides.service import trusted_certificates
from acsg_desktop.core.i18n import _, ngettext
from acsg_desktop.core.workspace import Workspace


def open_file(path: Path) -> None:
    """Open ``path`` in the program the desktop gives its kind of file (or folder)."""
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        raise AcsgError(_("No program on this computer could open {path}.").format(path=path))


def open_report(package: Path, sequence: int, data_dir: Path) -> str:
    """Copy the package's report out of it and open it in the PDF reader; the message to show.

    Raises:
        AcsgError: the package file is missing or unreadable, or nothing could open the report.
    """
    from acsg_desktop.core.package.outbox import REPORTS_FOLDER, report_copy

    report = report_copy(package, sequence, data_dir / REPORTS_FOLDER)
    open_file(report)
    return _("The report of package {sequence} is open ({path}).").format(
        sequence=sequence, path=report
    )


def open_folder(package: Path) -> str:
    """Open the folder that holds ``package`` in the file manager; the message to show."""
    if not package.parent.is_dir():
        raise AcsgError(_("The folder {path} is not there any more.").format(path=package.parent))
    open_file(package.parent)
    return _("The folder of {name} is open.").format(name=package.name)


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
