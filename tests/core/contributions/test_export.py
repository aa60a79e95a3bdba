"""An official's export: only the areas chosen, signed with their own identity, which any
official may create for themselves (and nobody for someone else)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from acsg_desktop.core.contributions.format import ContributionError, read_contribution
from acsg_desktop.core.workspace import Workspace
from tests.core.contributions.helpers import (
    MANDATE,
    PASSPHRASE,
    REFUGEE_DEFINITION,
    answer_and_export,
    assessment_id,
    laptop,
    level,
)
from tests.core.helpers import CHAD

OFFICIAL = "Idriss Abakar"


def test_only_the_chosen_areas_go_into_the_signed_file(tmp_path: Path) -> None:
    folder = laptop(tmp_path / "laptop", OFFICIAL)
    answers = [level(REFUGEE_DEFINITION, 3, OFFICIAL), level(MANDATE, 2, OFFICIAL)]
    file = answer_and_export(folder, OFFICIAL, answers, ["02"], tmp_path / "c.acsgcontrib")
    signed = read_contribution(file, [], datetime.now(UTC))
    contribution = signed.contribution
    assert contribution.areas == ("governance",) and contribution.contributor == OFFICIAL
    assert [item.answer.indicator_id for item in contribution.answers] == [MANDATE]
    assert contribution.assessment.text == "acsg-capacity/2026.2/2026/2026 baseline"
    assert not signed.certified  # a self-signed identity: shown as such, never as certified


def test_without_an_identity_the_export_says_to_create_one(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as workspace:
        workspace.profiles.save(CHAD)
        target = assessment_id(workspace)
        with pytest.raises(ContributionError) as refused:
            workspace.contributions.export(target, ["01"], OFFICIAL, PASSPHRASE, tmp_path / "x")
        assert refused.value.reason == "no_identity" and "create one first" in refused.value.message
        assert not (tmp_path / "x").exists()
        with pytest.raises(ContributionError):
            workspace.contributions.create_identity(
                OFFICIAL, CHAD, PASSPHRASE, actor="Someone else"
            )
        workspace.contributions.create_identity(OFFICIAL, CHAD, PASSPHRASE, actor=OFFICIAL)
        with pytest.raises(ContributionError) as unknown:
            workspace.contributions.export(target, ["99"], OFFICIAL, PASSPHRASE, tmp_path / "x")
        assert unknown.value.reason == "area"
