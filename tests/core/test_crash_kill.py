"""tools/crash_test.py: a short run passes, and each of its checks catches what it looks for."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "crash_test.py"
sys.path.insert(0, str(TOOL.parent))

import crash_scenarios  # noqa: E402  (tools/ is not a package)
import crash_test  # noqa: E402

from acsg_desktop.core.store.database import backup_dir  # noqa: E402


def test_a_short_run_kills_every_kind_of_child_and_finds_nothing_wrong(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), "--kills", "4", "--other-kills", "1", "--seed", "5"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout
    assert re.search(r"autosave +4 kills", summary) and "violations: 0" in summary
    for kind in ("backup", "guide-import", "export"):
        assert f"  {kind}" in summary


@pytest.fixture
def autosave(tmp_path: Path) -> crash_scenarios.Autosave:
    return crash_scenarios.Autosave(tmp_path, random.Random(0), crash_test.Report())


def test_a_missing_or_older_acknowledged_answer_is_a_violation(
    autosave: crash_scenarios.Autosave,
) -> None:
    first, second = autosave.indicators[:2]
    autosave.acknowledged = {first: 7, second: 9}
    autosave.check_answers({second: crash_scenarios.answer_for(second, 8)})
    assert len(autosave.report.violations) == 2
    assert "missing" in autosave.report.violations[0]
    assert "save 9 acknowledged" in autosave.report.violations[1]
    autosave.report.violations.clear()
    autosave.check_answers(
        {
            first: crash_scenarios.answer_for(first, 7),
            second: crash_scenarios.answer_for(second, 10),
        }
    )
    assert autosave.report.violations == []


def test_a_wrong_value_under_the_right_number_is_a_violation(
    autosave: crash_scenarios.Autosave,
) -> None:
    indicator = autosave.indicators[0]
    autosave.acknowledged = {indicator: 4}
    stored = crash_scenarios.answer_for(indicator, 5)
    autosave.check_answers(
        {indicator: crash_scenarios.Answer(indicator, stored.kind, 5, stored.note)}
    )
    assert autosave.report.violations


def test_empty_backups_changed_earlier_backups_and_leftovers_are_violations(
    autosave: crash_scenarios.Autosave,
) -> None:
    folder = backup_dir(autosave.data)
    folder.mkdir(parents=True)
    earlier = folder / "acsg-20260101-000000-000000-manual.sqlite3"
    earlier.write_bytes(b"not yet changed")
    autosave.backups = {earlier: crash_scenarios.sha256_of(earlier)}
    earlier.write_bytes(b"changed")
    (folder / "acsg-20260102-000000-000000-manual.sqlite3").touch()
    (folder / ".acsg-20260103-manual.sqlite3.partial-wal").write_bytes(b"x")
    autosave.check_files()
    found = " / ".join(autosave.report.violations)
    assert "earlier backup was changed" in found
    assert "real name is damaged: acsg-20260102" in found
    assert "leftover not cleaned at start" in found


def test_a_child_failing_on_its_own_is_a_violation(tmp_path: Path) -> None:
    class Failing(crash_scenarios.Scenario):
        name = "failing"

        def child(self) -> crash_test.Work:
            return lambda _say: 2

        def kill_moment(self, child: crash_test.Child) -> None:
            child.wait_for("a line it never writes")  # returns at its end: the kill comes late

    data = tmp_path / "data"
    crash_scenarios.Workspace.open(data).close()
    scenario = Failing(tmp_path, data, random.Random(0), crash_test.Report())
    scenario.run(1, 1)
    assert "failed on its own (2)" in scenario.report.violations[0]
