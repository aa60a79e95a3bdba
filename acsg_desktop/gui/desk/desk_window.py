"""The desk's window: navigation between received packages, the dashboard and certificates."""

from __future__ import annotations

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.core.preferences import load_settings, save_settings
from acsg_desktop.gui.desk.certificates_page import CertificatesPage
from acsg_desktop.gui.desk.dashboard_page import DashboardPage
from acsg_desktop.gui.desk.labels import desk_actor
from acsg_desktop.gui.desk.received_page import ReceivedPackagesPage
from acsg_desktop.gui.help.help_menu import HelpActions
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.widgets.announce import follow_pages
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

AREA_LABELS = (N_("Received packages"), N_("Dashboard"), N_("Certificates"))
RECEIVED_ROW, DASHBOARD_ROW, CERTIFICATES_ROW = range(3)


class DeskWindow(Retranslatable, QMainWindow):
    """Navigation list on the left, the chosen page on the right; the desk's folder below."""

    def __init__(self, desk: DeskWorkspace, language: LanguageSwitcher) -> None:
        super().__init__()
        self._desk, self._language = desk, language
        self.navigation = QListWidget(self)
        self.navigation.setFixedWidth(210)
        self.navigation.setSpacing(4)
        self.received_page = ReceivedPackagesPage(desk, self)
        self.dashboard_page = DashboardPage(desk, self)
        self.certificates_page = CertificatesPage(desk, self)
        self.received_page.packages_changed.connect(self.dashboard_page.refresh)
        self.pages = QStackedWidget(self)
        for page in (self.received_page, self.dashboard_page, self.certificates_page):
            self.pages.addWidget(page)
        for label in AREA_LABELS:
            self.navigation.addItem(_(label))
        self.navigation.currentRowChanged.connect(self._show_row)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.navigation)
        layout.addWidget(scrolling(self.pages, central), 1)  # fits at 150 % scale too
        self.setCentralWidget(central)
        follow_pages(self.pages)
        self.status_label, self.folder_label = add_window_status(self)
        self._build_menus()
        self.navigation.setCurrentRow(RECEIVED_ROW)
        self.resize(1200, 720)  # until shown: show_fitted() fits it to the screen
        self.geometry_restored = restore_geometry(
            self, load_settings(self._desk.folder).window_geometry
        )
        self.retranslate_ui()

    def _show_row(self, row: int) -> None:
        self.pages.setCurrentIndex(row)
        page = self.pages.widget(row)
        if page is self.dashboard_page:
            self.dashboard_page.refresh()
        elif page is self.certificates_page:
            self.certificates_page.refresh()

    def show_area(self, row: int) -> None:
        """Switch to the page in navigation row ``row`` and move the focus there."""
        go_to_area(self.navigation, self.pages, row)

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.quit_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.go_menu, self.go_actions = add_go_menu(self, len(AREA_LABELS), self.show_area)
        self.language_menu, self.language_actions = add_language_menu(self, self._language)
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)
        self.help_actions = HelpActions(self, self.help_menu, self.about_action, part="desk")
        self.view_actions = ViewActions(self, self.help_menu, self._desk.folder)

    def show_about(self) -> None:
        from acsg_desktop.gui.about_dialog import AboutDialog

        AboutDialog(self._desk.folder, self).exec()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("ACSG Desk (Secretariat)"))
        for row, label in enumerate(AREA_LABELS):
            self.navigation.item(row).setText(_(label))
        self.navigation.setAccessibleName(_("Areas"))
        self.pages.setAccessibleName(_("Current area"))
        self.file_menu.setTitle(_("&File"))
        self.quit_action.setText(_("&Quit"))
        name_go_and_language_menus(
            (self.go_menu, self.go_actions),
            AREA_LABELS,
            (self.language_menu, self.language_actions),
            self._language.language,
        )
        self.help_menu.setTitle(_("&Help"))
        self.about_action.setText(_("&About ACSG Desktop"))
        self.status_label.setText(desk_actor(self._desk))
        self.folder_label.setText(_("Desk folder: {path}").format(path=self._desk.folder))

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = load_settings(self._desk.folder)
        settings.window_geometry = saved_geometry(self)
        save_settings(self._desk.folder, settings)
        super().closeEvent(event)
