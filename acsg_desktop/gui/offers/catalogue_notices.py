"""What the Offers page says about the catalogue: the illustrative banner, the empty state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from acsg_desktop.core.i18n import _
from acsg_desktop.gui.widgets.retranslate import Retranslatable

BANNER_STYLE = (
    "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #d9a400;"
    " border-radius: 4px; padding: 6px 10px; font-weight: bold; }"
)


class IllustrativeBanner(Retranslatable, QLabel):
    """Shown above the offers whenever the installed catalogue is the illustrative example."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(BANNER_STYLE)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        text = _(
            "Illustrative example offers, not real ones. Real offers come from the ACSG "
            "Secretariat in a signed catalogue."
        )
        self.setText(text)
        self.setAccessibleName(_("Warning"))  # screen readers announce the role, then the text
        self.setAccessibleDescription(text)


class CatalogueEmptyState(Retranslatable, QWidget):
    """No catalogue yet: what offers are, and the two ways to get some."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.heading.setFont(font)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setMaximumWidth(760)
        self.import_button = QPushButton(self)
        self.example_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.example_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addSpacing(24)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("No offers catalogue is installed"))
        self.explanation.setText(
            _(
                "Offers of support are what States, regional bodies, UN agencies, civil society "
                "and others have pledged to help asylum authorities, for example through the "
                "Global Refugee Forum. The ACSG Secretariat publishes them in a signed catalogue. "
                "Install that catalogue to see which offers could meet your gaps and requests, "
                "or load the example offers to try the app. The Secretariat decides on any "
                "match; here you only find possible offers to discuss."
            )
        )
        self.import_button.setText(_("&Import a catalogue from the Secretariat…"))
        self.example_button.setText(_("Load the e&xample offers"))
