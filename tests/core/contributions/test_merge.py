"""Two laptops' contributions merge into the coordinator's assessment (on SQLite and on an
office server): new and changed answers shown, conflicts kept for a person to decide, every
merged answer audited, the same file twice harmless, a tampered file refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from acsg_desktop.core.contributions.format import ContributionError
from acsg_desktop.core.contributions.merge import Choice, MergeStatus
from acsg_desktop.core.records.contributions import SignerStanding
from acsg_desktop.core.workspace import Workspace
from tests.core.contributions.helpers import (
    MANDATE,
    REFUGEE_DEFINITION,
    SECOND_LEGAL,
    answer_and_export,
    assessment_id,
    laptop,
    level,
)
from tests.core.helpers import with_logins

COORDINATOR, AMINA, IDRISS = "Fatimé Zakaria", "Amina Mahamat", "Idriss Deby"


@pytest.fixture(scope="module")
def laptops(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("laptops")
    return laptop(folder / "amina", AMINA), laptop(folder / "idriss", IDRISS)


@pytest.fixture
def coordinator(backend_workspace: Workspace) -> Workspace:
    workspace = with_logins(backend_workspace, COORDINATOR, AMINA, IDRISS)
    target = assessment_id(workspace)
    workspace.assessments.save_answer(
        target, level(REFUGEE_DEFINITION, 2, COORDINATOR), actor=COORDINATOR
    )
    return workspace


def statuses(view) -> dict[str, MergeStatus]:  # type: ignore[no-untyped-def]
    return {item.indicator_id: item.status for item in view.items}


def test_two_laptops_merge_with_conflicts_shown_not_lost(
    laptops, coordinator, tmp_path: Path
) -> None:
    amina, idriss = laptops
    target = assessment_id(coordinator)
    first = answer_and_export(
        amina,
        AMINA,
        [level(REFUGEE_DEFINITION, 3, AMINA), level(SECOND_LEGAL, 2, AMINA)],
        ["01"],
        tmp_path / "amina-1.acsgcontrib",
    )
    other = answer_and_export(
        idriss, IDRISS, [level(MANDATE, 4, IDRISS)], ["governance"], tmp_path / "idriss.acsgcontrib"
    )

    view = coordinator.contributions.merge_view(first, target)
    assert statuses(view) == {
        REFUGEE_DEFINITION: MergeStatus.CHANGED,
        SECOND_LEGAL: MergeStatus.NEW,
    }
    assert view.standing is SignerStanding.NEW and view.contribution.contributor == AMINA
    assert (
        coordinator.assessments.answers(target)[REFUGEE_DEFINITION].level == 2
    )  # a view changes nothing
    assert view.of(MergeStatus.CHANGED)[0].proposed is Choice.THEIRS  # Amina's answer is newer
    coordinator.contributions.apply(first, target, {}, actor=COORDINATOR)
    coordinator.contributions.apply(other, target, {}, actor=COORDINATOR)
    answers = coordinator.assessments.answers(target)
    assert (
        answers[REFUGEE_DEFINITION].level,
        answers[SECOND_LEGAL].level,
        answers[MANDATE].level,
    ) == (3, 2, 4)
    history = coordinator.assessments.answer_history(target, MANDATE)
    assert history[-1].actor == COORDINATOR and "Idriss Deby's contribution" in history[-1].reason

    # Both sides change the same answer after that merge: a conflict, never merged silently.
    coordinator.assessments.save_answer(
        target, level(REFUGEE_DEFINITION, 1, COORDINATOR), actor=COORDINATOR
    )
    second = answer_and_export(
        amina,
        AMINA,
        [level(REFUGEE_DEFINITION, 4, AMINA, "New decree")],
        ["legal-framework"],
        tmp_path / "amina-2.acsgcontrib",
    )
    view = coordinator.contributions.merge_view(second, target)
    assert statuses(view) == {
        REFUGEE_DEFINITION: MergeStatus.CONFLICT,
        SECOND_LEGAL: MergeStatus.IDENTICAL,
    }
    conflict = view.of(MergeStatus.CONFLICT)[0]
    assert (conflict.ours.level, conflict.theirs.level, conflict.proposed) == (1, 4, None)
    assert view.standing is SignerStanding.KNOWN  # the key of Amina's first contribution
    with pytest.raises(ContributionError) as refused:
        coordinator.contributions.apply(second, target, {}, actor=COORDINATOR)
    assert refused.value.reason == "undecided" and REFUGEE_DEFINITION in refused.value.message
    assert coordinator.assessments.answers(target)[REFUGEE_DEFINITION].level == 1
    result = coordinator.contributions.apply(
        second, target, {REFUGEE_DEFINITION: Choice.THEIRS}, actor=COORDINATOR
    )
    assert result.taken == (REFUGEE_DEFINITION,)
    merged = coordinator.assessments.answers(target)[REFUGEE_DEFINITION]
    assert (merged.level, merged.note, merged.answered_by) == (4, "New decree", AMINA)

    # The same file again is recognised and changes nothing.
    again = coordinator.contributions.merge_view(second, target)
    assert again.already is not None and not again.can_apply
    entries = coordinator.audit_check().entries
    repeat = coordinator.contributions.apply(second, target, {}, actor=COORDINATOR)
    assert repeat.taken == () and len(coordinator.contributions.imports(target)) == 3
    assert coordinator.audit_check().entries == entries


def test_older_contribution_after_a_newer_one_changes_nothing(
    laptops, coordinator, tmp_path: Path
) -> None:
    amina, _idriss = laptops
    target = assessment_id(coordinator)
    old = answer_and_export(
        amina, AMINA, [level(SECOND_LEGAL, 3, AMINA)], ["01"], tmp_path / "old.acsgcontrib"
    )
    new = answer_and_export(
        amina, AMINA, [level(SECOND_LEGAL, 5, AMINA)], ["01"], tmp_path / "new.acsgcontrib"
    )
    coordinator.contributions.apply(new, target, {}, actor=COORDINATOR)
    with pytest.raises(ContributionError) as refused:
        coordinator.contributions.apply(old, target, {}, actor=COORDINATOR)
    assert refused.value.reason == "older"
    assert coordinator.assessments.answers(target)[SECOND_LEGAL].level == 5


def test_tampered_file_is_refused(laptops, coordinator, tmp_path: Path) -> None:
    amina, _idriss = laptops
    target = assessment_id(coordinator)
    honest = answer_and_export(
        amina, AMINA, [level(SECOND_LEGAL, 2, AMINA)], ["01"], tmp_path / "honest.acsgcontrib"
    )
    tampered = tmp_path / "tampered.acsgcontrib"
    with (
        zipfile.ZipFile(honest) as source,
        zipfile.ZipFile(tampered, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for name in source.namelist():
            data = source.read(name)
            if name == "contribution.json":
                data = data.replace(b'"level": 2', b'"level": 5')
            copy.writestr(name, data)
    with pytest.raises(ContributionError) as refused:
        coordinator.contributions.merge_view(tampered, target)
    assert refused.value.reason == "sha256"
    with pytest.raises(ContributionError):
        coordinator.contributions.apply(tampered, target, {}, actor=COORDINATOR)
    assert SECOND_LEGAL not in coordinator.assessments.answers(target)


def test_contribution_for_another_assessment_is_refused(
    laptops, coordinator, tmp_path: Path
) -> None:
    amina, _idriss = laptops
    file = answer_and_export(
        amina, AMINA, [level(SECOND_LEGAL, 2, AMINA)], ["01"], tmp_path / "c.acsgcontrib"
    )
    other = coordinator.assessments.create("2027 review", 2027, actor=COORDINATOR)
    with pytest.raises(ContributionError) as refused:
        coordinator.contributions.merge_view(file, other.id)
    assert refused.value.reason == "other_assessment" and "2026 baseline" in refused.value.message


def test_a_key_other_than_the_persons_earlier_one_merges_only_once_confirmed(
    laptops, coordinator, tmp_path: Path
) -> None:
    """Anyone can make a key in Amina's name: once her contributions came with one key, one
    signed with another is merged only when its fingerprint was confirmed with her."""
    amina, _idriss = laptops
    target = assessment_id(coordinator)
    first = answer_and_export(
        amina, AMINA, [level(SECOND_LEGAL, 2, AMINA)], ["01"], tmp_path / "first.acsgcontrib"
    )
    coordinator.contributions.apply(first, target, {}, actor=COORDINATOR)
    impostor = laptop(tmp_path / "impostor", AMINA)
    forged = answer_and_export(
        impostor, AMINA, [level(SECOND_LEGAL, 5, AMINA)], ["01"], tmp_path / "forged.acsgcontrib"
    )
    view = coordinator.contributions.merge_view(forged, target)
    assert view.standing is SignerStanding.CHANGED
    for confirmed in ("", "0" * len(view.signer_fingerprint)):
        with pytest.raises(ContributionError) as refused:
            coordinator.contributions.apply(
                forged, target, {}, actor=COORDINATOR, confirmed_key=confirmed
            )
        assert refused.value.reason == "changed_key"
        assert view.signer_fingerprint in refused.value.message
    assert coordinator.assessments.answers(target)[SECOND_LEGAL].level == 2
    coordinator.contributions.apply(
        forged, target, {}, actor=COORDINATOR, confirmed_key=view.signer_fingerprint
    )
    assert coordinator.assessments.answers(target)[SECOND_LEGAL].level == 5
