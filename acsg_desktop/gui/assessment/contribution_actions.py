"""The Assessments page's "Export my areas…" and "Import a contribution…": an official's signed
contribution from their laptop, and the coordinator's merge of it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from acsg_desktop.core.contributions.describe import merged_line
from acsg_desktop.core.contributions.merge import Choice
from acsg_desktop.core.display import file_stem
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _, ngettext
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.assessment.areas_dialog import AreasDialog
from acsg_desktop.gui.assessment.merge_dialog import MergeDialog
from acsg_desktop.gui.packages.passphrase import ask_new_passphrase, ask_passphrase
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.honest_buttons import enable_with_reason

SUFFIX = ".acsgcontrib"


class ContributionActions(QObject):
    """Two buttons over the selected assessment; outcomes go to the page's message line."""

    def __init__(
        self,
        workspace: Workspace,
        selected_id: Callable[[], int | None],
        message: MessageLabel,
        merged: Callable[[], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._workspace, self._selected, self._message, self._merged = (
            workspace,
            selected_id,
            message,
            merged,
        )
        self._parent = parent
        self.export_button, self.import_button = QPushButton(parent), QPushButton(parent)
        self.export_button.clicked.connect(self.export_areas)
        self.import_button.clicked.connect(lambda: self.import_contribution())
        self.areas_dialog: AreasDialog | None = None
        self.merge_dialog: MergeDialog | None = None

    def buttons(self) -> tuple[QPushButton, QPushButton]:
        return self.export_button, self.import_button

    def update(self, reason: str) -> None:
        enable_with_reason(
            self.export_button, reason, _("Sign the answers of your areas for the coordinator.")
        )
        enable_with_reason(
            self.import_button, reason, _("See an official's answers against ours, then merge.")
        )

    def _ensure_identity(self) -> bool:
        """The current person's signing identity exists, or is made now (asked first)."""
        workspace, person = self._workspace, self._workspace.current_user
        if workspace.contributions.has_identity(person):
            return True
        profile = workspace.profiles.get()
        if profile is None:
            self._message.say(_("Set the authority profile first."), error=True)
            return False
        self._message.say(
            _("{name} has no signing identity yet: choose its passphrase to create it.").format(
                name=person
            )
        )
        passphrase = ask_new_passphrase(self._parent)
        if passphrase is None:
            return False
        try:
            workspace.contributions.create_identity(person, profile, passphrase, actor=person)
        except AcsgError as error:
            self._message.say(error.message, error=True)
            return False
        return True

    def export_areas(self) -> None:
        assessment_id = self._selected()
        if assessment_id is None or not self._ensure_identity():
            return
        service = self._workspace.assessments
        framework = service.framework_of(service.get(assessment_id))
        self.areas_dialog = AreasDialog(framework, self._workspace.current_user, self._parent)
        self.areas_dialog.accepted.connect(lambda: self._export_chosen(assessment_id))
        self.areas_dialog.open()

    def _export_chosen(self, assessment_id: int) -> None:
        assert self.areas_dialog is not None
        areas, summary = self.areas_dialog.chosen(), self._workspace.assessments.get(assessment_id)
        suggested = file_stem(f"{summary.title} {self._workspace.current_user}", "contribution")
        name, _filter = QFileDialog.getSaveFileName(
            self._parent,
            _("Export my areas"),
            suggested + SUFFIX,
            _("ACSG contributions (*.acsgcontrib)"),
        )
        if name:
            self._sign(assessment_id, areas, Path(name), "")

    def _sign(self, assessment_id: int, areas: list[str], out: Path, problem: str) -> None:
        from acsg_desktop.core.signing.keys import WrongPassphraseError

        passphrase = ask_passphrase(
            self._parent, _("Sign the contribution"), _("Passphrase of your signing key:"), problem
        )
        if passphrase is None:
            return
        person = self._workspace.current_user
        try:
            made = self._workspace.contributions.export(
                assessment_id, areas, person, passphrase, out
            )
        except WrongPassphraseError:
            self._sign(assessment_id, areas, out, _("That passphrase is not right; try again."))
            return
        except AcsgError as error:
            self._message.say(error.message, error=True)
            return
        count = len(made.answers)
        self._message.say(
            ngettext(
                "Contribution written to {path}: {count} answer, signed by {name}.",
                "Contribution written to {path}: {count} answers, signed by {name}.",
                count,
            ).format(path=out, count=count, name=person)
        )

    def import_contribution(self, path: Path | None = None) -> None:
        """Ask for a contribution file (unless given), then show its merge view."""
        assessment_id = self._selected()
        if assessment_id is None:
            return
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(
                self._parent,
                _("Import a contribution"),
                "",
                _("ACSG contributions (*.acsgcontrib)"),
            )
            if not name:
                return
            path = Path(name)
        service, contributions = self._workspace.assessments, self._workspace.contributions
        try:
            view = contributions.merge_view(path, assessment_id)
        except AcsgError as error:
            self._message.say(error.message, error=True)
            return
        framework = service.framework_of(service.get(assessment_id))
        chosen_path = path

        def apply(decisions: dict[str, Choice], confirmed_key: str) -> object:
            result = contributions.apply(
                chosen_path,
                assessment_id,
                decisions,
                actor=self._workspace.current_user,
                confirmed_key=confirmed_key,
            )
            contributor = view.contribution.contributor
            self._message.say(merged_line(contributor, len(result.taken), len(result.kept)))
            self._merged()
            return result

        self.merge_dialog = MergeDialog(view, framework, apply, self._parent)
        self.merge_dialog.open()

    def retranslate_ui(self) -> None:
        self.export_button.setText(_("E&xport my areas…"))
        self.import_button.setText(_("&Import a contribution…"))
