"""The request editor's "Possible offers to discuss": suggestions with reasons, and the offers
the authority marks as of interest (matching itself stays the Secretariat's decision)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _
from acsg_desktop.core.offers.service import INTEREST_STATUSES, OfferError, OfferService
from acsg_desktop.core.records.offers import Offer
from acsg_desktop.core.records.requests import SupportRequest
from acsg_desktop.gui.widgets.offer_suggestions import (
    NOTE_STYLE,
    OfferEntry,
    OfferListWidget,
    catalogue_note,
    marked_entry,
    suggestion_entry,
)
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class RequestOffersPanel(Retranslatable, QWidget):
    """Built when shown or when the request changes, not on every keystroke."""

    interest_changed = Signal(str)  # what was done, in words
    failed = Signal(str)  # why nothing changed

    def __init__(
        self,
        offers: OfferService,
        framework: Framework,
        user: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._offers, self._framework, self._user = offers, framework, user
        self.request: SupportRequest | None = None
        self._shown: tuple[int, int, str] | None = None  # the request the list was built for
        self._titles: dict[str, str] = {}
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.list = OfferListWidget(checkable=True, parent=self)
        self.list.interest_toggled.connect(self._toggle)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        layout.addStretch(0)  # takes the room when the list is hidden
        self.retranslate_ui()

    def show_request(self, request: SupportRequest) -> None:
        """Follow ``request``; the list is rebuilt only if it changed (and only when shown)."""
        self.request = request
        if self.isVisible() and self._key(request) != self._shown:
            self.rebuild()

    def follow_own_change(self, request: SupportRequest) -> None:
        """``request`` after a box ticked here: the list already shows it, so no rebuild."""
        self.request, self._shown = request, self._key(request)

    @staticmethod
    def _key(request: SupportRequest) -> tuple[int, int, str]:
        return request.id, request.version, request.status.value

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.request is not None and self._key(self.request) != self._shown:
            self.rebuild()

    def rebuild(self) -> None:
        """Ask the core for the suggestions and the marked offers, and show them."""
        request = self.request
        if request is None:
            return
        self._shown = self._key(request)
        catalogue = self._offers.catalogue()
        entries = self._entries(request, {offer.id: offer for offer in catalogue.offers})
        editable = request.status in INTEREST_STATUSES
        why_disabled = _(
            "Offers of interest can be changed only while the request is a draft or in review."
        )
        notes = [catalogue_note(catalogue)]
        if catalogue.offers and not entries:
            notes.append(_("No open offer fits this request: say so to the Secretariat."))
        if entries and not editable:
            notes.append(why_disabled)
        self.note.setText("\n".join(note for note in notes if note))
        self.note.setVisible(bool(self.note.text()))
        self._titles = {entry.offer_id: entry.title for entry in entries}
        self.list.set_entries(entries, enabled=editable, why_disabled=why_disabled)

    def _entries(self, request: SupportRequest, offers: dict[str, Offer]) -> list[OfferEntry]:
        marked = {interest.offer_id for interest in self._offers.interests([request.id])}
        try:
            suggestions = self._offers.for_request(request.id)
        except OfferError as error:
            self.failed.emit(error.message)
            suggestions = []
        entries = [suggestion_entry(s, self._framework, s.offer.id in marked) for s in suggestions]
        suggested = {s.offer.id for s in suggestions}
        entries += [
            marked_entry(offer_id, offers.get(offer_id)) for offer_id in sorted(marked - suggested)
        ]
        return entries

    def _toggle(self, offer_id: str, checked: bool) -> None:
        request = self.request
        if request is None:
            return
        try:
            self._offers.set_interest(
                request.id,
                offer_id,
                checked,
                actor=self._user(),
                expected_version=request.version,
            )
        except AcsgError as error:
            self._shown = None
            self.rebuild()  # the boxes show what is stored again
            self.failed.emit(error.message)
            return
        done = (
            _("Marked as of interest: {title}.")
            if checked
            else _("No longer of interest: {title}.")
        )
        self.interest_changed.emit(done.format(title=self._titles.get(offer_id, offer_id)))

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "Possible offers to discuss with the Secretariat, best first, with the reasons "
                "each could fit. Tick the ones you would like to discuss; matching is the "
                "Secretariat's decision."
            )
        )
        self.list.setAccessibleName(_("Possible offers to discuss"))
        self._shown = None
        if self.isVisible():
            self.rebuild()
