"""`acsg` imports only the command it runs: `acsg --version` loads no library at all, and
`acsg verify` neither the GUI stack, nor the report builder, nor the database layer.

Each command runs in a fresh interpreter (as a user's shell starts it), which then lists the
modules it loaded.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.workspace import Workspace

PROBE = """
import json, sys
from acsg_desktop.cli import main
try:
    status = main(sys.argv[1:])
except SystemExit as stop:
    status = stop.code
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""
# Never for these two commands: the GUI stack, the report and the export, the database layer.
NEVER = (
    "PySide6",
    "shiboken6",
    "reportlab",
    "sqlalchemy",
    "alembic",
    "acsg_desktop.gui",
    "acsg_desktop.core.package.report",
    "acsg_desktop.core.package.builder",
    "acsg_desktop.core.workspace",
)
# Nor, for `acsg --version`, any library that reads or signs a package.
NOT_FOR_VERSION = ("pyhanko", "pikepdf", "cryptography", "jsonschema", "babel")
SIGNATORY = "Fatimé Zakaria"
PASSPHRASE = b"a long enough passphrase"


def loaded(tmp_path: Path, *args: str) -> tuple[int, list[str]]:
    """Run `acsg args` in a new interpreter; its exit status and every module it loaded."""
    environment = {**os.environ, "ACSG_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["status"], report["modules"]


def heavy(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in names)]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    out = folder / "baseline.acsgpkg"
    with Workspace.open(folder / "data") as workspace:
        demo = create_demo(workspace, "en")
        IdentityStore(folder / "data").create(SIGNATORY, workspace.profiles.get(), PASSPHRASE)
        workspace.exports.export(demo.baseline.id, SIGNATORY, PASSPHRASE, out, "en")
    return out


def test_version_loads_no_library(tmp_path: Path) -> None:
    status, modules = loaded(tmp_path, "--version")
    assert status == 0
    assert heavy(modules, NEVER + NOT_FOR_VERSION) == []
    assert "acsg_desktop.cli.package" not in modules  # no command module at all


def test_verify_loads_neither_the_gui_nor_the_report_nor_the_database(
    tmp_path: Path, package: Path
) -> None:
    status, modules = loaded(tmp_path, "verify", str(package), "--json")
    assert status == 0  # the whole check ran, the PDF signature's included
    assert "acsg_desktop.core.package.pdf_check" in modules
    assert heavy(modules, NEVER) == []


def test_another_command_loads_its_own_module_only(tmp_path: Path) -> None:
    status, modules = loaded(tmp_path, "guides", "list", "--json")
    assert status == 0
    assert "acsg_desktop.cli.guides" in modules
    others = ("assessment", "requests", "offers", "package", "receipts", "demo", "desk")
    assert [m for m in others if f"acsg_desktop.cli.{m}" in modules] == []


def test_help_still_lists_every_command(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "acsg_desktop.cli", "--help"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "ACSG_HOME": str(tmp_path / "home")},
    )
    for command in ("info", "assessment", "request", "audit", "people", "verify", "desk"):
        assert command in done.stdout
