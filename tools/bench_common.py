"""What every `make bench` figure shares: app and floor run in turn, medians, one JSON row.

The machine is shared and noisy, so each figure times the app and its floor alternately, run
by run (floor first on even runs, app first on odd ones), and reports the medians and the
median of the run-by-run ratios.
"""

from __future__ import annotations

import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

Sample = Callable[[], float]


def paired(app: Sample, floor: Sample, runs: int) -> tuple[list[float], list[float]]:
    """``runs`` samples of each, interleaved."""
    values, floors = [], []
    for run in range(runs):
        if run % 2:
            values.append(app())
            floors.append(floor())
        else:
            floors.append(floor())
            values.append(app())
    return values, floors


def figure(
    name: str, unit: str, values: list[float], floors: list[float], target: float
) -> dict[str, Any]:
    """One row of build/bench.json: medians, the median pairwise ratio, and whether it holds."""
    ratio = statistics.median(v / f for v, f in zip(values, floors, strict=True) if f > 0)
    return {
        "name": name,
        "value": statistics.median(values),
        "unit": unit,
        "floor": statistics.median(floors),
        "ratio": ratio,
        "target": target,
        "holds": ratio <= target,
        "runs": len(values),
    }


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def run_python(code: str, *args: str, env: dict[str, str] | None = None) -> tuple[float, str]:
    """Wall seconds from spawn to exit of ``python -c code args``, and its last output line."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=env
    )
    elapsed = time.perf_counter() - started
    lines = done.stdout.strip().splitlines()
    return elapsed, lines[-1] if lines else ""


def run_command(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - started


@contextmanager
def captured_queries(engine: Any) -> Iterator[list[tuple[str, Any]]]:
    """The statements ``engine`` reads with while the block runs (SELECT and WITH only)."""
    from sqlalchemy import event

    seen: list[tuple[str, Any]] = []

    def note(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def plain_connection(database: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection with the app's pragmas and its SQL text functions."""
    connection = sqlite3.connect(database)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        connection.execute(f"PRAGMA {pragma}")
    from acsg_desktop.core.store.sql_text import CASEFOLD, FOLD, _casefold, _fold

    connection.create_function(CASEFOLD, 1, _casefold, deterministic=True)
    connection.create_function(FOLD, 1, _fold, deterministic=True)
    return connection


def replay(connection: sqlite3.Connection, queries: list[tuple[str, Any]]) -> float:
    """Seconds for plain sqlite3 to run ``queries`` and fetch every row they return."""
    started = time.perf_counter()
    for statement, parameters in queries:
        connection.execute(statement, parameters).fetchall()
    return time.perf_counter() - started


def print_table(figures: list[dict[str, Any]]) -> None:
    print(f"{'figure':52} {'value':>10} {'floor':>10} {'ratio':>7} {'target':>7} holds")
    for row in figures:
        print(
            f"{row['name']:52} {row['value']:10.3f} {row['floor']:10.3f} {row['ratio']:7.2f} "
            f"{'<= ' + str(row['target']):>7} {'yes' if row['holds'] else 'NO'}"
        )
