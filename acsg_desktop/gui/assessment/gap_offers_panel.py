"""Under the results' gap list: the possible offers for the selected gap, with their reasons,
and which gaps no open offer fits (the unmet needs the Secretariat should hear of)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _, ngettext
from acsg_desktop.core.offers.service import GapOffers, OfferService
from acsg_desktop.core.records.offers import Catalogue
from acsg_desktop.gui.widgets.high_contrast import colour_for_mode
from acsg_desktop.gui.widgets.offer_suggestions import (
    NOTE_STYLE,
    OfferListWidget,
    catalogue_note,
    suggestion_entry,
)
from acsg_desktop.gui.widgets.retranslate import Retranslatable

UNMET_BRUSH = QBrush(QColor("#fff4ce"))


class GapOffersPanel(Retranslatable, QWidget):
    """Asks the core once per results refresh (``load``), then shows one gap at a time."""

    def __init__(self, offers: OfferService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._offers = offers
        self._by_indicator: dict[str, GapOffers] = {}
        self._catalogue: Catalogue | None = None
        self._framework: Framework | None = None
        self._gap: tuple[Gap, int] | None = None
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        bold = self.heading.font()
        bold.setBold(True)
        self.heading.setFont(bold)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.list = OfferListWidget(checkable=False, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        layout.addStretch(0)  # takes the room when the list is hidden
        self.retranslate_ui()

    def sizeHint(self) -> QSize:
        """Modest: the list of offers scrolls, and the results page must fit a small screen."""
        return QSize(super().sizeHint().width(), 200)

    def load(self, assessment_id: int, framework: Framework) -> None:
        """The offers for every gap of ``assessment_id``, from the installed catalogue."""
        catalogue = self._catalogue = self._offers.catalogue()
        self._framework = framework
        found = self._offers.for_assessment(assessment_id) if catalogue.offers else []
        self._by_indicator = {item.gap.indicator_id: item for item in found}
        self._gap = None
        self._show()

    def is_unmet(self, gap: Gap) -> bool:
        """True when a catalogue is installed and no open offer fits ``gap``."""
        item = self._by_indicator.get(gap.indicator_id)
        return item is not None and not item.suggestions

    def mark(self, gap: Gap) -> str:
        """What the gap list says about the offers for ``gap``."""
        item = self._by_indicator.get(gap.indicator_id)
        if item is None:
            return "–"
        if not item.suggestions:
            return _("No open offer fits (unmet need)")
        count = len(item.suggestions)
        return ngettext("{count} possible offer", "{count} possible offers", count).format(
            count=count
        )

    def tint(self, item: QTableWidgetItem | None, gap: Gap) -> None:
        """Set the unmet-need colour and tooltip on ``gap``'s cell in the offers column."""
        if item is not None and self.is_unmet(gap):
            item.setBackground(QBrush(colour_for_mode(UNMET_BRUSH.color(), background=True)))
            item.setToolTip(_("No open offer in the catalogue fits this gap."))

    def follow(self, table: QTableWidget, selected: Callable[[], list[Gap]]) -> None:
        """Show the offers for the first gap selected in ``table``."""

        def changed() -> None:
            rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
            gaps = selected()
            self.show_gap(gaps[0] if gaps else None, rows[0] + 1 if rows else 0)

        table.itemSelectionChanged.connect(changed)

    def show_gap(self, gap: Gap | None, number: int = 0) -> None:
        """Show the offers for ``gap`` (``number`` as the list shows it), or a hint if None."""
        self._gap = (gap, number) if gap is not None else None
        self._show()

    def _show(self) -> None:
        note = catalogue_note(self._catalogue) if self._catalogue is not None else ""
        notes = [note] if note else []
        item = self._by_indicator.get(self._gap[0].indicator_id) if self._gap else None
        if self._gap is None:
            self.heading.setText(_("Select a gap to see the possible offers to discuss."))
        else:
            self.heading.setText(
                _("Possible offers to discuss for gap {number}:").format(number=self._gap[1])
            )
            notes += self._gap_notes(item)
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        framework = self._framework
        suggestions = item.suggestions if item is not None else ()
        if framework is not None:
            self.list.set_entries(suggestion_entry(s, framework) for s in suggestions)

    def _gap_notes(self, item: GapOffers | None) -> list[str]:
        if self._catalogue is None or not self._catalogue.offers:
            return []
        if item is None:
            return [_("Answer this indicator first: offers are suggested for gaps with a level.")]
        notes = []
        if not item.suggestions:
            notes.append(_("No open offer fits this gap (unmet need): say so to the Secretariat."))
        if item.request_id is not None:
            notes.append(
                _("Request {id} covers this gap: mark offers of interest in its editor.").format(
                    id=item.request_id
                )
            )
        return notes

    def retranslate_ui(self) -> None:
        self.list.setAccessibleName(_("Possible offers for the selected gap"))
        self._show()
