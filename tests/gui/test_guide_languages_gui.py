"""Any two of the three working languages side by side (issue 18.3), and search in Spanish."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from acsg_desktop.core.guides.reading_modes import READING_MODES, columns
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.language import LanguageSwitcher
from tests.gui.screen_walk import settle
from tests.gui.test_guides_gui import open_guides


def test_a_spanish_reader_gets_spanish_beside_english_and_may_choose_another_pair(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    language.apply("es", remember=False)
    page = open_guides(qtbot, workspace, language).guides_page
    reader = page.reader
    assert [reader.mode.itemData(i) for i in range(reader.mode.count())] == list(READING_MODES)
    page.open_guide("backlog-reduction-plan")
    guide = reader.guide
    assert reader.mode.currentData() == "en+es"
    text = reader.browser.toPlainText()
    assert guide.texts["es"].title in text and guide.texts["en"].title in text
    assert text.index(guide.texts["es"].title) < text.index(guide.texts["en"].title)
    assert "Español a la izquierda" in reader.browser.accessibleDescription()
    reader.mode.setCurrentIndex(reader.mode.findData("fr+es"))
    reader.mode.activated.emit(reader.mode.currentIndex())  # as a click on the item does
    text = reader.browser.toPlainText()
    assert guide.texts["fr"].title in text and guide.texts["en"].title not in text
    language.apply("en", remember=False)  # a choice the user made outlives the switch
    settle()
    assert reader.mode.currentData() == "fr+es"
    assert reader.mode.currentText() == "French and Spanish side by side"


def test_the_pair_follows_the_language_until_the_user_chooses(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    page = open_guides(qtbot, workspace, language).guides_page
    assert page.reader.mode.currentData() == "en+fr"
    language.apply("es", remember=False)
    settle()
    assert page.reader.mode.currentData() == "en+es"
    assert columns("en+es", "es") == ("es", "en") and columns("fr+es", "en") == ("fr", "es")


def test_searching_rezago_finds_the_backlog_guide_in_spanish(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    language.apply("es", remember=False)
    page = open_guides(qtbot, workspace, language).guides_page
    qtbot.keyClicks(page.search, "rezago")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    ids = [page.model.row_at(row).guide_id for row in range(page.model.rowCount())]
    assert "backlog-reduction-plan" in ids
