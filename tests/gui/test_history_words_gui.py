"""The history tab and the answer history window read in words, and follow a language switch."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from pytestqt.qtbot import QtBot

from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.records.requests import SupportType
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.widgets.history_dialog import HistoryDialog
from acsg_desktop.gui.widgets.history_view import HistoryView
from tests.core.requests.helpers import COMPLETE, DRAFTER, staffed

RAW = ("[]", "null", '""', "{", "}")


def table(view: HistoryView) -> list[list[str]]:
    return [
        [view.item(row, column).text() for column in range(view.columnCount())]
        for row in range(view.rowCount())
    ]


def assert_in_words(rows: list[list[str]]) -> None:
    for row in rows:
        for text in row[2:5]:  # what, before, after
            assert text and not any(raw in text for raw in RAW), row


def edited_request(workspace: Workspace) -> int:
    service = workspace.requests
    created = service.create(replace(COMPLETE, start=None), actor=DRAFTER)
    edited = replace(
        created.content,
        support_types=(SupportType.TECHNICAL, SupportType.FINANCIAL),
        budget=Decimal("50000"),
        currency="EUR",
        start=date(2027, 1, 15),
        plan_linked=False,
        areas=("legal-framework",),
    )
    service.update(created.id, edited, actor=DRAFTER)
    return created.id


def test_the_request_history_tab_reads_in_both_languages(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    staffed(workspace)
    workspace.set_current_user(DRAFTER)
    request_id = edited_request(workspace)
    window = MainWindow(workspace, language)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.requests_page.open_editor(request_id)
    editor = window.requests_page.editor
    assert editor is not None
    english = table(editor.history)
    assert_in_words(english)
    what = {row[2]: row for row in english}
    assert "Type of support: Financial added" in what
    assert what["Budget"][3:5] == ["FCFA45,000,000", "€50,000.00"]  # one save changed both
    assert what["Start"][3:5] == ["–", "15 Jan 2027"]
    assert what["Capacity plan"][3:5] == ["Yes", "No"]
    assert "Areas" in " ".join(what)
    language.apply("fr", remember=False)
    qtbot.waitUntil(lambda: editor.history.item(0, 2).text() == "Création")
    french = table(editor.history)
    assert_in_words(french)
    assert len(french) == len(english)
    joined = "\n".join(" | ".join(row) for row in french)
    for words in ("Type d'appui", "Financier", "Début", "15 janv. 2027", "Non", "Budget"):
        assert words in joined
    assert "Capacity plan" not in joined and "Type of support" not in joined


def test_the_answer_history_window_reads_in_words(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    service = workspace.assessments
    created = service.create("2026 baseline", 2026, actor=DRAFTER)
    indicator = service.framework_of(created).indicators[0].id
    saved = service.save_answer(
        created.id, Answer(indicator, AnswerKind.LEVEL, level=3, answered_by=DRAFTER), actor=DRAFTER
    )
    service.save_answer(created.id, replace(saved, note="Seen in the 2025 decree"), actor=DRAFTER)
    dialog = HistoryDialog("History", service.answer_history(created.id, indicator))
    qtbot.addWidget(dialog)
    rows = table(dialog.view)
    assert_in_words(rows)
    assert [row[2:5] for row in rows] == [
        ["Answer", "Not answered", "3 · In place, not yet sustained"],
        [
            "Answer: note added",
            "3 · In place, not yet sustained",
            "3 · In place, not yet sustained",
        ],
    ]
    language.apply("fr", remember=False)
    qtbot.waitUntil(lambda: table(dialog.view)[0][3] == "Sans réponse")
    french = table(dialog.view)
    assert_in_words(french)
    assert french[1][2].startswith("Réponse") and french[1][4] == "3 · En place, pas encore durable"
