"""The one next action the overview proposes, chosen by simple rules, first match wins:

1. no assessment yet: start one;
2. the current assessment (the latest in progress) has questions left: answer those of the
   first area, in the framework's order, that still has some;
3. it is in progress and every question is answered: review and complete it;
4. requests in review that the current user may approve: review them;
5. approved requests: export them in a signed package;
6. the last package is written but not marked as sent: send it;
7. the last package is sent and no receipt is imported for it: import the Secretariat's receipt;
8. draft requests: finish them and submit them for review;
9. gaps and no request at all (withdrawn ones aside): draft requests from the gaps;
10. otherwise: see the results of the current assessment.

The assessment comes first because the requests and packages are drawn from it; a reviewer's
work comes before exporting, which comes before waiting for the Secretariat's answer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from acsg_desktop.core.assessment.navigator import REVIEW_STEP
from acsg_desktop.core.i18n import N_, _, format_number, ngettext
from acsg_desktop.core.overview.facts import OverviewFacts
from acsg_desktop.core.records.assessment import AssessmentStatus
from acsg_desktop.core.records.requests import RequestStatus


class ActionKind(StrEnum):
    START_ASSESSMENT = "start_assessment"
    ANSWER_AREA = "answer_area"
    COMPLETE_ASSESSMENT = "complete_assessment"
    REVIEW_REQUESTS = "review_requests"
    EXPORT_APPROVED = "export_approved"
    SEND_PACKAGE = "send_package"
    IMPORT_RECEIPT = "import_receipt"
    FINISH_DRAFTS = "finish_drafts"
    DRAFT_FROM_GAPS = "draft_from_gaps"
    SEE_RESULTS = "see_results"


@dataclass(frozen=True)
class NextAction:
    """What to do next, and where its button leads (an assessment, a wizard step)."""

    kind: ActionKind
    count: int = 0
    assessment_id: int | None = None
    area_title: str = ""
    step: str = ""  # the wizard step to open, for the assessment actions
    package_sequence: int = 0
    package_id: str = ""  # the package to select in the outbox

    def text(self) -> str:
        """The action as one sentence, in the current language."""
        return _SENTENCES[self.kind](self)

    def button_text(self) -> str:
        """The label of the button that goes there (with its mnemonic)."""
        return _(_BUTTONS[self.kind])


def next_action(facts: OverviewFacts) -> NextAction:
    """The first rule of the module's list that applies to ``facts``."""
    standing = facts.standing
    if standing is None:
        return NextAction(ActionKind.START_ASSESSMENT)
    summary = standing.summary
    if summary.status is AssessmentStatus.IN_PROGRESS:
        unfinished = standing.unfinished_areas()
        if unfinished:
            area = unfinished[0]
            return NextAction(
                ActionKind.ANSWER_AREA, area.left, summary.id, area.title, area.first_unanswered
            )
        return NextAction(ActionKind.COMPLETE_ASSESSMENT, 0, summary.id, step=REVIEW_STEP)
    by_stage = facts.requests_by_stage
    if facts.waiting_for_user:
        return NextAction(ActionKind.REVIEW_REQUESTS, facts.waiting_for_user)
    if by_stage.get(RequestStatus.APPROVED, 0):
        return NextAction(ActionKind.EXPORT_APPROVED, by_stage[RequestStatus.APPROVED])
    package = facts.last_package
    if package is not None and package.status == "exported" and not package.receipt_verification:
        return NextAction(
            ActionKind.SEND_PACKAGE,
            package_sequence=package.sequence,
            package_id=package.package_id,
        )
    if package is not None and package.status == "sent" and not package.receipt_verification:
        return NextAction(
            ActionKind.IMPORT_RECEIPT,
            package_sequence=package.sequence,
            package_id=package.package_id,
        )
    if by_stage.get(RequestStatus.DRAFT, 0):
        return NextAction(ActionKind.FINISH_DRAFTS, by_stage[RequestStatus.DRAFT])
    active = sum(n for status, n in by_stage.items() if status is not RequestStatus.WITHDRAWN)
    if facts.top_gaps and not active:
        return NextAction(ActionKind.DRAFT_FROM_GAPS, len(facts.top_gaps), summary.id)
    return NextAction(ActionKind.SEE_RESULTS, 0, summary.id)


def _answer(action: NextAction) -> str:
    return ngettext(
        "Answer the {count} question left in the area “{area}”.",
        "Answer the {count} questions left in the area “{area}”.",
        action.count,
    ).format(count=format_number(action.count), area=action.area_title)


def _review(action: NextAction) -> str:
    return ngettext(
        "Review the {count} support request waiting for you.",
        "Review the {count} support requests waiting for you.",
        action.count,
    ).format(count=format_number(action.count))


def _export(action: NextAction) -> str:
    return ngettext(
        "Export the {count} approved support request in a signed package.",
        "Export the {count} approved support requests in a signed package.",
        action.count,
    ).format(count=format_number(action.count))


def _drafts(action: NextAction) -> str:
    return ngettext(
        "Finish the {count} draft support request and submit it for review.",
        "Finish the {count} draft support requests and submit them for review.",
        action.count,
    ).format(count=format_number(action.count))


_SENTENCES: dict[ActionKind, Callable[[NextAction], str]] = {
    ActionKind.START_ASSESSMENT: lambda _a: _(
        "Start your first self-assessment: the overview fills in as you answer."
    ),
    ActionKind.ANSWER_AREA: _answer,
    ActionKind.COMPLETE_ASSESSMENT: lambda _a: _(
        "Every question is answered: review the assessment and mark it completed."
    ),
    ActionKind.REVIEW_REQUESTS: _review,
    ActionKind.EXPORT_APPROVED: _export,
    ActionKind.SEND_PACKAGE: lambda a: _(
        "Send package {sequence} to the Secretariat, then mark it as sent."
    ).format(sequence=a.package_sequence),
    ActionKind.IMPORT_RECEIPT: lambda a: _(
        "Import the Secretariat's receipt for package {sequence} once it arrives."
    ).format(sequence=a.package_sequence),
    ActionKind.FINISH_DRAFTS: _drafts,
    ActionKind.DRAFT_FROM_GAPS: lambda _a: _(
        "Draft support requests from the gaps of the current assessment."
    ),
    ActionKind.SEE_RESULTS: lambda _a: _(
        "Nothing is waiting: see the results of the current assessment."
    ),
}
# Each label's mnemonic differs from the menus' (File, Go, Language, Help).
_BUTTONS = {
    ActionKind.START_ASSESSMENT: N_("&Start a self-assessment…"),
    ActionKind.ANSWER_AREA: N_("&Answer these questions"),
    ActionKind.COMPLETE_ASSESSMENT: N_("&Review and complete"),
    ActionKind.REVIEW_REQUESTS: N_("&Review the requests"),
    ActionKind.EXPORT_APPROVED: N_("&Export a package"),
    ActionKind.SEND_PACKAGE: N_("&Open the packages"),
    ActionKind.IMPORT_RECEIPT: N_("&Import the receipt"),
    ActionKind.FINISH_DRAFTS: N_("&Open the drafts"),
    ActionKind.DRAFT_FROM_GAPS: N_("&Draft from the gaps"),
    ActionKind.SEE_RESULTS: N_("&See the results"),
}
