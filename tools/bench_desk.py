"""The desk's figures for ``make bench``: intake per package against the verifier alone, and the
overview over 2,000 received packages against reading and parsing their data."""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

AUTHORITIES = 6
RECEIVED = 2_000


def _export(folder: Path, country: str, out: Path) -> Path:
    from acsg_desktop.core.demo.build import create_demo
    from acsg_desktop.core.package.identities import IdentityStore
    from acsg_desktop.core.records.profile import Profile
    from acsg_desktop.core.workspace import Workspace

    passphrase = b"bench passphrase"
    with Workspace.open(folder) as workspace:
        workspace.profiles.save(Profile(country, f"Authority {country}", "A", "a@b.org", "en"))
        demo = create_demo(workspace, "en")
        IdentityStore(folder).create("Bench", workspace.profiles.get(), passphrase)  # type: ignore[arg-type]
        workspace.exports.export(demo.baseline.id, "Bench", passphrase, out, "en")
    return out


def _packages(home: Path) -> list[Path]:
    countries = ("NE", "TD", "MX", "PH", "KE", "CR")[:AUTHORITIES]
    return [_export(home / c, c, home / f"{c}.acsgpkg") for c in countries]


def intake_figures() -> list[dict[str, object]]:
    from acsg_desktop.core.desk.workspace import DeskWorkspace
    from acsg_desktop.core.package.verify import verify_package

    with tempfile.TemporaryDirectory() as home:
        packages = _packages(Path(home))
        floors = []
        for path in packages:
            started = time.perf_counter()
            verify_package(path)
            floors.append(time.perf_counter() - started)
        with DeskWorkspace.open(Path(home) / "desk") as desk:
            values = []
            for path in packages:
                started = time.perf_counter()
                desk.intake.intake([path], actor="bench")
                values.append(time.perf_counter() - started)
            overview = _overview_figure(desk, Path(home) / "desk")
    intake = {
        "figure": "desk intake, one package (s)",
        "value": statistics.median(values),
        "floor": statistics.median(floors),
        "target_ratio": 1.5,
    }
    return [intake, overview]


def _fill(desk: object, count: int) -> None:
    """``count`` received packages, copies of the real ones under other ids (the overview reads
    only their data)."""
    from acsg_desktop.core.store.desk_repository import DeskRepository

    database = desk.database  # type: ignore[attr-defined]
    with database.unit_of_work() as session:
        repository = DeskRepository(session)
        models = repository.packages()
        for number in range(count - len(models)):
            model = models[number % len(models)]
            repository.add(
                replace(
                    model,
                    package_id=f"{number:08d}-0000-4000-8000-000000000000",
                    sha256=f"{number:064x}",
                    country=f"{chr(65 + number // 260 % 26)}{chr(65 + number // 10 % 26)}",
                    sequence=number % 10 + 1,
                )
            )


def _overview_figure(desk: object, folder: Path) -> dict[str, object]:
    from acsg_desktop.core.store.database import database_path

    _fill(desk, RECEIVED)
    values, floors = [], []
    for _round in range(3):
        started = time.perf_counter()
        desk.packages.overview()  # type: ignore[attr-defined]
        values.append(time.perf_counter() - started)
        started = time.perf_counter()
        connection = sqlite3.connect(database_path(folder))
        documents = [
            json.loads(row[0]) for row in connection.execute("SELECT document FROM desk_package")
        ]
        connection.close()
        floors.append(time.perf_counter() - started)
        assert len(documents) == RECEIVED
    return {
        "figure": f"desk overview, {RECEIVED} packages (s)",
        "value": statistics.median(values),
        "floor": statistics.median(floors),
        "target_ratio": 2.0,
    }
