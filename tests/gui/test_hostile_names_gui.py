"""Names read from files are shown as written, never as something else: a line feed, an escape
sequence or a right-to-left override in a package's authority, a held package's reason, a
guide's title or a restored history is made visible in every cell, tooltip and details text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from acsg_desktop.core.audit.chain import AuditEntry
from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.records.desk import PackageState
from acsg_desktop.core.records.guides import HIGHLIGHT_END, HIGHLIGHT_START, GuideSummary, SearchHit
from acsg_desktop.core.store.desk_repository import DeskRepository
from acsg_desktop.gui.desk.received_page import ReceivedPackagesPage
from acsg_desktop.gui.guides.guide_list_model import GuideListModel, hit_line, summary_line
from acsg_desktop.gui.widgets.history_view import HistoryView
from acsg_desktop.gui.widgets.html_delegate import HTML_ROLE
from tests.core.desk.test_received_list import BASE

# the second line would read as another row; the override shows "Niger" spelled backwards
HOSTILE = "Mallory\nCommission nationale\u202eregiN\x1b[2J\u200b"
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def unprintable(text: str) -> list[str]:
    return [character for character in text if not character.isprintable()]


def test_a_received_package_with_a_hostile_name_reads_as_written(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with DeskWorkspace.open(tmp_path / "desk") as desk:
        with desk.database.unit_of_work() as session:
            DeskRepository(session).add(
                replace(
                    BASE,
                    package_id="00000001-0000-4000-8000-000000000000",
                    sha256="1" * 64,
                    authority=HOSTILE,
                    state=PackageState.HELD_SIGNER,
                    reason="Held: \u202eregiN\x1b signed.",
                )
            )
        page = ReceivedPackagesPage(desk)
        qtbot.addWidget(page)
        page.refresh()
        model = page.model
        assert model.rowCount() == 1
        texts = [
            model.data(model.index(0, column), role)
            for column in range(model.columnCount())
            for role in ROLES
        ]
        signer_tip = texts.pop()  # the signer's name, then its key's fingerprint
        assert signer_tip.split("\n") == [BASE.signer, BASE.signer_fingerprint]
        assert all(isinstance(text, str) and not unprintable(text) for text in texts), texts
        assert "Mallory\\nCommission nationale\\u202eregiN\\u001b[2J\\u200b" in texts
        page.table.selectRow(0)
        details = page.details.text()
        assert "\\u202e" in details and "\\u001b" in details
        assert unprintable(details.replace("\n", "")) == []  # its own lines only


def test_a_guide_title_or_snippet_cannot_reorder_the_list() -> None:
    model = GuideListModel()
    summary = GuideSummary(guide_id="g", title=HOSTILE, type="practice", year=2026)
    snippet = f"before {HIGHLIGHT_START}word\u202e{HIGHLIGHT_END} after\x1b"
    hit = SearchHit(guide_id="g", title=HOSTILE, snippet=snippet, rank=1.0, lang="en")
    model.set_rows([summary_line(summary), hit_line(hit, "en")])
    listed, found = (model.index(row, 0) for row in range(2))
    assert model.data(listed) == "Mallory\\nCommission nationale\\u202eregiN\\u001b[2J\\u200b"
    title, snippet = model.data(found).split("\n")  # the title, then the snippet: two lines
    assert title == model.data(listed) and snippet == "before «word\\u202e» after\\u001b"
    rich = model.data(found, HTML_ROLE)
    assert "<b><u>word\\u202e</u></b>" in rich and not unprintable(rich)


def test_a_restored_history_shows_its_names_and_values_as_written(qtbot: QtBot) -> None:
    entry = AuditEntry(
        id=1,
        at="2026-01-01T10:00:00+00:00",
        actor="Mallory\n\u202eadmin",
        entity="answer",
        entity_id="a",
        action="note",
        old_value="first line\nsecond\x1b[2J",
        new_value="",
        reason="\u2066because\u2069",
        prev_hash="",
        hash="",
    )
    view = HistoryView()
    qtbot.addWidget(view)
    view.set_entries([entry])
    cells = [view.item(0, column) for column in range(view.columnCount())]
    assert cells[1].text() == "Mallory\\n\\u202eadmin"  # one line: who
    assert cells[5].text() == "\\u2066because\\u2069"
    shown = [cell.text() for cell in cells] + [cell.toolTip() for cell in cells]
    assert all(not unprintable(text.replace("\n", "")) for text in shown), shown
    assert any("first line\nsecond\\u001b[2J" in text for text in shown)  # wrapped: its lines
