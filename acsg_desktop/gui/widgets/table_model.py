"""The parts every list model shares: rows replaced at once, translated headers, a value role.

Every cell's text and tooltip is shown with its control, bidi and zero-width characters made
visible (``core.display``): a list shows names read from files (packages, contributions,
backups, catalogues), and a right-to-left override in one would make a row read as another.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from acsg_desktop.core.display import escape_controls, escape_line
from acsg_desktop.core.i18n import _

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
_ROLE = Qt.ItemDataRole
# The roles a view asks of every cell it paints, which our lists leave to the style: answered at
# once (None) unless a model names them in ``styled_roles``. Painting a screenful asks about
# a thousand of them; each went through ``extra`` before.
STYLE_ROLES = frozenset(
    {
        _ROLE.FontRole,
        _ROLE.TextAlignmentRole,
        _ROLE.BackgroundRole,
        _ROLE.ForegroundRole,
        _ROLE.CheckStateRole,
        _ROLE.DecorationRole,
    }
)


def two_lines(text: str) -> str:
    """``text`` broken at the space nearest its middle ("Mise en\ncorrespondance")."""
    spaces = [at for at, char in enumerate(text) if char == " "]
    if not spaces:
        return text
    at = min(spaces, key=lambda space: abs(len(text) - 2 * space))
    return f"{text[:at]}\n{text[at + 1 :]}"


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """A table of ``Row`` objects; subclasses say what each column shows (``display``)."""

    headers: tuple[str, ...] = ()
    # columns whose values are short but whose header is long: the header goes on two lines
    # rather than taking the width a stretched column (a title) needs
    two_line_headers: ClassVar[frozenset[int]] = frozenset()
    styled_roles: ClassVar[frozenset[Qt.ItemDataRole]] = frozenset()  # answered by ``extra``
    # a cell is one line: a line feed or a tab in a name is shown as ``\n``, not as a new line
    # that could pass for another row; a model whose cells hold lines of their own says False
    one_line_cells: ClassVar[bool] = True

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Row] = []
        self._unanswered = STYLE_ROLES - self.styled_roles

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = _(self.headers[section])
            return two_lines(text) if section in self.two_line_headers else text
        if role == Qt.ItemDataRole.AccessibleTextRole:  # read as one phrase, not two lines
            return _(self.headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in self._unanswered or not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self.shown(self.display(row, index.column()))
        value = self.extra(row, index.column(), role)
        if role != Qt.ItemDataRole.ToolTipRole:
            return value
        if value is None:  # whole, when a narrow column elides it
            return self.shown(self.display(row, index.column()))
        return escape_controls(value) if isinstance(value, str) else value

    def shown(self, text: str) -> str:
        """``text`` as a cell shows it: unprintable characters escaped (see the module)."""
        return escape_line(text) if self.one_line_cells else escape_controls(text)

    def display(self, row: Row, column: int) -> str:
        raise NotImplementedError

    def extra(self, row: Row, column: int, role: int) -> Any:
        """Other roles (ids, sort keys); None by default."""
        return None

    def retranslate(self) -> None:
        """Headers and translated cells follow the language."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.headers) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)
