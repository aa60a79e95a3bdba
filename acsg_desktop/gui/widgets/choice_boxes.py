"""A grid of check boxes for choosing several values from a fixed list, in one group that
screen readers name (``setAccessibleName``) after the question."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGroupBox, QWidget

from acsg_desktop.gui.widgets.columns_layout import ColumnsLayout
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class ChoiceBoxes(Retranslatable, QGroupBox):
    """One check box per value, labelled in the current language by ``name_of``."""

    def __init__(
        self,
        values: Sequence[Any],
        name_of: Callable[[Any], str],
        columns: int = 3,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setFlat(True)  # a group for screen readers, no frame
        self._name_of = name_of
        self.boxes = {value: QCheckBox(self) for value in values}
        grid = ColumnsLayout(columns, self)  # fewer columns when the room is narrow
        grid.setContentsMargins(0, 0, 0, 0)
        for box in self.boxes.values():
            grid.addWidget(box)
        if self.boxes:  # a label's buddy (and mnemonic) reaches the first box
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setFocusProxy(next(iter(self.boxes.values())))
        self.retranslate_ui()

    def selected(self) -> tuple[Any, ...]:
        return tuple(value for value, box in self.boxes.items() if box.isChecked())

    def set_selected(self, values: Sequence[Any]) -> None:
        for value, box in self.boxes.items():
            box.setChecked(value in values)

    def retranslate_ui(self) -> None:
        for value, box in self.boxes.items():
            box.setText(self._name_of(value))
