"""The dialogs the screen walk does not open (sign-in, server, passphrase, reply, move in and
out, merge, areas, crash, glossary; the desk's certify and receipt) say in a tooltip, on each
input field, what to enter and why, in English and, after a live switch, in French."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from acsg_desktop.core.desk.workspace import DeskWorkspace
from acsg_desktop.core.records.requests import RequestContent
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.assessment.areas_dialog import AreasDialog
from acsg_desktop.gui.assessment.merge_dialog import MergeDialog
from acsg_desktop.gui.backup.move_in_dialog import MoveInDialog
from acsg_desktop.gui.backup.move_out_dialog import MoveOutDialog
from acsg_desktop.gui.crash_dialog import CrashDialog
from acsg_desktop.gui.desk.certify_dialog import CertifyDialog
from acsg_desktop.gui.desk.receipt_dialog import ReceiptDialog
from acsg_desktop.gui.help.glossary_dialog import GlossaryDialog
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.packages.passphrase import PassphraseDialog
from acsg_desktop.gui.requests.reply_dialog import ReplyDialog
from acsg_desktop.gui.settings.server_dialog import ServerDialog
from acsg_desktop.gui.settings.server_session import ServerSession
from acsg_desktop.gui.settings.user_dialog import SignInDialog
from tests.core.contributions.helpers import (
    REFUGEE_DEFINITION,
    answer_and_export,
    assessment_id,
    laptop,
    level,
)
from tests.gui.screen_walk import demo_desk_packages, settle
from tests.gui.test_field_tooltips import tooltip_problems

Maker = Callable[[], QDialog]
OFFICIAL = "Idriss Abakar"


def dialog_walk(qtbot: QtBot, makers: dict[str, Maker]) -> Iterator[tuple[str, QWidget]]:
    """Each dialog made afresh and shown, then deleted (as the screen walk does)."""
    for name, make in makers.items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        settle()
        yield name, dialog
        dialog.close()
        dialog.deleteLater()
        settle()


def merge_maker(workspace: Workspace, tmp_path: Path) -> Maker:
    """A merge with one conflict: our level 1 against the contributor's level 4."""
    target = assessment_id(workspace)
    workspace.assessments.save_answer(target, level(REFUGEE_DEFINITION, 1, "Me"), actor="Me")
    folder = laptop(tmp_path / "laptop", OFFICIAL)
    answers = [level(REFUGEE_DEFINITION, 4, OFFICIAL)]
    path = answer_and_export(folder, OFFICIAL, answers, ["01"], tmp_path / "c.acsgcontrib")
    view = workspace.contributions.merge_view(path, target)
    service = workspace.assessments
    framework = service.framework_of(service.get(target))
    return lambda: MergeDialog(view, framework, lambda _decisions, _key: None)


def test_every_field_of_the_office_dialogs_has_a_tooltip_in_both_languages(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path: Path
) -> None:
    request = workspace.requests.create(RequestContent(title="Interpreters"), actor="Me")
    merge = merge_maker(workspace, tmp_path)
    makers: dict[str, Maker] = {
        "sign-in": lambda: SignInDialog(workspace),
        "server": lambda: ServerDialog(workspace.data_dir, ServerSession()),
        "new-passphrase": lambda: PassphraseDialog(None, "New", "Choose:", confirm=True),
        "reply": lambda: ReplyDialog(request),
        "move-out": lambda: MoveOutDialog(workspace),
        "move-in": lambda: MoveInDialog(workspace.data_dir),
        "merge": merge,
        "crash": lambda: CrashDialog(Path("/x/logs/acsg.log"), "details"),
        "glossary": GlossaryDialog,
    }
    problems = tooltip_problems(lambda: dialog_walk(qtbot, makers), language)
    assert not problems, "\n".join(problems)


def test_the_areas_list_of_a_contribution_says_what_to_tick(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    service = workspace.assessments
    framework = service.framework_of(service.get(assessment_id(workspace)))
    dialog = AreasDialog(framework, "Me")
    qtbot.addWidget(dialog)
    english = dialog.areas.toolTip()
    language.apply("fr", remember=False)
    assert english.startswith("Tick the areas")
    # Qt posts the LanguageChange event: the tooltip follows once events are processed.
    qtbot.waitUntil(lambda: dialog.areas.toolTip() != english, timeout=2000)


def test_every_field_of_the_desk_dialogs_has_a_tooltip_in_both_languages(
    qtbot: QtBot, tmp_path: Path, language: LanguageSwitcher
) -> None:
    packages = demo_desk_packages(tmp_path / "field")
    desk = DeskWorkspace.open(tmp_path / "desk")
    try:
        desk.trust.create("Desk officer", b"the desk's own long passphrase")
        desk.intake.intake(packages, actor="Desk officer")
        package = desk.packages.packages()[0]
        makers: dict[str, Maker] = {
            "certify": lambda: CertifyDialog("CN=Ministry of the Interior"),
            "receipt": lambda: ReceiptDialog(package),
        }
        problems = tooltip_problems(lambda: dialog_walk(qtbot, makers), language)
    finally:
        desk.close()
    assert not problems, "\n".join(problems)
