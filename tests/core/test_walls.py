"""The walls of architecture.md hold, and are checked for real (issue 10)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from acsg_desktop.core.store.rows import Base
from acsg_desktop.core.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports_on_a_copy(tmp_path: Path, module: str, line: str) -> subprocess.CompletedProcess:
    """lint-imports over a copy of the package in which ``module`` gained ``line``."""
    shutil.copytree(ROOT / "acsg_desktop", tmp_path / "acsg_desktop")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    probe = tmp_path / module
    probe.write_text(line + "\n" + probe.read_text(encoding="utf-8"), encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(tmp_path)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
    )


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is a dev tool")
@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("acsg_desktop/core/requests/service.py", "import sqlalchemy", "SQLAlchemy"),
        ("acsg_desktop/core/guides/render.py", "import sqlite3", "SQLAlchemy"),
        ("acsg_desktop/cli/common.py", "import alembic", "SQLAlchemy"),
        ("acsg_desktop/core/store/health.py", "import acsg_desktop.core.requests", "layers"),
        ("acsg_desktop/core/package/report.py", "import PySide6", "Qt"),
    ],
)
def test_a_probe_import_breaks_lint_imports(tmp_path, module, line, contract) -> None:
    result = lint_imports_on_a_copy(tmp_path, module, line)
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout and contract in result.stdout


def test_the_migrations_build_exactly_the_tables_of_the_rows(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as workspace:
        path = workspace.database.location
    engine = create_engine(f"sqlite:///{path}")
    try:
        found = inspect(engine)
        migrated = {
            name: {c["name"]: c["nullable"] for c in found.get_columns(name)}
            for name in found.get_table_names()
            if name != "alembic_version" and not name.startswith("guide_fts")
        }
    finally:
        engine.dispose()
    declared = {
        table.name: {column.name: column.nullable for column in table.columns}
        for table in Base.metadata.sorted_tables
    }
    assert migrated == declared
