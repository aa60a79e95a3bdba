"""What a contribution must hold before it is merged: the same assessment, known areas and
indicators asking what ours ask, answers within the text rules; and how far its signer is
trusted."""

from __future__ import annotations

from dataclasses import replace

from acsg_desktop.core.assessment.answer_rules import AssessmentError, checked_answer
from acsg_desktop.core.contributions.format import ContributionError
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.assessment import AssessmentSummary
from acsg_desktop.core.records.contributions import (
    AssessmentKey,
    ContributedAnswer,
    Contribution,
    ImportRecord,
    SignerStanding,
)


def key_of(summary: AssessmentSummary) -> AssessmentKey:
    """The key that names ``summary`` on every laptop."""
    return AssessmentKey(
        summary.framework_id, summary.framework_version, summary.title, summary.year
    )


def check_fits(
    contribution: Contribution, summary: AssessmentSummary, framework: Framework
) -> Contribution:
    """``contribution`` with its texts checked, once it is for this assessment and framework.

    Raises:
        ContributionError: another assessment, an unknown area or indicator, an indicator
            outside the areas given, a changed question, or a text the rules refuse.
    """
    ours, theirs = key_of(summary), contribution.assessment
    if ours.text != theirs.text:
        raise ContributionError(
            "other_assessment",
            _(
                "This contribution is for the assessment “{theirs}” ({year}, framework "
                "{version}), not for “{ours}” ({our_year}, framework {our_version}); "
                "nothing was changed."
            ).format(
                theirs=theirs.title,
                year=theirs.year,
                version=theirs.framework_version,
                ours=ours.title,
                our_year=ours.year,
                our_version=ours.framework_version,
            ),
        )
    areas = {area.id for area in framework.areas}
    unknown = [area for area in contribution.areas if area not in areas]
    if unknown:
        raise ContributionError(
            "area", _("Unknown framework area: {ids}.").format(ids=", ".join(unknown))
        )
    return replace(
        contribution,
        answers=tuple(_checked(item, contribution, framework) for item in contribution.answers),
    )


def _checked(
    item: ContributedAnswer, contribution: Contribution, framework: Framework
) -> ContributedAnswer:
    identifier = item.answer.indicator_id
    try:
        indicator = framework.indicator(identifier)
    except KeyError as error:
        raise ContributionError(
            "indicator", _("Unknown indicator {id}.").format(id=identifier)
        ) from error
    if indicator.area_id not in contribution.areas:
        raise ContributionError(
            "indicator",
            _("The indicator {id} is outside the areas the contribution names.").format(
                id=identifier
            ),
        )
    if item.fingerprint != indicator.fingerprint:
        raise ContributionError(
            "fingerprint",
            _("The indicator {id} asks something else in this contribution: refused.").format(
                id=identifier
            ),
        )
    try:
        return replace(item, answer=checked_answer(item.answer))
    except AssessmentError as error:
        raise ContributionError("text", f"{identifier}: {error.message}") from error


def standing(
    fingerprint: str, certified: bool, earlier: ImportRecord | None, own: set[str]
) -> SignerStanding:
    """How far the key that signed is trusted: certified by a trusted certificate, the one
    this person used before (or one of this folder's identities), a changed key, or new."""
    if certified:
        return SignerStanding.CERTIFIED
    if earlier is not None:
        return (
            SignerStanding.KNOWN
            if earlier.signer_fingerprint == fingerprint
            else SignerStanding.CHANGED
        )
    return SignerStanding.KNOWN if fingerprint in own else SignerStanding.NEW


def resolve_areas(known: list[str], wanted: list[str]) -> list[str]:
    """Area ids from ids or their numbers in the framework ("01" is the first area).

    Raises:
        ContributionError: no area, or one that the framework does not have.
    """
    result: list[str] = []
    for text in (w.strip() for w in wanted if w.strip()):
        area = known[int(text) - 1] if text.isdigit() and 0 < int(text) <= len(known) else text
        if area not in known:
            raise ContributionError("area", _("Unknown framework area: {ids}.").format(ids=text))
        if area not in result:
            result.append(area)
    if not result:
        raise ContributionError("area", _("Choose at least one area to export."))
    return result
