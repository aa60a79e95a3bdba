"""The list models, tested without any widget (as Vorta tests its table models).

Each list reads a page at a time: the models hold the first batch until ``fetchMore``, sort in
SQL when a header is clicked, and filter in SQL.
"""

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from acsg_desktop.core import i18n
from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.records.assessment import AssessmentStatus
from acsg_desktop.core.records.guides import Guide, GuideFilters, GuideText
from acsg_desktop.core.records.requests import RequestContent
from acsg_desktop.core.requests.filters import RequestFilter
from acsg_desktop.core.requests.validation import completeness
from acsg_desktop.core.store.assessment_repository import AssessmentRepository
from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.store.guide_repository import GuideRepository
from acsg_desktop.core.store.request_repository import RequestRepository
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.assessment.assessment_table_model import (
    COL_COMPLETION,
    COL_TITLE,
    COL_YEAR,
    AssessmentTableModel,
)
from acsg_desktop.gui.guides.guide_list_model import GUIDE_ROLE, GuideListModel, summary_line
from acsg_desktop.gui.requests.request_table_model import (
    COL_COMPLETE,
    COL_ID,
    COL_STAGE,
    COL_STATUS,
    RequestTableModel,
)
from acsg_desktop.gui.requests.request_table_model import COL_TITLE as COL_TITLE_OF_REQUESTS
from acsg_desktop.gui.widgets.table_model import two_lines

BATCH = 50

ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole


def synthetic_guides(count: int) -> list[Guide]:
    """``count`` guides titled "Guide <n> <language>" in English and French."""
    return [
        Guide(
            f"g{number}",
            "tool",
            ("appeals",),
            ("fairness",),
            "global",
            2026,
            {lang: GuideText(f"Guide {number} {lang}", "Summary", "Body") for lang in ("en", "fr")},
        )
        for number in range(count)
    ]


@pytest.fixture
def demo(qapp, backend_workspace: Workspace, demo_logins_dropped: None) -> Workspace:
    """The demo, on SQLite and on an office server (changes are made as the signed-in user)."""
    create_demo(backend_workspace, "en")
    return backend_workspace


def _add_requests(workspace: Workspace, count: int) -> None:
    with workspace.database.unit_of_work() as session:
        repository = RequestRepository(session)
        for number in range(count):
            content = RequestContent(title=f"Extra request {number:03d}")
            repository.add(content, "Test", completeness(content))


def _add_assessments(workspace: Workspace, count: int) -> None:
    framework = workspace.assessments.shipped_framework()
    with workspace.database.unit_of_work() as session:
        repository = AssessmentRepository(session)
        for number in range(count):
            year = 2000 + number % 50
            repository.add(f"Copy {number:03d}", year, framework.id, framework.version)


def test_two_lines_breaks_at_the_space_nearest_the_middle() -> None:
    assert two_lines("Mise en correspondance") == "Mise en\ncorrespondance"
    assert two_lines("Etapa de la correspondencia") == "Etapa de la\ncorrespondencia"
    assert two_lines("Status") == "Status"


def test_request_model_rows_headers_roles(demo: Workspace) -> None:
    model = RequestTableModel()
    model.set_query(demo.requests.page)
    model.reload()
    assert model.rowCount() == 4 and model.columnCount() == 7
    assert model.headerData(COL_STATUS, Qt.Orientation.Horizontal) == "Status"
    statuses = {model.index(row, COL_STATUS).data() for row in range(4)}
    assert statuses == {"Draft", "In review", "Approved", "Withdrawn"}
    # a long header over short values goes on two lines; read as one phrase
    assert model.headerData(COL_STAGE, Qt.Orientation.Horizontal) == "Match\nstage"
    assert model.headerData(COL_STAGE, Qt.Orientation.Horizontal, ACCESSIBLE) == "Match stage"
    i18n.set_language("fr")
    assert model.headerData(COL_STATUS, Qt.Orientation.Horizontal) == "Statut"
    assert model.headerData(COL_STAGE, Qt.Orientation.Horizontal) == "Mise en\ncorrespondance"
    model.retranslate()  # the texts made once per row are made again in the new language
    assert "Brouillon" in {model.index(row, COL_STATUS).data() for row in range(4)}
    i18n.set_language("en")
    model.retranslate()
    old = {r.id: r.content.title for r in demo.requests.list()}
    assert {model.row_at(n).id: model.row_at(n).title for n in range(4)} == old


def test_request_model_holds_one_batch_until_fetch_more(demo: Workspace) -> None:
    _add_requests(demo, 2 * BATCH + 6)  # 110 with the demo's 4
    model = RequestTableModel(batch=BATCH)
    model.set_query(demo.requests.page)
    model.reload()
    assert model.rowCount() == BATCH and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * BATCH and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 110 and not model.canFetchMore()
    ids = [model.row_at(n).id for n in range(110)]
    assert ids == sorted(ids, reverse=True)  # newest first by default


