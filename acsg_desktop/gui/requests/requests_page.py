"""The Support requests area: a filtered, sortable list, and the editor."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.list_rows import PageOrder, RequestListRow
from acsg_desktop.core.records.requests import RequestContent, RequestStatus, SupportType
from acsg_desktop.core.requests.drafting import draft_from_gaps
from acsg_desktop.core.requests.filters import RequestFilter
from acsg_desktop.core.requests.labels import label
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.requests.request_editor import RequestEditor
from acsg_desktop.gui.requests.request_table_model import (
    COL_TITLE,
    ID_ROLE,
    RequestTableModel,
)
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.filter_combo import fill_filter
from acsg_desktop.gui.widgets.fitted_columns import FittedColumns
from acsg_desktop.gui.widgets.honest_buttons import enable_with_reason
from acsg_desktop.gui.widgets.live_text import show_text
from acsg_desktop.gui.widgets.page_title import make_page_title
from acsg_desktop.gui.widgets.paged_model import keep_indicator_on_sortable
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class RequestsPage(Retranslatable, QWidget):
    """List with filters (status, area, type, text) and sorting; opens the editor in place."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.editor: RequestEditor | None = None
        self.stack = QStackedWidget(self)
        self.list_page = QWidget(self)
        self.title = make_page_title(self.list_page)
        self.model = RequestTableModel()
        self.request_filter = RequestFilter()
        self.model.set_query(self._page)
        self.table = QTableView(self.list_page)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setCornerButtonEnabled(False)
        self.columns = FittedColumns(self.table, stretched=(COL_TITLE,))
        header = self.table.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        keep_indicator_on_sortable(header, self.model)
        self.table.activated.connect(lambda _index: self.open_selected())
        self.status_filter, self.area_filter, self.type_filter = (QComboBox(self) for _ in "sat")
        self.text_filter = QLineEdit(self)
        self.filter_labels = [QLabel(self) for _ in range(4)]
        for combo in (self.status_filter, self.area_filter, self.type_filter):
            combo.currentIndexChanged.connect(self._filter)
        self.text_filter.textChanged.connect(self._filter)
        self.new_button, self.open_button = QPushButton(self), QPushButton(self)
        self.new_button.clicked.connect(lambda: self.new_request(RequestContent()))
        self.open_button.clicked.connect(self.open_selected)
        self.open_reason = QLabel(self)  # why Open is off, on the page and not only on hover
        self.message = MessageLabel(self)  # announced to screen readers
        self._lay_out()
        self.model.modelReset.connect(self._select_first)  # the first read included
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.table.setSortingEnabled(True)  # reads the first batch, newest first
        self.retranslate_ui()

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for label_widget, field in zip(
            self.filter_labels,
            (self.status_filter, self.area_filter, self.type_filter, self.text_filter),
            strict=True,
        ):
            label_widget.setBuddy(field)
            filters.addWidget(label_widget)
            filters.addWidget(field, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.open_reason, 1)
        layout = QVBoxLayout(self.list_page)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.stack.addWidget(self.list_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    def _fill_filters(self) -> None:
        framework = self._workspace.assessments.shipped_framework()
        fill_filter(self.status_filter, "status", [(label(s), s.value) for s in RequestStatus])
        fill_filter(self.area_filter, "area", [(a.title.get(), a.id) for a in framework.areas])
        fill_filter(self.type_filter, "type", [(label(t), t.value) for t in SupportType])

    def _page(self, offset: int, limit: int, order: PageOrder) -> list[RequestListRow]:
        return self._workspace.requests.page(offset, limit, order, self.request_filter)

    def _filter(self) -> None:
        """Re-query with the status, area, type and text chosen ("" means any)."""
        self.request_filter = RequestFilter.from_values(
            str(self.status_filter.currentData() or ""),
            str(self.area_filter.currentData() or ""),
            str(self.type_filter.currentData() or ""),
            self.text_filter.text(),
        )
        self.model.reload()

    def reload(self) -> None:
        self.model.reload()

    def _update_buttons(self) -> None:
        """Open acts on the selected request: without one it is off, and says why."""
        if not self.model.rowCount():
            reason = _("No request is listed: create one, or change the filters.")
        elif self.selected_id() is None:
            reason = _("Select a request in the list first.")
        else:
            reason = ""
        enable_with_reason(self.open_button, reason)
        self.open_reason.setText(reason)

    def _select_first(self) -> None:
        """A list re-read (a filter, a sort) selects its first request, so Open acts at once."""
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if rows else None

    def open_selected(self) -> None:
        request_id = self.selected_id()
        if request_id is not None:
            self.open_editor(request_id)

    def new_request(self, content: RequestContent) -> int | None:
        """Store ``content`` as a new draft and open it."""
        if not content.contact_person:
            profile = self._workspace.profiles.get()
            content = replace(content, contact_person=profile.contact_person if profile else "")
        try:
            created = self._workspace.requests.create(content, actor=self._workspace.current_user)
        except AcsgError as error:
            show_text(self.message, error.message)
            return None
        self.reload()
        self.open_editor(created.id)
        return created.id

    def draft_from_gaps(self, assessment_id: int, gaps: list[Gap]) -> int | None:
        """A new request prefilled from gaps selected on the results screen."""
        service = self._workspace.assessments
        framework = service.framework_of(service.get(assessment_id))
        profile = self._workspace.profiles.get()
        content = draft_from_gaps(
            framework, assessment_id, gaps, profile.contact_person if profile else ""
        )
        return self.new_request(content)

    def open_editor(self, request_id: int) -> None:
        self._drop_editor()
        framework = self._workspace.assessments.shipped_framework()
        self.editor = RequestEditor(
            self._workspace.requests,
            self._workspace.offers,
            framework,
            request_id,
            lambda: self._workspace.current_user,
            self,
        )
        self.editor.review.current_user = self._workspace.current_person
        self.editor.review.show_request(self.editor.request)
        self.editor.closed.connect(self.show_list)
        self.stack.addWidget(self.editor)
        self.stack.setCurrentWidget(self.editor)

    def show_list(self) -> None:
        self._drop_editor()
        self.reload()
        self.stack.setCurrentWidget(self.list_page)

    def _drop_editor(self) -> None:
        if self.editor is not None:
            self.stack.removeWidget(self.editor)
            self.editor.deleteLater()
            self.editor = None

    def retranslate_ui(self) -> None:
        self.title.setText(_("Support requests"))
        self.new_button.setText(_("&New request"))
        self.open_button.setText(_("&Open"))
        texts = (_("Stat&us:"), _("&Area:"), _("T&ype:"), _("Sea&rch:"))
        for label_widget, text in zip(self.filter_labels, texts, strict=True):
            label_widget.setText(text)
        for combo, name in (
            (self.status_filter, _("Status")),
            (self.area_filter, _("Area")),
            (self.type_filter, _("Type")),
            (self.text_filter, _("Search")),
        ):
            combo.setAccessibleName(name)
        set_field_tips(
            {
                self.status_filter: _("Show only requests at one stage, e.g. drafts to finish."),
                self.area_filter: _("Show only requests for one area of the asylum system."),
                self.type_filter: _("Show only requests asking for one kind of support."),
                self.text_filter: _("Type words from a title or description to find a request."),
            }
        )
        self.table.setAccessibleName(_("Support requests"))
        self._fill_filters()
        self.model.retranslate()
        self.columns.refit()
        self._update_buttons()
