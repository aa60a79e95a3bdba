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
NAMES = sorted(path.relative_to(SHIPPED).as_posix() for path in SHIPPED.rglob("*.json"))


class Copy:
    """A copy of the shipped framework, and its files as they were copied (the shipped ones
    may change while the tests run)."""

    def __init__(self, path: Path) -> None:
        shutil.copytree(SHIPPED, path)
        self.path = path
        self.files = {name: (path / name).read_bytes() for name in NAMES}


@pytest.fixture
def folder(tmp_path: Path) -> Copy:
    return Copy(tmp_path / "framework")


def load_with(folder: Copy, name: str, data: bytes) -> Framework | None:
    """The framework with ``name`` holding ``data``, or None once FrameworkError refused it."""
    target = folder.path / name
    target.write_bytes(data)
    try:
        framework = load_framework(folder.path)
    except FrameworkError as error:
        assert isinstance(error.message, str) and error.message
        return None
    finally:
        target.write_bytes(folder.files[name])
    assert framework.areas and framework.indicators
    return framework


def test_the_fuzzed_framework_is_valid_to_start_with(folder: Copy) -> None:
    assert load_with(folder, "framework.json", folder.files["framework.json"]) is not None


@fuzz(80)
@given(name=st.sampled_from(NAMES), data=st.data())
def test_framework_files_with_bytes_changed(folder: Copy, name: str, data) -> None:
    load_with(folder, name, data.draw(changed_bytes(folder.files[name])))


@fuzz(100)
@given(name=st.sampled_from(NAMES), data=st.data())
def test_framework_fields_of_the_wrong_type_or_shape(folder: Copy, name: str, data) -> None:
    load_with(folder, name, data.draw(wrong_fields(json.loads(folder.files[name]))))


@fuzz(200)
@given(name=st.sampled_from(["framework.json", NAMES[0]]), data=RAW)
def test_framework_files_holding_any_json_or_bytes(folder: Copy, name: str, data) -> None:
    load_with(folder, name, data)


@pytest.mark.parametrize("name", ["framework.json", "areas/01-legal-framework.json"])
def test_a_framework_file_nested_too_deep_is_a_framework_error(folder: Copy, name: str) -> None:
    """Found by fuzzing: json.loads raised RecursionError (not a ValueError) out of the
    loader for a file nested 100,000 deep."""
    with pytest.raises(FrameworkError, match="nested too deeply"):
        (folder.path / name).write_text(nested(100_000))
        load_framework(folder.path)


def test_a_missing_area_file_is_a_framework_error(folder: Copy) -> None:
    (folder.path / "areas" / "01-legal-framework.json").unlink()
    with pytest.raises(FrameworkError):
        load_framework(folder.path)
