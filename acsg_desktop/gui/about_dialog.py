"""About ACSG Desktop: version, data folder, the versions of the framework, guides and offers
in use, and the licences of what it is built on."""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from acsg_desktop import __version__
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.gui.widgets.dialog_fit import grow_to_fit_text
from acsg_desktop.gui.widgets.retranslate import Retranslatable

if TYPE_CHECKING:
    from acsg_desktop.core.workspace import Workspace

# (component, licence); licence names are proper names and stay as they are.
COMPONENTS = (
    (N_("ACSG Desktop"), "Apache-2.0"),
    ("Qt / PySide6", "LGPL-3.0"),
    ("SQLAlchemy, Alembic, platformdirs", "MIT"),
    ("ReportLab, Babel", "BSD"),
    (N_("DejaVu fonts"), N_("Bitstream Vera licence; DejaVu changes in the public domain")),
)


@dataclass(frozen=True)
class ContentVersions:
    """The versions of the content the app works with (None: nothing installed)."""

    framework: str
    guides: int | None
    offers: int | None = None
    offers_illustrative: bool = False


def workspace_versions(workspace: Workspace) -> ContentVersions:
    """What an authority's data folder has installed."""
    catalogue = workspace.offers.listing.summary()
    installed = catalogue.count > 0 or catalogue.version > 0
    return ContentVersions(
        framework=workspace.assessments.shipped_framework().version,
        guides=workspace.guides.installed_version() or None,
        offers=catalogue.version if installed else None,
        offers_illustrative=catalogue.illustrative,
    )


def shipped_versions() -> ContentVersions:
    """What this app ships (the desk installs no guides or offers of its own)."""
    from acsg_desktop.core.framework.loader import load_framework
    from acsg_desktop.core.guides.loader import shipped_version

    return ContentVersions(framework=load_framework().version, guides=shipped_version())


def _version_lines(versions: ContentVersions) -> tuple[str, ...]:
    if versions.offers is None:
        offers = _("Offers catalogue: none installed.")
    elif versions.offers_illustrative:
        offers = _(
            "Offers catalogue: version {version}, illustrative examples (not real offers)."
        ).format(version=versions.offers)
    else:
        offers = _("Offers catalogue: version {version}, from the Secretariat.").format(
            version=versions.offers
        )
    guides = (
        _("Practice guides: guide set version {version}.").format(version=versions.guides)
        if versions.guides is not None
        else _("Practice guides: none installed.")
    )
    framework = _("Capacity framework: version {version}.").format(version=versions.framework)
    return framework, guides, offers


class AboutDialog(Retranslatable, QDialog):
    """Read-only facts about this installation."""

    def __init__(
        self,
        data_dir: Path,
        parent: QWidget | None = None,
        versions: ContentVersions | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._versions = versions or shipped_versions()
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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        grow_to_fit_text(self)  # the data folder's path may take a line more

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
        body += "<p>" + "<br/>".join(map(html.escape, _version_lines(self._versions))) + "</p>"
        licences = html.escape(_("Licences"))
        self.text.setText(
            f"<h3>ACSG Desktop {html.escape(__version__)}</h3>{body}"
            f"<p><b>{licences}</b></p><table cellspacing='6'>{rows}</table>"
        )
        self.setAccessibleName(_("About ACSG Desktop"))
