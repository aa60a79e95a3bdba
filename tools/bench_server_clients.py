"""The clients of the office-server bench: each opens its own data folder and connection, waits
for the others, then saves answers through the assessments service until the time is up.

Each client alternates between two indicators nobody else touches, and every SHARED_EVERY-th
save goes to one indicator every client shares, with the version it last saw: the others have
saved it since, mostly, so those saves are refused (ConflictError), the client reloads, as a user
would, and goes on. Every successful save is noted (indicator, version, note) for the check.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SHARED_EVERY = 10  # one save in ten goes to the indicator every client shares


@dataclass(frozen=True)
class ClientPlan:
    """What one client does: where, as whom, on which answers, for how long."""

    number: int
    data_dir: Path
    database: str | None  # None: the folder's own SQLite file
    password: str | None
    assessment_id: int
    own: tuple[str, str]
    shared: str | None  # None: no shared indicator (a single writer)
    seconds: float


@dataclass
class ClientResult:
    number: int
    latencies: list[float] = field(default_factory=list)  # every call, conflicts included
    saved: list[tuple[str, int, str]] = field(default_factory=list)  # indicator, version, note
    conflicts: int = 0
    errors: list[str] = field(default_factory=list)


def run_client(plan: ClientPlan, barrier: Any, results: Any) -> None:
    """Open, wait at ``barrier`` for every client, save until time is up, put the result."""
    result = ClientResult(plan.number)
    try:
        _save_until_time_is_up(plan, barrier, result)
    except Exception:  # reported in the bench's table, not raised in a thread
        result.errors.append(traceback.format_exc(limit=3))
        barrier.abort()
    results.put(result)


def _save_until_time_is_up(plan: ClientPlan, barrier: Any, result: ClientResult) -> None:
    from acsg_desktop.core.errors import ConflictError
    from acsg_desktop.core.workspace import Workspace

    with Workspace.open(plan.data_dir, plan.database, password=plan.password) as workspace:
        service = workspace.assessments
        actor = workspace.current_user or f"Bench client {plan.number}"
        seen = {key: answer.version for key, answer in service.answers(plan.assessment_id).items()}
        barrier.wait()
        deadline = time.perf_counter() + plan.seconds
        count = 0
        while time.perf_counter() < deadline:
            indicator = _indicator_for(plan, count)
            answer = _answer(plan, indicator, count, actor)
            started = time.perf_counter()
            try:
                saved = service.save_answer(
                    plan.assessment_id, answer, actor=actor, expected_version=seen.get(indicator, 0)
                )
            except ConflictError:
                result.latencies.append(time.perf_counter() - started)
                result.conflicts += 1
                seen[indicator] = service.answers(plan.assessment_id)[indicator].version
            else:
                result.latencies.append(time.perf_counter() - started)
                result.saved.append((indicator, saved.version, answer.note))
                seen[indicator] = saved.version
            count += 1


def _indicator_for(plan: ClientPlan, count: int) -> str:
    if plan.shared is not None and count % SHARED_EVERY == SHARED_EVERY - 1:
        return plan.shared
    return plan.own[count % 2]


def _answer(plan: ClientPlan, indicator: str, count: int, actor: str) -> Any:
    from acsg_desktop.core.records.assessment import Answer, AnswerKind

    return Answer(
        indicator,
        AnswerKind.LEVEL,
        level=1 + (count + plan.number) % 5,
        note=f"bench client {plan.number} save {count}",
        evidence=f"Bench register, page {count}",
        answered_by=actor,
    )
