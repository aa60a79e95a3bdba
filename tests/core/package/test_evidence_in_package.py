"""Evidence files in a package, the exporter's choice per export: the files themselves
(under evidence/, in SHA256SUMS, so `sha256sum -c` checks them on the unzipped package) or only
their hashes; package.json lists every attachment either way; `verify` checks the included
files against the hashes package.json gives them."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.package.evidence import EvidenceChoice
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.package.verify import verify_package
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.workspace import Workspace
from tests.core.evidence.samples import PDF, PNG, write
from tests.core.package.conftest import resigned, write_zip
from tests.core.package.test_report_long_content import pdf_text

SIGNATORY = "Fatimé Zakaria"
DRAFTER = "Amina Mahamat"
PASSPHRASE = b"a long enough passphrase"


class Packages:
    def __init__(self, folder: Path) -> None:
        self.data = folder / "data"
        self.files = folder / "files.acsgpkg"
        self.hashes = folder / "hashes.acsgpkg"

    def entries(self, path: Path) -> dict[str, bytes]:
        with zipfile.ZipFile(path) as archive:
            return {name: archive.read(name) for name in archive.namelist()}

    def document(self, path: Path) -> dict:
        return json.loads(self.entries(path)["package.json"])


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Packages:
    """An assessment whose first answer has two attached files, exported with the files and
    then with only their hashes."""
    result = Packages(tmp_path_factory.mktemp("evidence"))
    with Workspace.open(result.data) as workspace:
        create_demo(workspace, "en")
        created = workspace.assessments.create("2027 with evidence", 2027, actor=DRAFTER)
        indicators = workspace.assessments.framework_of(created).indicators
        for indicator in indicators:
            answer = Answer(indicator.id, AnswerKind.LEVEL, level=2, answered_by=DRAFTER)
            workspace.assessments.save_answer(created.id, answer, actor=DRAFTER)
        files = result.data.parent / "scans"
        for name, data in (("Décret n° 12 (2025).pdf", PDF), ("office photo.png", PNG)):
            workspace.evidence.attach(
                created.id, indicators[0].id, write(files, name, data), actor=DRAFTER
            )
        workspace.assessments.complete(created.id, actor=DRAFTER)
        IdentityStore(result.data).create(SIGNATORY, workspace.profiles.get(), PASSPHRASE)
        export = workspace.exports.export
        export(created.id, SIGNATORY, PASSPHRASE, result.files, "en", EvidenceChoice.FILES)
        export(created.id, SIGNATORY, PASSPHRASE, result.hashes, "en", EvidenceChoice.HASHES)
    return result


def test_an_answer_with_two_files_verifies_with_sha256sum(
    packages: Packages, tmp_path: Path
) -> None:
    with zipfile.ZipFile(packages.files) as archive:
        archive.extractall(tmp_path)
    checked = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=tmp_path, capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    evidence = [line for line in checked.stdout.splitlines() if line.startswith("evidence/")]
    assert len(evidence) == 2 and all(line.endswith(": OK") for line in evidence)
    assert sorted(p.read_bytes() for p in (tmp_path / "evidence").iterdir()) == sorted([PDF, PNG])
    assert verify_package(packages.files).ok


def test_package_json_lists_every_file_included_or_not(packages: Packages) -> None:
    included = packages.document(packages.files)["evidence_files"]
    assert [(item["name"], item["size"], item["included"]) for item in included] == [
        ("Décret n° 12 (2025).pdf", len(PDF), True),
        ("office photo.png", len(PNG), True),
    ]
    entries = packages.entries(packages.files)
    for item in included:
        assert item["path"] == f"evidence/{item['sha256']}-" + item["path"].split("-", 1)[1]
        assert item["path"] in entries
    assert included[0]["path"].endswith("-Décret n_ 12 (2025).pdf")
    listed = packages.document(packages.hashes)["evidence_files"]
    assert [(item["sha256"], item["included"], item["path"]) for item in listed] == [
        (item["sha256"], False, None) for item in included
    ]
    assert not [name for name in packages.entries(packages.hashes) if name.startswith("evidence")]
    assert verify_package(packages.hashes).ok


def test_verify_refuses_an_evidence_file_other_than_package_json_says(
    packages: Packages, tmp_path: Path
) -> None:
    identity = IdentityStore(packages.data).unlock(SIGNATORY, PASSPHRASE)
    entries = packages.entries(packages.files)
    name = next(name for name in entries if name.endswith(".png"))
    swapped = resigned({**entries, name: PDF}, identity)  # SHA256SUMS signed again over it
    check = verify_package(write_zip(tmp_path / "swapped.acsgpkg", swapped))
    assert [f.check for f in check.failures] == ["evidence"]
    assert "does not match the hash" in check.failures[0].message
    extra = resigned({**entries, "evidence/" + "0" * 64 + "-extra.pdf": PDF}, identity)
    check = verify_package(write_zip(tmp_path / "extra.acsgpkg", extra))
    assert [f.message for f in check.failures] == [
        "evidence/" + "0" * 64 + "-extra.pdf is not listed in package.json."
    ]


def test_the_report_says_whether_the_files_are_included_and_lists_them(
    packages: Packages, tmp_path: Path
) -> None:
    files = " ".join(pdf_text(packages.entries(packages.files)["report.pdf"], tmp_path).split())
    assert "The 2 evidence files are included in this package" in files
    assert "Décret n° 12 (2025).pdf" in files and "office photo.png" in files
    hashes = pdf_text(packages.entries(packages.hashes)["report.pdf"], tmp_path)
    hashes = " ".join(hashes.split())
    assert "Only the SHA-256 of the 2 evidence files is given" in hashes
    sha = packages.document(packages.hashes)["evidence_files"][0]["sha256"]
    assert sha in hashes.replace(" ", "")
