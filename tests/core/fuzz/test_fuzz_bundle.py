"""Fuzzing the guide-bundle reader and the guide loader: a real signed bundle damaged in its
ZIP structure and sizes, bundle.json with fields of the wrong type or shape, and guide files
with any front matter (re-signed, so the loader is what is tested). read_bundle gives the
bundle or a BundleError; guides_from_files gives guides or a GuideError."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from acsg_desktop.core.envelope.format import sha256_hex
from acsg_desktop.core.envelope.writer import envelope_bytes
from acsg_desktop.core.guides.bundle_build import bundle_bytes
from acsg_desktop.core.guides.bundle_read import BundleContents, BundleError, read_bundle
from acsg_desktop.core.guides.loader import GuideError, guides_from_files, shipped_guides_dir
from tests.core.fuzz.jsons import VALUES, nested, wrong_fields
from tests.core.fuzz.zips import byte_edits, fuzz, lying_fields, rezipped
from tests.core.guides.test_bundles import SECRETARIAT

NAMES = ("decision-writing.en.md", "decision-writing.fr.md", "coi-unit-setup.en.md")
FILES = {name: (shipped_guides_dir() / name).read_bytes() for name in NAMES}
NOW = datetime.now(UTC)
BUNDLE = bundle_bytes(FILES, SECRETARIAT, 2, created=NOW)
GUIDES = guides_from_files({name: data.decode() for name, data in FILES.items()})
REASON = re.compile(r"^[a-z0-9_]+$")


def entries_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def read(path: Path, data: bytes) -> BundleContents | None:
    """The bundle, or None once a BundleError refused it (anything else escapes)."""
    path.write_bytes(data)
    try:
        contents = read_bundle(path, [SECRETARIAT.certificate], datetime.now(UTC))
    except BundleError as error:
        assert REASON.match(error.reason), error.reason
        assert isinstance(error.message, str) and error.message
        return None
    assert isinstance(contents.version, int) and contents.update.expires.tzinfo is not None
    return contents


def test_the_fuzzed_bundle_is_valid_to_start_with(tmp_path: Path) -> None:
    contents = read(tmp_path / "b", BUNDLE)
    assert contents is not None and contents.guides == GUIDES


@fuzz(500)
@given(data=st.one_of(byte_edits(BUNDLE), lying_fields(BUNDLE)))
def test_damaged_zip_structure_gives_the_bundle_or_a_bundle_error(tmp_path, data) -> None:
    contents = read(tmp_path / "b", data)
    assert contents is None or contents.guides == GUIDES


@fuzz(200)
@given(data=st.data())
def test_rewritten_then_damaged_bundles(tmp_path: Path, data) -> None:
    written = data.draw(rezipped(entries_of(BUNDLE)))
    damaged = data.draw(st.one_of(st.just(written), byte_edits(written), lying_fields(written)))
    contents = read(tmp_path / "b", damaged)
    assert contents is None or contents.guides == GUIDES


def manifest_of(files: dict[str, bytes]) -> dict[str, Any]:
    return {
        "format": "acsg-guides/1",
        "version": 2,
        "created": NOW.isoformat(),
        "expires": (NOW + timedelta(days=30)).isoformat(),
        "min_app_version": "0.1",
        "files": [
            {"name": name, "sha256": sha256_hex(data), "size": len(data)}
            for name, data in sorted(files.items())
        ],
    }


def signed_bundle(files: dict[str, bytes], manifest: bytes) -> bytes:
    return envelope_bytes({**files, "bundle.json": manifest}, SECRETARIAT)


@fuzz(300)
@given(data=st.data())
def test_bundle_json_fields_of_the_wrong_type(tmp_path: Path, data) -> None:
    original = manifest_of(FILES)
    manifest = data.draw(wrong_fields(original))
    contents = read(tmp_path / "b", signed_bundle(FILES, manifest))
    if contents is not None:
        assert contents.guides == GUIDES


FRONT_KEYS = ("id", "lang", "title", "summary", "type", "areas", "aims", "region", "year", "source")
HOSTILE_YAML = st.sampled_from(
    [
        "id: &a [*a]",
        "aims: &a [*a, *a]",
        "areas: &a [*a]\naims: &a [*a, *a]",
        "!!python/object/apply:os.system ['true']",
        "id: !!binary aGVsbG8=",
        "year: 2026-01-01",
        "year: .nan",
        "year: 1e400",
        "{? [1, 2] : x}",
        "? [a, b]\n: c",
        "id: [" * 50 + "]" * 50,
        nested(1500),
        "- " * 1500 + "x",
        "a: " + "{a: " * 1500 + "1" + "}" * 1500,
        "\t\x00",
        "%YAML 9.9\n---\n",
        "id: '\\ud800'",
        '"\\ud800": 1',
        "a: &x " + "[" + ", ".join(["x"] * 8) + "]\nb: [" + ", ".join(["*x"] * 8) + "]",
    ]
)


@st.composite
def front_matters(draw: st.DrawFn, real: dict[str, Any]) -> str:
    """Front matter text: the real one with a field wrong, random YAML, or hostile YAML."""
    kind = draw(st.sampled_from(["field", "random", "hostile", "json"]))
    if kind == "field":
        return yaml.safe_dump(json.loads(draw(wrong_fields(real))), allow_unicode=True)
    if kind == "json":
        return draw(wrong_fields(real)).decode("utf-8", "surrogatepass")
    if kind == "random":
        keys = st.one_of(st.sampled_from(FRONT_KEYS), st.text(max_size=6))
        return yaml.safe_dump(draw(st.dictionaries(keys, VALUES, max_size=12)))
    return draw(HOSTILE_YAML)


def real_front_matter(name: str) -> tuple[dict[str, Any], str]:
    text = FILES[name].decode()
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


@st.composite
def guide_texts(draw: st.DrawFn) -> dict[str, str]:
    """The guide files, one of them given another front matter, body or framing."""
    files = {name: data.decode() for name, data in FILES.items()}
    name = draw(st.sampled_from(NAMES))
    meta, body = real_front_matter(name)
    front = draw(front_matters(meta))
    framing = draw(
        st.sampled_from(
            [
                "---\n{front}---\n{body}",
                "---\n{front}\n---\n{body}",
                "\ufeff---\n{front}---\n{body}",
                "{front}---\n{body}",
                "---\n{front}",
                "---\n{front}---\n---\n{body}",
            ]
        )
    )
    new_body = draw(st.one_of(st.just(body), st.text(max_size=50)))
    files[name] = framing.format(front=front, body=new_body)
    return files


def guides_or_error(files: dict[str, str]) -> None:
    try:
        guides = guides_from_files(files)
    except GuideError as error:
        assert isinstance(error.message, str) and error.message
        return
    assert all(guide.texts for guide in guides)


@fuzz(300)
@given(files=guide_texts())
def test_guides_from_files_reads_or_refuses_any_front_matter(files: dict[str, str]) -> None:
    guides_or_error(files)


@fuzz(150)
@given(files=guide_texts())
def test_a_signed_bundle_of_badly_formed_guides_is_refused(tmp_path: Path, files) -> None:
    encoded = {name: text.encode("utf-8", "surrogatepass") for name, text in files.items()}
    manifest = json.dumps(manifest_of(encoded)).encode()
    contents = read(tmp_path / "b", signed_bundle(encoded, manifest))
    if contents is not None:
        assert sorted(g.id for g in contents.guides) == sorted(g.id for g in GUIDES)


@pytest.mark.parametrize("text", ["", "---", "---\n---\n", "---\n- a\n---\n"])
def test_front_matter_that_is_not_a_mapping_is_a_guide_error(text: str) -> None:
    with pytest.raises(GuideError):
        guides_from_files({"x.en.md": text})


@pytest.mark.parametrize(
    "front", [nested(1500), "- " * 1500 + "x", "a: " + "{a: " * 1500 + "1" + "}" * 1500]
)
def test_deeply_nested_front_matter_is_a_guide_error_not_a_recursion_error(
    tmp_path: Path, front: str
) -> None:
    """Found by fuzzing: PyYAML composes nested collections recursively, so a front matter
    nested 1,500 deep raised RecursionError out of guides_from_files and read_bundle."""
    text = f"---\n{front}\n---\nbody\n"
    with pytest.raises(GuideError, match="nested too deeply"):
        guides_from_files({"decision-writing.en.md": text})
    files = {**FILES, "decision-writing.en.md": text.encode()}
    path = tmp_path / "b"
    path.write_bytes(signed_bundle(files, json.dumps(manifest_of(files)).encode()))
    with pytest.raises(BundleError) as caught:
        read_bundle(path, [SECRETARIAT.certificate], datetime.now(UTC))
    assert caught.value.reason == "guide"


def test_a_bundle_version_written_2_0_is_refused(tmp_path: Path) -> None:
    """Found while fuzzing bundle.json (a probe of what the schema admits): JSON Schema's
    "integer" admits 2.0, which read_bundle passed on as a float; installed as the text "2.0",
    it then made every installed_version() raise. Our schemas now take integers only."""
    manifest = {**manifest_of(FILES), "version": 2.0}
    assert read(tmp_path / "b", signed_bundle(FILES, json.dumps(manifest).encode())) is None
    fine = {**manifest_of(FILES), "version": 2}
    contents = read(tmp_path / "c", signed_bundle(FILES, json.dumps(fine).encode()))
    assert contents is not None and contents.version == 2