def test_request_model_sorts_in_sql(demo: Workspace) -> None:
    _add_requests(demo, BATCH + 10)
    model = RequestTableModel(batch=BATCH)
    model.set_query(demo.requests.page)
    model.sort(COL_ID, Qt.SortOrder.AscendingOrder)
    assert [model.index(n, COL_ID).data() for n in range(3)] == ["1", "2", "3"]
    assert model.rowCount() == BATCH  # sorted in SQL: still one batch
    model.sort(COL_ID, Qt.SortOrder.DescendingOrder)
    assert model.index(0, COL_ID).data() == "64"
    model.sort(COL_COMPLETE, Qt.SortOrder.DescendingOrder)  # kept with each request: in SQL
    assert model.rowCount() == BATCH
    shares = [model.row_at(n).completeness for n in range(BATCH)]
    assert shares == sorted(shares, reverse=True) and shares[0] == max(
        completeness(r.content) for r in demo.requests.list()
    )


def test_request_model_filters_in_sql(demo: Workspace) -> None:
    _add_requests(demo, BATCH + 10)
    model = RequestTableModel(batch=BATCH)
    chosen = {"filter": RequestFilter(text="EXTRA REQUEST 00")}
    model.set_query(lambda o, n, order: demo.requests.page(o, n, order, chosen["filter"]))
    model.reload()
    assert model.rowCount() == 10 and not model.canFetchMore()
    assert demo.requests.count(chosen["filter"]) == 10
    chosen["filter"] = RequestFilter.from_values(status="approved")
    model.reload()
    assert [model.index(n, COL_STATUS).data() for n in range(model.rowCount())] == ["Approved"]


def test_assessment_completion_is_the_scored_completion(demo: Workspace) -> None:
    service = demo.assessments
    old = {summary.id: completion for summary, completion in service.with_completion()}
    assert {row.id: row.completion for row in service.page(0, 10)} == old
    before = old
    assert 0 < min(old.values()) < 1  # the demo has one assessment not fully answered
    indicators = service.shipped_framework().indicators
    conditions = {i.condition.context for i in indicators if i.condition}
    assert conditions
    in_progress = [a.id for a in service.list() if a.status is AssessmentStatus.IN_PROGRESS]
    assert in_progress
    for assessment_id in in_progress:  # a context answered "no" leaves its indicators out
        service.set_contexts(
            assessment_id, dict.fromkeys(conditions, False), actor=demo.current_user
        )
    old = {summary.id: completion for summary, completion in service.with_completion()}
    assert {row.id: row.completion for row in service.page(0, 10)} == old
    assert old != before


