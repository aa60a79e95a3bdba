"""Before a restore, the app says what the backup lacks, with numbers (issue 15.8)."""

import sqlite3
from pathlib import Path

from acsg_desktop.core import i18n
from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.records.requests import RequestContent
from acsg_desktop.core.store.backup_contents import read_counts, restore_warning
from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import damage


def _record_packages(database: Path, sequences: range) -> None:
    """Packages as an export records them (only the columns the counts read matter)."""
    connection = sqlite3.connect(database)
    with connection:
        for number in sequences:
            connection.execute(
                "INSERT INTO package (package_id, sequence, sha256, content_digest, file_path, "
                "assessment_id, signer, fingerprint, status, created_at, language) "
                "VALUES (?, ?, '', '', '', 1, '', '', 'written', '2027-01-15 10:00:00', 'en')",
                (f"p{number}", number),
            )
    connection.close()


def _demo_with_a_backup(folder: Path) -> tuple[Path, Path]:
    with Workspace.open(folder) as workspace:
        create_demo(workspace, "en")
        backup = workspace.database.backup("manual")
        workspace.requests.create(RequestContent(title="Made after"), actor="Amina Mahamat")
    database = database_path(folder)
    _record_packages(database, range(1, 3))
    return backup, database


def test_the_warning_counts_what_the_backup_lacks(tmp_path: Path) -> None:
    backup, database = _demo_with_a_backup(tmp_path)
    kept, now = read_counts(backup), read_counts(database)
    assert kept is not None and now is not None
    assert (kept.requests, now.requests, kept.packages, now.packages) == (4, 5, 0, 2)
    i18n.set_language("en")
    text = restore_warning(backup, database)
    assert f"{kept.answers} answers, 4 requests, 0 packages" in text
    assert "it lacks: 1 request." in text
    assert "It does not record 2 packages exported since (up to number 2)" in text
    i18n.set_language("fr")
    text = restore_warning(backup, database)
    assert "il lui manque\u00a0: 1 demande." in text  # French once the catalogue has it
    i18n.set_language("en")


def test_a_current_database_too_damaged_to_count_is_said_to_be_so(tmp_path: Path) -> None:
    backup, database = _demo_with_a_backup(tmp_path)
    damage(database, 0, b"not a database at all")
    i18n.set_language("en")
    text = restore_warning(backup, database)
    assert "cannot be read to count what would be lost" in text
    assert read_counts(database) is None


def test_nothing_lost_is_said_too(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        create_demo(workspace, "en")
        backup = workspace.database.backup("manual")
    i18n.set_language("en")
    assert restore_warning(backup, database_path(tmp_path)).endswith(
        "The current data has nothing more than the backup."
    )
