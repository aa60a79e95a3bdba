"""The bundle's one executable is the command line when called `acsg` (acsg_desktop/__main__.py),
and then never imports the GUI stack."""

import json
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys
sys.argv[0] = sys.argv.pop(1)  # the program's name, as the bundle's executable sees it
from acsg_desktop.__main__ import main
try:
    status = main()
except SystemExit as stop:
    status = stop.code
print(json.dumps({"status": status, "gui": [m for m in sys.modules if m.startswith(
    ("PySide6", "acsg_desktop.gui"))]}))
"""


def run_as(program: str, *args: str) -> tuple[dict[str, object], str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, program, *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    *printed, report = done.stdout.splitlines()
    return json.loads(report), "\n".join(printed)


def test_called_acsg_it_is_the_command_line_without_qt(tmp_path: Path) -> None:
    report, printed = run_as(str(tmp_path / "dist" / "acsg"), "--version")
    assert report == {"status": 0, "gui": []}
    assert printed.startswith("acsg ")


def test_called_acsg_it_rejects_what_acsg_rejects(tmp_path: Path) -> None:
    report, _printed = run_as(str(tmp_path / "acsg"), "no-such-command")
    assert report["status"] == 2  # argparse's usage error, as `acsg` gives it
