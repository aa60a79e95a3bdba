"""The desk's PDF briefing: the overview's numbers, every country on the heat map, both
languages, fonts embedded."""

from pathlib import Path

import pytest

from acsg_desktop.core.desk.briefing import briefing_pdf, heat_colour
from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.framework.loader import load_framework
from acsg_desktop.core.i18n import language_as


def pdf_text(data: bytes, folder: Path) -> str:
    import subprocess

    path = folder / "briefing.pdf"
    path.write_bytes(data)
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_briefing_names_every_country_in_the_language_asked(
    field,
    tmp_path: Path,
    language: str,
) -> None:
    with DeskWorkspace.open(tmp_path / "desk") as desk:
        desk.intake.intake([package for _folder, package in field.values()], actor="D")
        overview = desk.packages.overview()
    with language_as(language):
        data = briefing_pdf(overview, load_framework())
    text = pdf_text(data, tmp_path)
    title = "ACSG Secretariat briefing" if language == "en" else "Note d'information"
    assert title in text
    for name in ("Niger", "Chad", "Mexico") if language == "en" else ("Niger", "Tchad", "Mexique"):
        assert text.count(name) >= 2  # the submissions and the heat map
    assert b"/Helvetica" not in data


def test_the_heat_map_goes_from_red_to_green_and_grey_without_a_score() -> None:
    assert [heat_colour(v) for v in (0, 30, 60, 90, None)] == [
        "#f4c7c3",
        "#fce8b2",
        "#d9ead3",
        "#b7e1cd",
        "#e6e6e6",
    ]
