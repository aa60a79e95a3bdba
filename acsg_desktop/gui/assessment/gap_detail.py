"""The results' gap detail: the selected gap's question, level and target, next step and guides,
in full and wrapped (the gap list beside it keeps to a few short columns)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from acsg_desktop.core.assessment.rules import gap_next_step
from acsg_desktop.core.assessment.scoring import Gap
from acsg_desktop.core.framework.model import Framework
from acsg_desktop.core.i18n import N_, _
from acsg_desktop.gui.widgets.link_button import LinkList
from acsg_desktop.gui.widgets.retranslate import Retranslatable

NEXT_STEP_HEADING = N_("Next step")
FIND_OUT = N_("Find out, then answer this indicator.")


def gap_level_text(gap: Gap) -> str:
    """The gap's level as the list shows it (a number, or "Insufficient information")."""
    return str(gap.level) if gap.level else _("Insufficient information")


def gap_next_step_text(framework: Framework, gap: Gap) -> str:
    """What to do next for ``gap``, in the current language."""
    step = gap_next_step(framework, gap)
    return step.get() if step else _(FIND_OUT)


def _wrapped(parent: QWidget, bold: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class GapDetailPane(Retranslatable, QScrollArea):
    """Scrolls down, never sideways: every text wraps to the pane's width."""

    guide_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._shown: tuple[Framework, Gap, int, dict[str, str]] | None = None
        body = QWidget(self)
        self.heading = _wrapped(body, bold=True)
        self.question = _wrapped(body)
        self.facts = _wrapped(body)
        self.next_heading = _wrapped(body, bold=True)
        self.next_step = _wrapped(body)
        self.guides = LinkList(body)  # one Tab stop per guide, named by its title
        self.guides.link_activated.connect(self.guide_requested)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 0, 4, 0)
        for label in (self.heading, self.question, self.facts, self.next_heading):
            layout.addWidget(label)
        layout.addWidget(self.next_step)
        layout.addWidget(self.guides)
        layout.addStretch(1)
        self.setWidget(body)
        self.retranslate_ui()

    def sizeHint(self) -> QSize:
        """Modest: the pane scrolls, and the page around it must fit a 768-pixel screen."""
        return QSize(super().sizeHint().width(), 160)

    def minimumSizeHint(self) -> QSize:
        """As wide as what cannot wrap in it (a guide's link), so that the splitter beside it
        gives the room and nothing is cut on the right."""
        body = self.widget()
        needed = body.minimumSizeHint().width() if body is not None else 0
        return QSize(needed + self.verticalScrollBar().sizeHint().width(), 120)

    def show_gap(
        self,
        framework: Framework | None,
        gap: Gap | None,
        number: int = 0,
        guide_titles: dict[str, str] | None = None,
    ) -> None:
        """Show ``gap`` (``number`` as the list shows it), or a hint when None."""
        if framework is None or gap is None:
            self._shown = None
        else:
            self._shown = (framework, gap, number, guide_titles or {})
        self._fill()

    def _fill(self) -> None:
        details = (self.question, self.facts, self.next_heading, self.next_step, self.guides)
        for label in details:
            label.setVisible(self._shown is not None)
        if self._shown is None:
            self.heading.setText(_("Select a gap to see its question, next step and guides."))
            return
        framework, gap, number, titles = self._shown
        indicator = framework.indicator(gap.indicator_id)
        self.heading.setText(
            _("Gap {number} · {area}").format(
                number=number, area=framework.area(gap.area_id).title.get()
            )
        )
        self.question.setText(indicator.question.get())
        self.facts.setText(self._facts(gap))
        self.next_heading.setText(_(NEXT_STEP_HEADING))
        self.next_step.setText(gap_next_step_text(framework, gap))
        links = [(guide, titles.get(guide, guide)) for guide in indicator.guides]
        self.guides.set_links(
            _("Related practice guides:")
            if links
            else _("No practice guide is linked to this indicator yet."),
            links,
        )
        self.updateGeometry()  # a longer link may need a wider pane

    @staticmethod
    def _facts(gap: Gap) -> str:
        if not gap.level:
            return _("Level: insufficient information · Target: {target}").format(
                target=gap.target_level
            )
        return _("Level: {level} · Target: {target} · Priority: {priority}").format(
            level=gap.level, target=gap.target_level, priority=gap.priority
        )

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("Gap details"))
        self._fill()
