"""The `make bench` tools still fit the core (a broken `make bench` is found here, not after its
ten minutes): the data builders, the paired runs and the JSON rows."""

import sqlite3
import sys
from pathlib import Path

from acsg_desktop.core.records.guides import GuideFilters
from acsg_desktop.core.records.offers import OfferFilters
from acsg_desktop.core.store.database import database_path
from acsg_desktop.core.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import bench_common  # noqa: E402  (tools/ is not a package)
import bench_data  # noqa: E402
import bench_store  # noqa: E402

FIELDS = {"name", "value", "unit", "floor", "ratio", "target", "holds"}


def test_a_figure_has_every_field_and_pairs_runs_in_turn() -> None:
    order: list[str] = []
    values, floors = bench_common.paired(
        lambda: order.append("app") or 2.0, lambda: order.append("floor") or 1.0, 4
    )
    assert order == ["floor", "app", "app", "floor", "floor", "app", "app", "floor"]
    row = bench_common.figure("x", "s", values, floors, 1.5)
    assert set(row) >= FIELDS and row["ratio"] == 2.0 and row["holds"] is False


def test_the_synthetic_guides_are_found_by_some_words_not_all(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as workspace:
        with workspace.database.unit_of_work() as session:
            bench_data.add_guides(session.connection().connection.driver_connection, 200, 60)
        hits = {
            query: len(workspace.guides.search(query, "en", GuideFilters()))
            for query in bench_store.search_queries(bench_data.TextMaker().words)
        }
    assert max(hits.values()) > 0
    assert min(hits.values()) < max(hits.values())  # a rare word is not in every guide


def test_the_big_folder_is_the_demo_grown(tmp_path: Path, monkeypatch) -> None:
    for name, count in (("ASSESSMENTS", 40), ("REQUESTS", 60), ("GUIDES", 30), ("OFFERS", 50)):
        monkeypatch.setattr(bench_data, name, count)
    monkeypatch.setattr(bench_data, "AUDIT_ENTRIES", 20)
    bench_data.make_big_folder(tmp_path / "big")
    connection = sqlite3.connect(database_path(tmp_path / "big"))
    counts = {
        table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("assessment", "support_request", "offer")
    }
    connection.close()
    assert counts == {"assessment": 40, "support_request": 60, "offer": 50}
    with Workspace.open(tmp_path / "big") as workspace:
        assert workspace.audit_check().ok  # the grown audit log still chains
        assert len(workspace.requests.page(0, 100)) == 60
        assert workspace.offers.listing.count(OfferFilters()) == 50


def test_the_start_up_folder_is_the_demo_with_the_guides_and_assessments_performance_names(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(bench_data, "START_UP_ASSESSMENTS", 7)
    monkeypatch.setattr(bench_data, "START_UP_GUIDES", 25)
    monkeypatch.setattr(bench_data, "ASSESSMENTS", 40)  # the big folder's count is not used
    bench_data.make_start_up_folder(tmp_path / "start")
    connection = sqlite3.connect(database_path(tmp_path / "start"))
    (synthetic,) = connection.execute(
        "SELECT count(*) FROM guide_document WHERE source = 'bench'"
    ).fetchone()
    (assessments,) = connection.execute("SELECT count(*) FROM assessment").fetchone()
    connection.close()
    assert (synthetic, assessments) == (2 * 25, 7)  # each guide in English and French


def test_the_desk_bench_fills_a_desk_with_copies_of_a_received_package(tmp_path: Path) -> None:
    import bench_desk

    from acsg_desktop.core.desk.workspace import DeskWorkspace

    package = bench_desk._export(tmp_path / "NE", "NE", tmp_path / "ne.acsgpkg")
    with DeskWorkspace.open(tmp_path / "desk") as desk:
        [result] = desk.intake.intake([package], actor="bench")
        assert result.package is not None
        bench_desk._fill(desk, 25)
        bench_desk._fill(desk, 40)  # again, later: new ids
        overview = desk.packages.overview()
        assert len(desk.packages.packages()) == 40 == desk.packages.count()
        assert len(overview.submissions) > 1
