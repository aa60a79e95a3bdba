"""About ACSG Desktop: version, data folder and the licences of what it is built on."""

from __future__ import annotations

import html
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from acsg_desktop import __version__
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.gui.widgets.retranslate import Retranslatable

# (component, licence); licence names are proper names and stay as they are.
COMPONENTS = (
    (N_("ACSG Desktop"), "Apache-2.0"),
    ("Qt / PySide6", "LGPL-3.0"),
    ("SQLAlchemy, Alembic, platformdirs", "MIT"),
    ("ReportLab, Babel", "BSD"),
    (N_("DejaVu fonts"), N_("Bitstream Vera licence; DejaVu changes in the public domain")),
)


class AboutDialog(Retranslatable, QDialog):
    """Read-only facts about this installation."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("About ACSG Desktop"))
        rows = "".join(
            f"<tr><td>{html.escape(_(name))}</td><td>{html.escape(_(licence))}</td></tr>"
            for name, licence in COMPONENTS
        )
        python = ".".join(str(part) for part in sys.version_info[:3])
        paragraphs = (
            _("Asylum capacity self-assessment and support requests, offline."),
            _("Data folder: {path}").format(path=self._data_dir),
            _("Python {python}, PySide6 {qt}").format(python=python, qt=pyside_version),
        )
        body = "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
        licences = html.escape(_("Licences"))
        self.text.setText(
            f"<h3>ACSG Desktop {html.escape(__version__)}</h3>{body}"
            f"<p><b>{licences}</b></p><table cellspacing='6'>{rows}</table>"
        )
        self.setAccessibleName(_("About ACSG Desktop"))
