"""An assessment's action plan as a Qt table model, fetched a page at a time, sorted in SQL.

An overdue action (still open, due before today) says so in words in its status cell, and
carries a warning icon beside its due date: never colour alone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle

from acsg_desktop.core.actions.labels import status_label
from acsg_desktop.core.i18n import N_, _, format_date
from acsg_desktop.core.records.actions import PlannedAction
from acsg_desktop.gui.widgets.paged_model import PagedTableModel
from acsg_desktop.gui.widgets.table_model import ROW_ROLE

COL_DUE, COL_ACTION, COL_GAP, COL_OWNER, COL_STATUS = range(5)
HEADERS = (N_("Due"), N_("Action"), N_("Gap"), N_("Owner"), N_("Status"))
ACTION_ROLE = ROW_ROLE


class ActionTableModel(PagedTableModel[PlannedAction]):
    """One row per action; the action under ``ACTION_ROLE``. ``gap_name`` names a gap from its
    indicator id ("" for a general action); ``today`` decides what is overdue."""

    headers = HEADERS
    styled_roles = frozenset({Qt.ItemDataRole.DecorationRole})
    sort_keys: ClassVar[dict[int, str]] = {
        COL_DUE: "due",
        COL_GAP: "gap",
        COL_OWNER: "owner",
        COL_STATUS: "status",
    }

    def __init__(self) -> None:
        super().__init__()
        self.gap_name: Callable[[str], str] = str
        self.today: Callable[[], date] = date.today

    def row_texts(self, row: PlannedAction) -> list[str]:
        status = status_label(row.status)
        if row.overdue(self.today()):
            status = _("{status} · overdue").format(status=status)
        return [
            format_date(row.content.due),
            row.content.description,
            self.gap_name(row.content.gap),
            row.content.owner or _("Nobody yet"),
            status,
        ]

    def display(self, row: PlannedAction, column: int) -> str:
        return self.row_texts(row)[column]

    def extra(self, row: PlannedAction, column: int, role: int) -> Any:
        if (
            role == Qt.ItemDataRole.DecorationRole
            and column == COL_DUE
            and row.overdue(self.today())
        ):
            style = QApplication.style()
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None
