"""Signing is offline: pyHanko's network client (aiohttp) is never imported; a refusing module
stands in its place, as in the bundle."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

from acsg_desktop.core.package import no_network

EXPORT_THEN_LIST_MODULES = """
import sys
from pathlib import Path
from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.workspace import Workspace
folder = Path(sys.argv[1])
with Workspace.open(folder) as workspace:
    demo = create_demo(workspace, "en")
    IdentityStore(folder).create("Fatimé Zakaria", workspace.profiles.get(), b"a long passphrase")
    workspace.exports.export(
        demo.baseline.id, "Fatimé Zakaria", b"a long passphrase", folder / "p.acsgpkg", "en"
    )
print((folder / "p.acsgpkg").stat().st_size > 0, "aiohttp.connector" in sys.modules)
"""


def test_an_export_signs_without_importing_the_network_client(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", EXPORT_THEN_LIST_MODULES, str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "False"]


def test_the_stand_in_refuses_any_network_use(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "aiohttp", raising=False)
    no_network.install()
    stand_in = sys.modules["aiohttp"]
    assert isinstance(stand_in, types.ModuleType)
    assert stand_in.ClientError is stand_in.ClientError  # `except aiohttp.ClientError` works
    with pytest.raises(no_network.NetworkClientAbsent):
        stand_in.ClientSession()
    with pytest.raises(AttributeError):
        stand_in.__path__  # noqa: B018  (not a package: submodules are not looked for in it)


def test_a_real_client_already_imported_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    real = types.ModuleType("aiohttp")
    monkeypatch.setitem(sys.modules, "aiohttp", real)
    no_network.install()
    assert sys.modules["aiohttp"] is real
