"""Lists sorted by a text sort as a reader does, on both backends: "État" among the E, not after
"Zone" (SQLite's lower() folds ASCII letters only); the guides list is checked in
tests/core/guides/test_search.py."""

from dataclasses import replace

from acsg_desktop.core.i18n import fold
from acsg_desktop.core.records.list_rows import PageOrder
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import TEST_PASSPHRASE, add_staff
from tests.core.requests.helpers import COMPLETE, DRAFTER, staffed

TITLES = ("Zone d'attente", "État civil", "avril", "Étude", "entretien", "Ávila")


def _in_reader_order(titles: list[str], descending: bool = False) -> bool:
    return [fold(t) for t in titles] == sorted((fold(t) for t in titles), reverse=descending)


def test_assessments_and_requests_sort_their_titles_as_read(backend_workspace: Workspace) -> None:
    workspace = staffed(backend_workspace)
    for number, title in enumerate(TITLES):
        workspace.assessments.create(title, 2020 + number, actor=DRAFTER)
        workspace.requests.create(replace(COMPLETE, title=title), actor=DRAFTER)
    for descending in (False, True):
        order = PageOrder("title", descending)
        assessments = [row.title for row in workspace.assessments.page(0, 50, order)]
        requests = [row.title for row in workspace.requests.page(0, 50, order)]
        assert sorted(assessments) == sorted(requests) == sorted(TITLES)
        assert _in_reader_order(assessments, descending), assessments
        assert _in_reader_order(requests, descending), requests


def test_people_are_listed_as_read(backend_workspace: Workspace) -> None:
    workspace = staffed(backend_workspace)
    add_staff(workspace, {"Élise Ngarta": {"reviewer"}, "Zara Oumar": {"drafter"}}, TEST_PASSPHRASE)
    names = [person.name for person in workspace.people.list()]
    assert "Élise Ngarta" in names and _in_reader_order(names), names
