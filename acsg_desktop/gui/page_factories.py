"""The main window's pages, each built (and its module imported) the first time it is shown:
the first screen waits only for the overview."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from acsg_desktop.gui.main_window import MainWindow


def overview(window: MainWindow) -> QWidget:
    from acsg_desktop.gui.overview import action_routes
    from acsg_desktop.gui.overview.overview_page import OverviewPage

    page = OverviewPage(window.workspace, window.pages)
    page.action_requested.connect(lambda action: action_routes.follow(window, action))
    return page


def assessments(window: MainWindow) -> QWidget:
    from acsg_desktop.gui.assessment.assessments_page import AssessmentsPage

    page = AssessmentsPage(window.workspace, window.pages)
    page.results.draft_requested.connect(window.draft_request)
    page.guide_requested.connect(window.open_guide)
    return page


def requests(window: MainWindow) -> QWidget:
    from acsg_desktop.gui.requests.requests_page import RequestsPage

    return RequestsPage(window.workspace, window.pages)


def offers(window: MainWindow) -> QWidget:
    from acsg_desktop.gui.offers.offers_page import OffersPage

    return OffersPage(window.workspace, window.pages)


def packages(window: MainWindow) -> QWidget:
    from acsg_desktop.gui.packages.packages_page import PackagesPage

    return PackagesPage(window.workspace, window.pages)


def guides(window: MainWindow) -> QWidget:
    from acsg_desktop.gui.guides.guides_page import GuidesPage

    return GuidesPage(window.workspace, window.pages)


def settings(window: MainWindow) -> QWidget:
    from acsg_desktop.gui.settings.settings_page import SettingsPage

    page = SettingsPage(window.workspace, window.language, window.pages)
    page.profile_saved.connect(window.refresh_status)
    page.people_box.people_changed.connect(window.refresh_status)
    page.server_requested.connect(window.server_link.open_dialog)
    return page


# In the order of the navigation list (main_window.AREA_LABELS).
FACTORIES: tuple[Callable[[MainWindow], QWidget], ...] = (
    overview,
    assessments,
    requests,
    offers,
    packages,
    guides,
    settings,
)
