"""Help > Glossary: the ACSG terms in English, French and Spanish side by side, with a filter;
the note of the chosen term (and the variants to avoid) below the table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.i18n import N_, _, current_language, format_number
from acsg_desktop.gui.help.glossary_terms import Term, glossary
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.retranslate import Retranslatable

COLUMNS = (("en", N_("English")), ("fr", N_("French")), ("es", N_("Spanish")))
AVOID_LABELS = {"fr": N_("In French, not: {variants}"), "es": N_("In Spanish, not: {variants}")}


def _capitalised(text: str) -> str:
    """A language name as a column heading: "français" -> "Français"."""
    return text[:1].upper() + text[1:]


class GlossaryDialog(Retranslatable, QDialog):
    """Stays open beside the app (not modal): a term can be looked up while writing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.version, self.terms = glossary()
        self.filter_label = QLabel(self)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter_label.setBuddy(self.filter)
        self.filter.textChanged.connect(self._filter)
        self.count = MessageLabel(self)
        self.table = QTableWidget(len(self.terms), len(COLUMNS), self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        # rows as tall as their wrapped text at the width the columns really have
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, term in enumerate(self.terms):
            for column, (language, _label) in enumerate(COLUMNS):
                item = QTableWidgetItem(term.term[language])
                item.setToolTip(term.term[language])
                self.table.setItem(row, column, item)
        self.table.itemSelectionChanged.connect(self._show_note)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_label)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(900, 620)
        self.retranslate_ui()

    def _filter(self) -> None:
        query = self.filter.text()
        shown = 0
        for row, term in enumerate(self.terms):
            hidden = not term.matches(query)
            self.table.setRowHidden(row, hidden)
            shown += not hidden
        self.count.say(
            _("{shown} of {total} terms").format(
                shown=format_number(shown), total=format_number(len(self.terms))
            ),
            error=shown == 0,
        )

    def selected_term(self) -> Term | None:
        rows = self.table.selectionModel().selectedRows()
        return self.terms[rows[0].row()] if rows else None

    def _show_note(self) -> None:
        term = self.selected_term()
        if term is None:
            self.note.setText(_("Choose a term to read its note."))
            return
        language = current_language()
        lines = [term.note.get(language, "")]
        # the reader's own language, or (in English) both translations
        for code in [language] if language in AVOID_LABELS else list(AVOID_LABELS):
            avoid = term.avoid.get(code, ())
            if avoid:
                lines.append(_(AVOID_LABELS[code]).format(variants=" · ".join(avoid)))
        self.note.setText("\n".join(line for line in lines if line))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Glossary – ACSG Desktop"))
        self.setAccessibleName(_("Glossary"))
        self.filter_label.setText(_("&Filter:"))
        self.filter.setPlaceholderText(_("A word in English, French or Spanish"))
        self.filter.setAccessibleName(_("Filter the glossary"))
        self.filter.setToolTip(_("Type part of a term to list only the terms that contain it."))
        self.table.setHorizontalHeaderLabels([_capitalised(_(label)) for _code, label in COLUMNS])
        self.table.setAccessibleName(
            _("ACSG terms, version {version}").format(version=self.version)
        )
        self._filter()
        self._show_note()
