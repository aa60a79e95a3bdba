"""Request and answer histories read in words, in English and French (issue 15, item 7)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from acsg_desktop.core import i18n
from acsg_desktop.core.audit.chain import AuditEntry
from acsg_desktop.core.audit.labels import HistoryRow, history_rows
from acsg_desktop.core.audit.words import field_name, field_value, list_change, shortened
from acsg_desktop.core.records.assessment import Answer, AnswerKind
from acsg_desktop.core.records.requests import SupportType
from acsg_desktop.core.workspace import Workspace
from tests.core.requests.helpers import COMPLETE, DRAFTER, staffed

RAW = ("[]", "null", '""', "{", "}", "_")


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "data") as opened:
        yield staffed(opened)


def edited_request(workspace: Workspace) -> int:
    """A request edited on several fields at once, then on its currency."""
    service = workspace.requests
    created = service.create(replace(COMPLETE, start=None, any_region=True), actor=DRAFTER)
    edited = replace(
        created.content,
        support_types=(SupportType.MATERIAL, SupportType.FINANCIAL),
        budget=Decimal("60000000"),
        start=date(2027, 1, 15),
        any_region=False,
        areas=("legal-framework", "evidence-coi"),
        description="",
    )
    service.update(created.id, edited, actor=DRAFTER)
    service.update(created.id, replace(edited, currency="EUR"), actor=DRAFTER)
    return created.id


def rows_by_field(workspace: Workspace, request_id: int) -> dict[str, HistoryRow]:
    entries = workspace.requests.history(request_id)
    rows = history_rows(entries, "EUR")
    return {row.entry.action.partition(":")[2]: row for row in rows if ":" in row.entry.action}


def assert_in_words(rows: list[HistoryRow]) -> None:
    for row in rows:
        for text in (row.what, row.before, row.after):
            assert text.strip(), row
            assert not any(raw in text for raw in RAW), (row.entry.action, text)


def test_a_request_edited_on_several_fields_reads_in_english(workspace: Workspace) -> None:
    request_id = edited_request(workspace)
    rows = rows_by_field(workspace, request_id)
    assert_in_words(list(rows.values()))
    assert rows["support_types"].what == (
        "Type of support: Material and Financial added, Technical removed"
    )
    assert (rows["support_types"].before, rows["support_types"].after) == (
        "Technical",
        "Material, Financial",
    )
    # The budget was in XAF when it changed: the later currency change does not rewrite it.
    assert rows["budget"].what == "Budget"
    assert "FCFA" in rows["budget"].before and "60,000,000" in rows["budget"].after
    assert (rows["start"].what, rows["start"].before, rows["start"].after) == (
        "Start",
        "–",
        "15 Jan 2027",
    )
    assert (rows["any_region"].before, rows["any_region"].after) == ("Yes", "No")
    assert rows["areas"].after == (
        "Legal and policy framework\nEvidence, credibility and country of origin information"
    )
    assert rows["areas"].what == "Areas: “Legal and policy framework” added"
    assert rows["description"].after == "–"
    assert (rows["currency"].before, rows["currency"].after) == ("XAF", "EUR")


def test_the_same_history_reads_in_french(workspace: Workspace) -> None:
    request_id = edited_request(workspace)
    i18n.set_language("fr")
    rows = rows_by_field(workspace, request_id)
    assert_in_words(list(rows.values()))
    assert rows["support_types"].what.startswith("Type d'appui")
    assert "Matériel" in rows["support_types"].what
    assert rows["support_types"].after == "Matériel, Financier"
    assert rows["start"].what == "Début" and rows["start"].after == "15 janv. 2027"
    assert rows["budget"].after.startswith("60\u202f000\u202f000")
    assert (rows["any_region"].before, rows["any_region"].after) == ("Oui", "Non")
    assert rows["areas"].after.startswith("Cadre juridique et politique")


def test_an_answer_history_reads_in_words(workspace: Workspace) -> None:
    service = workspace.assessments
    created = service.create("2026 baseline", 2026, actor=DRAFTER)
    indicator = service.framework_of(created).indicators[0].id
    first = Answer(indicator, AnswerKind.LEVEL, level=2, note="A first note", answered_by=DRAFTER)
    saved = service.save_answer(created.id, first, actor=DRAFTER)
    second = replace(saved, kind=AnswerKind.INSUFFICIENT_INFORMATION, level=None, note="Other")
    saved = service.save_answer(created.id, replace(second, evidence="Decree 12"), actor=DRAFTER)
    service.save_answer(created.id, replace(saved, kind=AnswerKind.NOT_APPLICABLE), actor=DRAFTER)
    rows = history_rows(service.answer_history(created.id, indicator))
    assert_in_words(rows)
    assert [(row.what, row.before, row.after) for row in rows] == [
        ("Answer: note added", "Not answered", "2 · Limited"),
        ("Answer: note changed and evidence added", "2 · Limited", "Insufficient information"),
        ("Answer", "Insufficient information", "Not applicable"),
    ]
    i18n.set_language("fr")
    french = history_rows(service.answer_history(created.id, indicator))
    assert [(row.before, row.after) for row in french] == [
        ("Sans réponse", "2 · Limité"),
        ("2 · Limité", "Informations insuffisantes"),
        ("Informations insuffisantes", "Sans objet"),
    ]


def test_the_secretariats_stage_and_an_offer_of_interest_read_in_words() -> None:
    fields = dict.fromkeys(AuditEntry.__dataclass_fields__, "")
    fields.update(id=1, at="2026-12-01T10:00:00", actor="A", entity="request", entity_id="1")
    stage = AuditEntry(**{**fields, "action": "match_stage", "new_value": "agreed"})
    interest = AuditEntry(**{**fields, "action": "offer_interest", "old_value": "OF-7"})
    rows = history_rows([stage, interest])
    assert [(row.what, row.before, row.after) for row in rows] == [
        ("The Secretariat's reply", "–", "Agreed (planning)"),
        ("Offer of interest", "Offer OF-7", "–"),
    ]


def test_values_without_a_field_of_their_own_are_never_raw() -> None:
    assert field_value("indicators", "[]") == "–"
    assert field_value("plan_linked", "null") == "–"
    assert field_value("plan_linked", "true") == "Yes"
    assert field_value("duration_months", "18") == "18 months"
    assert field_value("budget", '"1500.5"', "") == "1,500.5"
    assert field_value("areas", '["no-such-area"]') == "no-such-area"
    assert field_name("any_region") == "Offers from any region welcome"
    assert list_change("indicators", "[]", '["a", "b"]') == "2 added"
    assert list_change("support_types", '["technical"]', '["technical"]') == ""


def test_a_long_question_is_shortened_at_a_word() -> None:
    text = "Does the law set out the basic guarantees, and are they respected in practice?"
    short = shortened(text, 45)
    assert short == "Does the law set out the basic guarantees…"
    assert len(short) <= 46 and text.startswith(short[:-1])
    assert shortened("Short enough", 45) == "Short enough"
