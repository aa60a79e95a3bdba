"""Driving the Packages page in tests: the passphrase typed, the file chosen, an export
waited for."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from acsg_desktop.core.demo.build import create_demo
from acsg_desktop.core.package.identities import IdentityStore
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.packages.packages_page import PackagesPage
from acsg_desktop.gui.packages.passphrase import PassphraseDialog
from tests.gui.helpers import open_main_window

PASSPHRASE = "a long enough passphrase"
SIGNATORY, DRAFTER = "Fatimé Zakaria", "Idriss Abakar"


class Typist:
    """Stands in for the person at the passphrase dialog: types each answer in turn and presses
    OK (None: Cancel), as long as the dialog stays open; remembers the problem the dialog
    showed before each answer."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *answers: str | None) -> None:
        self.answers, self.problems = list(answers), []
        monkeypatch.setattr(PassphraseDialog, "exec", lambda dialog: self.answer(dialog))

    def answer(self, dialog: PassphraseDialog) -> int:
        while True:
            shown = dialog.problem.isVisibleTo(dialog)
            self.problems.append(dialog.problem.text() if shown else "")
            answer = self.answers.pop(0)
            if answer is None:
                dialog.reject()
                return QDialog.DialogCode.Rejected
            for field in dialog.fields:
                field.setText(answer)
            dialog.accept()  # closes only on an answer it can use
            if dialog.result() == QDialog.DialogCode.Accepted:
                return QDialog.DialogCode.Accepted


def save_to(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))


def open_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def packages_page(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, user: str = SIGNATORY
) -> PackagesPage:
    window = open_main_window(qtbot, workspace, language, user)
    window.show_area(window.pages.indexOf(window.packages_page))
    return window.packages_page


def with_identity(workspace: Workspace) -> None:
    create_demo(workspace, "en")
    IdentityStore(workspace.data_dir).create(
        SIGNATORY, workspace.profiles.get(), PASSPHRASE.encode()
    )


def export(qtbot: QtBot, page: PackagesPage) -> None:
    page.buttons["export"].click()
    qtbot.waitUntil(lambda: not page.progress.isVisible(), timeout=60_000)


def cell(page: PackagesPage, row: int, column: int) -> str:
    model = page.outbox_box.model
    return model.data(model.index(row, column))
