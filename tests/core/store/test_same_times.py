"""Times come back as the same naive UTC datetimes from SQLite and from an office server, whatever
the time zone of the server's session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from acsg_desktop.core.records.list_rows import PageOrder
from acsg_desktop.core.store.rows import GuideBookmarkRow
from acsg_desktop.core.workspace import Workspace

SUMMER_IN_NDJAMENA = datetime(2026, 6, 30, 23, 30, tzinfo=timezone(timedelta(hours=1)))


def test_a_stored_moment_reads_back_as_naive_utc(
    tmp_path: Path, store_backend: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGTZ", "Pacific/Auckland")  # the server session's own zone: not UTC
    with Workspace.open(tmp_path / "data", store_backend) as workspace:
        with workspace.database.unit_of_work() as session:
            session.add(GuideBookmarkRow(guide_id="aware", created_at=SUMMER_IN_NDJAMENA))
            naive = SUMMER_IN_NDJAMENA.astimezone(UTC).replace(tzinfo=None)
            session.add(GuideBookmarkRow(guide_id="naive", created_at=naive))
        with workspace.database.unit_of_work() as session:
            read = {
                key: session.get(GuideBookmarkRow, key).created_at for key in ("aware", "naive")
            }
        assert read == {
            "aware": datetime(2026, 6, 30, 22, 30),
            "naive": datetime(2026, 6, 30, 22, 30),
        }
        before = datetime.now(UTC).replace(tzinfo=None)
        created = workspace.assessments.create("2026", 2026, actor=workspace.current_user)
        [row] = workspace.assessments.page(0, 10, PageOrder())  # read by raw SQL
    summary_time = created.updated_at
    assert summary_time.tzinfo is None and row.updated_at.tzinfo is None
    assert row.updated_at == summary_time
    assert before - timedelta(seconds=5) <= summary_time <= before + timedelta(seconds=5)
