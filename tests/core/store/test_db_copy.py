"""`acsg db copy`: a laptop's data folder into the office server and back, ids, audit chain and
package numbers kept, in one transaction that leaves the target empty when anything fails."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from acsg_desktop.cli import main
from acsg_desktop.core.store.backup import backup_audit_chain
from acsg_desktop.core.store.copy import CopyFailedError, CopyRefusedError
from acsg_desktop.core.store.copy_ends import copy_between, opened_end
from acsg_desktop.core.store.database import Database, database_path
from acsg_desktop.core.store.lock import InstanceLock
from acsg_desktop.core.store.package_repository import (
    RECORDED,
    PackageRecord,
    PackageRepository,
    Reservation,
)
from tests.postgres_cluster import PostgresCluster

ASSESSMENTS = ("1", "2")
SIGNER = "Amina Mahamat"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@contextmanager
def folder_database(folder: Path) -> Iterator[Database]:
    folder.mkdir(parents=True, exist_ok=True)
    with InstanceLock(folder):
        database = Database.open(folder)
        try:
            yield database
        finally:
            database.close()


def _reservation(request_ids: tuple[int, ...]) -> Reservation:
    return Reservation(
        0, f"pkg-{len(request_ids)}", 1, "d" * 64, "/out.pdf", SIGNER, "ab:cd", request_ids, "en"
    )


def _add_packages(folder: Path) -> None:
    """Package 1 recorded (for requests 1 and 2), package 2 reserved (for no request)."""
    with folder_database(folder) as database, database.unit_of_work() as session:
        packages = PackageRepository(session)
        first = packages.reserve(_reservation((1, 2)))
        record = PackageRecord(
            first.package_id, first.sequence, "e" * 64, "d" * 64, "/out.pdf", 1, SIGNER,
            "ab:cd", "sent", datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=UTC), "en",
        )  # fmt: skip
        packages.add(record)
        packages.settle(first.sequence, RECORDED)
        packages.reserve(_reservation(()))


@pytest.fixture(scope="module")
def demo_laptop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "laptop"
    assert main(["--data-dir", str(folder), "demo"]) == 0
    _add_packages(folder)
    return folder


@pytest.fixture
def laptop(demo_laptop: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "laptop"
    shutil.copytree(demo_laptop, folder, ignore=shutil.ignore_patterns("acsg.lock"))
    return folder


def name_of(url: str) -> str:
    return str(make_url(url).database)


def _login_as_first_person(cluster: PostgresCluster, url: str) -> None:
    """What the IT officer does after the copy: link an official to a server login."""
    cluster.run_sql(
        f"UPDATE person SET login = current_user WHERE name = '{SIGNER}'", database=name_of(url)
    )


def shown(capsys: pytest.CaptureFixture[str], home: Path, database: str | None) -> dict[str, Any]:
    """What `acsg assessment show` says of each assessment, and a guide search's hits."""
    where = ["--data-dir", str(home), *(["--database", database] if database else [])]
    found: dict[str, Any] = {}
    for number in ASSESSMENTS:
        status, out, err = run(capsys, *where, "assessment", "show", number, "--json")
        assert status == 0, err
        found[number] = json.loads(out)
    status, out, err = run(capsys, *where, "guides", "search", "equite", "--json")
    assert status == 0, err
    found["search"] = {hit["id"] for hit in json.loads(out)["hits"]}
    return found


def packages_of(end: str, home: Path) -> tuple[list[Any], list[Reservation], int]:
    """The packages, the pending reservations, and the number the next one would take."""
    with opened_end(end, home, True) as database, database.unit_of_work() as session:
        packages = PackageRepository(session)
        listed, pending = packages.all(), packages.pending()
        following = packages.reserve(_reservation((3,))).sequence
        session.rollback()
    return listed, pending, following


def copy(capsys: pytest.CaptureFixture[str], home: Path, source: str, target: str) -> Any:
    status, out, err = run(
        capsys, "--data-dir", str(home), "db", "copy", "--from", source, "--to", target, "--json"
    )
    assert status == 0, err
    return json.loads(out)


def test_a_laptop_copied_to_the_server_and_back_is_the_same(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    laptop: Path,
    postgres_url: str,
    postgres_cluster: PostgresCluster,
) -> None:
    home = tmp_path / "home"
    before = shown(capsys, laptop, None)
    assert before["search"], "the demo's guides mention équité"
    chain = backup_audit_chain(database_path(laptop))
    head = chain.head
    packages = packages_of(str(laptop), home)
    assert packages[2] == 3 and packages[1][0].request_ids == ()

    document = copy(capsys, home, str(laptop), postgres_url)
    assert document["audit_chain"] == {"ok": True, "entries": chain.entries, "head": head}
    assert document["counts"]["answer"] == 196 and document["backup"] is None
    _login_as_first_person(postgres_cluster, postgres_url)
    on_server = shown(capsys, home, postgres_url)
    assert {key: on_server[key] for key in ASSESSMENTS} == {key: before[key] for key in ASSESSMENTS}
    assert on_server["search"], "the server's own search finds the copied guides"
    assert packages_of(postgres_url, home) == packages

    back = tmp_path / "back"
    document = copy(capsys, home, postgres_url, str(back))
    assert document["audit_chain"]["head"] == head and document["audit_chain"]["ok"]
    assert shown(capsys, back, None) == before
    assert packages_of(str(back), home) == packages
    assert backup_audit_chain(database_path(back)).head == head


