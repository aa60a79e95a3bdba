"""acsg verify names each failure (reliability items 10-15)."""

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from acsg_desktop.core.package.verify import verify_package
from acsg_desktop.core.signing.keys import create_identity
from acsg_desktop.core.strict_json import JsonDocumentError, strict_json
from tests.core.package.conftest import Exported, resigned, write_zip


def failures(check) -> set[tuple[str, str]]:
    return {(failure.entry, failure.check) for failure in check.failures}


def test_a_good_package_verifies_with_and_without_a_trusted_certificate(
    exported: Exported,
) -> None:
    assert verify_package(exported.first).ok
    check = verify_package(exported.first, [exported.identity().certificate])
    assert check.ok and check.trusted_by_caller and check.manifest["sequence"] == 1


@pytest.mark.parametrize("entry", ["package.json", "report.pdf", "manifest.json", "VERIFY.txt"])
def test_one_changed_byte_is_named(exported: Exported, tmp_path: Path, entry: str) -> None:
    entries = exported.entries()
    data = bytearray(entries[entry])
    data[len(data) // 3] ^= 0x20
    entries[entry] = bytes(data)
    check = verify_package(write_zip(tmp_path / "x.acsgpkg", entries))
    assert (entry, "sha256") in failures(check)


def test_added_and_removed_entries(exported: Exported, tmp_path: Path) -> None:
    added = {**exported.entries(), "extra.txt": b"hello"}
    assert ("extra.txt", "unexpected") in failures(verify_package(write_zip(tmp_path / "a", added)))
    removed = {n: d for n, d in exported.entries().items() if n != "VERIFY.txt"}
    assert ("VERIFY.txt", "missing") in failures(verify_package(write_zip(tmp_path / "r", removed)))


def test_edited_sums_breaks_the_signature(exported: Exported, tmp_path: Path) -> None:
    entries = exported.entries()
    entries["SHA256SUMS"] = entries["SHA256SUMS"].replace(b"  VERIFY.txt", b"  VERIFY.TXT")
    check = verify_package(write_zip(tmp_path / "s", entries))
    assert ("SHA256SUMS.p7s", "digest") in failures(check)


def test_untrusted_and_expired_signers(exported: Exported, tmp_path: Path) -> None:
    stranger = create_identity("Someone", "Other", "FR")
    check = verify_package(exported.first, [stranger.certificate])
    assert ("SHA256SUMS.p7s", "untrusted") in failures(check)
    old = create_identity("Old key", "Demo", "TD", now=datetime.now(UTC) - timedelta(days=4 * 365))
    entries = resigned(exported.entries(), old)
    check = verify_package(write_zip(tmp_path / "e", entries), [old.certificate])
    assert ("SHA256SUMS.p7s", "expired") in failures(check)


def test_replayed_older_package_and_wrong_previous_hash(exported: Exported) -> None:
    assert verify_package(exported.second, previous=exported.first).ok
    replayed = verify_package(exported.first, previous=exported.second)
    assert {("manifest.json", "sequence"), ("manifest.json", "previous")} <= failures(replayed)


def test_incremental_update_after_signing_is_flagged(exported: Exported, tmp_path: Path) -> None:
    from pyhanko.pdf_utils.generic import TextStringObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    entries = exported.entries()
    writer = IncrementalPdfFileWriter(io.BytesIO(entries["report.pdf"]))
    writer.root["/Lang"] = TextStringObject("fr")  # any change written after the signature
    writer.update_root()
    changed = io.BytesIO()
    writer.write(changed)
    entries["report.pdf"] = changed.getvalue()
    check = verify_package(write_zip(tmp_path / "i", resigned(entries, exported.identity())))
    assert ("report.pdf", "pdf-coverage") in failures(check)


@pytest.mark.parametrize(
    "payload",
    [
        b'{"a": 1, "a": 2}',
        b'{"a": NaN}',
        b'{"a": 1e999}',
        b'{"a": 12345678901234567890}',
        b'{"a": "\xff"}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a": ' * 100 + b"1" + b"}" * 100,
        b"",
    ],
)
def test_strict_json_refuses_tricks(payload: bytes) -> None:
    with pytest.raises(JsonDocumentError):
        strict_json(payload)


def test_schema_breaking_package_json_is_refused(exported: Exported, tmp_path: Path) -> None:
    entries = exported.entries()
    document = json.loads(entries["package.json"])
    document["scores"]["overall"] = 250
    entries["package.json"] = json.dumps(document).encode()
    check = verify_package(write_zip(tmp_path / "j", resigned(entries, exported.identity())))
    assert ("package.json", "schema") in failures(check)
    assert ("report.pdf", "attachment") in failures(check)


def test_strict_json_refuses_lone_surrogates_and_the_schema_whole_floats() -> None:
    from acsg_desktop.core.schemas import schema_problem

    with pytest.raises(JsonDocumentError, match="not valid Unicode"):
        strict_json(b'{"a": "\\ud800"}')
    with pytest.raises(JsonDocumentError, match="not valid Unicode"):
        strict_json(b'{"\\udfff": 1}')
    manifest = {"sequence": 2.0}
    problem = schema_problem(manifest, "manifest.schema.json", "manifest.json")
    assert (problem is not None and "sequence" in problem) or "required" in (problem or "")
