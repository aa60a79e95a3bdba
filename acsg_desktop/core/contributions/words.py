"""The refusals and audit words of merging a contribution."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from acsg_desktop.core.assessment.answer_rules import completed_message, locked_message
from acsg_desktop.core.contributions.format import ContributionError
from acsg_desktop.core.i18n import _, format_datetime
from acsg_desktop.core.records.assessment import AssessmentStatus
from acsg_desktop.core.records.contributions import Contribution, SignerStanding
from acsg_desktop.core.store.assessment_repository import AssessmentRepository

if TYPE_CHECKING:
    from acsg_desktop.core.contributions.merge import MergeView


def refuse_unmergeable(session: Any, view: MergeView) -> None:
    """Refuse a merge into a locked or completed assessment, or back in time."""
    status = AssessmentRepository(session).status(view.assessment_id)
    if status is AssessmentStatus.LOCKED:
        raise ContributionError("locked", locked_message())
    if status is AssessmentStatus.COMPLETED:
        raise ContributionError("completed", completed_message())
    if view.newer_imported is not None:
        raise ContributionError("older", older_message(view))


def older_message(view: MergeView) -> str:
    later = view.newer_imported
    assert later is not None
    return _(
        "A later contribution of {name} (made {later}) is already merged; this one (made "
        "{this}) would go back in time: nothing was changed."
    ).format(
        name=view.contribution.contributor,
        later=format_datetime(later.created_at),
        this=format_datetime(view.contribution.created_at),
    )


def merged_reason(contribution: Contribution) -> str:
    """The audit reason of every answer a merge writes."""
    return str(
        _("merged from {name}'s contribution of {date}").format(
            name=contribution.contributor, date=format_datetime(contribution.created_at)
        )
    )


def no_identity_message(person: str) -> str:
    return _(
        "{name} has no signing identity yet: create one first (Export my areas… offers it, "
        "or acsg contribution identity), then export the contribution."
    ).format(name=person)


def refuse_unconfirmed_key(view: MergeView, confirmed_key: str) -> None:
    """A changed key merges only once its fingerprint was confirmed with the person.

    Raises:
        ContributionError: "changed_key", when ``confirmed_key`` is not the signer's.
    """
    if view.standing is SignerStanding.CHANGED and confirmed_key != view.signer_fingerprint:
        raise ContributionError(
            "changed_key",
            _(
                "{person}'s earlier contributions were signed with another key; this one has "
                "the fingerprint {fingerprint}. Confirm it with {person} in person or by "
                "phone, then merge it as confirmed. Nothing was merged."
            ).format(person=view.contribution.contributor, fingerprint=view.signer_fingerprint),
        )
