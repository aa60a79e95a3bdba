"""The Packages area: the signing identity, the export of a signed package, the outbox with
what can be done with each package, and the answer to the last action (success or failure,
with its colour and icon)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from acsg_desktop.core.i18n import _
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.packages.export_box import ExportBox
from acsg_desktop.gui.packages.identity_box import IdentityBox, signing_refusal
from acsg_desktop.gui.packages.outbox_box import OutboxBox
from acsg_desktop.gui.packages.status_banner import Outcome, StatusBanner
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class PackagesPage(Retranslatable, QWidget):
    """Signing identity, export of a signed package, the outbox, and verification of a file."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.title = make_page_title(self)
        self.identity = IdentityBox(workspace, self)
        self.export_box = ExportBox(workspace, self)
        self.banner = StatusBanner(self)
        self.outbox_box = OutboxBox(workspace, self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.identity.changed.connect(self.refresh)
        for box in (self.export_box, self.outbox_box):
            box.working.connect(self._busy)
        self.export_box.exported.connect(self._exported)
        self.export_box.failed.connect(lambda error: self.say(Outcome.FAILURE, error.message))
        self.export_box.cancelled.connect(
            lambda: self.say(Outcome.INFO, lambda: _("Export cancelled: nothing was written."))
        )
        self.outbox_box.said.connect(self.say)
        self.export_box.said.connect(self.say)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.identity, self.export_box, self.progress, self.banner):
            layout.addWidget(widget)
        layout.addWidget(self.outbox_box, 1)
        self.retranslate_ui()

    @property
    def buttons(self) -> dict[str, Any]:
        """Every action of the page by name (export, pdf, folder, sent, encrypt, receipt,
        verify)."""
        return {"export": self.export_box.button, **self.outbox_box.buttons}

    def refresh(self) -> None:
        """Who may sign, the exportable assessments and the outbox, as they are now."""
        self.identity.refresh()
        blocked = signing_refusal(self._workspace)
        if not blocked and not self.identity.has_identity():
            blocked = _("Create your signing identity above first: the package is signed with it.")
        self.export_box.refresh(blocked)
        selected = self.outbox_box.selected()
        self.outbox_box.reload(selected.package_id if selected else "")

    def showEvent(self, event: QShowEvent) -> None:
        """An assessment completed, a person or a role changed elsewhere: shown as it is now."""
        super().showEvent(event)
        self.refresh()

    def _exported(self, result: Any) -> None:
        from acsg_desktop.core.package.outbox import export_message

        outcome = Outcome.INFO if result.reused else Outcome.SUCCESS
        self.say(
            outcome,
            lambda: "\n".join(
                (export_message(result), _("Open its report or its folder with the buttons below."))
            ),
        )
        self.refresh()
        self.outbox_box.reload(result.record.package_id)  # its report and folder one click away

    def say(self, outcome: Outcome, words: Any) -> None:
        self.banner.show_outcome(outcome, words)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.export_box.set_working(busy)
        self.outbox_box.set_working(busy)
        self.identity.setEnabled(not busy)

    def retranslate_ui(self) -> None:
        self.title.setText(_("Packages"))
        self.progress.setAccessibleName(_("Working"))
        self.refresh()
