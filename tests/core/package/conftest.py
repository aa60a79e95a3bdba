import io
import shutil
import zipfile
from pathlib import Path

import pytest

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.envelope.format import sums_text
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.signing.cms import sign_detached
from acsg_desktop.core.workspace import Workspace

SIGNATORY = "Fatimé Zakaria"
PASSPHRASE = b"a long enough passphrase"


class Exported:
    def __init__(self, folder: Path) -> None:
        self.data = folder / "data"
        self.first = folder / "first.acsgpkg"
        self.second = folder / "second.acsgpkg"

    def entries(self, path: Path | None = None) -> dict[str, bytes]:
        with zipfile.ZipFile(path or self.first) as archive:
            return {name: archive.read(name) for name in archive.namelist()}

    def identity(self):
        return IdentityStore(self.data).unlock(SIGNATORY, PASSPHRASE)


def write_zip(path: Path, entries: dict[str, bytes]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def resigned(entries: dict[str, bytes], identity) -> dict[str, bytes]:
    """The same package with SHA256SUMS recomputed and signed again (to isolate one check)."""
    listed = {n: d for n, d in entries.items() if n not in ("SHA256SUMS", "SHA256SUMS.p7s")}
    sums = sums_text(listed)
    return {**listed, "SHA256SUMS": sums, "SHA256SUMS.p7s": sign_detached(sums, identity)}


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Exported:
    """A demo folder with two packages: the 2025 baseline, then one more approved request."""
    result = Exported(tmp_path_factory.mktemp("packages"))
    with Workspace.open(result.data) as workspace:
        demo = create_demo(workspace, "fr")
        IdentityStore(result.data).create(SIGNATORY, workspace.profiles.get(), PASSPHRASE)
        workspace.exports.export(demo.baseline.id, SIGNATORY, PASSPHRASE, result.first, "fr")
        in_review = next(r for r in demo.requests if r.status.value == "in_review")
        workspace.requests.respond(
            in_review.id,
            workspace.requests.get(in_review.id).comments[0].id,
            "Yes, included.",
            actor="Idriss Abakar",
        )
        workspace.requests.approve(in_review.id, actor=SIGNATORY)
        workspace.exports.export(demo.baseline.id, SIGNATORY, PASSPHRASE, result.second, "en")
    return result


@pytest.fixture
def copy_of(exported: Exported, tmp_path: Path):
    def make(name: str = "copy.acsgpkg") -> Path:
        return Path(shutil.copy(exported.first, tmp_path / name))

    return make
