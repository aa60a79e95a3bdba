"""Every string in its language, live (issue 15.4): after a switch, nothing on screen is left
in the other language, not even a message an action left there before the switch.

The check (``tests/gui/leftover_text.py``) walks every widget shown and compares each text
with the catalogue: after a switch to French, no text may be an English message whose French
differs; after a switch to English, no French translation may be left.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from acsg_desktop.core.assessment.navigator import CONTEXT_STEP, REVIEW_STEP
from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.guides.service import trusted_certificates
from acsg_desktop.core.i18n import SUPPORTED_LANGUAGES, _, format_date
from acsg_desktop.core.records.requests import RequestStatus
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.main_window import MainWindow
from acsg_desktop.gui.settings.first_run_dialog import FirstRunDialog
from acsg_desktop.gui.widgets.dialog_buttons import Standard
from tests.core.requests.helpers import DRAFTER
from tests.gui.helpers import open_main_window
from tests.gui.leftover_text import leftovers, unlinked_mnemonics
from tests.gui.screen_walk import (
    demo_desk_packages,
    load_demo,
    open_demo_window,
    open_desk_window,
    settle,
    walk_desk_screens,
    walk_screens,
)

AA_NO_NATIVE = Qt.ApplicationAttribute.AA_DontUseNativeDialogs


def _check_every_screen(window: MainWindow, qtbot: QtBot, shown: str) -> None:
    others = [code for code in SUPPORTED_LANGUAGES if code != shown]
    problems = {}
    for name, screen in walk_screens(window, qtbot):
        found = [text for other in others for text in leftovers(screen, other, shown)]
        found += unlinked_mnemonics(screen)
        if found:
            problems[name] = found
    assert not problems, "\n".join(
        f"{name}: {text!r}" for name, found in problems.items() for text in found
    )


@pytest.mark.parametrize(
    ("start", "target"), [("en", "fr"), ("fr", "en"), ("fr", "es"), ("es", "en")]
)
def test_every_screen_is_wholly_in_the_new_language_after_a_live_switch(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, start: str, target: str
) -> None:
    load_demo(workspace, target)  # the data in the new language: only the screens can be wrong
    language.apply(start, remember=False)
    window = open_demo_window(qtbot, workspace, language)
    for _name, _screen in walk_screens(window, qtbot):  # every page built in the first language
        pass
    language.apply(target, remember=False)
    settle()
    _check_every_screen(window, qtbot, shown=target)


def test_switching_back_and_forth_leaves_nothing_of_either_language(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    window = open_main_window(qtbot, workspace, language)  # no data: only the screens speak
    for row in range(window.navigation.count()):
        window.show_area(row)
    for target, other in (("fr", "en"), ("en", "fr"), ("fr", "en"), ("en", "fr")):
        language.apply(target, remember=False)
        settle()
        for row in range(window.navigation.count()):
            window.show_area(row)
            settle()
            assert leftovers(window, other) == [], (target, row)


def _leave_messages(window: MainWindow, qtbot: QtBot, bad_catalogue: Path) -> None:
    """Actions that leave a message on their screen: saved, refused, not installed."""
    workspace = window._workspace
    window.settings_page.save_profile()
    assert window.settings_page.save_status.text() == "Profile saved."
    page = window.assessments_page
    page.open_wizard(workspace.assessments.list()[0].id)
    wizard = page.wizard
    assert wizard is not None
    step = next(s for s in wizard.navigator.steps if s not in (CONTEXT_STEP, REVIEW_STEP))
    wizard.show_step(wizard.navigator.go_to(step))
    wizard.indicator_page.insufficient.click()  # "Saved at 10:04:05."
    in_review = next(r for r in workspace.requests.list() if r.status is RequestStatus.IN_REVIEW)
    workspace.set_current_user(DRAFTER)  # a drafter may not approve: the refusal names him
    window.requests_page.open_editor(in_review.id)
    editor = window.requests_page.editor
    assert editor is not None
    editor.approve()
    bad_catalogue.write_text("Not a catalogue.\n", "utf-8")
    try:
        workspace.offers.import_catalogue(bad_catalogue, trusted_certificates(workspace.data_dir))
    except AcsgError as error:  # what the page shows when its background import fails
        window.offers_page._failed(error)


def test_messages_left_by_actions_are_remade_in_the_new_language(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path
) -> None:
    load_demo(workspace, "fr")
    window = open_demo_window(qtbot, workspace, language)
    _leave_messages(window, qtbot, tmp_path / "bad.acsgoffers")
    wizard, editor = window.assessments_page.wizard, window.requests_page.editor
    assert wizard is not None and editor is not None
    english = (wizard.save_status.text(), editor.message.text())
    refusal = "{name} is not a reviewer or signatory; ask one to do this."
    assert english[0].startswith("Saved at ") and english[1] == _(refusal).format(name=DRAFTER)
    language.apply("fr", remember=False)
    settle()
    for row in range(window.navigation.count()):
        window.show_area(row)
        settle()
        assert leftovers(window, "en") == [], row
    assert wizard.save_status.text().startswith("Enregistré à ")
    assert wizard.indicator_page.area_label.text().count("sur") == 1  # "indicateur 3 sur 97"
    assert editor.message.text() == _(refusal).format(name=DRAFTER) != english[1]
    assert window.settings_page.save_status.text() == _("Profile saved.")
    assert window.offers_page.message.text().startswith("Non installé")


def test_dialog_buttons_keep_their_own_labels_and_cancel_still_rejects(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    dialog = FirstRunDialog(workspace.profiles, language)
    qtbot.addWidget(dialog)
    dialog.show()
    save, cancel = (dialog.buttons.button(which) for which in (Standard.Save, Standard.Cancel))
    dialog.form.language.setCurrentIndex(dialog.form.language.findData("fr"))  # switches live
    settle()
    assert (save.text(), cancel.text()) == (_("Save and continue"), _("Quit"))
    assert cancel.text() == "Quitter"  # not Qt's "Annuler", which read as "do not quit"
    dialog.form.language.setCurrentIndex(dialog.form.language.findData("en"))
    settle()
    assert (save.text(), cancel.text()) == ("Save and continue", "Quit")
    cancel.click()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_date_fields_are_written_as_dates_elsewhere_in_each_language(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    load_demo(workspace, "en")
    window = open_demo_window(qtbot, workspace, language)
    draft = next(r for r in workspace.requests.list() if r.status is RequestStatus.DRAFT)
    window.show_area(window.pages.indexOf(window.requests_page))
    window.requests_page.open_editor(draft.id)
    editor = window.requests_page.editor
    assert editor is not None
    shown = editor.form.start.date()
    start = date(shown.year(), shown.month(), shown.day())
    for code in ("en", "fr", "en"):
        language.apply(code, remember=False)
        settle()
        # "1 Jan 2027", "1 janv. 2027": a date field writes the day as a number (no "1er")
        assert editor.form.start.text() == format_date(start).replace("1er ", "1 ")
        assert str(start.year) in editor.form.start.text()


def test_qt_file_dialogs_speak_the_chosen_language(
    qtbot: QtBot, language: LanguageSwitcher
) -> None:
    language.apply("fr", remember=False)
    settle()
    system = QLocale.system().uiLanguages() or ["en"]
    own_dialogs = not system[0].lower().startswith("fr")
    assert QApplication.testAttribute(AA_NO_NATIVE) is own_dialogs
    dialog = QFileDialog(None, _("Export as CSV"))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    settle()
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {_("&Look in:"), _("Files of &type:")} <= labels  # the two Qt's .qm lacks
    assert leftovers(dialog, "en") == []
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == _("Folder")
    language.apply("en", remember=False)
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "Folder"


@pytest.mark.parametrize("target", ["fr", "es"])
def test_the_desk_window_is_wholly_in_the_new_language_after_a_live_switch(
    qtbot: QtBot, language: LanguageSwitcher, tmp_path: Path, target: str
) -> None:
    packages = demo_desk_packages(tmp_path / "field", target)  # the data in it already
    desk = DeskWorkspace.open(tmp_path / "desk")
    try:
        desk.trust.create("Desk officer", b"the desk's own long passphrase")
        desk.intake.intake(packages, actor="Desk officer")
        window = open_desk_window(qtbot, desk, language)
        for _name, _screen in walk_desk_screens(window, qtbot):
            pass
        language.apply(target, remember=False)
        settle()
        others = [code for code in SUPPORTED_LANGUAGES if code != target]
        problems = {
            name: found
            for name, screen in walk_desk_screens(window, qtbot)
            if (
                found := [t for other in others for t in leftovers(screen, other, target)]
                + unlinked_mnemonics(screen)
            )
        }
        assert problems == {}
    finally:
        desk.close()
