"""The office-server bench of `make bench` still runs, and its checks find what they look for:
every save counted, conflicts counted apart, a save missing from the log counted as lost."""

import sys
from pathlib import Path

import pytest

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.workspace import Workspace
from tests.postgres_cluster import PostgresCluster, unique_database_name

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import bench_server  # noqa: E402  (tools/ is not a package)
import bench_server_clients  # noqa: E402


def test_the_check_counts_a_save_missing_from_the_log_and_two_saves_of_one_version(
    tmp_path: Path,
) -> None:
    with Workspace.open(tmp_path / "data") as workspace:
        follow_up = create_demo(workspace, "en").follow_up
        service = workspace.assessments
        indicator = service.framework_of(follow_up).indicators[0].id
        before = service.answers(follow_up.id).get(indicator)
        answer = Answer(indicator, AnswerKind.LEVEL, level=2, note="kept", evidence="register")
        saved = service.save_answer(follow_up.id, answer, actor="Bench", expected_version=None)
        kept = [(indicator, saved.version, "kept")]
        assert before is None or before.version < saved.version
        assert bench_server._lost_updates(workspace, follow_up.id, kept) == 0
        never_logged = (indicator, saved.version + 1, "never logged")
        # missing from the log, and then the stored answer is not the last save's either
        assert bench_server._lost_updates(workspace, follow_up.id, [*kept, never_logged]) == 2
        same_version = (indicator, saved.version, "kept")
        assert bench_server._lost_updates(workspace, follow_up.id, [*kept, same_version]) == 1


def test_one_writer_on_sqlite_saves_with_no_conflict_and_nothing_lost(tmp_path: Path) -> None:
    figures = bench_server._sqlite_figures(tmp_path, 0.5)
    assert figures["errors"] == []
    assert figures["saves"] > 0 and figures["saves_per_second"] > 0
    assert figures["p50_ms"] <= figures["p95_ms"]
    assert figures["conflicts"] == 0 and figures["lost_updates"] == 0
    assert figures["chain_ok"] is True and figures["audit_verify_cli"] is True


def test_clients_on_the_server_conflict_on_the_shared_answer_and_lose_nothing(
    postgres_cluster: PostgresCluster,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_logins_dropped: None,
) -> None:
    monkeypatch.setattr(bench_server, "CLIENTS", 3)
    monkeypatch.setattr(bench_server_clients, "SHARED_EVERY", 2)  # every other save is shared
    name = unique_database_name()
    try:
        # 3 s: on a loaded CI machine one second gave 3 saves and no conflict to count
        figures = bench_server._server_figures(postgres_cluster, tmp_path, 3.0, "threads", name)
    finally:
        postgres_cluster.drop_database(name)
        logins = ", ".join(bench_server._login(number) for number in range(3))
        postgres_cluster.run_sql(f"DROP ROLE IF EXISTS {logins}")
    assert figures["errors"] == []
    assert figures["saves"] > 0 and figures["conflicts"] > 0
    assert figures["lost_updates"] == 0
    assert figures["chain_ok"] is True and figures["audit_verify_cli"] is True


def test_without_a_server_the_table_says_why_and_the_main_table_has_no_server_row(
    capsys: pytest.CaptureFixture[str],
) -> None:
    sqlite = {"measured": True, "saves": 10, "saves_per_second": 2.0, "p50_ms": 1.0}
    sqlite |= {"p95_ms": 2.0, "conflicts": 0, "lost_updates": 0, "chain_ok": True}
    sqlite |= {"audit_verify_cli": True, "errors": []}
    reason = "PostgreSQL is not installed: apt-get install postgresql"
    server = {"clients": 20, "clients_as": "threads", "seconds": 5.0, "sqlite": sqlite}
    server["postgresql"] = {"measured": False, "reason": reason}
    bench_server.print_server_table(server)
    printed = capsys.readouterr().out
    assert f"PostgreSQL figures not measured: {reason}" in printed
    assert bench_server.server_figure(server) == []
    measured = {**server, "postgresql": sqlite | {"saves_per_second": 1.0}}
    [row] = bench_server.server_figure(measured)
    assert row["ratio"] == 2.0 and row["holds"] is True
