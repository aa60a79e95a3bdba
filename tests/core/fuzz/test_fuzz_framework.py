"""Fuzzing the capacity framework loader: the shipped framework.json and area files with bytes
changed, fields of the wrong type or shape, any JSON text or bytes. load_framework gives a
Framework or a FrameworkError, nothing else."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acsg_desktop.core.framework.loader import (
    FrameworkError,
    framework_folder,
    load_framework,
)
from acsg_desktop.core.framework.model import Framework
from tests.core.fuzz.jsons import RAW, nested, wrong_fields
from tests.core.fuzz.zips import changed_bytes, fuzz

SHIPPED = framework_folder()
FILES = {
    path.relative_to(SHIPPED).as_posix(): path.read_bytes()
    for path in sorted(SHIPPED.rglob("*.json"))
}
NAMES = sorted(FILES)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "framework"
    shutil.copytree(SHIPPED, copy)
    return copy


def load_with(folder: Path, name: str, data: bytes) -> Framework | None:
    """The framework with ``name`` holding ``data``, or None once FrameworkError refused it."""
    target = folder / name
    target.write_bytes(data)
    try:
        framework = load_framework(folder)
    except FrameworkError as error:
        assert isinstance(error.message, str) and error.message
        return None
    finally:
        target.write_bytes(FILES[name])
    assert framework.areas and framework.indicators
    return framework


def test_the_fuzzed_framework_is_valid_to_start_with(folder: Path) -> None:
    assert load_with(folder, "framework.json", FILES["framework.json"]) is not None


@fuzz(80)
@given(name=st.sampled_from(NAMES), data=st.data())
def test_framework_files_with_bytes_changed(folder: Path, name: str, data) -> None:
    load_with(folder, name, data.draw(changed_bytes(FILES[name])))


@fuzz(100)
@given(name=st.sampled_from(NAMES), data=st.data())
def test_framework_fields_of_the_wrong_type_or_shape(folder: Path, name: str, data) -> None:
    load_with(folder, name, data.draw(wrong_fields(json.loads(FILES[name]))))


@fuzz(200)
@given(name=st.sampled_from(["framework.json", NAMES[0]]), data=RAW)
def test_framework_files_holding_any_json_or_bytes(folder: Path, name: str, data) -> None:
    load_with(folder, name, data)


@pytest.mark.parametrize("name", ["framework.json", "areas/01-legal-framework.json"])
def test_a_framework_file_nested_too_deep_is_a_framework_error(folder: Path, name: str) -> None:
    """Found by fuzzing: json.loads raised RecursionError (not a ValueError) out of the
    loader for a file nested 100,000 deep."""
    with pytest.raises(FrameworkError, match="nested too deeply"):
        (folder / name).write_text(nested(100_000))
        load_framework(folder)


def test_a_missing_area_file_is_a_framework_error(folder: Path) -> None:
    (folder / "areas" / "01-legal-framework.json").unlink()
    with pytest.raises(FrameworkError):
        load_framework(folder)
