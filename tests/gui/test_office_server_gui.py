"""The office server in the GUI: the connection dialog, the start on a server, live changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from acsg_desktop.core.preferences import load_settings
from acsg_desktop.core.records.requests import RequestContent
from acsg_desktop.core.transfer.progress import ignore
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui import startup
from acsg_desktop.gui.backup.restart import discard
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.settings.server_dialog import ServerDialog
from acsg_desktop.gui.settings.server_session import ServerSession
from tests.core.helpers import CHAD
from tests.postgres_cluster import PostgresCluster

UNREACHABLE = "postgresql://nobody@127.0.0.1:1/none"


def dialog(qtbot: QtBot, folder: Path, session: ServerSession, address: str) -> ServerDialog:
    shown = ServerDialog(folder, session)
    qtbot.addWidget(shown)
    shown.address.setText(address)
    return shown


def test_the_connection_test_says_who_is_connected(
    qtbot: QtBot, language: LanguageSwitcher, isolated_home: Path, postgres_url: str
) -> None:
    shown = dialog(qtbot, isolated_home, ServerSession(), postgres_url)
    shown.test_button.click()
    qtbot.waitUntil(lambda: "Connected as postgres" in shown.outcome.text(), timeout=15000)
    assert shown.work is None  # a test only: nothing switches


def test_an_unreachable_server_is_said_in_the_dialog(
    qtbot: QtBot, language: LanguageSwitcher, isolated_home: Path
) -> None:
    shown = dialog(qtbot, isolated_home, ServerSession(), UNREACHABLE)
    shown.test_button.click()
    qtbot.waitUntil(lambda: "cannot be reached" in shown.outcome.text(), timeout=15000)
    assert "127.0.0.1:1" in shown.outcome.text()
    assert shown.use_button.isEnabled()  # usable again once the answer came


def test_a_text_that_is_no_address_is_refused_at_once(
    qtbot: QtBot, language: LanguageSwitcher, isolated_home: Path
) -> None:
    shown = dialog(qtbot, isolated_home, ServerSession(), "db.office")
    shown.use_button.click()
    assert "not an office server address" in shown.outcome.text()
    assert shown.work is None


def test_using_a_server_remembers_it_without_its_password(
    qtbot: QtBot, language: LanguageSwitcher, isolated_home: Path, postgres_url: str
) -> None:
    session = ServerSession()
    with_password = postgres_url.replace("postgres@", "postgres:s3cret@", 1)  # trust: ignored
    shown = dialog(qtbot, isolated_home, session, with_password)
    shown.ca_file.setText("/etc/office/ca.pem")
    shown.use_button.click()
    qtbot.waitUntil(lambda: shown.work is not None, timeout=15000)
    assert shown.work is not None
    shown.work.run(isolated_home, ignore)
    remembered = load_settings(isolated_home).database
    assert "s3cret" not in remembered
    query = parse_qs(urlsplit(remembered).query)
    assert query["sslmode"] == ["verify-full"]
    assert query["sslrootcert"] == ["/etc/office/ca.pem"]
    assert session.password_for(remembered) == "s3cret"  # in memory, for this run only
    assert "s3cret" not in "".join(p.read_text() for p in isolated_home.glob("*.json"))


def test_going_back_to_this_computers_own_data(
    qtbot: QtBot, language: LanguageSwitcher, isolated_home: Path, postgres_url: str
) -> None:
    session = ServerSession()
    session.use(isolated_home, postgres_url)
    shown = ServerDialog(isolated_home, session, current=postgres_url)
    qtbot.addWidget(shown)
    assert not shown.local_button.isHidden()
    shown.local_button.click()
    assert shown.work is not None
    shown.work.run(isolated_home, ignore)
    assert load_settings(isolated_home).database == ""
    assert session.database(isolated_home) is None


@pytest.fixture
def on_server(
    postgres_url: str, qtbot: QtBot, language: LanguageSwitcher, isolated_home: Path
) -> Iterator[tuple[MainWindow, Workspace]]:  # the server first: dropped after the window
    session = ServerSession(postgres_url)
    workspace = startup.open_workspace(isolated_home, session)
    assert workspace is not None
    workspace.profiles.save(CHAD)
    window = MainWindow(workspace, language, session)
    window.resize(1366, 768)
    window.show()
    yield window, workspace
    window.close()
    discard(window)  # now: a later language switch must not reach it
    workspace.close()


def test_a_start_with_database_opens_as_the_login_and_says_where(
    on_server: tuple[MainWindow, Workspace],
) -> None:
    window, workspace = on_server
    assert workspace.database.is_server
    assert workspace.current_user == "postgres"
    status = window.server_link.status.text()
    assert "login postgres" in status
    assert workspace.database.location in window.server_link.status.toolTip()

    assert window.server_link.live is not None


def test_a_change_by_another_official_refreshes_the_open_requests_list(
    postgres_url: str, qtbot: QtBot, on_server: tuple[MainWindow, Workspace], tmp_path: Path
) -> None:
    window, _workspace = on_server
    window.show_area(window.pages.indexOf(window.requests_page))
    assert window.requests_page.model.rowCount() == 0
    with Workspace.open(tmp_path / "colleague", postgres_url) as colleague:
        colleague.requests.create(RequestContent(title="Interpreters"), actor="postgres")
    qtbot.waitUntil(lambda: window.requests_page.model.rowCount() == 1, timeout=5000)


def answer_password(qtbot: QtBot, password: str, seen: list[str]) -> None:
    def type_it() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QInputDialog):
            qtbot.wait(50)
            return type_it()
        seen.append(box.labelText())
        box.setTextValue(password)
        box.accept()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(100, type_it)


def test_a_missing_password_is_asked_for_and_kept_for_the_session(
    qtbot: QtBot,
    language: LanguageSwitcher,
    isolated_home: Path,
    postgres_cluster: PostgresCluster,
    postgres_url: str,
) -> None:
    database = urlsplit(postgres_url).path.strip("/")
    role = f"ana_{database}"[:60]
    postgres_cluster.run_sql(f"CREATE ROLE {role} LOGIN SUPERUSER PASSWORD 'right horse'")
    address = postgres_cluster.tcp_url(role, "x", database).replace(":x@", "@", 1)
    session = ServerSession(address)
    seen: list[str] = []
    answer_password(qtbot, "right horse", seen)
    workspace = startup.open_workspace(isolated_home, session)
    assert workspace is not None
    try:
        assert workspace.current_user == role
    finally:
        workspace.close()
    assert "password" in seen[0]
    assert session.password_for(address) == "right horse"
