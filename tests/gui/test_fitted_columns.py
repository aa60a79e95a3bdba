"""A list's columns fit their rows when the list is first filled and when the text changes
language or size; a re-read (a filter's keystroke) leaves them as they are."""

from PySide6.QtWidgets import QApplication, QHeaderView, QTableView

from acsg_desktop.gui.widgets.fitted_columns import FittedColumns
from acsg_desktop.gui.widgets.table_model import RowTableModel

SHORT, LONG = "ab", "a much longer text than the first one, to widen its column"


class Words(RowTableModel[tuple[str, str]]):
    headers = ("Word", "Note")

    def display(self, row: tuple[str, str], column: int) -> str:
        return row[column]


def _table(qtbot, rows: list[tuple[str, str]]) -> tuple[QTableView, Words, FittedColumns]:
    model = Words()
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    fitted = FittedColumns(table, stretched=(1,))
    model.set_rows(rows)
    table.resize(900, 300)
    table.show()
    QApplication.processEvents()
    return table, model, fitted


def test_columns_fit_the_first_rows_and_stay_when_the_list_is_read_again(qtbot) -> None:
    table, model, _fitted = _table(qtbot, [(SHORT, "x")])
    header = table.horizontalHeader()
    first = header.sectionSize(0)
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    model.set_rows([(LONG, "x")])
    QApplication.processEvents()
    assert header.sectionSize(0) == first  # no jump while a filter is typed


def test_a_change_of_language_or_text_size_fits_again(qtbot) -> None:
    table, model, fitted = _table(qtbot, [(SHORT, "x")])
    header = table.horizontalHeader()
    first = header.sectionSize(0)
    model.set_rows([(LONG, "x")])
    fitted.refit()  # as a page's retranslate_ui does
    wider = header.sectionSize(0)
    assert wider > first
    font = table.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    table.setFont(font)
    QApplication.processEvents()
    assert header.sectionSize(0) > wider


def test_an_empty_list_fits_again_when_its_first_rows_come(qtbot) -> None:
    table, model, _fitted = _table(qtbot, [])
    header = table.horizontalHeader()
    empty = header.sectionSize(0)
    model.set_rows([(LONG, "x")])
    QApplication.processEvents()
    assert header.sectionSize(0) > empty
