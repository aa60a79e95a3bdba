"""The office server under load: 20 officials saving answers at once on PostgreSQL, beside one
writer on the data folder's SQLite file for the same time (the floor: what one laptop does).

A throwaway PostgreSQL cluster is started for the run (tests/postgres_cluster.py); without one the
server column says why it was not measured and the bench goes on. The server holds the demo
authority and 20 officials, each with their own login over TCP, their own data folder and their
own connection pool; the demo's 2026 follow-up is the assessment in progress they all answer.

Clients are threads by default (ACSG_BENCH_CLIENTS=processes for processes). Measured on two
cores, 5 s each: one client alone saved 125 answers a second on the server, 20 threads 91, 20
processes 58. The interpreter lock does not hide the server's cost (a client waiting for the
writer lock waits inside the driver, without it); 20 interpreters do hide it, under their own
CPU load on the two cores the server also runs on, which real laptops would not add.

After the run, from the IT officer's login: every successful save is in the audit log and the
last one of each answer is its stored value (lost updates: saves missing from either, or two
saves given one version), the audit chain is intact (no fork), and `acsg audit verify` passes.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench_server_clients import ClientPlan, ClientResult, run_client

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = 20
SECONDS, QUICK_SECONDS = 30.0, 5.0
PASSWORD = "bench-official-password"
DATABASE = "acsg_bench"
START_TIMEOUT_S = 300
# 20 officials at once get at least a third of what one laptop alone saves in the same time.
SERVER_TARGET = 3.0


def server_seconds(argv: list[str]) -> float:
    """30 s, or 5 s with --quick or ACSG_BENCH_QUICK=1."""
    quick = "--quick" in argv or os.environ.get("ACSG_BENCH_QUICK") == "1"
    return QUICK_SECONDS if quick else SECONDS


def clients_mode() -> str:
    mode = os.environ.get("ACSG_BENCH_CLIENTS", "threads")
    return mode if mode in ("processes", "threads") else "threads"


def server_comparison(seconds: float) -> dict[str, Any]:
    """The "server" object of build/bench.json: PostgreSQL's figures beside SQLite's."""
    mode = clients_mode()
    with tempfile.TemporaryDirectory() as home:
        sqlite = _sqlite_figures(Path(home) / "sqlite", seconds)
        found = _cluster_or_reason()
        if isinstance(found, str):
            postgresql: dict[str, Any] = {"measured": False, "reason": found}
        else:
            try:
                postgresql = _server_figures(found, Path(home) / "server", seconds, mode)
            finally:
                found.stop()
    return {
        "clients": CLIENTS,
        "clients_as": mode,
        "seconds": seconds,
        "postgresql": postgresql,
        "sqlite": sqlite,
    }


def _cluster_or_reason() -> Any:
    sys.path.insert(0, str(ROOT))
    from tests.postgres_cluster import cluster_or_reason

    return cluster_or_reason()


def _sqlite_figures(home: Path, seconds: float) -> dict[str, Any]:
    """One writer on the folder's own file (no one to conflict with)."""
    assessment_id, indicators = _fill_demo(home / "folder", None)
    plan = ClientPlan(0, home / "folder", None, None, assessment_id, indicators[0], None, seconds)
    results = _run_clients([plan], "threads")
    return _checked(results, seconds, home / "folder", None, None, assessment_id)


def _server_figures(
    cluster: Any, home: Path, seconds: float, mode: str, database: str = DATABASE
) -> dict[str, Any]:
    from acsg_desktop.core.store.server import initialise_server

    admin = cluster.create_database(database)
    initialise_server(admin, None, home / "admin-backups").close()
    assessment_id, indicators = _fill_demo(home / "admin", admin, officials=CLIENTS)
    shared = indicators[CLIENTS][0]
    plans = [
        ClientPlan(
            number,
            home / f"client-{number:02}",
            f"postgresql://{_login(number)}@127.0.0.1:{cluster.port}/{database}",
            PASSWORD,
            assessment_id,
            indicators[number],
            shared,
            seconds,
        )
        for number in range(CLIENTS)
    ]
    results = _run_clients(plans, mode)
    return _checked(results, seconds, home / "admin", admin, home / "verify", assessment_id)


def _login(number: int) -> str:
    return f"acsg_bench_{number:02}"


def _fill_demo(
    data_dir: Path, database: str | None, officials: int = 0
) -> tuple[int, list[tuple[str, str]]]:
    """The demo authority (and ``officials`` more people with logins); the follow-up's id and
    pairs of its indicators, one pair per client and one more."""
    from acsg_desktop.core.demo.build import create_demo
    from acsg_desktop.core.workspace import Workspace

    with Workspace.open(data_dir, database) as workspace:
        demo = create_demo(workspace, "en")
        for number in range(officials):
            workspace.people.add_official(
                f"Bench official {number:02}", frozenset({"drafter"}), _login(number), PASSWORD
            )
        framework = workspace.assessments.framework_of(demo.follow_up)
    ids = [indicator.id for indicator in framework.indicators]
    pairs = [(ids[(2 * n) % len(ids)], ids[(2 * n + 1) % len(ids)]) for n in range(CLIENTS + 1)]
    return demo.follow_up.id, pairs


