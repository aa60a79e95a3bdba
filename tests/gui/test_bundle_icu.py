"""The bundle's trimmed ICU data (tools/bundle_icu.py): a twelfth of the size, and Qt still
collates with it exactly as with the full data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import PySide6

from tools.bundle_icu import data_symbol, items, trimmed_icu_data, wanted

FULL = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
COLLATE = """
import functools, json
from PySide6.QtCore import QCollator, QCoreApplication, QLocale, qInstallMessageHandler
warnings = []
qInstallMessageHandler(lambda _kind, _context, message: warnings.append(message))
app = QCoreApplication([])
words = ["côté", "cote", "côte", "coté", "Zèbre", "zebra", "École", "ecole", "file10", "file9"]
orders = {}
for name in ("fr_FR", "en_GB", "de_DE"):
    collator = QCollator(QLocale(name))
    collator.setNumericMode(True)
    orders[name] = sorted(words, key=functools.cmp_to_key(collator.compare))
loaded = [line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line]
print(json.dumps({"orders": orders, "warnings": warnings, "icudata": loaded[0]}))
"""


def collate(library_path: str | None) -> dict[str, object]:
    environment = dict(os.environ)
    if library_path:
        environment["LD_LIBRARY_PATH"] = library_path  # ahead of Qt's RUNPATH
    done = subprocess.run(
        [sys.executable, "-c", COLLATE],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_qt_collates_the_same_with_the_trimmed_data(tmp_path: Path) -> None:
    trimmed = trimmed_icu_data(FULL, tmp_path)
    assert trimmed.stat().st_size < FULL.stat().st_size / 10
    with_full, with_trimmed = collate(None), collate(str(tmp_path))
    assert with_trimmed["icudata"] == str(trimmed)  # the trimmed library was the one loaded
    assert with_trimmed["orders"] == with_full["orders"]
    assert with_trimmed["warnings"] == []
    orders = with_trimmed["orders"]
    assert isinstance(orders, dict)
    assert orders["fr_FR"][:4] == ["cote", "coté", "côte", "côté"]
    assert orders["fr_FR"].index("file9") < orders["fr_FR"].index("file10")  # numeric mode


def test_the_trimmed_library_keeps_the_symbol_and_the_items_wanted(tmp_path: Path) -> None:
    full = FULL.read_bytes()
    symbol, offset, size = data_symbol(full)
    _header, every_item = items(full[offset : offset + size])
    trimmed = trimmed_icu_data(FULL, tmp_path).read_bytes()
    kept_symbol, kept_offset, kept_size = data_symbol(trimmed)
    _header, kept = items(trimmed[kept_offset : kept_offset + kept_size])
    assert kept_symbol == symbol
    assert [name for name, _content in kept] == [
        name for name, _content in every_item if wanted(name)
    ]
    assert dict(kept) == {name: content for name, content in every_item if wanted(name)}


def test_what_is_kept_and_what_is_not() -> None:
    prefix = "icudt73l/"
    for kept in ("coll/ucadata.icu", "coll/fr.res", "coll/root.res", "nfkc.nrm", "fr.res"):
        assert wanted(prefix + kept), kept
    for left_out in ("coll/zh.res", "brkitr/cjdict.dict", "zone/fr.res", "gb18030.cnv", "de.res"):
        assert not wanted(prefix + left_out), left_out
