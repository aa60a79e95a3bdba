"""Possible offers to discuss, each with its reasons in words (never a bare score)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _
from acsg_desktop.core.offers.matching import Suggestion
from acsg_desktop.core.offers.words import fit_texts, misfit_texts
from acsg_desktop.core.records.offers import Catalogue, Offer

NOTE_STYLE = "color: #5f4b00; background: #fff4ce; padding: 4px;"


@dataclass(frozen=True)
class OfferEntry:
    """One offer as the list shows it: who, what, why it could fit, what does not fit."""

    offer_id: str
    title: str
    party: str
    fits: tuple[str, ...] = ()
    misfits: tuple[str, ...] = ()
    note: str = ""
    marked: bool = False


def suggestion_entry(
    suggestion: Suggestion, framework: Framework, marked: bool = False
) -> OfferEntry:
    """``suggestion`` in words, in the current language."""
    offer = suggestion.offer
    return OfferEntry(
        offer.id,
        offer.title.get(),
        offer.party_name.get(),
        tuple(fit_texts(suggestion, framework)),
        tuple(misfit_texts(suggestion.misfits, offer)),
        marked=marked,
    )


def marked_entry(offer_id: str, offer: Offer | None) -> OfferEntry:
    """An offer marked earlier that is no longer suggested (or no longer in the catalogue)."""
    if offer is None:
        return OfferEntry(
            offer_id, offer_id, "", note=_("No longer in the catalogue."), marked=True
        )
    return OfferEntry(
        offer.id,
        offer.title.get(),
        offer.party_name.get(),
        note=_("No longer suggested for this request."),
        marked=True,
    )


def catalogue_note(catalogue: Catalogue) -> str:
    """What to say above a list of offers about where they come from ("" for a real one)."""
    if not catalogue.offers:
        return _("No offers catalogue is installed: import one under Offers.")
    if catalogue.illustrative:
        return _("Illustrative example offers, not real ones.")
    return ""


def entry_html(entry: OfferEntry) -> str:
    """The rich text of one card."""
    parts = [f"<b>{html.escape(entry.title)}</b>"]
    if entry.party:
        parts.append(html.escape(entry.party))
    if entry.fits:
        parts.append(html.escape(_("Could fit: {reasons}").format(reasons=" · ".join(entry.fits))))
    if entry.misfits:
        parts.append(
            html.escape(_("Does not fit: {reasons}").format(reasons=" · ".join(entry.misfits)))
        )
    if entry.note:
        parts.append(f"<i>{html.escape(entry.note)}</i>")
    return "<br>".join(parts)


class OfferListWidget(QScrollArea):
    """A scrolling column of offer cards; with ``checkable``, an "Of interest" box on each."""

    interest_toggled = Signal(str, bool)  # offer id, checked

    def __init__(self, checkable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checkable = checkable
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.cards: list[QLabel] = []
        self.checkboxes: dict[str, QCheckBox] = {}
        self._column = QWidget(self)
        self._layout = QVBoxLayout(self._column)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addStretch(1)
        self.setWidget(self._column)

    def set_entries(
        self, entries: Iterable[OfferEntry], enabled: bool = True, why_disabled: str = ""
    ) -> None:
        """Show ``entries`` in order; the boxes are disabled (with a tooltip) unless ``enabled``."""
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 4, 0)
        self.cards, self.checkboxes = [], {}
        for entry in entries:
            layout.addWidget(self._card(column, entry, enabled, why_disabled))
        layout.addStretch(1)
        self.setVisible(bool(self.cards))  # no empty box: the panel's note says why
        old = self.takeWidget()
        self.setWidget(column)
        if old is not None:
            old.deleteLater()
        self._column = column

    def _card(self, parent: QWidget, entry: OfferEntry, enabled: bool, why: str) -> QFrame:
        card = QFrame(parent)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(card)
        text = QLabel(entry_html(entry), card)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        self.cards.append(text)
        if self._checkable:
            box = QCheckBox(_("Of interest"), card)
            box.setAccessibleName(_("Of interest: {title}").format(title=entry.title))
            box.setChecked(entry.marked)
            box.setEnabled(enabled)
            box.setToolTip(
                why if not enabled else _("Mark this offer as one you would like to discuss.")
            )
            box.toggled.connect(
                lambda checked, offer_id=entry.offer_id: self.interest_toggled.emit(
                    offer_id, checked
                )
            )
            layout.addWidget(box)
            self.checkboxes[entry.offer_id] = box
        return card

    def card_texts(self) -> list[str]:
        """Each card's text without markup (for tests and screen readers)."""
        return [card.text() for card in self.cards]
