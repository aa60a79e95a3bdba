"""The desk's words: package states, intake outcomes, who acts, and names of what is counted."""

from __future__ import annotations

from cryptography.x509.oid import NameOID

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.display import escape_line
from acsg_desktop.core.framework.loader import load_framework
from acsg_desktop.core.i18n import N_, _, country_name
from acsg_desktop.core.offers.regions import region_name
from acsg_desktop.core.records.desk import IntakeOutcome, PackageState
from acsg_desktop.core.records.requests import MatchStage, SupportType
from acsg_desktop.core.requests.labels import label

STATE_LABELS = {
    PackageState.ACCEPTED: N_("Accepted"),
    PackageState.HELD_REPLAY: N_("Held: possible replay"),
    PackageState.HELD_FORK: N_("Held: possible fork"),
    PackageState.HELD_SIGNER: N_("Held: new signer"),
    PackageState.REJECTED: N_("Rejected"),
}
OUTCOME_LABELS = {
    IntakeOutcome.ACCEPTED: N_("Accepted"),
    IntakeOutcome.HELD: N_("Held"),
    IntakeOutcome.ALREADY_RECEIVED: N_("Already received"),
    IntakeOutcome.REFUSED: N_("Refused"),
}


def state_label(state: PackageState) -> str:
    return _(STATE_LABELS[state])


def outcome_label(outcome: IntakeOutcome) -> str:
    return _(OUTCOME_LABELS[outcome])


def yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def country_label(code: str) -> str:
    """The country's name in the current language, or its code when unknown."""
    return country_name(code) or escape_line(code)


def area_titles() -> dict[str, str]:
    """Area id -> title in the current language, in the framework's order."""
    return {area.id: area.title.get() for area in load_framework().areas}


def area_label(area_id: str, titles: dict[str, str]) -> str:
    return titles.get(area_id) or escape_line(area_id)


def region_label(region_id: str) -> str:
    return region_name(region_id).get() if region_id else _("Region unknown")


def support_type_label(value: str) -> str:
    choices = {kind.value: kind for kind in SupportType}
    return label(choices[value]) if value in choices else escape_line(value)


def stage_label(value: str) -> str:
    """A match stage as sent in the desk's last receipt; "" when none was sent yet."""
    if not value:
        return _("No reply sent yet")
    stages = {stage.value: stage for stage in MatchStage}
    return label(stages[value]) if value in stages else escape_line(value)


def desk_actor(desk: DeskWorkspace) -> str:
    """Who acts at the desk in the audit trail: the person named in the desk's certificate."""
    if desk.trust.exists():
        names = desk.trust.certificate().subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        if names:
            return escape_line(str(names[0].value))
    return _("Secretariat")
