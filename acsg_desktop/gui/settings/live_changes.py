"""Other officials' changes shown as they happen: the server's notifications refresh the lists.

The listener's socket is watched by a ``QSocketNotifier`` (nothing polls); a burst of changes
(an assessment saves many answers) is gathered for ``BATCH_MS`` and refreshes each list once.
Only the areas already shown are refreshed (the others read the data when first shown), and
each keeps the row the user had chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QTableView, QWidget

from acsg_desktop.core.store.server_errors import ServerError
from acsg_desktop.gui.widgets.paged_model import PagedTableModel

BATCH_MS = 300
Refresher = tuple[type[QWidget], frozenset[str], Callable[[Any], None]]


@cache
def refreshers() -> tuple[Refresher, ...]:
    """Which tables each area shows, and how it reads them again (the pages are imported on a
    server's first change, not at start-up)."""
    from acsg_desktop.gui.assessment.assessments_page import AssessmentsPage
    from acsg_desktop.gui.guides.guides_page import GuidesPage
    from acsg_desktop.gui.offers.offers_page import OffersPage
    from acsg_desktop.gui.packages.packages_page import PackagesPage
    from acsg_desktop.gui.requests.requests_page import RequestsPage

    return (
        (AssessmentsPage, frozenset({"assessment", "answer"}), AssessmentsPage.reload),
        (RequestsPage, frozenset({"support_request", "request_comment"}), RequestsPage.reload),
        (OffersPage, frozenset({"offer", "assessment", "answer"}), OffersPage.reload),
        (
            PackagesPage,
            frozenset({"package", "receipt", "assessment", "person"}),
            PackagesPage.refresh,
        ),
        (GuidesPage, frozenset({"guide_document"}), GuidesPage.refresh),
    )


if TYPE_CHECKING:  # psycopg (66 ms) is imported on a server only
    from acsg_desktop.core.store.change_listener import ChangeListener


class LiveChanges(QObject):
    """Emits ``changed`` with the set of tables changed, at most once per ``BATCH_MS``, and
    ``lost`` with a sentence when the listener's connection is gone."""

    changed = Signal(object)
    lost = Signal(str)

    def __init__(self, listener: ChangeListener, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listener = listener
        self._pending: set[str] = set()
        self._batch = QTimer(self, singleShot=True, interval=BATCH_MS)
        self._batch.timeout.connect(self._emit)
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def _read(self) -> None:
        try:
            self._pending |= self._listener.drain()
        except ServerError as error:
            self.close()
            self.lost.emit(error.message)
            return
        if self._pending and not self._batch.isActive():
            self._batch.start()

    def _emit(self) -> None:
        tables, self._pending = self._pending, set()
        self.changed.emit(tables)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        self._batch.stop()
        self._listener.close()


def refresh_pages(pages: list[QWidget], tables: set[str]) -> None:
    """Read again, in each of ``pages`` that shows one of ``tables``, what it lists."""
    for page in pages:
        for kind, shown, reload in refreshers():
            if isinstance(page, kind) and shown & tables:
                _keeping_selection(page, reload)


def _keeping_selection(page: QWidget, reload: Callable[[Any], None]) -> None:
    table = getattr(page, "table", None)
    chosen = page.selected_id() if hasattr(page, "selected_id") else None
    reload(page)
    if not isinstance(table, QTableView) or chosen is None:
        return
    model = table.model()
    if isinstance(model, PagedTableModel):  # the rows read before are read again to find it
        found = model.find_row(lambda row: getattr(row, "id", None) == chosen)
        if found is not None:
            table.selectRow(found)
