"""The data `make bench` measures on: the demo folder grown to 100 times normal data.

5,000 assessments (each with its answers), 10,000 support requests, 100,000 guides (EN and FR,
200,000 documents in the full-text index), 3,000 offers and 20,000 audit entries, all copies of
the demo's own rows (same shapes, same sizes), written straight through sqlite3 in one
transaction so that building the folder takes seconds, not the hours the services would.
"""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import astuple
from datetime import UTC, datetime
from itertools import accumulate
from pathlib import Path

ASSESSMENTS = 5_000
REQUESTS = 10_000
GUIDES = 100_000
OFFERS = 3_000
AUDIT_ENTRIES = 20_000
START_UP_ASSESSMENTS = 50  # performance.md's start-up folder
START_UP_GUIDES = 10_000
# A vocabulary large enough that a search word matches some guides, not all of them.
VOCABULARY_SIZE = 4_000
BODY_WORDS = 60


def vocabulary(size: int = VOCABULARY_SIZE) -> list[str]:
    """Real words of the field (accented ones included) and invented ones, the same each run."""
    real = [
        *("équité", "efficacité", "arriéré", "entretien", "interprète", "recours", "décision"),
        *("qualité", "registre", "fairness", "backlog", "interview", "interpreter", "appeal"),
        *("decision", "quality", "registration", "asylum", "procedure", "evidence"),
        *("credibility", "detention", "reception", "children", "gender", "training"),
    ]
    picker = random.Random(17)
    letters = "abcdefghijklmnopqrstuvwxyzéèà"
    invented = {
        "".join(picker.choice(letters) for _ in range(picker.randint(4, 10)))
        for _ in range(size * 2)
    }
    return real + sorted(invented)[: size - len(real)]


class TextMaker:
    """Texts of words from ``vocabulary()``, a few common and most rare (Zipf), the same each
    run."""

    def __init__(self, seed: int = 17) -> None:
        self.words = vocabulary()
        self._weights = list(accumulate(1 / rank for rank in range(1, len(self.words) + 1)))
        self._picker = random.Random(seed)

    def text(self, length: int) -> str:
        return " ".join(self._picker.choices(self.words, cum_weights=self._weights, k=length))


def make_demo_folder(folder: Path) -> None:
    """The demo authority (profile, people, two assessments, requests, example offers)."""
    from acsg_desktop.core.demo.build import create_demo
    from acsg_desktop.core.workspace import Workspace

    with Workspace.open(folder) as workspace:
        create_demo(workspace, "en")


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]


def copy_rows(
    connection: sqlite3.Connection, table: str, count: int, change: dict[str, str]
) -> None:
    """``count`` copies of ``table``'s rows, round robin; ``change`` gives SQL for some columns
    in terms of ``n`` (the copy's number) and the original's columns."""
    if count <= 0:
        return  # the recursive count below starts at one
    columns = [c for c in _columns(connection, table) if c != "id"]
    values = ", ".join(change.get(c, c) for c in columns)
    original = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    connection.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) "
        f"WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < {count}), "
        f"o AS (SELECT *, row_number() OVER (ORDER BY id) - 1 AS pos FROM {table}) "
        f"SELECT {values} FROM k JOIN o ON o.pos = k.n % {original}"
    )


def _grow_assessments(connection: sqlite3.Connection, total: int | None = None) -> None:
    """Copies of the demo's assessments (with their answers) up to ``total`` (ASSESSMENTS)."""
    total = ASSESSMENTS if total is None else total
    existing = connection.execute("SELECT count(*) FROM assessment").fetchone()[0]
    copy_rows(
        connection,
        "assessment",
        total - existing,
        {"title": "'Assessment ' || n", "year": "2000 + n % 27", "copied_from": "NULL"},
    )
    # Each copy gets the answers of the original it copies (by position).
    connection.execute(
        "INSERT INTO answer (assessment_id, indicator_id, kind, level, note, evidence, "
        "answered_by, fingerprint, saved_at, version) "
        "WITH o AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS pos FROM assessment "
        f"WHERE id <= {existing}), c AS (SELECT id FROM assessment WHERE id > {existing}) "
        "SELECT c.id, a.indicator_id, a.kind, a.level, a.note, a.evidence, a.answered_by, "
        "a.fingerprint, a.saved_at, a.version FROM c "
        f"JOIN o ON o.pos = (c.id - {existing}) % {existing} "
        "JOIN answer a ON a.assessment_id = o.id"
    )


