"""The results' Action plan tab: what the authority will do about its gaps, by whom, by when.

Actions are made from the gaps selected on the Gaps tab (described by the framework's next
step), or general ones; each is edited in a dialog; a planned one made by mistake is deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.actions.labels import gap_label, status_label
from acsg_desktop.core.actions.service import FIRST_DUE, ActionPlanService
from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.assessment.service import AssessmentService
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _, ngettext
from acsg_desktop.core.records.actions import ActionContent, ActionStatus, PlannedAction
from acsg_desktop.core.records.list_rows import PageOrder
from acsg_desktop.gui.assessment.action_dialog import ActionDialog
from acsg_desktop.gui.assessment.action_table_model import (
    COL_ACTION,
    COL_DUE,
    COL_GAP,
    ActionTableModel,
)
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.honest_buttons import enable_with_reason
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.paged_model import keep_indicator_on_sortable
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class ActionPlanTab(Retranslatable, QWidget):
    """The plan of the assessment shown; ``current_user`` and ``people`` set by the owner."""

    def __init__(
        self, actions: ActionPlanService, assessments: AssessmentService, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._actions, self._assessments = actions, assessments
        self.assessment_id: int | None = None
        self.current_user: Callable[[], str] = str
        self.people: Callable[[], list[str]] = list
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.model = ActionTableModel()
        self.model.set_query(self._page)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(0)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (COL_ACTION, COL_GAP):  # long texts share the width, wrapped
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.hide()
        header.setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
        keep_indicator_on_sortable(header, self.model)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.status_label, self.status_filter = QLabel(self), QComboBox(self)
        self.status_label.setBuddy(self.status_filter)
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_filter.addItem("", None)
        for status in ActionStatus:
            self.status_filter.addItem("", status.value)
        self.status_filter.currentIndexChanged.connect(lambda _index: self.reload())
        self.add_button, self.edit_button, self.delete_button = (QPushButton(self) for _ in "aed")
        self.add_button.clicked.connect(self.add_general)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.message = MessageLabel(self)  # announced to screen readers
        self._lay_out()
        self.table.setSortingEnabled(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.retranslate_ui()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.status_label)
        top.addWidget(self.status_filter)
        top.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def _page(self, offset: int, limit: int, order: PageOrder) -> list[PlannedAction]:
        if self.assessment_id is None:
            return []
        chosen = self.status_filter.currentData()
        status = ActionStatus(chosen) if chosen else None
        return self._actions.page(self.assessment_id, offset, limit, order, status)

    def show_assessment(self, assessment_id: int) -> None:
        self.assessment_id = assessment_id
        framework = self._assessments.framework_of(self._assessments.get(assessment_id))
        self.model.gap_name = lambda indicator_id: gap_label(framework, indicator_id)
        self.message.clear()
        self.reload()

    def reload(self, select: int | None = None) -> None:
        """Read the plan again; select the action ``select`` (else the first) when listed."""
        self.model.reload()
        found = self.model.find_row(lambda action: action.id == select) if select else None
        if found is not None or self.model.rowCount():
            self.table.selectRow(found or 0)

    def selected(self) -> PlannedAction | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        reason = "" if self.selected() else _("Select an action in the plan first.")
        enable_with_reason(self.edit_button, reason)
        action = self.selected()
        if action is not None and action.status is not ActionStatus.PLANNED:
            reason = _("Only a planned action can be deleted: mark this one dropped instead.")
        enable_with_reason(self.delete_button, reason)

    def add_from_gaps(self, gaps: Sequence[Gap]) -> list[PlannedAction]:
        """One planned action per gap, then the plan shown with the first new one selected."""
        if self.assessment_id is None or not gaps:
            return []
        try:
            made = self._actions.create_from_gaps(
                self.assessment_id, gaps, actor=self.current_user()
            )
        except AcsgError as error:
            show_text(self.message, _("Not added: {reason}").format(reason=error.message))
            return []
        self.reload(made[0].id)
        text = ngettext(
            "{count} action added to the plan: give it an owner and check its due date.",
            "{count} actions added to the plan: give each an owner and check its due date.",
            len(made),
        )
        show_text(self.message, text.format(count=len(made)))
        return made

    def _dialog(
        self, content: ActionContent, status: ActionStatus, save: Callable[..., object]
    ) -> bool:
        dialog = ActionDialog(
            content, status, self.model.gap_name(content.gap), self.people(), save, self
        )
        return dialog.exec() == QDialog.DialogCode.Accepted

    def add_general(self) -> None:
        """A new action, general unless a gap is chosen in the dialog."""
        if self.assessment_id is None:
            return
        assessment_id, made = self.assessment_id, []
        blank = ActionContent("", "", "", date.today() + FIRST_DUE)

        def save(content: ActionContent, status: ActionStatus) -> None:
            action = self._actions.create(assessment_id, content, actor=self.current_user())
            if status is not ActionStatus.PLANNED:
                action = self._actions.set_status(action.id, status, actor=self.current_user())
            made.append(action)

        if self._dialog(blank, ActionStatus.PLANNED, save):
            self.reload(made[0].id)
            show_text(self.message, _("The action was added to the plan."))

    def edit_selected(self) -> None:
        action = self.selected()
        if action is None:
            return

        def save(content: ActionContent, status: ActionStatus) -> None:
            self._actions.update(
                action.id,
                content,
                status,
                actor=self.current_user(),
                expected_version=action.version,
            )

        if self._dialog(action.content, action.status, save):
            self.reload(action.id)
            show_text(self.message, _("The action was saved."))

    def delete_selected(self) -> None:
        action = self.selected()
        if action is None:
            return
        try:
            self._actions.delete(
                action.id, actor=self.current_user(), expected_version=action.version
            )
        except AcsgError as error:
            show_text(self.message, _("Not deleted: {reason}").format(reason=error.message))
            return
        self.reload()
        show_text(self.message, _("The action was deleted (the audit log keeps it)."))

    def retranslate_ui(self) -> None:
        self.explanation.setText(
            _(
                "What your authority itself will do about its gaps: who owns each action and "
                "when it is due. An action still open after its due date says “overdue”. The "
                "plan goes into the package and its report."
            )
        )
        self.status_label.setText(_("Actions &to show:"))
        self.status_filter.setItemText(0, _("All actions"))
        for index, status in enumerate(ActionStatus, start=1):
            self.status_filter.setItemText(index, status_label(status))
        self.status_filter.setAccessibleName(_("Show actions of status"))
        self.status_filter.setToolTip(_("Show only the actions at one stage, e.g. those open."))
        self.add_button.setText(_("Add a ge&neral action…"))
        self.edit_button.setText(_("&Edit the action…"))
        self.delete_button.setText(_("&Delete the action"))
        self.table.setAccessibleName(_("Action plan"))
        self.model.retranslate()
        self._update_buttons()
