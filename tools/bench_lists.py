"""Opening each list at 100 times normal data, against the same queries through plain sqlite3.

The app's figure is the time from asking the page for its list (as showing the page or changing
a filter does) to the first screenful painted. The floor is the statements the app ran for it,
caught on the app's own engine, run again through a plain sqlite3 connection, every row fetched.

That floor paints nothing, and at a millisecond a query, painting one screenful of a table costs
several times more. So each list has a second row, "beside a painted floor": the same replayed
statements, then a bare QTableView of the same size painting a QStandardItemModel that already
holds the texts the app showed (no Python per cell): what any Qt list pays to show that screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_common import captured_queries, figure, paired, plain_connection, replay, timed

RUNS = 7
TARGET = 2.0
SCREEN = (1366, 768)


def open_list(
    name: str, engine: Any, database: Path, page: Any, view: Any, reload: Callable[[], None]
) -> list[dict[str, Any]]:
    """The figures for the list ``view`` of ``page``, read again by ``reload``."""
    from PySide6.QtWidgets import QApplication

    page.resize(*SCREEN)
    page.show()
    QApplication.processEvents()

    def shown() -> None:
        reload()
        view.viewport().repaint()

    with captured_queries(engine) as queries:
        shown()
    connection = plain_connection(database)
    try:
        values, floors = paired(lambda: timed(shown), lambda: replay(connection, queries), RUNS)
        bare = _bare_table(view)  # shown only for the second pair of figures

        def painted_floor() -> float:
            return replay(connection, queries) + timed(bare.viewport().repaint)

        painted, paint_floors = paired(lambda: timed(shown), painted_floor, RUNS)
        bare.deleteLater()
    finally:
        connection.close()
    page.hide()
    return [
        figure(name, "s", values, floors, TARGET),
        figure(f"{name}, beside a painted floor", "s", painted, paint_floors, TARGET),
    ]


def _bare_table(view: Any) -> Any:
    """A plain QTableView the size of ``view``, over a QStandardItemModel of its texts."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    model = view.model()
    texts = QStandardItemModel(model.rowCount(), model.columnCount())
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            texts.setItem(row, column, QStandardItem(str(model.index(row, column).data() or "")))
    bare = QTableView()
    bare.setModel(texts)
    bare.resize(view.size())
    bare.show()
    QApplication.processEvents()
    return bare


def list_figures(folder: Path) -> list[dict[str, Any]]:
    """Assessments, requests, guides and offers lists of the big folder (bench_data)."""
    from acsg_desktop.core.store.database import database_path
    from acsg_desktop.core.workspace import Workspace
    from acsg_desktop.gui.assessment.assessments_page import AssessmentsPage
    from acsg_desktop.gui.guides.guides_page import GuidesPage
    from acsg_desktop.gui.offers.offers_page import OffersPage
    from acsg_desktop.gui.requests.requests_page import RequestsPage

    database = database_path(folder)
    with Workspace.open(folder) as workspace:
        engine = workspace.database.engine
        counts = workspace.database.table_counts()
        pages: list[tuple[str, Any, Callable[[Any], Any], str]] = [
            (f"assessments list, {counts['assessment']:,}", AssessmentsPage, _table, "reload"),
            (f"requests list, {counts['support_request']:,}", RequestsPage, _table, "reload"),
            (
                f"guides list, {counts['guide_document'] // 2:,} guides",
                GuidesPage,
                _results,
                "refresh",
            ),
            (f"offers list, {counts['offer']:,}", OffersPage, _table, "refresh"),
        ]
        figures = []
        for name, make, view_of, method in pages:
            page = make(workspace)
            reload = getattr(page, method)
            figures += open_list(name, engine, database, page, view_of(page), reload)
            page.deleteLater()
    return figures


def _table(page: Any) -> Any:
    return page.table


def _results(page: Any) -> Any:
    return page.results
