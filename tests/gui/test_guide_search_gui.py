"""The guide search as the box promises: both languages, best hit first, words marked, an empty
state; and the country box of the first run, accents optional."""

import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QFileDialog, QTextBrowser
from pytestqt.qtbot import QtBot

from acsg_desktop.core.guides.search_text import MARK_START
from acsg_desktop.core.i18n import _, country_name
from acsg_desktop.core.workspace import Workspace
from acsg_desktop.gui.guides.guides_page import GuidesPage
from acsg_desktop.gui.language import LanguageSwitcher
from acsg_desktop.gui.settings.first_run_dialog import FirstRunDialog
from acsg_desktop.gui.widgets.country_combo import CountryComboBox
from acsg_desktop.gui.widgets.html_delegate import HTML_ROLE
from tests.gui.helpers import open_main_window

MARK_COLOUR = MARK_START.split("background-color:")[1][:7]


def guides_page(qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher) -> GuidesPage:
    window = open_main_window(qtbot, workspace, language)
    window.show_area(window.pages.indexOf(window.guides_page))
    return window.guides_page


def search(qtbot: QtBot, page: GuidesPage, words: str) -> None:
    """Type ``words``; when guides are found, wait for the best one to open (typing pauses)."""
    page.search.clear()
    qtbot.keyClicks(page.search, words)
    if page.model.rowCount():
        best = page.model.row_at(0).guide_id
        qtbot.waitUntil(lambda: page.reader.guide is not None and page.reader.guide.id == best)


def marked_words(browser: QTextBrowser) -> list[str]:
    """The runs of text shown with the search mark's background (an anchor splits a run in
    fragments)."""
    words, run = [], ""
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().background().color().name() == MARK_COLOUR:
                run += fragment.text()
            elif run:
                words, run = [*words, run], ""
            fragments += 1
        if run:
            words, run = [*words, run], ""
        block = block.next()
    return words


def row_guides(page: GuidesPage) -> list[str]:
    return [page.model.row_at(n).guide_id for n in range(page.model.rowCount())]


