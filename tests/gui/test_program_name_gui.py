"""Called `acsg-desktop` (the bundle's link to its one executable), it is the GUI."""

from pathlib import Path

from tests.cli.test_program_name import run_as


def test_called_acsg_desktop_it_is_the_gui(tmp_path: Path) -> None:
    report, printed = run_as(str(tmp_path / "dist" / "acsg-desktop"), "--version")
    assert report["status"] == 0
    assert "acsg_desktop.gui.app" in report["gui"]  # type: ignore[operator]
    assert printed.startswith("acsg-desktop ")
