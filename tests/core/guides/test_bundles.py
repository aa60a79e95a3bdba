"""Attacks on guide bundles (reliability items 16-21): each refused, installed guides unchanged."""

import io
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from acsg_desktop.core.guides.bundle_build import bundle_bytes
from acsg_desktop.core.guides.bundle_read import BundleError
from acsg_desktop.core.guides.loader import shipped_guides_dir, shipped_version
from acsg_desktop.core.signing.keys import create_identity
from acsg_desktop.core.workspace import Workspace

SECRETARIAT = create_identity("Guides editor", "ACSG Secretariat (test only)", "CH")
STRANGER = create_identity("Someone", "Not the Secretariat", "FR")
NOW = datetime(2026, 11, 29, tzinfo=UTC)


def guide_files() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(shipped_guides_dir().glob("*.*.md"))}


def changed_files() -> dict[str, bytes]:
    files = guide_files()
    files["decision-writing.en.md"] = files["decision-writing.en.md"].replace(
        b"## ", b"## Updated: ", 1
    )
    return files


def rezip(data: bytes, change) -> bytes:
    """Rewrite a bundle's entries through ``change(list of (ZipInfo, bytes))``."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    entries = change(entries)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info, content in entries:
            target.writestr(info, content)
    return out.getvalue()


@pytest.fixture
def workspace(tmp_path: Path):
    with Workspace.open(tmp_path / "data") as opened:
        yield opened


def try_import(
    workspace: Workspace, tmp_path: Path, data: bytes, now: datetime = NOW
) -> BundleError:
    before = (
        workspace.guides.installed_version(),
        workspace.guides.get("decision-writing").texts["en"].body,
    )
    path = tmp_path / "update.acsgguides"
    path.write_bytes(data)
    with pytest.raises(BundleError) as caught:
        workspace.guides.import_bundle(path, [SECRETARIAT.certificate], now)
    after = (
        workspace.guides.installed_version(),
        workspace.guides.get("decision-writing").texts["en"].body,
    )
    assert after == before  # nothing changed
    return caught.value


SHIPPED = shipped_version()  # the guide set the app installs at first start
NEXT = SHIPPED + 1


def good_bundle(version: int = NEXT, **options) -> bytes:
    return bundle_bytes(changed_files(), SECRETARIAT, version, created=NOW, **options)


def test_a_good_bundle_installs_in_one_go_after_a_backup(workspace, tmp_path: Path) -> None:
    path = tmp_path / "update.acsgguides"
    path.write_bytes(good_bundle())
    contents = workspace.guides.import_bundle(path, [SECRETARIAT.certificate], NOW)
    assert contents.version == workspace.guides.installed_version() == NEXT
    assert "## Updated: " in workspace.guides.get("decision-writing").texts["en"].body
    assert [p for p in workspace.database.backups() if p.name.endswith("-before-guides.sqlite3")]


def without(name: str):
    return lambda entries: [(i, c) for i, c in entries if i.filename != name]


def replaced(name: str, content: bytes):
    return lambda entries: [(i, content if i.filename == name else c) for i, c in entries]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda: rezip(good_bundle(), without("SHA256SUMS.p7s")), "unsigned"),
        (lambda: bundle_bytes(changed_files(), STRANGER, NEXT, created=NOW), "untrusted"),
        (
            lambda: rezip(good_bundle(), replaced("SHA256SUMS", b"0" * 64 + b"  x.en.md\n")),
            "digest",
        ),
        (lambda: good_bundle(version=SHIPPED), "same"),
        (lambda: good_bundle(expires=NOW - timedelta(days=1)), "expired"),
        (lambda: good_bundle(min_app_version="99.0"), "app_too_old"),
        (
            lambda: rezip(
                good_bundle(),
                replaced("decision-writing.en.md", guide_files()["decision-writing.en.md"]),
            ),
            "sha256",
        ),
        (lambda: b"PK\x03\x04 this is not a zip", "not_zip"),
    ],
)
def test_refused_bundles(workspace, tmp_path: Path, make, reason: str) -> None:
    assert try_import(workspace, tmp_path, make()).reason == reason


def test_an_older_version_is_refused_as_a_rollback(workspace, tmp_path: Path) -> None:
    path = tmp_path / "v3.acsgguides"
    path.write_bytes(good_bundle(version=NEXT + 1))
    workspace.guides.import_bundle(path, [SECRETARIAT.certificate], NOW)
    error = try_import(workspace, tmp_path, good_bundle(version=NEXT))
    assert error.reason == "older" and "older than the installed one" in error.message


def test_setting_the_clock_back_does_not_revive_an_expired_bundle(workspace, tmp_path) -> None:
    workspace.guides.note_time(NOW + timedelta(days=400))  # the app once ran in 2027
    bundle = good_bundle(expires=NOW + timedelta(days=30))
    assert try_import(workspace, tmp_path, bundle, now=NOW).reason == "expired"


def entry(name: str, mode: int = 0o100644) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2026, 11, 29, 0, 0, 0))
    info.external_attr = mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def add(info: zipfile.ZipInfo, content: bytes = b"x"):
    return lambda entries: [*entries, (info, content)]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../x.en.md", "unsafe_name"),
        ("/abs.en.md", "unsafe_name"),
        ("C:\\x.en.md", "unsafe_name"),
        ("dir\\x.en.md", "unsafe_name"),
        ("sub/x.en.md", "unsafe_name"),
        ("notes.txt", "unexpected"),
    ],
)
def test_unsafe_names_are_refused_not_cleaned(workspace, tmp_path, name, reason) -> None:
    assert try_import(workspace, tmp_path, rezip(good_bundle(), add(entry(name)))).reason == reason


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_duplicate_symlink_and_encrypted_entries(workspace, tmp_path: Path) -> None:
    duplicate = rezip(good_bundle(), add(entry("decision-writing.en.md"), b"evil"))
    assert try_import(workspace, tmp_path, duplicate).reason == "duplicate"
    link = rezip(good_bundle(), add(entry("evil.en.md", 0o120777), b"/etc/passwd"))
    assert try_import(workspace, tmp_path, link).reason == "symlink"
    locked = bytearray(rezip(good_bundle(), add(entry("locked.en.md"))))
    central = locked.rfind(b"PK\x01\x02", 0, locked.rfind(b"locked.en.md"))
    locked[central + 8] |= 0x1  # the "encrypted" bit of the general purpose flags
    assert try_import(workspace, tmp_path, bytes(locked)).reason == "encrypted"


def test_zip_bombs_are_stopped_at_fixed_caps(workspace, tmp_path: Path) -> None:
    bomb = rezip(good_bundle(), add(entry("bomb.en.md"), b"\0" * 1_500_000))
    assert try_import(workspace, tmp_path, bomb).reason == "too_big"
    crowd = rezip(
        good_bundle(),
        lambda entries: entries + [(entry(f"extra-{n}.en.md"), b"x") for n in range(400)],
    )
    assert try_import(workspace, tmp_path, crowd).reason == "too_many"


def test_entry_sizes_that_lie_are_refused(workspace, tmp_path: Path) -> None:
    data = bytearray(good_bundle())
    name = b"decision-writing.fr.md"
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(name))
    size_offset = central + 24  # uncompressed size in the central directory record
    real = int.from_bytes(data[size_offset : size_offset + 4], "little")
    data[size_offset : size_offset + 4] = (real - 10).to_bytes(4, "little")
    assert try_import(workspace, tmp_path, bytes(data)).reason in {"index", "size"}
