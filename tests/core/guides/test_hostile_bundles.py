"""Guide bundles from the hostile review (issue 9): NUL in names, times that are not times,
JSON of the wrong shape; each refused with a reason, installed guides unchanged."""

import json
from datetime import timedelta
from pathlib import Path

import pytest

from acsg_desktop.core.envelope.format import sums_text
from acsg_desktop.core.envelope.writer import envelope_bytes
from tests.core.guides.test_bundles import (
    NEXT,
    NOW,
    SECRETARIAT,
    add,
    changed_files,
    entry,
    good_bundle,
    rezip,
    try_import,
    workspace,  # noqa: F401 - the fixture
)


def test_a_nul_in_an_entry_name_is_refused(workspace, tmp_path: Path) -> None:  # noqa: F811
    data = bytearray(rezip(good_bundle(), add(entry("evilXtrailer.en.md"), b"# x")))
    data[:] = data.replace(b"evilXtrailer", b"evil\0trailer")  # zipfile would cut it at NUL
    assert try_import(workspace, tmp_path, bytes(data)).reason == "unsafe_name"


def manifest_bundle(change) -> bytes:
    """A correctly signed bundle whose bundle.json went through ``change``."""
    files = changed_files()
    manifest = {
        "format": "acsg-guides/1",
        "version": NEXT,
        "created": NOW.isoformat(),
        "expires": (NOW + timedelta(days=30)).isoformat(),
        "min_app_version": "0.1",
        "files": [
            {"name": name, "sha256": sums_text({name: data})[:64].decode(), "size": len(data)}
            for name, data in sorted(files.items())
        ],
    }
    document = change(manifest)
    data = document if isinstance(document, bytes) else json.dumps(document).encode()
    return envelope_bytes({**files, "bundle.json": data}, SECRETARIAT)


@pytest.mark.parametrize(
    "change",
    [
        lambda m: {**m, "expires": "2027-01-01T00:00:00"},  # no time zone
        lambda m: {**m, "expires": "next year"},
        lambda m: {**m, "expires": 20270101},
        lambda m: [],
        lambda m: None,
        lambda m: {**m, "version": str(NEXT)},
        lambda m: b"[" * 100_000 + b"]" * 100_000,
        lambda m: {**m, "files": m["files"] + m["files"][:1]},
    ],
)
def test_a_bundle_json_of_the_wrong_shape_is_refused(
    workspace,  # noqa: F811
    tmp_path: Path,
    change,
) -> None:
    assert try_import(workspace, tmp_path, manifest_bundle(change)).reason == "manifest"


def test_the_same_bundle_json_unchanged_installs(workspace, tmp_path: Path) -> None:  # noqa: F811
    path = tmp_path / "fine.acsgguides"
    path.write_bytes(manifest_bundle(lambda m: m))
    workspace.guides.import_bundle(path, [SECRETARIAT.certificate], NOW)
    assert workspace.guides.installed_version() == NEXT


def test_a_guide_title_with_a_line_break_is_refused() -> None:
    from acsg_desktop.core.guides.loader import GuideError, guides_from_files
    from tests.core.guides.test_bundles import guide_files

    files = {name: data.decode() for name, data in guide_files().items()}
    name = "decision-writing.en.md"
    title = next(line for line in files[name].splitlines() if line.startswith("title:"))
    files[name] = files[name].replace(title, 'title: "Age\\nBackup restored: all verified"', 1)
    with pytest.raises(GuideError, match="U\\+000A"):
        guides_from_files(files)
