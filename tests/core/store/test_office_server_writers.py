"""Many officials writing at once on an office server (PostgreSQL only): the audit chain never
forks, every successful save is in it once, and no update is lost."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from acsg_desktop.core.errors import ConflictError
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.workspace import Workspace
from tests.core.requests.helpers import COMPLETE
from tests.core.store.office import add_official, open_as
from tests.postgres_cluster import PostgresCluster

WRITERS = 20
SECONDS = 3.0
SHARING = 2  # writers per answer: they conflict with each other


def _write_for(
    workspace: Workspace, assessment_id: int, indicator: str, saves: list[tuple[int, int]]
) -> None:
    """Save ``indicator`` again and again for SECONDS, retrying after a conflict; each
    success is kept in ``saves`` as (version, level)."""
    service, actor = workspace.assessments, workspace.current_user
    deadline, level = time.monotonic() + SECONDS, 1
    while time.monotonic() < deadline:
        current = service.answers(assessment_id).get(indicator)
        seen = current.version if current else 0
        level = level % 5 + 1
        answer = Answer(indicator, AnswerKind.LEVEL, level=level, evidence="Log", answered_by="x")
        try:
            saved = service.save_answer(assessment_id, answer, actor=actor, expected_version=seen)
        except ConflictError:
            continue
        saves.append((saved.version, level))


def _run_all(targets: list[threading.Thread]) -> list[BaseException]:
    """Start the threads together and wait for them; what any of them raised."""
    failures: list[BaseException] = []
    previous = threading.excepthook
    threading.excepthook = lambda hook: failures.append(hook.exc_value or Exception("?"))
    try:
        for thread in targets:
            thread.start()
        for thread in targets:
            thread.join()
    finally:
        threading.excepthook = previous
    return failures


def test_twenty_writers_leave_one_chain_and_lose_no_update(
    tmp_path: Path, migrated_postgres_url: str
) -> None:
    with Workspace.open(tmp_path / "it", migrated_postgres_url) as it_officer:
        created = it_officer.assessments.create("Shared", 2026, actor=it_officer.current_user)
        indicators = [i.id for i in it_officer.assessments.shipped_framework().indicators]
        before = it_officer.audit_check().entries
        saves: dict[str, list[tuple[int, int]]] = defaultdict(list)
        workspaces = [
            Workspace.open(tmp_path / f"desk{n}", migrated_postgres_url) for n in range(WRITERS)
        ]
        threads = [
            threading.Thread(
                target=_write_for,
                args=(workspace, created.id, indicators[n // SHARING], saves[str(n)]),
            )
            for n, workspace in enumerate(workspaces)
        ]
        failures = _run_all(threads)
        for workspace in workspaces:
            workspace.close()
        assert failures == []
        stored = it_officer.assessments.answers(created.id)
        total = 0
        for pair in range(WRITERS // SHARING):
            both = sorted(saves[str(2 * pair)] + saves[str(2 * pair + 1)])
            total += len(both)
            assert both, "a writer saved nothing"
            assert [version for version, _level in both] == list(range(1, len(both) + 1))
            kept = stored[indicators[pair]]
            assert (kept.version, kept.level) == both[-1]  # the last success is what is kept
        check = it_officer.audit_check()
        assert check.ok, check
        assert check.entries == before + total


def test_two_officials_editing_one_request_at_once_get_one_success_and_one_conflict(
    postgres_cluster: PostgresCluster, migrated_postgres_url: str, tmp_path: Path
) -> None:
    with Workspace.open(tmp_path / "it", migrated_postgres_url) as it_officer:
        officials = [
            add_official(postgres_cluster, it_officer, name, {"drafter"})
            for name in ("Idriss Abakar", "Amina Mahamat")
        ]
        desks = [open_as(o, tmp_path / o.login) for o in officials]
        try:
            for attempt in range(5):
                created = desks[0].requests.create(COMPLETE, actor=officials[0].name)
                outcomes = _edit_at_once(desks, officials, created.id, created.version, attempt)
                assert sorted(outcomes) == ["conflict", "saved"], outcomes
                title = it_officer.requests.get(created.id).content.title
                winner = officials[outcomes.index("saved")].name
                assert title == f"{winner} {attempt}"
            assert it_officer.audit_check().ok
        finally:
            for desk in desks:
                desk.close()


def _edit_at_once(desks, officials, request_id: int, version: int, attempt: int) -> list[str]:
    start = threading.Barrier(len(desks))
    outcomes = [""] * len(desks)

    def edit(number: int) -> None:
        content = replace(COMPLETE, title=f"{officials[number].name} {attempt}")
        start.wait()
        try:
            desks[number].requests.update(
                request_id, content, actor=officials[number].name, expected_version=version
            )
            outcomes[number] = "saved"
        except ConflictError:
            outcomes[number] = "conflict"

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(len(desks))]
    assert _run_all(threads) == []
    return outcomes
