"""Saving an answer and searching the guides, against plain sqlite3 doing the same, sample by
sample in turn (p95 of each)."""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_common import captured_queries, plain_connection, replay
from bench_data import TextMaker, add_guides

SAVES = 300
SEARCH_GUIDES = 10_000  # 20,000 documents, English and French
SEARCH_BODY_WORDS = 300  # about 2 KB of text each, as a real guide


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18]


def figure_p95(
    name: str, values: list[float], floors: list[float], target: float
) -> dict[str, Any]:
    value, floor = p95(values) * 1000, p95(floors) * 1000
    ratio = value / floor
    return {
        "name": name,
        "value": value,
        "unit": "ms",
        "floor": floor,
        "ratio": ratio,
        "target": target,
        "holds": ratio <= target,
        "runs": len(values),
    }


def answer_figure() -> dict[str, Any]:
    """One answer saved through the assessments service (commit included) against a one-row
    insert and commit through sqlite3 with the same pragmas."""
    from acsg_desktop.core.records.assessment import Answer, AnswerKind
    from acsg_desktop.core.workspace import Workspace

    with tempfile.TemporaryDirectory() as home, Workspace.open(Path(home) / "app") as workspace:
        floor_db = sqlite3.connect(Path(home) / "floor.sqlite3", isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
            floor_db.execute(f"PRAGMA {pragma}")
        floor_db.execute("CREATE TABLE answer (id INTEGER PRIMARY KEY, indicator TEXT, level INT)")
        service = workspace.assessments
        assessment = service.create("Bench", 2026, actor="Bench")
        indicators = service.framework_of(assessment).indicators
        values, floors = [], []
        for number in range(SAVES):
            answer = Answer(
                indicators[number % len(indicators)].id,
                AnswerKind.LEVEL,
                level=1 + number % 5,
                evidence="report",
                answered_by="Bench",
            )
            started = time.perf_counter()
            floor_db.execute("BEGIN")
            floor_db.execute(
                "INSERT INTO answer (indicator, level) VALUES (?, ?)", (str(number), 3)
            )
            floor_db.execute("COMMIT")
            floors.append(time.perf_counter() - started)
            started = time.perf_counter()
            service.save_answer(assessment.id, answer, actor="Bench")
            values.append(time.perf_counter() - started)
        floor_db.close()
    return figure_p95("saving one answer, p95", values, floors, 2.0)


def search_queries(words: list[str]) -> list[str]:
    """Common, middling and rare words, two-word searches, and accents left out."""
    common, middling, rare = words[26:29], words[200:203], words[3000:3003]
    pairs = [f"{common[0]} {middling[0]}", f"{middling[1]} {rare[0]}"]
    return [*common, *middling, *rare, *pairs, "equite", "arriere entretien", "backlog"]


def search_figure() -> dict[str, Any]:
    """The app's guide search against the statements it ran, replayed through sqlite3."""
    from acsg_desktop.core.records.guides import GuideFilters
    from acsg_desktop.core.store.database import database_path
    from acsg_desktop.core.workspace import Workspace

    with tempfile.TemporaryDirectory() as home, Workspace.open(Path(home)) as workspace:
        with workspace.database.unit_of_work() as session:
            connection = session.connection().connection.driver_connection
            add_guides(connection, SEARCH_GUIDES, SEARCH_BODY_WORDS)  # type: ignore[arg-type]
        plain = plain_connection(database_path(Path(home)))
        values, floors = [], []
        for query in search_queries(TextMaker().words) * 8:
            with captured_queries(workspace.database.engine) as statements:
                started = time.perf_counter()
                workspace.guides.search(query, "fr", GuideFilters())
                values.append(time.perf_counter() - started)
            floors.append(replay(plain, statements))
        plain.close()
    return figure_p95(f"guide search, {2 * SEARCH_GUIDES:,} docs, p95", values, floors, 1.5)
