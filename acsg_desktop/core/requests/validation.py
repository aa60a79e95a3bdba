"""What a request needs before it can go to review, field by field, in the user's language."""

from __future__ import annotations

from collections.abc import Callable

from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.requests import RequestContent
from acsg_desktop.core.text_rules import REQUEST_FIELDS, cleaned, text_problems

MIN_DESCRIPTION = 40
MAX_DURATION_MONTHS = 120
# The plan reference is typed on the row of the "part of the plan?" question.
_SHOWN_UNDER = {"plan_reference": "plan_linked"}


def _is_currency(code: str) -> bool:
    from babel.numbers import get_currency_name

    return len(code) == 3 and code.isalpha() and get_currency_name(code, locale="en") != code


def _budget_problem(content: RequestContent) -> str | None:
    if content.budget is None:
        return _("Give an estimated budget (0 if the support costs nothing in money).")
    if content.budget < 0:
        return _("The budget cannot be negative.")
    if not _is_currency(content.currency.upper()):
        return _("Choose the currency of the budget, such as XAF, EUR or USD.")
    return None


def _duration_problem(content: RequestContent) -> str | None:
    months = content.duration_months
    if months is None or not 1 <= months <= MAX_DURATION_MONTHS:
        return _("Give a duration between 1 and 120 months.")
    return None


def _plan_problem(content: RequestContent) -> str | None:
    if content.plan_linked is None:
        return _("Say whether this request is part of your capacity development plan.")
    if content.plan_linked and not content.plan_reference.strip():
        return _("Give the reference of the plan (title, chapter or activity number).")
    return None


def _text(value: str, message: str, minimum: int = 1) -> Callable[[RequestContent], str | None]:
    return lambda content: None if len(getattr(content, value).strip()) >= minimum else message


def _chosen(value: str, message: str) -> Callable[[RequestContent], str | None]:
    return lambda content: None if getattr(content, value) else message


def _checks() -> dict[str, Callable[[RequestContent], str | None]]:
    return {
        "title": _text("title", _("Give the request a short title.")),
        "areas": _chosen("areas", _("Choose at least one area of the asylum system.")),
        "aims": _chosen("aims", _("Choose the ACSG aims this request serves.")),
        "support_types": _chosen("support_types", _("Choose the type of support needed.")),
        "modalities": _chosen("modalities", _("Choose how the support would be given.")),
        "focus": _chosen("focus", _("Say whether it builds institutional or individual capacity.")),
        "description": _text(
            "description",
            _("Describe the need in at least {count} characters.").format(count=MIN_DESCRIPTION),
            MIN_DESCRIPTION,
        ),
        "plan_linked": _plan_problem,
        "partner_kinds": _chosen("partner_kinds", _("Choose at least one kind of partner.")),
        "start": _chosen("start", _("Give the date the support should start.")),
        "duration_months": _duration_problem,
        "budget": _budget_problem,
        "expected_results": _text("expected_results", _("Say what results you expect.")),
        "measurement": _text("measurement", _("Say how the results will be measured.")),
        "sustainability": _text(
            "sustainability", _("Say how the results will last after the support ends.")
        ),
        "contact_person": _text("contact_person", _("Name the contact person for this request.")),
    }


def checked_content(content: RequestContent) -> RequestContent:
    """``content`` with its multi-line texts stripped of unprintable characters (text_rules)."""
    return cleaned(content, REQUEST_FIELDS)


def text_problems_of(content: RequestContent) -> dict[str, str]:
    """Field -> message for each text over its cap or holding an unprintable character.

    Args:
        content: the request as typed; multi-line texts are judged once cleaned
            (``checked_content``), single-line ones as they are.

    Returns:
        Messages keyed like ``request_problems`` (the field the form shows them under).
    """
    problems = text_problems(checked_content(content), REQUEST_FIELDS)
    return {_SHOWN_UNDER.get(name, name): message for name, message in problems.items()}


def request_problems(content: RequestContent) -> dict[str, str]:
    """Field -> message for everything missing or wrong (empty when ready for review)."""
    problems = {name: check(content) for name, check in _checks().items()}
    found = {name: message for name, message in problems.items() if message}
    return found | text_problems_of(content)


def completeness(content: RequestContent) -> float:
    """Share of the required fields that are done, from 0 to 1."""
    checks = _checks()
    return 1 - len(request_problems(content).keys() & checks.keys()) / len(checks)
