"""The bundle's size beside its floor: a 10-line PySide6 window built with the same spec options.

    python tools/bundle_floor.py [--rebuild] [--bundle dist/acsg-desktop]

builds the floor (build.spec with ``-- --floor``) into build/bundle-floor/ unless it is newer
than build.spec, then measures both folders three ways: the files' size, a ``.tar.xz`` (xz
preset 6, as ``tar -cJf``) and a ``.zip`` (deflate level 6, links kept as links, as ``zip -y``).
It prints the figures with their ratios and writes them to build/bundle-size.json.
"""

from __future__ import annotations

import argparse
import json
import os
import stat
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR_DIR = ROOT / "build" / "bundle-floor"
FLOOR_BUNDLE = FLOOR_DIR / "dist" / "tiny-window"
TINY_WINDOW = '''"""The floor: the smallest PySide6 window (tools/bundle_floor.py)."""
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
label = QLabel("Hello")
label.show()
if os.environ.get("ACSG_EXIT_AFTER_START") == "1":
    QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
'''
MB = 1_000_000


def folder_bytes(folder: Path) -> int:
    """The size of the files under ``folder`` (links count for nothing)."""
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def tar_xz_bytes(folder: Path) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch) / "bundle.tar.xz"
        with tarfile.open(archive, "w:xz", preset=6) as tar:
            tar.add(folder, arcname=folder.name)
        return archive.stat().st_size


def zip_bytes(folder: Path) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch) / "bundle.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as bundle:
            for path in sorted(folder.rglob("*")):
                name = str(path.relative_to(folder.parent))
                if path.is_symlink():
                    link = zipfile.ZipInfo(name)
                    link.external_attr = (stat.S_IFLNK | 0o777) << 16
                    bundle.writestr(link, os.readlink(path))
                elif path.is_file():
                    bundle.write(path, name)
        return archive.stat().st_size


def measure(folder: Path) -> dict[str, int]:
    """Bytes of ``folder``: as files, as .tar.xz and as .zip."""
    return {
        "folder": folder_bytes(folder),
        "tar_xz": tar_xz_bytes(folder),
        "zip": zip_bytes(folder),
    }


def build_floor(rebuild: bool = False) -> Path:
    """The floor bundle, built again when build.spec (or this script) changed since."""
    built = FLOOR_BUNDLE / "acsg"
    sources = (ROOT / "build.spec", Path(__file__))
    if (
        not rebuild
        and built.exists()
        and all(built.stat().st_mtime > source.stat().st_mtime for source in sources)
    ):
        return FLOOR_BUNDLE
    FLOOR_DIR.mkdir(parents=True, exist_ok=True)
    (FLOOR_DIR / "tiny_window.py").write_text(TINY_WINDOW, encoding="utf-8")
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(FLOOR_DIR / "dist"),
            "--workpath",
            str(FLOOR_DIR / "work"),
            "build.spec",
            "--",
            "--floor",
        ],
        cwd=ROOT,
        check=True,
    )
    check_floor_starts(FLOOR_BUNDLE)
    return FLOOR_BUNDLE


def check_floor_starts(floor: Path) -> None:
    """The floor must be a working window, or it floors nothing."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ACSG_EXIT_AFTER_START": "1"}
    subprocess.run([str(floor / floor.name)], env=environment, check=True, timeout=120)


def compare(bundle: Path, floor: Path) -> dict[str, dict[str, float]]:
    """Each size of ``bundle`` and ``floor`` (in MB) and their ratio."""
    ours, base = measure(bundle), measure(floor)
    return {
        kind: {
            "bundle_mb": ours[kind] / MB,
            "floor_mb": base[kind] / MB,
            "ratio": ours[kind] / base[kind],
        }
        for kind in ours
    }


def report(figures: dict[str, dict[str, float]]) -> str:
    lines = [f"{'':8} {'bundle':>10} {'floor':>10} {'ratio':>6}"]
    for kind, row in figures.items():
        lines.append(
            f"{kind:8} {row['bundle_mb']:7.1f} MB {row['floor_mb']:7.1f} MB {row['ratio']:5.2f}x"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rebuild", action="store_true", help="build the floor even if current")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "acsg-desktop")
    args = parser.parse_args(argv)
    figures = compare(args.bundle, build_floor(args.rebuild))
    print(report(figures))
    out = ROOT / "build" / "bundle-size.json"
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