def _grow_requests(connection: sqlite3.Connection) -> None:
    existing = connection.execute("SELECT count(*) FROM support_request").fetchone()[0]
    copy_rows(
        connection,
        "support_request",
        REQUESTS - existing,
        {
            "title": "'Request ' || n || ' ' || title",
            # Copies are drafts or in review, for the copied assessments: the demo's own
            # approved requests stay the only ones an export of the baseline carries.
            "status": "CASE WHEN n % 2 THEN 'draft' ELSE 'in_review' END",
            "content": (
                "json_set(content, '$.title', 'Request ' || n || ' ' || title, "
                f"'$.assessment_id', 3 + n % {ASSESSMENTS - 2})"
            ),
            "approved_by": "''",
            "approved_at": "NULL",
        },
    )


def _grow_offers(connection: sqlite3.Connection) -> None:
    rows = connection.execute("SELECT id, status, document FROM offer ORDER BY position").fetchall()
    copies = []
    for number in range(OFFERS - len(rows)):
        _id, status, document = rows[number % len(rows)]
        new_id = f"BX-{number:06d}"
        offer = json.loads(document)
        offer["id"] = new_id
        offer["title"] = {lang: f"{text} {number}" for lang, text in offer["title"].items()}
        copies.append((new_id, len(rows) + number, status, json.dumps(offer, ensure_ascii=False)))
    connection.executemany(
        "INSERT INTO offer (id, position, status, document) VALUES (?, ?, ?, ?)", copies
    )


def _synthetic_guides(count: int, body_words: int) -> Iterator[tuple[object, ...]]:
    texts = TextMaker()
    kinds = ("tool", "practice", "checklist", "template")
    areas = ("appeals", "evidence-coi", "registration", "staffing-training")
    for number in range(count):
        for lang in ("en", "fr"):
            yield (
                f"bench-{number:06d}",
                lang,
                f"{texts.text(4).capitalize()} {number}",
                texts.text(20),
                texts.text(body_words),
                kinds[number % len(kinds)],
                json.dumps([areas[number % len(areas)]]),
                json.dumps(["fairness"]),
                "global",
                2000 + number % 27,
                "bench",
            )


def add_guides(connection: sqlite3.Connection, count: int, body_words: int = BODY_WORDS) -> None:
    """``count`` synthetic guides in both languages (the FTS index follows by its trigger)."""
    connection.executemany(
        "INSERT INTO guide_document (guide_id, lang, title, summary, body, type, areas, aims, "
        "region, year, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _synthetic_guides(count, body_words),
    )


def _grow_audit(connection: sqlite3.Connection) -> None:
    from acsg_desktop.core.audit.chain import AuditEntry, expected_hash

    last_id, previous = connection.execute(
        "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    entries = []
    for number in range(last_id + 1, last_id + 1 + AUDIT_ENTRIES):
        about = str(number % REQUESTS)
        entry = AuditEntry(number, at, "Bench", "request", about, "edit", "", "", "", previous, "")
        previous = expected_hash(entry)
        entries.append((*astuple(entry)[:-1], previous))
    connection.executemany(
        "INSERT INTO audit_log (id, at, actor, entity, entity_id, action, old_value, new_value, "
        "reason, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entries,
    )


def _grow(folder: Path, *steps: Callable[[sqlite3.Connection], None]) -> None:
    """The demo folder in ``folder``, then ``steps`` in one transaction, checkpointed."""
    from acsg_desktop.core.store.database import database_path

    make_demo_folder(folder)
    connection = sqlite3.connect(database_path(folder), isolation_level=None)
    try:
        connection.execute("PRAGMA synchronous=OFF")  # data for a bench: rebuilt if lost
        connection.execute("BEGIN")
        for step in steps:
            step(connection)
        connection.execute("COMMIT")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def make_big_folder(folder: Path) -> None:
    """The demo folder at 100 times normal data (see the module's docstring)."""
    _grow(
        folder,
        _grow_assessments,
        _grow_requests,
        _grow_offers,
        lambda connection: add_guides(connection, GUIDES),
        _grow_audit,
    )


def make_start_up_folder(folder: Path) -> None:
    """The folder performance.md names for start-up: 10,000 guides and 50 assessments."""
    _grow(
        folder,
        lambda connection: _grow_assessments(connection, START_UP_ASSESSMENTS),
        lambda connection: add_guides(connection, START_UP_GUIDES),
    )
