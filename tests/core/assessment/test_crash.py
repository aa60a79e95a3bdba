"""Kill -9 while answers are being saved: every answer reported as saved is there afterwards."""

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

from acsg_desktop.core.workspace import Workspace

ANSWERING = """
import sys
from pathlib import Path
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.workspace import Workspace
workspace = Workspace.open(Path(sys.argv[1]))
service = workspace.assessments
assessment = service.list()[0]
framework = service.framework_of(assessment)
round_number = int(sys.argv[2])
while True:
    for indicator in framework.indicators:
        level = 1 + (round_number % 5)
        answer = Answer(indicator.id, AnswerKind.LEVEL, level=level,
                        evidence="saved in round %d" % round_number, answered_by="Test")
        service.save_answer(assessment.id, answer, actor="Test")
        print(indicator.id, level, flush=True)  # only after the commit returned
    round_number += 5
"""


def test_kill_during_autosave_loses_no_saved_answer(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        assessment_id = workspace.assessments.create("Crash test", 2026, actor="Test").id
    chance = random.Random(2026)
    for round_number in range(4):
        child = subprocess.Popen(
            [sys.executable, "-c", ANSWERING, str(tmp_path), str(round_number)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        saved: dict[str, int] = {}
        for _ in range(chance.randint(5, 60)):
            indicator_id, level = child.stdout.readline().split()
            saved[indicator_id] = int(level)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        with Workspace.open(tmp_path) as workspace:
            assert workspace.database.integrity_problems() == []
            stored = workspace.assessments.answers(assessment_id)
            for indicator_id, level in saved.items():
                assert stored[indicator_id].level == level
                assert stored[indicator_id].evidence.startswith("saved in round")
