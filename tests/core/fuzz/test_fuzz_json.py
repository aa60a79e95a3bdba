"""Fuzzing the JSON readers: strict_json on any bytes and hostile texts, the schemas on any
document, and package.json and manifest.json with fields of the wrong type or shape, re-signed
by the real signer so that the schema (not the signature) is what refuses them."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from acsg_desktop.core.package import layout
from acsg_desktop.core.schemas import schema_problem
from acsg_desktop.core.strict_json import MAX_DEPTH, JsonDocumentError, strict_json
from tests.core.fuzz.jsons import RAW, TEXTS, VALUES, wrong_fields
from tests.core.fuzz.test_fuzz_package import checked, identity_of, named
from tests.core.fuzz.zips import changed_bytes, fuzz, rezipped
from tests.core.package.conftest import Exported, resigned

SCHEMAS = (
    "package.schema.json",
    "manifest.schema.json",
    "guide-bundle.schema.json",
    "framework.schema.json",
    "area.schema.json",
    "guide.schema.json",
)


def depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    return 0


def strict(data: bytes) -> Any:
    """The document, or None once JsonDocumentError refused it (anything else escapes)."""
    try:
        document = strict_json(data)
    except JsonDocumentError as error:
        assert isinstance(error.message, str) and error.message
        return None
    assert depth(document) <= MAX_DEPTH
    assert not any(isinstance(v, float) and not math.isfinite(v) for v in _leaves(document))
    return document


def _leaves(value: Any):  # type: ignore[no-untyped-def]
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        else:
            yield item


@fuzz(600)
@given(data=RAW)
def test_strict_json_reads_or_refuses_any_bytes(data: bytes) -> None:
    strict(data)


@fuzz(500)
@given(value=VALUES)
def test_strict_json_reads_back_what_json_writes(value: Any) -> None:
    document = strict(json.dumps(value).encode())
    big = any(isinstance(v, int) and abs(v) > 2**53 for v in _leaves(value))
    if not big and depth(value) <= MAX_DEPTH:
        assert document == json.loads(json.dumps(value))


@fuzz(300)
@given(data=st.data())
def test_strict_json_on_edited_real_documents(exported: Exported, data) -> None:
    entries = exported.entries()
    name = data.draw(st.sampled_from([layout.PACKAGE_JSON, layout.MANIFEST]))
    strict(data.draw(changed_bytes(entries[name])))


@fuzz(400)
@given(schema=st.sampled_from(SCHEMAS), text=TEXTS)
def test_every_schema_answers_any_document_with_a_message_or_none(schema: str, text: str):
    document = strict(text.encode("utf-8", "surrogatepass"))
    problem = schema_problem(document, schema, "file.json")
    assert problem is None or (isinstance(problem, str) and "file.json" in problem)


@fuzz(400)
@given(schema=st.sampled_from(SCHEMAS), value=VALUES)
def test_every_schema_answers_any_value(schema: str, value: Any) -> None:
    problem = schema_problem(value, schema, "file.json")
    assert problem is None or isinstance(problem, str)


@fuzz(60)
@given(data=st.data())
def test_package_json_fields_of_the_wrong_type_are_refused(
    exported: Exported, tmp_path: Path, data
) -> None:
    entries = exported.entries()
    original = json.loads(entries[layout.PACKAGE_JSON])
    entries[layout.PACKAGE_JSON] = data.draw(wrong_fields(original))
    if json.loads(entries[layout.PACKAGE_JSON]) == original:
        return
    signed = resigned(entries, identity_of(exported))
    check = checked(tmp_path / "p.acsgpkg", data.draw(rezipped(signed, accepted_only=True)))
    assert not check.ok
    assert (layout.REPORT, "attachment") in named(check)  # the PDF carries the signed original


@fuzz(40)
@given(data=st.data())
def test_manifest_fields_of_the_wrong_type_are_refused(
    exported: Exported, tmp_path: Path, data
) -> None:
    entries = exported.entries(exported.second)
    original = json.loads(entries[layout.MANIFEST])
    entries[layout.MANIFEST] = data.draw(wrong_fields(original))
    signed = resigned(entries, identity_of(exported))
    path = tmp_path / "p.acsgpkg"
    check = checked(path, data.draw(rezipped(signed, accepted_only=True)), previous=exported.first)
    manifest = strict(entries[layout.MANIFEST])
    if check.ok:  # only a manifest meeting every rule
        assert schema_problem(manifest, "manifest.schema.json", layout.MANIFEST) is None
        assert manifest["package_id"] == original["package_id"]
        assert manifest["signer"]["fingerprint"] == original["signer"]["fingerprint"]
        assert manifest["previous_package_sha256"] == original["previous_package_sha256"]
        assert manifest["sequence"] > 1
    elif manifest != original:
        assert {failure.entry for failure in check.failures} == {layout.MANIFEST}


@fuzz(25)
@given(data=st.data())
def test_a_previous_package_whose_manifest_is_wrong_is_flagged(
    exported: Exported, tmp_path: Path, data
) -> None:
    entries = exported.entries(exported.first)
    original = json.loads(entries[layout.MANIFEST])
    entries[layout.MANIFEST] = data.draw(wrong_fields(original))
    previous = tmp_path / "previous.acsgpkg"
    from tests.core.fuzz.zips import zip_entries

    signed = resigned(entries, identity_of(exported))
    previous.write_bytes(zip_entries([(n, d, 8, None) for n, d in signed.items()]))
    check = checked(exported.second, previous=previous)
    assert not check.ok  # the previous package is another file now: its hash differs