def test_serial_ids_go_on_after_the_copied_ones(
    tmp_path: Path, laptop: Path, postgres_url: str, postgres_cluster: PostgresCluster
) -> None:
    result = copy_between(str(laptop), postgres_url, tmp_path / "home")
    rows = postgres_cluster.run_sql(
        "SELECT nextval(pg_get_serial_sequence('answer', 'id')), max(id) FROM answer",
        database=name_of(postgres_url),
    )
    assert result.counts["answer"] == 196 and rows[0][0] == rows[0][1] + 1


def test_copying_into_a_server_that_holds_data_is_refused_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, laptop: Path, postgres_url: str
) -> None:
    home = tmp_path / "home"
    copy(capsys, home, str(laptop), postgres_url)
    with opened_end(postgres_url, home, True) as database:
        counts = database.table_counts()
    status, _out, err = run(
        capsys, "--data-dir", str(home), "db", "copy", "--from", str(laptop), "--to", postgres_url
    )
    assert status == 1 and "already holds data" in err
    assert "audit_log: {count}".format(count=counts["audit_log"]) in err
    with opened_end(postgres_url, home, True) as database:
        assert database.table_counts() == counts


def test_a_row_the_server_refuses_leaves_it_empty(
    tmp_path: Path, laptop: Path, postgres_url: str
) -> None:
    with folder_database(laptop) as database, database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE person SET role = ? WHERE id = 3", ("x" * 300,))
    with pytest.raises(CopyFailedError, match="person"):
        copy_between(str(laptop), postgres_url, tmp_path / "home")
    with opened_end(postgres_url, tmp_path / "home", True) as database:
        assert not any(database.table_counts().values())


def test_empty_json_text_of_old_rows_becomes_the_column_default(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, laptop: Path, postgres_url: str
) -> None:
    with folder_database(laptop) as database, database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE assessment SET contexts = '' WHERE id = 2")
    home = tmp_path / "home"
    copy(capsys, home, str(laptop), postgres_url)
    with opened_end(postgres_url, home, True) as database, database.unit_of_work() as session:
        contexts = session.connection().exec_driver_sql(
            "SELECT contexts FROM assessment WHERE id = 2"
        )
        assert contexts.scalar_one() == {}


def test_sqlite_to_sqlite_and_into_a_folder_that_holds_data(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, laptop: Path
) -> None:
    home, other = tmp_path / "home", tmp_path / "other"
    before = shown(capsys, laptop, None)
    document = copy(capsys, home, str(laptop), str(other))
    assert document["audit_chain"]["ok"] and shown(capsys, other, None) == before
    with pytest.raises(CopyRefusedError, match="already holds data"):
        copy_between(str(laptop), str(other), home)
    assert shown(capsys, other, None) == before


def test_an_existing_empty_folder_is_backed_up_first(tmp_path: Path, laptop: Path) -> None:
    target = tmp_path / "empty"
    with folder_database(target):
        pass
    result = copy_between(str(laptop), str(target), tmp_path / "home")
    assert result.backup is not None and result.backup.parent == target / "backups"
    chain = backup_audit_chain(database_path(laptop))
    assert result.chain == chain and result.counts["audit_log"] == chain.entries


def test_the_same_database_on_both_ends_is_refused(tmp_path: Path, laptop: Path) -> None:
    with pytest.raises(Exception, match="same database"):
        copy_between(str(laptop), str(database_path(laptop)), tmp_path / "home")


def test_the_command_says_what_it_copied(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, laptop: Path
) -> None:
    other = tmp_path / "other"
    status, out, err = run(
        capsys, "--data-dir", str(tmp_path / "home"), "db", "copy", "--from", str(laptop),
        "--to", str(other),
    )  # fmt: skip
    assert status == 0, err
    assert f"Copied {database_path(laptop)} into {database_path(other)}." in out.splitlines()
    assert "answer: 196" in out and "entries copied; their chain verifies" in out
    assert "add-official" not in out, "a data folder has no server logins to add"
    assert "Copying answer: 196 of 196" in err


def test_an_altered_audit_log_is_not_copied(tmp_path: Path, laptop: Path) -> None:
    with folder_database(laptop) as database, database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE audit_log SET reason = 'rewritten' WHERE id = 5")
    target = tmp_path / "target"
    with pytest.raises(CopyRefusedError, match="breaks at entry 5"):
        copy_between(str(laptop), str(target), tmp_path / "home")
    with folder_database(target) as database:
        assert not any(database.table_counts().values())
