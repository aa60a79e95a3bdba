"""The main window: navigation between the areas, menus, status bar."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import N_, _, country_name
from acsg_desktop.core.preferences import load_settings, save_settings
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui import page_factories
from acsg_desktop.gui.backup.file_actions import BackupActions
from acsg_desktop.gui.help.help_menu import HelpActions
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.settings.server_link import ServerLink
from acsg_desktop.gui.settings.server_session import ServerSession
from acsg_desktop.gui.settings.user_dialog import SignInDialog
from acsg_desktop.gui.widgets.announce import follow_pages
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.navigation_list import NavigationList
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.widgets.scrolling_pages import scrolling
from acsg_desktop.gui.widgets.standard_menus import (
    add_go_menu,
    add_language_menu,
    go_to_area,
    name_go_and_language_menus,
)
from acsg_desktop.gui.widgets.view_menu import ViewActions
from acsg_desktop.gui.widgets.window_geometry import restore_geometry, saved_geometry
from acsg_desktop.gui.widgets.window_status import add_window_status

if TYPE_CHECKING:  # the pages are imported when first shown: a quicker start
    from acsg_desktop.gui.assessment.assessments_page import AssessmentsPage
    from acsg_desktop.gui.guides.guides_page import GuidesPage
    from acsg_desktop.gui.offers.offers_page import OffersPage
    from acsg_desktop.gui.overview.overview_page import OverviewPage
    from acsg_desktop.gui.packages.packages_page import PackagesPage
    from acsg_desktop.gui.requests.requests_page import RequestsPage
    from acsg_desktop.gui.settings.settings_page import SettingsPage

# (navigation label, what the area will do) for areas whose work has not landed yet.
OVERVIEW_LABEL = N_("Overview")
ASSESSMENTS_LABEL = N_("Assessments")
REQUESTS_LABEL = N_("Support requests")
OFFERS_LABEL = N_("Offers of support")  # as the page calls itself
GUIDES_LABEL = N_("Practice guides")
PACKAGES_LABEL = N_("Packages")
SETTINGS_LABEL = N_("Settings")
AREA_LABELS = (
    OVERVIEW_LABEL,
    ASSESSMENTS_LABEL,
    REQUESTS_LABEL,
    OFFERS_LABEL,
    PACKAGES_LABEL,
    GUIDES_LABEL,
    SETTINGS_LABEL,
)
OVERVIEW_ROW = 0  # opened first
ASSESSMENTS_ROW, REQUESTS_ROW, OFFERS_ROW, PACKAGES_ROW, GUIDES_ROW, SETTINGS_ROW = range(1, 7)
BACKUP_CHECK_MS = 5 * 60 * 1000


class MainWindow(Retranslatable, QMainWindow):
    """Navigation list on the left, the chosen area on the right."""

    def __init__(
        self,
        workspace: Workspace,
        language: LanguageSwitcher,
        session: ServerSession | None = None,
    ) -> None:
        super().__init__()
        self._workspace, self._language = workspace, language
        self.workspace, self.language = workspace, language  # for the pages' factories
        self._session = session or ServerSession()
        self.navigation = NavigationList(self)
        self.pages = QStackedWidget(self)
        self._built: dict[int, QWidget] = {}
        self._factories: list[Callable[[], QWidget]] = [
            partial(make, self) for make in page_factories.FACTORIES
        ]
        for label in AREA_LABELS:  # pages are built the first time they are shown
            self.navigation.addItem(_(label))
            self.pages.addWidget(QWidget(self.pages))
        self.navigation.currentRowChanged.connect(self._show_row)
        self.navigation.setCurrentRow(OVERVIEW_ROW)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.navigation)
        layout.addWidget(scrolling(self.pages, central), 1)  # fits at 150 % scale too
        self.setCentralWidget(central)
        follow_pages(self.pages)
        self.status_label, self.folder_label = add_window_status(self)
        self._build_menus()
        self.resize(1200, 720)  # until shown: show_fitted() fits it to the screen
        self.geometry_restored = restore_geometry(
            self, load_settings(self._workspace.data_dir).window_geometry
        )
        self._backup_timer = QTimer(self, interval=BACKUP_CHECK_MS)
        self._backup_timer.timeout.connect(self.auto_backup)
        self._backup_timer.start()
        self.retranslate_ui()
        self._resume_assessment()

    def _page(self, row: int) -> QWidget:
        """The page of area ``row``, built the first time it is needed (faster start-up)."""
        if row not in self._built:
            page = self._factories[row]()
            placeholder = self.pages.widget(row)
            self.pages.insertWidget(row, page)
            if placeholder is not None:
                self.pages.removeWidget(placeholder)
                placeholder.deleteLater()
            self._built[row] = page
        return self._built[row]

    def _show_row(self, row: int) -> None:
        page = self._page(row)
        self.pages.setCurrentIndex(row)
        if page is self._built.get(PACKAGES_ROW):
            self.packages_page.refresh()
        if page is self._built.get(OFFERS_ROW):
            self.offers_page.reload()  # a catalogue or an assessment may have changed

    @property
    def overview_page(self) -> OverviewPage:
        return cast("OverviewPage", self._page(OVERVIEW_ROW))

    @property
    def assessments_page(self) -> AssessmentsPage:
        return cast("AssessmentsPage", self._page(ASSESSMENTS_ROW))

    @property
    def requests_page(self) -> RequestsPage:
        return cast("RequestsPage", self._page(REQUESTS_ROW))

    @property
    def offers_page(self) -> OffersPage:
        return cast("OffersPage", self._page(OFFERS_ROW))

    @property
    def packages_page(self) -> PackagesPage:
        return cast("PackagesPage", self._page(PACKAGES_ROW))

    @property
    def guides_page(self) -> GuidesPage:
        return cast("GuidesPage", self._page(GUIDES_ROW))

    @property
    def settings_page(self) -> SettingsPage:
        return cast("SettingsPage", self._page(SETTINGS_ROW))

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.user_action = QAction(self)
        self.user_action.triggered.connect(self.change_user)
        # On an office server the login is the person: there is no one else to sign in as.
        self.user_action.setVisible(not self._workspace.database.is_server)
        self.file_menu.addAction(self.user_action)
        self.quit_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.go_menu, self.go_actions = add_go_menu(self, self.navigation.count(), self.show_area)
        self.language_menu, self.language_actions = add_language_menu(self, self._language)
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)
        self.backup_actions = BackupActions(self, self._workspace, self.file_menu, self.quit_action)
        self.help_actions = HelpActions(self, self.help_menu, self.about_action)
        self.view_actions = ViewActions(self, self.help_menu, self._workspace.data_dir)
        self.server_link = ServerLink(
            self, self._workspace, self._session, self.file_menu, self.backup_actions
        )
        self.server_link.pages = lambda: list(self._built.values())
        self.server_link.status_changed = self.refresh_status

    def show_area(self, row: int) -> None:
        """Switch to the area in navigation row ``row`` and move the focus there."""
        go_to_area(self.navigation, self.pages, row)

    def change_user(self) -> None:
        """Someone else signs in (with their passphrase); every page is built again for them
        (what each may do depends on their roles)."""
        if SignInDialog(self._workspace, self).exec() != QDialog.DialogCode.Accepted:
            return
        row = self.navigation.currentRow()
        for built_row, page in list(self._built.items()):
            placeholder = QWidget(self.pages)
            self.pages.insertWidget(built_row, placeholder)
            self.pages.removeWidget(page)
            page.deleteLater()
        self._built.clear()
        self._show_row(row)
        self.refresh_status()

    def show_about(self) -> None:
        from acsg_desktop.gui.about_dialog import AboutDialog, workspace_versions

        AboutDialog(self._workspace.data_dir, self, workspace_versions(self._workspace)).exec()

    def _status_text(self) -> str:
        profile = self._workspace.profiles.get()
        if profile is None:
            return _("No authority profile yet.")
        country = country_name(profile.country_code) or profile.country_code
        return _("{user} · {authority}, {country}.").format(
            user=self._workspace.current_user or _("no user chosen"),
            authority=profile.authority_name,
            country=country,
        )

    def refresh_status(self) -> None:
        self.status_label.setText(self._status_text())
        self.folder_label.setText(_("Data folder: {path}").format(path=self._workspace.data_dir))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("ACSG Desktop"))
        for row, label in enumerate(AREA_LABELS):
            self.navigation.item(row).setText(_(label))
        self.navigation.fit_width()
        self.navigation.setAccessibleName(_("Areas"))
        self.pages.setAccessibleName(_("Current area"))
        self.file_menu.setTitle(_("&File"))
        self.quit_action.setText(_("&Quit"))
        self.user_action.setText(_("Change &user…"))
        name_go_and_language_menus(
            (self.go_menu, self.go_actions),
            AREA_LABELS,
            (self.language_menu, self.language_actions),
            self._language.language,
        )
        self.help_menu.setTitle(_("&Help"))
        self.about_action.setText(_("&About ACSG Desktop"))
        self.refresh_status()

    def open_guide(self, guide_id: str) -> None:
        self.show_area(self.pages.indexOf(self.guides_page))
        self.guides_page.open_guide(guide_id)

    def draft_request(self, assessment_id: int, gaps: list[Gap]) -> None:
        """Selected gaps on the results screen become a new request in the Requests area."""
        self.show_area(REQUESTS_ROW)
        self.requests_page.draft_from_gaps(assessment_id, gaps)

    def _resume_assessment(self) -> None:
        """After a restart or a crash, reopen the wizard exactly where the user was."""
        assessment_id = self._workspace.assessment_to_resume()
        if assessment_id is not None:
            self.show_area(ASSESSMENTS_ROW)
            self.assessments_page.open_wizard(assessment_id)

    def auto_backup(self) -> None:
        """A checked backup when data changed and the last one is 30 minutes old or more."""
        try:
            made = self._workspace.backup_if_due()
        except AcsgError as error:
            show_text(
                self.statusBar(),
                _("Automatic backup failed: {reason}").format(reason=error.message),
                "showMessage",
            )
            return
        if made is not None:
            self.statusBar().showMessage(_("Backup written: {path}").format(path=made.name), 5000)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.auto_backup()
        settings = load_settings(self._workspace.data_dir)
        settings.window_geometry = saved_geometry(self)
        save_settings(self._workspace.data_dir, settings)
        super().closeEvent(event)
