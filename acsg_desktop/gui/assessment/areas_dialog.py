"""Choosing the areas of the framework whose answers go into a contribution."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _, ngettext
from acsg_desktop.gui.widgets.dialog_buttons import LabelledButtonBox, Standard
from acsg_desktop.gui.widgets.honest_buttons import enable_with_reason
from acsg_desktop.gui.widgets.retranslate import Retranslatable


class AreasDialog(Retranslatable, QDialog):
    """A checkable list of the framework's areas; OK once at least one is checked."""

    def __init__(self, framework: Framework, person: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._framework, self._person = framework, person
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.areas = QListWidget(self)
        for _area in framework.areas:
            item = QListWidgetItem(self.areas)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.areas.itemChanged.connect(lambda _item: self._update_ok())
        self.buttons = LabelledButtonBox(Standard.Ok | Standard.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.areas, 1)
        layout.addWidget(self.buttons)
        self.resize(740, 560)
        self.retranslate_ui()

    def chosen(self) -> list[str]:
        return [
            area.id
            for row, area in enumerate(self._framework.areas)
            if self.areas.item(row).checkState() == Qt.CheckState.Checked
        ]

    def check(self, area_ids: list[str]) -> None:
        for row, area in enumerate(self._framework.areas):
            if area.id in area_ids:
                self.areas.item(row).setCheckState(Qt.CheckState.Checked)

    def _update_ok(self) -> None:
        button = self.buttons.button(Standard.Ok)
        reason = "" if self.chosen() else _("Check at least one area.")
        enable_with_reason(button, reason, _("Choose where to save the signed file."))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Export my areas"))
        self.intro.setText(
            _(
                "Check the areas given to you. Their answers go into one file signed with the "
                "signing identity of {name}, for the coordinator to merge."
            ).format(name=self._person)
        )
        for row, area in enumerate(self._framework.areas):
            count = len(area.indicators)
            self.areas.item(row).setText(
                ngettext(
                    "{number} · {title} ({count} indicator)",
                    "{number} · {title} ({count} indicators)",
                    count,
                ).format(number=f"{row + 1:02d}", title=area.title.get(), count=count)
            )
        self.areas.setAccessibleName(_("Areas"))
        self.areas.setToolTip(_("Tick the areas you answered; only their answers go in the file."))
        self.buttons.label(Standard.Ok, _("&Export…"))
        self.buttons.label(Standard.Cancel, _("Cancel"))
        self._update_ok()
