"""The desk tests' shared field: three authorities, each with one exported package."""

from pathlib import Path

import pytest

from tests.core.desk.test_desk_chain import AUTHORITIES, export_from


@pytest.fixture(scope="module")
def field(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Three authorities' data folders, each with one exported package."""
    root = tmp_path_factory.mktemp("desk-field")
    made = {}
    for country, name in AUTHORITIES:
        folder = root / country
        made[country] = (folder, export_from(folder, country, name, root / f"{country}.acsgpkg"))
    return made
