"""The desk's figures for ``make bench``: intake per package against the verifier alone, the
overview over 2,000 received packages against reading and parsing their data, and the received
packages list at 10,000 against its queries through plain sqlite3."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from bench_common import figure, timed
from bench_data import copy_rows
from bench_lists import open_list

AUTHORITIES = 6
RECEIVED = 2_000
LISTED = 10_000
SIGNATORY = "Fatimé Zakaria"  # the demo's signatory


def _export(folder: Path, country: str, out: Path) -> Path:
    from acsg_desktop.core.demo.build import create_demo
    from acsg_desktop.core.package.identities import IdentityStore
    from acsg_desktop.core.records.profile import Profile
    from acsg_desktop.core.workspace import Workspace

    passphrase = b"bench passphrase"
    with Workspace.open(folder) as workspace:
        workspace.profiles.save(Profile(country, f"Authority {country}", "A", "a@b.org", "en"))
        demo = create_demo(workspace, "en")
        IdentityStore(folder).create(SIGNATORY, workspace.profiles.get(), passphrase)  # type: ignore[arg-type]
        workspace.exports.export(demo.baseline.id, SIGNATORY, passphrase, out, "en")
    return out


def _packages(home: Path) -> list[Path]:
    countries = ("NE", "TD", "MX", "PH", "KE", "CR")[:AUTHORITIES]
    return [_export(home / c, c, home / f"{c}.acsgpkg") for c in countries]


def intake_figures() -> list[dict[str, Any]]:
    """Intake, the overview, then the received list once the desk holds 10,000 packages."""
    from acsg_desktop.core.desk.workspace import DeskWorkspace
    from acsg_desktop.core.package.verify import verify_package

    with tempfile.TemporaryDirectory() as home:
        packages = _packages(Path(home))
        with DeskWorkspace.open(Path(home) / "desk") as desk:
            values, floors = [], []
            for path in packages:  # each package once: a second intake only finds it again
                floors.append(timed(lambda path=path: verify_package(path)))
                values.append(timed(lambda path=path: desk.intake.intake([path], actor="bench")))
            intake = figure("desk intake, one package", "s", values, floors, 1.5)
            overview = _overview_figure(desk, Path(home) / "desk")
            listing = _list_figures(desk, Path(home) / "desk")
    return [intake, overview, *listing]


def _list_figures(desk: Any, folder: Path) -> list[dict[str, Any]]:
    from acsg_desktop.core.store.database import database_path
    from acsg_desktop.gui.desk.received_page import ReceivedPackagesPage

    _fill(desk, LISTED)
    page = ReceivedPackagesPage(desk)
    name = f"desk received list, {LISTED:,}"
    engine = desk.database.engine
    shown = open_list(name, engine, database_path(folder), page, page.table, page.refresh)
    page.deleteLater()
    return shown


def _fill(desk: Any, count: int) -> None:
    """Copies of the received packages under other ids and countries, up to ``count`` (the
    overview reads only their data, the list only their columns)."""
    with desk.database.unit_of_work() as session:
        connection = session.connection().connection.driver_connection
        have = connection.execute("SELECT count(*) FROM desk_package").fetchone()[0]
        copy_rows(
            connection,
            "desk_package",
            count - have,
            {
                "package_id": f"printf('%08d-0000-4000-8000-000000000000', n + {have})",
                "sha256": f"printf('%064x', n + {have})",
                "country": "char(65 + (n / 260) % 26) || char(65 + (n / 10) % 26)",
                "sequence": "n % 10 + 1",
            },
        )


def _overview_figure(desk: Any, folder: Path) -> dict[str, Any]:
    from acsg_desktop.core.store.database import database_path

    _fill(desk, RECEIVED)

    def floor() -> None:
        connection = sqlite3.connect(database_path(folder))
        documents = [
            json.loads(row[0]) for row in connection.execute("SELECT document FROM desk_package")
        ]
        connection.close()
        assert len(documents) == RECEIVED

    values, floors = [], []
    for _round in range(3):
        values.append(timed(desk.packages.overview))
        floors.append(timed(floor))
    return figure(f"desk overview, {RECEIVED:,} packages", "s", values, floors, 2.0)