def _run_clients(plans: list[ClientPlan], mode: str) -> list[ClientResult]:
    """Start every client, let them go together, and collect what each did."""
    if mode == "threads":
        import queue
        import threading

        barrier: Any = threading.Barrier(len(plans), timeout=START_TIMEOUT_S)
        results: Any = queue.Queue()
        make: Any = threading.Thread
    else:
        import multiprocessing

        context = multiprocessing.get_context("spawn")  # no engine crosses a fork
        barrier = context.Barrier(len(plans), timeout=START_TIMEOUT_S)
        results, make = context.Queue(), context.Process
    workers = [make(target=run_client, args=(plan, barrier, results)) for plan in plans]
    for worker in workers:
        worker.start()
    timeout = START_TIMEOUT_S + max(plan.seconds for plan in plans) + 60
    collected = [results.get(timeout=timeout) for _ in plans]  # drained before the joins
    for worker in workers:
        worker.join()
    return collected


def _checked(
    results: list[ClientResult],
    seconds: float,
    data_dir: Path,
    database: str | None,
    verify_dir: Path | None,
    assessment_id: int,
) -> dict[str, Any]:
    from acsg_desktop.core.workspace import Workspace

    latencies = sorted(value for result in results for value in result.latencies)
    saves = [save for result in results for save in result.saved]
    with Workspace.open(data_dir, database) as workspace:
        lost = _lost_updates(workspace, assessment_id, saves)
        chain = workspace.audit_check()
    return {
        "measured": True,
        "saves": len(saves),
        "saves_per_second": len(saves) / seconds,
        "p50_ms": 1000 * statistics.median(latencies) if latencies else 0.0,
        "p95_ms": 1000 * statistics.quantiles(latencies, n=20)[18] if len(latencies) > 1 else 0.0,
        "conflicts": sum(result.conflicts for result in results),
        "lost_updates": lost,
        "audit_entries": chain.entries,
        "chain_ok": chain.ok,
        "audit_verify_cli": _cli_verifies(verify_dir or data_dir, database),
        "errors": [error for result in results for error in result.errors][:3],
    }


def _lost_updates(workspace: Any, assessment_id: int, saves: list[tuple[str, int, str]]) -> int:
    """Successful saves missing from the audit log, saves that shared a version, and answers
    whose stored value is not the last save's."""
    by_indicator: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for indicator, version, note in saves:
        by_indicator[indicator].append((version, note))
    stored = workspace.assessments.answers(assessment_id)
    lost = 0
    for indicator, done in by_indicator.items():
        history = workspace.assessments.answer_history(assessment_id, indicator)
        logged = {json.loads(entry.new_value)["note"] for entry in history if entry.new_value}
        lost += sum(1 for _, note in done if note not in logged)
        lost += len(done) - len({version for version, _ in done})
        last_version, last_note = max(done)
        answer = stored.get(indicator)
        lost += answer is None or (answer.version, answer.note) != (last_version, last_note)
    return lost


def _cli_verifies(data_dir: Path, database: str | None) -> bool:
    """`acsg audit verify` once, in its own process, on the database just measured."""
    command = [sys.executable, "-m", "acsg_desktop.cli", "--data-dir", str(data_dir)]
    command += ["--database", database or "local", "audit", "verify", "--json"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return done.returncode == 0 and json.loads(done.stdout or "{}").get("ok") is True


def server_figure(server: dict[str, Any]) -> list[dict[str, Any]]:
    """The row of the main table: time per save with every client at once on the server,
    against one writer on SQLite (none when the server was not measured)."""
    postgresql, sqlite = server["postgresql"], server["sqlite"]
    if not postgresql.get("measured") or not postgresql["saves"] or not sqlite["saves"]:
        return []
    value, floor = 1000 / postgresql["saves_per_second"], 1000 / sqlite["saves_per_second"]
    return [
        {
            "name": "office server, {clients} clients, ms per save".format(**server),
            "value": value,
            "unit": "ms",
            "floor": floor,
            "ratio": value / floor,
            "target": SERVER_TARGET,
            "holds": value / floor <= SERVER_TARGET,
            "runs": 1,
        }
    ]


ROWS = (
    ("saves per second", "saves_per_second", "{:.1f}"),
    ("p50 latency of a save, ms", "p50_ms", "{:.1f}"),
    ("p95 latency of a save, ms", "p95_ms", "{:.1f}"),
    ("conflicts (refused, nothing lost)", "conflicts", "{}"),
    ("lost updates", "lost_updates", "{}"),
    ("audit chain intact (no fork)", "chain_ok", "{}"),
    ("acsg audit verify passes", "audit_verify_cli", "{}"),
)


def print_server_table(server: dict[str, Any]) -> None:
    """PostgreSQL with its clients beside SQLite with one writer, row by row."""
    head = "office server: {clients} clients ({clients_as}), {seconds:.0f} s".format(**server)
    print(f"\n{head:44} {'PostgreSQL':>12} {'SQLite, 1':>12}")
    postgresql, sqlite = server["postgresql"], server["sqlite"]
    for label, key, shape in ROWS:
        cells = [
            shape.format(side[key]) if side.get("measured") else "-"
            for side in (postgresql, sqlite)
        ]
        print(f"{label:44} {cells[0]:>12} {cells[1]:>12}")
    for name, side in (("PostgreSQL", postgresql), ("SQLite", sqlite)):
        if not side.get("measured"):
            print(f"{name} figures not measured: {side['reason']}")
        for error in side.get("errors", []):
            print(f"{name} client error: {error}")


if __name__ == "__main__":  # python tools/bench_server.py [--quick]: this comparison alone
    comparison = server_comparison(server_seconds(sys.argv[1:]))
    print_server_table(comparison)
    print(json.dumps(comparison, indent=2))