def test_english_words_are_found_from_the_french_screen(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    language.apply("fr", remember=False)
    page = guides_page(qtbot, workspace, language)
    search(qtbot, page, "backlog")
    assert row_guides(page)[0] == "backlog-reduction-plan"
    first = page.model.index(0, 0).data(HTML_ROLE)
    assert html.escape(workspace.guides.get("backlog-reduction-plan").texts["fr"].title) in first
    assert _("{language} text:").format(language=_("English")) in first  # the snippet's language
    assert "<u>backlog</u>" in first and "**" not in first and "##" not in first


def test_a_new_search_shows_its_best_hit_at_the_top_with_the_words_marked(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    page = guides_page(qtbot, workspace, language)
    search(qtbot, page, "the")
    last = page.model.index(page.model.rowCount() - 1, 0)
    page.results.setCurrentIndex(last)
    page.results.scrollToBottom()
    assert page.results.verticalScrollBar().value() > 0
    search(qtbot, page, "interpre")
    assert page.results.currentIndex().row() == 0
    assert page.results.verticalScrollBar().value() == 0
    assert page.reader.guide.id == row_guides(page)[0] == "working-with-interpreters"
    marked = {word.casefold() for word in marked_words(page.reader.browser)}
    assert {"interpreter", "interprète"} <= marked  # both columns, accents or not
    assert all(word.startswith("interpr") for word in marked)


def test_typing_lays_the_best_hit_out_once_the_typing_pauses(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, monkeypatch
) -> None:
    page = guides_page(qtbot, workspace, language)
    shown: list[tuple[str, str]] = []
    real_show = page.reader.show_guide

    def counted(guide_id: str, words: str = "") -> None:
        shown.append((guide_id, words))
        real_show(guide_id, words)

    monkeypatch.setattr(page.reader, "show_guide", counted)
    search(qtbot, page, "interpreter")
    assert shown == [("working-with-interpreters", "interpreter")]  # not once a key


def test_marks_follow_the_words_and_go_when_the_search_is_cleared(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    language.apply("fr", remember=False)
    page = guides_page(qtbot, workspace, language)
    search(qtbot, page, "arriere")
    assert page.reader.guide.id == "backlog-reduction-plan"
    assert "arriéré" in marked_words(page.reader.browser)
    page.reader.mode.setCurrentIndex(page.reader.mode.findData("en"))  # the other language
    assert "arriéré" not in marked_words(page.reader.browser)
    page.search.clear()
    assert page.reader.guide.id == "backlog-reduction-plan"
    assert marked_words(page.reader.browser) == []


def test_a_guide_is_printed_without_the_marks_of_the_search(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher, tmp_path, monkeypatch
) -> None:
    page = guides_page(qtbot, workspace, language)
    search(qtbot, page, "interpreter")
    assert marked_words(page.reader.browser)
    printed: list[str] = []
    monkeypatch.setattr(QTextDocument, "print_", lambda doc, _printer: printed.append(doc.toHtml()))
    target = tmp_path / "guide.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    page.reader.print_button.click()
    [document] = printed
    assert "Working with interpreters" in document and MARK_COLOUR not in document
    assert marked_words(page.reader.browser)  # still marked on screen


def test_nothing_found_says_so_instead_of_keeping_the_last_guide(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    page = guides_page(qtbot, workspace, language)
    search(qtbot, page, "backlog")
    assert page.reader.guide is not None
    search(qtbot, page, "backlog zzqx")
    assert page.model.rowCount() == 0 and page.reader.guide is None
    text = page.reader.browser.toPlainText()
    assert _("No guide matches “{query}”.").format(query="backlog zzqx") in text
    assert "backlog reduction" not in text
    assert not page.reader.bookmark.isEnabled() and not page.reader.print_button.isEnabled()
    assert page.count.text() == "0 guides found"
    page.search.clear()
    page.bookmarked.setChecked(True)  # nothing is bookmarked
    assert _("No guide matches these filters.") in page.reader.browser.toPlainText()
    page.bookmarked.setChecked(False)
    assert page.reader.browser.toPlainText() == _("Choose a guide in the list.")


def test_a_language_switch_keeps_the_search_and_relabels_it(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    page = guides_page(qtbot, workspace, language)
    search(qtbot, page, "arriere")  # French words from the English screen
    assert _("{language} text:").format(language=_("French")) in page.model.index(0, 0).data(
        HTML_ROLE
    )
    language.apply("fr", remember=False)  # Qt delivers the change from its event loop
    french_title = html.escape(workspace.guides.get("backlog-reduction-plan").texts["fr"].title)
    qtbot.waitUntil(lambda: french_title in page.model.index(0, 0).data(HTML_ROLE))
    assert "<i></i>" in page.model.index(0, 0).data(HTML_ROLE)  # now the screen's language
    assert page.reader.guide.id == "backlog-reduction-plan"
    assert "arriéré" in marked_words(page.reader.browser)
    search(qtbot, page, "zzqx")
    language.apply("en", remember=False)
    qtbot.waitUntil(lambda: "No guide matches “zzqx”." in page.reader.browser.toPlainText())
    assert page.count.text() == "0 guides found"


def test_the_count_names_the_best_matches_when_there_are_more(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    page = guides_page(qtbot, workspace, language)
    search(qtbot, page, "the")
    assert page.count.text() == "The 20 best matches"
    search(qtbot, page, "backlog reduction")
    assert page.count.text() == "1 guide found"


def first_run(qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher) -> FirstRunDialog:
    dialog = FirstRunDialog(workspace.profiles, language)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize("ui", ["en", "fr"])
@pytest.mark.parametrize(("typed", "code"), [("cote", "CI"), ("sao tome", "ST")])
def test_the_country_box_ignores_accents(
    qtbot: QtBot,
    workspace: Workspace,
    language: LanguageSwitcher,
    ui: str,
    typed: str,
    code: str,
) -> None:
    language.apply(ui, remember=False)
    QApplication.processEvents()  # the language change is delivered before any typing
    dialog = first_run(qtbot, workspace, language)
    country: CountryComboBox = dialog.form.country
    qtbot.keyClicks(country.lineEdit(), typed)
    completer = country.completer()
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    offered = [
        completer.completionModel().index(row, 0).data()
        for row in range(completer.completionModel().rowCount())
    ]
    assert country_name(code) in offered
    popup.setCurrentIndex(completer.completionModel().index(offered.index(country_name(code)), 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert country.currentText() == country_name(code)  # the name itself, accents and all
    assert country.country_code() == code


def test_a_country_typed_in_full_without_accents_is_recognised(
    qtbot: QtBot, workspace: Workspace, language: LanguageSwitcher
) -> None:
    dialog = first_run(qtbot, workspace, language)
    country: CountryComboBox = dialog.form.country
    country.setEditText("cote d'ivoire")  # a straight apostrophe, no circumflex
    assert country.country_code() == "CI"
    country.setEditText("SAO TOME & PRINCIPE")  # "São Tomé & Príncipe"
    assert country.country_code() == "ST"
    country.setEditText("Cote")
    assert country.country_code() == ""
