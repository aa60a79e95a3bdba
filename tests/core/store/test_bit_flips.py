"""Random bytes flipped in a real, populated database: a working database or our message, never a
traceback and never SQLite's raw words (reliability 7)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.store.database import DatabaseDamagedError, StoreWriteError, database_path
from acsg_desktop.core.store.rows import Base
from acsg_desktop.core.workspace import Workspace
from tests.core.helpers import CHAD

PAGE = 4096
SEEDS = range(40)
# SQLite's and Python's own words, which must stay in the log.
RAW = ("***", "btree", "error code", "malformed", "Could not decode", "UTF-8", "not a database")


@pytest.fixture(scope="module")
def demo_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("demo")
    with Workspace.open(folder) as workspace:
        create_demo(workspace, "fr")
    return database_path(folder).read_bytes()


def flipped(data: bytes, seed: int) -> bytes:
    """Flip bits in the header, in page headers, across random pages, or scramble a run."""
    rng = random.Random(seed)
    spoiled = bytearray(data)
    pages = len(data) // PAGE
    way = seed % 4
    if way == 0:
        positions = [rng.randrange(100)]
    elif way == 1:
        positions = [rng.randrange(1, pages) * PAGE + rng.randrange(12) for _ in range(3)]
    elif way == 2:
        positions = [rng.randrange(len(data)) for _ in range(rng.choice((1, 4, 32)))]
    else:
        start = rng.randrange(pages) * PAGE + rng.randrange(PAGE)
        positions = list(range(start, min(len(data), start + rng.randrange(1, 2 * PAGE))))
    for position in positions:
        spoiled[position] ^= 1 << rng.randrange(8) if way != 3 else rng.randrange(1, 256)
    return bytes(spoiled)


def use_everything(workspace: Workspace) -> None:
    """Read every row of every table, walk the audit chain, use the services, write once."""
    with workspace.database.unit_of_work() as session:
        for table in Base.metadata.sorted_tables:
            session.execute(select(table)).all()
    workspace.audit_check()
    for assessment in workspace.assessments.list():
        workspace.assessments.answers(assessment.id)
    workspace.requests.list()
    workspace.people.list()
    workspace.profiles.save(CHAD)
    workspace.database.integrity_problems()


@pytest.mark.parametrize("seed", SEEDS)
def test_flipped_bytes_give_a_working_database_or_our_message(
    tmp_path: Path, demo_bytes: bytes, seed: int
) -> None:
    database_path(tmp_path).write_bytes(flipped(demo_bytes, seed))
    try:
        with Workspace.open(tmp_path) as workspace:
            use_everything(workspace)
    except (DatabaseDamagedError, StoreWriteError) as error:
        assert error.message and not any(word in error.message for word in RAW), error.message
    except AcsgError as error:  # a service refusing what it read is allowed, if it says so
        assert error.message
    finally:
        shutil.rmtree(tmp_path, ignore_errors=True)
