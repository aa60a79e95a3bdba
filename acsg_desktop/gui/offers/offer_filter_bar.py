"""The row of filters above the offers list: each a combo whose first choice is "Any …"."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _, fold
from acsg_desktop.core.offers.regions import region_ids, region_name
from acsg_desktop.core.offers.words import language_name
from acsg_desktop.core.records.offers import OfferFilters, OfferStatus
from acsg_desktop.core.records.requests import PartnerKind, SupportType
from acsg_desktop.core.requests.labels import label
from acsg_desktop.gui.widgets.field_tips import set_field_tips
from acsg_desktop.gui.widgets.retranslate import Retranslatable

FILTER_NAMES = ("type", "area", "region", "language", "kind", "status")
COLUMNS = 3


def _enum_choices(kind: type[StrEnum]) -> list[tuple[str, str]]:
    return [(label(value), value.value) for value in kind]


class OfferFilterBar(Retranslatable, QWidget):
    """Support type, framework area, region, working language, partner kind and status."""

    changed = Signal()

    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._framework = framework
        self._languages: tuple[str, ...] = ()
        self.combos = {name: QComboBox(self) for name in FILTER_NAMES}
        self.labels = {name: QLabel(self) for name in FILTER_NAMES}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for position, name in enumerate(FILTER_NAMES):
            combo = self.combos[name]
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(self.changed)
            self.labels[name].setBuddy(combo)
            row, column = divmod(position, COLUMNS)
            grid.addWidget(self.labels[name], row, 2 * column)
            grid.addWidget(combo, row, 2 * column + 1)
            grid.setColumnStretch(2 * column + 1, 1)
        self.retranslate_ui()

    def set_languages(self, codes: tuple[str, ...]) -> None:
        """The working languages the installed catalogue names (the choices of that filter)."""
        self._languages = codes
        self._fill()

    def filters(self) -> OfferFilters:
        data = {name: str(combo.currentData() or "") for name, combo in self.combos.items()}
        return OfferFilters(
            support_type=SupportType(data["type"]) if data["type"] else None,
            area=data["area"],
            region=data["region"],
            language=data["language"],
            party_kind=PartnerKind(data["kind"]) if data["kind"] else None,
            status=OfferStatus(data["status"]) if data["status"] else None,
        )

    def choose(self, name: str, value: str) -> None:
        """Set filter ``name`` to ``value`` ("" for any)."""
        combo = self.combos[name]
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def _choices(self) -> dict[str, tuple[str, list[tuple[str, str]]]]:
        languages = sorted(
            ((language_name(code), code) for code in self._languages),
            key=lambda pair: fold(pair[0]),
        )
        return {
            "type": (_("Any support type"), _enum_choices(SupportType)),
            "area": (_("Any area"), [(a.title.get(), a.id) for a in self._framework.areas]),
            "region": (_("Any region"), [(region_name(r).get(), r) for r in region_ids()]),
            "language": (_("Any language"), languages),
            "kind": (_("Any partner kind"), _enum_choices(PartnerKind)),
            "status": (_("Any status"), _enum_choices(OfferStatus)),
        }

    def _fill(self) -> None:
        """Refill every combo in the current language, keeping what was chosen."""
        for name, (anything, items) in self._choices().items():
            combo = self.combos[name]
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(anything, "")
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def retranslate_ui(self) -> None:
        texts = {
            "type": _("Support &type:"),
            "area": _("&Area:"),
            "region": _("&Region:"),
            "language": _("Wor&king language:"),
            "kind": _("&Partner kind:"),
            "status": _("&Status:"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
            self.combos[name].setAccessibleName(text.replace("&", "").rstrip(": \u00a0"))
        tips = {
            "type": _("Show only offers of one kind of support, e.g. training."),
            "area": _("Show only offers for one area of the asylum system."),
            "region": _("Show only offers open to one region, e.g. your own."),
            "language": _("Show only offers given in a language your staff work in."),
            "kind": _("Show only offers from one kind of partner, e.g. UN agencies."),
            "status": _("Show only offers still open, or also those closed or taken."),
        }
        set_field_tips({self.combos[name]: tip for name, tip in tips.items()})
        self._fill()
