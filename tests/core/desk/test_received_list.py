"""The desk's received list, a page at a time in SQL: newest first, sorted by the words shown
when asked, and never reading the packages' data."""

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.records.desk import PackageState, ReceivedPackage
from acsg_desktop.core.records.list_rows import PageOrder
from acsg_desktop.core.store.desk_repository import DeskRepository

BASE = ReceivedPackage(
    id=0,
    package_id="",
    sha256="",
    country="NE",
    authority="Commission",
    signer="C=NE,CN=Someone",
    signer_fingerprint="AB CD",
    certified=False,
    sequence=1,
    previous_sha256="",
    created=datetime(2026, 1, 1),
    received_at=datetime(2026, 1, 1),
    state=PackageState.ACCEPTED,
    reason="",
    file_path="",
    document='{"big": "' + "x" * 10_000 + '"}',
)
STATES = [PackageState.ACCEPTED, PackageState.REJECTED, PackageState.HELD_REPLAY]


@pytest.fixture
def desk(tmp_path):
    with DeskWorkspace.open(tmp_path / "desk") as opened:
        with opened.database.unit_of_work() as session:
            for number in range(30):
                DeskRepository(session).add(
                    replace(
                        BASE,
                        package_id=f"{number:08d}-0000-4000-8000-000000000000",
                        sha256=f"{number:064x}",
                        country=("NE", "TD", "MX")[number % 3],
                        sequence=number,
                        received_at=BASE.received_at + timedelta(hours=number),
                        state=STATES[number % 3],
                    )
                )
        yield opened


def test_newest_first_a_page_at_a_time(desk) -> None:
    first, second = desk.packages.page(0, 10, PageOrder()), desk.packages.page(10, 10, PageOrder())
    times = [row.received_at for row in first + second]
    assert times == sorted(times, reverse=True) and len(set(times)) == 20
    assert desk.packages.count() == 30


def test_sorted_by_the_labels_the_caller_gives(desk) -> None:
    labels = {"accepted": "Zulu", "rejected": "Alpha", "held_replay": "Mike"}
    rows = desk.packages.page(0, 30, PageOrder("state"), labels)
    assert [row.state for row in rows[:10]] == [PackageState.REJECTED] * 10  # "Alpha" first
    assert rows[-1].state is PackageState.ACCEPTED
    countries = [row.country for row in desk.packages.page(0, 30, PageOrder("country", True))]
    assert countries == sorted(countries, reverse=True)


def test_a_line_holds_what_the_list_shows_not_the_data(desk) -> None:
    [row] = desk.packages.page(0, 1, PageOrder())
    assert not hasattr(row, "document") and row.signer_fingerprint == "AB CD"
    assert desk.packages.get(row.package_id).document.startswith('{"big"')
