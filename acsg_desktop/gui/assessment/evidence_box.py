"""The "Evidence files" box of an answer: the attached files with an icon by type (a small
thumbnail for images) and their size; Attach…, Open and Remove; files dropped onto it are
attached. Read only (a completed or locked assessment): only Open stays."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from acsg_desktop.core.errors import AcsgError
from acsg_desktop.core.evidence.file_types import BY_MEDIA_TYPE
from acsg_desktop.core.evidence.names import size_text
from acsg_desktop.core.evidence.service import MAX_FILE_BYTES, EvidenceService
from acsg_desktop.core.i18n import _
from acsg_desktop.core.records.evidence import EvidenceFile
from acsg_desktop.gui.assessment import evidence_actions
from acsg_desktop.gui.widgets.announce import MessageLabel
from acsg_desktop.gui.widgets.retranslate import Retranslatable

ICON_SIZE = 40
VISIBLE_ROWS = 4
FILE_ROLE = Qt.ItemDataRole.UserRole + 1


class EvidenceFilesBox(Retranslatable, QGroupBox):
    """The files attached to the answer shown; ``show_answer`` switches to another one."""

    def __init__(
        self, service: EvidenceService, user: Callable[[], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._user = service, user
        self._answer: tuple[int, str] | None = None
        self._read_only = False
        self.files = QListWidget(self)
        self.files.setIconSize(QPixmap(ICON_SIZE, ICON_SIZE).size())
        self.files.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.message = MessageLabel(self)
        self.message.setWordWrap(True)
        self.attach_button, self.open_button, self.remove_button = (
            QPushButton(self) for _name in "aor"
        )
        self.setAcceptDrops(True)
        self._lay_out()
        self._connect()
        self.retranslate_ui()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.files, self.hint):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def _connect(self) -> None:
        self.attach_button.clicked.connect(self.attach_chosen)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.files.itemActivated.connect(lambda _item: self.open_selected())
        self.files.currentItemChanged.connect(lambda *_items: self._enable())

    def focus_order(self) -> list[QWidget]:
        return [self.files, self.attach_button, self.open_button, self.remove_button]

    def show_answer(self, assessment_id: int, indicator_id: str, read_only: bool) -> None:
        """List the files of one answer; ``read_only``: they can be opened, not changed."""
        self._answer, self._read_only = (assessment_id, indicator_id), read_only
        self.message.say("")
        self.refresh()

    def refresh(self) -> None:
        self.files.clear()
        if self._answer is not None:
            for attached in self._service.files(*self._answer):
                self.files.addItem(self._item(attached))
        if self.files.count():
            self.files.setCurrentRow(0)
        self._fit_list()
        self._enable()

    def _fit_list(self) -> None:
        """As tall as its files (up to four, then it scrolls); hidden while there are none."""
        count = self.files.count()
        self.files.setVisible(count > 0)
        rows = min(max(count, 1), VISIBLE_ROWS)
        row_height = max(self.files.sizeHintForRow(0), ICON_SIZE + 4) if count else ICON_SIZE
        self.files.setFixedHeight(rows * row_height + 2 * self.files.frameWidth() + 4)
        self._show_hint()

    def _item(self, attached: EvidenceFile) -> QListWidgetItem:
        kind = BY_MEDIA_TYPE[attached.media_type]
        item = QListWidgetItem(self._icon(attached), "")
        item.setData(FILE_ROLE, attached)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, "")
        self._label(item, attached, _(kind.label))
        return item

    @staticmethod
    def _label(item: QListWidgetItem, attached: EvidenceFile, kind: str) -> None:
        details = _("{kind} · {size}").format(kind=kind, size=size_text(attached.size))
        item.setText(f"{attached.file_name}\n{details}")
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{attached.file_name}, {details}")

    def _icon(self, attached: EvidenceFile) -> QIcon:
        """A thumbnail made from the image's bytes, else the standard icon of a file."""
        if attached.media_type.startswith("image/"):
            image = QImage.fromData(self._service.content(attached))
            if not image.isNull():
                scaled = image.scaled(
                    ICON_SIZE,
                    ICON_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                return QIcon(QPixmap.fromImage(scaled))
        return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def _enable(self) -> None:
        chosen = self.files.currentItem() is not None
        for button in (self.attach_button, self.remove_button):
            button.setVisible(not self._read_only)
        self.attach_button.setEnabled(self._answer is not None)
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def selected(self) -> EvidenceFile | None:
        item = self.files.currentItem()
        attached = item.data(FILE_ROLE) if item is not None else None
        return attached if isinstance(attached, EvidenceFile) else None

    def attach_chosen(self) -> None:
        self.attach(evidence_actions.choose_files(self))

    def attach(self, paths: list[Path]) -> None:
        """Attach each file in turn; say which were refused and why."""
        if self._answer is None or self._read_only or not paths:
            return
        problems, added = [], 0
        for path in paths:
            try:
                self._service.attach(*self._answer, path, actor=self._user())
                added += 1
            except AcsgError as error:
                problems.append(error.message)
        self.refresh()
        if problems:
            self.message.say("\n".join(problems), error=True)
        else:
            self.message.say(_("Attached: {count}.").format(count=added))

    def open_selected(self) -> None:
        attached = self.selected()
        if attached is None:
            return
        try:
            opened = evidence_actions.open_with_system(self._service.open_copy(attached))
        except AcsgError as error:
            self.message.say(error.message, error=True)
            return
        if not opened:
            self.message.say(_("No program on this computer opens this type of file."), True)

    def remove_selected(self) -> None:
        attached = self.selected()
        if attached is None or self._read_only:
            return
        if not evidence_actions.confirm_removal(self, attached.file_name):
            return
        try:
            self._service.remove(attached.id, actor=self._user())
        except AcsgError as error:
            self.message.say(error.message, error=True)
            return
        self.refresh()
        self.message.say(_("Removed: {name}.").format(name=attached.file_name))

    def _show_hint(self) -> None:
        kinds = _(
            "Scans, photos or documents that show this answer: PDF, PNG, JPEG, TIFF, plain "
            "text, DOCX, XLSX or ODT, up to {cap} each. You can also drop files here."
        ).format(cap=size_text(MAX_FILE_BYTES))
        if not self.files.count():
            kinds = _("No file is attached to this answer.") + " " + kinds
        self.hint.setText(kinds)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if not self._read_only and urls and all(url.isLocalFile() for url in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.attach([Path(url.toLocalFile()) for url in event.mimeData().urls()])
        event.acceptProposedAction()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Evidence files"))
        self.files.setAccessibleName(_("Evidence files"))
        self.attach_button.setText(_("A&ttach…"))
        self.open_button.setText(_("Open a &copy"))
        self.remove_button.setText(_("Re&move"))
        self._show_hint()
        for row in range(self.files.count()):
            item = self.files.item(row)
            attached = item.data(FILE_ROLE)
            self._label(item, attached, _(BY_MEDIA_TYPE[attached.media_type].label))
