"""Recorded request fields and their values in the user's language (the log keeps codes).

A request edit is recorded as ``edit:<field>`` with the old and new values JSON-encoded (see
``content_to_dict``); these functions turn them back into words: "Type of support",
"Technical, Financial", "15 Jan 2027", never ``[]``, ``null`` or ``""``.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import lru_cache
from typing import Any

from acsg_desktop.core.assessment.labels import aim_label
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.framework.loader import load_framework
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import (
    N_,
    _,
    babel_locale,
    current_language,
    format_date,
    format_money,
    format_number,
    ngettext,
)
from acsg_desktop.core.records.requests import Focus, Modality, PartnerKind, SupportType
from acsg_desktop.core.requests.labels import label

EMPTY = "–"
QUESTION_WIDTH = 90
NOT_JSON = object()

FIELD_NAMES = {
    "title": N_("Title"),
    "assessment_id": N_("Assessment"),
    "areas": N_("Areas"),
    "indicators": N_("Indicators"),
    "aims": N_("ACSG aims"),
    "support_types": N_("Type of support"),
    "modalities": N_("How"),
    "focus": N_("Focus"),
    "description": N_("Description of the need"),
    "plan_linked": N_("Capacity plan"),
    "plan_reference": N_("Plan reference"),
    "pledge_reference": N_("Forum pledge"),
    "partner_kinds": N_("Preferred partners"),
    "any_region": N_("Offers from any region welcome"),
    "start": N_("Start"),
    "duration_months": N_("Duration"),
    "budget": N_("Budget"),
    "currency": N_("Currency"),
    "expected_results": N_("Expected results"),
    "measurement": N_("How results are measured"),
    "sustainability": N_("After the support ends"),
    "contact_person": N_("Contact person"),
}
CHOICES: dict[str, type[StrEnum]] = {
    "support_types": SupportType,
    "modalities": Modality,
    "partner_kinds": PartnerKind,
    "focus": Focus,
}
ONE_A_LINE = {"areas", "indicators"}  # long names, some with commas: one a line
COUNTED = {"indicators"}  # changes told as a count (the questions are long)


@lru_cache(maxsize=1)
def _framework() -> Framework | None:
    try:
        return load_framework()
    except (AcsgError, OSError):
        return None


def decoded(text: str) -> Any:
    """The JSON value recorded, or ``NOT_JSON`` when the text is not JSON."""
    try:
        return json.loads(text)
    except (ValueError, TypeError):
        return NOT_JSON


def shortened(text: str, width: int = QUESTION_WIDTH) -> str:
    """``text`` cut at a word boundary to about ``width`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    head = text[: width + 1].rsplit(" ", 1)[0] if " " in text[:width] else text[:width]
    return head.rstrip(",;:.") + "…"


def area_title(area_id: str) -> str:
    framework = _framework()
    try:
        return framework.area(area_id).title.get() if framework else area_id
    except KeyError:
        return area_id


def indicator_question(indicator_id: str) -> str:
    framework = _framework()
    try:
        question = framework.indicator(indicator_id).question if framework else None
    except KeyError:
        question = None
    return shortened(question.get()) if question else indicator_id


def context_question(context_id: str) -> str:
    framework = _framework()
    found = [c for c in framework.contexts if c.id == context_id] if framework else []
    return shortened(found[0].question.get()) if found else context_id


def plain(value: Any) -> str:
    """Any decoded JSON value in words (a fallback for values without a field of their own)."""
    if value is None or value in ("", [], {}):
        return EMPTY
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(plain(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(f"{context_question(str(k))}: {plain(v)}" for k, v in value.items())
    return format_number(value) if isinstance(value, (int, float)) else str(value)


def item_words(field: str, value: Any) -> str:
    """One element of a field's value, e.g. "Technical" or an area's title."""
    kind = CHOICES.get(field)
    if kind is not None and value in {member.value for member in kind}:
        return label(kind(value))
    if field == "areas":
        return area_title(str(value))
    if field == "indicators":
        return indicator_question(str(value))
    if field == "aims":
        return aim_label(str(value))
    if field == "assessment_id" and isinstance(value, int):
        return str(value)
    return plain(value)


def _date(value: Any) -> str:
    try:
        return format_date(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def _money(value: Any, currency: str) -> str:
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if len(currency) == 3 and currency.isalpha():
        try:
            return format_money(amount, currency.upper())
        except (ValueError, KeyError):
            pass
    return f"{format_number(amount)} {currency}".strip()


def field_name(field: str) -> str:
    """A request field's name in the current language, e.g. "Type of support"."""
    return _(FIELD_NAMES[field]) if field in FIELD_NAMES else field.replace("_", " ")


def field_value(field: str, text: str, currency: str = "") -> str:
    """A recorded value of ``field`` in words (``currency`` formats a budget)."""
    data = decoded(text)
    if data is NOT_JSON:
        return text or EMPTY
    if data is None or data in ("", [], {}):
        return EMPTY
    if isinstance(data, list):
        separator = "\n" if field in ONE_A_LINE else ", "
        return separator.join(item_words(field, item) for item in data)
    if field == "start":
        return _date(data)
    if field == "budget":
        return _money(data, currency)
    if field == "duration_months" and isinstance(data, int) and not isinstance(data, bool):
        return ngettext("{count} month", "{count} months", data).format(count=data)
    return item_words(field, data)


def listed(texts: list[str]) -> str:
    """Texts as a list in the current language: "a, b and c", « a, b et c »."""
    from babel.lists import format_list

    return str(format_list(texts, locale=babel_locale(current_language())))


def _clause(field: str, items: list[Any], added: bool) -> str:
    if field in COUNTED:
        if added:
            return ngettext("{count} added", "{count} added", len(items)).format(count=len(items))
        return ngettext("{count} removed", "{count} removed", len(items)).format(count=len(items))
    names = [item_words(field, item) for item in items]
    if field in ONE_A_LINE:  # titles with "and" in them: quoted, so the list reads
        names = [_("“{name}”").format(name=name) for name in names]
    text = _("{items} added") if added else _("{items} removed")
    return text.format(items=listed(names))


def list_change(field: str, old_text: str, new_text: str) -> str:
    """What changed in a list field, e.g. "Technical added, Financial removed" ("" if none)."""
    old, new = decoded(old_text), decoded(new_text)
    old = [] if old is None else old
    new = [] if new is None else new
    if not isinstance(old, list) or not isinstance(new, list):
        return ""
    added = [item for item in new if item not in old]
    removed = [item for item in old if item not in new]
    clauses = [
        _clause(field, items, kind) for items, kind in ((added, True), (removed, False)) if items
    ]
    if len(clauses) == 2:
        return _("{added}, {removed}").format(added=clauses[0], removed=clauses[1])
    return clauses[0] if clauses else ""


def edit_words(field: str, old_text: str, new_text: str) -> str:
    """The "What" of a request edit: the field's name, and for a list what was added/removed."""
    change = list_change(field, old_text, new_text)
    if not change:
        return field_name(field)
    return _("{field}: {changes}").format(field=field_name(field), changes=change)
