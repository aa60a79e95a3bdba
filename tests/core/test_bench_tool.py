"""tools/bench.py's own data builders still fit the core (a broken `make bench` is found here)."""

import sys
from pathlib import Path

from acsg_desktop.core.records.guides import GuideFilters
from acsg_desktop.core.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import bench  # noqa: E402  (tools/ is not a package)


def test_the_synthetic_guides_install_and_are_found(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as workspace:
        workspace.guides.install(bench.synthetic_guides(3), 99)
        hits = workspace.guides.search("appeal", "en", GuideFilters())
        assert {guide.id for guide in bench.synthetic_guides(3)} <= {hit.guide_id for hit in hits}


def test_the_bench_data_folder_is_made(tmp_path: Path) -> None:
    bench.prepare_data_folder(tmp_path / "big")
    with Workspace.open(tmp_path / "big") as workspace:
        assert workspace.profiles.get() is not None


def test_the_desk_bench_fills_a_desk_with_copies_of_a_received_package(tmp_path: Path) -> None:
    import bench_desk

    from acsg_desktop.core.desk.workspace import DeskWorkspace

    package = bench_desk._export(tmp_path / "NE", "NE", tmp_path / "ne.acsgpkg")
    with DeskWorkspace.open(tmp_path / "desk") as desk:
        [result] = desk.intake.intake([package], actor="bench")
        assert result.package is not None
        bench_desk._fill(desk, 25)
        overview = desk.packages.overview()
        assert len(desk.packages.packages()) == 25
        assert len(overview.submissions) > 1
