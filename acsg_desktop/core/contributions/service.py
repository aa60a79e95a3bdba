"""Contributions over the store: an official exports their areas' answers, signed; the
coordinator sees the merge view, then applies it in one transaction, every answer audited."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.x509.oid import NameOID

from acsg_desktop.core.assessment.answer_rules import answer_json, answer_key
from acsg_desktop.core.contributions.checks import check_fits, key_of, resolve_areas, standing
from acsg_desktop.core.contributions.format import (
    ContributionError,
    SignedContribution,
    certificate_attribute,
    contribution_bytes,
    read_contribution,
)
from acsg_desktop.core.contributions.merge import (
    Choice,
    DecisionError,
    MergeItem,
    MergeView,
    chosen,
    content_digest,
    merge_items,
)
from acsg_desktop.core.contributions.words import (
    merged_reason,
    no_identity_message,
    refuse_unconfirmed_key,
    refuse_unmergeable,
)
from acsg_desktop.core.fileio import write_bytes_atomically
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.assessment import Answer
from acsg_desktop.core.records.contributions import (
    CommonState,
    ContributedAnswer,
    Contribution,
    ImportRecord,
)
from acsg_desktop.core.signing.keys import fingerprint, subject_text
from acsg_desktop.core.store.assessment_repository import AssessmentRepository, utc_now
from acsg_desktop.core.store.audit_repository import AuditRepository
from acsg_desktop.core.store.contribution_repository import ContributionRepository
from acsg_desktop.core.updates.clock import note_time

if TYPE_CHECKING:
    from acsg_desktop.core.assessment.service import AssessmentService
    from acsg_desktop.core.framework.model import Framework
    from acsg_desktop.core.package.identities import IdentityInfo
    from acsg_desktop.core.records.profile import Profile
    from acsg_desktop.core.store.database import Database


@dataclass(frozen=True)
class ApplyResult:
    """What an apply did: the answers taken from the contribution, those kept as ours."""

    view: MergeView
    taken: tuple[str, ...]
    kept: tuple[str, ...]


class ContributionService:
    """Both ends of a contribution: the official's export and the coordinator's merge."""

    def __init__(self, database: Database, assessments: AssessmentService, data_dir: Path) -> None:
        self._database = database
        self._assessments = assessments
        self._data_dir = data_dir

    def export(
        self, assessment_id: int, areas: list[str], person: str, passphrase: bytes, out: Path
    ) -> Contribution:
        """Write the answers of ``areas`` signed with ``person``'s identity to ``out``.

        Raises:
            ContributionError: no area, an unknown area, or no signing identity yet.
            IdentityError: a wrong passphrase or a damaged key.
        """
        from acsg_desktop.core.package.identities import IdentityStore

        summary = self._assessments.get(assessment_id)
        framework = self._assessments.framework_of(summary)
        chosen_areas = resolve_areas([area.id for area in framework.areas], areas)
        if not self.has_identity(person):
            raise ContributionError("no_identity", no_identity_message(person))
        identity = IdentityStore(self._data_dir).unlock(person, passphrase)
        answers = self._assessments.answers(assessment_id)
        contribution = Contribution(
            contribution_id=str(uuid.uuid4()),
            created_at=utc_now(),
            contributor=person,
            authority=certificate_attribute(identity.certificate, NameOID.ORGANIZATION_NAME),
            assessment=key_of(summary),
            areas=tuple(chosen_areas),
            answers=tuple(
                ContributedAnswer(answers[indicator.id], indicator.fingerprint)
                for indicator in framework.indicators
                if indicator.area_id in chosen_areas and indicator.id in answers
            ),
        )
        write_bytes_atomically(out, contribution_bytes(contribution, identity))
        return contribution

    def create_identity(
        self, person: str, profile: Profile, passphrase: bytes, *, actor: str
    ) -> IdentityInfo:
        """A signing identity for ``person``, to sign contributions: any official may hold one
        (only a signatory's signs packages); each person makes their own.

        Raises:
            ContributionError: made for someone else. IdentityError: a short passphrase, or
                the person has one already.
        """
        from acsg_desktop.core.package.identities import IdentityStore

        if actor != person:
            raise ContributionError(
                "holder",
                _("A signing identity is made by its own holder; sign in as {name}.").format(
                    name=person
                ),
            )
        return IdentityStore(self._data_dir).create(person, profile, passphrase)

    def has_identity(self, person: str) -> bool:
        from acsg_desktop.core.package.identities import IdentityStore

        return any(info.person == person for info in IdentityStore(self._data_dir).list())

    def _read(self, path: Path, now: datetime | None) -> SignedContribution:
        from acsg_desktop.core.guides.service import trusted_certificates

        return read_contribution(
            path, trusted_certificates(self._data_dir), note_time(self._database, now)
        )

    def _view(self, session: Any, signed: SignedContribution, assessment_id: int) -> MergeView:
        from acsg_desktop.core.package.identities import IdentityStore

        contribution = signed.contribution
        imports = ContributionRepository(session)
        latest = imports.latest_from(assessment_id, contribution.contributor)
        newer = latest if latest and latest.created_at > contribution.created_at else None
        own = {info.fingerprint for info in IdentityStore(self._data_dir).list()}
        signer_fingerprint = fingerprint(signed.signer)
        return MergeView(
            assessment_id=assessment_id,
            contribution=contribution,
            sha256=signed.sha256,
            signer_subject=subject_text(signed.signer),
            signer_fingerprint=signer_fingerprint,
            standing=standing(signer_fingerprint, signed.certified, latest, own),
            already=imports.with_hash(assessment_id, signed.sha256),
            newer_imported=newer,
            items=merge_items(
                contribution,
                AssessmentRepository(session).answers(assessment_id),
                imports.common_with(assessment_id, contribution.contributor),
            ),
        )

    def _checked(self, path: Path, assessment_id: int, now: datetime | None) -> SignedContribution:
        signed = self._read(path, now)
        summary = self._assessments.get(assessment_id)
        checked = check_fits(signed.contribution, summary, self._assessments.framework_of(summary))
        return replace(signed, contribution=checked)

    def merge_view(self, path: Path, assessment_id: int, now: datetime | None = None) -> MergeView:
        """How the contribution at ``path`` stands against the assessment; nothing changes.

        Raises:
            ContributionError: the file is refused (signature, hashes, schema), or is for
                another assessment or framework.
        """
        signed = self._checked(path, assessment_id, now)
        with self._database.unit_of_work() as session:
            return self._view(session, signed, assessment_id)

    def imports(self, assessment_id: int) -> list[ImportRecord]:
        """The contributions already merged into the assessment, the latest first."""
        with self._database.unit_of_work() as session:
            return ContributionRepository(session).for_assessment(assessment_id)

    def apply(
        self,
        path: Path,
        assessment_id: int,
        decisions: dict[str, Choice],
        *,
        actor: str,
        now: datetime | None = None,
        confirmed_key: str = "",
    ) -> ApplyResult:
        """Merge the contribution in one transaction: each new or changed answer as proposed
        unless ``decisions`` says otherwise, each conflict as decided; the same file again
        changes nothing. A contribution signed with another key than this person's earlier
        ones is merged only when ``confirmed_key`` is its fingerprint, which the coordinator
        has confirmed with the person (anyone can make a key in another's name).

        Raises:
            ContributionError: refused file, a conflict undecided, a later contribution of this
                person already merged, a changed key not confirmed, a locked or completed
                assessment; nothing changed.
        """
        signed = self._checked(path, assessment_id, now)
        framework = self._assessments.framework_of(self._assessments.get(assessment_id))
        with self._database.unit_of_work() as session:
            view = self._view(session, signed, assessment_id)
            if view.already is not None:
                return ApplyResult(view, (), ())
            refuse_unconfirmed_key(view, confirmed_key)
            refuse_unmergeable(session, view)
            try:
                choices = chosen(view.items, decisions)
            except DecisionError as error:
                raise ContributionError("undecided", str(error)) from error
            taken = _write(session, view, choices, framework, actor)
        kept = tuple(i for i, choice in choices.items() if choice is Choice.OURS)
        return ApplyResult(view, taken, kept)


def _write(
    session: Any,
    view: MergeView,
    choices: dict[str, Choice],
    framework: Framework,
    actor: str,
) -> tuple[str, ...]:
    """Write the answers taken, audit each and the merge, and remember the common state."""
    contribution, assessment_id = view.contribution, view.assessment_id
    reason = merged_reason(contribution)
    taken: list[str] = []
    common: dict[str, CommonState] = {}
    for item in view.items:
        result = item.ours
        if choices.get(item.indicator_id) is Choice.THEIRS:
            result = _take_theirs(session, view, item, framework, actor)
            taken.append(item.indicator_id)
        common[item.indicator_id] = CommonState(content_digest(item.theirs), content_digest(result))
    if taken:
        AssessmentRepository(session).touch(assessment_id, reopen=False)
    summary = {
        "sha256": view.sha256,
        "taken": taken,
        "kept": [i for i, c in choices.items() if c is Choice.OURS],
    }
    AuditRepository(session).append(
        actor,
        "contribution",
        contribution.contribution_id,
        "merge",
        "",
        json.dumps(summary, sort_keys=True),
        reason,
    )
    ContributionRepository(session).add(
        ImportRecord(
            assessment_id,
            contribution.contribution_id,
            view.sha256,
            contribution.contributor,
            view.signer_fingerprint,
            contribution.created_at,
            actor,
            utc_now(),
            common,
        )
    )
    return tuple(taken)


def _take_theirs(
    session: Any, view: MergeView, item: MergeItem, framework: Framework, actor: str
) -> Answer:
    """Store the contributed answer in place of ours, audited with the contribution named."""
    assessment_id = view.assessment_id
    answer = replace(item.theirs, version=item.ours.version if item.ours else 0)
    result = AssessmentRepository(session).put_answer(
        assessment_id, answer, framework.indicator(item.indicator_id).fingerprint
    )
    AuditRepository(session).append(
        actor,
        "answer",
        answer_key(assessment_id, item.indicator_id),
        "answer",
        answer_json(item.ours),
        answer_json(result),
        merged_reason(view.contribution),
    )
    return result
