"""What an export checks first: a full integrity_check once, then quick_check while that one is
recent; and a report laid out once whose every page still says "Page X of Y"."""

import time
from pathlib import Path

import pytest

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.package import builder
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.store.database import Database
from acsg_desktop.core.workspace import Workspace

SIGNATORY = "Fatimé Zakaria"
PASSPHRASE = b"a long enough passphrase"


def test_a_full_check_first_then_quick_checks_until_it_is_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks: list[bool] = []
    real = Database.integrity_problems

    def noted(self: Database, thorough: bool = True) -> list[str]:
        checks.append(thorough)
        return real(self, thorough)

    monkeypatch.setattr(Database, "integrity_problems", noted)
    with Workspace.open(tmp_path / "data") as workspace:
        demo = create_demo(workspace, "en")
        IdentityStore(tmp_path / "data").create(SIGNATORY, workspace.profiles.get(), PASSPHRASE)
        exports = workspace.exports
        exports.export(demo.baseline.id, SIGNATORY, PASSPHRASE, tmp_path / "en.acsgpkg", "en")
        exports.export(demo.baseline.id, SIGNATORY, PASSPHRASE, tmp_path / "fr.acsgpkg", "fr")
        assert checks == [True, False]  # the second, minutes (here: seconds) after the first
        old = time.monotonic() - builder.FULL_CHECK_EVERY_SECONDS - 1
        workspace.database.full_check_passed_at = old
        exports.export(demo.baseline.id, SIGNATORY, PASSPHRASE, tmp_path / "again.acsgpkg", "en")
        assert checks == [True, False, True]


def test_the_report_is_laid_out_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.platypus import SimpleDocTemplate

    builds: list[int] = []
    real = SimpleDocTemplate.build

    def counted(self: SimpleDocTemplate, *args: object, **kwargs: object) -> None:
        builds.append(1)
        real(self, *args, **kwargs)

    monkeypatch.setattr(SimpleDocTemplate, "build", counted)
    with Workspace.open(tmp_path / "data") as workspace:
        demo = create_demo(workspace, "en")
        IdentityStore(tmp_path / "data").create(SIGNATORY, workspace.profiles.get(), PASSPHRASE)
        out = tmp_path / "en.acsgpkg"
        workspace.exports.export(demo.baseline.id, SIGNATORY, PASSPHRASE, out, "en")
    assert builds == [1]
