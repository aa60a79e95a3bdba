"""The profile form when the core refuses what the form accepted (the branch once crashed)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from acsg_desktop.core.people.profile import ProfileInvalidError
from acsg_desktop.core.records.profile import Profile
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.settings.profile_form import ProfileForm
from tests.core.helpers import CHAD


def test_a_refusal_from_the_core_is_shown_under_its_field(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = ProfileForm()
    qtbot.addWidget(form)
    form.set_profile(CHAD)
    assert form.validate()

    def refuse(_profile: Profile) -> Profile:
        raise ProfileInvalidError({"email": "This address is already used by another office."})

    monkeypatch.setattr(workspace.profiles, "save", refuse)
    assert form.save_to(workspace.profiles) is False
    assert form.error_text("email") == "This address is already used by another office."
    assert form.error_text("authority_name") == ""
    assert workspace.profiles.get() is None
