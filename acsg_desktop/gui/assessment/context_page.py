"""The questions asked once per assessment, which decide which indicators apply."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import _
from acsg_desktop.gui.widgets.retranslate import Retranslatable
from acsg_desktop.gui.widgets.wrapping_check import WrappingCheckBox


class ContextPage(Retranslatable, QWidget):
    """One check box per context question; says which indicators stop applying and why."""

    contexts_changed = Signal(dict)

    def __init__(self, framework: Framework, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._framework = framework
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.rows = {context.id: WrappingCheckBox(self) for context in framework.contexts}
        self.boxes = {context_id: row.box for context_id, row in self.rows.items()}
        self.consequences = QLabel(self)
        self.consequences.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        for row in self.rows.values():
            row.box.toggled.connect(self._changed)
            layout.addWidget(row)
        layout.addWidget(self.consequences)
        layout.addStretch(1)
        self.retranslate_ui()

    def set_contexts(self, contexts: dict[str, bool]) -> None:
        """Show stored answers; an unanswered question counts as yes (the indicator applies)."""
        for context_id, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(contexts.get(context_id, True))
            box.blockSignals(False)
        self._describe()

    def contexts(self) -> dict[str, bool]:
        return {context_id: box.isChecked() for context_id, box in self.boxes.items()}

    def _changed(self) -> None:
        self._describe()
        self.contexts_changed.emit(self.contexts())

    def _describe(self) -> None:
        contexts = self.contexts()
        skipped = [i for i in self._framework.indicators if not i.applies(contexts)]
        if not skipped:
            self.consequences.setText(_("Every indicator applies."))
            return
        lines = [
            f"• {indicator.question.get()} {indicator.condition.reason.get()}"
            for indicator in skipped
            if indicator.condition
        ]
        self.consequences.setText(
            _("These indicators do not apply and are left out of the scores:")
            + "\n"
            + "\n".join(lines)
        )

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "First, a few facts about your asylum system. They decide which indicators apply; "
                "you can change them at any time."
            )
        )
        for context in self._framework.contexts:
            self.rows[context.id].set_text(context.question.get())
            self.rows[context.id].box.setToolTip(
                _("Tick if this is true for your country; it decides which indicators apply.")
            )
        self._describe()