def test_assessment_model_pages_and_sorts_in_sql(demo: Workspace) -> None:
    _add_assessments(demo, 2 * BATCH)
    model = AssessmentTableModel(batch=BATCH)
    model.set_query(demo.assessments.page)
    model.reload()
    assert model.rowCount() == BATCH and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * BATCH + 2 and not model.canFetchMore()
    model.sort(COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == BATCH
    titles = sorted((a.title for a in demo.assessments.list()), key=str.lower)
    assert [model.index(n, COL_TITLE).data() for n in range(BATCH)] == titles[:BATCH]
    model.sort(COL_YEAR, Qt.SortOrder.AscendingOrder)
    assert model.index(0, COL_YEAR).data() == "2000"
    model.sort(COL_COMPLETION, Qt.SortOrder.DescendingOrder)
    assert model.index(0, COL_COMPLETION).data() == "100%"  # the demo's finished one
    model.sort(COL_COMPLETION, Qt.SortOrder.AscendingOrder)
    assert model.index(0, COL_COMPLETION).data() == "0%"  # a new one: nothing answered
    assert model.rowCount() == BATCH


def test_guide_model_pages_by_title(demo: Workspace) -> None:
    with demo.database.unit_of_work() as session:
        GuideRepository(session).replace_all(synthetic_guides(2 * BATCH + 5))
    model = GuideListModel(batch=BATCH)
    model.set_query(
        lambda o, n, _order: [summary_line(g) for g in demo.guides.page("fr", GuideFilters(), o, n)]
    )
    model.reload()
    assert model.rowCount() == BATCH and model.canFetchMore()
    titles = [model.index(n, 0).data() for n in range(BATCH)]
    assert titles == sorted(titles) and titles[0] == "Guide 0 fr"
    while model.canFetchMore():
        model.fetchMore()
    listed = [model.index(n, 0).data(GUIDE_ROLE) for n in range(model.rowCount())]
    assert listed == [g.guide_id for g in demo.guides.list("fr", GuideFilters())]
    assert demo.guides.count("fr", GuideFilters()) == 2 * BATCH + 5
    assert demo.guides.count("fr", GuideFilters(region="europe")) == 0


def test_requests_page_sorts_on_header_click_in_sql(qtbot, demo: Workspace) -> None:
    from acsg_desktop.gui.requests.requests_page import RequestsPage

    _add_requests(demo, BATCH + 10)
    page = RequestsPage(demo)
    qtbot.addWidget(page)
    header, model = page.table.horizontalHeader(), page.model
    model.fetchMore()  # the first batch held all 64: the next one finds none
    assert model.rowCount() == 64 and not model.canFetchMore()
    assert model.index(0, COL_ID).data() == "64"
    header.setSortIndicator(COL_ID, Qt.SortOrder.AscendingOrder)  # as a click does
    assert model.index(0, COL_ID).data() == "1"
    header.setSortIndicator(COL_COMPLETE, Qt.SortOrder.AscendingOrder)
    assert model.index(0, COL_TITLE_OF_REQUESTS).data().startswith("Extra request")
    assert header.sortIndicatorSection() == COL_COMPLETE
    page.status_filter.setCurrentIndex(page.status_filter.findData("approved"))
    assert [model.index(n, COL_STATUS).data() for n in range(model.rowCount())] == ["Approved"]


def test_completeness_is_kept_with_each_request_and_follows_its_edits(demo: Workspace) -> None:
    service = demo.requests
    request = service.create(RequestContent(title="Only a title"), actor=demo.current_user)
    [row] = [r for r in service.page(0, 10) if r.id == request.id]
    assert row.completeness == completeness(request.content) < 1
    done = next(r for r in service.list() if completeness(r.content) == 1).content
    edited = service.update(
        request.id, replace(done, title="Now complete"), actor=demo.current_user
    )
    [row] = [r for r in service.page(0, 10) if r.id == edited.id]
    assert row.completeness == 1


def test_requests_stored_before_completeness_was_kept_get_it_on_open(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        create_demo(workspace, "en")
        expected = {r.id: completeness(r.content) for r in workspace.requests.list()}
    connection = sqlite3.connect(database_path(tmp_path))
    connection.execute("UPDATE support_request SET completeness = NULL")  # as 0014 leaves them
    connection.commit()
    connection.close()
    with Workspace.open(tmp_path) as workspace:
        assert {r.id: r.completeness for r in workspace.requests.page(0, 10)} == expected
        assert workspace.requests.fill_completeness() == 0  # nothing left to work out


def test_a_list_opens_on_a_small_first_batch_then_reads_whole_batches(demo: Workspace) -> None:
    _add_requests(demo, 2 * BATCH)
    model = RequestTableModel(batch=BATCH, first_batch=10)
    model.set_query(demo.requests.page)
    model.reload()
    assert model.rowCount() == 10 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 10 + BATCH


def test_a_row_chosen_beyond_the_first_batch_is_found_again_after_a_reload(
    demo: Workspace,
) -> None:
    _add_requests(demo, 2 * BATCH)
    model = RequestTableModel(batch=BATCH, first_batch=10)
    model.set_query(demo.requests.page)
    model.reload()
    model.fetchMore()
    chosen = model.row_at(10 + BATCH // 2).id  # in the second batch
    model.reload()
    assert model.rowCount() == 10
    row = model.find_row(lambda line: line.id == chosen)
    assert row == 10 + BATCH // 2 and model.row_at(row).id == chosen
    assert model.find_row(lambda line: line.id == -1) is None
    assert model.rowCount() == 10 + BATCH  # read up to what the list held, not the whole table


def test_every_model_that_styles_cells_names_the_roles_it_answers() -> None:
    """The style roles are answered None at once unless a model names them: one that answers
    such a role in ``extra`` without naming it would lose its colours or icons."""
    import inspect
    import pkgutil
    from importlib import import_module

    import acsg_desktop.gui
    from acsg_desktop.gui.widgets.table_model import STYLE_ROLES, RowTableModel

    for module in pkgutil.walk_packages(acsg_desktop.gui.__path__, "acsg_desktop.gui."):
        if "model" in module.name or module.name.endswith("_view"):
            import_module(module.name)
    models, pending = [], list(RowTableModel.__subclasses__())
    while pending:
        model_class = pending.pop()
        models.append(model_class)
        pending += model_class.__subclasses__()
    assert len(models) >= 8
    for model_class in models:
        source = inspect.getsource(model_class.extra) if "extra" in vars(model_class) else ""
        answered = {role for role in STYLE_ROLES if f"ItemDataRole.{role.name}" in source}
        assert answered <= model_class.styled_roles, model_class.__name__


def test_a_change_from_the_server_keeps_a_request_chosen_far_down_the_list(
    qtbot, demo: Workspace
) -> None:
    from acsg_desktop.gui.requests.requests_page import RequestsPage
    from acsg_desktop.gui.settings.live_changes import refresh_pages

    _add_requests(demo, 3 * BATCH)
    page = RequestsPage(demo)
    qtbot.addWidget(page)
    while page.model.rowCount() < 100:
        page.model.fetchMore()  # as scrolling does
    page.table.selectRow(99)  # beyond the first batch of 64
    chosen = page.selected_id()
    refresh_pages([page], {"support_request"})
    assert page.selected_id() == chosen
